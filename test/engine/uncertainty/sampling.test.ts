/**
 * The pieces of Monte Carlo sampling: the seeded generator (a pinned stream, the same on every machine), the
 * distributions' quantile functions (analytic mean and variance, bounds, monotone), the normal quantile (AS 241
 * against known values) and Iman–Conover (the requested rank correlations come out within sampling error).
 */
import fc from "fast-check";
import { imanConover, spearman, targetMatrix } from "../../../src/engine/uncertainty/correlation";
import { Distribution, inverseBeta, moments, normalQuantile, quantileOf, regularizedBeta } from "../../../src/engine/uncertainty/distributions";
import { Random } from "../../../src/engine/uncertainty/random";

describe("the seeded generator (sfc32 seeded by splitmix32)", () => {
  it("gives a pinned stream: the same numbers in Node, a browser and a Web Worker (32-bit integer arithmetic only)", () => {
    const r = new Random(1);
    expect(Array.from({ length: 4 }, () => r.nextUint32())).toEqual(PINNED_SEED_1);
    expect(new Random(1).next()).toBe(new Random(1).next());
    expect(new Random(1).next()).not.toBe(new Random(2).next());
  });
  it("gives uniform numbers strictly between 0 and 1 with mean ½ and variance 1/12", () => {
    const r = new Random(123);
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      squares += (u - 0.5) ** 2;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - 1 / 12)).toBeLessThan(0.001);
  });
  it("refuses a seed that is not a whole number 0 … 4.294.967.295", () => {
    expect(() => new Random(-1)).toThrow(RangeError);
    expect(() => new Random(2 ** 32)).toThrow(RangeError);
    expect(() => new Random(0.5)).toThrow(RangeError);
  });
});
// Pinned once from this implementation; a change here means every published seed gives other results.
const PINNED_SEED_1 = [1828152527, 3394835397, 2967886022, 2251045104];

describe("distributions", () => {
  const cases: Distribution[] = [
    { type: "uniform", min: -3, max: 9 },
    { type: "driehoek", min: 10, mode: 12, max: 30 },
    { type: "driehoek", min: 10, mode: 10, max: 30 },
    { type: "pert", min: 0, mode: 3, max: 10 },
    { type: "pert", min: 0, mode: 10, max: 10, lambda: 6 },
    { type: "normaal", mean: 50, sd: 8 },
    { type: "lognormaal", mean: 87, sd: 30 },
    { type: "discreet", values: [2, 0.5, 1], probabilities: [0.25, 0.25, 0.5] },
  ];
  it.each(cases.map((d) => [d.type, d] as const))("%s: stratified draws have the analytic mean and variance", (_, d) => {
    const q = quantileOf(d);
    const n = 20_000;
    let sum = 0;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) sum += xs[i] = q((i + 0.5) / n);
    const mean = sum / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    const m = moments(d);
    expect(Math.abs(mean - m.mean)).toBeLessThan(1e-3 * Math.sqrt(m.variance));
    expect(Math.abs(variance - m.variance) / m.variance).toBeLessThan(2e-3);
  });
  it("every quantile function is monotone, and bounded ones stay within min … max", () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (d, u, w) => {
        const q = quantileOf(d);
        const [lo, hi] = u < w ? [u, w] : [w, u];
        expect(q(lo)).toBeLessThanOrEqual(q(hi));
        if ("min" in d) {
          expect(q(u)).toBeGreaterThanOrEqual(d.min);
          expect(q(u)).toBeLessThanOrEqual(d.max);
        }
      }),
      { seed: 11 },
    );
  });
  it("a degenerate range (min = max) is that one value", () => {
    expect(quantileOf({ type: "driehoek", min: 4, mode: 4, max: 4 })(0.3)).toBe(4);
    expect(quantileOf({ type: "pert", min: 4, mode: 4, max: 4 })(0.3)).toBe(4);
    expect(quantileOf({ type: "uniform", min: 4, max: 4 })(0.3)).toBe(4);
  });
});

describe("the normal quantile (Wichura AS 241)", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.999, 3.090232306167814],
    [1e-10, -6.361340902404056],
    [0.0001, -3.719016485455709],
  ])("Φ⁻¹(%p) = %p", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
  });
  it("is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) (up to the rounding of 1 − p)", () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => Math.abs(normalQuantile(1 - p) + normalQuantile(p)) < 1e-9), { seed: 11 });
  });
});

describe("the PERT (beta) quantile", () => {
  it("inverts the regularised incomplete beta function to 1e-12", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, b, p) => {
        const x = inverseBeta(p, a, b);
        expect(Math.abs(regularizedBeta(x, a, b) - p)).toBeLessThan(1e-12);
      }),
      { seed: 11 },
    );
  });
  it("I_x(2, 3) = 6x² − 8x³ + 3x⁴ (a closed form)", () => {
    for (const x of [0.1, 0.37, 0.5, 0.9]) expect(regularizedBeta(x, 2, 3)).toBeCloseTo(6 * x ** 2 - 8 * x ** 3 + 3 * x ** 4, 14);
  });
});

describe("Iman–Conover", () => {
  it("gives the requested rank correlations (0,7 and −0,5) within sampling error, and keeps each column's values", () => {
    const n = 10_000;
    const random = new Random(9);
    const q = [quantileOf({ type: "driehoek", min: 0, mode: 1, max: 4 }), quantileOf({ type: "lognormaal", mean: 10, sd: 5 }), quantileOf({ type: "uniform", min: 0, max: 1 })];
    const columns = q.map((f) => Float64Array.from({ length: n }, () => f(random.next())));
    const before = columns.map((c) => Float64Array.from(c).sort());
    const target = targetMatrix(3, [
      { i: 0, j: 1, rank: 0.7 },
      { i: 0, j: 2, rank: -0.5 },
    ]);
    if (!target.ok) throw new Error(target.message);
    imanConover(columns, target.factor, random);
    columns.forEach((c, i) => expect(Float64Array.from(c).sort()).toEqual(before[i]));
    // The standard error of a Spearman correlation of n draws is about (1 − ρ²)/√n: 0,005 here; allow four.
    expect(Math.abs(spearman(columns[0]!, columns[1]!) - 0.7)).toBeLessThan(4 * (1 - 0.49) / Math.sqrt(n));
    expect(Math.abs(spearman(columns[0]!, columns[2]!) + 0.5)).toBeLessThan(4 * (1 - 0.25) / Math.sqrt(n));
    // b and c are left uncorrelated in the target; what they get follows from a–b and a–c and stays small.
    expect(Math.abs(spearman(columns[1]!, columns[2]!))).toBeLessThan(0.05);
  });
  it("refuses a correlation matrix that is not positive definite, in Dutch", () => {
    const r = targetMatrix(3, [
      { i: 0, j: 1, rank: 0.9 },
      { i: 1, j: 2, rank: 0.9 },
      { i: 0, j: 2, rank: -0.9 },
    ]);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^de correlaties passen niet bij elkaar: de correlatiematrix is niet positief definiet/) });
  });
});
