/**
 * The workbook plan (werkmapplan): one pure description of the sheets a model gets in a workbook — cells (constants,
 * formulas, number formats, styles), named ranges, Excel tables, data validation, chart specifications and the
 * document settings that keep the model's schema version. The engine computes a plan; thin writers put it in a
 * workbook: Office.js in Excel (src/office/), ExcelJS on the command line (src/cli/), a HyperFormula-backed host
 * double in the tests (test/support/). No writer decides what goes where: that is all here.
 *
 * Conventions every writer relies on:
 * - rows and columns are 0-based in the plan; `a1()` and `rangeRef()` turn them into Excel addresses;
 * - a formula is Excel's English (invariant) form with a leading "=" and comma argument separators — what
 *   Office.js `Range.formulas`, ExcelJS and HyperFormula all take (Excel shows it in the user's language);
 * - a number format is an invariant Excel format code (`#,##0.00`, `0.0%`); Excel displays it with the user's
 *   separators, so a Dutch Excel shows `€ 1.234` and `0,14`;
 * - a cell styled `input` belongs to the analyst: a writer never overwrites one that holds a different value
 *   without asking (see `src/office/` and the task pane).
 */

/**
 * The workbook plan's version, kept in the document settings (`mkba.planVersion`). What changed, and how an older
 * workbook is migrated (src/taskpane/session.ts, `Session.migrate`):
 * - 1 — Invoer (the model block, for LPBL the input screen above it), Kengetallen, Uitvoer (outcomes per scenario,
 *   the per-actor table), Gevoeligheid;
 * - 2 — Uitvoer gains LPBL Uitvoer A and B, Tabel 1.5/1.6/1.7 and the cash flows with their charts; the new sheets
 *   Lopende aanpak (LPBL) and Onzekerheid (distributions per parameter). Invoer, Kengetallen and Gevoeligheid are laid out as in 1, so a version-1 workbook's model
 *   is read with today's reader and its sheets are rewritten from it: what the analyst typed stays.
 * - 3 — LPBL (issue 19): the screen gains "C. Effect: voorkomen huisuitzettingen" and "Uitvoer B (begroting)"
 *   (year and build-up of the budget view) and the block "Gebruikte waarden"; Kengetallen changes rows (no terugval,
 *   escalation prices per prevented escalation) and gains price-year and range columns; Uitvoer A shows the team
 *   against the reach and the three largest drivers of the saldo; Lopende aanpak lays out five cohorts. A version-1
 *   or -2 LPBL workbook is read with the field list of its version (lpblScreenFields(version), lpblFileFromValues),
 *   which translates its key figures; free models are laid out as before.
 * - 4 — issue 20: one evaluation per model per recalculation. The new sheet Rekenkern holds the one
 *   `MKBA.SCENARIO(Invoer; [runs]; "alles")` call (and, for LPBL, the block of the runs "bij de benodigde fte" and the
 *   drivers' ends); Uitvoer and Gevoeligheid read it with INDEX/MATCH; Gevoeligheid's overrides are references to the
 *   model block on Invoer; Lopende aanpak holds the cohorts as one block of runs and one spill. Invoer and Kengetallen
 *   are as in 3, so a version-3 workbook is read with today's reader.
 */
export const PLAN_SCHEMA_VERSION = 4;

export type PlanValue = number | string | boolean | null;

/** How a cell looks and whose it is; writers map these to fonts and fills. */
export type CellStyle =
  | "title" // sheet title
  | "section" // a section heading such as "A. Bereik" or "[Parameters]"
  | "heading" // a column heading
  | "label" // a row label
  | "input" // a value the analyst types (light yellow fill): owned by the analyst
  | "output" // a computed value (formula)
  | "total" // a total or saldo row (bold)
  | "note" // explanation, source, unit (grey, italic)
  | "warning"; // a loud warning (bold, red)

/** How each style looks (colours as RRGGBB), the same in every writer. */
export interface StyleLook {
  readonly fill?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
}

export const STYLE_LOOK: Readonly<Record<CellStyle, StyleLook>> = {
  title: { bold: true, size: 14 },
  section: { bold: true, fill: "DDEBF7" },
  heading: { bold: true, fill: "E7E6E6" },
  label: {},
  input: { fill: "FFF2CC" },
  output: {},
  total: { bold: true },
  note: { italic: true, color: "595959" },
  warning: { bold: true, color: "C00000" },
};

export interface PlanCell {
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly column: number;
  /** A constant; omit when `formula` is given. */
  readonly value?: PlanValue;
  /** English Excel formula with a leading "=" and comma separators. */
  readonly formula?: string;
  /** Invariant Excel number format code. */
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  /**
   * A formula whose result spills over this many rows and columns from this cell (a dynamic array, such as
   * MKBA.SCENARIO(…; "tabel")). Excel spills it by itself; a writer that cannot write a dynamic array writes a legacy
   * array formula over that area.
   */
  readonly spill?: {
    readonly rows: number;
    readonly columns: number;
    /** A number format per column of the spilled area where it differs from `numberFormat` (a year column: "0"). */
    readonly columnFormats?: readonly (string | undefined)[];
  };
}

