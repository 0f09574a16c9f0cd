/**
 * MKBA 2.0 (registratie): the LPBL inputs A–C derived from the team's own records, beside the plan (MKBA 1.0) — seed
 * 001_89b8683f98a68fb5.txt §5.3, regels 841–855: "De MKBA wordt concreter ingevuld met informatie uit de registratie:
 * over de teamsamenstelling, de totale caseload en welke problematiek in werkelijkheid speelt … Het is over het
 * algemeen nog te vroeg om de effectiviteit en de voorkomen escalaties in beeld te brengen, deze blijven indicatief."
 * So the effects of C.2/C.3 are not derived here (that is MKBA 3.0, effect.ts); observed escalations are shown for
 * information only.
 *
 * Per input: the plan value, the registration value, the difference, the number of households behind it and the number
 * with missing data; an input over fewer households than the threshold is suppressed (privacy.ts) and keeps its plan
 * value. A group of shares that must add up to 100% (type shares, severity per type, composition per type) is taken
 * from the registration as a whole or not at all.
 *
 * This module reads the LPBL input shape only through `planValue` (a path into the inputs) and maps inputs to model
 * parameters in PARAMETER_OF — the two places to touch when the LPBL model's inputs change.
 */
import { HOUSEHOLD_TYPES, HouseholdType, LpblInputs, SEVERITIES, Severity } from "../models/lpbl/inputs";
import { formatCount } from "../model/limits";
import { formatDutch } from "../numberFormat";
import { PROBLEM_INDEX, RegistrationRecord, TRAJECTORIES, isProblem, isoDate } from "./format";
import { Household, householdsOf, severityOf } from "./households";
import { Suppression, aggregateShown, countShown } from "./privacy";

/** The LPBL model's parameter key per household type (model.ts TYPE_KEY). */
const TYPE_KEY: Readonly<Record<HouseholdType, string>> = { families: "gezinnen", elderly: "ouderen", other: "overig" };
const TYPE_LABEL: Readonly<Record<HouseholdType, string>> = { families: "gezinnen", elderly: "ouderen", other: "overige hh" };
const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { ev: "ev", zr: "mv-zr", nzr: "mv-nzr" };

export type InputUnit = "huishoudens" | "aandeel" | "kinderen" | "hh per fte" | "uren" | "fte";

/** One LPBL input as the plan has it and as the registration gives it. */
export interface DerivedInput {
  /** Path in the LPBL inputs, e.g. "reach.typeShares.families"; informational rows have a path of their own. */
  readonly path: string;
  readonly section: "A" | "B" | "C";
  readonly label: string;
  readonly unit: InputUnit;
  /** The model parameter a scenario overrides, or null for a row shown for information only. */
  readonly parameter: string | null;
  readonly plan: number | null;
  /** The registration's value; null when there are no data or the value is suppressed. */
  readonly registration: number | null;
  readonly difference: number | null;
  /** Households behind the value. */
  readonly households: number;
  /** Households without the data this value needs. */
  readonly missing: number;
  readonly suppressed: boolean;
  readonly note?: string;
}

/** Trajectories per type: running at the start and what the team added and removed (Bijlage 3 §2.3 and §3.1). */
export interface TrajectoryCounts {
  readonly id: string;
  readonly label: string;
  readonly substitutable: boolean;
  readonly runningAtStart: number;
  readonly added: number;
  readonly removed: number;
}

export interface Registration2 {
  readonly households: number;
  readonly records: number;
  /** First and last registration date (ISO). */
  readonly period: { readonly first: string; readonly last: string } | null;
  /** Households without a nulmeting (meting 0): characteristics from their earliest measurement. */
  readonly withoutNulmeting: number;
  readonly inputs: readonly DerivedInput[];
  readonly trajectories: readonly TrajectoryCounts[];
  readonly threshold: number;
  /** Where the fte behind the caseload comes from. */
  readonly fteSource: "opgegeven" | "plan";
}

