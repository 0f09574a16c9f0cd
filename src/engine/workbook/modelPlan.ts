/**
 * A model's workbook (modelwerkmap) as a plan: *Invoer* — the model in the workbook layout (src/engine/layout/
 * workbookLayout.ts), named "Invoer", read as it is by `MKBA.SCENARIO(Invoer; …)`; *Uitvoer* — every outcome per scenario,
 * the per-actor table and the kosten-baten chart, all `MKBA.SCENARIO` formulas over Invoer (no constants for results);
 * *Gevoeligheid* — each sensitivity run's overrides beside its saldo and Δsaldo, again as formulas.
 * Writers: `mkba werkmap` (ExcelJS, src/cli/xlsxWriter.ts) now; the task pane (Office.js) next.
 *
 * Beside the plan come the engine's own values of each formula cell (`expected`), which a writer may store as cached
 * results so that the numbers show where the add-in is not loaded; a spreadsheet with the add-in recomputes them.
 */
import { CellValue, isCellError } from "../cells";
import { modelToCells } from "../layout/workbookLayout";
import { Analysis, ModelRun, actorTableCells } from "../model";
import type { LoadedModel } from "../models";
import { LpblInputs } from "../models/lpbl";
import { keyFiguresSheet, lpblScreenFields, writeLpblScreen } from "./lpblScreen";
import { PLAN_SCHEMA_VERSION, PlanCell, PlanChart, PlanField, PlanResult, SheetBuilder, WorkbookPlan, formulaText } from "./plan";

export const INVOER = "Invoer";
export const UITVOER = "Uitvoer";
export const GEVOELIGHEID = "Gevoeligheid";

const EURO = '"€" #,##0;[Red]"€" -#,##0';
const EURO_1 = '"€" #,##0.0;[Red]"€" -#,##0.0';
const RATIO = "0.00";

export interface ModelWorkbook {
  readonly plan: WorkbookPlan;
  /** The engine's value of each formula cell, by "sheet!row,column" (0-based). */
  readonly expected: ReadonlyMap<string, number | string>;
}

const key = (sheet: string, row: number, column: number) => `${sheet}!${row},${column}`;

export interface ModelWorkbookOptions {
  /** Extra document settings (mkba.modelType is set here). */
  readonly settings?: Readonly<Record<string, string>>;
  /** An LPBL model: its input screen and key figures go on Invoer and Kengetallen (src/engine/workbook/lpblScreen.ts). */
  readonly lpbl?: { readonly inputs: LpblInputs; readonly keyFigures: Readonly<Record<string, number>> };
}

/** The options that make a loaded model's workbook: the LPBL input screen when the model is an LPBL model. */
export function workbookOptions(loaded: LoadedModel): ModelWorkbookOptions {
  return loaded.lpbl ? { lpbl: { inputs: loaded.lpbl.inputs, keyFigures: loaded.lpbl.keyFigureOverrides } } : {};
}

/**
 * The workbook of an analysed model: Invoer (for an LPBL model the input screen above the model block), Kengetallen
 * (LPBL), Uitvoer (with charts) and, when the model has runs, Gevoeligheid; the form fields and key results.
 */
