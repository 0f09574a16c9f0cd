/**
 * The task pane in a real browser: the production build (dist/, made by `npm run build`, the pretest step) served on
 * localhost, office.js from @microsoft/office-js served where the page asks for it (no network), driven with
 * playwright-core and Debian's Chromium at 320 px. Inside "Excel" the page runs Office.js's own Excel client against
 * the protocol host (test/support/officeHost/), whose HyperFormula workbook really computes what the pane writes —
 * custom functions asynchronously, as in Excel: assertions are on
 * computed cells and on what the analyst sees. Screenshots go to test-artifacts/screenshots/.
 */
import { readFileSync } from "fs";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse, analysisJson } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { lpblScreenFields } from "../../src/engine/workbook/lpblScreen";
import { PLAN_SCHEMA_VERSION } from "../../src/engine/workbook/plan";
import { planFor } from "../../src/taskpane/session";
import { resultLookup } from "../../src/engine/workbook/resultTable";
import { BrowserPane, Pane, startBrowserPane } from "../support/browserPane";

let pane0: BrowserPane;
const openPane = (excel: boolean) => pane0.open(excel);
const shot = (page: Pane["page"], name: string) => pane0.shot(page, name);

beforeAll(async () => {
  pane0 = await startBrowserPane();
});

afterAll(async () => {
  await pane0?.stop();
});

function engineJson(name: string) {
  const l = loadModel(EXAMPLES[name]);
  if (!l.ok) throw new Error("model");
  const a = analyse(l.loaded.compiled);
  if (!a.ok) throw new Error("analyse");
  return analysisJson(a.analysis); // what mkba run --json prints
}

const loadExample = (pane: Pane, name: string) => pane0.loadExample(pane, name);

const resultText = (page: Pane["page"], id: string) => page.locator(`[data-result="${id}"]`).innerText();

describe("the task pane outside Office", () => {
  it("renders, says in Dutch that it runs in Excel and how to side-load it, and throws no script error", async () => {
    const pane = await openPane(false);
    await pane.page.getByText(/Dit taakvenster werkt in Excel/).waitFor();
    expect(await pane.page.getByRole("status").innerText()).toMatch(/Invoegen › Invoegtoepassingen.*manifest\.xml/);
    expect(await pane.page.getByRole("button", { name: "Nieuw LPBL-model" }).isDisabled()).toBe(true);
    await shot(pane.page, "01-buiten-excel");
    expect(pane.errors).toEqual([]);
    await pane.page.context().close();
  });
});

