/**
 * The LPBL MKBA-tool's output screens in the workbook (seed 001, Bijlage 2; §4.1, §4.5), as formulas over Invoer:
 * - Uitvoer A — the MKBA of one year of approach: NCW of the costs by type and of the benefits by the four categories,
 *   totals, saldo and the three ratios (read from the sheet Rekenkern, resultTable.ts), with the team-cost warning as a
 *   formula; beside the ratios the team against the reach (needed fte, entered fte, households served — formulas over
 *   the screen — and the saldo and ratios at the needed fte, a run of its own on Rekenkern) and the three assumptions
 *   the saldo depends on most, each with the saldo at both ends of its range on the Onzekerheid sheet (runs on
 *   Rekenkern too: `extraRuns`, evaluated by the one "alles" call);
 * - Uitvoer B — the budget view: the cash flows per actor in the year of the running approach that the screen's
 *   "Uitvoer B (begroting)" names, each cell the sum over the cohorts on the sheet *Lopende aanpak* of that year's row,
 *   where the cohorts are one block of runs (their parameters: formulas to the model block and to the build-up on the
 *   screen, after `cohortAdjustments`, the engine's one description of a cohort) and one `MKBA.SCENARIO(Invoer; cohorts;
 *   "kasstromen")` spill of their cash flows one under another. So typing 400 households, another budget year or
 *   another build-up on Invoer moves Uitvoer B and its title too, and every step can be traced.
 */
import { Analysis, runModel, stackedCashFlowCells } from "../model";
import { BUDGET_MAX_YEAR, FTE_NEEDED, LPBL_ACTORS, LpblDriver, LPBL_BENEFIT_CATEGORIES, LPBL_COST_CATEGORIES, LpblInputs, SERVED_FACTOR, UITVOER_B_TITLE, cohortAdjustments, lpblOutputs, saldoWith, uitvoerBTitle } from "../models/lpbl";
import { EURO, RATIO, YEAR, expectedKey, spillInto } from "./outputCells";
import { PlanResult, PlanSheet, SheetBuilder, a1, formulaText, rangeAddress, sheetPrefix } from "./plan";
import { screenFieldReference, screenFormula } from "./lpblScreen";
import { INVOER, LOPENDE_AANPAK, ONZEKERHEID, UITVOER } from "./sheetNames";
import { uncertaintyRowOf, UNCERTAINTY_COLUMNS } from "./uncertaintyPlan";
import { ExtraRun, resultLookup } from "./resultTable";
import type { WrittenChoices } from "./modelPlan";

export { LOPENDE_AANPAK } from "./sheetNames";

/** Uitvoer A's warning when the team costs are 0 while the team has fte (the formula's text and its expected value). */
const TEAM_COST_WARNING = "LET OP: de teamkosten zijn € 0, terwijl het team fte telt; de ratio's zijn daardoor te hoog (seed 001, §4.2). Vul de kosten per fte in.";
/** Uitvoer A's notes on the team against the reach (formula texts without numbers, so that every Excel shows them alike). */
export const TEAM_TOO_SMALL = "Let op: het team is kleiner dan bereik × caseload vraagt; het bedient alleen de bediende huishoudens hierboven, en alleen voor hen rekent het model effecten en trajecten.";
export const TEAM_TOO_LARGE = "Let op: het team is meer dan 10% groter dan bereik × caseload vraagt; de extra fte kosten geld zonder extra effect in het model.";

/** The run "at the needed fte" and the drivers' runs on Rekenkern. */
export const AT_NEEDED_FTE = "bij de benodigde fte";
const driverRun = (i: number, end: "laag" | "hoog") => `invloed ${i + 1} ${end}`;

/**
 * Writes Uitvoer A and B at the builder's current row and returns the Lopende aanpak sheet they read, the runs that
 * Rekenkern evaluates for Uitvoer A (`extraRuns`) and the key results the task pane shows (needed and entered fte,
 * households served, the three drivers). `parameterCells` are the model block's value cells by parameter key.
 */
