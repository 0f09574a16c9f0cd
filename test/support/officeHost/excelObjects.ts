/**
 * The Excel object model the protocol host answers, by wire name (the names Office.js sends: `Worksheets`, `GetRange`,
 * `Values`): workbook, worksheets, ranges (values, formulas, number formats, cell and column properties, spills), range
 * formats, data validation, names, settings, charts with series and axes, freeze panes, the application's
 * calculation, and the event registrations of Worksheet.onChanged / onCalculated. Anything else is answered with
 * Excel's `NotImplemented`; what each member does is written beside it, and docs/testing.md lists where it differs
 * from Excel.
 */
import { Area, MAX_COLUMNS, MAX_ROWS, absoluteAddress, areaAddress, sheetReference, cellKey, cellsOf, contains, overlaps, parseArea, qualified } from "./addresses";
import { HostError, HostObject, NullObject, QueryInfo, notImplemented } from "./protocol";
import { CellFormat, ChartState, DEFAULT_COLUMN_WIDTH, HostWorkbook, SheetState, ValidationState } from "./workbook";

type Scalar = { get?: () => unknown; set?: (value: unknown) => void };

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** More cells than this in one `values`/`formulas` load are refused (Excel on the web answers with a payload error first). */
const MAX_LOADED_CELLS = 2_000_000;

