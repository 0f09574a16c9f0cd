/**
 * What the task pane does with a model (sessie), without any UI: start a model (new, example, imported file), write
 * its workbook plan through the gateway, read the form fields and key results back from the workbook, validate and
 * write one field, export the model as it now stands in the workbook, and write the audit sheets. The workbook is the
 * source of truth: every read goes to the cells; nothing is kept that the analyst could have changed in the sheet.
 */
import { z } from "zod";
import type { CellValue } from "../engine/cells";
import { cellsToModel } from "../engine/layout/workbookLayout";
import { analyse, ModelProblem, UNCERTAINTY_LIMITS } from "../engine/model";
import { LoadedModel, loadModel } from "../engine/models";
import { LPBL_EXAMPLE_INPUTS } from "../engine/models/lpbl";
import { EXAMPLES } from "../engine/examples";
import { auditPlan } from "../engine/audit/auditPlan";
import { lpblFileFromValues, lpblScreenFields } from "../engine/workbook/lpblScreen";
import { INVOER, modelWorkbook, workbookOptions } from "../engine/workbook/modelPlan";
import { PLAN_SCHEMA_VERSION, PlanField, PlanResult, WorkbookPlan, rangeAddress } from "../engine/workbook/plan";
import { ONZEKERHEID, UncertaintyRead, uncertaintyFromValues, uncertaintyReadArea } from "../engine/workbook/uncertaintyPlan";
import { compileJob, JobModel } from "./uncertaintyJob";
import { CASUSSEN, PRIJSLIJST, REGISTRATIE, VERGELIJKINGSGEBIED } from "../engine/workbook/sheetNames";
import { sheetText } from "../engine/records/sheetText";
import type { PickedFile, RegistrationSource } from "./registrationJob";
import type { OverwriteConflict, WorkbookGateway, WriteOutcome } from "../office/gateway";
import { isPending } from "../office/officeApi";

/** A new free model: one cost and one benefit over a parameter, two actors — a start to edit in Invoer. */
export const NEW_FREE_MODEL = {
  schemaVersion: 1,
  metadata: { name: "nieuw-model", title: "Nieuw MKBA-model", priceBaseYear: 2026, firstYear: 2026, horizon: 10, discountRule: "2026", baseScenarioName: "Basisvariant" },
  parameters: [
    { key: "deelnemers", value: 100, unit: "personen", label: "Aantal deelnemers" },
    { key: "kosten_per_deelnemer", value: 2500, unit: "euro", label: "Kosten per deelnemer" },
    { key: "besparing_per_deelnemer", value: 1000, unit: "euro per jaar", label: "Besparing per deelnemer per jaar" },
  ],
  actors: [{ name: "Gemeente", municipal: true }, { name: "Maatschappij" }],
  categories: [{ name: "Kosten aanpak", side: "kosten" }, { name: "Besparingen", side: "baten" }],
  effects: [
    { name: "Uitvoering", category: "Kosten aanpak", actor: "Gemeente", nature: "financieel", amount: "deelnemers * kosten_per_deelnemer", profile: { start: 0, duration: 1 } },
    { name: "Minder zorg", category: "Besparingen", actor: "Gemeente", nature: "financieel", amount: "deelnemers * besparing_per_deelnemer", profile: { start: 1, duration: 5 } },
  ],
} as const;

export const NEW_LPBL_MODEL = { schemaVersion: 1, modelType: "lpbl", inputs: LPBL_EXAMPLE_INPUTS, keyFigures: {} } as const;

const ORIGINAL_FILE = "mkba.modelBestand";
/** Office keeps document settings up to about 2 MB in all; a larger file is not kept (descriptions then stay out of the export). */
const MAX_SETTING = 1_000_000;

/** Descriptions from the file as started, for every actor, category, effect, scenario and run still there by name. */
export function withDescriptions<T extends object>(model: T, original: unknown): T {
  if (!Array.isArray((model as Record<string, unknown>).effects)) return model;
  if (typeof original !== "object" || original === null) return model;
  const out: Record<string, unknown> = { ...(model as Record<string, unknown>) };
  for (const list of ["actors", "categories", "effects", "scenarios", "sensitivity"] as const) {
    const from = (original as Record<string, unknown>)[list];
    const to = out[list];
    if (!Array.isArray(from) || !Array.isArray(to)) continue;
    out[list] = to.map((item: Record<string, unknown>) => {
      const match = from.find((o: unknown) => typeof o === "object" && o !== null && (o as Record<string, unknown>).name === item.name) as Record<string, unknown> | undefined;
      return match && typeof match.description === "string" && item.description === undefined ? { ...item, description: match.description } : item;
    });
  }
  const meta = (original as { metadata?: { description?: unknown } }).metadata;
  const own = out.metadata as Record<string, unknown> | undefined;
  if (own && typeof meta?.description === "string" && own.description === undefined) out.metadata = { ...own, description: meta.description };
  return out as T;
}

