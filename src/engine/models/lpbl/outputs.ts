/**
 * The output screens (uitvoerscherm) of the LPBL MKBA-tool (seed 001, Bijlage 2; §4.1, §4.5):
 * Uitvoer A — MKBA of one year of approach: NCW of costs by type and benefits by the four categories, saldo and the
 * social, financial and municipal ratios; Uitvoer B — budget effect per actor in year 2 (cash flows, not NCW).
 */
import { ZERO } from "../../decimal";
import { ModelRun, Ratio } from "../../model/evaluate";
import { textTable } from "../../model/report";
import { formatEuro, formatNumber } from "../../numberFormat";
import { LPBL_ACTORS, LPBL_BENEFIT_CATEGORIES, LPBL_COST_CATEGORIES, LpblBuildOk, LpblBenefitCategory, LpblCostCategory } from "./model";

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

export interface LpblUitvoerB {
  /** Year index (0 = the year of the approach). */
  readonly jaar: 2;
  /** Cash flow per actor in year index 2 of the one-year approach (signed: + = gain, − = cost), not discounted. */
  readonly perActor: Record<string, number>;
  /**
   * Alternative reading (not the brief's definition): the budget in year 2 of an approach that runs every year —
   * the sum of the cash flows of years 0, 1 and 2 of one year's approach (three cohorts overlapping).
   */
  readonly perActorLopendeAanpak: Record<string, number>;
}

export interface LpblOutputs {
  readonly uitvoerA: LpblUitvoerA;
  readonly uitvoerB: LpblUitvoerB;
}

const ratioValue = (r: Ratio) => (r.value === null ? null : r.value.toNumber());

export function lpblOutputs(run: ModelRun): LpblOutputs {
  // byCategory is signed for society: costs negative.
  const cat = (name: string) => (run.byCategory.get(name) ?? ZERO).toNumber();
  const kosten = Object.fromEntries(LPBL_COST_CATEGORIES.map((c) => [c, 0 - cat(c)])) as Record<LpblCostCategory, number>;
  const baten = Object.fromEntries(LPBL_BENEFIT_CATEGORIES.map((c) => [c, cat(c)])) as Record<LpblBenefitCategory, number>;
  const perActor: Record<string, number> = {};
  const lopend: Record<string, number> = {};
  for (const a of LPBL_ACTORS) {
    perActor[a.name] = (run.cashFlows[2]?.byActor.get(a.name) ?? ZERO).toNumber();
    lopend[a.name] = run.cashFlows.slice(0, 3).reduce((s, y) => s.plus(y.byActor.get(a.name) ?? ZERO), ZERO).toNumber();
  }
  return {
    uitvoerA: {
      kosten,
      baten,
      totaleKosten: run.costs.toNumber(),
      totaleBaten: run.benefits.toNumber(),
      saldo: run.saldo.toNumber(),
      ratios: { social: ratioValue(run.ratios.social), financial: ratioValue(run.ratios.financial), municipal: ratioValue(run.ratios.municipal) },
    },
    uitvoerB: { jaar: 2, perActor, perActorLopendeAanpak: lopend },
  };
}

const ratioText = (r: number | null) => (r === null ? "n.v.t." : formatNumber(r, 2));

/** Both output screens as Dutch text tables, with the fte line and the illustrative-key-figures line. */
export function lpblOutputText(
  run: ModelRun,
  build: Pick<LpblBuildOk, "fteFromCaseload" | "fteEntered" | "fteWarning" | "illustrativeKeys">,
): string {
  const { uitvoerA: a, uitvoerB: b } = lpblOutputs(run);
  const lines: string[] = [];
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
  lines.push("Uitvoer B. Resultaat begroting na 2 jaar (kasstroom in jaar 2 van één jaar aanpak, niet contant)", "");
  const rowsB: string[][] = [["Actor", "Jaar 2"]];
  for (const actor of Object.keys(b.perActor)) rowsB.push([actor, formatEuro(b.perActor[actor] as number)]);
  rowsB.push(["Totaal", formatEuro(Object.values(b.perActor).reduce((x, y) => x + y, 0))]);
  lines.push(textTable(rowsB), "");
  lines.push(`Teamomvang: ingevoerd ${formatNumber(build.fteEntered, 2)} fte; uit bereik × caseload ${formatNumber(build.fteFromCaseload, 2)} fte.`);
  if (build.fteWarning) lines.push(build.fteWarning);
  if (build.illustrativeKeys.length > 0) lines.push(`Let op: berekend met illustratieve kengetallen: ${build.illustrativeKeys.join(", ")}.`);
  return lines.join("\n");
}
