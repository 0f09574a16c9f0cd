/**
 * A whole analysis (analyse): the base case and every scenario side by side (AEPB Tabel 1.6 layout), and the
 * sensitivity runs with Δsaldo against the scenario they vary (Tabel 1.7 layout, "draaien aan de knoppen").
 */
import { Dec } from "../decimal";
import { ModelRun, runModel } from "./evaluate";
import { CompiledModel, ModelProblem, scenarioNames } from "./schema";

export interface SensitivityResult {
  readonly name: string;
  readonly scenario: string;
  /** The difference of the two saldi, computed in decimals and rounded to the nearest double. */
  readonly deltaSaldo: number;
  readonly saldo: number;
  readonly run: ModelRun;
}

export interface Analysis {
  readonly compiled: CompiledModel;
  /** Base case first, then the scenarios in model order. */
  readonly scenarios: readonly ModelRun[];
  readonly sensitivity: readonly SensitivityResult[];
}

export type AnalysisResult = { ok: true; analysis: Analysis } | { ok: false; problems: ModelProblem[] };

export function scenarioOverrides(compiled: CompiledModel, scenario: string): Readonly<Record<string, number>> | undefined {
  if (scenario === compiled.model.metadata.baseScenarioName) return {};
  return compiled.model.scenarios.find((s) => s.name === scenario)?.overrides;
}

export function analyse(compiled: CompiledModel, only?: { scenario?: string }): AnalysisResult {
  const { model } = compiled;
  const names = scenarioNames(model);
  const selected = only?.scenario === undefined ? names : names.filter((n) => n === only.scenario);
  const runs = new Map<string, ModelRun>();
  const problems: ModelProblem[] = [];
  const runOf = (name: string): ModelRun | undefined => {
    if (!runs.has(name)) {
      const r = runModel(compiled, scenarioOverrides(compiled, name)!, name);
      if (!r.ok) {
        problems.push(...r.problems.map((p) => ({ ...p, message: `${name}: ${p.message}` })));
        return undefined;
      }
      runs.set(name, r.run);
    }
    return runs.get(name);
  };
  const scenarios = selected.map(runOf).filter((r): r is ModelRun => r !== undefined);

  const sensitivity: SensitivityResult[] = [];
  for (const s of model.sensitivity) {
    const base = s.scenario ?? model.metadata.baseScenarioName;
    if (only?.scenario !== undefined && base !== only.scenario) continue;
    const reference = runOf(base);
    const r = runModel(compiled, { ...scenarioOverrides(compiled, base), ...s.overrides }, s.name);
    if (!r.ok) {
      problems.push(...r.problems.map((p) => ({ ...p, message: `${s.name}: ${p.message}` })));
      continue;
    }
    if (!reference) continue;
    const deltaSaldo = new Dec(r.run.saldo).minus(reference.saldo).toNumber();
    if (!Number.isFinite(deltaSaldo)) {
      const index = model.sensitivity.indexOf(s);
      problems.push({ path: `sensitivity[${index}]`, message: `${s.name}: het verschil in saldo valt buiten het bereik van getallen (±1,8·10^308); kijk of de waarden kloppen` });
      continue;
    }
    sensitivity.push({ name: s.name, scenario: base, deltaSaldo, saldo: r.run.saldo, run: r.run });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, analysis: { compiled, scenarios, sensitivity } };
}
