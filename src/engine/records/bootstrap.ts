/**
 * The seeded bootstrap (bootstrap met vaste seed) of the effect measurement and the case analysis: resampling
 * households (or cases) with replacement, binomial draws for aggregated counts, and the percentile interval. The
 * generator is the engine's sfc32 (uncertainty/random.ts): the same seed gives the same interval in Node, a browser
 * and a Web Worker.
 */
import { Random } from "../uncertainty/random";

export { Random };

/** The default number of bootstrap replicates and seed. */
export const BOOTSTRAP_DEFAULTS = { replicates: 2_000, seed: 1 } as const;
export const BOOTSTRAP_LIMITS = { minReplicates: 100, maxReplicates: 100_000 } as const;

// Math's functions as module constants: under Jest (a vm context) every `Math.x` is a slow global lookup.
const { exp, log, sqrt, cos, floor, round, min, max, PI } = Math;

/** Binomials whose variance exceeds this are drawn by the normal approximation. */
const NORMAL_ABOVE = 30;

/** ln k! — a table up to 1.024, Stirling's series beyond (error below 1e-12 there). */
const LOG_FACTORIAL = (() => {
  const t = new Float64Array(1025);
  for (let k = 2; k <= 1024; k++) t[k] = t[k - 1]! + log(k);
  return t;
})();
function logFactorial(k: number): number {
  if (k <= 1024) return LOG_FACTORIAL[k]!;
  return k * log(k) - k + 0.5 * log(2 * PI * k) + 1 / (12 * k) - 1 / (360 * k * k * k);
}

/**
 * A binomial draw Bin(n, p), exact by inversion searching outward from the mode (chop-down: the probabilities of m,
 * m − 1, m + 1, m − 2, … are subtracted from a uniform number until it is used up; on average about two standard
 * deviations of steps), for n·p·(1−p) ≤ 30; beyond that by the normal approximation (rounded, within 0…n): with a
 * standard deviation above 5,5 its error in any probability is below 1% of the bootstrap's own spread, and it costs a
 * fixed handful of operations where the exact search grows with the spread.
 */
export function binomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const variance = n * p * (1 - p);
  if (variance > NORMAL_ABOVE) {
    const u1 = random.next();
    const u2 = random.next();
    const z = sqrt(-2 * log(u1)) * cos(2 * PI * u2);
    return min(n, max(0, round(n * p + z * sqrt(variance))));
  }
  const m = min(n, floor((n + 1) * p));
  const q = 1 - p;
  const pm = exp(logFactorial(n) - logFactorial(m) - logFactorial(n - m) + m * log(p) + (n - m) * log(q));
  let u = random.next() - pm;
  if (u <= 0) return m;
  let lo = m;
  let hi = m;
  let pLo = pm;
  let pHi = pm;
  const down = q / p;
  const up = p / q;
  while (lo > 0 || hi < n) {
    if (lo > 0) {
      pLo *= (lo / (n - lo + 1)) * down;
      lo--;
      u -= pLo;
      if (u <= 0) return lo;
    }
    if (hi < n) {
      pHi *= ((n - hi) / (hi + 1)) * up;
      hi++;
      u -= pHi;
      if (u <= 0) return hi;
    }
  }
  return m; // rounding left a sliver of probability: the mode
}

/** Percentile q (0…1) of sorted values, interpolated between order statistics (Excel's PERCENTIEL.INC). */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const h = (n - 1) * q;
  const lo = floor(h);
  const hi = lo + 1 < n ? lo + 1 : n - 1;
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** The percentile interval (2,5% and 97,5% for level 0,95) of bootstrap replicates (NaN replicates left out); null if none. */
export function percentileInterval(replicates: Float64Array, level = 0.95): Interval | null {
  let count = 0;
  for (let i = 0; i < replicates.length; i++) if (replicates[i] === replicates[i]) count++;
  if (count === 0) return null;
  const finite = count === replicates.length ? replicates.slice() : new Float64Array(count);
  if (count < replicates.length) for (let i = 0, k = 0; i < replicates.length; i++) if (replicates[i] === replicates[i]) finite[k++] = replicates[i]!;
  finite.sort();
  const tail = (1 - level) / 2;
  return { low: percentileOfSorted(finite, tail), high: percentileOfSorted(finite, 1 - tail) };
}