export function lpblOutputBlocks(
  uitvoer: SheetBuilder,
  analysis: Analysis,
  inputs: LpblInputs,
  parameterCells: ReadonlyMap<string, { row: number; column: number }>,
  expected: Map<string, number | string>,
  written?: WrittenChoices,
): { lopende: PlanSheet; results: PlanResult[]; extraRuns: ExtraRun[] } {
  const { compiled } = analysis;
  const base = analysis.scenarios[0]!;
  const outputs = lpblOutputs(base, compiled, { runningApproach: inputs.runningApproach, budget: inputs.budget });
  const parameter = (k: string) => `${sheetPrefix(INVOER)}${a1(parameterCells.get(k)!.row, parameterCells.get(k)!.column, true)}`;
  const at = (row: number, column: number, value: number | string) => expected.set(expectedKey(uitvoer.name, row, column), value);
  const scenario = (outcome: string) => resultLookup("scenario", base.scenario, outcome);
  const extraRuns: ExtraRun[] = [];
  /** A run on Rekenkern: one override on the base case, its value a formula to a cell of Uitvoer. */
  const extraRun = (name: string, parameterKey: string, row: number, column: number, value: number): void => {
    const r = runModel(compiled, { [parameterKey]: value }, name);
    if (!r.ok) throw new Error(`${name}: ${r.problems[0]?.message}`);
    extraRuns.push({ name, overrides: [{ parameter: parameterKey, formula: `=${sheetPrefix(UITVOER)}${a1(row, column, true)}`, value }], run: r.run });
  };
  const results: PlanResult[] = [];
  const cell = (row: number, column: number) => ({ sheet: UITVOER, row, column });

  // Uitvoer A.
  uitvoer.addRow([{ value: `Uitvoer A. MKBA: kosten en baten van één jaar aanpak (NCW; prijspeil 2014; ${base.scenario})`, style: "section" }]);
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
    return row;
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

  // The team against the reach, beside the ratios (src/engine/models/lpbl/capacity.ts).
  const team = outputs.uitvoerA.team;
  uitvoer.addRow([{ value: "Teamomvang en bereik (seed 001, regels 496 en 946)", style: "heading" }, { value: "", style: "heading" }]);
  const neededRow = line("  Benodigde fte (bereik × caseload)", screenFormula(FTE_NEEDED, UITVOER), team.fteNeeded, "0.00");
  const enteredRow = line("  Ingevoerde fte", `=${screenFieldReference("costs.teamFte")}`, team.fteEntered, "0.00");
  const servedRow = line("  Bediende huishoudens (ingevoerd × bediend aandeel)", `=${screenFieldReference("reach.households")}*${screenFormula(SERVED_FACTOR.expression, UITVOER).slice(1)}`, team.householdsServed, "#,##0.0");
  const noteRow = uitvoer.addRow([
    { formula: `=IF(B${enteredRow + 1}<B${neededRow + 1}*(1-0.000000001),${formulaText(TEAM_TOO_SMALL)},IF(B${enteredRow + 1}>B${neededRow + 1}*1.1,${formulaText(TEAM_TOO_LARGE)},""))`, style: "warning" },
  ]);
  at(noteRow, 0, team.fteEntered < team.fteNeeded * (1 - 1e-9) ? TEAM_TOO_SMALL : team.fteEntered > team.fteNeeded * 1.1 ? TEAM_TOO_LARGE : "");
  // The same model with the team at the needed fte (fte_team = the needed fte above): a run of its own on Rekenkern.
  extraRun(AT_NEEDED_FTE, "fte_team", neededRow, 1, team.fteNeeded);
  const atNeeded = (outcome: string) => `=${resultLookup("run", AT_NEEDED_FTE, outcome)}`;
  line("  Saldo bij de benodigde fte", atNeeded("saldo"), team.atNeededFte.saldo);
  line("  Maatschappelijke ratio bij de benodigde fte", atNeeded("ratio"), team.atNeededFte.ratios.social, RATIO);
  line("  Financiële ratio bij de benodigde fte", atNeeded("ratio_financieel"), team.atNeededFte.ratios.financial, RATIO);
  line("  Gemeentelijke ratio bij de benodigde fte", atNeeded("ratio_gemeentelijk"), team.atNeededFte.ratios.municipal, RATIO);
  results.push(
    { id: "fte_nodig", label: "Benodigde fte (bereik × caseload)", format: "getal", cell: cell(neededRow, 1) },
    { id: "fte_ingevoerd", label: "Ingevoerde fte", format: "getal", cell: cell(enteredRow, 1) },
    { id: "hh_bediend", label: "Bediende huishoudens", format: "getal", cell: cell(servedRow, 1) },
  );

  // The three assumptions the saldo depends on most, over the ranges on the Onzekerheid sheet (chosen when the workbook
  // was written; the ranges and the saldos are formulas).
  const drivers = written?.drivers ? writtenDrivers(analysis, written.drivers) : outputs.uitvoerA.drivers;
  if (drivers.length > 0) {
    const rowOf = uncertaintyRowOf(compiled.model, written?.uncertaintyOrder);
    uitvoer.addRow([{ value: "Het saldo hangt het meest af van (bandbreedte: blad Onzekerheid; de keuze van de drie is van het schrijven van de werkmap)", style: "heading" }, { value: "", style: "heading" }, { value: "Sleutel", style: "heading" }, { value: "Waarde", style: "heading" }, { value: "Saldo", style: "heading" }]);
    drivers.forEach((d, i) => {
      const r = rowOf.get(d.key)!;
      const bound = (column: number) => `=${sheetPrefix(ONZEKERHEID)}${a1(r, column, true)}`;
      const saldoOf = (end: "laag" | "hoog") => `=${resultLookup("run", driverRun(i, end), "saldo")}`;
      const low = uitvoer.addRow([{ value: `${i + 1}. ${d.label}`, style: "label" }, { value: "laag", style: "note" }, { value: d.key, style: "note" }, { formula: bound(UNCERTAINTY_COLUMNS.min), numberFormat: "#,##0.####", style: "output" }, { formula: saldoOf("laag"), numberFormat: EURO, style: "output" }]);
      const high = uitvoer.addRow([null, { value: "hoog", style: "note" }, { value: d.key, style: "note" }, { formula: bound(UNCERTAINTY_COLUMNS.max), numberFormat: "#,##0.####", style: "output" }, { formula: saldoOf("hoog"), numberFormat: EURO, style: "output" }]);
      extraRun(driverRun(i, "laag"), d.key, low, 3, d.low);
      extraRun(driverRun(i, "hoog"), d.key, high, 3, d.high);
      at(low, 3, d.low);
      at(high, 3, d.high);
      if (d.saldoLow !== null) at(low, 4, d.saldoLow);
      if (d.saldoHigh !== null) at(high, 4, d.saldoHigh);
      results.push({ id: `invloed_${i + 1}` as PlanResult["id"], label: `Grootste invloed op het saldo (${i + 1})`, format: "tekst", cell: cell(low, 0) });
    });
  }
  uitvoer.skip();

  // The cohorts of the budget view on Lopende aanpak: BUDGET_MAX_YEAR of them, so that any budget year on the screen
  // has its cohorts; their share of the full approach follows the build-up on the screen.
  const year = screenFieldReference("budget.year");
  const buildUp = screenFieldReference("budget.buildUpYears");
  const lopende = new SheetBuilder(LOPENDE_AANPAK, "De lopende aanpak (seed 001, Figuur 4.8): elk cohort als aanpassingen van parameters en zijn kasstromen, de bron van Uitvoer B.");
  lopende.addRow([{ value: "Lopende aanpak — de cohorten achter Uitvoer B", style: "title" }]);
  lopende.addRow([
    {
      value: `Elk jaar start een cohort huishoudens; het aandeel van de volledige aanpak volgt de opbouw op Invoer (Uitvoer B (begroting)). Alleen financiële stromen, niet contant. Uitvoer B telt de kasstromen van de cohorten in het begrotingsjaar op.`,
      style: "note",
    },
  ]);
  lopende.skip();
  // Every cohort's parameters as one block of runs (naam | parameter | waarde), then their cash flows one under another.
  const horizon = compiled.model.metadata.horizon;
  const cohortName = (c: number) => `Cohort ${c + 1}`;
  lopende.addRow(["Cohort", "Parameter", "Waarde", "Toelichting"].map((value) => ({ value, style: "heading" as const })));
  const blockTop = lopende.row;
  for (let c = 0; c < BUDGET_MAX_YEAR; c++) {
    const share = `MIN(1,${c + 1}/${buildUp})`;
    for (const a of cohortAdjustments(c, inputs.budget.buildUpYears)) {
      const v = parameter(a.key);
      const formula = a.kind === "deel" ? `=${v}*${share}` : a.kind === "groei" ? `=1-(1-${v})*${share}` : "=0";
      lopende.addRow([{ value: cohortName(c), style: "label" }, { value: a.key }, { formula, style: "output" }, { value: a.reason, style: "note" }]);
    }
  }
  const cohortBlock = rangeAddress({ row: blockTop, column: 0, rowCount: lopende.row - blockTop, columnCount: 3 });
  lopende.skip();
  const shares = Array.from({ length: BUDGET_MAX_YEAR }, (_, c) => `${cohortName(c)}: start in jaar ${c + 1}, ${Math.round(Math.min(1, (c + 1) / inputs.budget.buildUpYears) * 100)}% van de volledige aanpak`);
  const sharesRow = lopende.addRow([{ formula: `=${Array.from({ length: BUDGET_MAX_YEAR }, (_, c) => `"${cohortName(c)}: start in jaar ${c + 1}, "&ROUND(MIN(1,${c + 1}/${buildUp})*100,0)&"% van de volledige aanpak"`).join('&"; "&')}`, style: "note" }]);
  expected.set(expectedKey(LOPENDE_AANPAK, sharesRow, 0), shares.join("; "));
  lopende.skip();
  const flowsTop = lopende.row;
  spillInto(lopende, flowsTop, `=MKBA.SCENARIO(Invoer,${cohortBlock},"kasstromen")`, stackedCashFlowCells(outputs.cohortRuns.map((run, c) => ({ name: cohortName(c), run })), compiled.model), expected, [undefined, YEAR]);
  lopende.skip();
  lopende.width(0, 24).width(1, 26).width(2, 16).width(3, 16);
  for (let c = 4; c < 5 + LPBL_ACTORS.length; c++) lopende.width(c, 16);

  // Uitvoer B: per actor, for every cohort started by the budget year, its cash flow in that year (INDEX into the
  // cohorts' spill, where cohort c's years follow c × horizon rows of earlier cohorts: year Y of the approach is year
  // Y − c of cohort c).
  const b = outputs.uitvoerB;
  const titleRow = uitvoer.addRow([{ formula: uitvoerBTitleFormula(year, buildUp), style: "section" }]);
  at(titleRow, 0, uitvoerBTitle(b.jaar + 1, b.buildUpYears));
  uitvoer.addRow([{ value: "Actor", style: "heading" }, { value: "Kasstroom", style: "heading" }]);
  const actorCell = new Map<string, string>();
  const actorLine = (name: string, label: string, style: "output" | "total" = "output") => {
    const i = LPBL_ACTORS.findIndex((a) => a.name === name);
    // The spill's columns: run, year, costs, benefits, saldo, then the actors.
    const column = 5 + i;
    const range = `${sheetPrefix(LOPENDE_AANPAK)}${a1(flowsTop + 1, column, true)}:${a1(flowsTop + BUDGET_MAX_YEAR * horizon, column, true)}`;
    const terms = Array.from({ length: BUDGET_MAX_YEAR }, (_, c) => `IF(${year}>${c},INDEX(${range},${c * horizon}+${year}-${c}),0)`);
    const row = uitvoer.addRow([{ value: label, style: style === "total" ? "total" : "label" }, { formula: `=${terms.join("+")}`, numberFormat: EURO, style }]);
    actorCell.set(name, a1(row, 1));
    at(row, 1, b.perActor[name] ?? 0);
  };
  const municipal = LPBL_ACTORS.filter((a) => a.municipal).map((a) => a.name);
  for (const name of municipal) actorLine(name, `  ${name}`);
  const gemeenteRow = uitvoer.addRow([
    { value: "Gemeente (subtotaal: direct te vertalen naar de begroting)", style: "total" },
    { formula: `=${municipal.map((n) => actorCell.get(n)).join("+")}`, numberFormat: EURO, style: "total" },
  ]);
  at(gemeenteRow, 1, b.gemeente);
  for (const a of LPBL_ACTORS.filter((x) => !x.municipal)) actorLine(a.name, a.name);
  const totalRow = uitvoer.addRow([
    { value: "Totaal", style: "total" },
    { formula: `=${a1(gemeenteRow, 1)}+${LPBL_ACTORS.filter((x) => !x.municipal).map((a) => actorCell.get(a.name)).join("+")}`, numberFormat: EURO, style: "total" },
  ]);
  at(totalRow, 1, b.totaal);
  uitvoer.skip();
  return { lopende: lopende.build(), results, extraRuns };
}