export function modelWorkbook(analysis: Analysis, options: ModelWorkbookOptions = {}): ModelWorkbook {
  const { model } = analysis.compiled;
  const expected = new Map<string, number | string>();
  const cells = modelToCells(model);

  const invoer = new SheetBuilder(INVOER, options.lpbl ? "Het invoerscherm van de LPBL MKBA-tool (A, B, C) met daaronder het rekenmodel dat MKBA.SCENARIO(Invoer; …) leest." : "Het model in de werkmapindeling: MKBA.SCENARIO(Invoer; …) leest dit blad zoals het er staat.");
  const screen = options.lpbl ? writeLpblScreen(invoer, options.lpbl.inputs) : undefined;
  if (screen) {
    invoer.addRow([{ value: "Rekenmodel (gegenereerd uit het invoerscherm en de kengetallen; pas de gele cellen hierboven aan)", style: "section" }]);
    invoer.skip();
  }
  // The model block (the name Invoer): section markers and headings bold; parameter values are input cells of a free
  // model, and formulas to the screen or Kengetallen for an LPBL model.
  const top = invoer.row;
  const fields: PlanField[] = [];
  let section = "";
  cells.forEach((row, r) => {
    const first = row[0];
    const marker = typeof first === "string" && first.startsWith("[");
    if (marker) section = first;
    const parameter = !marker && section === "[Parameters]" ? model.parameters.find((p) => p.key === first) : undefined;
    row.forEach((value, c) => {
      if (value === null || isCellError(value)) return;
      const source = parameter && c === 1 ? screen?.formulaOf(parameter.key) : undefined;
      if (source) {
        invoer.set(top + r, c, { formula: source, style: "output" });
        expected.set(key(INVOER, top + r, c), value as number);
        return;
      }
      const style: PlanCell["style"] = marker ? (c === 0 ? "section" : "heading") : c === 0 ? "label" : section === "[Parameters]" && c !== 2 && c !== 3 && c !== 4 ? "input" : undefined;
      invoer.set(top + r, c, { value: value as Exclude<CellValue, { kind: "error" }>, ...(style ? { style } : {}) });
    });
    if (parameter && !screen) {
      fields.push({ id: `parameter:${parameter.key}`, section: "Parameters", label: parameter.label || parameter.key, unit: parameter.unit ?? "", cell: { sheet: INVOER, row: top + r, column: 1 }, rule: { type: "decimal" } });
    }
  });
  if (!screen) invoer.width(0, 34);
  const width = cells[0]?.length ?? 1;
  const names: WorkbookPlan["names"][number][] = [{ name: INVOER, sheet: INVOER, range: { row: top, column: 0, rowCount: cells.length, columnCount: width }, comment: "het modelbereik" }];

  // Uitvoer: outcomes per scenario.
  const uitvoer = new SheetBuilder(UITVOER, "Uitkomsten per scenario en de tabel per actor: MKBA.SCENARIO-formules over het bereik Invoer.");
  uitvoer.addRow([{ value: `MKBA — ${model.metadata.title}`, style: "title" }]);
  uitvoer.addRow([{ value: `Netto contante waarde in euro's, ${model.metadata.firstYear}–${model.metadata.firstYear + model.metadata.horizon - 1}; formules MKBA.SCENARIO over het bereik Invoer.`, style: "note" }]);
  uitvoer.skip();
  const runs = analysis.scenarios;
  const headerRow = uitvoer.addRow([{ value: "Uitkomst", style: "heading" }, ...runs.map((r) => ({ value: r.scenario, style: "heading" as const }))]);
  const outcomes: [string, string, string, (run: ModelRun) => number | string][] = [
    ["saldo", "Saldo (NCW)", EURO, (run) => run.saldo.toNumber()],
    ["baten", "Baten (NCW)", EURO, (run) => run.benefits.toNumber()],
    ["kosten", "Kosten (NCW)", EURO, (run) => run.costs.toNumber()],
    ["ratio", "Baten-kostenratio, maatschappelijk", RATIO, (run) => ratioValue(run.ratios.social)],
    ["ratio_financieel", "Baten-kostenratio, financieel", RATIO, (run) => ratioValue(run.ratios.financial)],
    ["ratio_gemeentelijk", "Baten-kostenratio, gemeentelijk", RATIO, (run) => ratioValue(run.ratios.municipal)],
    ...model.actors.map((a): [string, string, string, (run: ModelRun) => number] => [a.name, `Saldo ${a.name}`, EURO, (run) => run.byActor.get(a.name)!.toNumber()]),
  ];
  const outcomeRow = new Map<string, number>();
  for (const [outcome, label, format, value] of outcomes) {
    const row = uitvoer.row;
    outcomeRow.set(outcome, row);
    uitvoer.addRow([
      { value: label, style: "label" },
      ...runs.map((run, j) => {
        expected.set(key(UITVOER, row, 1 + j), value(run));
        return { formula: `=MKBA.SCENARIO(Invoer,${formulaText(run.scenario)},${formulaText(outcome)})`, numberFormat: format, style: "output" as const };
      }),
    ]);
  }
  uitvoer.skip();

  // The per-actor table of the base case: one spilling formula (its size is known: categories + 2 rows, actors + 2 columns).
  const base = runs[0]!;
  uitvoer.addRow([{ value: `Tabel per actor en categorie — ${base.scenario}`, style: "section" }]);
  const tableTop = uitvoer.row;
  const table = actorTableCells(base, model);
  uitvoer.set(tableTop, 0, { formula: `=MKBA.SCENARIO(Invoer,,"tabel")`, numberFormat: EURO, style: "output", spill: { rows: table.length, columns: table[0]!.length } });
  table.forEach((row, r) => row.forEach((v, c) => v !== "" && expected.set(key(UITVOER, tableTop + r, c), v)));
  uitvoer.row = tableTop + table.length + 1;

  const charts: PlanChart[] = [];
  const scenarioColumns = { sheet: UITVOER, range: { row: headerRow, column: 1, rowCount: 1, columnCount: runs.length } };
  const seriesOf = (outcome: string, name: string) => ({ name, values: { sheet: UITVOER, range: { row: outcomeRow.get(outcome)!, column: 1, rowCount: 1, columnCount: runs.length } }, categories: scenarioColumns });
  charts.push({
    id: "kosten-baten",
    type: "columnClustered",
    title: "Kosten, baten en saldo per scenario (NCW)",
    series: [seriesOf("kosten", "Kosten"), seriesOf("baten", "Baten"), seriesOf("saldo", "Saldo")],
    anchor: { from: { row: 3, column: runs.length + 2 }, to: { row: 20, column: runs.length + 9 } },
    valueAxisTitle: "euro (NCW)",
  });
  charts.push({
    id: "saldo-per-actor",
    type: "barClustered",
    title: `Saldo per actor — ${base.scenario}`,
    series: [{ name: "Saldo", values: { sheet: UITVOER, range: { row: tableTop + table.length - 1, column: 1, rowCount: 1, columnCount: model.actors.length } }, categories: { sheet: UITVOER, range: { row: tableTop, column: 1, rowCount: 1, columnCount: model.actors.length } } }],
    anchor: { from: { row: 21, column: runs.length + 2 }, to: { row: 38, column: runs.length + 9 } },
    valueAxisTitle: "euro (NCW)",
  });
  charts.forEach((c) => uitvoer.chart(c));
  uitvoer.width(0, 36);
  runs.forEach((_, j) => uitvoer.width(1 + j, 16));

  const sheets = [invoer.build(), ...(options.lpbl ? [keyFiguresSheet(options.lpbl.keyFigures)] : []), uitvoer.build()];
  if (model.sensitivity.length > 0) sheets.push(sensitivitySheet(analysis, expected));
  const results: PlanResult[] = (
    [
      ["saldo", "Saldo (NCW)", "euro"],
      ["ratio", "Baten-kostenratio, maatschappelijk", "ratio"],
      ["ratio_financieel", "Baten-kostenratio, financieel", "ratio"],
      ["ratio_gemeentelijk", "Baten-kostenratio, gemeentelijk", "ratio"],
    ] as const
  ).map(([id, label, format]) => ({ id, label, format, cell: { sheet: UITVOER, row: outcomeRow.get(id)!, column: 1 } }));
  return {
    plan: {
      planVersion: PLAN_SCHEMA_VERSION,
      sheets,
      names,
      fields: options.lpbl ? lpblScreenFields() : fields,
      results,
      settings: { "mkba.schemaVersion": "1", "mkba.planVersion": String(PLAN_SCHEMA_VERSION), "mkba.modelType": options.lpbl ? "lpbl" : "vrij", "mkba.invoerBereik": `${top},0,${cells.length},${width}`, ...options.settings },
    },
    expected,
  };
}

