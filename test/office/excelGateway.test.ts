/**
 * The Office.js writer (src/office/excelGateway.ts) through Office.js's own Excel client against the protocol host
 * (test/support/officeHost/): real load/sync semantics, `PropertyNotLoaded`, asynchronous custom functions, events with
 * their trigger source, Excel's payload and formula limits. Assertions are on the workbook the host holds (HyperFormula
 * computed it), not on calls made. Each fault of issue 23 that the old double hid is pinned here by number.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { auditPlan } from "../../src/engine/audit/auditPlan";
import { modelWorkbook, workbookOptions, UITVOER, INVOER } from "../../src/engine/workbook/modelPlan";
import { WorkbookPlan } from "../../src/engine/workbook/plan";
import { ExcelGateway } from "../../src/office/excelGateway";
import { OverwriteConflict } from "../../src/office/gateway";
import { REQUIRED_SETS } from "../../src/office/officeApi";
import { columnWidthPoints } from "../../src/office/payload";
import { ExcelHost, PAYLOAD_LIMIT_BYTES } from "../support/officeHost/excelHost";
import { useExcelHostInNode } from "../support/officeHost/officeJsInNode";
import { largeModel } from "../fixtures/models";

function workbookOf(name: string) {
  const l = loadModel(EXAMPLES[name]);
  if (!l.ok) throw new Error("model");
  const a = analyse(l.loaded.compiled);
  if (!a.ok) throw new Error("analyse");
  return { workbook: modelWorkbook(a.analysis, workbookOptions(l.loaded)), analysis: a.analysis, compiled: l.loaded.compiled };
}

const noConflicts = async (c: readonly OverwriteConflict[]) => {
  throw new Error(`unexpected question: ${JSON.stringify(c)}`);
};

/** Everything of the workbook a write may touch, once custom functions have calculated: to compare before and after. */
async function everything(host: ExcelHost) {
  await host.calculated();
  const book = host.book;
  return {
    sheets: book.sheets.map((s) => {
      const name = book.nameOf(s);
      const used = book.usedArea(s, false);
      const cells: string[] = [];
      for (let r = 0; used && r < used.row + used.rows; r++) {
        for (let c = 0; c < used.column + used.columns; c++) {
          const formula = host.formula(name, r, c);
          const value = JSON.stringify(host.value(name, r, c));
          const shown = host.book.valueOf(s, r, c);
          if (formula !== undefined || (value !== "null" && value !== '""')) cells.push(`${r},${c}:${formula ?? ""}=${value}${shown === "#SPILL!" ? " #SPILL!" : ""}`);
        }
      }
      return {
        name,
        cells,
        numberFormats: [...s.numberFormats].sort(),
        cellFormats: [...s.cellFormats].map(([k, f]) => `${k}:${JSON.stringify(f)}`).sort(),
        columnWidths: [...s.columnWidths].sort(),
        freeze: s.freeze,
        validations: s.validations.map((v) => JSON.stringify(v)).sort(),
        charts: s.charts.map((c) => JSON.stringify({ ...c, id: undefined })),
      };
    }),
    names: host.names(),
    settings: [...host.settings].sort(),
  };
}

