/**
 * Function arguments on the command line (argumenten als JSON): a number, a string, a boolean, `null`
 * (blank cell or omitted argument), `{"error":"#N/A"}` (an error value), or a 2-D array of those (a range,
 * rows of cells). Results go back the same way.
 */
import { z } from "zod";
import { CellArgument, CellValue } from "../engine/cells";
import { EXCEL_ERROR_CODES, cellError, isCellError } from "../engine/errors";
import { FunctionResult } from "../functions/catalog";
import { JSON_SOURCES, parseJson } from "../engine/model/jsonLimits";

function makeArgumentSchema() {
  const jsonErrorSchema = z.object({ error: z.enum(EXCEL_ERROR_CODES), message: z.string().optional() }).strict();
  const jsonCellSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), jsonErrorSchema]);
  return z.union([jsonCellSchema, z.array(z.array(jsonCellSchema))]);
}
type JsonArgument = z.infer<ReturnType<typeof makeArgumentSchema>>;
type JsonCell = Exclude<JsonArgument, unknown[]>;
/** Built at the first function argument, not when the module loads: every command imports UsageError from here. */
let jsonArgumentSchema: ReturnType<typeof makeArgumentSchema> | undefined;

/** Thrown for misuse of the CLI itself (exit 2), never for an answer of a function. */
export class UsageError extends Error {}

function toCell(value: JsonCell): CellValue {
  if (typeof value === "object" && value !== null) return cellError(value.error, value.message ?? "");
  return value;
}

export function cellArgumentFromJson(value: unknown, label: string): CellArgument {
  const parsed = (jsonArgumentSchema ??= makeArgumentSchema()).safeParse(value);
  if (!parsed.success) {
    const hint = Array.isArray(value) ? ' Een bereik is een lijst van rijen, bijvoorbeeld [[1,2,3]] of [[1],[2],[3]].' : "";
    throw new UsageError(
      `${label}: geen geldige celwaarde (getal, tekst, true/false, null, {"error":"#N/A"} of een 2-D-lijst daarvan).${hint}`,
    );
  }
  const data = parsed.data;
  return Array.isArray(data) ? data.map((row) => row.map(toCell)) : toCell(data);
}

export function parseJsonArgument(text: string, label: string): CellArgument {
  const value = parseJson(text, JSON_SOURCES.argument(label));
  if (!value.ok) throw new UsageError(`${label}: ${value.problem.message}: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`);
  return cellArgumentFromJson(value.data, label);
}

function cellToJson(value: CellValue): unknown {
  return isCellError(value) ? { error: value.code, message: value.message } : value;
}

/** A function's result as one line of JSON. */
export function resultToJson(result: FunctionResult): string {
  if (Array.isArray(result)) return JSON.stringify(result.map((row) => row.map(cellToJson)));
  return JSON.stringify(cellToJson(result));
}
