/**
 * `MKBA.SCENARIO(model; [scenario]; [uitkomst])` — an outcome of a whole MKBA model laid out in the workbook
 * (src/engine/layout/workbookLayout.ts). Pure: everything comes in through the arguments, so Excel sees every
 * dependency. A parsed model is remembered per content (a small cache), so a sheet of SCENARIO formulas over one
 * model reads it once per change, not once per cell.
 *
 * The scenario is blank (the base case), a scenario's name, a two-column block of overrides (parameter | waarde: one
 * run), or a three-column block of runs (naam | parameter | waarde: every row sets a parameter of the run of that
 * name, on top of the base case). "alles" spills every outcome of every scenario and sensitivity run of the model — and
 * of the block's runs — as [sleutel, waarde] rows (src/engine/model/outcomes.ts): one call per model, whose table the
 * output screens read with INDEX/MATCH. "kasstromen" over a block of runs spills their cash flows one under another.
 */
import { CellRange, CellValue, describeValue, isBlank, isCellError, propagate, toRange, toScalar } from "../../engine/cells";
import { CellError, cellError } from "../../engine/errors";
import { cellsToModel } from "../../engine/layout/workbookLayout";
import { Analysis, CATEGORY_PREFIX, CompiledModel, ModelRun, actorTableCells, analyse, cashFlowCells, nearest, stackedCashFlowCells, outcomeTable, overviewCells, runModel, runOutcomes, scenarioOverrides, validateModel } from "../../engine/model";
import { LIMITS, formatCount } from "../../engine/model/limits";
import { FunctionResult } from "../arguments";
import { SheetFunction, optional, required } from "../sheetFunction";

/** The outcomes that spill a table; every other outcome is one cell. */
const TABLE_OUTCOMES = ["tabel", "overzicht", "kasstromen", "alles"] as const;
export const OUTCOMES = ["saldo", "baten", "kosten", "ratio", "ratio_financieel", "ratio_gemeentelijk", "terugverdienjaar", ...TABLE_OUTCOMES] as const;
const spills: ReadonlySet<string> = new Set(TABLE_OUTCOMES);

const CACHE_SIZE = 16;
/** Runs in one block of runs at most. */
const MAX_BLOCK_RUNS = 100;

interface Entry {
  compiled: CompiledModel;
  runs: Map<string, ModelRun>;
  /** The analysis (every scenario and sensitivity run) once "alles" asked for it, or why it failed. */
  analysis?: Analysis | CellError;
}
const compiledCache = new Map<string, Entry | CellError>();

function invalid(message: string): CellError {
  return cellError("#VALUE!", message);
}

function listProblems(problems: readonly { path: string; message: string }[], locate: (p: string) => string = (p) => p): string {
  const first = problems.slice(0, 3).map((p) => `${locate(p.path)}: ${p.message}`).join("; ");
  return `model: ${first}${problems.length > 3 ? ` (en nog ${problems.length - 3} andere)` : ""}.`;
}

