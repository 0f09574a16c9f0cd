/**
 * What the task pane does with a model (sessie), without any UI: start a model (new, example, imported file), write
 * its workbook plan through the gateway, read the form fields and key results back from the workbook, validate and
 * write one field, export the model as it now stands in the workbook, and write the audit sheets. The workbook is the
 * source of truth: every read goes to the cells; nothing is kept that the analyst could have changed in the sheet.
 */
import { z } from "zod";
import type { CellValue } from "../engine/cells";
import { analyse, JSON_SOURCES, ModelProblem, SCHEMA_VERSION, jsonValueProblems, parseJson } from "../engine/model";
import { LoadedModel, loadModel } from "../engine/models";
import { formatCount } from "../engine/model/limits";
import { LPBL_EXAMPLE_INPUTS } from "../engine/models/lpbl";
import { EXAMPLES } from "../engine/examples";
import { auditPlan } from "../engine/audit/auditPlan";
import { blockFieldName } from "../engine/layout/workbookLayout";
import { lpblScreenAnchors } from "../engine/workbook/lpblScreen";
import { WrittenChoices, modelWorkbook, workbookOptions } from "../engine/workbook/modelPlan";
import { PLAN_SCHEMA_VERSION, PlanField, PlanResult, WorkbookPlan, a1 } from "../engine/workbook/plan";
import type { UncertaintyRead } from "../engine/workbook/uncertaintyPlan";
import { compileJob, JobModel } from "./uncertaintyJob";
import { madeChoices, outputProblems, readUncertaintySheet, readWorkbookModel, writtenChoices } from "./workbookReader";
import { CASUSSEN, PRIJSLIJST, REGISTRATIE, VERGELIJKINGSGEBIED } from "../engine/workbook/sheetNames";
import { sheetText } from "../engine/records/sheetText";
import type { PickedFile, RegistrationSource } from "./registrationJob";
import type { OverwriteConflict, UnresolvedCall, WorkbookGateway, WriteOutcome } from "../office/gateway";
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

/** The last good model file (laatst goede model): as started, then as last read exactly from the workbook. */
const ORIGINAL_FILE = "mkba.modelBestand";
/** The document setting in which the writer lists the add-in's sheets (src/office/excelGateway.ts). */
const OWNED_SHEETS = "mkba.sheets";
/** The model types a workbook's document setting mkba.modelType may name. */
const MODEL_TYPES = ["lpbl", "vrij"] as const;
/** Office keeps document settings up to about 2 MB in all; a larger file is not kept (descriptions then stay out of the export). */
const MAX_SETTING = JSON_SOURCES.setting(ORIGINAL_FILE).maxCharacters;

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
  const parsed = parseJson(text, JSON_SOURCES.modelFile);
  return parsed.ok ? parsed : { ok: false, problems: [parsed.problem] };
}

/** A file too large to hold a model file, said before it is read into memory (its size in bytes); null when it may. */
export function modelFileTooLarge(bytes: number): ModelProblem | null {
  const max = JSON_SOURCES.modelFile.maxCharacters;
  return bytes > 4 * max ? { path: JSON_SOURCES.modelFile.path, message: `het bestand is ${formatCount(bytes)} bytes; een modelbestand heeft hoogstens ${formatCount(max)} tekens` } : null;
}

function choiceData(choice: StartChoice): { ok: true; data: unknown } | { ok: false; problems: ModelProblem[] } {
  if (choice.kind === "new-lpbl") return { ok: true, data: NEW_LPBL_MODEL };
  if (choice.kind === "new-free") return { ok: true, data: NEW_FREE_MODEL };
  if (choice.kind === "example") {
    return Object.prototype.hasOwnProperty.call(EXAMPLES, choice.name) ? { ok: true, data: EXAMPLES[choice.name] } : { ok: false, problems: [{ path: "voorbeeld", message: `onbekend voorbeeld "${choice.name}"` }] };
  }
  return parseModelFile(choice.text);
}

