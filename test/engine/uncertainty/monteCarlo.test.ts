/**
 * Monte Carlo (issue 11, items 3 and 6): the mean of a linear model converges to the analytic mean within its standard
 * error; Latin hypercube sampling has a smaller error than plain sampling; requested rank correlations come out within
 * sampling error; the same seed gives the same result; every example runs; hostile options get Dutch messages.
 */
import fc from "fast-check";
import { EXAMPLES } from "../../../src/engine/examples";
import { CompiledModel, ModelInput, validateModel } from "../../../src/engine/model";
import { loadModel } from "../../../src/engine/models";
import { moments } from "../../../src/engine/uncertainty/distributions";
import { MonteCarloResult, monteCarloSteps, planMonteCarlo, runMonteCarlo } from "../../../src/engine/uncertainty/monteCarlo";
import { linearModel } from "../../fixtures/models";

function compile(input: ModelInput): CompiledModel {
  const v = validateModel(input);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.compiled;
}

function result(compiled: CompiledModel, options: Parameters<typeof runMonteCarlo>[1] = {}): MonteCarloResult {
  const r = runMonteCarlo(compiled, options);
  if (!r.ok) throw new Error(r.cancelled ? "geannuleerd" : r.message);
  return r.result;
}

/** saldo = aantal × prijs + extra − kosten (one year, no discounting), with a distribution for each parameter. */
function linear(uncertainty: ModelInput["uncertainty"]): ModelInput {
  return linearModel(
    [
      { key: "aantal", value: 10, label: "Aantal deelnemers" },
      { key: "prijs", value: 300, label: "Besparing per deelnemer" },
      { key: "kosten", value: 2000, label: "Kosten van de aanpak" },
      { key: "extra", value: 0, label: "Extra baten" },
    ],
    "aantal * prijs + extra",
    uncertainty,
  );
}

const independent = compile(
  linear({
    distributions: [
      { parameter: "aantal", type: "uniform", min: 5, max: 15 },
      { parameter: "prijs", type: "normaal", mean: 300, sd: 30 },
      { parameter: "kosten", type: "driehoek", min: 1500, mode: 2000, max: 3000 },
      { parameter: "extra", type: "discreet", values: [0, 500], probabilities: [0.8, 0.2] },
    ],
  }),
);
// Independent draws: E[saldo] = E[aantal]·E[prijs] + E[extra] − E[kosten].
const analyticMean = 10 * 300 + 100 - 6500 / 3;

