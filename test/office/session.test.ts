/**
 * The task pane's session (src/taskpane/session.ts) through Office.js's client on the protocol host: start, read back, edit a field, export and
 * re-import, write the audit sheets — each checked on the cells HyperFormula computed.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { loadModel } from "../../src/engine/models";
import { LPBL_EXAMPLE_INPUTS, lpblOutputs } from "../../src/engine/models/lpbl";
import { LPBL_KEY_FIGURES_V2, lpblScreenFields } from "../../src/engine/workbook/lpblScreen";
import { CompiledModel, analyse, analysisJson } from "../../src/engine/model";

function analyseOk(compiled: CompiledModel) {
  const a = analyse(compiled);
  if (!a.ok) throw new Error("analyse");
  return a.analysis;
}
import { PLAN_SCHEMA_VERSION } from "../../src/engine/workbook/plan";
import { ExcelGateway } from "../../src/office/excelGateway";
import { Session, planFor, validateField, parseFieldText } from "../../src/taskpane/session";
import { useExcelHostInNode } from "../support/officeHost/officeJsInNode";

const host = useExcelHostInNode();
const yes = async () => true;

describe("the task pane session", () => {
  it.each(["new-free", "new-lpbl"] as const)("starts a %s model whose key results compute", async (kind) => {
    const session = new Session(new ExcelGateway());
    expect((await session.start({ kind }, yes)).status).toBe("written");
    const results = await session.readResults(5000);
    // An LPBL model also shows the team against the reach and the three largest drivers of the saldo (issue 19).
    const lpbl = kind === "new-lpbl" ? ["fte_nodig", "fte_ingevoerd", "hh_bediend", "invloed_1", "invloed_2", "invloed_3"] : [];
    expect(results.map((r) => r.result.id)).toEqual(["saldo", "ratio", "ratio_financieel", "ratio_gemeentelijk", ...lpbl]);
    expect(typeof results[0]!.value).toBe("number");
    if (kind === "new-lpbl") {
      expect(results.find((r) => r.result.id === "fte_ingevoerd")!.value).toBe(3.6);
      expect(results.find((r) => r.result.id === "invloed_1")!.value).toMatch(/^1\. /);
    }
  });

  it("writes a valid field into its cell and refuses an invalid one with a Dutch message naming the field", async () => {
    const session = new Session(new ExcelGateway());
    await session.start({ kind: "example", name: "lpbl" }, yes);
    const before = (await session.readResults(5000))[0]!.value as number;
    expect(await session.writeField("reach.households", "400")).toEqual({ ok: true });
    expect((await session.readFields()).get("reach.households")).toBe(400);
    expect((await session.readResults(5000))[0]!.value).not.toBeCloseTo(before, 0);
    expect(await session.writeField("reach.typeShares.families", "150%")).toEqual({ ok: false, message: "Aantal hh in aanpak (%) (Gezinnen): hoogstens 100%" });
    expect(await session.writeField("reach.households", "veel")).toEqual({ ok: false, message: "Aantal hh in aanpak (totaal): vul een getal in" });
  });

  it.each(Object.keys(EXAMPLES))("exports %s as it stands in the workbook and re-imports the same model", async (name) => {
    const session = new Session(new ExcelGateway());
    await session.start({ kind: "example", name }, yes);
    const exported = await session.exportText();
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    const original = loadModel(EXAMPLES[name]);
    const again = loadModel(JSON.parse(exported.text));
    if (!original.ok || !again.ok) throw new Error("load");
    // The same results, and nothing the workbook layout has no column for (descriptions) is lost.
    const results = (l: typeof original) => (l.ok ? analysisJson(analyseOk(l.loaded.compiled)) : null);
    expect(results(again)).toEqual(results(original));
    const descriptions = (l: typeof original) => (l.ok ? [...l.loaded.compiled.model.effects, ...l.loaded.compiled.model.actors, ...l.loaded.compiled.model.scenarios].map((x) => x.description ?? null) : null);
    expect(descriptions(again)).toEqual(descriptions(original));
  });

  it("reconnects to a workbook written before, reading the model from its cells", async () => {
    await new Session(new ExcelGateway()).start({ kind: "example", name: "almere" }, yes);
    const reopened = new Session(new ExcelGateway());
    expect(await reopened.reconnect()).toEqual({ status: "connected", outdated: false });
    expect(reopened.fields.length).toBeGreaterThan(3);
  });

  it("migrates a version-2 LPBL workbook: read with the layout of version 2 (the analyst's 400 households and OTS price stay, the price per year becomes one per prevented case), rewritten at today's version", async () => {
    // A version-2 LPBL workbook as the add-in of plan version 2 laid out its fields: the screen without the evictions
    // of C.3 and the budget inputs, Kengetallen with the key figures of version 2 at their defaults of then (the analyst
    // typed € 50.000 per year for OTS/UHP), an Uitvoer of its own, planVersion 2. The analyst typed 400 households.
    const planned = planFor(EXAMPLES.lpbl);
    if (!planned.ok) throw new Error("plan");
    const v2 = lpblScreenFields(2);
    const example = (id: string) => id.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], LPBL_EXAMPLE_INPUTS) as number;
    const inputCells = v2.filter((f) => f.cell.sheet === "Invoer").map((f) => ({ row: f.cell.row, column: f.cell.column, value: f.id === "reach.households" ? 400 : example(f.id), style: "input" as const }));
    const defaults = new Map(LPBL_KEY_FIGURES_V2.map(([key, standard]) => [key, standard]));
    const keyFigureCells = v2.filter((f) => f.cell.sheet === "Kengetallen").map((f) => {
      const key = f.id.slice("keyFigures.".length);
      return { row: f.cell.row, column: f.cell.column, value: key === "kosten_uhp_per_jaar" ? 50000 : defaults.get(key)!, style: "input" as const };
    });
    const v2Plan = {
      ...planned.plan,
      planVersion: 2,
      sheets: [
        { name: "Invoer", purpose: "versie 2", cells: inputCells },
        { name: "Kengetallen", purpose: "versie 2", cells: keyFigureCells },
        { name: "Uitvoer", purpose: "versie 2", cells: [{ row: 0, column: 0, value: "MKBA (werkmapversie 2)" }, { row: 1, column: 0, value: "Saldo (NCW)" }, { row: 1, column: 1, formula: '=MKBA.SCENARIO(Invoer,"Basisvariant","saldo")' }] },
      ],
      names: [],
      results: [{ id: "saldo" as const, label: "Saldo (NCW)", format: "euro" as const, cell: { sheet: "Uitvoer", row: 1, column: 1 } }],
      settings: { ...planned.plan.settings, "mkba.planVersion": "2" },
    };
    expect((await new ExcelGateway().writePlan(v2Plan, { confirm: yes })).status).toBe("written");
    const h = host();
    const reopened = new Session(new ExcelGateway());
    expect(await reopened.reconnect()).toEqual({ status: "connected", outdated: true });
    const questions: { sheet: string }[][] = [];
    const outcome = await reopened.migrate(async (c) => (questions.push(c as unknown as { sheet: string }[]), true));
    expect(outcome.status).toBe("written");
    // Only cells of the old screen and Kengetallen that moved can be asked about: their values were read first.
    expect(questions.flat().every((q) => q.sheet === "Invoer" || q.sheet === "Kengetallen")).toBe(true);
    expect(h.settings.get("mkba.planVersion")).toBe(String(PLAN_SCHEMA_VERSION));
    expect(h.sheetNames()).toEqual(expect.arrayContaining(["Invoer", "Kengetallen", "Uitvoer", "Lopende aanpak"]));
    expect((await reopened.readFields()).get("reach.households")).toBe(400);
    const exported = await reopened.exportText();
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    const file = JSON.parse(exported.text) as { keyFigures: Record<string, number>; inputs: { effect: { preventedEvictions: number } } };
    expect(file.keyFigures).toEqual({ kosten_ots_uhp: 100000 });
    expect(file.inputs.effect.preventedEvictions).toBe(0.01);
    // Uitvoer B computes the engine's budget view for 400 households.
    const data = { ...(EXAMPLES.lpbl as object), inputs: { ...(EXAMPLES.lpbl as { inputs: { reach: object } }).inputs, reach: { ...(EXAMPLES.lpbl as { inputs: { reach: object } }).inputs.reach, households: 400 } }, keyFigures: { kosten_ots_uhp: 100000 } };
    const l = loadModel(data);
    if (!l.ok) throw new Error("load");
    const expected = lpblOutputs(analyseOk(l.loaded.compiled).scenarios[0]!, l.loaded.compiled, l.loaded.lpbl!).uitvoerB.totaal;
    const rows = [...Array(200).keys()];
    const uitvoerB = rows.find((r) => String(h.value("Uitvoer", r, 0)).startsWith("Uitvoer B"))!;
    const totalRow = rows.find((r) => r > uitvoerB && h.value("Uitvoer", r, 0) === "Totaal")!;
    expect(Math.abs((h.value("Uitvoer", totalRow, 1) as number) - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
    expect(await reopened.migrate(yes)).toEqual({ status: "current" });
  });

  it("leaves a workbook of a newer add-in as it is", async () => {
    await new Session(new ExcelGateway()).start({ kind: "example", name: "almere" }, yes);
    host().settings.set("mkba.planVersion", "99");
    const reopened = new Session(new ExcelGateway());
    expect(await reopened.reconnect()).toEqual({ status: "newer", version: 99 });
    expect(reopened.plan).toBeNull();
  });

  it("writes Rekenblad and Controle for the model as it stands, every difference within € 0,01", async () => {
    const session = new Session(new ExcelGateway());
    await session.start({ kind: "example", name: "lpbl" }, yes);
    await session.writeField("reach.households", "400");
    const steps: number[] = [];
    expect((await session.writeAudit(yes, (d) => steps.push(d))).status).toBe("written");
    expect(steps[steps.length - 1]).toBe(9);
    expect(host().sheetNames()).toEqual(expect.arrayContaining(["Rekenblad", "Controle"]));
    const verdictRow = [...Array(100).keys()].find((r) => host().value("Controle", r, 0) === "Oordeel")!;
    expect(host().value("Controle", verdictRow, 1)).toMatch(/^In orde/);
    expect(host().value("Controle", verdictRow + 1, 1)).toBeGreaterThan(20);
  });
});

describe("field text", () => {
  it("reads Dutch and plain numbers, percentages and euros", () => {
    expect(parseFieldText("1.234,5", false)).toBe(1234.5);
    expect(parseFieldText("0,48", true)).toBe(0.48);
    expect(parseFieldText("48%", true)).toBe(0.48);
    expect(parseFieldText("€ 78.000", false)).toBe(78000);
    expect(parseFieldText("", false)).toBeNull();
    expect(parseFieldText("1e999", false)).toBe(Infinity);
  });
  it("an empty required field is named", () => {
    expect(validateField({ id: "x", section: "B", label: "Kosten", unit: "euro", cell: { sheet: "Invoer", row: 0, column: 1 }, rule: { type: "decimal", min: 0 } }, "")).toEqual({ ok: false, message: "Kosten: vul een getal in" });
  });
});
