/**
 * Reading the model a workbook holds (werkmap lezen). The workbook is the source of truth, and an analyst edits it at
 * will — text in a number cell, a value pasted over a formula, rows inserted, deleted or sorted, a sheet renamed or
 * deleted, `#REF!` left behind — so what it holds is input like any file, and read as such. Each read ends in one of:
 * - the model, read exactly: what the analyst typed, and what the workbook's own formulas compute with;
 * - `invalid`: problems the analyst can correct, each in Dutch, naming its sheet and cell (`Invoer!B27`) or document
 *   setting, and what is allowed;
 * - `damaged`: the layout the reader relies on is gone (a sheet missing or renamed, rows moved under the input screen,
 *   the model block no longer following the screen, a key result no longer computed), named the same way; the session
 *   then offers to rebuild the sheets from a good model.
 * Nothing here writes.
 */
import { CellValue, describeValue, isBlank } from "../engine/cells";
import { cellError, isCellError, isExcelErrorCode } from "../engine/errors";
import { BlockCell, cellsToModel, modelToCells, problemCell } from "../engine/layout/workbookLayout";
import { Model, ModelProblem, UNCERTAINTY_LIMITS } from "../engine/model";
import { LIMITS, formatCount } from "../engine/model/limits";
import { lpblFileFromValues, lpblScreenAnchors, lpblScreenFields } from "../engine/workbook/lpblScreen";
import { INVOER, KENGETALLEN, ONZEKERHEID, UITVOER } from "../engine/workbook/sheetNames";
import { PLAN_SCHEMA_VERSION, PlanField, PlanRange, WorkbookPlan, a1, parseRangeAddress, rangeAddress } from "../engine/workbook/plan";
import { FIRST_DISTRIBUTION_ROW, UNCERTAINTY_COLUMNS, UncertaintyRead, uncertaintyFromValues, uncertaintyReadArea } from "../engine/workbook/uncertaintyPlan";
import type { WrittenChoices } from "../engine/workbook/modelPlan";
import type { WorkbookGateway } from "../office/gateway";
import { isPending } from "../office/officeApi";

/** The plan version from which a workbook has the Onzekerheid sheet (src/engine/workbook/plan.ts). */
const UNCERTAINTY_SHEET_SINCE = 2;

/** Problems, and whether the layout itself is gone (damaged) or a value can be corrected (invalid). */
export type ReadFailure = { readonly ok: false; readonly kind: "invalid" | "damaged"; readonly problems: ModelProblem[] };

export interface ModelRead {
  readonly ok: true;
  /** The model file's data as the workbook holds it. */
  readonly data: unknown;
  /** The Onzekerheid sheet as read, for a free model (an LPBL file has no place for it). */
  readonly uncertainty?: UncertaintyRead;
  /** The cell ("Invoer!B27") that holds a JSON path of the model file, or the path itself where no cell does. */
  readonly place: (path: string) => string;
  /** A free model's form fields where they now stand (rows may have been inserted in the block); LPBL fields do not move. */
  readonly fieldCell: (field: PlanField) => PlanField["cell"];
}

const damaged = (problems: ModelProblem[]): ReadFailure => ({ ok: false, kind: "damaged", problems });
const invalid = (problems: ModelProblem[]): ReadFailure => ({ ok: false, kind: "invalid", problems });
const at = (sheet: string, row: number, column: number) => `${sheet}!${a1(row, column)}`;

/** Excel gives an error value as its text ("#REF!") and a blank cell as "": said as an error value and a blank. */
export function fromExcel(value: CellValue | undefined): CellValue {
  if (value === undefined || value === "") return null;
  return isExcelErrorCode(value) ? cellError(value, "") : value;
}

