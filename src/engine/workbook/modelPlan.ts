/**
 * A model's workbook (modelwerkmap) as a plan: *Invoer* — the model in the workbook layout (src/engine/layout/
 * workbookLayout.ts), named "Invoer", read as it is by `MKBA.SCENARIO(Invoer; …)`; *Uitvoer* — every outcome per scenario,
 * Tabel 1.5–1.7, the cash flows and the charts; *Gevoeligheid* — each sensitivity run's overrides (references to
 * Invoer) beside its saldo and Δsaldo; *Rekenkern* — the one `MKBA.SCENARIO(Invoer; …; "alles")` call whose table the
 * other sheets read with INDEX/MATCH (resultTable.ts), so that Excel evaluates each model once per recalculation. No
 * result is a constant. Writers: `mkba werkmap` (src/cli/xlsxWriter.ts) and the task pane (src/office/).
 *
 * Beside the plan come the engine's own values of each formula cell (`expected`), which a writer may store as cached
 * results so that the numbers show where the add-in is not loaded; a spreadsheet with the add-in recomputes them.
 */
import { CellValue, isCellError } from "../cells";
import { modelToCells } from "../layout/workbookLayout";
import { Analysis, ModelRun, cashFlowCells, overviewCells } from "../model";
import type { LoadedModel } from "../models";
import { AppliedFactors, LpblBuildOk, LpblInputs } from "../models/lpbl";
import { derivedFormula, keyFiguresSheet, lpblScreenFields, writeLpblScreen } from "./lpblScreen";
import { lpblOutputBlocks } from "./lpblOutput";
import { uncertaintySheet } from "./uncertaintyPlan";
import { rekenkernSheet, resultLookup } from "./resultTable";
import { EURO, EURO_1, RATIO, YEAR, expectedKey, spillInto } from "./outputCells";
import { GEVOELIGHEID, INVOER, UITVOER } from "./sheetNames";
import { CellStyle, PLAN_SCHEMA_VERSION, PlanCell, PlanChart, PlanField, PlanResult, SheetBuilder, WorkbookPlan, a1, sheetPrefix } from "./plan";

export { INVOER, UITVOER, GEVOELIGHEID } from "./sheetNames";


export interface ModelWorkbook {
  readonly plan: WorkbookPlan;
  /** The engine's value of each formula cell, by "sheet!row,column" (0-based). */
  readonly expected: ReadonlyMap<string, number | string>;
}

const key = expectedKey;
/** The model block's columns (src/engine/layout/workbookLayout.ts): [Parameters] key | waarde | eenheid | omschrijving | bron | scenarios…; [Gevoeligheid] naam | scenario | parameter | waarde. */
const SCENARIO_COLUMN = 5;
const SENSITIVITY_VALUE_COLUMN = 3;

export interface ModelWorkbookOptions {
  /** Extra document settings (mkba.modelType is set here). */
  readonly settings?: Readonly<Record<string, string>>;
  /** An LPBL model: its input screen and key figures go on Invoer and Kengetallen (src/engine/workbook/lpblScreen.ts). */
  readonly lpbl?: {
    readonly inputs: LpblInputs;
    readonly keyFigures: Readonly<Record<string, number>>;
    /** Scenario and sensitivity overrides that follow a key figure or screen input: written as formulas to that cell. */
    readonly derivedOverrides?: LpblBuildOk["derivedOverrides"];
    /** The factors applied to the inputs, for the block "Gebruikte waarden" (its expected values). */
    readonly appliedFactors: AppliedFactors;
  };
  /**
   * Choices a workbook already holds, made when its sheets were written from the model as it was then (for checking
   * that workbook, not for writing a new one): the rows of the Onzekerheid sheet by parameter key, and the three
   * drivers of Uitvoer A with the bounds the workbook shows for them. Without them the model of now decides.
   */
  readonly written?: WrittenChoices;
}

