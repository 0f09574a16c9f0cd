/**
 * The registration's sheets (issue 21, items 1, 5 and 6) as a workbook plan evaluated in HyperFormula beside the LPBL
 * model's own plan: every formula (the plan column's references to the Invoer screen, the differences, the scenario
 * blocks and the MKBA.SCENARIO outcomes of plan, 2.0 and 3.0) computes what the engine computed; the Registratie sheet is
 * an Excel table with validation lists that reads back to the same records; Invoer is not touched; small counts are
 * suppressed and the sheets say so.
 */
import * as fs from "fs";
import * as path from "path";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { parseCsv } from "../../src/engine/records/csv";
import { COLUMNS, allowedCodes, dayNumber } from "../../src/engine/records/format";
import { runRegistration } from "../../src/engine/records/pipeline";
import { readRecords } from "../../src/engine/records/read";
import { SCENARIO_2 } from "../../src/engine/records/registration";
import { SCENARIO_3 } from "../../src/engine/records/effect";
import { modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { planProblems } from "../../src/engine/workbook/plan";
import { CASUSANALYSE, EFFECTMETING, MKBA_2, PRIJSLIJST, REGISTRATIE, registrationWorkbook, sheetText } from "../../src/engine/workbook/registrationPlan";
import { planToHyperFormula, planValue } from "../support/planHost";

const dir = path.join(__dirname, "../../docs/examples/registratie");
const table = (file: string) => {
  const p = parseCsv(fs.readFileSync(path.join(dir, file), "utf8"));
  if (!p.ok) throw new Error(p.message);
  return p.rows;
};
const records = table("registratie.csv");
const comparison = table("registratie-vergelijkingsgebied.csv");
const cases = table("registratie-casusanalyse.csv");
const today = dayNumber(2025, 9, 1);

const loaded = loadModel(EXAMPLES.lpbl);
if (!loaded.ok) throw new Error("model");
const outcome = runRegistration(loaded.loaded, { records: { table: records, name: "registratie.csv" }, comparison, cases, today });
if (!outcome.ok) throw new Error(outcome.message);
const run = outcome.run;
const analysed = analyse(loaded.loaded.compiled);
if (!analysed.ok) throw new Error("analyse");
const model = modelWorkbook(analysed.analysis, workbookOptions(loaded.loaded));
const records2 = registrationWorkbook(run, { when: "1 september 2025", source: "registratie.csv", inputs: { records, comparison, cases }, prices: true });
const plan = { ...model.plan, sheets: [...model.plan.sheets, ...records2.plan.sheets] };
const hf = planToHyperFormula(plan);
const sheet = (name: string) => records2.plan.sheets.find((s) => s.name === name)!;

describe("the registration's sheets in the workbook", () => {
  it("are a consistent plan beside the model's, with the sheets of the issue", () => {
    expect(planProblems(plan)).toEqual([]);
    expect(records2.plan.sheets.map((s) => s.name)).toEqual(["Registratie", "Vergelijkingsgebied", "Casussen", "Prijslijst", "MKBA 2.0", "Effectmeting", "Casusanalyse"]);
    expect(records2.plan.settings).toEqual({});
    expect(records2.plan.names).toEqual([]);
  });

  it("compute every formula as the engine did: plan values from Invoer, differences, the 2.0 and 3.0 blocks and their saldo", () => {
    expect(records2.expected.size).toBeGreaterThan(60);
    for (const [key, want] of records2.expected) {
      const [, name, row, column] = /^(.*)!(\d+),(\d+)$/.exec(key)!;
      const got = planValue(hf, name!, Number(row), Number(column));
      if (typeof want === "number") expect([key, got]).toEqual([key, expect.closeTo(want, Math.abs(want) > 1000 ? 0 : 6)]);
      else expect([key, got]).toEqual([key, want]);
    }
    // The saldo of the three scenarios, by label, in the MKBA 2.0 sheet.
    const m = sheet(MKBA_2);
    const header = m.cells.find((c) => c.value === SCENARIO_2 && c.style === "heading")!;
    const saldoRow = m.cells.find((c) => c.value === "Saldo (NCW)" && c.row > header.row)!.row;
    expect(planValue(hf, MKBA_2, saldoRow, header.column)).toBeCloseTo(run.runs.registration.saldo, 0);
    expect(planValue(hf, MKBA_2, saldoRow, header.column + 1)).toBeCloseTo(run.runs.effect!.saldo, 0);
    expect(planValue(hf, MKBA_2, saldoRow, header.column - 1)).toBeCloseTo(run.runs.plan.saldo, 0);
    expect(run.runs.registration.saldo).not.toBeCloseTo(run.runs.plan.saldo, 0);
    expect(m.cells.find((c) => c.value === SCENARIO_3 && c.style === "heading")).toBeDefined();
  });

  it("leave the analyst's Invoer as the model's plan has it (the scenarios are blocks, not columns of the model)", () => {
    const invoer = plan.sheets.find((s) => s.name === "Invoer")!;
    expect(invoer).toBe(model.plan.sheets.find((s) => s.name === "Invoer"));
    expect(JSON.stringify(invoer)).not.toContain(SCENARIO_2);
  });

  it("write Registratie as an Excel table with Dutch headers after Bijlage 3 and a validation list per coded column, read back to the same records", () => {
    const r = sheet(REGISTRATIE);
    expect(r.tables).toEqual([{ name: "Registratietabel", range: { row: 0, column: 0, rowCount: records.length, columnCount: COLUMNS.length } }]);
    expect(r.cells.filter((c) => c.row === 0).map((c) => c.value)).toEqual(COLUMNS.map((c) => c.header));
    for (const c of COLUMNS) {
      const codes = allowedCodes(c.kind);
      const v = r.validations!.find((x) => x.range.column === COLUMNS.indexOf(c));
      if (codes.length > 0) expect([c.header, v?.rule]).toEqual([c.header, { type: "list", values: codes }]);
      if (v) expect(v.message).toContain(c.description.slice(0, 20));
    }
    // As the gateway reads it back: typed values → text → the reader.
    const grid = Array.from({ length: records.length }, () => new Array<string | number | null>(COLUMNS.length).fill(null));
    for (const c of r.cells) grid[c.row]![c.column] = c.value as string | number | null;
    const back = readRecords(sheetText(grid), { today });
    const direct = readRecords(records, { today });
    expect(back.ok && direct.ok && back.records).toEqual(direct.ok && direct.records);
  });

  it("suppress small counts and say so on every result sheet; the price list carries sources; the case chart is per case", () => {
    for (const name of [MKBA_2, EFFECTMETING]) expect(sheet(name).cells.some((c) => typeof c.value === "string" && c.value.startsWith("Privacy: aantallen van 1 t/m 9"))).toBe(true);
    const texts = [MKBA_2, EFFECTMETING].flatMap((n) => sheet(n).cells.map((c) => c.value));
    expect(texts.filter((v) => typeof v === "number")).not.toContain(Number.NaN);
    const numbersNextToCounts = sheet(EFFECTMETING).cells.filter((c) => c.numberFormat === "#,##0" && typeof c.value === "number" && c.value > 0 && c.value < 10);
    expect(numbersNextToCounts).toEqual([]);
    const prices = sheet(PRIJSLIJST);
    expect(prices.cells.filter((c) => c.row === 0).map((c) => c.value)).toEqual(["post", "omschrijving", "eenheid", "prijs", "prijsjaar", "bron", "illustratief"]);
    expect(prices.cells.find((c) => c.value === "opvang")).toBeDefined();
    const k = sheet(CASUSANALYSE);
    expect(k.charts!.map((c) => c.id)).toEqual(["casusanalyse-besparing"]);
    expect(k.charts![0]!.series[0]!.values.range.rowCount).toBe(run.cases!.cases.length);
    expect(k.cells.find((c) => c.value === "Goedkoper met de aanpak")).toBeDefined();
    expect(sheet(EFFECTMETING).charts!.map((c) => c.id)).toEqual(["effectmeting-bruto-netto"]);
    expect(sheet(MKBA_2).charts!.map((c) => c.id)).toEqual(["registratie-saldo"]);
  });
});
