/**
 * The Office.js writer and reader of workbook plans (WorkbookGateway, src/office/gateway.ts): the only code that calls
 * the Excel API. It decides nothing about content — that is the plan's.
 *
 * Writing a plan:
 * 1. look: which plan sheets exist, which of them the add-in wrote (document setting `mkba.sheets`), and which input
 *    cells hold a value other than the plan's;
 * 2. ask once, with every conflict; "no" writes nothing. A sheet of the analyst's with a plan sheet's name is never
 *    deleted: it is renamed "<naam> (eigen)" and kept;
 * 3. take a copy (formulas and values) of every sheet that will be rewritten;
 * 4. write in phases (sheets, constants, names, formulas, formats, validation, charts, settings), with progress;
 * 5. when any phase fails: delete the sheets created, put the copies back, rename the analyst's sheets back — no
 *    half-written sheet is left.
 */
import type { CellValue } from "../engine/cells";
import { PlanCell, PlanSheet, STYLE_LOOK, WorkbookPlan, a1, rangeAddress, rangeRef, spillFormat } from "../engine/workbook/plan";
import type { OverwriteConflict, WorkbookGateway, WriteOptions, WriteOutcome } from "./gateway";

const OWNED_SHEETS = "mkba.sheets";
/** Excel's column width is in points; a character of the default font is about 7 points wide. */
const POINTS_PER_CHARACTER = 7;
const CHART_TYPES = { columnClustered: "ColumnClustered", columnStacked: "ColumnStacked", barClustered: "BarClustered", line: "Line" } as const;

type Matrix = (string | number | boolean | null)[][];

/** A text Excel would read as a number, date, percentage or formula gets a leading apostrophe, so it stays text. */
function asTyped(value: string | number | boolean): string | number | boolean {
  return typeof value === "string" && /^\s*([=+\-@]|[\d.,%€\s/:-]+$)/.test(value) && value.trim() !== "" ? `'${value}` : value;
}

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
  return { address: rangeAddress({ row: 0, column: 0, rowCount: rows, columnCount: columns }), values, formulas, formats, rows, columns };
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

export class ExcelGateway implements WorkbookGateway {
  get available(): boolean {
    return typeof Excel !== "undefined" && typeof Excel.run === "function";
  }

