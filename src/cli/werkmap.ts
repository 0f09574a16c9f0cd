/**
 * `mkba werkmap FILE | --example NAME -o OUT.xlsx`: a model's workbook from its plan (src/engine/workbook/modelPlan.ts)
 * — Invoer, Uitvoer with MKBA.SCENARIO formulas, Gevoeligheid — written by the ExcelJS writer, the same plan the task
 * pane writes in Excel. Every formula carries the engine's value as its cached result, so the numbers show where the
 * add-in is not loaded; with the add-in loaded Excel recalculates them itself. The plan's charts are in the file too,
 * their caches filled from the same values (src/cli/xlsx/chartParts.ts).
 */
import { Analysis } from "../engine/model";
import { LoadedModel } from "../engine/models";
import { expectedValue, modelWorkbook, workbookOptions } from "../engine/workbook/modelPlan";
import { planToXlsx } from "./xlsxWriter";

/** The workbook as the bytes of an .xlsx file (the caller writes them atomically), and its sheet names. */
export async function workbookBuffer(loaded: LoadedModel, analysis: Analysis): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const workbook = modelWorkbook(analysis, workbookOptions(loaded));
  const bytes = await planToXlsx(workbook.plan, { cachedResults: (sheet, row, column) => expectedValue(workbook, sheet, row, column) });
  return { bytes, sheets: workbook.plan.sheets.map((s) => s.name) };
}
