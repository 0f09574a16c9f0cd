/**
 * The one decimal context of the engine (geldrekenen): 40 significant digits, so that discounting a
 * long series of euro amounts stays exact far beyond the cent. Every module computes with `Dec`,
 * never with the global `Decimal`, so that no other code can change our precision.
 */
import Decimal from "decimal.js";

export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});

export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
