/**
 * `mkba registratie BESTAND [--model MODEL | --example NAAM] …`: MKBA 2.0 and 3.0 from a team's own records (issue 21).
 * Reads a registration export (.csv, or .xlsx with the sheets Registratie, Vergelijkingsgebied, Casusanalyse and
 * Prijslijst), refuses it as a whole when it holds a direct identifier (never echoing the value), leaves malformed rows
 * out with their row and column, and prints MKBA 1.0 against 2.0, the effect measurement, the scenarios' saldo and the
 * case analysis. `-o MODEL.mkba.json` writes the model with the scenarios "MKBA 2.0 (registratie)" and "MKBA 3.0
 * (effectmeting)" added. `--genereer -o UIT.csv|.xlsx` writes synthetic records (seeded) instead — never a real person.
 * Exit: 0 an answer, 2 misuse or a file that cannot be read (a refused file included).
 */
import { formatCount } from "../engine/model/limits";
import { formatEuro, formatNumber } from "../engine/numberFormat";
import { textTable } from "../engine/model/report";
import { MAX_SEED } from "../engine/uncertainty/random";
import { monteCarloSteps } from "../engine/uncertainty/monteCarlo";
import { BOOTSTRAP_DEFAULTS, BOOTSTRAP_LIMITS } from "../engine/records/bootstrap";
import { CaseAnalysis } from "../engine/records/cases";
import { EffectMeasurement, SCENARIO_3 } from "../engine/records/effect";
import { DEFAULT_THRESHOLD, dayNumber } from "../engine/records/format";
import { parseDate } from "../engine/records/cells";
import { GENERATOR_DEFAULTS, casesToRows, comparisonToRows, generateRegistration, recordsToRows } from "../engine/records/generator";
import { ReadReport, readReportLines } from "../engine/records/read";
import { Registration2, SCENARIO_2 } from "../engine/records/registration";
import { caseText, effectText, registrationText } from "../engine/records/report";
import { effectMonteCarloPlan } from "../engine/records/scenarios";
import { UsageError } from "./args";
import { writeFileSafely } from "./files";
import { CliIO } from "./io";
import { parseOptions } from "./options";
import { loadSourceOrReport } from "./source";
import { isCsvFile, readCsvText, readTableFile, tableOf, writeTables } from "./tableFile";
import { parseCsv } from "../engine/records/csv";
import { runRegistration } from "../engine/records/pipeline";

const USAGE = "mkba registratie BESTAND [--model MODEL | --example NAAM] [--vergelijking BESTAND] [--casussen BESTAND] [--prijslijst BESTAND] [--fte N] [--meting 6|12|18] [--drempel 10] [--trekkingen 2000] [--seed 1] [--peildatum JJJJ-MM-DD] [--json] [-o MODEL.mkba.json]; of mkba registratie --genereer -o UIT.csv|UIT.xlsx [--huishoudens 400] [--seed 1]";

function whole(text: string | undefined, fallback: number, min: number, max: number, option: string, what: string): number {
  if (text === undefined) return fallback;
  const t = text.trim().replace(/\.(?=\d{3}(\D|$))/g, "");
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`mkba registratie: ${option} is ${what}, een geheel getal van ${formatCount(min)} t/m ${formatCount(max)} (standaard ${formatCount(fallback)}).`);
  return n;
}

