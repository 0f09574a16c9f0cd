/**
 * The output screens (uitvoerscherm) of the LPBL MKBA-tool (seed 001, Bijlage 2; §4.1, §4.5):
 * Uitvoer A — MKBA of one year of approach: NCW of costs by type and benefits by the four categories, saldo and the
 * social, financial and municipal ratios; beside them the team against the reach (needed and entered fte, the
 * households served, the ratios at the needed fte; capacity.ts) and the three assumptions the saldo depends on most
 * within their default ranges (uncertainty.ts); Uitvoer B — the budget view: cash flows per actor in one year of the
 * running approach (its year and build-up are inputs; src/engine/models/lpbl/runningApproach.ts), with the municipal
 * subtotal.
 */
import { CompiledModel, scenarioOverrides } from "../../model";
import { ModelRun, runModel } from "../../model/evaluate";
import { textTable } from "../../model/report";
import { formatEuro, formatNumber } from "../../numberFormat";
import { modelRanges, tornado } from "../../uncertainty/tornado";
import { FTE_NEEDED } from "./capacity";
import { evaluateWith } from "./factors";
import { BUDGET_MAX_YEAR } from "./inputs";
import { PRICE_YEAR } from "./keyFigures";
import { LPBL_ACTORS, LPBL_BENEFIT_CATEGORIES, LPBL_COST_CATEGORIES, LpblBuildOk, LpblBenefitCategory, LpblCostCategory } from "./model";
import { RunningApproach, paybackText, runningApproach } from "./runningApproach";

export type LpblRatios = { readonly social: number | null; readonly financial: number | null; readonly municipal: number | null };

/** The team against the reach, beside the ratios (capacity.ts): what follows from the difference. */
export interface LpblTeam {
  readonly fteNeeded: number;
  readonly fteEntered: number;
  /** min(1, entered ÷ needed). */
  readonly servedShare: number;
  readonly households: number;
  readonly householdsServed: number;
  /** The same run with the team at the needed fte. */
  readonly atNeededFte: { readonly fte: number; readonly saldo: number; readonly ratios: LpblRatios };
}

/** One of the assumptions the saldo depends on most: its range and the saldo at both ends. */
export interface LpblDriver {
  readonly key: string;
  readonly label: string;
  readonly low: number;
  readonly high: number;
  readonly saldoLow: number | null;
  readonly saldoHigh: number | null;
  readonly swing: number;
}

export interface LpblUitvoerA {
  /** NCW per cost category (positive = a cost). */
  readonly kosten: Record<LpblCostCategory, number>;
  /** NCW per benefit category (positive = a benefit). */
  readonly baten: Record<LpblBenefitCategory, number>;
  readonly totaleKosten: number;
  readonly totaleBaten: number;
  readonly saldo: number;
  readonly ratios: LpblRatios;
  readonly team: LpblTeam;
  /** The three assumptions with the largest swing of the saldo over their default range (the Onzekerheid sheet). */
  readonly drivers: readonly LpblDriver[];
}

export interface LpblUitvoerB {
  /** Year index of the running approach (0 = its first year) that the budget view shows. */
  readonly jaar: number;
  /** The build-up of the running approach behind the budget view (1 = none). */
  readonly buildUpYears: number;
  /** Financial cash flow per actor in that year of the running approach (+ = gain, − = cost), not discounted. */
  readonly perActor: Record<string, number>;
  /** The municipal domains together: what translates directly to the municipal budget. */
  readonly gemeente: number;
  readonly totaal: number;
}

export interface LpblOutputs {
  readonly uitvoerA: LpblUitvoerA;
  readonly uitvoerB: LpblUitvoerB;
  /** The running approach over the years (cohorts with build-up), financial cash flows. */
  readonly lopendeAanpak: RunningApproach;
  /** Each cohort's run of the budget view (its cash flows per year), for the workbook's Lopende aanpak sheet. */
  readonly cohortRuns: readonly ModelRun[];
  /** Dutch warning when the team costs are 0 while the team has fte (the ratios are then too high), else null. */
  readonly teamCostWarning: string | null;
}

/** Dutch warning for a run whose team costs are 0 while the team has fte: its ratios leave out the largest cost post. */
export function teamCostWarning(run: ModelRun, fte: number): string | null {
  const teamCosts = run.byCategory.get("Kosten team") ?? 0;
  if (teamCosts !== 0 || fte <= 0) return null;
  return `LET OP (${run.scenario}): de teamkosten zijn € 0, terwijl het team ${formatNumber(fte, 1)} fte telt. Teamkosten zijn meestal de grootste kostenpost (seed 001, §4.2); de ratio's van dit scenario zijn daardoor te hoog. Vul de kosten per fte in.`;
}

