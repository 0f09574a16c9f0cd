/**
 * The custom-function wrappers as Excel calls them (with the CustomFunctions double from test/setup):
 * values come back as numbers, problems as thrown CustomFunctions.Error with Excel's code and a Dutch message.
 */
import { cellError } from "../../src/engine/errors";
import { toCustomFunctionsError } from "../../src/functions/excelValues";
import { benefitCostRatio, netPresentValue } from "../../src/functions/functions";

function thrown(f: () => unknown): { code: string; message: string | undefined } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    const error = e as CustomFunctions.Error;
    return { code: error.code, message: error.message };
  }
  throw new Error("expected a CustomFunctions.Error");
}

describe("=MKBA.NCW(bedragen; [discontovoet]; [eerste_jaar])", () => {
  it("computes the NCW with year 0 undiscounted", () => {
    expect(netPresentValue([[-1000], [300], [400], [500]], 0.055)).toBeCloseTo(69.547987950944, 11);
  });

  it("treats omitted arguments (null, as Excel passes them) as their defaults", () => {
    expect(netPresentValue([[100, 100]], "geen", null)).toBe(200);
    expect(netPresentValue([[100, 102.25]], null, null)).toBeCloseTo(200, 12); // default rule 2021: 2,25%
  });

  it("accepts a rule name as text", () => {
    expect(netPresentValue([[0, 105.5]], "2007")).toBeCloseTo(100, 12);
  });

  it("throws #VALUE! with the cell position for text in the range", () => {
    expect(thrown(() => netPresentValue([[1, "abc"]], 0.03))).toEqual({
      code: "#VALUE!",
      message: 'bedragen: rij 1, kolom 2 bevat de tekst "abc"; alleen getallen en lege cellen zijn toegestaan.',
    });
  });

  it("throws #VALUE! for an unknown rule name", () => {
    expect(thrown(() => netPresentValue([[1]], "2099")).message).toMatch(/^discontovoet: onbekende discontoregel "2099"/);
  });

  it("returns an error value from an input cell as that error", () => {
    const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    expect(thrown(() => netPresentValue([[1, na as unknown as number]])).code).toBe("#N/A");
  });

  it("in an Excel before CustomFunctionsRuntime 1.3 returns only #VALUE! and #N/A: #DIV/0! comes back as #VALUE! naming it", () => {
    const error = toCustomFunctionsError(cellError("#DIV/0!", ""), false);
    expect([error.code, error.message]).toEqual(["#VALUE!", "de uitkomst is #DIV/0!"]);
    expect(toCustomFunctionsError(cellError("#N/A", "geen waarde"), false).code).toBe("#N/A");
  });

  it("never returns #REF! or #NAME? (Excel takes them from a custom function only as input): an input #REF! comes back as #VALUE! that says so", () => {
    for (const code of [CustomFunctions.ErrorCode.invalidReference, CustomFunctions.ErrorCode.invalidName]) {
      const error = thrown(() => netPresentValue([[1, new CustomFunctions.Error(code) as unknown as number]]));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toContain(code);
    }
  });
});

describe("=MKBA.RATIO(baten; kosten; [discontovoet]; [eerste_jaar])", () => {
  it("divides the NCW of benefits by the absolute NCW of costs, costs negative or positive", () => {
    expect(benefitCostRatio([[691000]], [[165000]], "geen")).toBeCloseTo(4.1878787878787875, 14);
    expect(benefitCostRatio([[691000]], [[-165000]], "geen")).toBeCloseTo(4.1878787878787875, 14);
  });

  it("allows benefits and costs of different shapes", () => {
    expect(benefitCostRatio([[0, 110, 121]], [[100]], 0.1)).toBeCloseTo(2, 12);
  });

  it("throws #DIV/0! (without a message: Excel shows none for that code) when the costs are 0", () => {
    expect(thrown(() => benefitCostRatio([[1]], [[null, 0]]))).toEqual({ code: "#DIV/0!", message: undefined });
  });

  it("names the argument that holds bad input", () => {
    expect(thrown(() => benefitCostRatio([[1]], [[false]])).message).toMatch(/^kosten: rij 1, kolom 1/);
  });
});
