/**
 * The registration in the workbook (registratie in de werkmap, issue 21): the sheets a registration run adds to an LPBL
 * model's workbook, as one workbook plan that every writer puts in a workbook — the task pane through Office.js
 * (after reading in its Web Worker), `mkba registratie … -o werkmap.xlsx` through ExcelJS.
 *
 * Input sheets (the team's own, read back by "Registratie inlezen" → "uit de werkmap"):
 * - *Registratie*: the records as an Excel table, one row per household per measurement, the format's Dutch column
 *   names after Bijlage 3 (src/engine/records/format.ts) in row 1, data validation lists for every coded column;
 * - *Vergelijkingsgebied* and *Casussen*: the comparison area's counts and the case lines, as tables;
 * - *Prijslijst*: the price list of the case analysis (post, omschrijving, eenheid, prijs, prijsjaar, bron), the key
 *   figures with their sources by default; the prices are the analyst's (input cells).
 * Result sheets (rewritten by every run):
 * - *MKBA 2.0*: plan (1.0, formulas to the Invoer screen) against registration (2.0) per input, the difference, the
 *   households behind it and the missing; trajectories per type; the scenario "MKBA 2.0 (registratie)" as a block of
 *   overrides (parameter | waarde) and saldo, baten, kosten and ratio of plan, 2.0 and 3.0 as MKBA.SCENARIO formulas over
 *   Invoer with that block — computed by the workbook, the analyst's inputs untouched — and a chart of the saldo;
 * - *Effectmeting*: gross and net per outcome with the 95% interval and attribution, ZRM development, the C.2/C.3 inputs
 *   it measures, the scenario "MKBA 3.0 (effectmeting)" as a block; a chart of gross against net;
 * - *Casusanalyse*: per case the costs without and with the approach and the saving, how many of n are cheaper, total
 *   and mean with their interval, the prices used; a chart of the saving per case.
 * Aggregates are constants computed by the add-in (as on the Monte Carlo sheet) and pass the suppression rule: a count
 * below the threshold reads "< 10", a share over fewer households "onderdrukt", and each sheet says so.
 */
import { ModelRun } from "../model";
import { formatCount } from "../model/limits";
import { formatDutch } from "../numberFormat";
import { COLUMNS, ColumnKind, allowedCodes } from "../records/format";
import { COMPARISON_COLUMNS } from "../records/comparison";
import type { RegistrationRun, Table } from "../records/pipeline";
import { PriceItem } from "../records/priceList";
import { Suppression, countShown, shownCount, suppressionNote } from "../records/privacy";
import { SCENARIO_3 } from "../records/effect";
import { SCENARIO_2 } from "../records/registration";
import { lpblScreenFields } from "./lpblScreen";
import { EURO, RATIO, expectedKey } from "./outputCells";
import { PLAN_SCHEMA_VERSION, PlanCell, PlanSheet, PlanValidation, PlanValue, SheetBuilder, WorkbookPlan, a1, rangeAddress, sheetPrefix } from "./plan";
import { CASUSANALYSE, CASUSSEN, EFFECTMETING, INVOER, MKBA_2, PRIJSLIJST, REGISTRATIE, VERGELIJKINGSGEBIED } from "./sheetNames";

export { sheetText } from "../records/sheetText";
export { CASUSANALYSE, CASUSSEN, EFFECTMETING, MKBA_2, PRIJSLIJST, REGISTRATIE, VERGELIJKINGSGEBIED } from "./sheetNames";

/** The sheets a run reads from the workbook ("uit de werkmap"), with the table each holds. */
export const REGISTRATION_INPUT_SHEETS = [REGISTRATIE, VERGELIJKINGSGEBIED, CASUSSEN, PRIJSLIJST] as const;
/** The sheets a run writes every time. */
export const REGISTRATION_RESULT_SHEETS = [MKBA_2, EFFECTMETING, CASUSANALYSE] as const;

/** Empty rows below a table that keep its validation, for the team to type new rows. */
const SPARE_ROWS = 500;
const SHARE = "0.0%";
const CHANGE = "+0.0%;-0.0%;0.0%";
const COUNT = "#,##0";
const NUMBER = "#,##0.00";
const dash = "–";

const heading = (value: string) => ({ value, style: "heading" as const });
const note = (value: string) => ({ value, style: "note" as const });