/**
 * The pieces of Uitvoer B's title around its numbers: the text output joins them with the values, the workbook with
 * the cells on Invoer, so that the title always names the year and build-up the figures are for.
 */
export const UITVOER_B_TITLE = {
  start: "Uitvoer B. Resultaat begroting in jaar ",
  afterYear: " van de lopende aanpak (",
  afterYearsSinceStart: " jaar na de start), ",
  noBuildUp: "zonder opbouw: de aanpak van het scherm loopt volledig vanaf jaar 1 (seed 001, regel 1020)",
  buildUpBefore: "met opbouw naar de volledige aanpak in ",
  buildUpAfter: " jaar",
  cohorts: ": kasstromen van de cohorten van jaar 1 tot en met ",
  end: `; alleen financiële stromen, kosten inbegrepen, eenmalige kosten alleen in het eerste jaar; niet contant; prijspeil ${PRICE_YEAR}`,
} as const;

/** The label of Uitvoer B, from its year and build-up (never a fixed text). */
export function uitvoerBTitle(year: number, buildUpYears: number): string {
  const t = UITVOER_B_TITLE;
  const opbouw = buildUpYears === 1 ? t.noBuildUp : `${t.buildUpBefore}${buildUpYears}${t.buildUpAfter}`;
  return `${t.start}${year}${t.afterYear}${year - 1}${t.afterYearsSinceStart}${opbouw}${t.cohorts}${year}${t.end}`;
}

const ratiosOf = (run: ModelRun): LpblRatios => ({ social: run.ratios.social.value, financial: run.ratios.financial.value, municipal: run.ratios.municipal.value });

/** The saldo of `scenario` with one parameter set to `value`, as the engine (and Rekenkern's MKBA.SCENARIO) computes it. */
export function saldoWith(compiled: CompiledModel, scenario: string, key: string, value: number): number | null {
  const r = runModel(compiled, { ...(scenarioOverrides(compiled, scenario) ?? {}), [key]: value }, scenario);
  return r.ok ? r.run.saldo : null;
}

/**
 * The three assumptions the saldo of `scenario` depends on most, over the ranges of the model's uncertainty section.
 * The tornado ranks them in float arithmetic; their saldos are then the engine's own (`runModel`, as MKBA.SCENARIO
 * computes them on Rekenkern): where vast amounts cancel (a key figure of −10¹²), the float saldo is digits away.
 */
export function saldoDrivers(compiled: CompiledModel, scenario: string, count = 3): LpblDriver[] {
  const ranges = modelRanges(compiled);
  const t = tornado(compiled, { scenario, ranges, keys: Object.keys(ranges), breakEven: false });
  const saldo = (key: string, value: number) => saldoWith(compiled, scenario, key, value);
  return t.rows
    .filter((r) => r.moves)
    .slice(0, count)
    .map((r) => {
      const [saldoLow, saldoHigh] = [saldo(r.key, r.range.low), saldo(r.key, r.range.high)];
      return { key: r.key, label: r.label, low: r.range.low, high: r.range.high, saldoLow, saldoHigh, swing: saldoLow === null || saldoHigh === null ? 0 : Math.abs(saldoHigh - saldoLow) };
    });
}

export function lpblOutputs(run: ModelRun, compiled: CompiledModel, build: Pick<LpblBuildOk, "runningApproach" | "budget">): LpblOutputs {
  // byCategory is signed for society: costs negative.
  const cat = (name: string) => run.byCategory.get(name) ?? 0;
  const kosten = Object.fromEntries(LPBL_COST_CATEGORIES.map((c) => [c, 0 - cat(c)])) as Record<LpblCostCategory, number>;
  const baten = Object.fromEntries(LPBL_BENEFIT_CATEGORIES.map((c) => [c, cat(c)])) as Record<LpblBenefitCategory, number>;
  const overrides = scenarioOverrides(compiled, run.scenario) ?? {};
  const valueOf = (key: string): number => overrides[key] ?? compiled.model.parameters.find((p) => p.key === key)!.value;

  const fteNeeded = evaluateWith(FTE_NEEDED, valueOf);
  const fteEntered = valueOf("fte_team");
  const servedShare = Math.min(1, fteEntered / Math.max(fteNeeded, 1e-9));
  const atNeeded = runModel(compiled, { ...overrides, fte_team: fteNeeded }, run.scenario);
  if (!atNeeded.ok) throw new Error(`interne fout bij de benodigde teamomvang: ${atNeeded.problems[0]!.message}`);
  const team: LpblTeam = {
    fteNeeded,
    fteEntered,
    servedShare,
    households: valueOf("hh_totaal"),
    householdsServed: valueOf("hh_totaal") * servedShare,
    atNeededFte: { fte: fteNeeded, saldo: atNeeded.run.saldo, ratios: ratiosOf(atNeeded.run) },
  };

  const running = runningApproach(compiled, overrides, build.runningApproach);
  if (!running.ok) throw new Error(`interne fout in de lopende aanpak: ${running.message}`);
  // The budget view's running approach with every cohort the workbook lays out (a later cohort adds nothing to an
  // earlier year, so the budget year's figures are those of `year` cohorts).
  const budget = runningApproach(compiled, overrides, { years: Math.max(BUDGET_MAX_YEAR, build.budget.year), buildUpYears: build.budget.buildUpYears });
  if (!budget.ok) throw new Error(`interne fout in Uitvoer B: ${budget.message}`);
  const budgetYear = budget.approach.perYear[build.budget.year - 1]!;
  return {
    uitvoerA: {
      kosten,
      baten,
      totaleKosten: run.costs,
      totaleBaten: run.benefits,
      saldo: run.saldo,
      ratios: ratiosOf(run),
      team,
      drivers: saldoDrivers(compiled, run.scenario),
    },
    uitvoerB: { jaar: build.budget.year - 1, buildUpYears: build.budget.buildUpYears, perActor: { ...budgetYear.byActor }, gemeente: budgetYear.gemeente, totaal: budgetYear.saldo },
    lopendeAanpak: running.approach,
    cohortRuns: budget.cohorts,
    teamCostWarning: teamCostWarning(run, fteEntered),
  };
}

