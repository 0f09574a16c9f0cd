/**
 * Tornado and break-even values (issue 11, items 1 and 2): for a linear model they equal the analytic ones; a parameter
 * without influence is listed as such; a relation that is not monotone names every break-even value.
 */
import { EXAMPLES } from "../../../src/engine/examples";
import { ModelInput, validateModel } from "../../../src/engine/model";
import { loadModel } from "../../../src/engine/models";
import { breakEven, tornado } from "../../../src/engine/uncertainty/tornado";
import { linearModel } from "../../fixtures/models";
import { runCli } from "../../support/cli";

/** saldo = aantal × prijs − kosten (one year, no discounting): linear in each parameter; ongebruikt is in no formula. */
function linear(): ModelInput {
  return linearModel(
    [
      { key: "aantal", value: 10, label: "Aantal deelnemers" },
      { key: "prijs", value: 300, label: "Besparing per deelnemer" },
      { key: "kosten", value: 2000, label: "Kosten van de aanpak" },
      { key: "ongebruikt", value: 7, label: "Een parameter die nergens in staat" },
    ],
    "aantal * prijs",
  );
}
const compiled = (() => {
  const v = validateModel(linear());
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.compiled;
})();

describe("tornado of a linear model", () => {
  const t = tornado(compiled, { relative: 0.2 });
  const row = (key: string) => t.rows.find((r) => r.key === key)!;
  it("gives the saldo at ±20% of each parameter and the analytic swing, sorted by impact, with Dutch labels", () => {
    expect(t.baseOutcome).toBe(1000);
    expect(row("aantal")).toMatchObject({ label: "Aantal deelnemers", outcomeLow: 8 * 300 - 2000, outcomeHigh: 12 * 300 - 2000 });
    expect(row("aantal").swing).toBeCloseTo(0.4 * 10 * 300, 9);
    expect(row("kosten").swing).toBeCloseTo(0.4 * 2000, 9);
    expect(t.rows.map((r) => r.key)).toEqual(["aantal", "prijs", "kosten", "ongebruikt"]);
  });
  it("lists a parameter without influence as such, last", () => {
    expect(row("ongebruikt")).toMatchObject({ moves: false, swing: 0, breakEven: { kind: "geen invloed" } });
  });
  it("finds the analytic break-even values: aantal = kosten / prijs, prijs = kosten / aantal, kosten = aantal × prijs", () => {
    expect(row("aantal").breakEven).toMatchObject({ kind: "gevonden", direction: "stijgend" });
    expect((row("aantal").breakEven as { value: number }).value).toBeCloseTo(2000 / 300, 9);
    expect((row("prijs").breakEven as { value: number }).value).toBeCloseTo(200, 9);
    expect(row("kosten").breakEven).toMatchObject({ kind: "gevonden", direction: "dalend" });
    expect((row("kosten").breakEven as { value: number }).value).toBeCloseTo(3000, 9);
  });
  it("a ratio's break-even is where it reaches 1", () => {
    const r = tornado(compiled, { outcome: "ratio" });
    expect(r.target).toBe(1);
    expect((r.rows.find((x) => x.key === "prijs")!.breakEven as { value: number }).value).toBeCloseTo(200, 9);
  });
  it("says 'niet bereikt' when the outcome does not reach the target within the range", () => {
    expect(tornado(compiled, { ranges: { aantal: { low: 8, high: 12 } } }).rows.find((r) => r.key === "aantal")!.breakEven).toEqual({ kind: "niet bereikt", searched: { low: 8, high: 12 } });
  });
});

describe("break-even search", () => {
  it("names every root of a relation that is not monotone, nearest the base value first", () => {
    const result = breakEven((x) => (x - 2) * (x - 6), 5, 0, { low: 0, high: 10 });
    expect(result).toMatchObject({ kind: "gevonden", direction: "stijgend" });
    const r = result as unknown as { value: number; otherValues: number[] };
    expect(r.value).toBeCloseTo(6, 9);
    expect(r.otherValues[0]).toBeCloseTo(2, 9);
  });
});

describe("mkba gevoeligheid", () => {
  it("prints the tornado of the Almere example with break-even values; a parameter with a distribution in the model spans its range (as on the Onzekerheid sheet)", async () => {
    const { code, out } = await runCli(["gevoeligheid", "--example", "almere"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Gevoeligheid \(tornado\) — Samenwerken voor burgers/);
    // The QALY value has a PERT distribution 20.000 – 100.000 in the Almere model; the break-even is searched widely.
    expect(out).toMatch(/Waarde van een QALY\s+20\.000\s+100\.000\s+€ -390\.383\s+€ -325\.527\s+€ 64\.857\s+501\.534 \(daarboven positief saldo\)/);
    // A parameter without a distribution: ±20%.
    expect(out).toMatch(/Aantal wijkteams in de aanpak\s+1,60\s+2,40/);
  });
});

describe("tornado through the float-compiled model", () => {
  it("gives the exact engine's tornado of the LPBL example: the same order, every figure within 1e-9", () => {
    const l = loadModel(EXAMPLES.lpbl);
    if (!l.ok) throw new Error(JSON.stringify(l.problems));
    const fast = tornado(l.loaded.compiled);
    const exact = tornado(l.loaded.compiled, { exact: true });
    expect(fast.baseOutcome).toBe(exact.baseOutcome);
    expect(fast.rows.map((r) => [r.key, r.moves, r.breakEven.kind])).toEqual(exact.rows.map((r) => [r.key, r.moves, r.breakEven.kind]));
    const close = (a: number | null, b: number | null, scale: number) => expect(a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(b), scale)).toBe(true);
    const scale = Math.abs(exact.baseOutcome ?? 1);
    fast.rows.forEach((r, i) => {
      const e = exact.rows[i]!;
      close(r.outcomeLow, e.outcomeLow, scale);
      close(r.outcomeHigh, e.outcomeHigh, scale);
      if (r.breakEven.kind === "gevonden" && e.breakEven.kind === "gevonden") close(r.breakEven.value, e.breakEven.value, 1);
    });
  });
});
