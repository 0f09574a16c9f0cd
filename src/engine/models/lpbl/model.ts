/**
 * The LPBL MKBA-tool as a generator of a generic engine model (docs/lpbl-model.md): the inputs of the screen and the
 * key figures become named parameters; every cost and benefit post becomes an effect whose amount is an expression
 * over those parameters, on an actor and a category, with a time profile (costs in year 0, benefits in years 1–9,
 * year 9 standing for the long term). Discounting: rule "2007" (2,5% + 3% = 5,5%, seed 001 footnote 13).
 * Every engine feature (NCW, actors, ratios, scenarios, sensitivity) then works on it unchanged.
 */
import { parseExpression, parametersOf } from "../../model/expression";
import { ModelInput } from "../../model/schema";
import { formatNumber } from "../../numberFormat";
import { DISCIPLINES, Discipline, HOUSEHOLD_TYPES, HouseholdType, LpblInputs, LpblProblem, SEVERITIES, Severity, validateLpblInputs } from "./inputs";
import { KEY_FIGURE_KEYS, LPBL_KEY_FIGURES } from "./keyFigures";

export const LPBL_ACTORS = [
  { name: "Gemeente W&I", municipal: true },
  { name: "Gemeente Welzijn", municipal: true },
  { name: "Gemeente Jeugd", municipal: true },
  { name: "Gemeente Wmo", municipal: true },
  { name: "Gemeente overig", municipal: true },
  { name: "Zorgverzekeraar", municipal: false },
  { name: "Corporatie", municipal: false },
  { name: "Rijk", municipal: false },
  { name: "Huishoudens", municipal: false },
  { name: "Buurt/samenleving", municipal: false },
] as const;
export type LpblActor = (typeof LPBL_ACTORS)[number]["name"];

export const LPBL_COST_CATEGORIES = ["Kosten team", "Frictie- en eenmalige kosten", "Extra trajecten nieuw gevonden huishoudens"] as const;
export const LPBL_BENEFIT_CATEGORIES = ["Besparing organisatiekosten", "Effectievere trajecten", "Voorkomen escalaties", "Immateriële baten"] as const;
/** Transfers (verdelingseffecten): only in the welfare view of benefits (welvaartsvisie = 1). */
export const LPBL_TRANSFER_CATEGORY = "Verdelingseffecten";
export type LpblCostCategory = (typeof LPBL_COST_CATEGORIES)[number];
export type LpblBenefitCategory = (typeof LPBL_BENEFIT_CATEGORIES)[number];

/** Parameter-key suffix per household type. */
export const TYPE_KEY: Readonly<Record<HouseholdType, string>> = { families: "gezinnen", elderly: "ouderen", other: "overig" };
/** Parameter key and actor per team discipline (who supplies the nieuw-voor-oud staff and saves their old work). */
export const DISCIPLINE_KEY: Readonly<Record<Discipline, { key: string; actor: LpblActor; label: string }>> = {
  youth: { key: "disc_jeugd", actor: "Gemeente Jeugd", label: "Jeugd" },
  mentalHealthAdults: { key: "disc_ggz", actor: "Zorgverzekeraar", label: "GGZ-volwassenen" },
  workIncomeDebts: { key: "disc_wi", actor: "Gemeente W&I", label: "Werk & inkomen/Schulden" },
  welfare: { key: "disc_welzijn", actor: "Gemeente Welzijn", label: "Welzijn/MD" },
  care: { key: "disc_zorg", actor: "Zorgverzekeraar", label: "Zorg" }, // wijkverpleegkundige (seed 001, regels 761 en 769)
  housing: { key: "disc_wonen", actor: "Corporatie", label: "Wonen" },
};

/** The trajectory types of seed 001 Bijlage 3 that the model prices: base group, payer, substitutable (footnote 15, Tabel 4.5). */
export interface TrajectoryType {
  readonly id: string;
  readonly label: string;
  readonly actor: LpblActor;
  readonly substitutable: boolean;
  /** Expression: the base group (multi-problem households) the participation rate applies to. */
  readonly base: string;
}

