/**
 * The whole registration run (registratie doorrekenen) as one pure function, shared by the task pane's Web Worker
 * (src/taskpane/registrationJob.ts) and `mkba registratie … -o werkmap.xlsx`: read the records (a CSV text, streamed, or
 * a table from a sheet), the optional comparison area, cases and price list; derive MKBA 2.0, measure MKBA 3.0, price
 * the cases; add the scenarios "MKBA 2.0 (registratie)" and "MKBA 3.0 (effectmeting)" to a copy of the model and run
 * them. Nothing leaves the caller: the records are read where they are and only aggregates (suppressed below the
 * threshold) and the scenarios' overrides come out.
 */
import { CompiledModel, ModelRun, runModel, scenarioOverrides } from "../model";
import type { LoadedModel } from "../models";
import { CaseAnalysis, analyseCases, readCases } from "./cases";
import { readComparison } from "./comparison";
import { readRecordsCsv } from "./csv";
import { EffectMeasurement, SCENARIO_3, measureEffects } from "./effect";
import { DEFAULT_THRESHOLD, Measurement } from "./format";
import { householdsOf } from "./households";
import { PriceItem, defaultPriceList, readPriceList } from "./priceList";
import { ReadReport, ReadResult, RecordReader } from "./read";
import { Registration2, SCENARIO_2, ScenarioSpec, deriveRegistration, registrationScenario } from "./registration";
import { effectScenario, withScenarios } from "./scenarios";
import { BOOTSTRAP_DEFAULTS } from "./bootstrap";

export type Table = readonly (readonly string[])[];

export interface RegistrationInput {
  /** The records: a CSV text (read as it is parsed) or a table whose first row holds the headers. */
  readonly records: { readonly csv: string; readonly name: string } | { readonly table: Table; readonly name: string };
  readonly comparison?: Table | null;
  readonly cases?: Table | null;
  readonly prices?: Table | null;
  /** Today as a day number (UTC): a date after it is refused. */
  readonly today: number;
  readonly threshold?: number;
  readonly followUp?: Exclude<Measurement, 0>;
  readonly replicates?: number;
  readonly seed?: number;
  readonly teamFte?: number;
  /** Fraction done (0…1) as the run goes. */
  readonly progress?: (fraction: number) => void;
}

export interface RegistrationRun {
  readonly report: ReadReport;
  readonly comparisonReport: ReadReport | null;
  readonly caseReport: ReadReport | null;
  readonly priceReport: ReadReport | null;
  readonly prices: readonly PriceItem[];
  readonly registration: Registration2;
  readonly effect: EffectMeasurement;
  readonly cases: CaseAnalysis | null;
  readonly scenario2: ScenarioSpec;
  readonly scenario3: ScenarioSpec | null;
  /** The model with both scenarios added (the analyst's inputs untouched). */
  readonly compiled: CompiledModel;
  /** The runs of the plan (the model's base case), of 2.0 and of 3.0. */
  readonly runs: { readonly plan: ModelRun; readonly registration: ModelRun; readonly effect: ModelRun | null };
}

export type RegistrationOutcome = { ok: true; run: RegistrationRun } | { ok: false; what: string; message: string };

/** Reads a table row by row into the record reader, reporting progress every few thousand rows. */
function readTable(table: Table, today: number, progress?: (fraction: number) => void): ReadResult {
  const reader = new RecordReader({ today });
  for (let r = 0; r < table.length; r++) {
    if (reader.push(table[r]!)) break;
    if (progress && r % 5000 === 0) progress(r / table.length);
  }
  return reader.finish();
}

/** The run, or the refusal of one of the files (privacy first: a direct identifier refuses the file, never echoed). */
export function runRegistration(model: LoadedModel, input: RegistrationInput): RegistrationOutcome {
  const lpbl = model.lpbl;
  if (!lpbl) return { ok: false, what: "model", message: "MKBA 2.0 en 3.0 vullen de invoer A–C van het LPBL-model; begin met een LPBL-model." };
  const progress = input.progress ?? (() => undefined);
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  const seed = input.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const replicates = input.replicates ?? BOOTSTRAP_DEFAULTS.replicates;
  progress(0);
  const src = input.records;
  const read = "csv" in src ? readRecordsCsv(src.csv, { today: input.today }, src.name, (f) => progress(0.6 * f)) : readTable(src.table, input.today, (f) => progress(0.6 * f));
  if ("csv" in read) return { ok: false, what: "registratie", message: read.csv };
  if (!read.ok) return { ok: false, what: "registratie", message: read.refusal.message };
  progress(0.6);

  let prices: PriceItem[] = defaultPriceList();
  let priceReport: ReadReport | null = null;
  if (input.prices) {
    const p = readPriceList(input.prices, prices);
    if (!p.ok) return { ok: false, what: "prijslijst", message: p.refusal.message };
    prices = p.items;
    priceReport = p.report;
  }
  const comparison = input.comparison ? readComparison(input.comparison) : null;
  if (comparison && !comparison.ok) return { ok: false, what: "vergelijkingsgebied", message: comparison.refusal.message };
  const cases = input.cases ? readCases(input.cases, prices) : null;
  if (cases && !cases.ok) return { ok: false, what: "casusanalyse", message: cases.refusal.message };

  const households = householdsOf(read.records);
  const registration = deriveRegistration(read.records, lpbl.inputs, { threshold, households, ...(input.teamFte !== undefined ? { teamFte: input.teamFte } : {}) });
  progress(0.7);
  const effect = measureEffects(read.records, comparison?.ok ? comparison.rows : [], { threshold, replicates, seed, households, ...(input.followUp ? { followUp: input.followUp } : {}) });
  progress(0.9);
  const keys = new Set(model.compiled.model.parameters.map((p) => p.key));
  const scenario2 = registrationScenario(registration, keys);
  const scenario3 = effect.hasComparison ? effectScenario(effect, scenario2, keys) : null;
  const extended = withScenarios(model.compiled.model, scenario3 ? [scenario2, scenario3] : [scenario2]);
  if (!extended.ok) return { ok: false, what: "model", message: `interne fout: de scenario's uit de registratie passen niet in het model: ${extended.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}` };
  // Only the three runs shown (the model's other scenarios and sensitivity runs are the model sheets' business).
  const base = extended.compiled.model.metadata.baseScenarioName;
  const runs = new Map<string, ModelRun>();
  for (const name of [base, SCENARIO_2, ...(scenario3 ? [SCENARIO_3] : [])]) {
    const r = runModel(extended.compiled, scenarioOverrides(extended.compiled, name)!, name);
    if (!r.ok) return { ok: false, what: "model", message: r.problems.map((p) => `${name}: ${p.path}: ${p.message}`).join("; ") };
    runs.set(name, r.run);
  }
  const caseAnalysis = cases?.ok ? analyseCases(cases.lines, prices, { replicates, seed }) : null;
  progress(1);
  return {
    ok: true,
    run: {
      report: read.report,
      comparisonReport: comparison?.ok ? comparison.report : null,
      caseReport: cases?.ok ? cases.report : null,
      priceReport,
      prices,
      registration,
      effect: { ...effect, outcomes: effect.outcomes.map(({ replicates: _r, ...rest }) => (void _r, rest)) },
      cases: caseAnalysis,
      scenario2,
      scenario3,
      compiled: extended.compiled,
      runs: { plan: runs.get(base)!, registration: runs.get(SCENARIO_2)!, effect: runs.get(SCENARIO_3) ?? null },
    },
  };
}