/** The sheets of `names` that are not in the workbook (deleted, or renamed by the analyst), or one that cannot be read. */
async function missingSheets(gateway: WorkbookGateway, names: readonly string[]): Promise<{ missing: string[]; unreadable: ModelProblem | null }> {
  const missing: string[] = [];
  for (const name of names) {
    try {
      await gateway.readRange(name, "A1");
    } catch (e) {
      // Only a missing sheet is the layout; any other failure is said as it is.
      if ((e as { code?: unknown }).code !== "ItemNotFound") return { missing, unreadable: { path: name, message: `het blad kon niet worden gelezen: ${(e as Error).message}` } };
      missing.push(name);
    }
  }
  return { missing, unreadable: null };
}

function sheetProblems(missing: readonly string[]): ModelProblem[] {
  return missing.map((sheet) => ({ path: sheet, message: `het blad ${sheet} ontbreekt (verwijderd of hernoemd); de invoegtoepassing leest en schrijft het model op dat blad` }));
}

/** At most five problems and a count of the rest: one moved row shifts every field below it. */
function firstFew(problems: ModelProblem[]): ModelProblem[] {
  if (problems.length <= 5) return problems;
  return [...problems.slice(0, 5), { path: problems[5]!.path, message: `en ${problems.length - 5} andere cellen zoals deze` }];
}

/**
 * The sheets a workbook of this type and plan version must have for its model to be read: an LPBL model is read from
 * Invoer and Kengetallen (its uncertainty is the model's own), a free model from Invoer and, since plan version 2,
 * Onzekerheid; Uitvoer shows both.
 */
function requiredSheets(type: string, version: number): string[] {
  return type === "lpbl" ? [INVOER, KENGETALLEN, UITVOER] : [INVOER, UITVOER, ...(version >= UNCERTAINTY_SHEET_SINCE ? [ONZEKERHEID] : [])];
}

/** The LPBL screen's labels and keys where they belong; a mismatch means the fields' cells no longer hold what they name. */
async function lpblLayoutProblems(gateway: WorkbookGateway): Promise<ModelProblem[]> {
  const anchors = lpblScreenAnchors();
  const values = await gateway.readCells(anchors);
  const problems: ModelProblem[] = [];
  anchors.forEach((anchor, i) => {
    const value = fromExcel(values[i]);
    if (typeof value === "string" && value.trim() === anchor.text) return;
    problems.push({
      path: at(anchor.sheet, anchor.row, anchor.column),
      message: `hier hoort "${anchor.text}", niet ${describeValue(value)}: de indeling van het blad is veranderd (rijen ingevoegd, verwijderd of gesorteerd?), zodat de invoercellen niet meer op hun plaats staan`,
    });
  });
  return firstFew(problems);
}

/** Whether the parts of `path` appear in `id` in order ("reach.composition.other" in "reach.composition.twoParent.other"). */
function within(id: string, path: string): boolean {
  const parts = id.split(".");
  let i = 0;
  for (const part of path.split(".")) {
    while (i < parts.length && parts[i] !== part) i++;
    if (i++ >= parts.length) return false;
  }
  return true;
}

/** The cells of the LPBL fields a path names ("inputs.reach.typeShares" → Invoer!B8:D8), as text. */
function lpblPlace(fields: readonly PlanField[]): (path: string) => string {
  const screen = fields.filter((f) => f.cell.sheet === INVOER);
  const whole = `${INVOER}!${a1(Math.min(...screen.map((f) => f.cell.row)), 1)}:${a1(Math.max(...screen.map((f) => f.cell.row)), 3)}`;
  return (path) => {
    const id = path.startsWith("inputs.") ? path.slice("inputs.".length) : path.startsWith("keyFigures.") ? path : null;
    // A problem of the model as a whole (never an input's: see LPBL_MAX_AMOUNT) is the screen's.
    if (id === null) return whole;
    let cells = fields.filter((f) => f.id === id || f.id.startsWith(`${id}.`)).map((f) => f.cell);
    // A column that must add up ("reach.composition.other": eenouder + tweeouder of the other households).
    if (cells.length === 0) cells = fields.filter((f) => within(f.id, id)).map((f) => f.cell);
    if (cells.length === 0) return whole;
    const first = cells[0]!;
    const last = cells[cells.length - 1]!;
    const oneRow = cells.every((c) => c.sheet === first.sheet && c.row === first.row);
    if (cells.length === 1) return at(first.sheet, first.row, first.column);
    if (oneRow) return `${first.sheet}!${a1(first.row, first.column)}:${a1(last.row, last.column)}`;
    return cells.map((c) => at(c.sheet, c.row, c.column)).join(", ");
  };
}

