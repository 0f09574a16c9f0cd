/**
 * "Registratie inlezen" in a real browser, through Office.js's client against the protocol host (issue 21, item 6): the
 * example records (docs/examples/registratie: registration, comparison area, cases) picked as files are read in the
 * pane's Web Worker with a progress bar; the sheets MKBA 2.0, Effectmeting and Casusanalyse (and, as asked, Registratie
 * as an Excel table with validation lists, Vergelijkingsgebied, Casussen, Prijslijst) are written through the plan
 * writer; the workbook computes the 2.0 and 3.0 scenarios with MKBA.SCENARIO to the engine's saldo in Node; the analyst's
 * Invoer stays; reading again from the sheets gives the same; a BSN column is refused without echoing it.
 */
import * as path from "path";
import * as fs from "fs";
import { EXAMPLES } from "../../src/engine/examples";
import { loadModel } from "../../src/engine/models";
import { parseCsv } from "../../src/engine/records/csv";
import { COLUMNS, dayNumber } from "../../src/engine/records/format";
import { runRegistration } from "../../src/engine/records/pipeline";
import { SCENARIO_2 } from "../../src/engine/records/registration";
import { SCENARIO_3 } from "../../src/engine/records/effect";
import { lpblScreenFields } from "../../src/engine/workbook/lpblScreen";
import { CASUSANALYSE, EFFECTMETING, MKBA_2, PRIJSLIJST, REGISTRATIE } from "../../src/engine/workbook/registrationPlan";
import { BrowserPane, Pane, startBrowserPane } from "../support/browserPane";

const dir = path.join(__dirname, "../../docs/examples/registratie");
const files = ["registratie.csv", "registratie-vergelijkingsgebied.csv", "registratie-casusanalyse.csv"].map((f) => path.join(dir, f));
const SHOTS = path.join(__dirname, "../../test-artifacts/screenshots");

let pane0: BrowserPane;

beforeAll(async () => {
  pane0 = await startBrowserPane();
});

afterAll(async () => {
  await pane0?.stop();
});

/** The engine in Node on the same files, with the pane's defaults (threshold 10, seed 1, 2.000 replicates). */
function engineRun() {
  const loaded = loadModel(EXAMPLES.lpbl);
  if (!loaded.ok) throw new Error("model");
  const table = (f: string) => {
    const p = parseCsv(fs.readFileSync(f, "utf8"));
    if (!p.ok) throw new Error(p.message);
    return p.rows;
  };
  const now = new Date();
  const r = runRegistration(loaded.loaded, { records: { table: table(files[0]!), name: "x" }, comparison: table(files[1]!), cases: table(files[2]!), today: dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate()) });
  if (!r.ok) throw new Error(r.message);
  return r.run;
}

/** The row of a sheet whose first cell is `label` (the first at or after `from`). */
function rowOf(pane: Pane, sheet: string, label: string, from = 0): number {
  for (let r = from; r < 600; r++) if (pane.host!.value(sheet, r, 0) === label) return r;
  throw new Error(`geen rij "${label}" op ${sheet}`);
}

/** The column of a heading in a row. */
function columnOf(pane: Pane, sheet: string, row: number, label: string): number {
  for (let c = 0; c < 20; c++) if (pane.host!.value(sheet, row, c) === label) return c;
  throw new Error(`geen kolom "${label}" op ${sheet}!${row + 1}`);
}

const section = (page: Pane["page"]) => page.locator('section[aria-labelledby="registration-title"]');

