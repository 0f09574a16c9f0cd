/**
 * The scenario "MKBA 3.0 (effectmeting)" (issue 21, item 5): the 2.0 overrides plus the measured C.2/C.3 and
 * attribution 1, beside the analyst's inputs; the interval as the uncertainty the tornado and the Monte Carlo of that
 * scenario use.
 */
import { EXAMPLES } from "../../../src/engine/examples";
import { loadModel } from "../../../src/engine/models";
import { LPBL_EXAMPLE_INPUTS } from "../../../src/engine/models/lpbl";
import { monteCarloSteps, runMonteCarlo } from "../../../src/engine/uncertainty/monteCarlo";
import { tornado } from "../../../src/engine/uncertainty/tornado";
import { SCENARIO_3, measureEffects } from "../../../src/engine/records/effect";
import { generateRegistration } from "../../../src/engine/records/generator";
import { deriveRegistration, registrationScenario } from "../../../src/engine/records/registration";
import { effectMonteCarloPlan, effectScenario, effectUncertainty, withScenarios } from "../../../src/engine/records/scenarios";

const loaded = loadModel(EXAMPLES.lpbl);
if (!loaded.ok) throw new Error("LPBL-voorbeeld laadt niet");
const compiled = loaded.loaded.compiled;
const keys = new Set(compiled.model.parameters.map((p) => p.key));
const g = generateRegistration({ households: 1500, seed: 4, cases: 0 });
const registration = deriveRegistration(g.records, LPBL_EXAMPLE_INPUTS, { threshold: 10 });
const effect = measureEffects(g.records, g.comparison, { threshold: 10, replicates: 1000, seed: 9, zrm: false });
const s2 = registrationScenario(registration, keys);
const s3 = effectScenario(effect, s2, keys);
const extended = withScenarios(compiled.model, [s2, s3]);
if (!extended.ok) throw new Error(JSON.stringify(extended.problems));

describe('the scenario "MKBA 3.0 (effectmeting)"', () => {
  it("holds the 2.0 overrides, every measured C.2/C.3 parameter the model has, and attribution 1", () => {
    expect(s3.name).toBe(SCENARIO_3);
    for (const [k, v] of Object.entries(s2.overrides)) expect(s3.overrides[k]).toBe(v);
    const measured = effect.parameters.map((p) => [p.key, ...p.alternatives].find((k) => keys.has(k))!);
    // Evictions: an input of the screen since issue 19 (escalatie_huisuitzetting), a key figure before it.
    const evictions = keys.has("escalatie_huisuitzetting") ? "escalatie_huisuitzetting" : "kg_escalatie_huisuitzetting";
    expect(measured.sort()).toEqual(["escalatie_gezinnen", "escalatie_ouderen", "escalatie_overig", evictions, "succes_schuldhulp", "succes_werk"].sort());
    for (const p of effect.parameters) expect(s3.overrides[[p.key, ...p.alternatives].find((k) => keys.has(k))!]).toBe(p.value);
    expect(s3.overrides.attributie).toBe(1);
    expect(s3.description).toMatch(/95%: /);
  });

  it("leaves the analyst's base case and scenarios as they were", () => {
    const m = extended.compiled.model;
    expect(m.parameters).toEqual(compiled.model.parameters);
    expect(m.scenarios.map((s) => s.name)).toEqual([...compiled.model.scenarios.map((s) => s.name), "MKBA 2.0 (registratie)", SCENARIO_3]);
  });

  it("gives each measured parameter a normal distribution whose 2,5% and 97,5% points are the interval, and the interval as tornado range", () => {
    const { distributions, ranges } = effectUncertainty(effect, keys);
    for (const p of effect.parameters) {
      const key = [p.key, ...p.alternatives].find((k) => keys.has(k))!;
      const d = distributions[key]!;
      expect(d).toMatchObject({ type: "normaal", mean: p.value });
      if (d.type !== "normaal") continue;
      expect(d.sd * 1.959963984540054 * 2).toBeCloseTo(p.interval.high - p.interval.low, 12);
      expect(ranges[key]).toEqual({ low: p.interval.low, high: p.interval.high });
    }
    // The tornado of the 3.0 scenario with these ranges moves the saldo over the interval.
    const t = tornado(extended.compiled, { scenario: SCENARIO_3, ranges });
    const row = t.rows.find((r) => r.key === "escalatie_gezinnen")!;
    expect(row.range).toEqual(ranges.escalatie_gezinnen);
    expect(row.swing).toBeGreaterThan(0);
  });

  it("plans the 3.0 Monte Carlo with the measured parameters varied by their interval, not held at the scenario's value", () => {
    const plain = runMonteCarlo(extended.compiled, { scenario: SCENARIO_3, runs: 500, seed: 2 });
    // Without the plan here the scenario holds them (the model's default ±20% varies everything around the scenario).
    const planned = effectMonteCarloPlan(extended.compiled, effect, { runs: 500, seed: 2 });
    expect(planned.ok).toBe(true);
    if (!planned.ok || !plain.ok) return;
    const varied = new Map(planned.plan.varied.map((v) => [v.key, v]));
    const { distributions } = effectUncertainty(effect, keys);
    for (const [key, d] of Object.entries(distributions)) expect([key, varied.get(key)?.distribution]).toEqual([key, { type: "normaal", mean: (d as { mean: number }).mean, sd: (d as { sd: number }).sd }]);
    const steps = monteCarloSteps(planned.plan);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value.runs).toBe(500);
    expect(step.value.baseSaldo).toBe(plain.result.baseSaldo);
    // Same seed, same plan: the same answer.
    const again = effectMonteCarloPlan(extended.compiled, effect, { runs: 500, seed: 2 });
    const steps2 = again.ok ? monteCarloSteps(again.plan) : null;
    let s = steps2!.next();
    while (!s.done) s = steps2!.next();
    expect(s.value.outcomes.saldo).toEqual(step.value.outcomes.saldo);
  });
});
