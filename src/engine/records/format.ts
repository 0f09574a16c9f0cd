/**
 * The registration record format (registratieformaat) after the registration form of seed 001_89b8683f98a68fb5.txt,
 * Bijlage 3 (regels 1098–1273, "Inhoud registratiesysteem"): one row per household per measurement (meting), Dutch
 * column headers, coded fields with their allowed codes. docs/registratie.md documents every column; this module is the
 * one definition the reader (read.ts), the generator (generator.ts), the documentation test and the workbook plan use.
 *
 * What the form asks and where it lands here:
 * - 1.1 Dossier: ID (a pseudonym, never a BSN — privacy.ts), Datum aanmelding; plus which measurement the row is
 *   (0 = nulmeting at registration, 6/12/18 months after, Bijlage 3 §3a regel 1146: "na bijv 6, 12 en 18 maanden") and
 *   its date;
 * - 1.2 Kenmerken huishouden: Samenstelling, Aantal kinderen, w.v. thuiswonend, Inkomensbron, Minima, (L)VB; and the
 *   two things the LPBL tool asks that the form leaves implicit: the household type of the LPBL screen (gezin / oudere /
 *   overig, Bijlage 2 deel A) and whether the team found the household itself (nieuw gevonden, deel B);
 * - 2.2/4.2 Leefsituatie/probleemgebieden "(ja/nee of ZRM)": one column per problem area, ja/nee or a
 *   Zelfredzaamheidsmatrix score 1–5, at every measurement; and `zelfredzaam` for a form kept in ja/nee;
 * - 2.3 Lopende interventies bij aanvang (1/0) and §3b "Lopende trajecten na verloop van tijd": `loopt_<traject>` 1/0;
 * - 3.1 Trajecten nieuw (1) of geschrapd (−1): `team_<traject>` 1/0/−1 (what the team did since the previous measurement);
 * - 3.2 Inzet team/eigen kracht/netwerk of professional: `zonder_traject`, the needs the team, the household or its
 *   network took on instead of a professional trajectory since the previous measurement;
 * - 3.3 Escalatie: huisuitzetting, OTS (aantal kinderen), UHP (aantal kinderen), opname V&V-huis, opname GGZ — in the 12
 *   months before the measurement (at the nulmeting: the 12 months before registration);
 * - 5 Afsluiting: afgesloten, terugval. Free text (2.1 Typering, 4.1, Opmerking) is not part of the format: free text
 *   is where names end up, so such a column is ignored and never stored.
 */
import type { HouseholdType } from "../models/lpbl/inputs";

/** Measurements (metingen): months after registration; 0 is the nulmeting. */
export const MEASUREMENTS = [0, 6, 12, 18] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

/** Household type codes (huishoudtype) → the LPBL screen's household types (seed 001, Bijlage 2 deel A). */
export const HOUSEHOLD_TYPE_CODES: Readonly<Record<string, HouseholdType>> = { gezin: "families", oudere: "elderly", overig: "other" };
export const HOUSEHOLD_TYPE_CODE: Readonly<Record<HouseholdType, string>> = { families: "gezin", elderly: "oudere", other: "overig" };

/** Samenstelling (Bijlage 3 §1.2). The LPBL screen's "eenouder/persoons" is eenpersoons + eenouder. */
export const COMPOSITIONS = ["eenpersoons", "eenouder", "tweeouder", "meerpersoons"] as const;
export type Composition = (typeof COMPOSITIONS)[number];
/** Inkomensbron (Bijlage 3 §1a: "Inkomen: werk/bijstand/uwv"; pensioen for the elderly; overig). */
export const INCOME_SOURCES = ["werk", "bijstand", "uwv", "pensioen", "overig"] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

/** The problem areas of Bijlage 3 §2.2 (regels 1190–1203), in the form's order. */
export const PROBLEM_AREAS = [
  { id: "schulden", label: "Schulden" },
  { id: "werk", label: "Werk" },
  { id: "overlast", label: "Overlast" },
  { id: "criminaliteit", label: "Criminaliteit" },
  { id: "dagbesteding", label: "Dagbesteding" },
  { id: "isolement", label: "Isolement" },
  { id: "verslaving", label: "Verslaving" },
  { id: "psychisch", label: "Psychisch" },
  { id: "fysiek", label: "Fysiek" },
  { id: "huisvesting", label: "Huisvesting" },
  { id: "huiselijk_geweld", label: "Huiselijk geweld (HG)" },
  { id: "opvoeding", label: "Opvoeding" },
  { id: "onveilig_kinderen", label: "Onveilig voor kinderen" },
  { id: "overig", label: "Overig" },
] as const;
export type ProblemArea = (typeof PROBLEM_AREAS)[number]["id"];
export const PROBLEM_INDEX: Readonly<Record<ProblemArea, number>> = Object.fromEntries(PROBLEM_AREAS.map((p, i) => [p.id, i])) as Record<ProblemArea, number>;

