/**
 * `MKBA.SCENARIO(model; [scenario]; [uitkomst])` — an outcome of a whole MKBA model laid out in the workbook
 * (src/engine/layout/workbookLayout.ts). Pure: everything comes in through the arguments, so Excel sees every
 * dependency. A parsed model is remembered per content (a small cache), so a sheet of SCENARIO formulas over one
 * model reads it once per change, not once per cell.
 */
import { CellRange, CellValue, describeValue, isBlank, isCellError, propagate, toRange, toScalar } from "../../engine/cells";
import { CellError, cellError } from "../../engine/errors";
import { cellsToModel } from "../../engine/layout/workbookLayout";
import { CompiledModel, ModelRun, Ratio, actorTableCells, cashFlowCells, nearest, overviewCells, runModel, scenarioOverrides, validateModel } from "../../engine/model";
import { LIMITS, formatCount } from "../../engine/model/limits";
import { FunctionResult } from "../arguments";
import { SheetFunction, optional, required } from "../sheetFunction";

/** The outcomes that spill a table; every other outcome is one cell. */
const TABLE_OUTCOMES = ["tabel", "overzicht", "kasstromen"] as const;
export const OUTCOMES = ["saldo", "baten", "kosten", "ratio", "ratio_financieel", "ratio_gemeentelijk", "terugverdienjaar", ...TABLE_OUTCOMES] as const;
const spills: ReadonlySet<string> = new Set(TABLE_OUTCOMES);

/** `"categorie:NAAM"`: a category's signed NCW for society (costs negative, transfers 0), as in Tabel 1.6 of seed 000. */
const CATEGORY_PREFIX = "categorie:";

const CACHE_SIZE = 16;
const compiledCache = new Map<string, { compiled: CompiledModel; runs: Map<string, ModelRun> } | CellError>();

function invalid(message: string): CellError {
  return cellError("#VALUE!", message);
}

function listProblems(problems: readonly { path: string; message: string }[], locate: (p: string) => string = (p) => p): string {
  const first = problems.slice(0, 3).map((p) => `${locate(p.path)}: ${p.message}`).join("; ");
  return `model: ${first}${problems.length > 3 ? ` (en nog ${problems.length - 3} andere)` : ""}.`;
}

function compiledModel(range: CellRange): { compiled: CompiledModel; runs: Map<string, ModelRun> } | CellError {
  const key = JSON.stringify(range);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  let entry: { compiled: CompiledModel; runs: Map<string, ModelRun> } | CellError;
  const read = cellsToModel(range);
  if (!read.ok) entry = invalid(listProblems(read.problems));
  else {
    const v = validateModel(read.model);
    entry = v.ok ? { compiled: v.compiled, runs: new Map() } : invalid(listProblems(v.problems, read.locate));
  }
  if (compiledCache.size >= CACHE_SIZE) compiledCache.delete(compiledCache.keys().next().value as string);
  compiledCache.set(key, entry);
  return entry;
}

function suggestion(value: string, known: readonly string[]): string {
  const near = nearest(value, known, 3);
  return near.length > 0 ? ` Bedoelt u ${near.map((n) => `"${n}"`).join(" of ")}?` : ` Mogelijk: ${known.map((k) => `"${k}"`).join(", ")}.`;
}

/** The scenario argument: blank → base case; a name → that scenario; a two-column range → key/value overrides. */
function runFor(entry: { compiled: CompiledModel; runs: Map<string, ModelRun> }, scenario: CellValue | CellRange): ModelRun | CellError {
  const { compiled } = entry;
  const base = compiled.model.metadata.baseScenarioName;
  let name = base;
  let overrides: Record<string, number> = {};
  if (Array.isArray(scenario)) {
    const keys = new Set(compiled.model.parameters.map((p) => p.key));
    for (const [r, row] of scenario.entries()) {
      const [key, value] = row;
      if (isBlank(key) && isBlank(value)) continue;
      if (row.length < 2 || typeof key !== "string" || !keys.has(key.trim())) {
        const k = typeof key === "string" ? key.trim() : describeValue(key);
        return invalid(`scenario: rij ${r + 1}: onbekende parameter "${k}".${suggestion(k, [...keys])}`);
      }
      if (typeof value !== "number" || !Number.isFinite(value)) return invalid(`scenario: rij ${r + 1}, parameter "${key.trim()}": ${describeValue(value)} is geen getal.`);
      overrides[key.trim()] = value;
    }
    name = `${base} met ${Object.keys(overrides).length} aanpassing(en)`;
  } else if (!isBlank(scenario)) {
    if (isCellError(scenario)) return propagate(scenario, "scenario");
    const wanted = String(scenario).trim();
    const names = [base, ...compiled.model.scenarios.map((s) => s.name)];
    const found = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
    if (!found) return invalid(`scenario: onbekend scenario "${wanted}".${suggestion(wanted, names)}`);
    name = found;
    overrides = { ...scenarioOverrides(compiled, found) };
  }
  const cacheKey = Array.isArray(scenario) ? JSON.stringify(overrides) : name;
  const cached = entry.runs.get(cacheKey);
  if (cached) return cached;
  const r = runModel(compiled, overrides, name);
  if (!r.ok) return invalid(listProblems(r.problems));
  entry.runs.set(cacheKey, r.run);
  return r.run;
}

