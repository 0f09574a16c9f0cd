/**
 * A model's workbook plan (Invoer, Uitvoer, Gevoeligheid) evaluated in HyperFormula with the MKBA.* functions: every
 * formula gives the engine's number, and typing another value in Invoer recalculates every output.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { LPBL_EXAMPLE_INPUTS } from "../../src/engine/models/lpbl";
import { INVOER, UITVOER, modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { KENGETALLEN, lpblFileFromValues } from "../../src/engine/workbook/lpblScreen";
import { planProblems } from "../../src/engine/workbook/plan";
import { planToHyperFormula, planValue, setPlanValue } from "../support/planHost";

function analysed(data: unknown) {
  const l = loadModel(data);
  if (!l.ok) throw new Error(JSON.stringify(l.problems.slice(0, 3)));
  const a = analyse(l.loaded.compiled);
  if (!a.ok) throw new Error(JSON.stringify(a.problems.slice(0, 3)));
  return a.analysis;
}

function workbookOf(data: unknown) {
  const l = loadModel(data);
  if (!l.ok) throw new Error(JSON.stringify(l.problems.slice(0, 3)));
  return modelWorkbook(analysed(data), workbookOptions(l.loaded));
}

describe.each(Object.keys(EXAMPLES))("the workbook plan of the example %s in HyperFormula", (name) => {
  const workbook = workbookOf(EXAMPLES[name]);
  const hf = planToHyperFormula(workbook.plan);

  it("is consistent and has Invoer, Uitvoer and charts over Uitvoer", () => {
    expect(planProblems(workbook.plan)).toEqual([]);
    expect(workbook.plan.sheets.map((s) => s.name).filter((s) => s !== KENGETALLEN).slice(0, 2)).toEqual([INVOER, UITVOER]);
    expect(workbook.plan.sheets.find((s) => s.name === UITVOER)!.charts!.map((c) => c.id)).toEqual(["kosten-baten", "saldo-per-actor"]);
  });

  it("has a form field for every input cell it names, and key results that are the base case's figures", () => {
    const fields = workbook.plan.fields!;
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) {
      const cell = workbook.plan.sheets.find((s) => s.name === f.cell.sheet)!.cells.find((c) => c.row === f.cell.row && c.column === f.cell.column);
      expect({ id: f.id, style: cell?.style }).toEqual({ id: f.id, style: "input" });
    }
    const saldo = workbook.plan.results!.find((r) => r.id === "saldo")!;
    expect(planValue(hf, saldo.cell.sheet, saldo.cell.row, saldo.cell.column)).toBeCloseTo(analysed(EXAMPLES[name]).scenarios[0]!.saldo.toNumber(), 6);
  });

  it("gives the engine's value in every formula cell (relative 1e-12)", () => {
    let compared = 0;
    for (const [key, expected] of workbook.expected) {
      const [sheet, place] = key.split("!") as [string, string];
      const [row, column] = place.split(",").map(Number) as [number, number];
      const actual = planValue(hf, sheet, row, column);
      if (typeof expected === "number") {
        expect({ key, ok: typeof actual === "number" && Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)) }).toEqual({ key, ok: true });
      } else if (expected === "#DIV/0!") {
        expect(actual).toMatchObject({ code: "#DIV/0!" });
      } else expect(actual).toBe(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(8);
  });
});

describe("the LPBL workbook: the input screen on Invoer, key figures on Kengetallen, no second copy of an input", () => {
  const workbook = workbookOf(EXAMPLES.lpbl);
  const field = (id: string) => workbook.plan.fields!.find((f) => f.id === id)!;
  const saldoCell = workbook.plan.results!.find((r) => r.id === "saldo")!.cell;
  const saldo = (hf: ReturnType<typeof planToHyperFormula>) => planValue(hf, saldoCell.sheet, saldoCell.row, saldoCell.column) as number;

  it("has sections A, B and C with the tool's labels, and every parameter of the model block is a formula to the screen or Kengetallen", () => {
    const invoer = workbook.plan.sheets.find((s) => s.name === INVOER)!;
    const sections = invoer.cells.filter((c) => c.style === "section").map((c) => c.value);
    expect(sections).toEqual(expect.arrayContaining(["A. Bereik", "B. Kosten", "C. Effect", "[Parameters]"]));
    expect(invoer.cells.find((c) => c.value === "Aantal hh in aanpak (totaal)")).toBeDefined();
    const name = workbook.plan.names.find((n) => n.name === "Invoer")!;
    const parameterRows = invoer.cells.filter((c) => c.column === 0 && c.row > name.range.row && typeof c.value === "string" && /^(hh_totaal|kg_|aandeel_|qaly_waarde)/.test(c.value));
    expect(parameterRows.length).toBeGreaterThan(10);
    for (const p of parameterRows) {
      const value = invoer.cells.find((c) => c.row === p.row && c.column === 1)!;
      expect({ parameter: p.value, formula: value.formula?.startsWith("=") ?? false }).toEqual({ parameter: p.value, formula: true });
    }
  });

  it("typing 400 instead of 328 households on the screen gives the engine's saldo for 400 households", () => {
    const hf = planToHyperFormula(workbook.plan);
    const before = saldo(hf);
    const cell = field("reach.households").cell;
    setPlanValue(hf, cell.sheet, cell.row, cell.column, 400);
    const expected = analysed({ schemaVersion: 1, modelType: "lpbl", inputs: { ...LPBL_EXAMPLE_INPUTS, reach: { ...LPBL_EXAMPLE_INPUTS.reach, households: 400 } }, keyFigures: {} }).scenarios[0]!.saldo.toNumber();
    expect(saldo(hf)).not.toBeCloseTo(before, 0);
    expect(Math.abs(saldo(hf) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
  });

  it("a key figure changed on Kengetallen gives the engine's saldo with that key figure overridden", () => {
    const hf = planToHyperFormula(workbook.plan);
    const cell = field("keyFigures.qaly_waarde").cell;
    setPlanValue(hf, cell.sheet, cell.row, cell.column, 100000);
    const expected = analysed({ schemaVersion: 1, modelType: "lpbl", inputs: LPBL_EXAMPLE_INPUTS, keyFigures: { qaly_waarde: 100000 } }).scenarios[0]!.saldo.toNumber();
    expect(Math.abs(saldo(hf) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
  });

  it("the Controles say 'in orde' for the example and name the sum when a column no longer adds up to 100%", () => {
    const hf = planToHyperFormula(workbook.plan);
    const invoer = workbook.plan.sheets.find((s) => s.name === INVOER)!;
    const checks = invoer.cells.filter((c) => c.formula?.startsWith("=IF(ABS(SUM("));
    expect(checks.length).toBe(4);
    for (const c of checks) expect(planValue(hf, INVOER, c.row, c.column)).toBe("in orde");
    const cell = field("reach.typeShares.families").cell;
    setPlanValue(hf, cell.sheet, cell.row, cell.column, 0.5);
    expect(planValue(hf, INVOER, checks[0]!.row, checks[0]!.column)).toBe("telt op tot 102% — moet 100% zijn");
  });

  it("reads back from the cells into the same model file (lpblFileFromValues)", () => {
    const hf = planToHyperFormula(workbook.plan);
    const values = new Map(workbook.plan.fields!.map((f) => [f.id, planValue(hf, f.cell.sheet, f.cell.row, f.cell.column)]));
    const file = lpblFileFromValues(values);
    expect(file.keyFigures).toEqual({});
    expect(file.inputs).toEqual(LPBL_EXAMPLE_INPUTS);
    const cell = field("keyFigures.qaly_waarde").cell;
    setPlanValue(hf, cell.sheet, cell.row, cell.column, 100000);
    expect(lpblFileFromValues(new Map([...values, ["keyFigures.qaly_waarde", 100000]])).keyFigures).toEqual({ qaly_waarde: 100000 });
  });
});