  async writePlan(plan: WorkbookPlan, options: WriteOptions): Promise<WriteOutcome> {
    const sheets = plan.sheets.filter((s) => !options.sheets || options.sheets.includes(s.name));
    const progress = (done: number, what: string) => options.progress?.(done, 8, what);
    // 1. Look.
    const state = await Excel.run(async (context) => {
      const settings = context.workbook.settings.getItemOrNullObject(OWNED_SHEETS);
      settings.load("value");
      const found = sheets.map((s) => ({ plan: s, sheet: context.workbook.worksheets.getItemOrNullObject(s.name) }));
      await context.sync();
      const owned = new Set<string>(settings.isNullObject ? [] : (JSON.parse(String(settings.value)) as string[]));
      const exists = found.filter((f) => !f.sheet.isNullObject);
      // The input cells of the sheets the add-in wrote before: what the analyst may have typed there.
      const inputs = new Map(
        exists
          .filter((f) => owned.has(f.plan.name))
          .map((f) => [f.plan.name, f.plan.cells.filter((c) => c.style === "input").map((cell) => ({ cell, range: f.sheet.getRange(a1(cell.row, cell.column)).load("values") }))]),
      );
      await context.sync();
      const conflicts: OverwriteConflict[] = [];
      for (const f of exists) {
        if (!owned.has(f.plan.name)) {
          conflicts.push({ sheet: f.plan.name, address: "", reason: "user-sheet", current: null, planned: null });
          continue;
        }
        for (const i of inputs.get(f.plan.name) ?? []) {
          const current = i.range.values[0]![0] as CellValue;
          const planned = (i.cell.value ?? null) as CellValue;
          if (!isBlank(current) && !sameValue(current, planned)) conflicts.push({ sheet: f.plan.name, address: a1(i.cell.row, i.cell.column), reason: "user-value", current, planned });
        }
      }
      return { owned, existing: exists.map((f) => f.plan.name), conflicts };
    });
    // 2. Ask.
    if (state.conflicts.length > 0 && !(await options.confirm(state.conflicts))) return { status: "cancelled" };
    const userSheets = state.conflicts.filter((c) => c.reason === "user-sheet").map((c) => c.sheet);
    const rewritten = state.existing.filter((name) => !userSheets.includes(name));
    const created: string[] = [];
    // 3. Copy what will be rewritten.
    const copies = await Excel.run(async (context) => {
      const used = rewritten.map((name) => ({ name, range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject() }));
      used.forEach((u) => u.range.load(["address", "formulas"]));
      await context.sync();
      return used.filter((u) => !u.range.isNullObject).map((u) => ({ name: u.name, address: u.range.address.split("!").pop()!, formulas: u.range.formulas as Matrix }));
    });
    // 4. Write.
    try {
      await Excel.run(async (context) => {
        const book = context.workbook;
        for (const name of userSheets) book.worksheets.getItem(name).name = await this.freeName(context, `${name} (eigen)`);
        const targets = new Map<string, Excel.Worksheet>();
        for (const s of sheets) {
          if (rewritten.includes(s.name)) {
            const ws = book.worksheets.getItem(s.name);
            ws.getRange().clear();
            ws.charts.load("items/name");
            targets.set(s.name, ws);
          } else {
            targets.set(s.name, book.worksheets.add(s.name));
            created.push(s.name);
          }
        }
        await context.sync();
        for (const ws of targets.values()) ws.charts.items.forEach((c) => c.delete());
        progress(1, "bladen klaargezet");
        const dense = new Map(sheets.map((s) => [s.name, matrices(s)]));
        for (const s of sheets) {
          const m = dense.get(s.name)!;
          targets.get(s.name)!.getRange(m.address).values = m.values as never;
        }
        await context.sync();
        progress(2, "waarden geschreven");
        const existingNames = plan.names.map((n) => book.names.getItemOrNullObject(n.name));
        await context.sync();
        existingNames.filter((n) => !n.isNullObject).forEach((n) => n.delete());
        plan.names.forEach((n) => book.names.add(n.name, `=${rangeRef(n.sheet, n.range)}`, n.comment));
        await context.sync();
        progress(3, "namen vastgelegd");
        for (const s of sheets) {
          const m = dense.get(s.name)!;
          targets.get(s.name)!.getRange(m.address).formulas = m.formulas as never;
        }
        await context.sync();
        progress(4, "formules geschreven");
        for (const s of sheets) {
          const ws = targets.get(s.name)!;
          const m = dense.get(s.name)!;
          ws.getRange(m.address).numberFormat = m.formats as never;
          for (const run of styleRuns(s)) applyStyle(ws.getRange(run.address), run.style);
          for (const [column, width] of Object.entries(s.columnWidths ?? {})) ws.getRange(`${a1(0, Number(column))}`).getEntireColumn().format.columnWidth = width * POINTS_PER_CHARACTER;
          if (s.freeze) ws.freezePanes.freezeAt(ws.getRange(rangeAddress({ row: 0, column: 0, rowCount: Math.max(1, s.freeze.rows), columnCount: Math.max(1, s.freeze.columns) })));
        }
        await context.sync();
        progress(5, "opmaak toegepast");
        for (const s of sheets) {
          for (const v of s.validations ?? []) {
            const range = targets.get(s.name)!.getRange(rangeAddress(v.range));
            range.dataValidation.clear();
            range.dataValidation.rule = validationRule(v.rule);
            range.dataValidation.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "MKBA" };
          }
        }
        await context.sync();
        progress(6, "invoercontrole ingesteld");
        for (const s of sheets) {
          const ws = targets.get(s.name)!;
          for (const chart of s.charts ?? []) {
            const [first, ...rest] = chart.series;
            if (!first) continue;
            const c = ws.charts.add(CHART_TYPES[chart.type], book.worksheets.getItem(first.values.sheet).getRange(rangeAddress(first.values.range)), "Auto");
            c.name = chart.id;
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
          }
        }
        await context.sync();
        progress(7, "grafieken gemaakt");
        const owned = [...new Set([...state.owned, ...sheets.map((s) => s.name)])];
        for (const [k, v] of Object.entries({ ...plan.settings, [OWNED_SHEETS]: JSON.stringify(owned) })) book.settings.add(k, v);
        await context.sync();
        progress(8, "klaar");
      });
      return { status: "written", sheets: sheets.map((s) => s.name) };
    } catch (error) {
      // 5. Undo: nothing half-written stays behind.
      await Excel.run(async (context) => {
        for (const name of created) context.workbook.worksheets.getItemOrNullObject(name).delete();
        for (const copy of copies) {
          const ws = context.workbook.worksheets.getItem(copy.name);
          ws.getRange().clear();
          ws.getRange(copy.address).formulas = copy.formulas as never;
        }
        await context.sync();
        for (const name of userSheets) {
          const renamed = context.workbook.worksheets.getItemOrNullObject(`${name} (eigen)`);
          await context.sync();
          if (!renamed.isNullObject) renamed.name = name;
        }
        await context.sync();
      }).catch(() => undefined);
      return { status: "failed", message: `Het schrijven is mislukt en teruggedraaid; de werkmap is zoals hij was. ${describeError(error)}` };
    }
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
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load("values");
      await context.sync();
      return range.values as CellValue[][];
    });
  }

  async readCells(cells: readonly { sheet: string; row: number; column: number }[]): Promise<CellValue[]> {
    return Excel.run(async (context) => {
      const ranges = cells.map((c) => context.workbook.worksheets.getItem(c.sheet).getRange(a1(c.row, c.column)));
      ranges.forEach((r) => r.load("values"));
      await context.sync();
      return ranges.map((r) => r.values[0]![0] as CellValue);
    });
  }

  async writeCell(sheet: string, row: number, column: number, value: number | string | boolean | null): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(a1(row, column)).values = [[value === null ? "" : typeof value === "string" ? asTyped(value) : value]];
      await context.sync();
    });
  }

  async onSheetChanged(sheet: string, handler: (address: string) => void): Promise<() => Promise<void>> {
    const registration = await Excel.run(async (context) => {
      const result = context.workbook.worksheets.getItem(sheet).onChanged.add(async (event) => handler(event.address));
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

  async namedRange(name: string): Promise<{ sheet: string; address: string } | null> {
    return Excel.run(async (context) => {
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
    return Excel.run(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      await context.sync();
      return item.isNullObject ? null : String(item.value);
    });
  }

  async setSetting(key: string, value: string): Promise<void> {
    await Excel.run(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }
}
