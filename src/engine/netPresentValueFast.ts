/**
 * The floating-point fast path of MKBA.NCW and MKBA.RATIO (snelle route): the same answer as the decimal engine —
 * the double nearest to its 40-digit result D — at float speed, or `undefined`, and then the caller computes D in
 * decimals. It never guesses: it returns a double only when a rigorous error bound proves that it is the one nearest
 * to D (docs/functions.md, "Exact en snel").
 *
 * What the decimal engine computes (netPresentValue.ts): every amount a as decimal.js reads a number — the shortest
 * decimal that rounds to a, the digits `String(a)` prints, call it t — times the 40-digit factor F of its year,
 * summed in the order of the cells: D = Σ t·F with each product and each partial sum rounded to 40 digits.
 *
 * The fast path, per nonzero amount:
 * 1. t as a double-double tHi + tLo with |t − (tHi + tLo)| ≤ 2^−104·|t| (`decimalOfDouble`; an integer up to 2^53 is
 *    exact; a number with at most 15 significant digits is recognised without strings — any decimal of at most 15
 *    digits that rounds to a is the only one (15-digit decimals survive a round trip through doubles), hence the one
 *    `String(a)` prints; other numbers are read from `String(a)` and scaled by powers of ten in at most three steps,
 *    each off by at most 2^−104); amounts outside [10^−60, 10^80] take the decimal path;
 * 2. F as fHi + fLo from the factor table (discounting.ts): |F − (fHi + fLo)| ≤ 2^−104·|fHi|;
 * 3. the pieces of t·F: tHi·fHi = ph + pl exactly (TwoProduct), and cross = fl(tHi·fLo + tLo·fHi); together with the
 *    two representation errors and the dropped tLo·fLo they differ from t·F by at most 2^−101·|tHi·fHi|
 *    (3·2^−104 for t, 2^−104 for F, 5·2^−106 for the roundings in cross and tLo·fLo: 5,25·2^−104 < 2^−101);
 * 4. Σ ph is accumulated error-free as σ + Σq (TwoSum, q the exact error of each step); q + pl + cross is added into
 *    β in doubles, each addition off by at most u·|its result| (u = 2^−53), and the sum of those magnitudes is kept
 *    as it goes (a running error bound).
 * So S = σ + β satisfies |S − D| ≤ err = (u·Σ|β-steps| + 2^−101·Σ|ph| + 10^−39·(n + 1)·Σ|ph|)·(1 + 2^−28), the last
 * term being the decimal engine's own 40-digit roundings (each ≤ 5·10^−40 of a product or of a partial sum, all at
 * most Σ|t·F|), the factor (1 + 2^−28) covering the rounding of the magnitudes' own sums for n ≤ 2^20 cells. Then
 * `provenNearest(σ, β, err)` (doubleDouble.ts) returns the double nearest to S only when the interval
 * [S − err, S + err] lies strictly between two rounding boundaries, so that it is also the double nearest to D.
 * Operands stay within ranges where TwoProduct is exact: amounts in [10^−60, 10^80], factors in [2^−200, 2^200].
 * test/engine/ncwFastPath.property.test.ts checks bit identity with the decimal path over 100.000 generated cases.
 */
import { CellRange } from "./cells";
import { DiscountSchedule, MAX_TABLE_YEARS, factorTable } from "./discounting";
import { UNIT_ROUNDOFF, provenNearest, twoProductError, twoSumError } from "./doubleDouble";
import { SLACK, divide, result as quotient } from "./enclosure";

