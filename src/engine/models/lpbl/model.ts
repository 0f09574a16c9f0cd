/**
 * The LPBL MKBA-tool as a generator of a generic engine model (docs/lpbl-model.md): the inputs of the screen and the
 * key figures become named parameters; every cost and benefit post becomes an effect whose amount is an expression
 * over those parameters, on an actor and a category, with a time profile (costs in year 0, benefits in years 1–9,
 * year 9 standing for the long term). Discounting: rule "2007" (2,5% + 3% = 5,5%, seed 001 footnote 13).
 * Every engine feature (NCW, actors, ratios, scenarios, sensitivity) then works on it unchanged.
 */
import { Dec } from "../../decimal";
import { evaluateExpression, parseExpression, parametersOf } from "../../model/expression";
import { ModelInput } from "../../model/schema";
import { FTE_NEEDED, MULTI_PROBLEM, TYPE_KEY, TeamCapacity, WITHOUT_WORK, WITH_DEBTS, capacityNote, householdsBySeverity, householdsOfType, multiProblemOfType, served, teamCapacity } from "./capacity";
import { AppliedFactors, DISCIPLINE_PARAMETER, appliedFactors, usedInput } from "./factors";
import { DISCIPLINES, Discipline, HOUSEHOLD_TYPES, HouseholdType, LpblInputs, LpblProblem, SEVERITIES, Severity, validateLpblInputs } from "./inputs";
import { KEY_FIGURE_KEYS, LPBL_KEY_FIGURES, PRICE_YEAR, keyFigure } from "./keyFigures";
import { lpblUncertainty } from "./uncertainty";

export { TYPE_KEY, householdsBySeverity, fteFromCaseload, householdsOfType, multiProblemOfType, MULTI_PROBLEM, WITH_DEBTS, WITHOUT_WORK } from "./capacity";

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

