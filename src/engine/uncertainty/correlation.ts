/**
 * Rank correlation between parameters (rangcorrelatie) by the method of Iman and Conover (1982): the draws of each
 * parameter keep their values — so each keeps its own distribution, and a Latin hypercube stays one — but are put in
 * the order that gives the requested Spearman rank correlations.
 *
 * Steps: van der Waerden scores Φ⁻¹(i/(n+1)) in a random order per parameter; their sample correlation T = Q Qᵀ is taken
 * out (Q⁻¹) and the target put in (P, the Cholesky factor of the target correlation of normal scores); each parameter's
 * draws are then ranked like its column of scores. A Spearman target ρ becomes the normal-score correlation
 * 2·sin(π·ρ/6), so that the rank correlation that comes out is ρ, not the slightly smaller (6/π)·arcsin(ρ/2).
 */
import { normalQuantile } from "./distributions";
import { Random } from "./random";

/** The lower-triangular Cholesky factor L of a symmetric matrix (L Lᵀ = A), or null when A is not positive definite. */
function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 1e-12)) return null;
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  return l;
}

/** The normal-score (Pearson) correlation that gives Spearman rank correlation ρ for normal variables. */
function normalScoreCorrelation(spearman: number): number {
  return 2 * Math.sin((Math.PI * spearman) / 6);
}

export const NOT_POSITIVE_DEFINITE =
  "de correlaties passen niet bij elkaar: de correlatiematrix is niet positief definiet (bijvoorbeeld a en b sterk positief, b en c sterk positief, maar a en c sterk negatief); maak de tegenstrijdige correlaties zwakker";

/** The target matrix of normal-score correlations for pairs of indices 0 … n−1 with Spearman ρ, or why it cannot be used. */
export function targetMatrix(n: number, pairs: readonly { readonly i: number; readonly j: number; readonly rank: number }[]): { ok: true; matrix: number[][]; factor: number[][] } | { ok: false; message: string } {
  const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (const { i, j, rank } of pairs) {
    const r = normalScoreCorrelation(rank);
    matrix[i]![j] = r;
    matrix[j]![i] = r;
  }
  const factor = cholesky(matrix);
  return factor ? { ok: true, matrix, factor } : { ok: false, message: NOT_POSITIVE_DEFINITE };
}

/**
 * Reorders the columns (one Float64Array of n draws per parameter) in place so that their rank correlations follow the
 * target's Cholesky factor P. Uses `random` for the order of the scores.
 */
export function imanConover(columns: readonly Float64Array[], factor: readonly (readonly number[])[], random: Random): void {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < 3) return;
  // Scores, each column a random permutation of the van der Waerden scores.
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) base[i] = normalQuantile((i + 1) / (n + 1));
  const scores = columns.map(() => random.shuffle(Float64Array.from(base)));
  // Their sample correlation T and its Cholesky factor Q (the scores have mean 0 and the same variance per column).
  let variance = 0;
  for (let i = 0; i < n; i++) variance += base[i]! * base[i]!;
  const t = Array.from({ length: k }, (_, a) =>
    Array.from({ length: k }, (_, b) => {
      if (a === b) return 1;
      let s = 0;
      const x = scores[a]!;
      const y = scores[b]!;
      for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
      return s / variance;
    }),
  );
  const q = cholesky(t);
  // M = Pᵀ-free form: target scores S* = S Q⁻ᵀ Pᵀ, i.e. row s* = P Q⁻¹ s. A tiny sample can have a singular T: then
  // only P is applied (the scores are nearly uncorrelated anyway).
  const m = q ? multiply(factor, invertLower(q)) : factor.map((row) => [...row]);
  const target = columns.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      let s = 0;
      const row = m[a]!;
      for (let b = 0; b <= a; b++) s += row[b]! * scores[b]![i]!;
      target[a]![i] = s;
    }
  }
  // Each column's draws in the rank order of its target scores.
  const order = new Uint32Array(n);
  for (let a = 0; a < k; a++) {
    const column = columns[a]!;
    const sorted = Float64Array.from(column).sort();
    const tc = target[a]!;
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => tc[x]! - tc[y]! || x - y);
    for (let r = 0; r < n; r++) column[order[r]!] = sorted[r]!;
  }
}

function invertLower(l: readonly (readonly number[])[]): number[][] {
  const n = l.length;
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    inv[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s += l[i]![k]! * inv[k]![j]!;
      inv[i]![j] = -s / l[i]![i]!;
    }
  }
  return inv;
}

/** Product of two lower-triangular matrices (lower-triangular). */
function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = j; k <= i; k++) s += a[i]![k]! * b[k]![j]!;
      return j <= i ? s : 0;
    }),
  );
}

/** Spearman rank correlation of two samples (average ranks for ties). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}

function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]!] === x[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]!] = rank;
    i = j + 1;
  }
  return r;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
