/**
 * A copy of a sheet the writer is about to rewrite (momentopname), and putting it back when the write fails: constants
 * and formulas (a dynamic array's spilled cells left to its formula, ExcelApi 1.12), number formats, cell formats and
 * column widths (ExcelApi 1.9, where Excel has it), frozen panes, and the data validation of the areas the plan
 * validates. Read and written in bands of rows so that no request passes Excel's payload limit. What a snapshot cannot
 * hold — validation on areas the plan does not know, conditional formats, comments — is left as the write left it, and
 * docs/testing.md says so.
 */
import { SyncBudget, jsonBytes } from "./payload";
import { supportsOptional } from "./officeApi";
import { asTyped } from "./typedText";

type Cell = string | number | boolean | null;
type Matrix = Cell[][];

/** Cells read or written per request at most, in a snapshot. */
const CELLS_PER_BAND = 10_000;
/** Spill questions per request at most. */
const SPILLS_PER_SYNC = 2_000;

const CELL_PROPERTIES = { format: { fill: { color: true }, font: { bold: true, italic: true, color: true, size: true } } } as const;

export interface SheetSnapshot {
  readonly name: string;
  /** The used range (e.g. "A1:L201"), or null for an empty sheet. */
  readonly address: string | null;
  readonly formulas: Matrix;
  readonly numberFormats: Matrix;
  /** Fill and font per cell; null where Excel has no getCellProperties (ExcelApi 1.9). */
  readonly cellProperties: unknown[][] | null;
  /** Column widths in points; null without ExcelApi 1.9. */
  readonly columnWidths: unknown[] | null;
  /** The frozen area ("1:3", "A:A", "A1:B3"), or null. */
  readonly frozen: string | null;
  readonly validations: readonly { address: string; type: string; rule: unknown; errorAlert: unknown }[];
}

interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const columnIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const columnLetters = (index: number) => {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** "Uitvoer!B3:D7" or "B3" → its area. */
export function areaOf(address: string): Area {
  const plain = address.split("!").pop()!.replace(/\$/g, "");
  const [from, to = from] = plain.split(":") as [string, string?];
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(a);
    if (!m) throw new Error(`geen celadres: ${address}`);
    return { row: Number(m[2]) - 1, column: columnIndex(m[1]!) };
  };
  const a = cell(from);
  const b = cell(to!);
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

export const addressOf = (a: Area) => `${columnLetters(a.column)}${a.row + 1}:${columnLetters(a.column + a.columns - 1)}${a.row + a.rows}`;

/** Bands of rows of an area with at most CELLS_PER_BAND cells each. */
function bands(area: Area): Area[] {
  const rows = Math.max(1, Math.floor(CELLS_PER_BAND / area.columns));
  const out: Area[] = [];
  for (let r = 0; r < area.rows; r += rows) out.push({ row: area.row + r, column: area.column, rows: Math.min(rows, area.rows - r), columns: area.columns });
  return out;
}

type CellLook = { format?: { fill?: { color?: string }; font?: { bold?: boolean; italic?: boolean; color?: string; size?: number } } };

/**
 * What a cell has of its own beyond Excel's defaults (no fill, regular black 11-point text), or null: only that is
 * written back, onto a cleared sheet — so a cell without formatting does not come back filled white. (A cell the
 * analyst filled white comes back without fill: getCellProperties gives both as #FFFFFF.)
 */
function ownLook(look: CellLook): CellLook | null {
  const fill = look.format?.fill?.color;
  const font = look.format?.font ?? {};
  const ownFont = {
    ...(font.bold ? { bold: true } : {}),
    ...(font.italic ? { italic: true } : {}),
    ...(font.color && font.color.toUpperCase() !== "#000000" ? { color: font.color } : {}),
    ...(font.size !== undefined && font.size !== 11 ? { size: font.size } : {}),
  };
  const ownFill = fill && fill.toUpperCase() !== "#FFFFFF" ? { fill: { color: fill } } : {};
  if (Object.keys(ownFont).length === 0 && !("fill" in ownFill)) return null;
  return { format: { ...ownFill, ...(Object.keys(ownFont).length > 0 ? { font: ownFont } : {}) } };
}

/** Takes a snapshot of each sheet, with the validation of the given areas (A1 addresses) per sheet. */
export async function takeSnapshots(context: Excel.RequestContext, names: readonly string[], validated: (sheet: string) => readonly string[]): Promise<SheetSnapshot[]> {
  const withProperties = supportsOptional("cellProperties");
  const sheets = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject().load("address");
    const frozen = ws.freezePanes.getLocationOrNullObject().load("address");
    const validations = validated(name).map((address) => ({ address, dv: ws.getRange(address).dataValidation.load("type,rule,errorAlert") }));
    return { name, ws, used, frozen, validations };
  });
  await context.sync();
  const snapshots: SheetSnapshot[] = [];
  for (const s of sheets) {
    const address = s.used.isNullObject ? null : s.used.address.split("!").pop()!;
    const formulas: Matrix = [];
    const numberFormats: Matrix = [];
    const cellProperties: unknown[][] | null = withProperties && address ? [] : null;
    let columnWidths: unknown[] | null = null;
    if (address) {
      const area = areaOf(address);
      for (const band of bands(area)) {
        const range = s.ws.getRange(addressOf(band)).load("formulas,numberFormat,valueTypes");
        const props = withProperties ? range.getCellProperties(CELL_PROPERTIES as unknown as Excel.CellPropertiesLoadOptions) : null;
        await context.sync();
        // A text such as "2007" reads back as the same characters as the number: it goes back as text.
        formulas.push(...(range.formulas as Matrix).map((row, r) => row.map((v, c) => (range.valueTypes[r]![c] === "String" && typeof v === "string" && !v.startsWith("=") ? asTyped(v) : v))));
        numberFormats.push(...(range.numberFormat as Matrix));
        if (props && cellProperties) cellProperties.push(...(props.value as CellLook[][]).map((row) => row.map(ownLook)));
      }
      if (withProperties) {
        const widths = s.ws.getRange(address).getColumnProperties({ format: { columnWidth: true } });
        await context.sync();
        columnWidths = widths.value as unknown[];
      }
      await leaveSpillsToTheirFormulas(context, s.ws, area, formulas);
    }
    snapshots.push({
      name: s.name,
      address,
      formulas,
      numberFormats,
      cellProperties,
      columnWidths,
      frozen: s.frozen.isNullObject ? null : s.frozen.address.split("!").pop()!,
      validations: s.validations.map((v) => ({ address: v.address, type: String(v.dv.type), rule: v.dv.rule, errorAlert: v.dv.errorAlert })),
    });
  }
  return snapshots;
}

