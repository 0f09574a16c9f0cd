/**
 * MKBA.SCENARIO over a whole model laid out in a HyperFormula workbook (sheet "Invoer", named expression
 * `Invoer`), compared with the engine's own analysis — what `mkba run --json` prints (analysisJson(analyse(...))).
 * Data-driven over a list of models: the small test model and every shipped example (src/engine/examples).
 */
import { HyperFormula } from "hyperformula";
import { CellValue } from "../../src/engine/cells";
import { modelToCells } from "../../src/engine/layout/workbookLayout";
import { EXAMPLES } from "../../src/engine/examples";
import { AnalysisJson, CompiledModel, analyse, analysisJson, outcomeKey, outcomeTable, runModel, scenarioOverrides, stackedCashFlowCells } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { callFunction, findFunction } from "../../src/functions/catalog";
import { smallModel } from "../fixtures/models";
import { SheetContent, blockAddress, buildWorkbook, valueAt, valuesAt } from "../support/hyperformula";

// ------------------------------------------------------------------------------------------------ the models

/** The test model and every shipped example (the lpbl one expanded from its input screen by the engine). */
const MODELS: [string, unknown][] = [["klein (test/fixtures)", smallModel()], ...Object.entries(EXAMPLES)];

// ------------------------------------------------------------------------------------------------ helpers

const OUTCOMES = ["saldo", "baten", "kosten", "ratio", "ratio_financieel", "ratio_gemeentelijk"] as const;
const relative = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A number equal to the engine's to 1e-12 relative, or the #DIV/0! a ratio without a denominator gives. */
function expectSame(actual: CellValue, expected: number | null, what: string): void {
  if (expected === null) {
    expect({ what, actual }).toMatchObject({ what, actual: { kind: "error", code: "#DIV/0!" } });
    return;
  }
  if (typeof actual !== "number") throw new Error(`${what}: expected ${expected}, got ${JSON.stringify(actual)}`);
  expect({ what, difference: relative(actual, expected) <= 1e-12 ? 0 : relative(actual, expected), actual, expected }).toMatchObject({ what, difference: 0 });
}

interface Workbook {
  hf: HyperFormula;
  cells: CellValue[][];
  json: AnalysisJson;
  compiled: CompiledModel;
}

