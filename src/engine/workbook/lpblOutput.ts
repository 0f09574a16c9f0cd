/**
 * The LPBL MKBA-tool's output screens in the workbook (seed 001, Bijlage 2; §4.1, §4.5), as formulas over Invoer:
 * - Uitvoer A — the MKBA of one year of approach: NCW of the costs by type and of the benefits by the four categories,
 *   totals, saldo and the three ratios (`MKBA.SCENARIO(Invoer;;"categorie:…")`), with the team-cost warning as a formula;
 * - Uitvoer B — the budget view: the cash flows per actor in year 3 of the running approach, each cell the sum of three
 *   cohorts' cash flows on the sheet *Lopende aanpak*, where every cohort is its parameters (formulas to the model block,
 *   after `cohortAdjustments`, the engine's one description of a cohort) and one `MKBA.SCENARIO(Invoer; cohort;
 *   "kasstromen")` spill. So typing 400 households on Invoer moves Uitvoer B too, and every step can be traced.
 */
import { Analysis, cashFlowCells } from "../model";
import { LPBL_ACTORS, LPBL_BENEFIT_CATEGORIES, LPBL_COST_CATEGORIES, LpblInputs, BUDGET_YEAR, cohortAdjustments, cohortShare, lpblOutputs } from "../models/lpbl";
import { formatNumber } from "../numberFormat";
import { EURO, RATIO, YEAR, expectedKey, spillInto } from "./outputCells";
import { PlanSheet, SheetBuilder, a1, formulaText, sheetPrefix } from "./plan";
import { INVOER, LOPENDE_AANPAK } from "./sheetNames";

export { LOPENDE_AANPAK } from "./sheetNames";

/** Uitvoer A's warning when the team costs are 0 while the team has fte (the formula's text and its expected value). */
const TEAM_COST_WARNING = "LET OP: de teamkosten zijn € 0, terwijl het team fte telt; de ratio's zijn daardoor te hoog (seed 001, §4.2). Vul de kosten per fte in.";

/**
 * Writes Uitvoer A and B at the builder's current row and returns the Lopende aanpak sheet they read. `parameterCells`
 * are the model block's value cells by parameter key.
 */
