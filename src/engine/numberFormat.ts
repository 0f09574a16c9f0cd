/**
 * Dutch number formatting (getalnotatie) for everything a user reads: decimal comma, dot as thousands separator,
 * euro amounts as "€ 1.234", percentages as "2,25%". Rounding is Excel's ROUND: half away from zero.
 */
import { Dec } from "./decimal";

function roundHalfAwayFromZero(value: number, decimals: number): number {
  return new Dec(value).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toNumber();
}

export function formatNumber(value: number, decimals = 0): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  return new Intl.NumberFormat("nl-NL", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: true,
  }).format(rounded === 0 ? 0 : rounded);
}

export function formatEuro(value: number, decimals = 0): string {
  const text = formatNumber(Math.abs(value), decimals);
  const rounded = roundHalfAwayFromZero(value, decimals);
  return rounded < 0 ? `€ -${text}` : `€ ${text}`;
}

/** A rate as a Dutch percentage with at most `maxDecimals` decimals: 0.0225 → "2,25%", 0.03 → "3%". */
export function formatPercent(rate: number, maxDecimals = 2): string {
  const rounded = roundHalfAwayFromZero(rate * 100, maxDecimals);
  return `${new Intl.NumberFormat("nl-NL", { maximumFractionDigits: maxDecimals }).format(rounded === 0 ? 0 : rounded)}%`;
}
