/**
 * The float-compiled model follows the exact engine (issue 11, item 7): on every example (the LPBL model included) and
 * on random perturbations of their parameters, saldo, costs, benefits and the three ratios within 1e-9 of runModel —
 * relative to the larger of the figure and its scale — and null exactly where the exact engine's ratio is null.
 */
import fc from "fast-check";
import { EXAMPLES } from "../../../src/engine/examples";
import { CompiledModel, ModelInput, ModelRun, runModel, scenarioNames, scenarioOverrides, validateModel } from "../../../src/engine/model";
import { loadModel } from "../../../src/engine/models";
import { FastOutcome, compileFastModel } from "../../../src/engine/uncertainty/fastModel";

const BOUND = 1e-9;

function compiledOf(data: unknown): CompiledModel {
  const l = loadModel(data);
  if (!l.ok) throw new Error(JSON.stringify(l.problems.slice(0, 3)));
  return l.loaded.compiled;
}

/** |fast − exact| ≤ 1e-9 × max(|exact|, scale, 1e-6): the scale is the size of the sums the figure is made of. */
function expectClose(fast: number | null, exact: number | null, scale: number, what: string): void {
  if (exact === null || fast === null) {
    expect({ what, fast }).toEqual({ what, fast: exact });
    return;
  }
  const tolerance = BOUND * Math.max(Math.abs(exact), scale, 1e-6);
  if (!(Math.abs(fast - exact) <= tolerance)) throw new Error(`${what}: snel ${fast}, exact ${exact}, verschil ${Math.abs(fast - exact)} > ${tolerance}`);
}

function compare(fast: FastOutcome, run: ModelRun, label: string): void {
  const costs = run.costs;
  const benefits = run.benefits;
  const scale = Math.abs(costs) + Math.abs(benefits);
  expectClose(fast.costs, costs, 0, `${label} kosten`);
  expectClose(fast.benefits, benefits, 0, `${label} baten`);
  expectClose(fast.financialBenefits, run.financialBenefits, 0, `${label} financiële baten`);
  expectClose(fast.saldo, run.saldo, scale, `${label} saldo`);
  expectClose(fast.ratio, run.ratios.social.value ?? null, 0, `${label} ratio`);
  expectClose(fast.ratioFinancial, run.ratios.financial.value ?? null, 0, `${label} financiële ratio`);
  expectClose(fast.ratioMunicipal, run.ratios.municipal.value ?? null, 0, `${label} gemeentelijke ratio`);
}

const models: [string, CompiledModel][] = Object.entries(EXAMPLES).map(([name, data]) => [name, compiledOf(data)]);

describe.each(models)("the float-compiled model of %s", (name, compiled) => {
  const fast = compileFastModel(compiled);

  it.each(scenarioNames(compiled.model))("equals the exact engine in %s", (scenario) => {
    const exact = runModel(compiled, scenarioOverrides(compiled, scenario)!, scenario);
    if (!exact.ok) throw new Error(JSON.stringify(exact.problems));
    const out = fast.evaluate(fast.vector(scenario)!);
    expect(out).not.toBeNull();
    compare(out!, exact.run, `${name}/${scenario}`);
  });

  it("equals the exact engine on random perturbations of every parameter (±50%, a fifth of them set to 0)", () => {
    const n = compiled.model.parameters.length;
    let compared = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n }), (shifts, zero) => {
        const v = fast.vector()!;
        const overrides: Record<string, number> = {};
        compiled.model.parameters.forEach((p, i) => {
          const value = zero[i] && i % 5 === 0 ? 0 : p.value * (1 + shifts[i]!);
          v[i] = value;
          overrides[p.key] = value;
        });
        const exact = runModel(compiled, overrides, "test");
        const out = fast.evaluate(v);
        runs++;
        if (!exact.ok) return; // the exact engine refuses (e.g. a division by 0): the fast one answers null or is not used
        if (out === null) return; // the fast model leaves this point to the exact engine
        compare(out, exact.run, name);
        compared++;
      }),
      { numRuns: name === "lpbl" ? 60 : 150, seed: 11 },
    );
    // Nearly every point is answered by the fast model; the exact engine only decides a rare edge.
    expect(compared).toBeGreaterThan(0.8 * runs);
  });
});

describe("the float-compiled model's edge cases", () => {
  function model(effects: ModelInput["effects"], parameters: ModelInput["parameters"] = []): CompiledModel {
    const v = validateModel({
      schemaVersion: 1,
      metadata: { name: "rand", title: "Randgevallen", priceBaseYear: 2025, firstYear: 2025, horizon: 10, discountRule: "2021" },
      parameters,
      actors: [{ name: "Gemeente", municipal: true }, { name: "Rijk" }],
      categories: [
        { name: "Kosten", side: "kosten" },
        { name: "Baten", side: "baten" },
        { name: "Overdracht", side: "verdeling" },
      ],
      effects,
    });
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    return v.compiled;
  }
  const exactOf = (c: CompiledModel, o: Record<string, number> = {}) => {
    const r = runModel(c, o, "x");
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.run;
  };

  it("follows growth, dropOff, a start year, amounts per year, a transfer and a PM post", () => {
    const c = model(
      [
        { name: "K", category: "Kosten", nature: "financieel", actor: "Gemeente", amount: "a * 2", profile: { start: 1, duration: 5, growth: "g", dropOff: 0.1 } },
        { name: "B", category: "Baten", nature: "financieel", actor: "Gemeente", profile: { start: 2, amounts: ["a", "a ^ 2 / 7", "max(a, 3) - min(1, a)"] } },
        { name: "I", category: "Baten", nature: "immaterieel", actor: "Rijk", amount: "-a + 100" },
        { name: "O", category: "Overdracht", nature: "financieel", from: "Rijk", to: "Gemeente", amount: 50, profile: { duration: 3 } },
        { name: "P", category: "Baten", nature: "pm", actor: "Rijk" },
      ],
      [
        { key: "a", value: 12.5 },
        { key: "g", value: 0.03 },
      ],
    );
    const fast = compileFastModel(c);
    compare(fast.evaluate(fast.vector()!)!, exactOf(c), "profielen");
  });

  it("gives null ratios where the exact engine does (no costs; no municipal actor's costs)", () => {
    const c = model([{ name: "B", category: "Baten", nature: "financieel", actor: "Rijk", amount: 10 }]);
    const out = compileFastModel(c).evaluate(compileFastModel(c).vector()!)!;
    expect(exactOf(c).ratios.social.value).toBeNull();
    expect(out).toMatchObject({ ratio: null, ratioFinancial: null, ratioMunicipal: null, saldo: 10 });
  });

  it("leaves a division by 0 and a cancelling denominator to the exact engine (null)", () => {
    const c = model(
      [
        { name: "K", category: "Kosten", nature: "financieel", actor: "Gemeente", amount: "a" },
        { name: "K2", category: "Kosten", nature: "financieel", actor: "Gemeente", amount: "-b" },
        { name: "B", category: "Baten", nature: "financieel", actor: "Gemeente", amount: "10 / (a - 1)" },
      ],
      [
        { key: "a", value: 5 },
        { key: "b", value: 2 },
      ],
    );
    const fast = compileFastModel(c);
    expect(fast.evaluate(Float64Array.of(1, 2))).toBeNull();
    expect(runModel(c, { a: 1 }, "x").ok).toBe(false);
    expect(fast.evaluate(Float64Array.of(2, 2))).toBeNull(); // costs 2 − 2 = 0: the exact engine says the ratio does not exist
    expect(exactOf(c, { a: 2, b: 2 }).ratios.social.value).toBeNull();
  });
});