export type StartChoice = { kind: "new-lpbl" } | { kind: "new-free" } | { kind: "example"; name: string } | { kind: "file"; name: string; text: string };

export interface KeyResult {
  readonly result: PlanResult;
  readonly value: CellValue;
}

/** A model file's text, or every problem in Dutch. */
export function parseModelFile(text: string): { ok: true; data: unknown } | { ok: false; problems: ModelProblem[] } {
  if (text.length > 5_000_000) return { ok: false, problems: [{ path: "(bestand)", message: "het bestand is groter dan 5 MB; een modelbestand is veel kleiner" }] };
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, problems: [{ path: "(bestand)", message: `geen geldige JSON: ${(e as Error).message}` }] };
  }
}

function choiceData(choice: StartChoice): { ok: true; data: unknown } | { ok: false; problems: ModelProblem[] } {
  if (choice.kind === "new-lpbl") return { ok: true, data: NEW_LPBL_MODEL };
  if (choice.kind === "new-free") return { ok: true, data: NEW_FREE_MODEL };
  if (choice.kind === "example") {
    return Object.prototype.hasOwnProperty.call(EXAMPLES, choice.name) ? { ok: true, data: EXAMPLES[choice.name] } : { ok: false, problems: [{ path: "voorbeeld", message: `onbekend voorbeeld "${choice.name}"` }] };
  }
  return parseModelFile(choice.text);
}

/** A model file's data → its workbook plan, or every problem. */
export function planFor(data: unknown): { ok: true; plan: WorkbookPlan; loaded: LoadedModel } | { ok: false; problems: ModelProblem[] } {
  const loaded = loadModel(data);
  if (!loaded.ok) return loaded;
  const analysis = analyse(loaded.loaded.compiled);
  if (!analysis.ok) return analysis;
  const { plan } = modelWorkbook(analysis.analysis, workbookOptions(loaded.loaded));
  return { ok: true, plan, loaded: loaded.loaded };
}

/** Text typed in a field → a number: Dutch (1.234,5) or plain (1234.5), "48%" as 0,48, "€ 78.000" as 78000. */
export function parseFieldText(text: string, percent: boolean): number | null {
  let t = text.replace(/[€\s\u00a0]/g, "");
  if (t === "") return null;
  const isPercent = t.endsWith("%");
  if (isPercent) t = t.slice(0, -1);
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(",", ".");
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t)) return Number.NaN;
  const n = Number(t);
  return isPercent || (percent && text.includes("%")) ? n / 100 : n;
}

/** The zod schema of one field, Dutch messages naming the field. */
export function fieldSchema(field: PlanField) {
  const name = field.column ? `${field.label} (${field.column})` : field.label;
  const rule = field.rule;
  const show = (x: number) => (rule.percent ? `${(x * 100).toLocaleString("nl-NL")}%` : x.toLocaleString("nl-NL"));
  let schema = z.number({ error: () => `${name}: vul een getal in` }).finite(`${name}: vul een eindig getal in`);
  if (rule.type === "decimal" || rule.type === "whole") {
    if (rule.type === "whole") schema = schema.int(`${name}: vul een geheel getal in`);
    if (rule.min !== undefined) schema = schema.min(rule.min, `${name}: minstens ${show(rule.min)}`);
    if (rule.max !== undefined) schema = schema.max(rule.max, `${name}: hoogstens ${show(rule.max)}`);
  }
  return schema;
}

/** Validates typed text for a field: the number to write, or the Dutch message to show beside the field. */
export function validateField(field: PlanField, text: string): { ok: true; value: number } | { ok: false; message: string } {
  const value = parseFieldText(text, field.rule.percent === true);
  const parsed = fieldSchema(field).safeParse(value === null ? undefined : value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message };
}

/** Problems of the uncertainty section named by their cell on the Onzekerheid sheet. */
function placeProblems(problems: readonly ModelProblem[], read: UncertaintyRead): ModelProblem[] {
  return problems.map((p) => {
    const cell = read.cellOf(p.path);
    return cell ? { path: cell, message: p.message } : p;
  });
}

type Confirm = (c: readonly OverwriteConflict[]) => Promise<boolean>;
type Progress = (done: number, total: number, what: string) => void;

const writeOptions = (confirm: Confirm, progress?: Progress) => ({ confirm, ...(progress ? { progress } : {}) });

