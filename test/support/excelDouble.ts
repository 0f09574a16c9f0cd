/**
 * A double of the part of the Excel JavaScript API that src/office/excelGateway.ts uses, for the browser tests —
 * backed by a real formula engine (HyperFormula with every MKBA.* function, test/support/hyperformula.ts), so that the
 * formulas the task pane writes are really evaluated and tests assert on computed cells, not on calls made.
 *
 * Two halves, as in Office itself (the page queues commands on proxy objects; `context.sync()` sends the batch to
 * the host, which runs it in order and answers what was loaded):
 * - `installExcelShim` runs in the page (Playwright addInitScript): a global `Excel` with `Excel.run`, request
 *   contexts and proxy objects with load/sync semantics (a property read before `sync` is not there; `isNullObject`
 *   after `sync`); event handlers (`onChanged.add`) stay in the page and are called by the host;
 * - `ExcelDoubleHost` runs in Node (exposed to the page as `__excelHostSync`): worksheets, ranges, values, formulas,
 *   number formats, names, settings, data validation and charts over HyperFormula. A batch that fails part-way keeps
 *   what ran before the failing command, like Excel; `failWhen` injects such a failure.
 *
 * Not modelled: formats beyond number formats (recorded, not rendered), chart rendering, undo, dynamic-array spill
 * conflicts (#SPILL! when a spill area holds values), calculation modes.
 */
import { DetailedCellError, ErrorType, HyperFormula, SimpleCellAddress } from "hyperformula";
import { CellValue } from "../../src/engine/cells";
import { columnLetter } from "../../src/engine/workbook/plan";
import { buildWorkbook, fromHfCell } from "./hyperformula";

// ------------------------------------------------------------------------------------------------ page half

