/**
 * `npm run bench [-- --check]`: speed figures (never asserted in tests). One line per figure, `name: value unit`, each
 * the median of repeated runs after a warm-up; peers (formulajs) measured in the same process in alternating batches.
 * Writes bench/results.json; `--check` compares with bench/budgets.json and exits 1 on a miss.
 * Figures that cannot be measured here (no dist/ build, no Chromium) are listed as such.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { gzipSync } from "zlib";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const formulajs = require("@formulajs/formulajs") as { NPV: (rate: number, ...values: number[]) => number };
import { EXAMPLES } from "../engine/examples";
import { ModelInput, runModel, validateModel } from "../engine/model";
import { loadModel } from "../engine/models";
import { runMonteCarlo } from "../engine/uncertainty/monteCarlo";
import { tornado } from "../engine/uncertainty/tornado";
import { callFunction, findFunction } from "../functions/catalog";
import { readRecordsCsv } from "../engine/records/csv";
import { measureEffects } from "../engine/records/effect";
import { comparisonToRows, generateRegistration, recordsToRows } from "../engine/records/generator";
import { householdsOf } from "../engine/records/households";
import { deriveRegistration } from "../engine/records/registration";
import { LPBL_EXAMPLE_INPUTS } from "../engine/models/lpbl";
import { runRegistrationJob } from "../taskpane/registrationJob";
import { csvText } from "./tableFile";
import { tmpdir } from "os";
import { hyperFormulaRatios } from "./benchHyperFormula";

const root = path.resolve(__dirname, "../..");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median time per call in ms over `rounds` rounds of `batch` calls, after `warmUp` calls (by default one round). */
function timeMs(f: () => void, batch: number, rounds = 7, warmUp = batch): number {
  for (let i = 0; i < warmUp; i++) f();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) f();
    times.push((performance.now() - start) / batch);
  }
  return median(times);
}

function syntheticModel(effects: number, years: number): ModelInput {
  return {
    schemaVersion: 1,
    metadata: { name: "bench", title: "Benchmark", priceBaseYear: 2025, firstYear: 2025, horizon: years, discountRule: "2026" },
    parameters: [...Array.from({ length: effects }, (_, i) => ({ key: `aantal_${i}`, value: 10 + i })), { key: "prijs", value: 1234.56 }, { key: "attributie", value: 0.5 }],
    actors: [{ name: "Gemeente", municipal: true }, { name: "Zorgverzekeraar" }, { name: "Inwoners" }],
    categories: [
      { name: "Kosten", side: "kosten" },
      { name: "Baten", side: "baten" },
    ],
    effects: Array.from({ length: effects }, (_, i) => ({
      name: `E${i}`,
      category: i % 3 === 0 ? "Kosten" : "Baten",
      nature: "financieel" as const,
      actor: ["Gemeente", "Zorgverzekeraar", "Inwoners"][i % 3]!,
      amount: `aantal_${i} * prijs * attributie`,
      profile: { start: 0, duration: years, growth: 0.01, dropOff: 0.2 },
    })),
  };
}

function compiledOf(data: unknown) {
  const l = loadModel(data);
  if (!l.ok) throw new Error(JSON.stringify(l.problems.slice(0, 3)));
  return l.loaded.compiled;
}

const figures: Record<string, { value: number; unit: string }> = {};
function report(name: string, value: number, unit: string): void {
  figures[name] = { value: Number(value.toPrecision(4)), unit };
  console.log(`${name}: ${figures[name]!.value} ${unit}`);
}

// MKBA.NCW of a 10-year row through the function Excel calls, and formulajs's v0 + NPV on the same data, alternating.
const ncw = findFunction("NCW")!;
const rows = Array.from({ length: 128 }, (_, r) => Array.from({ length: 10 }, (_, t) => Math.round(((r * 37 + t * 101) % 997) * 123.45 - 50000) / 100));
let k = 0;
const ours: number[] = [];
const peer: number[] = [];
for (let round = 0; round < 7; round++) {
  ours.push(timeMs(() => void callFunction(ncw, [[rows[k++ % rows.length]!], 0.0225]), 2000, 1));
  peer.push(timeMs(() => {
    const row = rows[k++ % rows.length]!;
    void (row[0]! + formulajs.NPV(0.0225, ...row.slice(1)));
  }, 20000, 1));
}
report("ncw_10y_us", median(ours) * 1000, "µs");
report("ncw_vs_formulajs_ratio", median(ours) / median(peer), "×");

