/**
 * Fuzzing model files (issue 3, item 5): thousands of generated inputs — arbitrary JSON, and valid models with
 * one field broken — are either rejected with messages (each with a path) or evaluated without NaN; none crashes.
 */
import fc from "fast-check";
import { analyse, analysisJson, validateModel } from "../../../src/engine/model";
import { smallModel } from "../../fixtures/models";

function check(data: unknown): boolean {
  const v = validateModel(data);
  if (!v.ok) return v.problems.length > 0 && v.problems.every((p) => p.path.length > 0 && p.message.length > 0);
  const a = analyse(v.compiled);
  if (!a.ok) return a.problems.length > 0 && a.problems.every((p) => p.message.length > 0);
  return allFinite(analysisJson(a.analysis));
}

/** Every number in the result is finite; null appears only as an undefined ratio. */
function allFinite(value: unknown, key = ""): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null) return ["social", "financial", "municipal"].includes(key);
  if (Array.isArray(value)) return value.every((v) => allFinite(v));
  if (typeof value === "object") return Object.entries(value as object).every(([k, v]) => allFinite(v, k));
  return true;
}

/** Replace the value at a random path of a JSON value by another random JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== "object") return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [head, ...rest] = path;
  const pick = head! % entries.length;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [key, child] = entries[pick]!;
  (copy as Record<string | number, unknown>)[key] = mutate(child, rest, replacement);
  return copy;
}

describe("model file fuzzing", () => {
  it("rejects arbitrary JSON with messages, never throws (2.000 cases)", () => {
    fc.assert(fc.property(fc.jsonValue(), (data) => check(data)), { numRuns: 2000 });
  });

  it("handles valid models with one field replaced by anything (3.000 cases)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 5 }), fc.oneof(fc.jsonValue(), fc.double(), fc.string(), fc.constantFrom("-1e308", "1/0", "x^0.5", "", "p")), (path, replacement) =>
        check(mutate(smallModel(), path, replacement)),
      ),
      { numRuns: 3000 },
    );
  });

  it("never gives NaN or Infinity for extreme parameter values (1.000 cases)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 6, maxLength: 6 }), (values) => {
        const model = smallModel();
        model.parameters!.forEach((p, i) => (p.value = values[i]!));
        return check(model);
      }),
      { numRuns: 1000 },
    );
  });
});
