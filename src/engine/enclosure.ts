/**
 * Enclosures (omsluitingen) for the model engine's fast path: a value D that the decimal engine computes (40
 * significant digits, ROUND_HALF_UP, each operation rounded) known as a double-double hi + lo together with a bound
 * err ≥ |D − (hi + lo)|. Each operation below takes the enclosures of two decimal operands X and Y and gives one of
 * the decimal engine's result Z = round40(X op Y), so that a whole computation — a model's expressions, its yearly
 * amounts, discounting, sums per actor and per year — can be followed in doubles, and `provenNearest`
 * (doubleDouble.ts) can then say whether the double nearest to hi + lo is also the one nearest to D.
 *
 * The bound of each result has three parts, each computed from the magnitudes at hand:
 * - the double-double step itself: the exact parts come from TwoSum and TwoProduct, and every other floating-point
 *   operation o is off by at most u·|fl(o)| (u = 2^−53, round to nearest; operands stay within [2^−300, 2^300], so
 *   nothing overflows, and a product that underflows is covered by an extra 2^−1000);
 * - the operands' own errors carried through the operation (ex + ey for a sum; |x|·ey + |y|·ex + ex·ey for a
 *   product; (ex·|y| + |x|·ey) / (|y|·(|y| − ey)) for a quotient);
 * - the decimal rounding of Z: at most 5·10^−40·|X op Y|, bounded here by 10^−39·(|hi| + the two parts above),
 *   the factor 2 covering |lo| ≤ u·|hi|.
 * The bounds are themselves sums and products of doubles and so may come out too small by a factor (1 + u) per
 * operation; `SLACK` (1 + 2^−20) on the final bound covers any computation of fewer than 2^32 operations (a model
 * run has at most 100.000 effect-years, LIMITS.effectYearsPerRun).
 *
 * Signed zeros: decimal.js follows IEEE 754 for the sign of a zero sum, difference, product and quotient (x − x = +0,
 * −0 + −0 = −0, (−0)·3 = −0), and so does the hi part here: a step whose low correction is 0 keeps hi as it is. A
 * value is exactly zero when hi = lo = 0 and err = 0; the sign of such a zero is then the decimal engine's.
 */
import { UNIT_ROUNDOFF as U, twoProductError, twoSumError } from "./doubleDouble";

/** The result of the last operation (a register, so that the hot loops allocate nothing). */
// Initialised with non-integers, so that V8 gives the fields their double representation from the start (a field
// that starts as a small integer and later holds a double changes its representation and deoptimises its users).
export const result = { hi: 0.5, lo: 0.5, err: 0.5 };

/** Twice decimal.js's half unit in the 40th digit, relative (see above). */
const DECIMAL = 1e-39;
const TINY = 2 ** -1000;
/** The magnitudes a factor of a product or a quotient may have (or be exactly 0). */
const MIN = 2 ** -300;
const MAX = 2 ** 300;
/** |F − (hi + lo)| ≤ FACTOR_ERROR·|hi| for a discount factor from the factor table (discounting.ts: 2^−105; 2^−104 here). */
export const FACTOR_ERROR = 2 ** -104;
const STEP_BOUND = 2 ** -102;
/** Covers the rounding of the bounds' own computation (see above). */
export const SLACK = 1 + 2 ** -20;

/** A factor a product or quotient accepts: exactly 0, or a magnitude within [2^−300, 2^300]. */
function usable(hi: number, err: number): boolean {
  const m = Math.abs(hi);
  return (m >= MIN && m <= MAX) || (hi === 0 && err === 0);
}

/** Z = X + Y. */
export function add(xh: number, xl: number, ex: number, yh: number, yl: number, ey: number): void {
  const s = xh + yh;
  const e1 = twoSumError(xh, yh, s);
  const a = xl + yl;
  const t = a + e1;
  let zh = s;
  let zl = 0;
  if (t !== 0) {
    zh = s + t;
    zl = twoSumError(s, t, zh);
  }
  const step = U * (Math.abs(a) + Math.abs(t));
  const carried = ex + ey;
  result.hi = zh;
  result.lo = zl;
  result.err = carried + step + (step + carried === 0 && zl === 0 && isExactDecimalSum(zh) ? 0 : DECIMAL * (Math.abs(zh) + carried + step));
}