/** A model file's data → its workbook plan (with the engine's value of each formula cell), or every problem. */
export function planFor(data: unknown, written?: WrittenChoices): { ok: true; plan: WorkbookPlan; loaded: LoadedModel; expected: ReadonlyMap<string, number | string> } | { ok: false; problems: ModelProblem[] } {
  const loaded = loadModel(data);
  if (!loaded.ok) return loaded;
  const analysis = analyse(loaded.loaded.compiled);
  if (!analysis.ok) return analysis;
  const { plan, expected } = modelWorkbook(analysis.analysis, { ...workbookOptions(loaded.loaded), ...(written ? { written } : {}) });
  return { ok: true, plan, loaded: loaded.loaded, expected };
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

type Confirm = (c: readonly OverwriteConflict[]) => Promise<boolean>;
type Progress = (done: number, total: number, what: string) => void;
type Invalid = { status: "invalid"; problems: ModelProblem[] };

const writeOptions = (confirm: Confirm, progress?: Progress) => ({ confirm, ...(progress ? { progress } : {}) });
const settingPath = (key: string) => JSON_SOURCES.setting(key).path;

/**
 * What `Session.rebuild` would rewrite the sheets from: the model the input cells still hold (read exactly; only the sheets
 * around it no longer follow it), or the last good model kept in the document settings (the input cells are gone).
 */
export type RebuildSource = "cells" | "saved";

/**
 * What reading the workbook came to: no model of the add-in; one of a newer add-in (left as it is); problems the analyst
 * can correct, each naming its cell or document setting; a layout that is gone (a sheet deleted or renamed, rows moved),
 * with whether the session can rebuild the sheets from a good model (`rebuild`); or the model, read exactly.
 */
export type WorkbookState =
  | { status: "none" }
  | { status: "newer"; version: number }
  | Invalid
  | { status: "damaged"; problems: ModelProblem[]; rebuild: RebuildSource | null }
  | { status: "connected"; outdated: boolean };

export class Session {
  plan: WorkbookPlan | null = null;
  /** The model file `rebuild` writes, once a read found the workbook damaged and a good model to rebuild it from. */
  private rebuildFrom: unknown = null;

  constructor(private readonly gateway: WorkbookGateway) {}

  get fields(): readonly PlanField[] {
    return this.plan?.fields ?? [];
  }

  /** Starts a model: writes its plan into the workbook (asking before replacing anything of the analyst's). */
  async start(choice: StartChoice, confirm: Confirm, progress?: Progress): Promise<WriteOutcome | Invalid> {
    const data = choiceData(choice);
    if (!data.ok) return { status: "invalid", problems: data.problems };
    const outcome = await this.writeModel(data.data, confirm, progress);
    // The workbook layout has no column for descriptions: the file as started keeps them for the export, and is the
    // model to rebuild the sheets from should their layout be lost.
    if (outcome.status === "written") await this.keepGoodModel(data.data);
    return outcome;
  }

  /** A model file's data → its plan, written through the gateway (asking first); the session's plan once written. */
  private async writeModel(data: unknown, confirm: Confirm, progress?: Progress): Promise<WriteOutcome | Invalid> {
    const planned = planFor(data);
    if (!planned.ok) return { status: "invalid", problems: planned.problems };
    const outcome = await this.writePlanSafely(planned.plan, writeOptions(confirm, progress));
    if (outcome.status === "written") this.plan = planned.plan;
    return outcome;
  }

  /**
   * Add-in calls Excel shows as #NAME? because it did not tie them to the add-in (a workbook written by another tool,
   * formulas entered before the add-in loaded): found on opening, re-entered after one question (repairCalls).
   */
  async unresolvedCalls(): Promise<{ cells: UnresolvedCall[]; skipped: string[] }> {
    return this.gateway.unresolvedCalls();
  }

  /**
   * Re-enters exactly these formulas, so that Excel resolves them; nothing else in the workbook changes. Returns how
   * many of them still show #NAME? afterwards (a call of a function this add-in does not have stays so).
   */
  async repairCalls(cells: readonly UnresolvedCall[], settledWithinMs = 5000): Promise<{ repaired: number; remaining: UnresolvedCall[] }> {
    await this.gateway.reenterFormulas(cells);
    await this.gateway.calculated([...new Set(cells.map((c) => c.sheet))], settledWithinMs);
    const after = await this.gateway.unresolvedCalls();
    const was = new Set(cells.map((c) => `${c.sheet}!${c.row},${c.column}`));
    const remaining = after.cells.filter((c) => was.has(`${c.sheet}!${c.row},${c.column}`));
    return { repaired: cells.length - remaining.length, remaining };
  }

  /**
   * Writes a plan through the gateway, never throwing at the pane: the writer keeps its list of the add-in's sheets in
   * the document setting mkba.sheets, so an unreadable one (a newer add-in, a damaged file) is said before anything is
   * written, and anything Excel refuses is said in Dutch.
   */
  private async writePlanSafely(plan: WorkbookPlan, options: Parameters<WorkbookGateway["writePlan"]>[1]): Promise<WriteOutcome> {
    const owned = await this.gateway.getSetting(OWNED_SHEETS);
    if (owned !== null) {
      const parsed = parseJson(owned, JSON_SOURCES.setting(OWNED_SHEETS));
      if (!parsed.ok || !Array.isArray(parsed.data) || !parsed.data.every((x) => typeof x === "string")) {
        return { status: "failed", message: `Er is niets geschreven: de documentinstelling ${OWNED_SHEETS} (de bladen van de invoegtoepassing) is onleesbaar${parsed.ok ? "" : ` (${parsed.problem.message})`}.` };
      }
    }
    try {
      return await this.gateway.writePlan(plan, options);
    } catch (e) {
      return { status: "failed", message: `Het schrijven is niet gelukt: ${(e as Error).message}` };
    }
  }

  /**
   * Reads the workbook as it stands — when it is reopened (reconnect), and whenever the pane reads it again — without
   * writing a cell: the settings, then the layout (sheets, the input screen's labels, the model block the name Invoer
   * points at), then the model from its cells, then whether the workbook's own formulas still compute that model. When
   * all is well the plan is rebuilt in memory, and the model read is kept in the document settings as the last good
   * model (`outdated` when the workbook's plan version is older than this add-in's). When the layout is gone, `rebuild`
   * says whether `rebuild()` can rewrite the sheets from a good model.
   */
  async reconnect(): Promise<WorkbookState> {
    this.rebuildFrom = null;
    let state: WorkbookState;
    try {
      state = await this.readState();
    } catch (e) {
      // A defect, not the workbook's fault: said in the pane rather than thrown at it.
      state = { status: "invalid", problems: [{ path: "(werkmap)", message: `de werkmap kon niet worden gelezen (interne fout: ${(e as Error).message})` }] };
    }
    if (state.status !== "connected") this.plan = null;
    return state;
  }

  private async readState(): Promise<WorkbookState> {
    const settings = await this.workbookSettings();
    if (settings.status !== "ok") return settings;
    const { type, version } = settings;
    const file = await readWorkbookModel(this.gateway, type, version, (model) => this.descriptions(model, settings.kept));
    if (!file.ok) return file.kind === "invalid" ? { status: "invalid", problems: file.problems } : this.damaged(file.problems, "saved", await this.savedGoodModel(settings.kept));
    const planned = planFor(file.data);
    if (!planned.ok) return { status: "invalid", problems: placed(planned.problems, file.place) };
    // The plan the sheets were written with: for an LPBL workbook its drivers on Uitvoer A may be fewer or other than
    // the model of now ranks, and the key results are read where they stand.
    let layout = planned;
    if (version === PLAN_SCHEMA_VERSION) {
      // An LPBL workbook is checked against the choices it was written with (the drivers of the saldo, the rows of
      // Onzekerheid): inputs changed since may make the model of now choose otherwise, which is no damage.
      const written = type === "lpbl" ? await writtenChoices(this.gateway, planned.loaded.compiled.model) : null;
      const check = written && !madeChoices(planned.plan, planned.expected, written.choices) ? planFor(file.data, written.choices) : planned;
      if (!check.ok) return { status: "invalid", problems: placed(check.problems, file.place) };
      const wrong = await outputProblems(this.gateway, type, check.loaded.compiled.model, check.plan, check.expected, written?.rowsWithInputs);
      // The inputs were read exactly; it is the sheets that no longer follow them: rebuild them from what was read.
      if (wrong.length > 0) return this.damaged(wrong, "cells", file.data);
      layout = check;
    }
    this.plan = { ...layout.plan, fields: (layout.plan.fields ?? []).map((f) => ({ ...f, cell: file.fieldCell(f) })) };
    await this.keepGoodModel(file.data);
    return { status: "connected", outdated: version < PLAN_SCHEMA_VERSION };
  }

  private damaged(problems: ModelProblem[], source: RebuildSource, from: unknown): WorkbookState {
    this.rebuildFrom = from;
    if (from !== null) return { status: "damaged", problems, rebuild: source };
    return { status: "damaged", problems: [...problems, { path: settingPath(ORIGINAL_FILE), message: "er is geen bruikbaar model bewaard om de bladen mee te herstellen; laad het model opnieuw uit een bestand" }], rebuild: null };
  }

  /**
   * Rewrites the sheets of a damaged workbook (see `reconnect`) from the good model found then — the model the cells
   * still held, or else the last good model kept in the document settings — through the same writer as every start:
   * asking before replacing anything of the analyst's, keeping sheets of the analyst's, nothing half-written.
   */
  async rebuild(confirm: Confirm, progress?: Progress): Promise<WriteOutcome | Invalid> {
    const from = this.rebuildFrom;
    if (from === null) return { status: "invalid", problems: [{ path: settingPath(ORIGINAL_FILE), message: "er is geen model om de bladen mee te herstellen; lees de werkmap eerst (de werkmap is niet beschadigd, of er is geen goed model bewaard)" }] };
    const outcome = await this.writeModel(from, confirm, progress);
    if (outcome.status === "written") {
      this.rebuildFrom = null;
      await this.keepGoodModel(from);
    }
    return outcome;
  }

  /** The document settings the reader depends on, each checked: a setting it cannot use is named, never replaced by a default. */
  private async workbookSettings(): Promise<{ status: "ok"; type: string; version: number; kept: unknown } | Exclude<WorkbookState, { status: "connected" | "damaged" }>> {
    const type = await this.gateway.getSetting("mkba.modelType");
    if (type === null) return { status: "none" };
    const version = await this.planVersion();
    if (!version.ok) return { status: "invalid", problems: [version.problem] };
    // A workbook from a newer add-in may be laid out in a way this one cannot read: leave it as it is.
    if (version.version > PLAN_SCHEMA_VERSION) return { status: "newer", version: version.version };
    const schema = await this.gateway.getSetting("mkba.schemaVersion");
    if (schema !== null && schema !== String(SCHEMA_VERSION)) {
      return { status: "invalid", problems: [{ path: settingPath("mkba.schemaVersion"), message: `het model heeft schemaversie "${schema.slice(0, 20)}"; deze invoegtoepassing leest versie ${SCHEMA_VERSION} (is de werkmap met een nieuwere versie gemaakt?)` }] };
    }
    if (!(MODEL_TYPES as readonly string[]).includes(type)) {
      return { status: "invalid", problems: [{ path: settingPath("mkba.modelType"), message: `onbekend modeltype "${type.slice(0, 40)}"; deze invoegtoepassing kent ${MODEL_TYPES.map((t) => `"${t}"`).join(" en ")} (is de werkmap met een nieuwere versie gemaakt?)` }] };
    }
    return { status: "ok", type, version: version.version, kept: await this.keptModelFile() };
  }

  /** The plan version the workbook was written with: 0 when the setting is missing (before it existed), else a whole number. */
  private async planVersion(): Promise<{ ok: true; version: number } | { ok: false; problem: ModelProblem }> {
    const text = await this.gateway.getSetting("mkba.planVersion");
    if (text === null) return { ok: true, version: 0 };
    const version = /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (Number.isInteger(version)) return { ok: true, version };
    return { ok: false, problem: { path: settingPath("mkba.planVersion"), message: `"${text.slice(0, 20)}" is geen versienummer van de werkmap (een geheel getal, nu ${PLAN_SCHEMA_VERSION})` } };
  }

  /**
   * Migrates a workbook written by an older add-in (plan version < PLAN_SCHEMA_VERSION): reads the model as it stands
   * in the workbook — the analyst's values included — with the reader for its version (src/engine/workbook/plan.ts
   * lists what changed per version), and rewrites the sheets from that model at today's version through the same
   * writer as every start: asking before replacing anything of the analyst's, in one batch that leaves nothing
   * half-written. The model file kept for the export stays. Nothing is written when the workbook is current.
   */
  async migrate(confirm: Confirm, progress?: Progress): Promise<WriteOutcome | { status: "current" } | Invalid> {
    const version = await this.planVersion();
    if (!version.ok) return { status: "invalid", problems: [version.problem] };
    if (version.version >= PLAN_SCHEMA_VERSION) return { status: "current" };
    const data = await this.currentModelFile();
    if (!data.ok) return { status: "invalid", problems: data.problems };
    return this.writeModel(data.data, confirm, progress);
  }

  /** The model as it now stands in the workbook (what the analyst typed included), as a model file's data. */
  async currentModelFile(type?: string | null): Promise<{ ok: true; data: unknown } | { ok: false; problems: ModelProblem[] }> {
    const file = await this.readModelFile(type);
    return file.ok ? { ok: true, data: file.data } : file;
  }

  /** The model as it stands in the workbook, loaded: every problem named by its cell. */
  private async readModel(): Promise<{ ok: true; data: unknown; loaded: LoadedModel; uncertainty?: UncertaintyRead; place: (path: string) => string } | { ok: false; problems: ModelProblem[] }> {
    const file = await this.readModelFile();
    if (!file.ok) return file;
    const loaded = loadModel(file.data);
    return loaded.ok ? { ...file, loaded: loaded.loaded } : { ok: false, problems: placed(loaded.problems, file.place) };
  }

  /** `currentModelFile`, with the Onzekerheid sheet as read for a free model (an LPBL file has no place for it). */
  private async readModelFile(type?: string | null): Promise<{ ok: true; data: unknown; uncertainty?: UncertaintyRead; place: (path: string) => string } | { ok: false; problems: ModelProblem[] }> {
    const modelType = type ?? this.plan?.settings["mkba.modelType"] ?? (await this.gateway.getSetting("mkba.modelType"));
    const version = await this.planVersion();
    if (!version.ok) return { ok: false, problems: [version.problem] };
    const kept = await this.keptModelFile();
    const file = await readWorkbookModel(this.gateway, modelType === "lpbl" ? "lpbl" : "vrij", version.version, (model) => this.descriptions(model, kept));
    if (!file.ok) return { ok: false, problems: file.problems };
    if (!file.uncertainty?.uncertainty) return file;
    // The distributions of the Onzekerheid sheet belong to a free model's file: checked here so that problems name the cell.
    const checked = compileJob({ data: file.data, relative: file.uncertainty.relative });
    if (!checked.ok && checked.problems.some((p) => p.path.startsWith("uncertainty"))) return { ok: false, problems: placed(checked.problems, file.place) };
    return file;
  }

  /** Descriptions (which the layout has no column for) from the model kept in the document settings. */
  private descriptions(model: object, kept: unknown): object {
    return kept !== null ? withDescriptions(model, kept) : model;
  }

  /**
   * The Onzekerheid sheet as the schema's uncertainty section, the default's share and the tornado ranges (a "standaard"
   * row around the parameter's value); problems name the cell. A workbook written before the sheet existed reads as the default.
   */
  async readUncertainty(parameters: ReadonlyMap<string, number>): Promise<{ ok: true; read: UncertaintyRead } | { ok: false; problems: ModelProblem[] }> {
    const version = await this.planVersion();
    if (!version.ok) return { ok: false, problems: [version.problem] };
    const read = await readUncertaintySheet(this.gateway, parameters, version.version);
    return read.ok ? read : { ok: false, problems: read.problems };
  }

  /**
   * What a tornado or Monte Carlo run needs (for the Web Worker): the model file as it stands in the workbook and the
   * distributions of the Onzekerheid sheet, checked here so that every problem names its cell.
   */
  async uncertaintyJob(): Promise<{ ok: true; job: JobModel; ranges: UncertaintyRead["ranges"] } | { ok: false; problems: ModelProblem[] }> {
    const file = await this.readModel();
    if (!file.ok) return file;
    // A free model's file already carries the sheet's distributions; an LPBL model's sheet is read here.
    let read = file.uncertainty;
    if (!read) {
      const sheet = await this.readUncertainty(new Map(file.loaded.compiled.model.parameters.map((p) => [p.key, p.value])));
      if (!sheet.ok) return sheet;
      read = sheet.read;
    }
    const job: JobModel = { data: file.data, relative: read.relative, ...(read.uncertainty && !file.uncertainty ? { uncertainty: read.uncertainty } : {}) };
    const checked = compileJob(job);
    const sheet = read;
    if (!checked.ok) return { ok: false, problems: placed(checked.problems, (path) => sheet.cellOf(path) ?? file.place(path)) };
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
    return this.writePlanSafely(plan, writeOptions(confirm, progress));
  }

  /** The model file kept in the document settings, within the JSON limits; null when it is missing or unreadable. */
  private async keptModelFile(): Promise<unknown> {
    const text = await this.gateway.getSetting(ORIGINAL_FILE);
    if (text === null) return null;
    const parsed = parseJson(text, JSON_SOURCES.setting(ORIGINAL_FILE));
    return parsed.ok && jsonValueProblems(parsed.data).length === 0 ? parsed.data : null;
  }

  /** The kept model file when it still loads and makes a workbook, else null: the model `rebuild` can start from. */
  private async savedGoodModel(kept: unknown): Promise<unknown> {
    return kept !== null && planFor(kept).ok ? kept : null;
  }

  /** Keeps a model read exactly (or started) in the document settings as the last good model, when it fits there. */
  private async keepGoodModel(data: unknown): Promise<void> {
    const text = JSON.stringify(data);
    if (text.length > MAX_SETTING) return;
    if ((await this.gateway.getSetting(ORIGINAL_FILE)) !== text) await this.gateway.setSetting(ORIGINAL_FILE, text);
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

  /**
   * Validates and writes one field into its cell — after checking that the cell still is that field: when rows were
   * inserted, deleted or sorted, the label (LPBL) or parameter key (free model) beside it is another one, and nothing is
   * written.
   */
  async writeField(id: string, text: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const field = this.fields.find((f) => f.id === id);
    if (!field) return { ok: false, message: `onbekend veld ${id}` };
    const checked = validateField(field, text);
    if (!checked.ok) return checked;
    const moved = await this.fieldMoved(field);
    if (moved) return { ok: false, message: moved };
    await this.gateway.writeCell(field.cell.sheet, field.cell.row, field.cell.column, checked.value);
    return { ok: true };
  }

  /** Why a field's cell no longer is that field (a Dutch message naming the cell), or null when it is. */
  private async fieldMoved(field: PlanField): Promise<string | null> {
    const anchor = field.id.startsWith("parameter:")
      ? { sheet: field.cell.sheet, row: field.cell.row, column: field.cell.column - 1, text: field.id.slice("parameter:".length) }
      : lpblScreenAnchors().find((a) => a.sheet === field.cell.sheet && a.row === field.cell.row);
    if (!anchor) return null;
    let value: CellValue | undefined;
    try {
      [value] = await this.gateway.readCells([anchor]);
    } catch (e) {
      if ((e as { code?: unknown }).code !== "ItemNotFound") throw e;
      return `het blad ${field.cell.sheet} ontbreekt (verwijderd of hernoemd); er is niets geschreven`;
    }
    if (typeof value === "string" && value.trim() === anchor.text) return null;
    return `${anchor.sheet}!${a1(anchor.row, anchor.column)}: hier hoort "${anchor.text}"; de indeling van het blad is veranderd, dus ${field.cell.sheet}!${a1(field.cell.row, field.cell.column)} is niet meer dit veld — er is niets geschreven`;
  }

  /** The current model as a `*.mkba.json` text (2-space JSON). */
  async exportText(): Promise<{ ok: true; text: string; fileName: string } | { ok: false; problems: ModelProblem[] }> {
    const file = await this.readModel();
    if (!file.ok) return file;
    const name = file.loaded.lpbl ? "lpbl" : file.loaded.compiled.model.metadata.name;
    return { ok: true, text: `${JSON.stringify(file.data, null, 2)}\n`, fileName: `${name.replace(/[^A-Za-z0-9_-]+/g, "-")}.mkba.json` };
  }

  /** Rekenblad and Controle for the model as it now stands in the workbook. */
  async writeAudit(confirm: Confirm, progress: Progress): Promise<WriteOutcome | Invalid> {
    const file = await this.readModel();
    if (!file.ok) return { status: "invalid", problems: file.problems };
    const analysis = analyse(file.loaded.compiled);
    if (!analysis.ok) return { status: "invalid", problems: placed(analysis.problems, file.place) };
    return this.writePlanSafely(auditPlan(file.loaded.compiled, analysis.analysis.scenarios[0]!), writeOptions(confirm, progress));
  }
}

/** Problems with their JSON paths named by the cell that holds them, where the workbook has one. */
function placed(problems: readonly ModelProblem[], place: (path: string) => string): ModelProblem[] {
  return problems.map((p) => {
    // At a cell the path no longer says which field it is ("effects[3].category"): the message says it (categorie: …).
    const field = blockFieldName(p.path);
    const named = field === undefined || p.message.startsWith(`${field}:`) ? p.message : `${field}: ${p.message}`;
    return { path: place(p.path), message: named };
  });
}
