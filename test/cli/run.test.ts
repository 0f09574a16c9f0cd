/** `mkba run`, `mkba example` and `mkba werkmap` (in-process through main()). */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runCli as run } from "../support/cli";

const work = mkdtempSync(path.join(tmpdir(), "mkba-cli-"));

describe("mkba run", () => {
  it("prints Tabel 1.5, the scenarios and the sensitivity table of the Almere example in Dutch (× € 1.000)", async () => {
    const r = await run(["run", "--example", "almere"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("MKBA-overzicht per actor — Basisvariant");
    expect(r.out).toMatch(/Saldo\s+-535\s+9\s+160\s+0\s+-366/);
    expect(r.out).toMatch(/Totaal\s+-366\s+-839\s+-266\s+-367/);
    expect(r.out).toMatch(/QALY voor gezondheidswinst van 50\.000 naar 100\.000 euro\s+40,5\s+-325,5/);
  });

  it("prints the JSON shape of the issue with --json", async () => {
    const r = await run(["run", "--example", "zoetermeer-zmp", "--json"]);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["model", "discountRule", "scenarios", "sensitivity"]);
    expect(json.scenarios[0]).toMatchObject({ name: "Basisvariant", costs: 165000, benefits: 691000, saldo: 526000 });
    expect(Object.keys(json.scenarios[0].ratios)).toEqual(["social", "financial", "municipal"]);
    expect(json.sensitivity[0]).toEqual({ name: expect.any(String), deltaSaldo: 147000, saldo: 673000 });
  });

  it("runs one scenario with --scenario, in euros with --eenheid 1", async () => {
    const r = await run(["run", "--example", "almere", "--scenario", "Scenario 2", "--eenheid", "1"]);
    expect(r.out).toContain("— Scenario 2");
    expect(r.out).not.toContain("— Basisvariant");
    expect(r.out).toMatch(/Saldo\s+-1\.613\.459\s+69\.283\s+1\.278\.545\s+0\s+-265\.632/);
  });

  it("runs a model file written by mkba example", async () => {
    const file = path.join(work, "zmp.mkba.json");
    expect((await run(["example", "zoetermeer-zmp", "-o", file])).code).toBe(0);
    const r = await run(["run", file, "--json"]);
    expect(JSON.parse(r.out).scenarios[0].saldo).toBe(526000);
  });

  it("lists every problem of a broken model with its JSON path, exits 2 and prints nothing else", async () => {
    const model = JSON.parse((await run(["example", "zoetermeer-zmp"])).out);
    model.effects[0].actor = "Gemeent";
    model.effects[2].amount = "(uitstroom - dossiers * reguliere_uitstrom) * besparing_per_uitstroom";
    model.metadata.horizon = 0;
    const file = path.join(work, "broken.mkba.json");
    writeFileSync(file, JSON.stringify(model));
    const r = await run(["run", file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("metadata.horizon");
    const again = { ...model, metadata: { ...model.metadata, horizon: 1 } };
    writeFileSync(file, JSON.stringify(again));
    const r2 = await run(["run", file]);
    expect(r2.err).toBe(
      [
        "Het model bevat 2 fouten:",
        '  effects[0].actor: onbekende actor "Gemeent"; bedoelt u "Gemeente"?',
        '  effects[2].amount: rekenregel "(uitstroom - dossiers * reguliere_uitstrom) * besparing_per_uitstroom": onbekende parameter "reguliere_uitstrom"; bedoelt u "reguliere_uitstroom"?',
        "",
      ].join("\n"),
    );
  });

  it.each([
    [["run"], /geef één modelbestand of --example NAAM/],
    [["run", "--example", "almer"], /onbekend voorbeeld "almer"; bedoelt u "almere"\?/],
    [["run", "--example", "almere", "--scenario", "Scenario 9"], /onbekend scenario "Scenario 9"; bedoelt u "Scenario 1"\?/],
    [["run", "--example", "almere", "--eenheid", "10"], /--eenheid is 1 \(euro\) of 1000/],
    [["run", "--example", "almere", "--frobnicate"], /onbekende optie --frobnicate; zie mkba --help/],
    [["run", "/nonexistent/model.json"], /kan \/nonexistent\/model.json niet lezen/],
  ])("treats misuse %p as exit 2", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("mkba werkmap", () => {
  it("writes the model as sheet Invoer with the name Invoer, one MKBA.SCENARIO call on Rekenkern and lookups into it on Uitvoer", async () => {
    const file = path.join(work, "almere.xlsx");
    const r = await run(["werkmap", "--example", "almere", "-o", file]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Invoer", "Uitvoer", "Gevoeligheid", "Onzekerheid", "Rekenkern"]);
    // The saldo of the base case: the row labelled "Saldo (NCW)" in the scenario table.
    let saldoRow = 0;
    wb.getWorksheet("Uitvoer")!.eachRow((row, n) => {
      if (row.getCell(1).value === "Saldo (NCW)") saldoRow = n;
    });
    expect(wb.getWorksheet("Invoer")!.getCell("A1").value).toBe("[Instellingen]");
    expect(wb.definedNames.getRanges("Invoer").ranges[0]).toMatch(/^Invoer!\$A\$1:\$[A-Z]+\$\d+$/);
    const saldo = wb.getWorksheet("Uitvoer")!.getCell(`B${saldoRow}`).value as ExcelJS.CellFormulaValue;
    expect(saldo.formula).toBe('INDEX(Rekenkern!$F:$F,MATCH("scenario › Basisvariant › saldo",Rekenkern!$E:$E,0))');
    expect(Math.round((saldo.result as number) / 1000)).toBe(-366);
  });
});
