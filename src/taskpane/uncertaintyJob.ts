/**
 * A tornado or Monte Carlo run for the task pane (onzekerheidsopdracht), as the Web Worker (uncertainty.worker.ts) does
 * it: the messages between pane and worker, and the run itself — free of DOM and worker APIs, so that Node runs the
 * very same code. The request carries the model file's data as it stands in the workbook and the distributions read
 * from the Onzekerheid sheet; the answer is the engine's result, which the pane writes through the plan writer.
 */
import { CompiledModel, ModelProblem, ModelUncertainty, validateModel } from "../engine/model";
import { loadModel } from "../engine/models";
import { MonteCarloResult, Sampling, monteCarloSteps, planMonteCarlo } from "../engine/uncertainty/monteCarlo";
import type { Outcome } from "../engine/uncertainty/outcomes";
import { ParameterRange, Tornado, tornado } from "../engine/uncertainty/tornado";

export interface JobModel {
  /** The model file's data (a free model, or an LPBL file). */
  readonly data: unknown;
  /** Distributions from the Onzekerheid sheet; absent = the engine's default (triangular ±relative). */
  readonly uncertainty?: ModelUncertainty;
  /** The default's share (0,2 = ±20%). */
  readonly relative: number;
}

export type JobRequest =
  | (JobModel & { readonly action: "montecarlo"; readonly runs: number; readonly seed: number; readonly sampling: Sampling })
  | (JobModel & { readonly action: "tornado"; readonly ranges: Readonly<Record<string, ParameterRange>>; readonly outcome?: Outcome });

export type JobMessage =
  | { readonly type: "progress"; readonly fraction: number }
  | { readonly type: "montecarlo"; readonly result: MonteCarloResult }
  | { readonly type: "tornado"; readonly result: Tornado; readonly title: string }
  | { readonly type: "problems"; readonly problems: readonly ModelProblem[] };

/** The model of a request with the sheet's distributions attached (the LPBL file has no place for them), or its problems. */
export function compileJob(job: JobModel): { ok: true; compiled: CompiledModel } | { ok: false; problems: ModelProblem[] } {
  const loaded = loadModel(job.data);
  if (!loaded.ok) return loaded;
  if (!job.uncertainty) return { ok: true, compiled: loaded.loaded.compiled };
  const checked = validateModel({ ...loaded.loaded.compiled.model, uncertainty: job.uncertainty });
  return checked.ok ? { ok: true, compiled: checked.compiled } : checked;
}

/** Runs a request, posting progress (the fraction done after every chunk) and then the result. */
export function runJob(request: JobRequest, post: (message: JobMessage) => void): void {
  const compiled = compileJob(request);
  if (!compiled.ok) return post({ type: "problems", problems: compiled.problems });
  if (request.action === "tornado") {
    post({ type: "progress", fraction: 0 });
    const result = tornado(compiled.compiled, { relative: request.relative, ranges: request.ranges, ...(request.outcome ? { outcome: request.outcome } : {}) });
    return post({ type: "tornado", result, title: compiled.compiled.model.metadata.title });
  }
  const planned = planMonteCarlo(compiled.compiled, { runs: request.runs, seed: request.seed, sampling: request.sampling, relative: request.relative });
  if (!planned.ok) return post({ type: "problems", problems: [{ path: "Monte Carlo", message: planned.message }] });
  const steps = monteCarloSteps(planned.plan);
  post({ type: "progress", fraction: 0 });
  for (;;) {
    const step = steps.next();
    if (step.done) return post({ type: "montecarlo", result: step.value });
    post({ type: "progress", fraction: step.value });
  }
}
