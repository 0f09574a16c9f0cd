/**
 * Reading registration records (registratie inlezen): a table of text cells — from a CSV file (csv.ts), an .xlsx
 * export (the CLI's ExcelJS reader) or the Registratie sheet — checked column by column and row by row.
 *
 * - The file as a whole is refused, with a Dutch message, when it holds a direct identifier (privacy.ts), misses a
 *   required column, names a column twice, or exceeds the limits (format.ts RECORD_LIMITS).
 * - A malformed row (an unknown code, a date in the future, a negative count, a measurement before the registration,
 *   an id and measurement that occur twice, …) is left out and reported with its row and column in Dutch — never with
 *   its value; the other rows still count, and the report says how many rows were left out and why.
 * - Columns outside the format are ignored (listed by name only); free text never enters a record.
 */
import { CellValue, REASONS, Reason, cellParser, normaliseHeader } from "./cells";
import {
  COLUMNS,
  ColumnSpec,
  Composition,
  IncomeSource,
  Measurement,
  PROBLEM_AREAS,
  RECORD_LIMITS,
  RegistrationRecord,
  TRAJECTORIES,
  HOUSEHOLD_TYPE_CODES,
} from "./format";
import { PrivacyRefusal, bsnCellRefusal, identifierColumnRefusal, identifierKind, looksLikeBsn } from "./privacy";
import { formatCount } from "../model/limits";

/** One problem with a row: its 1-based file row (the header is row 1), the column's header and a Dutch message. */
export interface RowProblem {
  readonly row: number;
  readonly column: string;
  readonly reason: Reason;
  readonly message: string;
}

export interface ReadReport {
  /** Data rows read (empty rows skipped). */
  readonly rowsRead: number;
  readonly recordsKept: number;
  readonly rowsLeftOut: number;
  /** Rows left out per reason (a row with several problems counts under its first). */
  readonly leftOutByReason: readonly { readonly reason: Reason; readonly rows: number }[];
  /** The problems, row by row, at most RECORD_LIMITS.listedProblems of them. */
  readonly problems: readonly RowProblem[];
  /** Every problem found (problems.length may be less). */
  readonly problemCount: number;
  /** Headers not in the format, ignored. */
  readonly ignoredColumns: readonly string[];
  /** Optional columns of the format absent from the file (their fields are missing on every row). */
  readonly absentColumns: readonly string[];
}

export type ReadResult = { readonly ok: true; readonly records: RegistrationRecord[]; readonly report: ReadReport } | { readonly ok: false; readonly refusal: PrivacyRefusal | FileRefusal };

/** A file that cannot be read at all (not a privacy matter): a missing column, a limit exceeded. */
export interface FileRefusal {
  readonly column?: string;
  readonly message: string;
}

export interface ReadOptions {
  /** Today as a day number (dates after it are in the future). */
  readonly today: number;
}

type Refusal = PrivacyRefusal | FileRefusal;

/**
 * Checks a table's header: the column limit, no direct identifier among the names (privacy first), no column twice, the
 * required columns there. Returns the column index per known header (normalised name → position) and the ignored names.
 */
export function checkHeader(
  header: readonly string[],
  known: ReadonlyMap<string, { readonly required: boolean }>,
  what: string,
): { ok: true; index: Map<string, number>; ignored: string[] } | { ok: false; refusal: Refusal } {
  if (header.length > RECORD_LIMITS.columns) return { ok: false, refusal: { message: `${what} heeft ${formatCount(header.length)} kolommen; hoogstens ${formatCount(RECORD_LIMITS.columns)} (zie docs/registratie.md, grenzen).` } };
  for (const h of header) {
    const kind = identifierKind(h);
    if (kind) return { ok: false, refusal: identifierColumnRefusal(h.trim(), kind) };
  }
  const index = new Map<string, number>();
  const ignored: string[] = [];
  header.forEach((h, c) => {
    const name = normaliseHeader(h);
    if (name === "") return;
    if (index.has(name)) {
      ignored.push(h);
      index.set(name, -1 - c); // marked as duplicate
      return;
    }
    if (known.has(name)) index.set(name, c);
    else ignored.push(h.trim());
  });
  for (const [name, c] of index) if (c < 0) return { ok: false, refusal: { column: name, message: `De kolom "${name}" staat twee keer in ${what}; welke geldt is niet te zeggen.` } };
  const missing = [...known].filter(([name, spec]) => spec.required && !index.has(name)).map(([name]) => name);
  if (missing.length > 0) return { ok: false, refusal: { column: missing[0], message: `${what} mist ${missing.length === 1 ? "de verplichte kolom" : "de verplichte kolommen"} ${missing.map((m) => `"${m}"`).join(", ")}.` } };
  return { ok: true, index, ignored };
}

