/**
 * HyperFormula workbooks with the `MKBA.*` functions for the tests. The plugin itself (value conversion, spills,
 * registration) is src/functions/hyperformula.ts, shared with `npm run bench`; here: the metadata generated from
 * src/functions/functions.ts, and helpers to build workbooks and read cells.
 */
import * as path from "path";
import { ConfigParams, DetailedCellError, HyperFormula } from "hyperformula";
import { CellValue } from "../../src/engine/cells";
import {
  CONFIG,
  excelCodeOf,
  generatedMetadata,
  registerMkbaFunctions as registerWith,
  scalarFromHf,
} from "../../src/functions/hyperformula";

export { CONFIG, NAMESPACE, excelCodeOf } from "../../src/functions/hyperformula";

const FUNCTIONS_SOURCE = path.join(__dirname, "../../src/functions/functions.ts");

let registered = false;
/** Registers every catalogue function as MKBA.<id> (idempotent), from the functions.json the build would generate. */
export function registerMkbaFunctions(): void {
  if (registered) return;
  registerWith(generatedMetadata(FUNCTIONS_SOURCE));
  registered = true;
}

// ------------------------------------------------------------------------------------------------ workbooks

export type SheetContent = (CellValue | string)[][];

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** Our cell value as raw HyperFormula content: text is always text (a leading ' stops "2026" or "10%" from parsing). */
function rawContent(value: CellValue): string | number | boolean | null {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if (value.code === "#NULL!") throw new Error("HyperFormula has no #NULL! error value");
  return value.code; // an error literal (enGB), e.g. #N/A
}

/**
 * A HyperFormula workbook with the MKBA functions: sheets of our cell values (null = blank) and formulas
 * (strings starting with "="), plus named expressions ("Invoer" → "=Invoer!$A$1:$O$40"). Values and named
 * expressions come first, then the formulas one by one in sheet, row, column order, each recalculated before the
 * next is entered — so that a spilling MKBA function sees its computed arguments when HyperFormula sizes it.
 */
export function buildWorkbook(
  sheets: Record<string, SheetContent>,
  namedExpressions: Record<string, string> = {},
  config: Partial<ConfigParams> = {},
): HyperFormula {
  registerMkbaFunctions();
  const values = Object.fromEntries(
    Object.entries(sheets).map(([name, rows]) => [name, rows.map((row) => row.map((v) => (isFormula(v) ? null : rawContent(v as CellValue))))]),
  );
  const hf = HyperFormula.buildFromSheets(
    values,
    { ...CONFIG, ...config },
    Object.entries(namedExpressions).map(([name, expression]) => ({ name, expression })),
  );
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = hf.getSheetId(name)!;
    rows.forEach((row, r) => row.forEach((v, c) => isFormula(v) && hf.setCellContents({ sheet, row: r, col: c }, [[v]])));
  }
  return hf;
}

/** A HyperFormula cell value as ours: an error keeps HyperFormula's type as an Excel code and its message. */
export function fromHfCell(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return { kind: "error", code: excelCodeOf(value.type), message: value.message ?? "" };
  return scalarFromHf(value);
}

/** The value of one cell, e.g. `valueAt(hf, "Uitvoer!B2")` or `valueAt(hf, "A1")` (first sheet). */
export function valueAt(hf: HyperFormula, address: string): CellValue {
  const firstSheet = hf.getSheetId(hf.getSheetNames()[0]!)!;
  const a = hf.simpleCellAddressFromString(address, firstSheet);
  if (!a) throw new Error(`Not a cell address: ${address}`);
  return fromHfCell(hf.getCellValue(a));
}

/** Values of a rectangular block starting at a cell. */
export function valuesAt(hf: HyperFormula, address: string, height: number, width: number): CellValue[][] {
  const firstSheet = hf.getSheetId(hf.getSheetNames()[0]!)!;
  const a = hf.simpleCellAddressFromString(address, firstSheet)!;
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => fromHfCell(hf.getCellValue({ ...a, row: a.row + r, col: a.col + c }))));
}

/** A1 column letters of a 0-based column index. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The absolute address of a block of cells on a sheet starting at A1, e.g. "=Invoer!$A$1:$O$40". */
export function blockAddress(sheet: string, height: number, width: number): string {
  return `=${sheet}!$A$1:$${columnLetters(width - 1)}$${height}`;
}
