/**
 * Dutch number formatting (getalnotatie) for everything a user reads: decimal comma, dot as thousands separator,
 * euro amounts as "€ 1.234", percentages as "2,25%". Rounding is Excel's ROUND: half away from zero.
 */
import { Dec } from "./decimal";

const INTL_FORMATS = new Map<string, Intl.NumberFormat>();

/** The Intl formatter these functions stand for, made once per option set (each construction costs about 0,1 ms). */
function intlFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}/${maximumFractionDigits}`;
  let format = INTL_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("nl-NL", { minimumFractionDigits, maximumFractionDigits, useGrouping: true });
    INTL_FORMATS.set(key, format);
  }
  return format;
}

/**
 * Exactly what `new Intl.NumberFormat("nl-NL", { minimumFractionDigits, maximumFractionDigits })` formats (Dutch:
 * "-1.234,5"), without Intl for finite numbers: the first use of Intl loads the locale data, which costs tens of
 * milliseconds at the start of every `mkba` command. Like ICU, it takes the shortest decimal that reads back as x (the
 * digits `String(x)` prints, which is also how decimal.js reads a number), rounds that half away from zero to
 * `maximumFractionDigits`, drops trailing zeros down to `minimumFractionDigits`, groups the integer digits by three
 * with a dot at every length (nl has a minimum grouping of 1) and writes a minus as "-" — also for −0 and for a
 * negative number that rounds to 0. test/engine/numberFormat.property.test.ts compares it with Intl.
 */
export function formatDutch(x: number, minimumFractionDigits: number, maximumFractionDigits: number): string {
  if (!Number.isFinite(x) || maximumFractionDigits > 100 || minimumFractionDigits > maximumFractionDigits) {
    return intlFormat(minimumFractionDigits, maximumFractionDigits).format(x);
  }
  const negative = x < 0 || Object.is(x, -0);
  const fixed = new Dec(negative ? -x : x).toFixed(maximumFractionDigits, Dec.ROUND_HALF_UP);
  const dot = fixed.indexOf(".");
  const integer = dot < 0 ? fixed : fixed.slice(0, dot);
  let fraction = dot < 0 ? "" : fixed.slice(dot + 1);
  let end = fraction.length;
  while (end > minimumFractionDigits && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  let grouped = integer.slice(0, ((integer.length - 1) % 3) + 1);
  for (let i = grouped.length; i < integer.length; i += 3) grouped += "." + integer.slice(i, i + 3);
  return (negative ? "-" : "") + grouped + (fraction === "" ? "" : "," + fraction);
}

function roundHalfAwayFromZero(value: number, decimals: number): number {
  return new Dec(value).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toNumber();
}

export function formatNumber(value: number, decimals = 0): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  return formatDutch(rounded === 0 ? 0 : rounded, decimals, decimals);
}

export function formatEuro(value: number, decimals = 0): string {
  const text = formatNumber(Math.abs(value), decimals);
  const rounded = roundHalfAwayFromZero(value, decimals);
  return rounded < 0 ? `€ -${text}` : `€ ${text}`;
}

/** A rate as a Dutch percentage with at most `maxDecimals` decimals: 0.0225 → "2,25%", 0.03 → "3%". */
export function formatPercent(rate: number, maxDecimals = 2): string {
  const rounded = roundHalfAwayFromZero(rate * 100, maxDecimals);
  return `${formatDutch(rounded === 0 ? 0 : rounded, 0, maxDecimals)}%`;
}
