/**
 * CSV text → a table of text cells (CSV lezen), by Papa Parse (papaparse, MIT; no dependencies, the same in Node, a
 * browser and a Web Worker). The separator is detected: a Dutch Excel writes ";", most systems ",", some a tab. A
 * byte-order mark is dropped; empty lines are skipped (a line of only separators becomes an empty row, which the
 * readers skip). Quoting errors make the file unreadable as a whole: which cell is which is then unknown.
 */
import Papa from "papaparse";
import { RECORD_LIMITS } from "./format";
import { formatCount } from "../model/limits";
import { ReadOptions, ReadResult, RecordReader } from "./read";

export type CsvResult = { readonly ok: true; readonly rows: string[][] } | { readonly ok: false; readonly message: string };

export function parseCsv(text: string, what = "Het CSV-bestand"): CsvResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, message: `${what} is leeg.` };
  // Papa Parse guesses among , ; tab | from the first lines; a file of one column has none of them (then ",").
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: true, delimitersToGuess: [";", ",", "\t", "|"], preview: RECORD_LIMITS.rows + 2 });
  const fatal = result.errors.find((e) => e.type === "Quotes");
  if (fatal) return { ok: false, message: `${what} is geen geldige CSV: een aanhalingsteken wordt niet gesloten (rij ${formatCount((fatal.row ?? 0) + 1)}). Controleer de export.` };
  return { ok: true, rows: result.data };
}

/**
 * A registration CSV read as it is parsed (Papa Parse's step mode): each row goes to the record reader at once, so a
 * file of 100.000 rows never holds all its cells in memory; a refusal (a direct identifier, a limit) stops the parse.
 */
export function readRecordsCsv(text: string, options: ReadOptions, what = "Het CSV-bestand", progress?: (fraction: number) => void): ReadResult | { readonly ok: false; readonly csv: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, csv: `${what} is leeg.` };
  const reader = new RecordReader(options);
  let quoteError: number | null = null;
  let rows = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: true,
    delimitersToGuess: [";", ",", "\t", "|"],
    step: (result, parser) => {
      const fatal = result.errors.find((e) => e.type === "Quotes");
      if (fatal) {
        quoteError = (fatal.row ?? 0) + 1;
        parser.abort();
        return;
      }
      if (reader.push(result.data)) parser.abort();
      if (progress && ++rows % 5000 === 0) progress(result.meta.cursor / body.length);
    },
  });
  if (quoteError !== null) return { ok: false, csv: `${what} is geen geldige CSV: een aanhalingsteken wordt niet gesloten (rij ${formatCount(quoteError)}). Controleer de export.` };
  return reader.finish();
}
