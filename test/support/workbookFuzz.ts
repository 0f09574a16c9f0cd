/**
 * The workbook fuzz (issue 22): an analyst edits the workbook the task pane wrote, at will — and the pane reads it back.
 * Each workbook starts from an example, written by the task pane's Session through the ExcelGateway into the Excel
 * protocol host (test/support/officeHost/: Office.js's own client against HyperFormula with every MKBA.* function, so Uitvoer
 * really recalculates, asynchronously). Then seeded random analyst edits,
 * one after another, straight into the host (as Excel would take them from the keyboard): text in a number cell, "5,5%"
 * as text, values pasted over formulas, rows deleted or inserted in the input screen, sheets renamed or deleted, a block
 * sorted, `#REF!` left behind, 10.000 rows pasted, a document setting of a newer add-in, the kept model JSON corrupted
 * or nested 100.000 levels. After each edit a new Session reads the workbook (as the pane does when it is opened) and
 * the outcome is judged against an oracle that knows what the edit means for the model file:
 *
 * - read: the model read equals the model the edit leaves (compared as validated models and as the engine's runs —
 *   `loadModel`/`analyse` on the values planted), and every key result the pane shows equals the engine's figure;
 * - refused (invalid, newer): allowed when the oracle's model does not load, or the edit leaves no model; every problem
 *   names a cell ("Invoer!B27"), a sheet or a document setting, in Dutch — and a value the engine refuses names the cell
 *   it was typed in;
 * - rebuild offered (damaged): the session's rebuild is then accepted, and the workbook must read back exactly the model
 *   it was rebuilt from, with every sheet of the analyst's untouched;
 * - never: an exception (crash), a model read that differs from the oracle's (silent wrong), a cell that changed while the
 *   session only read (analyst cell changed), a message in English or without its place.
 *
 * After a refusal the analyst presses undo (HyperFormula's undo of the edit, the settings put back) and the workbook must
 * read as before; after a read, now and then a form field is written through the session, and only that cell may
 * change. `fuzzWorkbooks` returns the counts per edit kind.
 */
import { HyperFormula, SimpleCellAddress } from "hyperformula";
import { EXAMPLES } from "../../src/engine/examples";
import { modelToCells } from "../../src/engine/layout/workbookLayout";
import { JSON_SOURCES, ModelProblem, analyse, analysisJson } from "../../src/engine/model";
import { LoadResult, loadModel } from "../../src/engine/models";
import { LPBL_KEY_FIGURES } from "../../src/engine/models/lpbl";
import { lpblScreenFields } from "../../src/engine/workbook/lpblScreen";
import { GEVOELIGHEID, INVOER, KENGETALLEN, LOPENDE_AANPAK, ONZEKERHEID, REKENKERN, UITVOER } from "../../src/engine/workbook/sheetNames";
import { PLAN_SCHEMA_VERSION, a1 } from "../../src/engine/workbook/plan";
import { ExcelGateway } from "../../src/office/excelGateway";
import { Session, WorkbookState, planFor } from "../../src/taskpane/session";
import { SETTLE_MS } from "../../src/taskpane/workbookReader";
import { expectedKey } from "../../src/engine/workbook/outputCells";
import { ExcelHost } from "./officeHost/excelHost";

export const EDIT_KINDS = [
  "getal getypt",
  "tekst in getalcel",
  "5,5% als tekst",
  "cel leeggemaakt",
  "waarde over formule",
  "rijen verwijderd",
  "rijen ingevoegd",
  "blad hernoemd",
  "blad verwijderd",
  "blok gesorteerd",
  "#VERW! achtergelaten",
  "10.000 rijen geplakt",
  "instelling nieuwere versie",
  "instelling corrupt",
  "modelinstelling diep genest",
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];
/** Edits of the layout (not of cell contents or settings): not undone by the fuzz (see fuzzWorkbooks). */
const STRUCTURAL: readonly EditKind[] = ["rijen verwijderd", "rijen ingevoegd", "blad hernoemd", "blad verwijderd"];

export interface KindCounts {
  tried: number;
  read: number;
  refused: number;
  rebuildOffered: number;
  rebuildUnavailable: number;
  crashes: number;
  silentWrong: number;
  analystCellsChanged: number;
  badMessages: number;
  wrongRefusals: number;
  fieldWrites: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly edits: number;
  readonly workbooks: number;
  readonly rebuilds: number;
  readonly kinds: Record<string, KindCounts>;
  /** The first failures, each with the edit that led to it (for reproducing: seed and position). */
  readonly failures: string[];
  /** Per kind of edit, what the pane said: the first message of each shape (numbers and quoted text aside), with its place. */
  readonly messages: Record<string, string[]>;
}

/** Messages kept per kind of edit in the report, one of each shape. */
const MESSAGES_PER_KIND = 8;
/** A message's shape: its words without the numbers, cells and quoted values that vary from edit to edit. */
const shapeOf = (message: string) => message.replace(/"(?:[^"]|"")*"/g, '""').replace(/[A-Z]{1,3}\d+/g, "·").replace(/-?[\d.,]*\d/g, "#");

const ENGLISH = /\b(expected|received|invalid input|unrecognized|too small|too big|must be|is not|undefined|NaN|Infinity|null prototype|error|cannot|failed|not found|does not exist)\b/i;
const PLAN_SHEETS = [INVOER, KENGETALLEN, UITVOER, LOPENDE_AANPAK, GEVOELIGHEID, ONZEKERHEID, REKENKERN];
const SETTING_PATH = /^\(documentinstelling mkba\.[A-Za-z]+\)$/;
const CELL_PATH = /^('?)[^!]+\1!\$?[A-Z]{1,3}\$?\d+/;

/** A small seeded generator (mulberry32): the same seed, the same edits. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

// ------------------------------------------------------------------------------------------------ the model side

type Path = readonly (string | number)[];
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function setPath(data: unknown, path: Path, value: unknown): unknown {
  const copy = clone(data) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== "object") node[key] = typeof path[path.indexOf(key) + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const jsonPathOf = (path: Path) => path.reduce<string>((out, k) => (typeof k === "number" ? `${out}[${k}]` : out === "" ? k : `${out}.${k}`), "");

/**
 * A validated model as a text that two equal models share: without the texts the layout has no column for
 * (descriptions come from the kept setting), keys in order (a scenario's overrides come in the parameters' order from
 * the cells), an effect's time profile with its defaults (start 0, duration 1) — and the engine's run of it.
 */
function comparable(loaded: LoadResult): string | null {
  if (!loaded.ok) return null;
  const strip = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(strip)
      : typeof x === "object" && x !== null
        ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== "description").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, strip(v)]))
        : x;
  const model = loaded.loaded.compiled.model;
  const effects = loaded.loaded.compiled.effects.map((e) => ({ ...e.effect, profile: e.effect.nature === "pm" ? undefined : e.effect.profile?.amounts ? e.effect.profile : { ...e.effect.profile, start: e.start, duration: e.duration } }));
  const analysis = analyse(loaded.loaded.compiled);
  return JSON.stringify([strip({ ...model, effects }), analysis.ok ? analysisJson(analysis.analysis) : analysis.problems]);
}

