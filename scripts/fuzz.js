#!/usr/bin/env node
// `npm run fuzz -- --runs N --seed S`: the longer hostile-input run of issue 22. N workbook edits (the workbook fuzz,
// test/robustness/workbook.fuzz.test.ts: seeded analyst edits on every example's workbook, read back by the task pane's
// session on the protocol host) and N cases of each model-file generator (test/robustness/hostile.fuzz.test.ts), with
// seed S; prints what became of each kind of edit and each generator, and exits 1 when anything crashed, was read
// silently wrong, changed an analyst's cell, or said something not in Dutch or without its place.
// `npm test` runs both suites at a small fixed size; this is the same code at any size.
const { spawnSync } = require("child_process");
const { existsSync, mkdtempSync, readFileSync } = require("fs");
const { tmpdir } = require("os");
const path = require("path");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`npm run fuzz: ${name} verwacht een positief geheel getal, niet "${args[i + 1] ?? ""}".\n`);
    process.exit(2);
  }
  return value;
};
const runs = option("--runs", 2000);
const seed = option("--seed", 22);
const perWorkbook = option("--per-werkmap", 12);

const root = path.resolve(__dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "mkba-fuzz-"));
const workbookReport = path.join(work, "werkmappen.json");
const modelReport = path.join(work, "modelbestanden.json");
const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
const run = (test, env) =>
  spawnSync(process.execPath, [jest, test, "--silent", "--testTimeout", String(24 * 3600 * 1000)], { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });

const started = Date.now();
process.stdout.write(`Werkmappen: ${runs} bewerkingen, seed ${seed} …\n`);
const workbooks = run("test/robustness/workbook.fuzz.test.ts", {
  FUZZ_EDITS: String(runs),
  FUZZ_SEED: String(seed),
  FUZZ_EDITS_PER_WORKBOOK: String(perWorkbook),
  FUZZ_REPORT: workbookReport,
  FUZZ_TIMEOUT_MS: String(24 * 3600 * 1000),
});
process.stdout.write(`Modelbestanden: ${runs} gevallen per generator, seed ${seed} …\n`);
const models = run("test/robustness/hostile.fuzz.test.ts", { FUZZ_MODEL_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_MODEL_REPORT: modelReport });

const pad = (text, width) => String(text).padEnd(width);
const num = (n, width = 9) => String(n).padStart(width);
let bad = 0;
if (existsSync(workbookReport)) {
  const report = JSON.parse(readFileSync(workbookReport, "utf8"));
  const columns = [
    ["tried", "geprobeerd"],
    ["read", "gelezen"],
    ["refused", "geweigerd"],
    ["rebuildOffered", "herstel"],
    ["rebuildUnavailable", "geen herstel"],
    ["fieldWrites", "veld geschr."],
    ["crashes", "crashes"],
    ["silentWrong", "stil fout"],
    ["analystCellsChanged", "cel veranderd"],
    ["badMessages", "melding fout"],
    ["wrongRefusals", "onterecht"],
  ];
  process.stdout.write(`\nWerkmapbewerkingen (seed ${report.seed}: ${report.edits} bewerkingen in ${report.workbooks} werkmappen, ${report.rebuilds} keer hersteld)\n`);
  process.stdout.write(`${pad("soort bewerking", 30)}${columns.map(([, h]) => num(h, 14)).join("")}\n`);
  const totals = Object.fromEntries(columns.map(([k]) => [k, 0]));
  for (const [kind, counts] of Object.entries(report.kinds)) {
    process.stdout.write(`${pad(kind, 30)}${columns.map(([k]) => num(counts[k], 14)).join("")}\n`);
    for (const [k] of columns) totals[k] += counts[k];
  }
  process.stdout.write(`${pad("totaal", 30)}${columns.map(([k]) => num(totals[k], 14)).join("")}\n`);
  bad += totals.crashes + totals.silentWrong + totals.analystCellsChanged + totals.badMessages + totals.wrongRefusals;
  for (const failure of report.failures) process.stdout.write(`  ${failure}\n`);
  // What the pane said, to read: per kind of edit the first message of each shape, with the cell or setting it names.
  process.stdout.write("\nMeldingen van het taakvenster (per soort bewerking één van elke vorm)\n");
  for (const [kind, said] of Object.entries(report.messages ?? {})) {
    process.stdout.write(`${kind}\n`);
    for (const message of said) process.stdout.write(`  ${message.length > 300 ? `${message.slice(0, 300)}…` : message}\n`);
  }
} else {
  process.stdout.write("\nWerkmapbewerkingen: geen rapport (de fuzz brak af; zie hierboven).\n");
  bad++;
}
if (existsSync(modelReport)) {
  const report = JSON.parse(readFileSync(modelReport, "utf8"));
  process.stdout.write(`\nModelbestanden (langzaamste geval ${report.slowestMs} ms: ${report.slowest})\n${pad("generator", 30)}${num("geprobeerd", 14)}${num("geladen", 14)}${num("geweigerd", 14)}\n`);
  for (const [generator, o] of Object.entries(report.outcomes)) process.stdout.write(`${pad(generator, 30)}${num(o.tried, 14)}${num(o.loaded, 14)}${num(o.refused, 14)}\n`);
} else {
  process.stdout.write("\nModelbestanden: geen rapport.\n");
  bad++;
}
const failed = workbooks.status !== 0 || models.status !== 0;
process.stdout.write(`\n${failed || bad > 0 ? "NIET IN ORDE" : "In orde"}: ${bad} fouten; de testsuites gaven ${workbooks.status} en ${models.status}. Duur ${Math.round((Date.now() - started) / 1000)} s.\n`);
process.exitCode = failed || bad > 0 ? 1 : 0;