export interface WrittenChoices {
  readonly uncertaintyOrder?: readonly string[];
  readonly drivers?: readonly { readonly key: string; readonly low: number; readonly high: number }[];
}

/** The options that make a loaded model's workbook: the LPBL input screen when the model is an LPBL model. */
export function workbookOptions(loaded: LoadedModel): ModelWorkbookOptions {
  return loaded.lpbl ? { lpbl: { inputs: loaded.lpbl.inputs, keyFigures: loaded.lpbl.keyFigureOverrides, derivedOverrides: loaded.lpbl.derivedOverrides, appliedFactors: loaded.lpbl.appliedFactors } } : {};
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
  const screen = options.lpbl ? writeLpblScreen(invoer, options.lpbl.inputs, options.lpbl.appliedFactors, expected) : undefined;
  if (screen) {
    invoer.addRow([{ value: "Rekenmodel (gegenereerd uit het invoerscherm en de kengetallen; pas de gele cellen hierboven aan)", style: "section" }]);
    invoer.skip();
  }
  // The model block (the name Invoer): section markers and headings bold; parameter values are input cells of a free
  // model, and formulas to the screen or Kengetallen for an LPBL model.
  const top = invoer.row;
  const derivedOf = (name: string | undefined, parameterKey: string) => (name === undefined ? undefined : derivedFormula(options.lpbl?.derivedOverrides?.[name]?.[parameterKey]));
  const fields: PlanField[] = [];
  const parameterCells = new Map<string, { row: number; column: number }>();
  /** Where each scenario's and each sensitivity run's own overrides stand in the model block: "naam|parameter" → A1 on Invoer. */
  const overrideCells = new Map<string, string>();
  let section = "";
  cells.forEach((row, r) => {
    const first = row[0];
    const marker = typeof first === "string" && first.startsWith("[");
    if (marker) section = first;
    const parameter = !marker && section === "[Parameters]" ? model.parameters.find((p) => p.key === first) : undefined;
    row.forEach((value, c) => {
      if (value === null || isCellError(value)) return;
      // A scenario column's or a sensitivity row's override that follows a key figure or screen input (LPBL).
      const derived =
        parameter && c >= SCENARIO_COLUMN
          ? derivedOf(model.scenarios[c - SCENARIO_COLUMN]?.name, parameter.key)
          : !marker && section === "[Gevoeligheid]" && c === SENSITIVITY_VALUE_COLUMN && typeof row[0] === "string" && typeof row[2] === "string"
            ? derivedOf(row[0], row[2])
            : undefined;
      if (derived) {
        invoer.set(top + r, c, { formula: derived, style: "output" });
        return;
      }
      const source = parameter && c === 1 ? screen?.formulaOf(parameter.key) : undefined;
      if (source) {
        invoer.set(top + r, c, { formula: source, style: "output" });
        expected.set(key(INVOER, top + r, c), value as number);
        return;
      }
      const style: PlanCell["style"] = marker ? (c === 0 ? "section" : "heading") : c === 0 ? "label" : section === "[Parameters]" && c !== 2 && c !== 3 && c !== 4 ? "input" : undefined;
      invoer.set(top + r, c, { value: value as Exclude<CellValue, { kind: "error" }>, ...(style ? { style } : {}) });
    });
    if (parameter) {
      parameterCells.set(parameter.key, { row: top + r, column: 1 });
      model.scenarios.forEach((sc, j) => overrideCells.set(`${sc.name}|${parameter.key}`, a1(top + r, SCENARIO_COLUMN + j, true)));
    }
    if (!marker && section === "[Gevoeligheid]" && typeof row[0] === "string" && typeof row[2] === "string") overrideCells.set(`${row[0]}|${row[2]}`, a1(top + r, SENSITIVITY_VALUE_COLUMN, true));
    if (parameter && !screen) {
      fields.push({ id: `parameter:${parameter.key}`, section: "Parameters", label: parameter.label || parameter.key, unit: parameter.unit ?? "", cell: { sheet: INVOER, row: top + r, column: 1 }, rule: { type: "decimal" } });
    }
  });
  if (!screen) invoer.width(0, 34);
  const width = cells[0]?.length ?? 1;
  const names: WorkbookPlan["names"][number][] = [{ name: INVOER, sheet: INVOER, range: { row: top, column: 0, rowCount: cells.length, columnCount: width }, comment: "het modelbereik" }];

  // Uitvoer: Uitvoer A and B of the LPBL tool (for an LPBL model), outcomes per scenario, Tabel 1.5, 1.6, 1.7 and the cash
  // flows per year — every figure a formula over Invoer.
  const uitvoer = new SheetBuilder(UITVOER, "Uitkomsten: MKBA-overzicht (Tabel 1.5), scenario's (Tabel 1.6), gevoeligheid (Tabel 1.7) en kasstromen — MKBA.SCENARIO-formules over het bereik Invoer.");
  uitvoer.addRow([{ value: `MKBA — ${model.metadata.title}`, style: "title" }]);
  uitvoer.addRow([{ value: `Netto contante waarde in euro's, ${model.metadata.firstYear}–${model.metadata.firstYear + model.metadata.horizon - 1}; formules MKBA.SCENARIO over het bereik Invoer.`, style: "note" }]);
  uitvoer.skip();
  const runs = analysis.scenarios;
  const base = runs[0]!;
  const lpblBlocks = options.lpbl ? lpblOutputBlocks(uitvoer, analysis, options.lpbl.inputs, parameterCells, expected, options.written) : undefined;
  const lopende = lpblBlocks?.lopende;

  uitvoer.addRow([{ value: "Uitkomsten per scenario", style: "section" }]);
  const headerRow = uitvoer.addRow([{ value: "Uitkomst", style: "heading" }, ...runs.map((r) => ({ value: r.scenario, style: "heading" as const }))]);
  const outcomes: [string, string, string, (run: ModelRun) => number | string][] = [
    ["saldo", "Saldo (NCW)", EURO, (run) => run.saldo],
    ["baten", "Baten (NCW)", EURO, (run) => run.benefits],
    ["kosten", "Kosten (NCW)", EURO, (run) => run.costs],
    ["ratio", "Baten-kostenratio, maatschappelijk", RATIO, (run) => ratioValue(run.ratios.social)],
    ["ratio_financieel", "Baten-kostenratio, financieel", RATIO, (run) => ratioValue(run.ratios.financial)],
    ["ratio_gemeentelijk", "Baten-kostenratio, gemeentelijk", RATIO, (run) => ratioValue(run.ratios.municipal)],
    ...model.actors.map((a): [string, string, string, (run: ModelRun) => number] => [a.name, `Saldo ${a.name}`, EURO, (run) => run.byActor.get(a.name)!]),
  ];
  const outcomeRow = new Map<string, number>();
  for (const [outcome, label, format, value] of outcomes) {
    const row = uitvoer.row;
    outcomeRow.set(outcome, row);
    uitvoer.addRow([
      { value: label, style: "label" },
      ...runs.map((run, j) => {
        expected.set(key(UITVOER, row, 1 + j), value(run));
        return { formula: `=${resultLookup("scenario", run.scenario, outcome)}`, numberFormat: format, style: "output" as const };
      }),
    ]);
  }
  uitvoer.skip();

  // Tabel 1.5 (seed 000): the MKBA-overzicht of the base case, effect × actor, one spilling formula.
  uitvoer.addRow([{ value: `Tabel 1.5 — MKBA-overzicht per actor en effect (NCW), ${base.scenario}`, style: "section" }]);
  const overviewTop = uitvoer.row;
  const overview = overviewCells(base, model);
  spillInto(uitvoer, overviewTop, `=MKBA.SCENARIO(Invoer,,"overzicht")`, overview, expected);
  uitvoer.skip();

  // Tabel 1.6 (seed 000): per scenario and effect type — the costs together, each benefit category, the total.
  uitvoer.addRow([{ value: "Tabel 1.6 — MKBA-overzicht per scenario en effecttype (NCW)", style: "section" }]);
  uitvoer.addRow([{ value: "Posten", style: "heading" }, ...runs.map((r) => ({ value: r.scenario, style: "heading" as const }))]);
  const typeRows: [string, (scenario: string) => string, (run: ModelRun) => number, CellStyle][] = [
    ["Kosten", (sc) => `=-${resultLookup("scenario", sc, "kosten")}`, (run) => -run.costs, "output"],
    ...model.categories
      .filter((c) => c.side === "baten")
      .map((c): [string, (scenario: string) => string, (run: ModelRun) => number, CellStyle] => [c.name, (sc) => `=${resultLookup("scenario", sc, `categorie:${c.name}`)}`, (run) => run.byCategory.get(c.name)!, "output"]),
    ["Totaal", (sc) => `=${resultLookup("scenario", sc, "saldo")}`, (run) => run.saldo, "total"],
  ];
  const typeFirst = uitvoer.row;
  for (const [label, formula, value, style] of typeRows) {
    const row = uitvoer.row;
    uitvoer.addRow([
      { value: label, style: style === "total" ? "total" : "label" },
      ...runs.map((run, j) => {
        expected.set(key(UITVOER, row, 1 + j), value(run));
        return { formula: formula(run.scenario), numberFormat: EURO, style };
      }),
    ]);
  }
  uitvoer.skip();

  // Tabel 1.7 (seed 000): each sensitivity run with Δsaldo and saldo, read from the Gevoeligheid sheet, where the run's
  // parameters stand and its formulas compute.
  const blocks = sensitivityBlocks(analysis);
  if (blocks.length > 0) {
    uitvoer.addRow([{ value: "Tabel 1.7 — Gevoeligheidsanalyse (NCW; de aanpassingen staan op het blad Gevoeligheid)", style: "section" }]);
    uitvoer.addRow(["Gevoeligheidsanalyse", "Δsaldo", "MKBA-saldo"].map((value) => ({ value, style: "heading" as const })));
    for (const run of blocks) {
      const row = uitvoer.row;
      uitvoer.addRow([
        { value: run.name, style: "label" },
        { formula: `=${sheetPrefix(GEVOELIGHEID)}${a1(run.row, 1)}`, numberFormat: EURO_1, style: "output" },
        { formula: `=${sheetPrefix(GEVOELIGHEID)}${a1(run.row, 2)}`, numberFormat: EURO_1, style: "output" },
      ]);
      if (run.result) {
        expected.set(key(UITVOER, row, 1), run.result.deltaSaldo);
        expected.set(key(UITVOER, row, 2), run.result.saldo);
      }
    }
    uitvoer.skip();
  }

  // The cash flows per year of the base case (seed 001, Figuur 4.1: costs in the first years, benefits later).
  uitvoer.addRow([{ value: `Kasstromen per jaar (niet contant), ${base.scenario}`, style: "section" }]);
  const flowsTop = uitvoer.row;
  const flows = cashFlowCells(base, model);
  spillInto(uitvoer, flowsTop, `=MKBA.SCENARIO(Invoer,,"kasstromen")`, flows, expected, [YEAR]);
  uitvoer.skip();

  const charts: PlanChart[] = [];
  const widest = Math.max(overview[0]!.length, flows[0]!.length, runs.length + 1, lopende ? 2 : 0);
  const chartAt = (i: number) => ({ from: { row: 3 + i * 18, column: widest + 1 }, to: { row: 20 + i * 18, column: widest + 8 } });
  const typeCount = typeRows.length;
  charts.push({
    id: "kosten-baten",
    type: "columnClustered",
    title: `Kosten-batengrafiek — ${base.scenario} (NCW)`,
    series: [{ name: base.scenario, values: { sheet: UITVOER, range: { row: typeFirst, column: 1, rowCount: typeCount, columnCount: 1 } }, categories: { sheet: UITVOER, range: { row: typeFirst, column: 0, rowCount: typeCount, columnCount: 1 } } }],
    anchor: chartAt(0),
    valueAxisTitle: "euro (NCW)",
  });
  const scenarioColumns = { sheet: UITVOER, range: { row: headerRow, column: 1, rowCount: 1, columnCount: runs.length } };
  const seriesOf = (outcome: string, name: string) => ({ name, values: { sheet: UITVOER, range: { row: outcomeRow.get(outcome)!, column: 1, rowCount: 1, columnCount: runs.length } }, categories: scenarioColumns });
  charts.push({
    id: "scenarios",
    type: "columnClustered",
    title: "Kosten, baten en saldo per scenario (NCW)",
    series: [seriesOf("kosten", "Kosten"), seriesOf("baten", "Baten"), seriesOf("saldo", "Saldo")],
    anchor: chartAt(1),
    valueAxisTitle: "euro (NCW)",
  });
  const actorCount = model.actors.length;
  charts.push({
    id: "saldo-per-actor",
    type: "barClustered",
    title: `Saldo per actor — ${base.scenario}`,
    series: [{ name: "Saldo", values: { sheet: UITVOER, range: { row: overviewTop + overview.length - 1, column: 1, rowCount: 1, columnCount: actorCount } }, categories: { sheet: UITVOER, range: { row: overviewTop, column: 1, rowCount: 1, columnCount: actorCount } } }],
    anchor: chartAt(2),
    valueAxisTitle: "euro (NCW)",
  });
  const years = flows.length - 1;
  const yearColumn = { sheet: UITVOER, range: { row: flowsTop + 1, column: 0, rowCount: years, columnCount: 1 } };
  charts.push({
    id: "kasstromen",
    type: "columnStacked",
    title: `Kosten en baten in de tijd — ${base.scenario} (kasstromen, niet contant)`,
    series: [
      { name: "Kosten", values: { sheet: UITVOER, range: { row: flowsTop + 1, column: 1, rowCount: years, columnCount: 1 } }, categories: yearColumn },
      { name: "Baten", values: { sheet: UITVOER, range: { row: flowsTop + 1, column: 2, rowCount: years, columnCount: 1 } }, categories: yearColumn },
    ],
    anchor: chartAt(3),
    valueAxisTitle: "euro per jaar",
    categoryAxisTitle: "jaar",
  });
  charts.forEach((c) => uitvoer.chart(c));
  uitvoer.width(0, 44);
  for (let c = 1; c < widest; c++) uitvoer.width(c, 16);

  const sheets = [invoer.build(), ...(options.lpbl ? [keyFiguresSheet(options.lpbl.keyFigures)] : []), uitvoer.build(), ...(lopende ? [lopende] : [])];
  if (blocks.length > 0) sheets.push(sensitivitySheet(blocks, expected, (run, parameter) => overrideCells.get(`${run}|${parameter}`)));
  // Onzekerheid (issue 11): a distribution per parameter beside the parameters, for Monte Carlo and the tornado.
  sheets.push(uncertaintySheet(model, parameterCells, expected, options.written?.uncertaintyOrder));
  sheets.push(rekenkernSheet(analysis, lpblBlocks?.extraRuns ?? [], expected));
  const results: PlanResult[] = (
    [
      ["saldo", "Saldo (NCW)", "euro"],
      ["ratio", "Baten-kostenratio, maatschappelijk", "ratio"],
      ["ratio_financieel", "Baten-kostenratio, financieel", "ratio"],
      ["ratio_gemeentelijk", "Baten-kostenratio, gemeentelijk", "ratio"],
    ] as const
  ).map(([id, label, format]): PlanResult => ({ id, label, format, cell: { sheet: UITVOER, row: outcomeRow.get(id)!, column: 1 } }));
  results.push(...(lpblBlocks?.results ?? []));
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
  return r.value ?? "#DIV/0!";
}

