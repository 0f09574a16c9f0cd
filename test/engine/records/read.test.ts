/**
 * The registration format and its reader (issue 21, items 1 and 8): what is written is read back unchanged; a
 * malformed row is left out with its row and column in Dutch while the other rows count; the report says how many rows
 * were left out and why; the file as a whole is refused beyond the documented limits or without a required column.
 */
import { parseCsv, readRecordsCsv } from "../../../src/engine/records/csv";
import { COLUMNS, RECORD_LIMITS, dayNumber } from "../../../src/engine/records/format";
import { generateRegistration, numbered, recordsToRows } from "../../../src/engine/records/generator";
import { readRecords, readReportLines } from "../../../src/engine/records/read";
import { csvText } from "../../../src/cli/tableFile";

const g = generateRegistration({ households: 80, seed: 11, cases: 0 });
const rows = () => recordsToRows(g.records).map((r) => [...r]);
const col = (header: string) => COLUMNS.findIndex((c) => c.header === header);
const read = (table: string[][], today = g.today) => {
  const r = readRecords(table, { today });
  if (!r.ok) throw new Error(r.refusal.message);
  return r;
};

describe("the registration format", () => {
  it("reads back exactly what the generator wrote, through CSV with ';' and with ','", () => {
    const expected = numbered(g.records);
    expect(read(rows()).records).toEqual(expected);
    for (const text of [csvText(rows()), rows().map((r) => r.join(",")).join("\n")]) {
      const parsed = parseCsv(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(read(parsed.rows).records).toEqual(expected);
    }
  });

  it("accepts headers with capitals and spaces, Dutch dates, 1/0 for ja/nee, and columns in any order", () => {
    const table = [
      ["Meting", "Datum meting", "ID", "Datum aanmelding", "Huishoudtype", "Nieuw gevonden", "Probleem schulden"],
      ["0", "5-1-2024", "HH-1", "05-01-2024", "Gezin", "1", "2"],
      ["12", "2025-01-06", "HH-1", "2024-01-05", "gezin", "0", "NEE"],
    ];
    const r = read(table, dayNumber(2025, 6, 1));
    expect(r.report.rowsLeftOut).toBe(0);
    expect(r.records.map((x) => [x.id, x.measurement, x.registered, x.householdType, x.newlyFound, x.problems[0]])).toEqual([
      ["HH-1", 0, dayNumber(2024, 1, 5), "families", true, 2],
      ["HH-1", 12, dayNumber(2024, 1, 5), "families", false, false],
    ]);
  });

  it("lists columns outside the format as ignored, and free text never enters a record", () => {
    const table = rows();
    table[0]!.push("opmerking");
    table.slice(1).forEach((r) => r.push("vrije tekst"));
    const r = read(table);
    expect(r.report.ignoredColumns).toEqual(["opmerking"]);
    expect(JSON.stringify(r.records)).not.toContain("vrije tekst");
  });
});

describe("bad input: a malformed row is left out, reported with row and column, the rest counts", () => {
  it.each([
    ["an unknown code", "huishoudtype", "oma", "onbekende code", /onbekende code; toegestaan: gezin, oudere, overig/],
    ["a date in the future", "datum_meting", "2031-01-01", "datum in de toekomst", /de meting ligt na vandaag/],
    ["a negative count", "aantal_kinderen", "-2", "negatief aantal", /een aantal is 0 of meer/],
    ["a measurement before the registration", "datum_meting", "2020-01-01", "meting vóór aanmelding", /meetdatum ligt vóór de datum van aanmelding/],
    ["a date that does not exist", "datum_aanmelding", "31-02-2023", "ongeldige datum", /ongeldige datum/],
    ["an empty required field", "meting", "", "verplicht veld leeg", /verplicht/],
    ["a ZRM score out of range", "probleem_schulden", "7", "onbekende code", /ZRM-score 1 t\/m 5/],
    ["a team change other than 1, 0, −1", "team_shv", "2", "onbekende code", /1 \(nieuw\), 0 of -1/],
    ["a pseudonym with spaces", "id", "HH 17", "ongeldig pseudoniem", /alleen letters, cijfers/],
    ["a value that is too long", "samenstelling", "x".repeat(201), "waarde te lang", /hoogstens 200 tekens/],
  ])("%s", (_, header, value, reason, message) => {
    const table = rows();
    table[7]![col(header)] = value;
    const r = read(table);
    expect(r.report.rowsRead).toBe(g.records.length);
    expect(r.report.rowsLeftOut).toBe(1);
    expect(r.records).toHaveLength(g.records.length - 1);
    expect(r.report.leftOutByReason).toEqual([{ reason, rows: 1 }]);
    expect(r.report.problems).toHaveLength(1);
    expect(r.report.problems[0]).toMatchObject({ row: 8, column: header, reason });
    expect(r.report.problems[0]!.message).toMatch(message);
    if (value.length > 2) expect(JSON.stringify(r.report)).not.toContain(value);
  });

  it("leaves out both rows of an id and measurement given twice, and says where the other is", () => {
    const table = rows();
    table.push([...table[3]!]);
    const r = read(table);
    expect(r.report.rowsLeftOut).toBe(2);
    expect(r.report.leftOutByReason).toEqual([{ reason: "dubbele id en meting", rows: 2 }]);
    expect(r.report.problems.map((p) => [p.row, p.column])).toEqual([
      [4, "meting"],
      [table.length, "meting"],
    ]);
    expect(r.report.problems[0]!.message).toContain(`ook op rij ${table.length}`);
  });

  it("leaves out every row of a household registered on two dates", () => {
    const table = rows();
    const id = table[1]![0]!;
    const own = table.map((r, i) => (r[0] === id ? i : -1)).filter((i) => i > 0);
    table[own[1]!]![col("datum_aanmelding")] = "2023-06-30";
    const r = read(table);
    expect(r.report.leftOutByReason).toEqual([{ reason: "tegenstrijdige datum_aanmelding", rows: own.length }]);
    expect(r.records.some((x) => x.id === id)).toBe(false);
  });

  it("reports every reason with its count, in Dutch lines, and the kept rows still count", () => {
    const table = rows();
    table[2]![col("inkomensbron")] = "loterij";
    table[3]![col("inkomensbron")] = "loterij";
    table[4]![col("zonder_traject")] = "-1";
    const r = read(table);
    expect(r.report.leftOutByReason).toEqual([
      { reason: "onbekende code", rows: 2 },
      { reason: "negatief aantal", rows: 1 },
    ]);
    const lines = readReportLines(r.report);
    expect(lines[0]).toBe(`Ingelezen: ${g.records.length} rijen; meegeteld: ${g.records.length - 3}; weggelaten: 3.`);
    expect(lines[1]).toBe("Weggelaten rijen per reden: onbekende code 2; negatief aantal 1.");
    expect(lines[2]).toBe("  rij 3, kolom inkomensbron: onbekende code; toegestaan: werk, bijstand, uwv, pensioen, overig");
  });

  it("skips empty rows without counting them", () => {
    const table = rows();
    table.splice(3, 0, table[0]!.map(() => ""));
    expect(read(table).report).toMatchObject({ rowsRead: g.records.length, rowsLeftOut: 0 });
  });
});

describe("the file as a whole", () => {
  it("is refused without a required column, naming it", () => {
    const table = rows().map((r) => r.filter((_, i) => i !== col("datum_meting")));
    const r = readRecords(table, { today: g.today });
    expect(r.ok ? null : r.refusal.message).toBe('De registratie mist de verplichte kolom "datum_meting".');
  });

  it("is refused with a column named twice", () => {
    const table = rows().map((r) => [...r, r[col("meting")]!]);
    const r = readRecords(table, { today: g.today });
    expect(r.ok ? null : r.refusal.message).toMatch(/De kolom "meting" staat twee keer/);
  });

  it(`is refused beyond ${RECORD_LIMITS.rows} rows and ${RECORD_LIMITS.columns} columns (the documented limits)`, () => {
    const header = rows()[0]!;
    const line = rows()[1]!;
    const many = [header, ...new Array<string[]>(RECORD_LIMITS.rows + 1).fill(line)];
    const r = readRecords(many, { today: g.today });
    expect(r.ok ? null : r.refusal.message).toMatch(/250\.001 rijen; hoogstens 250\.000/);
    const wide = [[...header, ...Array.from({ length: RECORD_LIMITS.columns }, (_, i) => `extra_${i}`)], line];
    const w = readRecords(wide, { today: g.today });
    expect(w.ok ? null : w.refusal.message).toMatch(/kolommen; hoogstens 150/);
  });

  it("is refused when the CSV's quoting is broken, and when it is empty", () => {
    expect(parseCsv('id;meting\n"HH-1;0\n')).toMatchObject({ ok: false });
    expect(parseCsv("\uFEFF  \n")).toEqual({ ok: false, message: "Het CSV-bestand is leeg." });
  });

  it("read as it is parsed (a CSV streamed row by row) gives what the whole table gives; a BSN or broken quote stops it", () => {
    const table = rows();
    table[5]![col("meting")] = "7";
    table[9]![col("datum_meting")] = "2099-01-01";
    const text = csvText(table);
    const whole = parseCsv(text);
    if (!whole.ok) throw new Error(whole.message);
    expect(readRecordsCsv(text, { today: g.today })).toEqual(readRecords(whole.rows, { today: g.today }));
    const withBsn = table.map((r, i) => (i === 0 ? [...r, "notitie"] : [...r, i === 3 ? "111222333" : ""]));
    const refused = readRecordsCsv(csvText(withBsn), { today: g.today });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toContain("111222333");
    expect(refused).toMatchObject({ ok: false, refusal: { message: expect.stringMatching(/notitie/) } });
    expect(readRecordsCsv(`${table[0]!.join(";")}\n"HH-1;0\n`, { today: g.today })).toMatchObject({ ok: false, csv: expect.stringMatching(/aanhalingsteken/) });
    expect(readRecordsCsv("\uFEFF \n", { today: g.today })).toEqual({ ok: false, csv: "Het CSV-bestand is leeg." });
  });
});