/** A run's figure in a cell (a finite double: a figure beyond ±1,8·10^308 is a problem of the run); −0 shows as 0. */
const cellNumber = (x: number): number => (x === 0 ? 0 : x);

function ratioResult(r: Ratio, what: string): FunctionResult {
  if (r.value === null) return cellError("#DIV/0!", `${what}: ${r.reason}.`);
  return cellNumber(r.value);
}

export const SCENARIO: SheetFunction = {
  id: "SCENARIO",
  parameters: [required("model"), optional("scenario"), optional("uitkomst")],
  // Omitted, the outcome is "saldo"; written as a text, it is a table only when it names one.
  returnsOneCell: (constants, count) => count < 3 || (typeof constants[2] === "string" && !spills.has(constants[2].trim().toLowerCase())),
  evaluate([model, scenario, outcome]) {
    const range = toRange(model, "model");
    if (!range.ok) return range.error;
    const cellCount = range.value.length * (range.value[0]?.length ?? 0);
    if (cellCount > LIMITS.modelCells) {
      return invalid(`model: het bereik heeft ${formatCount(cellCount)} cellen; een modelbereik heeft er hoogstens ${formatCount(LIMITS.modelCells)} — kies alleen het blok met het model.`);
    }
    const entry = compiledModel(range.value);
    if ("kind" in entry) return entry;

    let scenarioValue: CellValue | CellRange = null;
    if (Array.isArray(scenario) && !(scenario.length === 1 && scenario[0]?.length === 1)) scenarioValue = scenario;
    else {
      const s = toScalar(scenario, "scenario");
      if (!s.ok) return s.error;
      scenarioValue = s.value;
    }
    const run = runFor(entry, scenarioValue);
    if ("kind" in run) return run;

    const o = toScalar(outcome, "uitkomst");
    if (!o.ok) return o.error;
    if (isCellError(o.value)) return propagate(o.value, "uitkomst");
    if (!isBlank(o.value) && typeof o.value !== "string") return invalid(`uitkomst: ${describeValue(o.value)} is geen tekst.`);
    const wanted = isBlank(o.value) ? "saldo" : o.value.trim();
    const key = wanted.toLowerCase();
    const actors = entry.compiled.model.actors.map((a) => a.name);
    switch (key) {
      case "saldo":
        return cellNumber(run.saldo);
      case "baten":
        return cellNumber(run.benefits);
      case "kosten":
        return cellNumber(run.costs);
      case "ratio":
        return ratioResult(run.ratios.social, "ratio");
      case "ratio_financieel":
        return ratioResult(run.ratios.financial, "ratio_financieel");
      case "ratio_gemeentelijk":
        return ratioResult(run.ratios.municipal, "ratio_gemeentelijk");
      case "terugverdienjaar":
        return run.paybackYear.year === null ? cellError("#N/A", `terugverdienjaar: ${run.paybackYear.reason}.`) : run.paybackYear.year;
      case "tabel":
        return actorTableCells(run, entry.compiled.model);
      case "overzicht":
        return overviewCells(run, entry.compiled.model);
      case "kasstromen":
        return cashFlowCells(run, entry.compiled.model);
    }
    if (key.startsWith(CATEGORY_PREFIX)) {
      const wantedCategory = wanted.slice(CATEGORY_PREFIX.length).trim();
      const categories = entry.compiled.model.categories.map((c) => c.name);
      const category = categories.find((c) => c.toLowerCase() === wantedCategory.toLowerCase());
      if (!category) return invalid(`uitkomst: onbekende categorie "${wantedCategory}".${suggestion(wantedCategory, categories)}`);
      return cellNumber(run.byCategory.get(category)!);
    }
    const actor = actors.find((a) => a.toLowerCase() === key);
    if (actor) return cellNumber(run.byActor.get(actor)!);
    return invalid(`uitkomst: onbekende uitkomst "${wanted}".${suggestion(wanted, [...OUTCOMES, ...actors])}`);
  },
};
