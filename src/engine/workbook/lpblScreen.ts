/**
 * The LPBL input screen (invoerscherm) on the *Invoer* sheet and the key figures on *Kengetallen*, as the LPBL
 * MKBA-tool showed them (seed 001_89b8683f98a68fb5.txt, Bijlage 2): sections A. Bereik, B. Kosten, C. Effect with the
 * tool's labels and units, the household types as columns (Gezinnen | Ouderen | Overige hh), input cells marked and
 * validated. Below the screen sits the model block that `MKBA.SCENARIO(Invoer; …)` reads (the name *Invoer*): every
 * parameter value there is a formula pointing at its screen or key-figure cell, so typing 400 instead of 328
 * households recalculates every output, and there is no second copy of an input.
 *
 * The layout does not depend on the values: `lpblScreenFields()` gives every field's cell, so the task pane can read a
 * reopened workbook back into a model file (`lpblFileFromValues`).
 */
import type { CellValue } from "../cells";
import {
  BUDGET_MAX_YEAR,
  DISCIPLINES,
  DISCIPLINE_LABELS,
  HOUSEHOLD_TYPES,
  HOUSEHOLD_TYPE_LABELS,
  KEY_FIGURE_KEYS,
  LPBL_KEY_FIGURES,
  LPBL_MAX_AMOUNT,
  LPBL_MAX_DISCIPLINES,
  LpblInputs,
  keyFigureBounds,
  SEVERITIES,
  SEVERITY_LABELS,
  TYPE_KEY,
  DISCIPLINE_KEY,
} from "../models/lpbl";
import { parseExpression } from "../model/expression";
import { expressionToExcel } from "../audit/excelFormula";
import { AppliedFactors, CPI_SOURCE, EFFECT_INPUTS, FTE_NEEDED, PRICE_YEAR, SERVED_FACTOR, cpiFactor } from "../models/lpbl";
import { formatNumber } from "../numberFormat";
import { expectedKey } from "./outputCells";
import { PLAN_SCHEMA_VERSION, PlanField, PlanSheet, PlanValidationRule, SheetBuilder, a1, formulaText } from "./plan";

import { INVOER, KENGETALLEN } from "./sheetNames";

export { KENGETALLEN } from "./sheetNames";

type Rule = PlanField["rule"];
const SHARE: Rule = { type: "decimal", min: 0, max: 1, percent: true };
const CHANGE: Rule = { type: "decimal", min: -1, max: 1, percent: true };
const COUNT: Rule = { type: "decimal", min: 0, max: LPBL_MAX_AMOUNT };
const HOUSEHOLDS: Rule = { type: "decimal", min: 0, max: 10_000_000 };
const CASELOAD: Rule = { type: "decimal", min: 1, max: 100_000 };
const WHOLE: Rule = { type: "whole", min: 0, max: LPBL_MAX_DISCIPLINES };

const FORMATS = { percent: "0.0%", euro: '"€" #,##0', number: "#,##0.##" } as const;

/** One row of the screen: a label, a unit, and one field (column B) or one per household type (B–D). */
interface ScreenRow {
  readonly label: string;
  readonly unit: string;
  readonly rule: Rule;
  readonly format: string;
  /** Field ids (LPBL input paths) and the model parameter each feeds (none for the running approach). */
  readonly cells: readonly { readonly path: string; readonly key?: string }[];
}

interface ScreenSection {
  readonly title: string;
  readonly perType: boolean;
  readonly rows: readonly ScreenRow[];
  /** The plan version that added the section (absent: there from the start); a workbook of an older version lacks it. */
  readonly since?: number;
}

const byType = (path: (t: (typeof HOUSEHOLD_TYPES)[number]) => string, prefix: string) => HOUSEHOLD_TYPES.map((t) => ({ path: path(t), key: `${prefix}_${TYPE_KEY[t]}` }));
const one = (path: string, key?: string) => [key ? { path, key } : { path }];

