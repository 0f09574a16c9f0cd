/**
 * Monte Carlo (issue 11, item 3): how likely a positive saldo is given the uncertainty in all assumptions together.
 * Each parameter with a distribution (the model's `uncertainty` section, or by default a triangular distribution
 * ±20% around its value) is drawn N times — plain random or Latin hypercube, optionally rank-correlated by Iman–Conover
 * — and the model is evaluated for every draw by the float-compiled model (fastModel.ts; the exact engine for any draw
 * it leaves to it). Results: mean ± standard error, P5/P10/P50/P90/P95 of the saldo and the three ratios, P(saldo > 0)
 * and a histogram of the saldo.
 *
 * Same seed → the same draws and the same results, in Node, in a browser and in a Web Worker: the generator uses only
 * 32-bit integer arithmetic (random.ts). Free of Node APIs and DOM. `monteCarloSteps` runs in chunks (a generator that
 * yields the fraction done), so that a worker can take a cancel message between chunks; `runMonteCarlo` drives it in
 * one go with `onProgress` and `isCancelled` callbacks.
 *
 * Draws come in blocks of at most 10.000 runs: each block is its own Latin hypercube and gets its own Iman–Conover
 * reordering, so memory stays at one block of draws however many runs are asked for (replicated Latin hypercube).
 */
import { CompiledModel, ModelDistribution, runModel, scenarioNames, scenarioOverrides } from "../model";
import { formatCount } from "../model/limits";
import { formatDutch } from "../numberFormat";
import { imanConover, targetMatrix } from "./correlation";
import { DISTRIBUTION_LABELS, Distribution, Quantile, quantileOf } from "./distributions";
import { FastOutcome, compileFastModel } from "./fastModel";
import { OUTCOMES, Outcome, outcomeOf } from "./outcomes";
import { MAX_SEED, Random } from "./random";
import { HistogramBin, Summary, histogram, shareAbove, summarize } from "./statistics";

export const MONTE_CARLO_LIMITS = { defaultRuns: 10_000, maxRuns: 1_000_000, block: 10_000, chunk: 2_000 } as const;
export const DEFAULT_RELATIVE_RANGE = 0.2;

export type Sampling = "aselect" | "latin-hypercube";
export const SAMPLING_LABELS: Readonly<Record<Sampling, string>> = { aselect: "gewone aselecte trekking", "latin-hypercube": "Latin hypercube" };

export interface MonteCarloOptions {
  /** Number of runs (trekkingen), 1 … 1.000.000; default 10.000. */
  readonly runs?: number;
  /** Seed of the generator, a whole number 0 … 4.294.967.295; default 1. */
  readonly seed?: number;
  readonly sampling?: Sampling;
  /** Scenario whose parameter values are the base (default: the base case). */
  readonly scenario?: string;
  /** Share for the default triangular distribution (0,2 = ±20%) when the model has no uncertainty section. */
  readonly relative?: number;
  /** Bins of the saldo histogram (default 20). */
  readonly bins?: number;
  readonly onProgress?: (fraction: number) => void;
  /** Checked after every chunk of runs; true stops the run (the result is then `cancelled`). */
  readonly isCancelled?: () => boolean;
}

export interface VariedParameter {
  readonly key: string;
  /** The parameter's Dutch label (its key when it has none). */
  readonly label: string;
  readonly base: number;
  readonly distribution: Distribution;
}

export interface MonteCarloResult {
  readonly title: string;
  readonly scenario: string;
  readonly runs: number;
  readonly seed: number;
  readonly sampling: Sampling;
  /** Where the distributions come from: the model file, or the default triangular ±20% around each value. */
  readonly distributions: "model" | "standaard";
  /** The default's share (0,2 = ±20%), when the default is used. */
  readonly relative?: number;
  readonly varied: readonly VariedParameter[];
  readonly correlations: readonly { readonly parameters: readonly [string, string]; readonly coefficient: number }[];
  /** Parameters whose distribution is not used because the scenario sets their value. */
  readonly fixedByScenario: readonly string[];
  /** Parameters held at their value because the default ±% gives no range (value 0). */
  readonly fixedAtZero: readonly string[];
  /** The saldo of the scenario itself (exact engine), for reference. */
  readonly baseSaldo: number;
  readonly outcomes: Readonly<Record<Outcome, Summary>>;
  /** P(saldo > 0) and its standard error. */
  readonly probabilityPositive: { readonly share: number; readonly standardError: number };
  readonly histogram: readonly HistogramBin[];
  /** Runs the model could not compute (then not counted), and the first reason. */
  readonly failedRuns: number;
  readonly failure?: string;
  /** Runs the float model left to the exact engine. */
  readonly exactRuns: number;
}

