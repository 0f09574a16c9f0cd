/**
 * "Registratie inlezen" in the task pane (issue 21, item 6): the team's own records — CSV files the analyst picks (the
 * registration, and optionally the comparison area, the cases and a price list, recognised by their columns) or the
 * sheets of the workbook (Registratie, Vergelijkingsgebied, Casussen, Prijslijst) — are read and measured in a Web
 * Worker (registration.worker.ts) with a progress bar and "Stoppen"; the result, the sheets MKBA 2.0, Effectmeting and
 * Casusanalyse (and, when asked, the tables themselves), goes through the same plan writer as every other sheet. The
 * records never leave the pane: the worker runs here and only what is written to this workbook comes out.
 */
import * as React from "react";
import { Button, Checkbox, ProgressBar, Text, makeStyles } from "@fluentui/react-components";
import type { OverwriteConflict } from "../office/gateway";
import type { Texts } from "./i18n";
import type { Session } from "./session";
import type { PickedFile, RegistrationMessage, RegistrationRequest } from "./registrationJob";
import { Status, StatusBar, writeStatus } from "./status";
import { useWorkerJob } from "./workerJob";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "6px" },
});

export function Registration(props: {
  session: Session;
  texts: Texts;
  disabled: boolean;
  onStatus: (status: Status) => void;
  confirm: (conflicts: readonly OverwriteConflict[]) => Promise<boolean>;
  onBusy?: (busy: boolean) => void;
}) {
  const { session, texts: t } = props;
  const styles = useStyles();
  const [last, setLast] = React.useState<Status | null>(null);
  const [copy, setCopy] = React.useState(false);
  const { running, run, stop: stopJob } = useWorkerJob<RegistrationRequest, Exclude<RegistrationMessage, { type: "progress" }>>("registration.worker.js");
  const [writing, setWriting] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const say = (status: Status) => {
    setLast(status);
    props.onStatus(status);
  };

  const start = async (from: { kind: "files"; files: readonly PickedFile[]; copy: boolean } | { kind: "sheets" }) => {
    setLast(null);
    setWriting(true);
    const prepared = await session.registrationSource(from).finally(() => setWriting(false));
    if (!prepared.ok) return say({ intent: "error", text: prepared.message });
    const now = new Date();
    const request: RegistrationRequest = {
      model: prepared.model,
      source: prepared.source,
      // Today as a day number (days since 1970-01-01, UTC), as the reader counts dates.
      today: Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000),
      when: now.toLocaleString("nl-NL", { dateStyle: "long", timeStyle: "short" }),
    };
    run(request, null, {
      onAnswer: async (message) => {
        if (message.type === "refused") return say({ intent: "error", text: `${t.registrationRefused}${message.message}` });
        setWriting(true);
        const outcome = await session.writeResult(message.plan, props.confirm);
        setWriting(false);
        const status = writeStatus(t, outcome, `${message.summary} `);
        say(outcome.status === "written" && message.report.length > 1 ? { ...status, details: message.report.slice(1, 9) } : status);
      },
      onError: (message) => say({ intent: "error", text: `${t.runFailed}${message}` }),
    });
  };

  const onFiles = async (list: FileList | null | undefined) => {
    if (!list || list.length === 0) return;
    const files = await Promise.all(Array.from(list).map(async (f) => ({ name: f.name, text: await f.text() })));
    if (fileInput.current) fileInput.current.value = "";
    await start({ kind: "files", files, copy });
  };

  const stop = () => {
    if (stopJob()) say({ intent: "info", text: t.runStopped });
  };

  const busy = running !== null || writing;
  const { onBusy } = props;
  React.useEffect(() => onBusy?.(busy), [busy, onBusy]);
  const disabled = props.disabled || busy;
  return (
    <section aria-labelledby="registration-title">
      <Text as="h2" id="registration-title" size={400} weight="semibold" block>
        {t.registration}
      </Text>
      <Text size={200} block>
        {t.registrationHelp}
      </Text>
      <div className={styles.box}>
        <input ref={fileInput} type="file" accept=".csv,.txt,text/csv" multiple hidden data-testid="registration-files" onChange={(e) => void onFiles(e.target.files)} />
        <Button appearance="primary" disabled={disabled} onClick={() => fileInput.current?.click()}>
          {t.registrationFromFile}
        </Button>
        <Checkbox label={t.registrationCopy} checked={copy} disabled={busy} data-testid="registration-copy" onChange={(_, d) => setCopy(d.checked === true)} />
        <Button disabled={disabled} onClick={() => void start({ kind: "sheets" })}>
          {t.registrationFromSheets}
        </Button>
        {last && !running && <StatusBar status={last} role="note" testId="registration-outcome" />}
        {running && (
          <div className={styles.box} data-testid="registration-running">
            <Text aria-live="polite">{t.registrationRunning.replace("{p}", String(Math.floor(running.fraction * 100)))}</Text>
            <ProgressBar value={running.fraction} max={1} aria-label={t.registration} data-testid="registration-progress" />
            <Button onClick={stop}>{t.stop}</Button>
          </div>
        )}
      </div>
    </section>
  );
}
