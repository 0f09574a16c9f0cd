/**
 * `mkba montecarlo FILE | --example NAME [--runs N] [--seed S] [--lhs] [--scenario NAAM] [--json]`: how likely a
 * positive saldo is given the uncertainty in all assumptions together — percentiles of the saldo and the ratios,
 * P(saldo > 0), mean ± standard error and a text histogram, with the seed, the sampling and the run count stated.
 * The same seed gives the same output, byte for byte. A progress bar on stderr only when stderr is a terminal.
 */
import { formatEuro, formatNumber } from "../engine/numberFormat";
import { textTable } from "../engine/model";
import { formatCount } from "../engine/model/limits";
import { OUTCOMES, Outcome } from "../engine/uncertainty/outcomes";
import { MAX_SEED } from "../engine/uncertainty/random";
import { MONTE_CARLO_LIMITS, MonteCarloResult, SAMPLING_LABELS, describeDistribution, formatParameterValue, runMonteCarlo } from "../engine/uncertainty/monteCarlo";
import { UsageError } from "./args";
import { CliIO } from "./io";
import { parseOptions } from "./options";
import { loadSourceOrReport, scenarioArgument, sourceArguments } from "./source";

/** A whole number as typed: digits, optionally with Dutch thousands dots (10.000) or underscores; nothing else. */
function wholeNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ""));
  if (/^\d+(_\d+)*$/.test(t)) return Number(t.replace(/_/g, ""));
  return null;
}

function parseRuns(text: string | undefined): number {
  if (text === undefined) return MONTE_CARLO_LIMITS.defaultRuns;
  const n = wholeNumber(text);
  if (n === null || n < 1 || n > MONTE_CARLO_LIMITS.maxRuns) {
    throw new UsageError(`mkba montecarlo: --runs is het aantal trekkingen, een geheel getal van 1 tot en met ${formatCount(MONTE_CARLO_LIMITS.maxRuns)} (standaard ${formatCount(MONTE_CARLO_LIMITS.defaultRuns)}), niet "${text}".`);
  }
  return n;
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = wholeNumber(text);
  if (n === null || n > MAX_SEED) throw new UsageError(`mkba montecarlo: --seed is een geheel getal van 0 tot en met ${formatCount(MAX_SEED)} (standaard 1), niet "${text}".`);
  return n;
}

export function runMontecarlo(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseOptions("montecarlo", args, {
    example: { type: "string" },
    runs: { type: "string" },
    seed: { type: "string" },
    lhs: { type: "boolean" },
    scenario: { type: "string" },
    json: { type: "boolean" },
  });
  sourceArguments("montecarlo", values, positionals);
  const runs = parseRuns(values.runs);
  const seed = parseSeed(values.seed);
  const loaded = loadSourceOrReport(positionals[0], values.example, io);
  if (!loaded) return 2;
  const { compiled } = loaded;
  const scenario = scenarioArgument(values.scenario, compiled.model);
  const bar = io.stderrIsTerminal === true ? progressBar(io) : undefined;
  const answer = runMonteCarlo(compiled, { runs, seed, sampling: values.lhs ? "latin-hypercube" : "aselect", ...(scenario ? { scenario } : {}), ...(bar ? { onProgress: bar.show } : {}) });
  bar?.done();
  if (!answer.ok) {
    io.stderr(`mkba montecarlo: ${answer.cancelled ? "afgebroken" : answer.message}\n`);
    return 2;
  }
  io.stdout(values.json ? JSON.stringify(answer.result, null, 2) + "\n" : monteCarloText(answer.result));
  return 0;
}

function progressBar(io: CliIO): { show: (fraction: number) => void; done: () => void } {
  let last = -1;
  const width = 30;
  return {
    show: (fraction) => {
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      const filled = Math.round(fraction * width);
      io.stderr(`\rMonte Carlo [${"#".repeat(filled)}${".".repeat(width - filled)}] ${percent}%`);
    },
    done: () => {
      if (last >= 0) io.stderr("\r" + " ".repeat(width + 20) + "\r");
    },
  };
}

