/**
 * The Office.js writer (src/office/excelGateway.ts) against the Excel double (test/support/excelDouble.ts): the page
 * half runs here with `window` = the global object, so the writer's load/sync traffic goes through the same host the
 * browser tests use. Assertions are on cells HyperFormula computed, not on calls made.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { auditPlan } from "../../src/engine/audit/auditPlan";
import { modelWorkbook, workbookOptions, UITVOER, INVOER } from "../../src/engine/workbook/modelPlan";
import { ExcelGateway } from "../../src/office/excelGateway";
import { OverwriteConflict } from "../../src/office/gateway";
import { useExcelDoubleInNode } from "../support/excelDouble";

function workbookOf(name: string) {
  const l = loadModel(EXAMPLES[name]);
  if (!l.ok) throw new Error("model");
  const a = analyse(l.loaded.compiled);
  if (!a.ok) throw new Error("analyse");
  return { workbook: modelWorkbook(a.analysis, workbookOptions(l.loaded)), analysis: a.analysis, compiled: l.loaded.compiled };
}

const host = useExcelDoubleInNode();

const noConflicts = async (c: readonly OverwriteConflict[]) => {
  throw new Error(`unexpected question: ${JSON.stringify(c)}`);
};

describe("ExcelGateway.writePlan against the HyperFormula-backed Excel double", () => {
  it("writes the LPBL workbook so that Uitvoer computes the engine's saldo and ratios, with charts over Uitvoer", async () => {
    const { workbook, analysis } = workbookOf("lpbl");
    const steps: string[] = [];
    const outcome = await new ExcelGateway().writePlan(workbook.plan, { confirm: noConflicts, progress: (_d, _t, what) => steps.push(what) });
    expect(outcome).toEqual({ status: "written", sheets: workbook.plan.sheets.map((s) => s.name) });
    const saldo = workbook.plan.results!.find((r) => r.id === "saldo")!.cell;
    expect(host().value(saldo.sheet, saldo.row, saldo.column)).toBeCloseTo(analysis.scenarios[0]!.saldo, 6);
    expect(host().charts.map((c) => [c.name, c.title, c.series.length])).toEqual([
      ["kosten-baten", "Kosten-batengrafiek — Basisvariant (NCW)", 1],
      ["scenarios", "Kosten, baten en saldo per scenario (NCW)", 3],
      ["saldo-per-actor", expect.stringContaining("Saldo per actor"), 1],
      ["kasstromen", expect.stringContaining("Kosten en baten in de tijd"), 2],
    ]);
    expect(host().charts[0]!.series[0]!.values).toMatch(/^Uitvoer!B\d+:B\d+$/);
    expect(host().charts[1]!.series[0]!.values).toMatch(/^Uitvoer!B\d+:[A-Z]+\d+$/);
    expect(host().validations.length).toBeGreaterThan(10);
    // A spilled table's cells get their formats: the cash flows' years as plain numbers, the amounts in euros.
    const flows = workbook.plan.sheets.find((x) => x.name === UITVOER)!.cells.find((c) => c.formula === '=MKBA.SCENARIO(Invoer,,"kasstromen")')!;
    expect([host().numberFormats.get(`Uitvoer!A${flows.row + 2}`), host().numberFormats.get(`Uitvoer!B${flows.row + 2}`)]).toEqual(["0", flows.numberFormat]);
    expect(host().settings.get("mkba.modelType")).toBe("lpbl");
    expect(JSON.parse(host().settings.get("mkba.sheets")!)).toEqual(workbook.plan.sheets.map((s) => s.name));
    expect(steps[steps.length - 1]).toBe("klaar");
  });

  it("asks before replacing a value the analyst typed, and 'no' leaves the cell and every sheet as they were", async () => {
    const { workbook } = workbookOf("lpbl");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    const households = workbook.plan.fields!.find((f) => f.id === "reach.households")!.cell;
    await host().type(households.sheet, households.row, households.column, 400, async () => undefined);
    const asked: OverwriteConflict[][] = [];
    const outcome = await gateway.writePlan(workbook.plan, { confirm: async (c) => (asked.push([...c]), false) });
    expect(outcome).toEqual({ status: "cancelled" });
    expect(asked[0]).toEqual([{ sheet: INVOER, address: "B5", reason: "user-value", current: 400, planned: 328 }]);
    expect(host().value(households.sheet, households.row, households.column)).toBe(400);
  });

  it("never deletes a sheet of the analyst's: one named Uitvoer is kept as 'Uitvoer (eigen)'", async () => {
    const { workbook } = workbookOf("almere");
    host().hf.addSheet(UITVOER);
    host().hf.setCellContents({ sheet: host().sheetId(UITVOER), row: 0, col: 0 }, [["mijn aantekeningen"]]);
    const outcome = await new ExcelGateway().writePlan(workbook.plan, { confirm: async (c) => c.every((x) => x.reason === "user-sheet" && x.sheet === UITVOER) });
    expect(outcome.status).toBe("written");
    expect(host().value("Uitvoer (eigen)", 0, 0)).toBe("mijn aantekeningen");
    expect(host().value(UITVOER, 0, 0)).toBe(workbook.plan.sheets.find((s) => s.name === UITVOER)!.cells[0]!.value);
  });

  it("a failure half-way is undone: no new sheet stays, a rewritten sheet gets its old content back", async () => {
    const { workbook, analysis, compiled } = workbookOf("almere");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    const before = host().sheetNames();
    const saldo = workbook.plan.results!.find((r) => r.id === "saldo")!.cell;
    // Now the audit sheets too, with Excel failing while it writes formulas.
    host().failWhen = (op) => op.t === "set" && op.prop === "formulas";
    const outcome = await gateway.writePlan(auditPlan(compiled, analysis.scenarios[0]!), { confirm: async () => true });
    expect(outcome.status).toBe("failed");
    expect(outcome.status === "failed" && outcome.message).toMatch(/teruggedraaid.*gesimuleerd/);
    host().failWhen = null;
    expect(host().sheetNames()).toEqual(before);
    expect(host().value(saldo.sheet, saldo.row, saldo.column)).toBeCloseTo(analysis.scenarios[0]!.saldo, 6);
  });
});