describe("the task pane in Excel (Office.js's client, protocol host)", () => {
  it.each(Object.keys(EXAMPLES))("loads the example %s: Uitvoer and the pane's results equal mkba run --json", async (name) => {
    const pane = await openPane(true);
    await loadExample(pane, name);
    const expected = engineJson(name).scenarios[0]!;
    // Uitvoer's base-case cells for saldo, baten and kosten (found by their formula in the plan) as the engine prints them.
    const planned = planFor(EXAMPLES[name]);
    if (!planned.ok) throw new Error("plan");
    const uitvoer = planned.plan.sheets.find((s) => s.name === "Uitvoer")!;
    for (const [outcome, value] of [["saldo", expected.saldo], ["baten", expected.benefits], ["kosten", expected.costs]] as const) {
      const cell = uitvoer.cells.find((c) => c.formula === `=${resultLookup("scenario", expected.name, outcome)}`)!;
      expect(Math.abs((pane.host!.value("Uitvoer", cell.row, cell.column) as number) - value)).toBeLessThanOrEqual(0.005);
    }
    expect(await resultText(pane.page, "saldo")).toBe(`€ ${Math.round(expected.saldo).toLocaleString("nl-NL")}`);
    if (name === "lpbl") await shot(pane.page, "02-lpbl-geladen");
    // Usable at 320 px: nothing sticks out sideways.
    expect(await pane.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(pane.errors).toEqual([]);
    await pane.page.context().close();
  });

  it("shows a result as 'wordt berekend…' while Excel's custom functions calculate, and the figure once onCalculated fires", async () => {
    const pane = await pane0.open(true, { calcDelayMs: 2000 });
    await loadExample(pane, "almere");
    expect(await resultText(pane.page, "saldo")).toBe("wordt berekend…");
    await shot(pane.page, "02b-wordt-berekend");
    await pane.page.waitForFunction(() => /^€ /.test(document.querySelector('[data-result="saldo"]')?.textContent ?? ""));
    expect(await resultText(pane.page, "saldo")).toBe(`€ ${Math.round(engineJson("almere").scenarios[0]!.saldo).toLocaleString("nl-NL")}`);
    expect(pane.errors).toEqual([]);
    await pane.page.context().close();
  });

  it("follows the sheet: 400 households typed in Invoer show in the form and change the saldo; an invalid value gets its message; 'Annuleren' keeps the analyst's cell", async () => {
    const pane = await openPane(true);
    const { page, host } = pane;
    await loadExample(pane, "lpbl");
    const before = await resultText(page, "saldo");
    const households = lpblScreenFields().find((f) => f.id === "reach.households")!.cell;
    await pane.type(households.sheet, households.row, households.column, 400);
    await page.waitForFunction(() => (document.querySelector('[data-field="reach.households"]') as HTMLInputElement | null)?.value === "400");
    await page.waitForFunction((b) => document.querySelector('[data-result="saldo"]')?.textContent !== b, before);

    // An invalid value: a message beside the field, nothing written.
    const share = page.locator('[data-field="reach.typeShares.families"]');
    await page.getByRole("button", { name: "A. Bereik naar type huishouden" }).click();
    await share.fill("150%");
    await share.press("Enter");
    await page.getByText("Aantal hh in aanpak (%) (Gezinnen): hoogstens 100%").waitFor();
    const cell = lpblScreenFields().find((f) => f.id === "reach.typeShares.families")!.cell;
    expect(host!.value(cell.sheet, cell.row, cell.column)).toBe(0.48);
    await shot(page, "03-ongeldige-invoer");

    // Loading the example again would replace the 400: the pane asks; Annuleren keeps it.
    await page.getByRole("button", { name: "Voorbeeld laden" }).click();
    await page.getByText("Werk van u overschrijven?").waitFor();
    await page.getByText("Aantal hh in aanpak (totaal) (Invoer!B5): 400 → 328").waitFor();
    await shot(page, "04-vraag-overschrijven");
    await page.getByRole("button", { name: "Annuleren" }).click();
    await page.getByText("Geannuleerd: er is niets veranderd.").waitFor();
    expect(host!.value(households.sheet, households.row, households.column)).toBe(400);
    expect(pane.errors).toEqual([]);
    await page.context().close();
  });

  it("recognises a workbook of an older version on opening and updates it with 'Werkmap bijwerken', keeping the analyst's input", async () => {
    const pane = await openPane(true);
    const { page, host } = pane;
    // A free model: its layout is the same in every plan version, so setting an older version number is a faithful
    // older workbook (an older LPBL workbook has another screen layout: test/office/session.test.ts migrates one).
    await loadExample(pane, "almere");
    const planned = planFor(EXAMPLES.almere);
    if (!planned.ok) throw new Error("plan");
    const households = planned.plan.fields![0]!.cell;
    await pane.type(households.sheet, households.row, households.column, 400);
    // As if an older add-in had written it: plan version 1. Reopen the pane on the same workbook.
    host!.settings.set("mkba.planVersion", "1");
    await page.reload();
    await page.getByText(/gemaakt met een oudere versie/).waitFor();
    await shot(page, "07-oudere-werkmap");
    await page.getByRole("button", { name: "Werkmap bijwerken" }).click();
    await page.getByText(/Geschreven:/).waitFor();
    expect(host!.settings.get("mkba.planVersion")).toBe(String(PLAN_SCHEMA_VERSION));
    expect(host!.value(households.sheet, households.row, households.column)).toBe(400);
    expect(await page.getByRole("button", { name: "Werkmap bijwerken" }).count()).toBe(0);
    expect(pane.errors).toEqual([]);
    await page.context().close();
  });

  it("switches to English and back", async () => {
    const pane = await openPane(true);
    await pane.page.getByRole("button", { name: "Switch to English" }).click();
    await pane.page.getByRole("heading", { name: "Start" }).waitFor();
    expect(await pane.page.evaluate(() => document.documentElement.lang)).toBe("en");
    await loadExample(pane, "lpbl");
    expect(await resultText(pane.page, "saldo")).toMatch(/^€ -?[\d,]+$/);
    await pane.page.getByTestId("results").getByText("Benefit-cost ratio, social").waitFor();
    // The form in English: sections and labels translated, the Dutch label of the sheet beside the unit.
    await pane.page.getByRole("button", { name: "A. Reach", exact: true }).waitFor();
    await pane.page.getByText("Households in the approach (total)").waitFor();
    await pane.page.getByText("households · Aantal hh in aanpak (totaal)").waitFor();
    await shot(pane.page, "05-english");
    await pane.page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
    await pane.page.getByRole("heading", { name: "Beginnen" }).waitFor();
    await pane.page.context().close();
  });

  it("exports the model as it stands and re-imports the same model", async () => {
    const pane = await openPane(true);
    await loadExample(pane, "zoetermeer-zmp");
    const download = pane.page.waitForEvent("download");
    await pane.page.getByRole("button", { name: "Exporteren" }).click();
    const file = await (await download).path();
    const text = readFileSync(file, "utf8");
    const again = loadModel(JSON.parse(text));
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    const a = analyse(again.loaded.compiled);
    if (!a.ok) throw new Error("analyse");
    expect(analysisJson(a.analysis)).toEqual(engineJson("zoetermeer-zmp"));
    // Re-import into a fresh workbook: the same saldo.
    const fresh = await openPane(true);
    await fresh.page.setInputFiles('[data-testid="import-file"]', { name: "zmp.mkba.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await fresh.page.getByText(/Geschreven:/).waitFor();
    expect(await resultText(fresh.page, "saldo")).toBe(await resultText(pane.page, "saldo"));
    await pane.page.context().close();
    await fresh.page.context().close();
  });

  it("writes Rekenblad and Controle from the task pane, with progress, every difference within € 0,01", async () => {
    const pane = await openPane(true);
    await loadExample(pane, "almere");
    await pane.page.getByRole("button", { name: "Rekenblad en Controle schrijven" }).click();
    await pane.page.getByText(/Geschreven: Rekenblad, Controle/).waitFor();
    const host = pane.host!;
    const verdictRow = [...Array(100).keys()].find((r) => host.value("Controle", r, 0) === "Oordeel")!;
    expect(host.value("Controle", verdictRow, 1)).toMatch(/^In orde/);
    await shot(pane.page, "06-controle");
    await pane.page.context().close();
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    const pane = await openPane(true);
    await loadExample(pane, "lpbl");
    await pane.page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
    const violations = (await pane.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: never): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      // Fluent UI's focus guards (tabster's <i data-tabster-dummy aria-hidden tabindex=0>) move focus on and hold no
      // content; axe flags them as aria-hidden-focus. Everything else is checked.
      return (await axe.run({ exclude: [["[data-tabster-dummy]"]] } as never)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => (n as { html: string }).html.slice(0, 160)) }));
    })) as { id: string; impact: string }[];
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await pane.page.context().close();
  });
});