export function lpblOutputBlocks(
  uitvoer: SheetBuilder,
  analysis: Analysis,
  inputs: LpblInputs,
  parameterCells: ReadonlyMap<string, { row: number; column: number }>,
  expected: Map<string, number | string>,
): PlanSheet {
  const { compiled } = analysis;
  const base = analysis.scenarios[0]!;
  const outputs = lpblOutputs(base, compiled, { fteEntered: inputs.costs.teamFte, runningApproach: inputs.runningApproach });
  const parameter = (k: string) => `${sheetPrefix(INVOER)}${a1(parameterCells.get(k)!.row, parameterCells.get(k)!.column, true)}`;
  const at = (row: number, column: number, value: number | string) => expected.set(expectedKey(uitvoer.name, row, column), value);
  const scenario = (outcome: string) => `MKBA.SCENARIO(Invoer,,${formulaText(outcome)})`;

  // Uitvoer A.
  uitvoer.addRow([{ value: `Uitvoer A. MKBA: kosten en baten van één jaar aanpak (NCW; ${base.scenario})`, style: "section" }]);
  const warningRow = uitvoer.addRow([
    {
      // IFERROR: where the add-in is not loaded (a viewer, Excel without it) the warning stays empty instead of #NAME?.
      formula: `=IFERROR(IF(AND(${scenario("categorie:Kosten team")}=0,${parameter("fte_team")}>0),${formulaText(TEAM_COST_WARNING)},""),"")`,
      style: "warning",
    },
  ]);
  at(warningRow, 0, outputs.teamCostWarning ? TEAM_COST_WARNING : "");
  uitvoer.addRow([{ value: "Kosten", style: "heading" }, { value: "NCW", style: "heading" }]);
  const line = (label: string, formula: string, value: number | null, format = EURO, style: "output" | "total" = "output") => {
    const row = uitvoer.addRow([{ value: label, style: style === "total" ? "total" : "label" }, { formula, numberFormat: format, style }]);
    at(row, 1, value === null ? "#DIV/0!" : value);
  };
  for (const c of LPBL_COST_CATEGORIES) line(`  ${c}`, `=-${scenario(`categorie:${c}`)}`, outputs.uitvoerA.kosten[c]);
  line("Totale kosten", `=${scenario("kosten")}`, outputs.uitvoerA.totaleKosten, EURO, "total");
  uitvoer.addRow([{ value: "Baten", style: "heading" }, { value: "NCW", style: "heading" }]);
  for (const c of LPBL_BENEFIT_CATEGORIES) line(`  ${c}`, `=${scenario(`categorie:${c}`)}`, outputs.uitvoerA.baten[c]);
  line("Totale baten", `=${scenario("baten")}`, outputs.uitvoerA.totaleBaten, EURO, "total");
  line("Saldo (baten − kosten)", `=${scenario("saldo")}`, outputs.uitvoerA.saldo, EURO, "total");
  line("Maatschappelijke baten-kostenratio", `=${scenario("ratio")}`, outputs.uitvoerA.ratios.social, RATIO);
  line("Financiële baten-kostenratio", `=${scenario("ratio_financieel")}`, outputs.uitvoerA.ratios.financial, RATIO);
  line("Gemeentelijke baten-kostenratio", `=${scenario("ratio_gemeentelijk")}`, outputs.uitvoerA.ratios.municipal, RATIO);
  uitvoer.skip();

  // The cohorts of year 3 on Lopende aanpak.
  const { buildUpYears } = inputs.runningApproach;
  const lopende = new SheetBuilder(LOPENDE_AANPAK, "De lopende aanpak (seed 001, Figuur 4.8): elk cohort als aanpassingen van parameters en zijn kasstromen, de bron van Uitvoer B.");
  lopende.addRow([{ value: "Lopende aanpak — de cohorten achter Uitvoer B", style: "title" }]);
  lopende.addRow([
    {
      value: `Elk jaar start een cohort huishoudens; in ${buildUpYears} jaar groeit de aanpak naar zijn volledige omvang (seed 001, Figuur 4.8). Alleen financiële stromen, niet contant. Uitvoer B telt de kasstromen van de cohorten in jaar ${BUDGET_YEAR + 1} op.`,
      style: "note",
    },
  ]);
  lopende.skip();
  const cohorts = Math.min(BUDGET_YEAR + 1, inputs.runningApproach.years);
  const flowTops: number[] = [];
  for (let c = 0; c < cohorts; c++) {
    const share = cohortShare(c, buildUpYears);
    lopende.addRow([{ value: `Cohort ${c + 1}: start in jaar ${c + 1}, ${formatNumber(share * 100, 0)}% van de volledige aanpak`, style: "section" }]);
    lopende.addRow(["Parameter", "Waarde", "Toelichting"].map((value) => ({ value, style: "heading" as const })));
    const blockTop = lopende.row;
    const adjustments = cohortAdjustments(c, buildUpYears);
    for (const a of adjustments) {
      const v = parameter(a.key);
      const formula = a.kind === "deel" ? `=${v}*${a.share}` : a.kind === "groei" ? `=1-(1-${v})*${a.share}` : "=0";
      lopende.addRow([{ value: a.key, style: "label" }, { formula, style: "output" }, { value: a.reason, style: "note" }]);
    }
    lopende.skip();
    const flowsTop = lopende.row;
    flowTops.push(flowsTop);
    const block = `${a1(blockTop, 0)}:${a1(blockTop + adjustments.length - 1, 1)}`;
    spillInto(lopende, flowsTop, `=MKBA.SCENARIO(Invoer,${block},"kasstromen")`, cashFlowCells(outputs.cohortRuns[c]!, compiled.model), expected, [YEAR]);
    lopende.skip();
  }
  lopende.width(0, 44).width(1, 16).width(2, 16);
  for (let c = 3; c < 4 + LPBL_ACTORS.length; c++) lopende.width(c, 16);

  // Uitvoer B: per actor the sum of the cohorts' cash flows in the budget year (column 4 + actor index of each spill).
  uitvoer.addRow([{ value: `Uitvoer B. Resultaat begroting na ${BUDGET_YEAR} jaar: kasstromen in jaar ${BUDGET_YEAR + 1} van de lopende aanpak (alleen financieel, niet contant; zie ${LOPENDE_AANPAK})`, style: "section" }]);
  uitvoer.addRow([{ value: "Actor", style: "heading" }, { value: "Kasstroom", style: "heading" }]);
  const actorCell = new Map<string, string>();
  const actorLine = (name: string, label: string, style: "output" | "total" = "output") => {
    const i = LPBL_ACTORS.findIndex((a) => a.name === name);
    const terms = flowTops.map((top, c) => `${sheetPrefix(LOPENDE_AANPAK)}${a1(top + 1 + BUDGET_YEAR - c, 4 + i)}`);
    const row = uitvoer.addRow([{ value: label, style: style === "total" ? "total" : "label" }, { formula: `=${terms.join("+")}`, numberFormat: EURO, style }]);
    actorCell.set(name, a1(row, 1));
    at(row, 1, outputs.uitvoerB.perActor[name] ?? 0);
  };
  const municipal = LPBL_ACTORS.filter((a) => a.municipal).map((a) => a.name);
  for (const name of municipal) actorLine(name, `  ${name}`);
  const gemeenteRow = uitvoer.addRow([
    { value: "Gemeente (subtotaal: direct te vertalen naar de begroting)", style: "total" },
    { formula: `=${municipal.map((n) => actorCell.get(n)).join("+")}`, numberFormat: EURO, style: "total" },
  ]);
  at(gemeenteRow, 1, outputs.uitvoerB.gemeente);
  for (const a of LPBL_ACTORS.filter((x) => !x.municipal)) actorLine(a.name, a.name);
  const totalRow = uitvoer.addRow([
    { value: "Totaal", style: "total" },
    { formula: `=${a1(gemeenteRow, 1)}+${LPBL_ACTORS.filter((x) => !x.municipal).map((a) => actorCell.get(a.name)).join("+")}`, numberFormat: EURO, style: "total" },
  ]);
  at(totalRow, 1, outputs.uitvoerB.totaal);
  uitvoer.skip();
  return lopende.build();
}
