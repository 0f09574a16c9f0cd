/**
 * runModel's leaner exact path (issue 12) gives every result the earlier implementation gave: generated models —
 * every side and nature, pm effects, transfers (also to the paying actor), growth and drop-off as numbers or
 * expressions, explicit yearly amounts, cents, large, tiny and negative amounts, near-cancelling costs and benefits,
 * numeric and named discount rules, overrides, and models whose figures overflow or whose expressions fail — are run
 * through both, and each figure is compared with Decimal.eq and Object.is on its double (so that even −0 and 0 are
 * told apart), each map in the same order, each problem with the same path and message.
 */
import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import { ModelInput, RunResult, runModel, validateModel } from "../../../src/engine/model";
import { EXAMPLES } from "../../../src/engine/examples";
import { loadModel } from "../../../src/engine/models";
import { referenceRunModel } from "./referenceModel";

const amount = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e-6, max: 1e-6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e300, -1e300, 1e-300, 123456789.123456789),
);
const rate = fc.oneof(
  fc.constantFrom<number | string>("2021", "2026", "geen", "2007", "2016", 0, 0.03),
  fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 10000),
);
const fraction = fc.oneof(fc.double({ min: -0.9, max: 0.9, noNaN: true }), fc.integer({ min: -50, max: 50 }).map((n) => n / 100));

const modelArbitrary = fc
  .record({
    horizon: fc.integer({ min: 1, max: 30 }),
    rate,
    actors: fc.integer({ min: 1, max: 4 }),
    municipal: fc.nat(4),
    values: fc.array(amount, { minLength: 8, maxLength: 10 }),
    effects: fc.array(
      fc.record({
        category: fc.constantFrom("Kosten", "Baten", "Transfer"),
        nature: fc.constantFrom("financieel", "immaterieel", "immaterieel", "financieel", "pm"),
        actor: fc.nat(3),
        to: fc.nat(3),
        amount: fc.oneof(amount, fc.constantFrom("p0 * p1", "p0 - p1", "p0 / p1", "-p0 + 0.5 * p2", "min(p0, p1) * 1.05", "max(p0, 3) ^ 2", "p7")),
        start: fc.nat(29),
        duration: fc.integer({ min: 1, max: 30 }),
        growth: fc.option(fc.oneof(fraction, fc.constantFrom("p1 / 100", "0.02")), { nil: undefined }),
        dropOff: fc.option(fc.oneof(fraction, fc.constantFrom("p2 / 1000")), { nil: undefined }),
        amounts: fc.option(fc.array(fc.oneof(amount, fc.constant("p0 * 2")), { minLength: 1, maxLength: 30 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    overrides: fc.array(fc.tuple(fc.nat(7), amount), { maxLength: 3 }),
  })
  .map(({ horizon, rate, actors, municipal, values, effects, overrides }) => {
    const names = Array.from({ length: actors }, (_, i) => `Actor ${i}`);
    const model: ModelInput = {
      schemaVersion: 1,
      metadata: { name: "gelijk", title: "Gelijk", priceBaseYear: 2025, firstYear: 2025, horizon, discountRule: rate },
      parameters: values.map((value, i) => ({ key: `p${i}`, value })),
      actors: names.map((name, i) => ({ name, municipal: i === municipal })),
      categories: [
        { name: "Kosten", side: "kosten" },
        { name: "Baten", side: "baten" },
        { name: "Transfer", side: "verdeling" },
      ],
      effects: effects.map((e, i) => {
        const start = Math.min(e.start, horizon - 1);
        const category = e.category === "Transfer" && actors < 2 ? "Baten" : e.category;
        const nature = category === "Transfer" && e.nature === "immaterieel" ? ("financieel" as const) : e.nature;
        const base = { name: `E${i}`, category, nature };
        const from = e.actor % actors;
        const parties = category === "Transfer" ? { from: names[from]!, to: names[(from + 1 + (e.to % (actors - 1))) % actors]! } : { actor: names[from]! };
        if (nature === "pm") return { ...base, ...parties };
        if (e.amounts) return { ...base, ...parties, profile: { start, amounts: e.amounts.slice(0, horizon - start) } };
        return {
          ...base,
          ...parties,
          amount: e.amount,
          profile: {
            start,
            duration: Math.min(e.duration, horizon - start),
            ...(e.growth !== undefined ? { growth: e.growth } : {}),
            ...(e.dropOff !== undefined ? { dropOff: e.dropOff } : {}),
          },
        };
      }),
    };
    return { model, overrides: Object.fromEntries(overrides.filter(([k]) => k < values.length).map(([k, v]) => [`p${k}`, v])) };
  });

/** A Dec is the same when it is equal as a decimal and its double is the same (Object.is: −0 is not 0). */
function sameDec(a: Dec | null, b: Dec | null, where: string): void {
  if (a === null || b === null) {
    expect({ where, a }).toEqual({ where, a: b });
    return;
  }
  if (!(a.eq(b) && Object.is(a.toNumber(), b.toNumber()) && a.toString() === b.toString())) {
    throw new Error(`${where}: ${a.toString()} ≠ ${b.toString()}`);
  }
}

function sameMap(a: ReadonlyMap<string, Dec>, b: ReadonlyMap<string, Dec>, where: string): void {
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [k, v] of a) sameDec(v, b.get(k)!, `${where}.${k}`);
}

function sameRun(actual: RunResult, expected: RunResult): void {
  expect(actual.ok).toBe(expected.ok);
  if (!actual.ok || !expected.ok) {
    expect(actual).toEqual(expected);
    return;
  }
  const a = actual.run;
  const b = expected.run;
  expect(a.scenario).toBe(b.scenario);
  expect(a.discountRule).toEqual(b.discountRule);
  for (const k of ["costs", "benefits", "financialBenefits", "saldo"] as const) sameDec(a[k], b[k], k);
  expect([...a.table.keys()]).toEqual([...b.table.keys()]);
  for (const [actor, row] of a.table) sameMap(row, b.table.get(actor)!, `table.${actor}`);
  sameMap(a.byActor, b.byActor, "byActor");
  sameMap(a.byCategory, b.byCategory, "byCategory");
  for (const k of ["social", "financial", "municipal"] as const) {
    expect(a.ratios[k].reason).toBe(b.ratios[k].reason);
    sameDec(a.ratios[k].value, b.ratios[k].value, `ratios.${k}`);
  }
  expect(a.paybackYear).toEqual(b.paybackYear);
  expect(a.cashFlows.length).toBe(b.cashFlows.length);
  a.cashFlows.forEach((c, t) => {
    const d = b.cashFlows[t]!;
    expect(c.year).toBe(d.year);
    sameMap(c.byActor, d.byActor, `cashFlows[${t}].byActor`);
    sameDec(c.saldo, d.saldo, `cashFlows[${t}].saldo`);
    sameDec(c.costs, d.costs, `cashFlows[${t}].costs`);
    sameDec(c.benefits, d.benefits, `cashFlows[${t}].benefits`);
  });
  for (const k of ["effects", "pm"] as const) {
    expect(a[k].length).toBe(b[k].length);
    a[k].forEach((e, i) => {
      const f = b[k][i]!;
      expect({ ...e, ncw: null }).toEqual({ ...f, ncw: null });
      sameDec(e.ncw, f.ncw, `${k}[${i}].ncw`);
    });
  }
}

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
          sameRun(runModel(v.compiled, o, "s"), expected);
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