export class Session {
  plan: WorkbookPlan | null = null;

  constructor(private readonly gateway: WorkbookGateway) {}

  get fields(): readonly PlanField[] {
    return this.plan?.fields ?? [];
  }

  /** Starts a model: writes its plan into the workbook (asking before replacing anything of the analyst's). */
  async start(choice: StartChoice, confirm: Confirm, progress?: Progress): Promise<WriteOutcome | { status: "invalid"; problems: ModelProblem[] }> {
    const data = choiceData(choice);
    if (!data.ok) return { status: "invalid", problems: data.problems };
    const outcome = await this.writeModel(data.data, confirm, progress);
    if (outcome.status === "written") {
      // The workbook layout has no column for descriptions: the file as started keeps them for the export.
      const original = JSON.stringify(data.data);
      if (original.length <= MAX_SETTING) await this.gateway.setSetting(ORIGINAL_FILE, original);
    }
    return outcome;
  }

  /** A model file's data → its plan, written through the gateway (asking first); the session's plan once written. */
  private async writeModel(data: unknown, confirm: Confirm, progress?: Progress): Promise<WriteOutcome | { status: "invalid"; problems: ModelProblem[] }> {
    const planned = planFor(data);
    if (!planned.ok) return { status: "invalid", problems: planned.problems };
    const outcome = await this.gateway.writePlan(planned.plan, writeOptions(confirm, progress));
    if (outcome.status === "written") this.plan = planned.plan;
    return outcome;
  }

  /**
   * Reconnects to a workbook the add-in wrote before (reopened, mailed): reads the model from its cells and rebuilds
   * the plan in memory, without writing. `outdated` when the workbook's plan version is older than this add-in's.
   */
  async reconnect(): Promise<{ status: "none" } | { status: "connected"; outdated: boolean } | { status: "newer"; version: number } | { status: "invalid"; problems: ModelProblem[] }> {
    const type = await this.gateway.getSetting("mkba.modelType");
    if (type === null) return { status: "none" };
    const version = await this.planVersion();
    // A workbook from a newer add-in may be laid out in a way this one cannot read: leave it as it is.
    if (version > PLAN_SCHEMA_VERSION) return { status: "newer", version };
    const data = await this.currentModelFile(type);
    if (!data.ok) return { status: "invalid", problems: data.problems };
    const planned = planFor(data.data);
    if (!planned.ok) return { status: "invalid", problems: planned.problems };
    this.plan = planned.plan;
    return { status: "connected", outdated: version < PLAN_SCHEMA_VERSION };
  }

  /** The plan version the workbook was written with (0 when the setting is missing or unreadable). */
  private async planVersion(): Promise<number> {
    const version = Number((await this.gateway.getSetting("mkba.planVersion")) ?? "0");
    return Number.isInteger(version) && version >= 0 ? version : 0;
  }

  /**
   * Migrates a workbook written by an older add-in (plan version < PLAN_SCHEMA_VERSION): reads the model as it stands
   * in the workbook — the analyst's values included — with the reader for its version (src/engine/workbook/plan.ts
   * lists what changed per version), and rewrites the sheets from that model at today's version through the same
   * writer as every start: asking before replacing anything of the analyst's, in one batch that leaves nothing
   * half-written. The model file kept for the export stays. Nothing is written when the workbook is current.
   */
  async migrate(confirm: Confirm, progress?: Progress): Promise<WriteOutcome | { status: "current" } | { status: "invalid"; problems: ModelProblem[] }> {
    const version = await this.planVersion();
    if (version >= PLAN_SCHEMA_VERSION) return { status: "current" };
    const data = await this.currentModelFile();
    if (!data.ok) return { status: "invalid", problems: data.problems };
    return this.writeModel(data.data, confirm, progress);
  }

  /** The model as it now stands in the workbook (what the analyst typed included), as a model file's data. */
  async currentModelFile(type?: string | null): Promise<{ ok: true; data: unknown } | { ok: false; problems: ModelProblem[] }> {
    const file = await this.readModelFile(type);
    return file.ok ? { ok: true, data: file.data } : file;
  }