const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`)); // exact up to 10^22
const REPRESENTATION = 2 ** -101;
const DECIMAL_ROUNDING = 1e-39;
const SUMS_OF_MAGNITUDES = 1 + 2 ** -28;
const MAX_CELLS = 2 ** 20;

// Results of `decimalOfDouble` and `fastSum`, kept in module variables so that the hot loop allocates nothing.
let amountHi = 0;
let amountLo = 0;
let sumHi = 0;
let sumLo = 0;
let sumErr = 0;

function normalizeAmount(hi: number, lo: number): void {
  amountHi = hi + lo;
  amountLo = lo - (amountHi - hi);
}

/** t (the decimal that decimal.js reads the number a as) as amountHi + amountLo; false if not handled here. */
function decimalOfDouble(a: number): boolean {
  const magnitude = Math.abs(a);
  if (magnitude <= 9007199254740992 && Number.isInteger(a)) {
    amountHi = a;
    amountLo = 0;
    return true;
  }
  if (!(magnitude >= 1e-60 && magnitude <= 1e80)) return false;
  // At most 15 significant digits: n = a·10^k rounded, |n| < 10^15, and n·10^−k rounds back to a.
  let k = 14 - Math.floor(Math.log10(magnitude));
  for (let attempt = 0; attempt < 2 && k >= -22 && k <= 22; attempt++) {
    if (k >= 0) {
      const p = POW10[k] as number;
      const n = Math.round(a * p);
      if (Math.abs(n) >= 1e15) {
        k--;
        continue;
      }
      if (n / p !== a) break;
      // t = n / p: a is its rounded quotient, n − a·p is exact (the remainder of a correctly rounded division).
      const ph = a * p;
      const remainder = n - ph - twoProductError(a, p, ph);
      amountHi = a;
      amountLo = remainder / p;
      return true;
    }
    const p = POW10[-k] as number;
    const n = Math.round(a / p);
    if (Math.abs(n) >= 1e15) {
      k--;
      continue;
    }
    if (n * p !== a) break;
    amountHi = a;
    amountLo = twoProductError(n, p, a); // t = n·p exactly
    return true;
  }
  return decimalOfString(a);
}

/**
 * The decimal t that decimal.js reads the number a as (`new Dec(a)`), as a double-double written into `into`:
 * |t − (hi + lo)| ≤ 2^−104·|t|, and exact (lo = 0) for an integer up to 2^53. False when a is outside the range this
 * handles (not finite, or nonzero outside [10^−60, 10^80]); then the caller computes in decimals.
 */
export function readDecimalOfNumber(a: number, into: { hi: number; lo: number }): boolean {
  if (!decimalOfDouble(a)) return false;
  into.hi = amountHi;
  into.lo = amountLo;
  return true;
}

/** t from the digits String(a) prints: N·10^e with N < 10^17 (exact as a double-double), |e| ≤ 66. */
function decimalOfString(a: number): boolean {
  let s = String(a < 0 ? -a : a);
  let exponent = 0;
  const e = s.indexOf("e");
  if (e >= 0) {
    exponent = Number(s.slice(e + 1));
    s = s.slice(0, e);
  }
  const dot = s.indexOf(".");
  if (dot >= 0) {
    exponent -= s.length - dot - 1;
    s = s.slice(0, dot) + s.slice(dot + 1);
  }
  let start = 0;
  while (s.charCodeAt(start) === 48) start++;
  let end = s.length;
  while (end > start && s.charCodeAt(end - 1) === 48) {
    end--;
    exponent++;
  }
  const digits = end - start;
  if (digits === 0 || digits > 17 || exponent > 66 || exponent < -66) return false;
  let nHi: number;
  let nLo = 0;
  if (digits <= 15) nHi = Number(s.slice(start, end));
  else {
    // N = h·10^8 + l: the product's and the sum's errors are integers of at most 16, so their sum is exact.
    const h = Number(s.slice(start, end - 8));
    const l = Number(s.slice(end - 8, end));
    const p = h * 1e8;
    const pe = twoProductError(h, 1e8, p);
    const sum = p + l;
    const small = pe + twoSumError(p, l, sum);
    nHi = sum + small;
    nLo = small - (nHi - sum);
  }
  let hi = a < 0 ? -nHi : nHi;
  let lo = a < 0 ? -nLo : nLo;
  // Scale by 10^exponent in at most three steps of at most 10^22 (exact doubles), each off by at most 2^−104.
  for (let left = exponent; left !== 0; ) {
    const step = left > 22 ? 22 : left < -22 ? -22 : left;
    left -= step;
    const p = POW10[step < 0 ? -step : step] as number;
    if (step > 0) {
      const h = hi * p;
      lo = twoProductError(hi, p, h) + lo * p;
      hi = h;
    } else {
      const q = hi / p;
      const ph = q * p;
      lo = (hi - ph - twoProductError(q, p, ph) + lo) / p; // hi − q·p is exact: a correctly rounded division's remainder
      hi = q;
    }
    const sum = hi + lo;
    lo -= sum - hi;
    hi = sum;
  }
  normalizeAmount(hi, lo);
  return true;
}

/**
 * S = sumHi + sumLo and err = sumErr with |S − D| ≤ err for the NCW D the decimal engine gives for this range (the
 * layout rules of netPresentValue.ts); false when the fast path does not apply (a cell that is not a finite number or
 * blank, an amount or a factor outside its range, a series longer than the factor cache keeps).
 */
function fastSum(range: CellRange, schedule: DiscountSchedule, firstYear: number): boolean {
  const rows = range.length;
  const columns = range[0]?.length ?? 0;
  sumHi = 0;
  sumLo = 0;
  sumErr = 0;
  if (rows === 0 || columns === 0) return true;
  if (rows * columns > MAX_CELLS) return false;
  const byColumn = columns === 1 && rows > 1;
  const length = byColumn ? rows : columns;
  if (length > MAX_TABLE_YEARS) return false;
  const table = factorTable(schedule, firstYear, length);
  if (table.fastLength < length) return false;
  const factorHi = table.hi;
  const factorLo = table.lo;
  let sigma = 0;
  let beta = 0;
  let running = 0;
  let scale = 0;
  let terms = 0;
  for (let r = 0; r < rows; r++) {
    const row = range[r]!;
    for (let c = 0; c < columns; c++) {
      const v = row[c];
      if (typeof v !== "number") {
        if (v === null || v === undefined || v === "") continue;
        return false;
      }
      if (v === 0) continue;
      if (!decimalOfDouble(v)) return false;
      const i = byColumn ? r : c;
      const fHi = factorHi[i] as number;
      const fLo = factorLo[i] as number;
      const ph = amountHi * fHi;
      const pl = twoProductError(amountHi, fHi, ph);
      const cross = amountHi * fLo + amountLo * fHi;
      const s = sigma + ph;
      const q = twoSumError(sigma, ph, s);
      sigma = s;
      const w1 = q + pl;
      const w = w1 + cross;
      beta += w;
      running += Math.abs(w1) + Math.abs(w) + Math.abs(beta);
      scale += Math.abs(ph);
      terms++;
    }
  }
  sumHi = sigma;
  sumLo = beta;
  sumErr = (UNIT_ROUNDOFF * running + REPRESENTATION * scale + DECIMAL_ROUNDING * (terms + 1) * scale) * SUMS_OF_MAGNITUDES;
  // Non-finite sums (an overflow) make every later comparison false, so provenNearest declines them.
  return true;
}

/**
 * The NCW of a range as the double nearest to the decimal engine's result, when the fast path can prove it; 0 when
 * every cell is blank or 0 (the decimal result is exactly 0); otherwise `undefined` (compute in decimals).
 */
export function fastNetPresentValue(range: CellRange, schedule: DiscountSchedule, firstYear: number): number | undefined {
  if (!fastSum(range, schedule, firstYear)) return undefined;
  if (sumHi === 0 && sumLo === 0 && sumErr === 0) return 0;
  return provenNearest(sumHi, sumLo, sumErr);
}

/**
 * MKBA.RATIO's NCW(baten) / |NCW(kosten)| as the double nearest to the decimal engine's 40-digit quotient Db / |Dc|,
 * when provable; `undefined` otherwise (also when Dc might be 0: the decimal path gives #DIV/0! with its message).
 *
 * With |Db − Sb| ≤ Eb and |Dc − Sc| ≤ Ec from the sums above, the quotient is the enclosure of Db / |Dc| that the
 * model engine's division gives (enclosure.ts `divide`: the operands' errors carried, the double-double division's
 * own error and the decimal rounding bounded).
 */
export function fastBenefitCostRatio(benefits: CellRange, costs: CellRange, schedule: DiscountSchedule, firstYear: number): number | undefined {
  if (!fastSum(benefits, schedule, firstYear)) return undefined;
  const bH = sumHi + sumLo;
  const bL = sumLo - (bH - sumHi);
  const eb = sumErr;
  if (!fastSum(costs, schedule, firstYear)) return undefined;
  const cH = sumHi + sumLo;
  const cL = sumLo - (cH - sumHi);
  const ec = sumErr;
  // Benefits of exactly 0 (rare) are left to the decimals; `divide` declines costs that may be 0 and magnitudes
  // outside [2^−300, 2^300].
  if (bH === 0) return undefined;
  const negative = cH < 0;
  if (!divide(bH, bL, eb, negative ? -cH : cH, negative ? -cL : cL, ec)) return undefined;
  return provenNearest(quotient.hi, quotient.lo, quotient.err * SLACK);
}