/** Where two comparable texts first differ, for a failure's description. */
function difference(a: string | null, b: string): string {
  if (a === null) return "niet te laden";
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `gelezen …${a.slice(Math.max(0, i - 60), i + 60)}… verwacht …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

/** Whether a model file loads and analyses (what the pane must read), with the engine's problems when it does not. */
function oracle(data: unknown): { ok: true; key: string } | { ok: false; paths: string[] } {
  const loaded = loadModel(data);
  if (!loaded.ok) return { ok: false, paths: loaded.problems.map((p) => p.path) };
  const analysis = analyse(loaded.loaded.compiled);
  if (!analysis.ok) return { ok: false, paths: analysis.problems.map((p) => p.path) };
  return { ok: true, key: comparable(loaded)! };
}

/** A cell of the workbook with its meaning in the model file. */
interface ModelCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly path: Path;
  readonly kind: "number" | "expression" | "integer" | "override" | "runValue" | "share" | "count" | "keyFigure";
  readonly min?: number;
  readonly max?: number;
}

/** A row of a free model's block and what deleting it means for the model file. */
interface BlockRow {
  readonly row: number;
  readonly remove: ((file: unknown) => unknown) | "blank" | "structure";
}

/** Where each value of a free model lies in its block (written from row 0 of Invoer, as the plan does), and each row's meaning. */
function freeLayout(model: Record<string, unknown>): { cells: ModelCell[]; rows: BlockRow[] } {
  const grid = modelToCells(model as never);
  const cells: ModelCell[] = [];
  const rows: BlockRow[] = [];
  const m = model as { parameters: { key: string }[]; scenarios: { overrides: Record<string, number> }[]; effects: { nature: string; profile?: { amounts?: unknown[] } }[]; sensitivity: { name: string; overrides: Record<string, number> }[] };
  let section = "";
  let index = -1;
  let header: string[] = [];
  const sensitivityRows: { run: number; key: string }[] = m.sensitivity.flatMap((s, run) => Object.keys(s.overrides).map((key) => ({ run, key })));
  const settingPaths: Record<string, string> = { naam: "name", titel: "title", omschrijving: "description", prijspeil: "priceBaseYear", "eerste jaar": "firstYear", looptijd: "horizon", discontoregel: "discountRule", basisscenario: "baseScenarioName", bronnen: "sources" };
  grid.forEach((row, r) => {
    const first = row[0];
    if (typeof first === "string" && first.startsWith("[")) {
      section = first;
      index = -1;
      header = row.map((h) => (typeof h === "string" ? h : ""));
      rows.push({ row: r, remove: "structure" });
      return;
    }
    if (row.every((v) => v === null || v === "")) {
      rows.push({ row: r, remove: "blank" });
      return;
    }
    index++;
    const i = index;
    if (section === "[Instellingen]") {
      const field = settingPaths[String(first)]!;
      rows.push({ row: r, remove: (file) => setPath(file, ["metadata", field], undefined) });
      if (field === "horizon" || field === "priceBaseYear" || field === "firstYear") cells.push({ sheet: INVOER, row: r, column: 1, path: ["metadata", field], kind: "integer" });
    } else if (section === "[Actoren]") rows.push({ row: r, remove: (file) => setPath(file, ["actors", i], undefined) });
    else if (section === "[Categorieën]") rows.push({ row: r, remove: (file) => setPath(file, ["categories", i], undefined) });
    else if (section === "[Parameters]") {
      const key = m.parameters[i]!.key;
      // The row holds the parameter and its value in every scenario column: all of it goes.
      rows.push({ row: r, remove: (file) => m.scenarios.reduce((f, _, j) => setPath(f, ["scenarios", j, "overrides", key], undefined), setPath(file, ["parameters", i], undefined)) });
      cells.push({ sheet: INVOER, row: r, column: 1, path: ["parameters", i, "value"], kind: "number" });
      m.scenarios.forEach((_, j) => cells.push({ sheet: INVOER, row: r, column: 5 + j, path: ["scenarios", j, "overrides", key], kind: "override" }));
    } else if (section === "[Effecten]") {
      rows.push({ row: r, remove: (file) => setPath(file, ["effects", i], undefined) });
      const effect = m.effects[i]!;
      if (effect.nature === "pm" || effect.profile?.amounts) return;
      cells.push({ sheet: INVOER, row: r, column: header.indexOf("bedrag"), path: ["effects", i, "amount"], kind: "expression" });
      cells.push({ sheet: INVOER, row: r, column: header.indexOf("start"), path: ["effects", i, "profile", "start"], kind: "integer" });
      cells.push({ sheet: INVOER, row: r, column: header.indexOf("duur"), path: ["effects", i, "profile", "duration"], kind: "integer" });
    } else if (section === "[Gevoeligheid]") {
      const { run, key } = sensitivityRows[i]!;
      // A run whose last row goes is gone (the layout has a run only where it has a row).
      rows.push({
        row: r,
        remove: (file) => {
          const without = setPath(file, ["sensitivity", run, "overrides", key], undefined) as { sensitivity: { overrides: object }[] };
          return Object.keys(without.sensitivity[run]!.overrides).length === 0 ? setPath(without, ["sensitivity", run], undefined) : without;
        },
      });
      cells.push({ sheet: INVOER, row: r, column: header.indexOf("waarde"), path: ["sensitivity", run, "overrides", key], kind: "runValue" });
    }
  });
  return { cells, rows };
}

/** The LPBL screen's and Kengetallen's fields with their meaning in the LPBL file. */
function lpblCells(): ModelCell[] {
  return lpblScreenFields().map((f) => {
    const path: Path = f.id.startsWith("keyFigures.") ? ["keyFigures", f.id.slice("keyFigures.".length)] : ["inputs", ...f.id.split(".")];
    const kind = f.id.startsWith("keyFigures.") ? "keyFigure" : f.rule.percent ? "share" : "count";
    return { sheet: f.cell.sheet, row: f.cell.row, column: f.cell.column, path, kind, ...(f.rule.type !== "list" && f.rule.min !== undefined ? { min: f.rule.min } : {}), ...(f.rule.type !== "list" && f.rule.max !== undefined ? { max: f.rule.max } : {}) };
  });
}

/** A typed value's meaning in the file: blank is absent (a blank key figure stays a blank: refused, not the default). */
function fileValue(cell: ModelCell, value: unknown): unknown {
  if (cell.kind === "keyFigure") {
    if (value === null) return null;
    const standard = LPBL_KEY_FIGURES.find((k) => k.key === cell.path[1])!.value;
    return value === standard ? undefined : value;
  }
  if (value === null) {
    // A blank start or duration is the layout's default (0 and 1), as a file without them; a blank value of a run is missing.
    if (cell.kind === "runValue") return "(leeg)";
    // A blank cell of the LPBL screen is empty, not the input's default (Voorkomen huisuitzettingen: 1%).
    if (cell.path[0] === "inputs") return null;
    return undefined;
  }
  return value;
}

// ------------------------------------------------------------------------------------------------ the workbook side

interface Snapshot {
  readonly sheets: Map<string, { id: number; rows: unknown[][]; json: string }>;
  readonly settings: Map<string, unknown>;
  /** "Sheet!row,column" of every cell a dynamic array spills into (its value is the formula's, not typed). */
  readonly spilled?: Set<string>;
}

/** Every sheet's contents as HyperFormula keeps them (formulas as text, constants, and the values formulas spill). */
export function snapshot(host: ExcelHost, withSpills = false): Snapshot {
  const hf = host.hf;
  const sheets = new Map<string, { id: number; rows: unknown[][]; json: string }>();
  for (const name of hf.getSheetNames()) {
    const id = hf.getSheetId(name)!;
    const rows = hf.getSheetSerialized(id) as unknown[][];
    sheets.set(name, { id, rows, json: JSON.stringify(rows) });
  }
  if (!withSpills) return { sheets, settings: new Map(host.settings) };
  const spilled = new Set<string>();
  for (const sheet of host.book.sheets) {
    const name = host.book.nameOf(sheet);
    hf.getSheetFormulas(sheet.hf).forEach((row, r) =>
      row.forEach((formula, c) => {
        if (typeof formula !== "string" || !hf.isCellPartOfArray({ sheet: sheet.hf, row: r, col: c })) return;
        const area = host.book.spillArea(sheet, r, c);
        if (!area) return;
        for (let i = 0; i < area.rows; i++) for (let j = 0; j < area.columns; j++) if (i > 0 || j > 0) spilled.add(`${name}!${area.row + i},${area.column + j}`);
      }),
    );
  }
  return { sheets, settings: new Map(host.settings), spilled };
}

/** The cells (sheet!A1) whose contents differ: what the analyst made, so not a value a formula spilled there. */
function changedCells(host: ExcelHost, before: Snapshot, after: Snapshot, only?: readonly string[]): string[] {
  const names = only ?? [...new Set([...before.sheets.keys(), ...after.sheets.keys()])];
  const out: string[] = [];
  for (const name of names) {
    const a = before.sheets.get(name);
    const b = after.sheets.get(name);
    if (a?.json === b?.json) continue;
    if (!a || !b) {
      out.push(`${name} (${a ? "weg" : "nieuw"})`);
      continue;
    }
    for (let r = 0; r < Math.max(a.rows.length, b.rows.length); r++) {
      for (let c = 0; c < Math.max(a.rows[r]?.length ?? 0, b.rows[r]?.length ?? 0); c++) {
        const x = a.rows[r]?.[c] ?? null;
        const y = b.rows[r]?.[c] ?? null;
        if (JSON.stringify(x) === JSON.stringify(y)) continue;
        const address = { sheet: b.id, row: r, col: c };
        if (!host.hf.doesCellHaveFormula(address) && host.hf.isCellPartOfArray(address)) continue;
        out.push(`${name}!${a1(r, c)}`);
      }
    }
  }
  return out;
}

/**
 * The analyst's undo (Ctrl+Z) of an edit of cell contents: every cell that differs from `prior` (taken with its spills
 * before the edit) gets back what it held — its formula, its constant, or blank where a dynamic array spilled (so the
 * array spills there again) — typed per column run, as one paste each. Settings are not cells (see `undo`).
 */
export function restore(host: ExcelHost, prior: Snapshot): void {
  const now = snapshot(host);
  for (const [name, before] of prior.sheets) {
    const after = now.sheets.get(name);
    if (!after || after.json === before.json) continue;
    const height = Math.max(before.rows.length, after.rows.length);
    const width = Math.max(0, ...before.rows.map((r) => r.length), ...after.rows.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      let run: { row: number; values: (string | number | boolean | null)[][] } | null = null;
      const flush = () => {
        if (run) host.paste(name, run.row, c, run.values);
        run = null;
      };
      for (let r = 0; r < height; r++) {
        const x = before.rows[r]?.[c] ?? null;
        const y = after.rows[r]?.[c] ?? null;
        if (JSON.stringify(x) === JSON.stringify(y)) {
          flush();
          continue;
        }
        // The snapshot holds HyperFormula's serialized contents: text typed as text is already "'text" there (as
        // Excel keeps 'text as text), so it is typed back as it stands — content() would add a second apostrophe.
        const value = prior.spilled?.has(`${name}!${r},${c}`) ? null : typeof x === "string" && x.startsWith("'") ? x : content(x);
        if (run === null) run = { row: r, values: [] };
        (run as { values: unknown[][] }).values.push([value]);
      }
      flush();
    }
  }
}

/** A cell's contents as HyperFormula takes them: a formula, a number, or text kept as text. */
const content = (value: unknown): string | number | boolean | null => (typeof value === "string" && !value.startsWith("=") ? `'${value}` : (value as string | number | null));

function usedHeight(hf: HyperFormula, sheet: string): number {
  return hf.doesSheetExist(sheet) ? hf.getSheetDimensions(hf.getSheetId(sheet)!).height : 0;
}

// ------------------------------------------------------------------------------------------------ edits

/** What an edit means: the model file the workbook now holds (null: none), and what is still a right answer. */
interface Edit {
  readonly kind: EditKind;
  readonly what: string;
  /** The model file the workbook holds after the edit; null when the edit leaves none that may be read. */
  readonly model: unknown;
  /** Refusing or offering a rebuild is right too (a structural edit, a sheet that no longer matches). */
  readonly refusalAllowed: boolean;
  /** The cell a refusal must name (a value typed there that the engine refuses). */
  readonly cell?: ModelCell;
  /** Settings to put back when the analyst undoes the edit. */
  readonly settings?: Record<string, string | null>;
  /** Undone after the read even when it was read (a value over its own formula: it would no longer follow the model). */
  readonly undoAfterRead?: boolean;
}

interface State {
  readonly example: string;
  readonly lpbl: boolean;
  /** The model file the workbook holds now. */
  file: unknown;
}

function valueFor(rng: Random, cell: ModelCell): number {
  const bounds = () => {
    if (cell.kind === "share") return rng.chance(0.8) ? Math.round(rng.next() * 100) / 100 : rng.pick([1.5, -0.2, 100]);
    if (cell.kind === "integer") return rng.chance(0.8) ? rng.int(cell.path[cell.path.length - 1] === "horizon" ? 60 : 8) + (cell.path[cell.path.length - 1] === "duration" ? 1 : 0) : rng.pick([2.5, -1, 500, 1e9]);
    if (cell.min !== undefined || cell.max !== undefined) {
      const low = cell.min ?? 0;
      const high = Math.min(cell.max ?? low + 1e6, low + 1e6);
      return rng.chance(0.85) ? Math.round(low + rng.next() * (high - low)) : rng.pick([low - 1, (cell.max ?? 1e12) * 10, 1e308]);
    }
    return rng.chance(0.85) ? Math.round((rng.next() - 0.3) * 10 ** rng.int(7) * 100) / 100 : rng.pick([1e308, -1e308, 5e-324, 1e15]);
  };
  return bounds();
}

const TEXTS = ["veel", "n.v.t.", "1.000,5", "€ 78.000", "ongeveer 5", "WAAR", " ", "=", "x*"];

/** Puts values into cells as the analyst types them (one undoable batch). */
function typeInto(host: ExcelHost, cells: readonly { sheet: string; row: number; column: number; value: unknown }[]): void {
  for (const c of cells) host.type(c.sheet, c.row, c.column, content(c.value));
}

function valueEdit(rng: Random, host: ExcelHost, state: State, cells: readonly ModelCell[], kind: EditKind): Edit {
  const cell = rng.pick(cells);
  const place = `${cell.sheet}!${a1(cell.row, cell.column)}`;
  let typed: unknown;
  if (kind === "getal getypt") typed = valueFor(rng, cell);
  else if (kind === "tekst in getalcel") typed = rng.pick(TEXTS);
  else if (kind === "5,5% als tekst") typed = rng.pick(["5,5%", "48%", "0,5 %"]);
  else typed = null;
  typeInto(host, [{ sheet: cell.sheet, row: cell.row, column: cell.column, value: typed }]);
  // The file the analyst means: for an expression cell text is an expression; elsewhere text is what it is (refused).
  const meaning = fileValue(cell, typed);
  const model = setPath(state.file, cell.path, meaning);
  // The horizon and an LPBL model's running approach shape the output sheets (a row per year, a block per cohort on
  // Lopende aanpak, the charts' ranges): a rebuild offer is right too.
  const reshapes = (cell.path[0] === "metadata" && cell.path[1] === "horizon") || (cell.path[0] === "inputs" && cell.path[1] === "runningApproach");
  return { kind, what: `${place} := ${JSON.stringify(typed)}`, model, refusalAllowed: reshapes, cell };
}

function pastedOverFormula(rng: Random, host: ExcelHost, state: State): Edit {
  const hf = host.hf;
  // Formula cells on Invoer (the LPBL block's references), Uitvoer, Gevoeligheid, Onzekerheid, Lopende aanpak.
  const formulasOn = (sheet: string): SimpleCellAddress[] => {
    const id = hf.getSheetId(sheet)!;
    const { width, height } = hf.getSheetDimensions(id);
    const found: SimpleCellAddress[] = [];
    for (let row = 0; row < height; row++) for (let col = 0; col < width; col++) if (hf.doesCellHaveFormula({ sheet: id, row, col })) found.push({ sheet: id, row, col });
    return found;
  };
  const sheets = [INVOER, UITVOER, UITVOER, GEVOELIGHEID, ONZEKERHEID, LOPENDE_AANPAK, REKENKERN].filter((s) => hf.doesSheetExist(s)).map((sheet) => ({ sheet, formulas: formulasOn(sheet) })).filter((x) => x.formulas.length > 0);
  const { sheet, formulas } = rng.pick(sheets);
  const address = rng.pick(formulas);
  const current = hf.getCellValue(address);
  // Mostly another value; now and then the very value the formula shows (harmless: the sheet still computes the same).
  const same = rng.chance(0.2) && typeof current === "number";
  const value = same ? current : rng.chance(0.7) ? Math.round(rng.next() * 1e6) : rng.pick(TEXTS);
  typeInto(host, [{ sheet, row: address.row, column: address.col, value }]);
  // A figure of the model (the plan knows the engine's value of that cell) that now shows another number: the pane may
  // not say all is well. A formula that is no figure of the model (a check's "in orde") may go unnoticed.
  const planned = planFor(state.file);
  const figure = planned.ok && planned.expected.has(expectedKey(sheet, address.row, address.col));
  // The very value over its formula is harmless now, but no longer follows the model: the analyst undoes it after the read.
  return { kind: "waarde over formule", what: `${sheet}!${a1(address.row, address.col)} (formule) := ${JSON.stringify(value)}`, model: figure && !same ? null : state.file, refusalAllowed: !same, undoAfterRead: same };
}

function rowsDeleted(rng: Random, host: ExcelHost, state: State): Edit {
  const hf = host.hf;
  const sheet = state.lpbl ? rng.pick([INVOER, INVOER, KENGETALLEN, UITVOER]) : rng.pick([INVOER, INVOER, INVOER, UITVOER]);
  const height = usedHeight(hf, sheet);
  const row = rng.chance(0.9) ? rng.int(Math.max(1, height)) : height + rng.int(5);
  const count = rng.chance(0.8) ? 1 : 1 + rng.int(3);
  const what = `${sheet}: rij ${row + 1}${count > 1 ? ` t/m ${row + count}` : ""} verwijderd`;
  // On an LPBL workbook's Invoer, rows below the model block (10.000 pasted ones) are nobody's.
  const end = state.lpbl && sheet === INVOER ? blockRows(hf).bottom + 1 : height;
  let model: unknown = row >= end ? state.file : null;
  if (row < height && !state.lpbl && sheet === INVOER) {
    // Each deleted row's meaning, the last first (so that the earlier items keep their index): a blank row none, an
    // item row that item gone, a section heading no model at all; a row outside the block none either.
    const { top, bottom } = blockRows(hf);
    const rows = freeLayoutIn(hf, comparableModel(state.file)).rows;
    model = state.file;
    for (let r = row + count - 1; r >= row && model !== null; r--) {
      if (r < top || r > bottom) continue;
      const meaning = rows.find((x) => x.row === r);
      if (!meaning || meaning.remove === "blank") continue;
      model = meaning.remove === "structure" ? null : meaning.remove(model);
    }
  }
  if (row < height && sheet === UITVOER) model = state.file; // the model is untouched; its output sheet is not
  host.deleteRows(sheet, row, count);
  return { kind: "rijen verwijderd", what, model, refusalAllowed: row < end };
}

function rowsInserted(rng: Random, host: ExcelHost, state: State): Edit {
  const hf = host.hf;
  const sheet = state.lpbl ? rng.pick([INVOER, INVOER, KENGETALLEN, UITVOER]) : rng.pick([INVOER, INVOER, INVOER, UITVOER]);
  const height = usedHeight(hf, sheet);
  const row = rng.int(height + 3);
  const count = rng.chance(0.8) ? 1 : 1 + rng.int(5);
  host.insertRows(sheet, row, count);
  // Blank rows inside a free model's block are skipped (the name Invoer grows with them); on an LPBL screen they move
  // its fields; on Uitvoer they move the outputs the pane checks.
  const free = !state.lpbl && sheet === INVOER;
  const end = state.lpbl && sheet === INVOER ? blockRows(hf).bottom + 1 + count : height;
  return { kind: "rijen ingevoegd", what: `${sheet}: ${count} rij(en) ingevoegd boven rij ${row + 1}`, model: state.file, refusalAllowed: !free && row < end };
}

function sheetRenamedOrDeleted(rng: Random, host: ExcelHost, state: State, kind: "blad hernoemd" | "blad verwijderd"): Edit {
  const hf = host.hf;
  const names = hf.getSheetNames();
  const sheet = rng.chance(0.9) ? rng.pick(names.filter((n) => PLAN_SHEETS.includes(n))) : "Blad1";
  if (!hf.doesSheetExist(sheet)) return { kind, what: `${sheet} bestaat niet`, model: state.file, refusalAllowed: false };
  let n = 2;
  while (hf.doesSheetExist(`${sheet} (${n})`)) n++;
  const renamed = `${sheet} (${n})`;
  if (kind === "blad hernoemd") host.renameSheet(sheet, renamed);
  else host.removeSheet(sheet);
  const harmless = !PLAN_SHEETS.includes(sheet);
  return { kind, what: `${sheet} ${kind === "blad hernoemd" ? `hernoemd tot "${renamed}"` : "verwijderd"}`, model: harmless ? state.file : null, refusalAllowed: !harmless };
}

function blockSorted(rng: Random, host: ExcelHost, state: State): Edit {
  const hf = host.hf;
  if (state.lpbl) {
    // A section of the screen, or the key figures, sorted on column A (the rows move; the model block's references do not).
    const sheet = rng.pick([INVOER, KENGETALLEN]);
    const top = sheet === KENGETALLEN ? 4 : 4 + rng.int(20);
    const count = 3 + rng.int(6);
    const sorted = sortRows(host, sheet, top, count);
    if (sorted === null) return { kind: "blok gesorteerd", what: `${sheet}: rijen ${top + 1}–${top + count} niet gesorteerd (Excel weigert een deel van een matrix)`, model: state.file, refusalAllowed: false };
    const same = sorted.every((from, to) => from === to);
    return { kind: "blok gesorteerd", what: `${sheet}: rijen ${top + 1}–${top + count} gesorteerd op kolom A`, model: same ? state.file : null, refusalAllowed: !same };
  }
  const model = comparableModel(state.file);
  const list = rng.pick(["parameters", "effects", "actors", "categories"] as const);
  const items = (model[list] as unknown[]).length;
  // The list's rows where they stand now (its item rows in the block, blank rows the analyst inserted left out); only
  // a list whose rows are together is sorted (the analyst selects them).
  const itemRows = freeItemRows(hf, model, list);
  const together = itemRows.every((r, i) => r === itemRows[0]! + i);
  if (items < 2 || itemRows.length !== items || !together) return { kind: "blok gesorteerd", what: `${list}: niet gesorteerd`, model: state.file, refusalAllowed: false };
  const order = sortRows(host, INVOER, itemRows[0]!, items);
  if (order === null) return { kind: "blok gesorteerd", what: `${list}: niet gesorteerd (Excel weigert een deel van een matrix)`, model: state.file, refusalAllowed: false };
  const same = order.every((from, to) => from === to);
  // The model with that list in the sorted order; for parameters the scenario columns move with their rows.
  const sorted = clone(model);
  (sorted as Record<string, unknown[]>)[list] = order.map((i) => (model[list] as unknown[])[i]);
  return { kind: "blok gesorteerd", what: `Invoer: ${list} gesorteerd op kolom A`, model: same ? state.file : sorted, refusalAllowed: !same };
}

/**
 * The analyst selects `count` rows from `top`, as wide as the sheet is used, and sorts them on column A (the host's
 * Sort, as Excel's). The permutation applied (row i now holds what row order[i] held); null when Excel refuses (the
 * rows cut through a dynamic array).
 */
function sortRows(host: ExcelHost, sheet: string, top: number, count: number): number[] | null {
  const { width } = host.hf.getSheetDimensions(host.sheetId(sheet));
  try {
    return host.sort(sheet, `A${top + 1}:${a1(top + count - 1, Math.max(0, width - 1))}`, 0);
  } catch (e) {
    if (/part of an array/.test((e as Error).message)) return null;
    throw e;
  }
}

/** The rows (now) of one list of a free model's block: its items, in the model's order. */
function freeItemRows(hf: HyperFormula, model: Record<string, unknown>, list: "parameters" | "effects" | "actors" | "categories"): number[] {
  const layout = freeLayoutIn(hf, model);
  const probe = (layout.rows.filter((r) => typeof r.remove === "function") as { row: number; remove: (f: unknown) => unknown }[]).filter((r) => {
    // A row belongs to the list when removing it shortens that list.
    const after = r.remove(model) as Record<string, unknown[]>;
    return Array.isArray(after[list]) && after[list]!.length === (model[list] as unknown[]).length - 1 && JSON.stringify(after[list]) !== JSON.stringify(model[list]);
  });
  return probe.map((r) => r.row);
}

/** The rows of Invoer the free model's block covers now (the name Invoer, which Excel moves and resizes with rows). */
function blockRows(hf: HyperFormula): { top: number; bottom: number } {
  const expression = String(hf.getNamedExpression(INVOER)?.expression ?? "");
  const m = /\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?/.exec(expression.split("!")[1] ?? "");
  return m ? { top: Number(m[1]) - 1, bottom: Number(m[2] ?? m[1]) - 1 } : { top: 0, bottom: -1 };
}

/**
 * A free model's layout where its rows stand now: each non-blank row the layout writes for the model is paired, in
 * order, with the next non-blank row of the block in the workbook that starts with the same name (a setting, an actor,
 * a parameter key, an effect, a run) — blank rows the analyst inserted are skipped by the reader too. A row of the
 * layout that is not in the workbook any more (a setting row deleted, the model then taking its default) has no
 * place: its cells are not offered for editing.
 */
export function freeLayoutIn(hf: HyperFormula, model: Record<string, unknown>): { cells: ModelCell[]; rows: BlockRow[] } {
  const layout = freeLayout(model);
  const grid = modelToCells(model as never);
  const name = (v: unknown) => (typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v));
  const planned = grid.map((row, r) => (row.every((v) => v === null || v === "") ? -1 : r)).filter((r) => r >= 0);
  const sheet = hf.getSheetId(INVOER);
  const { top, bottom } = blockRows(hf);
  const width = grid[0]?.length ?? 1;
  const actual: { row: number; name: string }[] = [];
  for (let r = top; sheet !== undefined && r <= bottom; r++) {
    const values = Array.from({ length: width }, (_, c) => hf.getCellValue({ sheet, row: r, col: c }));
    if (!values.every((v) => v === null || v === "")) actual.push({ row: r, name: name(values[0]) });
  }
  const rowOf = new Map<number, number>();
  let next = 0;
  for (const p of planned) {
    let k = next;
    while (k < actual.length && actual[k]!.name !== name(grid[p]![0])) k++;
    if (k >= actual.length) continue; // not in the workbook now
    rowOf.set(p, actual[k]!.row);
    next = k + 1;
  }
  const blank = new Set(grid.map((row, r) => (row.every((v) => v === null || v === "") ? r : -1)));
  const blankRowOf = (r: number) => top + r; // a blank row of the layout: only meaningful before any insertion
  const placed = <T extends { row: number }>(items: readonly T[]): T[] =>
    items.flatMap((x) => (rowOf.has(x.row) ? [{ ...x, row: rowOf.get(x.row)! }] : blank.has(x.row) ? [{ ...x, row: blankRowOf(x.row) }] : []));
  return { cells: placed(layout.cells), rows: placed(layout.rows) };
}

