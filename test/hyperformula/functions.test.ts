/**
 * The MKBA.* functions as formulas in a real formula engine (HyperFormula, test/support/hyperformula.ts): ranges
 * with blanks, text, booleans and error values, omitted arguments, every catalogue function, HyperFormula's own
 * NPV, other languages, and live recalculation through the dependency graph.
 */
import { HyperFormula } from "hyperformula";
import { CellValue } from "../../src/engine/cells";
import { FUNCTIONS, callFunction, findFunction } from "../../src/functions/catalog";
import { SheetContent, buildWorkbook, registerMkbaFunctions, valueAt } from "../support/hyperformula";

const call = (id: string, ...args: unknown[]) => callFunction(findFunction(id)!, args);
const column = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

/** One formula in cell Z1 of a sheet with the given cells; its value as our cell value. */
function evaluate(cells: SheetContent, formula: string): CellValue {
  const rows = cells.length > 0 ? cells.map((r) => [...r]) : [[]];
  rows[0]![25] = formula; // Z1
  return valueAt(buildWorkbook({ Blad1: rows }), "Z1");
}

const flows = column(-1000, 300, 400, 500);

describe("registration", () => {
  it("registers every catalogue function as MKBA.<id> (enGB), with English names in enUS", () => {
    registerMkbaFunctions();
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const f of FUNCTIONS) expect(names).toContain(`MKBA.${f.id}`);
    expect(HyperFormula.getRegisteredFunctionNames("enUS")).toContain("MKBA.NETPRESENTVALUE");
  });
});