const T = (t: HouseholdType) => TYPE_KEY[t];
/** Households of type t: N × share_t. */
export const householdsOfType = (t: HouseholdType) => `hh_totaal * aandeel_${T(t)}`;
/** Multi-problem households of type t: N × share_t × (zr_t + nzr_t). */
export const multiProblemOfType = (t: HouseholdType) => `hh_totaal * aandeel_${T(t)} * (zr_${T(t)} + nzr_${T(t)})`;
const sumTypes = (f: (t: HouseholdType) => string) => `(${HOUSEHOLD_TYPES.map((t) => `${f(t)}`).join(" + ")})`;
/** All multi-problem households. */
export const MULTI_PROBLEM = sumTypes(multiProblemOfType);
/** Multi-problem households with problematic debts. */
export const WITH_DEBTS = sumTypes((t) => `${multiProblemOfType(t)} * schulden_${T(t)}`);
/**
 * Multi-problem households without work, of working age: families and other households. The elderly are left out —
 * the screen's "geen werk 100%" for ouderen (seed 001, Bijlage 2) is pension age, not a base for work, re-integration
 * or activating day care (issue 9, fault 5).
 */
export const WITHOUT_WORK = `(${multiProblemOfType("families")} * geenwerk_${T("families")} + ${multiProblemOfType("other")} * geenwerk_${T("other")})`;

export const TRAJECTORY_TYPES: readonly TrajectoryType[] = [
  { id: "shv", label: "Schuldhulpverlening (SHV)", actor: "Gemeente W&I", substitutable: true, base: WITH_DEBTS },
  { id: "reintegratie", label: "Re-integratie", actor: "Gemeente W&I", substitutable: true, base: WITHOUT_WORK },
  { id: "dagbesteding", label: "Activerende dagbesteding", actor: "Gemeente Wmo", substitutable: true, base: WITHOUT_WORK },
  { id: "amw", label: "AMW/maatschappelijke dienstverlening", actor: "Gemeente Welzijn", substitutable: true, base: MULTI_PROBLEM },
  { id: "hbh", label: "Wmo hulp bij het huishouden", actor: "Gemeente Wmo", substitutable: true, base: `(${multiProblemOfType("elderly")})` },
  { id: "joh", label: "Jeugd- en opvoedhulp ambulant", actor: "Gemeente Jeugd", substitutable: true, base: `(${multiProblemOfType("families")})` },
  { id: "jggz", label: "Jeugd-GGZ", actor: "Gemeente Jeugd", substitutable: false, base: `(${multiProblemOfType("families")})` },
  { id: "ggz", label: "GGZ volwassenen", actor: "Zorgverzekeraar", substitutable: false, base: `(${multiProblemOfType("elderly")} + ${multiProblemOfType("other")})` },
];

/** Trajectories of type j per year among all multi-problem households in the approach: base_j × deelname_j. */
export const trajectories = (j: TrajectoryType) => `${j.base} * deelname_${j.id}`;
/** Team cost in full: fte × cost per fte + other team costs. */
export const TEAM_COST = "(fte_team * kosten_per_fte + overige_teamkosten)";
/** Non-additional (nieuw-voor-oud) share of the team cost. */
export const NON_ADDITIONAL = "(fte_team * kosten_per_fte * (1 - additioneel_fte) + overige_teamkosten * (1 - additioneel_overig))";
export const DISCIPLINE_TOTAL = `max(${DISCIPLINES.map((d) => DISCIPLINE_KEY[d].key).join(" + ")}, 1)`;
/**
 * Team breadth (integrale teamsamenstelling, seed 001 §3.3.4, regel 456: "De effectiviteit van de aanpak is daarom deels
 * wel afhankelijk van de samenstelling van het team"): the share kg_effectiviteit_breedte of the entered success depends
 * on how many of the six disciplines are in the team; the rest does not. All six → 1; none → 1 − kg_effectiviteit_breedte.
 */
export const TEAM_BREADTH = `(1 - kg_effectiviteit_breedte + kg_effectiviteit_breedte * min(${DISCIPLINES.map((d) => `min(${DISCIPLINE_KEY[d].key}, 1)`).join(" + ")}, 6) / 6)`;
/**
 * Extra people in work (net): multi-problem households of working age without work × success "direct naar werk" ×
 * team breadth × attribution × (1 − terugval): the relapse of 20% taken once (seed 001, Tabel 4.7 **, regel 696), not as
 * a yearly decay (issue 9, fault 8).
 */