abstract class ExcelObject implements HostObject {
  readonly isNull: boolean = false;
  abstract readonly className: string;
  protected scalars(): Record<string, Scalar> {
    return {};
  }
  protected navigation(): Record<string, () => HostObject> {
    return {};
  }
  protected methods(): Record<string, (...args: unknown[]) => unknown> {
    return {};
  }
  property(name: string): HostObject {
    const nav = this.navigation()[name];
    if (!nav) throw notImplemented(this.className, name);
    return nav();
  }
  invoke(name: string, args: unknown[]): unknown {
    const method = this.methods()[name];
    if (!method) throw notImplemented(this.className, `${name}()`);
    return method(...args);
  }
  setProperty(name: string, value: unknown): void {
    const scalar = this.scalars()[name];
    if (!scalar) throw notImplemented(this.className, name);
    if (!scalar.set) throw new HostError("InvalidArgument", `${this.className}.${name} is read-only.`);
    scalar.set(value);
  }
  /** A load: the selected scalar properties, navigation properties by "nav/prop", every scalar when nothing is selected. */
  query(query: QueryInfo): unknown {
    const scalars = this.scalars();
    const select = (query.Select ?? []).map((s) => s.replace(/^items\//, ""));
    const out: Record<string, unknown> = {};
    if (select.length === 0 || select.includes("*")) {
      for (const [name, s] of Object.entries(scalars)) if (s.get && !EXPENSIVE.has(name)) out[name] = s.get();
    }
    const nested = new Map<string, string[]>();
    for (const entry of select) {
      if (entry === "*") continue;
      const [head, ...rest] = entry.split("/");
      const name = pascal(head!);
      if (rest.length === 0 && scalars[name]?.get) out[name] = scalars[name]!.get!();
      else if (this.navigation()[name]) nested.set(name, [...(nested.get(name) ?? []), ...(rest.length ? [rest.join("/")] : [])]);
      else throw notImplemented(this.className, `${head} (load)`);
    }
    for (const [name, sub] of nested) out[name] = this.property(name).query({ Select: sub });
    return { ...this.identity(), ...out };
  }
  identity(): Record<string, unknown> {
    return {};
  }
  indexer(args: unknown[]): HostObject {
    throw notImplemented(this.className, `[${args.map(String).join(", ")}]`);
  }
}

/** Properties Excel would not put in a load of "all scalars" for a big range here (they stay loadable by name). */
const EXPENSIVE = new Set(["Values", "Formulas", "FormulasLocal", "FormulasR1C1", "NumberFormat", "Text", "ValueTypes", "ValuesAsJson"]);

abstract class CollectionObject<T extends ExcelObject> extends ExcelObject {
  abstract items(): T[];
  /** The item by key (name or id), or null. */
  abstract find(key: string): T | null;
  protected collectionMethods(): Record<string, (...args: unknown[]) => unknown> {
    return {
      GetCount: () => this.items().length,
      GetItem: (key) => this.find(String(key)) ?? this.notFound(String(key)),
      GetItemOrNullObject: (key) => this.find(String(key)) ?? new NullObject(this.className),
      GetItemAt: (index) => {
        const item = this.items()[Number(index)];
        if (!item) throw new HostError("ItemNotFound", `There is no item at index ${String(index)}.`);
        return item;
      },
    };
  }
  protected notFound(key: string): never {
    throw new HostError("ItemNotFound", `The requested resource "${key}" doesn't exist.`);
  }
  override query(query: QueryInfo): unknown {
    let items = this.items();
    if (query.Skip) items = items.slice(query.Skip);
    if (query.Top !== undefined) items = items.slice(0, query.Top);
    return { _Items: items.map((i) => i.query({ Select: query.Select ?? [] })) };
  }
  override indexer(args: unknown[]): HostObject {
    return this.find(String(args[0])) ?? this.notFound(String(args[0]));
  }
}

// ------------------------------------------------------------------------------------------------ workbook

export class WorkbookObject extends ExcelObject {
  readonly className = "Workbook";
  constructor(readonly book: HostWorkbook) {
    super();
  }
  protected override navigation() {
    return {
      Worksheets: () => new WorksheetCollectionObject(this.book),
      Names: () => new NameCollectionObject(this.book),
      Settings: () => new SettingCollectionObject(this.book),
      Tables: () => new TableCollectionObject(this.book, null),
      Application: () => new ApplicationObject(this.book),
    };
  }
  protected override scalars(): Record<string, Scalar> {
    return { Name: { get: () => "Map1.xlsx" } };
  }
}

class ApplicationObject extends ExcelObject {
  readonly className = "Application";
  constructor(readonly book: HostWorkbook) {
    super();
  }
  protected override scalars(): Record<string, Scalar> {
    return {
      CalculationMode: {
        get: () => this.book.calculationMode,
        set: (v) => {
          if (!["Automatic", "Manual", "AutomaticExceptTables"].includes(String(v))) throw new HostError("InvalidArgument", `Calculation mode "${String(v)}" is not valid.`);
          this.book.calculationMode = v as HostWorkbook["calculationMode"];
        },
      },
      CalculationState: { get: () => (this.book.calculating ? "Calculating" : "Done") },
    };
  }
  protected override methods() {
    return {
      Calculate: () => this.book.changed(),
      SuspendApiCalculationUntilNextSync: () => undefined,
    };
  }
}

/**
 * Office's add-in service, which office.js itself calls when the shared runtime has registered its ribbon commands
 * (`NotifyActionHandlerReady`): Excel takes note, the host does too.
 */
export class AddinInternalServiceObject extends ExcelObject {
  readonly className = "AddinInternalService";
  actionHandlerReady = false;
  protected override methods() {
    return { NotifyActionHandlerReady: () => void (this.actionHandlerReady = true) };
  }
}

// ------------------------------------------------------------------------------------------------ worksheets

class WorksheetCollectionObject extends CollectionObject<WorksheetObject> {
  readonly className = "WorksheetCollection";
  constructor(readonly book: HostWorkbook) {
    super();
  }
  items() {
    return this.book.sheets.map((s) => new WorksheetObject(this.book, s));
  }
  find(key: string) {
    const sheet = this.book.findSheet(key);
    return sheet ? new WorksheetObject(this.book, sheet) : null;
  }
  protected override notFound(key: string): never {
    throw new HostError("ItemNotFound", `The requested resource "${key}" doesn't exist.`, 404);
  }
  protected override methods() {
    return {
      ...this.collectionMethods(),
      Add: (name: unknown) => new WorksheetObject(this.book, this.book.addSheet(name === undefined || name === null ? undefined : String(name))),
      GetActiveWorksheet: () => this.items()[0]!,
      GetFirst: () => this.items()[0]!,
      GetLast: () => this.items()[this.book.sheets.length - 1]!,
    };
  }
}

class WorksheetObject extends ExcelObject {
  readonly className = "Worksheet";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
  ) {
    super();
  }
  override identity() {
    return { Id: this.sheet.id };
  }
  /** A worksheet deleted earlier in the batch (or in an earlier one) is gone: anything on it fails, as in Excel. */
  alive(): SheetState {
    if (!this.book.exists(this.sheet)) throw new HostError("ItemNotFound", "The worksheet has been deleted.", 404);
    return this.sheet;
  }
  protected override scalars(): Record<string, Scalar> {
    return {
      Name: { get: () => this.book.nameOf(this.alive()), set: (v) => this.book.renameSheet(this.alive(), String(v)) },
      Id: { get: () => this.alive().id },
      Position: {
        get: () => this.book.sheets.indexOf(this.alive()),
        set: (v) => {
          const sheets = this.book.sheets;
          sheets.splice(sheets.indexOf(this.alive()), 1);
          sheets.splice(Math.max(0, Math.min(sheets.length, Number(v))), 0, this.sheet);
        },
      },
      Visibility: {
        get: () => this.alive().visibility,
        set: (v) => {
          if (!["Visible", "Hidden", "VeryHidden"].includes(String(v))) throw new HostError("InvalidArgument", `Visibility "${String(v)}" is not valid.`);
          this.alive().visibility = v as SheetState["visibility"];
        },
      },
      TabColor: { get: () => this.alive().tabColor, set: (v) => (this.alive().tabColor = String(v)) },
    };
  }
  protected override navigation() {
    return {
      Charts: () => new ChartCollectionObject(this.book, this.alive()),
      Tables: () => new TableCollectionObject(this.book, this.alive()),
      FreezePanes: () => new FreezePanesObject(this.book, this.alive()),
    };
  }
  protected override methods() {
    const register = (type: number, on: boolean) => () => {
      const key = `${type}|${this.alive().id}`;
      if (on) this.book.registrations.add(key);
      else this.book.registrations.delete(key);
    };
    return {
      GetRange: (address: unknown) => new RangeObject(this.book, this.alive(), address === undefined || address === null || address === "" ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parseArea(String(address))),
      GetCell: (row: unknown, column: unknown) => new RangeObject(this.book, this.alive(), { row: Number(row), column: Number(column), rows: 1, columns: 1 }),
      GetRangeByIndexes: (row: unknown, column: unknown, rows: unknown, columns: unknown) => new RangeObject(this.book, this.alive(), { row: Number(row), column: Number(column), rows: Number(rows), columns: Number(columns) }),
      GetUsedRange: (valuesOnly: unknown) => new RangeObject(this.book, this.alive(), this.book.usedArea(this.alive(), valuesOnly === true) ?? { row: 0, column: 0, rows: 1, columns: 1 }),
      GetUsedRangeOrNullObject: (valuesOnly: unknown) => {
        const used = this.book.usedArea(this.alive(), valuesOnly === true);
        return used ? new RangeObject(this.book, this.sheet, used) : new NullObject("Range");
      },
      Delete: () => this.book.deleteSheet(this.alive()),
      Activate: () => undefined,
      Calculate: () => this.book.changed(),
      _RegisterDataChangedEvent: register(10, true),
      _UnregisterDataChangedEvent: register(10, false),
      _RegisterCalculatedEvent: register(16, true),
      _UnregisterCalculatedEvent: register(16, false),
    };
  }
}

class FreezePanesObject extends ExcelObject {
  readonly className = "WorksheetFreezePanes";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
  ) {
    super();
  }
  protected override methods() {
    const count = (v: unknown) => {
      const n = v === undefined || v === null ? 1 : Number(v);
      if (!Number.isInteger(n) || n < 0) throw new HostError("InvalidArgument", `Freeze count ${String(v)} is not valid.`);
      return n;
    };
    return {
      FreezeRows: (n: unknown) => void (this.sheet.freeze = { rows: count(n), columns: 0 }),
      FreezeColumns: (n: unknown) => void (this.sheet.freeze = { rows: 0, columns: count(n) }),
      FreezeAt: (target: unknown) => {
        const area = target instanceof RangeObject ? target.area : parseArea(String(target));
        this.sheet.freeze = { rows: area.row + area.rows, columns: area.column + area.columns };
      },
      Unfreeze: () => void (this.sheet.freeze = null),
      GetLocationOrNullObject: () => {
        const f = this.sheet.freeze;
        if (!f || (f.rows === 0 && f.columns === 0)) return new NullObject("Range");
        return new RangeObject(this.book, this.sheet, { row: 0, column: 0, rows: f.rows || MAX_ROWS, columns: f.columns || MAX_COLUMNS });
      },
    };
  }
}