/**
 * A spilled cell reads as a constant in `formulas`; written back as one it would block its formula (#SPILL!). Each
 * formula's spill area is asked (ExcelApi 1.12) and its cells other than the formula's own are set to null (left).
 * Without ExcelApi 1.12 Excel has no dynamic arrays, so nothing spills.
 */
async function leaveSpillsToTheirFormulas(context: Excel.RequestContext, ws: Excel.Worksheet, area: Area, formulas: Matrix): Promise<void> {
  if (!supportsOptional("spills")) return;
  const anchors: { r: number; c: number }[] = [];
  formulas.forEach((row, r) => row.forEach((v, c) => typeof v === "string" && v.startsWith("=") && anchors.push({ r, c })));
  for (let i = 0; i < anchors.length; i += SPILLS_PER_SYNC) {
    const asked = anchors.slice(i, i + SPILLS_PER_SYNC).map((a) => ({ ...a, spill: ws.getCell(area.row + a.r, area.column + a.c).getSpillingToRangeOrNullObject().load("address") }));
    await context.sync();
    for (const a of asked) {
      if (a.spill.isNullObject) continue;
      const spill = areaOf(a.spill.address);
      for (let r = spill.row; r < spill.row + spill.rows; r++) {
        for (let c = spill.column; c < spill.column + spill.columns; c++) {
          const rr = r - area.row;
          const cc = c - area.column;
          if ((rr !== a.r || cc !== a.c) && formulas[rr]?.[cc] !== undefined) formulas[rr]![cc] = null;
        }
      }
    }
  }
}

/** Puts a snapshot back on its sheet (which must exist): everything else on the sheet is cleared first. */
export async function restoreSnapshot(context: Excel.RequestContext, snapshot: SheetSnapshot): Promise<void> {
  const ws = context.workbook.worksheets.getItem(snapshot.name);
  const budget = new SyncBudget(() => context.sync());
  ws.getRange().clear();
  ws.freezePanes.unfreeze();
  await context.sync();
  if (snapshot.address) {
    const area = areaOf(snapshot.address);
    const put = async (rows: unknown[][], write: (range: Excel.Range, band: unknown[][]) => void) => {
      for (const band of bands(area)) {
        const part = rows.slice(band.row - area.row, band.row - area.row + band.rows);
        await budget.add(jsonBytes(part));
        write(ws.getRange(addressOf(band)), part);
      }
    };
    await put(snapshot.formulas.map((row) => row.map((v) => (v === "" ? null : v))), (range, part) => (range.formulas = part as never));
    await put(snapshot.numberFormats.map((row) => row.map((v) => (v === "General" ? null : v))), (range, part) => (range.numberFormat = part as never));
    if (snapshot.cellProperties) await put(snapshot.cellProperties, (range, part) => range.setCellProperties(part as Excel.SettableCellProperties[][]));
    if (snapshot.columnWidths) {
      await budget.add(jsonBytes(snapshot.columnWidths));
      ws.getRange(snapshot.address).setColumnProperties(snapshot.columnWidths as Excel.SettableColumnProperties[]);
    }
  }
  for (const v of snapshot.validations) {
    const dv = ws.getRange(v.address).dataValidation;
    dv.clear();
    if (v.type !== "None" && v.rule) {
      dv.rule = v.rule as Excel.DataValidationRule;
      if (v.errorAlert) dv.errorAlert = v.errorAlert as Excel.DataValidationErrorAlert;
    }
  }
  if (snapshot.frozen) freeze(ws, snapshot.frozen);
  await budget.flush();
  await context.sync();
}

/** Freezes what `address` names: whole rows ("1:3"), whole columns ("A:B") or the cells of an area. */
export function freeze(ws: Excel.Worksheet, address: string): void {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(address);
  if (rows) ws.freezePanes.freezeRows(Number(rows[2]));
  else if (columns) ws.freezePanes.freezeColumns(columnIndex(columns[2]!) + 1);
  else ws.freezePanes.freezeAt(ws.getRange(address));
}
