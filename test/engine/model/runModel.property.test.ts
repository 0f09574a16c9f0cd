/**
 * runModel's decimal path (issue 12: leaner; each figure now the double nearest to the 40-digit decimal) gives every
 * result the earlier implementation gave, rounded to its double: generated models (test/fixtures/modelArbitrary.ts)
 * are run through both.
 */
import fc from "fast-check";
import { runModel, runModelInDecimals, validateModel } from "../../../src/engine/model";
import { EXAMPLES } from "../../../src/engine/examples";
import { loadModel } from "../../../src/engine/models";
import { modelArbitrary, sameRun } from "../../fixtures/modelArbitrary";
import { referenceRunModel } from "./referenceModel";

describe("runModel: the same results as the earlier implementation", () => {
  test("generated models, with and without overrides", () => {
    let ran = 0;
    let failed = 0;
    fc.assert(
      fc.property(modelArbitrary, ({ model, overrides }) => {
        const v = validateModel(model);
        if (!v.ok) return;
        for (const o of [{}, overrides]) {
          const expected = referenceRunModel(v.compiled, o, "s");
          sameRun(runModelInDecimals(v.compiled, o, "s"), expected);
          ran++;
          if (!expected.ok) failed++;
        }
      }),
      { numRuns: 800 },
    );
    expect(ran).toBeGreaterThan(1_200); // most generated models are valid
    expect(failed).toBeGreaterThan(0); // overflow and expression problems are among them
  });

  test("a second run of the same model (kept parameter decimals) and a changed parameter value", () => {
    const v = validateModel({
      schemaVersion: 1,
      metadata: { name: "twee", title: "Twee", priceBaseYear: 2025, firstYear: 2025, horizon: 5, discountRule: "2026" },
      parameters: [{ key: "a", value: 100.25 }],
      actors: [{ name: "G", municipal: true }],
      categories: [{ name: "Baten", side: "baten" }],
      effects: [{ name: "E", category: "Baten", nature: "financieel", actor: "G", amount: "a * 3", profile: { duration: 5, growth: 0.02 } }],
    });
    if (!v.ok) throw new Error("invalid");
    sameRun(runModel(v.compiled, {}, "s"), referenceRunModel(v.compiled, {}, "s"));
    sameRun(runModel(v.compiled, {}, "s"), referenceRunModel(v.compiled, {}, "s"));
    (v.compiled.model.parameters[0] as { value: number }).value = 7;
    sameRun(runModel(v.compiled, {}, "s"), referenceRunModel(v.compiled, {}, "s"));
  });

  test("the examples, every scenario", () => {
    for (const [name, data] of Object.entries(EXAMPLES)) {
      const l = loadModel(data);
      if (!l.ok) throw new Error(`${name}: ${JSON.stringify(l.problems[0])}`);
      const compiled = l.loaded.compiled;
      const scenarios = [{ name: "basis", overrides: {} }, ...compiled.model.scenarios];
      for (const s of scenarios) sameRun(runModel(compiled, s.overrides, s.name), referenceRunModel(compiled, s.overrides, s.name));
    }
  });
});