/** A cell's text as a value of the sheet: whole and decimal numbers as numbers, except in text columns (ids, dates, codes). */
function typed(text: string, textColumn: boolean): PlanValue {
  const t = text.trim();
  if (t === "") return null;
  if (!textColumn && /^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  return t;
}

/** The data validation rule of a record column's kind, or null (ids and dates are checked by the reader). */
function columnRule(kind: ColumnKind): PlanValidation["rule"] | null {
  if (kind.type === "count") return { type: "whole", min: 0, max: kind.max };
  const codes = allowedCodes(kind);
  return codes.length > 0 ? { type: "list", values: codes } : null;
}

/** A table sheet: headers in row 1, the rows typed, an Excel table over them, validation per column, first row frozen. */
function tableSheet(name: string, purpose: string, table: Table, tableName: string, rules: (header: string) => { rule: PlanValidation["rule"]; message: string } | null, textColumns: ReadonlySet<string>, widths: (header: string) => number): PlanSheet {
  const s = new SheetBuilder(name, purpose);
  const header = table[0] ?? [];
  s.addRow(header.map((h) => heading(h)));
  const text = header.map((h) => textColumns.has(h.trim().toLowerCase()));
  for (let r = 1; r < table.length; r++) {
    const row = table[r]!;
    s.addRow(row.map((cell, c) => {
      const value = typed(cell, text[c] ?? true);
      return value === null ? null : { value };
    }));
  }
  const dataRows = Math.max(1, table.length - 1);
  s.table({ name: tableName, range: { row: 0, column: 0, rowCount: dataRows + 1, columnCount: Math.max(1, header.length) } });
  header.forEach((h, c) => {
    const rule = rules(h.trim().toLowerCase());
    if (rule) s.validate({ range: { row: 1, column: c, rowCount: dataRows + SPARE_ROWS, columnCount: 1 }, rule: rule.rule, message: rule.message });
    s.width(c, widths(h));
  });
  s.freeze(1, 1);
  return s.build();
}

const RECORD_TEXT = new Set(COLUMNS.filter((c) => c.kind.type === "pseudonym" || c.kind.type === "date" || c.kind.type === "code").map((c) => c.header));
const RECORD_KIND = new Map(COLUMNS.map((c) => [c.header, c] as const));

/** *Registratie*: the records as an Excel table with a validation list per coded column. */
export function registrationSheet(table: Table): PlanSheet {
  return tableSheet(
    REGISTRATIE,
    "De registratie van het team (Bijlage 3): één rij per huishouden per meting; pseudoniemen, nooit een BSN, naam of adres. Blijft in deze werkmap.",
    table,
    "Registratietabel",
    (h) => {
      const spec = RECORD_KIND.get(h);
      const rule = spec ? columnRule(spec.kind) : null;
      return spec && rule ? { rule, message: `${spec.header}: ${spec.description}` } : null;
    },
    RECORD_TEXT,
    (h) => Math.max(8, Math.min(26, h.length + 2)),
  );
}

/** *Vergelijkingsgebied*: the comparison area's counts per period and household type. */
export function comparisonSheet(table: Table): PlanSheet {
  const spec = new Map(COMPARISON_COLUMNS.map((c) => [c.header, c] as const));
  return tableSheet(
    VERGELIJKINGSGEBIED,
    "Het vergelijkingsgebied (Figuur 4.6): geaggregeerde tellingen per periode en huishoudtype, zonder de aanpak.",
    table,
    "Vergelijkingstabel",
    (h) => {
      const c = spec.get(h);
      if (!c) return null;
      const rule = c.kind.type === "count" ? ({ type: "whole", min: 0 } as const) : columnRule(c.kind);
      return rule ? { rule, message: `${c.header}: ${c.description}` } : null;
    },
    new Set(["huishoudtype"]),
    (h) => Math.max(10, Math.min(26, h.length + 2)),
  );
}

/** *Casussen*: per case the items (posten) with and without the approach. */
export function casesSheet(table: Table): PlanSheet {
  return tableSheet(
    CASUSSEN,
    "De casussen (seed 002 regel 158, seed 003): per casus per post de hoeveelheid met de aanpak en zoals de professional die zonder de aanpak verwacht.",
    table,
    "Casustabel",
    (h) => (h === "met_aanpak" || h === "zonder_aanpak" ? { rule: { type: "decimal", min: 0 }, message: `${h}: een hoeveelheid van 0 of meer, in de eenheid van de post` } : null),
    new Set(["casus", "post"]),
    (h) => (h === "casus" || h === "post" ? 16 : 15),
  );
}

/** *Prijslijst*: the price list, editable (the prices are the analyst's); read back by every run. */
export function priceListSheet(prices: readonly PriceItem[]): PlanSheet {
  const s = new SheetBuilder(PRIJSLIJST, "De maatschappelijke prijslijst van de casusanalyse: post, eenheid, prijs, prijsjaar en bron; standaard de kengetallen met hun bron. Pas prijzen en bronnen hier aan.");
  s.addRow(["post", "omschrijving", "eenheid", "prijs", "prijsjaar", "bron", "illustratief"].map(heading));
  for (const p of prices) {
    s.addRow([
      { value: p.id, style: "label" },
      { value: p.label, style: "input" },
      { value: p.unit, style: "input" },
      { value: p.price, numberFormat: NUMBER, style: "input" },
      { value: p.priceYear, numberFormat: "0", style: "input" },
      { value: p.source, style: "input" },
      { value: p.illustrative ? "ja" : "nee", style: "note" },
    ]);
  }
  const n = Math.max(1, prices.length);
  s.table({ name: "Prijstabel", range: { row: 0, column: 0, rowCount: n + 1, columnCount: 7 } });
  s.validate({ range: { row: 1, column: 3, rowCount: n + 100, columnCount: 1 }, rule: { type: "decimal", min: 0 }, message: "prijs: een bedrag van 0 of meer, in euro's per eenheid" });
  s.validate({ range: { row: 1, column: 4, rowCount: n + 100, columnCount: 1 }, rule: { type: "whole", min: 1990, max: 2100 }, message: "prijsjaar: een jaar (1990–2100)" });
  s.width(0, 16).width(1, 44).width(2, 30).width(3, 14).width(4, 10).width(5, 60).width(6, 11).freeze(1, 1);
  return s.build();
}

/** The screen input (Invoer) of an LPBL parameter that the effect measurement feeds, by parameter key. */
const EFFECT_FIELD: Readonly<Record<string, string>> = {
  escalatie_gezinnen: "effect.preventedEscalation.families",
  escalatie_ouderen: "effect.preventedEscalation.elderly",
  escalatie_overig: "effect.preventedEscalation.other",
  escalatie_huisuitzetting: "effect.preventedEvictions",
  succes_schuldhulp: "effect.success.debtAssistance",
  succes_werk: "effect.success.directToWork",
};

export interface RegistrationPlanOptions {
  /** When the run was made (Dutch text) and from what ("registratie.csv", "de werkmap"). */
  readonly when: string;
  readonly source: string;
  /** The input tables to put in the workbook (from a file); absent: the sheets are left as they are. */
  readonly inputs?: { readonly records?: Table; readonly comparison?: Table | null; readonly cases?: Table | null };
  /** Write the Prijslijst sheet (the run's prices: the sheet's own when it was read from the workbook). */
  readonly prices: boolean;
}

export interface RegistrationWorkbook {
  readonly plan: WorkbookPlan;
  /** The engine's value of each formula cell, by "sheet!row,column" (0-based), for a writer's cached results. */
  readonly expected: ReadonlyMap<string, number | string>;
}

const ratioValue = (run: ModelRun): number | string => run.ratios.social.value ?? "#DIV/0!";
const OUTCOME_ROWS: readonly [string, string, string, (run: ModelRun) => number | string][] = [
  ["saldo", "Saldo (NCW)", EURO, (r) => r.saldo],
  ["baten", "Baten (NCW)", EURO, (r) => r.benefits],
  ["kosten", "Kosten (NCW)", EURO, (r) => r.costs],
  ["ratio", "Baten-kostenratio, maatschappelijk", RATIO, ratioValue],
];

/** The plan of a registration run: the input sheets asked for, Prijslijst, and the three result sheets. */
export function registrationWorkbook(run: RegistrationRun, options: RegistrationPlanOptions): RegistrationWorkbook {
  const expected = new Map<string, number | string>();
  const s: Suppression = { threshold: run.registration.threshold };
  const screen = new Map(lpblScreenFields().map((f) => [f.id, f.cell] as const));
  const invoerRef = (path: string) => {
    const cell = screen.get(path);
    return cell ? `=${sheetPrefix(INVOER)}${a1(cell.row, cell.column, true)}` : null;
  };
  const count = (n: number): Omit<PlanCell, "row" | "column"> => (countShown(n, s) ? { value: n, numberFormat: COUNT } : { value: shownCount(n, s), style: "note" });
  const r2 = run.registration;

  // ---------------------------------------------------------------- MKBA 2.0: plan against registration
  const m = new SheetBuilder(MKBA_2, "MKBA 1.0 (plan) tegen MKBA 2.0 (registratie): per invoer beide waarden, het verschil, de huishoudens erachter en wat ontbreekt; de scenario's uit de registratie doorgerekend over Invoer.");
  m.addRow([{ value: "MKBA 1.0 (plan) tegen MKBA 2.0 (registratie)", style: "title" }]);
  m.addRow([note(`Ingelezen door de invoegtoepassing op ${options.when} uit ${options.source}: ${formatCount(run.report.recordsKept)} van de ${formatCount(run.report.rowsRead)} rijen${run.report.rowsLeftOut > 0 ? ` (${formatCount(run.report.rowsLeftOut)} weggelaten: ${run.report.leftOutByReason.map((l) => `${l.reason} ${formatCount(l.rows)}`).join(", ")})` : ""}, ${formatCount(r2.households)} huishoudens${r2.period ? `, aangemeld ${r2.period.first} t/m ${r2.period.last}` : ""}. De registratiewaarden zijn vaste getallen; opnieuw = Registratie inlezen in het taakvenster.`)]);
  m.addRow([{ value: suppressionNote(s), style: "warning" }]);
  m.skip();
  m.addRow([{ value: "Invoer A–C: plan tegen registratie", style: "section" }]);
  m.addRow(["Invoer", "Parameter", "Plan (1.0)", "Registratie (2.0)", "Verschil", "Huishoudens", "Ontbrekend", "Toelichting"].map(heading));
  const registrationCell = new Map<string, string>();
  let section = "";
  for (const i of r2.inputs) {
    if (i.section !== section) {
      section = i.section;
      m.addRow([{ value: { A: "A. Bereik", B: "B. Kosten", C: "C. Effect (waargenomen; geen invoer van 2.0)" }[i.section], style: "label" }]);
    }
    const row = m.row;
    const format = i.unit === "aandeel" ? SHARE : i.unit === "huishoudens" ? COUNT : NUMBER;
    const planFormula = i.parameter ? invoerRef(i.path) : null;
    if (planFormula && i.plan !== null) expected.set(expectedKey(MKBA_2, row, 2), i.plan);
    const regCell: Omit<PlanCell, "row" | "column"> =
      i.suppressed ? { value: `onderdrukt (< ${formatCount(r2.threshold)})`, style: "note" } : i.registration === null ? { value: "geen gegevens", style: "note" } : { value: i.registration, numberFormat: format, style: "output" };
    if (i.parameter && i.registration !== null && !i.suppressed) registrationCell.set(i.parameter, a1(row, 3, true));
    const diff = i.plan !== null && i.registration !== null && !i.suppressed;
    if (diff) expected.set(expectedKey(MKBA_2, row, 4), i.registration! - i.plan!);
    m.addRow([
      { value: `${i.label}${i.parameter === null ? " *" : ""}`, style: "label" },
      i.parameter ? note(i.parameter) : null,
      planFormula ? { formula: planFormula, numberFormat: format } : i.plan === null ? note(dash) : { value: i.plan, numberFormat: format },
      regCell,
      { formula: `=IF(AND(ISNUMBER(${a1(row, 3)}),ISNUMBER(${a1(row, 2)})),${a1(row, 3)}-${a1(row, 2)},"")`, numberFormat: i.unit === "aandeel" ? CHANGE : NUMBER, style: "output" },
      count(i.households),
      count(i.missing),
      i.note ? note(i.note) : null,
    ]);
  }
  m.addRow([note("* ter informatie, geen invoer van het scenario. Plan (1.0): de cellen van het invoerscherm op Invoer (het plan van de analist, ongewijzigd).")]);
  m.skip();
  m.addRow([{ value: "Trajecten per type (huishoudens met een vervolgmeting; substitueerbaar volgens seed 001 voetnoot 15)", style: "section" }]);
  m.addRow(["Traject", "Substitueerbaar", "Lopend bij aanvang", "Toegevoegd door het team", "Geschrapt door het team"].map(heading));
  for (const t of r2.trajectories) m.addRow([{ value: t.label, style: "label" }, { value: t.substitutable ? "ja" : "nee" }, count(t.runningAtStart), count(t.added), count(t.removed)]);
  m.skip();

  // The scenario 2.0 as a block of overrides (parameter | waarde), each a reference to its registration value above.
  m.addRow([{ value: `Scenario ${SCENARIO_2}: de invoer uit de registratie, op het plan`, style: "section" }]);
  m.addRow([note(run.scenario2.description)]);
  m.addRow(["Parameter", "Waarde"].map(heading));
  const block2Top = m.row;
  for (const [key, value] of Object.entries(run.scenario2.overrides)) {
    const ref = registrationCell.get(key);
    const row = m.row;
    m.addRow([{ value: key, style: "label" }, ref ? { formula: `=${ref}`, numberFormat: NUMBER, style: "output" } : { value, numberFormat: NUMBER }]);
    if (ref) expected.set(expectedKey(MKBA_2, row, 1), value);
  }
  const block2Rows = m.row - block2Top;
  const block2 = block2Rows > 0 ? `${sheetPrefix(MKBA_2)}${rangeAddress({ row: block2Top, column: 0, rowCount: block2Rows, columnCount: 2 }, true)}` : null;
  m.skip();

  // ---------------------------------------------------------------- Effectmeting (built first in part: its block's place)
  const e = run.effect;
  const f = new SheetBuilder(EFFECTMETING, "MKBA 3.0 (effectmeting): per uitkomst de bruto en netto verandering tegen het vergelijkingsgebied (verschil-in-verschillen) met het 95%-interval, de ZRM-ontwikkeling en de invoer C.2/C.3 van het scenario MKBA 3.0.");
  f.addRow([{ value: "Effectmeting (MKBA 3.0): bruto en netto tegen het vergelijkingsgebied", style: "title" }]);
  f.addRow([
    note(
      e.hasComparison
        ? `Nulmeting tegen meting ${e.followUp}: ${formatCount(e.paired)} van de ${formatCount(e.households)} huishoudens met beide metingen. Bruto: de verandering in het gebied van de aanpak (seed 001 regel 895); netto: bruto min de verandering in het vergelijkingsgebied (regel 897, Figuur 4.6). Interval: percentiel-bootstrap over de huishoudens, ${formatCount(e.replicates)} trekkingen, seed ${e.seed}. Berekend op ${options.when}.`
        : "Geen vergelijkingsgebied (blad Vergelijkingsgebied of een bestand erbij): alleen de bruto verandering is bekend, niet het netto effect; er is geen scenario MKBA 3.0.",
    ),
  ]);
  f.addRow([{ value: suppressionNote(s), style: "warning" }]);
  f.skip();
  f.addRow([{ value: "Per uitkomst", style: "section" }]);
  f.addRow(["Uitkomst", "Groep", "Huishoudens", "Aanpak voor", "Aanpak na", "Vergelijking voor", "Vergelijking na", "Bruto", "Netto", "95%-interval laag", "95%-interval hoog", "Attributie"].map(heading));
  const outcomesTop = f.row;
  for (const o of e.outcomes) {
    const a = o.approach;
    const c = o.comparison;
    const share = (x: number | null | undefined) => (x === null || x === undefined ? note(dash) : { value: x, numberFormat: SHARE, style: "output" as const });
    const change = (x: number | null | undefined) => (x === null || x === undefined ? note(dash) : { value: x, numberFormat: CHANGE, style: "output" as const });
    if (o.suppressed || !a) {
      f.addRow([{ value: o.outcome.label, style: "label" }, { value: o.groupLabel }, a ? count(a.households) : { value: 0, numberFormat: COUNT }, note(o.suppressed ? `onderdrukt (< ${formatCount(e.threshold)})` : "geen huishoudens met beide metingen")]);
      continue;
    }
    f.addRow([
      { value: o.outcome.label, style: "label" },
      { value: o.groupLabel },
      count(a.households),
      share(a.before),
      share(a.after),
      c ? share(c.before.count / c.before.households) : note("niet geteld"),
      c ? share(c.after.count / c.after.households) : note("niet geteld"),
      change(o.gross),
      change(o.net),
      change(o.interval?.low),
      change(o.interval?.high),
      o.attribution === null ? note(dash) : { value: o.attribution, numberFormat: "0%", style: "output" },
    ]);
  }
  const outcomeRows = f.row - outcomesTop;
  f.addRow([note("Attributie: netto ÷ bruto (– als ze een ander teken hebben). Aandelen over de huishoudens in de groep van de uitkomst; de tellingen van het vergelijkingsgebied binomiaal opnieuw getrokken.")]);
  f.skip();
  const zrm = e.zrm.filter((z) => z.households > 0);
  if (zrm.length > 0) {
    f.addRow([{ value: "ZRM-ontwikkeling (Zelfredzaamheidsmatrix 1–5; huishoudens met dat probleem bij aanvang; alleen bruto: het vergelijkingsgebied heeft geen ZRM)", style: "section" }]);
    f.addRow(["Probleemgebied", "Huishoudens", "Gemiddeld voor", "Gemiddeld na", "Verandering", "95%-interval laag", "95%-interval hoog"].map(heading));
    for (const z of zrm) {
      const n2 = (x: number | null | undefined) => (x === null || x === undefined ? note(dash) : { value: x, numberFormat: "0.00", style: "output" as const });
      if (z.suppressed || z.change === null) f.addRow([{ value: z.label, style: "label" }, count(z.households), note("onderdrukt")]);
      else f.addRow([{ value: z.label, style: "label" }, count(z.households), n2(z.before), n2(z.after), { value: z.change, numberFormat: "+0.00;-0.00;0.00", style: "output" }, n2(z.interval?.low), n2(z.interval?.high)]);
    }
    f.skip();
  }
  const measuredCell = new Map<string, string>();
  let block3: string | null = null;
  if (run.scenario3) {
    f.addRow([{ value: "Invoer C.2/C.3 uit de effectmeting (het interval is de onzekerheid van tornado en Monte Carlo)", style: "section" }]);
    f.addRow(["Invoer", "Parameter", "Plan (1.0)", "Effectmeting (3.0)", "95%-interval laag", "95%-interval hoog", "Huishoudens", "Berekening"].map(heading));
    const overrides3 = run.scenario3.overrides;
    for (const p of e.parameters) {
      const key = [p.key, ...p.alternatives].find((k) => k in overrides3);
      if (!key) continue;
      const row = f.row;
      const field = EFFECT_FIELD[key];
      const planFormula = field ? invoerRef(field) : null;
      const planValue = run.compiled.model.parameters.find((x) => x.key === key)?.value ?? null;
      if (planFormula && planValue !== null) expected.set(expectedKey(EFFECTMETING, row, 2), planValue);
      f.addRow([
        { value: p.label, style: "label" },
        note(key),
        planFormula ? { formula: planFormula, numberFormat: SHARE } : { value: planValue, numberFormat: SHARE },
        { value: p.value, numberFormat: SHARE, style: "output" },
        { value: p.interval.low, numberFormat: SHARE, style: "output" },
        { value: p.interval.high, numberFormat: SHARE, style: "output" },
        count(p.households),
        note(p.how),
      ]);
      measuredCell.set(key, a1(row, 3, true));
    }
    f.skip();
    f.addRow([{ value: `Scenario ${SCENARIO_3}: de invoer uit de registratie (2.0) en de gemeten netto effecten; attributie 1 (al netto)`, style: "section" }]);
    f.addRow([note(run.scenario3.description)]);
    f.addRow(["Parameter", "Waarde"].map(heading));
    const top = f.row;
    for (const [key, value] of Object.entries(overrides3)) {
      const row = f.row;
      // A 2.0 override refers to the 2.0 block, a measured one to its value above; attributie is the constant 1.
      const in2 = Object.keys(run.scenario2.overrides).indexOf(key);
      const ref = measuredCell.get(key) ?? (in2 >= 0 ? `${sheetPrefix(MKBA_2)}${a1(block2Top + in2, 1, true)}` : null);
      f.addRow([{ value: key, style: "label" }, ref ? { formula: `=${ref}`, numberFormat: NUMBER, style: "output" } : { value, numberFormat: NUMBER }]);
      if (ref) expected.set(expectedKey(EFFECTMETING, row, 1), value);
    }
    block3 = `${sheetPrefix(EFFECTMETING)}${rangeAddress({ row: top, column: 0, rowCount: f.row - top, columnCount: 2 }, true)}`;
    f.skip();
    f.addRow([{ value: `Uitkomsten van ${SCENARIO_3} (MKBA.SCENARIO over Invoer met het blok hierboven)`, style: "section" }]);
    f.addRow([heading("Uitkomst"), heading("Plan (1.0)"), heading(SCENARIO_3)]);
    for (const [outcome, label, format, value] of OUTCOME_ROWS) {
      const row = f.row;
      f.addRow([{ value: label, style: "label" }, { formula: `=MKBA.SCENARIO(Invoer,,"${outcome}")`, numberFormat: format, style: "output" }, { formula: `=MKBA.SCENARIO(Invoer,${block3},"${outcome}")`, numberFormat: format, style: outcome === "saldo" ? "total" : "output" }]);
      expected.set(expectedKey(EFFECTMETING, row, 1), value(run.runs.plan));
      expected.set(expectedKey(EFFECTMETING, row, 2), value(run.runs.effect!));
    }
  }
  const shown = e.outcomes.filter((o) => !o.suppressed && o.approach).length;
  if (e.hasComparison && outcomeRows > 0 && shown > 0) {
    const categories = { sheet: EFFECTMETING, range: { row: outcomesTop, column: 0, rowCount: outcomeRows, columnCount: 1 } };
    f.chart({
      id: "effectmeting-bruto-netto",
      type: "barClustered",
      title: `Bruto tegen netto verandering per uitkomst (nulmeting tegen meting ${e.followUp})`,
      series: [
        { name: "Bruto", values: { sheet: EFFECTMETING, range: { row: outcomesTop, column: 7, rowCount: outcomeRows, columnCount: 1 } }, categories },
        { name: "Netto", values: { sheet: EFFECTMETING, range: { row: outcomesTop, column: 8, rowCount: outcomeRows, columnCount: 1 } }, categories },
      ],
      anchor: { from: { row: 3, column: 13 }, to: { row: 30, column: 21 } },
      valueAxisTitle: "verandering (aandeel huishoudens)",
    });
  }
  f.width(0, 44).width(1, 22);
  for (let c = 2; c <= 11; c++) f.width(c, 14);
  f.width(7, 14).freeze(0, 1);

  // ---------------------------------------------------------------- MKBA 2.0: the outcomes of plan, 2.0 and 3.0
  m.addRow([{ value: "Uitkomsten per scenario (MKBA.SCENARIO over Invoer; 2.0 en 3.0 met hun blok, het plan zonder)", style: "section" }]);
  const headerRow = m.addRow([heading("Uitkomst"), heading("MKBA 1.0 (plan)"), heading(SCENARIO_2), ...(block3 ? [heading(SCENARIO_3)] : [])]);
  const outcomeRow = new Map<string, number>();
  for (const [outcome, label, format, value] of OUTCOME_ROWS) {
    const row = m.row;
    outcomeRow.set(outcome, row);
    m.addRow([
      { value: label, style: "label" },
      { formula: `=MKBA.SCENARIO(Invoer,,"${outcome}")`, numberFormat: format, style: "output" },
      { formula: block2 ? `=MKBA.SCENARIO(Invoer,${block2},"${outcome}")` : `=MKBA.SCENARIO(Invoer,,"${outcome}")`, numberFormat: format, style: outcome === "saldo" ? "total" : "output" },
      ...(block3 ? [{ formula: `=MKBA.SCENARIO(Invoer,${block3},"${outcome}")`, numberFormat: format, style: outcome === "saldo" ? ("total" as const) : ("output" as const) }] : []),
    ]);
    expected.set(expectedKey(MKBA_2, row, 1), value(run.runs.plan));
    expected.set(expectedKey(MKBA_2, row, 2), value(run.runs.registration));
    if (block3) expected.set(expectedKey(MKBA_2, row, 3), value(run.runs.effect!));
  }
  m.addRow([note(`De scenario's overschrijven niets: Invoer blijft het plan van de analist (MKBA 1.0). ${block2 ? "" : "De registratie gaf geen invoerwaarde (te weinig gegevens): 2.0 is gelijk aan het plan."}`)]);
  const scenarioCount = block3 ? 3 : 2;
  m.chart({
    id: "registratie-saldo",
    type: "columnClustered",
    title: "Saldo (NCW) per scenario: plan, registratie en effectmeting",
    series: [{ name: "Saldo (NCW)", values: { sheet: MKBA_2, range: { row: outcomeRow.get("saldo")!, column: 1, rowCount: 1, columnCount: scenarioCount } }, categories: { sheet: MKBA_2, range: { row: headerRow, column: 1, rowCount: 1, columnCount: scenarioCount } } }],
    anchor: { from: { row: 3, column: 9 }, to: { row: 22, column: 16 } },
    valueAxisTitle: "euro (NCW)",
  });
  m.width(0, 46).width(1, 24).width(2, 18).width(3, 22).width(4, 12).width(5, 12).width(6, 12).width(7, 50).freeze(0, 1);

  // ---------------------------------------------------------------- Casusanalyse
  const k = new SheetBuilder(CASUSANALYSE, "Casusanalyse: per casus de maatschappelijke kosten zonder en met de aanpak, geprijsd met de prijslijst; hoeveel casussen goedkoper zijn, totaal en gemiddelde met interval.");
  k.addRow([{ value: "Casusanalyse: kosten per casus met en zonder de aanpak", style: "title" }]);
  const c = run.cases;
  if (!c || c.cases.length === 0) {
    k.addRow([note("Geen casussen: zet ze op het blad Casussen (casus, post, met_aanpak, zonder_aanpak) of kies een casusbestand bij Registratie inlezen.")]);
  } else {
    const n = c.cases.length;
    k.addRow([note(`${formatCount(n)} ${n === 1 ? "casus" : "casussen"}, geprijsd met het blad ${PRIJSLIJST} (seed 002 regel 158: de maatschappelijke prijslijst; seed 003 regel 11: "bij zeven van de tien casussen"). Berekend op ${options.when}; vaste getallen, opnieuw = Registratie inlezen.`)]);
    k.addRow([{ value: "Een casusanalyse is per casus (pseudoniemen, alleen hoeveelheden per post): niet onderdrukt. Deel hem niet buiten het team.", style: "warning" }]);
    k.skip();
    k.addRow([{ value: "Samenvatting", style: "section" }]);
    k.addRow([{ value: "Goedkoper met de aanpak", style: "label" }, { value: c.cheaper, numberFormat: COUNT, style: "total" }, { value: `van de ${formatCount(n)} casussen (gelijk: ${formatCount(c.equal)}; duurder: ${formatCount(c.moreExpensive)})` }]);
    k.addRow([{ value: "Besparing totaal", style: "label" }, { value: c.totalSaving, numberFormat: EURO, style: "total" }, ...(c.totalInterval ? [{ value: c.totalInterval.low, numberFormat: EURO }, { value: c.totalInterval.high, numberFormat: EURO }, note("95%-interval (n × dat van het gemiddelde)")] : [])]);
    k.addRow([{ value: "Besparing gemiddeld per casus", style: "label" }, { value: c.meanSaving, numberFormat: EURO, style: "output" }, ...(c.meanInterval ? [{ value: c.meanInterval.low, numberFormat: EURO }, { value: c.meanInterval.high, numberFormat: EURO }, note(`95%-interval (bootstrap over de casussen, ${formatCount(c.replicates)} trekkingen, seed ${c.seed})`)] : [])]);
    k.skip();
    k.addRow([{ value: "Per casus", style: "section" }]);
    k.addRow(["Casus", "Kosten zonder aanpak", "Kosten met aanpak", "Besparing"].map(heading));
    const top = k.row;
    for (const x of c.cases) k.addRow([{ value: x.caseId, style: "label" }, { value: x.costWithout, numberFormat: EURO }, { value: x.costWith, numberFormat: EURO }, { value: x.saving, numberFormat: EURO, style: "output" }]);
    k.skip();
    k.addRow([{ value: "Gebruikte prijzen", style: "section" }]);
    k.addRow(["Post", "Prijs", "Eenheid", "Prijsjaar", "Bron"].map(heading));
    for (const p of c.pricesUsed) k.addRow([{ value: p.id, style: "label" }, { value: p.price, numberFormat: NUMBER }, { value: p.unit }, { value: p.priceYear, numberFormat: "0" }, note(`${p.illustrative ? "illustratief; " : ""}${p.source}`)]);
    k.chart({
      id: "casusanalyse-besparing",
      type: "columnClustered",
      title: `Besparing per casus (goedkoper met de aanpak: ${formatCount(c.cheaper)} van de ${formatCount(n)})`,
      series: [{ name: "Besparing", values: { sheet: CASUSANALYSE, range: { row: top, column: 3, rowCount: n, columnCount: 1 } }, categories: { sheet: CASUSANALYSE, range: { row: top, column: 0, rowCount: n, columnCount: 1 } } }],
      anchor: { from: { row: 3, column: 6 }, to: { row: 22, column: 13 } },
      valueAxisTitle: "euro per casus",
    });
  }
  k.width(0, 30).width(1, 20).width(2, 20).width(3, 16).width(4, 16).width(5, 40);

  const sheets: PlanSheet[] = [];
  if (options.inputs?.records) sheets.push(registrationSheet(options.inputs.records));
  if (options.inputs?.comparison) sheets.push(comparisonSheet(options.inputs.comparison));
  if (options.inputs?.cases) sheets.push(casesSheet(options.inputs.cases));
  if (options.prices) sheets.push(priceListSheet(run.prices));
  sheets.push(m.build(), f.build(), k.build());
  return { plan: { planVersion: PLAN_SCHEMA_VERSION, sheets, names: [], settings: {} }, expected };
}

/** Dutch summary line of a run, for the pane and the CLI. */
export function registrationSummary(run: RegistrationRun): string {
  const s2 = run.runs.registration.saldo;
  const s3 = run.runs.effect?.saldo;
  const c = run.cases;
  return `${formatCount(run.report.recordsKept)} rijen van ${formatCount(run.registration.households)} huishoudens ingelezen${run.report.rowsLeftOut > 0 ? ` (${formatCount(run.report.rowsLeftOut)} weggelaten)` : ""}; saldo MKBA 2.0 € ${formatDutch(s2, 0, 0)}${s3 !== undefined ? `, MKBA 3.0 € ${formatDutch(s3, 0, 0)}` : ""}${c && c.cases.length > 0 ? `; ${formatCount(c.cheaper)} van de ${formatCount(c.cases.length)} casussen goedkoper` : ""}.`;
}