export type MonteCarloAnswer = { ok: true; result: MonteCarloResult } | { ok: false; cancelled: true } | { ok: false; cancelled: false; message: string };

/** A plan: the checked options and what varies how. */
export interface MonteCarloPlan {
  readonly compiled: CompiledModel;
  readonly runs: number;
  readonly seed: number;
  readonly sampling: Sampling;
  readonly scenario: string;
  readonly bins: number;
  readonly source: "model" | "standaard";
  readonly relative: number;
  readonly varied: readonly (VariedParameter & { readonly index: number; readonly quantile: Quantile })[];
  readonly correlations: MonteCarloResult["correlations"];
  /** Cholesky factor of the target normal-score correlations of `correlated` (indices into `varied`). */
  readonly correlated: readonly number[];
  readonly factor: readonly (readonly number[])[] | null;
  readonly fixedByScenario: readonly string[];
  readonly fixedAtZero: readonly string[];
}

/** Checks runs and seed (Dutch messages); null when they are fine. */
function checkRunsAndSeed(runs: number, seed: number): string | null {
  if (!Number.isInteger(runs) || runs < 1 || runs > MONTE_CARLO_LIMITS.maxRuns) {
    return `het aantal trekkingen is een geheel getal van 1 tot en met ${formatCount(MONTE_CARLO_LIMITS.maxRuns)} (standaard ${formatCount(MONTE_CARLO_LIMITS.defaultRuns)})`;
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return `de seed is een geheel getal van 0 tot en met ${formatCount(MAX_SEED)}`;
  return null;
}

/** The default distribution of a parameter: triangular ±share around its value (none for 0). */
export function defaultDistribution(value: number, share: number): Distribution | null {
  if (value === 0) return null;
  const d = Math.abs(value) * share;
  return { type: "driehoek", min: value - d, mode: value, max: value + d };
}

function distributionOf(d: ModelDistribution): Distribution {
  switch (d.type) {
    case "uniform":
      return { type: d.type, min: d.min, max: d.max };
    case "driehoek":
      return { type: d.type, min: d.min, mode: d.mode, max: d.max };
    case "pert":
      return { type: d.type, min: d.min, mode: d.mode, max: d.max, ...(d.lambda !== undefined ? { lambda: d.lambda } : {}) };
    case "normaal":
    case "lognormaal":
      return { type: d.type, mean: d.mean, sd: d.sd };
    case "discreet":
      return { type: d.type, values: d.values, probabilities: d.probabilities };
  }
}

/** Checks the options against the model and lays out what varies; a Dutch message when something does not fit. */
export function planMonteCarlo(compiled: CompiledModel, options: MonteCarloOptions = {}): { ok: true; plan: MonteCarloPlan } | { ok: false; message: string } {
  const { model } = compiled;
  const runs = options.runs ?? MONTE_CARLO_LIMITS.defaultRuns;
  const seed = options.seed ?? 1;
  const wrong = checkRunsAndSeed(runs, seed);
  if (wrong) return { ok: false, message: wrong };
  const scenario = options.scenario ?? model.metadata.baseScenarioName;
  const overrides = scenarioOverrides(compiled, scenario);
  if (!overrides) return { ok: false, message: `onbekend scenario "${scenario}"; scenario's: ${scenarioNames(model).join(", ")}` };
  const relative = options.relative ?? DEFAULT_RELATIVE_RANGE;
  if (!(relative > 0 && relative <= 10)) return { ok: false, message: "het standaardbereik is een aandeel groter dan 0 en hoogstens 10 (0,2 = ±20%)" };
  const bins = options.bins ?? 20;
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000) return { ok: false, message: "het histogram heeft 1 tot en met 1.000 klassen" };
  const index = new Map(model.parameters.map((p, i) => [p.key, i] as const));
  const valueOf = (key: string) => overrides[key] ?? model.parameters[index.get(key)!]!.value;
  const labelOf = (key: string) => {
    const label = model.parameters[index.get(key)!]!.label;
    return label !== "" ? label : key;
  };
  const varied: MonteCarloPlan["varied"][number][] = [];
  const fixedByScenario: string[] = [];
  const fixedAtZero: string[] = [];
  const add = (key: string, distribution: Distribution) =>
    varied.push({ key, label: labelOf(key), base: valueOf(key), distribution, index: index.get(key)!, quantile: quantileOf(distribution) });
  const source = model.uncertainty ? "model" : "standaard";
  let correlations: { parameters: readonly [string, string]; coefficient: number }[] = [];
  if (model.uncertainty) {
    for (const d of model.uncertainty.distributions) {
      if (!index.has(d.parameter)) return { ok: false, message: `onbekende parameter "${d.parameter}" in de verdelingen` };
      if (Object.prototype.hasOwnProperty.call(overrides, d.parameter)) fixedByScenario.push(d.parameter);
      else add(d.parameter, distributionOf(d));
    }
    correlations = model.uncertainty.correlations
      .filter((c) => c.parameters.every((k) => varied.some((v) => v.key === k)))
      .map((c) => ({ parameters: [c.parameters[0], c.parameters[1]] as const, coefficient: c.coefficient }));
  } else {
    for (const p of model.parameters) {
      const d = defaultDistribution(valueOf(p.key), relative);
      if (d) add(p.key, d);
      else fixedAtZero.push(p.key);
    }
  }
  const correlated: number[] = [];
  const pairs = correlations.map((c) => {
    const at = (key: string) => {
      const v = varied.findIndex((x) => x.key === key);
      const k = correlated.indexOf(v);
      return k >= 0 ? k : correlated.push(v) - 1;
    };
    return { i: at(c.parameters[0]), j: at(c.parameters[1]), rank: c.coefficient };
  });
  let factor: number[][] | null = null;
  if (pairs.length > 0) {
    const target = targetMatrix(correlated.length, pairs);
    if (!target.ok) return { ok: false, message: target.message };
    factor = target.factor;
  }
  return {
    ok: true,
    plan: {
      compiled,
      runs,
      seed,
      sampling: options.sampling ?? "aselect",
      scenario,
      bins,
      source,
      relative,
      varied,
      correlations,
      correlated,
      factor,
      fixedByScenario,
      fixedAtZero,
    },
  };
}

