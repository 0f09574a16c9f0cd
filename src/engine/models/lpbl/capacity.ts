/**
 * Reach, caseload and team (bereik, caseload en teamomvang) of the LPBL model: how many households the approach
 * reaches, how many fte that reach needs at the screen's caseloads, and how many of the households the entered team
 * can serve (bediend aandeel).
 *
 * The seed's relation between the three: "De gemiddelde caseload geeft aan hoeveel huishoudens een fte-teamlid
 * gemiddeld per jaar in behandeling en/of monitoring heeft" (seed 001_89b8683f98a68fb5.txt, regel 496), so a team of
 * f fte has f × caseload households in treatment a year; the tool exists for "een inschatting van het benodigd aantal
 * fte en kosten" (regel 946), and a caseload that leaves too little time makes the team "een extra laag" without
 * effect (regels 955–959). The model therefore reads the screen as: the team costs what is entered (fte × cost per
 * fte); it serves at most its capacity, fte ÷ (fte needed per household); households beyond that capacity are not in
 * treatment and bring neither effects nor the costs of newly found trajectories. A team larger than the reach needs
 * costs more without more effect. Understaffing never raises a ratio above the ratio at the needed fte
 * (test/engine/lpbl/invariants.property.test.ts).
 */
import { formatNumber } from "../../numberFormat";
import { HOUSEHOLD_TYPES, HouseholdType, LpblInputs, SEVERITIES, Severity } from "./inputs";

/** Parameter-key suffix per household type. */
export const TYPE_KEY: Readonly<Record<HouseholdType, string>> = { families: "gezinnen", elderly: "ouderen", other: "overig" };
const T = (t: HouseholdType) => TYPE_KEY[t];

/** Households of type t in the reach: N × share_t. */
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
 * or activating day care.
 */
export const WITHOUT_WORK = `(${multiProblemOfType("families")} * geenwerk_${T("families")} + ${multiProblemOfType("other")} * geenwerk_${T("other")})`;

/** fte the reach needs per household (benodigde fte per huishouden): Σ_t share_t × Σ_k severity_{t,k} ÷ caseload_k. */
export const FTE_PER_HOUSEHOLD = `(${HOUSEHOLD_TYPES.map((t) => `aandeel_${T(t)} * (${SEVERITIES.map((s) => `${s}_${T(t)} / caseload_${s}`).join(" + ")})`).join(" + ")})`;
/** fte the reach needs (benodigde fte): households × fte per household. */
export const FTE_NEEDED = `hh_totaal * ${FTE_PER_HOUSEHOLD}`;
/**
 * Share of the reach the team serves (bediend aandeel): min(1, entered fte ÷ needed fte). Every quantity of households
 * in the model is multiplied by it once. (A reach of 0 needs 0 fte: the share is then 1 and every quantity 0.)
 */
export const SERVED_SHARE = `min(1, fte_team / max(${FTE_NEEDED}, 0.000000001))`;
/** An amount over households (linear in them), counted for the served households only. */
export const served = (amount: string) => `${SERVED_SHARE} * (${amount})`;

/** Households per severity: N × Σ_types (type share × severity share of that type). */
export function householdsBySeverity(inputs: LpblInputs): Record<Severity, number> {
  const { reach } = inputs;
  const out = { ev: 0, zr: 0, nzr: 0 };
  for (const s of SEVERITIES) out[s] = reach.households * HOUSEHOLD_TYPES.reduce((a, t) => a + reach.typeShares[t] * reach.severity[t][s], 0);
  return out;
}

/** fte implied by reach × caseload: Σ_severities households ÷ caseload (the caseloads of the screen, or others). */
export function fteFromCaseload(inputs: LpblInputs, caseload: Readonly<Record<Severity, number>> = inputs.reach.caseload): number {
  const h = householdsBySeverity(inputs);
  return SEVERITIES.reduce((a, s) => a + h[s] / caseload[s], 0);
}

/** The team against the reach: needed and entered fte, the share and number of households served. */
export interface TeamCapacity {
  /** fte the reach needs at the screen's caseloads (benodigde fte). */
  readonly fteNeeded: number;
  readonly fteEntered: number;
  /** min(1, entered ÷ needed): the share of the households the team serves. */
  readonly servedShare: number;
  readonly households: number;
  readonly householdsServed: number;
  /** fte above what the reach needs (0 when the team is too small). */
  readonly fteSurplus: number;
}

export function teamCapacity(inputs: LpblInputs): TeamCapacity {
  const fteNeeded = fteFromCaseload(inputs);
  const fteEntered = inputs.costs.teamFte;
  const servedShare = Math.min(1, fteEntered / Math.max(fteNeeded, 1e-9));
  return {
    fteNeeded,
    fteEntered,
    servedShare,
    households: inputs.reach.households,
    householdsServed: inputs.reach.households * servedShare,
    fteSurplus: Math.max(0, fteEntered - fteNeeded),
  };
}

/**
 * What follows from the difference between entered and needed fte, in Dutch (null when they agree within 10% and the
 * team serves every household): a team too small serves only part of the reach, a team too large costs more without
 * more effect.
 */
export function capacityNote(c: TeamCapacity, costPerFte: number): string | null {
  const fte = (x: number) => `${formatNumber(x, 2)} fte`;
  if (c.fteNeeded <= 0) return c.fteEntered > 0 ? "Let op: het bereik is 0 huishoudens, maar er is wel team-fte ingevoerd; die kosten leveren geen effect op." : null;
  if (c.servedShare < 1 - 1e-9) {
    return `Let op: het team (${fte(c.fteEntered)}) is kleiner dan bereik × caseload vraagt (${fte(c.fteNeeded)}). Het bedient ${formatNumber(c.servedShare * 100, 0)}% van de huishoudens (${formatNumber(c.householdsServed, 0)} van ${formatNumber(c.households, 0)}); alleen voor hen rekent het model effecten en trajecten. Zie de ratio's bij de benodigde teamomvang.`;
  }
  if (c.fteSurplus > 0.1 * c.fteNeeded) {
    return `Let op: het team (${fte(c.fteEntered)}) is groter dan bereik × caseload vraagt (${fte(c.fteNeeded)}): de extra ${fte(c.fteSurplus)} kost € ${formatNumber(c.fteSurplus * costPerFte, 0)} per jaar zonder extra effect in het model. Zie de ratio's bij de benodigde teamomvang.`;
  }
  return null;
}
