/**
 * Errors are values in the engine (foutwaarden): a result carries either a value or a `CellError`
 * with an Excel error code and a Dutch message that names the argument or field concerned.
 * Adapters turn a `CellError` into a `CustomFunctions.Error`, a message beside a field, or an exit code.
 */

/** Excel's (English) error codes, as Excel shows them and as the CLI prints them. */
export const EXCEL_ERROR_CODES = ["#VALUE!", "#DIV/0!", "#NUM!", "#N/A", "#REF!", "#NAME?", "#NULL!"] as const;
export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];

export interface CellError {
  readonly kind: "error";
  readonly code: ExcelErrorCode;
  /** Dutch message for the analyst; empty for an error value that came in from a cell without one. */
  readonly message: string;
}

export function cellError(code: ExcelErrorCode, message: string): CellError {
  return { kind: "error", code, message };
}

export function isExcelErrorCode(value: unknown): value is ExcelErrorCode {
  return typeof value === "string" && (EXCEL_ERROR_CODES as readonly string[]).includes(value);
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "error";
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CellError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ExcelErrorCode, message: string): Result<T> {
  return { ok: false, error: cellError(code, message) };
}

export function failWith<T = never>(error: CellError): Result<T> {
  return { ok: false, error };
}
