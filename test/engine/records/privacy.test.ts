/**
 * Privacy first (issue 21, item 2): direct identifiers are refused with a Dutch message naming the column and never the
 * value; the elfproef is the BSN's own; counts below the threshold are suppressed and the output says so.
 */
import fc from "fast-check";
import { COLUMNS } from "../../../src/engine/records/format";
import { readRecords } from "../../../src/engine/records/read";
import { aggregateShown, countShown, identifierKind, looksLikeBsn, passesElfproef, shownCount, suppressionNote } from "../../../src/engine/records/privacy";
import { generateRegistration, recordsToRows } from "../../../src/engine/records/generator";
import { readComparison } from "../../../src/engine/records/comparison";

/** A BSN by the definition: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). */
function elfproefByDefinition(digits: string): boolean {
  const d = digits.padStart(9, "0").split("").map(Number);
  const sum = d.slice(0, 8).reduce((a, x, i) => a + (9 - i) * x, 0) - d[8]!;
  return sum % 11 === 0 && d.some((x) => x !== 0);
}

const generated = generateRegistration({ households: 60, seed: 7, cases: 0 });
const table = () => recordsToRows(generated.records).map((r) => [...r]);

describe("the elfproef", () => {
  it("accepts the numbers that pass it and rejects the others, as the definition says", () => {
    expect(passesElfproef("111222333")).toBe(true); // 9+8+7+12+10+8+9+6−3 = 66
    expect(passesElfproef("123456782")).toBe(true); // 154 = 14 × 11
    expect(passesElfproef("123456789")).toBe(false);
    expect(passesElfproef("000000000")).toBe(false);
    fc.assert(fc.property(fc.stringMatching(/^\d{9}$/), (digits) => passesElfproef(digits) === elfproefByDefinition(digits)));
  });

  it("takes an 8-digit number as a BSN whose leading zero Excel dropped", () => {
    const nine = "012345672"; // 0+8+14+18+20+20+18+14−2 = 110
    expect(passesElfproef(nine)).toBe(true);
    expect(looksLikeBsn(nine.slice(1))).toBe(true);
  });

  it("finds a BSN written plain or grouped, and never takes a date for one", () => {
    expect(looksLikeBsn("123456782")).toBe(true);
    expect(looksLikeBsn("123.456.782")).toBe(true);
    expect(looksLikeBsn("1234.56.782")).toBe(true);
    expect(looksLikeBsn("123 456 782")).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 365 }), (offset) => {
        const iso = new Date(Date.UTC(1900, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-");
        return !looksLikeBsn(iso) && !looksLikeBsn(`${d}-${m}-${y}`) && !looksLikeBsn(`${d}/${m}/${y}`);
      }),
    );
  });
});

describe("direct identifiers in a registration file", () => {
  it.each([["BSN"], ["bsn_ouder"], ["Naam"], ["Achternaam"], ["voornamen kind"], ["naam coach"], ["Adres"], ["Postcode"], ["Woonplaats"], ["Geboortedatum"], ["geb.datum"], ["E-mail"], ["Telefoonnummer"], ["IBAN"]])(
    'refuses a column "%s" by name, the file as a whole',
    (header) => {
      const rows = table();
      rows[0]!.push(header);
      rows.slice(1).forEach((r) => r.push("Jansen, Kerkstraat 12"));
      const r = readRecords(rows, { today: generated.today });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.refusal.column).toBe(header);
      expect(r.refusal.message).toContain(`De kolom "${header}"`);
      expect(r.refusal.message).toMatch(/niet ingelezen/);
      expect(r.refusal.message).not.toContain("Jansen");
      expect(r.refusal.message).not.toContain("Kerkstraat");
    },
  );

  it("never takes a column of the format for an identifier", () => {
    for (const c of COLUMNS) expect([c.header, identifierKind(c.header)]).toEqual([c.header, null]);
    for (const h of ["dagbesteding", "huisvesting", "aanmelding", "opname_ggz", "gemiddeld", "zonder_traject"]) expect(identifierKind(h)).toBeNull();
  });

  it("refuses a BSN in the id column, naming column and row but not the number", () => {
    const rows = table();
    rows[5]![0] = "123456782";
    const r = readRecords(rows, { today: generated.today });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toMatchObject({ column: "id", row: 6 });
    expect(r.refusal.message).toMatch(/burgerservicenummer \(BSN\)/);
    expect(r.refusal.message).not.toContain("123456782");
  });

  it("refuses a BSN in any column, also one the format ignores, and in the comparison area's file", () => {
    const rows = table();
    rows[0]!.push("kenmerk");
    rows.slice(1).forEach((r, i) => r.push(i === 20 ? "111.222.333" : "x"));
    const r = readRecords(rows, { today: generated.today });
    expect(r.ok ? null : r.refusal).toMatchObject({ column: "kenmerk", row: 22 });
    expect(JSON.stringify(r)).not.toContain("111.222.333");
    const c = readComparison([["meting", "huishoudtype", "huishoudens"], ["0", "alle", "123456782"]]);
    expect(c.ok ? null : c.refusal.message).toMatch(/elfproef/);
  });

  it("does not echo a bad value in any message of a row (a name typed into a coded column stays unseen)", () => {
    const rows = table();
    rows[3]![4] = "Piet de Vries";
    rows[4]![2] = "Marietje";
    const r = readRecords(rows, { today: generated.today });
    expect(r.ok).toBe(true);
    const text = JSON.stringify(r.ok ? r.report : r);
    expect(text).not.toContain("Piet");
    expect(text).not.toContain("Marietje");
    expect(r.ok && r.report.problems.map((p) => [p.row, p.column])).toEqual([
      [4, "huishoudtype"],
      [5, "meting"],
    ]);
  });
});

describe("suppression of small counts", () => {
  const s = { threshold: 10 };
  it("shows 0 and counts from the threshold on; 1 … 9 read < 10", () => {
    expect([0, 1, 9, 10, 11, 1234].map((n) => shownCount(n, s))).toEqual(["0", "< 10", "< 10", "10", "11", "1.234"]);
    expect([0, 5, 10].map((n) => countShown(n, s))).toEqual([true, false, true]);
    expect([9, 10].map((n) => aggregateShown(n, s))).toEqual([false, true]);
  });

  it("says so in Dutch, with the threshold", () => {
    expect(suppressionNote(s)).toBe('Privacy: aantallen van 1 t/m 9 staan er als "< 10"; aandelen, gemiddelden en effecten over minder dan 10 huishoudens worden niet getoond en niet gebruikt (drempel 10).');
    expect(suppressionNote({ threshold: 25 })).toContain("1 t/m 24");
  });
});
