/**
 * Issue 22, fault 1: a model file nested 10.000 levels or more ended the CLI in "mkba: interne fout: RangeError: Maximum
 * call stack size exceeded" and a JavaScript stack (forbiddenKeyPaths recursed). Every JSON the add-in reads — model
 * files, `mkba fn --batch` lines and arguments, a file imported in the task pane, the model kept in the document
 * settings — now has a depth and size limit, checked without recursion (src/engine/model/jsonLimits.ts).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EXAMPLES } from "../../src/engine/examples";
import { JSON_LIMITS, JSON_SOURCES, jsonValueProblems, parseJson, parseModelText, validateModel } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { parseModelFile } from "../../src/taskpane/session";
import { runCli } from "../support/cli";

const work = mkdtempSync(path.join(tmpdir(), "mkba-json-limits-"));
const bin = path.join(__dirname, "..", "..", "bin", "mkba.js");
const DEPTH = /dieper genest dan 32 niveaus \(lijsten \[…\] en objecten \{…\} in elkaar.*\); toegestaan zijn hoogstens 32 niveaus/;
const CRASH = /interne fout|RangeError|Maximum call stack|\n\s+at /;

/** The reproducer of the issue: the example file with `"schemaVersion": [[[[…]]]]`, `levels` deep. */
function nestedSchemaVersion(example: string, levels: number): string {
  const text = JSON.stringify(EXAMPLES[example]);
  return text.replace('"schemaVersion":1', `"schemaVersion":${"[".repeat(levels)}1${"]".repeat(levels)}`);
}
const file = (name: string, text: string) => {
  const p = path.join(work, name);
  writeFileSync(p, text);
  return p;
};

describe("a model file nested deeper than 32 levels", () => {
  it.each([
    ["almere", 10_000],
    ["lpbl", 10_000],
    ["almere", 100_000],
    ["lpbl", 100_000],
  ])("%s with schemaVersion nested %i levels: the built mkba run says so in Dutch with exit 2, no stack trace", (example, levels) => {
    const r = spawnSync("node", [bin, "run", file(`${example}-${levels}.mkba.json`, nestedSchemaVersion(example, levels))], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Het model bevat 1 fout:\n {2}\(bestand\): dieper genest dan 32 niveaus .*bij teken \d+\)/);
    expect(r.stderr).toMatch(DEPTH);
    expect(r.stderr).not.toMatch(CRASH);
  });

  it("every command that reads a model file refuses it the same way", async () => {
    const deep = file("diep.mkba.json", nestedSchemaVersion("almere", 100_000));
    for (const args of [["run", deep, "--json"], ["gevoeligheid", deep], ["montecarlo", deep, "--runs", "10"], ["werkmap", deep, "-o", path.join(work, "x.xlsx")], ["audit", deep, "-o", path.join(work, "y.xlsx")]]) {
      const r = await runCli(args);
      expect({ args, code: r.code, deep: DEPTH.test(r.err), crash: CRASH.test(r.err) }).toEqual({ args, code: 2, deep: true, crash: false });
    }
  });

  it("32 levels are read; the 33rd is named with its line and character, brackets inside a text not counted", () => {
    const within = `{"a":"[[[[{{{{","b":${"[".repeat(31)}${"]".repeat(31)}}`;
    expect(parseJson(within, JSON_SOURCES.modelFile).ok).toBe(true);
    const beyond = `{\n "b": ${"[".repeat(32)}${"]".repeat(32)}}`;
    expect(parseJson(beyond, JSON_SOURCES.modelFile)).toEqual({ ok: false, problem: { path: "(bestand)", message: expect.stringMatching(/bij regel 2, teken 38\)/) } });
  });

  it("a file that is not JSON is named by line and character in Dutch, without JSON.parse's English", () => {
    const r = parseModelText('{\n  "schemaVersion": 1,\n  nee\n}');
    expect(r).toEqual({ ok: false, problems: [{ path: "(bestand)", message: "geen geldige JSON (regel 3, teken 3); controleer aanhalingstekens, komma's en haakjes" }] });
    expect(parseJson("", JSON_SOURCES.modelFile)).toEqual({ ok: false, problem: { path: "(bestand)", message: expect.stringMatching(/^geen geldige JSON \(de tekst is leeg\)/) } });
  });

  it("a model file of more than 5.000.000 characters is refused before it is parsed", () => {
    const big = `{"x":"${"a".repeat(JSON_LIMITS.modelFileCharacters)}"}`;
    expect(parseModelFile(big)).toEqual({ ok: false, problems: [{ path: "(bestand)", message: expect.stringMatching(/^5\.000\.008 tekens; een modelbestand heeft er hoogstens 5\.000\.000/) }] });
  });
});