function ratioValue(r: ModelRun["ratios"]["social"]): number | string {
  return r.value === null ? "#DIV/0!" : r.value.toNumber();
}

/** Each run's overrides as a (parameter, waarde) block, its saldo via MKBA.SCENARIO(Invoer; block; "saldo") and Δ. */
function sensitivitySheet(analysis: Analysis, expected: Map<string, number | string>) {
  const { model } = analysis.compiled;
  const s = new SheetBuilder(GEVOELIGHEID, "Gevoeligheidsanalyse (Tabel 1.7): elke run als aanpassingen van parameters, met het saldo en het verschil als formules.");
  s.addRow(["Gevoeligheidsanalyse", "Δsaldo", "MKBA-saldo", "Scenario", "Parameter", "Waarde"].map((value) => ({ value, style: "heading" as const })));
  for (const run of model.sensitivity) {
    const scenario = run.scenario ?? model.metadata.baseScenarioName;
    const entries = Object.entries({ ...(model.scenarios.find((x) => x.name === scenario)?.overrides ?? {}), ...run.overrides });
    const r = s.row;
    entries.forEach(([parameter, value], k) => {
      s.set(r + k, 4, { value: parameter });
      s.set(r + k, 5, { value, style: "input" });
    });
    const rows = Math.max(1, entries.length);
    const argument = entries.length > 0 ? `E${r + 1}:F${r + rows}` : formulaText(scenario);
    const result = analysis.sensitivity.find((x) => x.name === run.name);
    s.set(r, 0, { value: run.name, style: "label" });
    s.set(r, 3, { value: scenario });
    s.set(r, 2, { formula: `=MKBA.SCENARIO(Invoer,${argument},"saldo")`, numberFormat: EURO_1, style: "output" });
    s.set(r, 1, { formula: `=C${r + 1}-MKBA.SCENARIO(Invoer,${formulaText(scenario)},"saldo")`, numberFormat: EURO_1, style: "output" });
    if (result) {
      expected.set(key(GEVOELIGHEID, r, 2), result.saldo.toNumber());
      expected.set(key(GEVOELIGHEID, r, 1), result.deltaSaldo.toNumber());
    }
    s.row = r + rows + 1;
  }
  s.width(0, 60).width(1, 16).width(2, 16).width(3, 16).width(4, 30).width(5, 16);
  return s.build();
}

/** The expected value of a cell, for a writer's cached results. */
export function expectedValue(workbook: ModelWorkbook, sheet: string, row: number, column: number): number | string | undefined {
  return workbook.expected.get(key(sheet, row, column));
}
