/**
 * Dutch messages for schema problems (foutmeldingen): one error map for every zod schema at an input boundary
 * (model files, LPBL files, key-figure overrides), so that no English word from the library reaches an analyst.
 * zod's own Dutch locale leaves type names in English ("verwacht dat number >=1900 is"), says "verwacht getal,
 * ontving getal" for a number too large to be finite, and reports an unknown key in English elsewhere; this map
 * covers every issue code zod 4 raises for our schemas, and falls back to a plain Dutch sentence.
 */
import type { z } from "zod";

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: "een getal",
  int: "een geheel getal",
  string: "tekst",
  boolean: "WAAR of ONWAAR (true/false)",
  object: "een object ({…})",
  array: "een lijst ([…])",
  null: "leeg (null)",
  undefined: "niets",
  bigint: "een geheel getal",
  date: "een datum",
  nan: "een getal",
  record: "een object ({…})",
  literal: "een vaste waarde",
};

/** The type of a value in Dutch words, for "ontving …". */
export function describeJsonValue(value: unknown): string {
  if (value === null) return "leeg (null)";
  if (value === undefined) return "niets";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "iets dat geen getal is";
    if (!Number.isFinite(value)) return "een getal dat te groot is om weer te geven (buiten ±1,8·10^308)";
    return `het getal ${String(value).replace(".", ",")}`;
  }
  if (typeof value === "string") return `de tekst "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return "een lijst";
  if (typeof value === "object") return "een object";
  return "een onbekende waarde";
}

const nl = (n: number | bigint) => (typeof n === "bigint" ? n.toString() : new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 20 }).format(n));

function sizeMessage(issue: Issue & { code: "too_small" | "too_big" }): string {
  const small = issue.code === "too_small";
  const limit = (small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum) as number | bigint;
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
  const origin = (issue as { origin?: string }).origin;
  if (origin === "string") return small ? (Number(limit) <= 1 ? "mag niet leeg zijn" : `minstens ${nl(limit)} tekens`) : `hoogstens ${nl(limit)} tekens`;
  if (origin === "array" || origin === "set") return small ? `minstens ${nl(limit)} ${Number(limit) === 1 ? "element" : "elementen"}` : `hoogstens ${nl(limit)} elementen`;
  if (small) return inclusive ? `moet ${nl(limit)} of meer zijn` : `moet groter zijn dan ${nl(limit)}`;
  return inclusive ? `moet ${nl(limit)} of minder zijn` : `moet kleiner zijn dan ${nl(limit)}`;
}

/** A Dutch message for any zod issue (use as `{ error: dutchIssueMessage }` or inside a custom map). */
export function dutchIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "verplicht veld ontbreekt";
      const expected = TYPE_NAMES[String(issue.expected)] ?? "een andere soort waarde";
      if (issue.expected === "number" && typeof issue.input === "number") return `verwacht een eindig getal, niet ${describeJsonValue(issue.input)}`;
      return `verwacht ${expected}, niet ${describeJsonValue(issue.input)}`;
    }
    case "too_small":
    case "too_big":
      return sizeMessage(issue as Issue & { code: "too_small" | "too_big" });
    case "invalid_format":
      return "heeft niet de juiste vorm";
    case "not_multiple_of":
      return `moet een veelvoud zijn van ${nl((issue as { divisor: number }).divisor)}`;
    case "unrecognized_keys": {
      const keys = (issue as { keys: string[] }).keys;
      return `onbekend veld${keys.length > 1 ? "en" : ""}: ${keys.map((k) => `"${k}"`).join(", ")}`;
    }
    case "invalid_value": {
      const values = (issue as { values: unknown[] }).values;
      if (values.length === 1) return `moet ${JSON.stringify(values[0])} zijn`;
      return `kies een van ${values.map((v) => JSON.stringify(v)).join(", ")}`;
    }
    case "invalid_union": {
      // A discriminated union (a distribution's "type"): name the choices.
      const options = (issue as { discriminator?: string; options?: unknown[] }).discriminator !== undefined ? (issue as { options?: unknown[] }).options : undefined;
      if (options) return `kies een van ${options.map((o) => JSON.stringify(o)).join(", ")}`;
      return "verwacht een getal of een rekenregel (tekst)";
    }
    case "invalid_key":
      return "ongeldige sleutel";
    case "invalid_element":
      return "ongeldig element";
    case "custom":
      return typeof issue.message === "string" && issue.message !== "" ? issue.message : "ongeldige waarde";
    default:
      return "ongeldige waarde";
  }
}

/** A key `__proto__` (found by jsonValueProblems in src/engine/model/jsonLimits.ts, wherever it stands). */
export const FORBIDDEN_KEY_MESSAGE = 'de naam "__proto__" is niet toegestaan als sleutel of naam (een voorbehouden woord in JavaScript); kies een andere naam';
