/**
 * Net present value (NCW, netto contante waarde) of amounts laid out in a range, the rules of `MKBA.NCW`:
 * - one row or one column is one series, its first cell in year `firstYear`, each next cell one year later;
 * - several rows and several columns: each row is a series over the columns (items in rows, years in columns),
 *   and the NCW is the sum of the rows' NCW;
 * - year t counts as amount × factor(t) (year 0 is not discounted, unlike Excel's NPV);
 * - a blank cell counts as 0 and keeps its position; text or a logical value is an error that names
 *   the cell; an error value is returned as that error.
 */
import { CellRange, CellValue, describePosition, describeValue, isBlank, isCellError, propagate } from "./cells";
import { Dec, ZERO } from "./decimal";
import { DiscountSchedule, MAX_TABLE_YEARS, factorTable } from "./discounting";
import { Result, fail, failWith, ok } from "./errors";

/** The amounts of a range as series of decimals: one array per series, blanks as 0. */
export function seriesOfRange(range: CellRange, argumentName: string): Result<Dec[][]> {
  const rows = range.length;
  const columns = range[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return ok([]);
  const byColumn = columns === 1 && rows > 1;
  const series: Dec[][] = byColumn ? [[]] : [];
  for (let r = 0; r < rows; r++) {
    const row = range[r] as CellValue[];
    const target: Dec[] = byColumn ? (series[0] as Dec[]) : [];
    for (let c = 0; c < columns; c++) {
      const amount = amountOfCell(row[c] as CellValue, argumentName, r, c);
      if (!amount.ok) return amount;
      target.push(amount.value);
    }
    if (!byColumn) series.push(target);
  }
  return ok(series);
}

function amountOfCell(value: CellValue, argumentName: string, r: number, c: number): Result<Dec> {
  if (isBlank(value)) return ok(ZERO);
  if (typeof value === "number") {
    if (Number.isFinite(value)) return ok(new Dec(value));
    return fail("#NUM!", `${argumentName}: ${describePosition({ row: r + 1, column: c + 1 })} bevat geen eindig getal.`);
  }
  const position = { row: r + 1, column: c + 1 };
  if (isCellError(value)) return failWith(propagate(value, argumentName, position));
  return fail(
    "#VALUE!",
    `${argumentName}: ${describePosition(position)} bevat ${describeValue(value)}; alleen getallen en lege cellen zijn toegestaan.`,
  );
}

/** NCW of series that all start in `firstYear`: Σ over series and years of amount × factor(firstYear + i). */
export function netPresentValueOfSeries(series: readonly (readonly Dec[])[], schedule: DiscountSchedule, firstYear: Dec): Dec {
  return sumOfSeries(series, schedule.factors(firstYear, longestSeries(series)));
}

function longestSeries(series: readonly (readonly Dec[])[]): number {
  return series.reduce((longest, s) => Math.max(longest, s.length), 0);
}

/**
 * Σ over series (in order) and years of amount × factors[i], each product and partial sum rounded to 40 digits,
 * zeros skipped: the decimal engine's NCW, the number the fast path (netPresentValueFast.ts) must reproduce.
 */
export function sumOfSeries(series: readonly (readonly Dec[])[], factors: readonly Dec[]): Dec {
  let total = ZERO;
  for (const s of series) {
    for (let i = 0; i < s.length; i++) {
      const amount = s[i] as Dec;
      if (!amount.isZero()) total = total.plus(amount.times(factors[i] as Dec));
    }
  }
  return total;
}

/** `netPresentValue` with a first year as a number and the factors from the factor cache (discounting.ts). */
export function netPresentValueCached(range: CellRange, schedule: DiscountSchedule, firstYear: number, argumentName: string): Result<Dec> {
  const series = seriesOfRange(range, argumentName);
  if (!series.ok) return series;
  const length = longestSeries(series.value);
  const factors = length <= MAX_TABLE_YEARS ? factorTable(schedule, firstYear, length).decimals : schedule.factors(new Dec(firstYear), length);
  return ok(sumOfSeries(series.value, factors));
}

/** NCW of a range of cells (see the module comment for the layout rules). */
export function netPresentValue(range: CellRange, schedule: DiscountSchedule, firstYear: Dec, argumentName: string): Result<Dec> {
  const series = seriesOfRange(range, argumentName);
  if (!series.ok) return series;
  return ok(netPresentValueOfSeries(series.value, schedule, firstYear));
}

/** A decimal result as an Excel number: never NaN or ±Infinity (then #NUM!), never −0. */
export function toExcelNumber(value: Dec, what: string): Result<number> {
  const n = value.toNumber();
  if (!Number.isFinite(n)) {
    return fail("#NUM!", `${what}: de uitkomst valt buiten het bereik van getallen in Excel (±1,8·10^308).`);
  }
  return ok(n === 0 ? 0 : n);
}
