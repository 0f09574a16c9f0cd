import { CellRange } from "../../src/engine/cells";
import { Dec } from "../../src/engine/decimal";
import { DiscountSchedule, constantRateRule, findDiscountRule } from "../../src/engine/discounting";
import { netPresentValue, toExcelNumber } from "../../src/engine/netPresentValue";

const at = (rate: number) => new DiscountSchedule(constantRateRule(rate));
function ncw(range: CellRange, rate = 0.1, firstYear = 0): number | string {
  const r = netPresentValue(range, at(rate), new Dec(firstYear), "bedragen");
  if (!r.ok) return `${r.error.code} ${r.error.message}`;
  const n = toExcelNumber(r.value, "NCW");
  return n.ok ? n.value : `${n.error.code} ${n.error.message}`;
}

describe("MKBA.NCW layout rules", () => {
  it("does not discount year 0 (issue 2: the example in 'Done when')", () => {
    // −1000 + 300/1,055 + 400/1,055² + 500/1,055³ = 69,547987950944072… exactly; the nearest double is printed.
    expect(ncw([[-1000], [300], [400], [500]], 0.055)).toBe(69.54798795094408);
  });

  it("reads one row as one series over the columns", () => {
    expect(ncw([[100, 110, 121]])).toBeCloseTo(300, 12);
  });

  it("reads one column as one series over the rows", () => {
    expect(ncw([[100], [110], [121]])).toBeCloseTo(300, 12);
  });

  it("reads several rows and columns as items in rows, years in columns, and sums them", () => {
    expect(ncw([[100, 110], [0, 11], [-100, 0]])).toBeCloseTo(100 + 10, 12);
  });

  it("counts blank cells as 0 and keeps their position (unlike Excel's NPV)", () => {
    expect(ncw([[null, null, 121]])).toBeCloseTo(100, 12);
    expect(ncw([["", null, 121]])).toBeCloseTo(100, 12);
  });

  it("gives 0 for a range of only blanks and for an empty range", () => {
    expect(ncw([[null, null], [null, null]])).toBe(0);
    expect(ncw([])).toBe(0);
    expect(ncw([[]])).toBe(0);
  });

  it("starts the series in eerste_jaar", () => {
    expect(ncw([[110, 121]], 0.1, 1)).toBeCloseTo(200, 12);
    expect(ncw([[100]], 0.21, 0.5)).toBeCloseTo(100 / 1.1, 12);
  });

  it("names the cell (1-based row and column) and the value of text inside bedragen", () => {
    expect(ncw([[1, 2], [3, "vier"]])).toBe(
      '#VALUE! bedragen: rij 2, kolom 2 bevat de tekst "vier"; alleen getallen en lege cellen zijn toegestaan.',
    );
  });

  it("names a logical value in Dutch", () => {
    expect(ncw([[1], [true]])).toMatch(/^#VALUE! bedragen: rij 2, kolom 1 bevat de logische waarde WAAR/);
  });

  it("returns an error value inside bedragen as that error", () => {
    expect(ncw([[1, { kind: "error", code: "#N/A", message: "" }]])).toBe("#N/A bedragen (rij 1, kolom 2) bevat de foutwaarde #N/A.");
  });

  it("returns #NUM! rather than Infinity when the result exceeds Excel's numbers", () => {
    expect(ncw([[1e308, 1e308]], -0.5)).toMatch(/^#NUM! /);
  });

  it("is exact in decimals where binary floating point is not", () => {
    const r = netPresentValue([[0.1, 0.2]], new DiscountSchedule(findDiscountRule("geen")!), new Dec(0), "bedragen");
    expect(r.ok && r.value.toString()).toBe("0.3");
  });
});
