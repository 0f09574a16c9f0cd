/**
 * Summary statistics of a Monte Carlo outcome (kengetallen van een verdeling): mean, standard error of the mean,
 * percentiles (linear interpolation between order statistics, as Excel's PERCENTIEL.INC), the share above a threshold
 * and a histogram with equal bins.
 */

const PERCENTILES = [5, 10, 50, 90, 95] as const;
export type Percentile = (typeof PERCENTILES)[number];

export interface Summary {
  /** Runs with a value (a ratio has none where its denominator is 0). */
  readonly count: number;
  readonly mean: number | null;
  /** Standard deviation of the draws (n − 1 in the denominator). */
  readonly sd: number | null;
  /** Standard error of the mean, sd / √n (for Latin hypercube sampling an upper bound). */
  readonly standardError: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly percentiles: Readonly<Record<`P${Percentile}`, number | null>>;
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Percentile p (0 … 100) of sorted values, interpolated (PERCENTIEL.INC). */
function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The summary of the values, NaN meaning "no value in this run". */
export function summarize(values: Float64Array): Summary {
  const finite = values.filter((x) => !Number.isNaN(x));
  const n = finite.length;
  const none = { P5: null, P10: null, P50: null, P90: null, P95: null };
  if (n === 0) return { count: 0, mean: null, sd: null, standardError: null, min: null, max: null, percentiles: none };
  // Two passes (mean, then squared deviations): no cancellation for outcomes far from 0.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += finite[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (finite[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  finite.sort();
  const percentiles = Object.fromEntries(PERCENTILES.map((p) => [`P${p}`, percentileOfSorted(finite, p)])) as Summary["percentiles"];
  return { count: n, mean, sd, standardError: sd / Math.sqrt(n), min: finite[0]!, max: finite[n - 1]!, percentiles };
}

/** Share of values above `threshold` (NaN counted as not above), and its standard error √(p(1−p)/n). */
export function shareAbove(values: Float64Array, threshold: number): { share: number; standardError: number } {
  let above = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > threshold) above++;
  const n = values.length;
  const share = n === 0 ? 0 : above / n;
  return { share, standardError: n === 0 ? 0 : Math.sqrt((share * (1 - share)) / n) };
}

/** A histogram of `bins` equal bins from the smallest to the largest value (the last bin includes its upper edge). */
export function histogram(values: Float64Array, bins = 20): HistogramBin[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === Infinity) return [];
  if (min === max) return [{ from: min, to: max, count: values.filter((x) => !Number.isNaN(x)).length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) continue;
    const b = Math.min(bins - 1, Math.floor((x - min) / width));
    counts[b]!++;
  }
  return counts.map((count, b) => ({ from: min + b * width, to: b === bins - 1 ? max : min + (b + 1) * width, count }));
}