/**
 * Reads an LPBL workbook's screen and key figures into its model file, once its layout is where it belongs. A workbook
 * of an older plan version is read with the fields of its own layout (src/engine/workbook/plan.ts lists the versions)
 * and migrated by rewriting it; its labels are not checked (the versions before did not all write them).
 */
async function readLpbl(gateway: WorkbookGateway, version: number): Promise<ModelRead | ReadFailure> {
  if (version >= PLAN_SCHEMA_VERSION) {
    const layout = await lpblLayoutProblems(gateway);
    if (layout.length > 0) return damaged(layout);
  }
  const fields = lpblScreenFields(version);
  const values = (await gateway.readCells(fields.map((f) => f.cell))).map(fromExcel);
  // An error value (#REF! left by a deleted row, #DIV/0! from a formula typed in) is said as what it is.
  const errors = fields.flatMap((f, i) => {
    const value = values[i];
    return isCellError(value) ? [{ path: at(f.cell.sheet, f.cell.row, f.cell.column), message: `${f.label}${f.column ? ` (${f.column})` : ""}: de cel bevat de foutwaarde ${value.code}; vul een getal in` }] : [];
  });
  if (errors.length > 0) return invalid(errors);
  const data = lpblFileFromValues(new Map(fields.map((f, i) => [f.id, values[i] ?? null])), version);
  return { ok: true, data, place: lpblPlace(fields), fieldCell: (f) => f.cell };
}

/** Where the name Invoer points now, on the Invoer sheet; or why the model block cannot be found. */
async function modelBlock(gateway: WorkbookGateway): Promise<{ ok: true; range: PlanRange; address: string } | ReadFailure> {
  const named = await gateway.namedRange(INVOER);
  const range = named && named.sheet === INVOER ? parseRangeAddress(named.address) : null;
  if (!named || !range) {
    return damaged([{ path: INVOER, message: named ? `de naam Invoer (het modelbereik) wijst naar ${named.sheet}!${named.address}, niet meer naar het blad Invoer` : "de naam Invoer (het modelbereik) bestaat niet meer of wijst niet meer naar cellen (rijen of het blad verwijderd?)" }]);
  }
  const cells = range.rowCount * range.columnCount;
  if (cells > LIMITS.modelCells) {
    return invalid([{ path: `${INVOER}!${named.address}`, message: `het modelbereik Invoer heeft ${formatCount(cells)} cellen; hoogstens ${formatCount(LIMITS.modelCells)} — verwijder de rijen die er niet bij horen` }]);
  }
  return { ok: true, range, address: rangeAddress(range) };
}

/** The block's values as the layout reads them: Excel's error texts as error values, blanks as null. */
async function blockValues(gateway: WorkbookGateway, address: string): Promise<CellValue[][]> {
  return (await gateway.readRange(INVOER, address)).map((row) => row.map(fromExcel));
}