export const EXTRA_WORK = `${WITHOUT_WORK} * succes_werk * ${TEAM_BREADTH} * attributie * (1 - terugval)`;
/** Prevented escalations (households): evictions, OTS/UHP, intramural care and second-line care. */
export const PREVENTED_EVICTIONS = "hh_totaal * kg_escalatie_huisuitzetting * attributie";
export const PREVENTED_OTS_UHP = `${householdsOfType("families")} * escalatie_gezinnen * attributie`;
export const PREVENTED_INTRAMURAL = `${householdsOfType("elderly")} * escalatie_ouderen * attributie`;
export const PREVENTED_SECOND_LINE = `${householdsOfType("other")} * escalatie_overig * attributie`;
export const PREVENTED_ESCALATIONS = `(${PREVENTED_EVICTIONS} + ${PREVENTED_OTS_UHP} + ${PREVENTED_INTRAMURAL} + ${PREVENTED_SECOND_LINE})`;

export interface LpblBuildOk {
  readonly ok: true;
  readonly model: ModelInput;
  /** The validated input screen and the key-figure overrides it was built from (for the workbook's input screen). */
  readonly inputs: LpblInputs;
  readonly keyFigureOverrides: Readonly<Record<string, number>>;
  readonly fteFromCaseload: number;
  readonly fteEntered: number;
  readonly fteWarning: string | null;
  /** True when an effect uses an illustrative key figure that was not overridden. */
  readonly illustrative: boolean;
  readonly illustrativeKeys: string[];
  /** Households per severity (ev, zr, nzr). */
  readonly householdsBySeverity: Readonly<Record<Severity, number>>;
  /** fte the reach needs at the caseloads of Tabel 3.10 (the key figures kg_caseload_ev/zr/nzr). */
  readonly fteAtKeyFigureCaseloads: number;
  /** fte from hours per household ÷ productive hours per fte (kg_productieve_uren_fte). */
  readonly fteFromHours: number;
  readonly productiveHoursPerFte: number;
  /** Years and build-up of the running approach (Uitvoer B and the multi-year view). */
  readonly runningApproach: { readonly years: number; readonly buildUpYears: number };
  /** Per scenario or sensitivity run: the overrides that follow another parameter (factor × its value). */
  readonly derivedOverrides: Readonly<Record<string, Readonly<Record<string, DerivedOverride>>>>;
}

/** An override that is `factor` × the value of the parameter `from` (a key figure or a screen input). */
export interface DerivedOverride {
  readonly from: string;
  readonly factor: number;
}
export type LpblBuildResult = LpblBuildOk | { ok: false; problems: LpblProblem[] };

/** Households per severity: N × Σ_types (type share × severity share of that type). */
export function householdsBySeverity(inputs: LpblInputs): Record<Severity, number> {
  const { reach } = inputs;
  const out = { ev: 0, zr: 0, nzr: 0 };
  for (const s of SEVERITIES) out[s] = reach.households * HOUSEHOLD_TYPES.reduce((a, t) => a + reach.typeShares[t] * reach.severity[t][s], 0);
  return out;
}

/** fte implied by reach × caseload: Σ_severities households ÷ caseload. */
export function fteFromCaseload(inputs: LpblInputs): number {
  const h = householdsBySeverity(inputs);
  return SEVERITIES.reduce((a, s) => a + h[s] / inputs.reach.caseload[s], 0);
}

/** Dutch warning when entered and implied fte differ by more than 10% of the implied fte; otherwise null. */
export function fteWarningFor(fteEntered: number, fteImplied: number): string | null {
  if (fteImplied <= 0) return fteEntered > 0 ? "Let op: het bereik is 0 huishoudens, maar er is wel team-fte ingevoerd." : null;
  const diff = Math.abs(fteEntered - fteImplied) / fteImplied;
  if (diff <= 0.1) return null;
  return `Let op: de ingevoerde teamomvang (${formatNumber(fteEntered, 2)} fte) wijkt ${formatNumber(diff * 100, 0)}% af van de omvang die bereik × caseload vraagt (${formatNumber(fteImplied, 2)} fte); controleer bereik, caseload of teamomvang.`;
}

