/**
 * The ExcelJS writer of a workbook plan (werkmap schrijven op de opdrachtregel): a thin adapter that puts the plan's
 * sheets, cells, formulas, number formats, styles, column widths, frozen panes, names and data validation into an .xlsx.
 * It decides nothing about content — that is the plan's (src/engine/workbook/plan.ts).
 *
 * Tables (Registratie, Prijslijst, …) become Excel tables over the plan's cells (ExcelJS `addTable`, its values the
 * plan's). Not written by ExcelJS: charts (it cannot write them; they are added to its output from the plan,
 * xlsx/chartParts.ts); and what makes it Excel's own form — add-in calls stored as `_xldudf_MKBA_…`, dynamic arrays,
 * the web extension part that ties the workbook to the add-in and carries the plan's document settings
 * (xlsx/excelForm.ts, xlsx/webExtension.ts) — is added to its output too.
 *
 * Formulas carry no cached value unless the caller gives one (`cachedResults`), so a spreadsheet that opens the file
 * computes every figure itself; `recalculateOnOpen` also asks it to recalculate everything when the file is opened.
 */
import ExcelJS from "exceljs";
import { PlanCell, STYLE_LOOK, WorkbookPlan, a1, rangeRef, spillFormat } from "../engine/workbook/plan";
import { ADDIN } from "./xlsx/addinManifest";
import { addCharts } from "./xlsx/chartParts";
import { toExcelForm } from "./xlsx/excelForm";
import { addWebExtension } from "./xlsx/webExtension";
import { XlsxPackage } from "./xlsx/xlsxPackage";

export interface XlsxOptions {
  /** A cached result per formula cell (what the engine computed), so numbers show where the formula cannot be computed. */
  readonly cachedResults?: (sheet: string, row: number, column: number) => number | string | boolean | null | undefined;
  /** Ask the spreadsheet to recalculate every formula when it opens the file. */
  readonly recalculateOnOpen?: boolean;
}

function styleCell(cell: ExcelJS.Cell, style: PlanCell["style"]): void {
  if (!style) return;
  const look = STYLE_LOOK[style];
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${look.fill}` } };
  if (look.bold || look.italic || look.size || look.color) {
    cell.font = { ...(look.bold ? { bold: true } : {}), ...(look.italic ? { italic: true } : {}), ...(look.size ? { size: look.size } : {}), ...(look.color ? { color: { argb: `FF${look.color}` } } : {}) };
  }
}

/** Excel's error values: a cached result that is one is written as an error (`t="e"`), as Excel saves it, not as text. */
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#BUSY!", "#SPILL!", "#CALC!"]);
type Cached = ReturnType<NonNullable<XlsxOptions["cachedResults"]>>;
const cachedValue = (v: Cached): Cached | ExcelJS.CellErrorValue => (typeof v === "string" && ERROR_VALUES.has(v) ? { error: v as ExcelJS.CellErrorValue["error"] } : v);

/** The plan as an ExcelJS workbook. */
export function planToWorkbook(plan: WorkbookPlan, options: XlsxOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MKBA-invoegtoepassing";
  if (options.recalculateOnOpen) wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.freeze ? { views: [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] } : {});
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row + 1, c.column + 1);
      if (c.formula !== undefined) {
        const result = cachedValue(options.cachedResults?.(sheet.name, c.row, c.column));
        if (c.spill) {
          // ExcelJS writes no dynamic arrays: a legacy array formula over the area the result spills into (its typings lack the fields).
          const ref = `${a1(c.row, c.column)}:${a1(c.row + c.spill.rows - 1, c.column + c.spill.columns - 1)}`;
          cell.value = { formula: c.formula.slice(1), result: result ?? "", shareType: "array", ref } as unknown as ExcelJS.CellFormulaValue;
        } else {
          cell.value = result === undefined || result === null ? { formula: c.formula.slice(1) } : ({ formula: c.formula.slice(1), result } as ExcelJS.CellFormulaValue);
        }
      } else if (c.value !== undefined) {
        cell.value = c.value;
      }
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      styleCell(cell, c.style);
      if (c.spill) {
        // The other cells of the area show the cached results too (they belong to the array formula).
        for (let r = 0; r < c.spill.rows; r++) {
          for (let k = 0; k < c.spill.columns; k++) {
            if (r === 0 && k === 0) continue;
            const v = cachedValue(options.cachedResults?.(sheet.name, c.row + r, c.column + k));
            const other = ws.getCell(c.row + r + 1, c.column + k + 1);
            if (v !== undefined && v !== null) other.value = v;
            const format = spillFormat(c, k);
            if (typeof v === "number" && format) other.numFmt = format;
          }
        }
      }
    }
    for (const [column, width] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(Number(column) + 1).width = width;
    for (const v of sheet.validations ?? []) {
      const rule = v.rule;
      const validation: ExcelJS.DataValidation =
        rule.type === "list"
          ? { type: "list", allowBlank: true, formulae: [`"${rule.values.join(",")}"`], showErrorMessage: true, errorTitle: "Ongeldige invoer", error: v.message }
          : {
              type: rule.type,
              operator: rule.min !== undefined && rule.max !== undefined ? "between" : rule.min !== undefined ? "greaterThanOrEqual" : "lessThanOrEqual",
              allowBlank: true,
              formulae: [rule.min ?? rule.max, ...(rule.min !== undefined && rule.max !== undefined ? [rule.max] : [])] as number[],
              showErrorMessage: true,
              errorTitle: "Ongeldige invoer",
              error: v.message,
            };
      for (let r = 0; r < v.range.rowCount; r++) {
        for (let k = 0; k < v.range.columnCount; k++) ws.getCell(v.range.row + r + 1, v.range.column + k + 1).dataValidation = validation;
      }
    }
  }
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    for (const t of sheet.tables ?? []) {
      const at = new Map(sheet.cells.map((c) => [`${c.row},${c.column}`, c.value] as const));
      const value = (r: number, c: number) => at.get(`${t.range.row + r},${t.range.column + c}`) ?? null;
      const columns = Array.from({ length: t.range.columnCount }, (_, c) => ({ name: String(value(0, c) ?? `Kolom${c + 1}`), filterButton: true }));
      const rows = Array.from({ length: t.range.rowCount - 1 }, (_, r) => Array.from({ length: t.range.columnCount }, (_, c) => value(r + 1, c)));
      ws.addTable({ name: t.name, ref: a1(t.range.row, t.range.column), headerRow: true, style: { theme: "TableStyleLight9", showRowStripes: true }, columns, rows });
    }
  }
  for (const n of plan.names) wb.definedNames.add(rangeRef(n.sheet, n.range), n.name);
  return wb;
}

/** The plan as the bytes of an .xlsx file (the CLI writes them atomically: src/cli/files.ts). */
export async function planToXlsx(plan: WorkbookPlan, options: XlsxOptions = {}): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(new Uint8Array(await planToWorkbook(plan, options).xlsx.writeBuffer()));
  await addCharts(pkg, plan, options.cachedResults);
  // Excel's own form: add-in calls as `_xldudf_MKBA_…`, tables as dynamic arrays, the workbook tied to the add-in.
  const functionIds = await toExcelForm(pkg);
  await addWebExtension(pkg, { addin: ADDIN, settings: plan.settings, functionIds });
  return pkg.bytes();
}
