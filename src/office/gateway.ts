/**
 * What the task pane needs from a workbook (werkmap-toegang), as an interface: `src/office/excelGateway.ts`
 * implements it with Office.js (the only code that calls the Excel API); the browser tests run the same
 * implementation against a HyperFormula-backed double of the Excel API (test/support/). The task pane never calls
 * `Excel` itself.
 */
import type { CellValue } from "../engine/cells";
import type { WorkbookPlan } from "../engine/workbook/plan";

/** A place where writing the plan would replace something the analyst made. */
export interface OverwriteConflict {
  readonly sheet: string;
  /** A1 address of the cell, or "" for a whole sheet. */
  readonly address: string;
  /** "user-value": an input cell holds a value other than the plan's; "user-sheet": a sheet of that name exists that the add-in did not write. */
  readonly reason: "user-value" | "user-sheet";
  readonly current: CellValue;
  readonly planned: CellValue;
}

/** A change the analyst made on a sheet. */
export interface SheetChange {
  /** The changed area, as Excel gives it ("B5" or "B5:D9"). */
  readonly address: string;
}

export interface WriteOptions {
  /** Asked once, with every conflict, before anything is written; resolving false writes nothing. Not called without conflicts. */
  confirm(conflicts: readonly OverwriteConflict[]): Promise<boolean>;
  /** Progress: steps done of total, and what is being written (Dutch). */
  progress?(done: number, total: number, what: string): void;
  /** Only these sheets of the plan (e.g. ["Rekenblad", "Controle"]); default: all. */
  readonly sheets?: readonly string[];
}

export type WriteOutcome =
  | { readonly status: "written"; readonly sheets: readonly string[] }
  | { readonly status: "cancelled" }
  | { readonly status: "failed"; readonly message: string };

/** A formula calling an add-in function that Excel shows as #NAME? (0-based row and column). */
export interface UnresolvedCall {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly formula: string;
}

/** The most cells of one sheet read when looking for unresolved add-in calls. */
export const UNRESOLVED_SCAN_LIMIT = 500_000;

export interface WorkbookGateway {
  /** True when a workbook is there to write to (inside Excel, or the test double). */
  readonly available: boolean;
  /** Writes the plan as one batch: no half-written sheet is left behind when it fails; asks before replacing the analyst's work. */
  writePlan(plan: WorkbookPlan, options: WriteOptions): Promise<WriteOutcome>;
  /** Computed values of single cells (0-based), as Excel shows them, in one round trip. */
  readCells(cells: readonly { sheet: string; row: number; column: number }[]): Promise<CellValue[]>;
  /** Values of a range given as an A1 address ("B3:D7") on a sheet. */
  readRange(sheet: string, address: string): Promise<CellValue[][]>;
  /** The values of a sheet's used range from A1 (in bands, within Excel's payload limit); null when there is no such sheet. */
  readSheet(sheet: string): Promise<CellValue[][] | null>;
  /** Writes one value into one cell (0-based row and column), as the form does when the analyst edits a field. */
  writeCell(sheet: string, row: number, column: number, value: number | string | boolean | null): Promise<void>;
  /** Calls back whenever the analyst changes cells on the sheet (never for the add-in's own writes); resolves to an unsubscribe. */
  onSheetChanged(sheet: string, handler: (change: SheetChange) => void): Promise<() => Promise<void>>;
  /** Calls back after each calculation of the sheet, when its custom functions have a result; resolves to an unsubscribe. */
  onSheetCalculated(sheet: string, handler: () => void): Promise<() => Promise<void>>;
  /**
   * Resolves after the next calculation of one of these sheets or after `timeoutMs`. Custom functions calculate
   * asynchronously: a cell read right after a change may hold `#BUSY!` (PENDING in officeApi.ts) until then.
   */
  calculated(sheets: readonly string[], timeoutMs: number): Promise<void>;
  /**
   * Cells whose formula calls an add-in function (`MKBA.…`) but shows #NAME?: Excel did not tie them to the add-in
   * (a file written by another tool, formulas entered before the add-in loaded; docs/xlsx-form.md). Sheets larger than
   * `UNRESOLVED_SCAN_LIMIT` cells are not scanned, and are named in `skipped`.
   */
  unresolvedCalls(): Promise<{ cells: UnresolvedCall[]; skipped: string[] }>;
  /** Re-enters these formulas exactly as they are, so that Excel resolves them; nothing else is written. */
  reenterFormulas(cells: readonly UnresolvedCall[]): Promise<void>;
  /**
   * Where a workbook name (benoemd bereik, e.g. "Invoer") points now — Excel moves and resizes it when the analyst
   * inserts or deletes rows — as its sheet and A1 address; null when the name is gone or no longer refers to cells.
   */
  namedRange(name: string): Promise<{ sheet: string; address: string } | null>;
  /** Document settings (kept in the workbook): the model's schema version, model type, … */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}