/** The screen, section by section (labels as in Bijlage 2; src/engine/models/lpbl/inputs.ts holds the same fields). */
const SCREEN: readonly ScreenSection[] = [
  {
    title: "A. Bereik",
    perType: false,
    rows: [{ label: "Aantal hh in aanpak (totaal)", unit: "huishoudens", rule: HOUSEHOLDS, format: FORMATS.number, cells: one("reach.households", "hh_totaal") }],
  },
  {
    title: "A. Bereik naar type huishouden",
    perType: true,
    rows: [
      { label: "Aantal hh in aanpak (%)", unit: "aandeel, samen 100%", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `reach.typeShares.${t}`, "aandeel") },
      ...SEVERITIES.map((s) => ({ label: SEVERITY_LABELS[s], unit: "aandeel, kolom samen 100%", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `reach.severity.${t}.${s}`, s) })),
      { label: "Huishoudsamenstelling: eenouder/persoons", unit: "aandeel", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `reach.composition.singleParent.${t}`, "eenouder") },
      { label: "Huishoudsamenstelling: tweeouder/meerpersoons", unit: "aandeel", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `reach.composition.twoParent.${t}`, "tweeouder") },
      { label: "Leefsituatie (mv): problematische schulden", unit: "aandeel mv-hh", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `reach.livingSituation.debts.${t}`, "schulden") },
      { label: "Leefsituatie (mv): geen werk", unit: "aandeel mv-hh", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `reach.livingSituation.noWork.${t}`, "geenwerk") },
      { label: "Leefsituatie (mv): overlastgevend", unit: "aandeel mv-hh", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `reach.livingSituation.nuisance.${t}`, "overlast") },
    ],
  },
  {
    title: "A. Bereik: gezinnen, caseload en uren",
    perType: false,
    rows: [
      { label: "Gemiddeld aantal kinderen (gezinnen)", unit: "kinderen", rule: COUNT, format: FORMATS.number, cells: one("reach.composition.childrenPerFamily", "kinderen_per_gezin") },
      ...SEVERITIES.map((s) => ({ label: `Caseload: ${SEVERITY_LABELS[s]}`, unit: "hh per fte per jaar", rule: CASELOAD, format: FORMATS.number, cells: one(`reach.caseload.${s}`, `caseload_${s}`) })),
      ...SEVERITIES.map((s) => ({ label: `Uren gem. per hh p.jr: ${SEVERITY_LABELS[s]}`, unit: "uren", rule: COUNT, format: FORMATS.number, cells: one(`reach.hoursPerHousehold.${s}`, `uren_${s}`) })),
    ],
  },
  {
    title: "B. Kosten",
    perType: false,
    rows: [
      { label: "Totaal aantal teamleden (fte)", unit: "fte", rule: COUNT, format: FORMATS.number, cells: one("costs.teamFte", "fte_team") },
      { label: "w.v. percentage additionele kosten (fte)", unit: "aandeel", rule: SHARE, format: FORMATS.percent, cells: one("costs.additionalShareFte", "additioneel_fte") },
      { label: "Kosten fte incl. huisvesting", unit: "euro per fte per jaar", rule: COUNT, format: FORMATS.euro, cells: one("costs.costPerFte", "kosten_per_fte") },
      { label: "Overige teamkosten", unit: "euro per jaar", rule: COUNT, format: FORMATS.euro, cells: one("costs.otherTeamCosts", "overige_teamkosten") },
      { label: "w.v. percentage additionele kosten (overige teamkosten)", unit: "aandeel", rule: SHARE, format: FORMATS.percent, cells: one("costs.additionalShareOther", "additioneel_overig") },
      { label: "Percentage frictiekosten", unit: "aandeel van de teamkosten", rule: SHARE, format: FORMATS.percent, cells: one("costs.frictionShare", "frictie") },
      { label: "Overige eenmalige kosten", unit: "euro", rule: COUNT, format: FORMATS.euro, cells: one("costs.otherOneTimeCosts", "eenmalige_kosten") },
      { label: "Percentage nieuw gevonden hh", unit: "aandeel", rule: SHARE, format: FORMATS.percent, cells: one("costs.newlyFoundShare", "nieuw_gevonden") },
    ],
  },
  {
    title: "C. Effect",
    perType: false,
    rows: [
      { label: "1. Substitutie (meer/minder) trajecten: in nieuwe cases", unit: "verandering", rule: CHANGE, format: FORMATS.percent, cells: one("effect.substitutionNew", "subst_nieuw") },
      { label: "1. Substitutie (meer/minder) trajecten: in bestaande cases", unit: "verandering", rule: CHANGE, format: FORMATS.percent, cells: one("effect.substitutionExisting", "subst_bestaand") },
      ...DISCIPLINES.map((d) => ({ label: `2. Teamsamenstelling: ${DISCIPLINE_LABELS[d]}`, unit: "aantal disciplines", rule: WHOLE, format: "0", cells: one(`effect.disciplines.${d}`, DISCIPLINE_KEY[d].key) })),
      { label: "2. Succes trajecten: schuldhulp", unit: "procentpunt", rule: CHANGE, format: FORMATS.percent, cells: one("effect.success.debtAssistance", "succes_schuldhulp") },
      { label: "2. Succes trajecten: direct naar werk", unit: "procentpunt", rule: CHANGE, format: FORMATS.percent, cells: one("effect.success.directToWork", "succes_werk") },
      { label: "2. Succes trajecten: schooluitval", unit: "procentpunt", rule: CHANGE, format: FORMATS.percent, cells: one("effect.success.schoolDropout", "succes_schooluitval") },
      { label: "2. Succes trajecten: consulten eerste lijn", unit: "procentpunt", rule: CHANGE, format: FORMATS.percent, cells: one("effect.success.firstLineConsultations", "succes_consulten") },
      { label: "2. Succes trajecten: doorverwijzing tweede lijn", unit: "procentpunt", rule: CHANGE, format: FORMATS.percent, cells: one("effect.success.secondLineReferrals", "succes_tweedelijn") },
    ],
  },
  {
    title: "C. Effect: voorkomen escalatie",
    perType: true,
    rows: [
      { label: "3. Voorkomen escalatie (gezinnen: OTS/UHP; ouderen: intramuraal V&V; overige hh: opname GGZ)", unit: "aandeel hh van het type", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `effect.preventedEscalation.${t}`, "escalatie") },
    ],
  },
  {
    title: "C. Effect: voorkomen huisuitzettingen",
    perType: false,
    since: 3,
    rows: [
      { label: "3. Voorkomen huisuitzettingen (Tabel 4.7: 1%–12% van alle hh)", unit: "aandeel van alle hh", rule: SHARE, format: FORMATS.percent, cells: one("effect.preventedEvictions", "escalatie_huisuitzetting") },
    ],
  },
  {
    title: "Lopende aanpak (meerjarig beeld)",
    perType: false,
    rows: [
      { label: "Looptijd van de aanpak", unit: "jaren", rule: { type: "whole", min: 1, max: 20 }, format: "0", cells: one("runningApproach.years") },
      { label: "Opbouw naar volledige aanpak", unit: "jaren", rule: { type: "whole", min: 1, max: 10 }, format: "0", cells: one("runningApproach.buildUpYears") },
    ],
  },
  {
    title: "Uitvoer B (begroting)",
    perType: false,
    since: 3,
    rows: [
      { label: "Begrotingsjaar van de lopende aanpak (3 = na 2 jaar)", unit: "jaar", rule: { type: "whole", min: 1, max: BUDGET_MAX_YEAR }, format: "0", cells: one("budget.year") },
      { label: "Opbouw naar volledige aanpak (1 = geen opbouw)", unit: "jaren", rule: { type: "whole", min: 1, max: 10 }, format: "0", cells: one("budget.buildUpYears") },
    ],
  },
];