describe("ExcelGateway.writePlan through Office.js's client", () => {
  const host = useExcelHostInNode({ calcDelayMs: 40 });

  it("1. writes a new workbook on the first try (it failed: ChartCollection.items was read unloaded), Uitvoer computing the engine's saldo", async () => {
    const { workbook, analysis } = workbookOf("lpbl");
    const steps: string[] = [];
    const outcome = await new ExcelGateway().writePlan(workbook.plan, { confirm: noConflicts, progress: (_d, _t, what) => steps.push(what) });
    expect(outcome).toEqual({ status: "written", sheets: workbook.plan.sheets.map((s) => s.name) });
    await host().calculated();
    const saldo = workbook.plan.results!.find((r) => r.id === "saldo")!.cell;
    expect(host().value(saldo.sheet, saldo.row, saldo.column)).toBeCloseTo(analysis.scenarios[0]!.saldo, 6);
    expect(host().charts.map((c) => [c.name, c.title, c.series.length])).toEqual([
      ["kosten-baten", "Kosten-batengrafiek — Basisvariant (NCW)", 1],
      ["scenarios", "Kosten, baten en saldo per scenario (NCW)", 3],
      ["saldo-per-actor", expect.stringContaining("Saldo per actor"), 1],
      ["kasstromen", expect.stringContaining("Kosten en baten in de tijd"), 2],
    ]);
    expect(host().charts[0]!.series[0]!.values).toMatch(/^Uitvoer!B\d+:B\d+$/);
    expect(host().validations.length).toBeGreaterThan(10);
    // A spilled table's cells get their formats: the cash flows' years as plain numbers, the amounts in euros.
    const flows = workbook.plan.sheets.find((x) => x.name === UITVOER)!.cells.find((c) => c.formula === '=MKBA.SCENARIO(Invoer,,"kasstromen")')!;
    expect([host().numberFormats.get(`Uitvoer!A${flows.row + 2}`), host().numberFormats.get(`Uitvoer!B${flows.row + 2}`)]).toEqual(["0", flows.numberFormat]);
    expect(host().settings.get("mkba.modelType")).toBe("lpbl");
    expect(JSON.parse(host().settings.get("mkba.sheets") as string)).toEqual(workbook.plan.sheets.map((s) => s.name));
    expect(steps[steps.length - 1]).toBe("klaar");
    // No cell of any sheet shows an error: every dynamic array spilled (Tabel 1.5, the cash flows, the cohorts).
    const errors = host().sheetNames().flatMap((name) => {
      const used = host().book.usedArea(host().sheet(name), true);
      const out: string[] = [];
      for (let r = 0; used && r < used.row + used.rows; r++) for (let c = 0; c < used.column + used.columns; c++) {
        const v = host().book.valueOf(host().sheet(name), r, c);
        // Rekenkern's table holds the engine's own #N/A (no payback year) and #DIV/0! (no ratio) as values.
        const outcomeError = name === "Rekenkern" && (v === "#N/A" || v === "#DIV/0!");
        if (typeof v === "string" && /^#[A-Z/0!?]+[!?A-Z]*$/.test(v) && !outcomeError) out.push(`${name}!${r},${c}=${v}`);
      }
      return out;
    });
    expect(errors).toEqual([]);
  });

  it("2. reads #BUSY! while custom functions calculate; readResults waits for onCalculated and then has the figure", async () => {
    const { workbook, analysis } = workbookOf("almere");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    const saldo = workbook.plan.results!.find((r) => r.id === "saldo")!.cell;
    const households = workbook.plan.fields![0]!.cell;
    await gateway.writeCell(households.sheet, households.row, households.column, 123);
    expect(await gateway.readCells([saldo])).toEqual(["#BUSY!"]);
    const { Session } = await import("../../src/taskpane/session");
    const session = new Session(gateway);
    session.plan = workbook.plan;
    const [result] = await session.readResults(5000);
    expect(typeof result!.value).toBe("number");
    expect(result!.value).not.toBeCloseTo(analysis.scenarios[0]!.saldo, 0);
  });

  it("4. undoes a failure in every phase: sheets, cells, spills, formats, widths, validation, names, charts and settings as they were", async () => {
    const { workbook, analysis, compiled } = workbookOf("lpbl");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    const households = workbook.plan.fields!.find((f) => f.id === "reach.households")!.cell;
    host().type(households.sheet, households.row, households.column, 400);
    const before = await everything(host());
    expect(JSON.stringify(before)).not.toMatch(/SPILL|#BUSY!|voer de formule opnieuw in/);
    const phases: [string, (c: { kind: string; className: string; member: string }) => boolean][] = [
      ["constants", (c) => c.kind === "set" && c.member === "Values"],
      ["names", (c) => c.kind === "method" && c.className === "NamedItemCollection" && c.member === "Add"],
      ["formulas", (c) => c.kind === "set" && c.member === "Formulas"],
      ["number formats", (c) => c.kind === "set" && c.member === "NumberFormat"],
      ["validation", (c) => c.kind === "set" && c.member === "Rule"],
      ["charts", (c) => c.kind === "method" && c.className === "ChartSeriesCollection" && c.member === "Add"],
      ["settings", (c) => c.kind === "method" && c.className === "SettingCollection" && c.member === "Add"],
    ];
    for (const [phase, when] of phases) {
      // Failing once: the undo itself may write values, formulas, names and settings again.
      let failed = false;
      host().failWhen = (c) => !failed && when(c) && (failed = true);
      const outcome = await gateway.writePlan(workbook.plan, { confirm: async () => true });
      host().failWhen = null;
      expect([phase, outcome.status]).toEqual([phase, "failed"]);
      expect(outcome.status === "failed" && outcome.message).toMatch(/teruggedraaid; de werkmap is zoals hij was.*gesimuleerd/);
      const after = await everything(host());
      for (const [i, sheet] of before.sheets.entries()) for (const [key, value] of Object.entries(sheet)) expect([phase, sheet.name, key, after.sheets[i]?.[key as keyof typeof sheet]]).toEqual([phase, sheet.name, key, value]);
      expect([phase, after]).toEqual([phase, before]);
    }
    // And the audit sheets, new in this workbook, fail half-way: they are gone again, Uitvoer still computes.
    let failed = false;
    host().failWhen = (c) => !failed && c.member === "Formulas" && (failed = true);
    expect((await gateway.writePlan(auditPlan(compiled, analysis.scenarios[0]!), { confirm: async () => true })).status).toBe("failed");
    host().failWhen = null;
    expect(await everything(host())).toEqual(before);
  });

  it("4. says what it could not restore instead of 'de werkmap is zoals hij was' when the undo fails too", async () => {
    const { workbook } = workbookOf("almere");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    host().failWhen = (c) => c.kind === "set" && c.member === "Formulas";
    const outcome = await gateway.writePlan(workbook.plan, { confirm: async () => true });
    host().failWhen = null;
    expect(outcome.status).toBe("failed");
    const message = outcome.status === "failed" ? outcome.message : "";
    expect(message).not.toMatch(/zoals hij was/);
    expect(message).toMatch(/niet alles kon worden hersteld: blad (Invoer|Uitvoer) terugzetten/);
  });

  it("asks before replacing a value the analyst typed, and 'no' leaves the cell and every sheet as they were", async () => {
    const { workbook } = workbookOf("lpbl");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    const households = workbook.plan.fields!.find((f) => f.id === "reach.households")!.cell;
    host().type(households.sheet, households.row, households.column, 400);
    const asked: OverwriteConflict[][] = [];
    const outcome = await gateway.writePlan(workbook.plan, { confirm: async (c) => (asked.push([...c]), false) });
    expect(outcome).toEqual({ status: "cancelled" });
    expect(asked[0]).toEqual([{ sheet: INVOER, address: "B5", reason: "user-value", current: 400, planned: 328 }]);
    expect(host().value(households.sheet, households.row, households.column)).toBe(400);
  });

  it("never deletes a sheet of the analyst's: one named Uitvoer is kept as 'Uitvoer (eigen)'", async () => {
    const { workbook } = workbookOf("almere");
    host().addSheet(UITVOER);
    host().type(UITVOER, 0, 0, "mijn aantekeningen");
    const outcome = await new ExcelGateway().writePlan(workbook.plan, { confirm: async (c) => c.every((x) => x.reason === "user-sheet" && x.sheet === UITVOER) });
    expect(outcome.status).toBe("written");
    expect(host().value("Uitvoer (eigen)", 0, 0)).toBe("mijn aantekeningen");
    expect(host().value(UITVOER, 0, 0)).toBe(workbook.plan.sheets.find((s) => s.name === UITVOER)!.cells[0]!.value);
  });

  it("8. keeps the analyst's own chart on a rewritten sheet and replaces only the add-in's", async () => {
    const { workbook } = workbookOf("almere");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(UITVOER);
      ws.charts.add("Pie", ws.getRange("B5:B7"), "Auto").name = "Mijn taartdiagram";
      await context.sync();
    });
    const ours = host().charts.filter((c) => c.name !== "Mijn taartdiagram").map((c) => c.name);
    expect((await gateway.writePlan(workbook.plan, { confirm: async () => true })).status).toBe("written");
    expect(host().charts.map((c) => c.name).sort()).toEqual([...ours, "Mijn taartdiagram"].sort());
  });

  it("6. freezes what the plan says: Rekenblad's first column and no row; 9. column widths in points (characters × 7 px + 5, at 0,75 pt)", async () => {
    const { compiled, analysis } = workbookOf("almere");
    const audit = auditPlan(compiled, analysis.scenarios[0]!);
    expect((await new ExcelGateway().writePlan(audit, { confirm: noConflicts })).status).toBe("written");
    expect(audit.sheets[0]!.freeze).toEqual({ rows: 0, columns: 1 });
    expect(host().freeze("Rekenblad")).toEqual({ rows: 0, columns: 1 });
    expect(audit.sheets[0]!.columnWidths![0]).toBe(44);
    expect(host().columnWidth("Rekenblad", 0)).toBe(columnWidthPoints(44));
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column: 64 pixels, 48 points
  });

  it("11. writes the audit of a 500-effect, 100-year model in requests far below Excel's 5 MB, every formula within 8.192 characters", async () => {
    const compiled = largeModel(500, 100);
    const a = analyse(compiled);
    if (!a.ok) throw new Error("analyse");
    const audit = auditPlan(compiled, a.analysis.scenarios[0]!);
    const outcome = await new ExcelGateway().writePlan(audit, { confirm: noConflicts });
    expect(outcome.status).toBe("written");
    expect(Math.max(...host().requestSizes)).toBeLessThan(PAYLOAD_LIMIT_BYTES / 4);
    await host().calculated();
    const verdict = [...Array(60).keys()].find((r) => host().value("Controle", r, 0) === "Oordeel")!;
    expect(host().value("Controle", verdict, 1)).toMatch(/^In orde/);
  });

  it("11. refuses a plan with a formula above 8.192 characters before writing anything, naming the cell", async () => {
    const plan: WorkbookPlan = { planVersion: 2, names: [], settings: {}, sheets: [{ name: "Te lang", purpose: "", cells: [{ row: 2, column: 1, formula: `=${Array.from({ length: 3000 }, () => "A1").join("+")}` }] }] };
    const outcome = await new ExcelGateway().writePlan(plan, { confirm: noConflicts });
    expect(outcome).toEqual({ status: "failed", message: "Er is niets geschreven: de formule in Te lang!B3 is 9.000 tekens lang en Excel staat er hoogstens 8.192 toe." });
    expect(host().sheetNames()).toEqual(["Blad1"]);
  });
});

