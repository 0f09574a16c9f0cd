/**
 * Privacy first (privacy voorop): the registration is about real households, so
 * - a file with a direct identifier — a column named like a BSN, name, address, postcode, phone, e-mail or birth date,
 *   or any cell holding a burgerservicenummer (8 or 9 digits passing the elfproef) — is refused as a whole, with a
 *   Dutch message that names the column (and row) but never shows the value;
 * - ids are pseudonyms; no message of the reader ever echoes a cell's value;
 * - every aggregate shown or written suppresses counts below a threshold (default 10, the minimum statistical
 *   agencies use for tables of persons) and says so: a count 1 … threshold − 1 reads "< 10", and a share, mean or
 *   effect computed from fewer households than the threshold is not shown (and not used in a scenario).
 * Nothing is sent anywhere: the engine has no network access, the CLI reads and writes local files only.
 */
import { formatCount } from "../model/limits";

/**
 * The elfproef of a burgerservicenummer: 9 digits d1…d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not
 * all zeros). An 8-digit number is a BSN with its leading zero lost (Excel drops it), so it is checked as 0 + digits.
 */
export function passesElfproef(text: string): boolean {
  const t = text.length === 8 ? "0" + text : text;
  if (t.length !== 9) return false;
  let sum = 0;
  let allZero = true;
  for (let i = 0; i < 9; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (d !== 0) allZero = false;
    sum += i === 8 ? -d : (9 - i) * d;
  }
  return !allZero && sum % 11 === 0;
}

/**
 * Whether a cell's text looks like a BSN: 8 or 9 digits passing the elfproef, written plain or grouped as a BSN is
 * written (123.456.782, 123 456 782, 1234.56.782). Dates (2024-03-15, 15-03-2024) are grouped otherwise and never match.
 */
export function looksLikeBsn(cell: string): boolean {
  const n = cell.length;
  if (n < 8 || n > 11) return false;
  if (n <= 9) return /^\d{8,9}$/.test(cell) && passesElfproef(cell);
  const m = /^(\d{3})([ .-])(\d{3})\2(\d{3})$/.exec(cell) ?? /^(\d{4})([ .-])(\d{2})\2(\d{3})$/.exec(cell);
  return m !== null && passesElfproef(m[1]! + m[3]! + m[4]!);
}

/**
 * Column names that are direct identifiers, as whole words of a normalised header (lower case, accents removed,
 * words split on anything that is not a letter or digit): BSN/sofinummer, names, addresses and postcodes, phone and
 * e-mail, birth dates. Bijlage 3 (seed 001, regel 1124) lists "NAW gezinsleden, BSN, adres, geboortedata, naam coach"
 * as the way a team identifies a household: none of it belongs in an export for the MKBA.
 */
const IDENTIFIER_WORDS: ReadonlyMap<string, string> = new Map([
  ["bsn", "een burgerservicenummer"],
  ["burgerservicenummer", "een burgerservicenummer"],
  ["sofinummer", "een burgerservicenummer"],
  ["sofi", "een burgerservicenummer"],
  ["naam", "een naam"],
  ["namen", "een naam"],
  ["voornaam", "een naam"],
  ["voornamen", "een naam"],
  ["achternaam", "een naam"],
  ["roepnaam", "een naam"],
  ["geslachtsnaam", "een naam"],
  ["tussenvoegsel", "een naam"],
  ["voorletters", "een naam"],
  ["naw", "naam, adres en woonplaats"],
  ["adres", "een adres"],
  ["straat", "een adres"],
  ["straatnaam", "een adres"],
  ["huisnummer", "een adres"],
  ["postcode", "een adres"],
  ["woonplaats", "een adres"],
  ["telefoon", "een telefoonnummer"],
  ["telefoonnummer", "een telefoonnummer"],
  ["mobiel", "een telefoonnummer"],
  ["email", "een e-mailadres"],
  ["mail", "een e-mailadres"],
  ["emailadres", "een e-mailadres"],
  ["geboortedatum", "een geboortedatum"],
  ["geboortedata", "een geboortedatum"],
  ["geboren", "een geboortedatum"],
  ["gebdatum", "een geboortedatum"],
  ["geboorte", "een geboortedatum"],
  ["dob", "een geboortedatum"],
  ["iban", "een rekeningnummer"],
  ["rekeningnummer", "een rekeningnummer"],
]);