function refLeftBehind(rng: Random, host: ExcelHost, state: State, cells: readonly ModelCell[]): Edit {
  const cell = rng.pick(cells);
  typeInto(host, [{ sheet: cell.sheet, row: cell.row, column: cell.column, value: "=Verwijderd!A1" }]);
  return { kind: "#VERW! achtergelaten", what: `${cell.sheet}!${a1(cell.row, cell.column)} := =Verwijderd!A1 (#VERW!)`, model: null, refusalAllowed: true, cell };
}

function tenThousandRows(rng: Random, host: ExcelHost, state: State, cells: readonly ModelCell[]): Edit {
  const hf = host.hf;
  const below = rng.chance(0.3);
  const start = below ? { sheet: INVOER, row: usedHeight(hf, INVOER) + 2 + rng.int(20), column: rng.int(4) } : rng.pick(cells);
  const width = 1 + rng.int(2);
  const numeric = rng.chance(0.8);
  const values = Array.from({ length: 10_000 }, (_, r) => Array.from({ length: width }, (_, c) => (numeric ? ((r * 7 + c * 3) % 97) / 100 : `regel ${r}`)));
  host.paste(start.sheet, start.row, start.column, values.map((row) => row.map(content)));
  const what = `${start.sheet}!${a1(start.row, start.column)}: 10.000 × ${width} ${numeric ? "getallen" : "teksten"} geplakt`;
  if (below) return { kind: "10.000 rijen geplakt", what, model: state.file, refusalAllowed: false };
  // Over the input cells: each field under the paste gets its value (the oracle's model); what else the paste covered
  // (labels, the model block's formulas) may make the workbook damaged.
  let model = state.file;
  for (const cell of cells) {
    if (cell.sheet !== start.sheet || cell.row < start.row || cell.column < start.column || cell.column >= start.column + width) continue;
    model = setPath(model, cell.path, fileValue(cell, values[cell.row - start.row]![cell.column - start.column]));
  }
  return { kind: "10.000 rijen geplakt", what, model, refusalAllowed: true };
}

