/**
 * The Office.js writer and reader of workbook plans (WorkbookGateway, src/office/gateway.ts): the only code that calls
 * the Excel API. It decides nothing about content — that is the plan's.
 *
 * Writing a plan:
 * 1. look: which plan sheets exist, which of them the add-in wrote (document setting `mkba.sheets`), which input cells
 *    hold a value other than the plan's, and which charts on those sheets are the add-in's (`mkba.grafieken`);
 * 2. ask once, with every conflict; "no" writes nothing. A sheet of the analyst's with a plan sheet's name is never
 *    deleted: it is renamed "<naam> (eigen)" and kept; a chart of the analyst's on a rewritten sheet stays;
 * 3. take a snapshot (sheetSnapshot.ts) of every sheet that will be rewritten, of the names and of the settings;
 * 4. write in phases (sheets, constants, names, formulas, formats, validation, charts, settings) in requests of at most
 *    about 1 MB (payload.ts), with progress; the add-in's own change events are not taken for the analyst's;
 * 5. when any phase fails: delete the sheets created, put the snapshots back, restore names and settings, rename the
 *    analyst's sheets back — and say exactly what could not be restored, if anything.
 * Every request waits while the analyst edits a cell (delayForCellEdit) where Excel can (officeApi.ts).
 */
import { addinCallIds } from "../functions/addinCalls";
import type { CellValue } from "../engine/cells";
import { PlanCell, PlanSheet, STYLE_LOOK, WorkbookPlan, a1, rangeAddress, rangeRef, spillFormat } from "../engine/workbook/plan";
import { UNRESOLVED_SCAN_LIMIT } from "./gateway";
import type { OverwriteConflict, SheetChange, UnresolvedCall, WorkbookGateway, WriteOptions, WriteOutcome } from "./gateway";
import { runExcel, supportsOptional } from "./officeApi";
import { SyncBudget, columnWidthPoints, rowBands, tooLongFormula } from "./payload";
import { SheetSnapshot, restoreSnapshot, takeSnapshots } from "./sheetSnapshot";
import { asTyped } from "./typedText";

const OWNED_SHEETS = "mkba.sheets";
/** The add-in's charts, as JSON [{ sheet, name }]: only these are replaced when a sheet is rewritten. */
const OWNED_CHARTS = "mkba.grafieken";
const CHART_TYPES = { columnClustered: "ColumnClustered", columnStacked: "ColumnStacked", barClustered: "BarClustered", line: "Line" } as const;
const PHASES = 9;
/** How long after its write the add-in's own change events may still arrive where Excel cannot tell their source. */
const OWN_EVENT_GRACE_MS = 1500;
/** Range proxies per request at most when reading cells one by one. */
const CELLS_PER_READ = 2_000;
/** Cells per read when scanning a sheet's formulas and values (unresolvedCalls). */
const CELLS_PER_SCAN = 20_000;
/** Cells per request when a whole sheet is read (a registration of 100.000 rows: some 70 requests of ~1 MB). */
const CELLS_PER_SHEET_READ = 100_000;
/** What a queued command costs in a request, measured on the protocol host: a style run (up to five property sets on a range's format), a validation, a column width. */
const REQUEST_BYTES = { style: 1500, validation: 1500, columnWidth: 600 } as const;

type Matrix = (string | number | boolean | null)[][];


/** The bounding box of a sheet's cells as dense matrices of constants, formulas and number formats (null = leave). */
function matrices(sheet: PlanSheet) {
  const rows = Math.max(1, ...sheet.cells.map((c) => c.row + (c.spill?.rows ?? 1)));
  const columns = Math.max(1, ...sheet.cells.map((c) => c.column + (c.spill?.columns ?? 1)));
  const empty = (): Matrix => Array.from({ length: rows }, () => Array.from({ length: columns }, () => null));
  const values = empty();
  const formulas = empty();
  const formats = empty();
  for (const c of sheet.cells) {
    if (c.formula !== undefined) formulas[c.row]![c.column] = c.formula;
    else if (c.value !== undefined && c.value !== null) values[c.row]![c.column] = asTyped(c.value);
    if (c.numberFormat) formats[c.row]![c.column] = c.numberFormat;
    // The area a formula spills into gets its formats too (Excel keeps a cell's format under a spilled value).
    for (let r = 0; c.spill && r < c.spill.rows; r++) {
      for (let k = 0; k < c.spill.columns; k++) {
        const format = spillFormat(c, k);
        if ((r > 0 || k > 0) && format && formats[c.row + r]![c.column + k] === null) formats[c.row + r]![c.column + k] = format;
      }
    }
  }
  return { values, formulas, formats, rows, columns };
}