/** Runs in the page before any script: defines `Excel`. Self-contained (it is serialised by Playwright). */
export function installExcelShim(): void {
  type Op = Record<string, unknown>;
  const w = window as unknown as Record<string, unknown>;
  const handlers = new Map<string, (event: unknown) => unknown>();
  let counter = 0;
  const newId = () => `p${++counter}`;

  class Context {
    ops: Op[] = [];
    objects = new Map<string, { data: Record<string, unknown> }>();
    workbook: unknown;
    constructor() {
      this.workbook = this.object("workbook", null);
    }
    object(id: string, pending: Op | null): unknown {
      const ctx = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the proxy traps below need the context
      const state = { id, pending, data: {} as Record<string, unknown> };
      this.objects.set(id, state);
      const materialize = () => {
        if (state.pending) {
          const parent = state.pending.of as string | undefined;
          if (parent) (ctx.objects.get(parent) as unknown as { materialize?: () => void }).materialize?.();
          ctx.ops.push(state.pending);
          state.pending = null;
        }
      };
      (state as unknown as { materialize: () => void }).materialize = materialize;
      const encode = (value: unknown): unknown => {
        // Proxies are functions underneath: recognise them by their id before treating a function as a handler.
        const ref = value && (typeof value === "object" || typeof value === "function") ? (value as { __id?: string }).__id : undefined;
        if (ref) {
          (ctx.objects.get(ref) as unknown as { materialize: () => void }).materialize();
          return { ref };
        }
        if (typeof value === "function") {
          const handler = `h${++counter}`;
          handlers.set(handler, value as (event: unknown) => unknown);
          return { handler };
        }
        return value;
      };
      const proxy: unknown = new Proxy(function () {}, {
        get(_t, prop) {
          if (prop === "then" || typeof prop === "symbol") return undefined;
          if (prop === "__id") return id;
          if (prop === "context") return ctx;
          if (prop === "isNullObject") {
            if (!("isNullObject" in state.data)) throw new Error("isNullObject is niet geladen: eerst context.sync()");
            return state.data.isNullObject;
          }
          if (prop === "load") {
            return (props?: unknown) => {
              materialize();
              const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : Array.isArray(props) ? props : [];
              ctx.ops.push({ t: "load", of: id, props: list });
              return proxy;
            };
          }
          if (prop === "toJSON") return () => state.data;
          if (prop in state.data) return state.data[prop];
          return ctx.object(newId(), { t: "get", id: "", of: id, prop });
        },
        set(_t, prop, value) {
          materialize();
          ctx.ops.push({ t: "set", of: id, prop, value: encode(value) });
          return true;
        },
        apply() {
          throw new Error("geen functie");
        },
      });
      if (pending && pending.t === "get") pending.id = id;
      // A property that turns out to be a method: calling it records a call on the parent instead of the get.
      return pending && pending.t === "get"
        ? new Proxy(proxy as object, {
            apply(_t, _this, args) {
              const parent = ctx.objects.get(pending.of as string) as unknown as { materialize: () => void };
              parent.materialize();
              const callId = newId();
              const op = { t: "call", id: callId, of: pending.of, method: pending.prop, args: args.map(encode) };
              ctx.ops.push(op);
              const result = ctx.object(callId, null);
              return result;
            },
          })
        : proxy;
    }
    async sync(): Promise<void> {
      const ops = this.ops;
      this.ops = [];
      const reply = JSON.parse(await (w.__excelHostSync as (json: string) => Promise<string>)(JSON.stringify(ops))) as {
        loaded: Record<string, Record<string, unknown>>;
        error?: { code: string; message: string; location: string };
      };
      for (const [id, data] of Object.entries(reply.loaded)) {
        const target = this.objects.get(id);
        if (!target) continue;
        for (const [k, v] of Object.entries(data)) {
          target.data[k] = k === "items" ? (v as { __ref: string; data: Record<string, unknown> }[]).map((item) => {
            const object = this.object(item.__ref, null);
            Object.assign(this.objects.get(item.__ref)!.data, item.data);
            return object;
          }) : v;
        }
      }
      if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code, debugInfo: { errorLocation: reply.error.location } });
    }
  }

  w.Excel = {
    run: async (...args: unknown[]) => {
      const batch = args[args.length - 1] as (context: Context) => Promise<unknown>;
      const context = args.length > 1 && args[0] instanceof Context ? (args[0] as Context) : new Context();
      const result = await batch(context);
      await context.sync();
      return result;
    },
  };
  w.__excelShim = {
    fire: async (handler: string, event: unknown) => {
      await handlers.get(handler)?.(event);
    },
  };
}

// ------------------------------------------------------------------------------------------------ host half

type Op = { t: "get" | "call" | "set" | "load"; id?: string; of: string; prop?: string; method?: string; args?: unknown[]; value?: unknown; props?: string[] };

type Entity =
  | { kind: "workbook" }
  | { kind: "worksheets" }
  | { kind: "worksheet"; sheet: number | null }
  | { kind: "range"; sheet: number; area: Area | null }
  | { kind: "names" }
  | { kind: "name"; name: string | null }
  | { kind: "settings" }
  | { kind: "setting"; key: string; exists: boolean }
  | { kind: "charts"; sheet: number }
  | { kind: "chart"; chart: ChartRecord | null }
  | { kind: "series"; chart: ChartRecord; index: number }
  | { kind: "validation"; sheet: number; area: Area }
  | { kind: "event"; sheet: number }
  | { kind: "registration"; handler: string }
  | { kind: "other"; base: Entity; path: string[] };

interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ChartRecord {
  sheet: number;
  name: string;
  type: string;
  title?: string;
  series: { name?: string; values?: string; categories?: string }[];
  deleted?: boolean;
}

export interface ValidationRecord {
  sheet: string;
  address: string;
  rule?: unknown;
  errorAlert?: unknown;
}