// ------------------------------------------------------------------------------------------------ ranges

type CellProperties = { format?: { fill?: { color?: unknown }; font?: Record<string, unknown>; columnWidth?: unknown; wrapText?: unknown; horizontalAlignment?: unknown }; address?: unknown };

export class RangeObject extends ExcelObject {
  readonly className = "Range";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
    readonly area: Area,
  ) {
    super();
  }
  private alive(): SheetState {
    if (!this.book.exists(this.sheet)) throw new HostError("ItemNotFound", "The worksheet of this range has been deleted.", 404);
    return this.sheet;
  }
  get sheetName(): string {
    return this.book.nameOf(this.alive());
  }
  private grid<T>(f: (row: number, column: number) => T): T[][] {
    const a = this.area;
    if (a.rows * a.columns > MAX_LOADED_CELLS) throw new HostError("ResponsePayloadSizeLimitExceeded", `The range ${areaAddress(a)} has too many cells to load.`);
    return Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.columns }, (_, c) => f(a.row + r, a.column + c)));
  }
  private write(matrix: unknown, what: string): void {
    this.book.writeCells(this.alive(), this.area, matrix, what);
    this.book.emitChanged(this.sheet, this.area, "ThisLocalAddin");
  }
  /** A scalar set on a whole range (e.g. `numberFormat = "0"`) is Excel's shorthand for the same value in every cell. */
  private asMatrix<T>(value: T | T[][]): T[][] {
    return Array.isArray(value) ? value : Array.from({ length: this.area.rows }, () => Array.from({ length: this.area.columns }, () => value));
  }
  protected override scalars(): Record<string, Scalar> {
    const book = this.book;
    const a = this.area;
    return {
      Address: { get: () => qualified(this.sheetName, a) },
      AddressLocal: { get: () => qualified(this.sheetName, a) },
      RowIndex: { get: () => a.row },
      ColumnIndex: { get: () => a.column },
      RowCount: { get: () => a.rows },
      ColumnCount: { get: () => a.columns },
      CellCount: { get: () => a.rows * a.columns },
      IsEntireColumn: { get: () => a.rows === MAX_ROWS },
      IsEntireRow: { get: () => a.columns === MAX_COLUMNS },
      Values: { get: () => this.grid((r, c) => book.valueOf(this.alive(), r, c)), set: (v) => this.write(this.asMatrix(v), "values") },
      Formulas: { get: () => this.grid((r, c) => book.formulaOf(this.alive(), r, c)), set: (v) => this.write(this.asMatrix(v), "formulas") },
      ValueTypes: {
        get: () =>
          this.grid((r, c) => {
            const v = book.valueOf(this.alive(), r, c);
            return v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : /^#[A-Z/0!?]+[!?A-Z]*$/.test(v) ? "Error" : "String";
          }),
      },
      NumberFormat: {
        get: () => this.grid((r, c) => this.alive().numberFormats.get(cellKey(r, c)) ?? "General"),
        set: (v) => {
          const matrix = this.asMatrix(v as unknown);
          if (matrix.length !== a.rows || matrix.some((row) => !Array.isArray(row) || row.length !== a.columns)) throw new HostError("InvalidArgument", "The number format array doesn't match the range.");
          matrix.forEach((row, r) =>
            (row as unknown[]).forEach((f, c) => {
              if (f === null || f === undefined) return;
              if (typeof f !== "string") throw new HostError("InvalidArgument", "A number format must be text.");
              this.alive().numberFormats.set(cellKey(a.row + r, a.column + c), f);
            }),
          );
        },
      },
      HasSpill: { get: () => [...cellsOf(this.boundedArea())].some(([r, c]) => book.spillArea(this.alive(), r, c) !== null) },
    };
  }
  /** The part of a whole-column or whole-sheet range that has content (for the questions that scan cells). */
  private boundedArea(): Area {
    const used = this.book.usedArea(this.alive(), false);
    if (!used) return { ...this.area, rows: 0, columns: 0 };
    const row = Math.max(this.area.row, used.row);
    const column = Math.max(this.area.column, used.column);
    return { row, column, rows: Math.max(0, Math.min(this.area.row + this.area.rows, used.row + used.rows) - row), columns: Math.max(0, Math.min(this.area.column + this.area.columns, used.column + used.columns) - column) };
  }
  protected override navigation() {
    return {
      Format: () => new RangeFormatObject(this.book, this.alive(), this.area),
      DataValidation: () => new DataValidationObject(this.book, this.alive(), this.area),
    };
  }
  private range(area: Area): RangeObject {
    if (area.row < 0 || area.column < 0 || area.row + area.rows > MAX_ROWS || area.column + area.columns > MAX_COLUMNS || area.rows < 1 || area.columns < 1) {
      throw new HostError("InvalidArgument", "The range would lie outside the sheet.");
    }
    return new RangeObject(this.book, this.alive(), area);
  }
  protected override methods() {
    const a = this.area;
    const book = this.book;
    return {
      Clear: (applyTo: unknown) => {
        book.clear(this.alive(), a, applyTo === undefined || applyTo === null ? "All" : String(applyTo));
        book.emitChanged(this.sheet, a, "ThisLocalAddin");
      },
      // The client splits a set of more than 1.500 cells into rows itself: it checks the size, then sets bands made
      // of GetRow(i) and GetBoundingRect.
      _ValidateArraySize: (rows: unknown, columns: unknown) => {
        if (Number(rows) !== a.rows || Number(columns) !== a.columns) {
          throw new HostError("InvalidArgument", `The number of rows or columns in the input array (${String(rows)} × ${String(columns)}) doesn't match the size or dimensions of the range (${areaAddress(a)}).`);
        }
      },
      GetRow: (i: unknown) => this.range({ row: a.row + Number(i), column: a.column, rows: 1, columns: a.columns }),
      GetColumn: (i: unknown) => this.range({ row: a.row, column: a.column + Number(i), rows: a.rows, columns: 1 }),
      GetLastRow: () => this.range({ row: a.row + a.rows - 1, column: a.column, rows: 1, columns: a.columns }),
      GetLastColumn: () => this.range({ row: a.row, column: a.column + a.columns - 1, rows: a.rows, columns: 1 }),
      GetBoundingRect: (other: unknown) => {
        const b = other instanceof RangeObject ? other.area : parseArea(String(other));
        const row = Math.min(a.row, b.row);
        const column = Math.min(a.column, b.column);
        return this.range({ row, column, rows: Math.max(a.row + a.rows, b.row + b.rows) - row, columns: Math.max(a.column + a.columns, b.column + b.columns) - column });
      },
      GetEntireColumn: () => this.range({ row: 0, column: a.column, rows: MAX_ROWS, columns: a.columns }),
      GetEntireRow: () => this.range({ row: a.row, column: 0, rows: a.rows, columns: MAX_COLUMNS }),
      GetCell: (r: unknown, c: unknown) => this.range({ row: a.row + Number(r), column: a.column + Number(c), rows: 1, columns: 1 }),
      GetOffsetRange: (r: unknown, c: unknown) => this.range({ ...a, row: a.row + Number(r), column: a.column + Number(c) }),
      GetResizedRange: (r: unknown, c: unknown) => this.range({ ...a, rows: a.rows + Number(r), columns: a.columns + Number(c) }),
      GetSpillingToRangeOrNullObject: () => {
        const spill = a.rows * a.columns === 1 ? book.spillArea(this.alive(), a.row, a.column) : null;
        return spill ? this.range(spill) : new NullObject("Range");
      },
      GetSpillParentOrNullObject: () => {
        const parent = a.rows * a.columns === 1 ? book.spillParent(this.alive(), a.row, a.column) : null;
        return parent ? this.range({ row: parent.row, column: parent.column, rows: 1, columns: 1 }) : new NullObject("Range");
      },
      GetCellProperties: (spec: unknown) => this.grid((r, c) => cellProperties(this.alive().cellFormats.get(cellKey(r, c)), spec as CellProperties, () => qualified(this.sheetName, { row: r, column: c, rows: 1, columns: 1 }))),
      SetCellProperties: (matrix: unknown) => {
        const rows = matrix as CellProperties[][];
        if (!Array.isArray(rows) || rows.length !== a.rows || rows.some((row) => !Array.isArray(row) || row.length !== a.columns)) throw new HostError("InvalidArgument", "The cell properties array doesn't match the range.");
        rows.forEach((row, r) => row.forEach((p, c) => p && applyFormat(this.alive(), a.row + r, a.column + c, p)));
      },
      GetColumnProperties: (spec: unknown) =>
        Array.from({ length: a.columns }, (_, c) => ({
          ...((spec as CellProperties)?.format?.columnWidth ? { format: { columnWidth: this.alive().columnWidths.get(a.column + c) ?? DEFAULT_COLUMN_WIDTH } } : {}),
          ...((spec as CellProperties)?.address ? { address: qualified(this.sheetName, { row: 0, column: a.column + c, rows: MAX_ROWS, columns: 1 }) } : {}),
          columnIndex: a.column + c,
        })),
      SetColumnProperties: (list: unknown) => {
        const row = list as CellProperties[];
        if (!Array.isArray(row) || row.length !== a.columns) throw new HostError("InvalidArgument", "The column properties array doesn't match the range.");
        row.forEach((p, c) => {
          const width = p?.format?.columnWidth;
          // Excel's default width set explicitly looks the same as none: kept as none.
          if (width !== undefined && width !== null) setWidth(this.alive(), a.column + c, Number(width));
        });
      },
      Select: () => undefined,
      Calculate: () => book.changed(),
    };
  }
}