/** A BSN anywhere in a row (the ignored columns too), as a refusal naming column and row; else null. */
export function rowPrivacy(header: readonly string[], row: readonly string[], fileRow: number): PrivacyRefusal | null {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c]!;
    if (cell.length >= 8 && looksLikeBsn(cell.trim())) return bsnCellRefusal((header[c] ?? `kolom ${c + 1}`).trim(), fileRow);
  }
  return null;
}

const tooManyRows = (what: string, rows: string) => ({ message: `${what} heeft ${rows} rijen; hoogstens ${formatCount(RECORD_LIMITS.rows)} (zie docs/registratie.md, grenzen). Splits de registratie, bijvoorbeeld per jaar.` });

/**
 * Checks a whole table before any cell is parsed: empty, the limits, the header, and a BSN in any cell. Shared by the
 * readers of the comparison area, the cases and the price list (the registration streams: RecordReader).
 */
export function checkTable(
  rows: readonly (readonly string[])[],
  known: ReadonlyMap<string, { readonly required: boolean }>,
  what: string,
): { ok: true; index: Map<string, number>; ignored: string[]; dataRows: number } | { ok: false; refusal: Refusal } {
  if (rows.length === 0) return { ok: false, refusal: { message: `${what} is leeg: de eerste rij moet de kolomnamen bevatten.` } };
  if (rows.length - 1 > RECORD_LIMITS.rows) return { ok: false, refusal: tooManyRows(what, formatCount(rows.length - 1)) };
  const header = checkHeader(rows[0]!, known, what);
  if (!header.ok) return header;
  let dataRows = 0;
  for (let r = 1; r < rows.length; r++) {
    const refusal = rowPrivacy(rows[0]!, rows[r]!, r + 1);
    if (refusal) return { ok: false, refusal };
    if (!isEmptyRow(rows[r]!)) dataRows++;
  }
  return { ok: true, index: header.index, ignored: header.ignored, dataRows };
}

export function isEmptyRow(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== "") return false;
  return true;
}

/** Collects row problems: every one counted, the first RECORD_LIMITS.listedProblems listed. */
export class ProblemList {
  readonly listed: RowProblem[] = [];
  count = 0;
  add(p: RowProblem): void {
    this.count++;
    if (this.listed.length < RECORD_LIMITS.listedProblems) this.listed.push(p);
  }
}

/**
 * The bookkeeping of a small table read row by row (casusanalyse, vergelijkingsgebied, prijslijst): each data row's
 * problems collected, a row with any problem left out and counted under its first reason, and the report.
 */
export class RowTally {
  readonly problems = new ProblemList();
  private readonly leftOut = new Map<Reason, number>();
  private first: Reason | null = null;
  rowsRead = 0;

  /** The data rows that are not empty, with their row number in the file (the header is row 1). */
  *dataRows(rows: readonly (readonly string[])[]): Generator<{ row: readonly string[]; number: number }> {
    for (let r = 1; r < rows.length; r++) {
      if (isEmptyRow(rows[r]!)) continue;
      this.rowsRead++;
      this.first = null;
      yield { row: rows[r]!, number: r + 1 };
    }
  }

  /** A problem of the current row. */
  bad(problem: RowProblem): void {
    this.problems.add(problem);
    this.first ??= problem.reason;
  }