export interface RegistrationOptions extends Suppression {
  /** The team's fte (the registration has no fte); without it the plan's team size is used. */
  readonly teamFte?: number;
  /** The records' households when the caller has them already (householdsOf(records)). */
  readonly households?: readonly Household[];
}

/** The value at a path of the LPBL inputs ("reach.severity.families.ev"), or null. */
export function planValue(inputs: LpblInputs, path: string): number | null {
  let v: unknown = inputs;
  for (const part of path.split(".")) {
    if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, part)) return null;
    v = (v as Record<string, unknown>)[part];
  }
  return typeof v === "number" ? v : null;
}

/** The model parameter of an LPBL input path (model.ts inputParameters). */
export function parameterOf(path: string): string | null {
  const parts = path.split(".");
  const [a, b, c, d] = parts as [string, string?, string?, string?];
  const typeKey = (t: string | undefined) => (t && t in TYPE_KEY ? TYPE_KEY[t as HouseholdType] : null);
  if (path === "reach.households") return "hh_totaal";
  if (a === "reach" && b === "typeShares") return `aandeel_${typeKey(c)}`;
  if (a === "reach" && b === "severity") return `${d}_${typeKey(c)}`;
  if (path === "reach.composition.childrenPerFamily") return "kinderen_per_gezin";
  if (a === "reach" && b === "composition") return `${c === "singleParent" ? "eenouder" : "tweeouder"}_${typeKey(d)}`;
  if (a === "reach" && b === "livingSituation") return `${c === "debts" ? "schulden" : c === "noWork" ? "geenwerk" : "overlast"}_${typeKey(d)}`;
  if (a === "reach" && b === "caseload") return `caseload_${c}`;
  if (a === "reach" && b === "hoursPerHousehold") return `uren_${c}`;
  if (path === "costs.teamFte") return "fte_team";
  if (path === "costs.newlyFoundShare") return "nieuw_gevonden";
  if (path === "effect.substitutionNew") return "subst_nieuw";
  if (path === "effect.substitutionExisting") return "subst_bestaand";
  return null;
}

const debtsAt = PROBLEM_INDEX.schulden;
/** Indices of the substitutable trajectory types (seed 001 voetnoot 15). */
const SUBSTITUTABLE = TRAJECTORIES.map((t, j) => (t.substitutable ? j : -1)).filter((j) => j >= 0);
const nuisanceAt = PROBLEM_INDEX.overlast;

