/**
 * The task pane's uncertainty actions (onzekerheid, issue 11 item 4): "Gevoeligheid (tornado)" and "Monte Carlo" with
 * runs, seed and Latin hypercube. Each run goes to a Web Worker (uncertainty.worker.ts) with the model file as it stands
 * in the workbook and the distributions of the Onzekerheid sheet (session.uncertaintyJob); a progress bar follows the
 * worker's fractions and "Stoppen" terminates the worker — a stopped run writes nothing. A completed run's result
 * sheet (Monte Carlo or Tornado) goes through the same plan writer as every other sheet.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, ProgressBar, Select, Text, makeStyles } from "@fluentui/react-components";
import type { ModelProblem } from "../engine/model";
import { MONTE_CARLO_LIMITS, Sampling } from "../engine/uncertainty/monteCarlo";
import { MAX_SEED } from "../engine/uncertainty/random";
import { OUTCOMES, Outcome } from "../engine/uncertainty/outcomes";
import { PLAN_SCHEMA_VERSION, WorkbookPlan } from "../engine/workbook/plan";
import { ONZEKERHEID, monteCarloPlan, tornadoPlan } from "../engine/workbook/uncertaintyPlan";
import type { OverwriteConflict } from "../office/gateway";
import type { Language, Texts } from "./i18n";
import type { Session } from "./session";
import type { JobMessage, JobRequest } from "./uncertaintyJob";
import { Status, StatusBar, problemsStatus, writeStatus } from "./status";
import { useWorkerJob } from "./workerJob";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "end" },
  narrow: { width: "120px" },
  // A native select is as wide as its longest option; at 320 px that would stick out of the pane.
  fit: { minWidth: 0, maxWidth: "100%", width: "100%", textOverflow: "ellipsis" },
  box: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "6px" },
});

export type UncertaintyStatus = Status;

/** A whole number as typed: 10000, 10.000 or 10,000 (thousands grouped by three), nothing else. */
export function wholeNumberText(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0]/g, "");
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ""));
  return null;
}

