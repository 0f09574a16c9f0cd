/**
 * The `zoetermeer-proeftuinen` example against the figures *Uit eigen tuin deel 2* (seed 002_dea0c6c1e7c3c540.txt)
 * prints for the proeftuinen together: the results table (lines 250, 252) and its footnotes (lines 259, 261, 263, 267,
 * 271). Sources and the one printed figure that is not reproduced exactly: docs/examples/zoetermeer-proeftuinen.md.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { ModelRun, analyse, validateModel } from "../../src/engine/model";

const v = validateModel(EXAMPLES["zoetermeer-proeftuinen"]);
if (!v.ok) throw new Error(JSON.stringify(v.problems));
const analysis = analyse(v.compiled);
if (!analysis.ok) throw new Error(JSON.stringify(analysis.problems));
const run = (name: string): ModelRun => analysis.analysis.scenarios.find((s) => s.scenario === name)!;
const category = (r: ModelRun, name: string) => r.byCategory.get(name)!;
const municipal = (r: ModelRun, name: string) => r.table.get("Gemeente")!.get(name)!;
/** "ca. 6,8 miljoen": millions to one decimal. */
const millions = (x: number) => Math.round(x / 100000) / 10;

describe("Crisisteam, minimum and maximum variant (line 261, footnote ***)", () => {
  it("minimumvariant: 68 × € 20.000 + € 465.000 = € 1.825.000, 'van 2 miljoen'", () => {
    expect(category(run("Minimumvariant Crisisteam"), "Crisisteam")).toBe(1825000);
    expect(Math.round(1825000 / 1e6)).toBe(2);
  });
  it("maximumvariant: 68 × € 60.000 = € 4.080.000, 'van 4 miljoen'", () => {
    expect(category(run("Maximumvariant Crisisteam"), "Crisisteam")).toBe(4080000);
  });
  it("gemeentelijk '1,3 – 2,6 miljoen' is 2/3 of the rounded 2 and 4 million, truncated — not 2/3 of the exact variants (1,2 – 2,7)", () => {
    expect(municipal(run("Minimumvariant Crisisteam"), "Crisisteam")).toBeCloseTo(1216666.67, 1);
    expect(municipal(run("Maximumvariant Crisisteam"), "Crisisteam")).toBeCloseTo(2720000, 6);
    expect(Math.floor((2 / 3) * 20) / 10).toBe(1.3);
    expect(Math.floor((2 / 3) * 40) / 10).toBe(2.6);
  });
});

describe("Team8tien and the Procescoördinatoren (lines 252, 259, 263, 271)", () => {
  const base = run("Minimumvariant Crisisteam");
  it("Team8tien: 9 × € 20.000 maatschappelijke opvang = € 180.000, gemeentelijk € 120.000 (2/3)", () => {
    expect(category(base, "Team8tien")).toBe(180000);
    expect(municipal(base, "Team8tien")).toBeCloseTo(120000, 6);
  });
  it("Procescoördinatoren: ca. 3 miljoen maatschappelijk, 2 miljoen gemeentelijk (2/3)", () => {
    expect(category(base, "Procescoördinatoren")).toBe(3000000);
    expect(municipal(base, "Procescoördinatoren")).toBeCloseTo(2000000, 6);
  });
  it("Aandacht Werkt: € 654.000, maatschappelijk and gemeentelijk alike", () => {
    expect(category(base, "Aandacht Werkt")).toBe(654000);
    expect(municipal(base, "Aandacht Werkt")).toBe(654000);
  });
});

describe("the totals the report adds up (line 252)", () => {
  const middle = run("Midden (zoals de totalen)");
  it("maatschappelijk 'Totaal ca. 6,8 miljoen' with the Crisisteam in the middle of 2–4 miljoen: € 6.786.500", () => {
    expect(middle.saldo).toBe(6786500);
    expect(millions(middle.saldo)).toBe(6.8);
  });
  it("gemeentelijk 'Totaal ca. 4,7 miljoen': € 4.742.333", () => {
    const gemeente = middle.byActor.get("Gemeente")!;
    expect(gemeente).toBeCloseTo(4742333.33, 1);
    expect(millions(gemeente)).toBe(4.7);
  });
  it("the range behind 'ca.': minimum 5,7 and maximum 7,9 miljoen maatschappelijk", () => {
    expect(millions(run("Minimumvariant Crisisteam").saldo)).toBe(5.7);
    expect(millions(run("Maximumvariant Crisisteam").saldo)).toBe(7.9);
  });
});

describe("attribution: this report (100%) against deel 1 (50%), line 267", () => {
  it("halves every proeftuin but Aandacht Werkt", () => {
    const deel1 = run("Toerekening als in deel 1 (50%)");
    const middle = run("Midden (zoals de totalen)");
    for (const c of ["Procescoördinatoren", "Crisisteam", "Team8tien"]) expect(category(deel1, c)).toBeCloseTo(category(middle, c) / 2, 6);
    expect(category(deel1, "Aandacht Werkt")).toBe(654000);
    expect(deel1.saldo).toBe(3720250);
  });
  it("a lower gemeentelijk share moves savings between actors, never the saldo", () => {
    expect(analysis.analysis.sensitivity[0]!.deltaSaldo).toBe(0);
    expect(analysis.analysis.sensitivity[0]!.run.byActor.get("Gemeente")!).toBeCloseTo(654000 + (3000000 + 1825000 + 180000) / 2, 6);
  });
});
