/**
 * The running approach (lopende aanpak) of the LPBL model: the approach of the input screen works for N years, one
 * cohort of households a year, with a build-up (opbouw) in which the reach and the nieuw-voor-oud share grow to the full
 * approach (seed 001, Figuur 4.8, regel 730: "In vier jaar van opbouw naar volledige aanpak"; regel 736: "De eerste twee
 * jaar is over het algemeen sprake van een netto investering"). Each cohort is the one-year model of Uitvoer A with
 * scaled inputs; its cash flows are laid from the year it starts, and the cohorts overlap.
 *
 * Budget view (Uitvoer B, seed 001 §4.5, regels 741–749 and Figuur 4.9): the cash flows (kasstromen, not NCW) that fall
 * in one year of such a running approach — by default year 3, "twee jaar na de start", without build-up, "als de aanpak
 * al enige tijd loopt en er al baten zijn van voorkomen escalaties" (regel 1020); both are inputs (`budget`) — only
 * financial flows (no QALY values), costs included, one-time costs only in the first year, per actor, with the
 * municipal domains as a subtotal ("Tussen de twee blauwe lijnen staan de gemeentelijke kosten en baten … direct te
 * vertalen naar de begroting").
 */
import { Dec, ONE, ZERO } from "../../decimal";
import { paybackIndex } from "../../payback";
import { CompiledModel, ModelRun, runModel } from "../../model";
import { LPBL_ACTORS } from "./model";

export interface RunningApproachYear {
  /** Year index from the start of the approach (0 = first year). */
  readonly year: number;
  /** Financial cash flow per actor in that year (+ = gain, − = cost), summed over the cohorts running then. */
  readonly byActor: Readonly<Record<string, number>>;
  /** The municipal domains together (Gemeente W&I, Welzijn, Jeugd, Wmo, overig). */
  readonly gemeente: number;
  readonly saldo: number;
  readonly cumulativeSaldo: number;
}

export interface RunningApproach {
  readonly years: number;
  readonly buildUpYears: number;
  /** Share of the full approach each cohort has (reach and nieuw-voor-oud share). */
  readonly cohortShares: readonly number[];
  readonly perYear: readonly RunningApproachYear[];
  /** Per actor (and the gemeente, and society): when its cumulative cash flow turns and stays ≥ 0 (Payback). */
  readonly payback: Readonly<Record<string, Payback>>;
}

/**
 * Terugverdiend: an actor that never has a negative cumulative cash flow invests nothing ("geen investering", shown as
 * n.v.t.); otherwise the first year from which its cumulative cash flow stays ≥ 0 — with whether that year falls after
 * the approach has stopped (paid back only by benefits that run on) — or not within the period.
 */
export type Payback =
  | { readonly kind: "geen investering" }
  | { readonly kind: "jaar"; readonly year: number; readonly afterApproach: boolean }
  | { readonly kind: "niet binnen de periode" };

/** A payback in Dutch: "n.v.t. (investeert niet)", "jaar 5", "jaar 7 (na afloop van de aanpak)", "niet binnen de periode". */
export function paybackText(p: Payback): string {
  if (p.kind === "geen investering") return "n.v.t. (investeert niet)";
  if (p.kind === "niet binnen de periode") return "niet binnen de periode";
  return `jaar ${p.year + 1}${p.afterApproach ? " (na afloop van de aanpak, door nalopende baten)" : ""}`;
}

const MUNICIPAL = new Set<string>(LPBL_ACTORS.filter((a) => a.municipal).map((a) => a.name));

/** The share of the full approach in cohort year c: (c + 1) / buildUpYears, at most 1. */
export function cohortShare(c: number, buildUpYears: number): number {
  return Math.min(1, (c + 1) / buildUpYears);
}

/**
 * How cohort c's parameter `key` follows from the full approach's value v: "deel" v × share, "groei" 1 − (1 − v) × share
 * (a nieuw-voor-oud share growing to its full value), "nul" 0. The workbook writes the same three as formulas.
 */
export interface CohortAdjustment {
  readonly key: string;
  readonly kind: "deel" | "groei" | "nul";
  readonly share: number;
  /** Why (Dutch), for the workbook's Lopende aanpak sheet. */
  readonly reason: string;
}

export function adjustedValue(a: CohortAdjustment, v: number): number {
  return a.kind === "deel" ? v * a.share : a.kind === "groei" ? 1 - (1 - v) * a.share : 0;
}

/**
 * The one description of a cohort (used by the engine below and by the workbook plan's Lopende aanpak sheet): the reach
 * and the nieuw-voor-oud share grow with the approach (the rest is additional money until it is full), only financial
 * flows count (QALY values and the long-term value of a starting qualification 0), one-time costs in the first cohort only.
 */
