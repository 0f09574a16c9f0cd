/**
 * A model's workbook plan (Invoer, Uitvoer, Gevoeligheid) evaluated in HyperFormula with the MKBA.* functions: every
 * formula gives the engine's number, and typing another value in Invoer recalculates every output.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { LPBL_EXAMPLE_INPUTS } from "../../src/engine/models/lpbl";
import { INVOER, UITVOER, modelWorkbook } from "../../src/engine/workbook/modelPlan";
import { planProblems } from "../../src/engine/workbook/plan";
import { planToHyperFormula, planValue, setPlanValue } from "../support/planHost";

function analysed(data: unknown) {
  const l = loadModel(data);
  if (!l.ok) throw new Error(JSON.stringify(l.problems.slice(0, 3)));
  const a = analyse(l.loaded.compiled);
  if (!a.ok) throw new Error(JSON.stringify(a.problems.slice(0, 3)));
  return a.analysis;
}

describe.each(Object.keys(EXAMPLES))("the workbook plan of the example %s in HyperFormula", (name) => {
  const workbook = modelWorkbook(analysed(EXAMPLES[name]));
  const hf = planToHyperFormula(workbook.plan);

  it("is consistent and has Invoer, Uitvoer and charts over Uitvoer", () => {
    expect(planProblems(workbook.plan)).toEqual([]);
    expect(workbook.plan.sheets.map((s) => s.name).slice(0, 2)).toEqual([INVOER, UITVOER]);
    expect(workbook.plan.sheets[1]!.charts!.map((c) => c.id)).toEqual(["kosten-baten", "saldo-per-actor"]);
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

describe("typing in Invoer recalculates Uitvoer", () => {
  it("hh_totaal 328 → 400 in the LPBL Invoer gives the engine's saldo for 400 households", () => {
    const workbook = modelWorkbook(analysed(EXAMPLES.lpbl));
    const hf = planToHyperFormula(workbook.plan);
    const invoer = workbook.plan.sheets[0]!;
    const label = invoer.cells.find((c) => c.column === 0 && c.value === "hh_totaal")!;
    const saldoCell = workbook.plan.sheets[1]!.cells.find((c) => c.formula === '=MKBA.SCENARIO(Invoer,"Basisvariant","saldo")')!;
    const before = planValue(hf, UITVOER, saldoCell.row, saldoCell.column) as number;
    setPlanValue(hf, INVOER, label.row, 1, 400);
    const after = planValue(hf, UITVOER, saldoCell.row, saldoCell.column) as number;
    const expected = analysed({ schemaVersion: 1, modelType: "lpbl", inputs: { ...LPBL_EXAMPLE_INPUTS, reach: { ...LPBL_EXAMPLE_INPUTS.reach, households: 400 } }, keyFigures: {} }).scenarios[0]!.saldo.toNumber();
    expect(after).not.toBeCloseTo(before, 0);
    expect(Math.abs(after - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
  });
});