/** The input screen as model parameters (key, value, Dutch label). */
function inputParameters(inputs: LpblInputs): NonNullable<ModelInput["parameters"]> {
  const { reach, costs, effect } = inputs;
  const src = "Invoer (LPBL MKBA-tool, invoerscherm; seed 001 Bijlage 2)";
  const p: NonNullable<ModelInput["parameters"]> = [];
  const add = (key: string, value: number, unit: string, label: string) => p.push({ key, value, unit, label, source: src });
  add("hh_totaal", reach.households, "huishoudens", "A. Aantal hh in aanpak (totaal)");
  for (const t of HOUSEHOLD_TYPES) {
    const k = T(t);
    add(`aandeel_${k}`, reach.typeShares[t], "aandeel", `A. Aantal hh in aanpak (%) ${k}`);
    add(`ev_${k}`, reach.severity[t].ev, "aandeel", `A. Geen probleem of enkelvoudig (ev), ${k}`);
    add(`zr_${k}`, reach.severity[t].zr, "aandeel", `A. Meervoudig en zelfredzaam (zr), ${k}`);
    add(`nzr_${k}`, reach.severity[t].nzr, "aandeel", `A. Meervoudig en niet-zelfredzaam (nzr), ${k}`);
    add(`eenouder_${k}`, reach.composition.singleParent[t], "aandeel", `A. Eenouder/persoons, ${k}`);
    add(`tweeouder_${k}`, reach.composition.twoParent[t], "aandeel", `A. Tweeouder/meerpersoons, ${k}`);
    add(`schulden_${k}`, reach.livingSituation.debts[t], "aandeel mv-hh", `A. Problematische schulden, ${k}`);
    add(`geenwerk_${k}`, reach.livingSituation.noWork[t], "aandeel mv-hh", `A. Geen werk, ${k}`);
    add(`overlast_${k}`, reach.livingSituation.nuisance[t], "aandeel mv-hh", `A. Overlastgevend, ${k}`);
    add(`escalatie_${k}`, effect.preventedEscalation[t], "aandeel hh", `C.3 Voorkomen escalatie, ${k}`);
  }
  add("kinderen_per_gezin", reach.composition.childrenPerFamily, "kinderen", "A. Gemiddeld aantal kinderen");
  for (const s of SEVERITIES) {
    add(`caseload_${s}`, reach.caseload[s], "hh per fte", `A. Caseload ${s}`);
    add(`uren_${s}`, reach.hoursPerHousehold[s], "uren per hh per jaar", `A. Uren gem. per hh p.jr ${s}`);
  }
  add("fte_team", costs.teamFte, "fte", "B. Totaal aantal teamleden (fte)");
  add("additioneel_fte", costs.additionalShareFte, "aandeel", "B. w.v. percentage additionele kosten (fte)");
  add("kosten_per_fte", costs.costPerFte, "euro per fte per jaar", "B. kosten fte incl. huisvesting");
  add("overige_teamkosten", costs.otherTeamCosts, "euro per jaar", "B. Overige teamkosten");
  add("additioneel_overig", costs.additionalShareOther, "aandeel", "B. w.v. percentage additionele kosten (overige teamkosten)");
  add("frictie", costs.frictionShare, "aandeel van de teamkosten", "B. Percentage frictiekosten");
  add("eenmalige_kosten", costs.otherOneTimeCosts, "euro", "B. Overige eenmalige kosten");
  add("nieuw_gevonden", costs.newlyFoundShare, "aandeel", "B. Percentage nieuw gevonden hh");
  add("subst_nieuw", effect.substitutionNew, "aandeel", "C.1 Substitutie in nieuwe cases");
  add("subst_bestaand", effect.substitutionExisting, "aandeel", "C.1 Substitutie in bestaande cases");
  for (const d of DISCIPLINES) add(DISCIPLINE_KEY[d].key, effect.disciplines[d], "disciplines", `C.2 Teamsamenstelling: ${DISCIPLINE_KEY[d].label}`);
  add("succes_schuldhulp", effect.success.debtAssistance, "procentpunt", "C.2 Succes trajecten: schuldhelp");
  add("succes_werk", effect.success.directToWork, "procentpunt", "C.2 Succes trajecten: direct naar werk");
  add("succes_schooluitval", effect.success.schoolDropout, "procentpunt", "C.2 Succes trajecten: schooluitval");
  add("succes_consulten", effect.success.firstLineConsultations, "procentpunt", "C.2 Succes trajecten: consulten eerste lijn");
  add("succes_tweedelijn", effect.success.secondLineReferrals, "procentpunt", "C.2 Succes trajecten: doorverwijzing tweede lijn");
  return p;
}

type EffectInput = ModelInput["effects"][number];

