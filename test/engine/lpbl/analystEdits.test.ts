/**
 * The table of issue 19, rerun: an analyst edits the LPBL example (seed 001_89b8683f98a68fb5.txt, Bijlage 2) as in a
 * council debate, and each edit must move the figures the way the report's logic says.
 *
 * | edit of the example                      | before issue 19 the model printed          | the report's logic says                      |
 * | fte 3,6 → 2,0 (reach × caseload 3,56)     | ratios rose 1,51 → 1,85 / 1,29 → 1,58 / …  | understaffing never pays                     |
 * | households 328 → 600, fte kept at 3,6    | ratios rose to 2,03 / 1,73 / 1,36          | no better than at the 6,5 fte 600 hh need    |
 * | caseloads of Tabel 3.10 (nzr 40), fte    | headline stayed 1,51                       | the tool estimates the fte and cost needed   |
 * | every C.2 and C.3 effect at 0            | escalations € 79.567, benefits € 102.528   | no effect entered, no effect benefit         |
 * | Monte Carlo on the default uncertainty   | P(saldo > 0) = 99,9%                       | the saldo hinges on an illustrative price    |
 */
import { ModelRun, runModel, validateModel } from "../../../src/engine/model";
import { buildLpblModel, LPBL_EXAMPLE_INPUTS, LpblBuildOk, LpblInputs, lpblOutputs } from "../../../src/engine/models/lpbl";
import { runMonteCarlo } from "../../../src/engine/uncertainty/monteCarlo";

const clone = (): LpblInputs => JSON.parse(JSON.stringify(LPBL_EXAMPLE_INPUTS));
function built(inputs: LpblInputs) {
  const b = buildLpblModel(inputs);
  if (!b.ok) throw new Error(JSON.stringify(b.problems));
  const v = validateModel(b.model);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return { b: b as LpblBuildOk, compiled: v.compiled };
}
function base(inputs: LpblInputs): { run: ModelRun; out: ReturnType<typeof lpblOutputs>; b: LpblBuildOk } {
  const { b, compiled } = built(inputs);
  const r = runModel(compiled, {}, "Basisvariant");
  if (!r.ok) throw new Error("run");
  return { run: r.run, out: lpblOutputs(r.run, compiled, b), b };
}
const ratios = (r: { social: number | null; financial: number | null; municipal: number | null }) => [r.social!, r.financial!, r.municipal!];
const runRatios = (r: ModelRun) => ratios({ social: r.ratios.social.value, financial: r.ratios.financial.value, municipal: r.ratios.municipal.value });
const example = base(clone());

describe("the analyst's edits of issue 19, rerun", () => {
  it("fte 3,6 → 2,0 (reach × caseload needs 3,56): the ratios do not rise — a team too small serves only 56% of the households", () => {
    const i = clone();
    i.costs.teamFte = 2;
    const { run, out } = base(i);
    const before = runRatios(example.run);
    runRatios(run).forEach((x, k) => expect(x).toBeLessThanOrEqual(before[k]!));
    runRatios(run).forEach((x, k) => expect(x).toBeLessThanOrEqual(ratios(out.uitvoerA.team.atNeededFte.ratios)[k]!));
    expect(out.uitvoerA.team.servedShare).toBeCloseTo(2 / out.uitvoerA.team.fteNeeded, 12);
    expect(out.uitvoerA.team.householdsServed).toBeCloseTo(184.2, 1);
  });

  it("households 328 → 600 with fte kept at 3,6: no ratio above the ratios at the 6,5 fte that 600 households need, which Uitvoer A prints beside them", () => {
    const i = clone();
    i.reach.households = 600;
    const { run, out } = base(i);
    const team = out.uitvoerA.team;
    expect(team.fteNeeded).toBeCloseTo(6.51, 2);
    const atNeeded = ratios(team.atNeededFte.ratios);
    runRatios(run).forEach((x, k) => expect(x).toBeLessThanOrEqual(atNeeded[k]! + 1e-12));
    // Served: the 3,6 fte serve 3,6 / 6,51 of the 600 households — about as many as before (328).
    expect(team.householdsServed).toBeCloseTo((600 * 3.6) / team.fteNeeded, 9);
    // The ratios at 3,6 fte barely move from the example's (the same households are served; one-time costs are spread
    // over them alike), instead of the 2,03 / 1,73 / 1,36 of before.
    runRatios(run).forEach((x, k) => expect(Math.abs(x - runRatios(example.run)[k]!)).toBeLessThan(0.01));
  });

  it("caseloads set to Tabel 3.10 (300 / 150 / 40), fte kept: the headline moves, and the output states the 6,07 fte and their cost that the reach then needs", () => {
    const i = clone();
    i.reach.caseload = { ev: 300, zr: 150, nzr: 40 };
    const { run, out } = base(i);
    expect(run.ratios.social.value!).toBeLessThan(example.run.ratios.social.value! - 0.01);
    expect(out.uitvoerA.team.fteNeeded).toBeCloseTo(6.07, 2);
    expect(out.uitvoerA.team.servedShare).toBeCloseTo(3.6 / out.uitvoerA.team.fteNeeded, 12);
    // At the needed fte the team costs 6,07 × the cost per fte, and its ratios are printed beside.
    const { compiled } = built(i);
    const needed = runModel(compiled, { fte_team: out.uitvoerA.team.fteNeeded }, "n");
    if (!needed.ok) throw new Error("run");
    expect(needed.run.byCategory.get("Kosten team")!).toBeCloseTo(-out.uitvoerA.team.fteNeeded * LPBL_EXAMPLE_INPUTS.costs.costPerFte, 4);
    expect(out.uitvoerA.team.atNeededFte.ratios.social).toBeCloseTo(needed.run.ratios.social.value!, 9);
  });

  it("every C.2 success rate and C.3 escalation at 0: no escalation benefit, no effect benefit — only the organisation's savings remain", () => {
    const i = clone();
    i.effect.success = { debtAssistance: 0, directToWork: 0, schoolDropout: 0, firstLineConsultations: 0, secondLineReferrals: 0 };
    i.effect.preventedEscalation = { families: 0, elderly: 0, other: 0 };
    i.effect.preventedEvictions = 0;
    const { run, out } = base(i);
    expect(out.uitvoerA.baten["Voorkomen escalaties"]).toBe(0);
    expect(out.uitvoerA.baten["Effectievere trajecten"]).toBe(0);
    expect(out.uitvoerA.baten["Immateriële baten"]).toBe(0);
    expect(run.benefits).toBeCloseTo(out.uitvoerA.baten["Besparing organisatiekosten"], 6);
  });

  it("Monte Carlo on the default uncertainty: the seed's ranges for the illustrative prices and the analyst's estimates make a negative saldo a real chance (P(saldo > 0) well below the 99,9% of before)", () => {
    const { compiled } = built(clone());
    const r = runMonteCarlo(compiled, { runs: 4000, seed: 1 });
    if (!r.ok) throw new Error("Monte Carlo");
    expect(r.result.distributions).toBe("model");
    expect(r.result.varied.find((v) => v.key === "kosten_ots_uhp")!.distribution).toEqual({ type: "driehoek", min: 2000, mode: 2000, max: 100000 });
    expect(r.result.probabilityPositive.share).toBeLessThan(0.95);
    expect(r.result.outcomes.saldo.percentiles.P10!).toBeLessThan(0);
  });
});
