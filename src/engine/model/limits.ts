/**
 * Limits (grenzen) of what a model, a cell block or a function argument may hold. Each is far beyond any MKBA an
 * analyst makes (the largest published ones have tens of effects over 10–50 years), and each keeps one call within
 * bounded memory and a time budget of a second or two, so that a hostile or mistyped input is answered with a Dutch
 * message that names the field or cell — never a hung or crashed Excel runtime. docs/model-format.md lists them.
 */
import { formatDutch } from "../numberFormat";

export const LIMITS = {
  /** Years in a model (looptijd) and the highest `jaar N` column in a cell block. */
  horizon: 200,
  parameters: 5_000,
  actors: 100,
  categories: 200,
  effects: 2_000,
  scenarios: 50,
  sensitivityRuns: 200,
  /** Overrides in one scenario or sensitivity run. */
  overrides: 5_000,
  /** Characters in a name (effect, actor, category, scenario, parameter key). */
  name: 200,
  /** Characters in a parameter expression. */
  expression: 2_000,
  /** Characters in a free text (description, source, label). */
  text: 10_000,
  /** Effect-years (Σ of each effect's years) in one run of the model. */
  effectYearsPerRun: 100_000,
  /** Effect-years × runs (base case, scenarios, sensitivity runs) of a whole analysis. */
  effectYearRuns: 2_000_000,
  /** Cells in a range passed to an MKBA.* function (MKBA.NCW over a column of a million cells still answers in about a second). */
  rangeCells: 1_000_000,
  /** Cells in a model block read by MKBA.SCENARIO. */
  modelCells: 200_000,
  /** Years (cells) in the flows of MKBA.INTERNRENDEMENT. */
  irrYears: 1_000,
  /** Candidate names searched for a "bedoelt u …?" suggestion. */
  suggestionCandidates: 2_000,
} as const;

/** A count in Dutch with a thousands dot: 100000 → "100.000". */
export function formatCount(n: number): string {
  return formatDutch(n, 0, 3); // Intl's defaults: at most 3 decimals
}