  /** True (and the row counted as left out) when the current row had a problem. */
  leaveOutIfBad(): boolean {
    if (this.first === null) return false;
    this.leaveOut(this.first);
    return true;
  }

  /** Counts a row left out for `reason` (a duplicate found after the rows were read). */
  leaveOut(reason: Reason): void {
    this.leftOut.set(reason, (this.leftOut.get(reason) ?? 0) + 1);
  }

  report(recordsKept: number, ignoredColumns: readonly string[], absentColumns: readonly string[] = []): ReadReport {
    this.problems.listed.sort((a, b) => a.row - b.row);
    return {
      rowsRead: this.rowsRead,
      recordsKept,
      rowsLeftOut: this.rowsRead - recordsKept,
      leftOutByReason: [...this.leftOut].map(([reason, rows]) => ({ reason, rows })),
      problems: this.problems.listed,
      problemCount: this.problems.count,
      ignoredColumns,
      absentColumns,
    };
  }
}

const SPECS: ReadonlyMap<string, ColumnSpec> = new Map(COLUMNS.map((c) => [c.header, c]));
/** Position of each header in COLUMNS: a row's values are an array in that order. */
const COLUMN_AT: ReadonlyMap<string, number> = new Map(COLUMNS.map((c, i) => [c.header, i]));
const at = (header: string) => COLUMN_AT.get(header)!;
const AT = { registered: at("datum_aanmelding"), measured: at("datum_meting"), children: at("aantal_kinderen"), childrenAtHome: at("kinderen_thuiswonend") };
const PROBLEM_AT = PROBLEM_AREAS.map((p) => at(`probleem_${p.id}`));
const RUNNING_AT = TRAJECTORIES.map((t) => at(`loopt_${t.id}`));
const TEAM_AT = TRAJECTORIES.map((t) => at(`team_${t.id}`));

/**
 * The registration read row by row (the first row the headers), so that a large CSV file is checked as it is parsed and
 * its cells never all live at once: `push` each row — a refusal stops the reading and nothing read so far is kept —
 * then `finish`. A row is checked for a BSN in any cell before any of its cells is parsed.
 */
export class RecordReader {
  private header: readonly string[] | null = null;
  private index = new Map<string, number>();
  private ignored: string[] = [];
  private parsers: { spec: ColumnSpec; at: number; column: number; parse: ReturnType<typeof cellParser> }[] = [];
  private readonly problems = new ProblemList();
  private readonly leftOut = new Map<Reason, number>();
  private readonly kept: RegistrationRecord[] = [];
  private rowsRead = 0;
  private fileRow = 0;
  private refusal: Refusal | null = null;

  constructor(private readonly options: ReadOptions) {}