/** Where each sensitivity run's overrides stand on Gevoeligheid (one block per run), shared by that sheet and Tabel 1.7. */
interface SensitivityBlock {
  readonly name: string;
  readonly scenario: string;
  readonly entries: readonly [string, number][];
  /** The parameters the run sets itself (the others come from its scenario). */
  readonly own: ReadonlySet<string>;
  /** First row of the block (0-based). */
  readonly row: number;
  readonly result: Analysis["sensitivity"][number] | undefined;
}

function sensitivityBlocks(analysis: Analysis): SensitivityBlock[] {
  const { model } = analysis.compiled;
  let row = 1;
  return model.sensitivity.map((run) => {
    const scenario = run.scenario ?? model.metadata.baseScenarioName;
    const entries = Object.entries({ ...(model.scenarios.find((x) => x.name === scenario)?.overrides ?? {}), ...run.overrides });
    const rows = Math.max(1, entries.length);
    const block: SensitivityBlock = { name: run.name, scenario, entries, own: new Set(Object.keys(run.overrides)), row, result: analysis.sensitivity.find((x) => x.name === run.name) };
    row += rows + 1;
    return block;
  });
}

/**
 * Each run's overrides as a (parameter, waarde) block — references to where they stand in the model block on Invoer,
 * which is what the model reads — beside its saldo and Δsaldo from Rekenkern.
 */
