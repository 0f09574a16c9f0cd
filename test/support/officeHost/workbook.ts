/**
 * The workbook behind the protocol host: a HyperFormula engine with every `MKBA.*` function (test/support/hyperformula.ts)
 * for cells, formulas, names and spills, plus what HyperFormula does not keep — sheet ids and order, number formats,
 * cell formats, column widths, data validation, charts, freeze panes, document settings — and the two things the
 * in-page Excel double it replaced never had:
 *
 * - **asynchronous custom functions**: after a change, every cell whose formula calls an `MKBA.*` function (and every
 *   cell that depends on one) reads `#BUSY!` until the calculation settles `calcDelayMs` later; then `Calculated`
 *   events go to the sheets that listen (Worksheet.onCalculated, ExcelApi 1.8);
 * - **events with their trigger source**: a change the add-in made reaches its own `onChanged` handlers with
 *   `triggerSource: "ThisLocalAddin"`, an analyst's edit with `"Unknown"` (ExcelApi 1.14).
 */
import { DetailedCellError, ErrorType, HyperFormula, SimpleCellAddress, SimpleCellRange } from "hyperformula";
import { CellValue } from "../../../src/engine/cells";
import { buildWorkbook, fromHfCell } from "../hyperformula";
import { Area, MAX_COLUMNS, MAX_ROWS, areaAddress, cellKey, cellsOf, contains, overlaps, parseArea } from "./addresses";
import { HostError } from "./protocol";
import { shownFormula } from "./storageForm";

export interface CellFormat {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fontName?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
}

export interface ValidationState {
  area: Area;
  rule: Record<string, unknown> | null;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
  ignoreBlanks: boolean;
}

export interface ChartSeriesState {
  name?: string;
  values?: string;
  categories?: string;
}

export interface ChartState {
  id: string;
  sheet: string;
  name: string;
  type: string;
  title?: string;
  valueAxisTitle?: string;
  categoryAxisTitle?: string;
  series: ChartSeriesState[];
  position?: { start: string; end?: string };
  deleted?: boolean;
}

export interface SheetState {
  readonly id: string;
  readonly hf: number;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  freeze: { rows: number; columns: number } | null;
  tabColor: string;
  charts: ChartState[];
  numberFormats: Map<string, string>;
  cellFormats: Map<string, CellFormat>;
  columnWidths: Map<number, number>;
  validations: ValidationState[];
  /** Excel tables on the sheet (a table's name is unique in the workbook; tables do not overlap). */
  tables: TableState[];
}

/** An Excel table: its name, its area (header row included) and whether it has headers. Recorded, nothing is drawn. */
export interface TableState {
  readonly id: string;
  name: string;
  readonly area: { row: number; column: number; rows: number; columns: number };
}

/** Excel's default column width: 8,43 characters = 64 pixels = 48 points. */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Excel refuses a formula of more than 8.192 characters. */
export const MAX_FORMULA_LENGTH = 8192;

export type RawContent = string | number | boolean | null;

/** Cell value as Excel's `values` shows it: "" for blank, an error as its code ("#DIV/0!"). */
export function excelValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return value.code;
  return value;
}