export function cohortAdjustments(c: number, buildUpYears: number): CohortAdjustment[] {
  const share = cohortShare(c, buildUpYears);
  const adjustments: CohortAdjustment[] = [
    { key: "hh_totaal", kind: "deel", share, reason: "bereik van dit cohort: aandeel van de volledige aanpak" },
    { key: "additioneel_fte", kind: "groei", share, reason: "nieuw-voor-oud groeit mee; de rest is additioneel" },
    { key: "additioneel_overig", kind: "groei", share, reason: "nieuw-voor-oud groeit mee; de rest is additioneel" },
    { key: "qaly_waarde", kind: "nul", share, reason: "alleen financiële stromen (begroting)" },
    { key: "waarde_startkwalificatie", kind: "nul", share, reason: "alleen financiële stromen (begroting)" },
  ];
  if (c > 0) {
    adjustments.push({ key: "frictie", kind: "nul", share, reason: "eenmalige kosten alleen in het eerste jaar" });
    adjustments.push({ key: "eenmalige_kosten", kind: "nul", share, reason: "eenmalige kosten alleen in het eerste jaar" });
  }
  return adjustments;
}

/** Cohort c's parameter overrides on top of a scenario's: the scenario's values adjusted by `cohortAdjustments`. */
function cohortOverrides(compiled: CompiledModel, overrides: Readonly<Record<string, number>>, c: number, buildUpYears: number): Record<string, number> {
  const value = (key: string): number => overrides[key] ?? compiled.model.parameters.find((p) => p.key === key)!.value;
  const cohort: Record<string, number> = { ...overrides };
  for (const a of cohortAdjustments(c, buildUpYears)) cohort[a.key] = adjustedValue(a, value(a.key));
  return cohort;
}

/**
 * The running approach under a scenario's overrides: `years` cohorts, financial cash flows only (QALY values and the
 * long-term value of a starting qualification set to 0), one-time costs in the first cohort only.
 */
export function runningApproach(
  compiled: CompiledModel,
  overrides: Readonly<Record<string, number>>,
  options: { years: number; buildUpYears: number },
): { ok: true; approach: RunningApproach; cohorts: readonly ModelRun[] } | { ok: false; message: string } {
  const horizon = compiled.model.metadata.horizon;
  const length = options.years + horizon - 1;
  const flows: Map<string, Dec>[] = Array.from({ length }, () => new Map(LPBL_ACTORS.map((a) => [a.name, ZERO])));
  const shares: number[] = [];
  const cohorts: ModelRun[] = [];
  for (let c = 0; c < options.years; c++) {
    const share = cohortShare(c, options.buildUpYears);
    shares.push(share);
    const run = runModel(compiled, cohortOverrides(compiled, overrides, c, options.buildUpYears), `cohort ${c + 1}`);
    if (!run.ok) return { ok: false, message: run.problems.map((p) => p.message).join("; ") };
    cohorts.push(run.run);
    run.run.cashFlows.forEach((year, t) => {
      const target = flows[c + t]!;
      for (const [actor, amount] of year.byActor) target.set(actor, target.get(actor)!.plus(amount));
    });
  }
  const sum = (values: Iterable<Dec>) => [...values].reduce((x, y) => x.plus(y), ZERO);
  const gemeenteFlows = flows.map((byActor) => sum([...byActor].filter(([a]) => MUNICIPAL.has(a)).map(([, v]) => v)));
  const saldoFlows = flows.map((byActor) => sum(byActor.values()));
  let cumulative = ZERO;
  const perYear: RunningApproachYear[] = flows.map((byActor, year) => {
    cumulative = cumulative.plus(saldoFlows[year]!);
    return {
      year,
      byActor: Object.fromEntries([...byActor].map(([a, v]) => [a, v.toNumber()])),
      gemeente: gemeenteFlows[year]!.toNumber(),
      saldo: saldoFlows[year]!.toNumber(),
      cumulativeSaldo: cumulative.toNumber(),
    };
  });
  // Up to the last year with a cash flow (the long-term year 9 is immaterial and not in a budget).
  while (perYear.length > options.years && Object.values(perYear[perYear.length - 1]!.byActor).every((x) => x === 0)) perYear.pop();
  // Payback on the undiscounted cash flows: the engine's one rule (src/engine/payback.ts) with every factor 1.
  const ones = perYear.map(() => ONE);
  const payback = (series: readonly Dec[]): Payback => {
    const within = series.slice(0, perYear.length);
    let cumulative = ZERO;
    let invests = false;
    for (const x of within) {
      cumulative = cumulative.plus(x);
      if (cumulative.lt(0)) invests = true;
    }
    if (!invests) return { kind: "geen investering" };
    const year = paybackIndex(within, ones);
    return year === null ? { kind: "niet binnen de periode" } : { kind: "jaar", year, afterApproach: year >= options.years };
  };
  const paybacks: Record<string, Payback> = {};
  for (const a of LPBL_ACTORS) if (perYear.some((y) => y.byActor[a.name] !== 0)) paybacks[a.name] = payback(flows.map((f) => f.get(a.name)!));
  paybacks["Gemeente (totaal)"] = payback(gemeenteFlows);
  paybacks["Maatschappij (financieel)"] = payback(saldoFlows);
  return { ok: true, approach: { years: options.years, buildUpYears: options.buildUpYears, cohortShares: shares, perYear, payback: paybacks }, cohorts };
}