function setWidth(sheet: SheetState, column: number, width: number): void {
  if (width === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(column);
  else sheet.columnWidths.set(column, width);
}

function cellProperties(format: CellFormat | undefined, spec: CellProperties, address: () => string): CellProperties {
  const f = format ?? {};
  const out: CellProperties = {};
  if (spec?.address) out.address = address();
  if (spec?.format) {
    const want = spec.format;
    out.format = {};
    if (want.fill) out.format.fill = { color: f.fill ?? "#FFFFFF" };
    if (want.font) {
      const font: Record<string, unknown> = {};
      if (want.font.bold) font.bold = f.bold ?? false;
      if (want.font.italic) font.italic = f.italic ?? false;
      if (want.font.color) font.color = f.color ?? "#000000";
      if (want.font.size) font.size = f.size ?? 11;
      if (want.font.name) font.name = f.fontName ?? "Aptos Narrow";
      out.format.font = font;
    }
    if (want.wrapText) out.format.wrapText = f.wrapText ?? false;
    if (want.horizontalAlignment) out.format.horizontalAlignment = f.horizontalAlignment ?? "General";
  }
  return out;
}

const normaliseColor = (v: unknown): string => {
  const s = String(v).trim();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  const named: Record<string, string> = { white: "#FFFFFF", black: "#000000", yellow: "#FFFF00", red: "#FF0000" };
  const known = named[s.toLowerCase()];
  if (!known) throw new HostError("InvalidArgument", `The color "${s}" is not valid.`);
  return known;
};

function applyFormat(sheet: SheetState, row: number, column: number, p: CellProperties): void {
  const key = cellKey(row, column);
  const f: CellFormat = { ...(sheet.cellFormats.get(key) ?? {}) };
  const fill = p.format?.fill?.color;
  if (fill !== undefined && fill !== null) f.fill = normaliseColor(fill);
  const font = p.format?.font ?? {};
  if (font.bold !== undefined && font.bold !== null) f.bold = Boolean(font.bold);
  if (font.italic !== undefined && font.italic !== null) f.italic = Boolean(font.italic);
  if (font.color !== undefined && font.color !== null) f.color = normaliseColor(font.color);
  if (font.size !== undefined && font.size !== null) f.size = Number(font.size);
  if (font.name !== undefined && font.name !== null) f.fontName = String(font.name);
  if (p.format?.wrapText !== undefined && p.format.wrapText !== null) f.wrapText = Boolean(p.format.wrapText);
  if (p.format?.horizontalAlignment !== undefined && p.format.horizontalAlignment !== null) f.horizontalAlignment = String(p.format.horizontalAlignment);
  sheet.cellFormats.set(key, f);
}

/** Range.format and its fill and font: one value for the whole range when uniform, null when cells differ (as Excel). */
class RangeFormatObject extends ExcelObject {
  readonly className = "RangeFormat";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
    readonly area: Area,
  ) {
    super();
  }
  protected override scalars(): Record<string, Scalar> {
    const a = this.area;
    const uniform = <T>(get: (f: CellFormat) => T) => {
      let first: T | undefined;
      let i = 0;
      for (const [r, c] of cellsOf(a)) {
        const v = get(this.sheet.cellFormats.get(cellKey(r, c)) ?? {});
        if (i++ === 0) first = v;
        else if (v !== first) return null;
        if (i > 10_000) break;
      }
      return first ?? null;
    };
    const setAll = (p: CellProperties) => {
      if (a.rows * a.columns > 1_000_000) throw new HostError("RangeExceedsLimit", "Formatting this many cells one by one is not supported by the test host.");
      for (const [r, c] of cellsOf(a)) applyFormat(this.sheet, r, c, p);
    };
    return {
      ColumnWidth: {
        get: () => {
          const widths = new Set(Array.from({ length: Math.min(a.columns, 1000) }, (_, c) => this.sheet.columnWidths.get(a.column + c) ?? DEFAULT_COLUMN_WIDTH));
          return widths.size === 1 ? [...widths][0] : null;
        },
        set: (v) => {
          const width = Number(v);
          if (!Number.isFinite(width) || width < 0 || width > 255 * 7.5) throw new HostError("InvalidArgument", `Column width ${String(v)} is not valid.`);
          for (let c = a.column; c < a.column + a.columns; c++) setWidth(this.sheet, c, width);
        },
      },
      RowHeight: { get: () => 15, set: () => undefined },
      WrapText: { get: () => uniform((f) => f.wrapText ?? false), set: (v) => setAll({ format: { wrapText: v } }) },
      HorizontalAlignment: { get: () => uniform((f) => f.horizontalAlignment ?? "General"), set: (v) => setAll({ format: { horizontalAlignment: v } }) },
    };
  }
  protected override navigation() {
    return {
      Fill: () => new FormatPartObject("RangeFill", this.sheet, this.area, { Color: ["fill", "color"] }),
      Font: () => new FormatPartObject("RangeFont", this.sheet, this.area, { Bold: ["font", "bold"], Italic: ["font", "italic"], Color: ["font", "color"], Size: ["font", "size"], Name: ["font", "name"] }),
    };
  }
  protected override methods() {
    return { AutofitColumns: () => undefined, AutofitRows: () => undefined };
  }
}

