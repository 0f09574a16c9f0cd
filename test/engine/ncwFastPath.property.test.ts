/**
 * The fast path of MKBA.NCW and MKBA.RATIO (src/engine/netPresentValueFast.ts) is bit-identical to the decimal path:
 * over 100.000 generated NCW cases and 10.000 RATIO cases (cents, integers, 17-digit formula results, large and tiny
 * amounts, blanks, zeros, near-cancelling sums, rows, columns and blocks, every named rule, rule years and constant
 * rates as numbers or blank, whole and fractional first years), whenever the fast path answers, its double is
 * Object.is-equal to the decimal engine's result as the function returns it; when it declines, the function still
 * gives the decimal answer. The share of cases it declined (fell back) is printed: overall, and among the cases whose
 * amounts all lie in the fast path's range (the near-cancelling ones included: an exact cancellation falls back).
 */
import fc from "fast-check";
import { CellRange, CellValue } from "../../src/engine/cells";
import { benefitCostRatio } from "../../src/engine/benefitCostRatio";
import { Dec } from "../../src/engine/decimal";
import { DISCOUNT_RULES, DiscountSchedule, parseDiscountArgument } from "../../src/engine/discounting";
import { seriesOfRange, sumOfSeries, toExcelNumber } from "../../src/engine/netPresentValue";
import { fastBenefitCostRatio, fastNetPresentValue } from "../../src/engine/netPresentValueFast";
import { callFunction, findFunction } from "../../src/functions/catalog";

const NCW = findFunction("NCW")!;
const RATIO = findFunction("RATIO")!;

/** A pool of rates and first years, so that factor tables are reused as in a workbook (and the test stays fast). */
const RATES: readonly (number | string | null)[] = [
  ...DISCOUNT_RULES.map((r) => r.id),
  2021,
  2026,
  null,
  0,
  0.0225,
  0.03,
  0.055,
  0.016,
  0.1,
  -0.02,
  -0.5,
  0.9,
  ...Array.from({ length: 12 }, (_, i) => Math.fround(0.001 + i * 0.0173) * 1.37),
];
const FIRST_YEARS: readonly (number | null)[] = [null, 0, 1, 2, 5, 10, 34, 35, 36, 0.5, 1.5, 2.25, 34.5, 35.25, 49.9, 0.1 + 0.2, 1 / 3];

const cents = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((c) => c / 100);
const wholeEuros = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 });
const formulaResult = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: 0.9, max: 1.1, noNaN: true }), fc.integer({ min: 0, max: 50 }))
  .map(([base, growth, t]) => (base / 7) * growth ** t);
const sign = (neg: boolean) => (neg ? -1 : 1);
/** Any double of a sensible size (17 significant digits mostly); `extreme`: any finite double (1e−300 falls back). */
const anyDouble = fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -6, max: 12 }), fc.boolean()).map(([m, e, neg]) => sign(neg) * m * 10 ** e);
const extreme = fc.double({ noNaN: true, noDefaultInfinity: true });
const large = fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: 12, max: 60 }), fc.boolean()).map(([m, e, neg]) => sign(neg) * m * 10 ** e);
const tiny = fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -40, max: -3 }), fc.boolean()).map(([m, e, neg]) => sign(neg) * m * 10 ** e);
const shortDecimal = fc.tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: 0, max: 12 })).map(([n, k]) => n / 10 ** k);
const blank = fc.constantFrom<CellValue>(null, "", 0, -0);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: cents, weight: 12 },
  { arbitrary: wholeEuros, weight: 3 },
  { arbitrary: formulaResult, weight: 3 },
  { arbitrary: shortDecimal, weight: 2 },
  { arbitrary: anyDouble, weight: 2 },
  { arbitrary: large, weight: 1 },
  { arbitrary: tiny, weight: 1 },
  { arbitrary: blank, weight: 3 },
  { arbitrary: extreme, weight: 1 },
);

/** Rows, columns and blocks of a few cells (the decimal reference stays cheap), some built to cancel nearly. */
const range: fc.Arbitrary<CellRange> = fc.oneof(
  fc.array(cell, { minLength: 1, maxLength: 10 }).map((row) => [row]),
  fc.array(cell, { minLength: 2, maxLength: 8 }).map((column) => column.map((v) => [v])),
  fc.integer({ min: 2, max: 3 }).chain((rows) => fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: rows, maxLength: rows })),
  // Near-cancelling: a series, then its negation slightly disturbed (or exactly), as the next row.
  fc
    .tuple(fc.array(fc.oneof(cents, formulaResult, anyDouble), { minLength: 1, maxLength: 5 }), fc.constantFrom(0, 1e-15, 1e-12, 1e-9, 1e-6), fc.boolean())
    .map(([x, eps, oneRow]) => {
      const y = x.map((v, i) => -v * (1 + (i === 0 ? eps : 0)));
      return oneRow ? [[...x, ...y]] : [x, y];
    }),
);

/**
 * The decimal path as netPresentValue computes it (seriesOfRange, then sumOfSeries over schedule.factors), with the
 * decimal factors memoised here per schedule and first year (fractional years cost a 40-digit power each), computed
 * by schedule.factors — not taken from the engine's factor cache, which the fast path uses.
 */
const referenceFactors = new Map<DiscountSchedule, Map<number, Dec[]>>();
function decimalFactors(schedule: DiscountSchedule, firstYear: number, count: number): Dec[] {
  let bySchedule = referenceFactors.get(schedule);
  if (!bySchedule) referenceFactors.set(schedule, (bySchedule = new Map()));
  let factors = bySchedule.get(firstYear);
  if (!factors || factors.length < count) bySchedule.set(firstYear, (factors = schedule.factors(new Dec(firstYear), Math.max(count, 12))));
  return factors;
}