/** The number format of the cell `column` columns into a spilling cell's area: its column's own, else the cell's. */
export function spillFormat(cell: PlanCell, column: number): string | undefined {
  return cell.spill?.columnFormats?.[column] ?? cell.numberFormat;
}

export interface PlanNamedRange {
  /** Workbook-scoped name, e.g. "Invoer" or "p_hh_totaal". */
  readonly name: string;
  readonly sheet: string;
  /** 0-based, inclusive. */
  readonly range: PlanRange;
  readonly comment?: string;
}

export interface PlanRange {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export type PlanValidationRule =
  | { readonly type: "decimal"; readonly min?: number; readonly max?: number }
  | { readonly type: "whole"; readonly min?: number; readonly max?: number }
  | { readonly type: "list"; readonly values: readonly string[] };

export interface PlanValidation {
  readonly range: PlanRange;
  readonly rule: PlanValidationRule;
  /** Dutch message shown when the analyst types something not allowed. */
  readonly message: string;
}

export interface PlanTable {
  /** Excel table name (letters, digits, _; unique in the workbook). */
  readonly name: string;
  /** Header row included. */
  readonly range: PlanRange;
}

export type ChartType = "columnClustered" | "columnStacked" | "barClustered" | "line";

export interface PlanChartSeries {
  readonly name: string;
  /** Values: a range on this plan's sheets. */
  readonly values: { readonly sheet: string; readonly range: PlanRange };
  /** Category labels (x axis), optional. */
  readonly categories?: { readonly sheet: string; readonly range: PlanRange };
}

export interface PlanChart {
  /** Stable id; writers name the chart after it so a rewrite replaces it. */
  readonly id: string;
  readonly type: ChartType;
  readonly title: string;
  readonly series: readonly PlanChartSeries[];
  /** Where the chart sits: top-left and bottom-right cells (0-based). */
  readonly anchor: { readonly from: { row: number; column: number }; readonly to: { row: number; column: number } };
  readonly valueAxisTitle?: string;
  readonly categoryAxisTitle?: string;
}

export interface PlanSheet {
  /** Stable sheet name (Invoer, Kengetallen, Uitvoer, Rekenblad, Controle, …). */
  readonly name: string;
  /** One Dutch sentence: what this sheet is, for the task pane and the first cell's comment. */
  readonly purpose: string;
  readonly cells: readonly PlanCell[];
  /** Column widths in characters, by 0-based column. */
  readonly columnWidths?: Readonly<Record<number, number>>;
  readonly validations?: readonly PlanValidation[];
  readonly tables?: readonly PlanTable[];
  readonly charts?: readonly PlanChart[];
  /** Rows and columns frozen at the top left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
}

/**
 * A field of the input form (invoerformulier) in the task pane: one input cell of the plan with its section, label,
 * unit and rule. The form is generated from these, so form and sheet cannot drift apart.
 */
export interface PlanField {
  /** Stable id: the LPBL input path ("reach.households") or "parameter:<key>" for a free model. */
  readonly id: string;
  /** Section heading as on the screen ("A. Bereik"). */
  readonly section: string;
  /** Dutch label; for a column of a per-type row the column ("Gezinnen") is in `column`. */
  readonly label: string;
  readonly column?: string;
  readonly unit: string;
  readonly cell: { readonly sheet: string; readonly row: number; readonly column: number };
  /** What may be typed; a share is entered as a fraction (48% = 0,48) and shown as a percentage. */
  readonly rule: PlanValidationRule & { readonly percent?: boolean };
}

/**
 * A key result the task pane shows live (saldo, the three ratios; for an LPBL model also the needed and entered fte,
 * the households served and the three largest drivers of the saldo), read from the computed cell.
 */
export interface PlanResult {
  readonly id: "saldo" | "ratio" | "ratio_financieel" | "ratio_gemeentelijk" | "fte_nodig" | "fte_ingevoerd" | "hh_bediend" | "invloed_1" | "invloed_2" | "invloed_3";
  readonly label: string;
  readonly cell: { readonly sheet: string; readonly row: number; readonly column: number };
  /** euro: € 1.234; ratio: 0,14; getal: a number with at most two decimals; tekst: the cell's text. */
  readonly format: "euro" | "ratio" | "getal" | "tekst";
}

export interface WorkbookPlan {
  readonly planVersion: number;
  readonly sheets: readonly PlanSheet[];
  readonly names: readonly PlanNamedRange[];
  /** The input form's fields (each an input cell of a sheet), in screen order. */
  readonly fields?: readonly PlanField[];
  /** The key results of the base case. */
  readonly results?: readonly PlanResult[];
  /** Document settings (Office.js `workbook.settings`, ExcelJS custom properties): mkba.schemaVersion, mkba.modelType, … */
  readonly settings: Readonly<Record<string, string>>;
}

// ------------------------------------------------------------------------------------------------ addresses

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 16383) throw new RangeError(`kolom ${index} ligt buiten Excel (A–XFD)`);
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 0-based row and column → "B3"; `absolute` → "$B$3". */
export function a1(row: number, column: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 0 || row > 1048575) throw new RangeError(`rij ${row + 1} ligt buiten Excel (1–1048576)`);
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(column)}${d}${row + 1}`;
}

/** A range as "A1:C4" (or "A1" for one cell); `absolute` adds the $ signs. */
export function rangeAddress(range: PlanRange, absolute = false): string {
  const start = a1(range.row, range.column, absolute);
  if (range.rowCount === 1 && range.columnCount === 1) return start;
  return `${start}:${a1(range.row + range.rowCount - 1, range.column + range.columnCount - 1, absolute)}`;
}

/** A sheet name as a formula needs it: quoted when it holds anything but letters, digits and _. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** "Sheet!$A$1:$C$4": a range on a sheet, absolute, for formulas, names and chart series. */
export function rangeRef(sheet: string, range: PlanRange): string {
  return `${sheetPrefix(sheet)}${rangeAddress(range, true)}`;
}

/** A text as a formula string literal: "a""b". */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

// ------------------------------------------------------------------------------------------------ building

/** A small helper to build a sheet's cells row by row without counting indices by hand. */
export class SheetBuilder {
  private readonly cellList: PlanCell[] = [];
  private readonly widths: Record<number, number> = {};
  private readonly validationList: PlanValidation[] = [];
  private readonly tableList: PlanTable[] = [];
  private readonly chartList: PlanChart[] = [];
  private freezeAt: { rows: number; columns: number } | undefined;
  /** The next free row (0-based). */
  row = 0;

  constructor(
    readonly name: string,
    readonly purpose: string,
  ) {}

  set(row: number, column: number, cell: Omit<PlanCell, "row" | "column">): this {
    this.cellList.push({ row, column, ...cell });
    return this;
  }

  /** Writes a row of cells at `this.row` (null/undefined entries are skipped) and moves to the next row. */
  addRow(cells: readonly (Omit<PlanCell, "row" | "column"> | null | undefined)[], startColumn = 0): number {
    const r = this.row;
    cells.forEach((cell, i) => {
      if (cell) this.set(r, startColumn + i, cell);
    });
    this.row++;
    return r;
  }

  skip(rows = 1): this {
    this.row += rows;
    return this;
  }

  width(column: number, characters: number): this {
    this.widths[column] = characters;
    return this;
  }

  validate(validation: PlanValidation): this {
    this.validationList.push(validation);
    return this;
  }

  table(table: PlanTable): this {
    this.tableList.push(table);
    return this;
  }

  chart(chart: PlanChart): this {
    this.chartList.push(chart);
    return this;
  }

  freeze(rows: number, columns: number): this {
    this.freezeAt = { rows, columns };
    return this;
  }

  build(): PlanSheet {
    return {
      name: this.name,
      purpose: this.purpose,
      cells: [...this.cellList],
      columnWidths: { ...this.widths },
      validations: [...this.validationList],
      tables: [...this.tableList],
      charts: [...this.chartList],
      ...(this.freezeAt ? { freeze: this.freezeAt } : {}),
    };
  }
}

/** Checks a plan's own consistency (unique sheet, name, table and chart ids; no cell twice; a value or a formula). */
export function planProblems(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const sheet of plan.sheets) {
    if (seen.has(sheet.name.toLowerCase())) problems.push(`blad "${sheet.name}" staat twee keer in het plan`);
    seen.add(sheet.name.toLowerCase());
    if (sheet.name.length > 31 || /[\\/?*[\]:]/.test(sheet.name)) problems.push(`"${sheet.name}" is geen geldige bladnaam in Excel`);
    const cells = new Set<string>();
    for (const c of sheet.cells) {
      const key = `${c.row},${c.column}`;
      if (cells.has(key)) problems.push(`${sheet.name}!${a1(c.row, c.column)} staat twee keer in het plan`);
      cells.add(key);
      if (c.formula !== undefined && c.value !== undefined) problems.push(`${sheet.name}!${a1(c.row, c.column)} heeft een waarde én een formule`);
      if (c.formula !== undefined && !c.formula.startsWith("=")) problems.push(`${sheet.name}!${a1(c.row, c.column)}: een formule begint met =`);
    }
  }
  const names = new Set<string>();
  for (const n of plan.names) {
    if (names.has(n.name.toLowerCase())) problems.push(`de naam "${n.name}" staat twee keer in het plan`);
    names.add(n.name.toLowerCase());
    if (!seen.has(n.sheet.toLowerCase())) problems.push(`de naam "${n.name}" verwijst naar het onbekende blad "${n.sheet}"`);
  }
  return problems;
}