describe("events and cell-edit mode", () => {
  const host = useExcelHostInNode({ calcDelayMs: 20 });

  it("3. hands the analyst's edits to onSheetChanged but not the add-in's own writes (trigger source, ExcelApi 1.14)", async () => {
    const { workbook } = workbookOf("lpbl");
    const gateway = new ExcelGateway();
    await gateway.writePlan(workbook.plan, { confirm: noConflicts });
    const heard: string[] = [];
    const stop = await gateway.onSheetChanged(INVOER, (c) => heard.push(c.address));
    await gateway.writeCell(INVOER, 4, 1, 350);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([]);
    host().type(INVOER, 4, 1, 400);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual(["B5"]);
    await stop();
  });

  it("5. waits while the analyst edits a cell (delayForCellEdit) and writes once the edit ends", async () => {
    const gateway = new ExcelGateway();
    host().startEditing();
    let done = false;
    const write = gateway.writeCell("Blad1", 0, 0, 7).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(done).toBe(false);
    host().stopEditing();
    await write;
    expect(host().value("Blad1", 0, 0)).toBe(7);
  });
});

describe("in an older Excel (ExcelApi 1.8, the least the manifest asks)", () => {
  const host = useExcelHostInNode({ calcDelayMs: 20, apiSets: { ExcelApi: "1.8", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" } });

  it("writes without getCellProperties, spills or delayForCellEdit, tells its own change events apart by time, and fails (not hangs) while a cell is edited", async () => {
    const { workbook } = workbookOf("almere");
    const gateway = new ExcelGateway();
    expect((await gateway.writePlan(workbook.plan, { confirm: noConflicts })).status).toBe("written");
    const heard: string[] = [];
    await gateway.onSheetChanged(INVOER, (c) => heard.push(c.address));
    await gateway.writeCell(INVOER, 3, 1, 5);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([]);
    // No ExcelApi 1.9 or 1.12 calls were made.
    expect(host().log.filter((c) => /CellProperties|ColumnProperties|Spill/.test(c.member))).toEqual([]);
    // While the analyst edits a cell a write fails in Excel before 1.11; the pane says so instead of hanging.
    host().startEditing();
    await expect(gateway.writeCell(INVOER, 3, 1, 6)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    host().stopEditing();
  });
});

describe("10. manifest.xml", () => {
  it("declares the requirement sets the code needs (ExcelApi 1.8, CustomFunctionsRuntime 1.2, SharedRuntime 1.1)", () => {
    const manifest = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
    const sets = [...manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]);
    for (const [name, version] of Object.entries(REQUIRED_SETS)) expect(sets).toContainEqual([name, version]);
  });
});