const HEADINGS = HOUSEHOLD_TYPES.map((t) => HOUSEHOLD_TYPE_LABELS[t]);
const UNIT_COLUMN = 4;
/** Rows of the screen before section A (title, explanation, blank). */
const SCREEN_TOP = 3;
/** Kengetallen: title, note, blank, heading; the first key figure is on this row. */
const KEY_FIGURES_TOP = 4;
/** Kengetallen: the column of the key (Sleutel). */
const KEY_COLUMN = 4;

function ruleMessage(rule: Rule, label: string): string {
  if (rule.type === "list") return `${label}: kies uit de lijst`;
  const show = (x: number) => (rule.percent ? `${x * 100}%` : x.toLocaleString("nl-NL"));
  const range = rule.min !== undefined && rule.max !== undefined ? `tussen ${show(rule.min)} en ${show(rule.max)}` : rule.min !== undefined ? `minstens ${show(rule.min)}` : `hoogstens ${show(rule.max!)}`;
  return `${label}: ${rule.type === "whole" ? "een geheel getal " : "een getal "}${range}${rule.percent ? " (schrijf 48% als 48% of 0,48)" : ""}`;
}

/** The screen laid out for a plan version: each section's heading row and each field row's place (0-based rows on Invoer). */
function layoutFor(planVersion: number) {
  let row = SCREEN_TOP;
  const sections = SCREEN.filter((section) => (section.since ?? 0) <= planVersion).map((section) => {
    const headingRow = row++;
    const rows = section.rows.map((def) => ({ def, row: row++ }));
    row++; // a blank row after each section
    return { section, headingRow, rows };
  });
  return { sections, end: row };
}
const LAYOUT = layoutFor(PLAN_SCHEMA_VERSION);

