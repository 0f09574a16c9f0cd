/**
 * The generator of synthetic records (issue 21, item 7): seeded (the same seed gives the same records), no real person
 * (pseudonyms only, nothing the privacy checks refuse), every record valid in the format, and the example files in
 * docs/examples/registratie/ are its output for seed 1 — `WRITE_REGISTRATIE_EXAMPLE=1 npx jest
 * test/engine/records/generator.test.ts` writes them anew.
 */
import * as fs from "fs";
import * as path from "path";
import { csvText } from "../../../src/cli/tableFile";
import { casesToRows, comparisonToRows, generateRegistration, recordsToRows } from "../../../src/engine/records/generator";
import { readRecords } from "../../../src/engine/records/read";
import { readComparison } from "../../../src/engine/records/comparison";
import { readCases } from "../../../src/engine/records/cases";
import { defaultPriceList } from "../../../src/engine/records/priceList";

const folder = path.join(__dirname, "../../../docs/examples/registratie");
const EXAMPLE = { households: 400, seed: 1 };

describe("the generator of synthetic records", () => {
  it("gives the same records for the same seed, other records for another", () => {
    const a = generateRegistration({ households: 50, seed: 8 });
    expect(generateRegistration({ households: 50, seed: 8 })).toEqual(a);
    expect(generateRegistration({ households: 50, seed: 9 }).records).not.toEqual(a.records);
  });

  it("writes records, comparison area and cases that the readers accept in full", () => {
    const g = generateRegistration({ households: 120, seed: 5 });
    const r = readRecords(recordsToRows(g.records), { today: g.today });
    expect(r.ok && r.report).toMatchObject({ rowsLeftOut: 0, ignoredColumns: [] });
    const c = readComparison(comparisonToRows(g.comparison));
    expect(c.ok && c.report.rowsLeftOut).toBe(0);
    const k = readCases(casesToRows(g.cases), defaultPriceList());
    expect(k.ok && k.report.rowsLeftOut).toBe(0);
    expect(new Set(g.records.map((x) => x.id)).size).toBe(120);
    expect(g.records.every((x) => /^HH-\d{5}$/.test(x.id))).toBe(true);
    expect(g.records.every((x) => x.measured <= g.today && x.measured >= x.registered)).toBe(true);
  });

  it("ships its output for seed 1 as the example files of docs/registratie.md", () => {
    const g = generateRegistration(EXAMPLE);
    const files: [string, string[][]][] = [
      ["registratie.csv", recordsToRows(g.records)],
      ["registratie-vergelijkingsgebied.csv", comparisonToRows(g.comparison)],
      ["registratie-casusanalyse.csv", casesToRows(g.cases)],
    ];
    if (process.env.WRITE_REGISTRATIE_EXAMPLE) {
      fs.mkdirSync(folder, { recursive: true });
      for (const [name, rows] of files) fs.writeFileSync(path.join(folder, name), csvText(rows));
    }
    for (const [name, rows] of files) expect([name, fs.readFileSync(path.join(folder, name), "utf8") === csvText(rows)]).toEqual([name, true]);
  });
});