/** Reads a free model from the model block (the name Invoer, wherever Excel has moved it) and the Onzekerheid sheet. */
async function readFree(gateway: WorkbookGateway, version: number, descriptions: (model: object) => object): Promise<ModelRead | ReadFailure> {
  const block = await modelBlock(gateway);
  if (!block.ok) return block;
  const origin = block.range;
  const placeIn = (cell: BlockCell | undefined, fallback: string) => (cell ? at(INVOER, origin.row + cell.row, origin.column + cell.column) : fallback);
  const read = cellsToModel(await blockValues(gateway, block.address));
  if (!read.ok) {
    const problems = read.problems.map((p) => ({ path: placeIn(problemCell(p.path), `${INVOER}!${block.address}`), message: p.message }));
    // A section that is gone (its heading row deleted) is the layout, not a value to correct.
    return read.problems.some((p) => p.path === "(modelbereik)") ? damaged(problems) : invalid(problems);
  }
  const model = descriptions(read.model);
  const keys = read.model.parameters?.map((p) => p.key) ?? [];
  const sheet = await readUncertaintySheet(gateway, new Map((read.model.parameters ?? []).map((p) => [p.key, p.value])), version);
  if (!sheet.ok) return sheet;
  // A problem of the model as a whole (an analysis total out of range: "(resultaat)") is the block's.
  const place = (path: string) => sheet.read.cellOf(path) ?? placeIn(read.cellOf(path), `${INVOER}!${block.address}`);
  const fieldCell = (f: PlanField): PlanField["cell"] => {
    const index = f.id.startsWith("parameter:") ? keys.indexOf(f.id.slice("parameter:".length)) : -1;
    const cell = index >= 0 ? read.cellOf(`parameters[${index}].value`) : undefined;
    return cell ? { sheet: INVOER, row: origin.row + cell.row, column: origin.column + cell.column } : f.cell;
  };
  const data = sheet.read.uncertainty ? { ...model, uncertainty: sheet.read.uncertainty } : model;
  return { ok: true, data, uncertainty: sheet.read, place, fieldCell };
}

/**
 * The Onzekerheid sheet as the schema's uncertainty section; problems name the cell. A workbook written before the
 * sheet existed (plan version 1) reads as the default; one written with it, but without it now, is damaged.
 */
export async function readUncertaintySheet(gateway: WorkbookGateway, parameters: ReadonlyMap<string, number>, version: number): Promise<{ ok: true; read: UncertaintyRead } | ReadFailure> {
  const keys = [...parameters.keys()];
  let grid: CellValue[][] | null;
  try {
    // As Excel gives them: the sheet's reader takes "5,5%" and names "#REF!" itself.
    grid = await gateway.readRange(ONZEKERHEID, uncertaintyReadArea(keys.length, UNCERTAINTY_LIMITS.correlations));
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ItemNotFound") return invalid([{ path: ONZEKERHEID, message: `het blad kon niet worden gelezen: ${(e as Error).message}` }]);
    if (version >= UNCERTAINTY_SHEET_SINCE) return damaged(sheetProblems([ONZEKERHEID]));
    grid = null;
  }
  const read = uncertaintyFromValues(grid, keys, parameters);
  return read.ok ? read : invalid(read.problems);
}

/**
 * The model file a workbook of `type` (document setting mkba.modelType) and plan `version` holds, read from its cells;
 * `descriptions` adds what the layout has no column for (from the model kept in the document settings).
 */
export async function readWorkbookModel(gateway: WorkbookGateway, type: string, version: number, descriptions: (model: object) => object): Promise<ModelRead | ReadFailure> {
  try {
    const sheets = await missingSheets(gateway, requiredSheets(type, version));
    if (sheets.unreadable) return invalid([sheets.unreadable]);
    if (sheets.missing.length > 0) return damaged(sheetProblems(sheets.missing));
    return type === "lpbl" ? await readLpbl(gateway, version) : await readFree(gateway, version, descriptions);
  } catch (e) {
    // A sheet that disappears between two reads, or anything else Excel refuses: said, never thrown at the pane.
    const code = (e as { code?: unknown }).code;
    return code === "ItemNotFound" ? damaged([{ path: "(werkmap)", message: "een blad van het model is er niet meer (verwijderd of hernoemd)" }]) : invalid([{ path: "(werkmap)", message: `de werkmap kon niet worden gelezen: ${(e as Error).message}` }]);
  }
}

/** How long the reader waits for Excel's custom functions to finish before it judges the output sheets. */
export const SETTLE_MS = 15_000;

/**
 * The cells' values once Excel's custom functions have calculated: a cell that reads `#BUSY!` is read again after the
 * next calculation of its sheet, for at most `SETTLE_MS`; a cell still pending then stays `#BUSY!`.
 */
