/**
 * `formatDutch` (numberFormat.ts) formats without Intl, so that the CLI does not load the locale data at every start;
 * it must give exactly what Intl.NumberFormat("nl-NL") gives, for every number and every fraction-digit setting used.
 */
import fc from "fast-check";
import { formatDutch, formatEuro, formatNumber, formatPercent } from "../../src/engine/numberFormat";
import { formatCount } from "../../src/engine/model/limits";

import { Dec } from "../../src/engine/decimal";

const formats = new Map<string, Intl.NumberFormat>();
function intl(x: number, min: number, max: number): string {
  const key = `${min}/${max}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat("nl-NL", { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true }));
  return formats.get(key)!.format(x);
}

// The implementations with Intl that formatNumber, formatPercent and formatCount replace (the reference).
const round = (value: number, decimals: number) => new Dec(value).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toNumber();
const referenceNumber = (value: number, decimals: number) => {
  const r = round(value, decimals);
  return new Intl.NumberFormat("nl-NL", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true }).format(r === 0 ? 0 : r);
};
const referencePercent = (rate: number, maxDecimals: number) => {
  const r = round(rate * 100, maxDecimals);
  return `${new Intl.NumberFormat("nl-NL", { maximumFractionDigits: maxDecimals }).format(r === 0 ? 0 : r)}%`;
};

/** Doubles of every size, cents, halves at every decimal place (ties), integers around the grouping boundaries. */
const numbers = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -1e22, max: 1e22, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
  fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => (n + 0.5) / 10 ** k),
  fc.integer({ min: 0, max: 22 }).chain((e) => fc.integer({ min: -5, max: 5 }).map((d) => 10 ** e + d)),
  fc.constantFrom(0, -0, 1e21, -1e21, 999.9995, 0.0005, -0.0004, Infinity, -Infinity, NaN, Number.MAX_VALUE, Number.MIN_VALUE),
);

describe("formatDutch: identical to Intl.NumberFormat nl-NL", () => {
  test("every number, fraction digits 0–20", () => {
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (x, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        expect(formatDutch(x, min, max)).toBe(intl(x, min, max));
      }),
      { numRuns: 50_000 },
    );
  });

  test("formatCount, formatNumber, formatEuro and formatPercent as they were with Intl", () => {
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 6 }), (x, d) => {
        expect(formatCount(x)).toBe(new Intl.NumberFormat("nl-NL").format(x));
        if (!Number.isFinite(x)) return;
        expect(formatNumber(x, d)).toBe(referenceNumber(x, d));
        expect(formatPercent(x, d)).toBe(referencePercent(x, d));
      }),
      { numRuns: 10_000 },
    );
    expect(formatNumber(1234567.125, 2)).toBe("1.234.567,13");
    expect(formatNumber(-0.001, 2)).toBe("0,00");
    expect(formatEuro(-1234.5)).toBe("€ -1.235");
    expect(formatPercent(0.0225)).toBe("2,25%");
    expect(formatPercent(0.03)).toBe("3%");
    expect(formatCount(100000)).toBe("100.000");
  });
});