function settingEdit(rng: Random, host: ExcelHost, state: State, kind: EditKind): Edit {
  const set = (key: string, value: string) => {
    const before = (host.settings.get(key) as string | undefined) ?? null;
    host.settings.set(key, value);
    return { [key]: before };
  };
  if (kind === "instelling nieuwere versie") {
    const which = rng.int(3);
    if (which === 0) return { kind, what: "mkba.planVersion nieuwer", model: null, refusalAllowed: true, settings: set("mkba.planVersion", String(PLAN_SCHEMA_VERSION + 1 + rng.int(50))) };
    if (which === 1) return { kind, what: "mkba.schemaVersion 2", model: null, refusalAllowed: true, settings: set("mkba.schemaVersion", "2") };
    return { kind, what: "mkba.modelType onbekend", model: null, refusalAllowed: true, settings: set("mkba.modelType", rng.pick(["lpbl-2", "vrij2", "MKBA"])) };
  }
  if (kind === "modelinstelling diep genest") {
    const levels = rng.pick([33, 1000, 100_000]);
    return { kind, what: `mkba.modelBestand ${levels} niveaus diep`, model: state.file, refusalAllowed: false, settings: set("mkba.modelBestand", `${"[".repeat(levels)}${"]".repeat(levels)}`) };
  }
  const kept = (host.settings.get("mkba.modelBestand") as string | undefined) ?? "{}";
  const which = rng.int(5);
  if (which === 0) return { kind, what: "mkba.modelBestand afgekapt", model: state.file, refusalAllowed: false, settings: set("mkba.modelBestand", kept.slice(0, rng.int(kept.length))) };
  if (which === 1) return { kind, what: "mkba.modelBestand te groot", model: state.file, refusalAllowed: false, settings: set("mkba.modelBestand", `{"x":"${"a".repeat(JSON_SOURCES.setting("x").maxCharacters)}"}`) };
  if (which === 2) return { kind, what: "mkba.planVersion onleesbaar", model: null, refusalAllowed: true, settings: set("mkba.planVersion", rng.pick(["abc", "2.5", "-1", ""])) };
  if (which === 3) return { kind, what: "mkba.sheets onleesbaar", model: state.file, refusalAllowed: false, settings: set("mkba.sheets", "[\"Invoer\",") };
  return { kind, what: "mkba.modelBestand onzin", model: state.file, refusalAllowed: false, settings: set("mkba.modelBestand", rng.pick(["null", "42", '"tekst"', "{}", "[]", '{"__proto__":{"x":1}}'])) };
}