/**
 * The drivers as a workbook names them, with the bounds it shows (its Onzekerheid cells): the saldos are the engine's
 * at exactly those bounds. The model's own ranking may have changed since the sheets were written (other inputs).
 */
function writtenDrivers(analysis: Analysis, drivers: NonNullable<WrittenChoices["drivers"]>): LpblDriver[] {
  const { compiled } = analysis;
  // As the drivers' runs on Rekenkern: one override on the base case.
  const saldo = (key: string, value: number) => saldoWith(compiled, analysis.scenarios[0]!.scenario, key, value);
  return drivers.map((d) => {
    const p = compiled.model.parameters.find((x) => x.key === d.key)!;
    const saldoLow = saldo(d.key, d.low);
    const saldoHigh = saldo(d.key, d.high);
    return { key: d.key, label: p.label !== "" ? p.label : p.key, low: d.low, high: d.high, saldoLow, saldoHigh, swing: Math.abs((saldoHigh ?? 0) - (saldoLow ?? 0)) };
  });
}

/** Uitvoer B's title as a formula over the budget year and build-up on Invoer: the pieces of uitvoerBTitle. */
function uitvoerBTitleFormula(year: string, buildUp: string): string {
  const t = UITVOER_B_TITLE;
  const q = formulaText;
  return `=${q(t.start)}&${year}&${q(t.afterYear)}&(${year}-1)&${q(t.afterYearsSinceStart)}&IF(${buildUp}=1,${q(t.noBuildUp)},${q(t.buildUpBefore)}&${buildUp}&${q(t.buildUpAfter)})&${q(t.cohorts)}&${year}&${q(t.end)}`;
}