/**
 * A sum of two exact operands that is itself an exact double of at most 40 significant decimal digits needs no
 * decimal rounding: every double below 2^53 in magnitude that is an integer has at most 16 digits. (Kept narrow: it
 * is what lets exact zeros and whole-euro sums stay exact, so that a transfer that cancels is a proven 0.)
 */
function isExactDecimalSum(z: number): boolean {
  return Number.isInteger(z) && Math.abs(z) <= 9007199254740992;
}

/** Z = X − Y. */
export function subtract(xh: number, xl: number, ex: number, yh: number, yl: number, ey: number): void {
  add(xh, xl, ex, -yh, -yl, ey);
}

/**
 * Z = X · Y; false when an operand lies outside the range where the bound holds (then nothing is written).
 * With both operands normalised (|xl| ≤ u·|xh|, |yl| ≤ u·|yh|, as every enclosure here is) and within [2^−300, 2^300],
 * p = fl(xh·yh), e1 = xh·yh − p exactly (TwoProduct), m1 = fl(xh·yl), m2 = fl(xl·yh), c = fl(m1 + m2) and
 * t = fl(e1 + c): |m1|, |m2| ≤ u·|p|(1 + 3u), |c| ≤ 2u·|p|(1 + 3u), |t| ≤ 3u·|p|(1 + 3u), so the four roundings are
 * at most u·7u·|p|(1 + 3u) and the dropped xl·yl at most u²·|p|(1 + u): zh + zl = p + t (TwoSum) is within
 * 8u²·|p|(1 + 3u) ≤ 2^−102·|p| of x̃·ỹ, plus 2^−1000 for a partial product that underflows. The operands' errors carry
 * as |x̃|·ey + |ỹ|·ex + ex·ey, with |x̃| ≤ |xh|·(1 + 2^−50).
 */
export function multiply(xh: number, xl: number, ex: number, yh: number, yl: number, ey: number): boolean {
  const mx = Math.abs(xh);
  const my = Math.abs(yh);
  if (!(mx >= MIN && mx <= MAX && my >= MIN && my <= MAX)) return multiplyOutside(xh, xl, ex, yh, yl, ey);
  const p = xh * yh;
  const t = twoProductError(xh, yh, p) + (xh * yl + xl * yh);
  const zh = p + t;
  const zl = twoSumError(p, t, zh);
  const ap = Math.abs(p);
  const carried = (mx * ey + my * ex) * (1 + 2 ** -50) + ex * ey;
  const step = STEP_BOUND * ap + TINY;
  result.hi = zh;
  result.lo = zl;
  result.err = carried + step + DECIMAL * (ap * (1 + 2 ** -50) + carried + step);
  return true;
}

/** `multiply` where an operand is 0 or near it, or out of range. */
function multiplyOutside(xh: number, xl: number, ex: number, yh: number, yl: number, ey: number): boolean {
  if ((xh === 0 && ex > 0) || (yh === 0 && ey > 0)) return multiplyNearZero(xh, xl, ex, yh, yl, ey);
  if (!usable(xh, ex) || !usable(yh, ey)) return false;
  // An exact zero operand: the decimal product is that signed zero times the other (IEEE's sign rule), whose sign
  // must then be certain.
  if ((xh !== 0 && !(ex < Math.abs(xh) / 2)) || (yh !== 0 && !(ey < Math.abs(yh) / 2))) return false;
  result.hi = xh * yh;
  result.lo = 0;
  result.err = 0;
  return true;
}