/** Writes a matrix from A1 in bands of rows, each within the sync budget. */
async function writeBands(ws: Excel.Worksheet, matrix: Matrix, budget: SyncBudget, set: (range: Excel.Range, band: Matrix) => void): Promise<void> {
  const columns = matrix[0]?.length ?? 0;
  for (const band of rowBands(matrix)) {
    const part = matrix.slice(band.from, band.to);
    if (part.every((row) => row.every((v) => v === null))) continue;
    await budget.add(band.bytes);
    set(ws.getRange(rangeAddress({ row: band.from, column: 0, rowCount: band.to - band.from, columnCount: columns })), part);
  }
}

/** Runs of cells with the same style in a row, as ranges: one format call per run instead of per cell. */
function styleRuns(sheet: PlanSheet): { address: string; style: NonNullable<PlanCell["style"]> }[] {
  const styled = sheet.cells.filter((c) => c.style).sort((x, y) => x.row - y.row || x.column - y.column);
  const runs: { row: number; from: number; to: number; style: NonNullable<PlanCell["style"]> }[] = [];
  for (const c of styled) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.to === c.column - 1 && last.style === c.style) last.to = c.column;
    else runs.push({ row: c.row, from: c.column, to: c.column, style: c.style! });
  }
  return runs.map((r) => ({ address: rangeAddress({ row: r.row, column: r.from, rowCount: 1, columnCount: r.to - r.from + 1 }), style: r.style }));
}

function applyStyle(range: Excel.Range, style: NonNullable<PlanCell["style"]>): void {
  const look = STYLE_LOOK[style];
  if (look.fill) range.format.fill.color = `#${look.fill}`;
  if (look.bold) range.format.font.bold = true;
  if (look.italic) range.format.font.italic = true;
  if (look.size) range.format.font.size = look.size;
  if (look.color) range.format.font.color = `#${look.color}`;
}

function validationRule(rule: NonNullable<PlanSheet["validations"]>[number]["rule"]): Excel.DataValidationRule {
  if (rule.type === "list") return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  const basic: Excel.BasicDataValidation =
    rule.min !== undefined && rule.max !== undefined
      ? { formula1: rule.min, formula2: rule.max, operator: "Between" }
      : rule.min !== undefined
        ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
        : { formula1: rule.max ?? 0, operator: "LessThanOrEqualTo" };
  return rule.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string; debugInfo?: { errorLocation?: string } };
  const where = e.debugInfo?.errorLocation ? ` (bij ${e.debugInfo.errorLocation})` : "";
  return `Excel meldt: ${e.message ?? String(error)}${e.code ? ` [${e.code}]` : ""}${where}`;
}

const sameValue = (a: CellValue, b: CellValue) => a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));
const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/** A document setting holding JSON, or the fallback when it is missing or unreadable. */
function parseSetting<T>(setting: Excel.Setting, fallback: T): T {
  if (setting.isNullObject) return fallback;
  try {
    return JSON.parse(String(setting.value)) as T;
  } catch {
    return fallback;
  }
}

interface OwnedChart {
  readonly sheet: string;
  readonly name: string;
}

/** A chart the write added: under a name of its own until the old charts are gone, then under the plan's id. */
interface NewChart extends OwnedChart {
  readonly final: string;
}

