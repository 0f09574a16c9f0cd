/**
 * The task pane (taakvenster) in Fluent UI React v9: start a model (new LPBL or free model, an example, an imported
 * file), the input form generated from the plan's fields, the key results read live from the workbook, export, and the
 * audit sheets. Every action goes through the session (session.ts) and the gateway; this file only shows and asks.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CellValue } from "../engine/cells";
import { exampleNames } from "../engine/examples";
import { PlanField, a1 } from "../engine/workbook/plan";
import type { ModelProblem } from "../engine/model";
import type { OverwriteConflict, UnresolvedCall, WorkbookGateway, WriteOutcome } from "../office/gateway";
import { fieldText } from "./fieldText";
import { Status, StatusBar, problemsStatus, writeStatus } from "./status";
import { Language, TEXTS, Texts, formatField, formatResult } from "./i18n";
import { KeyResult, RebuildSource, Session, StartChoice, modelFileTooLarge, validateField } from "./session";
import { Uncertainty } from "./Uncertainty";
import { Registration } from "./Registration";

const useStyles = makeStyles({
  root: { padding: "12px", display: "flex", flexDirection: "column", gap: "12px", maxWidth: "520px", boxSizing: "border-box", overflowWrap: "anywhere" },
  header: { display: "flex", alignItems: "center", gap: "8px", borderBottom: `2px solid ${tokens.colorBrandStroke1}`, paddingBottom: "8px" },
  title: { flexGrow: 1 },
  language: { flexShrink: 0, whiteSpace: "nowrap", overflowWrap: "normal" },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "end" },
  results: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", rowGap: "2px", columnGap: "8px" },
  /** A result in words (the saldo's main drivers) takes the whole width under its label. */
  resultText: { gridColumn: "1 / -1", paddingLeft: "12px", color: tokens.colorNeutralForeground2 },
  resultLabelWide: { gridColumn: "1 / -1" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  fields: { display: "flex", flexDirection: "column", gap: "8px" },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
});

/** A model's problems in the status bar. */
const invalid = (texts: Texts, problems: readonly ModelProblem[]): Status => problemsStatus(texts.invalid, problems);

/** A workbook whose layout no longer matches its model: where, and what rebuilding would write. */
function damagedStatus(texts: Texts, source: RebuildSource | null, problems: readonly ModelProblem[]): Status {
  const how = source === "cells" ? ` ${texts.rebuildFromCells}` : source === "saved" ? ` ${texts.rebuildFromSaved}` : "";
  return { ...problemsStatus(`${texts.damaged}${how}`, problems), intent: "warning" };
}

/** A conflicting cell as the analyst knows it: the form field's label when the cell is a field, with its address. */
function conflictLabel(conflict: OverwriteConflict, fields: readonly PlanField[]): string {
  const field = fields.find((f) => f.cell.sheet === conflict.sheet && a1(f.cell.row, f.cell.column) === conflict.address);
  const place = `${conflict.sheet}!${conflict.address}`;
  return field ? `${field.label}${field.column ? ` — ${field.column}` : ""} (${place})` : place;
}

const FUNCTION_EXAMPLES = ["=MKBA.NCW(B2:K2; 2,25%)", '=MKBA.RATIO(B3:K3; B4:K4; "2021")', '=MKBA.SCENARIO(Invoer; "Basisvariant"; "saldo")'];