function sensitivitySheet(blocks: readonly SensitivityBlock[], expected: Map<string, number | string>, overrideCell: (run: string, parameter: string) => string | undefined) {
  const s = new SheetBuilder(GEVOELIGHEID, "Gevoeligheidsanalyse (Tabel 1.7): elke run als aanpassingen van parameters (zoals in het model op Invoer), met het saldo en het verschil.");
  s.addRow(["Gevoeligheidsanalyse", "Δsaldo", "MKBA-saldo", "Scenario", "Parameter", "Waarde"].map((value) => ({ value, style: "heading" as const })));
  for (const block of blocks) {
    const r = block.row;
    block.entries.forEach(([parameter, value], k) => {
      s.set(r + k, 4, { value: parameter });
      // The run's own override, else its scenario's: where it stands on Invoer (the model block is the source).
      const cell = overrideCell(block.own.has(parameter) ? block.name : block.scenario, parameter);
      s.set(r + k, 5, cell ? { formula: `=${sheetPrefix(INVOER)}${cell}`, style: "output" } : { value });
      if (cell) expected.set(key(GEVOELIGHEID, r + k, 5), value);
    });
    s.set(r, 0, { value: block.name, style: "label" });
    s.set(r, 3, { value: block.scenario });
    s.set(r, 2, { formula: `=${resultLookup("gevoeligheid", block.name, "saldo")}`, numberFormat: EURO_1, style: "output" });
    s.set(r, 1, { formula: `=${resultLookup("gevoeligheid", block.name, "Δsaldo")}`, numberFormat: EURO_1, style: "output" });
    if (block.result) {
      expected.set(key(GEVOELIGHEID, r, 2), block.result.saldo);
      expected.set(key(GEVOELIGHEID, r, 1), block.result.deltaSaldo);
    }
  }
  s.width(0, 60).width(1, 16).width(2, 16).width(3, 16).width(4, 30).width(5, 16);
  return s.build();
}

/** The expected value of a cell, for a writer's cached results. */
export function expectedValue(workbook: ModelWorkbook, sheet: string, row: number, column: number): number | string | undefined {
  return workbook.expected.get(key(sheet, row, column));
}
