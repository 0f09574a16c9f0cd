/** A1 addresses as Excel writes them, for the protocol host: areas, parsing ("A1", "$B$2:C9", "A:C", "3:5") and quoting. */
import { columnLetter } from "../../../src/engine/workbook/plan";
import { HostError } from "./protocol";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const columnIndex = (name: string) => [...name.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** "B3", "$B$3:D7", "A:C" (whole columns), "2:4" (whole rows); a sheet prefix ("Invoer!B3") is ignored. */
export function parseArea(address: string): Area {
  const plain = address.replace(/\$/g, "").split("!").pop()!.trim();
  const [from, to = from] = plain.split(":") as [string, string?];
  const part = (a: string) => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/i.exec(a);
    if (m) return { row: Number(m[2]) - 1, column: columnIndex(m[1]!) };
    m = /^([A-Z]{1,3})$/i.exec(a);
    if (m) return { row: null, column: columnIndex(m[1]!) };
    m = /^(\d{1,7})$/.exec(a);
    if (m) return { row: Number(m[1]) - 1, column: null };
    throw new HostError("InvalidArgument", `The address "${address}" is not valid.`);
  };
  const a = part(from);
  const b = part(to!);
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.column ?? 0;
  const c1 = b.column ?? MAX_COLUMNS - 1;
  const area = { row: Math.min(r0, r1), column: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 };
  if (area.row < 0 || area.column < 0 || area.row + area.rows > MAX_ROWS || area.column + area.columns > MAX_COLUMNS) {
    throw new HostError("InvalidArgument", `The address "${address}" is outside the sheet.`);
  }
  return area;
}

/** "B3", "B3:D7", "A:C" or "2:4", as Excel's `address` shows an area. */
export function areaAddress(a: Area): string {
  if (a.rows === MAX_ROWS) return `${columnLetter(a.column)}:${columnLetter(a.column + a.columns - 1)}`;
  if (a.columns === MAX_COLUMNS) return `${a.row + 1}:${a.row + a.rows}`;
  const first = `${columnLetter(a.column)}${a.row + 1}`;
  return a.rows * a.columns === 1 ? first : `${first}:${columnLetter(a.column + a.columns - 1)}${a.row + a.rows}`;
}

/** `Invoer!B3:D7`, or `'Uitvoer (eigen)'!B3` when the sheet name needs quotes. */
export function qualified(sheet: string, a: Area): string {
  return `${sheetReference(sheet)}!${areaAddress(a)}`;
}

/** "$B$3:$D$7": the absolute form of an area, as a name's reference. */
export function absoluteAddress(a: Area): string {
  const cell = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  return a.rows * a.columns === 1 ? cell(a.row, a.column) : `${cell(a.row, a.column)}:${cell(a.row + a.rows - 1, a.column + a.columns - 1)}`;
}

/** A sheet name as a formula writes it: quoted when it is not a plain name. */
export const sheetReference = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);

export const cellKey = (row: number, column: number) => `${row},${column}`;

export function* cellsOf(a: Area): Generator<[number, number]> {
  for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.column; c < a.column + a.columns; c++) yield [r, c];
}

export const overlaps = (a: Area, b: Area) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
export const contains = (outer: Area, inner: Area) =>
  inner.row >= outer.row && inner.column >= outer.column && inner.row + inner.rows <= outer.row + outer.rows && inner.column + inner.columns <= outer.column + outer.columns;
