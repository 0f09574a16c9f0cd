/**
 * The comparison area (vergelijkingsgebied): aggregated counts per period from an area without the approach — what
 * seed 001 needs for attribution ("informatie over ontwikkeling van zorgconsumptie in andere wijken of steden (zie
 * figuur 4.6)", regel 897; Figuur 4.6 compares OTS and evictions over time in and outside the approach's area).
 * One row per measurement period (meting 0/6/12/18, the same windows as the records: at 0 the period before the
 * approach started) and household type (gezin, oudere, overig, or alle): the number of households, and per outcome
 * (outcomes.ts) the number of households with it. No person-level data.
 */
import { REASONS, cellParser } from "./cells";
import { ColumnKind, HOUSEHOLD_TYPE_CODES, MEASUREMENTS, Measurement } from "./format";
import { OUTCOMES } from "./outcomes";
import type { PrivacyRefusal } from "./privacy";
import { FileRefusal, ReadReport, RowTally, checkTable } from "./read";
import type { HouseholdType } from "../models/lpbl/inputs";

export const COMPARISON_TYPE_CODES = ["gezin", "oudere", "overig", "alle"] as const;

interface ComparisonColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  readonly description: string;
}

const MAX_COUNT = 10_000_000;
export const COMPARISON_COLUMNS: readonly ComparisonColumn[] = [
  { header: "meting", kind: { type: "measurement" }, required: true, description: "Periode, als de metingen: 0 (de 12 maanden vóór de start van de aanpak), 6, 12 of 18 (maanden erna)" },
  { header: "huishoudtype", kind: { type: "code", codes: COMPARISON_TYPE_CODES }, required: true, description: "gezin, oudere, overig of alle" },
  { header: "huishoudens", kind: { type: "count", max: MAX_COUNT }, required: true, description: "Aantal vergelijkbare huishoudens in het vergelijkingsgebied in die periode" },
  ...OUTCOMES.map((o): ComparisonColumn => ({ header: o.comparisonHeader, kind: { type: "count", max: MAX_COUNT }, required: false, description: `Aantal van die huishoudens met: ${o.label}` })),
];

/** Counts of one period and household type. */
export interface ComparisonRow {
  readonly row: number;
  readonly measurement: Measurement;
  readonly type: HouseholdType | "alle";
  readonly households: number;
  /** Households with each outcome, by the outcome's comparison header; absent = not counted. */
  readonly counts: Readonly<Record<string, number>>;
}

export type ComparisonReadResult = { ok: true; rows: ComparisonRow[]; report: ReadReport } | { ok: false; refusal: PrivacyRefusal | FileRefusal };

const SPECS = new Map(COMPARISON_COLUMNS.map((c) => [c.header, c]));

/** The comparison table (first row the headers) → its rows, bad rows left out and reported as in read.ts. */
export function readComparison(rows: readonly (readonly string[])[]): ComparisonReadResult {
  const table = checkTable(rows, SPECS, "Het vergelijkingsgebied");
  if (!table.ok) return table;
  const { index, ignored } = table;
  const present = COMPARISON_COLUMNS.filter((c) => index.has(c.header)).map((c) => ({ c, column: index.get(c.header)!, parse: cellParser(c.kind, c.required) }));
  const tally = new RowTally();
  const kept: ComparisonRow[] = [];
  for (const { row, number } of tally.dataRows(rows)) {
    const values = new Map<string, unknown>();
    for (const p of present) {
      const v = p.parse(row[p.column] ?? "");
      if (v.ok) values.set(p.c.header, v.value);
      else tally.bad({ row: number, column: p.c.header, reason: v.reason, message: v.message });
    }
    const households = values.get("huishoudens") as number;
    const counts: Record<string, number> = {};
    if (tally.leaveOutIfBad()) continue;
    for (const o of OUTCOMES) {
      const n = values.get(o.comparisonHeader);
      if (typeof n !== "number") continue;
      if (n > households) tally.bad({ row: number, column: o.comparisonHeader, reason: REASONS.invalidNumber, message: `${REASONS.invalidNumber}: meer huishoudens met deze uitkomst dan huishoudens` });
      counts[o.comparisonHeader] = n;
    }
    if (households === 0) tally.bad({ row: number, column: "huishoudens", reason: REASONS.invalidNumber, message: `${REASONS.invalidNumber}: een periode zonder huishoudens telt niet` });
    if (tally.leaveOutIfBad()) continue;
    const code = values.get("huishoudtype") as string;
    kept.push({ row: number, measurement: values.get("meting") as Measurement, type: code === "alle" ? "alle" : HOUSEHOLD_TYPE_CODES[code]!, households, counts });
  }
  // The same period and type twice: both out.
  const seen = new Map<string, ComparisonRow[]>();
  for (const k of kept) {
    const key = `${k.measurement}/${k.type}`;
    seen.set(key, [...(seen.get(key) ?? []), k]);
  }
  const out = new Set<ComparisonRow>();
  for (const list of seen.values()) {
    if (list.length < 2) continue;
    for (const k of list) {
      tally.problems.add({ row: k.row, column: "meting", reason: REASONS.duplicate, message: `${REASONS.duplicate}: dezelfde periode en hetzelfde huishoudtype staan ook op rij ${list.filter((o) => o !== k).map((o) => o.row).join(", ")}` });
      out.add(k);
      tally.leaveOut(REASONS.duplicate);
    }
  }
  const result = kept.filter((k) => !out.has(k));
  const absent = COMPARISON_COLUMNS.filter((c) => !c.required && !index.has(c.header)).map((c) => c.header);
  return { ok: true, rows: result, report: tally.report(result.length, ignored, absent) };
}

/**
 * The comparison counts of an outcome for a group of household types in one period: from the row "alle" when the
 * group is all households and that row counts it, else summed over the group's type rows (all of them needed).
 */
export function comparisonCounts(rows: readonly ComparisonRow[], header: string, types: readonly HouseholdType[], m: Measurement): { households: number; count: number } | null {
  const inPeriod = rows.filter((r) => r.measurement === m);
  if (types.length === 3) {
    const all = inPeriod.find((r) => r.type === "alle");
    if (all && all.counts[header] !== undefined) return { households: all.households, count: all.counts[header]! };
  }
  let households = 0;
  let count = 0;
  for (const t of types) {
    const r = inPeriod.find((x) => x.type === t);
    if (!r || r.counts[header] === undefined) return null;
    households += r.households;
    count += r.counts[header]!;
  }
  return { households, count };
}

export { MEASUREMENTS };