async function settledCells(gateway: WorkbookGateway, cells: readonly { sheet: string; row: number; column: number }[]): Promise<CellValue[]> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const values = await gateway.readCells(cells);
    const pending = cells.filter((_, i) => isPending(values[i]));
    if (pending.length === 0 || Date.now() >= deadline) return values;
    await gateway.calculated(pending.map((c) => c.sheet), Math.min(1000, deadline - Date.now()));
  }
}

/** Uitvoer A's heading above the drivers (lpblOutput.ts), and how far down Uitvoer it is looked for. */
const DRIVERS_HEADING = "Het saldo hangt het meest af van";
const DRIVER_SEARCH_ROWS = 80;

/**
 * What an LPBL workbook chose when its sheets were written, from the model as it was then: the rows of the Onzekerheid
 * sheet (a parameter gets a distribution, and so a row higher up, once its value is no longer 0) and the three drivers
 * of the saldo on Uitvoer A with the bounds the workbook shows for them (Onzekerheid). Other inputs since may rank the
 * drivers otherwise: that is a ranking of then, not damage, so the sheets are checked against these choices — every
 * formula cell must still show what the engine computes for them. `rowsWithInputs`: the rows (0-based) of Onzekerheid
 * whose distribution is not "standaard", where min, mode and max are the analyst's numbers rather than formulas. Null
 * when there is nothing to go by (a sheet gone, keys unreadable): the model of now decides, as before.
 */
export async function writtenChoices(gateway: WorkbookGateway, model: Model): Promise<{ choices: WrittenChoices; rowsWithInputs: ReadonlySet<number> } | null> {
  const count = model.parameters.length;
  if (count === 0) return null;
  const keys = new Set(model.parameters.map((p) => p.key));
  const area = rangeAddress({ row: FIRST_DISTRIBUTION_ROW, column: 0, rowCount: count, columnCount: UNCERTAINTY_COLUMNS.max + 1 });
  let rows: CellValue[][];
  try {
    rows = await gateway.readRange(ONZEKERHEID, area);
  } catch {
    return null;
  }
  const order: string[] = [];
  const rowsWithInputs = new Set<number>();
  const rowOf = new Map<string, CellValue[]>();
  rows.forEach((row, i) => {
    const key = row[UNCERTAINTY_COLUMNS.key];
    if (typeof key === "string" && keys.has(key.trim()) && !rowOf.has(key.trim())) {
      order.push(key.trim());
      rowOf.set(key.trim(), row);
    }
    if (String(row[UNCERTAINTY_COLUMNS.type] ?? "").trim().toLowerCase() !== "standaard") rowsWithInputs.add(FIRST_DISTRIBUTION_ROW + i);
  });
  const choices: { uncertaintyOrder: string[]; drivers?: { key: string; low: number; high: number }[] } = { uncertaintyOrder: order };
  // The drivers as Uitvoer A lists them under its heading, however many the model of now would rank (1. … laag, hoog).
  let uitvoer: CellValue[][];
  try {
    uitvoer = await gateway.readRange(UITVOER, `A1:C${DRIVER_SEARCH_ROWS}`);
  } catch {
    return { choices, rowsWithInputs };
  }
  const text = (r: number, c: number) => String(uitvoer[r]?.[c] ?? "").trim();
  const heading = uitvoer.findIndex((row) => String(row[0] ?? "").startsWith(DRIVERS_HEADING));
  if (heading < 0) return { choices, rowsWithInputs };
  const drivers: { key: string; low: number; high: number }[] = [];
  for (let r = heading + 1; /^\d+\. /.test(text(r, 0)) && keys.has(text(r, 2)) && text(r + 1, 2) === text(r, 2); r += 2) {
    const row = rowOf.get(text(r, 2));
    const [low, high] = [row?.[UNCERTAINTY_COLUMNS.min], row?.[UNCERTAINTY_COLUMNS.max]].map((v) => fromExcel(v ?? null));
    if (typeof low !== "number" || typeof high !== "number") return { choices, rowsWithInputs };
    drivers.push({ key: text(r, 2), low, high });
  }
  choices.drivers = drivers;
  return { choices, rowsWithInputs };
}