/** MKBA 2.0: every derivable input of the LPBL screen from the records, beside the plan. */
export function deriveRegistration(records: readonly RegistrationRecord[], plan: LpblInputs, options: RegistrationOptions): Registration2 {
  const all = options.households ?? householdsOf(records);
  const s: Suppression = { threshold: options.threshold };
  const inputs: DerivedInput[] = [];
  const row = (section: DerivedInput["section"], path: string, label: string, unit: InputUnit, value: number | null, households: number, missing: number, extra: { note?: string; informational?: boolean; plan?: number | null } = {}) => {
    const suppressed = value !== null && !aggregateShown(households, s);
    const shown = suppressed ? null : value;
    const p = extra.plan !== undefined ? extra.plan : planValue(plan, path);
    inputs.push({
      path,
      section,
      label,
      unit,
      parameter: extra.informational ? null : parameterOf(path),
      plan: p,
      registration: shown,
      difference: shown !== null && p !== null ? shown - p : null,
      households,
      missing,
      suppressed,
      ...(extra.note ? { note: extra.note } : {}),
    });
  };
  /** A group of shares that must sum to 100%: all from the registration or, if one count is small, none. */
  const shareGroup = (section: DerivedInput["section"], entries: readonly { path: string; label: string; count: number }[], base: number, missing: number) => {
    const shown = aggregateShown(base, s) && entries.every((e) => countShown(e.count, s));
    const note = !shown && base > 0 ? `een aantal in deze groep is kleiner dan ${formatCount(s.threshold)}: de groep blijft op het plan` : undefined;
    for (const e of entries) row(section, e.path, e.label, "aandeel", base === 0 ? null : shown ? e.count / base : null, base, missing, note ? { note } : {});
    if (!shown && base > 0) for (let i = inputs.length - entries.length; i < inputs.length; i++) inputs[i] = { ...inputs[i]!, suppressed: true };
  };
  /** One share; suppressed when its base or its count is small. */
  const share = (section: DerivedInput["section"], path: string, label: string, count: number, base: number, missing: number) => {
    const small = base > 0 && aggregateShown(base, s) && !countShown(count, s);
    row(section, path, label, "aandeel", base === 0 ? null : small ? null : count / base, base, missing, small ? { note: `het aantal is kleiner dan ${formatCount(s.threshold)}` } : {});
    if (small) inputs[inputs.length - 1] = { ...inputs[inputs.length - 1]!, suppressed: true };
  };

  // One pass over the households' baselines into small arrays (−1 = unknown), then every count from those: reading the
  // records once keeps this fast for a city's registration (see the bench).
  const n = all.length;
  const TYPE_CODE: Readonly<Record<HouseholdType, number>> = { families: 0, elderly: 1, other: 2 };
  const SEVERITY_CODE: Readonly<Record<Severity, number>> = { ev: 0, zr: 1, nzr: 2 };
  const typeOf = new Int8Array(n);
  const severityOfH = new Int8Array(n);
  const singleOf = new Int8Array(n);
  const childrenOf = new Int16Array(n);
  const debtsOf = new Int8Array(n);
  const noWorkOf = new Int8Array(n);
  const nuisanceOf = new Int8Array(n);
  const newlyOf = new Int8Array(n);
  let first = Infinity;
  let last = -Infinity;
  const tri = (v: boolean | null) => (v === null ? -1 : v ? 1 : 0);
  for (let i = 0; i < n; i++) {
    const h = all[i]!;
    const b = h.baseline;
    if (h.registered < first) first = h.registered;
    if (h.registered > last) last = h.registered;
    typeOf[i] = b.householdType === null ? -1 : TYPE_CODE[b.householdType];
    const v = severityOf(b);
    severityOfH[i] = v === null ? -1 : SEVERITY_CODE[v];
    singleOf[i] = b.composition === null ? -1 : b.composition === "eenpersoons" || b.composition === "eenouder" ? 1 : 0;
    childrenOf[i] = b.children ?? -1;
    debtsOf[i] = tri(isProblem(b.problems[debtsAt]!));
    noWorkOf[i] = b.income === null ? -1 : b.income !== "werk" ? 1 : 0;
    nuisanceOf[i] = tri(isProblem(b.problems[nuisanceAt]!));
    newlyOf[i] = tri(b.newlyFound);
  }
  /** Households (of type t, or all for −1) matching `where`: how many have the value known (≥ 0) and how many have 1. */
  const count = (t: number, where: (i: number) => boolean, value: Int8Array | Int16Array) => {
    let base = 0;
    let yes = 0;
    let missing = 0;
    for (let i = 0; i < n; i++) {
      if ((t >= 0 && typeOf[i] !== t) || !where(i)) continue;
      if (value[i]! < 0) missing++;
      else {
        base++;
        if (value[i] === 1) yes++;
      }
    }
    return { base, yes, missing };
  };
  const always = () => true;

  // A. Bereik
  if (n === 0) {
    first = 0;
    last = 0;
  }
  const span = last - first + 1;
  const perYear = span > 366 ? 365 / span : 1;
  row("A", "reach.households", "Aantal hh in aanpak (totaal)", "huishoudens", n * perYear, n, 0, perYear < 1 ? { note: `de registratie beslaat ${formatCount(Math.round(span / 30.44))} maanden: omgerekend naar één jaar (× 12/${formatCount(Math.round(span / 30.44))})` } : {});
  const perType = HOUSEHOLD_TYPES.map((_, t) => typeOf.filter((x) => x === t).length);
  const typed = perType.reduce((a, b) => a + b, 0);
  shareGroup(
    "A",
    HOUSEHOLD_TYPES.map((t, k) => ({ path: `reach.typeShares.${t}`, label: `Aantal hh in aanpak (%) ${TYPE_LABEL[t]}`, count: perType[k]! })),
    typed,
    n - typed,
  );
  HOUSEHOLD_TYPES.forEach((t, k) => {
    const bySeverity = SEVERITIES.map((_, v) => {
      let c = 0;
      for (let i = 0; i < n; i++) if (typeOf[i] === k && severityOfH[i] === v) c++;
      return c;
    });
    const known = bySeverity.reduce((a, b) => a + b, 0);
    shareGroup(
      "A",
      SEVERITIES.map((v, j) => ({ path: `reach.severity.${t}.${v}`, label: `Zwaarte ${SEVERITY_LABEL[v]} (${TYPE_LABEL[t]})`, count: bySeverity[j]! })),
      known,
      perType[k]! - known,
    );
  });
  HOUSEHOLD_TYPES.forEach((t, k) => {
    const c = count(k, always, singleOf);
    shareGroup(
      "A",
      [
        { path: `reach.composition.singleParent.${t}`, label: `Eenouder/persoons (${TYPE_LABEL[t]})`, count: c.yes },
        { path: `reach.composition.twoParent.${t}`, label: `Tweeouder/meerpersoons (${TYPE_LABEL[t]})`, count: c.base - c.yes },
      ],
      c.base,
      c.missing,
    );
  });
  {
    let base = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (typeOf[i] !== 0 || childrenOf[i]! < 0) continue;
      base++;
      sum += childrenOf[i]!;
    }
    row("A", "reach.composition.childrenPerFamily", "Gemiddeld aantal kinderen (gezinnen)", "kinderen", base ? sum / base : null, base, perType[0]! - base);
  }
  const multiProblem = (i: number) => severityOfH[i]! >= 1;
  HOUSEHOLD_TYPES.forEach((t, k) => {
    const d = count(k, multiProblem, debtsOf);
    share("A", `reach.livingSituation.debts.${t}`, `Problematische schulden (mv, ${TYPE_LABEL[t]})`, d.yes, d.base, d.missing);
    const w = count(k, multiProblem, noWorkOf);
    share("A", `reach.livingSituation.noWork.${t}`, `Geen werk (mv, ${TYPE_LABEL[t]})`, w.yes, w.base, w.missing);
    const o = count(k, multiProblem, nuisanceOf);
    share("A", `reach.livingSituation.nuisance.${t}`, `Overlastgevend (mv, ${TYPE_LABEL[t]})`, o.yes, o.base, o.missing);
  });
  // Caseload per fte: the team's fte against the households per severity, keeping the plan's proportions between the
  // severities (the registration has no hours per household): c_s = c_s(plan) × (Σ n_s / c_s(plan)) ÷ fte.
  const fte = options.teamFte ?? plan.costs.teamFte;
  const bySeverity = Object.fromEntries(SEVERITIES.map((v, j) => [v, severityOfH.filter((x) => x === j).length])) as Record<Severity, number>;
  const knownSeverity = SEVERITIES.reduce((a, v) => a + bySeverity[v], 0);
  const scale = knownSeverity > 0 ? (n * perYear) / knownSeverity : 0; // unknown severities spread pro rata
  const needed = SEVERITIES.reduce((a, v) => a + (bySeverity[v] * scale) / plan.reach.caseload[v], 0);
  const factor = fte > 0 && needed > 0 ? needed / fte : null;
  const caseNote = `met ${formatDutch(fte, 0, 2)} fte (${options.teamFte !== undefined ? "opgegeven" : "uit het plan"}); de verhouding tussen de zwaartes blijft die van het plan`;
  for (const v of SEVERITIES) row("A", `reach.caseload.${v}`, `Caseload ${SEVERITY_LABEL[v]} (hh per fte per jaar)`, "hh per fte", factor === null ? null : plan.reach.caseload[v] * factor, knownSeverity, n - knownSeverity, { note: caseNote });
  for (const v of SEVERITIES) row("A", `reach.hoursPerHousehold.${v}`, `Uren gem. per hh p.jr ${SEVERITY_LABEL[v]}`, "uren", factor === null ? null : plan.reach.hoursPerHousehold[v] / factor, knownSeverity, n - knownSeverity, { note: caseNote });

  // B. Kosten
  if (options.teamFte !== undefined) row("B", "costs.teamFte", "Totaal aantal teamleden (fte)", "fte", options.teamFte, n, 0, { note: "opgegeven (--fte); de registratie zelf telt geen fte" });
  const newly = count(-1, always, newlyOf);
  share("B", "costs.newlyFoundShare", "Percentage nieuw gevonden hh", newly.yes, newly.base, newly.missing);

  // C.1 Substitutie (meer/minder trajecten), substitutable trajectories only (seed 001 voetnoot 15):
  // bestaande cases: (geschrapt − toegevoegd) ÷ lopend bij aanvang;
  // nieuwe cases: (zonder traject opgepakt + geschrapt) ÷ (lopend bij aanvang + toegevoegd + zonder traject opgepakt).
  const followed = all.filter((h) => h.hasNulmeting && h.measurements.slice(1).some((m) => m !== undefined));
  const sums = (hs: readonly Household[]) => {
    let r0 = 0;
    let added = 0;
    let removed = 0;
    let without = 0;
    for (const h of hs) {
      const start = h.measurements[0]!;
      for (const j of SUBSTITUTABLE) if (start.running[j] === true) r0++;
      for (let k = 1; k < h.measurements.length; k++) {
        const m = h.measurements[k];
        if (!m) continue;
        for (const j of SUBSTITUTABLE) {
          if (m.teamChanges[j] === 1) added++;
          else if (m.teamChanges[j] === -1) removed++;
        }
        without += m.withoutTrajectory ?? 0;
      }
    }
    return { r0, added, removed, without };
  };
  const existing = followed.filter((h) => h.baseline.newlyFound === false);
  const fresh = followed.filter((h) => h.baseline.newlyFound === true);
  const e = sums(existing);
  const f = sums(fresh);
  const unknownNew = followed.length - existing.length - fresh.length;
  row("C", "effect.substitutionNew", "Substitutie trajecten in nieuwe cases", "aandeel", f.r0 + f.added + f.without > 0 ? (f.without + f.removed) / (f.r0 + f.added + f.without) : null, fresh.length, all.length - followed.length + unknownNew, {
    note: "(zonder traject opgepakt + geschrapt) ÷ (lopend bij aanvang + toegevoegd + zonder traject opgepakt)",
  });
  row("C", "effect.substitutionExisting", "Substitutie trajecten in bestaande cases", "aandeel", e.r0 > 0 ? (e.removed - e.added) / e.r0 : null, existing.length, all.length - followed.length + unknownNew, {
    note: "(geschrapt − toegevoegd) ÷ lopend bij aanvang",
  });

  // C.3 for information: households with an escalation in the year before their latest measurement after the start.
  const latest = (h: Household) => {
    for (let k = h.measurements.length - 1; k > 0; k--) if (h.measurements[k]) return h.measurements[k];
    return undefined;
  };
  const observed = (label: string, types: readonly HouseholdType[], value: (r: RegistrationRecord) => boolean | null, path: string) => {
    const hs = followed.filter((h) => h.baseline.householdType !== null && types.includes(h.baseline.householdType));
    const known = hs.map(latest).filter((r): r is RegistrationRecord => r !== undefined && value(r) !== null);
    const count = known.filter((r) => value(r) === true).length;
    const small = !countShown(count, s);
    row("C", path, label, "aandeel", known.length === 0 || small ? null : count / known.length, known.length, hs.length - known.length, { informational: true, plan: null, note: `waargenomen, geen invoer: voorkomen escalaties komen uit de effectmeting (MKBA 3.0)${small ? `; aantal kleiner dan ${formatCount(s.threshold)}` : ""}` });
    if (small && known.length > 0) inputs[inputs.length - 1] = { ...inputs[inputs.length - 1]!, suppressed: true };
  };
  observed("Waargenomen OTS/UHP (gezinnen, laatste jaar)", ["families"], (r) => (r.otsChildren === null && r.uhpChildren === null ? null : (r.otsChildren ?? 0) + (r.uhpChildren ?? 0) > 0), "waargenomen.ots_uhp");
  observed("Waargenomen opname V&V (ouderen, laatste jaar)", ["elderly"], (r) => r.admissionVV, "waargenomen.opname_vv");
  observed("Waargenomen opname GGZ (overige hh, laatste jaar)", ["other"], (r) => r.admissionGGZ, "waargenomen.opname_ggz");
  observed("Waargenomen huisuitzetting (alle hh, laatste jaar)", HOUSEHOLD_TYPES, (r) => r.eviction, "waargenomen.huisuitzetting");

  const runningAtStart = new Array<number>(TRAJECTORIES.length).fill(0);
  const added = new Array<number>(TRAJECTORIES.length).fill(0);
  const removed = new Array<number>(TRAJECTORIES.length).fill(0);
  for (const h of followed) {
    const start = h.measurements[0]!.running;
    for (let j = 0; j < TRAJECTORIES.length; j++) if (start[j] === true) runningAtStart[j]!++;
    for (let k = 1; k < h.measurements.length; k++) {
      const m = h.measurements[k];
      if (!m) continue;
      for (let j = 0; j < TRAJECTORIES.length; j++) {
        if (m.teamChanges[j] === 1) added[j]!++;
        else if (m.teamChanges[j] === -1) removed[j]!++;
      }
    }
  }
  const trajectories: TrajectoryCounts[] = TRAJECTORIES.map((t, j) => ({ id: t.id, label: t.label, substitutable: t.substitutable, runningAtStart: runningAtStart[j]!, added: added[j]!, removed: removed[j]! }));
  return {
    households: all.length,
    records: records.length,
    period: n ? { first: isoDate(first), last: isoDate(last) } : null,
    withoutNulmeting: all.filter((h) => !h.hasNulmeting).length,
    inputs,
    trajectories,
    threshold: s.threshold,
    fteSource: options.teamFte !== undefined ? "opgegeven" : "plan",
  };
}

