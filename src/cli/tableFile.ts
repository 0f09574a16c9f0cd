/**
 * Tables from files (tabellen lezen en schrijven) for `mkba registratie`: a CSV file is one table (Papa Parse, in the
 * engine's csv.ts); an .xlsx export is a table per worksheet, read with ExcelJS — every cell as the text an export
 * would hold (a date as JJJJ-MM-DD, a boolean as 1/0, a formula as its result). The file size is checked before reading
 * (RECORD_LIMITS.fileBytes), the rows and columns of a sheet before its cells are read.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import Papa from "papaparse";
import { parseCsv } from "../engine/records/csv";
import { RECORD_LIMITS } from "../engine/records/format";
import { formatCount } from "../engine/model/limits";
import { UsageError } from "./args";
import { writeFileSafely } from "./files";

export interface TableFile {
  readonly kind: "csv" | "xlsx";
  /** The tables by sheet name (for a CSV file one table, named after the file). */
  readonly tables: ReadonlyMap<string, string[][]>;
}

function sizeOf(file: string): number {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new UsageError(`kan ${file} niet lezen: dat is een map, geen bestand.`);
    return st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: unknown })?.code;
    throw new UsageError(`kan ${file} niet lezen: ${code === "ENOENT" ? "het bestand bestaat niet" : `het besturingssysteem meldt ${typeof code === "string" ? code : "een fout"}`}.`);
  }
}

/** The text an export holds for an ExcelJS cell value. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (typeof v.text === "string") return v.text;
  }
  return "";
}

/** Whether a file is read as CSV (by its extension). */
export function isCsvFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return ext === ".csv" || ext === ".txt";
}

function checkSize(file: string): void {
  const size = sizeOf(file);
  if (size > RECORD_LIMITS.fileBytes) throw new UsageError(`${file} is ${formatCount(Math.round(size / 1024 / 1024))} MB; hoogstens ${formatCount(RECORD_LIMITS.fileBytes / 1024 / 1024)} MB (zie docs/registratie.md, grenzen).`);
}

/** The text of a CSV file (size checked first); a Dutch UsageError when it cannot be read. */
export function readCsvText(file: string): string {
  checkSize(file);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`kan ${file} niet lezen.`);
  }
}

/** Reads a .csv or .xlsx file into tables; a Dutch UsageError when it cannot be read. */
export async function readTableFile(file: string): Promise<TableFile> {
  checkSize(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.readFile(file);
    } catch {
      throw new UsageError(`kan ${file} niet lezen: geen geldig .xlsx-bestand.`);
    }
    const tables = new Map<string, string[][]>();
    for (const ws of workbook.worksheets) {
      const rows = ws.actualRowCount;
      const columns = ws.actualColumnCount;
      if (rows > RECORD_LIMITS.rows + 1) throw new UsageError(`het blad "${ws.name}" van ${file} heeft ${formatCount(rows)} rijen; hoogstens ${formatCount(RECORD_LIMITS.rows)} (zie docs/registratie.md, grenzen).`);
      if (columns > RECORD_LIMITS.columns) throw new UsageError(`het blad "${ws.name}" van ${file} heeft ${formatCount(columns)} kolommen; hoogstens ${formatCount(RECORD_LIMITS.columns)} (zie docs/registratie.md, grenzen).`);
      const table: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        const cells: string[] = [];
        for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c).value));
        table.push(cells);
      });
      tables.set(ws.name, table);
    }
    return { kind: "xlsx", tables };
  }
  if (!isCsvFile(file)) throw new UsageError(`${file}: geef een .csv- of .xlsx-bestand.`);
  const text = readCsvText(file);
  const parsed = parseCsv(text, file);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return { kind: "csv", tables: new Map([[path.basename(file, ext), parsed.rows]]) };
}

/** The one table of a CSV file, or the named sheet of a workbook (its first sheet when `fallbackToFirst`). */
export function tableOf(file: TableFile, sheet: string, fallbackToFirst: boolean): string[][] | null {
  if (file.kind === "csv") return fallbackToFirst ? [...file.tables.values()][0]! : null;
  const found = [...file.tables].find(([name]) => name.trim().toLowerCase() === sheet.toLowerCase());
  if (found) return found[1];
  return fallbackToFirst ? ([...file.tables.values()][0] ?? null) : null;
}

/** A table as CSV text for a Dutch Excel: ";" between cells, a byte-order mark so that Excel reads UTF-8. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return "\uFEFF" + Papa.unparse(rows as string[][], { delimiter: ";", newline: "\r\n" }) + "\r\n";
}

/** Writes tables: one .csv per table (the first at `file`, the others beside it as NAME-SHEET.csv), or one .xlsx. */
export async function writeTables(file: string, tables: readonly { name: string; rows: string[][] }[], overwrite: boolean): Promise<string[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "MKBA-invoegtoepassing (synthetische registratie)";
    for (const t of tables) {
      const ws = workbook.addWorksheet(t.name);
      for (const r of t.rows) ws.addRow(r);
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1 }];
    }
    writeFileSafely(file, new Uint8Array(await workbook.xlsx.writeBuffer()), { overwrite });
    return [file];
  }
  if (ext !== ".csv") throw new UsageError(`${file}: geef een .csv- of .xlsx-bestand.`);
  const base = file.slice(0, -ext.length);
  const written: string[] = [];
  tables.forEach((t, i) => {
    const target = i === 0 ? file : `${base}-${t.name.toLowerCase()}.csv`;
    writeFileSafely(target, csvText(t.rows), { overwrite });
    written.push(target);
  });
  return written;
}
