/**
 * Properties of NCW (issue 2, item 7): linearity, a shift of eerste_jaar equals a discount factor,
 * rate 0 equals the plain sum, and agreement with Excel's semantics v0 + NPV(r; v1…vn) as computed by
 * @formulajs/formulajs, an implementation no one here wrote.
 */
import fc from "fast-check";
import * as formulajs from "@formulajs/formulajs";
import { CellRange } from "../../src/engine/cells";
import { Dec } from "../../src/engine/decimal";
import { DiscountSchedule, constantRateRule, findDiscountRule } from "../../src/engine/discounting";
import { netPresentValue } from "../../src/engine/netPresentValue";

const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const series = fc.array(amount, { minLength: 1, maxLength: 60 });
const rate = fc.double({ min: -0.5, max: 1, noNaN: true, noDefaultInfinity: true });

function ncw(values: readonly number[], r: number | string, firstYear = 0): Dec {
  const schedule = new DiscountSchedule(typeof r === "string" ? findDiscountRule(r)! : constantRateRule(r));
  const range: CellRange = [values.slice()];
  const result = netPresentValue(range, schedule, new Dec(firstYear), "bedragen");
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function closeTo(actual: Dec, expected: Dec, scale: Dec, relative = "1e-30"): boolean {
  return actual.minus(expected).abs().lte(scale.abs().plus(1).times(relative));
}

const RUNS = { numRuns: 300 };

describe("NCW properties", () => {
  it("is linear: NCW(a·x + b·y) = a·NCW(x) + b·NCW(y)", () => {
    fc.assert(
      fc.property(series, series, amount, amount, rate, (x, y, a, b, r) => {
        const n = Math.min(x.length, y.length);
        const combined = x.slice(0, n).map((xi, i) => new Dec(a).times(xi).plus(new Dec(b).times(y[i]!)));
        const lhs = ncw(combined.map((d) => d.toNumber()), r);
        // The combination is rounded to doubles before it enters a cell, hence the tolerance of 1e-15.
        const rhs = new Dec(a).times(ncw(x.slice(0, n), r)).plus(new Dec(b).times(ncw(y.slice(0, n), r)));
        const scale = new Dec(Math.abs(a)).plus(Math.abs(b)).times(1e9 * n);
        return closeTo(lhs, rhs, scale, "1e-15");
      }),
      RUNS,
    );
  });

  it("is exactly additive: NCW(x + y) = NCW(x) + NCW(y) for the same inputs", () => {
    fc.assert(
      fc.property(series, series, rate, (x, y, r) => {
        const n = Math.min(x.length, y.length);
        fc.pre(n >= 2); // a 2×1 range is one column, hence one series: covered by the layout tests
        const range: CellRange = [x.slice(0, n), y.slice(0, n)];
        const schedule = new DiscountSchedule(constantRateRule(r));
        const both = netPresentValue(range, schedule, new Dec(0), "bedragen");
        if (!both.ok) return false;
        const sum = ncw(x.slice(0, n), r).plus(ncw(y.slice(0, n), r));
        return closeTo(both.value, sum, new Dec(1e9 * n));
      }),
      RUNS,
    );
  });

  it("shifting eerste_jaar by k multiplies the NCW by the discount factor (1 + r)^−k", () => {
    fc.assert(
      fc.property(series, rate, fc.double({ min: 0, max: 40, noNaN: true }), (x, r, k) => {
        const shifted = ncw(x, r, k);
        const expected = ncw(x, r, 0).times(new Dec(1).plus(r).pow(new Dec(k).neg()));
        return closeTo(shifted, expected, expected.abs().plus(1e9 * x.length * 1e12));
      }),
      RUNS,
    );
  });

  it("with rate 0 (and rule \"geen\") equals the plain sum, exactly", () => {
    fc.assert(
      fc.property(series, (x) => {
        const sum = x.reduce((acc, v) => acc.plus(v), new Dec(0));
        return ncw(x, 0).eq(sum) && ncw(x, "geen").eq(sum);
      }),
      RUNS,
    );
  });

  it("agrees with v0 + NPV(r; v1…vn) computed by @formulajs/formulajs", () => {
    fc.assert(
      fc.property(series, fc.double({ min: -0.9, max: 2, noNaN: true }), (x, r) => {
        const [v0, ...rest] = x;
        const excel = v0! + (rest.length > 0 ? (formulajs.NPV(r, ...rest) as number) : 0);
        const ours = ncw(x, r).toNumber();
        const magnitude = x.reduce((m, v, i) => m + Math.abs(v) * Math.pow(1 + r, -i), 0);
        return Math.abs(ours - excel) <= 1e-9 * Math.max(1, magnitude);
      }),
      { numRuns: 1000 },
    );
  });
});
