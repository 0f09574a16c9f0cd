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
import type { RegistrationRun } from "../engine/records/pipeline";
import { RegistrationPlanOptions, registrationWorkbook } from "../engine/workbook/registrationPlan";
import { planToXlsx } from "./xlsxWriter";

/** The workbook as the bytes of an .xlsx file (the caller writes them atomically), and its sheet names. */
export async function workbookBuffer(loaded: LoadedModel, analysis: Analysis): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const workbook = modelWorkbook(analysis, workbookOptions(loaded));
  const bytes = await planToXlsx(workbook.plan, { cachedResults: (sheet, row, column) => expectedValue(workbook, sheet, row, column) });
  return { bytes, sheets: workbook.plan.sheets.map((s) => s.name) };
}

/**
 * The model's workbook with the sheets of a registration run after it (`mkba registratie … -o werkmap.xlsx`): the model
 * as the analyst has it (the registration's scenarios are blocks on MKBA 2.0 and Effectmeting, not in Invoer), the
 * team's tables, Prijslijst and the result sheets — the same plans the task pane writes.
 */
export async function registrationWorkbookBuffer(loaded: LoadedModel, run: RegistrationRun, options: RegistrationPlanOptions): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const { analyse } = await import("../engine/model");
  const analysed = analyse(loaded.compiled);
  if (!analysed.ok) throw new Error(analysed.problems.map((p) => p.message).join("; "));
  const model = modelWorkbook(analysed.analysis, workbookOptions(loaded));
  const records = registrationWorkbook(run, options);
  const plan = { ...model.plan, sheets: [...model.plan.sheets, ...records.plan.sheets] };
  const bytes = await planToXlsx(plan, { cachedResults: (sheet, row, column) => expectedValue(model, sheet, row, column) ?? records.expected.get(`${sheet}!${row},${column}`) });
  return { bytes, sheets: records.plan.sheets.map((s) => s.name) };
}
