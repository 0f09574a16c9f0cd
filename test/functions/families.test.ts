/** The further MKBA.* functions through the catalogue (as the CLI and the formula-engine tests call them). */
import * as formulajs from "@formulajs/formulajs";
import { modelToCells } from "../../src/engine/layout/workbookLayout";
import { validateModel } from "../../src/engine/model";
import { callFunction, findFunction } from "../../src/functions/catalog";
import { SCENARIO } from "../../src/functions/families/model";
import { smallModel } from "../fixtures/models";

const call = (id: string, ...args: unknown[]) => callFunction(findFunction(id)!, args);
const errorOf = (r: unknown) => (typeof r === "object" && r !== null && !Array.isArray(r) ? (r as { code: string; message: string }) : undefined);

describe("MKBA.DISCONTOFACTOR and MKBA.DISCONTOVOET", () => {
  it("give the factor and the rate of a rule in a year", () => {
    expect(call("DISCONTOFACTOR", 1, 0.0225)).toBeCloseTo(1 / 1.0225, 15);
    expect(call("DISCONTOFACTOR", 0, "2007")).toBe(1);
    expect(call("DISCONTOFACTOR", 36, "2026")).toBeCloseTo(Math.pow(1.028, -35) / 1.018, 14);
    expect(call("DISCONTOVOET", 35, "2026")).toBe(0.028);
    expect(call("DISCONTOVOET", 36, "2026")).toBe(0.018);
    expect(call("DISCONTOVOET", 10, null)).toBe(0.0225);
  });
  it("reject a negative year", () => {
    expect(errorOf(call("DISCONTOFACTOR", -1))?.message).toMatch(/^jaar: /);
  });
});

describe("MKBA.EFFECTWAARDE", () => {
  it("multiplies quantity, price, attribution and (1 − deadweight), with relapse per year", () => {
    expect(call("EFFECTWAARDE", 15, 10000, 0.5)).toBe(75000); // seed 002, Bijlage 1: 15 × € 10.000 at 50%
    expect(call("EFFECTWAARDE", 100, 10, 1, 0.2, 0.5, 2)).toBeCloseTo(200, 12);
  });
  it("rejects an attribution above 1 with the allowed range", () => {
    expect(errorOf(call("EFFECTWAARDE", 1, 1, 50))?.message).toBe("attributie: het getal 50 ligt buiten het toegestane bereik; verwacht een aandeel van 0 tot en met 1 (0% tot 100%).");
  });
});

describe("MKBA.TERUGVERDIENJAAR", () => {
  it("gives the first year the cumulative NCW stays ≥ 0", () => {
    expect(call("TERUGVERDIENJAAR", [[-1000, 300, 400, 500]], "geen")).toBe(3);
    expect(call("TERUGVERDIENJAAR", [[-1000, 300, 400, 500]], "geen", 2024)).toBe(2027);
  });
  it("gives #N/A when the amounts are never paid back", () => {
    expect(errorOf(call("TERUGVERDIENJAAR", [[-1000, 300]]))?.code).toBe("#N/A");
  });
});

describe("MKBA.INTERNRENDEMENT", () => {
  it("agrees with Excel's IRR (formulajs) on all-numeric flows", () => {
    const flows = [-1000, 300, 400, 500, 100];
    expect(call("INTERNRENDEMENT", [flows])).toBeCloseTo(formulajs.IRR(flows) as number, 9);
  });
  it("needs a positive and a negative amount (#NUM!)", () => {
    expect(errorOf(call("INTERNRENDEMENT", [[1, 2, 3]]))?.code).toBe("#NUM!");
  });
  it("counts blank cells as 0 in their place (unlike IR)", () => {
    const r = call("INTERNRENDEMENT", [[-100, null, 121]]) as number;
    expect(r).toBeCloseTo(0.1, 12);
  });
});