  /** One row of the table; returns the refusal of the file when this row (or the header) gives one. */
  push(row: readonly string[]): Refusal | null {
    if (this.refusal) return this.refusal;
    this.fileRow++;
    if (this.header === null) {
      const h = checkHeader(row, SPECS, "De registratie");
      if (!h.ok) return (this.refusal = h.refusal);
      this.header = row;
      this.index = h.index;
      this.ignored = h.ignored;
      this.parsers = COLUMNS.filter((c) => h.index.has(c.header)).map((c) => ({ spec: c, at: COLUMN_AT.get(c.header)!, column: h.index.get(c.header)!, parse: cellParser(c.kind, c.required) }));
      return null;
    }
    if (this.fileRow - 1 > RECORD_LIMITS.rows) return (this.refusal = tooManyRows("De registratie", `meer dan ${formatCount(RECORD_LIMITS.rows)}`));
    const privacy = rowPrivacy(this.header, row, this.fileRow);
    if (privacy) return (this.refusal = privacy);
    if (isEmptyRow(row)) return null;
    this.rowsRead++;
    const fileRow = this.fileRow;
    const problems = this.problems;
    let first: Reason | null = null;
    const values: CellValue[] = new Array<CellValue>(COLUMNS.length).fill(null);
    for (const p of this.parsers) {
      const result = p.parse(row[p.column] ?? "");
      if (result.ok) values[p.at] = result.value;
      else {
        problems.add({ row: fileRow, column: p.spec.header, reason: result.reason, message: result.message });
        first ??= result.reason;
      }
    }
    if (first === null) {
      const registered = values[AT.registered] as number;
      const measured = values[AT.measured] as number;
      const today = this.options.today;
      const check = (bad: boolean, column: string, reason: Reason, message: string) => {
        if (!bad) return;
        problems.add({ row: fileRow, column, reason, message });
        first ??= reason;
      };
      check(registered > today, "datum_aanmelding", REASONS.futureDate, `${REASONS.futureDate}: de aanmelding ligt na vandaag`);
      check(measured > today, "datum_meting", REASONS.futureDate, `${REASONS.futureDate}: de meting ligt na vandaag`);
      check(measured < registered, "datum_meting", REASONS.measurementBeforeRegistration, `${REASONS.measurementBeforeRegistration}: de meetdatum ligt vóór de datum van aanmelding`);
      const children = values[AT.children];
      const atHome = values[AT.childrenAtHome];
      check(typeof children === "number" && typeof atHome === "number" && atHome > children, "kinderen_thuiswonend", REASONS.childrenAtHome, `${REASONS.childrenAtHome}: kinderen_thuiswonend is groter dan aantal_kinderen`);
    }
    if (first !== null) this.leave(first);
    else this.kept.push(recordOf(fileRow, values));
    return null;
  }

  private leave(reason: Reason): void {
    this.leftOut.set(reason, (this.leftOut.get(reason) ?? 0) + 1);
  }

  /** The records that pass and the report, after the checks across rows; or the refusal. */
  finish(): ReadResult {
    if (this.refusal) return { ok: false, refusal: this.refusal };
    if (this.header === null) return { ok: false, refusal: { message: "De registratie is leeg: de eerste rij moet de kolomnamen bevatten." } };
    const { kept, problems } = this;
    // Across rows: an id and measurement twice (all such rows out: which one is right cannot be told), and one household
    // with two registration dates (all its rows out).
    const byId = new Map<string, RegistrationRecord[]>();
    for (const rec of kept) {
      const list = byId.get(rec.id);
      if (list) list.push(rec);
      else byId.set(rec.id, [rec]);
    }
    const out = new Set<RegistrationRecord>();
    for (const list of byId.values()) {
      if (list.length < 2) continue;
      for (const rec of list) {
        const same = list.filter((o) => o !== rec && o.measurement === rec.measurement);
        if (same.length === 0) continue;
        problems.add({ row: rec.row, column: "meting", reason: REASONS.duplicate, message: `${REASONS.duplicate}: hetzelfde huishouden en dezelfde meting staan ook op rij ${same.map((o) => o.row).join(", ")}` });
        out.add(rec);
        this.leave(REASONS.duplicate);
      }
      if (list.some((o) => o.registered !== list[0]!.registered)) {
        for (const rec of list) {
          if (out.has(rec)) continue;
          problems.add({ row: rec.row, column: "datum_aanmelding", reason: REASONS.inconsistentRegistration, message: `${REASONS.inconsistentRegistration}: hetzelfde huishouden heeft op andere rijen een andere datum van aanmelding` });
          out.add(rec);
          this.leave(REASONS.inconsistentRegistration);
        }
      }
    }
    const records = out.size === 0 ? kept : kept.filter((r) => !out.has(r));
    problems.listed.sort((a, b) => a.row - b.row);
    const leftOutByReason = [...this.leftOut].map(([reason, n]) => ({ reason, rows: n })).sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
    return {
      ok: true,
      records,
      report: {
        rowsRead: this.rowsRead,
        recordsKept: records.length,
        rowsLeftOut: this.rowsRead - records.length,
        leftOutByReason,
        problems: problems.listed,
        problemCount: problems.count,
        ignoredColumns: this.ignored,
        absentColumns: COLUMNS.filter((c) => !c.required && !this.index.has(c.header)).map((c) => c.header),
      },
    };
  }
}

