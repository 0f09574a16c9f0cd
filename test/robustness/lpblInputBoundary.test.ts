/**
 * Issue 22, fault 2: `inputs.costs.costPerFte` = 1,7976931348623157e308 in an LPBL file gave
 * "sensitivity[4].overrides.kosten_per_fte: interne fout in het LPBL-model: …" — the scenario "Teamkosten 10% hoger"
 * multiplies the input by 1,1 beyond the range of numbers. The class: an input the LPBL file accepts that fails later,
 * inside the generated model (an overflow, a key figure of 0 the fte checks divide by), is told as the model's fault
 * instead of the analyst's. The fix is at the input boundary: every count and amount of the screen at most
 * LPBL_MAX_AMOUNT, every key figure within its bounds (keyFigureBounds). Pinned here for every numeric input and every
 * key figure, each pushed to the extremes: loaded and analysed with finite figures everywhere, or refused with a Dutch
 * message at the path of the value that was typed — never "interne fout".
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse, analysisJson } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { LPBL_KEY_FIGURES, LPBL_MAX_AMOUNT, keyFigureBounds, lpblOutputs } from "../../src/engine/models/lpbl";

const bin = path.join(__dirname, "..", "..", "bin", "mkba.js");
const example = EXAMPLES.lpbl as { schemaVersion: 1; modelType: "lpbl"; inputs: Record<string, unknown>; keyFigures: Record<string, number> };
const ENGLISH = /\b(expected|received|invalid|unrecognized|number|string|too (small|big)|undefined|NaN|Infinity)\b/i;

/** Every numeric leaf of the example's inputs, as a dotted path. */
function numericLeaves(value: unknown, prefix = ""): string[] {
  if (typeof value === "number") return [prefix];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => numericLeaves(v, prefix === "" ? k : `${prefix}.${k}`));
}
function withInput(inputs: unknown, leaf: string, value: number): unknown {
  const copy = JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>;
  const parts = leaf.split(".");
  let node = copy;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return copy;
}

/** Loaded: every figure of the analysis, Uitvoer A/B and the fte checks finite. Refused: Dutch, at one of the given paths. */
function loadedFiniteOrRefusedAt(data: unknown, allowedPaths: readonly string[]): { outcome: string; problems?: unknown } {
  const loaded = loadModel(data);
  if (!loaded.ok) {
    const wrong = loaded.problems.filter((p) => /interne fout/i.test(p.message) || ENGLISH.test(p.message.replace(/"[^"]*"/g, "")) || !allowedPaths.some((a) => p.path === a || p.path.startsWith(`${a}.`)));
    return wrong.length === 0 ? { outcome: "refused at the input" } : { outcome: "refused elsewhere", problems: wrong };
  }
  const analysis = analyse(loaded.loaded.compiled);
  if (!analysis.ok) return { outcome: "analysis failed", problems: analysis.problems.slice(0, 3) };
  const lpbl = loaded.loaded.lpbl!;
  const outputs = lpblOutputs(analysis.analysis.scenarios[0]!, loaded.loaded.compiled, lpbl);
  // JSON writes ±Infinity and NaN as null: every figure of the analysis, Uitvoer A and B and the fte checks must be a number.
  const figures = JSON.stringify([analysisJson(analysis.analysis), outputs.uitvoerA, outputs.uitvoerB, lpbl.fteFromCaseload, lpbl.fteAtKeyFigureCaseloads, lpbl.fteFromHours]);
  if (/null|NaN|Infinity/.test(figures)) return { outcome: "a figure is not finite" };
  return { outcome: "loaded" };
}

/** The largest double either way, the bound and the next double above it, and 0 (each class once: a case costs an LPBL analysis). */
const EXTREMES = [Number.MAX_VALUE, -Number.MAX_VALUE, LPBL_MAX_AMOUNT, LPBL_MAX_AMOUNT * (1 + 1e-15), 0];

describe("an LPBL input the analyst typed is told as the analyst's error", () => {
  it("the reproducer: costPerFte 1,7976931348623157e308 names inputs.costs.costPerFte and what is allowed (built mkba run)", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mkba-lpbl-bounds-")), "lpbl.mkba.json");
    // The file: the example with the largest double as cost per fte (set on the data, so that a change of the
    // example's own value cannot make the replacement miss).
    const text = JSON.stringify(example).replace(/"costPerFte":[0-9.]+/, '"costPerFte":1.7976931348623157e308');
    expect(text).toContain('"costPerFte":1.7976931348623157e308');
    writeFileSync(file, text);
    const r = spawnSync("node", [bin, "run", file], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("Het model bevat 1 fout:\n  inputs.costs.costPerFte: Kosten fte incl. huisvesting: hoogstens 1.000.000.000.000 (een grens van de invoegtoepassing)\n");
  });

  const leaves = numericLeaves(example.inputs);
  it.each(leaves)("inputs.%s at ±1,8·10^308, the bound, just beyond it and 0: loaded with finite figures or refused at that input", (leaf) => {
    for (const value of EXTREMES) {
      // A share that no longer adds up to 100% with its column is named by the column (inputs.reach.typeShares).
      const group = leaf.split(".").slice(0, leaf.startsWith("reach.severity.") ? 3 : 2).join(".");
      const allowed = [`inputs.${leaf}`, `inputs.${group}`, "inputs.effect.disciplines", ...(leaf.startsWith("reach.composition.") ? [`inputs.reach.composition.${leaf.split(".").at(-1)}`] : [])];
      expect({ value, ...loadedFiniteOrRefusedAt({ ...example, inputs: withInput(example.inputs, leaf, value) }, allowed) }).toEqual({ value, outcome: expect.stringMatching(/^(loaded|refused at the input)$/) });
    }
  });

  it.each(LPBL_KEY_FIGURES.map((k) => k.key))("keyFigures.%s at the extremes: loaded with finite figures or refused at that key figure", (key) => {
    const { min, max } = keyFigureBounds(key);
    for (const value of [Number.MAX_VALUE, -Number.MAX_VALUE, min, max, min - 1e-3, max * (1 + 1e-12), 0]) {
      expect({ value, ...loadedFiniteOrRefusedAt({ ...example, keyFigures: { [key]: value } }, [`keyFigures.${key}`]) }).toEqual({ value, outcome: expect.stringMatching(/^(loaded|refused at the input)$/) });
    }
  });

  it("every count and amount at its largest allowed value and every key figure at its bound at once still computes finite figures", () => {
    let inputs: unknown = example.inputs;
    for (const leaf of leaves) {
      // The largest value the input accepts on its own, among its bound and the common ones below it.
      const largest = [LPBL_MAX_AMOUNT, 10_000_000, 100_000, 20, 10, 1].find((v) => loadModel({ ...example, inputs: withInput(example.inputs, leaf, v) }).ok);
      if (largest !== undefined && largest > 1) inputs = withInput(inputs, leaf, largest);
    }
    for (const sign of [1, -1]) {
      const keyFigures = Object.fromEntries(LPBL_KEY_FIGURES.map((k) => [k.key, sign > 0 ? keyFigureBounds(k.key).max : Math.max(keyFigureBounds(k.key).min, sign * 1e12)]));
      expect(loadedFiniteOrRefusedAt({ ...example, inputs, keyFigures }, [])).toEqual({ outcome: "loaded" });
    }
  });
});
