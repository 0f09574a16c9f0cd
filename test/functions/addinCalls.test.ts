/**
 * Add-in calls in a formula's text (src/functions/addinCalls.ts): the one reading the file writer, the pane's #NAME?
 * search and the test host share.
 */
import fc from "fast-check";
import { addinCallIds, outsideStringLiterals, replaceAddinCalls } from "../../src/functions/addinCalls";

describe("add-in calls in a formula", () => {
  it("are found outside string literals, in any case, after a sheet name or an operator", () => {
    expect(addinCallIds('=MKBA.SCENARIO(Invoer,,"alles")')).toEqual(["SCENARIO"]);
    expect(addinCallIds("=mkba.ncw(A1:A3,0.04)+SUM(MKBA.Ratio(B1:B3,C1:C3))")).toEqual(["NCW", "RATIO"]);
    expect(addinCallIds("=Blad1!MKBA.NCW(A1)")).toEqual(["NCW"]);
  });

  it("are not found in a label, nor as the tail of a longer name, nor without their bracket", () => {
    expect(addinCallIds('="MKBA.NCW(" & A1')).toEqual([]);
    expect(addinCallIds('="say ""MKBA.NCW(""" & MKBA.NCW(A1:A2,0)')).toEqual(["NCW"]);
    expect(addinCallIds("=XMKBA.NCW(A1)+_MKBA.NCW(A1)+A.MKBA.NCW(A1)+MKBA.NCW")).toEqual([]);
  });

  it("are replaced one by one, the literals and everything else as written", () => {
    expect(replaceAddinCalls('=MKBA.NCW(A1)&"MKBA.NCW("&mkba.ratio(B1)', (id) => `X_${id}(`)).toBe('=X_NCW(A1)&"MKBA.NCW("&X_RATIO(B1)');
    expect(replaceAddinCalls("=MKBA.NCW(A1)", (_id, written) => written)).toBe("=MKBA.NCW(A1)");
  });

  it("keeping each call leaves any text as it was, and a whole literal is never passed to the replacer", () => {
    const piece = fc.constantFrom("MKBA.NCW(", "mkba.ratio(", '"', '""', '"MKBA.NCW("', "A1", ",", ")", "+", "x", "_", ".", "!");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const formula = `=${pieces.join("")}`;
        expect(replaceAddinCalls(formula, (_id, written) => written)).toBe(formula);
        expect(outsideStringLiterals(formula, (part) => part)).toBe(formula);
        // Only an unterminated literal (one quote, to the end) can reach the replacer; a whole literal never does.
        outsideStringLiterals(formula, (part) => {
          expect(part.split('"').length).toBeLessThanOrEqual(2);
          return part;
        });
      }),
    );
  });
});
