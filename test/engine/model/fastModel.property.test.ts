/**
 * runModel's fast path (evaluateFast.ts, issue 12) gives the run the decimal path gives, bit for bit: every figure
 * the same double (−0 told from 0), every map in the same order, every problem the same — over generated models
 * (test/fixtures/modelArbitrary.ts: cents, large, tiny and negative amounts, near-cancelling sums, transfers, every
 * rule, growth and drop-off, explicit amounts, min/max/÷/^ in expressions, overrides) and over models made to sit on
 * rounding boundaries and cancellations. It also counts how often the fast path declines (and the decimal path
 * answers), so that a fast path that silently stopped working fails here too.
 */
import fc from "fast-check";
import { CompiledModel, ModelInput, runModel, runModelInDecimals, scenarioOverrides, validateModel } from "../../../src/engine/model";
import { fastFigures } from "../../../src/engine/model/evaluateFast";
import { EXAMPLES } from "../../../src/engine/examples";
import { loadModel } from "../../../src/engine/models";
import { modelArbitrary, realisticModelArbitrary, sameRun } from "../../fixtures/modelArbitrary";

/**
 * Runs each generated model, without and with its overrides, through both paths and compares them (sameRun throws on
 * the first difference); returns how many runs there were and how many the fast path answered.
 */
function compareBothPaths(models: fc.Arbitrary<{ model: ModelInput; overrides: Record<string, number> }>, numRuns: number): { runs: number; fast: number } {
  const tally = { runs: 0, fast: 0 };
  fc.assert(
    fc.property(models, ({ model, overrides }) => {
      const v = validateModel(model);
      if (!v.ok) return;
      for (const o of [{}, overrides]) {
        tally.runs++;
        if (fastFigures(v.compiled, o) !== undefined) tally.fast++;
        sameRun(runModel(v.compiled, o, "s"), runModelInDecimals(v.compiled, o, "s"));
      }
    }),
    { numRuns },
  );
  return tally;
}

describe("runModel: the fast path gives the decimal path's run, bit for bit", () => {
  test("models as analysts make them: the same run, and nearly always by the fast path", () => {
    const tally = compareBothPaths(realisticModelArbitrary, 6_000);
    console.log(`snelle route: ${tally.fast} van ${tally.runs} runs`);
    expect(tally.runs).toBeGreaterThan(10_000);
    expect(tally.fast / tally.runs).toBeGreaterThan(0.85);
  });

  test("hostile models (overflow, failing expressions, ^, tiny and huge amounts): the same run or the same problems", () => {
    const tally = compareBothPaths(modelArbitrary, 1_000);
    console.log(`snelle route (vijandig): ${tally.fast} van ${tally.runs} runs`);
    expect(tally.runs).toBeGreaterThan(1_200);
  });

  /** A model of effects [category, actor or "from>to", amount, start] over three years, no discounting. */
  const small = (effects: [string, string, number | string, number][], parameters: Record<string, number> = {}): CompiledModel => {
    const model: ModelInput = {
      schemaVersion: 1,
      metadata: { name: "klein", title: "Klein", priceBaseYear: 2025, firstYear: 2025, horizon: 3, discountRule: "geen" },
      parameters: Object.entries(parameters).map(([key, value]) => ({ key, value })),
      actors: [{ name: "Gemeente", municipal: true }, { name: "Inwoners" }],
      categories: [
        { name: "Kosten", side: "kosten" },
        { name: "Baten", side: "baten" },
        { name: "Transfer", side: "verdeling" },
      ],
      effects: effects.map(([category, who, amount, start], i) => ({
        name: `E${i}`,
        category,
        nature: "financieel" as const,
        ...(who.includes(">") ? { from: who.split(">")[0]!, to: who.split(">")[1]! } : { actor: who }),
        amount,
        profile: { start, duration: 1 },
      })),
    };
    const v = validateModel(model);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    return v.compiled;
  };

  test("a year with only a transfer: its halves cancel exactly, and the fast path proves the saldo 0", () => {
    const compiled = small([["Kosten", "Gemeente", 1000.1, 0], ["Transfer", "Gemeente>Inwoners", 250.35, 1], ["Baten", "Inwoners", 1200.7, 2]]);
    expect(fastFigures(compiled, {})?.yearSaldo[1]).toBe(0);
    sameRun(runModel(compiled, {}, "s"), runModelInDecimals(compiled, {}, "s"));
  });

  test("a cost and a benefit of the same amount cancel exactly: saldo and the actor's total are a proven 0", () => {
    const compiled = small([["Kosten", "Gemeente", "a * 0.1", 0], ["Baten", "Gemeente", "a * 0.1", 0]], { a: 1234.56 });
    const figures = fastFigures(compiled, {});
    expect(figures && [figures.saldo, figures.byActor[0]]).toEqual([0, 0]);
    sameRun(runModel(compiled, {}, "s"), runModelInDecimals(compiled, {}, "s"));
  });

  test("a figure exactly halfway between two doubles (2^53 + 1): the fast path declines, the decimals round it to even", () => {
    const compiled = small([["Kosten", "Gemeente", 9007199254740992, 0], ["Kosten", "Gemeente", 1, 0]]);
    expect(fastFigures(compiled, {})).toBeUndefined();
    const r = runModel(compiled, {}, "s");
    expect(r.ok && r.run.costs).toBe(9007199254740992);
    sameRun(r, runModelInDecimals(compiled, {}, "s"));
  });

  test("an expression with ^ is left to the decimals, with the same run", () => {
    const compiled = small([["Baten", "Inwoners", "a ^ 2", 0]], { a: 1.5 });
    expect(fastFigures(compiled, {})).toBeUndefined();
    sameRun(runModel(compiled, {}, "s"), runModelInDecimals(compiled, {}, "s"));
  });

  test("the examples, every scenario and sensitivity run, take the fast path (but one that cancels to 0 across two effects)", () => {
    // In the welfare view of Zoveel Meer Perspectief the clients lose the benefit (a transfer) and earn at least as
    // much in wages (a second effect): their saldo is exactly 0, which two separately enclosed amounts cannot prove;
    // the decimal path answers it (and gives exactly 0).
    const decimalOnly = new Set(["zoetermeer-zmp / Welvaartsvisie: uitkering als overdracht"]);
    for (const [name, data] of Object.entries(EXAMPLES)) {
      const l = loadModel(data);
      if (!l.ok) throw new Error(`${name}: ${JSON.stringify(l.problems[0])}`);
      const compiled = l.loaded.compiled;
      const runs = [
        { name: "basis", overrides: {} },
        ...compiled.model.scenarios,
        ...compiled.model.sensitivity.map((s) => ({ name: s.name, overrides: { ...scenarioOverrides(compiled, s.scenario ?? compiled.model.metadata.baseScenarioName), ...s.overrides } })),
      ];
      for (const s of runs) {
        expect({ name, run: s.name, fast: fastFigures(compiled, s.overrides) !== undefined }).toEqual({ name, run: s.name, fast: !decimalOnly.has(`${name} / ${s.name}`) });
        sameRun(runModel(compiled, s.overrides, s.name), runModelInDecimals(compiled, s.overrides, s.name));
      }
    }
  });
});