/** The registration table (first row the headers) → the records that pass, and the report; or the refusal of the file. */
export function readRecords(rows: readonly (readonly string[])[], options: ReadOptions): ReadResult {
  if (rows.length - 1 > RECORD_LIMITS.rows) return { ok: false, refusal: tooManyRows("De registratie", formatCount(rows.length - 1)) };
  const reader = new RecordReader(options);
  for (const row of rows) if (reader.push(row)) break;
  return reader.finish();
}

/** Positions in COLUMNS of the fields a record takes one by one (looked up once, not per row). */
const F = Object.fromEntries(
  ["id", "meting", "huishoudtype", "samenstelling", "aantal_kinderen", "inkomensbron", "minima", "lvb", "nieuw_gevonden", "zelfredzaam", "zonder_traject", "escalatie_huisuitzetting", "escalatie_ots_kinderen", "escalatie_uhp_kinderen", "escalatie_opname_vv", "escalatie_opname_ggz", "afgesloten", "terugval"].map((h) => [h, at(h)]),
) as Record<string, number>;

function recordOf(row: number, v: readonly CellValue[]): RegistrationRecord {
  const typeCode = v[F.huishoudtype!] as string | null;
  return {
    row,
    id: v[F.id!] as string,
    registered: v[AT.registered] as number,
    measurement: v[F.meting!] as Measurement,
    measured: v[AT.measured] as number,
    householdType: typeCode === null ? null : HOUSEHOLD_TYPE_CODES[typeCode]!,
    composition: v[F.samenstelling!] as Composition | null,
    children: v[AT.children] as number | null,
    childrenAtHome: v[AT.childrenAtHome] as number | null,
    income: v[F.inkomensbron!] as IncomeSource | null,
    minima: v[F.minima!] as boolean | null,
    lvb: v[F.lvb!] as boolean | null,
    newlyFound: v[F.nieuw_gevonden!] as boolean | null,
    selfReliant: v[F.zelfredzaam!] as boolean | null,
    problems: PROBLEM_AT.map((i) => v[i] as boolean | number | null),
    running: RUNNING_AT.map((i) => v[i] as boolean | null),
    teamChanges: TEAM_AT.map((i) => (v[i] as number | null) ?? 0),
    withoutTrajectory: v[F.zonder_traject!] as number | null,
    eviction: v[F.escalatie_huisuitzetting!] as boolean | null,
    otsChildren: v[F.escalatie_ots_kinderen!] as number | null,
    uhpChildren: v[F.escalatie_uhp_kinderen!] as number | null,
    admissionVV: v[F.escalatie_opname_vv!] as boolean | null,
    admissionGGZ: v[F.escalatie_opname_ggz!] as boolean | null,
    closed: v[F.afgesloten!] as boolean | null,
    relapse: v[F.terugval!] as boolean | null,
  };
}

/** The report as Dutch lines: rows read, kept, left out per reason, the first `listed` problems, ignored columns. */
export function readReportLines(report: ReadReport, listed = 20): string[] {
  const lines = [`Ingelezen: ${formatCount(report.rowsRead)} rijen; meegeteld: ${formatCount(report.recordsKept)}; weggelaten: ${formatCount(report.rowsLeftOut)}.`];
  if (report.rowsLeftOut > 0) {
    lines.push(`Weggelaten rijen per reden: ${report.leftOutByReason.map((r) => `${r.reason} ${formatCount(r.rows)}`).join("; ")}.`);
    for (const p of report.problems.slice(0, listed)) lines.push(`  rij ${p.row}, kolom ${p.column}: ${p.message}`);
    if (report.problemCount > Math.min(listed, report.problems.length)) lines.push(`  … en nog ${formatCount(report.problemCount - Math.min(listed, report.problems.length))} meldingen.`);
  }
  if (report.ignoredColumns.length > 0) lines.push(`Genegeerd (geen kolom van het formaat): ${report.ignoredColumns.join(", ")}.`);
  return lines;
}
