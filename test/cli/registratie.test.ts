/**
 * `mkba registratie` (issue 21, item 8): on the example files it prints the 1.0-vs-2.0 table, the effect measurement and
 * the case analysis; a BSN column is refused without echoing it; bad rows are reported and the rest counts; -o writes
 * the model with the two scenarios; --genereer writes synthetic records. Once through the built bin (npm test builds).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../support/cli";

const examples = path.join(__dirname, "../../docs/examples/registratie");
const example = path.join(examples, "registratie.csv");
const exampleArgs = [example, "--vergelijking", path.join(examples, "registratie-vergelijkingsgebied.csv"), "--casussen", path.join(examples, "registratie-casusanalyse.csv"), "--peildatum", "2025-09-01"];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mkba-registratie-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The example's CSV with one change: a column appended, or a cell replaced. */
function variant(name: string, change: (rows: string[][]) => void): string {
  const rows = fs
    .readFileSync(example, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(";"));
  change(rows);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, rows.map((r) => r.join(";")).join("\n"));
  return file;
}

describe("mkba registratie on the example files", () => {
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    result = await runCli(["registratie", ...exampleArgs]);
  });

  it("prints MKBA 1.0 against 2.0, the effect measurement, the scenarios and the case analysis, in Dutch", () => {
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const out = result.out;
    expect(out).toContain("Ingelezen: 1.441 rijen; meegeteld: 1.441; weggelaten: 0.");
    expect(out).toMatch(/MKBA 1\.0 \(plan\) tegen MKBA 2\.0 \(registratie\) — 400 huishoudens, aangemeld 2023-01-01 t\/m 2023-12-31/);
    expect(out).toMatch(/Aantal hh in aanpak \(totaal\)\s+328\s+400\s+\+72\s+400\s+0/);
    expect(out).toMatch(/Effectmeting \(MKBA 3\.0\): nulmeting tegen meting 12/);
    expect(out).toMatch(/OTS\/UHP \(gezinnen\)\s+gezinnen\s+\d+/);
    expect(out).toMatch(/C\.3 Voorkomen escalatie gezinnen \(OTS\/UHP\)\s+-?\d+,\d%/);
    expect(out).toMatch(/Basisvariant \(MKBA 1\.0, plan\)\s+€/);
    expect(out).toMatch(/MKBA 2\.0 \(registratie\)\s+€/);
    expect(out).toMatch(/MKBA 3\.0 \(effectmeting\)\s+€/);
    expect(out).toMatch(/Monte Carlo van MKBA 3\.0 \(effectmeting\) \(2\.000 trekkingen, seed 1/);
    expect(out).toMatch(/Casusanalyse — 10 casussen/);
    expect(out).toMatch(/Goedkoper met de aanpak: \d+ van de 10 casussen/);
    expect(out).toContain('Privacy: aantallen van 1 t/m 9 staan er als "< 10"');
  });

  it("gives the same output for the same seed", async () => {
    expect((await runCli(["registratie", ...exampleArgs])).out).toBe(result.out);
  });

  it("gives JSON with --json", async () => {
    const r = await runCli(["registratie", ...exampleArgs, "--json"]);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["inlezen", "vergelijkingsgebied", "registratie", "effectmeting", "scenarios", "monteCarlo3", "casusanalyse", "casussenInlezen"]);
    expect(json.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(["Basisvariant", "MKBA 2.0 (registratie)", "MKBA 3.0 (effectmeting)"]);
    expect(json.casusanalyse.cases).toHaveLength(10);
  });

  it("writes the model with both scenarios beside the analyst's inputs (-o), and not over a file without --overschrijven", async () => {
    const out = path.join(tmp, "model.mkba.json");
    expect((await runCli(["registratie", ...exampleArgs, "-o", out])).code).toBe(0);
    const model = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(model.scenarios.map((s: { name: string }) => s.name).slice(-2)).toEqual(["MKBA 2.0 (registratie)", "MKBA 3.0 (effectmeting)"]);
    expect(model.parameters.find((p: { key: string }) => p.key === "hh_totaal").value).toBe(328);
    expect(model.scenarios.at(-2).overrides.hh_totaal).toBe(400);
    const run = await runCli(["run", out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("MKBA 3.0 (effectmeting)");
    const again = await runCli(["registratie", ...exampleArgs, "-o", out]);
    expect([again.code, again.err]).toEqual([2, expect.stringMatching(/bestaat al; .*--overschrijven/)]);
  });
});

describe("privacy on the command line", () => {
  it("refuses a BSN column without echoing it (exit 2, nothing printed on stdout)", async () => {
    const file = variant("bsn.csv", (rows) => {
      rows[0]!.push("BSN");
      rows.slice(1).forEach((r) => r.push("123456782"));
    });
    const r = await runCli(["registratie", file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/De kolom "BSN" bevat een burgerservicenummer/);
    expect(r.err).not.toContain("123456782");
  });

  it("refuses a BSN in the id column, naming column and row but not the number", async () => {
    const file = variant("bsn-id.csv", (rows) => {
      rows[3]![0] = "111222333";
    });
    const r = await runCli(["registratie", file]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/De kolom "id" bevat op rij 4 een nummer dat de elfproef van een burgerservicenummer \(BSN\) doorstaat/);
    expect(r.err).not.toContain("111222333");
  });

  it("refuses a name or birth-date column", async () => {
    for (const header of ["achternaam", "geboortedatum"]) {
      const file = variant(`${header}.csv`, (rows) => {
        rows[0]!.push(header);
        rows.slice(1).forEach((r) => r.push("x"));
      });
      const r = await runCli(["registratie", file]);
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(`De kolom "${header}"`)]);
    }
  });
});