/**
 * The Monte Carlo run in chunks: yields the fraction done after every chunk of at most 2.000 runs and returns the
 * result. Stop calling `next()` to cancel. Deterministic: the draws depend only on the plan (seed, runs, sampling,
 * distributions and correlations), never on how the chunks are driven.
 */
export function* monteCarloSteps(plan: MonteCarloPlan): Generator<number, MonteCarloResult, void> {
  const { compiled, runs, varied } = plan;
  const fast = compileFastModel(compiled);
  const baseVector = fast.vector(plan.scenario)!;
  const overrides = scenarioOverrides(compiled, plan.scenario)!;
  const baseRun = runModel(compiled, overrides, plan.scenario);
  const random = new Random(plan.seed);
  const values: Record<Outcome, Float64Array> = {
    saldo: new Float64Array(runs),
    ratio: new Float64Array(runs),
    ratio_financieel: new Float64Array(runs),
    ratio_gemeentelijk: new Float64Array(runs),
  };
  const vector = Float64Array.from(baseVector);
  const out = {} as FastOutcome;
  let failedRuns = 0;
  let failure: string | undefined;
  let exactRuns = 0;
  const block = Math.min(runs, MONTE_CARLO_LIMITS.block);
  const columns = varied.map(() => new Float64Array(block));
  const strata = new Uint32Array(block);

  for (let first = 0; first < runs; first += block) {
    const size = Math.min(block, runs - first);
    // Draws of this block: per parameter, in model order, `size` uniform numbers (stratified for Latin hypercube).
    for (let j = 0; j < varied.length; j++) {
      const column = columns[j]!;
      const quantile = varied[j]!.quantile;
      if (plan.sampling === "latin-hypercube") {
        for (let i = 0; i < size; i++) strata[i] = i;
        random.shuffle(strata.subarray(0, size));
        for (let i = 0; i < size; i++) column[i] = quantile((strata[i]! + random.next()) / size);
      } else {
        for (let i = 0; i < size; i++) column[i] = quantile(random.next());
      }
    }
    if (plan.factor) {
      const sized = plan.correlated.map((j) => columns[j]!.subarray(0, size));
      imanConover(sized, plan.factor, random);
    }
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < varied.length; j++) vector[varied[j]!.index] = columns[j]![i]!;
      const run = first + i;
      const r = fast.evaluate(vector, out);
      if (r !== null) {
        values.saldo[run] = r.saldo;
        values.ratio[run] = r.ratio ?? NaN;
        values.ratio_financieel[run] = r.ratioFinancial ?? NaN;
        values.ratio_gemeentelijk[run] = r.ratioMunicipal ?? NaN;
      } else {
        exactRuns++;
        const o: Record<string, number> = { ...overrides };
        for (const v of varied) o[v.key] = vector[v.index]!;
        const exact = runModel(compiled, o, plan.scenario);
        if (exact.ok) {
          for (const k of OUTCOMES) values[k][run] = outcomeOf(exact.run, k) ?? NaN;
        } else {
          failedRuns++;
          failure ??= `${exact.problems[0]!.path}: ${exact.problems[0]!.message}`;
          for (const k of OUTCOMES) values[k][run] = NaN;
        }
      }
      if ((run + 1) % MONTE_CARLO_LIMITS.chunk === 0 && run + 1 < runs) yield (run + 1) / runs;
    }
  }
  yield 1;

  const saldo = values.saldo;
  const counted = failedRuns === 0 ? saldo : saldo.filter((x) => !Number.isNaN(x));
  return {
    title: compiled.model.metadata.title,
    scenario: plan.scenario,
    runs,
    seed: plan.seed,
    sampling: plan.sampling,
    distributions: plan.source,
    ...(plan.source === "standaard" ? { relative: plan.relative } : {}),
    varied: varied.map(({ key, label, base, distribution }) => ({ key, label, base, distribution })),
    correlations: plan.correlations,
    fixedByScenario: plan.fixedByScenario,
    fixedAtZero: plan.fixedAtZero,
    baseSaldo: baseRun.ok ? baseRun.run.saldo : NaN,
    outcomes: {
      saldo: summarize(values.saldo),
      ratio: summarize(values.ratio),
      ratio_financieel: summarize(values.ratio_financieel),
      ratio_gemeentelijk: summarize(values.ratio_gemeentelijk),
    },
    probabilityPositive: shareAbove(counted, 0),
    histogram: histogram(values.saldo, plan.bins),
    failedRuns,
    ...(failure !== undefined ? { failure } : {}),
    exactRuns,
  };
}

