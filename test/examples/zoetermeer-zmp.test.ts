/**
 * The `zoetermeer-zmp` example against the published figures of *Uit eigen tuin deel 2* (Zoetermeer, 2019),
 * seed 002_dea0c6c1e7c3c540.txt, bijlage "Geactualiseerd rendementsoverzicht van de proeftuin Zoveel Meer
 * Perspectief": a one-year return without discounting. Sources and interpretations: docs/examples/zoetermeer-zmp.md.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { analyse, analysisJson, validateModel } from "../../src/engine/model";

function json() {
  const v = validateModel(EXAMPLES["zoetermeer-zmp"]);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const a = analyse(v.compiled);
  if (!a.ok) throw new Error(JSON.stringify(a.problems));
  return analysisJson(a.analysis);
}

const result = json();
const base = result.scenarios[0]!;

describe("Zoveel Meer Perspectief, rendement op jaarbasis", () => {
  it("benefits € 691.000 = 17,6 extra outflows × € 35.000 + 15 × € 10.000 × 50%", () => {
    expect(base.benefits).toBe(691000);
    expect(base.byCategory["Besparing uitkeringen"]).toBe(616000);
    expect(base.byCategory["Besparing hulpverlening"]).toBe(75000);
  });
  it("costs € 165.000 = 3 × € 35.000 + 3 × € 20.000", () => {
    expect(base.costs).toBe(165000);
  });
  it("net € 526.000 a year", () => {
    expect(base.saldo).toBe(526000);
    expect(base.byActor).toEqual({ Gemeente: 526000, Rijk: 0, Cliënten: 0 });
  });
  it("ratio ≈ 4,19 (“verdient de investering zichzelf ruim vier maal terug”)", () => {
    expect(base.ratios.social).toBeCloseTo(691 / 165, 12);
    expect(Math.round(base.ratios.social! * 100) / 100).toBe(4.19);
    expect(base.ratios.financial).toBe(base.ratios.social);
    expect(base.ratios.municipal).toBe(base.ratios.social);
  });
  it("is not discounted (rule \"geen\")", () => {
    expect(result.discountRule).toBe("Geen discontering (0%)");
  });
  it("treats the tailor-made budget as alternative costs in its scenario", () => {
    const s = result.scenarios.find((x) => x.name === "Maatwerkbudget als alternatieve kosten")!;
    expect([s.costs, s.saldo]).toEqual([105000, 586000]);
  });
  it("moves the saldo by +€ 147.000 at the lower bound of regular outflow to work (3,5%: half of 7%, seed 002 line 291) and +€ 75.000 at full attribution", () => {
    // 7–14% is the total outflow, of which half to work or education: 3,5%–7% to work; the report takes 7%.
    expect(result.sensitivity.map((s) => s.deltaSaldo)).toEqual([147000, 75000, 0]);
  });
});

describe("the two views of the benefit saving (issue 9, fault 6; seed 002 lines 226, 271, 321)", () => {
  const v2 = validateModel(EXAMPLES["zoetermeer-zmp"]);
  if (!v2.ok) throw new Error("valid");
  const a = analyse(v2.compiled);
  if (!a.ok) throw new Error("analyse");
  const scenario = (name: string) => a.analysis.scenarios.find((s) => s.scenario === name)!;
  it("the report's view stays the base case: 691.000 / 165.000 / 526.000 and a municipal ratio of 4,19", () => {
    const base = a.analysis.scenarios[0]!;
    expect([base.benefits, base.costs, base.saldo]).toEqual([691000, 165000, 526000]);
    expect(base.ratios.municipal.value!).toBeCloseTo(4.1879, 4);
  });
  it("within a year only a fifth of the benefit saving reaches the budget: 123.200 + 75.000 against 165.000 (ratio 1,20)", () => {
    const year = scenario("Begroting binnen een jaar (een vijfde)");
    expect(year.benefits).toBeCloseTo(0.2 * 616000 + 75000, 6);
    expect(year.ratios.municipal.value!).toBeCloseTo((0.2 * 616000 + 75000) / 165000, 10);
  });
  it("in the welfare view the saving is a transfer (clients −616.000, municipality +616.000, together 0) and clients earn at least the benefit they give up: no client is worse off for going to work", () => {
    const welfare = scenario("Welvaartsvisie: uitkering als overdracht");
    const transfer = (actor: string) => welfare.table.get(actor)!.get("Verdelingseffecten")!;
    expect([transfer("Cliënten"), transfer("Gemeente"), transfer("Rijk")]).toEqual([-616000, 616000, 0]);
    // The wage (lower bound: the benefit it replaces) is the job's social value: the saldo equals the report's.
    expect(welfare.effects.find((e) => e.name.startsWith("Loon uit werk"))!.ncw).toBe(616000);
    expect(welfare.byActor.get("Cliënten")!).toBe(0);
    expect(welfare.benefits).toBe(691000);
    expect(welfare.ratios.social.value!).toBeCloseTo(691000 / 165000, 10);
    expect(welfare.ratios.municipal.value!).toBeCloseTo(691000 / 165000, 10);
  });
  it("when the Rijk bears half the saving, the saldo stays and the municipal ratio falls", () => {
    const run = a.analysis.sensitivity.find((s) => s.name.startsWith("Rijk draagt de helft"))!;
    expect(run.deltaSaldo).toBe(0);
    expect(run.run.byActor.get("Rijk")!).toBe(308000);
    expect(run.run.ratios.municipal.value!).toBeCloseTo((308000 + 75000) / 165000, 10);
  });
});