/**
 * The trajectory types of Bijlage 3 §2.3 and §3.1 (regels 1207–1237), in the form's order. `substitutable`: the
 * trajectories seed 001 counts for substitution (footnote 15, regel 621: lichte schuldhulp, re-integratie, activerende
 * dagbesteding, maatschappelijke dienstverlening, jeugd- en opvoedhulp, Hulp bij Huishouden — not GGZ, other youth
 * interventions or AWBZ care); `lpbl`: the LPBL model's trajectory id (model.ts TRAJECTORY_TYPES), if it prices it.
 */
export const TRAJECTORIES = [
  { id: "shv", label: "SHV (schuldhulpverlening)", substitutable: true, lpbl: "shv" },
  { id: "reintegratie", label: "Re-integratie", substitutable: true, lpbl: "reintegratie" },
  { id: "dagbesteding", label: "Activerende dagbesteding", substitutable: true, lpbl: "dagbesteding" },
  { id: "amw", label: "AMW", substitutable: true, lpbl: "amw" },
  { id: "hbh", label: "Wmo-HbH", substitutable: true, lpbl: "hbh" },
  { id: "joh", label: "J&OH ambulant (incl. AWBZ-begeleiding)", substitutable: true, lpbl: "joh" },
  { id: "jggz", label: "Jeugd-GGZ", substitutable: false, lpbl: "jggz" },
  { id: "ots", label: "OTS", substitutable: false, lpbl: null },
  { id: "uhp", label: "UHP", substitutable: false, lpbl: null },
  { id: "awbz_begeleiding", label: "AWBZ-begeleiding", substitutable: false, lpbl: null },
  { id: "awbz_overig", label: "AWBZ overig", substitutable: false, lpbl: null },
  { id: "ggz", label: "GGZ", substitutable: false, lpbl: "ggz" },
  { id: "anders", label: "Anders", substitutable: false, lpbl: null },
] as const;
export type TrajectoryId = (typeof TRAJECTORIES)[number]["id"];
export const TRAJECTORY_COUNT = TRAJECTORIES.length;

/** Escalations of Bijlage 3 §3.3 (regels 1241–1249). OTS and UHP are counted in children, the others yes/no. */
export const ESCALATIONS = [
  { id: "huisuitzetting", label: "Huisuitzetting" },
  { id: "ots_uhp", label: "OTS/UHP (gezin met ≥ 1 kind onder toezicht of uit huis geplaatst)" },
  { id: "opname_vv", label: "Opname V&V-huis" },
  { id: "opname_ggz", label: "Opname GGZ" },
] as const;
export type EscalationId = (typeof ESCALATIONS)[number]["id"];

/** What kind of value a column holds; each kind has one parser (read.ts) and one data-validation rule (workbook). */
export type ColumnKind =
  | { readonly type: "pseudonym" }
  | { readonly type: "date" }
  | { readonly type: "measurement" }
  | { readonly type: "code"; readonly codes: readonly string[] }
  /** ja/nee, also written 1/0. */
  | { readonly type: "yesNo" }
  /** ja/nee or a Zelfredzaamheidsmatrix score 1 (acuut) … 5 (volledig zelfredzaam). */
  | { readonly type: "zrm" }
  /** A whole number 0 … max. */
  | { readonly type: "count"; readonly max: number }
  /** −1 (geschrapt), 0 or 1 (nieuw); empty is 0. */
  | { readonly type: "change" };

export interface ColumnSpec {
  /** The header as written in the file (lower case, underscores; the reader also accepts spaces and capitals). */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Must be filled on every row. */
  readonly required: boolean;
  /** Dutch description for docs/registratie.md and the sheet's header comment. */
  readonly description: string;
  /** Where on the Bijlage 3 form (seed 001) it comes from. */
  readonly form: string;
}

const YES_NO: ColumnKind = { type: "yesNo" };

