/**
 * A protocol-level Excel host for the tests: it answers the request batches of Office.js's own Excel client
 * (`@microsoft/office-js`, loaded unmodified — in Chromium by test/support/browserPane.ts, in Jest by
 * officeJsInNode.ts) from a HyperFormula workbook with every `MKBA.*` function (workbook.ts, excelObjects.ts). So the
 * task pane runs the real client, with its load/sync semantics and `PropertyNotLoaded`, against a real formula engine.
 *
 * What Excel does that the host does too:
 * - custom functions calculate asynchronously: `#BUSY!` until the calculation settles, then `onCalculated`;
 * - events carry their trigger source (`ThisLocalAddin` for the add-in's own writes);
 * - a request of more than 5 MB is refused (`RequestPayloadSizeLimitExceeded`, as Excel on the web), and so is an
 *   answer of more than 5 MB; a formula of more than 8.192 characters is refused (`FormulaLengthExceedsLimit`);
 * - while the analyst edits a cell, a request fails with `InvalidOperationInCellEditMode`, unless it was sent with
 *   `delayForCellEdit` (request flag 64): then it waits until the edit ends;
 * - the requirement sets it declares (`apiSets`) are what `Office.context.requirements.isSetSupported` answers in the
 *   page, so the client refuses what a smaller Excel would not have.
 * docs/testing.md says what the host implements and how it differs from Excel.
 */
import { CellValue } from "../../../src/engine/cells";
import { fromHfCell } from "../hyperformula";
import { MAX_COLUMNS, areaAddress, cellKey, parseArea } from "./addresses";
import { AddinInternalServiceObject, WorkbookObject } from "./excelObjects";
import { openXlsx } from "./openXlsx";
import { shownFormula } from "./storageForm";
import { HostError, HostObject, RequestBody, ResponseBody, executeRequest } from "./protocol";
import { ChartState, HostWorkbook, SheetState, ValidationState } from "./workbook";

/** Excel on the web refuses a request or a response above 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Request flag of `Excel.run({ delayForCellEdit: true }, …)`. */
const DELAY_FOR_CELL_EDIT = 64;

/** The requirement sets a current Excel (Microsoft 365, 2026) declares; tests may declare fewer. */
export const CURRENT_EXCEL_API_SETS: Readonly<Record<string, string>> = {
  ExcelApi: "1.17",
  CustomFunctionsRuntime: "1.4",
  SharedRuntime: "1.2",
  DelayForCellEdit: "1.1",
};

export interface ExcelHostOptions {
  /** How long custom functions stay `#BUSY!` after a change (ms). */
  calcDelayMs?: number;
  /** Requirement sets and the highest version of each (default: CURRENT_EXCEL_API_SETS). */
  apiSets?: Record<string, string>;
}

export interface HostCall {
  kind: "instantiate" | "query" | "method" | "set";
  className: string;
  member: string;
  args: unknown[];
}

/** `isSetSupported` over declared sets: true when the set is there at the version asked (or any, when none is asked). */
export function supports(apiSets: Readonly<Record<string, string>>, name: string, version?: string): boolean {
  const declared = apiSets[name];
  if (declared === undefined) return false;
  if (version === undefined || version === null || version === "") return true;
  const [a1, a2 = 0] = declared.split(".").map(Number) as [number, number?];
  const [b1, b2 = 0] = String(version).split(".").map(Number) as [number, number?];
  return a1 > b1 || (a1 === b1 && a2! >= b2!);
}

export class ExcelHost {
  readonly book: HostWorkbook;
  readonly root: HostObject;
  readonly addinService = new AddinInternalServiceObject();
  readonly apiSets: Record<string, string>;
  /** Makes a call fail (as Excel would, keeping what ran before it in the batch). */
  failWhen: ((call: HostCall) => boolean) | null = null;
  /** Every call run, for tests that count round trips or look at what was set. */
  readonly log: HostCall[] = [];
  syncs = 0;
  /** Sizes of the request bodies, in bytes. */
  readonly requestSizes: number[] = [];
  private editing = false;
  private editEnded: (() => void)[] = [];
  private readonly listeners = new Set<(message: unknown) => void>();

  constructor(options: ExcelHostOptions = {}) {
    this.apiSets = { ...(options.apiSets ?? CURRENT_EXCEL_API_SETS) };
    this.book = new HostWorkbook((message) => this.listeners.forEach((l) => l(message)), options.calcDelayMs ?? 30);
    this.root = new WorkbookObject(this.book);
  }