// Model evaluation.
for (const [effects, name] of [[500, "model_500x50_ms"], [2000, "model_2000x50_ms"]] as const) {
  const v = validateModel(syntheticModel(effects, 50));
  if (!v.ok) throw new Error(JSON.stringify(v.problems.slice(0, 3)));
  // V8 needs about ten runs of a large model before the fast path's code is fully optimised (the first takes ~60 ms).
  report(name, timeMs(() => void runModel(v.compiled, {}, "bench"), 2, 7, 12), "ms");
}
const lpbl = compiledOf(EXAMPLES.lpbl);
report("lpbl_eval_ms", timeMs(() => void runModel(lpbl, {}, "bench"), 20), "ms");
// The tornado over every LPBL parameter (float-compiled model for the scan and the root search), and 10.000 Monte Carlo
// runs of the LPBL example (default triangular ±20%, seed 1), each including compiling the model.
report("tornado_lpbl_ms", timeMs(() => void tornado(lpbl), 3, 5), "ms");
report("montecarlo_10k_lpbl_s", timeMs(() => void runMonteCarlo(lpbl, { runs: 10_000, seed: 1 }), 1, 5) / 1000, "s");

// Bundles (npm run build first): what each loads at start — the functions with the chunk they share with the task pane
// (functions-shared.js, loaded first by taskpane.html), the task pane's own bundle. MKBA.SCENARIO's chunk (scenario.js)
// loads on its first call and is counted apart.
for (const [files, name] of [
  [["functions.js", "functions-shared.js"], "functions_bundle_kb"],
  [["taskpane.js"], "taskpane_bundle_kb"],
  [["scenario.js"], "scenario_chunk_kb"],
] as const) {
  const missing = files.filter((f) => !existsSync(path.join(root, "dist", f)));
  if (missing.length > 0) {
    console.log(`${name}: niet gemeten (${missing.join(", ")} ontbreekt: npm run build)`);
    continue;
  }
  const bytes = Buffer.concat(files.map((f) => readFileSync(path.join(root, "dist", f))));
  report(name, bytes.length / 1000, "KB");
  report(name.replace("_kb", "_gzip_kb"), gzipSync(bytes).length / 1000, "KB");
}

// The CLI as a whole process, and Node's own start (`node -e 0`) beside it, alternating, in the same environment.
// NODE_EXTRA_CA_CERTS (set on this machine for its proxy) makes Node parse a whole certificate bundle before any
// JavaScript runs — about 90 of the 130 ms of a bare `node -e 0` here — for a CLI that never opens a connection; so
// cli_start_ms is measured without it, and cli_start_env_ms with the environment as it is, for comparison.
const cli = [path.join(root, "bin", "mkba.js"), "run", "--example", "almere"];
const neutral = { ...process.env };
delete neutral.NODE_EXTRA_CA_CERTS;
const startOf = (args: string[], env: NodeJS.ProcessEnv) => {
  const start = performance.now();
  spawnSync(process.execPath, args, { stdio: "ignore", env });
  return performance.now() - start;
};
const starts: Record<"cli" | "node" | "env", number[]> = { cli: [], node: [], env: [] };
for (let i = 0; i < 8; i++) {
  const cliMs = startOf(cli, neutral);
  const nodeMs = startOf(["-e", "0"], neutral);
  const envMs = startOf(cli, process.env);
  if (i > 0) {
    starts.cli.push(cliMs);
    starts.node.push(nodeMs);
    starts.env.push(envMs);
  }
}
report("cli_start_ms", median(starts.cli), "ms");
report("node_start_ms", median(starts.node), "ms");
report("cli_start_env_ms", median(starts.env), "ms");

// A model file nested 100.000 levels deep (issue 22): the whole `mkba run` process until its Dutch message.
const deepFile = path.join(root, "bench", "deep-100000.mkba.json");
writeFileSync(deepFile, `{"schemaVersion":${"[".repeat(100_000)}1${"]".repeat(100_000)}}`);
report("cli_deep_nesting_ms", median(Array.from({ length: 5 }, () => startOf([path.join(root, "bin", "mkba.js"), "run", deepFile], neutral))), "ms");
unlinkSync(deepFile);

// Registration (issue 21): 100.000 records (about 27.500 households × their measurements) as a CSV text read — Papa
// Parse, the reader's checks — and aggregated: MKBA 2.0 and the 3.0 effect measurement with 2.000 bootstrap draws; then
// the whole command `mkba registratie` on that file and its comparison area as a process (start, reading, every table,
// the scenarios and the 3.0 Monte Carlo). Budget ≤ 2 s for each (bench/budgets.json).
{
  const g = generateRegistration({ households: 28_000, seed: 1 });
  const rows = recordsToRows(g.records.slice(0, 100_000));
  const text = csvText(rows);
  const comparison = path.join(tmpdir(), `mkba-bench-vergelijking-${process.pid}.csv`);
  writeFileSync(comparison, csvText(comparisonToRows(g.comparison)));
  const once = () => {
    const read = readRecordsCsv(text, { today: g.today });
    if (!read.ok) throw new Error("csv" in read ? read.csv : read.refusal.message);
    const households = householdsOf(read.records);
    deriveRegistration(read.records, LPBL_EXAMPLE_INPUTS, { threshold: 10, households });
    measureEffects(read.records, g.comparison, { threshold: 10, households });
  };
  report("registratie_100k_s", timeMs(once, 1, 3, 1) / 1000, "s");
  // The task pane's path: the code its Web Worker runs (registrationJob.ts) on the same file and comparison area picked
  // as files — reading, MKBA 2.0, the effect measurement, both scenarios run, the plan of the three result sheets.
  const comparisonText = csvText(comparisonToRows(g.comparison));
  const pane = () => {
    let done = false;
    runRegistrationJob(
      { model: EXAMPLES.lpbl, source: { kind: "files", files: [{ name: "registratie.csv", text }, { name: "vergelijkingsgebied.csv", text: comparisonText }], copy: false, prices: null }, today: g.today, when: "bench" },
      (m) => {
        if (m.type === "refused") throw new Error(m.message);
        if (m.type === "done") done = true;
      },
    );
    if (!done) throw new Error("registratie: geen plan");
  };
  report("registratie_taakvenster_100k_s", timeMs(pane, 1, 3, 1) / 1000, "s");
  const file = path.join(tmpdir(), `mkba-bench-registratie-${process.pid}.csv`);
  writeFileSync(file, text);
  const cliRuns: number[] = [];
  for (let i = 0; i < 3; i++) cliRuns.push(startOf([path.join(root, "bin", "mkba.js"), "registratie", file, "--vergelijking", comparison, "--peildatum", "2025-09-01"], process.env));
  report("registratie_cli_100k_s", median(cliRuns) / 1000, "s");
  rmSync(file, { force: true });
  rmSync(comparison, { force: true });
}