/** Every column of the format, in the order of an export (and of the Registratie sheet). */
export const COLUMNS: readonly ColumnSpec[] = [
  { header: "id", kind: { type: "pseudonym" }, required: true, form: "1.1 ID", description: "Pseudoniem van het huishouden (letters, cijfers, - en _; hoogstens 40 tekens; nooit een BSN, naam of adres)" },
  { header: "datum_aanmelding", kind: { type: "date" }, required: true, form: "1.1 Datum aanmelding", description: "Datum van aanmelding bij het team (JJJJ-MM-DD of DD-MM-JJJJ)" },
  { header: "meting", kind: { type: "measurement" }, required: true, form: "§3a (0-meting; na 6, 12 en 18 maanden)", description: "Welke meting deze rij is: 0 (nulmeting bij aanmelding), 6, 12 of 18 (maanden na aanmelding)" },
  { header: "datum_meting", kind: { type: "date" }, required: true, form: "§3a", description: "Datum van de meting (niet vóór de aanmelding, niet in de toekomst)" },
  { header: "huishoudtype", kind: { type: "code", codes: Object.keys(HOUSEHOLD_TYPE_CODES) }, required: false, form: "LPBL-invoerscherm deel A (Bijlage 2)", description: "Type huishouden zoals de LPBL-tool het telt: gezin (met kinderen), oudere, overig" },
  { header: "samenstelling", kind: { type: "code", codes: COMPOSITIONS }, required: false, form: "1.2 Samenstelling", description: "eenpersoons, eenouder, tweeouder of meerpersoons" },
  { header: "aantal_kinderen", kind: { type: "count", max: 20 }, required: false, form: "1.2 Aantal kinderen", description: "Aantal kinderen (0–20)" },
  { header: "kinderen_thuiswonend", kind: { type: "count", max: 20 }, required: false, form: "1.2 w.v. thuiswonend", description: "Waarvan thuiswonend (hoogstens aantal_kinderen)" },
  { header: "inkomensbron", kind: { type: "code", codes: INCOME_SOURCES }, required: false, form: "1.2 Inkomensbron", description: "werk, bijstand, uwv, pensioen of overig" },
  { header: "minima", kind: YES_NO, required: false, form: "1.2 Minima", description: "Inkomen op minimumniveau: ja/nee" },
  { header: "lvb", kind: YES_NO, required: false, form: "1.2 (L)VB", description: "(Licht) verstandelijke beperking in het huishouden: ja/nee" },
  { header: "nieuw_gevonden", kind: YES_NO, required: false, form: "LPBL-invoerscherm deel B (nieuw gevonden hh)", description: "Door het team gevonden, nog niet bekend bij de hulpverlening: ja/nee" },
  { header: "zelfredzaam", kind: YES_NO, required: false, form: "§2.2 (zelfredzaamheid, als er geen ZRM-scores zijn)", description: "Zelfredzaam ondanks de problemen: ja/nee (alleen nodig zonder ZRM-scores)" },
  ...PROBLEM_AREAS.map((p): ColumnSpec => ({ header: `probleem_${p.id}`, kind: { type: "zrm" }, required: false, form: `2.2/4.2 ${p.label}`, description: `${p.label}: ja/nee, of ZRM-score 1 (acuut) … 5 (volledig zelfredzaam); een probleem is ja of ZRM ≤ 3` })),
  ...TRAJECTORIES.map((t): ColumnSpec => ({ header: `loopt_${t.id}`, kind: YES_NO, required: false, form: `2.3/§3b ${t.label}`, description: `${t.label} loopt op de meetdatum: 1/0 (ja/nee)` })),
  ...TRAJECTORIES.map((t): ColumnSpec => ({ header: `team_${t.id}`, kind: { type: "change" }, required: false, form: `3.1 ${t.label}`, description: `${t.label}: door het team toegevoegd (1) of geschrapt (−1) sinds de vorige meting; leeg is 0` })),
  { header: "zonder_traject", kind: { type: "count", max: 50 }, required: false, form: "3.2 Inzet team/eigen kracht/netwerk", description: "Hulpvragen die het team, het huishouden of het netwerk oppakte in plaats van een professioneel traject, sinds de vorige meting (0–50)" },
  { header: "escalatie_huisuitzetting", kind: YES_NO, required: false, form: "3.3 Huisuitzetting", description: "Huisuitzetting in de 12 maanden vóór de meting (bij de nulmeting: vóór aanmelding): ja/nee" },
  { header: "escalatie_ots_kinderen", kind: { type: "count", max: 20 }, required: false, form: "3.3 OTS, aantal kinderen", description: "Aantal kinderen met een nieuwe ondertoezichtstelling in de 12 maanden vóór de meting (0–20)" },
  { header: "escalatie_uhp_kinderen", kind: { type: "count", max: 20 }, required: false, form: "3.3 UHP, aantal kinderen", description: "Aantal kinderen uit huis geplaatst in de 12 maanden vóór de meting (0–20)" },
  { header: "escalatie_opname_vv", kind: YES_NO, required: false, form: "3.3 Opname V&V-huis", description: "Opname in een verpleeg- of verzorgingshuis in de 12 maanden vóór de meting: ja/nee" },
  { header: "escalatie_opname_ggz", kind: YES_NO, required: false, form: "3.3 Opname GGZ", description: "Opname in de GGZ in de 12 maanden vóór de meting: ja/nee" },
  { header: "afgesloten", kind: YES_NO, required: false, form: "5 Afsluiting", description: "Traject bij het team afgesloten op de meetdatum: ja/nee" },
  { header: "terugval", kind: YES_NO, required: false, form: "5 Terugval", description: "Teruggevallen na afsluiting (opnieuw aangemeld of escalatie): ja/nee" },
];

