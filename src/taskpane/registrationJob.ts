/**
 * "Registratie inlezen" for the task pane (registratieopdracht), as its Web Worker (registration.worker.ts) runs it:
 * the messages between pane and worker and the run itself — free of DOM and worker APIs, so that Node (the tests and
 * `npm run bench`) runs the very same code. The request carries the model file as it stands in the workbook and the
 * team's tables: CSV files the analyst picked (recognised by their columns) or the sheets Registratie,
 * Vergelijkingsgebied, Casussen and Prijslijst as read from the workbook. The answer is the workbook plan of the
 * registration sheets (registrationPlan.ts), which the pane writes through the one plan writer. Nothing is sent
 * anywhere: the worker runs in the pane, on the analyst's machine.
 */
import { loadModel } from "../engine/models";
import { parseCsv } from "../engine/records/csv";
import { normaliseHeader } from "../engine/records/cells";
import { DEFAULT_THRESHOLD } from "../engine/records/format";
import { Table, runRegistration } from "../engine/records/pipeline";
import { readReportLines } from "../engine/records/read";
import type { WorkbookPlan } from "../engine/workbook/plan";
import { registrationSummary, registrationWorkbook } from "../engine/workbook/registrationPlan";

export interface PickedFile {
  readonly name: string;
  readonly text: string;
}

/** Rows of a registration file copied into the workbook at most (Office.js writes ~70 cells per row; beyond this it takes minutes). */
export const COPY_LIMIT_ROWS = 20_000;

export type RegistrationSource =
  | { readonly kind: "files"; readonly files: readonly PickedFile[]; /** Also put the files' tables on the sheets Registratie, … */ readonly copy: boolean; /** The Prijslijst sheet, when the workbook has one. */ readonly prices: Table | null }
  | { readonly kind: "sheets"; readonly records: Table; readonly comparison: Table | null; readonly cases: Table | null; readonly prices: Table | null };

export interface RegistrationRequest {
  /** The model file's data as it stands in the workbook (an LPBL model). */
  readonly model: unknown;
  readonly source: RegistrationSource;
  /** Today (day number, UTC) and how the pane says it ("3 december 2026 12:00"). */
  readonly today: number;
  readonly when: string;
  readonly threshold?: number;
  readonly seed?: number;
}

export type RegistrationMessage =
  | { readonly type: "progress"; readonly fraction: number }
  | { readonly type: "done"; readonly plan: WorkbookPlan; readonly summary: string; readonly report: readonly string[] }
  | { readonly type: "refused"; readonly message: string };

type FileKind = "registratie" | "vergelijkingsgebied" | "casussen" | "prijslijst";

/** What a CSV file holds, by the columns of its first line. */
export function fileKind(text: string): FileKind {
  const first = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/, 1)[0] ?? "";
  const sep = [";", "\t", ",", "|"].reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best), ";");
  const headers = new Set(first.split(sep).map((h) => normaliseHeader(h.replace(/^"|"$/g, ""))));
  if (headers.has("casus") && headers.has("post")) return "casussen";
  if (headers.has("post") && headers.has("prijs")) return "prijslijst";
  if (headers.has("huishoudens") && headers.has("meting") && !headers.has("id")) return "vergelijkingsgebied";
  return "registratie";
}

function csvTable(file: PickedFile): { ok: true; rows: string[][] } | { ok: false; message: string } {
  const parsed = parseCsv(file.text, file.name);
  return parsed.ok ? { ok: true, rows: parsed.rows } : { ok: false, message: parsed.message };
}

/** Runs a request: progress as the records are read and measured, then the plan to write (or the refusal, in Dutch). */
export function runRegistrationJob(request: RegistrationRequest, post: (message: RegistrationMessage) => void): void {
  const loaded = loadModel(request.model);
  if (!loaded.ok) return post({ type: "refused", message: `Het model in de werkmap klopt niet: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}` });
  if (!loaded.loaded.lpbl) return post({ type: "refused", message: "MKBA 2.0 en 3.0 vullen de invoer A–C van het LPBL-model: begin een LPBL-model (Nieuw LPBL-model of het voorbeeld lpbl)." });
  const src = request.source;
  let records: { csv: string; name: string } | { table: Table; name: string };
  let comparison: Table | null = null;
  let cases: Table | null = null;
  let prices: Table | null = src.prices;
  let sourceName: string;
  if (src.kind === "files") {
    const byKind = new Map<FileKind, PickedFile[]>();
    for (const f of src.files) byKind.set(fileKind(f.text), [...(byKind.get(fileKind(f.text)) ?? []), f]);
    const regs = byKind.get("registratie") ?? [];
    if (regs.length !== 1) return post({ type: "refused", message: regs.length === 0 ? "Kies een registratiebestand (.csv met de kolommen id, datum_aanmelding, meting, datum_meting, …; zie docs/registratie.md)." : `Kies één registratiebestand, niet ${regs.length} (${regs.map((f) => f.name).join(", ")}); een vergelijkingsgebied, casussen of prijslijst mag erbij.` });
    for (const kind of ["vergelijkingsgebied", "casussen", "prijslijst"] as const) {
      const files = byKind.get(kind) ?? [];
      if (files.length > 1) return post({ type: "refused", message: `Kies hoogstens één ${kind}bestand (${files.map((f) => f.name).join(", ")}).` });
      if (files.length === 1) {
        const t = csvTable(files[0]!);
        if (!t.ok) return post({ type: "refused", message: t.message });
        if (kind === "vergelijkingsgebied") comparison = t.rows;
        else if (kind === "casussen") cases = t.rows;
        else prices = t.rows;
      }
    }
    records = { csv: regs[0]!.text, name: regs[0]!.name };
    sourceName = src.files.map((f) => f.name).join(", ");
  } else {
    records = { table: src.records, name: "het blad Registratie" };
    comparison = src.comparison;
    cases = src.cases && src.cases.length > 1 ? src.cases : null;
    sourceName = "de bladen van deze werkmap";
  }
  const outcome = runRegistration(loaded.loaded, {
    records,
    comparison,
    cases,
    prices,
    today: request.today,
    threshold: request.threshold ?? DEFAULT_THRESHOLD,
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    progress: (fraction) => post({ type: "progress", fraction: 0.95 * fraction }),
  });
  if (!outcome.ok) return post({ type: "refused", message: outcome.what === "registratie" ? outcome.message : `${outcome.what}: ${outcome.message}` });
  const run = outcome.run;
  // The files' tables go into the workbook only when asked, and only up to a size Office.js writes in reasonable time.
  let copied: { records?: Table; comparison?: Table | null; cases?: Table | null } | undefined;
  let copyNote = "";
  if (src.kind === "files" && src.copy) {
    const rows = "csv" in records ? csvTable({ name: records.name, text: records.csv }) : { ok: true as const, rows: [...records.table] as string[][] };
    if (rows.ok && rows.rows.length - 1 <= COPY_LIMIT_ROWS) copied = { records: rows.rows, comparison, cases };
    else copyNote = ` De registratie is niet in de werkmap gezet: meer dan ${COPY_LIMIT_ROWS.toLocaleString("nl-NL")} rijen.`;
  }
  const plan = registrationWorkbook(run, { when: request.when, source: sourceName, ...(copied ? { inputs: copied } : {}), prices: src.kind === "files" ? true : src.prices === null }).plan;
  post({ type: "progress", fraction: 1 });
  post({ type: "done", plan, summary: `${registrationSummary(run)}${copyNote}`, report: readReportLines(run.report) });
}