/** Every screen cell with its place: the one walk over a layout that fields, formulas and the sheet use. */
const cellsOf = (layout: ReturnType<typeof layoutFor>) => layout.sections.flatMap(({ section, rows }) => rows.flatMap(({ def, row }) => def.cells.map((cell, i) => ({ section, def, cell, row, column: 1 + i, heading: section.perType ? HEADINGS[i] : undefined }))));
const SCREEN_CELLS = cellsOf(LAYOUT);

/**
 * The key figures as a workbook of plan version 2 (or 1) has them on Kengetallen, row by row, with the default of that
 * version: such a workbook is read with this list (`lpblFileFromValues`), so that the analyst's values land on the
 * right key and a default of then is not taken for an override. Version 3 (issue 19) removed `terugval` (the seed
 * attaches relapse only to the net OTS/UHP rate), and turned the escalation prices per year for two years into prices
 * per prevented escalation (`kosten_uhp_per_jaar` → `kosten_ots_uhp`, `kosten_intramuraal_per_jaar` →
 * `kosten_intramuraal`, `kosten_tweedelijns_zorg` → `kosten_opname_ggz`: twice the yearly amount).
 */
export const LPBL_KEY_FIGURES_V2: readonly (readonly [key: string, standard: number, now?: { readonly key: string; readonly factor: number }])[] = [
  ["kg_productieve_uren_fte", 1200], ["kg_caseload_ev", 300], ["kg_caseload_zr", 150], ["kg_caseload_nzr", 40],
  ["kg_substitutie_bestaand", 0.1], ["kg_substitutie_nieuw", 0.3], ["kg_escalatie_huisuitzetting", 0.01], ["kg_escalatie_ots_uhp", 0.03],
  ["kg_escalatie_tweedelijn", 0.02], ["attributie", 1], ["terugval", 0.2], ["welvaartsvisie", 0], ["minimumloon_per_jaar", 19250],
  ["kg_effectiviteit_breedte", 0.5], ["uitkering_per_jaar", 15000], ["qaly_waarde", 20000], ["deelname_shv", 0.5], ["deelname_reintegratie", 0.3],
  ["deelname_dagbesteding", 0.15], ["deelname_amw", 0.5], ["deelname_hbh", 0.4], ["deelname_joh", 0.4], ["deelname_jggz", 0.2], ["deelname_ggz", 0.3],
  ["kosten_shv", 2500], ["kosten_reintegratie", 5000], ["kosten_dagbesteding", 6000], ["kosten_amw", 1200], ["kosten_hbh", 4000], ["kosten_joh", 6000],
  ["kosten_jggz", 5000], ["kosten_ggz", 4000], ["kosten_uhp_per_jaar", 40000, { key: "kosten_ots_uhp", factor: 2 }],
  ["kosten_intramuraal_per_jaar", 30000, { key: "kosten_intramuraal", factor: 2 }], ["kosten_ontruiming", 7000], ["kosten_opvang", 20000],
  ["kosten_tweedelijns_zorg", 10000, { key: "kosten_opname_ggz", factor: 2 }], ["consulten_per_hh", 6], ["kosten_consult", 35], ["kosten_tweedelijn", 2500],
  ["waarde_startkwalificatie", 50000], ["qaly_financiele_stabiliteit", 0.1], ["qaly_werk", 0.1], ["qaly_escalatie", 0.2],
];