export function Uncertainty(props: {
  session: Session;
  texts: Texts;
  language: Language;
  disabled: boolean;
  onStatus: (status: UncertaintyStatus) => void;
  confirm: (conflicts: readonly OverwriteConflict[]) => Promise<boolean>;
  /** Told when a run or its write starts and ends, so the pane keeps the other actions still meanwhile. */
  onBusy?: (busy: boolean) => void;
}) {
  const { session, texts: t, language } = props;
  // The outcome is shown here too, beside the buttons: the pane's status bar is at the top, far above after a long form.
  const [last, setLast] = React.useState<UncertaintyStatus | null>(null);
  const onStatus = (status: UncertaintyStatus) => {
    setLast(status);
    props.onStatus(status);
  };
  const styles = useStyles();
  const locale = language === "nl" ? "nl-NL" : "en-GB";
  const [runs, setRuns] = React.useState(MONTE_CARLO_LIMITS.defaultRuns.toLocaleString(locale));
  const [seed, setSeed] = React.useState("1");
  const [lhs, setLhs] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome>("saldo");
  const { running, run, stop: stopJob } = useWorkerJob<JobRequest, Exclude<JobMessage, { type: "progress" }>, "montecarlo" | "tornado">("uncertainty.worker.js");
  const [writing, setWriting] = React.useState(false);
  const runsValue = wholeNumberText(runs);
  const seedValue = wholeNumberText(seed);
  const runsWrong = runsValue === null || runsValue < 1 || runsValue > MONTE_CARLO_LIMITS.maxRuns;
  const seedWrong = seedValue === null || seedValue > MAX_SEED;

  const invalid = (problems: readonly ModelProblem[]) =>
    onStatus(problemsStatus(problems.every((p) => p.path.startsWith(`${ONZEKERHEID}!`)) ? t.uncertaintyInvalid : t.invalid, problems));

  const finish = async (plan: WorkbookPlan, summary: string) => {
    setWriting(true);
    const outcome = await session.writeResult(plan, props.confirm);
    setWriting(false);
    onStatus(writeStatus(t, outcome, summary));
  };

  const start = async (action: "montecarlo" | "tornado") => {
    if (action === "montecarlo" && (runsWrong || seedWrong)) return;
    setLast(null);
    const prepared = await session.uncertaintyJob();
    if (!prepared.ok) return invalid(prepared.problems);
    const request: JobRequest =
      action === "montecarlo"
        ? { ...prepared.job, action, runs: runsValue!, seed: seedValue!, sampling: (lhs ? "latin-hypercube" : "aselect") as Sampling }
        : { ...prepared.job, action, ranges: prepared.ranges, outcome };
    const when = new Date().toLocaleString("nl-NL", { dateStyle: "long", timeStyle: "short" });
    run(request, action, {
      onAnswer: (message) => {
        if (message.type === "problems") invalid(message.problems);
        else if (message.type === "montecarlo") {
          const r = message.result;
          const p50 = r.outcomes.saldo.percentiles.P50;
          const summary = t.monteCarloDone
            .replace("{n}", r.runs.toLocaleString(locale))
            .replace("{s}", String(r.seed))
            .replace("{p}", `${(Math.round(r.probabilityPositive.share * 1000) / 10).toLocaleString(locale)}%`)
            .replace("{m}", p50 === null ? "—" : `€ ${Math.round(p50).toLocaleString(locale)}`);
          void finish(monteCarloPlan(r, when, PLAN_SCHEMA_VERSION), summary);
        } else {
          const top = message.result.rows[0];
          void finish(tornadoPlan(message.result, message.title, when, request.relative, PLAN_SCHEMA_VERSION), top ? t.tornadoDone.replace("{label}", top.label) : "");
        }
      },
      onError: (message) => onStatus({ intent: "error", text: `${t.runFailed}${message}` }),
    });
  };

  const stop = () => {
    if (stopJob()) onStatus({ intent: "info", text: t.runStopped });
  };

  const busy = running !== null || writing;
  const { onBusy } = props;
  React.useEffect(() => onBusy?.(busy), [busy, onBusy]);
  const disabled = props.disabled || busy;
  return (
    <section aria-labelledby="uncertainty-title">
      <Text as="h2" id="uncertainty-title" size={400} weight="semibold" block>
        {t.uncertainty}
      </Text>
      <Text size={200} block>
        {t.uncertaintyHelp}
      </Text>
      <div className={styles.box}>
        <Field label={t.tornadoOutcome}>
          <Select className={styles.fit} root={{ className: styles.fit }} value={outcome} disabled={busy} onChange={(_, d) => setOutcome(d.value as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t[`outcome_${o}`]}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={disabled} onClick={() => void start("tornado")}>
          {t.tornadoButton}
        </Button>
        <div className={styles.row}>
          <Field label={t.runs} validationMessage={runsWrong ? t.runsInvalid : undefined} validationState={runsWrong ? "error" : "none"}>
            <Input className={styles.narrow} value={runs} inputMode="numeric" disabled={busy} data-testid="mc-runs" onChange={(_, d) => setRuns(d.value)} />
          </Field>
          <Field label={t.seed} validationMessage={seedWrong ? t.seedInvalid : undefined} validationState={seedWrong ? "error" : "none"}>
            <Input className={styles.narrow} value={seed} inputMode="numeric" disabled={busy} data-testid="mc-seed" onChange={(_, d) => setSeed(d.value)} />
          </Field>
        </div>
        <Checkbox label={t.lhs} checked={lhs} disabled={busy} onChange={(_, d) => setLhs(d.checked === true)} />
        <Button appearance="primary" disabled={disabled || runsWrong || seedWrong} onClick={() => void start("montecarlo")}>
          {t.monteCarloButton}
        </Button>
        {last && !running && (
          <StatusBar status={last} role="note" testId="uncertainty-outcome" />
        )}
        {running && (
          <div className={styles.box} data-testid="uncertainty-running">
            <Text aria-live="polite">{running.tag === "montecarlo" ? t.monteCarloRunning.replace("{p}", String(Math.floor(running.fraction * 100))) : t.tornadoRunning}</Text>
            <ProgressBar value={running.tag === "montecarlo" ? running.fraction : undefined} max={1} aria-label={running.tag === "montecarlo" ? t.monteCarloButton : t.tornadoButton} data-testid="uncertainty-progress" />
            <Button onClick={stop}>{t.stop}</Button>
          </div>
        )}
      </div>
    </section>
  );
}