class FormatPartObject extends ExcelObject {
  constructor(
    readonly className: string,
    readonly sheet: SheetState,
    readonly area: Area,
    readonly fields: Record<string, ["fill" | "font", string]>,
  ) {
    super();
  }
  protected override scalars(): Record<string, Scalar> {
    const out: Record<string, Scalar> = {};
    for (const [wire, [part, key]] of Object.entries(this.fields)) {
      const read = (f: CellFormat): unknown =>
        part === "fill" ? (f.fill ?? "#FFFFFF") : key === "bold" ? (f.bold ?? false) : key === "italic" ? (f.italic ?? false) : key === "color" ? (f.color ?? "#000000") : key === "size" ? (f.size ?? 11) : (f.fontName ?? "Aptos Narrow");
      out[wire] = {
        get: () => {
          const values = new Set<unknown>();
          for (const [r, c] of cellsOf(this.area)) {
            values.add(read(this.sheet.cellFormats.get(cellKey(r, c)) ?? {}));
            if (values.size > 1) return null;
          }
          return [...values][0] ?? null;
        },
        set: (v) => {
          const p: CellProperties = part === "fill" ? { format: { fill: { color: v } } } : { format: { font: { [key]: v } } };
          for (const [r, c] of cellsOf(this.area)) applyFormat(this.sheet, r, c, p);
        },
      };
    }
    return out;
  }
  protected override methods() {
    return {
      Clear: () => {
        for (const [r, c] of cellsOf(this.area)) {
          const f = this.sheet.cellFormats.get(cellKey(r, c));
          if (f) delete f.fill;
        }
      },
    };
  }
}

// ------------------------------------------------------------------------------------------------ data validation

const RULE_TYPES: Record<string, string> = { wholeNumber: "WholeNumber", decimal: "Decimal", list: "List", date: "Date", time: "Time", textLength: "TextLength", custom: "Custom" };