describe("Monte Carlo of a linear model", () => {
  it.each(["aselect", "latin-hypercube"] as const)("%s: the mean lies within 4 standard errors of the analytic mean", (sampling) => {
    const r = result(independent, { runs: 20_000, seed: 7, sampling });
    const s = r.outcomes.saldo;
    expect(s.count).toBe(20_000);
    expect(Math.abs(s.mean! - analyticMean)).toBeLessThan(4 * s.standardError!);
    expect(r).toMatchObject({ runs: 20_000, seed: 7, sampling, distributions: "model", failedRuns: 0, exactRuns: 0 });
  });

  it("Latin hypercube's mean is nearer the analytic mean than plain sampling's, over 40 seeds", () => {
    const rms = (sampling: "aselect" | "latin-hypercube") => {
      let sum = 0;
      for (let seed = 1; seed <= 40; seed++) sum += (result(independent, { runs: 500, seed, sampling }).outcomes.saldo.mean! - analyticMean) ** 2;
      return Math.sqrt(sum / 40);
    };
    expect(rms("latin-hypercube")).toBeLessThan(0.5 * rms("aselect"));
  });

  it("P(saldo > 0), percentiles in order, and a histogram that counts every run", () => {
    const r = result(independent, { runs: 5000, seed: 3, bins: 25 });
    const p = r.outcomes.saldo.percentiles;
    expect(p.P5!).toBeLessThanOrEqual(p.P10!);
    expect(p.P10!).toBeLessThanOrEqual(p.P50!);
    expect(p.P50!).toBeLessThanOrEqual(p.P90!);
    expect(p.P90!).toBeLessThanOrEqual(p.P95!);
    expect(r.histogram).toHaveLength(25);
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(5000);
    expect(r.probabilityPositive.share).toBeGreaterThan(0.5);
    expect(r.probabilityPositive.share).toBeLessThan(1);
    expect(r.baseSaldo).toBe(1000);
  });

  it("the same seed gives an identical result; another seed another", () => {
    const a = JSON.stringify(result(independent, { runs: 3000, seed: 42, sampling: "latin-hypercube" }));
    expect(JSON.stringify(result(independent, { runs: 3000, seed: 42, sampling: "latin-hypercube" }))).toBe(a);
    expect(JSON.stringify(result(independent, { runs: 3000, seed: 43, sampling: "latin-hypercube" }))).not.toBe(a);
  });

  it("the result does not depend on how the chunks are driven: the generator by hand equals runMonteCarlo", () => {
    const planned = planMonteCarlo(independent, { runs: 25_000, seed: 5 });
    if (!planned.ok) throw new Error(planned.message);
    const steps = monteCarloSteps(planned.plan);
    const fractions: number[] = [];
    let step = steps.next();
    while (!step.done) {
      fractions.push(step.value);
      step = steps.next();
    }
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(JSON.stringify(step.value)).toBe(JSON.stringify(result(independent, { runs: 25_000, seed: 5 })));
  });

  it("reports progress and stops when cancelled", () => {
    const seen: number[] = [];
    let calls = 0;
    const r = runMonteCarlo(independent, { runs: 100_000, onProgress: (f) => seen.push(f), isCancelled: () => ++calls > 3 });
    expect(r).toEqual({ ok: false, cancelled: true });
    expect(seen).toEqual([0.02, 0.04, 0.06]);
  });

  it("without an uncertainty section: the default triangular ±20% around each value, value 0 held fixed", () => {
    const r = result(compile(linear(undefined)), { runs: 2000 });
    expect(r.distributions).toBe("standaard");
    expect(r.relative).toBe(0.2);
    expect(r.varied.find((v) => v.key === "kosten")!.distribution).toEqual({ type: "driehoek", min: 1600, mode: 2000, max: 2400 });
    expect(r.fixedAtZero).toEqual(["extra"]);
  });
});

describe("rank correlation (Iman–Conover)", () => {
  // saldo = a + b − c with standard normal a, b, c: Var(saldo) = 3 + 2·r(a,b) − 2·r(a,c) − 2·r(b,c) for the normal-score
  // correlations r = 2·sin(π·ρ/6) that give the Spearman ρ asked for.
  const correlated = compile({
    schemaVersion: 1,
    metadata: { name: "correlatie", title: "Correlatie", priceBaseYear: 2025, firstYear: 2025, horizon: 1, discountRule: "geen" },
    parameters: [
      { key: "a", value: 0 },
      { key: "b", value: 0 },
      { key: "c", value: 0 },
    ],
    actors: [{ name: "Gemeente", municipal: true }],
    categories: [
      { name: "Kosten", side: "kosten" },
      { name: "Baten", side: "baten" },
    ],
    effects: [
      { name: "Kosten", category: "Kosten", nature: "financieel", actor: "Gemeente", amount: "c + 100" },
      { name: "Baten", category: "Baten", nature: "financieel", actor: "Gemeente", amount: "a + b + 100" },
    ],
    uncertainty: {
      distributions: [
        { parameter: "a", type: "normaal", mean: 0, sd: 1 },
        { parameter: "b", type: "normaal", mean: 0, sd: 1 },
        { parameter: "c", type: "normaal", mean: 0, sd: 1 },
      ],
      correlations: [
        { parameters: ["a", "b"], coefficient: 0.7 },
        { parameters: ["a", "c"], coefficient: -0.5 },
      ],
    },
  });

  it.each(["aselect", "latin-hypercube"] as const)("%s: the saldo's variance follows from the requested correlations", (sampling) => {
    const r = result(correlated, { runs: 20_000, seed: 11, sampling });
    const rab = 2 * Math.sin((Math.PI * 0.7) / 6);
    const rac = 2 * Math.sin((Math.PI * -0.5) / 6);
    const variance = 3 + 2 * rab - 2 * rac; // r(b, c) is left to the sampling: 0 in expectation
    const sd = r.outcomes.saldo.sd!;
    // The sample variance of 20.000 draws is within a few per cent of the truth.
    expect(Math.abs(sd * sd - variance) / variance).toBeLessThan(0.05);
    expect(r.correlations).toEqual([
      { parameters: ["a", "b"], coefficient: 0.7 },
      { parameters: ["a", "c"], coefficient: -0.5 },
    ]);
  });
});

