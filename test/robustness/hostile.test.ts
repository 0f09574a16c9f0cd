/**
 * The reproducers of issue 13 ("hostile input never takes down Excel's runtime, never yields a silent wrong number,
 * and no file is lost"), each pinned: a clear Dutch answer (or the right number), quickly.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, chmodSync, statSync, unlinkSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { modelToCells } from "../../src/engine/layout/workbookLayout";
import { ModelInput, analyse, analysisJson, validateModel } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { LPBL_EXAMPLE_INPUTS } from "../../src/engine/models/lpbl";
import { CellValue } from "../../src/engine/cells";
import { callFunction, findFunction } from "../../src/functions/catalog";
import { runCli as cli } from "../support/cli";
import { writeFileSafely, FileSystem } from "../../src/cli/files";
import { smallModel } from "../fixtures/models";

const fn = (id: string) => findFunction(id)!;
const timed = <T>(f: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
};
const ENGLISH = /\b(expected|received|invalid|unrecognized|number|string|too (small|big)|undefined|NaN|Infinity)\b/i;

describe("1. a single cell range never takes the process down", () => {
  it("MKBA.SCENARIO over a block with a column 'jaar 300000000' answers #VALUE! naming the column, at once", () => {
    const cells = modelToCells(validateOk(smallModel()).model);
    const header = cells.findIndex((r) => r[0] === "[Effecten]");
    const width = cells[0]!.length;
    const rows = cells.map((r) => [...r, null, null]);
    rows[header]![width] = "jaar 0";
    rows[header]![width + 1] = "jaar 300000000";
    const effect = rows[header + 1]!;
    effect[6] = null; // bedrag blank
    effect[width] = 100;
    effect[width + 1] = 5;
    const { value, ms } = timed(() => callFunction(fn("SCENARIO"), [rows, null, "saldo"]));
    expect(value).toMatchObject({ kind: "error", code: "#VALUE!" });
    expect((value as { message: string }).message).toMatch(/de kolom "jaar 300000000" ligt buiten de langst mogelijke looptijd \(jaar 0 t\/m 199\)/);
    expect(ms).toBeLessThan(10000); // a hang guard, not a benchmark (npm run bench measures speed)
  });

  it("a model block of more than 200.000 cells is refused before it is read", () => {
    const huge = Array.from({ length: 1000 }, () => Array.from({ length: 300 }, () => null as CellValue));
    const r = callFunction(fn("SCENARIO"), [huge]);
    expect(r).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/300\.000 cellen; een modelbereik heeft er hoogstens 200\.000/) });
  });

  it("a range of more than a million cells is refused by every function, naming the argument", () => {
    const range = Array.from({ length: 1001 }, () => new Array<CellValue>(1000).fill(1));
    const r = callFunction(fn("NCW"), [range, 0.03]);
    expect(r).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^bedragen: het bereik heeft 1\.001\.000 cellen/) });
  });
});

describe("2. slow paths are bounded", () => {
  it("20.000 parameters with long names and unknown references: refused by the limit, answered in well under 2 s", () => {
    const model = smallModel();
    const long = "p".repeat(150);
    model.parameters = Array.from({ length: 20000 }, (_, i) => ({ key: `${long}${i}`, value: i }));
    model.effects[0]!.amount = `${long}x + ${long}y + onbekend`;
    const { value, ms } = timed(() => validateModel(model));
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.problems[0]).toEqual({ path: "parameters", message: expect.stringMatching(/^hoogstens 5\.000 parameters/) });
    expect(ms).toBeLessThan(10000); // a hang guard, not a benchmark (npm run bench measures speed)
  });

  it("5.000 parameters and a thousand unknown references: suggestions only for the first few problems", () => {
    const model = smallModel();
    const long = "q".repeat(150);
    model.parameters = Array.from({ length: 5000 }, (_, i) => ({ key: `${long}${i}`, value: i }));
    model.effects = Array.from({ length: 1000 }, (_, i) => ({ name: `E${i}`, category: "Kosten", nature: "financieel" as const, actor: "Gemeente", amount: `${long}x${i}` }));
    const { value, ms } = timed(() => validateModel(model));
    expect(value.ok).toBe(false);
    expect(ms).toBeLessThan(10000); // a hang guard
  });

  it("2.000 effects × 50 years × 201 scenarios is refused with the reason, not computed for 22 s", () => {
    const model = smallModel();
    model.metadata.horizon = 50;
    model.effects = Array.from({ length: 2000 }, (_, i) => ({ name: `E${i}`, category: "Kosten", nature: "financieel" as const, actor: "Gemeente", amount: "kosten", profile: { duration: 50 } }));
    model.scenarios = Array.from({ length: 40 }, (_, i) => ({ name: `S${i}`, overrides: { kosten: i } }));
    const { value, ms } = timed(() => validateModel(model));
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.problems).toContainEqual({ path: "scenarios", message: expect.stringMatching(/^100\.000 effectjaren × 42 doorrekeningen .* meer dan 2\.000\.000/) });
    expect(ms).toBeLessThan(10000); // a hang guard, not a benchmark (npm run bench measures speed)
  });

  it("MKBA.INTERNRENDEMENT over 100.000 cells is refused at once", () => {
    const flows = Array.from({ length: 100000 }, (_, i) => [i === 0 ? -1000 : 1]);
    const { value, ms } = timed(() => callFunction(fn("INTERNRENDEMENT"), [flows]));
    expect(value).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/hoogstens 1\.000 jaren/) });
    expect(ms).toBeLessThan(10000); // a hang guard
  });
});

describe("3. no silent wrong or blank numbers", () => {
  it("a category total that overflows is an error naming the category, not null", () => {
    const model = smallModel();
    model.parameters!.find((p) => p.key === "prijs")!.value = 1e307;
    model.effects.push({ name: "Nog een besparing", category: "Directe effecten", nature: "financieel", actor: "Gemeente", amount: "aantal * prijs" });
    const v = validateOk(model);
    const r = analyse(v);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.every((p) => /valt buiten het bereik van getallen/.test(p.message))).toBe(true);
      expect(r.problems.some((p) => p.path.startsWith("effects[") || /categorie "Directe effecten"/.test(p.message))).toBe(true);
    }
  });

  it("a sensitivity Δ beyond ±1,8·10^308 is an error naming the run", () => {
    const model = smallModel();
    // Each run's saldo is finite (±1,5·10^306), but their difference would not be … after ×10^3 more: use the exact limit.
    model.effects = [{ name: "Saldo", category: "Directe effecten", nature: "financieel", actor: "Gemeente", amount: "prijs" }];
    model.scenarios = [];
    model.parameters!.find((p) => p.key === "prijs")!.value = -1.7e308;
    model.sensitivity = [{ name: "Omslag", overrides: { prijs: 1.7e308 } }];
    const r = analyse(validateOk(model));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual({ path: "sensitivity[0]", message: expect.stringMatching(/^Omslag: het verschil in saldo valt buiten het bereik/) });
  });

  it("__proto__ as a parameter key is rejected by name; constructor and toString work as keys and overrides", () => {
    const model = JSON.parse(JSON.stringify(smallModel())) as ModelInput;
    model.parameters!.push({ key: "constructor", value: 400 }, { key: "toString", value: 0 });
    model.effects[0]!.amount = "kosten + constructor + toString";
    model.scenarios = [{ name: "Meer", overrides: { constructor: 800 } }];
    const r = analyse(validateOk(model));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.analysis.scenarios[1]!.costs - r.analysis.scenarios[0]!.costs).toBe(400);

    const proto = JSON.parse(JSON.stringify(smallModel()).replace('"overrides":{"aantal":20}', '"overrides":{"__proto__":400}'));
    const v = validateModel(proto);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems).toEqual([{ path: "scenarios[0].overrides.__proto__", message: expect.stringMatching(/"__proto__" is niet toegestaan/) }]);
    const key = validateModel({ ...smallModel(), parameters: [{ key: "__proto__", value: 1 }] });
    expect(key.ok).toBe(false);
  });

  it("MKBA.SCENARIO with an override range [['__proto__'; 0]] says the parameter is unknown, never ignores it", () => {
    const cells = modelToCells(validateOk(smallModel()).model);
    const r = callFunction(fn("SCENARIO"), [cells, [["__proto__", 0]], "saldo"]);
    expect(r).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/onbekende parameter "__proto__"/) });
  });

  it("a caseload of 5e-324 is refused with a Dutch message, never an fte of null or 'NaN%'", () => {
    const inputs = JSON.parse(JSON.stringify(LPBL_EXAMPLE_INPUTS));
    inputs.reach.caseload.ev = 5e-324;
    const r = loadModel({ schemaVersion: 1, modelType: "lpbl", inputs, keyFigures: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: "inputs.reach.caseload.ev", message: expect.stringMatching(/minstens 1 huishouden per fte/) }]);
  });

  it("a discount rule of 1e308 is refused in a model; as a function argument it is never labelled Infinity%", () => {
    const v = validateModel({ ...smallModel(), metadata: { ...smallModel().metadata, discountRule: 1e308 } });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems[0]!.message).not.toMatch(ENGLISH);
    const r = callFunction(fn("NCW"), [[[100, 100]], 1e308]);
    expect(r).toBe(100);
  });

  it("a ratio without costs carries its reason in the JSON as in the text", () => {
    const model = smallModel();
    model.effects = model.effects.filter((e) => e.category !== "Kosten");
    const r = analyse(validateOk(model));
    if (!r.ok) throw new Error("expected ok");
    const json = analysisJson(r.analysis).scenarios[0]!;
    expect(json.ratios.social).toBeNull();
    expect(json.ratioReasons.social).toBe("de kosten zijn 0");
  });
});

describe("4. MKBA.INTERNRENDEMENT returns only verified roots", () => {
  it("[0; 282; -398] with guess 5 gives 0,4113…, the root the default guess finds", () => {
    const withGuess = callFunction(fn("INTERNRENDEMENT"), [[[0, 282, -398]], 5]) as number;
    const byDefault = callFunction(fn("INTERNRENDEMENT"), [[[0, 282, -398]]]) as number;
    expect(withGuess).toBeCloseTo(398 / 282 - 1, 12);
    expect(byDefault).toBeCloseTo(398 / 282 - 1, 12);
  });

  it("with 1e308 among the flows it gives a rate whose NCW really changes sign there, or #GETAL! with a message", () => {
    const r = callFunction(fn("INTERNRENDEMENT"), [[[-1e308, 1e308, 1]], 0.1]);
    if (typeof r === "number") {
      const npv = (rate: number) => -1e308 + 1e308 / (1 + rate) + 1 / (1 + rate) ** 2;
      expect(Math.sign(npv(r * (1 - 1e-6) - 1e-9)) * Math.sign(npv(r * (1 + 1e-6) + 1e-9))).toBeLessThanOrEqual(0);
    } else {
      expect(r).toMatchObject({ code: "#NUM!", message: expect.stringMatching(/geen internrendement gevonden/) });
    }
  });

  it("flows with no root in reach give #GETAL! with a Dutch message, whatever the guess", () => {
    for (const guess of [0.1, 5, 1e6, -0.9]) {
      const r = callFunction(fn("INTERNRENDEMENT"), [[[1, -1, 1]], guess]);
      expect(r).toMatchObject({ code: "#NUM!" });
    }
  });
});

describe("5. messages are Dutch", () => {
  it("LPBL-file problems come in Dutch, naming the path", () => {
    const r = loadModel({ schemaVersion: 1, modelType: "lpbl", inputs: null, extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      for (const p of r.problems) expect(p.message).not.toMatch(ENGLISH);
      expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["(model)"]));
      expect(r.problems.map((p) => p.message)).toEqual(expect.arrayContaining(['onbekend veld: "extra"']));
    }
    const inputs = loadModel({ schemaVersion: 1, modelType: "lpbl", inputs: { ...LPBL_EXAMPLE_INPUTS, extra: 1, reach: null } });
    if (!inputs.ok) for (const p of inputs.problems) expect(p.message).not.toMatch(ENGLISH);
  });

  it("no English type words: 'prijspeil 1800' and a 1e999 literal", () => {
    const model = JSON.parse(JSON.stringify(smallModel()));
    model.metadata.priceBaseYear = 1800;
    model.parameters[0].value = JSON.parse("1e999");
    const v = validateModel(model);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.problems).toContainEqual({ path: "metadata.priceBaseYear", message: "moet 1.900 of meer zijn" });
      expect(v.problems).toContainEqual({ path: "parameters[0].value", message: expect.stringMatching(/^verwacht een eindig getal, niet een getal dat te groot is/) });
      for (const p of v.problems) expect(p.message).not.toMatch(ENGLISH);
    }
  });

  it("an unknown CLI option is answered in Dutch with exit 2", async () => {
    const r = await cli(["example", "almere", "--verbose"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("mkba: mkba example: onbekende optie --verbose; zie mkba --help.\n");
  });
});

describe("6. files are never lost", () => {
  const work = mkdtempSync(path.join(tmpdir(), "mkba-hostile-"));

  it("mkba example -o refuses to overwrite an existing file without --overschrijven, and replaces it with it", async () => {
    const file = path.join(work, "almere.mkba.json");
    writeFileSync(file, "mijn eigen werk");
    const refused = await cli(["example", "almere", "-o", file]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/bestaat al; kies een andere naam of geef --overschrijven/);
    expect(readFileSync(file, "utf8")).toBe("mijn eigen werk");
    const forced = await cli(["example", "almere", "-o", file, "--overschrijven"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).metadata.name).toBe("almere");
    expect((await cli(["example", "almere", "-o", file, "--force"])).code).toBe(0);
  });

  it("mkba werkmap -o refuses to overwrite too", async () => {
    const file = path.join(work, "werkmap.xlsx");
    writeFileSync(file, "niet overschrijven");
    const r = await cli(["werkmap", "--example", "zoetermeer-zmp", "-o", file]);
    expect(r.code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("niet overschrijven");
  });

  it("on a full disk the original file stays intact and no temporary file is left", () => {
    const file = path.join(work, "vol.json");
    writeFileSync(file, "origineel");
    const fullDisk: FileSystem = {
      existsSync,
      statSync: (p) => statSync(p),
      writeFileSync: (p, data) => {
        writeFileSync(p, String(data).slice(0, 3)); // a truncated temporary file …
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }); // … and a full disk
      },
      renameSync: () => {
        throw new Error("must not be reached");
      },
      unlinkSync: (p) => unlinkSync(p),
    };
    expect(() => writeFileSafely(file, "nieuw en langer", { overwrite: true, fs: fullDisk })).toThrow(/kan .*vol\.json niet schrijven: de schijf is vol\. Het bestaande bestand is ongewijzigd\./);
    expect(readFileSync(file, "utf8")).toBe("origineel");
    expect(readdirSync(work).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a missing folder or a read-only one is a Dutch message with exit 2, no stack trace", async () => {
    const missing = await cli(["example", "almere", "-o", path.join(work, "bestaat-niet", "x.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/de map .*bestaat-niet bestaat niet/);
    expect(missing.err).not.toMatch(/\n\s+at /);
    // A read-only folder: real permissions for a normal user; root writes anywhere, so there the file system answers EACCES.
    const target = path.join(work, "alleen-lezen", "x.json");
    mkdirSync(path.dirname(target));
    const readOnly: FileSystem = {
      existsSync,
      statSync: (p) => statSync(p),
      writeFileSync: () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
      renameSync: () => {
        throw new Error("must not be reached");
      },
      unlinkSync: (p) => unlinkSync(p),
    };
    expect(() => writeFileSafely(target, "{}", { overwrite: false, fs: readOnly })).toThrow(/geen schrijfrechten/);
    expect(existsSync(target)).toBe(false);
    if (process.getuid?.() !== 0) {
      chmodSync(path.dirname(target), 0o500);
      const r = await cli(["example", "almere", "-o", target]);
      chmodSync(path.dirname(target), 0o700);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/geen schrijfrechten/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it("'mkba example constructor' and '__proto__' are unknown examples (exit 2), not 'undefined' or '{}'", async () => {
    for (const name of ["constructor", "__proto__", "toString"]) {
      const r = await cli(["example", name]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`onbekend voorbeeld "${name.replace(/_/g, "_")}"`));
      expect(r.out).toBe("");
    }
  });
});

function validateOk(model: unknown) {
  const v = validateModel(model);
  if (!v.ok) throw new Error(JSON.stringify(v.problems.slice(0, 3)));
  return v.compiled;
}