describe("bad input on the command line", () => {
  it("reports bad rows with row and column and still answers on the rest", async () => {
    const file = variant("fout.csv", (rows) => {
      rows[2]![4] = "hond"; // huishoudtype
      rows[5]![3] = "2099-01-01"; // datum_meting
    });
    const r = await runCli(["registratie", file, "--peildatum", "2025-09-01"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Ingelezen: 1.441 rijen; meegeteld: 1.439; weggelaten: 2.");
    expect(r.out).toContain("Weggelaten rijen per reden: datum in de toekomst 1; onbekende code 1.");
    expect(r.out).toContain("  rij 3, kolom huishoudtype: onbekende code; toegestaan: gezin, oudere, overig");
    expect(r.out).toContain("  rij 6, kolom datum_meting: datum in de toekomst: de meting ligt na vandaag");
    expect(r.out).not.toContain("hond");
    expect(r.out).toContain("Effectmeting (MKBA 3.0): geen vergelijkingsgebied opgegeven");
  });

  it.each([
    [["registratie"], /geef één registratiebestand/],
    [["registratie", example, "--meting", "7"], /--meting is 6, 12 of 18/],
    [["registratie", example, "--drempel", "0"], /--drempel is de onderdrukkingsdrempel/],
    [["registratie", example, "--fte", "veel"], /--fte is de teamomvang/],
    [["registratie", path.join(tmp, "bestaat-niet.csv")], /het bestand bestaat niet/],
    [["registratie", example, "--example", "almere"], /geef een LPBL-model/],
  ])("%j is misuse (exit 2, Dutch)", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("mkba registratie --genereer", () => {
  it("writes a synthetic registration as one .xlsx with its sheets, which mkba registratie reads whole", async () => {
    const xlsx = path.join(tmp, "synthetisch.xlsx");
    const w = await runCli(["registratie", "--genereer", "-o", xlsx, "--huishoudens", "150", "--seed", "3"]);
    expect(w.code).toBe(0);
    expect(w.err).toMatch(/Synthetische registratie \(seed 3, 150 huishoudens, .*geen echte personen\)/);
    const r = await runCli(["registratie", xlsx, "--peildatum", "2025-09-01", "--trekkingen", "200"]);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/— 150 huishoudens/);
    expect(r.out).toMatch(/Effectmeting \(MKBA 3\.0\): nulmeting tegen meting 12/);
    expect(r.out).toMatch(/Casusanalyse — 10 casussen/);
  });

  it("writes the same CSV files as the example for seed 1", async () => {
    const csv = path.join(tmp, "registratie.csv");
    expect((await runCli(["registratie", "--genereer", "-o", csv])).code).toBe(0);
    for (const name of ["registratie.csv", "registratie-vergelijkingsgebied.csv", "registratie-casusanalyse.csv"]) {
      expect([name, fs.readFileSync(path.join(tmp, name), "utf8") === fs.readFileSync(path.join(examples, name), "utf8")]).toEqual([name, true]);
    }
  });
});

describe("the built command", () => {
  it("runs mkba registratie on the example and refuses a BSN column", () => {
    const bin = path.join(__dirname, "../../bin/mkba.js");
    const ok = spawnSync("node", [bin, "registratie", ...exampleArgs], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/MKBA 1\.0 \(plan\) tegen MKBA 2\.0 \(registratie\)/);
    const file = variant("bsn-bin.csv", (rows) => {
      rows[0]!.push("bsn");
      rows.slice(1).forEach((r) => r.push("123456782"));
    });
    const refused = spawnSync("node", [bin, "registratie", file], { encoding: "utf8" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/De kolom "bsn"/);
    expect(refused.stderr + refused.stdout).not.toContain("123456782");
  });
});
