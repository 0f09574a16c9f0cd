import { analyse, runModel, validateModel } from "../../../src/engine/model";
import { smallModel } from "../../fixtures/models";

function compiled(model = smallModel()) {
  const v = validateModel(model);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.compiled;
}

describe("evaluating a model (effects × actors × years)", () => {
  const r = runModel(compiled(), {}, "Basisvariant");
  if (!r.ok) throw new Error("run failed");
  const run = r.run;

  it("discounts every year's amount (year 0 not) and sums costs and benefits", () => {
    // Besparing: 550 in year 1, 605 in year 2 → 500 + 500; Welzijn: 121 in year 2 → 100.
    expect(run.costs).toBeCloseTo(1000, 10);
    expect(run.benefits).toBeCloseTo(1100, 10);
    expect(run.financialBenefits).toBeCloseTo(1000, 10);
    expect(run.saldo).toBeCloseTo(100, 10);
  });

  it("puts each effect with its actor, signed: costs negative, transfers −paid / +received", () => {
    const transfer = 100 + 100 / 1.1 + 100 / 1.21;
    expect(run.table.get("Gemeente")!.get("Kosten")!).toBeCloseTo(-1000, 10);
    expect(run.table.get("Gemeente")!.get("Verdelingseffecten")!).toBeCloseTo(-transfer, 10);
    expect(run.table.get("Inwoners")!.get("Verdelingseffecten")!).toBeCloseTo(transfer, 10);
    expect(run.byActor.get("Gemeente")!).toBeCloseTo(-1000 + 1000 - transfer, 10);
    expect(run.byActor.get("Inwoners")!).toBeCloseTo(100 + transfer, 10);
  });

  it("gives society's saldo per category with transfers summing to 0", () => {
    expect(run.byCategory.get("Verdelingseffecten")!).toBe(0);
    expect(run.byCategory.get("Kosten")!).toBeCloseTo(-1000, 10);
  });

  it("computes the social, financial and municipal ratios", () => {
    const transfer = 100 + 100 / 1.1 + 100 / 1.21;
    expect(run.ratios.social.value!).toBeCloseTo(1.1, 12);
    expect(run.ratios.financial.value!).toBeCloseTo(1.0, 12);
    expect(run.ratios.municipal.value!).toBeCloseTo(1000 / (1000 + transfer), 12);
  });

  it("lists PM items without summing them", () => {
    expect(run.pm.map((p) => p.name)).toEqual(["Buurt"]);
  });

  it("gives cash flows per year per actor, undiscounted", () => {
    expect(run.cashFlows.map((c) => c.year)).toEqual([2024, 2025, 2026]);
    expect(run.cashFlows[1]!.byActor.get("Gemeente")!).toBeCloseTo(550 - 100, 10);
    expect(run.cashFlows[2]!.byActor.get("Inwoners")!).toBeCloseTo(121 + 100, 10);
  });

  it("finds the payback year: the first year the cumulative discounted saldo is ≥ 0", () => {
    // cumulative: −1000 (2024), −500 (2025), +100 (2026)
    expect(run.paybackYear.year).toBe(2026);
  });

  it("makes a ratio null with a reason when there are no costs", () => {
    const model = smallModel();
    model.parameters!.find((p) => p.key === "kosten")!.value = 0;
    const r0 = runModel(compiled(model), {}, "x");
    expect(r0.ok && r0.run.ratios.social).toEqual({ value: null, reason: "de kosten zijn 0" });
  });

  it("reports a division by zero in an expression with the effect's path", () => {
    const model = smallModel();
    model.effects[0]!.amount = "kosten / (aantal - 10)";
    const r0 = runModel(compiled(model), {}, "x");
    expect(r0).toEqual({ ok: false, problems: [{ path: "effects[0].amount", message: "deling door 0" }] });
  });
});

describe("scenarios and sensitivity", () => {
  const a = analyse(compiled());
  if (!a.ok) throw new Error("analysis failed");
  it("runs the base case first, then each scenario with its overrides", () => {
    expect(a.analysis.scenarios.map((s) => s.scenario)).toEqual(["Basisvariant", "Dubbel"]);
    expect(a.analysis.scenarios[1]!.benefits).toBeCloseTo(2100, 10);
  });
  it("gives Δsaldo against the base case", () => {
    const s = a.analysis.sensitivity[0]!;
    expect(s.deltaSaldo).toBeCloseTo(200, 10); // 10 × 11 more per year: 110 + 121 → 100 + 100
    expect(s.saldo).toBeCloseTo(300, 10);
  });
});