/** A scenario for the model: a name, a description and parameter overrides. */
export interface ScenarioSpec {
  readonly name: string;
  readonly description: string;
  readonly overrides: Readonly<Record<string, number>>;
}

export const SCENARIO_2 = "MKBA 2.0 (registratie)";

/**
 * The scenario "MKBA 2.0 (registratie)": the registration's values as overrides of the model's parameters (only those
 * the model has, not suppressed, not informational). The analyst's inputs stay as they are: a scenario overrides, it
 * never overwrites.
 */
export function registrationScenario(r: Registration2, parameters: ReadonlySet<string>): ScenarioSpec {
  const overrides: Record<string, number> = {};
  for (const i of r.inputs) if (i.parameter && i.registration !== null && parameters.has(i.parameter)) overrides[i.parameter] = i.registration;
  const kept = r.inputs.filter((i) => i.parameter && i.registration === null && parameters.has(i.parameter)).length;
  return {
    name: SCENARIO_2,
    description: `MKBA 2.0 (seed 001 §5.3): de invoer A–C uit de registratie van ${formatCount(r.households)} huishoudens${r.period ? ` (aangemeld ${r.period.first} t/m ${r.period.last})` : ""}; ${formatCount(Object.keys(overrides).length)} invoerwaarden uit de registratie, ${formatCount(kept)} blijven op het plan (geen gegevens of minder dan ${formatCount(r.threshold)} huishoudens). Effecten (C.2/C.3) blijven die van het plan.`,
    overrides,
  };
}