/** Whether `plan` (with its `expected` values) already made the workbook's choices: then it need not be made again. */
export function madeChoices(plan: WorkbookPlan, expected: ReadonlyMap<string, number | string>, choices: WrittenChoices): boolean {
  const constant = (sheet: string, row: number, column: number) => plan.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === row && c.column === column)?.value;
  const order = choices.uncertaintyOrder ?? [];
  if (order.some((key, i) => constant(ONZEKERHEID, FIRST_DISTRIBUTION_ROW + i, UNCERTAINTY_COLUMNS.key) !== key)) return false;
  const named = (plan.results ?? []).filter((r) => r.id.startsWith("invloed_") && r.cell.sheet === UITVOER);
  const drivers = choices.drivers;
  if (!drivers) return true;
  if (drivers.length !== named.length) return false;
  return drivers.every((d, i) => {
    const row = named[i]!.cell.row;
    return constant(UITVOER, row, 2) === d.key && expected.get(`${UITVOER}!${row},3`) === d.low && expected.get(`${UITVOER}!${row + 1},3`) === d.high;
  });
}

/** Columns of the model block that describe rather than compute (src/engine/layout/workbookLayout.ts). */
const DESCRIPTIVE_COLUMNS = new Set(["eenheid", "omschrijving", "bron"]);

/**
 * Whether a cell shows what the plan put there. Numbers agree within a billionth, and within a millionth of a millionth
 * of `scale` (the largest figure of the workbook): the output sheets add cash flows with Excel's own arithmetic, which
 * loses that much where large flows cancel — the engine computes with 40 digits.
 */
const sameCell = (actual: CellValue, planned: CellValue, scale = 0): boolean => {
  if (isBlank(actual) && isBlank(planned)) return true;
  if (typeof actual === "number" && typeof planned === "number") return Math.abs(actual - planned) <= 1e-9 * Math.max(1, Math.abs(planned)) + 1e-12 * scale;
  if (typeof actual === "string" && typeof planned === "string") return actual.trim() === planned.trim();
  // An expected error value ("#DIV/0!": a ratio without costs) is the engine's answer too.
  if (isCellError(actual) && typeof planned === "string") return actual.code === planned;
  return actual === planned;
};

const shown = (v: CellValue) => (typeof v === "number" ? String(v).replace(".", ",") : describeValue(v));

/**
 * Whether the workbook still computes what the model says, for a workbook of today's plan version. An LPBL model's
 * block (what `MKBA.SCENARIO(Invoer; …)` computes with) must hold what the input screen generates — a value pasted over
 * one of its formulas, or an edited row, makes the outputs follow something else than the screen. And every formula
 * cell of the output sheets must show the engine's figure for the model as read (`expected`, as the plan made it): a
 * value pasted over a formula, rows inserted, deleted or sorted on Uitvoer, or a model that has grown more effects,
 * actors or scenarios than the sheets were written for all show here. Problems name the cell.
 */