/**
 * Z = X · Y where an operand is known only to lie near 0 (hi = 0, err > 0, as after a cancellation): Z is enclosed
 * by 0 and |X|·|Y| ≤ (|xh| + |xl| + ex)·(|yh| + |yl| + ey), the decimal rounding (at most 5·10^−40 of it) and the
 * bound's own roundings covered by the factor 1 + 2^−50. False when the other operand is out of range.
 */
function multiplyNearZero(xh: number, xl: number, ex: number, yh: number, yl: number, ey: number): boolean {
  // Times an exact zero the product is 0, but its sign (the unknown sign of the other) is not known: decline.
  if ((xh === 0 && ex === 0) || (yh === 0 && ey === 0)) return false;
  if (!(Math.abs(xh) <= MAX && Math.abs(yh) <= MAX && ex <= MAX && ey <= MAX)) return false;
  result.hi = 0;
  result.lo = 0;
  result.err = (Math.abs(xh) + Math.abs(xl) + ex) * (Math.abs(yh) + Math.abs(yl) + ey) * (1 + 2 ** -50);
  return true;
}

/** Z = X · F for a discount factor F from the factor table, enclosed by (fh, fl, FACTOR_ERROR·|fh|). */
export function multiplyByFactor(xh: number, xl: number, ex: number, fh: number, fl: number): boolean {
  return multiply(xh, xl, ex, fh, fl, FACTOR_ERROR * Math.abs(fh));
}

/**
 * Z = X / Y; false when an operand lies outside the range, Y may be 0 (Y exactly 0 is the decimal engine's
 * "deling door 0") or Y's bound is not well below |Y|. The quotient q1 + q2 with q1 = fl(xh / yh) and q2 from the
 * remainder r = X − q1·Y (exact for xh, then three rounded steps) is off from X/Y by at most
 * u·(|q2| + (2·Σ|steps| + |r|) / |yh|).
 */
export function divide(xh: number, xl: number, ex: number, yh: number, yl: number, ey: number): boolean {
  if (!usable(xh, ex) || !usable(yh, ey) || yh === 0 || !(ey < Math.abs(yh) / 4)) return false;
  const q1 = xh / yh;
  if (q1 === 0 && ex === 0 && xh === 0) {
    result.hi = q1;
    result.lo = 0;
    result.err = 0;
    return true;
  }
  const ph = q1 * yh;
  const r0 = xh - ph - twoProductError(q1, yh, ph); // exact: the remainder of a correctly rounded division
  const r1 = r0 + xl;
  const qc = q1 * yl;
  const r = r1 - qc;
  const q2 = r / yh;
  const ay = Math.abs(yh);
  const steps = Math.abs(r1) + Math.abs(qc) + Math.abs(r);
  const step = U * (Math.abs(q2) + (2 * steps + Math.abs(r)) / ay) * (1 + 2 ** -40) + TINY;
  const zh = q1 + q2;
  const zl = q2 - (zh - q1);
  const ax = Math.abs(xh) + Math.abs(xl);
  const below = ay * (1 - 2 ** -50);
  const carried = (ex * (ay + Math.abs(yl)) + ax * ey) / (below * (below - ey));
  result.hi = zh;
  result.lo = zl;
  result.err = carried + step + DECIMAL * (Math.abs(zh) + carried + step);
  return true;
}

/**
 * The comparison decimal.js's `cmp` gives for X and Y (−1, 0, 1), when the enclosures decide it; undefined when
 * they overlap. Equal only when both are exact and the same double-double (±0 count as equal, as in decimal.js).
 */
export function compare(xh: number, xl: number, ex: number, yh: number, yl: number, ey: number): -1 | 0 | 1 | undefined {
  if (ex === 0 && ey === 0 && xh === yh && xl === yl) return 0;
  add(xh, xl, 0, -yh, -yl, 0);
  const margin = (ex + ey + result.err) * SLACK;
  const low = Math.abs(result.lo);
  if (result.hi - low > margin) return 1;
  if (result.hi + low < -margin) return -1;
  return undefined;
}