class DataValidationObject extends ExcelObject {
  readonly className = "DataValidation";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
    readonly area: Area,
  ) {
    super();
  }
  private covering(): ValidationState | null {
    return this.sheet.validations.find((v) => contains(v.area, this.area)) ?? null;
  }
  /** Setting a rule replaces the validation of the range; it may not cut through another validation's range. */
  private own(): ValidationState {
    const exact = this.sheet.validations.find((v) => v.area.row === this.area.row && v.area.column === this.area.column && v.area.rows === this.area.rows && v.area.columns === this.area.columns);
    if (exact) return exact;
    const cut = this.sheet.validations.find((v) => overlaps(v.area, this.area));
    if (cut) throw new HostError("InvalidOperation", `The range ${areaAddress(this.area)} overlaps the data validation of ${areaAddress(cut.area)}; clear it first.`);
    const created: ValidationState = { area: this.area, rule: null, errorAlert: null, prompt: null, ignoreBlanks: true };
    this.sheet.validations.push(created);
    return created;
  }
  protected override scalars(): Record<string, Scalar> {
    return {
      Rule: {
        get: () => this.covering()?.rule ?? {},
        set: (v) => {
          const rule = v as Record<string, unknown>;
          const kinds = Object.keys(rule ?? {}).filter((k) => rule[k] !== undefined && rule[k] !== null);
          if (kinds.length !== 1 || !RULE_TYPES[kinds[0]!]) throw new HostError("InvalidArgument", "A data validation rule needs exactly one of wholeNumber, decimal, list, date, time, textLength or custom.");
          this.own().rule = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
        },
      },
      ErrorAlert: { get: () => this.covering()?.errorAlert ?? { showAlert: true, style: "Stop", message: "", title: "" }, set: (v) => void (this.own().errorAlert = v as Record<string, unknown>) },
      Prompt: { get: () => this.covering()?.prompt ?? { showPrompt: false, message: "", title: "" }, set: (v) => void (this.own().prompt = v as Record<string, unknown>) },
      IgnoreBlanks: { get: () => this.covering()?.ignoreBlanks ?? true, set: (v) => void (this.own().ignoreBlanks = Boolean(v)) },
      Type: {
        get: () => {
          const covering = this.covering();
          if (covering?.rule) return RULE_TYPES[Object.keys(covering.rule)[0]!] ?? "None";
          return this.sheet.validations.some((v) => overlaps(v.area, this.area)) ? "Inconsistent" : "None";
        },
      },
    };
  }
  protected override methods() {
    return {
      Clear: () => {
        // Cells of the range lose their validation; a validation reaching outside keeps the part outside only when it
        // lies wholly outside (the host does not split areas: a partial clear removes the whole validation).
        this.sheet.validations = this.sheet.validations.filter((v) => !overlaps(v.area, this.area));
      },
    };
  }
}

// ------------------------------------------------------------------------------------------------ names

class NameCollectionObject extends CollectionObject<NameObject> {
  readonly className = "NamedItemCollection";
  constructor(readonly book: HostWorkbook) {
    super();
  }
  items() {
    return [...this.book.names.values()].map((n) => new NameObject(this.book, n.name));
  }
  find(key: string) {
    const known = this.book.names.get(key.toLowerCase());
    return known ? new NameObject(this.book, known.name) : null;
  }
  protected override methods() {
    return {
      ...this.collectionMethods(),
      Add: (name: unknown, reference: unknown, comment: unknown) => {
        const formula = reference instanceof RangeObject ? `=${sheetReference(reference.sheetName)}!${absoluteAddress(reference.area)}` : String(reference);
        this.book.addName(String(name), formula.startsWith("=") ? formula : `=${formula}`, comment === undefined || comment === null ? "" : String(comment));
        return new NameObject(this.book, String(name));
      },
    };
  }
}

class NameObject extends ExcelObject {
  readonly className = "NamedItem";
  constructor(
    readonly book: HostWorkbook,
    readonly name: string,
  ) {
    super();
  }
  override identity() {
    return { _Id: this.name };
  }
  private state() {
    const s = this.book.names.get(this.name.toLowerCase());
    if (!s) throw new HostError("ItemNotFound", `The name "${this.name}" has been deleted.`, 404);
    return s;
  }
  protected override scalars(): Record<string, Scalar> {
    return {
      Name: { get: () => this.state().name },
      Formula: { get: () => this.book.nameFormula(this.name) },
      Comment: { get: () => this.state().comment, set: (v) => void (this.state().comment = String(v)) },
      Visible: { get: () => this.state().visible, set: (v) => void (this.state().visible = Boolean(v)) },
      Type: { get: () => (this.book.nameRange(this.name) ? "Range" : this.book.nameFormula(this.name) === "=#REF!" ? "Error" : "Formula") },
    };
  }
  protected override methods() {
    const range = () => {
      const to = this.book.nameRange(this.state().name);
      return to ? new RangeObject(this.book, to.sheet, to.area) : null;
    };
    return {
      Delete: () => this.book.deleteName(this.state().name),
      // ExcelApi 1.4: where the name points now; a name that refers to no range (a constant, #REF!) has none.
      GetRange: () => range() ?? (() => { throw new HostError("InvalidOperation", `The name "${this.name}" does not refer to a range.`); })(),
      GetRangeOrNullObject: () => range() ?? new NullObject("Range"),
    };
  }
}

// ------------------------------------------------------------------------------------------------ settings

class SettingCollectionObject extends CollectionObject<SettingObject> {
  readonly className = "SettingCollection";
  constructor(readonly book: HostWorkbook) {
    super();
  }
  items() {
    return [...this.book.settings.keys()].map((k) => new SettingObject(this.book, k));
  }
  find(key: string) {
    return this.book.settings.has(key) ? new SettingObject(this.book, key) : null;
  }
  protected override methods() {
    return {
      ...this.collectionMethods(),
      Add: (key: unknown, value: unknown) => {
        const k = String(key);
        if (k.length === 0 || k.length > 255) throw new HostError("InvalidArgument", "A setting key must have 1 to 255 characters.");
        this.book.settings.set(k, JSON.parse(JSON.stringify(value ?? null)) as unknown);
        return new SettingObject(this.book, k);
      },
    };
  }
}

class SettingObject extends ExcelObject {
  readonly className = "Setting";
  constructor(
    readonly book: HostWorkbook,
    readonly key: string,
  ) {
    super();
  }
  override identity() {
    return { _Id: this.key };
  }
  protected override scalars(): Record<string, Scalar> {
    return {
      Key: { get: () => this.key },
      Value: { get: () => this.book.settings.get(this.key) ?? null, set: (v) => void this.book.settings.set(this.key, JSON.parse(JSON.stringify(v ?? null)) as unknown) },
    };
  }
  protected override methods() {
    return { Delete: () => void this.book.settings.delete(this.key) };
  }
}

