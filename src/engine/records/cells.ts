/**
 * Cell parsers of the registration format (celwaarden): one zod schema per column kind (format.ts), applied to the
 * trimmed text of a cell, with the Dutch reason and message of a bad value — never the value itself (privacy.ts).
 * A column's parser remembers the answer for each distinct text it has seen (a coded column holds a handful: "ja",
 * "nee", "1", "0"), so a file of 100.000 rows costs a few thousand zod parses, not millions.
 */
import { z } from "zod";
import { ColumnKind, MEASUREMENTS, RECORD_LIMITS, allowedCodes, dayNumber } from "./format";

/** Why a row is left out (reden), as counted in the report. */
export const REASONS = {
  unknownCode: "onbekende code",
  futureDate: "datum in de toekomst",
  negativeCount: "negatief aantal",
  measurementBeforeRegistration: "meting vóór aanmelding",
  duplicate: "dubbele id en meting",
  invalidDate: "ongeldige datum",
  invalidNumber: "ongeldig aantal",
  requiredEmpty: "verplicht veld leeg",
  invalidPseudonym: "ongeldig pseudoniem",
  tooLong: "waarde te lang",
  inconsistentRegistration: "tegenstrijdige datum_aanmelding",
  childrenAtHome: "meer thuiswonende kinderen dan kinderen",
} as const;
export type Reason = (typeof REASONS)[keyof typeof REASONS];

export type CellValue = string | number | boolean | null;
export type CellResult = { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly reason: Reason; readonly message: string };

const EMPTY: CellResult = { ok: true, value: null };

/** A date in ISO (2024-03-01) or Dutch (1-3-2024, 01-03-2024, 1/3/2024) notation → day number; null if no real date. */
export function parseDate(text: string): number | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let year: number, month: number, day: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
    if (!m) return null;
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const n = dayNumber(year, month, day);
  // 31-02 rolls over to March in Date.UTC: a real date reads back as itself.
  const back = new Date(n * 86_400_000);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? n : null;
}

const codeList = (kind: ColumnKind) => allowedCodes(kind).join(", ");

/** The zod schema of a column kind: trimmed text in, the typed value out; each failure names its reason. */
function schemaOf(kind: ColumnKind): z.ZodType<CellValue> {
  switch (kind.type) {
    case "pseudonym":
      return z
        .string()
        .max(RECORD_LIMITS.pseudonymLength, { error: `${REASONS.invalidPseudonym}: hoogstens ${RECORD_LIMITS.pseudonymLength} tekens` })
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: `${REASONS.invalidPseudonym}: alleen letters, cijfers, -, _ en . (en niet beginnend met een leesteken)` });
    case "date":
      return z.string().transform((text, ctx) => {
        const n = parseDate(text);
        if (n === null) {
          ctx.addIssue({ code: "custom", message: `${REASONS.invalidDate}: schrijf JJJJ-MM-DD of DD-MM-JJJJ (een bestaande datum)` });
          return z.NEVER;
        }
        return n;
      });
    case "measurement":
      return z.enum(MEASUREMENTS.map(String) as [string, ...string[]], { error: `${REASONS.unknownCode}; toegestaan: ${codeList(kind)}` }).transform(Number);
    case "code":
      return z
        .string()
        .transform((t) => t.toLowerCase())
        .pipe(z.enum(kind.codes as [string, ...string[]], { error: `${REASONS.unknownCode}; toegestaan: ${codeList(kind)}` }));
    case "yesNo":
      return z
        .string()
        .transform((t) => t.toLowerCase())
        .pipe(z.enum(["ja", "nee", "1", "0"], { error: `${REASONS.unknownCode}; toegestaan: ${codeList(kind)}` }))
        .transform((t) => t === "ja" || t === "1");
    case "zrm":
      return z
        .string()
        .transform((t) => t.toLowerCase())
        .pipe(z.enum(["ja", "nee", "1", "2", "3", "4", "5"], { error: `${REASONS.unknownCode}; toegestaan: ja, nee of een ZRM-score 1 t/m 5` }))
        .transform((t): boolean | number => (t === "ja" ? true : t === "nee" ? false : Number(t)));
    case "count":
      return z
        .string()
        .regex(/^[+-]?\d+$/, { error: `${REASONS.invalidNumber}: een geheel getal van 0 t/m ${kind.max}` })
        .transform(Number)
        .pipe(z.number().min(0, { error: `${REASONS.negativeCount}: een aantal is 0 of meer` }).max(kind.max, { error: `${REASONS.invalidNumber}: hoogstens ${kind.max}` }));
    case "change":
      return z
        .string()
        .transform((t) => t.replace("\u2212", "-").replace(/^\+/, ""))
        .pipe(z.enum(["-1", "0", "1"], { error: `${REASONS.unknownCode}; toegestaan: 1 (nieuw), 0 of -1 (geschrapt)` }))
        .transform(Number);
  }
}

/** The reason a zod message starts with (every schema above starts its messages with one). */
function reasonOf(message: string): Reason {
  for (const r of Object.values(REASONS)) if (message.startsWith(r)) return r;
  return REASONS.unknownCode;
}

/**
 * A column's cell parser: text → value or a Dutch reason. Remembers the answer per distinct text — up to 10.000 texts,
 * for pseudonyms (one per household, a few rows each) up to the row limit.
 */
export function cellParser(kind: ColumnKind, required: boolean): (raw: string) => CellResult {
  const schema = schemaOf(kind);
  const memo = new Map<string, CellResult>();
  const memoSize = kind.type === "pseudonym" ? RECORD_LIMITS.rows : 10_000;
  const parse = (text: string): CellResult => {
    if (text === "") {
      if (required) return { ok: false, reason: REASONS.requiredEmpty, message: `${REASONS.requiredEmpty}: deze kolom is op elke rij verplicht` };
      return kind.type === "change" ? { ok: true, value: 0 } : EMPTY;
    }
    if (text.length > RECORD_LIMITS.cellLength) return { ok: false, reason: REASONS.tooLong, message: `${REASONS.tooLong}: hoogstens ${RECORD_LIMITS.cellLength} tekens` };
    const r = schema.safeParse(text);
    if (r.success) return { ok: true, value: r.data };
    const message = r.error.issues[0]?.message ?? REASONS.unknownCode;
    return { ok: false, reason: reasonOf(message), message };
  };
  // In front of the map (whose lookup hashes every fresh cell text): the previous text — rows come household by household,
  // so dates and pseudonyms repeat — and for a coded column its few texts, compared directly.
  let lastRaw: string | null = null;
  let lastResult: CellResult = EMPTY;
  const closed = kind.type !== "pseudonym" && kind.type !== "date";
  const few: string[] = [];
  const fewResults: CellResult[] = [];
  return (raw) => {
    if (raw === lastRaw) return lastResult;
    let r: CellResult | undefined;
    if (closed) {
      for (let i = 0; i < few.length; i++) {
        if (few[i] === raw) {
          r = fewResults[i]!;
          break;
        }
      }
    }
    if (r === undefined) {
      r = memo.get(raw);
      if (r === undefined) {
        r = parse(raw.trim());
        if (memo.size < memoSize) memo.set(raw, r);
      }
      if (closed && few.length < 8) {
        few.push(raw);
        fewResults.push(r);
      }
    }
    lastRaw = raw;
    lastResult = r;
    return r;
  };
}

/** A header as the reader compares it: trimmed, lower case, accents removed, spaces and dashes as "_". */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