describe("Monte Carlo of every example", () => {
  it.each(Object.keys(EXAMPLES))("%s: 2.000 runs without a failure, every run counted", (name) => {
    const l = loadModel(EXAMPLES[name]);
    if (!l.ok) throw new Error(JSON.stringify(l.problems));
    const r = result(l.loaded.compiled, { runs: 2000, seed: 1, sampling: "latin-hypercube" });
    expect(r.failedRuns).toBe(0);
    expect(r.outcomes.saldo.count).toBe(2000);
    // Almere has its own distributions; an LPBL model carries the ranges of its key figures (src/engine/models/lpbl/uncertainty.ts).
    expect(r.distributions).toBe(name === "almere" || name === "lpbl" ? "model" : "standaard");
    expect(Number.isFinite(r.outcomes.saldo.mean!)).toBe(true);
  });
});

describe("Monte Carlo refuses what does not fit, in Dutch", () => {
  const refuse = (options: Parameters<typeof runMonteCarlo>[1]) => {
    const r = runMonteCarlo(independent, options);
    return r.ok || r.cancelled ? "" : r.message;
  };
  it.each([0, -1, 1.5, 1e12, NaN, 1_000_001])("runs %p", (runs) => {
    expect(refuse({ runs })).toBe("het aantal trekkingen is een geheel getal van 1 tot en met 1.000.000 (standaard 10.000)");
  });
  it.each([-1, 0.5, 2 ** 32, NaN])("seed %p", (seed) => {
    expect(refuse({ seed })).toBe("de seed is een geheel getal van 0 tot en met 4.294.967.295");
  });
  it("an unknown scenario", () => {
    expect(refuse({ scenario: "Onbekend" })).toMatch(/^onbekend scenario "Onbekend"/);
  });
  it("runs 1 works: one draw, standard error 0", () => {
    expect(result(independent, { runs: 1 }).outcomes.saldo).toMatchObject({ count: 1, standardError: 0 });
  });
});

describe("Monte Carlo invariants", () => {
  it("for any seed and run count: percentiles in order within min … max, P(saldo > 0) in [0, 1], the histogram counts every run", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 300 }), fc.boolean(), (seed, runs, lhs) => {
        const r = result(independent, { runs, seed, sampling: lhs ? "latin-hypercube" : "aselect" });
        const s = r.outcomes.saldo;
        const ps = [s.min!, s.percentiles.P5!, s.percentiles.P10!, s.percentiles.P50!, s.percentiles.P90!, s.percentiles.P95!, s.max!];
        for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThanOrEqual(ps[i - 1]!);
        expect(r.probabilityPositive.share).toBeGreaterThanOrEqual(0);
        expect(r.probabilityPositive.share).toBeLessThanOrEqual(1);
        expect(r.histogram.reduce((a, b) => a + b.count, 0)).toBe(runs);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it("the analytic means of the distributions used give the linear model's analytic mean (a check on moments())", () => {
    const r = result(independent, { runs: 20_000, seed: 2, sampling: "latin-hypercube" });
    const m = Object.fromEntries(r.varied.map((v) => [v.key, moments(v.distribution).mean]));
    expect(m.aantal! * m.prijs! + m.extra! - m.kosten!).toBeCloseTo(analyticMean, 9);
  });
});
