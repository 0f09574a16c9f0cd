/**
 * What the output sheets of a model's workbook share: number formats (invariant codes; a Dutch Excel shows € 1.234 and
 * 0,14), the key of a cell's expected engine value, and a spilling formula with its expected table.
 */
import { SheetBuilder } from "./plan";

export const EURO = '"€" #,##0;[Red]"€" -#,##0';
export const EURO_1 = '"€" #,##0.0;[Red]"€" -#,##0.0';
export const RATIO = "0.00";

/** The key of a cell's expected value: "sheet!row,column" (0-based). */
export const expectedKey = (sheet: string, row: number, column: number): string => `${sheet}!${row},${column}`;

/** A year as a number, without grouping (2024, not 2.024). */
export const YEAR = "0";

/**
 * A spilling formula at (top, 0) with the engine's table as its expected values (blank cells are not compared); euros
 * unless `columnFormats` gives a column its own format.
 */
export function spillInto(sheet: SheetBuilder, top: number, formula: string, table: readonly (readonly (string | number)[])[], expected: Map<string, number | string>, columnFormats?: readonly (string | undefined)[]): void {
  sheet.set(top, 0, { formula, numberFormat: EURO, style: "output", spill: { rows: table.length, columns: table[0]!.length, ...(columnFormats ? { columnFormats } : {}) } });
  table.forEach((row, r) => row.forEach((v, c) => v !== "" && expected.set(expectedKey(sheet.name, top + r, c), v)));
  sheet.row = top + table.length;
}
