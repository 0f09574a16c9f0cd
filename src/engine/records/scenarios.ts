/**
 * The registration's scenarios in a model (scenario's uit de registratie): "MKBA 2.0 (registratie)" (registration.ts)
 * and "MKBA 3.0 (effectmeting)" — the 2.0 overrides plus the measured net effects of C.2/C.3 (effect.ts), attribution 1
 * (the measured effects are net: seed 001 Tabel 4.7, regel 696; key figure `attributie`: "zet 0,5 bij bruto gemeten
 * effecten", so 1 for net ones) — added to a copy of the analyst's model. Nothing of the analyst's is overwritten: the
 * base case and the other scenarios stay as they are; running the registration again replaces only these two scenarios.
 *
 * The 3.0 scenario's uncertainty: each measured parameter varies as a normal distribution whose 2,5% and 97,5% points
 * are the bootstrap interval's ends (sd = (high − low) ÷ 3,92); the tornado of the scenario takes the interval itself as
 * the parameter's low and high. The model's uncertainty section holds one distribution per parameter for every
 * scenario, and the Monte Carlo keeps a parameter fixed where a scenario sets it — so the 3.0 Monte Carlo is planned
 * here from the model's own plan with the measured parameters varied by their interval (`effectMonteCarloPlan`).
 */
import { CompiledModel, Model, ModelInput, ValidationResult, validateModel } from "../model";
import { formatCount } from "../model/limits";
import { formatDutch } from "../numberFormat";
import { MonteCarloOptions, MonteCarloPlan, planMonteCarlo } from "../uncertainty/monteCarlo";
import { Distribution, quantileOf } from "../uncertainty/distributions";
import type { ParameterRange } from "../uncertainty/tornado";
import { EffectMeasurement, MeasuredParameter, SCENARIO_3 } from "./effect";
import { ScenarioSpec } from "./registration";

/** z of the 97,5% point of the standard normal: a 95% interval is mean ± 1,96 sd. */
const Z975 = 1.959963984540054;

/** The key of a measured parameter in this model (its key or an alternative), or null when the model has neither. */
export function resolvedKey(p: MeasuredParameter, parameters: ReadonlySet<string>): string | null {
  return [p.key, ...p.alternatives].find((k) => parameters.has(k)) ?? null;
}

const pct = (x: number) => `${formatDutch(x * 100, 0, 1)}%`;

/** The scenario "MKBA 3.0 (effectmeting)": the 2.0 overrides, the measured C.2/C.3 and attribution 1. */
export function effectScenario(measurement: EffectMeasurement, scenario2: ScenarioSpec | null, parameters: ReadonlySet<string>): ScenarioSpec {
  const overrides: Record<string, number> = { ...(scenario2?.overrides ?? {}) };
  const used: string[] = [];
  for (const p of measurement.parameters) {
    const key = resolvedKey(p, parameters);
    if (!key) continue;
    overrides[key] = p.value;
    used.push(`${p.label} ${pct(p.value)} (95%: ${pct(p.interval.low)} tot ${pct(p.interval.high)})`);
  }
  if (parameters.has("attributie")) overrides.attributie = 1;
  return {
    name: SCENARIO_3,
    description: `MKBA 3.0 (seed 001 §5.3): ${scenario2 ? "de invoer uit de registratie (MKBA 2.0) en " : ""}de netto effecten uit de effectmeting (meting 0 tegen meting ${measurement.followUp}, tegen het vergelijkingsgebied, ${formatCount(measurement.replicates)} bootstraptrekkingen, seed ${measurement.seed}): ${used.length ? used.join("; ") : "geen (te weinig gegevens)"}. Attributie 1: de gemeten effecten zijn al netto.`,
    overrides,
  };
}

/** The measured parameters' distributions (normal, from the 95% interval) and tornado ranges (the interval), by model key. */
export function effectUncertainty(measurement: EffectMeasurement, parameters: ReadonlySet<string>): { distributions: Record<string, Distribution & { description: string }>; ranges: Record<string, ParameterRange> } {
  const distributions: Record<string, Distribution & { description: string }> = {};
  const ranges: Record<string, ParameterRange> = {};
  for (const p of measurement.parameters) {
    const key = resolvedKey(p, parameters);
    if (!key) continue;
    const sd = (p.interval.high - p.interval.low) / (2 * Z975);
    ranges[key] = { low: p.interval.low, high: p.interval.high };
    if (sd > 0) distributions[key] = { type: "normaal", mean: p.value, sd, description: `Effectmeting (MKBA 3.0): 95%-interval ${pct(p.interval.low)} tot ${pct(p.interval.high)} (bootstrap over ${formatCount(p.households)} huishoudens)` };
  }
  return { distributions, ranges };
}

/**
 * The model with the given scenarios added (a scenario of the same name replaced), validated. The analyst's parameters
 * and other scenarios are untouched; an override of a parameter the model lacks is dropped.
 */
export function withScenarios(model: Model | ModelInput, scenarios: readonly ScenarioSpec[]): ValidationResult {
  const keys = new Set((model.parameters ?? []).map((p) => p.key));
  const names = new Set(scenarios.map((s) => s.name));
  const added = scenarios.map((s) => ({ name: s.name, description: s.description, overrides: Object.fromEntries(Object.entries(s.overrides).filter(([k]) => keys.has(k))) }));
  return validateModel({ ...model, scenarios: [...(model.scenarios ?? []).filter((s) => !names.has(s.name)), ...added] });
}

/**
 * The Monte Carlo plan of the 3.0 scenario: the model's own plan for that scenario, with every measured parameter drawn
 * from its interval's normal distribution instead of being held at the scenario's value (or varied by a default).
 */
export function effectMonteCarloPlan(compiled: CompiledModel, measurement: EffectMeasurement, options: Omit<MonteCarloOptions, "scenario"> = {}): { ok: true; plan: MonteCarloPlan } | { ok: false; message: string } {
  const planned = planMonteCarlo(compiled, { ...options, scenario: SCENARIO_3 });
  if (!planned.ok) return planned;
  const plan = planned.plan;
  const parameters = new Set(compiled.model.parameters.map((p) => p.key));
  const { distributions } = effectUncertainty(measurement, parameters);
  const measured = new Set(Object.keys(distributions));
  const index = new Map(compiled.model.parameters.map((p, i) => [p.key, i] as const));
  const overrides = compiled.model.scenarios.find((s) => s.name === SCENARIO_3)?.overrides ?? {};
  // The varied list keeps its order (the draws' order) with the measured ones appended, and correlations only among
  // parameters still varied as the model says.
  const kept = plan.varied.filter((v) => !measured.has(v.key));
  const added = [...measured].map((key) => {
    const d = distributions[key]!;
    const p = compiled.model.parameters[index.get(key)!]!;
    return { key, label: p.label !== "" ? p.label : key, base: overrides[key] ?? p.value, distribution: { type: d.type, mean: (d as { mean: number }).mean, sd: (d as { sd: number }).sd } as Distribution, index: index.get(key)!, quantile: quantileOf(d) };
  });
  // Correlations point at positions in `varied`: they stay valid when no measured parameter was varied before (the
  // usual case: the scenario fixed them); otherwise the model's correlations are left out of this plan.
  const shifted = kept.length !== plan.varied.length;
  return {
    ok: true,
    plan: {
      ...plan,
      varied: [...kept, ...added],
      ...(shifted ? { correlations: [], correlated: [], factor: null } : {}),
      fixedByScenario: plan.fixedByScenario.filter((k) => !measured.has(k)),
      fixedAtZero: plan.fixedAtZero.filter((k) => !measured.has(k)),
    },
  };
}
