/**
 * Uncertainty in the workbook (onzekerheid in de werkmap, issue 11 item 4): the sheet *Onzekerheid* beside the
 * parameters — one row per parameter with its key, Dutch label, base value (a formula to its cell in the Invoer model
 * block), a distribution type (uniform, driehoek, pert, normaal, lognormaal, discreet as in the model schema, plus
 * "standaard" = triangular ±share around the base value and "vast" = does not vary) and the distribution's parameters
 * as input cells; below them the rank correlations. Filled from the model's `uncertainty` section, or else with the
 * default (triangular ±20%), and saying which on the sheet. `uncertaintyFromValues` reads the sheet's cells back into
 * the schema's section, with Dutch problems naming the cell.
 *
 * Also the result sheets the task pane writes after a run in its Web Worker: *Monte Carlo* (percentiles, P(saldo > 0),
 * the histogram and its chart) and *Tornado* (the rows and the tornado chart). Their figures are constants computed by
 * the add-in, not formulas — the sheet says so, with the date, the seed, the sampling and the run count.
 */
import type { CellValue } from "../cells";
import type { Model, ModelDistribution, ModelUncertainty } from "../model";
import { formatCount } from "../model/limits";
import { formatDutch } from "../numberFormat";
import { DISTRIBUTION_TYPES, distributionRange } from "../uncertainty/distributions";
import { DEFAULT_RELATIVE_RANGE, MonteCarloResult, SAMPLING_LABELS, defaultDistribution, describeDistribution, formatParameterValue } from "../uncertainty/monteCarlo";
import type { ParameterRange, Tornado } from "../uncertainty/tornado";
import { OUTCOMES, OUTCOME_LABELS, Outcome } from "../uncertainty/outcomes";
import { EURO, RATIO, expectedKey } from "./outputCells";
import { PlanCell, PlanSheet, SheetBuilder, WorkbookPlan, a1, sheetPrefix } from "./plan";
import { INVOER, ONZEKERHEID } from "./sheetNames";

export { ONZEKERHEID } from "./sheetNames";
export const MONTE_CARLO = "Monte Carlo";
export const TORNADO = "Tornado";

/** The distribution types of the sheet: the schema's six, "standaard" (triangular ±share) and "vast" (no distribution). */
export const SHEET_TYPES = ["standaard", "vast", ...DISTRIBUTION_TYPES] as const;
export type SheetType = (typeof SHEET_TYPES)[number];

/** Columns of the distribution rows (0-based). */
export const UNCERTAINTY_COLUMNS = { key: 0, label: 1, base: 2, type: 3, min: 4, mode: 5, max: 6, mean: 7, sd: 8, lambda: 9, values: 10, probabilities: 11, description: 12 } as const;
const COL = UNCERTAINTY_COLUMNS;
const HEADINGS = ["Sleutel", "Parameter", "Basiswaarde", "Verdeling", "min", "mode", "max", "gemiddelde", "sd", "lambda (PERT)", "waarden (discreet)", "kansen (discreet)", "Toelichting"];
const SHARE_LABEL = "Standaardbereik (±)";
const CORRELATIONS = "Correlaties (rangcorrelatie, Spearman; alleen tussen parameters met een verdeling)";
const CORRELATION_HEADINGS = ["Parameter 1 (sleutel)", "Parameter 2 (sleutel)", "Coëfficiënt (−1 … 1)", "Toelichting"];
/** Empty correlation rows below the model's own, for the analyst to fill. */
const SPARE_CORRELATIONS = 10;
const NUMBER = "#,##0.####";

/** A list of numbers as the sheet shows it: "0,5; 1; 2". */
const listText = (xs: readonly number[]) => xs.map((x) => String(x).replace(".", ",")).join("; ");

/** The first row of the distributions on the sheet (0-based): title, two notes, the share, a blank, "Verdelingen", headings. */
export const FIRST_DISTRIBUTION_ROW = 7;

/**
 * The parameters in the order of the sheet's rows: those with a distribution first, in the model file's order (the
 * order of the draws, so that the same seed gives the same result as the file), then the others in model order.
 */
function orderedParameters(model: Model, order?: readonly string[]): Model["parameters"] {
  if (order) {
    // The rows as a workbook holds them (written for the model as it was then): its keys first, then any others.
    const listed = order.flatMap((k) => model.parameters.filter((p) => p.key === k));
    return [...listed, ...model.parameters.filter((p) => !order.includes(p.key))];
  }
  const own = model.uncertainty;
  const byKey = new Set((own?.distributions ?? []).map((d) => d.parameter));
  return [...(own?.distributions ?? []).flatMap((d) => model.parameters.filter((p) => p.key === d.parameter)), ...model.parameters.filter((p) => !byKey.has(p.key))];
}