const ratioText = (r: number | null) => (r === null ? "n.v.t." : formatNumber(r, 2));
const ratiosText = (r: LpblRatios) => `${ratioText(r.social)} / ${ratioText(r.financial)} / ${ratioText(r.municipal)}`;

/** A value of a driver's range as an analyst reads it: euros from 100 on, else a percentage or a plain number. */
function rangeValue(key: string, x: number, compiled: CompiledModel): string {
  const unit = compiled.model.parameters.find((p) => p.key === key)?.unit ?? "";
  if (/euro/.test(unit)) return formatEuro(x);
  if (/aandeel|procentpunt/.test(unit)) return `${formatNumber(x * 100, 1)}%`;
  return formatNumber(x, 2);
}

/** Both output screens as Dutch text tables, the team beside the ratios, the drivers, the running approach and the warnings. */
export function lpblOutputText(run: ModelRun, compiled: CompiledModel, build: LpblBuildOk): string {
  const { uitvoerA: a, uitvoerB: b, lopendeAanpak: l, teamCostWarning: warning } = lpblOutputs(run, compiled, build);
  const lines: string[] = [];
  if (warning) lines.push(warning, "");
  lines.push(`Uitvoer A. MKBA: kosten en baten van één jaar aanpak (NCW, ${run.discountRule.label}; prijspeil ${PRICE_YEAR}; scenario: ${run.scenario})`, "");
  const rowsA: string[][] = [["Kosten", "NCW"]];
  for (const c of LPBL_COST_CATEGORIES) rowsA.push([`  ${c}`, formatEuro(a.kosten[c])]);
  rowsA.push(["Totale kosten", formatEuro(a.totaleKosten)]);
  rowsA.push(["Baten", ""]);
  for (const c of LPBL_BENEFIT_CATEGORIES) rowsA.push([`  ${c}`, formatEuro(a.baten[c])]);
  rowsA.push(["Totale baten", formatEuro(a.totaleBaten)]);
  rowsA.push(["Saldo (baten − kosten)", formatEuro(a.saldo)]);
  rowsA.push(["Maatschappelijke baten-kostenratio", ratioText(a.ratios.social)]);
  rowsA.push(["Financiële baten-kostenratio", ratioText(a.ratios.financial)]);
  rowsA.push(["Gemeentelijke baten-kostenratio", ratioText(a.ratios.municipal)]);
  const t = a.team;
  rowsA.push(["Teamomvang en bereik", ""]);
  rowsA.push(["  Benodigde fte (bereik × caseload)", formatNumber(t.fteNeeded, 2)]);
  rowsA.push(["  Ingevoerde fte", formatNumber(t.fteEntered, 2)]);
  rowsA.push(["  Bediende huishoudens", `${formatNumber(t.householdsServed, 0)} van ${formatNumber(t.households, 0)} (${formatNumber(t.servedShare * 100, 0)}%)`]);
  rowsA.push([`  Ratio's bij de benodigde fte (${formatNumber(t.fteNeeded, 2)}): maatsch. / fin. / gem.`, ratiosText(t.atNeededFte.ratios)]);
  rowsA.push([`  Saldo bij de benodigde fte`, formatEuro(t.atNeededFte.saldo)]);
  lines.push(textTable(rowsA), "");
  if (build.fteWarning && run.scenario === compiled.model.metadata.baseScenarioName) lines.push(build.fteWarning, "");
  lines.push(...appliedFactorsText(build), "");
  if (a.drivers.length > 0) {
    lines.push("Het saldo hangt het meest af van (bandbreedte van de kengetallen en de invoer, blad Onzekerheid; de andere aannamen op hun waarde):");
    a.drivers.forEach((d, i) =>
      lines.push(`  ${i + 1}. ${d.label} (${rangeValue(d.key, d.low, compiled)} – ${rangeValue(d.key, d.high, compiled)}): saldo ${d.saldoLow === null ? "n.v.t." : formatEuro(d.saldoLow)} tot ${d.saldoHigh === null ? "n.v.t." : formatEuro(d.saldoHigh)}`),
    );
    lines.push("");
  }
  if (warning) lines.push(warning, "");
  lines.push(uitvoerBTitle(b.jaar + 1, b.buildUpYears), "");
  const rowsB: string[][] = [["Actor", "Kasstroom"]];
  const municipal = LPBL_ACTORS.filter((x) => x.municipal).map((x) => x.name);
  for (const actor of municipal) rowsB.push([`  ${actor}`, formatEuro(b.perActor[actor] ?? 0)]);
  rowsB.push(["Gemeente (subtotaal: direct te vertalen naar de begroting)", formatEuro(b.gemeente)]);
  for (const actor of LPBL_ACTORS.filter((x) => !x.municipal).map((x) => x.name)) rowsB.push([actor, formatEuro(b.perActor[actor] ?? 0)]);
  rowsB.push(["Totaal", formatEuro(b.totaal)]);
  lines.push(textTable(rowsB), "");
  lines.push(
    `Lopende aanpak: ${l.years} jaar, elk jaar een nieuw cohort; opbouw naar de volledige aanpak in ${l.buildUpYears} jaar (bereik en nieuw-voor-oud-deel per cohort: ${l.cohortShares.map((x) => `${formatNumber(x * 100, 0)}%`).join(", ")}; seed 001, Figuur 4.8). Financiële kasstromen, niet contant. Na jaar ${l.years} stopt de aanpak; de jaren daarna tonen alleen nalopende baten.`,
    "",
  );
  const rowsC: string[][] = [["Jaar", "Gemeente", "Overige partijen", "Saldo", "Cumulatief saldo"]];
  for (const y of l.perYear) rowsC.push([`${y.year + 1}${y.year >= l.years ? " (na afloop)" : ""}`, formatEuro(y.gemeente), formatEuro(y.saldo - y.gemeente), formatEuro(y.saldo), formatEuro(y.cumulativeSaldo)]);
  lines.push(textTable(rowsC), "");
  const paid = Object.entries(l.payback).map(([who, p]) => `${who}: ${paybackText(p)}`);
  lines.push(`Terugverdiend (niet-contante financiële kasstromen van de lopende aanpak, zonder immateriële baten; cumulatief blijvend ≥ 0) — ${paid.join("; ")}.`, "");
  lines.push(
    `Teamomvang: ingevoerd ${formatNumber(build.fteEntered, 2)} fte; nodig voor bereik × caseload ${formatNumber(build.fteFromCaseload, 2)} fte; bij de caseloads van Tabel 3.10 ${formatNumber(build.fteAtKeyFigureCaseloads, 2)} fte; uit uren per huishouden ÷ ${formatNumber(build.productiveHoursPerFte, 0)} productieve uren ${formatNumber(build.fteFromHours, 2)} fte.`,
  );
  if (build.illustrativeKeys.length > 0) lines.push(`Let op: berekend met illustratieve kengetallen: ${build.illustrativeKeys.join(", ")}.`);
  return lines.join("\n");
}

/** The factors on the inputs in Dutch: every input whose used value differs from the entered one, with its factors. */
export function appliedFactorsText(build: Pick<LpblBuildOk, "appliedFactors">): string[] {
  const f = build.appliedFactors;
  const pct = (x: number) => `${formatNumber(x * 100, 2)}%`;
  const changed = f.inputs.filter((i) => i.used !== i.entered);
  const lines = [`Gebruikte invoer: het team bedient ${pct(f.servedShare.value)} van het bereik (${f.servedShare.label}); elk aantal huishoudens telt met dat aandeel.`];
  if (changed.length === 0) lines.push("Alle effecten van deel C worden gebruikt zoals ingevoerd (elke factor is 1: attributie en teamsamenstelling).");
  for (const i of changed) lines.push(`  ${i.label}: ingevoerd ${pct(i.entered)} × ${i.factors.map((x) => `${x.label} ${formatNumber(x.value, 4)}`).join(" × ")} = gebruikt ${pct(i.used)}`);
  return lines;
}