/** What the write must be able to undo, taken before anything changes. */
interface Undo {
  readonly snapshots: SheetSnapshot[];
  /** Plan names as they were ("" formula: the name did not exist). */
  readonly names: { name: string; formula: string; comment: string }[];
  /** Settings the write sets, as they were (null: not there). */
  readonly settings: { key: string; value: unknown }[];
}

export class ExcelGateway implements WorkbookGateway {
  /** While > 0 the add-in writes, and until `quietUntil` its own change events may still come in. */
  private writing = 0;
  private quietUntil = 0;

  get available(): boolean {
    return typeof Excel !== "undefined" && typeof Excel.run === "function";
  }

  /** Marks the add-in's own writes, so that the change events they cause are not handed to the pane as the analyst's. */
  private async own<T>(write: () => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await write();
    } finally {
      this.writing--;
      this.quietUntil = Date.now() + OWN_EVENT_GRACE_MS;
    }
  }

  async writePlan(plan: WorkbookPlan, options: WriteOptions): Promise<WriteOutcome> {
    const sheets = plan.sheets.filter((s) => !options.sheets || options.sheets.includes(s.name));
    const progress = (done: number, what: string) => options.progress?.(done, PHASES, what);
    const tooLong = tooLongFormula(sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined).map((c) => ({ sheet: s.name, address: a1(c.row, c.column), formula: c.formula! }))));
    if (tooLong) return { status: "failed", message: `Er is niets geschreven: de formule in ${tooLong.sheet}!${tooLong.address} is ${tooLong.length.toLocaleString("nl-NL")} tekens lang en Excel staat er hoogstens 8.192 toe.` };

    // 1. Look. 3. Snapshot. Nothing has changed yet when these fail.
    let state: Awaited<ReturnType<ExcelGateway["look"]>>;
    try {
      state = await runExcel((context) => this.look(context, plan, sheets));
    } catch (error) {
      return { status: "failed", message: `Er is niets geschreven: de werkmap kon niet worden gelezen. ${describeError(error)}` };
    }
    // 2. Ask.
    if (state.conflicts.length > 0 && !(await options.confirm(state.conflicts))) return { status: "cancelled" };
    const userSheets = state.conflicts.filter((c) => c.reason === "user-sheet").map((c) => c.sheet);
    const rewritten = state.existing.filter((name) => !userSheets.includes(name));
    let undo: Undo;
    try {
      undo = await runExcel((context) => this.snapshot(context, plan, sheets, rewritten));
    } catch (error) {
      return { status: "failed", message: `Er is niets geschreven: de bladen die vervangen worden konden niet worden gekopieerd. ${describeError(error)}` };
    }
    progress(0, "werkmap bekeken");

    // 4. Write.
    const created: string[] = [];
    const renamed: { from: string; to: string }[] = [];
    const newCharts: NewChart[] = [];
    let oldChartsDeleted = false;
    try {
      await this.own(() =>
        runExcel(async (context) => {
          const book = context.workbook;
          const budget = new SyncBudget(() => context.sync());
          for (const name of userSheets) {
            const to = await this.freeName(context, `${name} (eigen)`);
            book.worksheets.getItem(name).name = to;
            await context.sync();
            renamed.push({ from: name, to });
          }
          const targets = new Map<string, Excel.Worksheet>();
          for (const s of sheets) {
            if (rewritten.includes(s.name)) {
              const ws = book.worksheets.getItem(s.name);
              ws.getRange().clear();
              ws.freezePanes.unfreeze();
              targets.set(s.name, ws);
            } else {
              targets.set(s.name, book.worksheets.add(s.name));
              await context.sync();
              created.push(s.name);
            }
          }
          await context.sync();
          // The plan's tables (Registratie, Prijslijst, …) are the add-in's: an old one of that name goes before it is
          // added again (two tables may not overlap, and a name is unique in the workbook).
          const tableNames = sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
          if (tableNames.length > 0) {
            const old = tableNames.map((name) => book.tables.getItemOrNullObject(name));
            await context.sync();
            old.filter((t) => !t.isNullObject).forEach((t) => t.delete());
            await context.sync();
          }
          progress(1, "bladen klaargezet");
          const dense = new Map(sheets.map((s) => [s.name, matrices(s)]));
          for (const s of sheets) await writeBands(targets.get(s.name)!, dense.get(s.name)!.values, budget, (range, band) => (range.values = band as never));
          await budget.flush();
          progress(2, "waarden geschreven");
          const existingNames = plan.names.map((n) => book.names.getItemOrNullObject(n.name));
          await context.sync();
          existingNames.filter((n) => !n.isNullObject).forEach((n) => n.delete());
          plan.names.forEach((n) => book.names.add(n.name, `=${rangeRef(n.sheet, n.range)}`, n.comment));
          await context.sync();
          progress(3, "namen vastgelegd");
          for (const s of sheets) await writeBands(targets.get(s.name)!, dense.get(s.name)!.formulas, budget, (range, band) => (range.formulas = band as never));
          await budget.flush();
          progress(4, "formules geschreven");
          for (const s of sheets) {
            const ws = targets.get(s.name)!;
            await writeBands(ws, dense.get(s.name)!.formats, budget, (range, band) => (range.numberFormat = band as never));
            for (const run of styleRuns(s)) {
              await budget.add(REQUEST_BYTES.style);
              applyStyle(ws.getRange(run.address), run.style);
            }
            for (const [column, width] of Object.entries(s.columnWidths ?? {})) {
              await budget.add(REQUEST_BYTES.columnWidth);
              ws.getRange(a1(0, Number(column))).getEntireColumn().format.columnWidth = columnWidthPoints(width);
            }
            if (s.freeze && s.freeze.rows > 0 && s.freeze.columns > 0) ws.freezePanes.freezeAt(ws.getRange(rangeAddress({ row: 0, column: 0, rowCount: s.freeze.rows, columnCount: s.freeze.columns })));
            else if (s.freeze && s.freeze.rows > 0) ws.freezePanes.freezeRows(s.freeze.rows);
            else if (s.freeze && s.freeze.columns > 0) ws.freezePanes.freezeColumns(s.freeze.columns);
          }
          await budget.flush();
          progress(5, "opmaak toegepast");
          for (const s of sheets) {
            for (const t of s.tables ?? []) {
              await budget.add(REQUEST_BYTES.validation);
              targets.get(s.name)!.tables.add(rangeRef(s.name, t.range), true).name = t.name;
            }
            for (const v of s.validations ?? []) {
              await budget.add(REQUEST_BYTES.validation);
              const range = targets.get(s.name)!.getRange(rangeAddress(v.range));
              range.dataValidation.clear();
              range.dataValidation.rule = validationRule(v.rule);
              range.dataValidation.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "MKBA" };
            }
          }
          await budget.flush();
          progress(6, "invoercontrole ingesteld");
          // New charts get a name of their own until the old ones are gone, so that a failure leaves the old ones.
          const stamp = Date.now().toString(36);
          for (const s of sheets) {
            const ws = targets.get(s.name)!;
            for (const chart of s.charts ?? []) {
              const [first, ...rest] = chart.series;
              if (!first) continue;
              const c = ws.charts.add(CHART_TYPES[chart.type], book.worksheets.getItem(first.values.sheet).getRange(rangeAddress(first.values.range)), "Auto");
              const temporary = `mkba-${stamp}-${newCharts.length}`;
              c.name = temporary;
              newCharts.push({ sheet: s.name, name: temporary, final: chart.id });
              c.title.text = chart.title;
              c.setPosition(a1(chart.anchor.from.row, chart.anchor.from.column), a1(chart.anchor.to.row, chart.anchor.to.column));
              const s0 = c.series.getItemAt(0);
              s0.name = first.name;
              if (first.categories) s0.setXAxisValues(book.worksheets.getItem(first.categories.sheet).getRange(rangeAddress(first.categories.range)));
              for (const series of rest) {
                const added = c.series.add(series.name);
                added.setValues(book.worksheets.getItem(series.values.sheet).getRange(rangeAddress(series.values.range)));
                if (series.categories) added.setXAxisValues(book.worksheets.getItem(series.categories.sheet).getRange(rangeAddress(series.categories.range)));
              }
              if (chart.valueAxisTitle) c.axes.valueAxis.title.text = chart.valueAxisTitle;
              await context.sync();
            }
          }
          progress(7, "grafieken gemaakt");
          const finalCharts = newCharts.map((c) => ({ sheet: c.sheet, name: c.final }));
          const rewrittenSet = new Set(sheets.map((s) => s.name));
          const keptCharts = state.ownedCharts.filter((c) => !rewrittenSet.has(c.sheet));
          const owned = [...new Set([...state.owned, ...sheets.map((s) => s.name)])];
          for (const [k, v] of Object.entries({ ...plan.settings, [OWNED_SHEETS]: JSON.stringify(owned), [OWNED_CHARTS]: JSON.stringify([...keptCharts, ...finalCharts]) })) book.settings.add(k, v);
          await context.sync();
          progress(8, "instellingen bewaard");
          // Last: the add-in's old charts on the rewritten sheets go, the new ones take their names.
          oldChartsDeleted = state.chartsToReplace.length > 0;
          for (const old of state.chartsToReplace) {
            const chart = book.worksheets.getItem(old.sheet).charts.getItemOrNullObject(old.name);
            await context.sync();
            if (!chart.isNullObject) chart.delete();
          }
          newCharts.forEach((c) => (book.worksheets.getItem(c.sheet).charts.getItem(c.name).name = c.final));
          await context.sync();
          progress(9, "klaar");
        }),
      );
      return { status: "written", sheets: sheets.map((s) => s.name) };
    } catch (error) {
      // 5. Undo: nothing half-written stays behind, or the message says what did.
      const left = await this.undo(undo, created, renamed, newCharts, oldChartsDeleted);
      const what = left.length === 0 ? "de werkmap is zoals hij was" : `maar niet alles kon worden hersteld: ${left.join("; ")}`;
      return { status: "failed", message: `Het schrijven is mislukt en teruggedraaid; ${what}. ${describeError(error)}` };
    }
  }

  /** Step 1: what exists, what is the analyst's, which input cells differ from the plan, which charts are the add-in's. */
  private async look(context: Excel.RequestContext, plan: WorkbookPlan, sheets: readonly PlanSheet[]) {
    const settings = context.workbook.settings;
    const ownedSetting = settings.getItemOrNullObject(OWNED_SHEETS).load("value");
    const chartsSetting = settings.getItemOrNullObject(OWNED_CHARTS).load("value");
    const found = sheets.map((s) => ({ plan: s, sheet: context.workbook.worksheets.getItemOrNullObject(s.name) }));
    await context.sync();
    const owned = new Set<string>(parseSetting<string[]>(ownedSetting, []));
    const recordedCharts = parseSetting<OwnedChart[]>(chartsSetting, []);
    const exists = found.filter((f) => !f.sheet.isNullObject);
    // The input cells of the sheets the add-in wrote before: what the analyst may have typed there.
    const inputs = exists
      .filter((f) => owned.has(f.plan.name))
      .map((f) => ({ name: f.plan.name, cells: f.plan.cells.filter((c) => c.style === "input").map((cell) => ({ cell, range: f.sheet.getRange(a1(cell.row, cell.column)).load("values") })) }));
    const charts = exists.filter((f) => owned.has(f.plan.name)).map((f) => ({ name: f.plan.name, charts: f.sheet.charts.load("items/name") }));
    await context.sync();
    const conflicts: OverwriteConflict[] = [];
    for (const f of exists) if (!owned.has(f.plan.name)) conflicts.push({ sheet: f.plan.name, address: "", reason: "user-sheet", current: null, planned: null });
    for (const sheet of inputs) {
      for (const i of sheet.cells) {
        const current = i.range.values[0]![0] as CellValue;
        const planned = (i.cell.value ?? null) as CellValue;
        if (!isBlank(current) && !sameValue(current, planned)) conflicts.push({ sheet: sheet.name, address: a1(i.cell.row, i.cell.column), reason: "user-value", current, planned });
      }
    }
    // The add-in's charts: recorded in mkba.grafieken, or (a workbook from before that setting) named after a plan chart.
    const planChartIds = new Set(plan.sheets.flatMap((s) => (s.charts ?? []).map((c) => c.id)));
    const ours = (sheet: string, name: string) => (chartsSetting.isNullObject ? planChartIds.has(name) : recordedCharts.some((r) => r.sheet === sheet && r.name === name));
    const chartsToReplace = charts.flatMap((s) => s.charts.items.filter((c) => ours(s.name, c.name)).map((c) => ({ sheet: s.name, name: c.name })));
    return { owned, existing: exists.map((f) => f.plan.name), conflicts, chartsToReplace, ownedCharts: recordedCharts };
  }

  /** Step 3: the sheets that will be rewritten, the plan's names and the settings the write sets, as they are now. */
  private async snapshot(context: Excel.RequestContext, plan: WorkbookPlan, sheets: readonly PlanSheet[], rewritten: readonly string[]): Promise<Undo> {
    const validated = (name: string) => (sheets.find((s) => s.name === name)?.validations ?? []).map((v) => rangeAddress(v.range));
    const snapshots = await takeSnapshots(context, rewritten, validated);
    const names = plan.names.map((n) => ({ name: n.name, item: context.workbook.names.getItemOrNullObject(n.name).load("formula,comment") }));
    const keys = [...Object.keys(plan.settings), OWNED_SHEETS, OWNED_CHARTS];
    const settings = keys.map((key) => ({ key, item: context.workbook.settings.getItemOrNullObject(key).load("value") }));
    await context.sync();
    return {
      snapshots,
      names: names.map((n) => ({ name: n.name, formula: n.item.isNullObject ? "" : n.item.formula, comment: n.item.isNullObject ? "" : n.item.comment })),
      settings: settings.map((s) => ({ key: s.key, value: s.item.isNullObject ? null : s.item.value })),
    };
  }

  /** Step 5: undoes a failed write step by step; returns what could not be restored (Dutch), empty when all was. */
  private async undo(undo: Undo, created: readonly string[], renamed: readonly { from: string; to: string }[], newCharts: readonly NewChart[], oldChartsDeleted: boolean): Promise<string[]> {
    const left: string[] = [];
    const step = async (what: string, batch: (context: Excel.RequestContext) => Promise<void>) => {
      try {
        await this.own(() => runExcel(batch));
      } catch (error) {
        left.push(`${what} (${describeError(error)})`);
      }
    };
    await step("de nieuwe grafieken verwijderen", async (context) => {
      const found = newCharts.map((c) => context.workbook.worksheets.getItemOrNullObject(c.sheet));
      await context.sync();
      newCharts.forEach((c, i) => {
        if (found[i]!.isNullObject) return;
        // Under its temporary name, or under its final one when the renaming got that far.
        found[i]!.charts.getItemOrNullObject(c.name).delete();
      });
      await context.sync();
    });
    if (oldChartsDeleted) left.push("de oude grafieken van de invoegtoepassing waren al verwijderd");
    for (const name of created) {
      await step(`het nieuwe blad ${name} verwijderen`, async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (!ws.isNullObject) ws.delete();
        await context.sync();
      });
    }
    // The names first: the sheets' formulas refer to them (a formula entered while its name is missing errs).
    await step("de namen terugzetten", async (context) => {
      const now = undo.names.map((n) => ({ ...n, item: context.workbook.names.getItemOrNullObject(n.name).load("formula,comment") }));
      await context.sync();
      for (const n of now) {
        if (!n.item.isNullObject && (n.formula === "" || n.item.formula !== n.formula || n.item.comment !== n.comment)) n.item.delete();
        if (n.formula !== "" && (n.item.isNullObject || n.item.formula !== n.formula || n.item.comment !== n.comment)) context.workbook.names.add(n.name, n.formula, n.comment);
      }
      await context.sync();
    });
    for (const snapshot of undo.snapshots) await step(`blad ${snapshot.name} terugzetten`, (context) => restoreSnapshot(context, snapshot));
    await step("de instellingen terugzetten", async (context) => {
      for (const s of undo.settings) {
        if (s.value === null) context.workbook.settings.getItemOrNullObject(s.key).delete();
        else context.workbook.settings.add(s.key, s.value as string);
      }
      await context.sync();
    });
    for (const r of renamed) {
      await step(`blad ${r.to} terug hernoemen naar ${r.from}`, async (context) => {
        context.workbook.worksheets.getItem(r.to).name = r.from;
        await context.sync();
      });
    }
    return left;
  }

  /** "<name>", else "<name> 2", "<name> 3", …: a sheet name that is not taken (Excel allows 31 characters). */
  private async freeName(context: Excel.RequestContext, name: string): Promise<string> {
    for (let i = 1; i < 100; i++) {
      const candidate = (i === 1 ? name : `${name} ${i}`).slice(0, 31);
      const sheet = context.workbook.worksheets.getItemOrNullObject(candidate);
      await context.sync();
      if (sheet.isNullObject) return candidate;
    }
    throw new Error(`geen vrije bladnaam voor ${name}`);
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    return runExcel(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load("values");
      await context.sync();
      return range.values as CellValue[][];
    });
  }

  /**
   * The used range of a sheet (values only) from A1, read in bands of rows that keep each answer well within Excel's
   * payload limit; null when the sheet is not there.
   */
  async readSheet(sheet: string): Promise<CellValue[][] | null> {
    return runExcel(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (ws.isNullObject) return null;
      const used = ws.getUsedRangeOrNullObject(true).load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      await context.sync();
      if (used.isNullObject) return [];
      const rows = used.rowIndex + used.rowCount;
      const columns = used.columnIndex + used.columnCount;
      const band = Math.max(1, Math.floor(CELLS_PER_SHEET_READ / columns));
      const out: CellValue[][] = [];
      for (let row = 0; row < rows; row += band) {
        const range = ws.getRange(rangeAddress({ row, column: 0, rowCount: Math.min(band, rows - row), columnCount: columns })).load("values");
        await context.sync();
        out.push(...(range.values as CellValue[][]));
      }
      return out;
    });
  }

  async readCells(cells: readonly { sheet: string; row: number; column: number }[]): Promise<CellValue[]> {
    return runExcel(async (context) => {
      const out: CellValue[] = [];
      for (let i = 0; i < cells.length; i += CELLS_PER_READ) {
        const ranges = cells.slice(i, i + CELLS_PER_READ).map((c) => context.workbook.worksheets.getItem(c.sheet).getRange(a1(c.row, c.column)).load("values"));
        await context.sync();
        out.push(...ranges.map((r) => r.values[0]![0] as CellValue));
      }
      return out;
    });
  }

  async unresolvedCalls(): Promise<{ cells: UnresolvedCall[]; skipped: string[] }> {
    return runExcel(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((ws) => ({ name: ws.name, range: ws.getUsedRangeOrNullObject().load("rowIndex,columnIndex,rowCount,columnCount,cellCount") }));
      await context.sync();
      const cells: UnresolvedCall[] = [];
      const skipped: string[] = [];
      for (const { name, range } of used) {
        if (range.isNullObject) continue;
        if (range.cellCount > UNRESOLVED_SCAN_LIMIT) {
          skipped.push(name);
          continue;
        }
        // In blocks of rows, so that no answer comes near the 5 MB a request may carry in Excel on the web.
        const rowsPerRead = Math.max(1, Math.floor(CELLS_PER_SCAN / range.columnCount));
        for (let r = 0; r < range.rowCount; r += rowsPerRead) {
          // A range a method returned lives for one sync only (Office.js's InvalidObjectPath): each block by its indexes.
          const block = context.workbook.worksheets.getItem(name).getRangeByIndexes(range.rowIndex + r, range.columnIndex, Math.min(rowsPerRead, range.rowCount - r), range.columnCount).load("values,formulas");
          await context.sync();
          block.formulas.forEach((row, i) =>
            row.forEach((formula, k) => {
              if (typeof formula === "string" && block.values[i]![k] === "#NAME?" && formula.startsWith("=") && addinCallIds(formula).length > 0) cells.push({ sheet: name, row: range.rowIndex + r + i, column: range.columnIndex + k, formula });
            }),
          );
        }
      }
      return { cells, skipped };
    });
  }

  async reenterFormulas(cells: readonly UnresolvedCall[]): Promise<void> {
    await this.own(() =>
      runExcel(async (context) => {
        for (let i = 0; i < cells.length; i += CELLS_PER_READ) {
          for (const c of cells.slice(i, i + CELLS_PER_READ)) context.workbook.worksheets.getItem(c.sheet).getRange(a1(c.row, c.column)).formulas = [[c.formula]];
          await context.sync();
        }
      }),
    );
  }

  async writeCell(sheet: string, row: number, column: number, value: number | string | boolean | null): Promise<void> {
    await this.own(() =>
      runExcel(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(a1(row, column)).values = [[value === null ? "" : typeof value === "string" ? asTyped(value) : value]];
        await context.sync();
      }),
    );
  }

  /**
   * Hands the analyst's changes on a sheet to `handler`; the add-in's own writes are left out — by the event's
   * trigger source where Excel gives it (ExcelApi 1.14), else while the add-in writes and shortly after.
   */
  async onSheetChanged(sheet: string, handler: (change: SheetChange) => void): Promise<() => Promise<void>> {
    const bySource = supportsOptional("triggerSource");
    return this.listen(sheet, (ws) =>
      ws.onChanged.add(async (event) => {
        const own = bySource ? event.triggerSource === "ThisLocalAddin" : this.writing > 0 || Date.now() < this.quietUntil;
        if (!own) handler({ address: event.address });
      }),
    );
  }

  /** Calls back after each calculation of the sheet (Worksheet.onCalculated, ExcelApi 1.8): custom functions are done. */
  async onSheetCalculated(sheet: string, handler: () => void): Promise<() => Promise<void>> {
    return this.listen(sheet, (ws) => ws.onCalculated.add(async () => handler()));
  }

  private async listen(sheet: string, add: (ws: Excel.Worksheet) => OfficeExtension.EventHandlerResult<unknown>): Promise<() => Promise<void>> {
    const registration = await runExcel(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      // The event's arguments carry the sheet's id: it must be loaded before an event can be told.
      ws.load("id");
      const result = add(ws);
      await context.sync();
      return result;
    });
    return async () => {
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  }

  /**
   * Resolves after the next calculation of one of these sheets, or after `timeoutMs` — whichever comes first. A reader
   * that saw `#BUSY!` reads again afterwards (session.ts).
   */
  async calculated(sheets: readonly string[], timeoutMs: number): Promise<void> {
    let fire = () => {};
    const fired = new Promise<void>((resolve) => (fire = resolve));
    const stops = await Promise.all([...new Set(sheets)].map((s) => this.onSheetCalculated(s, () => fire())));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([fired, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  }

  async namedRange(name: string): Promise<{ sheet: string; address: string } | null> {
    return runExcel(async (context) => {
      const item = context.workbook.names.getItemOrNullObject(name);
      await context.sync();
      if (item.isNullObject) return null;
      const range = item.getRangeOrNullObject();
      range.load("address");
      await context.sync();
      if (range.isNullObject) return null;
      // "Invoer!A40:Q90" or "'Lopende aanpak'!A1:B2" (a quote in a sheet name doubled).
      const at = range.address.lastIndexOf("!");
      const sheet = range.address.slice(0, at).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      return { sheet, address: range.address.slice(at + 1) };
    });
  }

  async getSetting(key: string): Promise<string | null> {
    return runExcel(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      await context.sync();
      return item.isNullObject ? null : String(item.value);
    });
  }

  async setSetting(key: string, value: string): Promise<void> {
    await runExcel(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }
}