export async function outputProblems(
  gateway: WorkbookGateway,
  type: string,
  model: Model,
  plan: WorkbookPlan,
  expected: ReadonlyMap<string, number | string>,
  rowsWithInputs: ReadonlySet<number> = new Set(),
): Promise<ModelProblem[]> {
  const problems: ModelProblem[] = [];
  try {
    if (type === "lpbl") {
      const block = await modelBlock(gateway);
      const planned = plan.names.find((n) => n.name === INVOER)!.range;
      if (!block.ok) return block.problems;
      if (rangeAddress(block.range) !== rangeAddress(planned)) {
        return [{ path: `${INVOER}!${block.address}`, message: `het rekenmodel (de naam Invoer) hoort op ${INVOER}!${rangeAddress(planned)} te staan: er zijn rijen of kolommen ingevoegd of verwijderd` }];
      }
      const cells = modelToCells(model);
      const values = await blockValues(gateway, block.address);
      // What MKBA.SCENARIO computes with; a parameter's unit, label and source and an effect's source are descriptions
      // (a key figure's label and source say whether it was overridden) and may differ.
      let headings: CellValue[] = [];
      cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (c === 0 && typeof cell === "string" && cell.startsWith("[")) headings = row;
          if (DESCRIPTIVE_COLUMNS.has(String(headings[c] ?? ""))) return;
          const actual = values[r]?.[c] ?? null;
          if (!sameCell(actual, cell)) problems.push({ path: at(INVOER, planned.row + r, planned.column + c), message: `het rekenmodel toont ${shown(actual)}, het invoerscherm en de kengetallen geven ${shown(cell)}: het rekenmodel volgt het invoerscherm niet meer (een waarde over een formule geplakt, of een rij bewerkt)` });
        }),
      );
      if (problems.length > 0) return firstFew(problems);
    }
    // On Onzekerheid a row whose distribution is not "standaard" holds the analyst's min, mode and max, not formulas.
    const bound = (sheet: string, row: number, column: number) => sheet === ONZEKERHEID && rowsWithInputs.has(row) && column >= UNCERTAINTY_COLUMNS.min && column <= UNCERTAINTY_COLUMNS.max;
    const cells = [...expected.keys()]
      .map((key) => {
        const [sheet, place] = [key.slice(0, key.lastIndexOf("!")), key.slice(key.lastIndexOf("!") + 1)];
        const [row, column] = place.split(",").map(Number) as [number, number];
        return { sheet, row, column, planned: expected.get(key)! };
      })
      .filter((c) => !bound(c.sheet, c.row, c.column));
    const sheets = await missingSheets(gateway, [...new Set(cells.map((c) => c.sheet))]);
    if (sheets.unreadable) return [sheets.unreadable];
    if (sheets.missing.length > 0) return sheetProblems(sheets.missing);
    const values = await settledCells(gateway, cells);
    const results = plan.results ?? [];
    const scale = Math.max(0, ...cells.map((c) => (typeof c.planned === "number" ? Math.abs(c.planned) : 0)));
    // An MKBA.* function's figure (and what it spills) is the engine's own double, and so is a figure looked up in
    // Rekenkern's spill (INDEX/MATCH, perhaps negated): it must be that, exactly. Only a formula in Excel's own
    // arithmetic (Uitvoer B adding the cohorts' flows, the bounds on Onzekerheid) may lose digits where large figures
    // cancel.
    const call = /^=MKBA\.[A-Z]+\([^()]*\)$/i;
    const lookup = /^=-?INDEX\([^()"]*,MATCH\("(?:[^"]|"")*",[^()"]*,0\)\)$/i;
    const arithmetic = new Set(plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined && !call.test(c.formula) && !lookup.test(c.formula)).map((c) => `${s.name}!${c.row},${c.column}`)));
    cells.forEach((cell, i) => {
      // Still calculating after the wait (a slow Excel): not judged now, neither right nor wrong.
      if (isPending(values[i])) return;
      const actual = fromExcel(values[i]);
      if (sameCell(actual, cell.planned, arithmetic.has(`${cell.sheet}!${cell.row},${cell.column}`) ? scale : 0)) return;
      const result = results.find((r) => r.cell.sheet === cell.sheet && r.cell.row === cell.row && r.cell.column === cell.column);
      problems.push({
        path: at(cell.sheet, cell.row, cell.column),
        message: `${result ? `${result.label}: ` : ""}de cel toont ${shown(actual)}, het model geeft ${shown(cell.planned)}; de bladen passen niet meer bij het model (een formule overschreven, rijen ingevoegd, verwijderd of gesorteerd, of effecten, actoren of scenario's erbij of eraf)`,
      });
    });
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ItemNotFound") throw e;
    return [{ path: "(werkmap)", message: "een blad van het model is er niet meer (verwijderd of hernoemd)" }];
  }
  return firstFew(problems);
}
