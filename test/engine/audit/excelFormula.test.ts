/**
 * Parameter expressions translated to Excel formulas (the Rekenblad) compute the same number as the engine — checked in
 * HyperFormula, a formula engine no one here wrote, on expressions generated with fast-check.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { Dec } from "../../../src/engine/decimal";
import { expressionToExcel, parameterNames } from "../../../src/engine/audit/excelFormula";
import { evaluateExpression, parseExpression } from "../../../src/engine/model/expression";

const KEYS = ["a", "b", "c", "Aantal", "aantal"];
const VALUES: Record<string, number> = { a: 3, b: -2.5, c: 0.4, Aantal: 7, aantal: 11 };
const names = parameterNames(KEYS);

const hf = HyperFormula.buildFromSheets({ P: [KEYS.map((k) => VALUES[k]!)] }, { licenseKey: "gpl-v3", smartRounding: false });
KEYS.forEach((k, i) => hf.addNamedExpression(names.get(k)!, `=P!$${String.fromCharCode(65 + i)}$1`));
const sheet = hf.addSheet("F");
const sheetId = hf.getSheetId(sheet)!;

function inExcel(formulaBody: string): unknown {
  hf.setCellContents({ sheet: sheetId, row: 0, col: 0 }, [[`=${formulaBody}`]]);
  return hf.getCellValue({ sheet: sheetId, row: 0, col: 0 });
}

const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom("0.5", "2", "10", "1.25", "3")),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.tuple(tie("node"), fc.constantFrom("+", "-", "*", "/", "^"), tie("node")).map(([l, o, r]) => `${l} ${o} ${r}`),
    tie("node").map((e) => `(${e})`),
    tie("node").map((e) => `-${e}`),
    fc.tuple(fc.constantFrom("min", "max"), tie("node"), tie("node")).map(([f, x, y]) => `${f}(${x}, ${y})`),
  ),
})).node as fc.Arbitrary<string>;

describe("rekenregel → Excel formula", () => {
  it("pins Excel's precedence: -2^2 = 4 and 2^3^2 = 64, as in the engine", () => {
    for (const [source, expected] of [["-2^2", 4], ["2^3^2", 64], ["1 - 2 - 3", -4], ["12 / 2 / 3", 2], ["-a^2", 9]] as const) {
      const parsed = parseExpression(source);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(inExcel(expressionToExcel(parsed.expression, (k) => names.get(k)!))).toBe(expected);
    }
  });

  it("names parameters p_<key>, unique without regard to case, as Excel's names are", () => {
    expect(names.get("Aantal")).toBe("p_Aantal");
    expect(names.get("aantal")).toBe("p_aantal_2");
  });

  it("evaluates to the engine's number in HyperFormula for 1.000 generated expressions", () => {
    const values = new Map(Object.entries(VALUES).map(([k, v]) => [k, new Dec(v)]));
    let compared = 0;
    fc.assert(
      fc.property(expression, (source) => {
        const parsed = parseExpression(source);
        if (!parsed.ok) return true;
        const engine = evaluateExpression(parsed.expression, values);
        const excel = inExcel(expressionToExcel(parsed.expression, (k) => names.get(k)!));
        if (!engine.ok) return typeof excel !== "number" || !Number.isFinite(excel);
        const expected = engine.value.toNumber();
        if (!Number.isFinite(expected) || Math.abs(expected) > 1e12) return true;
        if (typeof excel !== "number") return false;
        compared++;
        return Math.abs(excel - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
      }),
      { numRuns: 1000 },
    );
    expect(compared).toBeGreaterThan(300);
  });
});
