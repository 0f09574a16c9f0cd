/**
 * A workbook written outside Excel, opened by the task pane (issue 20, items 4 and 6), through Office.js's client on the
 * protocol host, which reads the file's storage form as Excel does (test/support/officeHost/openXlsx.ts):
 *
 * - the file `mkba werkmap` writes (add-in calls as `_xldudf_MKBA_…`): the pane reconnects, its key results are the
 *   engine's, an edited field recalculates the outputs, and nothing shows #NAME?;
 * - a file in the old plain form (`MKBA.SCENARIO(` as text, as ExcelJS alone writes it): the calls show #NAME?, the pane
 *   finds exactly them, and after one question re-enters them — after which they calculate — while every other cell
 *   of the workbook stays as it was; declined, nothing changes.
 */
import { planToWorkbook, planToXlsx } from "../../src/cli/xlsxWriter";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { ModelWorkbook, expectedValue, modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { ExcelGateway } from "../../src/office/excelGateway";
import { Session } from "../../src/taskpane/session";
import { useExcelHostInNode } from "../support/officeHost/officeJsInNode";

const host = useExcelHostInNode();

function workbookOf(data: unknown): ModelWorkbook {
  const loaded = loadModel(data);
  if (!loaded.ok) throw new Error("load");
  const result = analyse(loaded.loaded.compiled);
  if (!result.ok) throw new Error("analyse");
  return modelWorkbook(result.analysis, workbookOptions(loaded.loaded));
}

const excelForm = (w: ModelWorkbook) => planToXlsx(w.plan, { cachedResults: (sheet, row, column) => expectedValue(w, sheet, row, column) });
const plainForm = async (w: ModelWorkbook) => new Uint8Array(await planToWorkbook(w.plan).xlsx.writeBuffer());

/** Every cell of every sheet as the host shows it: formula (as typed) or value. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of host().sheetNames()) {
    const id = host().sheetId(name);
    const size = host().hf.getSheetDimensions(id);
    for (let r = 0; r < size.height; r++) for (let c = 0; c < size.width; c++) out.set(`${name}!${r},${c}`, JSON.stringify([host().formula(name, r, c) ?? null, host().value(name, r, c)]));
  }
  return out;
}

describe.each(["lpbl", "almere"])("the %s workbook written by the CLI, opened in Excel with the add-in", (name) => {
  it("reconnects, shows the engine's key results, recalculates after an edit, and has no unresolved call", async () => {
    const w = workbookOf(EXAMPLES[name]);
    await host().openFile(await excelForm(w));
    const session = new Session(new ExcelGateway());
    expect(await session.reconnect()).toEqual({ status: "connected", outdated: false });
    const results = await session.readResults(5000);
    const saldo = results.find((r) => r.result.id === "saldo")!;
    expect(saldo.value).toBeCloseTo(expectedValue(w, saldo.result.cell.sheet, saldo.result.cell.row, saldo.result.cell.column) as number, 6);
    expect((await session.unresolvedCalls()).cells).toEqual([]);

    // The analyst edits the first numeric field by 10%: the outputs follow, as the engine computes them for that model.
    const field = session.fields.find((f) => typeof (w.plan.sheets.find((s) => s.name === f.cell.sheet)!.cells.find((c) => c.row === f.cell.row && c.column === f.cell.column)?.value) === "number" && !f.rule.percent)!;
    const before = (await session.readFields()).get(field.id) as number;
    expect(await session.writeField(field.id, String(before * 2).replace(".", ","))).toEqual({ ok: true });
    await host().calculated();
    const after = await session.readResults(5000);
    const exported = await session.exportText();
    if (!exported.ok) throw new Error("export");
    const edited = workbookOf(JSON.parse(exported.text));
    const cell = saldo.result.cell;
    const newSaldo = after.find((r) => r.result.id === "saldo")!.value as number;
    expect(newSaldo).toBeCloseTo(expectedValue(edited, cell.sheet, cell.row, cell.column) as number, 6);
    expect(newSaldo).not.toBeCloseTo(saldo.value as number, 0);
  });
});

describe("a workbook with add-in calls Excel did not tie to the add-in (#NAME?)", () => {
  it("finds exactly the add-in calls showing #NAME?, and after one question re-enters only those, which then calculate", async () => {
    const w = workbookOf(EXAMPLES.lpbl);
    await host().openFile(await plainForm(w));
    await host().calculated();
    const session = new Session(new ExcelGateway());
    const found = await session.unresolvedCalls();
    const planned = w.plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula && /^=MKBA\./i.test(c.formula)).map((c) => `${s.name}!${c.row},${c.column}`));
    expect(found.skipped).toEqual([]);
    expect(found.cells.map((c) => `${c.sheet}!${c.row},${c.column}`).sort()).toEqual(planned.sort());
    for (const c of found.cells) expect(host().value(c.sheet, c.row, c.column)).toMatchObject({ code: "#NAME?" });

    const before = snapshot();
    const { repaired, remaining } = await session.repairCalls(found.cells);
    await host().calculated();
    expect({ repaired, remaining }).toEqual({ repaired: found.cells.length, remaining: [] });
    const after = snapshot();
    // The repaired calls keep their formulas; every other cell with content is as it was, except what the calls compute.
    const repairedAt = new Set(found.cells.map((c) => `${c.sheet}!${c.row},${c.column}`));
    for (const [key, was] of before) {
      const [formula, value] = JSON.parse(was) as [string | null, unknown];
      const [formulaNow] = JSON.parse(after.get(key)!) as [string | null, unknown];
      expect({ key, formula: formulaNow }).toEqual({ key, formula });
      if (formula === null && !repairedAt.has(key) && value !== null) expect({ key, now: JSON.parse(after.get(key)!)[1] }).toEqual({ key, now: value });
    }
    // Now they compute: the key results (read where the plan puts them) are the engine's.
    expect((w.plan.results ?? []).length).toBeGreaterThan(3);
    for (const result of (w.plan.results ?? []).filter((r) => r.id.startsWith("saldo") || r.id.startsWith("ratio"))) {
      const expected = expectedValue(w, result.cell.sheet, result.cell.row, result.cell.column);
      expect({ id: result.id, value: host().value(result.cell.sheet, result.cell.row, result.cell.column) }).toEqual({ id: result.id, value: typeof expected === "number" ? expect.closeTo(expected, 6) : expected });
    }
  });

  it("changes nothing when there is nothing to repair, and leaves a call of an unknown add-in function as it is", async () => {
    const w = workbookOf(EXAMPLES.almere);
    await host().openFile(await excelForm(w));
    await host().calculated();
    host().type("Invoer", 300, 0, "=MKBA.BESTAATNIET(1)");
    await host().calculated();
    const session = new Session(new ExcelGateway());
    const found = await session.unresolvedCalls();
    expect(found.cells).toEqual([{ sheet: "Invoer", row: 300, column: 0, formula: "=MKBA.BESTAATNIET(1)" }]);
    const { repaired, remaining } = await session.repairCalls(found.cells);
    expect({ repaired, remaining: remaining.length }).toEqual({ repaired: 0, remaining: 1 });
  });
});