/** Every effect of the model (docs/lpbl-model.md, formulas K1–K4 and B1–B4). */
function lpblEffects(): EffectInput[] {
  const e: EffectInput[] = [];
  // K1 Kosten team: additional share (gemeente overig) and the nieuw-voor-oud share per discipline.
  e.push({
    name: "Teamkosten (additioneel)",
    category: "Kosten team",
    nature: "financieel",
    actor: "Gemeente overig",
    amount: "fte_team * kosten_per_fte * additioneel_fte + overige_teamkosten * additioneel_overig",
    profile: { start: 0 },
  });
  for (const d of DISCIPLINES) {
    const { key, actor, label } = DISCIPLINE_KEY[d];
    const amount = `${NON_ADDITIONAL} * ${key} / ${DISCIPLINE_TOTAL}`;
    e.push({ name: `Teamkosten nieuw-voor-oud (${label})`, category: "Kosten team", nature: "financieel", actor, amount, profile: { start: 0 } });
    // B1a the same amount saved at the supplying organisation: the old work of the staff falls away (same year).
    e.push({ name: `Besparing nieuw-voor-oud (${label})`, category: "Besparing organisatiekosten", nature: "financieel", actor, amount, profile: { start: 0 } });
  }
  // K2 Frictie- en eenmalige kosten
  e.push({ name: "Frictiekosten", category: "Frictie- en eenmalige kosten", nature: "financieel", actor: "Gemeente overig", amount: `frictie * ${TEAM_COST}`, profile: { start: 0 } });
  e.push({ name: "Overige eenmalige kosten", category: "Frictie- en eenmalige kosten", nature: "financieel", actor: "Gemeente overig", amount: "eenmalige_kosten", profile: { start: 0 } });
  // K3 Extra trajecten voor nieuw gevonden huishoudens; B1b/B1c substitution in new and existing cases.
  for (const j of TRAJECTORY_TYPES) {
    const cost = `${trajectories(j)} * kosten_${j.id}`;
    e.push({ name: `Extra trajecten nieuw gevonden: ${j.label}`, category: "Extra trajecten nieuw gevonden huishoudens", nature: "financieel", actor: j.actor, amount: `nieuw_gevonden * ${cost}`, profile: { start: 0 } });
    if (!j.substitutable) continue;
    e.push({ name: `Substitutie nieuwe cases: ${j.label}`, category: "Besparing organisatiekosten", nature: "financieel", actor: j.actor, amount: `subst_nieuw * nieuw_gevonden * ${cost}`, profile: { start: 1 } });
    e.push({ name: `Substitutie bestaande cases: ${j.label}`, category: "Besparing organisatiekosten", nature: "financieel", actor: j.actor, amount: `subst_bestaand * (1 - nieuw_gevonden) * ${cost}`, profile: { start: 1 } });
  }
  e.push({ name: "Besparing afstemming en coördinatie", category: "Besparing organisatiekosten", nature: "pm", actor: "Gemeente overig" });
  // B2 Effectievere trajecten: the entered success × team breadth, years 1–3 (no yearly decay: terugval is taken once).
  const effective = { start: 1, duration: 3 };
  // B2a work, in two views (issue 9, fault 6): the report's (seed 001 §4.3, regel 660: an avoided benefit is a cost
  // avoided for W&I) when welvaartsvisie = 0; the welfare view when 1: the benefit is a transfer (W&I saves, the household
  // loses it) and the household's own gain is the minimum wage minus the benefit (voetnoot 19).
  e.push({ name: "Uitstroom naar werk: voorkomen uitkeringen", category: "Effectievere trajecten", nature: "financieel", actor: "Gemeente W&I", amount: `${EXTRA_WORK} * uitkering_per_jaar * (1 - welvaartsvisie)`, profile: effective });
  e.push({ name: "Uitstroom naar werk: uitkering vervalt (overdracht)", category: "Verdelingseffecten", nature: "financieel", from: "Huishoudens", to: "Gemeente W&I", amount: `${EXTRA_WORK} * uitkering_per_jaar * welvaartsvisie`, profile: effective });
  e.push({ name: "Uitstroom naar werk: eigen inkomensvoordeel huishouden", category: "Effectievere trajecten", nature: "financieel", actor: "Huishoudens", amount: `${EXTRA_WORK} * max(minimumloon_per_jaar - uitkering_per_jaar, 0) * welvaartsvisie`, profile: effective });
  e.push({ name: "Minder consulten eerste lijn", category: "Effectievere trajecten", nature: "financieel", actor: "Zorgverzekeraar", amount: `(0 - succes_consulten) * ${TEAM_BREADTH} * ${MULTI_PROBLEM} * consulten_per_hh * kosten_consult * attributie`, profile: effective });
  e.push({ name: "Minder doorverwijzingen tweede lijn", category: "Effectievere trajecten", nature: "financieel", actor: "Zorgverzekeraar", amount: `(0 - succes_tweedelijn) * ${TEAM_BREADTH} * ${MULTI_PROBLEM} * kosten_tweedelijn * attributie`, profile: effective });
  // B3 Voorkomen escalaties (seed 001, Tabel 4.7, regels 685–696; net figures): evictions as a share of ALL households
  // (kengetal, 1%: Vb4 with 328 hh shows 3), OTS/UHP as a share of families and intramural care as a share of the
  // elderly (C.3), second-line care as a share of the other households (C.3). Each priced within "een paar duizend euro
  // tot soms wel € 100.000 (bij gezinnen)" (§4.3, regel 664).
  const escalationYears = { start: 2, duration: 2 };
  e.push({ name: "Voorkomen huisuitzettingen: ontruiming", category: "Voorkomen escalaties", nature: "financieel", actor: "Corporatie", amount: `${PREVENTED_EVICTIONS} * kosten_ontruiming`, profile: { start: 2 } });
  e.push({ name: "Voorkomen huisuitzettingen: maatschappelijke opvang", category: "Voorkomen escalaties", nature: "financieel", actor: "Gemeente Wmo", amount: `${PREVENTED_EVICTIONS} * kosten_opvang`, profile: { start: 2 } });
  e.push({ name: "Voorkomen OTS/uithuisplaatsing (gezinnen)", category: "Voorkomen escalaties", nature: "financieel", actor: "Gemeente Jeugd", amount: `${PREVENTED_OTS_UHP} * kosten_uhp_per_jaar`, profile: escalationYears });
  e.push({ name: "Voorkomen intramurale opname (ouderen)", category: "Voorkomen escalaties", nature: "financieel", actor: "Rijk", amount: `${PREVENTED_INTRAMURAL} * kosten_intramuraal_per_jaar`, profile: escalationYears });
  e.push({ name: "Voorkomen tweedelijnszorg (overige hh)", category: "Voorkomen escalaties", nature: "financieel", actor: "Zorgverzekeraar", amount: `${PREVENTED_SECOND_LINE} * kosten_tweedelijns_zorg`, profile: escalationYears });
  // B4 Immateriële baten
  e.push({ name: "Kwaliteit van leven: financiële stabiliteit", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: `${WITH_DEBTS} * succes_schuldhulp * ${TEAM_BREADTH} * attributie * qaly_financiele_stabiliteit * qaly_waarde`, profile: effective });
  e.push({ name: "Kwaliteit van leven: werk", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: `${EXTRA_WORK} * qaly_werk * qaly_waarde`, profile: effective });
  e.push({ name: "Kwaliteit van leven: voorkomen escalatie", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: `${PREVENTED_ESCALATIONS} * qaly_escalatie * qaly_waarde`, profile: escalationYears });
  e.push({ name: "Kansen kinderen: minder schooluitval (lange termijn)", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: `(0 - succes_schooluitval) * ${TEAM_BREADTH} * ${multiProblemOfType("families")} * kinderen_per_gezin * attributie * waarde_startkwalificatie`, profile: { start: 9 } });
  e.push({ name: "Leefbaarheid buurt: minder overlast", category: "Immateriële baten", nature: "pm", actor: "Buurt/samenleving" });
  return e;
}