class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const letters = columnLetter;
const columnIndex = (name: string) => [...name.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function parseArea(address: string): Area {
  const plain = address.replace(/\$/g, "").split("!").pop()!;
  const [from, to = from] = plain.split(":") as [string, string?];
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(a);
    if (!m) throw new HostError("InvalidArgument", `ongeldig adres ${address}`);
    return { row: Number(m[2]) - 1, column: columnIndex(m[1]!) };
  };
  const a = cell(from);
  const b = cell(to!);
  return { row: Math.min(a.row, b.row), column: Math.min(a.column, b.column), rows: Math.abs(b.row - a.row) + 1, columns: Math.abs(b.column - a.column) + 1 };
}

const areaAddress = (a: Area) => `${letters(a.column)}${a.row + 1}${a.rows * a.columns > 1 ? `:${letters(a.column + a.columns - 1)}${a.row + a.rows}` : ""}`;

/** Excel's `values` of a cell: numbers, text, booleans, "" for blank, "#DIV/0!" etc. for errors. */
function excelValue(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "object") return value.code;
  return value;
}

export class ExcelDoubleHost {
  readonly hf: HyperFormula;
  readonly settings = new Map<string, string>();
  readonly charts: ChartRecord[] = [];
  readonly validations: ValidationRecord[] = [];
  readonly numberFormats = new Map<string, string>();
  readonly handlers: { handler: string; sheet: number; removed: boolean }[] = [];
  /** Every command run, for tests that count round trips or look at what was set. */
  readonly log: Op[] = [];
  /** Makes a command fail (as Excel would, keeping what ran before it in the batch). */
  failWhen: ((op: Op, entity: Entity | undefined) => boolean) | null = null;
  syncs = 0;
  private entities = new Map<string, Entity>();
  /** Formula cells entered in the current batch (see reenterFormulas). */
  private readonly enteredFormulas: SimpleCellAddress[] = [];
  private nodeIds = 0;

  constructor() {
    // Array arithmetic as in Excel 365 (SUMPRODUCT(--(ABS(range)>range)) on the Controle sheet).
    this.hf = buildWorkbook({ Blad1: [] }, {}, { useArrayArithmetic: true });
  }

  /** Runs one batch (JSON of the page's commands) and answers what was loaded, or the error that stopped it. */
  sync(json: string): string {
    this.syncs++;
    const ops = JSON.parse(json) as Op[];
    const loaded: Record<string, Record<string, unknown>> = {};
    const nulls: string[] = [];
    try {
      for (const op of ops) {
        this.log.push(op);
        const entity = this.entities.get(op.of) ?? (op.of === "workbook" ? ({ kind: "workbook" } as Entity) : undefined);
        if (this.failWhen?.(op, entity)) throw new HostError("GeneralException", "Er is een interne fout opgetreden (gesimuleerd).");
        if (!entity) throw new HostError("InvalidObjectPath", `onbekend object ${op.of}`);
        if (op.t === "get") this.entities.set(op.id!, this.navigate(entity, op.prop!));
        else if (op.t === "call") {
          const result = this.call(entity, op.method!, (op.args ?? []).map((a) => this.decode(a)));
          this.entities.set(op.id!, result);
          if (op.method!.endsWith("OrNullObject")) nulls.push(op.id!);
        } else if (op.t === "set") this.set(entity, op.prop!, this.decode(op.value));
        else loaded[op.of] = { ...loaded[op.of], ...this.load(entity, op.props ?? []) };
      }
      for (const id of nulls) loaded[id] = { ...loaded[id], isNullObject: this.isNull(this.entities.get(id)!) };
      // HyperFormula can leave a formula over a range stale when the range's own formulas are entered after it in
      // array-arithmetic mode (seen with SUMPRODUCT(--(ABS(D6:D40)>E6:E40)) on Controle), and it sizes a spilling
      // formula when it is entered — before a name entered in the same batch (MKBA.SCENARIO(Invoer; …)) is known, which
      // gives #SPILL!. Excel recalculates and resizes both; entering the batch's formulas once more does that here.
      // (Not rebuildAndRecalculate: it turns every spilled value into a constant and the spill into #SPILL!.)
      this.reenterFormulas();
      return JSON.stringify({ loaded });
    } catch (error) {
      for (const id of nulls) if (this.entities.has(id)) loaded[id] = { ...loaded[id], isNullObject: this.isNull(this.entities.get(id)!) };
      const e = error as HostError;
      return JSON.stringify({ loaded, error: { code: e.code ?? "GeneralException", message: e.message, location: "" } });
    }
  }