  /** `currentModelFile`, with the Onzekerheid sheet as read for a free model (an LPBL file has no place for it). */
  private async readModelFile(type?: string | null): Promise<{ ok: true; data: unknown; uncertainty?: UncertaintyRead } | { ok: false; problems: ModelProblem[] }> {
    const modelType = type ?? this.plan?.settings["mkba.modelType"] ?? (await this.gateway.getSetting("mkba.modelType"));
    if (modelType === "lpbl") {
      // An older workbook is read with the field list of its own plan version (src/engine/workbook/plan.ts).
      const version = await this.planVersion();
      const fields = lpblScreenFields(version);
      const values = await this.gateway.readCells(fields.map((f) => f.cell));
      return { ok: true, data: lpblFileFromValues(new Map(fields.map((f, i) => [f.id, values[i] ?? null])), version) };
    }
    const range = this.plan?.names.find((n) => n.name === INVOER)?.range ?? (await this.invoerRange());
    if (!range) return { ok: false, problems: [{ path: INVOER, message: "het bereik Invoer is niet gevonden in de werkmap" }] };
    const cells = await this.gateway.readRange(INVOER, rangeAddress(range));
    const read = cellsToModel(cells.map((row) => row.map((v) => (v === "" ? null : v))));
    if (!read.ok) return read;
    const original = await this.gateway.getSetting(ORIGINAL_FILE);
    const model = original ? withDescriptions(read.model, JSON.parse(original) as unknown) : read.model;
    // The distributions of the Onzekerheid sheet belong to a free model's file (an LPBL file has no place for them).
    const keys = Array.isArray((model as { parameters?: unknown }).parameters) ? ((model as { parameters: { key?: unknown }[] }).parameters.map((p) => String(p.key))) : [];
    const sheet = await this.readUncertainty(keys);
    if (!sheet.ok) return sheet;
    if (!sheet.read.uncertainty) return { ok: true, data: model, uncertainty: sheet.read };
    const data = { ...(model as object), uncertainty: sheet.read.uncertainty };
    const checked = compileJob({ data, relative: sheet.read.relative });
    if (!checked.ok && checked.problems.some((p) => p.path.startsWith("uncertainty"))) return { ok: false, problems: placeProblems(checked.problems, sheet.read) };
    return { ok: true, data, uncertainty: sheet.read };
  }

  /**
   * The Onzekerheid sheet as the schema's uncertainty section, the default's share and the tornado ranges; problems
   * name the cell. A workbook written before the sheet existed reads as the default.
   */
  async readUncertainty(keys: readonly string[]): Promise<{ ok: true; read: UncertaintyRead } | { ok: false; problems: ModelProblem[] }> {
    let grid: Awaited<ReturnType<WorkbookGateway["readRange"]>> | null;
    try {
      grid = await this.gateway.readRange(ONZEKERHEID, uncertaintyReadArea(keys.length, UNCERTAINTY_LIMITS.correlations));
    } catch (e) {
      // Only a missing sheet means "the default"; any other failure is said, not silently replaced by the default.
      if ((e as { code?: unknown }).code !== "ItemNotFound") return { ok: false, problems: [{ path: ONZEKERHEID, message: `het blad kon niet worden gelezen: ${(e as Error).message}` }] };
      grid = null;
    }
    return uncertaintyFromValues(grid, keys);
  }

  /**
   * What a tornado or Monte Carlo run needs (for the Web Worker): the model file as it stands in the workbook and the
   * distributions of the Onzekerheid sheet, checked here so that every problem names its cell.
   */
  async uncertaintyJob(): Promise<{ ok: true; job: JobModel; ranges: UncertaintyRead["ranges"] } | { ok: false; problems: ModelProblem[] }> {
    const file = await this.readModelFile();
    if (!file.ok) return file;
    // A free model's file already carries the sheet's distributions; an LPBL model's sheet is read here.
    let read = file.uncertainty;
    if (!read) {
      const loaded = loadModel(file.data);
      if (!loaded.ok) return loaded;
      const sheet = await this.readUncertainty(loaded.loaded.compiled.model.parameters.map((p) => p.key));
      if (!sheet.ok) return sheet;
      read = sheet.read;
    }
    const job: JobModel = { data: file.data, relative: read.relative, ...(read.uncertainty && !file.uncertainty ? { uncertainty: read.uncertainty } : {}) };
    const checked = compileJob(job);
    if (!checked.ok) return { ok: false, problems: placeProblems(checked.problems, read) };
    return { ok: true, job, ranges: read.ranges };
  }