describe("MKBA.SCENARIO over a model laid out in the workbook", () => {
  const v = validateModel(smallModel());
  if (!v.ok) throw new Error("fixture");
  const cells = modelToCells(v.compiled.model);

  it("gives the saldo of the base case by default", () => {
    expect(call("SCENARIO", cells)).toBeCloseTo(100, 10);
  });
  it("gives baten, kosten, ratios, an actor's saldo and the payback year", () => {
    expect(call("SCENARIO", cells, null, "baten")).toBeCloseTo(1100, 10);
    expect(call("SCENARIO", cells, null, "kosten")).toBeCloseTo(1000, 10);
    expect(call("SCENARIO", cells, null, "ratio")).toBeCloseTo(1.1, 12);
    expect(call("SCENARIO", cells, null, "ratio_financieel")).toBeCloseTo(1, 12);
    expect(call("SCENARIO", cells, null, "inwoners")).toBeCloseTo(100 + 100 + 100 / 1.1 + 100 / 1.21, 10);
    expect(call("SCENARIO", cells, null, "terugverdienjaar")).toBe(2026);
  });
  it("runs a named scenario column, and a key/value override range", () => {
    expect(call("SCENARIO", cells, "Dubbel", "baten")).toBeCloseTo(2100, 10);
    expect(call("SCENARIO", cells, [["aantal", 20], [null, null]], "baten")).toBeCloseTo(2100, 10);
  });
  it("spills the per-actor table with headings", () => {
    const t = call("SCENARIO", cells, null, "tabel") as unknown[][];
    expect(t[0]).toEqual(["", "Gemeente", "Inwoners", "Totaal"]);
    expect(t[t.length - 1]![0]).toBe("Saldo");
    expect(t[t.length - 1]![3]).toBeCloseTo(100, 10);
  });
  it("spills the overview (Tabel 1.5: a heading per category, a row per effect) and the cash flows per year", () => {
    const o = call("SCENARIO", cells, null, "overzicht") as unknown[][];
    expect(o[0]).toEqual(["", "Gemeente", "Inwoners", "Totaal"]);
    expect(o[o.length - 1]![3]).toBeCloseTo(100, 10);
    // The investment of 1.000 in 2024; savings 10 × 55 from 2025, growing 10%; welfare 121 in 2026; the transfer of 100
    // a year from Gemeente to Inwoners is no cost or benefit but moves both actors' cash flows.
    expect(call("SCENARIO", cells, null, "kasstromen")).toEqual([
      ["Jaar", "Kosten", "Baten", "Saldo", "Gemeente", "Inwoners"],
      [2024, -1000, 0, -1000, -1100, 100],
      [2025, 0, 550, 550, 450, 100],
      [2026, 0, 726, 726, 505, 221],
    ]);
  });
  it("gives a category's NCW for society with categorie:NAAM, and names an unknown category", () => {
    const names = v.compiled.model.categories.map((c) => c.name);
    const total = names.reduce((sum, n) => sum + (call("SCENARIO", cells, null, `categorie:${n}`) as number), 0);
    expect(total).toBeCloseTo(100, 9);
    expect(errorOf(call("SCENARIO", cells, null, `categorie:${names[0]!.slice(0, -1)}`))?.message).toMatch(/^uitkomst: onbekende categorie ".*". Bedoelt u/);
  });
  it("names an unknown outcome or scenario and suggests the nearest", () => {
    expect(errorOf(call("SCENARIO", cells, null, "sald"))?.message).toBe('uitkomst: onbekende uitkomst "sald". Bedoelt u "saldo"?');
    expect(errorOf(call("SCENARIO", cells, "Dubel"))?.message).toBe('scenario: onbekend scenario "Dubel". Bedoelt u "Dubbel"?');
    expect(errorOf(call("SCENARIO", cells, [["aantl", 3]]))?.message).toMatch(/^scenario: rij 1: onbekende parameter "aantl". Bedoelt u "aantal"/);
  });
  it("reports problems in the model with their row", () => {
    const broken = cells.map((r) => [...r]);
    const row = broken.findIndex((r) => r[0] === "Investering");
    broken[row]![6] = "kosten * onbekend";
    expect(errorOf(call("SCENARIO", broken))?.message).toBe(`model: rij ${row + 1}: rekenregel "kosten * onbekend": onbekende parameter "onbekend".`);
  });
});

describe("MKBA.SCENARIO tells a host which calls return one cell (so HyperFormula sizes them without computing)", () => {
  const oneCell = (constants: (string | undefined)[], count = constants.length) => SCENARIO.returnsOneCell!(constants, count);
  it("a scalar outcome written as text, or the outcome omitted (saldo), is one cell", () => {
    expect([oneCell([undefined, undefined, "saldo"]), oneCell([undefined, "Scenario 1", " Ratio "]), oneCell([undefined], 1), oneCell([undefined, undefined], 2)]).toEqual([true, true, true, true]);
  });
  it("a table outcome, or an outcome that is not a constant (a cell reference), may spill", () => {
    expect([oneCell([undefined, undefined, "overzicht"]), oneCell([undefined, undefined, "Tabel"]), oneCell([undefined, undefined, "kasstromen"]), oneCell([undefined, undefined, undefined])]).toEqual([false, false, false, false]);
  });
});