/**
 * Every field of the LPBL screen and the key-figure sheet with its cell, as a workbook of `planVersion` has them
 * (default: today's; an older workbook is read with its own layout, src/engine/workbook/plan.ts lists the versions).
 */
export function lpblScreenFields(planVersion: number = PLAN_SCHEMA_VERSION): PlanField[] {
  const screen = planVersion >= PLAN_SCHEMA_VERSION ? SCREEN_CELLS : cellsOf(layoutFor(planVersion));
  const figures = planVersion >= 3 ? LPBL_KEY_FIGURES.map((k) => ({ key: k.key, label: k.illustrative ? `${k.label} (illustratief)` : k.label, unit: k.unit })) : LPBL_KEY_FIGURES_V2.map(([key]) => ({ key, label: key, unit: "" }));
  return [
    ...screen.map(({ section, def, cell, row, column, heading }) => ({ id: cell.path, section: section.title, label: def.label, ...(heading ? { column: heading } : {}), unit: def.unit, cell: { sheet: INVOER, row, column }, rule: def.rule })),
    ...figures.map((k, i) => ({ id: `keyFigures.${k.key}`, section: "Kengetallen", label: k.label, unit: k.unit, cell: { sheet: KENGETALLEN, row: KEY_FIGURES_TOP + i, column: 1 }, rule: { type: "decimal" as const, ...(planVersion >= 3 ? keyFigureBounds(k.key) : {}) } })),
  ];
}