describe("MKBA.NCW in HyperFormula", () => {
  it("=MKBA.NCW(A1:A4, 0.055) equals the catalogue's answer exactly", () => {
    const value = evaluate(flows, "=MKBA.NCW(A1:A4, 0.055)");
    expect(value).toBe(call("NCW", flows, 0.055));
    expect(value).toBeCloseTo(-1000 + 300 / 1.055 + 400 / 1.055 ** 2 + 500 / 1.055 ** 3, 10);
  });

  it("equals HyperFormula's own =A1+NPV(r, A2:A5) on all-numeric data to 1e-12 relative", () => {
    const cases: { rate: number; amounts: number[] }[] = [
      { rate: 0.055, amounts: [-1000, 300, 400, 500] },
      { rate: 0.0225, amounts: [-25000, 1200, 3400, 5600, 7800, 9100] },
      { rate: 0.1, amounts: [-1, 0.5, 0.25, 0.125, 0.0625] },
      { rate: 0.03, amounts: Array.from({ length: 30 }, (_, i) => (i === 0 ? -1e6 : 40000 + 1234.5 * i)) },
      { rate: -0.02, amounts: [500, -200, -200, -200] },
    ];
    for (const { rate, amounts } of cases) {
      const n = amounts.length;
      const hf = buildWorkbook({ Blad1: [...column(...amounts), [`=MKBA.NCW(A1:A${n}, ${rate})`], [`=A1+NPV(${rate}, A2:A${n})`]] });
      const ours = valueAt(hf, `A${n + 1}`) as number;
      const native = valueAt(hf, `A${n + 2}`) as number;
      expect(typeof ours).toBe("number");
      expect(relative(ours, native)).toBeLessThanOrEqual(1e-12);
      expect(ours).toBe(call("NCW", column(...amounts), rate));
    }
  });

  it("counts a blank cell as 0 in its own year (it keeps its position)", () => {
    const withBlank = column(-1000, null, 400, 500);
    const value = evaluate(withBlank, "=MKBA.NCW(A1:A4, 0.055)");
    expect(value).toBe(call("NCW", withBlank, 0.055));
    expect(value).toBe(call("NCW", column(-1000, 0, 400, 500), 0.055));
    expect(value).toBeCloseTo(-1000 + 400 / 1.055 ** 2 + 500 / 1.055 ** 3, 10);
  });

  it("treats a row range as a series and a block as one post per row", () => {
    const block: CellValue[][] = [
      [-1000, 300, 400],
      [null, 50, 60],
    ];
    expect(evaluate(block, "=MKBA.NCW(A1:C1, 0.04)")).toBe(call("NCW", [block[0]], 0.04));
    expect(evaluate(block, "=MKBA.NCW(A1:C2, 0.04)")).toBe(call("NCW", block, 0.04));
  });

  it("gives #VALUE! for a text cell, with a message naming its row and column", () => {
    const cells = column(-1000, 300, "vierhonderd", 500);
    const value = evaluate(cells, "=MKBA.NCW(A1:A4, 0.055)");
    expect(value).toEqual(call("NCW", cells, 0.055));
    expect(value).toMatchObject({ kind: "error", code: "#VALUE!" });
    expect((value as { message: string }).message).toMatch(/rij 3, kolom 1/);
    expect((value as { message: string }).message).toMatch(/vierhonderd/);
  });

  it("keeps text that looks like a number as text (no silent conversion)", () => {
    const cells = column(-1000, "300", 400);
    expect(evaluate(cells, "=MKBA.NCW(A1:A3, 0.055)")).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/rij 2, kolom 1/) });
  });

  it("rejects a boolean in the amounts like the catalogue does", () => {
    const cells = column(-1000, true, 400);
    const value = evaluate(cells, "=MKBA.NCW(A1:A3, 0.055)");
    expect(value).toEqual(call("NCW", cells, 0.055));
    expect(value).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/rij 2, kolom 1.*WAAR/) });
  });

  it("propagates an error value in the range (=NA() → #N/A, with its position)", () => {
    const value = evaluate([[-1000], ["=NA()"], [400]], "=MKBA.NCW(A1:A3, 0.055)");
    expect(value).toEqual(call("NCW", column(-1000, { kind: "error", code: "#N/A", message: "" }, 400), 0.055));
    expect(value).toEqual({ kind: "error", code: "#N/A", message: "bedragen (rij 2, kolom 1) bevat de foutwaarde #N/A." });
    expect(evaluate([[-1000], ["=1/0"], [400]], "=MKBA.NCW(A1:A3, 0.055)")).toMatchObject({ code: "#DIV/0!" });
  });

  it("passes an error value in a scalar argument on with the argument's name", () => {
    expect(evaluate(flows, "=MKBA.NCW(A1:A4, NA())")).toEqual(call("NCW", flows, { kind: "error", code: "#N/A", message: "" }));
    expect(evaluate(flows, "=MKBA.NCW(A1:A4, NA())")).toMatchObject({ code: "#N/A", message: expect.stringMatching(/^discontovoet/) });
  });

  it("uses the defaults for omitted optional arguments, written out or left empty", () => {
    expect(evaluate(flows, "=MKBA.NCW(A1:A4)")).toBe(call("NCW", flows));
    expect(evaluate(flows, "=MKBA.NCW(A1:A4)")).toBe(call("NCW", flows, null, null));
    expect(evaluate(flows, "=MKBA.NCW(A1:A4, , 1)")).toBe(call("NCW", flows, null, 1));
    expect(evaluate(flows, '=MKBA.NCW(A1:A4, "2026", 0.5)')).toBe(call("NCW", flows, "2026", 0.5));
    expect(evaluate(flows, "=MKBA.NCW(A1:A4, 0.03, 1)")).toBeCloseTo(call("NCW", flows, 0.03) as number / 1.03, 9);
  });

  it("takes the rate from a cell, a text rule name from a cell stays text", () => {
    expect(evaluate([[-1000, 0.04], [300, "2026"], [400], [500]], "=MKBA.NCW(A1:A4, B1)")).toBe(call("NCW", flows, 0.04));
    expect(evaluate([[-1000, 0.04], [300, "2026"], [400], [500]], "=MKBA.NCW(A1:A4, B2)")).toBe(call("NCW", flows, "2026"));
  });

  it("gives HyperFormula's #N/A for a wrong number of arguments", () => {
    expect(evaluate(flows, "=MKBA.NCW()")).toMatchObject({ code: "#N/A" });
    expect(evaluate(flows, "=MKBA.NCW(A1:A4, 0.1, 0, 1)")).toMatchObject({ code: "#N/A" });
  });
});