/** The whole Monte Carlo run: a result, "cancelled", or a Dutch message for options that do not fit the model. */
export function runMonteCarlo(compiled: CompiledModel, options: MonteCarloOptions = {}): MonteCarloAnswer {
  const planned = planMonteCarlo(compiled, options);
  if (!planned.ok) return { ok: false, cancelled: false, message: planned.message };
  const steps = monteCarloSteps(planned.plan);
  for (;;) {
    if (options.isCancelled?.()) return { ok: false, cancelled: true };
    const step = steps.next();
    if (step.done) return { ok: true, result: step.value };
    options.onProgress?.(step.value);
  }
}

/** A parameter value as an analyst writes it (50.000, 0,0847, 2): no decimals from 100 on, else at most 4. */
export function formatParameterValue(x: number): string {
  return formatDutch(x, 0, Math.abs(x) >= 100 ? 0 : 4);
}

/** A distribution in words (Dutch), for tables: "driehoek 40.000 – 50.000 – 60.000". */
export function describeDistribution(d: Distribution, format: (x: number) => string): string {
  const label = DISTRIBUTION_LABELS[d.type];
  switch (d.type) {
    case "uniform":
      return `${label} ${format(d.min)} – ${format(d.max)}`;
    case "driehoek":
    case "pert":
      return `${label} ${format(d.min)} – ${format(d.mode)} – ${format(d.max)}`;
    case "normaal":
    case "lognormaal":
      return `${label} gemiddelde ${format(d.mean)}, sd ${format(d.sd)}`;
    case "discreet":
      return `${label} ${d.values.map((v, i) => `${format(v)} (${format(d.probabilities[i]! * 100)}%)`).join(", ")}`;
  }
}