/** A cell whose text marks the layout: a screen row's label (column A of Invoer) or a key figure's key (column E of Kengetallen). */
export interface LayoutAnchor {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/**
 * The cells that show where the screen's fields are: every section heading and field label on Invoer, every key on
 * Kengetallen. When one no longer holds its text, rows were inserted, deleted or sorted, and the fields' cells
 * (`lpblScreenFields`) no longer hold what they name.
 */
export function lpblScreenAnchors(): LayoutAnchor[] {
  return [
    ...LAYOUT.sections.flatMap(({ section, headingRow, rows }) => [
      { sheet: INVOER, row: headingRow, column: 0, text: section.title },
      ...rows.map(({ def, row }) => ({ sheet: INVOER, row, column: 0, text: def.label })),
    ]),
    ...LPBL_KEY_FIGURES.map((k, i) => ({ sheet: KENGETALLEN, row: KEY_FIGURES_TOP + i, column: KEY_COLUMN, text: k.key })),
  ];
}

/** The cell that feeds each model parameter: a screen cell on Invoer or a value on Kengetallen. */
const PARAMETER_CELLS = new Map<string, { readonly sheet: string; readonly address: string }>([
  ...SCREEN_CELLS.filter((c) => c.cell.key).map((c) => [c.cell.key!, { sheet: INVOER, address: a1(c.row, c.column, true) }] as const),
  ...LPBL_KEY_FIGURES.map((k, i) => [k.key, { sheet: KENGETALLEN, address: a1(KEY_FIGURES_TOP + i, 1, true) }] as const),
]);

/** A parameter's cell as a formula on `onSheet` refers to it: "$B$5" on its own sheet, "Kengetallen!$B$9" elsewhere. */
function parameterReference(key: string, onSheet?: string): string | undefined {
  const cell = PARAMETER_CELLS.get(key);
  return cell && (cell.sheet === onSheet ? cell.address : `${cell.sheet}!${cell.address}`);
}

/** The formula of an override that follows another parameter (factor × its cell), or undefined for a constant. */
export function derivedFormula(derived: { readonly from: string; readonly factor: number } | undefined): string | undefined {
  const ref = derived && parameterReference(derived.from);
  if (!ref) return undefined;
  return derived.factor === 1 ? `=${ref}` : `=${ref}*${derived.factor}`;
}

const get = (data: unknown, path: string): unknown => path.split(".").reduce<unknown>((o, k) => (o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined), data);

/** A model expression as an Excel formula over the screen and Kengetallen cells (on the sheet `onSheet`). */
export function screenFormula(expression: string, onSheet?: string): string {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new Error(`interne fout: ${parsed.message}`);
  return `=${expressionToExcel(parsed.expression, (key) => {
    const ref = parameterReference(key, onSheet);
    if (!ref) throw new Error(`interne fout: geen cel voor ${key}`);
    return ref;
  })}`;
}

/** The cell of a screen field (an LPBL input path) as a formula on `onSheet` refers to it ("Invoer!$B$80"). */
export function screenFieldReference(path: string, onSheet?: string): string {
  const c = SCREEN_CELLS.find((x) => x.cell.path === path);
  if (!c) throw new Error(`interne fout: geen schermveld ${path}`);
  return onSheet === INVOER ? a1(c.row, c.column, true) : `${INVOER}!${a1(c.row, c.column, true)}`;
}

/**
 * The block "Gebruikte waarden" below the screen: the needed fte, the served share of the reach, and every effect input
 * of deel C beside its factors and the value the model computes with — formulas over the screen and Kengetallen,
 * the same expressions the effects use (src/engine/models/lpbl/factors.ts), with the engine's values as expected.
 */
function writeUsedValues(invoer: SheetBuilder, applied: AppliedFactors, expected?: Map<string, number | string>) {
  const at = (row: number, column: number, value: number) => expected?.set(expectedKey(INVOER, row, column), value);
  invoer.addRow([
    { value: "Gebruikte waarden: invoer × factoren (hiermee rekent het model)", style: "section" },
    ...["Ingevoerd", "Factoren", "Gebruikt", "Toelichting"].map((value) => ({ value, style: "heading" as const })),
  ]);
  const needed = invoer.addRow([{ value: "Benodigde fte (bereik × caseload)", style: "label" }, null, null, { formula: screenFormula(FTE_NEEDED, INVOER), numberFormat: "0.00", style: "output" }, { value: "seed 001, regel 496: caseload = huishoudens per fte per jaar", style: "note" }]);
  at(needed, 3, applied.fteNeeded);
  const servedRow = invoer.addRow([
    { value: "Bediend aandeel van het bereik: min(1, ingevoerde fte ÷ benodigde fte)", style: "label" },
    { formula: `=${screenFieldReference("reach.households", INVOER)}`, numberFormat: FORMATS.number, style: "output" },
    { formula: screenFormula(SERVED_FACTOR.expression, INVOER), numberFormat: "0.00%", style: "output" },
    { formula: `=${a1(invoer.row, 1)}*${a1(invoer.row, 2)}`, numberFormat: FORMATS.number, style: "output" },
    { value: "ingevoerde huishoudens × bediend aandeel = bediende huishoudens; elk aantal huishoudens telt met dit aandeel", style: "note" },
  ]);
  at(servedRow, 2, applied.servedShare.value);
  for (const input of applied.inputs) {
    const definition = EFFECT_INPUTS.find((i) => i.key === input.key)!;
    const factors = definition.factors.map((f) => screenFormula(f.expression, INVOER).slice(1)).join("*");
    const row = invoer.row;
    invoer.addRow([
      { value: input.label, style: "label" },
      { formula: `=${parameterReference(input.key, INVOER)}`, numberFormat: "0.00%", style: "output" },
      { formula: `=${factors}`, numberFormat: "0.0000", style: "output" },
      { formula: `=${a1(row, 1)}*${a1(row, 2)}`, numberFormat: "0.00%", style: "output" },
      { value: input.factors.map((f) => `${f.label}: ${f.source}`).join("; "), style: "note" },
    ]);
    at(row, 1, input.entered);
    at(row, 2, input.factors.reduce((p, f) => p * f.value, 1));
    at(row, 3, input.used);
  }
  invoer.skip();
}

/** Writes the screen on Invoer from row 0 (values from `inputs`) and returns the formula that feeds each parameter. */
export function writeLpblScreen(invoer: SheetBuilder, inputs: LpblInputs, applied: AppliedFactors, expected?: Map<string, number | string>): { formulaOf: (key: string) => string | undefined } {
  invoer.addRow([{ value: "LPBL MKBA-tool sociale wijkteams — invoerscherm", style: "title" }]);
  invoer.addRow([{ value: "Gele cellen zijn invoer (seed 001, Bijlage 2: deel A, B en C). Aandelen als percentage. Het rekenmodel onder het scherm leest deze cellen; MKBA.SCENARIO(Invoer; …) rekent ermee.", style: "note" }]);
  invoer.skip();
  if (invoer.row !== SCREEN_TOP) throw new Error("LPBL-invoerscherm: de kop beslaat niet SCREEN_TOP rijen");
  const checks: { label: string; cells: string }[] = [];
  const severityRows: number[] = [];
  for (const { section, headingRow, rows } of LAYOUT.sections) {
    invoer.row = headingRow;
    invoer.addRow([{ value: section.title, style: "section" }, ...(section.perType ? HEADINGS.map((h) => ({ value: h, style: "heading" as const })) : [null, null, null]), { value: "Eenheid", style: "heading" }]);
    for (const { def, row } of rows) {
      invoer.set(row, 0, { value: def.label, style: "label" });
      def.cells.forEach((c, i) => {
        const value = get(inputs, c.path);
        invoer.set(row, 1 + i, { value: typeof value === "number" ? value : null, numberFormat: def.format, style: "input" });
      });
      invoer.set(row, UNIT_COLUMN, { value: def.unit, style: "note" });
      invoer.validate({ range: { row, column: 1, rowCount: 1, columnCount: def.cells.length }, rule: def.rule as PlanValidationRule, message: ruleMessage(def.rule, def.label) });
      const path = def.cells[0]!.path;
      if (path.startsWith("reach.severity.")) severityRows.push(row);
      if (path.startsWith("reach.typeShares.")) checks.push({ label: "Aantal hh in aanpak (%): gezinnen + ouderen + overige hh", cells: `${a1(row, 1)}:${a1(row, 3)}` });
    }
  }
  invoer.row = LAYOUT.end;
  // The columns that must add up to 100% (validateLpblInputs), checked where the analyst types.
  if (severityRows.length === 3) {
    HOUSEHOLD_TYPES.forEach((t, i) => checks.push({ label: `Zwaarte ${HOUSEHOLD_TYPE_LABELS[t].toLowerCase()}: ev + mv-zr + mv-nzr`, cells: severityRows.map((r) => a1(r, 1 + i)).join(",") }));
  }
  invoer.addRow([{ value: "Controles", style: "section" }, { value: "Uitkomst", style: "heading" }]);
  for (const check of checks) {
    invoer.addRow([
      { value: check.label, style: "label" },
      { formula: `=IF(ABS(SUM(${check.cells})-1)<=0.000000001,${formulaText("in orde")},${formulaText("telt op tot ")}&ROUND(SUM(${check.cells})*100,1)&${formulaText("% — moet 100% zijn")})`, style: "output" },
    ]);
  }
  invoer.skip();
  writeUsedValues(invoer, applied, expected);
  invoer.width(0, 58).width(1, 13).width(2, 13).width(3, 13).width(UNIT_COLUMN, 26);
  return {
    formulaOf: (key) => {
      const ref = parameterReference(key, INVOER);
      return ref && `=${ref}`;
    },
  };
}

/** How a key figure varies by default in Monte Carlo and the tornado, in Dutch (src/engine/models/lpbl/uncertainty.ts). */
const UNCERTAINTY_TEXT = { bandbreedte: "over de bandbreedte", standaard: "driehoek ±20%", vast: "vast" } as const;

/**
 * The Kengetallen sheet: every key figure with value (input, overridable), unit, source, the illustratief mark, its
 * price year (all amounts in prices of 2014; an indexed amount with its original) and the seed's range with how it
 * varies by default.
 */
export function keyFiguresSheet(overrides: Readonly<Record<string, number>>): PlanSheet {
  const s = new SheetBuilder(KENGETALLEN, "De kengetallen van het LPBL-model: waarde (aan te passen), eenheid, bron, prijspeil en bandbreedte; illustratieve kengetallen staan als zodanig gemarkeerd.");
  s.addRow([{ value: "Kengetallen (LPBL, seed 001)", style: "title" }]);
  s.addRow([{ value: `Gele cellen zijn aan te passen; het rekenmodel op Invoer leest ze. 'Illustratief' = de seed drukt dit getal niet af en er is geen openbare bron geverifieerd. Bedragen in prijspeil ${PRICE_YEAR} (${CPI_SOURCE}). De bandbreedte is die van de seed; Monte Carlo en de tornado gebruiken haar via het blad Onzekerheid.`, style: "note" }]);
  s.skip();
  s.addRow(["Kengetal", "Waarde", "Eenheid", "Bron", "Sleutel", "Prijspeil", "Oorspronkelijk bedrag", "Bandbreedte laag", "Bandbreedte hoog", "In Monte Carlo"].map((value) => ({ value, style: "heading" as const })));
  LPBL_KEY_FIGURES.forEach((k) => {
    const original = k.price?.original;
    s.addRow([
      { value: k.illustrative ? `${k.label} (illustratief)` : k.label, style: k.illustrative ? "warning" : "label" },
      { value: overrides[k.key] ?? k.value, style: "input", numberFormat: "#,##0.####" },
      { value: k.unit, style: "note" },
      { value: k.source, style: "note" },
      { value: k.key, style: "note" },
      { value: k.price ? k.price.year : null, style: "note", numberFormat: "0" },
      { value: original ? `€ ${original.amount.toLocaleString("nl-NL")} (${original.year}) ÷ ${formatNumber(cpiFactor(original.year), 4)}` : null, style: "note" },
      { value: k.range ? k.range.low : null, style: "note", numberFormat: "#,##0.####" },
      { value: k.range ? k.range.high : null, style: "note", numberFormat: "#,##0.####" },
      { value: k.range && k.uncertainty === "bandbreedte" ? `${k.range.distribution.type === "uniform" ? "uniform" : "driehoek, top bij " + formatNumber(k.range.distribution.mode, 4)}` : UNCERTAINTY_TEXT[k.uncertainty], style: "note" },
    ]);
  });
  s.width(0, 60).width(1, 14).width(2, 24).width(3, 80).width(4, 28).width(5, 10).width(6, 26).width(7, 14).width(8, 14).width(9, 22).freeze(KEY_FIGURES_TOP, 1);
  return s.build();
}

/**
 * The LPBL model file from the values of the screen and key-figure fields (as read from a workbook of `planVersion`):
 * inputs by path, key figures that differ from their default (of that version) as overrides, a key figure of version
 * 2 translated to today's key. A blank input stays absent, so validation names it (or a default applies, for a field
 * an older workbook does not have); a blank key figure is not its default (the formulas read it as 0) and is named too.
 */
export function lpblFileFromValues(values: ReadonlyMap<string, CellValue>, planVersion: number = PLAN_SCHEMA_VERSION): { schemaVersion: 1; modelType: "lpbl"; inputs: unknown; keyFigures: Record<string, number> } {
  const inputs: Record<string, unknown> = {};
  const keyFigures: Record<string, number> = {};
  for (const field of lpblScreenFields(planVersion)) {
    const value = values.get(field.id);
    if (value === undefined) continue; // not read
    const blank = value === null || value === "";
    if (field.id.startsWith("keyFigures.")) {
      let key = field.id.slice("keyFigures.".length);
      let factor = 1;
      let standard: number | undefined;
      if (planVersion < 3) {
        const old = LPBL_KEY_FIGURES_V2.find(([k]) => k === key)!;
        standard = old[1];
        if (old[2]) ({ key, factor } = old[2]);
        if (!KEY_FIGURE_KEYS.has(key)) continue; // a key figure version 3 no longer has (terugval)
      } else standard = LPBL_KEY_FIGURES.find((k) => k.key === key)!.value;
      if (typeof value === "number" && value !== standard) keyFigures[key] = value * factor;
      // A blank key figure is not the default: the model block's formula reads it as 0. Validation names it.
      else if (typeof value !== "number") keyFigures[key] = (blank ? null : value) as never;
      continue;
    }
    const parts = field.id.split(".");
    let target = inputs;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    // A blank cell is not the input's default either (Voorkomen huisuitzettingen has one, 1%): the model block's
    // formula reads it as 0, and a default taken silently would be a figure nobody typed. Validation names it.
    target[parts[parts.length - 1]!] = blank ? null : value;
  }
  return { schemaVersion: 1, modelType: "lpbl", inputs, keyFigures };
}