function compiledModel(range: CellRange): Entry | CellError {
  const key = JSON.stringify(range);
  const hit = compiledCache.get(key);
  if (hit) return hit;
  let entry: Entry | CellError;
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
function runFor(entry: Entry, scenario: CellValue | CellRange): ModelRun | CellError {
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
  return cachedRun(entry, Array.isArray(scenario) ? JSON.stringify(overrides) : name, overrides, name);
}

function cachedRun(entry: Entry, cacheKey: string, overrides: Record<string, number>, name: string): ModelRun | CellError {
  const cached = entry.runs.get(cacheKey);
  if (cached) return cached;
  const r = runModel(entry.compiled, overrides, name);
  if (!r.ok) return invalid(listProblems(r.problems));
  entry.runs.set(cacheKey, r.run);
  return r.run;
}

/** A three-column block of runs (naam | parameter | waarde) → each run, named, with its overrides on the base case. */
function blockRuns(entry: Entry, block: CellRange): ModelRun[] | CellError {
  const keys = new Set(entry.compiled.model.parameters.map((p) => p.key));
  const runs = new Map<string, Record<string, number>>();
  for (const [r, row] of block.entries()) {
    const [name, key, value] = row;
    if (isBlank(name) && isBlank(key) && isBlank(value)) continue;
    if (typeof name !== "string" || name.trim() === "") return invalid(`scenario: rij ${r + 1}: de eerste kolom noemt de run (een tekst).`);
    const overrides = runs.get(name.trim()) ?? {};
    runs.set(name.trim(), overrides);
    if (runs.size > MAX_BLOCK_RUNS) return invalid(`scenario: een blok heeft hoogstens ${MAX_BLOCK_RUNS} runs.`);
    if (isBlank(key) && isBlank(value)) continue; // a run without changes: the base case under its own name
    if (typeof key !== "string" || !keys.has(key.trim())) {
      const k = typeof key === "string" ? key.trim() : describeValue(key);
      return invalid(`scenario: rij ${r + 1}: onbekende parameter "${k}".${suggestion(k, [...keys])}`);
    }
    if (typeof value !== "number" || !Number.isFinite(value)) return invalid(`scenario: rij ${r + 1}, parameter "${key.trim()}": ${describeValue(value)} is geen getal.`);
    overrides[key.trim()] = value;
  }
  const out: ModelRun[] = [];
  for (const [name, overrides] of runs) {
    const run = cachedRun(entry, `blok:${name}:${JSON.stringify(overrides)}`, overrides, name);
    if ("kind" in run) return run;
    out.push(run);
  }
  return out;
}

function analysisOf(entry: Entry): Analysis | CellError {
  if (!entry.analysis) {
    const a = analyse(entry.compiled);
    entry.analysis = a.ok ? a.analysis : invalid(listProblems(a.problems));
  }
  return entry.analysis;
}

/** "alles": every outcome of every scenario and sensitivity run, and of the block's runs, as [sleutel, waarde] rows. */
function everything(entry: Entry, runs: readonly ModelRun[]): FunctionResult {
  const analysis = analysisOf(entry);
  if ("kind" in analysis) return analysis;
  return outcomeTable(analysis, runs);
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

    const o = toScalar(outcome, "uitkomst");
    if (!o.ok) return o.error;
    if (isCellError(o.value)) return propagate(o.value, "uitkomst");
    if (!isBlank(o.value) && typeof o.value !== "string") return invalid(`uitkomst: ${describeValue(o.value)} is geen tekst.`);
    const wanted = isBlank(o.value) ? "saldo" : o.value.trim();
    const key = wanted.toLowerCase();

    // A block of runs (three columns): "alles" or their cash flows.
    const isBlock = Array.isArray(scenario) && !(scenario.length === 1 && scenario[0]?.length === 1);
    if (isBlock && (scenario as CellRange)[0]!.length >= 3) {
      const runs = blockRuns(entry, scenario as CellRange);
      if ("kind" in runs) return runs;
      if (key === "alles") return everything(entry, runs);
      if (key === "kasstromen") return runs.length > 0 ? stackedCashFlowCells(runs.map((run) => ({ name: run.scenario, run })), entry.compiled.model) : invalid("scenario: het blok noemt geen run.");
      return invalid(`uitkomst: bij een blok van runs (naam | parameter | waarde) is de uitkomst "alles" of "kasstromen", niet "${wanted}".`);
    }
    if (key === "alles") {
      if (isBlock) {
        const run = runFor(entry, scenario as CellRange);
        return "kind" in run ? run : everything(entry, [run]);
      }
      return everything(entry, []);
    }

    let scenarioValue: CellValue | CellRange = null;
    if (isBlock) scenarioValue = scenario as CellRange;
    else {
      const s = toScalar(scenario, "scenario");
      if (!s.ok) return s.error;
      scenarioValue = s.value;
    }
    const run = runFor(entry, scenarioValue);
    if ("kind" in run) return run;
    switch (key) {
      case "tabel":
        return actorTableCells(run, entry.compiled.model);
      case "overzicht":
        return overviewCells(run, entry.compiled.model);
      case "kasstromen":
        return cashFlowCells(run, entry.compiled.model);
    }
    const outcomes = runOutcomes(run, entry.compiled.model);
    const category = key.startsWith(CATEGORY_PREFIX) ? key.slice(CATEGORY_PREFIX.length).trim() : undefined;
    const found = outcomes.find(([name]) => (category === undefined ? name.toLowerCase() === key : name.startsWith(CATEGORY_PREFIX) && name.slice(CATEGORY_PREFIX.length).toLowerCase() === category));
    if (found) return found[1];
    if (category !== undefined) {
      const categories = entry.compiled.model.categories.map((c) => c.name);
      return invalid(`uitkomst: onbekende categorie "${wanted.slice(CATEGORY_PREFIX.length).trim()}".${suggestion(wanted.slice(CATEGORY_PREFIX.length).trim(), categories)}`);
    }
    const actors = entry.compiled.model.actors.map((a) => a.name);
    return invalid(`uitkomst: onbekende uitkomst "${wanted}".${suggestion(wanted, [...OUTCOMES, ...actors])}`);
  },
};