  /**
   * What "Registratie inlezen" needs (for its Web Worker): the model file as it stands in the workbook, and the team's
   * tables — the picked files, or the sheets Registratie (required), Vergelijkingsgebied, Casussen and Prijslijst as the
   * workbook holds them. The Prijslijst sheet, when there, prices the cases in both cases.
   */
  async registrationSource(from: { kind: "files"; files: readonly PickedFile[]; copy: boolean } | { kind: "sheets" }): Promise<{ ok: true; model: unknown; source: RegistrationSource } | { ok: false; message: string }> {
    const file = await this.readModelFile();
    if (!file.ok) return { ok: false, message: file.problems.map((p) => `${p.path}: ${p.message}`).join("; ") };
    const read = async (sheet: string) => {
      const grid = await this.gateway.readSheet(sheet);
      return grid === null || grid.length === 0 ? null : sheetText(grid.map((row) => row.map((v) => (typeof v === "object" && v !== null ? null : v))));
    };
    const prices = await read(PRIJSLIJST);
    if (from.kind === "files") return { ok: true, model: file.data, source: { kind: "files", files: from.files, copy: from.copy, prices } };
    const records = await read(REGISTRATIE);
    if (!records) return { ok: false, message: `Er is geen blad ${REGISTRATIE} met een registratie in deze werkmap. Kies een bestand, of zet de registratie op een blad ${REGISTRATIE} (de kolommen van docs/registratie.md in rij 1).` };
    return { ok: true, model: file.data, source: { kind: "sheets", records, comparison: await read(VERGELIJKINGSGEBIED), cases: await read(CASUSSEN), prices } };
  }

  /** Writes a result sheet (Monte Carlo, Tornado) through the plan writer. */
  writeResult(plan: WorkbookPlan, confirm: Confirm, progress?: Progress): Promise<WriteOutcome> {
    return this.gateway.writePlan(plan, writeOptions(confirm, progress));
  }

  private async invoerRange() {
    const text = await this.gateway.getSetting("mkba.invoerBereik");
    if (!text) return null;
    const [row, column, rowCount, columnCount] = text.split(",").map(Number) as [number, number, number, number];
    return { row, column, rowCount, columnCount };
  }

  /** The field values as the workbook now holds them. */
  async readFields(): Promise<Map<string, CellValue>> {
    const values = await this.gateway.readCells(this.fields.map((f) => f.cell));
    return new Map(this.fields.map((f, i) => [f.id, values[i] ?? null]));
  }

  /**
   * The key results as the workbook shows them. Custom functions calculate asynchronously, so a result may read
   * `#BUSY!` (PENDING) right after a change; with `settledWithinMs` the session waits for the calculation, at most that
   * long, and a result still pending then stays PENDING.
   */
  async readResults(settledWithinMs = 0): Promise<KeyResult[]> {
    const results = this.plan?.results ?? [];
    const deadline = Date.now() + settledWithinMs;
    for (;;) {
      const values = await this.gateway.readCells(results.map((r) => r.cell));
      const pending = results.filter((_, i) => isPending(values[i]));
      if (pending.length === 0 || Date.now() >= deadline) return results.map((result, i) => ({ result, value: values[i] ?? null }));
      await this.gateway.calculated(pending.map((r) => r.cell.sheet), Math.min(1000, deadline - Date.now()));
    }
  }

  /** Validates and writes one field into its cell. */
  async writeField(id: string, text: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const field = this.fields.find((f) => f.id === id);
    if (!field) return { ok: false, message: `onbekend veld ${id}` };
    const checked = validateField(field, text);
    if (!checked.ok) return checked;
    await this.gateway.writeCell(field.cell.sheet, field.cell.row, field.cell.column, checked.value);
    return { ok: true };
  }

  /** The current model as a `*.mkba.json` text (2-space JSON). */
  async exportText(): Promise<{ ok: true; text: string; fileName: string } | { ok: false; problems: ModelProblem[] }> {
    const data = await this.currentModelFile();
    if (!data.ok) return data;
    const loaded = loadModel(data.data);
    if (!loaded.ok) return loaded;
    const name = loaded.loaded.lpbl ? "lpbl" : loaded.loaded.compiled.model.metadata.name;
    return { ok: true, text: `${JSON.stringify(data.data, null, 2)}\n`, fileName: `${name.replace(/[^A-Za-z0-9_-]+/g, "-")}.mkba.json` };
  }

  /** Rekenblad and Controle for the model as it now stands in the workbook. */
  async writeAudit(confirm: Confirm, progress: Progress): Promise<WriteOutcome | { status: "invalid"; problems: ModelProblem[] }> {
    const data = await this.currentModelFile();
    if (!data.ok) return { status: "invalid", problems: data.problems };
    const loaded = loadModel(data.data);
    if (!loaded.ok) return { status: "invalid", problems: loaded.problems };
    const analysis = analyse(loaded.loaded.compiled);
    if (!analysis.ok) return { status: "invalid", problems: analysis.problems };
    return this.gateway.writePlan(auditPlan(loaded.loaded.compiled, analysis.analysis.scenarios[0]!), writeOptions(confirm, progress));
  }
}