/** The row (0-based) of each parameter on the Onzekerheid sheet of `model`. */
export function uncertaintyRowOf(model: Model, order?: readonly string[]): Map<string, number> {
  return new Map(orderedParameters(model, order).map((p, i) => [p.key, FIRST_DISTRIBUTION_ROW + i] as const));
}

/** A model's distribution that is exactly the default (triangular ±20% around the value): shown as "standaard". */
function isDefault(d: ModelDistribution, value: number): boolean {
  const def = defaultDistribution(value, DEFAULT_RELATIVE_RANGE);
  return d.type === "driehoek" && def !== null && def.type === "driehoek" && d.min === def.min && d.mode === def.mode && d.max === def.max;
}

/**
 * The Onzekerheid sheet of a model. `parameterCells` gives each parameter's value cell in the Invoer model block
 * (0-based, sheet Invoer); the base values are formulas to those cells, with the engine's value in `expected`. A
 * distribution of the model that is exactly the default is written as "standaard", so that it follows Invoer.
 */
export function uncertaintySheet(model: Model, parameterCells: ReadonlyMap<string, { row: number; column: number }>, expected?: Map<string, number | string>, order?: readonly string[]): PlanSheet {
  const s = new SheetBuilder(ONZEKERHEID, "Onzekerheid: een verdeling per parameter en rangcorrelaties, voor Monte Carlo en de tornado in het taakvenster.");
  const own = model.uncertainty;
  const valueOf = (key: string) => model.parameters.find((p) => p.key === key)!.value;
  const someDefault = own?.distributions.some((d) => isDefault(d, valueOf(d.parameter))) ?? false;
  s.addRow([{ value: "Onzekerheid — verdelingen voor Monte Carlo en bereik voor de tornado", style: "title" }]);
  s.addRow([
    {
      value: !own
        ? `Gevuld met de standaard: een driehoeksverdeling ±${Math.round(DEFAULT_RELATIVE_RANGE * 100)}% rond de waarde van elke parameter (het modelbestand heeft geen verdelingen); een parameter met waarde 0 blijft vast.`
        : someDefault
          ? `Gevuld met de standaard: een driehoeksverdeling ±${Math.round(DEFAULT_RELATIVE_RANGE * 100)}% rond de waarde voor de parameters op 'standaard'; de andere verdelingen (zoals de bandbreedtes van de kengetallen) en 'vast' komen uit het modelbestand (onderdeel uncertainty).`
          : "Gevuld uit het modelbestand (onderdeel uncertainty). Parameters zonder verdeling staan op 'vast'.",
      style: "note",
    },
  ]);
  s.addRow([
    {
      value:
        "Gele cellen zijn invoer. Verdeling: standaard (driehoek ±bereik rond de basiswaarde, volgt Invoer), vast (varieert niet), uniform (min, max), driehoek en pert (min, mode, max; pert ook lambda, standaard 4), normaal en lognormaal (gemiddelde, sd), discreet (waarden en kansen, gescheiden door ;). Tornado: laag en hoog zijn min en max van de verdeling (normaal, lognormaal: P5 en P95), anders ±bereik.",
      style: "note",
    },
  ]);
  const shareRow = s.addRow([
    { value: SHARE_LABEL, style: "label" },
    { value: DEFAULT_RELATIVE_RANGE, numberFormat: "0%", style: "input" },
  ]);
  s.validate({ range: { row: shareRow, column: 1, rowCount: 1, columnCount: 1 }, rule: { type: "decimal", min: 0.000001, max: 10 }, message: "Het standaardbereik is een aandeel groter dan 0 en hoogstens 1000% (20% = ±20%)." });
  s.skip();
  s.addRow([{ value: "Verdelingen", style: "section" }]);
  const headingRow = s.addRow(HEADINGS.map((value) => ({ value, style: "heading" as const })));
  const first = s.row;
  const byKey = new Map((own?.distributions ?? []).map((d) => [d.parameter, d] as const));
  if (first !== FIRST_DISTRIBUTION_ROW) throw new Error("Onzekerheid: de verdelingen beginnen niet op FIRST_DISTRIBUTION_ROW");
  for (const p of orderedParameters(model, order)) {
    const r = s.row;
    const cell = parameterCells.get(p.key);
    const baseRef = `${a1(r, COL.base)}`;
    const share = a1(shareRow, 1, true);
    const d = byKey.get(p.key);
    const type: SheetType = own ? (d ? (isDefault(d, p.value) ? "standaard" : d.type) : "vast") : "standaard";
    const row: (Omit<PlanCell, "row" | "column"> | null)[] = [
      { value: p.key, style: "label" },
      { value: p.label !== "" ? p.label : p.key, style: "label" },
      cell ? { formula: `=${sheetPrefix(INVOER)}${a1(cell.row, cell.column, true)}`, numberFormat: NUMBER, style: "output" } : { value: p.value, numberFormat: NUMBER },
      { value: type, style: "input" },
    ];
    const input = (value: number | string | null | undefined) => ({ value: value ?? null, numberFormat: NUMBER, style: "input" as const });
    if (type === "standaard") {
      // What the default gives, shown (formulas over the base value and the share); the reader computes it itself.
      row.push(
        { formula: `=${baseRef}-ABS(${baseRef})*${share}`, numberFormat: NUMBER, style: "output" },
        { formula: `=${baseRef}`, numberFormat: NUMBER, style: "output" },
        { formula: `=${baseRef}+ABS(${baseRef})*${share}`, numberFormat: NUMBER, style: "output" },
        input(null), input(null), input(null), input(null), input(null), input(null),
      );
      const def = defaultDistribution(p.value, DEFAULT_RELATIVE_RANGE);
      if (expected && def && def.type === "driehoek") {
        expected.set(expectedKey(ONZEKERHEID, r, COL.min), def.min);
        expected.set(expectedKey(ONZEKERHEID, r, COL.mode), def.mode);
        expected.set(expectedKey(ONZEKERHEID, r, COL.max), def.max);
      }
    } else {
      const has = (k: string) => (d && k in d ? ((d as unknown as Record<string, unknown>)[k] as number) : undefined);
      row.push(
        input(has("min")),
        input(has("mode")),
        input(has("max")),
        input(has("mean")),
        input(has("sd")),
        input(has("lambda")),
        input(d?.type === "discreet" ? listText(d.values) : null),
        input(d?.type === "discreet" ? listText(d.probabilities) : null),
        input(d?.description ?? null),
      );
    }
    s.addRow(row);
    if (cell && expected) expected.set(expectedKey(ONZEKERHEID, r, COL.base), p.value);
  }
  const count = model.parameters.length;
  if (count > 0) {
    s.validate({ range: { row: first, column: COL.type, rowCount: count, columnCount: 1 }, rule: { type: "list", values: SHEET_TYPES }, message: `Kies een verdeling: ${SHEET_TYPES.join(", ")}.` });
    s.validate({ range: { row: first, column: COL.sd, rowCount: count, columnCount: 1 }, rule: { type: "decimal", min: 0 }, message: "De standaardafwijking (sd) is groter dan 0." });
    s.validate({ range: { row: first, column: COL.lambda, rowCount: count, columnCount: 1 }, rule: { type: "decimal", min: 0, max: 100 }, message: "lambda (PERT) ligt tussen 0 en 100 (standaard 4)." });
  }
  s.skip();
  s.addRow([{ value: CORRELATIONS, style: "section" }]);
  s.addRow(CORRELATION_HEADINGS.map((value) => ({ value, style: "heading" as const })));
  const correlationFirst = s.row;
  const correlations = own?.correlations ?? [];
  for (const c of correlations) {
    s.addRow([
      { value: c.parameters[0], style: "input" },
      { value: c.parameters[1], style: "input" },
      { value: c.coefficient, numberFormat: RATIO, style: "input" },
      { value: c.description ?? null, style: "input" },
    ]);
  }
  for (let i = 0; i < SPARE_CORRELATIONS; i++) s.addRow([{ value: null, style: "input" }, { value: null, style: "input" }, { value: null, numberFormat: RATIO, style: "input" }, { value: null, style: "input" }]);
  s.validate({ range: { row: correlationFirst, column: 2, rowCount: correlations.length + SPARE_CORRELATIONS, columnCount: 1 }, rule: { type: "decimal", min: -1, max: 1 }, message: "Een correlatie ligt tussen −1 en 1 (precies ±1 kan niet)." });
  s.width(COL.key, 26).width(COL.label, 40).width(COL.base, 14).width(COL.type, 12);
  for (let c = COL.min; c <= COL.lambda; c++) s.width(c, 12);
  s.width(COL.values, 22).width(COL.probabilities, 22).width(COL.description, 30);
  s.freeze(headingRow + 1, 2);
  return s.build();
}