export const COLUMN_BY_HEADER: ReadonlyMap<string, ColumnSpec> = new Map(COLUMNS.map((c) => [c.header, c]));
export const REQUIRED_HEADERS: readonly string[] = COLUMNS.filter((c) => c.required).map((c) => c.header);

/** The codes a coded column accepts, as shown in messages and in the sheet's data validation. */
export function allowedCodes(kind: ColumnKind): readonly string[] {
  switch (kind.type) {
    case "measurement":
      return MEASUREMENTS.map(String);
    case "code":
      return kind.codes;
    case "yesNo":
      return ["ja", "nee", "1", "0"];
    case "zrm":
      return ["ja", "nee", "1", "2", "3", "4", "5"];
    case "change":
      return ["1", "0", "-1"];
    default:
      return [];
  }
}

/**
 * Limits (grenzen) of one registration file, documented in docs/registratie.md: far beyond a team's records (a team of
 * 4 fte sees a few hundred households a year; a whole city a few tens of thousands), and each keeps reading within a
 * second or two and bounded memory.
 */
export const RECORD_LIMITS = {
  /** Data rows (one per household per measurement). */
  rows: 250_000,
  /** Columns, the format's own and any others (which are ignored). */
  columns: 150,
  /** Characters in one cell. */
  cellLength: 200,
  /** Characters in a pseudonym. */
  pseudonymLength: 40,
  /** Bytes of a file the CLI reads (CSV or .xlsx). */
  fileBytes: 100 * 1024 * 1024,
  /** Problems kept with row and column (every problem is counted; only these are listed one by one). */
  listedProblems: 1_000,
} as const;

/** The default suppression threshold (onderdrukkingsdrempel): counts below it are not shown (privacy.ts). */
export const DEFAULT_THRESHOLD = 10;

/**
 * One record: a household at one measurement, every field checked. `null` = not filled in (missing). Dates are day
 * numbers (days since 1970-01-01, UTC).
 */
export interface RegistrationRecord {
  /** 1-based row in the file (the header is row 1), for messages. */
  readonly row: number;
  readonly id: string;
  readonly registered: number;
  readonly measurement: Measurement;
  readonly measured: number;
  readonly householdType: HouseholdType | null;
  readonly composition: Composition | null;
  readonly children: number | null;
  readonly childrenAtHome: number | null;
  readonly income: IncomeSource | null;
  readonly minima: boolean | null;
  readonly lvb: boolean | null;
  readonly newlyFound: boolean | null;
  readonly selfReliant: boolean | null;
  /** Per problem area (PROBLEM_AREAS order): true/false (ja/nee), a ZRM score 1–5, or null. */
  readonly problems: readonly (boolean | number | null)[];
  /** Per trajectory type (TRAJECTORIES order): running on the measurement date, or null. */
  readonly running: readonly (boolean | null)[];
  /** Per trajectory type: −1, 0 or 1 (empty is 0). */
  readonly teamChanges: readonly number[];
  readonly withoutTrajectory: number | null;
  readonly eviction: boolean | null;
  readonly otsChildren: number | null;
  readonly uhpChildren: number | null;
  readonly admissionVV: boolean | null;
  readonly admissionGGZ: boolean | null;
  readonly closed: boolean | null;
  readonly relapse: boolean | null;
}

/** A problem area counts as a problem when marked ja or scored ZRM 1–3 (acuut, niet of beperkt zelfredzaam). */
export function isProblem(value: boolean | number | null): boolean | null {
  if (value === null) return null;
  return typeof value === "boolean" ? value : value <= 3;
}

/** Day number (days since 1970-01-01 UTC) ⇄ ISO date. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