describe("Registratie inlezen in the task pane (Office.js's client, protocol host)", () => {
  it("reads the example files in the worker with a progress bar and writes MKBA 2.0, Effectmeting and Casusanalyse, computed by the workbook as by the engine", async () => {
    const pane = await pane0.open(true);
    const { page, host } = pane;
    await pane0.loadExample(pane, "lpbl");
    const fields = lpblScreenFields();
    const invoerBefore = fields.map((f) => host!.value(f.cell.sheet, f.cell.row, f.cell.column));
    await section(page).scrollIntoViewIfNeeded();
    await pane0.shot(page, "11-registratie-voor");
    // Whether the progress bar ever shows (the example takes well under a second).
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="registration-progress"]')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole("checkbox", { name: /Ook in de werkmap zetten/ }).click();
    await page.getByTestId("registration-files").setInputFiles(files);
    const outcome = page.getByTestId("registration-outcome");
    await outcome.getByText(/Geschreven: Registratie, Vergelijkingsgebied, Casussen, Prijslijst, MKBA 2\.0, Effectmeting, Casusanalyse/).waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    await host!.calculated();

    const node = engineRun();
    // MKBA 2.0: plan against registration, and the scenarios computed by MKBA.SCENARIO in the sheet.
    const m = host!;
    expect(String(m.value(MKBA_2, 0, 0))).toBe("MKBA 1.0 (plan) tegen MKBA 2.0 (registratie)");
    const households = rowOf(pane, MKBA_2, "Aantal hh in aanpak (totaal)");
    expect(m.value(MKBA_2, households, 2)).toBe(node.registration.inputs[0]!.plan);
    expect(m.value(MKBA_2, households, 3)).toBe(node.registration.inputs[0]!.registration);
    const outcomesHeader = rowOf(pane, MKBA_2, "Uitkomst");
    const saldo = rowOf(pane, MKBA_2, "Saldo (NCW)", outcomesHeader);
    const col2 = columnOf(pane, MKBA_2, outcomesHeader, SCENARIO_2);
    const col3 = columnOf(pane, MKBA_2, outcomesHeader, SCENARIO_3);
    expect(m.value(MKBA_2, saldo, col2 - 1) as number).toBeCloseTo(node.runs.plan.saldo, 2);
    expect(m.value(MKBA_2, saldo, col2) as number).toBeCloseTo(node.runs.registration.saldo, 2);
    expect(m.value(MKBA_2, saldo, col3) as number).toBeCloseTo(node.runs.effect!.saldo, 2);
    expect(m.formula(MKBA_2, saldo, col2)).toMatch(/^=MKBA\.SCENARIO\(Invoer,'MKBA 2\.0'!\$A\$\d+:\$B\$\d+,"saldo"\)$/);
    // Effectmeting: the net effect of OTS/UHP with its interval; the 3.0 block feeds C.3.
    const ots = rowOf(pane, EFFECTMETING, "OTS/UHP (gezinnen)");
    const otsNode = node.effect.outcomes.find((o) => o.outcome.id === "escalatie_ots_uhp")!;
    expect(m.value(EFFECTMETING, ots, 8)).toBe(otsNode.net);
    expect(m.value(EFFECTMETING, ots, 9)).toBe(otsNode.interval!.low);
    expect(m.value(EFFECTMETING, ots, 10)).toBe(otsNode.interval!.high);
    expect(rowOf(pane, EFFECTMETING, "escalatie_gezinnen")).toBeGreaterThan(ots);
    // Casusanalyse: the count of cheaper cases (6 of the example's 10 at the default prices) and each saving, the engine's.
    const cheaper = rowOf(pane, CASUSANALYSE, "Goedkoper met de aanpak");
    expect(m.value(CASUSANALYSE, cheaper, 1)).toBe(node.cases!.cheaper);
    const perCase = rowOf(pane, CASUSANALYSE, "Casus") + 1;
    node.cases!.cases.forEach((c, i) => {
      expect(m.value(CASUSANALYSE, perCase + i, 0)).toBe(c.caseId);
      expect(m.value(CASUSANALYSE, perCase + i, 3)).toBe(c.saving);
    });
    // Charts on the three result sheets; Registratie and Prijslijst as Excel tables, with validation lists.
    const charts = m.charts.filter((c) => !c.deleted).map((c) => `${c.sheet}:${c.name}:${c.type}`);
    expect(charts).toEqual(expect.arrayContaining([`${MKBA_2}:registratie-saldo:ColumnClustered`, `${EFFECTMETING}:effectmeting-bruto-netto:BarClustered`, `${CASUSANALYSE}:casusanalyse-besparing:ColumnClustered`]));
    expect(m.sheet(REGISTRATIE).tables.map((t) => [t.name, t.area.rows, t.area.columns])).toEqual([["Registratietabel", 1442, COLUMNS.length]]);
    expect(m.sheet(PRIJSLIJST).tables.map((t) => t.name)).toEqual(["Prijstabel"]);
    const lists = m.validations.filter((v) => v.sheet === REGISTRATIE);
    expect(lists.length).toBeGreaterThan(50);
    expect(m.value(REGISTRATIE, 0, 0)).toBe("id");
    // Privacy: the sheets say what is suppressed; the analyst's Invoer is as it was.
    expect(String(m.value(MKBA_2, 2, 0))).toMatch(/^Privacy: aantallen van 1 t\/m 9 staan er als "< 10"/);
    expect(fields.map((f) => m.value(f.cell.sheet, f.cell.row, f.cell.column))).toEqual(invoerBefore);
    await section(page).screenshot({ path: path.join(SHOTS, "12-registratie-ingelezen-sectie.png") });
    await pane0.shot(page, "12-registratie-ingelezen");

    // Again from the workbook's own sheets: the same figures (the sheets were not rewritten but the results).
    await page.getByRole("button", { name: "Registratie inlezen uit de werkmap" }).click();
    await outcome.getByText(/Geschreven: MKBA 2\.0, Effectmeting, Casusanalyse$/).waitFor({ timeout: 90_000 });
    await host!.calculated();
    expect(m.value(MKBA_2, saldo, col2) as number).toBeCloseTo(node.runs.registration.saldo, 2);
    expect(m.value(CASUSANALYSE, cheaper, 1)).toBe(node.cases!.cheaper);
    expect(page.url()).toContain("127.0.0.1");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(pane.errors).toEqual([]);
    await page.context().close();
  });

  it("refuses a file with a BSN column and does not show the number; writes nothing", async () => {
    const pane = await pane0.open(true);
    const { page, host } = pane;
    await pane0.loadExample(pane, "lpbl");
    const text = fs.readFileSync(files[0]!, "utf8").split("\n");
    const bad = [`bsn;${text[0]}`, `111222333;${text[1]}`, ...text.slice(2).filter((l) => l !== "").map((l) => `;${l}`)].join("\n");
    const sheets = host!.sheetNames();
    await page.getByTestId("registration-files").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    const outcome = page.getByTestId("registration-outcome");
    await outcome.getByText(/Niet ingelezen: .*bsn/).waitFor({ timeout: 60_000 });
    expect(await outcome.textContent()).not.toContain("111222333");
    expect(host!.sheetNames()).toEqual(sheets);
    await section(page).screenshot({ path: path.join(SHOTS, "13-registratie-bsn-geweigerd.png") });
    expect(pane.errors).toEqual([]);
    await page.context().close();
  });
});
