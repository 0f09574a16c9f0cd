/**
 * `mkba werkmap FILE | --example NAME -o OUT.xlsx`: a model as an Excel workbook in the workbook layout, with
 * the MKBA.* formulas in place (what the task pane will write inside Excel), so an analyst can open an example
 * before the task pane exists. Every formula carries the value our engine computes as its cached result, so the
 * numbers show even where the add-in is not loaded; with the add-in loaded Excel recalculates them itself.
 */
import ExcelJS from "exceljs";
import { CellValue, isCellError } from "../engine/cells";
import { modelToCells } from "../engine/layout/workbookLayout";
import { Model } from "../engine/model";
import { FunctionResult, callFunction, findFunction } from "../functions/catalog";

const SCENARIO = findFunction("SCENARIO")!;

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell value as ExcelJS takes it: errors as Excel error values. */
function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isCellError(v)) return { error: v.code } as ExcelJS.CellErrorValue;
  return v;
}

function cached(result: FunctionResult): number | string | ExcelJS.CellErrorValue {
  if (typeof result === "number" || typeof result === "string") return result;
  if (Array.isArray(result)) return excelValue(result[0]?.[0] ?? null) as number;
  return { error: result.code } as ExcelJS.CellErrorValue;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The workbook as the bytes of an .xlsx file (the caller writes them atomically). */
export async function workbookBuffer(model: Model): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MKBA-invoegtoepassing";
  wb.title = model.metadata.title;

  // Invoer: the model in the workbook layout, named "Invoer" for the formulas.
  const cells = modelToCells(model);
  const input = wb.addWorksheet("Invoer");
  cells.forEach((row, r) => row.forEach((v, c) => (input.getCell(r + 1, c + 1).value = excelValue(v))));
  cells.forEach((row, r) => {
    if (typeof row[0] === "string" && row[0].startsWith("[")) input.getRow(r + 1).font = { bold: true };
  });
  input.getColumn(1).width = 34;
  const width = cells[0]?.length ?? 1;
  const address = `Invoer!$A$1:$${columnName(width - 1)}$${cells.length}`;
  wb.definedNames.add(address, "Invoer");

  const scenarios = [model.metadata.baseScenarioName, ...model.scenarios.map((s) => s.name)];
  const outcomes: [string, string, string][] = [
    ["saldo", "Saldo (NCW)", '"€" #,##0;[Red]"€" -#,##0'],
    ["baten", "Baten (NCW)", '"€" #,##0'],
    ["kosten", "Kosten (NCW)", '"€" #,##0'],
    ["ratio", "Baten-kostenratio, maatschappelijk", "0.00"],
    ["ratio_financieel", "Baten-kostenratio, financieel", "0.00"],
    ["ratio_gemeentelijk", "Baten-kostenratio, gemeentelijk", "0.00"],
    ...model.actors.map((a): [string, string, string] => [a.name, `Saldo ${a.name}`, '"€" #,##0;[Red]"€" -#,##0']),
  ];

  // Uitvoer: outcomes per scenario, each a formula over Invoer.
  const out = wb.addWorksheet("Uitvoer");
  out.getCell("A1").value = `MKBA — ${model.metadata.title}`;
  out.getCell("A1").font = { bold: true, size: 14 };
  out.getCell("A2").value = `Netto contante waarde in euro's, ${model.metadata.firstYear}–${model.metadata.firstYear + model.metadata.horizon - 1}; formules MKBA.SCENARIO over het bereik Invoer.`;
  out.getRow(4).values = ["Uitkomst", ...scenarios];
  out.getRow(4).font = { bold: true };
  outcomes.forEach(([key, label, format], i) => {
    const row = out.getRow(5 + i);
    row.getCell(1).value = label;
    scenarios.forEach((scenario, j) => {
      const cell = row.getCell(2 + j);
      cell.value = { formula: `MKBA.SCENARIO(Invoer,${quote(scenario)},${quote(key)})`, result: cached(callFunction(SCENARIO, [cells, scenario, key])) };
      cell.numFmt = format;
    });
  });
  out.getColumn(1).width = 36;
  scenarios.forEach((_, j) => (out.getColumn(2 + j).width = 16));

  // The per-actor table of the base case as an array formula over its (known) size.
  const tableTop = 5 + outcomes.length + 2;
  out.getCell(tableTop, 1).value = `Tabel per actor en categorie — ${model.metadata.baseScenarioName}`;
  out.getCell(tableTop, 1).font = { bold: true };
  const table = callFunction(SCENARIO, [cells, null, "tabel"]) as CellValue[][];
  const first = `A${tableTop + 1}`;
  const ref = `${first}:${columnName(table[0]!.length - 1)}${tableTop + table.length}`;
  table.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = out.getCell(tableTop + 1 + r, 1 + c);
      // A legacy array formula over the table's known size (ExcelJS writes t="array"; its typings lack the fields).
      if (r === 0 && c === 0) cell.value = { formula: `MKBA.SCENARIO(Invoer,,"tabel")`, result: "", shareType: "array", ref } as unknown as ExcelJS.CellFormulaValue;
      else cell.value = excelValue(v);
      if (typeof v === "number") cell.numFmt = '"€" #,##0;[Red]"€" -#,##0';
    }),
  );

  // Gevoeligheid: each run's overrides as a key/value block (parameter, waarde), its saldo through
  // MKBA.SCENARIO(Invoer; block; "saldo"), and Δ against the scenario it varies.
  if (model.sensitivity.length > 0) {
    const sens = wb.addWorksheet("Gevoeligheid");
    sens.getRow(1).values = ["Gevoeligheidsanalyse", "Δsaldo", "MKBA-saldo", "Scenario", "Parameter", "Waarde"];
    sens.getRow(1).font = { bold: true };
    let r = 2;
    for (const s of model.sensitivity) {
      const scenario = s.scenario ?? model.metadata.baseScenarioName;
      const entries = Object.entries({ ...(model.scenarios.find((x) => x.name === scenario)?.overrides ?? {}), ...s.overrides });
      const rows = Math.max(1, entries.length);
      entries.forEach(([key, value], k) => {
        sens.getCell(r + k, 5).value = key;
        sens.getCell(r + k, 6).value = value;
      });
      const saldo = callFunction(SCENARIO, [cells, entries.length > 0 ? entries : scenario, "saldo"]);
      const base = callFunction(SCENARIO, [cells, scenario, "saldo"]);
      const arg = entries.length > 0 ? `E${r}:F${r + rows - 1}` : quote(scenario);
      sens.getCell(r, 1).value = s.name;
      sens.getCell(r, 4).value = scenario;
      sens.getCell(r, 3).value = { formula: `MKBA.SCENARIO(Invoer,${arg},"saldo")`, result: cached(saldo) };
      sens.getCell(r, 2).value = {
        formula: `C${r}-MKBA.SCENARIO(Invoer,${quote(scenario)},"saldo")`,
        result: typeof saldo === "number" && typeof base === "number" ? saldo - base : 0,
      };
      sens.getCell(r, 2).numFmt = sens.getCell(r, 3).numFmt = '"€" #,##0.0;[Red]"€" -#,##0.0';
      r += rows + 1;
    }
    sens.getColumn(1).width = 60;
    [2, 3, 4, 6].forEach((c) => (sens.getColumn(c).width = 16));
    sens.getColumn(5).width = 30;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