  private reenterFormulas(): void {
    const entered = this.enteredFormulas.splice(0);
    if (entered.length === 0) return;
    const reenter = (address: SimpleCellAddress) => {
      const formula = this.hf.getCellFormula(address);
      if (formula !== undefined) this.hf.setCellContents(address, [[formula]]);
    };
    this.hf.batch(() => entered.forEach(reenter));
    // A spilling formula whose arguments are themselves formulas of this batch is sized in the batch before they are
    // computed: once more on its own, now that they are (a few rounds for a chain of them).
    for (let round = 0; round < 3; round++) {
      const unsized = entered.filter((address) => {
        const value = this.hf.getCellValue(address);
        return value instanceof DetailedCellError && value.type === ErrorType.SPILL && /bij het invoeren van de formule/.test(value.message);
      });
      if (unsized.length === 0) break;
      unsized.forEach(reenter);
    }
  }

  // -------------------------------------------------------------------------------------------- test helpers

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`geen blad ${name}`);
    return id;
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /** The computed value of a cell (0-based), as our cell value. */
  value(sheet: string, row: number, column: number): CellValue {
    return fromHfCell(this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col: column }));
  }

  /** The analyst types in a cell: the value lands and every onChanged handler of that sheet is told. */
  async type(sheet: string, row: number, column: number, value: string | number | null, fire: (handler: string, event: unknown) => Promise<void>): Promise<void> {
    const id = this.sheetId(sheet);
    this.hf.setCellContents({ sheet: id, row, col: column }, [[value]]);
    for (const h of this.handlers.filter((x) => x.sheet === id && !x.removed)) {
      await fire(h.handler, { address: `${letters(column)}${row + 1}`, worksheetId: String(id), changeType: "RangeEdited", source: "Local" });
    }
  }

  // -------------------------------------------------------------------------------------------- object model

  private decode(value: unknown): unknown {
    if (value && typeof value === "object" && "ref" in value) return this.entities.get((value as { ref: string }).ref);
    return value;
  }

  private isNull(entity: Entity): boolean {
    return (
      (entity.kind === "worksheet" && entity.sheet === null) ||
      (entity.kind === "range" && entity.area === null) ||
      (entity.kind === "name" && entity.name === null) ||
      (entity.kind === "setting" && !entity.exists) ||
      (entity.kind === "chart" && entity.chart === null)
    );
  }

  private sheetOf(entity: Entity): number {
    if (entity.kind !== "worksheet" || entity.sheet === null) throw new HostError("ItemNotFound", "het blad bestaat niet");
    if (!this.hf.doesSheetExist(this.hf.getSheetName(entity.sheet) ?? "")) throw new HostError("ItemNotFound", "het blad is verwijderd");
    return entity.sheet;
  }

  private navigate(entity: Entity, prop: string): Entity {
    if (entity.kind === "workbook") {
      if (prop === "worksheets") return { kind: "worksheets" };
      if (prop === "names") return { kind: "names" };
      if (prop === "settings") return { kind: "settings" };
    }
    if (entity.kind === "worksheet") {
      if (prop === "charts") return { kind: "charts", sheet: this.sheetOf(entity) };
      if (prop === "onChanged") return { kind: "event", sheet: this.sheetOf(entity) };
    }
    if (entity.kind === "range" && prop === "dataValidation" && entity.area) return { kind: "validation", sheet: entity.sheet, area: entity.area };
    if (entity.kind === "chart" && prop === "series" && entity.chart) return { kind: "other", base: entity, path: ["series"] };
    return entity.kind === "other" ? { kind: "other", base: entity.base, path: [...entity.path, prop] } : { kind: "other", base: entity, path: [prop] };
  }

  private usedArea(sheet: number): Area | null {
    const { width, height } = this.hf.getSheetDimensions(sheet);
    return width === 0 || height === 0 ? null : { row: 0, column: 0, rows: height, columns: width };
  }

  private call(entity: Entity, method: string, args: unknown[]): Entity {
    const hf = this.hf;
    switch (entity.kind) {
      case "worksheets": {
        const name = String(args[0]);
        if (method === "getItemOrNullObject") return { kind: "worksheet", sheet: hf.doesSheetExist(name) ? hf.getSheetId(name)! : null };
        if (method === "getItem") {
          if (!hf.doesSheetExist(name)) throw new HostError("ItemNotFound", `Het blad ${name} bestaat niet.`);
          return { kind: "worksheet", sheet: hf.getSheetId(name)! };
        }
        if (method === "add") {
          if (hf.doesSheetExist(name)) throw new HostError("ItemAlreadyExists", `Er bestaat al een blad ${name}.`);
          hf.addSheet(name);
          return { kind: "worksheet", sheet: hf.getSheetId(name)! };
        }
        break;
      }
      case "worksheet": {
        if (method === "delete") {
          if (entity.sheet !== null && hf.getSheetName(entity.sheet) !== undefined) hf.removeSheet(entity.sheet);
          return entity;
        }
        const sheet = this.sheetOf(entity);
        if (method === "getRange") return { kind: "range", sheet, area: args[0] === undefined ? { row: 0, column: 0, rows: 1048576, columns: 16384 } : parseArea(String(args[0])) };
        if (method === "getUsedRangeOrNullObject" || method === "getUsedRange") return { kind: "range", sheet, area: this.usedArea(sheet) };
        break;
      }
      case "range": {
        if (method === "clear" && entity.area) {
          const used = this.usedArea(entity.sheet);
          if (used) {
            const rows = Math.min(entity.area.rows, used.rows - entity.area.row);
            const columns = Math.min(entity.area.columns, used.columns - entity.area.column);
            if (rows > 0 && columns > 0) hf.setCellContents({ sheet: entity.sheet, row: entity.area.row, col: entity.area.column }, Array.from({ length: rows }, () => Array.from({ length: columns }, () => null)));
          }
          const name = hf.getSheetName(entity.sheet)!;
          for (let i = this.validations.length - 1; i >= 0; i--) if (this.validations[i]!.sheet === name) this.validations.splice(i, 1);
          return entity;
        }
        return { kind: "other", base: entity, path: [method] };
      }
      case "names": {
        const name = String(args[0]);
        const exists = hf.listNamedExpressions().some((n) => n.toLowerCase() === name.toLowerCase());
        if (method === "getItemOrNullObject") return { kind: "name", name: exists ? name : null };
        if (method === "add") {
          if (exists) throw new HostError("ItemAlreadyExists", `De naam ${name} bestaat al.`);
          hf.addNamedExpression(name, String(args[1]));
          return { kind: "name", name };
        }
        break;
      }
      case "name":
        if (method === "delete" && entity.name) hf.removeNamedExpression(entity.name);
        if (method === "getRangeOrNullObject" || method === "getRange") return this.namedArea(entity.name, method === "getRange");
        return entity;
      case "settings": {
        const key = String(args[0]);
        if (method === "add") this.settings.set(key, String(args[1]));
        return { kind: "setting", key, exists: this.settings.has(key) };
      }
      case "charts": {
        if (method === "add") {
          const values = args[1] as Entity;
          const chart: ChartRecord = { sheet: entity.sheet, name: `Grafiek ${this.charts.length + 1}`, type: String(args[0]), series: [{ values: this.rangeText(values) }] };
          this.charts.push(chart);
          return { kind: "chart", chart };
        }
        if (method === "getItemOrNullObject") return { kind: "chart", chart: this.charts.find((c) => c.sheet === entity.sheet && c.name === args[0] && !c.deleted) ?? null };
        break;
      }
      case "chart":
        if (method === "delete" && entity.chart) entity.chart.deleted = true;
        return entity;
      case "other": {
        const base = entity.base;
        if (base.kind === "chart" && base.chart && entity.path.join(".") === "series") {
          if (method === "getItemAt") return { kind: "series", chart: base.chart, index: Number(args[0]) };
          if (method === "add") {
            base.chart.series.push({ name: String(args[0]) });
            return { kind: "series", chart: base.chart, index: base.chart.series.length - 1 };
          }
        }
        if (base.kind === "chart" && base.chart && method === "setPosition") return entity;
        return entity;
      }
      case "series": {
        const series = entity.chart.series[entity.index]!;
        if (method === "setValues") series.values = this.rangeText(args[0] as Entity);
        if (method === "setXAxisValues") series.categories = this.rangeText(args[0] as Entity);
        return entity;
      }
      case "validation":
        if (method === "clear") {
          const address = areaAddress(entity.area);
          const name = this.hf.getSheetName(entity.sheet)!;
          for (let i = this.validations.length - 1; i >= 0; i--) if (this.validations[i]!.sheet === name && this.validations[i]!.address === address) this.validations.splice(i, 1);
        }
        return entity;
      case "event":
        if (method === "add") {
          const handler = (args[0] as { handler: string }).handler;
          this.handlers.push({ handler, sheet: entity.sheet, removed: false });
          return { kind: "registration", handler };
        }
        break;
      case "registration":
        if (method === "remove") this.handlers.filter((h) => h.handler === entity.handler).forEach((h) => (h.removed = true));
        return entity;
      default:
        break;
    }
    throw new HostError("InvalidArgument", `${entity.kind}.${method} wordt door de testdubbel niet ondersteund`);
  }

  /**
   * The range a workbook name refers to now (HyperFormula moves and resizes named expressions with inserted and deleted
   * rows, as Excel does): an area on its sheet, or a null range when the name is gone or points at a deleted sheet or #REF!.
   */
  private namedArea(name: string | null, required: boolean): Entity {
    const expression = name === null ? undefined : this.hf.getNamedExpression(name)?.expression;
    const match = typeof expression === "string" ? /^=(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(expression.trim()) : null;
    const sheetName = match ? (match[1]?.replace(/''/g, "'") ?? match[2]!) : undefined;
    if (!match || sheetName === undefined || !this.hf.doesSheetExist(sheetName)) {
      if (required) throw new HostError("ItemNotFound", `De naam ${name} verwijst niet naar een bereik.`);
      return { kind: "range", sheet: -1, area: null };
    }
    return { kind: "range", sheet: this.hf.getSheetId(sheetName)!, area: parseArea(match[3]!) };
  }

  private rangeText(entity: Entity): string {
    if (entity.kind !== "range" || !entity.area) throw new HostError("InvalidArgument", "verwacht een bereik");
    return `${this.hf.getSheetName(entity.sheet)}!${areaAddress(entity.area)}`;
  }

  private set(entity: Entity, prop: string, value: unknown): void {
    const hf = this.hf;
    if (entity.kind === "worksheet" && prop === "name") {
      hf.renameSheet(this.sheetOf(entity), String(value));
      return;
    }
    if (entity.kind === "range" && entity.area && (prop === "values" || prop === "formulas" || prop === "numberFormat")) {
      const matrix = value as unknown[][];
      if (matrix.length !== entity.area.rows || matrix.some((row) => row.length !== entity.area!.columns)) {
        throw new HostError("InvalidArgument", `De afmetingen van de matrix (${matrix.length} × ${matrix[0]?.length}) passen niet bij het bereik ${areaAddress(entity.area)}.`);
      }
      const name = hf.getSheetName(entity.sheet)!;
      const area = entity.area;
      matrix.forEach((row, r) => {
        // null leaves the cell as it is, as in Excel; each run of cells that are set goes to HyperFormula in one call.
        let c = 0;
        while (c < row.length) {
          if (row[c] === null) {
            c++;
            continue;
          }
          const start = c;
          const run: (string | number | boolean | null)[] = [];
          for (; c < row.length && row[c] !== null; c++) {
            const v = row[c];
            if (prop === "numberFormat") this.numberFormats.set(`${name}!${letters(area.column + c)}${area.row + r + 1}`, String(v));
            else if (prop === "values" && typeof v === "string" && v.startsWith("=")) run.push(`'${v}`);
            else run.push(v === "" ? null : (v as string | number | boolean));
          }
          if (prop !== "numberFormat") hf.setCellContents({ sheet: entity.sheet, row: area.row + r, col: area.column + start } as SimpleCellAddress, [run]);
          if (prop === "formulas") run.forEach((v, k) => typeof v === "string" && v.startsWith("=") && this.enteredFormulas.push({ sheet: entity.sheet, row: area.row + r, col: area.column + start + k }));
        }
      });
      return;
    }
    if (entity.kind === "validation") {
      const name = hf.getSheetName(entity.sheet)!;
      const address = areaAddress(entity.area);
      let record = this.validations.find((v) => v.sheet === name && v.address === address);
      if (!record) this.validations.push((record = { sheet: name, address }));
      if (prop === "rule") record.rule = value;
      if (prop === "errorAlert") record.errorAlert = value;
      return;
    }
    if (entity.kind === "chart" && entity.chart && prop === "name") {
      entity.chart.name = String(value);
      return;
    }
    if (entity.kind === "series" && prop === "name") {
      entity.chart.series[entity.index]!.name = String(value);
      return;
    }
    if (entity.kind === "other" && entity.base.kind === "chart" && entity.base.chart && entity.path.join(".") === "title" && prop === "text") {
      entity.base.chart.title = String(value);
      return;
    }
    // Formats, column widths, axis titles: accepted and not rendered (the log keeps them).
  }

  private load(entity: Entity, props: string[]): Record<string, unknown> {
    const hf = this.hf;
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (entity.kind === "range" && entity.area) {
        const area = entity.area;
        const grid = <T>(f: (a: SimpleCellAddress) => T) => Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.columns }, (_, c) => f({ sheet: entity.sheet, row: area.row + r, col: area.column + c })));
        if (prop === "values") out.values = grid((a) => excelValue(fromHfCell(hf.getCellValue(a))));
        else if (prop === "formulas") out.formulas = grid((a) => hf.getCellFormula(a) ?? excelValue(fromHfCell(hf.getCellValue(a))));
        else if (prop === "address") out.address = `${hf.getSheetName(entity.sheet)}!${areaAddress(area)}`;
      } else if (entity.kind === "setting" && prop === "value") out.value = this.settings.get(entity.key) ?? null;
      else if (entity.kind === "worksheet" && entity.sheet !== null && prop === "name") out.name = hf.getSheetName(entity.sheet);
      else if (entity.kind === "charts" && prop.startsWith("items")) {
        out.items = this.charts.filter((c) => c.sheet === entity.sheet && !c.deleted).map((chart) => {
          const id = `n${++this.nodeIds}`;
          this.entities.set(id, { kind: "chart", chart });
          return { __ref: id, data: { name: chart.name } };
        });
      }
    }
    return out;
  }
}

// ------------------------------------------------------------------------------------------------ in Node

/**
 * Both halves in one Jest process: `window` is the global object and the page half talks to a fresh host before
 * each test. Returns a getter for the current test's host.
 */
export function useExcelDoubleInNode(): () => ExcelDoubleHost {
  let host: ExcelDoubleHost;
  const g = globalThis as unknown as Record<string, unknown>;
  beforeEach(() => {
    host = new ExcelDoubleHost();
    g.window = globalThis;
    g.__excelHostSync = async (json: string) => host.sync(json);
    installExcelShim();
  });
  afterAll(() => {
    for (const name of ["window", "Excel", "__excelHostSync", "__excelShim"]) delete g[name];
  });
  return () => host;
}