describe("values handed to loadModel (not text) are checked by a walk without recursion", () => {
  const deep = (levels: number) => JSON.parse(`${"[".repeat(levels)}${"]".repeat(levels)}`) as unknown;

  it("a generic model with schemaVersion nested 100.000 levels: one problem at the 33rd level", () => {
    const data = { ...(EXAMPLES.almere as object), schemaVersion: deep(100_000) };
    const r = loadModel(data);
    expect(r).toEqual({ ok: false, problems: [{ path: `schemaVersion${"[0]".repeat(31)}`, message: expect.stringMatching(DEPTH) }] });
  });

  it("an LPBL model nested deep inside its inputs is refused the same way (the LPBL path walked it recursively before)", () => {
    const lpbl = EXAMPLES.lpbl as { inputs: { costs: object } };
    const data = { ...lpbl, inputs: { ...lpbl.inputs, costs: { ...lpbl.inputs.costs, costPerFte: deep(100_000) } } };
    const r = loadModel(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: expect.stringMatching(/^inputs\.costs\.costPerFte(\[0\])+$/), message: expect.stringMatching(DEPTH) }]);
  });

  it("a cycle (possible in a value, never in a file) ends at the depth limit", () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic.self = cyclic;
    expect(validateModel(cyclic)).toEqual({ ok: false, problems: [{ path: expect.stringMatching(/^self(\.self)+$/), message: expect.stringMatching(DEPTH) }] });
  });

  it("more than 2.500.000 values are refused, not walked further", () => {
    const wide = { schemaVersion: 1, metadata: new Array(JSON_LIMITS.values).fill(0) };
    expect(jsonValueProblems(wide)).toEqual([{ path: "(model)", message: expect.stringMatching(/^meer dan 2\.500\.000 waarden/) }]);
  });

  it("__proto__ keys are found in document order wherever they stand, up to ten", () => {
    const data = JSON.parse('{"a":{"__proto__":1,"b":[{"__proto__":2}]},"__proto__":3}') as unknown;
    expect(jsonValueProblems(data).map((p) => p.path)).toEqual(["a.__proto__", "a.b[0].__proto__", "__proto__"]);
    const many = JSON.parse(`[${Array.from({ length: 20 }, () => '{"__proto__":0}').join(",")}]`) as unknown;
    expect(jsonValueProblems(many)).toHaveLength(10);
  });
});

describe("mkba fn: a line or an argument nested too deep", () => {
  it("--batch answers the deep line with its usage error in its place, and the other lines as always", async () => {
    const deep = `{"fn":"NCW","args":[${"[".repeat(100_000)}${"]".repeat(100_000)}]}`;
    const r = await runCli(["fn", "--batch"], `{"fn":"NCW","args":[[[1,2]],0]}\n${deep}\n{"fn":"NCW","args":[[[3]],0]}\n`);
    expect(r.code).toBe(2);
    const lines = r.out.trim().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([3, { usageError: expect.stringMatching(/^regel 2: dieper genest dan 32 niveaus .*bij teken 51\)/) }, 3]);
    expect(r.err).not.toMatch(CRASH);
  });

  it("an argument on the command line", async () => {
    const r = await runCli(["fn", "NCW", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "0"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^mkba: argument 1 \(bedragen\): dieper genest dan 32 niveaus/);
  });
});
