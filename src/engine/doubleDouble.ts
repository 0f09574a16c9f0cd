/**
 * Double-double arithmetic (dubbel-dubbele precisie) for the fast paths of the sheet functions, and the one rounding
 * test they share: `provenNearest` gives the double nearest to an exactly known sum `hi + lo` only when every real
 * within `err` of it has that same nearest double; otherwise `undefined`, and the caller computes in decimals.
 *
 * Error-free transformations (Knuth's TwoSum, Dekker's TwoProduct with Veltkamp splitting) are exact in IEEE double
 * arithmetic with round-to-nearest as long as nothing overflows and products stay above 2^−900 (no underflow in the
 * split halves); the callers keep their operands within [2^−330, 2^330] so that this always holds.
 */

/** u = 2^−53: the unit roundoff of a double. */
export const UNIT_ROUNDOFF = 2 ** -53;

const SPLITTER = 134217729; // 2^27 + 1

/** The exact error of a rounded product: a × b = fl(a × b) + twoProductError(a, b, fl(a × b)) (Dekker). */
export function twoProductError(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - product + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** The exact error of a rounded sum: a + b = fl(a + b) + twoSumError(a, b, fl(a + b)) (Knuth). */
export function twoSumError(a: number, b: number, sum: number): number {
  const bVirtual = sum - a;
  return a - (sum - bVirtual) + (b - bVirtual);
}

// The bits of a double (little-endian platforms; on any other the fast paths are off and everything is decimal).
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
bits[0] = 1;
/** True where the word order of a double is the one `provenNearest` reads (every platform Excel and Node run on). */
export const FAST_PATHS_AVAILABLE = words[1] === 0x3ff00000 && words[0] === 0;

/** 2^k as a double, built from bits (exact), for −1022 ≤ k ≤ 1023. */
export function powerOfTwo(k: number): number {
  words[0] = 0;
  words[1] = (k + 1023) << 20;
  return bits[0] as number;
}

/** ⌊log2 |x|⌋ of a normal double x ≠ 0, read from its bits (exact). */
export function binaryExponent(x: number): number {
  bits[0] = x;
  return (((words[1] as number) >>> 20) & 0x7ff) - 1023;
}

const SMALLEST = 2 ** -900;
const LARGEST = 2 ** 1000;
const BELOW_ONE = 1 - 2 ** -50;

/**
 * The double nearest to S = hi + lo (the exact real sum of two doubles), when it is also the double nearest to every
 * real in [S − err, S + err]; `undefined` when that interval reaches a rounding boundary (a midpoint between two
 * doubles), or S is 0, tiny (< 2^−900) or huge (> 2^1000).
 *
 * Proof: x = fl(hi + lo) and r = S − x exactly (TwoSum). The doubles next to x are x ± ulp(x), except that the one
 * towards zero is x ∓ ulp(x)/2 when |x| is a power of two; the reals that round to x are those strictly within half
 * of those gaps (a real on a midpoint may round either way, so it is excluded). With a = r·sign(x) (positive = away
 * from zero), every real in [S − err, S + err] rounds to x if a + err < ulp/2 and err − a < gap towards zero / 2.
 * Both sums are computed in doubles and so may be rounded down by a factor of at most (1 + 2^−53); comparing them
 * with the half gaps times (1 − 2^−50) makes the test strict in real arithmetic. ulp(x) = 2^(E − 1075) for the biased
 * exponent E of x, built from bits, so it is exact.
 */
export function provenNearest(hi: number, lo: number, err: number): number | undefined {
  const x = hi + lo;
  const magnitude = Math.abs(x);
  if (!(magnitude >= SMALLEST && magnitude <= LARGEST && err >= 0) || !FAST_PATHS_AVAILABLE) return undefined;
  const r = twoSumError(hi, lo, x);
  bits[0] = x;
  const high = words[1] as number;
  const isPowerOfTwo = (high & 0xfffff) === 0 && words[0] === 0;
  const exponent = (high >>> 20) & 0x7ff;
  words[0] = 0;
  words[1] = (exponent - 52) << 20; // the double 2^(E − 52 − 1023) = ulp(x); E ≥ 123 here, so this is a normal double
  const ulp = bits[0] as number;
  const halfAway = (ulp / 2) * BELOW_ONE;
  const halfToward = (isPowerOfTwo ? ulp / 4 : ulp / 2) * BELOW_ONE;
  const away = x > 0 ? r : -r;
  return away + err < halfAway && err - away < halfToward ? x : undefined;
}