/** Parameter key and actor per team discipline (who supplies the nieuw-voor-oud staff and saves their old work). */
export const DISCIPLINE_KEY: Readonly<Record<Discipline, { key: string; actor: LpblActor; label: string }>> = {
  youth: { key: DISCIPLINE_PARAMETER.youth, actor: "Gemeente Jeugd", label: "Jeugd" },
  mentalHealthAdults: { key: DISCIPLINE_PARAMETER.mentalHealthAdults, actor: "Zorgverzekeraar", label: "GGZ-volwassenen" },
  workIncomeDebts: { key: DISCIPLINE_PARAMETER.workIncomeDebts, actor: "Gemeente W&I", label: "Werk & inkomen/Schulden" },
  welfare: { key: DISCIPLINE_PARAMETER.welfare, actor: "Gemeente Welzijn", label: "Welzijn/MD" },
  care: { key: DISCIPLINE_PARAMETER.care, actor: "Zorgverzekeraar", label: "Zorg" }, // wijkverpleegkundige (seed 001, regels 761 en 769)
  housing: { key: DISCIPLINE_PARAMETER.housing, actor: "Corporatie", label: "Wonen" },
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

const T = (t: HouseholdType) => TYPE_KEY[t];
/** Trajectories of type j per year among all multi-problem households in the reach: base_j × deelname_j. */
export const trajectories = (j: TrajectoryType) => `${j.base} * deelname_${j.id}`;
/** Team cost in full: fte × cost per fte + other team costs. */
export const TEAM_COST = "(fte_team * kosten_per_fte + overige_teamkosten)";
/** Non-additional (nieuw-voor-oud) share of the team cost. */
export const NON_ADDITIONAL = "(fte_team * kosten_per_fte * (1 - additioneel_fte) + overige_teamkosten * (1 - additioneel_overig))";
export const DISCIPLINE_TOTAL = `max(${DISCIPLINES.map((d) => DISCIPLINE_KEY[d].key).join(" + ")}, 1)`;
/**
 * Extra people in work (net), before the served share: multi-problem households of working age without work × the
 * success "direct naar werk" as used (× attributie × team breadth, factors.ts). No relapse factor: seed 001 attaches
 * "terugval 20%" only to the net OTS/UHP rate of Tabel 4.7 (regel 692 "3%**", regel 696 "** Netto % (incl. aanname
 * terugval 20%)"), which the C.3 entries already are.
 */
export const EXTRA_WORK = `${WITHOUT_WORK} * ${usedInput("succes_werk")}`;
/** Prevented escalations (households, before the served share): evictions, OTS/UHP, intramural care, GGZ admission. */
export const PREVENTED_EVICTIONS = `hh_totaal * ${usedInput("escalatie_huisuitzetting")}`;
export const PREVENTED_OTS_UHP = `${householdsOfType("families")} * ${usedInput("escalatie_gezinnen")}`;
export const PREVENTED_INTRAMURAL = `${householdsOfType("elderly")} * ${usedInput("escalatie_ouderen")}`;
export const PREVENTED_GGZ_ADMISSION = `${householdsOfType("other")} * ${usedInput("escalatie_overig")}`;
export const PREVENTED_ESCALATIONS = `(${PREVENTED_EVICTIONS} + ${PREVENTED_OTS_UHP} + ${PREVENTED_INTRAMURAL} + ${PREVENTED_GGZ_ADMISSION})`;
export { FTE_NEEDED };

export interface LpblBuildOk {
  readonly ok: true;
  readonly model: ModelInput;
  /** The validated input screen and the key-figure overrides it was built from (for the workbook's input screen). */
  readonly inputs: LpblInputs;
  readonly keyFigureOverrides: Readonly<Record<string, number>>;
  /** fte the reach needs at the screen's caseloads (benodigde fte). */
  readonly fteFromCaseload: number;
  readonly fteEntered: number;
  /** The team against the reach: needed and entered fte, served share and households (capacity.ts). */
  readonly capacity: TeamCapacity;
  /** What follows from the difference between entered and needed fte (Dutch), or null. */
  readonly fteWarning: string | null;
  /** Every factor applied to the effect inputs and the reach, with the value used (factors.ts). */
  readonly appliedFactors: AppliedFactors;
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
  /** Years and build-up of the running approach (the multi-year view). */
  readonly runningApproach: { readonly years: number; readonly buildUpYears: number };
  /** The year and build-up of Uitvoer B (the budget view). */
  readonly budget: { readonly year: number; readonly buildUpYears: number };
  /** Per scenario or sensitivity run: the overrides that follow another parameter (factor × its value). */
  readonly derivedOverrides: Readonly<Record<string, Readonly<Record<string, DerivedOverride>>>>;
}

/** An override that is `factor` × the value of the parameter `from` (a key figure or a screen input). */
export interface DerivedOverride {
  readonly from: string;
  readonly factor: number;
}
export type LpblBuildResult = LpblBuildOk | { ok: false; problems: LpblProblem[] };

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
    add(`escalatie_${k}`, effect.preventedEscalation[t], "aandeel hh", `C.3 Voorkomen escalatie, ${k} (${ESCALATION_KIND[t]})`);
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
  add("escalatie_huisuitzetting", effect.preventedEvictions, "aandeel van alle hh", "C.3 Voorkomen huisuitzettingen (alle hh)");
  return p;
}

/** The escalation C.3 prevents per household type (seed 001 Tabel 4.7 "OTS/UHP en Intra"; Bijlage 3, regels 1254–1260). */
const ESCALATION_KIND: Readonly<Record<HouseholdType, string>> = { families: "OTS/UHP", elderly: "intramuraal V&V", other: "opname GGZ" };

type EffectInput = ModelInput["effects"][number];