export class HostWorkbook {
  readonly hf: HyperFormula;
  readonly sheets: SheetState[] = [];
  readonly settings = new Map<string, unknown>();
  /** Names in Excel's case as added: lower-case key → the name as written, its formula and comment. */
  readonly names = new Map<string, { name: string; formula: string; comment: string; visible: boolean }>();
  /** Event registrations: "<eventType>|<targetId>". */
  readonly registrations = new Set<string>();
  calculationMode: "Automatic" | "Manual" | "AutomaticExceptTables" = "Automatic";
  private nextSheetId = 1;
  private nextChartId = 1;
  /** Ids differ from workbook to workbook (as Excel's GUIDs do), so that nothing registered for one answers another. */
  private readonly idPrefix = Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, "0").toUpperCase();
  private dirty = false;
  private stale = false;
  /** MKBA formulas written in this request, entered at its end (writeCells). */
  private deferred: { at: SimpleCellAddress; run: RawContent[] }[] = [];
  private busy: Set<string> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private settledWaiters: (() => void)[] = [];

  constructor(
    private readonly emit: (message: unknown) => void,
    readonly calcDelayMs: number,
  ) {
    // Array arithmetic as in Excel 365 (SUMPRODUCT(--(ABS(range)>range)) on the Controle sheet).
    this.hf = buildWorkbook({ Blad1: [] }, {}, { useArrayArithmetic: true, maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS });
    this.sheets.push(this.newSheetState(this.hf.getSheetId("Blad1")!));
  }

  // -------------------------------------------------------------------------------------------- sheets

  private newSheetState(hf: number): SheetState {
    const id = `{${this.idPrefix}-0001-0000-${String(this.nextSheetId++).padStart(4, "0")}-000000000000}`;
    return { id, hf, visibility: "Visible", freeze: null, tabColor: "", charts: [], numberFormats: new Map(), cellFormats: new Map(), columnWidths: new Map(), validations: [], tables: [] };
  }

  nameOf(sheet: SheetState): string {
    return this.hf.getSheetName(sheet.hf)!;
  }

  /** The sheet by name (case-insensitive, as Excel) or by id. */
  findSheet(key: string): SheetState | null {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.id === key || this.nameOf(s).toLowerCase() === lower) ?? null;
  }

  checkSheetName(name: string, except?: SheetState): void {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
      throw new HostError("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    const other = this.findSheet(name);
    if (other && other !== except) throw new HostError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): SheetState {
    let chosen = name;
    if (chosen === undefined || chosen === null) {
      for (let i = this.sheets.length + 1; !chosen || this.findSheet(chosen); i++) chosen = `Blad${i}`;
    }
    this.checkSheetName(chosen);
    const hfName = this.mutating().addSheet(chosen);
    const sheet = this.newSheetState(this.hf.getSheetId(hfName)!);
    this.sheets.push(sheet);
    this.changed();
    return sheet;
  }

  deleteSheet(sheet: SheetState): void {
    this.flushDeferred();
    if (this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
      throw new HostError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.mutating().removeSheet(sheet.hf);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const key of [...this.registrations]) if (key.endsWith(`|${sheet.id}`)) this.registrations.delete(key);
    this.changed();
  }

  renameSheet(sheet: SheetState, name: string): void {
    if (this.nameOf(sheet) === name) return;
    this.checkSheetName(name, sheet);
    const old = this.nameOf(sheet);
    this.mutating().renameSheet(sheet.hf, name);
    for (const s of this.sheets) for (const c of s.charts) if (c.sheet === old) c.sheet = name;
    this.changed();
  }

  exists(sheet: SheetState): boolean {
    return this.sheets.includes(sheet);
  }

  // -------------------------------------------------------------------------------------------- cells

  address(sheet: SheetState, row: number, column: number): SimpleCellAddress {
    return { sheet: sheet.hf, row, col: column };
  }

  /** The computed value of a cell as Excel's `values` shows it, `#BUSY!` while a custom function is pending. */
  valueOf(sheet: SheetState, row: number, column: number): string | number | boolean {
    if (this.dirty && this.busyCells().has(`${sheet.hf}:${row}:${column}`)) return "#BUSY!";
    const value = this.fresh().getCellValue(this.address(sheet, row, column));
    // An array without room shows #SPILL! in Excel (HyperFormula's own type; our cell values know only the classic codes).
    if (value instanceof DetailedCellError && value.type === ErrorType.SPILL) return "#SPILL!";
    return excelValue(fromHfCell(value));
  }

  formulaOf(sheet: SheetState, row: number, column: number): string | number | boolean {
    const formula = this.fresh().getCellFormula(this.address(sheet, row, column));
    return formula === undefined ? this.valueOf(sheet, row, column) : shownFormula(formula);
  }

  /**
   * Writes cells as Excel does for `values` and `formulas`: null leaves a cell, "" empties it, "'…" is text, "=…" is a
   * formula (refused beyond 8.192 characters), other text is read as Excel reads typing ("12" a number).
   */
  writeCells(sheet: SheetState, area: Area, matrix: unknown, what: string): void {
    if (!Array.isArray(matrix) || matrix.length !== area.rows || matrix.some((row) => !Array.isArray(row) || row.length !== area.columns)) {
      const size = Array.isArray(matrix) ? `${matrix.length} × ${Array.isArray(matrix[0]) ? matrix[0].length : "?"}` : typeof matrix;
      throw new HostError("InvalidArgument", `The number of rows or columns in the input array (${size}) doesn't match the size or dimensions of the range (${areaAddress(area)}).`);
    }
    const rows = matrix as unknown[][];
    for (const row of rows) {
      for (const v of row) {
        if (typeof v === "string" && v.startsWith("=") && v.length > MAX_FORMULA_LENGTH) {
          throw new HostError("FormulaLengthExceedsLimit", `The bytecode of the applied formula exceeds the maximum length limit (${v.length} > ${MAX_FORMULA_LENGTH} characters).`);
        }
        if (v !== null && typeof v === "object") throw new HostError("InvalidArgument", `${what}: a cell value must be a number, text or boolean.`);
      }
    }
    // Constants and native formulas are written with evaluation suspended, in order. A formula calling an MKBA function
    // waits until the end of the request (or the next read) and is then entered with evaluation running, so that a
    // spilling one is sized on computed arguments (HyperFormula sizes an array when the formula is entered).
    const isMkba = (v: unknown) => typeof v === "string" && v.startsWith("=") && /\bMKBA\./i.test(v);
    rows.forEach((row, r) => {
      let c = 0;
      while (c < row.length) {
        if (row[c] === null || row[c] === undefined) {
          c++;
          continue;
        }
        const start = c;
        const mkba = isMkba(row[c]);
        const run: RawContent[] = [];
        for (; c < row.length && row[c] !== null && row[c] !== undefined && isMkba(row[c]) === mkba; c++) run.push(toRaw(row[c] as string | number | boolean));
        const at = this.address(sheet, area.row + r, area.column + start);
        if (mkba) this.deferred.push({ at, run });
        else {
          if (this.deferred.some((d) => d.at.sheet === at.sheet && d.at.row === at.row && d.at.col < at.col + run.length && at.col < d.at.col + d.run.length)) this.flushDeferred();
          this.mutating().setCellContents(at, [run]);
        }
      }
    });
    this.changed();
  }

  /** Clears contents ("Contents"), formats ("Formats") or both ("All") of an area, as Range.clear. */
  clear(sheet: SheetState, area: Area, applyTo: string): void {
    this.flushDeferred();
    if (applyTo === "All" || applyTo === "Contents") {
      const used = this.contentBox(sheet);
      if (used) {
        const row0 = Math.max(area.row, used.row);
        const col0 = Math.max(area.column, used.column);
        const row1 = Math.min(area.row + area.rows, used.row + used.rows);
        const col1 = Math.min(area.column + area.columns, used.column + used.columns);
        if (row1 > row0 && col1 > col0) {
          this.mutating().setCellContents(this.address(sheet, row0, col0), Array.from({ length: row1 - row0 }, () => Array.from({ length: col1 - col0 }, () => null)));
        }
      }
      this.changed();
    }
    if (applyTo === "All" || applyTo === "Formats") {
      for (const map of [sheet.numberFormats, sheet.cellFormats]) {
        for (const key of [...map.keys()]) {
          const [r, c] = key.split(",").map(Number) as [number, number];
          if (overlaps(area, { row: r, column: c, rows: 1, columns: 1 })) map.delete(key);
        }
      }
    }
    if (applyTo === "All") sheet.validations = sheet.validations.filter((v) => !contains(area, v.area));
  }

  /** The bounding box of the cells HyperFormula holds content in (from A1, as its dimensions count). */
  contentBox(sheet: SheetState): Area | null {
    const { width, height } = this.hf.getSheetDimensions(sheet.hf);
    return width === 0 || height === 0 ? null : { row: 0, column: 0, rows: height, columns: width };
  }

  /** Excel's used range: the bounding box of every cell with a value, a formula or (unless valuesOnly) a format. */
  usedArea(sheet: SheetState, valuesOnly: boolean): Area | null {
    this.fresh();
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, c: number) => {
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    };
    const box = this.contentBox(sheet);
    if (box) {
      const serialized = this.hf.getSheetSerialized(sheet.hf);
      serialized.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && take(r, c)));
      // Spilled cells hold no content of their own but count as used.
      for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) if (this.hf.isCellPartOfArray(this.address(sheet, r, c))) take(r, c);
    }
    if (!valuesOnly) for (const key of [...sheet.numberFormats.keys(), ...sheet.cellFormats.keys()]) take(...(key.split(",").map(Number) as [number, number]));
    return r1 < 0 ? null : { row: r0, column: c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
  }

  /** The area a dynamic-array formula at (row, column) spills into, or null when it does not spill. */
  spillArea(sheet: SheetState, row: number, column: number): Area | null {
    this.fresh();
    const at = (r: number, c: number) => this.address(sheet, r, c);
    if (this.hf.getCellFormula(at(row, column)) === undefined || !this.hf.isCellPartOfArray(at(row, column))) return null;
    const child = (r: number, c: number) => this.hf.isCellPartOfArray(at(r, c)) && this.hf.getCellFormula(at(r, c)) === undefined;
    let columns = 1;
    while (column + columns < MAX_COLUMNS && child(row, column + columns)) columns++;
    let rows = 1;
    while (row + rows < MAX_ROWS && child(row + rows, column)) rows++;
    return rows * columns > 1 ? { row, column, rows, columns } : null;
  }

  /** The formula cell whose spill covers (row, column), or null. */
  spillParent(sheet: SheetState, row: number, column: number): { row: number; column: number } | null {
    const at = (r: number, c: number) => this.address(sheet, r, c);
    if (!this.hf.isCellPartOfArray(at(row, column))) return null;
    for (let r = row; r >= 0; r--) {
      for (let c = column; c >= 0; c--) {
        if (!this.hf.isCellPartOfArray(at(r, c))) break;
        if (this.hf.getCellFormula(at(r, c)) !== undefined) {
          const spill = this.spillArea(sheet, r, c);
          if (spill && contains(spill, { row, column, rows: 1, columns: 1 })) return { row: r, column: c };
        }
      }
    }
    return null;
  }

  /**
   * HyperFormula can leave a formula stale when what it refers to is entered after it — a range whose own formulas
   * come later (SUMPRODUCT(--(ABS(D6:D40)>E6:E40)) on Controle), a cell another sheet's dynamic array spills into later
   * ('Lopende aanpak'!E15 from Uitvoer); Excel recalculates both. So after formulas were written, every formula without
   * an MKBA function is entered again, once, before the next read: then its references meet the cells as they now are.
   * (HyperFormula's own rebuildAndRecalculate is no remedy: it sizes an MKBA array before its arguments are computed,
   * so the array errs with "voer de formule opnieuw in".)
   */
  formulasWritten(): void {
    this.stale = true;
  }

  private reenterNativeFormulas(): void {
    const hf = this.mutating();
    for (const sheet of this.sheets) {
      hf.getSheetFormulas(sheet.hf).forEach((row, r) => {
        let c = 0;
        while (c < row.length) {
          const native = (v: unknown) => typeof v === "string" && !/\bMKBA\./i.test(v);
          if (!native(row[c])) {
            c++;
            continue;
          }
          const start = c;
          const run: string[] = [];
          for (; c < row.length && native(row[c]); c++) run.push(row[c] as string);
          // Emptied first: HyperFormula keeps a cell whose content is set to what it already is.
          hf.setCellContents(this.address(sheet, r, start), [run.map(() => null)]);
          hf.setCellContents(this.address(sheet, r, start), [run]);
        }
      });
    }
  }

  /**
   * Changes to cells, names and sheets are made with HyperFormula's evaluation suspended, and evaluated once when
   * something is read: so a request that writes a sheet band by band does not recompute every MKBA function per band.
   */
  private mutating(): HyperFormula {
    if (!this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
    return this.hf;
  }

  /** Enters the MKBA formulas written since, with evaluation running (see writeCells). */
  flushDeferred(): void {
    if (this.deferred.length === 0) return;
    if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
    for (const { at, run } of this.deferred.splice(0)) this.hf.setCellContents(at, [run]);
  }

  /** Brings HyperFormula up to date before anything reads what it computed. */
  fresh(): HyperFormula {
    this.flushDeferred();
    if (this.stale) {
      this.stale = false;
      this.reenterNativeFormulas();
    }
    if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
    return this.hf;
  }

  // -------------------------------------------------------------------------------------------- rows (the analyst's)

  /**
   * Inserts (count > 0) or deletes (count < 0) whole rows at `row`, as Excel's Insert/Delete of rows: cells below move,
   * and with them every formula's and name's reference (HyperFormula's addRows/removeRows adjust them as Excel does; a
   * reference to a deleted cell becomes #REF!), number and cell formats, data validation and frozen rows.
   */
  shiftRows(sheet: SheetState, row: number, count: number): void {
    if (count === 0) return;
    this.flushDeferred();
    if (count > 0) this.mutating().addRows(sheet.hf, [row, count]);
    else this.mutating().removeRows(sheet.hf, [row, -count]);
    const moved = (r: number) => (r < row ? r : count < 0 && r < row - count ? null : r + count);
    for (const map of [sheet.numberFormats, sheet.cellFormats] as Map<string, unknown>[]) {
      const entries = [...map.entries()];
      map.clear();
      for (const [key, value] of entries) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        const to = moved(r);
        if (to !== null) map.set(cellKey(to, c), value);
      }
    }
    // A validated area keeps its rows: rows inserted inside it widen it, deleted ones narrow it (or remove it).
    sheet.validations = sheet.validations.flatMap((v) => {
      const kept = Array.from({ length: v.area.rows }, (_, i) => moved(v.area.row + i)).filter((r): r is number => r !== null);
      if (kept.length === 0) return [];
      const inside = count > 0 && v.area.row < row && row < v.area.row + v.area.rows;
      return [{ ...v, area: { ...v.area, row: kept[0]!, rows: inside ? v.area.rows + count : kept.length } }];
    });
    if (sheet.freeze && sheet.freeze.rows > row) sheet.freeze = { ...sheet.freeze, rows: Math.max(row, sheet.freeze.rows + count) };
    this.changed();
  }

  /**
   * Sorts the rows of `area` on one of its columns, ascending, as Excel's Sort (Data → Sort, "my data has no headers"):
   * numbers first, then text (case-insensitive), logical values, error values, blanks last; rows with equal keys keep
   * their order. Each row's contents and formats move with it; a formula moves as its text (Excel adjusts a relative
   * reference to another row as if the formula were copied — the fuzz sorts only rows whose formulas are absolute).
   * A block that holds part of a dynamic array is refused ("You can't change part of an array"). Returns the
   * permutation: row `i` of the area now holds what row `order[i]` held.
   */
  sortRows(sheet: SheetState, area: Area, column: number): number[] {
    const hf = this.fresh();
    const at = (r: number, c: number) => this.address(sheet, r, c);
    for (const [r, c] of cellsOf(area)) if (hf.isCellPartOfArray(at(r, c))) throw new HostError("InvalidOperation", "You can't change part of an array.");
    const rows = Array.from({ length: area.rows }, (_, i) => Array.from({ length: area.columns }, (_, c) => hf.getCellSerialized(at(area.row + i, area.column + c))));
    const keys = Array.from({ length: area.rows }, (_, i) => hf.getCellValue(at(area.row + i, column)));
    const rank = (v: unknown) => (v === null || v === "" ? 4 : typeof v === "number" ? 0 : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : 3);
    const compare = (x: number, y: number) => {
      const a = keys[x];
      const b = keys[y];
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      if (typeof a === "number" && typeof b === "number") return a - b;
      const sa = String(a ?? "").toLowerCase();
      const sb = String(b ?? "").toLowerCase();
      return sa < sb ? -1 : sa > sb ? 1 : x - y;
    };
    const order = rows.map((_, i) => i).sort((x, y) => compare(x, y) || x - y);
    const formats = [sheet.numberFormats, sheet.cellFormats] as Map<string, unknown>[];
    const saved = formats.map((map) => rows.map((_, i) => Array.from({ length: area.columns }, (_, c) => map.get(cellKey(area.row + i, area.column + c)))));
    const hfw = this.mutating();
    order.forEach((from, to) => {
      // Serialized contents are what HyperFormula takes back as they are (text that needs it keeps its leading ').
      hfw.setCellContents(at(area.row + to, area.column), [rows[from]!.map((v) => (v === undefined ? null : (v as RawContent)))]);
      formats.forEach((map, m) =>
        saved[m]![from]!.forEach((f, c) => {
          const key = cellKey(area.row + to, area.column + c);
          if (f === undefined) map.delete(key);
          else map.set(key, f);
        }),
      );
    });
    this.formulasWritten();
    this.changed();
    return order;
  }

  // -------------------------------------------------------------------------------------------- names

  /**
   * A name's reference as it stands now: Excel moves it with inserted or deleted rows and a renamed sheet (HyperFormula
   * does the same to its named expression); a name whose sheet is gone refers to #REF!.
   */
  nameFormula(name: string): string {
    const known = this.names.get(name.toLowerCase());
    if (!known) throw new HostError("ItemNotFound", `The name "${name}" has been deleted.`, 404);
    const formula = this.hf.getNamedExpressionFormula(known.name) ?? known.formula;
    const m = /^=('?)(.+?)\1!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(formula);
    if (m && !this.findSheet(m[2]!.replace(/''/g, "'"))) return "=#REF!";
    return formula;
  }

  /** The sheet and area a name refers to now, or null when it refers to no range (a constant, #REF!). */
  nameRange(name: string): { sheet: SheetState; area: Area } | null {
    const m = /^=('?)(.+?)\1!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(this.nameFormula(name));
    const sheet = m ? this.findSheet(m[2]!.replace(/''/g, "'")) : null;
    return m && sheet ? { sheet, area: parseArea(m[3]!) } : null;
  }


  addName(name: string, formula: string, comment: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name) || name.length > 255) {
      throw new HostError("InvalidArgument", `The name "${name}" is not valid.`);
    }
    if (this.names.has(name.toLowerCase())) throw new HostError("ItemAlreadyExists", `The name "${name}" already exists.`);
    try {
      this.mutating().addNamedExpression(name, formula);
    } catch (e) {
      throw new HostError("InvalidArgument", `The reference "${formula}" of the name "${name}" is not valid: ${(e as Error).message}`);
    }
    this.names.set(name.toLowerCase(), { name, formula, comment, visible: true });
    this.changed();
  }

  deleteName(name: string): void {
    const known = this.names.get(name.toLowerCase());
    if (!known) return;
    this.mutating().removeNamedExpression(known.name);
    this.names.delete(name.toLowerCase());
    this.changed();
  }

  // -------------------------------------------------------------------------------------------- charts

  private tableCount = 0;
  newTableId(): string {
    return `{T${++this.tableCount}}`;
  }

  /** Every table of every sheet that exists, with its sheet. */
  allTables(): { sheet: SheetState; table: TableState }[] {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  newChartId(): string {
    return `{${this.idPrefix}-0002-0000-${String(this.nextChartId++).padStart(4, "0")}-000000000000}`;
  }

  // -------------------------------------------------------------------------------------------- calculation

  /** Something changed that formulas may depend on: custom functions are pending until the calculation settles. */
  changed(): void {
    this.dirty = true;
    this.busy = null;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), this.calcDelayMs);
  }

  get calculating(): boolean {
    return this.dirty;
  }

  /** Resolves once no custom function is pending. */
  settled(): Promise<void> {
    return this.dirty ? new Promise((resolve) => this.settledWaiters.push(resolve)) : Promise.resolve();
  }

  private settle(): void {
    this.settleTimer = null;
    this.dirty = false;
    this.busy = null;
    for (const sheet of this.sheets) {
      if (this.registrations.has(`16|${sheet.id}`)) this.emitEvent(16, sheet.id, { address: "", worksheetId: sheet.id });
    }
    const waiters = this.settledWaiters.splice(0);
    waiters.forEach((w) => w());
  }

  /** Every cell that calls an MKBA function (with its spill) and every cell that depends on one: "sheet:row:col". */
  private busyCells(): Set<string> {
    this.fresh();
    if (this.busy) return this.busy;
    const busy = new Set<string>();
    const queue: SimpleCellAddress[] = [];
    const mark = (a: SimpleCellAddress) => {
      const key = `${a.sheet}:${a.row}:${a.col}`;
      if (busy.has(key)) return;
      busy.add(key);
      queue.push(a);
    };
    for (const sheet of this.sheets) {
      this.hf.getSheetFormulas(sheet.hf).forEach((row, r) =>
        row.forEach((formula, c) => {
          if (typeof formula !== "string" || !/\bMKBA\./i.test(formula)) return;
          mark(this.address(sheet, r, c));
          const spill = this.spillArea(sheet, r, c);
          if (spill) for (const [sr, sc] of cellsOf(spill)) mark(this.address(sheet, sr, sc));
        }),
      );
    }
    // A dependent that is a range (a formula's argument containing the cell) is not itself pending: the formulas that
    // read that range are, so the walk goes on through it without marking its cells (INDEX(Rekenkern!F:F; …) would
    // otherwise mark a million cells).
    const seenRanges = new Set<string>();
    const ranges: SimpleCellRange[] = [];
    const walk = (dependents: (SimpleCellAddress | SimpleCellRange)[]) => {
      for (const d of dependents) {
        if ("start" in d) {
          const key = `${d.start.sheet}:${d.start.row}:${d.start.col}:${d.end.row}:${d.end.col}`;
          if (!seenRanges.has(key)) {
            seenRanges.add(key);
            ranges.push(d);
          }
        } else mark(d);
      }
    };
    while (queue.length > 0 || ranges.length > 0) {
      if (queue.length > 0) walk(this.hf.getCellDependents(queue.pop()!));
      else walk(this.hf.getCellDependents(ranges.pop()!));
    }
    this.busy = busy;
    return busy;
  }

  // -------------------------------------------------------------------------------------------- events

  emitEvent(eventType: number, targetId: string, args: Record<string, unknown>): void {
    const message = { entries: [{ messageCategory: 65536, messageType: eventType, targetId, message: JSON.stringify(args), isRemoteOverride: false }] };
    setTimeout(() => this.emit(message), 0);
  }

  /** A Changed event (Worksheet.onChanged) to the sheet's listeners, if any. */
  emitChanged(sheet: SheetState, area: Area, triggerSource: "ThisLocalAddin" | "Unknown", changeType: "RangeEdited" | "RowInserted" | "RowDeleted" = "RangeEdited"): void {
    if (!this.registrations.has(`10|${sheet.id}`)) return;
    const shiftDirection = changeType === "RowInserted" ? "Down" : changeType === "RowDeleted" ? "Up" : "None";
    this.emitEvent(10, sheet.id, { address: areaAddress(area), changeType, source: "Local", worksheetId: sheet.id, triggerSource, shiftDirection });
  }
}

/** One entry of a `values`/`formulas` matrix as HyperFormula content, read as Excel reads it. */
function toRaw(v: string | number | boolean): RawContent {
  if (typeof v !== "string") return v;
  if (v === "") return null;
  // A leading apostrophe makes text in Excel and in HyperFormula alike; "=…" is a formula in both.
  return v;
}

export const isCellArea = (a: Area) => a.rows === 1 && a.columns === 1;
export { cellKey };