/** The validated model of a free model file, as the plan wrote it (defaults filled in). */
export function comparableModel(file: unknown): Record<string, unknown> {
  const loaded = loadModel(file);
  if (!loaded.ok) throw new Error("the fuzz's own model does not load");
  return clone(loaded.loaded.compiled.model) as unknown as Record<string, unknown>;
}

function makeEdit(rng: Random, host: ExcelHost, state: State, kind: EditKind): Edit {
  // A free model's block may have moved or grown blank rows (rows inserted): its cells where they stand now.
  const placed = state.lpbl ? lpblCells() : freeLayoutIn(host.hf, comparableModel(state.file)).cells;
  switch (kind) {
    case "getal getypt":
    case "tekst in getalcel":
    case "5,5% als tekst":
    case "cel leeggemaakt":
      return valueEdit(rng, host, state, kind === "tekst in getalcel" || kind === "5,5% als tekst" ? placed.filter((c) => c.kind !== "expression") : placed, kind);
    case "waarde over formule":
      return pastedOverFormula(rng, host, state);
    case "rijen verwijderd":
      return rowsDeleted(rng, host, state);
    case "rijen ingevoegd":
      return rowsInserted(rng, host, state);
    case "blad hernoemd":
    case "blad verwijderd":
      return sheetRenamedOrDeleted(rng, host, state, kind);
    case "blok gesorteerd":
      return blockSorted(rng, host, state);
    case "#VERW! achtergelaten":
      return refLeftBehind(rng, host, state, placed);
    case "10.000 rijen geplakt":
      return tenThousandRows(rng, host, state, placed.filter((c) => c.sheet === INVOER));
    default:
      return settingEdit(rng, host, state, kind);
  }
}