function decimalValue(r: CellRange, schedule: DiscountSchedule, firstYear: number): Dec {
  const series = seriesOfRange(r, "bedragen");
  if (!series.ok) throw new Error(series.error.message);
  return sumOfSeries(series.value, decimalFactors(schedule, firstYear, Math.max(0, ...series.value.map((s) => s.length))));
}

function decimalNcw(r: CellRange, schedule: DiscountSchedule, firstYear: number): number | string {
  const n = toExcelNumber(decimalValue(r, schedule, firstYear), "NCW");
  return n.ok ? n.value : n.error.code;
}

function decimalRatio(b: CellRange, c: CellRange, schedule: DiscountSchedule, firstYear: number): number | string {
  const q = benefitCostRatio(decimalValue(b, schedule, firstYear), decimalValue(c, schedule, firstYear), "kosten");
  if (!q.ok) return q.error.code;
  const n = toExcelNumber(q.value, "RATIO");
  return n.ok ? n.value : n.error.code;
}

function scheduleOf(rate: number | string | null): DiscountSchedule {
  const s = parseDiscountArgument(rate, "discontovoet");
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

const asReturned = (result: unknown) => (typeof result === "object" && result !== null && "code" in result ? (result as { code: string }).code : result);

const tally = { ncw: 0, ncwFallbacks: 0, inRange: 0, inRangeFallbacks: 0, ratio: 0, ratioFallbacks: 0 };
/** Every amount 0 or within the fast path's range [10^−60, 10^80] (fc.double's 1e−300 and the like are not). */
const inRange = (r: CellRange) => r.every((row) => row.every((v) => typeof v !== "number" || v === 0 || (Math.abs(v) >= 1e-60 && Math.abs(v) <= 1e80)));

afterAll(() => {
  const pct = (a: number, b: number) => ((100 * a) / Math.max(1, b)).toFixed(2).replace(".", ",");
  console.log(
    `NCW fast path: ${tally.ncw} cases, fallback to decimals in ${tally.ncwFallbacks} (${pct(tally.ncwFallbacks, tally.ncw)}%); ` +
      `with every amount in range: ${tally.inRange} cases, fallback in ${tally.inRangeFallbacks} (${pct(tally.inRangeFallbacks, tally.inRange)}%); ` +
      `RATIO: ${tally.ratio} cases, fallback in ${tally.ratioFallbacks} (${pct(tally.ratioFallbacks, tally.ratio)}%).`,
  );
});

describe("NCW fast path is bit-identical to the decimal path", () => {
  it("over 100.000 generated cases (Object.is), through MKBA.NCW as Excel calls it", () => {
    fc.assert(
      fc.property(range, fc.constantFrom(...RATES), fc.constantFrom(...FIRST_YEARS), (r, rate, firstYear) => {
        const schedule = scheduleOf(rate);
        const year = firstYear ?? 0;
        const reference = decimalNcw(r, schedule, year);
        const fast = fastNetPresentValue(r, schedule, year);
        tally.ncw++;
        const usual = inRange(r);
        if (usual) tally.inRange++;
        if (fast === undefined) {
          tally.ncwFallbacks++;
          if (usual) tally.inRangeFallbacks++;
        }
        else if (!Object.is(fast, reference)) return false;
        return Object.is(asReturned(callFunction(NCW, [r, rate, firstYear])), reference);
      }),
      { numRuns: 100_000 },
    );
    // The property holds trivially if the fast path never answers: it must answer most in-range cases (~7% fall back).
    expect(tally.inRange).toBeGreaterThan(10_000);
    expect(tally.inRangeFallbacks / tally.inRange).toBeLessThan(0.15);
  });

  it("for any rate and first year (new factor tables each case, 1.000 cases)", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        fc.double({ min: -0.9, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 80, noNaN: true }),
        (row, rate, firstYear) => {
          const schedule = scheduleOf(rate);
          const reference = decimalNcw([row], schedule, firstYear);
          const fast = fastNetPresentValue([row], schedule, firstYear);
          return fast === undefined || Object.is(fast, reference);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("answers a plain row of cents without falling back", () => {
    const row = [[-1000.5, 300.25, 400.1, 500.99, 0.01, null, 12.34, 5678.9, 1e6, 0.3]];
    expect(fastNetPresentValue(row, scheduleOf("2021"), 0)).toBe(decimalNcw(row, scheduleOf("2021"), 0));
    expect(fastNetPresentValue([[0.1, 0.2]], scheduleOf("geen"), 0)).toBe(0.3); // 0,1 + 0,2 = 0,3 exactly, as the decimals
  });
});

describe("RATIO fast path is bit-identical to the decimal path", () => {
  it("over 10.000 generated cases, through MKBA.RATIO as Excel calls it", () => {
    fc.assert(
      fc.property(range, range, fc.constantFrom(...RATES), fc.constantFrom(...FIRST_YEARS), (b, c, rate, firstYear) => {
        const schedule = scheduleOf(rate);
        const year = firstYear ?? 0;
        const reference = decimalRatio(b, c, schedule, year);
        const fast = fastBenefitCostRatio(b, c, schedule, year);
        tally.ratio++;
        if (fast === undefined) tally.ratioFallbacks++;
        else if (!Object.is(fast, reference)) return false;
        return Object.is(asReturned(callFunction(RATIO, [b, c, rate, firstYear])), reference);
      }),
      { numRuns: 10_000 },
    );
    expect(tally.ratioFallbacks / tally.ratio).toBeLessThan(0.5); // ~33% fall back
  });
});
