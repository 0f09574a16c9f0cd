/**
 * Cell values as the engine sees them (celwaarden): what Excel hands a custom function, what the CLI reads
 * as JSON, what a formula engine in the tests passes. A range (bereik) is a list of rows of cells.
 */
import { CellError, Result, cellError, fail, isCellError, isExcelErrorCode, ok } from "./errors";
import { LIMITS, formatCount } from "./model/limits";

/** A blank cell or an omitted argument is `null`. */
export type CellValue = number | string | boolean | null | CellError;
export type CellRange = CellValue[][];

/** An argument of a function: a single cell value, a range, or absent. */
export type CellArgument = CellValue | CellRange | undefined;

/**
 * A cell value as the engine accepts it from outside (a `typeof` check, no schema library on the per-call path):
 * a finite number, text, a logical value, null, or an error value `{ kind: "error", code, message }` with one of
 * Excel's codes (any object of that shape, extra properties allowed).
 */
export function isCellValue(value: unknown): value is CellValue {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value);
    case "string":
    case "boolean":
      return true;
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) return false;
      const v = value as { kind?: unknown; code?: unknown; message?: unknown };
      return v.kind === "error" && isExcelErrorCode(v.code) && typeof v.message === "string";
    }
    default:
      return false;
  }
}

/** An argument as the engine accepts it: a cell value, a list of rows (each a list of cell values), or absent. */
export function isCellArgument(value: unknown): value is CellArgument {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return isCellValue(value);
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row)) return false;
    for (let c = 0; c < row.length; c++) if (!isCellValue(row[c])) return false;
  }
  return true;
}

/** A blank cell: no value, or the empty text an Excel formula such as `=""` leaves. */
export function isBlank(value: CellValue | undefined): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/** 1-based position of a cell inside a range, for messages. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

export function describePosition(position: CellPosition): string {
  return `rij ${position.row}, kolom ${position.column}`;
}

/** A cell value as an analyst would recognise it in a Dutch message. */
export function describeValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "een lege cel";
  if (typeof value === "boolean") return `de logische waarde ${value ? "WAAR" : "ONWAAR"}`;
  if (typeof value === "string") return `de tekst "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "number") return `het getal ${formatNumberNl(value)}`;
  return `de foutwaarde ${value.code}`;
}

/** A plain Dutch rendering of a number for messages: decimal comma, no grouping. */
export function formatNumberNl(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(value).replace(".", ",");
}

/**
 * An argument that must be a range: a scalar counts as a 1×1 range (Excel passes a single cell that way),
 * an absent argument as an empty range. A range must be rectangular.
 */
export function toRange(argument: CellArgument, argumentName: string): Result<CellRange> {
  if (argument === undefined) return ok([]);
  if (!Array.isArray(argument)) return ok([[argument]]);
  const width = argument[0]?.length ?? 0;
  if (argument.length * width > LIMITS.rangeCells) {
    return fail(
      "#VALUE!",
      `${argumentName}: het bereik heeft ${formatCount(argument.length * width)} cellen; een MKBA-functie neemt er hoogstens ${formatCount(LIMITS.rangeCells)}.`,
    );
  }
  for (let r = 0; r < argument.length; r++) {
    const row = argument[r] as CellValue[];
    if (row.length !== width) {
      return fail(
        "#VALUE!",
        `${argumentName}: het bereik is niet rechthoekig (rij 1 heeft ${width} cellen, rij ${r + 1} heeft er ${row.length}).`,
      );
    }
  }
  return ok(argument);
}

/**
 * An argument that must be a single value: a 1×1 range counts as its one cell; a larger range is an error.
 * `undefined` (omitted) becomes `null`.
 */
export function toScalar(argument: CellArgument, argumentName: string): Result<CellValue> {
  if (argument === undefined) return ok(null);
  if (!Array.isArray(argument)) return ok(argument);
  if (argument.length === 1 && argument[0]?.length === 1) return ok(argument[0][0] as CellValue);
  return fail("#VALUE!", `${argumentName}: verwacht één waarde, geen bereik van ${argument.length} rijen.`);
}

/** An error value found in an argument is returned as that error; the message says where it was. */
export function propagate(error: CellError, argumentName: string, position?: CellPosition): CellError {
  if (error.message !== "") return error;
  const where = position ? ` (${describePosition(position)})` : "";
  return cellError(error.code, `${argumentName}${where} bevat de foutwaarde ${error.code}.`);
}

export { isCellError };