// ------------------------------------------------------------------------------------------------ judging

const emptyCounts = (): KindCounts => ({ tried: 0, read: 0, refused: 0, rebuildOffered: 0, rebuildUnavailable: 0, crashes: 0, silentWrong: 0, analystCellsChanged: 0, badMessages: 0, wrongRefusals: 0, fieldWrites: 0 });

/** Every problem in Dutch and naming its cell, sheet or document setting. */
function badMessages(problems: readonly { path: string; message: string }[]): string[] {
  return problems
    .filter((p) => !(CELL_PATH.test(p.path) || PLAN_SHEETS.includes(p.path) || SETTING_PATH.test(p.path)) || ENGLISH.test(p.message.replace(/"[^"]*"/g, '""')) || p.message.trim() === "")
    .map((p) => `${p.path}: ${p.message}`);
}

export interface FuzzOptions {
  readonly seed: number;
  /** Workbook edits in all (spread over the examples, several per workbook). */
  readonly edits: number;
  readonly editsPerWorkbook: number;
  /** A fresh protocol host with Office.js's client connected to it (connectOfficeJs in Node), one per workbook. */
  readonly newHost: () => ExcelHost;
  readonly examples?: readonly string[];
  /** The share of rebuild offers answered by undoing the edit instead (a rebuild of an LPBL workbook costs seconds). */
  readonly undoInsteadOfRebuild?: number;
}

const yes = async () => true;

/** Milliseconds spent per step, when FUZZ_PROFILE is set (to keep the suite's size honest). */
export const PROFILE: Record<string, number> = {};
async function timed<T>(what: string, f: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await f();
  } finally {
    PROFILE[what] = (PROFILE[what] ?? 0) + performance.now() - start;
  }
}

export async function fuzzWorkbooks(options: FuzzOptions): Promise<FuzzReport> {
  const rng = random(options.seed);
  const kinds: Record<string, KindCounts> = Object.fromEntries(EDIT_KINDS.map((k) => [k, emptyCounts()]));
  const failures: string[] = [];
  const messages: Record<string, string[]> = {};
  const shapes = new Set<string>();
  const said = (kind: string, problems: readonly ModelProblem[]) => {
    for (const p of problems) {
      const shape = `${kind}|${shapeOf(p.message)}`;
      const kept = (messages[kind] ??= []);
      if (shapes.has(shape) || kept.length >= MESSAGES_PER_KIND) continue;
      shapes.add(shape);
      kept.push(`${p.path}: ${p.message}`);
    }
  };
  const examples = options.examples ?? Object.keys(EXAMPLES);
  let edits = 0;
  let workbooks = 0;
  const deck: EditKind[] = [];
  let rebuilds = 0;
  /** What happened to the current workbook so far (its example and each edit with its outcome), for a failure's story. */
  let history: string[] = [];
  const fail = (kind: string, counter: keyof KindCounts, text: string) => {
    (kinds[kind] ??= emptyCounts())[counter]++;
    if (failures.length < 40) failures.push(`[seed ${options.seed}, werkmap ${workbooks}, bewerking ${edits}] ${kind} — ${counter}: ${text}\n    eerder in deze werkmap: ${history.slice(-12).join(" → ")}`);
  };

  while (edits < options.edits) {
    const example = examples[workbooks % examples.length]!;
    workbooks++;
    const host = options.newHost();
    // The analyst's own sheet, which nothing the add-in does may change.
    host.paste("Blad1", 0, 0, [["Mijn notities", 42, "=1+1"]]);
    const started = await timed("start", () => new Session(new ExcelGateway()).start({ kind: "example", name: example }, yes));
    if (started.status !== "written") throw new Error(`${example}: could not start (${JSON.stringify(started)})`);
    const lpbl = example === "lpbl";
    history = [example];
    const state: State = { example, lpbl, file: lpbl ? clone(EXAMPLES[example]) : comparableModel(EXAMPLES[example]) };
    const gateway = new ExcelGateway();

    for (let e = 0; e < options.editsPerWorkbook && edits < options.edits; e++) {
      edits++;
      // Kinds drawn from a shuffled deck, so that every kind is tried about as often, even in a short run.
      if (deck.length === 0) deck.push(...[...EDIT_KINDS].sort(() => rng.next() - 0.5));
      const kind = deck.pop()!;
      const counts = kinds[kind]!;
      counts.tried++;
      // What the cells held before the edit, for the analyst's undo (an edit of contents or settings only; see below).
      const undoable = STRUCTURAL.every((k) => k !== kind);
      const prior = undoable ? await timed("snapshot", () => snapshot(host, true)) : null;
      let edit: Edit;
      try {
        edit = await timed("edit", () => makeEdit(rng, host, state, kind));
      } catch (error) {
        fail(kind, "crashes", `de bewerking zelf faalde: ${(error as Error).message}`);
        break;
      }
      const before = await timed("snapshot", () => snapshot(host));
      const session = new Session(gateway);
      let outcome: WorkbookState;
      try {
        outcome = await timed("reconnect", () => session.reconnect());
      } catch (error) {
        fail(kind, "crashes", `${edit.what}: ${(error as Error).stack ?? String(error)}`);
        break;
      }
      const after = await timed("snapshot", () => snapshot(host));
      const changed = await timed("snapshot", () => changedCells(host, before, after));
      if (changed.length > 0) fail(kind, "analystCellsChanged", `${edit.what}: lezen veranderde ${changed.slice(0, 5).join(", ")}`);
      const settingsChanged = [...new Set([...before.settings.keys(), ...after.settings.keys()])].filter((k) => before.settings.get(k) !== after.settings.get(k) && !(k === "mkba.modelBestand" && outcome.status === "connected"));
      if (settingsChanged.length > 0) fail(kind, "analystCellsChanged", `${edit.what}: lezen veranderde de instellingen ${settingsChanged.join(", ")}`);

      history.push(`${edit.what}: ${outcome.status}${outcome.status === "damaged" ? ` (${outcome.rebuild ?? "geen herstel"})` : ""}`);
      const expected = edit.model === null ? null : await timed("oracle", () => oracle(edit.model));
      if (outcome.status === "connected") {
        counts.read++;
        const read = await timed("read again", () => session.currentModelFile());
        const key = await timed("oracle", () => (read.ok ? comparable(loadModel(read.data)) : null));
        if (expected === null || !expected.ok) fail(kind, "silentWrong", `${edit.what}: gelezen, maar de bewerking laat ${expected === null ? "geen model" : `een model dat de rekenkern weigert (${expected.paths.slice(0, 3).join(", ")})`}`);
        else if (key !== expected.key) fail(kind, "silentWrong", `${edit.what}: het gelezen model wijkt af van het geplante (${difference(key, expected.key)})`);
        else {
          // Every key result the pane shows is the engine's figure (or text) for the model read, as the plan expects it.
          const results = await session.readResults(SETTLE_MS);
          const planned = planFor(read.ok ? read.data : null);
          for (const r of results) {
            // The engine's figure for that result wherever the plan of now would put it: the sheets may have been
            // written with other drivers on Uitvoer A (fewer rows above the result), and the pane reads where they stand.
            const mine = planned.ok ? planned.plan.results?.find((x) => x.id === r.result.id) : undefined;
            const want = planned.ok && mine ? planned.expected.get(expectedKey(mine.cell.sheet, mine.cell.row, mine.cell.column)) : undefined;
            const ok = typeof want === "number" ? typeof r.value === "number" && Math.abs(r.value - want) <= 1e-9 * Math.max(1, Math.abs(want)) : typeof want === "string" ? r.value === want : r.result.format === "tekst" && typeof r.value === "string" && !r.value.startsWith("#"); // a result in words (the drivers): text the engine's figures are not kept for
            if (!ok) fail(kind, "silentWrong", `${edit.what}: ${r.result.id} in de werkmap ${String(r.value)}, de rekenkern ${String(want)}`);
          }
          state.file = edit.model;
        }
        // After a wrong read the fuzz no longer knows what the workbook holds: on with a new one.
        if (state.file !== edit.model) break;
        if (edit.undoAfterRead && prior) {
          restore(host, prior);
          continue;
        }
        if (!(await timed("field", () => maybeWriteField(rng, host, session, state, kind, counts, fail, edit, history)))) break;
        continue;
      }
      const problems: ModelProblem[] = outcome.status === "invalid" || outcome.status === "damaged" ? outcome.problems : [];
      const bad = badMessages(problems);
      if (bad.length > 0) fail(kind, "badMessages", `${edit.what}: ${bad.slice(0, 2).join(" | ")}`);
      said(kind, problems);
      if (outcome.status === "invalid" || outcome.status === "newer") counts.refused++;
      else if (outcome.status === "damaged" && outcome.rebuild) counts.rebuildOffered++;
      else if (outcome.status === "damaged") counts.rebuildUnavailable++;
      else fail(kind, "silentWrong", `${edit.what}: de werkmap heet geen model te hebben`);
      // A refusal is right when the edit leaves no model, the model the edit leaves does not load, or the edit may leave
      // the sheets out of step (then a rebuild offer is right too).
      if (expected !== null && expected.ok && !edit.refusalAllowed) fail(kind, "wrongRefusals", `${edit.what}: ${outcome.status} (${problems.slice(0, 2).map((p) => `${p.path}: ${p.message}`).join(" | ")})`);
      if (expected !== null && !expected.ok && edit.cell && outcome.status === "invalid") {
        const place = `${edit.cell.sheet}!${a1(edit.cell.row, edit.cell.column)}`;
        const typed = jsonPathOf(edit.cell.path);
        const aboutTheCell = expected.paths.some((p) => p === typed || typed.startsWith(`${p}.`) || typed.startsWith(`${p}[`));
        // The cell itself, or (for a problem of the whole row, such as years outside the horizon) a cell of its row.
        const row = new RegExp(`^${edit.cell.sheet}![A-Z]+${edit.cell.row + 1}\\b`);
        if (aboutTheCell && !problems.some((p) => p.path.includes(place) || row.test(p.path))) fail(kind, "badMessages", `${edit.what}: de melding noemt ${place} niet (${problems.slice(0, 3).map((p) => p.path).join(", ")})`);
      }

      // The analyst accepts the offer to rebuild, or (now and then) undoes the edit instead — only an edit of cell contents
      // or settings (the fuzz's undo types back what the cells held; it does not bring back a deleted sheet or row).
      if (outcome.status === "damaged" && outcome.rebuild !== null && (!undoable || !rng.chance(options.undoInsteadOfRebuild ?? 0))) {
        const rebuilt = await timed("rebuild", () => rebuild(host, session, outcome.rebuild === "cells" ? edit.model : null, state, kind, edit, fail));
        rebuilds++;
        if (!rebuilt) break;
        continue;
      }
      // The analyst undoes the edit: the workbook must read as before.
      if (!undoable || !prior) break;
      await timed("undo", () => undo(host, edit, prior));
      let again: WorkbookState;
      try {
        again = await timed("reconnect after undo", () => new Session(gateway).reconnect());
      } catch (error) {
        fail(kind, "crashes", `na ongedaan maken van ${edit.what}: ${(error as Error).message}`);
        break;
      }
      if (again.status !== "connected") {
        // An undo that cannot bring the layout back (HyperFormula's undo of a deleted sheet) ends this workbook.
        if (again.status === "damaged") break;
        fail(kind, "wrongRefusals", `na ongedaan maken van ${edit.what}: ${again.status} ${JSON.stringify("problems" in again ? again.problems.slice(0, 2) : [])}`);
        break;
      }
      const restored = await new Session(gateway).currentModelFile();
      const expectedBefore = oracle(state.file);
      if (!restored.ok || !expectedBefore.ok || comparable(loadModel(restored.data)) !== expectedBefore.key) {
        fail(kind, "silentWrong", `na ongedaan maken van ${edit.what}: het gelezen model is niet meer het model van voor de bewerking (${restored.ok && expectedBefore.ok ? difference(comparable(loadModel(restored.data)), expectedBefore.key) : "?"})`);
        break;
      }
    }
    // Nothing of this workbook's calculation may fire into the next one.
    await host.calculated();
  }
  return { seed: options.seed, edits, workbooks, rebuilds, kinds, failures, messages };
}

/** Undoes the analyst's last edit: settings put back, or the cells as they were before it (`restore`). */
function undo(host: ExcelHost, edit: Edit, prior: Snapshot): void {
  for (const [key, value] of Object.entries(edit.settings ?? {})) {
    if (value === null) host.settings.delete(key);
    else host.settings.set(key, value);
  }
  if (!edit.settings) restore(host, prior);
}

/**
 * Accepts the session's offer to rebuild: it must write, leave every sheet that is not the add-in's as it was, and the
 * workbook must then read exactly the model it was rebuilt from — the model the cells held (`fromCells`, the oracle's
 * model of the edit), or the last good model kept in the settings (the fuzz's model before the edit).
 */
async function rebuild(host: ExcelHost, session: Session, fromCells: unknown, state: State, kind: EditKind, edit: Edit, fail: (kind: string, counter: keyof KindCounts, text: string) => void): Promise<boolean> {
  const before = snapshot(host);
  let outcome;
  try {
    outcome = await session.rebuild(yes);
  } catch (error) {
    fail(kind, "crashes", `herstel na ${edit.what}: ${(error as Error).stack ?? String(error)}`);
    return false;
  }
  if (outcome.status !== "written") {
    const problems = outcome.status === "invalid" ? outcome.problems : [];
    const bad = badMessages(problems);
    if (bad.length > 0 || (outcome.status === "failed" && ENGLISH.test(outcome.message))) fail(kind, "badMessages", `herstel na ${edit.what}: ${outcome.status === "failed" ? outcome.message : bad.join(" | ")}`);
    if (outcome.status !== "failed" && outcome.status !== "invalid") fail(kind, "crashes", `herstel na ${edit.what}: ${outcome.status}`);
    return false;
  }
  const after = snapshot(host);
  const analysts = [...before.sheets.keys()].filter((n) => !PLAN_SHEETS.includes(n));
  const changed = changedCells(host, before, after, analysts);
  if (changed.length > 0) fail(kind, "analystCellsChanged", `herstel na ${edit.what} veranderde ${changed.slice(0, 5).join(", ")}`);
  const read = await new Session(new ExcelGateway()).reconnect();
  if (read.status !== "connected") {
    fail(kind, "silentWrong", `herstel na ${edit.what}: half geschreven, daarna ${read.status} ${JSON.stringify("problems" in read ? read.problems.slice(0, 2) : [])}`);
    return false;
  }
  const file = await new Session(new ExcelGateway()).currentModelFile();
  const key = file.ok ? comparable(loadModel(file.data)) : null;
  const candidates = [fromCells, state.file].filter((m) => m !== null && m !== undefined).map((m) => oracle(m));
  const match = candidates.findIndex((c) => c.ok && c.key === key);
  if (match < 0) {
    fail(kind, "silentWrong", `herstel na ${edit.what}: het herstelde model is niet het model waaruit hersteld is (${candidates.map((c) => (c.ok ? difference(key, c.key) : "?")).join(" / ")})`);
    return false;
  }
  if (match === 0 && fromCells !== null) state.file = fromCells;
  return true;
}

/** Now and then, after a read, the analyst types in a form field: only that cell may change, and the next read has it. */
async function maybeWriteField(rng: Random, host: ExcelHost, session: Session, state: State, kind: EditKind, counts: KindCounts, fail: (kind: string, counter: keyof KindCounts, text: string) => void, edit: Edit, history: string[]): Promise<boolean> {
  if (!rng.chance(0.35) || session.fields.length === 0) return true;
  const field = rng.pick(session.fields);
  const rule = field.rule;
  const low = rule.type !== "list" && rule.min !== undefined ? rule.min : 0;
  const high = rule.type !== "list" && rule.max !== undefined ? Math.min(rule.max, low + 1000) : low + 1000;
  const value = rule.type === "whole" ? Math.round(low + rng.next() * (high - low)) : Math.round((low + rng.next() * (high - low)) * 100) / 100;
  const text = String(value).replace(".", ",");
  const before = snapshot(host, true);
  let written;
  try {
    written = await session.writeField(field.id, text);
  } catch (error) {
    fail(kind, "crashes", `veld ${field.id} na ${edit.what}: ${(error as Error).message}`);
    return false;
  }
  counts.fieldWrites++;
  const after = snapshot(host);
  const changed = changedCells(host, before, after);
  const own = `${field.cell.sheet}!${a1(field.cell.row, field.cell.column)}`;
  history.push(`veld ${field.id} := ${text}: ${written.ok ? "geschreven" : written.message}`);
  if (!written.ok) {
    if (changed.length > 0) fail(kind, "analystCellsChanged", `veld ${field.id} geweigerd maar ${changed.slice(0, 5).join(", ")} veranderd`);
    return changed.length === 0;
  }
  if (changed.some((c) => c !== own)) fail(kind, "analystCellsChanged", `veld ${field.id} (${own}) schreef ook ${changed.filter((c) => c !== own).slice(0, 5).join(", ")}`);
  const path: Path = field.id.startsWith("parameter:")
    ? ["parameters", (comparableModel(state.file).parameters as { key: string }[]).findIndex((p) => p.key === field.id.slice("parameter:".length)), "value"]
    : field.id.startsWith("keyFigures.")
      ? ["keyFigures", field.id.slice("keyFigures.".length)]
      : ["inputs", ...field.id.split(".")];
  const cell: ModelCell = { sheet: field.cell.sheet, row: field.cell.row, column: field.cell.column, path, kind: field.id.startsWith("keyFigures.") ? "keyFigure" : "number" };
  const previous = state.file;
  state.file = setPath(state.file, path, fileValue(cell, value));
  // The pane reads again: the model with that value, or (a share that no longer adds up to 100%) a refusal naming it.
  const expected = oracle(state.file);
  const again = await new Session(new ExcelGateway()).reconnect();
  if (expected.ok) {
    const read = again.status === "connected" ? await new Session(new ExcelGateway()).currentModelFile() : null;
    if (!read?.ok || comparable(loadModel(read.data)) !== expected.key) {
      fail(kind, "silentWrong", `veld ${field.id} := ${text}: daarna ${again.status}${read?.ok ? ", een ander model" : ""} ${JSON.stringify("problems" in again ? again.problems.slice(0, 3) : [])}`);
      return false;
    }
    return true;
  }
  if (again.status === "connected") {
    fail(kind, "silentWrong", `veld ${field.id} := ${text}: gelezen, maar de rekenkern weigert het model (${expected.paths.slice(0, 2).join(", ")})`);
    return false;
  }
  // The analyst undoes the value.
  restore(host, before);
  state.file = previous;
  return true;
}