// ------------------------------------------------------------------------------------------------ tables

/**
 * Excel tables (ExcelApi 1.1; getItemOrNullObject 1.4): added over a range with its first row as headers, named, deleted.
 * As in Excel, a table name is unique in the workbook (letters, digits, _ and ., not starting with a digit) and two
 * tables may not overlap. Nothing else of a table (styles, totals, sorting, rows) is modelled.
 */
class TableCollectionObject extends CollectionObject<TableObject> {
  readonly className = "TableCollection";
  constructor(
    readonly book: HostWorkbook,
    /** The worksheet's tables, or (null) the workbook's. */
    readonly sheet: SheetState | null,
  ) {
    super();
  }
  private all() {
    return this.book.allTables().filter((t) => this.sheet === null || t.sheet === this.sheet);
  }
  items() {
    return this.all().map((t) => new TableObject(this.book, t.sheet, t.table));
  }
  find(key: string) {
    const found = this.all().find((t) => t.table.id === key) ?? this.all().find((t) => t.table.name.toLowerCase() === key.toLowerCase());
    return found ? new TableObject(this.book, found.sheet, found.table) : null;
  }
  protected override methods() {
    return {
      ...this.collectionMethods(),
      Add: (address: unknown, hasHeaders: unknown) => {
        let sheet = this.sheet;
        let area: Area;
        if (address instanceof RangeObject) {
          sheet = address.sheet;
          area = address.area;
        } else {
          const text = String(address);
          const bang = text.lastIndexOf("!");
          if (bang >= 0) {
            const name = text.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
            sheet = this.book.sheets.find((s) => this.book.nameOf(s).toLowerCase() === name.toLowerCase()) ?? null;
          }
          area = parseArea(bang >= 0 ? text.slice(bang + 1) : text);
        }
        if (!sheet) throw new HostError("InvalidArgument", `The address "${String(address)}" does not name a worksheet.`);
        if (hasHeaders !== true) throw new HostError("NotImplemented", "A table without a header row is not modelled by the host.");
        if (this.book.allTables().some((t) => t.sheet === sheet && overlaps(t.table.area, area))) throw new HostError("InvalidOperation", "A table can't overlap another table.");
        let n = this.book.allTables().length + 1;
        while (this.book.allTables().some((t) => t.table.name === `Tabel${n}`)) n++;
        const table = { id: this.book.newTableId(), name: `Tabel${n}`, area: { row: area.row, column: area.column, rows: area.rows, columns: area.columns } };
        sheet.tables.push(table);
        return new TableObject(this.book, sheet, table);
      },
    };
  }
}

class TableObject extends ExcelObject {
  readonly className = "Table";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
    readonly table: { id: string; name: string; area: Area },
  ) {
    super();
  }
  override identity() {
    return { Id: this.table.id };
  }
  private alive() {
    if (!this.sheet.tables.includes(this.table as never) || !this.book.exists(this.sheet)) throw new HostError("ItemNotFound", "The table has been deleted.", 404);
    return this.table;
  }
  protected override scalars(): Record<string, Scalar> {
    return {
      Id: { get: () => this.alive().id },
      Name: {
        get: () => this.alive().name,
        set: (v) => {
          const name = String(v);
          if (!/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new HostError("InvalidArgument", `"${name}" is not a valid table name.`);
          if (this.book.allTables().some((t) => t.table !== this.table && t.table.name.toLowerCase() === name.toLowerCase()) || this.book.names.has(name.toLowerCase())) throw new HostError("ItemAlreadyExists", `A table or name "${name}" already exists.`);
          this.alive().name = name;
        },
      },
      ShowHeaders: { get: () => true },
    };
  }
  protected override navigation() {
    return { Worksheet: () => new WorksheetObject(this.book, this.sheet) };
  }
  protected override methods() {
    return {
      GetRange: () => (this.alive(), new RangeObject(this.book, this.sheet, this.table.area)),
      Delete: () => {
        const tables = this.sheet.tables;
        tables.splice(tables.indexOf(this.alive() as never), 1);
      },
    };
  }
}

// ------------------------------------------------------------------------------------------------ charts

