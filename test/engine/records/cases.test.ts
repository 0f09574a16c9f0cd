/**
 * Case analysis with a price list (issue 21, item 6): per case the costs without and with the approach, priced; the
 * saving per case; how many of n are cheaper; total and mean with a seeded interval. The default price list is the key
 * figures with their sources; a price-list table edits and extends it.
 */
import { LPBL_KEY_FIGURES } from "../../../src/engine/models/lpbl/keyFigures";
import { analyseCases, readCases } from "../../../src/engine/records/cases";
import { defaultPriceList, parseAmount, readPriceList } from "../../../src/engine/records/priceList";

const prices = defaultPriceList();

describe("the default price list", () => {
  it("has every item with unit, price, price year and a source; key-figure items carry the key figure's value", () => {
    for (const p of prices) {
      expect(p.unit).not.toBe("");
      expect(p.source.length).toBeGreaterThan(20);
      expect(p.priceYear).toBeGreaterThanOrEqual(2014);
      const key = /^kengetal (\w+):/.exec(p.source)?.[1];
      if (key) expect([p.id, p.price]).toEqual([p.id, LPBL_KEY_FIGURES.find((k) => k.key === key)!.value]);
    }
    const ids = prices.map((p) => p.id);
    for (const id of ["uur_team", "maatwerk", "opvang", "ontruiming", "ots_uhp", "opname_vv", "opname_ggz", "shv", "amw"]) expect(ids).toContain(id);
    expect(prices.find((p) => p.id === "uur_team")).toMatchObject({ price: 65, priceYear: 2018 });
    expect(prices.find((p) => p.id === "opvang")!.source).toMatch(/seed 002_dea0c6c1e7c3c540\.txt/);
  });

  it("is edited by a price-list table: a post's price replaced, a new post added, a bad row reported", () => {
    const r = readPriceList([
      ["post", "omschrijving", "eenheid", "prijs", "prijsjaar", "bron"],
      ["uur_team", "", "", "72,50", "2024", "cao-tarief 2024"],
      ["schuldsanering", "Wsnp-traject", "euro per traject", "3.250", "2023", "eigen administratie"],
      ["Kapot!", "", "", "1", "", ""],
      ["opvang", "", "", "-5", "", ""],
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items.find((p) => p.id === "uur_team")).toMatchObject({ price: 72.5, priceYear: 2024, source: "cao-tarief 2024", unit: "euro per uur" });
    expect(r.items.find((p) => p.id === "schuldsanering")).toMatchObject({ price: 3250, priceYear: 2023, label: "Wsnp-traject" });
    expect(r.items.find((p) => p.id === "opvang")!.price).toBe(prices.find((p) => p.id === "opvang")!.price);
    expect(r.report.problems.map((p) => [p.row, p.column])).toEqual([
      [4, "post"],
      [5, "prijs"],
    ]);
    expect(r.report.rowsLeftOut).toBe(2);
  });

  it("reads Dutch and plain amounts", () => {
    expect(["1.234,56", "1234.56", "€ 65", "20.000", "0,5", "12"].map(parseAmount)).toEqual([1234.56, 1234.56, 65, 20000, 0.5, 12]);
    expect(["-1", "1,2,3", "abc", ""].map(parseAmount)).toEqual([null, null, null, null]);
  });
});

describe("the case analysis", () => {
  // Ten cases as in seed 003 ("bij zeven van de tien casussen"): seven cheaper, two equal, one dearer.
  const rows: string[][] = [["casus", "post", "met_aanpak", "zonder_aanpak"]];
  for (let c = 1; c <= 10; c++) {
    const id = `C-${c}`;
    if (c <= 7) rows.push([id, "opvang", "0", "1"], [id, "uur_team", "40", "0"]); // saving: one shelter stay less, 40 team hours more
    else if (c <= 9) rows.push([id, "uur_team", "10", "10"]);
    else rows.push([id, "maatwerk", "2.500", "0"]);
  }
  const read = readCases(rows, prices);
  const opvang = prices.find((p) => p.id === "opvang")!.price;
  const saving = opvang - 40 * 65;
  const analysis = read.ok ? analyseCases(read.lines, prices, { seed: 3 }) : null;

  it("prices each case with and without the approach and counts how many are cheaper", () => {
    expect(read.ok && read.report.rowsLeftOut).toBe(0);
    expect(analysis!.cases.map((c) => c.saving)).toEqual([...new Array<number>(7).fill(saving), 0, 0, -2500]);
    expect(analysis!.cases[0]).toEqual({ caseId: "C-1", costWithout: opvang, costWith: 2600, saving });
    expect([analysis!.cheaper, analysis!.equal, analysis!.moreExpensive]).toEqual([7, 2, 1]);
    expect(analysis!.totalSaving).toBe(7 * saving - 2500);
    expect(analysis!.meanSaving).toBe((7 * saving - 2500) / 10);
    expect(analysis!.pricesUsed.map((p) => p.id).sort()).toEqual(["maatwerk", "opvang", "uur_team"]);
  });

  it("gives the mean a seeded bootstrap interval around it, and the total n times that", () => {
    const a = analysis!;
    expect(a.meanInterval!.low).toBeLessThan(a.meanSaving!);
    expect(a.meanInterval!.high).toBeGreaterThan(a.meanSaving!);
    expect(a.meanInterval!.low).toBeGreaterThanOrEqual(-2500);
    expect(a.meanInterval!.high).toBeLessThanOrEqual(saving);
    expect(a.totalInterval).toEqual({ low: a.meanInterval!.low * 10, high: a.meanInterval!.high * 10 });
    expect(analyseCases(read.ok ? read.lines : [], prices, { seed: 3 }).meanInterval).toEqual(a.meanInterval);
  });

  it("leaves out a row with an unknown post or a negative quantity, reported with row and column", () => {
    const bad = readCases(
      [
        ["casus", "post", "met_aanpak", "zonder_aanpak"],
        ["C-1", "opvang", "0", "1"],
        ["C-2", "helikopter", "1", "0"],
        ["C-3", "opvang", "-1", "0"],
        ["Jan Jansen", "opvang", "0", "1"],
      ],
      prices,
    );
    expect(bad.ok && bad.report.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [3, "post", "onbekende code"],
      [4, "met_aanpak", "negatief aantal"],
      [5, "casus", "ongeldig pseudoniem"],
    ]);
    expect(JSON.stringify(bad)).not.toContain("Jan Jansen");
  });
});