describe("the other functions of the catalogue in HyperFormula", () => {
  const cells: CellValue[][] = [
    [-1000, 300, 400, 500, 100],
    [0, 200, 300, 400, 500],
    [1000, 0, 0, 0, 0],
    [-1000, 300, null, null, null],
    [1, 2, 3, null, null],
  ];
  const row = (r: number) => [cells[r - 1]!];
  const cases: { formula: string; expected: ReturnType<typeof call> }[] = [
    { formula: "=MKBA.RATIO(A2:E2, A3:E3, 0.03)", expected: call("RATIO", row(2), row(3), 0.03) },
    { formula: "=MKBA.RATIO(A2:E2, A3:E3)", expected: call("RATIO", row(2), row(3)) },
    { formula: '=MKBA.RATIO(A2:E2, A3:E3, "2026", 1)', expected: call("RATIO", row(2), row(3), "2026", 1) },
    { formula: "=MKBA.RATIO(A2:E2, 0)", expected: call("RATIO", row(2), 0) },
    { formula: "=MKBA.DISCONTOFACTOR(1, 0.0225)", expected: call("DISCONTOFACTOR", 1, 0.0225) },
    { formula: '=MKBA.DISCONTOFACTOR(36, "2026")', expected: call("DISCONTOFACTOR", 36, "2026") },
    { formula: "=MKBA.DISCONTOFACTOR(10)", expected: call("DISCONTOFACTOR", 10) },
    { formula: "=MKBA.DISCONTOFACTOR(-1)", expected: call("DISCONTOFACTOR", -1) },
    { formula: '=MKBA.DISCONTOVOET(36, "2026")', expected: call("DISCONTOVOET", 36, "2026") },
    { formula: "=MKBA.EFFECTWAARDE(15, 10000, 0.5)", expected: call("EFFECTWAARDE", 15, 10000, 0.5) },
    { formula: "=MKBA.EFFECTWAARDE(100, 10, 1, 0.2, 0.5, 2)", expected: call("EFFECTWAARDE", 100, 10, 1, 0.2, 0.5, 2) },
    { formula: "=MKBA.EFFECTWAARDE(100, 10, , , , 2)", expected: call("EFFECTWAARDE", 100, 10, null, null, null, 2) },
    { formula: "=MKBA.EFFECTWAARDE(1, 1, 50)", expected: call("EFFECTWAARDE", 1, 1, 50) },
    { formula: '=MKBA.TERUGVERDIENJAAR(A1:D1, "geen", 2024)', expected: call("TERUGVERDIENJAAR", [[-1000, 300, 400, 500]], "geen", 2024) },
    { formula: "=MKBA.TERUGVERDIENJAAR(A1:E1, 0.03)", expected: call("TERUGVERDIENJAAR", row(1), 0.03) },
    { formula: "=MKBA.TERUGVERDIENJAAR(A4:E4)", expected: call("TERUGVERDIENJAAR", row(4)) },
    { formula: "=MKBA.INTERNRENDEMENT(A1:E1)", expected: call("INTERNRENDEMENT", row(1)) },
    { formula: "=MKBA.INTERNRENDEMENT(A1:E1, 0.3)", expected: call("INTERNRENDEMENT", row(1), 0.3) },
    { formula: "=MKBA.INTERNRENDEMENT(A5:E5)", expected: call("INTERNRENDEMENT", row(5)) },
  ];

  it.each(cases)("$formula equals the catalogue's answer", ({ formula, expected }) => {
    expect(evaluate(cells, formula)).toEqual(expected);
  });

  it("covers every function of the catalogue", () => {
    const used = new Set(cases.map((c) => /^=MKBA\.(\w+)\(/.exec(c.formula)![1]));
    used.add("NCW");
    used.add("SCENARIO"); // test/hyperformula/scenario.test.ts
    expect([...used].sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
  });

  it("gives the expected error codes with the catalogue's messages", () => {
    expect(evaluate(cells, "=MKBA.RATIO(A2:E2, 0)")).toMatchObject({ code: "#DIV/0!" });
    expect(evaluate(cells, "=MKBA.DISCONTOFACTOR(-1)")).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^jaar: /) });
    expect(evaluate(cells, "=MKBA.TERUGVERDIENJAAR(A4:E4)")).toMatchObject({ code: "#N/A", message: expect.stringMatching(/niet terugverdiend/) });
    expect(evaluate(cells, "=MKBA.INTERNRENDEMENT(A5:E5)")).toMatchObject({ code: "#NUM!" });
    expect(evaluate(cells, "=MKBA.EFFECTWAARDE(1, 1, 50)")).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^attributie: /) });
  });

  it("MKBA.INTERNRENDEMENT agrees with HyperFormula's IRR on all-numeric flows", () => {
    const hf = buildWorkbook({ Blad1: [[-1000, 300, 400, 500, 100], ["=MKBA.INTERNRENDEMENT(A1:E1)", "=IRR(A1:E1)"]] });
    expect(valueAt(hf, "A2") as number).toBeCloseTo(valueAt(hf, "B2") as number, 9);
  });

  it("MKBA.DISCONTOFACTOR agrees with HyperFormula's 1/(1+r)^t", () => {
    const hf = buildWorkbook({ Blad1: [["=MKBA.DISCONTOFACTOR(7, 0.0225)", "=1/(1+0.0225)^7"]] });
    expect(relative(valueAt(hf, "A1") as number, valueAt(hf, "B1") as number)).toBeLessThanOrEqual(1e-15);
  });

  it("MKBA.RATIO equals the quotient of two MKBA.NCW cells", () => {
    const hf = buildWorkbook({ Blad1: [...cells, ["=MKBA.RATIO(A2:E2, A3:E3, 0.03)", "=MKBA.NCW(A2:E2, 0.03)/ABS(MKBA.NCW(A3:E3, 0.03))"]] });
    expect(relative(valueAt(hf, "A6") as number, valueAt(hf, "B6") as number)).toBeLessThanOrEqual(1e-15);
  });
});

