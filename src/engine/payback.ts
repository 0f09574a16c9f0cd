/**
 * Payback (terugverdienjaar): the first year from which the cumulative discounted saldo is 0 or more and stays so.
 * One rule for the model engine and for MKBA.TERUGVERDIENJAAR.
 */
import { Dec, ZERO } from "./decimal";

/** Index of the payback year in `flows` (amounts per year, already summed over actors), or null. */
export function paybackIndex(flows: readonly Dec[], factors: readonly Dec[]): number | null {
  let cumulative = ZERO;
  let index: number | null = null;
  flows.forEach((flow, t) => {
    cumulative = cumulative.plus(flow.times(factors[t] as Dec));
    if (cumulative.gte(0)) index ??= t;
    else index = null;
  });
  return index;
}