const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = {
  saldo: "Saldo",
  ratio: "Maatschappelijke ratio",
  ratio_financieel: "Financiële ratio",
  ratio_gemeentelijk: "Gemeentelijke ratio",
};

function monteCarloText(r: MonteCarloResult): string {
  const value = (o: Outcome, x: number | null) => (x === null ? "n.v.t." : o === "saldo" ? formatEuro(x) : formatNumber(x, 2));
  const rows: string[][] = [["", "Gemiddelde", "± st.fout", "P5", "P10", "P50", "P90", "P95"]];
  for (const o of OUTCOMES) {
    const s = r.outcomes[o];
    if (s.count === 0) {
      rows.push([OUTCOME_NAMES[o], "n.v.t. (de noemer is 0)", "", "", "", "", "", ""]);
      continue;
    }
    const se = o === "saldo" ? formatEuro(s.standardError!) : formatNumber(s.standardError!, 3);
    const p = s.percentiles;
    rows.push([OUTCOME_NAMES[o] + (s.count < r.runs ? ` (${formatCount(s.count)} trekkingen)` : ""), value(o, s.mean), se, value(o, p.P5), value(o, p.P10), value(o, p.P50), value(o, p.P90), value(o, p.P95)]);
  }
  const source =
    r.distributions === "standaard"
      ? `standaard: driehoek ±${formatNumber((r.relative ?? 0.2) * 100, 0)}% rond de waarde van elke parameter (${formatCount(r.varied.length)} parameters${r.fixedAtZero.length > 0 ? `; ${formatCount(r.fixedAtZero.length)} met waarde 0 blijven vast` : ""})`
      : `uit het modelbestand: ${formatCount(r.varied.length)} ${r.varied.length === 1 ? "parameter" : "parameters"} met een verdeling, ${formatCount(r.correlations.length)} ${r.correlations.length === 1 ? "correlatie" : "correlaties"}; de andere parameters op hun waarde`;
  const pp = r.probabilityPositive;
  const lines = [
    `Monte Carlo — ${r.title}`,
    `Scenario: ${r.scenario}; ${formatCount(r.runs)} trekkingen, ${SAMPLING_LABELS[r.sampling]}, seed ${r.seed}.`,
    `Verdelingen: ${source}.`,
    ...(r.fixedByScenario.length > 0 ? [`Vast in dit scenario (de verdeling telt niet): ${r.fixedByScenario.join(", ")}.`] : []),
    `Saldo van het scenario zelf: ${formatEuro(r.baseSaldo)}.`,
    "",
    textTable(rows),
    "",
    `P(saldo > 0): ${formatNumber(pp.share * 100, 1)}% (± ${formatNumber(pp.standardError * 100, 1)}%)`,
    `Saldo gemiddeld: ${formatEuro(r.outcomes.saldo.mean ?? NaN)} ± ${formatEuro(r.outcomes.saldo.standardError ?? NaN)} (standaardfout van het gemiddelde${r.sampling === "latin-hypercube" ? "; bij Latin hypercube een bovengrens" : ""})`,
    ...(r.failedRuns > 0 ? [`Niet door te rekenen: ${formatCount(r.failedRuns)} trekkingen (niet meegeteld), bijvoorbeeld ${r.failure}.`] : []),
    "",
    "Verdeling van het saldo:",
    ...histogramText(r),
    ...(r.distributions === "model" ? ["", "Verdelingen per parameter:", ...r.varied.map((v) => `  ${v.label}: ${describeDistribution(v.distribution, formatParameterValue)}`)] : []),
    "",
  ];
  return lines.join("\n");
}

function histogramText(r: MonteCarloResult): string[] {
  const bins = r.histogram;
  const most = Math.max(1, ...bins.map((b) => b.count));
  const labels = bins.map((b) => `${formatEuro(b.from)} – ${formatEuro(b.to)}`);
  const width = Math.max(...labels.map((l) => l.length));
  return bins.map((b, i) => `  ${labels[i]!.padStart(width)} │${"█".repeat(Math.round((b.count / most) * 40))} ${formatCount(b.count)}`);
}