/** How many rows of the Onzekerheid sheet the reader should read (the sheet as planned, with room for added rows). */
export function uncertaintyReadArea(parameterCount: number, correlationCount = 0): string {
  return `A1:${a1(12 + parameterCount + correlationCount + SPARE_CORRELATIONS + 40, COL.description)}`;
}

// ------------------------------------------------------------------------------------------------ reading back

/** What the sheet says: the schema's uncertainty section (absent = the engine's default), the share, tornado ranges. */
export interface UncertaintyRead {
  /** Absent when every parameter is on "standaard" and there are no correlations: the engine's own default applies. */
  readonly uncertainty?: ModelUncertainty;
  /** The share of "standaard" (0,2 = ±20%). */
  readonly relative: number;
  /** Low and high per parameter with a distribution, for the tornado (others use ±relative). */
  readonly ranges: Readonly<Record<string, ParameterRange>>;
  /** The cell (Onzekerheid!E8) of a schema path such as uncertainty.distributions[2].mode, for Dutch problems. */
  readonly cellOf: (path: string) => string | null;
}

export interface SheetProblem {
  /** "Onzekerheid!E8". */
  readonly path: string;
  readonly message: string;
}

const place = (row: number, column: number) => `${ONZEKERHEID}!${a1(row, column)}`;