export function App({ gateway, initialLanguage }: { gateway: WorkbookGateway; initialLanguage: Language }) {
  const styles = useStyles();
  const [language, setLanguage] = React.useState<Language>(initialLanguage);
  const t = TEXTS[language];
  const session = React.useMemo(() => new Session(gateway), [gateway]);
  const [fields, setFields] = React.useState<readonly PlanField[]>([]);
  const [values, setValues] = React.useState<Map<string, CellValue>>(new Map());
  const [results, setResults] = React.useState<KeyResult[]>([]);
  const [status, setStatus] = React.useState<Status | null>(gateway.available ? null : { intent: "warning", text: TEXTS[initialLanguage].outside });
  const [progress, setProgress] = React.useState<number | null>(null);
  const [example, setExample] = React.useState(exampleNames()[0]!);
  const [outdated, setOutdated] = React.useState(false);
  const [unresolved, setUnresolved] = React.useState<{ cells: readonly UnresolvedCall[]; skipped: readonly string[] } | null>(null);
  /** What the sheets can be rebuilt from, while the workbook's layout no longer matches its model (herstellen). */
  const [damaged, setDamaged] = React.useState<RebuildSource | null>(null);
  const [uncertaintyBusy, setUncertaintyBusy] = React.useState(false);
  const [registrationBusy, setRegistrationBusy] = React.useState(false);
  const [question, setQuestion] = React.useState<{ conflicts: readonly OverwriteConflict[]; answer: (yes: boolean) => void } | null>(null);
  const unsubscribe = React.useRef<(() => Promise<void>)[]>([]);
  /** Stops following the workbook (before the add-in rewrites it, so that no refresh reads a half-written sheet). */
  const stopListening = React.useCallback(async () => {
    const stops = unsubscribe.current;
    unsubscribe.current = [];
    await Promise.all(stops.map((u) => u().catch(() => undefined)));
  }, []);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    document.documentElement.lang = language;
    try {
      localStorage.setItem("mkba.taal", language);
    } catch {
      /* no storage: the choice lasts this session */
    }
  }, [language]);

  const confirm = React.useCallback((conflicts: readonly OverwriteConflict[]) => new Promise<boolean>((answer) => setQuestion({ conflicts, answer })), []);

  /** Reads fields and results from the workbook; a result still calculating shows as such until onCalculated. */
  const refresh = React.useCallback(async () => {
    setFields(session.fields);
    setValues(await session.readFields());
    setResults(await session.readResults());
  }, [session]);

  const refreshResults = React.useCallback(async () => setResults(await session.readResults()), [session]);

  /** Follows the workbook: the analyst's edits on the form's sheets, and each calculation of the results' sheets. */
  const listen = React.useCallback(async () => {
    await stopListening();
    const fieldSheets = [...new Set(session.fields.map((f) => f.cell.sheet))];
    const resultSheets = [...new Set((session.plan?.results ?? []).map((r) => r.cell.sheet))];
    unsubscribe.current = await Promise.all([
      ...fieldSheets.map((sheet) => gateway.onSheetChanged(sheet, () => void refresh())),
      ...resultSheets.map((sheet) => gateway.onSheetCalculated(sheet, () => void refreshResults())),
    ]);
  }, [gateway, refresh, refreshResults, session]);

  /** Reads the model back from the workbook the pane opened on, and says how that went (reopened, mailed, older, damaged). */
  const connect = React.useCallback(async () => {
    const r = await session.reconnect();
    if (r.status === "connected") {
      setOutdated(r.outdated);
      setStatus(r.outdated ? { intent: "warning", text: TEXTS[initialLanguage].outdated } : { intent: "info", text: TEXTS[initialLanguage].reconnected });
      await listen();
      await refresh();
    } else if (r.status === "newer") setStatus({ intent: "warning", text: TEXTS[initialLanguage].newer.replace("{v}", String(r.version)) });
    else if (r.status === "invalid") setStatus(invalid(TEXTS[initialLanguage], r.problems));
    else if (r.status === "damaged") {
      setDamaged(r.rebuild);
      setStatus(damagedStatus(TEXTS[initialLanguage], r.rebuild, r.problems));
    } else setStatus({ intent: "info", text: TEXTS[initialLanguage].ready });
    return r.status;
  }, [session, refresh, listen, initialLanguage]);

  React.useEffect(() => {
    if (!gateway.available) return;
    void (async () => {
      // Add-in calls Excel shows as #NAME? (a file from another tool, formulas typed before the add-in loaded) come first:
      // until they are re-entered every output reads an error that is not the analyst's, so the workbook is read after.
      try {
        const found = await session.unresolvedCalls();
        if (found.cells.length > 0) {
          setUnresolved(found);
          return;
        }
      } catch {
        /* the search is a courtesy: a workbook it cannot read is read as it is */
      }
      await connect();
    })();
  }, [gateway, session, connect]);

  /** Runs a write with the progress bar, then says in the status bar how it ended; true when written. */
  const write = async (action: (progress: (done: number, total: number) => void) => Promise<WriteOutcome | { status: "invalid"; problems: ModelProblem[] }>) => {
    setProgress(0);
    const outcome = await action((done, total) => setProgress(done / total));
    setProgress(null);
    setStatus(outcome.status === "invalid" ? invalid(t, outcome.problems) : writeStatus(t, outcome));
    return outcome.status === "written";
  };

  const run = async (choice: StartChoice) => {
    await stopListening();
    const written = await write((progress) => session.start(choice, confirm, progress));
    // Cancelled or failed: the workbook is as it was, so the pane follows it as before.
    if (written || session.fields.length > 0) {
      await listen();
      await refresh();
    }
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    // Not read into memory when it cannot be a model file.
    const tooLarge = modelFileTooLarge(file.size);
    if (tooLarge) return setStatus(invalid(t, [tooLarge]));
    await run({ kind: "file", name: file.name, text: await file.text() });
    if (fileInput.current) fileInput.current.value = "";
  };

  const onExport = async () => {
    const exported = await session.exportText();
    if (!exported.ok) {
      setStatus(invalid(t, exported.problems));
      return;
    }
    const url = URL.createObjectURL(new Blob([exported.text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = exported.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus({ intent: "success", text: `${t.exported}${exported.fileName}` });
  };

  const onAudit = () => write((progress) => session.writeAudit(confirm, progress));

  const onMigrate = async () => {
    await stopListening();
    const written = await write(async (progress) => {
      const outcome = await session.migrate(confirm, progress);
      return outcome.status === "current" ? { status: "cancelled" as const } : outcome;
    });
    if (written) setOutdated(false);
    await listen();
    await refresh();
  };

  const onRepair = async () => {
    if (!unresolved) return;
    setProgress(0);
    try {
      const { repaired, remaining } = await session.repairCalls(unresolved.cells);
      setUnresolved(null);
      // Now the workbook can be read; what reading it says (older, damaged) comes before the repair's own report.
      const read = await connect();
      if (read === "connected" || read === "none") {
        setStatus(
          remaining.length === 0
            ? { intent: "success", text: t.repaired.replace("{n}", String(repaired)) }
            : { intent: "warning", text: t.repairedPartly.replace("{n}", String(repaired)).replace("{m}", String(remaining.length)).replace("{cell}", `${remaining[0]!.sheet}!${a1(remaining[0]!.row, remaining[0]!.column)}`) },
        );
      }
    } catch (e) {
      setStatus({ intent: "error", text: `${t.repairFailed}${(e as Error).message}` });
    } finally {
      setProgress(null);
    }
  };

  const onRebuild = async () => {
    if (await write((progress) => session.rebuild(confirm, progress))) {
      setDamaged(null);
      await refresh();
      await listen();
    }
  };

  const sections = [...new Set(fields.map((f) => f.section))];
  // While a tornado or Monte Carlo run is under way, nothing else writes: its result belongs to the model it started on.
  const disabled = !gateway.available || progress !== null || uncertaintyBusy || registrationBusy;

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" alt="" width={32} height={32} />
        <div className={styles.title}>
          <Text as="h1" size={500} weight="semibold" block>
            MKBA
          </Text>
          <Text size={200}>{t.subtitle}</Text>
        </div>
        <Button className={styles.language} appearance="subtle" aria-label={t.languageLabel} onClick={() => setLanguage(language === "nl" ? "en" : "nl")}>
          {t.language}
        </Button>
      </header>

      {status && <StatusBar status={status} role="status" />}
      {progress !== null && <ProgressBar value={progress} aria-label={t.working} />}
      {unresolved && (
        <div>
          <StatusBar
            role="note"
            testId="unresolved"
            status={{
              intent: "warning",
              text: `${t.unresolved.replace("{n}", String(unresolved.cells.length))}${unresolved.skipped.length > 0 ? ` ${t.unresolvedSkipped.replace("{sheets}", unresolved.skipped.join(", "))}` : ""}`,
            }}
          />
          <Button appearance="primary" disabled={disabled} onClick={() => void onRepair()}>
            {t.repair}
          </Button>
        </div>
      )}
      {damaged !== null && (
        <Button appearance="primary" disabled={disabled} onClick={() => void onRebuild()}>
          {t.rebuild}
        </Button>
      )}
      {outdated && (
        <Button appearance="primary" disabled={disabled} onClick={() => void onMigrate()}>
          {t.migrate}
        </Button>
      )}

      <section aria-labelledby="start-title">
        <Text as="h2" id="start-title" size={400} weight="semibold" block>
          {t.start}
        </Text>
        <div className={styles.row}>
          <Button appearance="primary" disabled={disabled} onClick={() => void run({ kind: "new-lpbl" })}>
            {t.newLpbl}
          </Button>
          <Button disabled={disabled} onClick={() => void run({ kind: "new-free" })}>
            {t.newFree}
          </Button>
        </div>
        <div className={styles.row}>
          <Field label={t.example}>
            <Select value={example} onChange={(_, d) => setExample(d.value)} disabled={disabled}>
              {exampleNames().map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={disabled} onClick={() => void run({ kind: "example", name: example })}>
            {t.load}
          </Button>
        </div>
        <div className={styles.row}>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="import-file" onChange={(e) => void onImport(e.target.files?.[0])} />
          <Button disabled={disabled} onClick={() => fileInput.current?.click()}>
            {t.importFile}
          </Button>
          <Button disabled={disabled || fields.length === 0} onClick={() => void onExport()}>
            {t.exportFile}
          </Button>
        </div>
      </section>

      {results.length > 0 && (
        <section aria-labelledby="results-title">
          <Text as="h2" id="results-title" size={400} weight="semibold" block>
            {t.results}
          </Text>
          <div className={styles.results} data-testid="results">
            {results.map((r) => (
              <React.Fragment key={r.result.id}>
                <Text className={r.result.format === "tekst" ? styles.resultLabelWide : undefined}>{t[`result_${r.result.id}`]}</Text>
                <Text className={r.result.format === "tekst" ? styles.resultText : styles.number} data-result={r.result.id}>
                  {formatResult(r.value, r.result.format, language)}
                </Text>
              </React.Fragment>
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="form-title">
        <Text as="h2" id="form-title" size={400} weight="semibold" block>
          {t.form}
        </Text>
        {fields.length === 0 ? (
          <Text>{t.noModel}</Text>
        ) : (
          <Accordion multiple collapsible defaultOpenItems={[sections[0]!]}>
            {sections.map((section) => (
              <AccordionItem key={section} value={section}>
                <AccordionHeader>{fieldText(section, language)}</AccordionHeader>
                <AccordionPanel>
                  <div className={styles.fields}>
                    {fields
                      .filter((f) => f.section === section)
                      .map((f) => (
                        <FormField key={f.id} field={f} value={values.get(f.id) ?? null} language={language} disabled={disabled} session={session} onWritten={refresh} />
                      ))}
                  </div>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        )}
      </section>

      <section aria-labelledby="audit-title">
        <Text as="h2" id="audit-title" size={400} weight="semibold" block>
          {t.audit}
        </Text>
        <Text size={200} block>
          {t.auditHelp}
        </Text>
        <Button disabled={disabled || fields.length === 0} onClick={() => void onAudit()}>
          {t.auditButton}
        </Button>
      </section>

      <Uncertainty session={session} texts={t} language={language} disabled={!gateway.available || progress !== null || fields.length === 0 || registrationBusy} onStatus={setStatus} confirm={confirm} onBusy={setUncertaintyBusy} />

      <Registration session={session} texts={t} disabled={!gateway.available || progress !== null || fields.length === 0 || uncertaintyBusy || session.plan?.settings["mkba.modelType"] !== "lpbl"} onStatus={setStatus} confirm={confirm} onBusy={setRegistrationBusy} />

      <section aria-labelledby="functions-title">
        <Text as="h2" id="functions-title" size={400} weight="semibold" block>
          {t.functions}
        </Text>
        <ul>
          {FUNCTION_EXAMPLES.map((f) => (
            <li key={f}>
              <code className={styles.code}>{f}</code>
            </li>
          ))}
        </ul>
      </section>

      <Dialog open={question !== null} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>
              <Text block>{t.confirmText}</Text>
              <ul>
                {question?.conflicts.slice(0, 12).map((c) => (
                  <li key={`${c.sheet}!${c.address}`}>
                    {c.reason === "user-sheet" ? `${c.sheet}: ${t.userSheet}` : `${conflictLabel(c, fields)}: ${String(c.current)} → ${String(c.planned)}`}
                  </li>
                ))}
                {question && question.conflicts.length > 12 && <li>… +{question.conflicts.length - 12}</li>}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => (question?.answer(false), setQuestion(null))}>
                {t.cancel}
              </Button>
              <Button onClick={() => (question?.answer(true), setQuestion(null))}>{t.overwrite}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}

/** One field: label, unit, the value as it stands in the workbook, a Dutch message beside it when the text is not allowed. */
function FormField(props: { field: PlanField; value: CellValue; language: Language; disabled: boolean; session: Session; onWritten: () => Promise<void> }) {
  const { field, value, language } = props;
  const percent = field.rule.percent === true;
  const shown = formatField(value, percent, language);
  const [text, setText] = React.useState(shown);
  const [message, setMessage] = React.useState<string | null>(null);
  React.useEffect(() => setText(shown), [shown]);
  const commit = async () => {
    if (text === shown) return;
    const checked = validateField(field, text);
    if (!checked.ok) {
      setMessage(checked.message);
      return;
    }
    setMessage(null);
    const written = await props.session.writeField(field.id, text);
    if (!written.ok) setMessage(written.message);
    await props.onWritten();
  };
  // In English the label and unit are translated; the Dutch label as it stands on the sheet follows the unit.
  const label = field.column ? `${fieldText(field.label, language)} — ${fieldText(field.column, language)}` : fieldText(field.label, language);
  const hint = language === "nl" ? field.unit : `${fieldText(field.unit, language)} · ${field.column ? `${field.label} — ${field.column}` : field.label}`;
  return (
    <Field label={label} hint={hint} validationMessage={message ?? undefined} validationState={message ? "error" : "none"}>
      <Input
        value={text}
        disabled={props.disabled}
        data-field={field.id}
        onChange={(_, d) => setText(d.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === "Enter") void commit();
        }}
      />
    </Field>
  );
}
