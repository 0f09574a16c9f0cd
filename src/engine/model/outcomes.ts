/**
 * The scalar outcomes of a run (uitkomsten) — saldo, baten, kosten, the three ratios, the payback year, each actor's
 * saldo and each category's NCW — and all of them for every run of an analysis in one table, keyed (sleutel →
 * waarde). `MKBA.SCENARIO(model; scenario; uitkomst)` gives one outcome; `MKBA.SCENARIO(model; [runs]; "alles")`
 * spills the whole table, so that a workbook evaluates each model once per recalculation and its output screens read
 * the table with INDEX/MATCH (src/engine/workbook/resultTable.ts).
 */
import { CellError, cellError } from "../errors";
import { Analysis } from "./analysis";
import { ModelRun, Ratio } from "./evaluate";
import { Model } from "./schema";

/** A category's outcome: "categorie:NAAM" (its signed NCW for society, as in Tabel 1.6 of seed 000). */
export const CATEGORY_PREFIX = "categorie:";

/** The fixed scalar outcomes, in table order. */
export const SCALAR_OUTCOMES = ["saldo", "baten", "kosten", "ratio", "ratio_financieel", "ratio_gemeentelijk", "terugverdienjaar"] as const;

/** A sensitivity run's extra outcome: its saldo minus the saldo of the scenario it varies. */
export const DELTA_SALDO = "Δsaldo";

export type OutcomeValue = number | CellError;

/** −0 shows as 0. */
const cellNumber = (x: number): number => (x === 0 ? 0 : x);

function ratioOutcome(r: Ratio, what: string): OutcomeValue {
  return r.value === null ? cellError("#DIV/0!", `${what}: ${r.reason}.`) : cellNumber(r.value);
}

/** Every scalar outcome of a run by its name, in table order (the names MKBA.SCENARIO's uitkomst takes). */
export function runOutcomes(run: ModelRun, model: Model): [string, OutcomeValue][] {
  return [
    ["saldo", cellNumber(run.saldo)],
    ["baten", cellNumber(run.benefits)],
    ["kosten", cellNumber(run.costs)],
    ["ratio", ratioOutcome(run.ratios.social, "ratio")],
    ["ratio_financieel", ratioOutcome(run.ratios.financial, "ratio_financieel")],
    ["ratio_gemeentelijk", ratioOutcome(run.ratios.municipal, "ratio_gemeentelijk")],
    ["terugverdienjaar", run.paybackYear.year === null ? cellError("#N/A", `terugverdienjaar: ${run.paybackYear.reason}.`) : run.paybackYear.year],
    ...model.actors.map((a): [string, OutcomeValue] => [a.name, cellNumber(run.byActor.get(a.name)!)]),
    ...model.categories.map((c): [string, OutcomeValue] => [`${CATEGORY_PREFIX}${c.name}`, cellNumber(run.byCategory.get(c.name)!)]),
  ];
}

/** The groups of runs in the table: the model's scenarios (the base case first), its sensitivity runs, and runs given beside it. */
export type OutcomeGroup = "scenario" | "gevoeligheid" | "run";

/** " › ": between group, run and outcome in a key ("scenario › Basisvariant › saldo"). */
export const KEY_SEPARATOR = " › ";

/** The key of one outcome of one run in the table. */
export const outcomeKey = (group: OutcomeGroup, run: string, outcome: string) => [group, run, outcome].join(KEY_SEPARATOR);

/**
 * The table of every outcome of every run: the analysis's scenarios and sensitivity runs (these with Δsaldo too), then
 * `extra` runs by their name. One row per outcome: [sleutel, waarde].
 */
export function outcomeTable(analysis: Analysis, extra: readonly ModelRun[] = []): [string, OutcomeValue][] {
  const { model } = analysis.compiled;
  const rows: [string, OutcomeValue][] = [];
  const add = (group: OutcomeGroup, run: ModelRun, name = run.scenario) => {
    for (const [outcome, value] of runOutcomes(run, model)) rows.push([outcomeKey(group, name, outcome), value]);
  };
  for (const run of analysis.scenarios) add("scenario", run);
  for (const s of analysis.sensitivity) {
    add("gevoeligheid", s.run, s.name);
    rows.push([outcomeKey("gevoeligheid", s.name, DELTA_SALDO), cellNumber(s.deltaSaldo)]);
  }
  for (const run of extra) add("run", run);
  return rows;
}