/** Every effect of the model (docs/lpbl-model.md, formulas K1–K3 and B1–B4). */
function lpblEffects(): EffectInput[] {
  const e: EffectInput[] = [];
  // K1 Kosten team: what is entered (fte × cost per fte), whatever the reach needs (capacity.ts); the additional share
  // at gemeente overig, the nieuw-voor-oud share per discipline.
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
  // K3 Extra trajecten voor nieuw gevonden huishoudens (served households only); B1b/B1c substitution in new and
  // existing cases in the same year as the trajectories they replace (year 0: the same trajectories, so not discounted
  // apart from them).
  for (const j of TRAJECTORY_TYPES) {
    const cost = `${trajectories(j)} * kosten_${j.id}`;
    e.push({ name: `Extra trajecten nieuw gevonden: ${j.label}`, category: "Extra trajecten nieuw gevonden huishoudens", nature: "financieel", actor: j.actor, amount: served(`nieuw_gevonden * ${cost}`), profile: { start: 0 } });
    if (!j.substitutable) continue;
    e.push({ name: `Substitutie nieuwe cases: ${j.label}`, category: "Besparing organisatiekosten", nature: "financieel", actor: j.actor, amount: served(`subst_nieuw * nieuw_gevonden * ${cost}`), profile: { start: 0 } });
    e.push({ name: `Substitutie bestaande cases: ${j.label}`, category: "Besparing organisatiekosten", nature: "financieel", actor: j.actor, amount: served(`subst_bestaand * (1 - nieuw_gevonden) * ${cost}`), profile: { start: 0 } });
  }
  e.push({ name: "Besparing afstemming en coördinatie", category: "Besparing organisatiekosten", nature: "pm", actor: "Gemeente overig" });
  // B2 Effectievere trajecten: the entered success as used (factors.ts), for the served households, years 1–3.
  const effective = { start: 1, duration: 3 };
  // B2a work, in two views: the report's (seed 001 §4.3, regel 660: an avoided benefit is a cost avoided for W&I)
  // when welvaartsvisie = 0; the welfare view when 1: the benefit stops — a transfer from the household to W&I whose
  // two entries sum to 0 — and the household earns a wage, at least the benefit it gives up (nobody goes to work to
  // earn less, so the household is never worse off). The job's social value in that view is the wage: the
  // production it pays for (basis stated in docs/lpbl-model.md; AEPB, seed 000 Tabel 1.5 regel 466, books bijstand
  // only as a transfer because its pilot had no outflow to work, regel 411–413).
  const work = served(EXTRA_WORK);
  e.push({ name: "Uitstroom naar werk: voorkomen uitkeringen", category: "Effectievere trajecten", nature: "financieel", actor: "Gemeente W&I", amount: `${work} * uitkering_per_jaar * (1 - welvaartsvisie)`, profile: effective });
  e.push({ name: "Uitstroom naar werk: uitkering vervalt (overdracht)", category: LPBL_TRANSFER_CATEGORY, nature: "financieel", from: "Huishoudens", to: "Gemeente W&I", amount: `${work} * uitkering_per_jaar * welvaartsvisie`, profile: effective });
  e.push({ name: "Uitstroom naar werk: loon (productie)", category: "Effectievere trajecten", nature: "financieel", actor: "Huishoudens", amount: `${work} * max(minimumloon_per_jaar, uitkering_per_jaar) * welvaartsvisie`, profile: effective });
  e.push({ name: "Minder consulten eerste lijn", category: "Effectievere trajecten", nature: "financieel", actor: "Zorgverzekeraar", amount: served(`(0 - ${usedInput("succes_consulten")}) * ${MULTI_PROBLEM} * consulten_per_hh * kosten_consult`), profile: effective });
  // B2c second-line referrals, the one place second-line care is counted: Tabel 4.7 "Voorkomen 2elijns zorg" is a
  // share of all households in the approach (regels 693–694, and regel 683 "doorverwijzingen naar 2elijnszorg"),
  // priced at the € 10.000 a year of seed 002 (regel 307) for one year.
  e.push({ name: "Minder doorverwijzingen tweede lijn", category: "Effectievere trajecten", nature: "financieel", actor: "Zorgverzekeraar", amount: served(`(0 - ${usedInput("succes_tweedelijn")}) * hh_totaal * kosten_tweedelijn`), profile: { start: 1 } });
  // B3 Voorkomen escalaties (seed 001, Tabel 4.7, regels 685–696; net figures): evictions as a share of ALL households
  // (C.3, default 1%: Vb4 with 328 hh shows 3), OTS/UHP as a share of families, intramural V&V of the elderly and GGZ
  // admission of the other households (C.3; Bijlage 3, regels 1254–1260 list these escalations). Each prevented
  // escalation is priced per household within "een paar duizend euro tot soms wel € 100.000" (regel 666), half in
  // year 2 and half in year 3; an eviction at the variants of seed 002 (regel 261) in year 2.
  const escalationYears = { start: 2, duration: 2 };
  e.push({ name: "Voorkomen huisuitzettingen: ontruiming", category: "Voorkomen escalaties", nature: "financieel", actor: "Corporatie", amount: served(`${PREVENTED_EVICTIONS} * kosten_ontruiming`), profile: { start: 2 } });
  e.push({ name: "Voorkomen huisuitzettingen: opvang en zwaardere hulp", category: "Voorkomen escalaties", nature: "financieel", actor: "Gemeente Wmo", amount: served(`${PREVENTED_EVICTIONS} * kosten_opvang`), profile: { start: 2 } });
  e.push({ name: "Voorkomen OTS/uithuisplaatsing (gezinnen)", category: "Voorkomen escalaties", nature: "financieel", actor: "Gemeente Jeugd", amount: served(`${PREVENTED_OTS_UHP} * kosten_ots_uhp / 2`), profile: escalationYears });
  e.push({ name: "Voorkomen intramurale opname V&V (ouderen)", category: "Voorkomen escalaties", nature: "financieel", actor: "Rijk", amount: served(`${PREVENTED_INTRAMURAL} * kosten_intramuraal / 2`), profile: escalationYears });
  e.push({ name: "Voorkomen opname GGZ (overige hh)", category: "Voorkomen escalaties", nature: "financieel", actor: "Zorgverzekeraar", amount: served(`${PREVENTED_GGZ_ADMISSION} * kosten_opname_ggz / 2`), profile: escalationYears });
  // B4 Immateriële baten
  e.push({ name: "Kwaliteit van leven: financiële stabiliteit", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: served(`${WITH_DEBTS} * ${usedInput("succes_schuldhulp")} * qaly_financiele_stabiliteit * qaly_waarde`), profile: effective });
  e.push({ name: "Kwaliteit van leven: werk", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: served(`${EXTRA_WORK} * qaly_werk * qaly_waarde`), profile: effective });
  e.push({ name: "Kwaliteit van leven: voorkomen escalatie", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: served(`${PREVENTED_ESCALATIONS} * qaly_escalatie * qaly_waarde`), profile: escalationYears });
  e.push({ name: "Kansen kinderen: minder schooluitval (lange termijn)", category: "Immateriële baten", nature: "immaterieel", actor: "Huishoudens", amount: served(`(0 - ${usedInput("succes_schooluitval")}) * ${multiProblemOfType("families")} * kinderen_per_gezin * waarde_startkwalificatie`), profile: { start: 9 } });
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
 * The illustrative key figures that move the base case: used by an effect whose amount changes when the key figure
 * changes (a key figure multiplied by a switch that is 0, such as the minimum wage outside the welfare view, does not).
 */
function illustrativeKeysThatMatter(effects: readonly EffectInput[], candidates: ReadonlySet<string>, valueOf: (key: string) => number): string[] {
  const matter = new Set<string>();
  for (const effect of effects) {
    if (typeof effect.amount !== "string") continue;
    const parsed = parseExpression(effect.amount);
    if (!parsed.ok) continue;
    const keys = parametersOf(parsed.expression);
    const values = new Map([...keys].map((k) => [k, new Dec(valueOf(k))] as const));
    const base = evaluateExpression(parsed.expression, values);
    for (const k of keys) {
      if (!candidates.has(k) || matter.has(k)) continue;
      const changed = evaluateExpression(parsed.expression, new Map([...values, [k, new Dec(valueOf(k) === 0 ? 1 : valueOf(k) * 2)]]));
      if (base.ok && changed.ok && !base.value.eq(changed.value)) matter.add(k);
    }
  }
  return [...candidates].filter((k) => matter.has(k));
}

/**
 * Inputs (+ optional key-figure overrides by key) → a generic engine model named "lpbl", the team against the reach,
 * the factors applied to the inputs and the illustrative flag; or every problem with its path and a Dutch message.
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

  const overridden = new Set(Object.keys(keyFigureOverrides));
  const keyParameters = LPBL_KEY_FIGURES.map((k) => ({
    key: k.key,
    value: overridden.has(k.key) ? (keyFigureOverrides[k.key] as number) : k.value,
    unit: k.price ? `${k.unit}, prijspeil ${PRICE_YEAR}` : k.unit,
    label: k.illustrative && !overridden.has(k.key) ? `${k.label} (illustratief)` : k.label,
    source: overridden.has(k.key) ? `Door de analist opgegeven (standaard: ${k.source})` : k.source,
  }));
  const inputValues = inputParameters(data);
  const values = new Map([...inputValues, ...keyParameters].map((p) => [p.key, p.value] as const));
  const valueOf = (key: string): number => {
    const x = values.get(key);
    if (x === undefined) throw new Error(`interne fout: onbekende parameter ${key}`);
    return x;
  };
  const kf = valueOf;

  const effects = lpblEffects();
  const illustrativeCandidates = new Set(LPBL_KEY_FIGURES.filter((k) => k.illustrative && !overridden.has(k.key)).map((k) => k.key));
  const illustrativeKeys = illustrativeKeysThatMatter(effects, illustrativeCandidates, valueOf);
  for (const effect of effects) {
    const ill = [...keysOf(effect)].filter((k) => illustrativeKeys.includes(k));
    if (ill.length > 0) effect.source = `Let op: berekend met illustratieve kengetallen: ${ill.join(", ")}`;
  }

  // An override that follows another parameter (a key figure or a screen input) is recorded with its source, so that
  // the workbook writes it as a formula to that cell: overriding the key figure then moves the scenario too.
  const derivedOverrides: Record<string, Record<string, DerivedOverride>> = {};
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
  const range = (key: string) => keyFigure(key).range!;
  const euro = (x: number) => `€ ${Math.round(x).toLocaleString("nl-NL")}`;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`.replace(".", ",");
  const escalationPrices = (x: number) => ({ kosten_ots_uhp: x, kosten_intramuraal: x, kosten_opname_ggz: x });
  const c3 = (x: number) => ({ escalatie_gezinnen: x, escalatie_ouderen: x, escalatie_overig: x });
  const model: ModelInput = {
    schemaVersion: 1,
    metadata: {
      name: "lpbl",
      title: "LPBL MKBA-tool sociale wijkteams — één jaar aanpak",
      description:
        "Kosten en baten van één jaar werken volgens de nieuwe aanpak (kosten in jaar 0, baten in jaar 1–9; jaar 9 staat voor de lange termijn), gegenereerd uit het invoerscherm A/B/C en de kengetallen; bedragen in prijspeil 2014 (latere bedragen geïndexeerd met de CBS-CPI); zie docs/lpbl-model.md.",
      priceBaseYear: PRICE_YEAR,
      firstYear: 2014,
      horizon: 10,
      discountRule: "2007",
      unit: "euro",
      baseScenarioName: "Basisvariant",
      sources: [
        "seed 001_89b8683f98a68fb5.txt: LPBL, Meta analyse MKBA's sociale (wijk)teams (2014), §3.2, §3.3.5–3.3.6, §4, §5.3, Bijlage 2 en 3",
        "Discontering: 2,5% reëel + 3% risico-opslag (seed 001, voetnoot 13)",
        "Prijspeil 2014: CBS StatLine 83131NED (jaarmutatie CPI)",
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
      // Key figures drive the scenarios: their current (possibly overridden) values, not constants.
      run("Kengetallen substitutie (Tabel 4.5)", { subst_nieuw: follow("kg_substitutie_nieuw"), subst_bestaand: follow("kg_substitutie_bestaand") }, "Substitutie volgens de kengetallen in nieuwe en bestaande cases (seed 001, Tabel 4.5, regel 646: samenvatting)."),
      run(
        "Kengetallen voorkomen escalatie (Tabel 4.7)",
        { escalatie_gezinnen: follow("kg_escalatie_ots_uhp"), escalatie_ouderen: follow("kg_escalatie_ots_uhp"), escalatie_overig: follow("kg_escalatie_ots_uhp"), escalatie_huisuitzetting: follow("kg_escalatie_huisuitzetting"), succes_tweedelijn: follow("kg_escalatie_tweedelijn", -1) },
        "C.3 en de doorverwijzingen tweede lijn volgens de ondergrenzen van Tabel 4.7 (seed 001, regels 688–694): OTS/UHP en intramuraal als aandeel van gezinnen, ouderen en overige hh, huisuitzettingen en doorverwijzingen als aandeel van alle huishoudens.",
      ),
      { name: "Bruto gemeten effecten (attributie 50%)", description: "Als de ingevoerde effecten bruto gemeten zijn: attributie 50% (seed 001, Tabel 4.7, regel 696).", overrides: { attributie: 0.5 } },
      { name: "Zoals Bijlage 2 (teamkosten € 0)", description: "Het invoerscherm van Bijlage 2 drukt 'kosten fte incl. huisvesting 0' en 'Overige teamkosten € -' (seed 001, regels 1052–1053): zonder teamkosten. LET OP: de ratio's van dit scenario zijn daardoor te hoog.", overrides: { kosten_per_fte: 0, overige_teamkosten: 0 } },
      { name: "Welvaartsvisie: uitkering als overdracht", description: "Een vermeden uitkering is geen maatschappelijke besparing maar een overdracht van huishouden naar gemeente (samen 0); het huishouden krijgt loon, minstens de uitkering. De maatschappelijke waarde van de baan is dat loon (de productie). De rapportvisie (seed 001, §4.3, regel 660) blijft de basis.", overrides: { welvaartsvisie: 1 } },
      { name: "Teamsamenstelling telt mee (illustratief)", description: "Zonder de passende discipline in het team telt de helft van het ingevoerde succes niet (kg_effectiviteit_breedte; seed 001 §3.3.4, regels 456–473): schuldhulp en werk ← Werk & inkomen/Schulden, schooluitval ← Jeugd, consulten ← Zorg of GGZ, doorverwijzingen ← GGZ, Zorg of Jeugd.", overrides: { teamsamenstelling_telt: 1 } },
    ],
    sensitivity: [
      { name: `QALY ${euro(range("qaly_waarde").high)} (bovengrens voetnoot 21)`, description: "Seed 001, voetnoot 21 (regel 726): in andere MKBA's € 100.000.", overrides: { qaly_waarde: range("qaly_waarde").high } },
      run("Substitutie volgens de kengetallen (Tabel 4.5)", { subst_nieuw: follow("kg_substitutie_nieuw"), subst_bestaand: follow("kg_substitutie_bestaand") }),
      run("Voorkomen escalatie gehalveerd", { escalatie_gezinnen: follow("escalatie_gezinnen", 0.5), escalatie_ouderen: follow("escalatie_ouderen", 0.5), escalatie_overig: follow("escalatie_overig", 0.5), escalatie_huisuitzetting: follow("escalatie_huisuitzetting", 0.5) }),
      { name: `Voorkomen huisuitzettingen ${pct(range("kg_escalatie_huisuitzetting").low)} (ondergrens Tabel 4.7)`, overrides: { escalatie_huisuitzetting: range("kg_escalatie_huisuitzetting").low } },
      { name: `Voorkomen huisuitzettingen ${pct(range("kg_escalatie_huisuitzetting").high)} (bovengrens Tabel 4.7)`, overrides: { escalatie_huisuitzetting: range("kg_escalatie_huisuitzetting").high } },
      { name: `Voorkomen OTS/UHP en intramuraal ${pct(range("kg_escalatie_ots_uhp").low)} (ondergrens Tabel 4.7)`, overrides: c3(range("kg_escalatie_ots_uhp").low) },
      { name: `Voorkomen OTS/UHP en intramuraal ${pct(range("kg_escalatie_ots_uhp").high)} (bovengrens Tabel 4.7)`, overrides: c3(range("kg_escalatie_ots_uhp").high) },
      { name: `Kosten per voorkomen escalatie ${euro(range("kosten_ots_uhp").low)} (ondergrens regel 666)`, overrides: escalationPrices(range("kosten_ots_uhp").low) },
      { name: `Kosten per voorkomen escalatie ${euro(range("kosten_ots_uhp").high)} (bovengrens regel 666)`, overrides: escalationPrices(range("kosten_ots_uhp").high) },
      { name: `Kosten per huisuitzetting ${euro(range("kosten_opvang").low)} (minimumvariant seed 002)`, overrides: { kosten_opvang: range("kosten_opvang").low } },
      { name: `Kosten per huisuitzetting ${euro(range("kosten_opvang").high)} (maximumvariant seed 002)`, overrides: { kosten_opvang: range("kosten_opvang").high } },
      run("Teamkosten 10% hoger", { kosten_per_fte: follow("kosten_per_fte", 1.1) }),
    ],
    uncertainty: lpblUncertainty([...inputValues, ...keyParameters], overridden),
  };

  const capacity = teamCapacity(data);
  const bySeverity = householdsBySeverity(data);
  return {
    ok: true,
    model,
    inputs: data,
    keyFigureOverrides: { ...keyFigureOverrides },
    fteFromCaseload: capacity.fteNeeded,
    fteEntered: data.costs.teamFte,
    capacity,
    fteWarning: capacityNote(capacity, data.costs.costPerFte),
    appliedFactors: appliedFactors(valueOf),
    illustrative: illustrativeKeys.length > 0,
    illustrativeKeys,
    householdsBySeverity: bySeverity,
    fteAtKeyFigureCaseloads: SEVERITIES.reduce((sum, k) => sum + bySeverity[k] / kf(`kg_caseload_${k}`), 0),
    fteFromHours: SEVERITIES.reduce((sum, k) => sum + bySeverity[k] * data.reach.hoursPerHousehold[k], 0) / kf("kg_productieve_uren_fte"),
    productiveHoursPerFte: kf("kg_productieve_uren_fte"),
    runningApproach: data.runningApproach,
    budget: data.budget,
    derivedOverrides,
  };
}
