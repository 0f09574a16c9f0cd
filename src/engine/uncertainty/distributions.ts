/**
 * Probability distributions of a parameter (kansverdelingen): uniform, driehoek (triangular), PERT, normaal,
 * lognormaal and discreet — each sampled through its inverse CDF (quantile function), so that plain random sampling,
 * Latin hypercube sampling and Iman–Conover rank correlation all start from uniform numbers u in (0, 1).
 *
 * The normal quantile is Wichura's AS 241 (Applied Statistics 37, 1988), accurate to about 1e-16; the PERT quantile
 * inverts the regularised incomplete beta function by Halley steps from the Numerical Recipes initial guess.
 */

export const DISTRIBUTION_TYPES = ["uniform", "driehoek", "pert", "normaal", "lognormaal", "discreet"] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

export type Distribution =
  | { readonly type: "uniform"; readonly min: number; readonly max: number }
  | { readonly type: "driehoek"; readonly min: number; readonly mode: number; readonly max: number }
  /** PERT: a beta distribution on [min, max] with its mode at `mode`; `lambda` (default 4) weighs the mode. */
  | { readonly type: "pert"; readonly min: number; readonly mode: number; readonly max: number; readonly lambda?: number }
  | { readonly type: "normaal"; readonly mean: number; readonly sd: number }
  /** Lognormal with the mean and standard deviation of the value itself (not of its logarithm). */
  | { readonly type: "lognormaal"; readonly mean: number; readonly sd: number }
  | { readonly type: "discreet"; readonly values: readonly number[]; readonly probabilities: readonly number[] };

export const DISTRIBUTION_LABELS: Readonly<Record<DistributionType, string>> = {
  uniform: "uniform",
  driehoek: "driehoek",
  pert: "PERT",
  normaal: "normaal",
  lognormaal: "lognormaal",
  discreet: "discreet",
};

/** A distribution made ready for sampling: u in (0, 1) → a value. */
export type Quantile = (u: number) => number;

/** The quantile function of a distribution (checked by the schema: min ≤ mode ≤ max, sd > 0, probabilities sum to 1). */
export function quantileOf(d: Distribution): Quantile {
  switch (d.type) {
    case "uniform": {
      const { min, max } = d;
      return (u) => min + (max - min) * u;
    }
    case "driehoek": {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return () => a;
      const split = (c - a) / (b - a);
      return (u) => (u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c)));
    }
    case "pert": {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return () => a;
      const { alpha, beta } = pertShape(a, c, b, d.lambda ?? 4);
      const afac = logGamma(alpha + beta) - logGamma(alpha) - logGamma(beta);
      return (u) => a + (b - a) * inverseBeta(u, alpha, beta, afac);
    }
    case "normaal": {
      const { mean, sd } = d;
      return (u) => mean + sd * normalQuantile(u);
    }
    case "lognormaal": {
      const { mu, sigma } = lognormalShape(d.mean, d.sd);
      return (u) => Math.exp(mu + sigma * normalQuantile(u));
    }
    case "discreet": {
      // Sorted by value, so that the quantile is monotone (Latin hypercube and rank correlation rely on that).
      const pairs = d.values.map((v, i) => [v, d.probabilities[i]!] as const).sort((x, y) => x[0] - y[0]);
      const values = Float64Array.from(pairs.map((p) => p[0]));
      const cumulative = new Float64Array(pairs.length);
      let sum = 0;
      pairs.forEach((p, i) => (cumulative[i] = sum += p[1]));
      const total = sum;
      return (u) => {
        const target = u * total;
        let lo = 0;
        let hi = values.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (target < cumulative[mid]!) hi = mid;
          else lo = mid + 1;
        }
        return values[lo]!;
      };
    }
  }
}

function pertShape(min: number, mode: number, max: number, lambda: number): { alpha: number; beta: number } {
  return { alpha: 1 + (lambda * (mode - min)) / (max - min), beta: 1 + (lambda * (max - mode)) / (max - min) };
}

function lognormalShape(mean: number, sd: number): { mu: number; sigma: number } {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

/** The analytic mean and variance (verwachting en variantie) of a distribution. */
export function moments(d: Distribution): { mean: number; variance: number } {
  switch (d.type) {
    case "uniform":
      return { mean: (d.min + d.max) / 2, variance: (d.max - d.min) ** 2 / 12 };
    case "driehoek": {
      const { min: a, mode: c, max: b } = d;
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
    }
    case "pert": {
      const { min: a, max: b } = d;
      if (a === b) return { mean: a, variance: 0 };
      const { alpha, beta } = pertShape(a, d.mode, b, d.lambda ?? 4);
      const n = alpha + beta;
      return { mean: a + ((b - a) * alpha) / n, variance: ((b - a) ** 2 * alpha * beta) / (n * n * (n + 1)) };
    }
    case "normaal":
    case "lognormaal":
      return { mean: d.mean, variance: d.sd * d.sd };
    case "discreet": {
      const total = d.probabilities.reduce((s, p) => s + p, 0);
      const mean = d.values.reduce((s, v, i) => s + (v * d.probabilities[i]!) / total, 0);
      const variance = d.values.reduce((s, v, i) => s + ((v - mean) ** 2 * d.probabilities[i]!) / total, 0);
      return { mean, variance };
    }
  }
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1: Wichura's algorithm AS 241 (PPND16), relative accuracy about
 * 1e-16 over the whole range — no refinement step needed. ±Infinity at p = 0 and p = 1, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients; about 1e-15 relative). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b); `afac` = ln Γ(a+b) − ln Γ(a) − ln Γ(b). */
export function regularizedBeta(x: number, a: number, b: number, afac = logGamma(a + b) - logGamma(a) - logGamma(b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(afac + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** The inverse of I_x(a, b) for a, b ≥ 1 (PERT's shapes): Halley steps from the Numerical Recipes initial guess. */
export function inverseBeta(p: number, a: number, b: number, afac = logGamma(a + b) - logGamma(a) - logGamma(b)): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (a === 1 && b === 1) return p;
  if (a === 1) return 1 - Math.pow(1 - p, 1 / b);
  if (b === 1) return Math.pow(p, 1 / a);
  const a1 = a - 1;
  const b1 = b - 1;
  let x: number;
  {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  }
  for (let j = 0; j < 30; j++) {
    if (x <= 0 || x >= 1) x = Math.min(Math.max(x, 1e-300), 1 - 1e-16);
    const error = regularizedBeta(x, a, b, afac) - p;
    const density = Math.exp(a1 * Math.log(x) + b1 * Math.log(1 - x) + afac);
    const u = error / density;
    const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - b1 / (1 - x))));
    let next = x - step;
    if (next <= 0) next = 0.5 * x;
    if (next >= 1) next = 0.5 * (x + 1);
    const done = Math.abs(next - x) < 1e-14 * Math.max(x, 1e-10);
    x = next;
    if (done) break;
  }
  return x;
}

/** The range a tornado uses for a distribution: its bounds; for normal and lognormal P5 and P95; for discrete min and max. */
export function distributionRange(d: Distribution): { readonly low: number; readonly high: number } {
  switch (d.type) {
    case "uniform":
    case "driehoek":
    case "pert":
      return { low: d.min, high: d.max };
    case "discreet":
      return { low: Math.min(...d.values), high: Math.max(...d.values) };
    case "normaal":
    case "lognormaal": {
      const q = quantileOf(d);
      return { low: q(0.05), high: q(0.95) };
    }
  }
}
