/**
 * A workbook plan written into HyperFormula with every MKBA.* function registered (test/support/hyperformula.ts), so
 * that tests evaluate the formulas a plan holds — the test-side writer of the plan, beside ExcelJS (mkba werkmap) and
 * Office.js (the task pane). Workbook names become named expressions; a spilling formula is entered in its top-left cell.
 */
import { HyperFormula } from "hyperformula";
import { CellValue } from "../../src/engine/cells";
import { WorkbookPlan, rangeRef } from "../../src/engine/workbook/plan";
import { SheetContent, buildWorkbook, fromHfCell } from "./hyperformula";

export function planToHyperFormula(plan: WorkbookPlan): HyperFormula {
  const sheets: Record<string, SheetContent> = {};
  for (const sheet of plan.sheets) {
    const rows: SheetContent = [];
    for (const c of sheet.cells) {
      while (rows.length <= c.row) rows.push([]);
      const row = rows[c.row]!;
      while (row.length <= c.column) row.push(null);
      row[c.column] = c.formula ?? (c.value as CellValue) ?? null;
    }
    sheets[sheet.name] = rows;
  }
  const names = Object.fromEntries(plan.names.map((n) => [n.name, `=${rangeRef(n.sheet, n.range)}`]));
  return buildWorkbook(sheets, names);
}

export function planValue(hf: HyperFormula, sheet: string, row: number, column: number): CellValue {
  return fromHfCell(hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col: column }));
}

export function setPlanValue(hf: HyperFormula, sheet: string, row: number, column: number, value: number): void {
  hf.setCellContents({ sheet: hf.getSheetId(sheet)!, row, col: column }, [[value]]);
}
