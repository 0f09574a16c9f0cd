/**
 * Properties of the engine (issue 3, item 5): transfers sum to 0, NCW is linear in every amount, overriding a
 * parameter with its own value changes nothing, a sensitivity Δ equals the difference of two runs.
 */
import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import { ModelInput, analyse, analysisJson, runModel, validateModel } from "../../../src/engine/model";

const amount = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });

/** Random valid models: every effect's amount is its own parameter p<i>, so overrides address one effect. */
const modelArbitrary = fc
  .record({
    horizon: fc.integer({ min: 1, max: 12 }),
    rate: fc.oneof(fc.constantFrom("2021", "2026", "geen", "2007"), fc.double({ min: -0.2, max: 0.3, noNaN: true })),
    actors: fc.integer({ min: 2, max: 4 }),
    effects: fc.array(
      fc.record({
        side: fc.constantFrom("Kosten", "Baten", "Transfer"),
        nature: fc.constantFrom("financieel", "immaterieel"),
        actor: fc.nat(3),
        to: fc.nat(3),
        value: amount,
        start: fc.nat(11),
        duration: fc.integer({ min: 1, max: 12 }),
        growth: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ horizon, rate, actors, effects }): ModelInput => {
    const names = Array.from({ length: actors }, (_, i) => `Actor ${i}`);
    return {
      schemaVersion: 1,
      metadata: { name: "eigenschap", title: "Eigenschappen", priceBaseYear: 2025, firstYear: 2025, horizon, discountRule: rate },
      parameters: effects.map((e, i) => ({ key: `p${i}`, value: e.value })),
      actors: names.map((name, i) => ({ name, municipal: i === 0 })),
      categories: [
        { name: "Kosten", side: "kosten" },
        { name: "Baten", side: "baten" },
        { name: "Transfer", side: "verdeling" },
      ],
      effects: effects.map((e, i) => {
        const start = e.start % horizon;
        const profile = { start, duration: Math.min(e.duration, horizon - start), growth: e.growth };
        const from = names[e.actor % actors]!;
        if (e.side === "Transfer") {
          const to = names[(e.actor + 1 + (e.to % (actors - 1))) % actors]!;
          return { name: `E${i}`, category: "Transfer", nature: "financieel", from, to, amount: `p${i}`, profile };
        }
        return { name: `E${i}`, category: e.side, nature: e.nature, actor: from, amount: `p${i}`, profile };
      }),
      scenarios: [],
      sensitivity: [],
    };
  });

function compile(model: ModelInput) {
  const v = validateModel(model);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.compiled;
}
function run(model: ModelInput, overrides: Record<string, number> = {}) {
  const r = runModel(compile(model), overrides, "x");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.run;
}

describe("engine properties", () => {
  it("transfers sum to 0 for society, and the actors' saldi add up to the saldo", () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const r = run(model);
        const actorsTotal = [...r.byActor.values()].reduce((a, b) => a.plus(b), new Dec(0));
        // Each figure is the double nearest to its 40-digit decimal: they add up within one rounding of each (≤ 5 figures; subnormal doubles are spaced 2^−1074 apart).
        const scale = [...r.byActor.values()].reduce((a, b) => a.plus(Math.abs(b)), new Dec(Math.abs(r.saldo)));
        return r.byCategory.get("Transfer") === 0 && actorsTotal.minus(r.saldo).abs().lte(scale.times("1e-15").plus("1e-320"));
      }),
      { numRuns: 300 },
    );
  });

  it("is linear in every amount: saldo(x·v) − saldo(0) = x·(saldo(v) − saldo(0))", () => {
    fc.assert(
      fc.property(modelArbitrary, fc.nat(11), fc.double({ min: -10, max: 10, noNaN: true }), (model, pick, x) => {
        const key = `p${pick % model.effects.length}`;
        const v = model.parameters!.find((p) => p.key === key)!.value;
        const at = (value: number) => new Dec(run(model, { [key]: value }).saldo);
        const zero = at(0);
        const scaled = at(x * v);
        const lhs = scaled.minus(zero);
        const rhs = at(v).minus(zero).times(x);
        // x·v is rounded to a double before it enters the model, hence the relative tolerance; each saldo is the
        // double nearest to its decimal, hence a rounding of each.
        const rounding = scaled.abs().plus(at(v).abs().times(Math.abs(x))).plus(zero.abs().times(1 + Math.abs(x))).times("1e-15");
        return lhs.minus(rhs).abs().lte(rhs.abs().times("1e-14").plus(rounding).plus("1e-9"));
      }),
      { numRuns: 300 },
    );
  });

  it("does not change when a parameter is overridden with its own value", () => {
    fc.assert(
      fc.property(modelArbitrary, fc.nat(11), (model, pick) => {
        const key = `p${pick % model.effects.length}`;
        const own = model.parameters!.find((p) => p.key === key)!.value;
        const with_ = { ...model, scenarios: [{ name: "Zelfde", overrides: { [key]: own } }] };
        const a = analyse(compile(with_));
        if (!a.ok) return false;
        const [base, same] = analysisJson(a.analysis).scenarios;
        return JSON.stringify({ ...base, name: "" }) === JSON.stringify({ ...same, name: "" });
      }),
      { numRuns: 200 },
    );
  });

  it("gives a sensitivity Δ equal to the difference of the two runs", () => {
    fc.assert(
      fc.property(modelArbitrary, fc.nat(11), amount, (model, pick, value) => {
        const key = `p${pick % model.effects.length}`;
        const with_ = { ...model, sensitivity: [{ name: "Knop", overrides: { [key]: value } }] };
        const a = analyse(compile(with_));
        if (!a.ok) return false;
        const s = a.analysis.sensitivity[0]!;
        return s.deltaSaldo === new Dec(run(model, { [key]: value }).saldo).minus(run(model).saldo).toNumber();
      }),
      { numRuns: 200 },
    );
  });
});