/** A header's words: lower case, accents removed, split on everything but letters and digits ("e-mail" → "email"). */
function headerWords(header: string): string[] {
  const plain = header.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/e-mail/g, "email");
  return plain.split(/[^a-z0-9]+/).filter((w) => w !== "");
}

/** What kind of direct identifier a header names ("een naam", …), or null. */
export function identifierKind(header: string): string | null {
  const words = headerWords(header);
  for (const w of words) {
    const kind = IDENTIFIER_WORDS.get(w);
    if (kind) return kind;
  }
  // Joined words ("geboortedatumkind", "naamcoach") — only the unambiguous long ones, so that "dagbesteding" never matches.
  const joined = words.join("");
  for (const w of ["geboortedatum", "gebdatum", "burgerservicenummer", "achternaam", "voornaam", "straatnaam", "huisnummer", "postcode", "telefoonnummer", "emailadres"]) {
    if (joined.includes(w)) return IDENTIFIER_WORDS.get(w)!;
  }
  return null;
}

/** The refusal when a direct identifier is found: names the column (and the row), never the value. */
export interface PrivacyRefusal {
  readonly column: string;
  /** 1-based file row of the cell, when a cell (not the header) gave it away. */
  readonly row?: number;
  readonly message: string;
}

const NOT_READ = "Het bestand is niet ingelezen en niets ervan is bewaard. Exporteer de registratie zonder direct identificerende gegevens; gebruik een pseudoniem als id (zie docs/registratie.md).";

export function identifierColumnRefusal(header: string, kind: string): PrivacyRefusal {
  return { column: header, message: `De kolom "${header}" bevat ${kind}: direct identificerende gegevens horen niet in een registratie voor de MKBA. ${NOT_READ}` };
}

export function bsnCellRefusal(header: string, row: number): PrivacyRefusal {
  return {
    column: header,
    row,
    message: `De kolom "${header}" bevat op rij ${row} een nummer dat de elfproef van een burgerservicenummer (BSN) doorstaat; de waarde wordt niet getoond. ${NOT_READ} Een pseudoniem van alleen 8 of 9 cijfers kan toevallig de elfproef doorstaan: begin het met een letter (bijvoorbeeld HH-00017).`,
  };
}

/** Suppression (onderdrukking) of small counts, with the threshold it uses. */
export interface Suppression {
  /** Counts 1 … threshold − 1 are not shown; shares and means need at least this many households. */
  readonly threshold: number;
}

/** A count as shown: the number, or "< threshold" for 1 … threshold − 1 (0 is shown: it reveals no one). */
export function shownCount(n: number, s: Suppression): string {
  return n > 0 && n < s.threshold ? `< ${formatCount(s.threshold)}` : formatCount(n);
}

/** Whether a count may be shown as a number. */
export function countShown(n: number, s: Suppression): boolean {
  return n === 0 || n >= s.threshold;
}

/** Whether an aggregate over `base` households (a share, mean or effect) may be shown and used. */
export function aggregateShown(base: number, s: Suppression): boolean {
  return base >= s.threshold;
}

/** The sentence every output with aggregates carries. */
export function suppressionNote(s: Suppression): string {
  if (s.threshold <= 1) return "Privacy: geen onderdrukking van kleine aantallen (drempel 1). Deel deze uitvoer niet buiten het team.";
  return `Privacy: aantallen van 1 t/m ${formatCount(s.threshold - 1)} staan er als "< ${formatCount(s.threshold)}"; aandelen, gemiddelden en effecten over minder dan ${formatCount(s.threshold)} huishoudens worden niet getoond en niet gebruikt (drempel ${formatCount(s.threshold)}).`;
}