/** Parameter keys an effect's expressions refer to. */
function keysOf(effect: EffectInput): Set<string> {
  const keys = new Set<string>();
  const fields = [effect.amount, effect.profile?.growth, effect.profile?.dropOff, ...(effect.profile?.amounts ?? [])];
  for (const f of fields) {
    if (typeof f !== "string") continue;
    const r = parseExpression(f);
    if (r.ok) parametersOf(r.expression, keys);
  }
  return keys;
}

/**
 * Inputs (+ optional key-figure overrides by key) → a generic engine model named "lpbl", the fte check and the
 * illustrative flag; or every problem with its path and a Dutch message.
 */
export function buildLpblModel(inputs: unknown, keyFigureOverrides: Readonly<Record<string, number>> = {}): LpblBuildResult {
  const v = validateLpblInputs(inputs);
  const problems: LpblProblem[] = v.ok ? [] : [...v.problems];
  for (const [key, value] of Object.entries(keyFigureOverrides)) {
    if (!KEY_FIGURE_KEYS.has(key)) problems.push({ path: `kengetallen.${key}`, message: `onbekend kengetal "${key}"` });
    else if (typeof value !== "number" || !Number.isFinite(value)) problems.push({ path: `kengetallen.${key}`, message: "verwacht een eindig getal" });
  }
  if (!v.ok || problems.length > 0) return { ok: false, problems };
  const data = v.inputs;

  const effects = lpblEffects();
  const overridden = new Set(Object.keys(keyFigureOverrides));
  const illustrativeKeysAll = new Set(LPBL_KEY_FIGURES.filter((k) => k.illustrative && !overridden.has(k.key)).map((k) => k.key));
  const used = new Set<string>();
  for (const effect of effects) {
    const keys = keysOf(effect);
    keys.forEach((k) => used.add(k));
    const ill = [...keys].filter((k) => illustrativeKeysAll.has(k));
    if (ill.length > 0) effect.source = `Let op: berekend met illustratieve kengetallen: ${ill.join(", ")}`;
  }
  const illustrativeKeys = [...illustrativeKeysAll].filter((k) => used.has(k));

  const keyParameters = LPBL_KEY_FIGURES.map((k) => ({
    key: k.key,
    value: overridden.has(k.key) ? (keyFigureOverrides[k.key] as number) : k.value,
    unit: k.unit,
    label: k.illustrative && !overridden.has(k.key) ? `${k.label} (illustratief)` : k.label,
    source: overridden.has(k.key) ? `Door de analist opgegeven (standaard: ${k.source})` : k.source,
  }));

  const kf = (key: string): number => keyParameters.find((p) => p.key === key)!.value;
  const inputValues = inputParameters(data);
  // An override that follows another parameter (a key figure or a screen input) is recorded with its source, so that
  // the workbook writes it as a formula to that cell: overriding the key figure then moves the scenario too.
  const derivedOverrides: Record<string, Record<string, DerivedOverride>> = {};
  const valueOf = (key: string): number => (inputValues.find((p) => p.key === key) ?? keyParameters.find((p) => p.key === key)!).value;
  const follow = (from: string, factor = 1): DerivedOverride => ({ from, factor });
  const overridesOf = (name: string, spec: Readonly<Record<string, number | DerivedOverride>>): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [key, v] of Object.entries(spec)) {
      if (typeof v === "number") out[key] = v;
      else {
        out[key] = valueOf(v.from) * v.factor; // × 1 is exact: a followed value stays that value
        (derivedOverrides[name] ??= {})[key] = v;
      }
    }
    return out;
  };
  /** A scenario or sensitivity run whose overrides may follow other parameters, built from its one name. */
  const run = (name: string, spec: Readonly<Record<string, number | DerivedOverride>>, description?: string) => {
    const overrides = overridesOf(name, spec);
    return description === undefined ? { name, overrides } : { name, description, overrides };
  };
  const model: ModelInput = {
    schemaVersion: 1,
    metadata: {
      name: "lpbl",
      title: "LPBL MKBA-tool sociale wijkteams — één jaar aanpak",
      description:
        "Kosten en baten van één jaar werken volgens de nieuwe aanpak (kosten in jaar 0, baten in jaar 1–9; jaar 9 staat voor de lange termijn), gegenereerd uit het invoerscherm A/B/C en de kengetallen; zie docs/lpbl-model.md.",
      priceBaseYear: 2014,
      firstYear: 2014,
      horizon: 10,
      discountRule: "2007",
      unit: "euro",
      baseScenarioName: "Basisvariant",
      sources: [
        "seed 001_89b8683f98a68fb5.txt: LPBL, Meta analyse MKBA's sociale (wijk)teams (2014), §3.2, §3.3.5–3.3.6, §4, §5.3, Bijlage 2 en 3",
        "Discontering: 2,5% reëel + 3% risico-opslag (seed 001, voetnoot 13)",
      ],
    },
    parameters: [...inputValues, ...keyParameters],
    actors: LPBL_ACTORS.map((a) => ({ ...a })),
    categories: [
      ...LPBL_COST_CATEGORIES.map((name) => ({ name, side: "kosten" as const })),
      ...LPBL_BENEFIT_CATEGORIES.map((name) => ({ name, side: "baten" as const })),
      { name: LPBL_TRANSFER_CATEGORY, side: "verdeling" as const },
    ],
    effects,
    scenarios: [
      // Key figures drive the scenarios (issue 9, fault 9): their current (possibly overridden) values, not constants.
      run("Kengetallen substitutie (Tabel 4.5)", { subst_nieuw: follow("kg_substitutie_nieuw"), subst_bestaand: follow("kg_substitutie_bestaand") }, "Substitutie volgens de kengetallen in nieuwe en bestaande cases (seed 001, Tabel 4.5, samenvatting: 30% en 10%)."),
      run("Kengetallen voorkomen escalatie (Tabel 4.7)", { escalatie_gezinnen: follow("kg_escalatie_ots_uhp"), escalatie_ouderen: follow("kg_escalatie_ots_uhp"), escalatie_overig: follow("kg_escalatie_tweedelijn") }, "Voorkomen escalatie volgens de ondergrenzen van Tabel 4.7 (seed 001): OTS/UHP en intramuraal 3% van de gezinnen en ouderen, tweedelijnszorg 2% (hier van de overige huishoudens)."),
      { name: "Bruto gemeten effecten (attributie 50%)", description: "Als de ingevoerde effecten bruto gemeten zijn: attributie 50% (seed 001, Tabel 4.7).", overrides: { attributie: 0.5 } },
      { name: "Zoals Bijlage 2 (teamkosten € 0)", description: "Het invoerscherm van Bijlage 2 drukt 'kosten fte incl. huisvesting 0' en 'Overige teamkosten € -' (seed 001, regels 1050–1054): zonder teamkosten. LET OP: de ratio's van dit scenario zijn daardoor te hoog.", overrides: { kosten_per_fte: 0, overige_teamkosten: 0 } },
      { name: "Welvaartsvisie: uitkering als overdracht", description: "Een vermeden uitkering is geen maatschappelijke besparing maar een overdracht van huishouden naar gemeente; de maatschappelijke winst van werk is het eigen inkomensvoordeel (minimumloon − uitkering, seed 001, voetnoot 19). De rapportvisie (seed 001, §4.3) blijft de basis.", overrides: { welvaartsvisie: 1 } },
      { name: "Teamsamenstelling telt niet mee", description: "De effectiviteit hangt niet af van het aantal disciplines in het team (kg_effectiviteit_breedte = 0).", overrides: { kg_effectiviteit_breedte: 0 } },
    ],
    sensitivity: [
      { name: "QALY van € 20.000 naar € 100.000", description: "Seed 001, voetnoot 21: in andere MKBA's € 100.000.", overrides: { qaly_waarde: 100000 } },
      run("Substitutie volgens de kengetallen (Tabel 4.5)", { subst_nieuw: follow("kg_substitutie_nieuw"), subst_bestaand: follow("kg_substitutie_bestaand") }),
      run("Voorkomen escalatie gehalveerd", { escalatie_gezinnen: follow("escalatie_gezinnen", 0.5), escalatie_ouderen: follow("escalatie_ouderen", 0.5), escalatie_overig: follow("escalatie_overig", 0.5), kg_escalatie_huisuitzetting: follow("kg_escalatie_huisuitzetting", 0.5) }),
      { name: "Voorkomen huisuitzettingen 12% (bovengrens Tabel 4.7)", overrides: { kg_escalatie_huisuitzetting: 0.12 } },
      run("Teamkosten 10% hoger", { kosten_per_fte: follow("kosten_per_fte", 1.1) }),
    ],
  };

  const fte = fteFromCaseload(data);
  return {
    ok: true,
    model,
    inputs: data,
    keyFigureOverrides: { ...keyFigureOverrides },
    fteFromCaseload: fte,
    fteEntered: data.costs.teamFte,
    fteWarning: fteWarningFor(data.costs.teamFte, fte),
    illustrative: illustrativeKeys.length > 0,
    illustrativeKeys,
    householdsBySeverity: householdsBySeverity(data),
    fteAtKeyFigureCaseloads: SEVERITIES.reduce((sum, k) => sum + householdsBySeverity(data)[k] / kf(`kg_caseload_${k}`), 0),
    fteFromHours: SEVERITIES.reduce((sum, k) => sum + householdsBySeverity(data)[k] * data.reach.hoursPerHousehold[k], 0) / kf("kg_productieve_uren_fte"),
    productiveHoursPerFte: kf("kg_productieve_uren_fte"),
    runningApproach: data.runningApproach,
    derivedOverrides,
  };
}
