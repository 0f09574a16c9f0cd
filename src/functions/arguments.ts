/**
 * Reading sheet-function arguments (argumenten): each helper takes one argument as Excel passes it and gives the
 * engine's value or a #VALUE! whose Dutch message names the argument and says what is allowed.
 */
import { CellArgument, CellValue, describeValue, isBlank, isCellError, propagate, toRange, toScalar } from "../engine/cells";
import { Dec } from "../engine/decimal";
import { DiscountSchedule, parseDiscountArgument, parseFirstYearNumber } from "../engine/discounting";
import { CellError, Result, fail, failWith, ok } from "../engine/errors";
import { netPresentValueCached, seriesOfRange } from "../engine/netPresentValue";

export type { CellArgument };

/** What a function gives back: a number, text, a spilled range, or an Excel error value with a message. */
export type FunctionResult = number | string | CellValue[][] | CellError;

export function resultOf(result: Result<number | string | CellValue[][]>): FunctionResult {
  return result.ok ? result.value : result.error;
}

export function scalar(argument: CellArgument, name: string): Result<CellValue> {
  return toScalar(argument, name);
}

interface NumberOptions {
  fallback?: number;
  min?: number;
  max?: number;
  what?: string;
}

/** A number argument; blank → `fallback` (or an error when there is none); bounds inclusive. */
export function numberArgument(argument: CellArgument, name: string, options: NumberOptions = {}): Result<Dec> {
  const v = numberValueArgument(argument, name, options);
  return v.ok ? ok(new Dec(v.value)) : v;
}

/** `numberArgument` as a number, for the paths that make no decimal per call. */
export function numberValueArgument(argument: CellArgument, name: string, options: NumberOptions = {}): Result<number> {
  const v = toScalar(argument, name);
  if (!v.ok) return v;
  const value = v.value;
  if (isBlank(value) && options.fallback !== undefined) return ok(options.fallback);
  if (isCellError(value)) return failWith(propagate(value, name));
  const allowed = options.what ?? describeBounds(options.min, options.max);
  if (typeof value !== "number" || !Number.isFinite(value)) return fail("#VALUE!", `${name}: ${describeValue(value)} is geen getal; verwacht ${allowed}.`);
  if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) {
    return fail("#VALUE!", `${name}: ${describeValue(value)} ligt buiten het toegestane bereik; verwacht ${allowed}.`);
  }
  return ok(value);
}

function describeBounds(min?: number, max?: number): string {
  const nl = (n: number) => String(n).replace(".", ",");
  if (min !== undefined && max !== undefined) return `een getal van ${nl(min)} tot en met ${nl(max)}`;
  if (min !== undefined) return `een getal van ${nl(min)} of meer`;
  if (max !== undefined) return `een getal tot en met ${nl(max)}`;
  return "een getal";
}

/** A text argument; blank → `fallback`. */
export function textArgument(argument: CellArgument, name: string, fallback: string): Result<string> {
  const v = toScalar(argument, name);
  if (!v.ok) return v;
  if (isBlank(v.value)) return ok(fallback);
  if (isCellError(v.value)) return failWith(propagate(v.value, name));
  if (typeof v.value !== "string") return fail("#VALUE!", `${name}: ${describeValue(v.value)} is geen tekst.`);
  return ok(v.value.trim());
}

export interface Discounting {
  readonly schedule: DiscountSchedule;
  /** eerste_jaar, ≥ 0 (a number: the fast paths make no decimal of it; `new Dec(firstYear)` where decimals are needed). */
  readonly firstYear: number;
}

/** The `discontovoet` and `eerste_jaar` arguments shared by the discounting functions. */
export function discountingArguments(rate: CellArgument, firstYear: CellArgument): Result<Discounting> {
  const rateValue = toScalar(rate, "discontovoet");
  if (!rateValue.ok) return rateValue;
  const schedule = parseDiscountArgument(rateValue.value, "discontovoet");
  if (!schedule.ok) return schedule;
  const firstYearValue = toScalar(firstYear, "eerste_jaar");
  if (!firstYearValue.ok) return firstYearValue;
  const year = parseFirstYearNumber(firstYearValue.value, "eerste_jaar");
  if (!year.ok) return year;
  return ok({ schedule: schedule.value, firstYear: year.value });
}

/** NCW of an amounts argument under the MKBA.NCW layout rules, in decimals. */
export function ncwOfArgument(argument: CellArgument, name: string, d: Discounting): Result<Dec> {
  const range = toRange(argument, name);
  if (!range.ok) return range;
  return netPresentValueCached(range.value, d.schedule, d.firstYear, name);
}

/** Amounts per year (the column sums of a range under the MKBA.NCW layout rules). */
export function yearTotalsOfArgument(argument: CellArgument, name: string): Result<Dec[]> {
  const range = toRange(argument, name);
  if (!range.ok) return range;
  const series = seriesOfRange(range.value, name);
  if (!series.ok) return series;
  const length = series.value.reduce((m, s) => Math.max(m, s.length), 0);
  const totals = Array.from({ length }, () => new Dec(0));
  for (const s of series.value) s.forEach((amount, i) => (totals[i] = totals[i]!.plus(amount)));
  return ok(totals);
}
