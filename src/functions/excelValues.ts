/**
 * The border between Excel's values and the engine's (Excel-waarden): CustomFunctions.Error objects in
 * arguments become engine `CellError`s; an engine error becomes a thrown `CustomFunctions.Error`.
 * Only #VALUE! and #N/A carry a message in Excel; other codes are raised without one.
 */
import { CellError, ExcelErrorCode, cellError, isCellError, isExcelErrorCode } from "../engine/errors";
import { supports } from "../office/officeApi";
import { FunctionResult } from "./catalog";

const CODES_WITH_MESSAGE: readonly ExcelErrorCode[] = ["#VALUE!", "#N/A"];
/** The codes a custom function may return: #VALUE! and #N/A since CustomFunctionsRuntime 1.2, these since 1.3. */
const CODES_SINCE_1_3: readonly ExcelErrorCode[] = ["#DIV/0!", "#NUM!", "#NULL!"];

/**
 * The error a custom function may return for an engine error. Excel takes #NAME? and #REF! from a custom function only
 * as input, never as its result (CustomFunctions.ErrorCode, CustomFunctionsRuntime 1.3): those come back as #VALUE!,
 * with a message that keeps the code (a #REF! in an argument stays visible as such).
 */
export function asFunctionResultError(error: CellError): CellError {
  if (error.code !== "#NAME?" && error.code !== "#REF!") return error;
  return cellError("#VALUE!", error.message ? `${error.code}: ${error.message}` : `een argument bevat ${error.code}`);
}

function fromExcelCell(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const code = (value as { code?: unknown }).code;
    if (isExcelErrorCode(code)) return cellError(code, String((value as { message?: unknown }).message ?? ""));
  }
  return value;
}

/** An argument as Excel passes it, with error objects turned into engine error values. */
export function fromExcelArgument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row.map(fromExcelCell) : fromExcelCell(row)));
  return fromExcelCell(value);
}

/**
 * An engine error as Excel takes it from a custom function. Before CustomFunctionsRuntime 1.3 (Office 2021, Excel 2019
 * builds) only #VALUE! and #N/A exist, so #DIV/0!, #NUM! and #NULL! come back as #VALUE! that names the code.
 */
export function toCustomFunctionsError(engineError: CellError, allCodes = supports("CustomFunctionsRuntime", "1.3")): CustomFunctions.Error {
  let error = asFunctionResultError(engineError);
  if (!allCodes && CODES_SINCE_1_3.includes(error.code)) error = cellError("#VALUE!", error.message ? `${error.code}: ${error.message}` : `de uitkomst is ${error.code}`);
  // The codes are CustomFunctions.ErrorCode's values; the enum object itself is only complete from 1.3 on.
  const code = error.code as CustomFunctions.ErrorCode;
  return CODES_WITH_MESSAGE.includes(error.code) && error.message !== "" ? new CustomFunctions.Error(code, error.message) : new CustomFunctions.Error(code);
}

/** A result for Excel: a value as is; an error value thrown as a CustomFunctions.Error. */
export function toExcelResult<T>(result: FunctionResult): T {
  if (Array.isArray(result)) {
    return result.map((row) => row.map((cell) => (isCellError(cell) ? toCustomFunctionsError(cell) : cell))) as T;
  }
  if (isCellError(result)) throw toCustomFunctionsError(result);
  return result as T;
}