  /** Delivers RichApi event messages (to `OfficeExtension._testTriggerRichApiMessageEvent` in the page). */
  onEvent(listener: (message: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isSetSupported(name: string, version?: string): boolean {
    return supports(this.apiSets, name, version);
  }

  /** One `ProcessQuery` request as the client sends it over HTTP: `{ statusCode, headers, body }` back. */
  async handleHttp(request: { method?: string; url: string; body?: unknown }): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
    const url = new URL(request.url, "http://host.invalid");
    if (!/\/ProcessQuery$/i.test(url.pathname)) return { statusCode: 404, headers: {}, body: JSON.stringify({ error: { code: "NotFound", message: `No such host endpoint: ${url.pathname}` } }) };
    const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body ?? {});
    const response = await this.processQuery(text, Number(url.searchParams.get("flags") ?? "0"));
    return { statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(response) };
  }

  async processQuery(text: string, flags: number): Promise<ResponseBody> {
    const bytes = Buffer.byteLength(text, "utf8");
    this.requestSizes.push(bytes);
    const refuse = (code: string, message: string): ResponseBody => ({ Results: [], TraceIds: [], Error: { Code: code, Message: message, HttpStatusCode: 400, Location: "", ActionIndex: -1 } });
    if (bytes > PAYLOAD_LIMIT_BYTES) return refuse("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit (${PAYLOAD_LIMIT_BYTES} bytes).`);
    if (this.editing) {
      if ((flags & DELAY_FOR_CELL_EDIT) === 0) return refuse("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
      await new Promise<void>((resolve) => this.editEnded.push(resolve));
    }
    this.syncs++;
    const body = JSON.parse(text) as RequestBody;
    const response = executeRequest(this.root, body, {
      beforeAction: (a) => {
        const call: HostCall = { kind: a.kind, className: a.object.className, member: a.member, args: a.args };
        this.log.push(call);
        if (this.failWhen?.(call)) throw new HostError("GeneralException", "Er is een interne fout opgetreden (gesimuleerd).", 500);
      },
      newObject: (type) => (type === "Microsoft.InternalService.AddinInternalService" ? this.addinService : null),
    });
    this.book.flushDeferred();
    if ((body.Actions ?? []).some((a) => a.ActionType === 4 && (a.Name === "Formulas" || a.Name === "Values"))) this.book.formulasWritten();
    const size = Buffer.byteLength(JSON.stringify(response), "utf8");
    if (size > PAYLOAD_LIMIT_BYTES) return refuse("ResponsePayloadSizeLimitExceeded", `The response payload size (${size} bytes) has exceeded the limit (${PAYLOAD_LIMIT_BYTES} bytes).`);
    return response;
  }

  // -------------------------------------------------------------------------------------------- the analyst

  /** The analyst starts editing a cell (F2): requests without delayForCellEdit fail until `stopEditing`. */
  startEditing(): void {
    this.editing = true;
  }

  stopEditing(): void {
    this.editing = false;
    this.editEnded.splice(0).forEach((resolve) => resolve());
  }

  /** The analyst types in a cell: the value lands, the sheet's onChanged handlers hear it (trigger source "Unknown"). */
  type(sheet: string, row: number, column: number, value: string | number | boolean | null): void {
    const s = this.sheet(sheet);
    this.book.writeCells(s, { row, column, rows: 1, columns: 1 }, [[value === null ? "" : value]], "typed");
    this.book.emitChanged(s, { row, column, rows: 1, columns: 1 }, "Unknown");
  }

  /** The analyst adds a sheet of their own. */
  addSheet(name: string): void {
    this.book.addSheet(name);
  }

  /** The analyst deletes a sheet. */
  removeSheet(name: string): void {
    this.book.deleteSheet(this.sheet(name));
  }

  /** The analyst pastes a block of values (0-based top-left); the sheet's onChanged handlers hear it. */
  paste(sheet: string, row: number, column: number, rows: (string | number | boolean | null)[][]): void {
    const s = this.sheet(sheet);
    const area = { row, column, rows: rows.length, columns: Math.max(...rows.map((r) => r.length)) };
    this.book.writeCells(s, area, rows.map((r) => Array.from({ length: area.columns }, (_, c) => (r[c] === null || r[c] === undefined ? "" : r[c]!))), "pasted");
    this.book.emitChanged(s, area, "Unknown");
  }

  /** Opens an .xlsx file (as written by the CLI, or by Excel) in this host's empty workbook: openXlsx.ts. */
  async openFile(bytes: Uint8Array): Promise<void> {
    await openXlsx(this.book, bytes);
  }

  /**
   * The analyst inserts `count` whole rows above `row` (0-based): what is below moves down, references and names with
   * it; the sheet's onChanged handlers hear a RowInserted change.
   */
  insertRows(sheet: string, row: number, count = 1): void {
    const s = this.sheet(sheet);
    this.book.shiftRows(s, row, count);
    this.book.emitChanged(s, { row, column: 0, rows: count, columns: MAX_COLUMNS }, "Unknown", "RowInserted");
  }

  /** The analyst deletes `count` whole rows from `row` (0-based): what is below moves up; references into them become #REF!. */
  deleteRows(sheet: string, row: number, count = 1): void {
    const s = this.sheet(sheet);
    this.book.shiftRows(s, row, -count);
    this.book.emitChanged(s, { row, column: 0, rows: count, columns: MAX_COLUMNS }, "Unknown", "RowDeleted");
  }

  /** The analyst renames a sheet (Excel's rules for names); formulas and names that refer to it follow. */
  renameSheet(from: string, to: string): void {
    this.book.renameSheet(this.sheet(from), to);
  }

  /**
   * The analyst sorts the rows of `address` (e.g. "A5:D12") ascending on one of its columns (0-based, of the sheet), as
   * Excel's Sort does; returns the permutation (row i of the area now holds what row order[i] held).
   */
  sort(sheet: string, address: string, column: number): number[] {
    const s = this.sheet(sheet);
    const area = parseArea(address);
    if (column < area.column || column >= area.column + area.columns) throw new Error(`kolom ${column} ligt niet in ${address}`);
    const order = this.book.sortRows(s, area, column);
    this.book.emitChanged(s, area, "Unknown");
    return order;
  }

  /** Resolves when no custom function is pending any more. */
  calculated(): Promise<void> {
    return this.book.settled();
  }

  // -------------------------------------------------------------------------------------------- reading the workbook

  sheet(name: string): SheetState {
    const s = this.book.findSheet(name);
    if (!s) throw new Error(`geen blad ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => this.book.nameOf(s));
  }

  /** HyperFormula, up to date. */
  get hf() {
    return this.book.fresh();
  }

  /** HyperFormula's id of a sheet (for tests that edit the workbook through HyperFormula directly). */
  sheetId(name: string): number {
    return this.sheet(name).hf;
  }

  /** The computed value of a cell (0-based) as our cell value, whatever the calculation state. */
  value(sheet: string, row: number, column: number): CellValue {
    return fromHfCell(this.hf.getCellValue({ sheet: this.sheet(sheet).hf, row, col: column }));
  }

  formula(sheet: string, row: number, column: number): string | undefined {
    const formula = this.hf.getCellFormula({ sheet: this.sheet(sheet).hf, row, col: column });
    return formula === undefined ? undefined : shownFormula(formula);
  }

  get settings(): Map<string, unknown> {
    return this.book.settings;
  }

  /** Every chart, with the name of its sheet. */
  get charts(): ChartState[] {
    return this.book.sheets.flatMap((s) => s.charts);
  }

  get validations(): (ValidationState & { sheet: string; address: string })[] {
    return this.book.sheets.flatMap((s) => s.validations.map((v) => ({ ...v, sheet: this.book.nameOf(s), address: areaAddress(v.area) })));
  }

  /** Number formats by "Sheet!A1". */
  get numberFormats(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.book.sheets) {
      for (const [key, format] of s.numberFormats) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        out.set(`${this.book.nameOf(s)}!${areaAddress({ row: r, column: c, rows: 1, columns: 1 })}`, format);
      }
    }
    return out;
  }

  cellFormat(sheet: string, address: string) {
    const a = parseArea(address);
    return this.sheet(sheet).cellFormats.get(cellKey(a.row, a.column)) ?? {};
  }

  columnWidth(sheet: string, column: number): number | undefined {
    return this.sheet(sheet).columnWidths.get(column);
  }

  freeze(sheet: string) {
    return this.sheet(sheet).freeze;
  }

  names(): { name: string; formula: string; comment: string }[] {
    return [...this.book.names.values()].map(({ name, formula, comment }) => ({ name, formula, comment }));
  }

  /** Registered events, "<eventType>|<sheet name>" (10 Changed, 16 Calculated). */
  registrations(): string[] {
    return [...this.book.registrations].map((key) => {
      const [type, id] = key.split("|") as [string, string];
      const sheet = this.book.sheets.find((s) => s.id === id);
      return `${type}|${sheet ? this.book.nameOf(sheet) : id}`;
    });
  }
}