function compile(name: string, model: unknown): CompiledModel {
  const v = loadModel(model);
  if (!v.ok) throw new Error(`${name}: ${v.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return v.loaded.compiled;
}

function engineJson(compiled: CompiledModel): AnalysisJson {
  const a = analyse(compiled);
  if (!a.ok) throw new Error(a.problems.map((p) => p.message).join("; "));
  return analysisJson(a.analysis);
}

/** The model on sheet "Invoer", named `Invoer`, and the given formulas on sheet "Uitvoer". */
function workbook(compiled: CompiledModel, uitvoer: SheetContent): Workbook {
  const cells = modelToCells(compiled.model);
  const hf = buildWorkbook({ Invoer: cells, Uitvoer: uitvoer }, { Invoer: blockAddress("Invoer", cells.length, cells[0]!.length) });
  return { hf, cells, json: engineJson(compiled), compiled };
}

// ------------------------------------------------------------------------------------------------ tests

describe.each(MODELS)("MKBA.SCENARIO in HyperFormula: %s", (name, model) => {
  const compiled = compile(name, model);
  const actors = compiled.model.actors.map((a) => a.name);
  const base = compiled.model.metadata.baseScenarioName;
  const outcomes = [...OUTCOMES, ...actors];

  it("the named expression covers the whole model block", () => {
    const cells = modelToCells(compiled.model);
    const { hf } = workbook(compiled, [["=ROWS(Invoer)", "=COLUMNS(Invoer)"]]);
    expect(valuesAt(hf, "Uitvoer!A1", 1, 2)).toEqual([[cells.length, cells[0]!.length]]);
  });

  it("gives every outcome of the base case and of every scenario as `mkba run --json`", () => {
    const scenarios = [base, ...compiled.model.scenarios.map((s) => s.name)];
    // One row per scenario, one column per outcome; column A: the base case with the scenario argument left out.
    const rows: SheetContent = scenarios.map((s) => outcomes.map((o) => `=MKBA.SCENARIO(Invoer, ${quote(s)}, ${quote(o)})`));
    rows.push(outcomes.map((o) => `=MKBA.SCENARIO(Invoer, , ${quote(o)})`));
    rows.push(["=MKBA.SCENARIO(Invoer)"]);
    const { hf, json } = workbook(compiled, rows);
    expect(json.scenarios.map((s) => s.name)).toEqual(scenarios);

    const expectedOf = (s: (typeof json.scenarios)[number], outcome: string): number | null => {
      switch (outcome) {
        case "saldo":
          return s.saldo;
        case "baten":
          return s.benefits;
        case "kosten":
          return s.costs;
        case "ratio":
          return s.ratios.social;
        case "ratio_financieel":
          return s.ratios.financial;
        case "ratio_gemeentelijk":
          return s.ratios.municipal;
        default:
          return s.byActor[outcome]!;
      }
    };
    const values = valuesAt(hf, "Uitvoer!A1", rows.length, outcomes.length);
    scenarios.forEach((scenario, r) => {
      outcomes.forEach((outcome, c) => expectSame(values[r]![c]!, expectedOf(json.scenarios[r]!, outcome), `${scenario} / ${outcome}`));
    });
    outcomes.forEach((outcome, c) => expectSame(values[scenarios.length]![c]!, expectedOf(json.scenarios[0]!, outcome), `(basis) / ${outcome}`));
    expectSame(values[scenarios.length + 1]![0]!, json.scenarios[0]!.saldo, "(basis, standaard uitkomst)");
  });

  it("gives the saldo of every sensitivity run through a key/value override range", () => {
    if (compiled.model.sensitivity.length === 0) return;
    // Per run: its overrides (on top of its scenario's) in two columns on sheet "Uitvoer", and the formula beside them.
    const rows: SheetContent = [];
    const formulaRows: number[] = [];
    for (const s of compiled.model.sensitivity) {
      const overrides = Object.entries({ ...scenarioOverrides(compiled, s.scenario ?? base), ...s.overrides });
      const first = rows.length + 1;
      const last = first + Math.max(overrides.length, 1) - 1;
      formulaRows.push(first);
      (overrides.length > 0 ? overrides : [[null, null]]).forEach(([k, v], i) =>
        rows.push([k as CellValue, v as CellValue, i === 0 ? `=MKBA.SCENARIO(Invoer, A${first}:B${last}, "saldo")` : null]),
      );
    }
    const { hf, json } = workbook(compiled, rows);
    compiled.model.sensitivity.forEach((s, i) => {
      const expected = json.sensitivity.find((x) => x.name === s.name)!;
      expectSame(valueAt(hf, `Uitvoer!C${formulaRows[i]}`), expected.saldo, `gevoeligheid ${s.name}`);
    });
  });

  it('spills the per-actor table with =MKBA.SCENARIO(Invoer, , "tabel"), last row "Saldo"', () => {
    const { hf, json } = workbook(compiled, [['=MKBA.SCENARIO(Invoer, , "tabel")']]);
    const height = compiled.model.categories.length + 2;
    const width = actors.length + 2;
    const table = valuesAt(hf, "Uitvoer!A1", height + 1, width + 1);
    expect(table[0]!.slice(0, width)).toEqual(["", ...actors, "Totaal"]);
    expect(table.slice(1, height - 1).map((r) => r[0])).toEqual(compiled.model.categories.map((c) => c.name));
    compiled.model.categories.forEach((c, i) => expectSame(table[i + 1]![width - 1]!, json.scenarios[0]!.byCategory[c.name]!, `tabel ${c.name} / Totaal`));
    const saldo = table[height - 1]!;
    expect(saldo[0]).toBe("Saldo");
    actors.forEach((a, i) => expectSame(saldo[i + 1]!, json.scenarios[0]!.byActor[a]!, `tabel Saldo / ${a}`));
    expectSame(saldo[width - 1]!, json.scenarios[0]!.saldo, "tabel Saldo / Totaal");
    // Exactly the spill area: the row below and the column to the right stay blank.
    expect(table[height]!.every((v) => v === null)).toBe(true);
    expect(table.every((r) => r[width] === null)).toBe(true);
    // The same table as the catalogue gives, spilled as is.
    const spilled = valuesAt(hf, "Uitvoer!A1", height, width);
    expect(spilled.map((r) => r.map((v) => (v === "" ? null : v)))).toEqual(
      (callScenarioTable(modelToCells(compiled.model)) as CellValue[][]).map((r) => r.map((v) => (v === "" ? null : v))),
    );
  });
});

function callScenarioTable(cells: CellValue[][]) {
  return callFunction(findFunction("SCENARIO")!, [cells, null, "tabel"]);
}

describe("MKBA.SCENARIO: recalculation and spill sizes", () => {
  const compiled = compile("klein", smallModel());
  const cells = modelToCells(compiled.model);
  const parameterRow = (key: string) => cells.findIndex((r) => r[0] === key);
  const tableSize = { height: compiled.model.categories.length + 2, width: compiled.model.actors.length + 2 };

  it("recalculates scalar outcomes and the spilled table when a parameter changes in Invoer", () => {
    const { hf } = workbook(compiled, [['=MKBA.SCENARIO(Invoer, , "tabel")'], [], [], [], [], ['=MKBA.SCENARIO(Invoer, , "baten")', '=MKBA.SCENARIO(Invoer, "Dubbel", "baten")']]);
    expect(valueAt(hf, "Uitvoer!A6")).toBeCloseTo(1100, 10);
    expect(valueAt(hf, "Uitvoer!B6")).toBeCloseTo(2100, 10);
    const invoer = hf.getSheetId("Invoer")!;
    hf.setCellContents({ sheet: invoer, row: parameterRow("aantal"), col: 1 }, [[15]]); // base case: 15 instead of 10
    expect(valueAt(hf, "Uitvoer!A6")).toBeCloseTo(1600, 10);
    expect(valueAt(hf, "Uitvoer!B6")).toBeCloseTo(2100, 10); // the scenario column still says 20
    const changed = cells.map((r) => [...r]);
    changed[parameterRow("aantal")]![1] = 15;
    expect(valuesAt(hf, "Uitvoer!A1", tableSize.height, tableSize.width)).toEqual(callScenarioTable(changed));
  });

  it("reports a broken model with its row, and recovers when it is repaired", () => {
    const { hf } = workbook(compiled, [['=MKBA.SCENARIO(Invoer, , "saldo")']]);
    const invoer = hf.getSheetId("Invoer")!;
    const row = parameterRow("prijs");
    hf.setCellContents({ sheet: invoer, row, col: 1 }, [["duur"]]);
    expect(valueAt(hf, "Uitvoer!A1")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining(`rij ${row + 1}`) });
    hf.setCellContents({ sheet: invoer, row, col: 1 }, [[55]]);
    expect(valueAt(hf, "Uitvoer!A1")).toBeCloseTo(100, 10);
  });

  it("sizes a spill when the formula is entered; a table that outgrows it says #SPILL! until re-entered", () => {
    const { hf } = workbook(compiled, []);
    const invoer = hf.getSheetId("Invoer")!;
    const uitvoer = hf.getSheetId("Uitvoer")!;
    const row = parameterRow("prijs");
    hf.setCellContents({ sheet: invoer, row, col: 1 }, [["duur"]]); // broken model: the call gives one error value
    hf.setCellContents({ sheet: uitvoer, row: 0, col: 0 }, [['=MKBA.SCENARIO(Invoer, , "tabel")']]);
    hf.setCellContents({ sheet: uitvoer, row: 0, col: 10 }, [['=(MKBA.SCENARIO(Invoer, , "tabel"))']]);
    expect(valueAt(hf, "Uitvoer!A1")).toMatchObject({ code: "#VALUE!" });
    hf.setCellContents({ sheet: invoer, row, col: 1 }, [[55]]); // repaired: now a table, but 1×1 was reserved
    for (const col of [0, 10]) {
      expect(hf.getCellValue({ sheet: uitvoer, row: 0, col })).toMatchObject({ type: "SPILL", message: expect.stringMatching(/uitkomst 1 × 1; voer de formule opnieuw in/) });
    }
    hf.setCellContents({ sheet: uitvoer, row: 0, col: 0 }, [['=MKBA.SCENARIO(Invoer, , "tabel")']]); // re-entered
    expect(valuesAt(hf, "Uitvoer!A1", tableSize.height, tableSize.width)).toEqual(callScenarioTable(cells));
  });

  it("gives #SPILL! when the spill area is not empty", () => {
    const { hf } = workbook(compiled, [['=MKBA.SCENARIO(Invoer, , "tabel")'], [null, "in de weg"]]);
    expect(hf.getCellValue({ sheet: hf.getSheetId("Uitvoer")!, row: 0, col: 0 })).toMatchObject({ type: "SPILL" });
  });
});

describe('MKBA.SCENARIO(…; "alles") and blocks of runs: one call per model (issue 20)', () => {
  it.each(MODELS)("%s: \"alles\" spills every outcome of every scenario and sensitivity run as the engine's outcome table", (name, model) => {
    const compiled = compile(name, model);
    const a = analyse(compiled);
    if (!a.ok) throw new Error("analyse");
    const table = outcomeTable(a.analysis);
    const { hf } = workbook(compiled, [['=MKBA.SCENARIO(Invoer,,"alles")']]);
    const spilled = valuesAt(hf, "Uitvoer!A1", table.length, 2);
    spilled.forEach(([key, value], r) => {
      const [expectedKey, expectedValue] = table[r]!;
      expect(key).toBe(expectedKey);
      if (typeof expectedValue === "number") expectSame(value!, expectedValue, expectedKey);
      else expect({ key, value }).toMatchObject({ key, value: { code: expectedValue.code } });
    });
    // Each scenario's saldo in the table is what the one-outcome call gives.
    for (const run of a.analysis.scenarios) {
      const row = table.findIndex(([k]) => k === outcomeKey("scenario", run.scenario, "saldo"));
      expect(spilled[row]![1]).toBeCloseTo(run.saldo, 6);
    }
  });

  const compiled = compile("klein", smallModel());
  const block: SheetContent = [
    ["Dubbel aantal", "aantal", 20],
    ["Dubbel aantal", "prijs", 60],
    ["Ongewijzigd", null, null],
  ];

  it("takes a three-column block as named runs on the base case: their outcomes join the table under 'run'", () => {
    const cells = modelToCells(compiled.model);
    const hf = buildWorkbook({ Invoer: cells, Runs: block, Uitvoer: [['=MKBA.SCENARIO(Invoer,Runs!A1:C3,"alles")']] }, { Invoer: blockAddress("Invoer", cells.length, cells[0]!.length) });
    const a = analyse(compiled);
    if (!a.ok) throw new Error("analyse");
    const doubled = runModel(compiled, { aantal: 20, prijs: 60 }, "Dubbel aantal");
    if (!doubled.ok) throw new Error("run");
    const table = outcomeTable(a.analysis, [doubled.run, a.analysis.scenarios[0]!]);
    const spilled = valuesAt(hf, "Uitvoer!A1", table.length, 2);
    const saldoOf = (run: string) => spilled.find(([k]) => k === outcomeKey("run", run, "saldo"))![1];
    expect(saldoOf("Dubbel aantal")).toBeCloseTo(doubled.run.saldo, 6);
    expect(saldoOf("Ongewijzigd")).toBeCloseTo(a.analysis.scenarios[0]!.saldo, 6);
  });

  it('spills the cash flows of a block of runs one under another with "kasstromen"', () => {
    const cells = modelToCells(compiled.model);
    const hf = buildWorkbook({ Invoer: cells, Runs: block, Uitvoer: [['=MKBA.SCENARIO(Invoer,Runs!A1:C3,"kasstromen")']] }, { Invoer: blockAddress("Invoer", cells.length, cells[0]!.length) });
    const doubled = runModel(compiled, { aantal: 20, prijs: 60 }, "Dubbel aantal");
    const base = runModel(compiled, {}, "Ongewijzigd");
    if (!doubled.ok || !base.ok) throw new Error("run");
    const expected = stackedCashFlowCells([{ name: "Dubbel aantal", run: doubled.run }, { name: "Ongewijzigd", run: base.run }], compiled.model);
    expect(valuesAt(hf, "Uitvoer!A1", expected.length, expected[0]!.length)).toEqual(expected);
  });

  it("names the row of a block with an unknown parameter, and refuses another outcome than alles or kasstromen for a block", () => {
    const cells = modelToCells(compiled.model);
    const wrong: SheetContent = [["A", "aantal", 1], ["B", "prjis", 2]];
    const hf = buildWorkbook(
      { Invoer: cells, Runs: wrong, Uitvoer: [['=MKBA.SCENARIO(Invoer,Runs!A1:C2,"alles")', '=MKBA.SCENARIO(Invoer,Runs!A1:C1,"saldo")']] },
      { Invoer: blockAddress("Invoer", cells.length, cells[0]!.length) },
    );
    expect(valueAt(hf, "Uitvoer!A1")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining('rij 2: onbekende parameter "prjis"') });
    expect(valueAt(hf, "Uitvoer!B1")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining('is de uitkomst "alles" of "kasstromen", niet "saldo"') });
  });
});