describe("live recalculation through HyperFormula's dependency graph", () => {
  it("recomputes MKBA formulas and their dependants when an input cell changes", () => {
    const hf = buildWorkbook({
      Blad1: [[-1000, 0.055], [300], [400], [500], ["=MKBA.NCW(A1:A4, B1)", "=A5*2", "=MKBA.RATIO(A2:A4, A1, B1)"]],
    });
    expect(valueAt(hf, "A5")).toBe(call("NCW", flows, 0.055));

    const changes = hf.setCellContents({ sheet: 0, row: 1, col: 0 }, [[600]]);
    const changed = column(-1000, 600, 400, 500);
    expect(valueAt(hf, "A5")).toBe(call("NCW", changed, 0.055));
    expect(valueAt(hf, "B5")).toBe((call("NCW", changed, 0.055) as number) * 2);
    expect(valueAt(hf, "C5")).toBe(call("RATIO", column(600, 400, 500), -1000, 0.055));
    expect(changes.map((c) => ("address" in c ? hf.simpleCellAddressToString(c.address, 0) : c.name)).sort()).toEqual(["A2", "A5", "B5", "C5"]);

    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[0.1]]);
    expect(valueAt(hf, "A5")).toBe(call("NCW", changed, 0.1));

    hf.setCellContents({ sheet: 0, row: 2, col: 0 }, [["veel"]]);
    expect(valueAt(hf, "A5")).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/rij 3, kolom 1/) });
    expect(valueAt(hf, "B5")).toMatchObject({ code: "#VALUE!" });

    hf.setCellContents({ sheet: 0, row: 2, col: 0 }, [[null]]);
    expect(valueAt(hf, "A5")).toBe(call("NCW", column(-1000, 600, null, 500), 0.1));
  });
});

describe("other languages", () => {
  it("enUS: the English names of functions-en-us.json", () => {
    const hf = buildWorkbook({ Blad1: [...flows, ["=MKBA.NETPRESENTVALUE(A1:A4, 0.055)", "=MKBA.DISCOUNTFACTOR(1, 0.1)"]] }, {}, { language: "enUS" });
    expect(valueAt(hf, "A5")).toBe(call("NCW", flows, 0.055));
    expect(valueAt(hf, "B5")).toBe(call("DISCONTOFACTOR", 1, 0.1));
  });

  it("nlNL: Dutch separators, compared with NHW", () => {
    const hf = buildWorkbook({ Blad1: [...flows, ["=MKBA.NCW(A1:A4; 0,055)", "=A1+NHW(0,055; A2:A4)"]] }, {}, {
      language: "nlNL",
      functionArgSeparator: ";",
      decimalSeparator: ",",
      thousandSeparator: ".",
    });
    expect(valueAt(hf, "A5")).toBe(call("NCW", flows, 0.055));
    expect(relative(valueAt(hf, "A5") as number, valueAt(hf, "B5") as number)).toBeLessThanOrEqual(1e-12);
  });
});
