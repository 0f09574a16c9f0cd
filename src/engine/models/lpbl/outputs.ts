/**
 * The output screens (uitvoerscherm) of the LPBL MKBA-tool (seed 001, Bijlage 2; §4.1, §4.5):
 * Uitvoer A — MKBA of one year of approach: NCW of costs by type and benefits by the four categories, saldo and the
 * social, financial and municipal ratios; Uitvoer B — the budget view: cash flows per actor two years after the start of
 * the running approach (src/engine/models/lpbl/runningApproach.ts), with the municipal subtotal.
 */
import { CompiledModel, scenarioOverrides } from "../../model";
import { ModelRun } from "../../model/evaluate";
import { textTable } from "../../model/report";
import { formatEuro, formatNumber } from "../../numberFormat";
import { LPBL_ACTORS, LPBL_BENEFIT_CATEGORIES, LPBL_COST_CATEGORIES, LpblBuildOk, LpblBenefitCategory, LpblCostCategory } from "./model";
import { RunningApproach, runningApproach } from "./runningApproach";

export interface LpblUitvoerA {
  /** NCW per cost category (positive = a cost). */
  readonly kosten: Record<LpblCostCategory, number>;
  /** NCW per benefit category (positive = a benefit). */
  readonly baten: Record<LpblBenefitCategory, number>;
  readonly totaleKosten: number;
  readonly totaleBaten: number;
  readonly saldo: number;
  readonly ratios: { readonly social: number | null; readonly financial: number | null; readonly municipal: number | null };
}

/** The budget year of Uitvoer B: year index 2 of the running approach, two years after the start ("na 2 jaar", seed 001 §4.5). */
export const BUDGET_YEAR = 2;

export interface LpblUitvoerB {
  /** Year index of the running approach (0 = its first year): two years after the start. */
  readonly jaar: typeof BUDGET_YEAR;
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
  /** Each cohort's run of the running approach (its cash flows per year), for the workbook's Lopende aanpak sheet. */
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

export function lpblOutputs(run: ModelRun, compiled: CompiledModel, build: Pick<LpblBuildOk, "fteEntered" | "runningApproach">): LpblOutputs {
  // byCategory is signed for society: costs negative.
  const cat = (name: string) => run.byCategory.get(name) ?? 0;
  const kosten = Object.fromEntries(LPBL_COST_CATEGORIES.map((c) => [c, 0 - cat(c)])) as Record<LpblCostCategory, number>;
  const baten = Object.fromEntries(LPBL_BENEFIT_CATEGORIES.map((c) => [c, cat(c)])) as Record<LpblBenefitCategory, number>;
  const overrides = scenarioOverrides(compiled, run.scenario) ?? {};
  const running = runningApproach(compiled, overrides, build.runningApproach);
  if (!running.ok) throw new Error(`interne fout in de lopende aanpak: ${running.message}`);
  const budgetYear = running.approach.perYear[BUDGET_YEAR]!;
  const fte = overrides.fte_team ?? build.fteEntered;
  return {
    uitvoerA: {
      kosten,
      baten,
      totaleKosten: run.costs,
      totaleBaten: run.benefits,
      saldo: run.saldo,
      ratios: { social: run.ratios.social.value, financial: run.ratios.financial.value, municipal: run.ratios.municipal.value },
    },
    uitvoerB: { jaar: BUDGET_YEAR, perActor: { ...budgetYear.byActor }, gemeente: budgetYear.gemeente, totaal: budgetYear.saldo },
    lopendeAanpak: running.approach,
    cohortRuns: running.cohorts,
    teamCostWarning: teamCostWarning(run, fte),
  };
}

const ratioText = (r: number | null) => (r === null ? "n.v.t." : formatNumber(r, 2));

/** Both output screens as Dutch text tables, the running approach, the fte lines and the warnings. */
export function lpblOutputText(run: ModelRun, compiled: CompiledModel, build: LpblBuildOk): string {
  const { uitvoerA: a, uitvoerB: b, lopendeAanpak: l, teamCostWarning: warning } = lpblOutputs(run, compiled, build);
  const lines: string[] = [];
  if (warning) lines.push(warning, "");
  lines.push(`Uitvoer A. MKBA: kosten en baten van één jaar aanpak (NCW, ${run.discountRule.label}; scenario: ${run.scenario})`, "");
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
  lines.push(textTable(rowsA), "");
  if (warning) lines.push(warning, "");
  lines.push(
    `Uitvoer B. Resultaat begroting na 2 jaar: kasstromen in jaar 3 van de lopende aanpak (cohorten van jaar 1, 2 en 3; alleen financiële stromen, kosten inbegrepen, eenmalige kosten alleen in het eerste jaar; niet contant)`,
    "",
  );
  const rowsB: string[][] = [["Actor", "Kasstroom"]];
  const municipal = LPBL_ACTORS.filter((x) => x.municipal).map((x) => x.name);
  for (const actor of municipal) rowsB.push([`  ${actor}`, formatEuro(b.perActor[actor] ?? 0)]);
  rowsB.push(["Gemeente (subtotaal: direct te vertalen naar de begroting)", formatEuro(b.gemeente)]);
  for (const actor of LPBL_ACTORS.filter((x) => !x.municipal).map((x) => x.name)) rowsB.push([actor, formatEuro(b.perActor[actor] ?? 0)]);
  rowsB.push(["Totaal", formatEuro(b.totaal)]);
  lines.push(textTable(rowsB), "");
  lines.push(
    `Lopende aanpak: ${l.years} jaar, elk jaar een nieuw cohort; opbouw naar de volledige aanpak in ${l.buildUpYears} jaar (bereik en nieuw-voor-oud-deel per cohort: ${l.cohortShares.map((x) => `${formatNumber(x * 100, 0)}%`).join(", ")}; seed 001, Figuur 4.8). Financiële kasstromen, niet contant.`,
    "",
  );
  const rowsC: string[][] = [["Jaar", "Gemeente", "Overige partijen", "Saldo", "Cumulatief saldo"]];
  for (const y of l.perYear) rowsC.push([`${y.year + 1}`, formatEuro(y.gemeente), formatEuro(y.saldo - y.gemeente), formatEuro(y.saldo), formatEuro(y.cumulativeSaldo)]);
  lines.push(textTable(rowsC), "");
  const paid = Object.entries(l.paybackYear).map(([who, year]) => `${who}: ${year === null ? "niet binnen de periode" : `jaar ${year + 1}`}`);
  lines.push(`Terugverdiend (cumulatieve kasstroom blijvend ≥ 0) voor — ${paid.join("; ")}.`, "");
  lines.push(`Teamomvang: ingevoerd ${formatNumber(build.fteEntered, 2)} fte; uit bereik × caseload ${formatNumber(build.fteFromCaseload, 2)} fte; bij de caseloads van Tabel 3.10 ${formatNumber(build.fteAtKeyFigureCaseloads, 2)} fte; uit uren per huishouden ÷ ${formatNumber(build.productiveHoursPerFte, 0)} productieve uren ${formatNumber(build.fteFromHours, 2)} fte.`);
  if (build.fteWarning) lines.push(build.fteWarning);
  if (build.illustrativeKeys.length > 0) lines.push(`Let op: berekend met illustratieve kengetallen: ${build.illustrativeKeys.join(", ")}.`);
  return lines.join("\n");
}
