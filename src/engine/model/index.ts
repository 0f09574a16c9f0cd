/** The model API (model-API): read and validate a model, analyse it, report it. */
import { JSON_SOURCES, parseJson } from "./jsonLimits";
import { ValidationResult, validateModel } from "./schema";

export * from "./analysis";
export * from "./evaluate";
export * from "./outcomes";
export * from "./report";
export * from "./schema";
export * from "./jsonLimits";

/** A model file's text → a validated model, or every problem (invalid JSON included) with its path. */
export function parseModelText(text: string): ValidationResult {
  const parsed = parseJson(text, JSON_SOURCES.modelFile);
  return parsed.ok ? validateModel(parsed.data) : { ok: false, problems: [parsed.problem] };
}
