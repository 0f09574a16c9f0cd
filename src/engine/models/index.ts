/**
 * Model types (modeltypen): a model file is either a generic model (schemaVersion 1, docs/model-format.md) or a
 * model of a known type that the engine expands into a generic model — now the LPBL MKBA-tool (`"modelType":
 * "lpbl"`, its input screen A/B/C plus key-figure overrides). Everything downstream (NCW, scenarios, sensitivity,
 * MKBA.SCENARIO, mkba werkmap) then works on the expanded model.
 */
import { z } from "zod";
import { CompiledModel, ModelProblem, jsonPath, validateModel } from "../model";
import { dutchIssueMessage } from "../model/messages";
import { jsonValueProblems } from "../model/jsonLimits";
import { LpblBuildOk, buildLpblModel, keyFigureBounds } from "./lpbl";
import { formatCount } from "../model/limits";

function buildLpblFileSchema() {
  return z
    .object({
      schemaVersion: z.literal(1),
      modelType: z.literal("lpbl"),
      /** The input screen A/B/C (src/engine/models/lpbl/inputs.ts). */
      inputs: z.unknown(),
      /** Key figures to override, by key (src/engine/models/lpbl/keyFigures.ts). */
      keyFigures: z
        .record(z.string().max(200), z.number().finite())
        .default({})
        .superRefine((figures, ctx) => {
          for (const [key, value] of Object.entries(figures)) {
            const { min, max } = keyFigureBounds(key);
            if (value < min || value > max) ctx.addIssue({ code: "custom", path: [key], message: `kengetal ${key}: kies een getal van ${formatCount(min)} tot en met ${formatCount(max)}` });
          }
        }),
    })
    .strict();
}
let fileSchema: ReturnType<typeof buildLpblFileSchema> | undefined;
/** The LPBL model file's outer schema, built at its first use: a generic model never needs it (as lpblInputSchema). */
export function lpblFileSchema(): ReturnType<typeof buildLpblFileSchema> {
  return (fileSchema ??= buildLpblFileSchema());
}

export interface LoadedModel {
  readonly compiled: CompiledModel;
  /** Present for an LPBL model: the expansion's extra results (fte from caseload, illustrative key figures). */
  readonly lpbl?: LpblBuildOk;
}

export type LoadResult = { ok: true; loaded: LoadedModel } | { ok: false; problems: ModelProblem[] };

export function isTypedModel(data: unknown): boolean {
  return typeof data === "object" && data !== null && "modelType" in data;
}

/** Any model file's data → a validated generic model (and, for a typed model, its extras), or every problem. */
export function loadModel(data: unknown): LoadResult {
  if (!isTypedModel(data)) {
    const v = validateModel(data);
    return v.ok ? { ok: true, loaded: { compiled: v.compiled } } : v;
  }
  const modelType = (data as { modelType: unknown }).modelType;
  if (modelType !== "lpbl") return { ok: false, problems: [{ path: "modelType", message: `onbekend modeltype "${String(modelType)}"; bekend is "lpbl"` }] };
  const unsafe = jsonValueProblems(data);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  const file = lpblFileSchema().safeParse(data, { error: dutchIssueMessage });
  if (!file.success) return { ok: false, problems: file.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
  const built = buildLpblModel(file.data.inputs, file.data.keyFigures);
  if (!built.ok) return { ok: false, problems: built.problems.map((p) => ({ path: p.path.startsWith("kengetallen") ? p.path.replace(/^kengetallen/, "keyFigures") : `inputs.${p.path}`, message: p.message })) };
  const v = validateModel(built.model);
  // A generated model that does not validate is a defect in the generator, reported rather than thrown.
  return v.ok ? { ok: true, loaded: { compiled: v.compiled, lpbl: built } } : { ok: false, problems: v.problems.map((p) => ({ ...p, message: `interne fout in het LPBL-model: ${p.message}` })) };
}