/** Today as a day number (UTC), or the --peildatum. */
function today(text: string | undefined): number {
  if (text === undefined) {
    const d = new Date();
    return dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const n = parseDate(text.trim());
  if (n === null) throw new UsageError("mkba registratie: --peildatum is een datum, JJJJ-MM-DD of DD-MM-JJJJ.");
  return n;
}

function reportLines(title: string, report: ReadReport): string[] {
  return [title, ...readReportLines(report).map((l) => `  ${l}`)];
}

export async function runRegistratie(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions("registratie", args, {
    model: { type: "string" },
    example: { type: "string" },
    vergelijking: { type: "string" },
    casussen: { type: "string" },
    prijslijst: { type: "string" },
    fte: { type: "string" },
    meting: { type: "string" },
    drempel: { type: "string" },
    trekkingen: { type: "string" },
    seed: { type: "string" },
    peildatum: { type: "string" },
    json: { type: "boolean" },
    output: { type: "string", short: "o" },
    overschrijven: { type: "boolean" },
    force: { type: "boolean" },
    genereer: { type: "boolean" },
    huishoudens: { type: "string" },
  });
  const overwrite = Boolean(values.overschrijven || values.force);
  const seed = whole(values.seed, BOOTSTRAP_DEFAULTS.seed, 0, MAX_SEED, "--seed", "de seed");
  if (values.genereer) {
    if (positionals.length > 0 || values.output === undefined) throw new UsageError(`mkba registratie --genereer: geef -o UIT.csv of -o UIT.xlsx (en geen invoerbestand). Gebruik: ${USAGE}`);
    const households = whole(values.huishoudens, GENERATOR_DEFAULTS.households, 1, 60_000, "--huishoudens", "het aantal huishoudens");
    const g = generateRegistration({ households, seed });
    const written = await writeTables(
      values.output,
      [
        { name: "Registratie", rows: recordsToRows(g.records) },
        { name: "Vergelijkingsgebied", rows: comparisonToRows(g.comparison) },
        { name: "Casusanalyse", rows: casesToRows(g.cases) },
      ],
      overwrite,
    );
    io.stderr(`Synthetische registratie (seed ${seed}, ${formatCount(households)} huishoudens, ${formatCount(g.records.length)} rijen; geen echte personen) geschreven: ${written.join(", ")}.\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`mkba registratie: geef één registratiebestand (.csv of .xlsx). Gebruik: ${USAGE}`);
  if (values.model !== undefined && values.example !== undefined) throw new UsageError("mkba registratie: geef --model of --example, niet beide.");
  const threshold = whole(values.drempel, DEFAULT_THRESHOLD, 1, 1000, "--drempel", "de onderdrukkingsdrempel");
  const replicates = whole(values.trekkingen, BOOTSTRAP_DEFAULTS.replicates, BOOTSTRAP_LIMITS.minReplicates, BOOTSTRAP_LIMITS.maxReplicates, "--trekkingen", "het aantal bootstraptrekkingen");
  const followUp = whole(values.meting, 12, 6, 18, "--meting", "de vervolgmeting (6, 12 of 18)");
  if (followUp !== 6 && followUp !== 12 && followUp !== 18) throw new UsageError("mkba registratie: --meting is 6, 12 of 18.");
  let teamFte: number | undefined;
  if (values.fte !== undefined) {
    teamFte = Number(values.fte.trim().replace(",", "."));
    if (!/^\d+([.,]\d+)?$/.test(values.fte.trim()) || !(teamFte > 0) || teamFte > 100_000) throw new UsageError("mkba registratie: --fte is de teamomvang in fte, een getal groter dan 0 (bijvoorbeeld 3,6).");
  }
  const day = today(values.peildatum);

  // The model: an LPBL model (its inputs are what MKBA 2.0 derives); the LPBL example when none is given.
  const loaded = loadSourceOrReport(values.model, values.model === undefined ? (values.example ?? "lpbl") : undefined, io);
  if (!loaded) return 2;
  const lpbl = loaded.lpbl;
  if (!lpbl) {
    io.stderr('mkba registratie: MKBA 2.0 en 3.0 vullen de invoer A–C van het LPBL-model; geef een LPBL-model ("modelType": "lpbl") met --model, of laat --model weg voor het LPBL-voorbeeld.\n');
    return 2;
  }

  // The files: the records (a CSV, read as it is parsed; or the sheet Registratie / the first sheet of an .xlsx file),
  // and the optional tables (their own files, or the sheets of the .xlsx file).
  const source = positionals[0]!;
  const file = isCsvFile(source) ? null : await readTableFile(source);
  const optional = async (option: string | undefined, sheets: readonly string[]) => {
    if (option !== undefined) return tableOf(await readTableFile(option), sheets[0]!, true);
    for (const sheet of sheets) {
      const t = file ? tableOf(file, sheet, false) : null;
      if (t) return t;
    }
    return null;
  };
  const cases = await optional(values.casussen, ["Casussen", "Casusanalyse"]);
  const outcome = runRegistration(loaded, {
    records: file ? { table: tableOf(file, "Registratie", true) ?? [], name: source } : { csv: readCsvText(source), name: source },
    comparison: await optional(values.vergelijking, ["Vergelijkingsgebied"]),
    // A workbook's result sheet Casusanalyse is not a case table: only a table with the columns casus and post is.
    cases: cases && cases[0]?.some((h) => h.trim().toLowerCase() === "casus") ? cases : values.casussen !== undefined ? cases : null,
    prices: await optional(values.prijslijst, ["Prijslijst"]),
    today: day,
    threshold,
    followUp: followUp as 6 | 12 | 18,
    replicates,
    seed,
    ...(teamFte !== undefined ? { teamFte } : {}),
  });
  if (!outcome.ok) {
    io.stderr(`mkba registratie: ${outcome.what === "registratie" ? "" : `${outcome.what}: `}${outcome.message}\n`);
    return 2;
  }
  const run = outcome.run;
  const { registration, effect, scenario3 } = run;
  const records = { report: run.report };
  const comparison = run.comparisonReport ? { ok: true as const, report: run.comparisonReport } : null;
  const priceReport = run.priceReport;
  const caseAnalysis = run.cases;
  const lines: string[] = [];
  const extended = run;
  const base = extended.compiled.model.metadata.baseScenarioName;
  const scenarioRuns = [run.runs.plan, run.runs.registration, ...(run.runs.effect ? [run.runs.effect] : [])];
  const monteCarlo = scenario3 ? runEffectMonteCarlo(extended.compiled, effect, seed) : null;

  if (values.output !== undefined) {
    const out = values.output.toLowerCase();
    if (out.endsWith(".xlsx")) {
      const { registrationWorkbookBuffer } = await import("./werkmap");
      const when = new Date(day * 86_400_000).toLocaleDateString("nl-NL", { dateStyle: "long", timeZone: "UTC" });
      const toTable = async (option: string | undefined, sheets: readonly string[]) => (await optional(option, sheets)) ?? null;
      const inputs = {
        records: file ? (tableOf(file, "Registratie", true) ?? []) : parseCsvOrThrow(readCsvText(source), source),
        comparison: await toTable(values.vergelijking, ["Vergelijkingsgebied"]),
        cases: run.caseReport ? cases : null,
      };
      const written = await registrationWorkbookBuffer(loaded, run, { when, source: source.split(/[\\/]/).pop() ?? source, inputs, prices: true });
      writeFileSafely(values.output, written.bytes, { overwrite });
      io.stderr(`${values.output} geschreven: de werkmap van het model met de bladen ${written.sheets.join(", ")} (de invoer van de analist ongewijzigd; de registratie staat in de werkmap: deel hem niet buiten het team).\n`);
    } else if (out.endsWith(".json")) {
      writeFileSafely(values.output, JSON.stringify(extended.compiled.model, null, 2) + "\n", { overwrite });
      io.stderr(`${values.output} geschreven: het model met de scenario's ${SCENARIO_2}${scenario3 ? ` en ${SCENARIO_3}` : ""} (de invoer van de analist ongewijzigd).\n`);
    } else throw new UsageError("mkba registratie: -o schrijft het model met de scenario's (.mkba.json) of de werkmap met de registratiebladen (.xlsx).");
  }

  if (values.json) {
    io.stdout(JSON.stringify(jsonOf(records.report, registration, effect, scenarioRuns.map((r) => ({ scenario: r.scenario, saldo: r.saldo, ratio: r.ratios.social.value })), monteCarlo, caseAnalysis, comparison?.ok ? comparison.report : null, run.caseReport), null, 2) + "\n");
    return 0;
  }
  lines.push(`Registratie — ${positionals[0]} (peildatum ${new Date(day * 86_400_000).toISOString().slice(0, 10)}; model: ${loaded.compiled.model.metadata.title})`, ...readReportLines(records.report), "");
  if (comparison?.ok) lines.push(...reportLines("Vergelijkingsgebied:", comparison.report), "");
  if (run.caseReport) lines.push(...reportLines("Casusanalyse:", run.caseReport), "");
  if (priceReport) lines.push(...reportLines("Prijslijst:", priceReport), "");
  lines.push(...registrationText(registration), "", ...effectText(effect), "");
  lines.push(
    "Scenario's (NCW; het plan blijft de basisvariant, de registratie overschrijft niets):",
    textTable([
      ["Scenario", "Saldo", "Maatschappelijke ratio"],
      ...scenarioRuns.map((r) => [r.scenario === base ? `${r.scenario} (MKBA 1.0, plan)` : r.scenario, formatEuro(r.saldo), r.ratios.social.value === null ? "n.v.t." : formatNumber(r.ratios.social.value, 2)]),
    ]),
  );
  if (monteCarlo) {
    lines.push(
      "",
      `Monte Carlo van ${SCENARIO_3} (${formatCount(monteCarlo.runs)} trekkingen, seed ${seed}; de gemeten effecten volgens hun interval, de overige parameters volgens het model): P(saldo > 0) = ${formatNumber(monteCarlo.probabilityPositive * 100, 1)}%; saldo P5 ${formatEuro(monteCarlo.p5)}, P50 ${formatEuro(monteCarlo.p50)}, P95 ${formatEuro(monteCarlo.p95)}.`,
    );
  }
  lines.push("", ...(caseAnalysis ? caseText(caseAnalysis) : ["Casusanalyse: geen casussen opgegeven (--casussen of blad Casusanalyse)."]), "");
  io.stdout(lines.join("\n"));
  return 0;
}

interface EffectMonteCarlo {
  readonly runs: number;
  readonly probabilityPositive: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** 2.000 Monte Carlo runs of the 3.0 scenario, the measured parameters drawn from their intervals. */
function runEffectMonteCarlo(compiled: Parameters<typeof effectMonteCarloPlan>[0], effect: EffectMeasurement, seed: number): EffectMonteCarlo | null {
  const planned = effectMonteCarloPlan(compiled, effect, { runs: 2000, seed });
  if (!planned.ok) return null;
  const steps = monteCarloSteps(planned.plan);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const r = step.value;
  const p = r.outcomes.saldo.percentiles;
  return { runs: r.runs, probabilityPositive: r.probabilityPositive.share, p5: p.P5 ?? NaN, p50: p.P50 ?? NaN, p95: p.P95 ?? NaN };
}

function parseCsvOrThrow(text: string, what: string): string[][] {
  const parsed = parseCsv(text, what);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.rows;
}

function jsonOf(
  report: ReadReport,
  registration: Registration2,
  effect: EffectMeasurement,
  scenarios: readonly { scenario: string; saldo: number; ratio: number | null }[],
  monteCarlo: EffectMonteCarlo | null,
  cases: CaseAnalysis | null,
  comparisonReport: ReadReport | null,
  caseReport: ReadReport | null,
): unknown {
  return {
    inlezen: report,
    vergelijkingsgebied: comparisonReport,
    registratie: registration,
    effectmeting: {
      ...effect,
      outcomes: effect.outcomes.map(({ outcome, replicates: _replicates, ...rest }) => {
        void _replicates;
        return { id: outcome.id, label: outcome.label, ...rest };
      }),
    },
    scenarios,
    monteCarlo3: monteCarlo,
    casusanalyse: cases,
    casussenInlezen: caseReport,
  };
}