// The task pane in headless Chromium, Office.js's client against the protocol host (bench/taskpane.bench.ts, run by Jest with the browser
// tests' harness; needs dist/ from npm run build and /usr/bin/chromium).
const paneFigures = path.join(root, "bench", "taskpane-figures.json");
if (existsSync(path.join(root, "dist", "taskpane.html")) && existsSync("/usr/bin/chromium")) {
  const jest = spawnSync(process.execPath, [path.join(root, "node_modules", "jest", "bin", "jest.js"), "-c", path.join(root, "bench", "jest.config.js"), "--silent", "bench/taskpane.bench.ts"], { cwd: root, encoding: "utf8" });
  if (jest.status === 0 && existsSync(paneFigures)) {
    const pane = JSON.parse(readFileSync(paneFigures, "utf8")) as Record<string, number>;
    report("taskpane_first_render_ms", pane.taskpane_first_render_ms!, "ms");
    report("example_load_ms", pane.example_load_ms!, "ms");
  } else console.log(`taskpane_first_render_ms: niet gemeten (de taakvenstermeting faalde: ${(jest.stderr ?? "").split("\n").slice(-8).join(" ").trim()})`);
} else console.log("taskpane_first_render_ms: niet gemeten (dist/taskpane.html of /usr/bin/chromium ontbreekt: npm run build, apt-get install chromium)");

// The LPBL workbook the CLI writes, opened in the protocol host: add-in calls and cells passed per recalculation, and one
// input change to settled outputs (bench/workbook.bench.ts, run by Jest; issue 20, item 3).
const workbookFigures = path.join(root, "bench", "workbook-figures.json");
const workbookBench = spawnSync(process.execPath, [path.join(root, "node_modules", "jest", "bin", "jest.js"), "-c", path.join(root, "bench", "jest.config.js"), "--silent", "bench/workbook.bench.ts"], { cwd: root, encoding: "utf8" });
if (workbookBench.status === 0 && existsSync(workbookFigures)) {
  const book = JSON.parse(readFileSync(workbookFigures, "utf8")) as Record<string, number>;
  report("lpbl_addin_calls_per_recalc", book.lpbl_addin_calls_per_recalc!, "aanroepen");
  report("lpbl_cells_passed_per_recalc", book.lpbl_cells_passed_per_recalc!, "cellen");
  report("lpbl_invoer_change_ms", book.lpbl_invoer_change_ms!, "ms");
} else console.log(`lpbl_addin_calls_per_recalc: niet gemeten (de werkmapmeting faalde: ${(workbookBench.stderr ?? "").split("\n").slice(-8).join(" ").trim()})`);

// A HyperFormula sheet of 10.000 MKBA.NCW rows against the same sheet with the native NPV (benchHyperFormula.ts).
const hf = hyperFormulaRatios(root);
report("hf_build_ratio", hf.build, "×");
report("hf_recalc_ratio", hf.recalc, "×");

mkdirSync(path.join(root, "bench"), { recursive: true });
writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify({ node: process.version, date: new Date().toISOString(), figures }, null, 2) + "\n");

if (process.argv.includes("--check")) {
  const budgets = JSON.parse(readFileSync(path.join(root, "bench", "budgets.json"), "utf8")) as Record<string, number>;
  const misses = Object.entries(budgets).filter(([name, max]) => figures[name] === undefined || figures[name]!.value > max);
  for (const [name, max] of misses) console.log(`BUITEN BUDGET: ${name} = ${figures[name]?.value ?? "niet gemeten"} (budget ≤ ${max})`);
  process.exitCode = misses.length > 0 ? 1 : 0;
  console.log(misses.length > 0 ? `${misses.length} van ${Object.keys(budgets).length} budgetten gemist.` : "Alle budgetten gehaald.");
}
