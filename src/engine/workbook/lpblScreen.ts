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
  DISCIPLINES,
  DISCIPLINE_LABELS,
  HOUSEHOLD_TYPES,
  HOUSEHOLD_TYPE_LABELS,
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
import { PlanField, PlanSheet, PlanValidationRule, SheetBuilder, a1, formulaText } from "./plan";

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
      { label: "3. Voorkomen escalatie (OTS/UHP, intramuraal, tweedelijnszorg)", unit: "aandeel hh van het type", rule: SHARE, format: FORMATS.percent, cells: byType((t) => `effect.preventedEscalation.${t}`, "escalatie") },
    ],
  },
  {
    title: "Lopende aanpak (Uitvoer B)",
    perType: false,
    rows: [
      { label: "Looptijd van de aanpak", unit: "jaren", rule: { type: "whole", min: 1, max: 20 }, format: "0", cells: one("runningApproach.years") },
      { label: "Opbouw naar volledige aanpak", unit: "jaren", rule: { type: "whole", min: 1, max: 10 }, format: "0", cells: one("runningApproach.buildUpYears") },
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

/** The screen laid out once: each section's heading row and each field row's place (0-based rows on Invoer). */
const LAYOUT = (() => {
  let row = SCREEN_TOP;
  const sections = SCREEN.map((section) => {
    const headingRow = row++;
    const rows = section.rows.map((def) => ({ def, row: row++ }));
    row++; // a blank row after each section
    return { section, headingRow, rows };
  });
  return { sections, end: row };
})();

/** Every screen cell with its place: the one walk over the layout that fields, formulas and the sheet use. */
const SCREEN_CELLS = LAYOUT.sections.flatMap(({ section, rows }) => rows.flatMap(({ def, row }) => def.cells.map((cell, i) => ({ section, def, cell, row, column: 1 + i, heading: section.perType ? HEADINGS[i] : undefined }))));

/** Every field of the LPBL screen and the key-figure sheet with its cell; the same for every LPBL workbook. */
export function lpblScreenFields(): PlanField[] {
  return [
    ...SCREEN_CELLS.map(({ section, def, cell, row, column, heading }) => ({ id: cell.path, section: section.title, label: def.label, ...(heading ? { column: heading } : {}), unit: def.unit, cell: { sheet: INVOER, row, column }, rule: def.rule })),
    ...LPBL_KEY_FIGURES.map((k, i) => ({ id: `keyFigures.${k.key}`, section: "Kengetallen", label: k.illustrative ? `${k.label} (illustratief)` : k.label, unit: k.unit, cell: { sheet: KENGETALLEN, row: KEY_FIGURES_TOP + i, column: 1 }, rule: { type: "decimal" as const, ...keyFigureBounds(k.key) } })),
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

/** Writes the screen on Invoer from row 0 (values from `inputs`) and returns the formula that feeds each parameter. */
export function writeLpblScreen(invoer: SheetBuilder, inputs: LpblInputs): { formulaOf: (key: string) => string | undefined } {
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
  invoer.width(0, 58).width(1, 13).width(2, 13).width(3, 13).width(UNIT_COLUMN, 26);
  return {
    formulaOf: (key) => {
      const ref = parameterReference(key, INVOER);
      return ref && `=${ref}`;
    },
  };
}

/** The Kengetallen sheet: every key figure with value (input, overridable), unit, source and the illustratief mark. */
export function keyFiguresSheet(overrides: Readonly<Record<string, number>>): PlanSheet {
  const s = new SheetBuilder(KENGETALLEN, "De kengetallen van het LPBL-model: waarde (aan te passen), eenheid en bron; illustratieve kengetallen staan als zodanig gemarkeerd.");
  s.addRow([{ value: "Kengetallen (LPBL, seed 001)", style: "title" }]);
  s.addRow([{ value: "Gele cellen zijn aan te passen; het rekenmodel op Invoer leest ze. 'Illustratief' = de seed drukt dit getal niet af en er is geen openbare bron geverifieerd.", style: "note" }]);
  s.skip();
  s.addRow(["Kengetal", "Waarde", "Eenheid", "Bron", "Sleutel"].map((value) => ({ value, style: "heading" as const })));
  LPBL_KEY_FIGURES.forEach((k) => {
    s.addRow([
      { value: k.illustrative ? `${k.label} (illustratief)` : k.label, style: k.illustrative ? "warning" : "label" },
      { value: overrides[k.key] ?? k.value, style: "input", numberFormat: "#,##0.####" },
      { value: k.unit, style: "note" },
      { value: k.source, style: "note" },
      { value: k.key, style: "note" },
    ]);
  });
  s.width(0, 60).width(1, 14).width(2, 24).width(3, 80).width(4, 28).freeze(KEY_FIGURES_TOP, 1);
  return s.build();
}

/**
 * The LPBL model file from the values of the screen and key-figure fields (as read from a workbook): inputs by path,
 * key figures that differ from their default as overrides. Blank cells stay absent, so validation names them.
 */
export function lpblFileFromValues(values: ReadonlyMap<string, CellValue>): { schemaVersion: 1; modelType: "lpbl"; inputs: unknown; keyFigures: Record<string, number> } {
  const inputs: Record<string, unknown> = {};
  const keyFigures: Record<string, number> = {};
  for (const field of lpblScreenFields()) {
    const value = values.get(field.id);
    if (field.id.startsWith("keyFigures.")) {
      const key = field.id.slice("keyFigures.".length);
      const standard = LPBL_KEY_FIGURES.find((k) => k.key === key)!.value;
      if (typeof value === "number" && value !== standard) keyFigures[key] = value;
      // A blank key figure is not the default: the model block's formula reads it as 0. Validation names it.
      else if (value !== undefined && typeof value !== "number") keyFigures[key] = value as never;
      continue;
    }
    if (value === null || value === undefined) continue;
    const parts = field.id.split(".");
    let target = inputs;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]!] = value;
  }
  return { schemaVersion: 1, modelType: "lpbl", inputs, keyFigures };
}