const CHART_TYPES = new Set(["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "LineStacked", "Pie", "Doughnut", "Area", "AreaStacked", "XYScatter", "XYScatterLines", "Histogram", "Waterfall"]);

class ChartCollectionObject extends CollectionObject<ChartObject> {
  readonly className = "ChartCollection";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
  ) {
    super();
  }
  items() {
    return this.sheet.charts.map((c) => new ChartObject(this.book, this.sheet, c));
  }
  find(key: string) {
    const chart = this.sheet.charts.find((c) => c.id === key) ?? this.sheet.charts.find((c) => c.name === key);
    return chart ? new ChartObject(this.book, this.sheet, chart) : null;
  }
  protected override methods() {
    return {
      ...this.collectionMethods(),
      Add: (type: unknown, source: unknown, seriesBy: unknown) => {
        if (!CHART_TYPES.has(String(type))) throw new HostError("InvalidArgument", `The chart type "${String(type)}" is not valid.`);
        if (!(source instanceof RangeObject)) throw new HostError("InvalidArgument", "The source data of a chart must be a range.");
        const a = source.area;
        const byColumns = seriesBy === "Columns" || ((seriesBy === "Auto" || seriesBy === undefined || seriesBy === null) && a.rows >= a.columns);
        const series = byColumns
          ? Array.from({ length: a.columns }, (_, c) => ({ values: qualified(source.sheetName, { row: a.row, column: a.column + c, rows: a.rows, columns: 1 }) }))
          : Array.from({ length: a.rows }, (_, r) => ({ values: qualified(source.sheetName, { row: a.row + r, column: a.column, rows: 1, columns: a.columns }) }));
        const chart: ChartState = { id: this.book.newChartId(), sheet: this.book.nameOf(this.sheet), name: `Grafiek ${this.sheet.charts.length + 1}`, type: String(type), series };
        this.sheet.charts.push(chart);
        return new ChartObject(this.book, this.sheet, chart);
      },
    };
  }
}

class ChartObject extends ExcelObject {
  readonly className = "Chart";
  constructor(
    readonly book: HostWorkbook,
    readonly sheet: SheetState,
    readonly chart: ChartState,
  ) {
    super();
  }
  override identity() {
    return { Id: this.chart.id };
  }
  private alive(): ChartState {
    if (!this.sheet.charts.includes(this.chart) || !this.book.exists(this.sheet)) throw new HostError("ItemNotFound", "The chart has been deleted.", 404);
    return this.chart;
  }
  protected override scalars(): Record<string, Scalar> {
    return {
      Name: { get: () => this.alive().name, set: (v) => void (this.alive().name = String(v)) },
      Id: { get: () => this.alive().id },
      ChartType: {
        get: () => this.alive().type,
        set: (v) => {
          if (!CHART_TYPES.has(String(v))) throw new HostError("InvalidArgument", `The chart type "${String(v)}" is not valid.`);
          this.alive().type = String(v);
        },
      },
      Top: { get: () => 0, set: () => undefined },
      Left: { get: () => 0, set: () => undefined },
      Width: { get: () => 360, set: () => undefined },
      Height: { get: () => 216, set: () => undefined },
    };
  }
  protected override navigation() {
    const chart = () => this.alive();
    return {
      Title: () => new TextPartObject("ChartTitle", () => chart().title, (v) => (chart().title = v)),
      Series: () => new ChartSeriesCollectionObject(this.alive()),
      Axes: () => new ChartAxesObject(this.alive()),
      Legend: () => new SettableObject("ChartLegend", ["Visible", "Position"]),
    };
  }
  protected override methods() {
    const where = (v: unknown) => (v instanceof RangeObject ? qualified(v.sheetName, v.area) : String(v));
    return {
      SetPosition: (start: unknown, end: unknown) => {
        if (!(start instanceof RangeObject)) parseArea(String(start));
        if (end !== undefined && end !== null && !(end instanceof RangeObject)) parseArea(String(end));
        this.alive().position = { start: where(start), ...(end === undefined || end === null ? {} : { end: where(end) }) };
      },
      Delete: () => {
        const charts = this.sheet.charts;
        charts.splice(charts.indexOf(this.alive()), 1);
        this.chart.deleted = true;
      },
    };
  }
}

/** An object whose settable properties are accepted and kept, nothing else (chart legend). */
class SettableObject extends ExcelObject {
  private readonly values = new Map<string, unknown>();
  constructor(
    readonly className: string,
    readonly names: string[],
  ) {
    super();
  }
  protected override scalars(): Record<string, Scalar> {
    return Object.fromEntries(this.names.map((n) => [n, { get: () => this.values.get(n) ?? null, set: (v: unknown) => void this.values.set(n, v) }]));
  }
}

class TextPartObject extends ExcelObject {
  constructor(
    readonly className: string,
    readonly read: () => string | undefined,
    readonly write: (text: string) => void,
  ) {
    super();
  }
  protected override scalars(): Record<string, Scalar> {
    return { Text: { get: () => this.read() ?? "", set: (v) => this.write(String(v)) }, Visible: { get: () => true, set: () => undefined } };
  }
}

class ChartAxesObject extends ExcelObject {
  readonly className = "ChartAxes";
  constructor(readonly chart: ChartState) {
    super();
  }
  protected override navigation() {
    const axis = (field: "valueAxisTitle" | "categoryAxisTitle", name: string) => () => new ChartAxisObject(name, this.chart, field);
    return { ValueAxis: axis("valueAxisTitle", "ChartAxis"), CategoryAxis: axis("categoryAxisTitle", "ChartAxis") };
  }
}

class ChartAxisObject extends ExcelObject {
  constructor(
    readonly className: string,
    readonly chart: ChartState,
    readonly field: "valueAxisTitle" | "categoryAxisTitle",
  ) {
    super();
  }
  protected override navigation() {
    return { Title: () => new TextPartObject("ChartAxisTitle", () => this.chart[this.field], (v) => (this.chart[this.field] = v)) };
  }
  protected override scalars(): Record<string, Scalar> {
    return { NumberFormat: { get: () => "General", set: () => undefined } };
  }
}

class ChartSeriesCollectionObject extends CollectionObject<ChartSeriesObject> {
  readonly className = "ChartSeriesCollection";
  constructor(readonly chart: ChartState) {
    super();
  }
  items() {
    return this.chart.series.map((_, i) => new ChartSeriesObject(this.chart, i));
  }
  find(): ChartSeriesObject | null {
    return null;
  }
  protected override methods() {
    return {
      ...this.collectionMethods(),
      Add: (name: unknown) => {
        this.chart.series.push(name === undefined || name === null ? {} : { name: String(name) });
        return new ChartSeriesObject(this.chart, this.chart.series.length - 1);
      },
    };
  }
}

class ChartSeriesObject extends ExcelObject {
  readonly className = "ChartSeries";
  constructor(
    readonly chart: ChartState,
    readonly index: number,
  ) {
    super();
  }
  private series() {
    const s = this.chart.series[this.index];
    if (!s) throw new HostError("ItemNotFound", `The chart has no series ${this.index}.`, 404);
    return s;
  }
  protected override scalars(): Record<string, Scalar> {
    return { Name: { get: () => this.series().name ?? "", set: (v) => void (this.series().name = String(v)) } };
  }
  protected override methods() {
    const range = (v: unknown) => {
      if (!(v instanceof RangeObject)) throw new HostError("InvalidArgument", "The series data must be a range.");
      return qualified(v.sheetName, v.area);
    };
    return {
      SetValues: (v: unknown) => void (this.series().values = range(v)),
      SetXAxisValues: (v: unknown) => void (this.series().categories = range(v)),
      Delete: () => void this.chart.series.splice(this.index, 1),
    };
  }
}