/** A cell as a number: numbers as they are, text in Dutch (1.234,5) or plain (1234.5) notation; null when blank. */
function numberOf(v: CellValue | undefined): number | null | "wrong" {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "wrong";
  if (typeof v !== "string") return "wrong";
  let t = v.trim().replace(/\s|\u00a0/g, "");
  if (t === "") return null;
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1);
  if (t.includes(",")) t = t.replace(/\./g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return "wrong";
  const n = Number(t);
  return percent ? n / 100 : n;
}

const text = (v: CellValue | undefined) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/**
 * The Onzekerheid sheet's cells (a grid from A1, as read from a workbook) → the schema's uncertainty section, the
 * share and the tornado ranges; or every problem, in Dutch, naming the cell. `keys` are the model's parameters; a row
 * whose key is not one of them is a problem. A workbook without the sheet (written before it existed) reads as the
 * default: pass `null`.
 */
export function uncertaintyFromValues(
  grid: readonly (readonly CellValue[])[] | null,
  keys: readonly string[],
  /**
   * The model's parameter values, when known: a "standaard" row's base is then the parameter's own value, and the base
   * cell (a formula that shows it) is not read — rows sorted or moved on Invoer make that formula show another one.
   */
  values?: ReadonlyMap<string, number>,
): { ok: true; read: UncertaintyRead } | { ok: false; problems: SheetProblem[] } {
  const none: UncertaintyRead = { relative: DEFAULT_RELATIVE_RANGE, ranges: {}, cellOf: () => null };
  if (grid === null) return { ok: true, read: none };
  const problems: SheetProblem[] = [];
  const at = (r: number, c: number) => grid[r]?.[c];
  const rowWith = (label: string, from = 0) => {
    for (let r = from; r < grid.length; r++) if (text(at(r, 0)) === label) return r;
    return -1;
  };
  const headingRow = rowWith(HEADINGS[0]!);
  if (headingRow < 0) return { ok: false, problems: [{ path: ONZEKERHEID, message: `de kop "${HEADINGS[0]}" van de verdelingen is niet gevonden; schrijf het blad opnieuw (Werkmap bijwerken of het model opnieuw laden)` }] };
  const shareRow = rowWith(SHARE_LABEL);
  let relative = DEFAULT_RELATIVE_RANGE;
  if (shareRow >= 0) {
    const share = numberOf(at(shareRow, 1));
    if (share === "wrong" || share === null || !(share > 0 && share <= 10)) problems.push({ path: place(shareRow, 1), message: "het standaardbereik is een aandeel groter dan 0 en hoogstens 1000% (20% = ±20%)" });
    else relative = share;
  }
  const correlationTitle = rowWith(CORRELATIONS, headingRow);
  const end = correlationTitle >= 0 ? correlationTitle : grid.length;
  const known = new Set(keys);
  const distributions: ModelDistribution[] = [];
  const distributionRows: number[] = [];
  const ranges: Record<string, ParameterRange> = {};
  let allStandard = true;
  const seen = new Map<string, number>();
  for (let r = headingRow + 1; r < end; r++) {
    const key = text(at(r, COL.key));
    if (key === "") continue;
    if (!known.has(key)) {
      problems.push({ path: place(r, COL.key), message: `onbekende parameter "${key}"; de sleutels komen uit Invoer` });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ path: place(r, COL.key), message: `de parameter "${key}" staat al in rij ${seen.get(key)! + 1}` });
      continue;
    }
    seen.set(key, r);
    const typeText = text(at(r, COL.type)).toLowerCase();
    const type = (typeText === "" ? "vast" : typeText === "driehoeksverdeling" || typeText === "triangular" ? "driehoek" : typeText) as SheetType;
    if (!(SHEET_TYPES as readonly string[]).includes(type)) {
      problems.push({ path: place(r, COL.type), message: `onbekende verdeling "${text(at(r, COL.type))}"; kies ${SHEET_TYPES.join(", ")}` });
      allStandard = false;
      continue;
    }
    if (type !== "standaard") allStandard = false;
    if (type === "vast") continue;
    const num = (column: number, name: string, required = true): number | undefined => {
      const n = numberOf(at(r, column));
      if (n === "wrong") problems.push({ path: place(r, column), message: `${name}: geen getal (${text(at(r, column))})` });
      else if (n === null && required) problems.push({ path: place(r, column), message: `${name} ontbreekt (${type})` });
      return typeof n === "number" ? n : undefined;
    };
    const description = text(at(r, COL.description));
    const common = { parameter: key, ...(description !== "" ? { description } : {}) };
    let d: ModelDistribution | null = null;
    if (type === "standaard") {
      const base = values?.get(key) ?? num(COL.base, "de basiswaarde");
      if (base === undefined) continue;
      const def = defaultDistribution(base, relative);
      if (def && def.type === "driehoek") d = { parameter: key, type: "driehoek", min: def.min, mode: def.mode, max: def.max };
    } else if (type === "uniform") {
      const min = num(COL.min, "min");
      const max = num(COL.max, "max");
      if (min !== undefined && max !== undefined) d = { ...common, type, min, max };
    } else if (type === "driehoek" || type === "pert") {
      const min = num(COL.min, "min");
      const mode = num(COL.mode, "mode");
      const max = num(COL.max, "max");
      const lambda = type === "pert" ? num(COL.lambda, "lambda", false) : undefined;
      if (min !== undefined && mode !== undefined && max !== undefined) d = type === "pert" ? { ...common, type, min, mode, max, ...(lambda !== undefined ? { lambda } : {}) } : { ...common, type, min, mode, max };
    } else if (type === "normaal" || type === "lognormaal") {
      const mean = num(COL.mean, "gemiddelde");
      const sd = num(COL.sd, "sd");
      if (mean !== undefined && sd !== undefined) d = { ...common, type, mean, sd };
    } else {
      const list = (column: number, name: string): number[] | undefined => {
        const v = at(r, column);
        if (typeof v === "number") return [v];
        const parts = text(v).split(";").map((x) => x.trim()).filter((x) => x !== "");
        if (parts.length === 0) {
          problems.push({ path: place(r, column), message: `${name} ontbreken (discreet: getallen gescheiden door ;, bijvoorbeeld 0,5; 1; 2)` });
          return undefined;
        }
        const xs = parts.map((x) => numberOf(x));
        const wrong = parts.find((_, i) => typeof xs[i] !== "number");
        if (wrong !== undefined) {
          problems.push({ path: place(r, column), message: `${name}: "${wrong}" is geen getal (getallen gescheiden door ;)` });
          return undefined;
        }
        return xs as number[];
      };
      const values = list(COL.values, "de waarden");
      const probabilities = list(COL.probabilities, "de kansen");
      if (values && probabilities) d = { ...common, type: "discreet", values, probabilities };
    }
    if (!d) continue;
    distributions.push(d);
    distributionRows.push(r);
    ranges[key] = rangeOf(d);
  }
  const correlations: ModelUncertainty["correlations"][number][] = [];
  const correlationRows: number[] = [];
  if (correlationTitle >= 0) {
    for (let r = correlationTitle + 2; r < grid.length; r++) {
      const a = text(at(r, 0));
      const b = text(at(r, 1));
      const coefficient = numberOf(at(r, 2));
      if (a === "" && b === "" && coefficient === null) continue;
      if (a === "") problems.push({ path: place(r, 0), message: "de eerste parameter van de correlatie ontbreekt" });
      if (b === "") problems.push({ path: place(r, 1), message: "de tweede parameter van de correlatie ontbreekt" });
      if (coefficient === null || coefficient === "wrong") problems.push({ path: place(r, 2), message: "de coëfficiënt ontbreekt of is geen getal (−1 … 1)" });
      if (a === "" || b === "" || typeof coefficient !== "number") continue;
      const description = text(at(r, 3));
      correlations.push({ parameters: [a, b], coefficient, ...(description !== "" ? { description } : {}) });
      correlationRows.push(r);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const cellOf = (path: string): string | null => {
    const m = /^uncertainty\.(distributions|correlations)(?:\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?)?/.exec(path);
    if (!m) return null;
    const i = m[2] === undefined ? null : Number(m[2]);
    if (m[1] === "distributions") {
      if (i === null) return place(headingRow, 0);
      const r = distributionRows[i];
      if (r === undefined) return null;
      const column = m[3] && m[3] in COL ? COL[m[3] as keyof typeof COL] : m[3] === "parameter" ? COL.key : COL.type;
      return place(r, column);
    }
    if (i === null) return correlationTitle >= 0 ? place(correlationTitle, 0) : null;
    const r = correlationRows[i];
    if (r === undefined) return null;
    return place(r, m[3] === "parameters" ? Number(m[4] ?? 0) : m[3] === "coefficient" ? 2 : 0);
  };
  const standard = allStandard && correlations.length === 0;
  return { ok: true, read: { ...(standard ? {} : { uncertainty: { distributions, correlations } }), relative, ranges: standard ? {} : ranges, cellOf } };
}

/** The tornado's low and high of a distribution (the engine's one rule, distributionRange). */
function rangeOf(d: ModelDistribution): ParameterRange {
  return distributionRange(d);
}

// ------------------------------------------------------------------------------------------------ result sheets

/** A bound of a histogram bin in whole euros; formatDutch, not formatEuro, so that a bound just below 0 reads "€ -0". */
const euro = (n: number) => `€ ${formatDutch(n, 0, 0)}`;
const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = {
  saldo: "Saldo (NCW)",
  ratio: "Baten-kostenratio, maatschappelijk",
  ratio_financieel: "Baten-kostenratio, financieel",
  ratio_gemeentelijk: "Baten-kostenratio, gemeentelijk",
};

/** A plan of one result sheet, for the plan writer (no names, no settings of its own). */
const onePlan = (sheet: PlanSheet, planVersion: number): WorkbookPlan => ({ planVersion, sheets: [sheet], names: [], settings: {} });

/** The Monte Carlo sheet: the figures of a completed run (constants from the add-in), the histogram and its chart. */
export function monteCarloPlan(result: MonteCarloResult, when: string, planVersion: number): WorkbookPlan {
  const s = new SheetBuilder(MONTE_CARLO, "Monte Carlo: kengetallen van saldo en ratio's, P(saldo > 0) en het histogram, berekend door de invoegtoepassing.");
  s.addRow([{ value: `Monte Carlo — ${result.title}`, style: "title" }]);
  s.addRow([{ value: `Berekend door de invoegtoepassing op ${when}, seed ${result.seed}, ${SAMPLING_LABELS[result.sampling]}, ${formatCount(result.runs)} trekkingen; scenario ${result.scenario}. Vaste getallen, geen formules: opnieuw rekenen = de actie Monte Carlo in het taakvenster.`, style: "note" }]);
  s.addRow([
    {
      value:
        result.distributions === "standaard"
          ? `Verdelingen: standaard, een driehoeksverdeling ±${formatCount(Math.round((result.relative ?? DEFAULT_RELATIVE_RANGE) * 1000) / 10)}% rond de waarde van elke parameter (${result.varied.length} parameters; ${result.fixedAtZero.length} met waarde 0 vast).`
          : `Verdelingen: het blad ${ONZEKERHEID} (${result.varied.length} parameters met een verdeling, ${result.correlations.length} correlaties).`,
      style: "note",
    },
  ]);
  s.skip();
  s.addRow([{ value: "Kengetallen van de uitkomsten", style: "section" }]);
  s.addRow(["Uitkomst", "P5", "P10", "P50", "P90", "P95", "Gemiddelde", "Standaardfout", "Standaardafwijking", "Trekkingen met uitkomst"].map((value) => ({ value, style: "heading" as const })));
  for (const outcome of OUTCOMES) {
    const o = result.outcomes[outcome];
    const format = outcome === "saldo" ? EURO : RATIO;
    const n = (x: number | null) => ({ value: x, numberFormat: format, style: "output" as const });
    s.addRow([
      { value: OUTCOME_NAMES[outcome], style: outcome === "saldo" ? "total" : "label" },
      n(o.percentiles.P5),
      n(o.percentiles.P10),
      n(o.percentiles.P50),
      n(o.percentiles.P90),
      n(o.percentiles.P95),
      n(o.mean),
      n(o.standardError),
      n(o.sd),
      { value: o.count, numberFormat: "#,##0", style: "output" },
    ]);
  }
  s.addRow([
    { value: "P(saldo > 0)", style: "total" },
    { value: result.probabilityPositive.share, numberFormat: "0.0%", style: "output" },
    { value: "standaardfout", style: "note" },
    { value: result.probabilityPositive.standardError, numberFormat: "0.00%", style: "output" },
  ]);
  s.addRow([{ value: "Saldo van het scenario zelf", style: "label" }, { value: result.baseSaldo, numberFormat: EURO, style: "output" }]);
  if (result.failedRuns > 0) s.addRow([{ value: `${formatCount(result.failedRuns)} trekkingen waren niet door te rekenen en tellen niet mee: ${result.failure ?? ""}`, style: "warning" }]);
  if (result.fixedByScenario.length > 0) s.addRow([{ value: `Vast door het scenario (verdeling niet gebruikt): ${result.fixedByScenario.join(", ")}`, style: "note" }]);
  s.skip();
  s.addRow([{ value: "Histogram van het saldo", style: "section" }]);
  s.addRow(["Klasse", "Van", "Tot", "Aantal", "Aandeel"].map((value) => ({ value, style: "heading" as const })));
  const binsFirst = s.row;
  const total = result.histogram.reduce((sum, b) => sum + b.count, 0);
  for (const b of result.histogram) {
    s.addRow([
      { value: `${euro(b.from)} – ${euro(b.to)}`, style: "label" },
      { value: b.from, numberFormat: EURO, style: "output" },
      { value: b.to, numberFormat: EURO, style: "output" },
      { value: b.count, numberFormat: "#,##0", style: "output" },
      { value: total > 0 ? b.count / total : 0, numberFormat: "0.0%", style: "output" },
    ]);
  }
  const bins = result.histogram.length;
  s.skip();
  s.addRow([{ value: "Verdelingen in deze run", style: "section" }]);
  s.addRow(["Parameter", "Sleutel", "Basiswaarde", "Verdeling"].map((value) => ({ value, style: "heading" as const })));
  for (const v of result.varied) s.addRow([{ value: v.label, style: "label" }, { value: v.key, style: "note" }, { value: v.base, numberFormat: NUMBER }, { value: describeDistribution(v.distribution, formatParameterValue) }]);
  for (const c of result.correlations) s.addRow([{ value: `Correlatie ${c.parameters[0]} – ${c.parameters[1]}`, style: "label" }, null, { value: c.coefficient, numberFormat: RATIO }]);
  if (bins > 0) {
    s.chart({
      id: "montecarlo-histogram",
      type: "columnClustered",
      title: `Histogram van het saldo — P(saldo > 0) = ${formatCount(Math.round(result.probabilityPositive.share * 1000) / 10)}% (${formatCount(result.runs)} trekkingen, seed ${result.seed})`,
      series: [{ name: "Aantal trekkingen", values: { sheet: MONTE_CARLO, range: { row: binsFirst, column: 3, rowCount: bins, columnCount: 1 } }, categories: { sheet: MONTE_CARLO, range: { row: binsFirst, column: 0, rowCount: bins, columnCount: 1 } } }],
      anchor: { from: { row: 4, column: 11 }, to: { row: 24, column: 19 } },
      valueAxisTitle: "aantal trekkingen",
      categoryAxisTitle: "saldo (NCW)",
    });
  }
  s.width(0, 38);
  for (let c = 1; c <= 9; c++) s.width(c, 15);
  s.width(3, 40);
  return onePlan(s.build(), planVersion);
}

/** Rows of the tornado chart (the largest swings; the table lists every parameter). */
const TORNADO_CHART_ROWS = 15;

/** The Tornado sheet: every parameter's low and high, the outcomes there, the swing and the break-even value; a chart. */
export function tornadoPlan(t: Tornado, title: string, when: string, relative: number, planVersion: number): WorkbookPlan {
  const s = new SheetBuilder(TORNADO, "Tornado: de uitkomst bij een lage en een hoge waarde van elke parameter, gesorteerd op invloed, met het omslagpunt; berekend door de invoegtoepassing.");
  const format = t.outcome === "saldo" ? EURO : RATIO;
  s.addRow([{ value: `Tornado — ${title}`, style: "title" }]);
  s.addRow([{ value: `Berekend door de invoegtoepassing op ${when}; uitkomst: ${OUTCOME_LABELS[t.outcome]}, scenario ${t.scenario}. Vaste getallen, geen formules: opnieuw rekenen = de actie Gevoeligheid (tornado) in het taakvenster.`, style: "note" }]);
  s.addRow([{ value: `Laag en hoog: min en max van de verdeling op het blad ${ONZEKERHEID} (normaal en lognormaal: P5 en P95), anders de waarde ±${formatCount(Math.round(relative * 1000) / 10)}%. Omslagpunt: de waarde waarbij ${t.outcome === "saldo" ? "het saldo 0" : "de ratio 1"} wordt (de andere parameters op hun waarde).`, style: "note" }]);
  s.addRow([{ value: `Uitkomst van het scenario zelf`, style: "label" }, { value: t.baseOutcome, numberFormat: format, style: "total" }]);
  s.skip();
  s.addRow(["Parameter", "Basiswaarde", "Laag", "Hoog", "Uitkomst bij laag", "Uitkomst bij hoog", "Bereik van de uitkomst (swing)", "Omslagpunt", "Richting", "Laag − basis", "Hoog − basis", "Sleutel"].map((value) => ({ value, style: "heading" as const })));
  const first = s.row;
  const base = t.baseOutcome ?? 0;
  for (const r of t.rows) {
    const be = r.breakEven;
    s.addRow([
      { value: r.label, style: "label" },
      { value: r.base, numberFormat: NUMBER },
      { value: r.range.low, numberFormat: NUMBER },
      { value: r.range.high, numberFormat: NUMBER },
      { value: r.outcomeLow, numberFormat: format, style: "output" },
      { value: r.outcomeHigh, numberFormat: format, style: "output" },
      r.moves ? { value: r.swing, numberFormat: format, style: "output" } : { value: "geen invloed", style: "note" },
      be.kind === "gevonden" ? { value: be.value, numberFormat: NUMBER, style: "output" } : { value: be.kind === "niet bereikt" ? "niet bereikt binnen het bereik" : be.kind === "niet gezocht" ? "niet gezocht" : "geen invloed", style: "note" },
      be.kind === "gevonden" ? { value: `${be.direction === "stijgend" ? "positief boven" : "positief onder"} het omslagpunt${be.otherValues.length > 0 ? `; niet monotoon, ook bij ${be.otherValues.map((x) => formatCount(Number(x.toPrecision(6)))).join("; ")}` : ""}`, style: "note" } : { value: r.note ?? null, style: "note" },
      { value: r.outcomeLow === null ? null : r.outcomeLow - base, numberFormat: format, style: "output" },
      { value: r.outcomeHigh === null ? null : r.outcomeHigh - base, numberFormat: format, style: "output" },
      { value: r.key, style: "note" },
    ]);
  }
  const rows = Math.min(TORNADO_CHART_ROWS, t.rows.length);
  if (rows > 0) {
    const categories = { sheet: TORNADO, range: { row: first, column: 0, rowCount: rows, columnCount: 1 } };
    s.chart({
      id: "tornado",
      type: "barClustered",
      title: `Tornado — ${OUTCOME_LABELS[t.outcome]} t.o.v. het scenario zelf (de ${rows} grootste)`,
      series: [
        { name: "Laag − basis", values: { sheet: TORNADO, range: { row: first, column: 9, rowCount: rows, columnCount: 1 } }, categories },
        { name: "Hoog − basis", values: { sheet: TORNADO, range: { row: first, column: 10, rowCount: rows, columnCount: 1 } }, categories },
      ],
      anchor: { from: { row: 0, column: 13 }, to: { row: 22, column: 21 } },
      valueAxisTitle: t.outcome === "saldo" ? "verschil in saldo (euro)" : "verschil in ratio",
    });
  }
  s.width(0, 44);
  for (let c = 1; c <= 10; c++) s.width(c, 15);
  s.width(8, 30).width(11, 24).freeze(first, 1);
  return onePlan(s.build(), planVersion);
}
