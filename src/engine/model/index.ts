/** The model API (model-API): read and validate a model, analyse it, report it. */
import { ModelProblem, ValidationResult, validateModel } from "./schema";

export * from "./analysis";
export * from "./evaluate";
export * from "./outcomes";
export * from "./report";
export * from "./schema";

/** A model file's text → a validated model, or every problem (invalid JSON included) with its path. */
export function parseModelText(text: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const problem: ModelProblem = { path: "(bestand)", message: `geen geldige JSON: ${e instanceof Error ? e.message : String(e)}` };
    return { ok: false, problems: [problem] };
  }
  return validateModel(data);
}
