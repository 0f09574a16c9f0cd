/**
 * MKBA 2.0 (issue 21, item 4): from generated records with planted truths, the derived LPBL inputs A–C equal the truths
 * within sampling error; plan and registration side by side; small groups suppressed and kept at the plan; the scenario
 * "MKBA 2.0 (registratie)" overrides and never overwrites.
 */
import { LPBL_EXAMPLE_INPUTS, LpblInputs } from "../../../src/engine/models/lpbl";
import { EXAMPLES } from "../../../src/engine/examples";
import { loadModel } from "../../../src/engine/models";
import { runModel } from "../../../src/engine/model";
import { generateRegistration, plantedSubstitution, DEFAULT_TRUTHS } from "../../../src/engine/records/generator";
import { DerivedInput, SCENARIO_2, deriveRegistration, parameterOf, planValue, registrationScenario } from "../../../src/engine/records/registration";
import { withScenarios } from "../../../src/engine/records/scenarios";
import { HOUSEHOLD_TYPES, SEVERITIES } from "../../../src/engine/models/lpbl/inputs";

const N = 6000;
const g = generateRegistration({ households: N, seed: 2021, cases: 0 });
const r = deriveRegistration(g.records, LPBL_EXAMPLE_INPUTS, { threshold: 10 });
const input = (path: string): DerivedInput => {
  const i = r.inputs.find((x) => x.path === path);
  if (!i) throw new Error(`geen invoer ${path}`);
  return i;
};
/** |estimate − truth| within 4 standard errors of a share p over n households (≈ 1 in 16.000 to fail by chance). */
const withinSamplingError = (path: string, truth: number) => {
  const i = input(path);
  const se = Math.sqrt((truth * (1 - truth)) / i.households);
  expect({ path, within: Math.abs(i.registration! - truth) <= 4 * se + 1e-12 }).toEqual({ path, within: true });
};

describe("MKBA 2.0 from records with planted truths", () => {
  const t = DEFAULT_TRUTHS;

  it("derives the reach: households, type shares, severity per type, composition, children", () => {
    expect(input("reach.households")).toMatchObject({ registration: N, households: N, missing: 0, suppressed: false });
    for (const type of HOUSEHOLD_TYPES) {
      withinSamplingError(`reach.typeShares.${type}`, t.typeShares[type]);
      for (const s of SEVERITIES) withinSamplingError(`reach.severity.${type}.${s}`, t.severity[type][s]);
      withinSamplingError(`reach.composition.singleParent.${type}`, t.singleParent[type]);
    }
    // Children of a family: 1 + Poisson(0,6); sd √0,6.
    const kids = input("reach.composition.childrenPerFamily");
    expect(Math.abs(kids.registration! - t.childrenPerFamily)).toBeLessThan(4 * Math.sqrt(0.6 / kids.households));
  });

  it("derives the living situation of the multi-problem households and the share newly found", () => {
    for (const type of HOUSEHOLD_TYPES) {
      withinSamplingError(`reach.livingSituation.debts.${type}`, t.debts[type]);
      withinSamplingError(`reach.livingSituation.noWork.${type}`, t.noWork[type]);
      withinSamplingError(`reach.livingSituation.nuisance.${type}`, t.nuisance[type]);
    }
    withinSamplingError("costs.newlyFoundShare", t.newlyFound);
  });

  it("derives substitution in new and existing cases (C.1) as planted", () => {
    const planted = plantedSubstitution(t);
    expect(planted.substitutionExisting).toBeCloseTo(0.15, 12);
    // Ratios of counts over thousands of trajectories: a few percentage points is four standard errors here.
    expect(Math.abs(input("effect.substitutionExisting").registration! - planted.substitutionExisting)).toBeLessThan(0.03);
    expect(Math.abs(input("effect.substitutionNew").registration! - planted.substitutionNew)).toBeLessThan(0.03);
  });

  it("derives the caseload from the team's fte, keeping the plan's proportions: Σ households ÷ caseload = fte", () => {
    const withFte = deriveRegistration(g.records, LPBL_EXAMPLE_INPUTS, { threshold: 10, teamFte: 80 });
    const caseload = (s: string) => withFte.inputs.find((i) => i.path === `reach.caseload.${s}`)!.registration!;
    const bySeverity = SEVERITIES.map((s) => HOUSEHOLD_TYPES.reduce((a, type) => a + withFte.inputs.find((i) => i.path === `reach.typeShares.${type}`)!.registration! * withFte.inputs.find((i) => i.path === `reach.severity.${type}.${s}`)!.registration!, 0) * N);
    expect(SEVERITIES.reduce((a, s, k) => a + bySeverity[k]! / caseload(s), 0)).toBeCloseTo(80, 6);
    expect(caseload("zr") / caseload("nzr")).toBeCloseTo(150 / 75, 12);
    expect(withFte.inputs.find((i) => i.path === "costs.teamFte")).toMatchObject({ registration: 80, plan: 3.6, difference: 76.4 });
  });

  it("puts plan and registration side by side: value, difference, households, missing", () => {
    const share = input("reach.typeShares.families");
    expect(share.plan).toBe(0.48);
    expect(share.difference).toBeCloseTo(share.registration! - 0.48, 15);
    expect(share.parameter).toBe("aandeel_gezinnen");
    // Missing data: households without a household type count as missing for the type shares.
    const records = g.records.map((x) => (x.id === g.records[0]!.id ? { ...x, householdType: null } : x));
    const missing = deriveRegistration(records, LPBL_EXAMPLE_INPUTS, { threshold: 10 }).inputs.find((i) => i.path === "reach.typeShares.families")!;
    expect([missing.households, missing.missing]).toEqual([N - 1, 1]);
  });
});

describe("suppression in MKBA 2.0", () => {
  const small = generateRegistration({ households: 150, seed: 3, cases: 0 });
  const d = deriveRegistration(small.records, LPBL_EXAMPLE_INPUTS, { threshold: 10 });

  it("keeps a group summing to 100% at the plan as a whole when one of its counts is below the threshold", () => {
    const families = SEVERITIES.map((s) => d.inputs.find((i) => i.path === `reach.severity.families.${s}`)!);
    // 2% of about 70 families is one or two single-problem families.
    expect(families.map((i) => [i.suppressed, i.registration])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
    expect(families[0]!.note).toMatch(/kleiner dan 10: de groep blijft op het plan/);
  });

  it("does not use a suppressed value in the scenario (the plan's stays)", () => {
    const s = registrationScenario(d, new Set(["ev_gezinnen", "zr_gezinnen", "aandeel_gezinnen", "hh_totaal"]));
    expect(s.overrides).not.toHaveProperty("ev_gezinnen");
    expect(s.overrides).toHaveProperty("aandeel_gezinnen");
    expect(s.overrides.hh_totaal).toBe(150);
  });

  it("suppresses everything below a threshold raised to the number of households", () => {
    const all = deriveRegistration(small.records, LPBL_EXAMPLE_INPUTS, { threshold: 151 });
    expect(all.inputs.filter((i) => i.registration !== null)).toEqual([]);
  });
});

describe('the scenario "MKBA 2.0 (registratie)"', () => {
  const loaded = loadModel(EXAMPLES.lpbl);
  if (!loaded.ok) throw new Error("LPBL-voorbeeld laadt niet");
  const model = loaded.loaded.compiled.model;
  const keys = new Set(model.parameters.map((p) => p.key));
  const scenario = registrationScenario(r, keys);

  it("overrides each derived input's parameter with the registration's value", () => {
    expect(scenario.name).toBe(SCENARIO_2);
    for (const i of r.inputs) if (i.parameter && i.registration !== null) expect([i.parameter, scenario.overrides[i.parameter]]).toEqual([i.parameter, i.registration]);
    expect(Object.keys(scenario.overrides).every((k) => keys.has(k))).toBe(true);
    expect(scenario.description).toMatch(/6\.000 huishoudens/);
  });

  it("is added beside the analyst's inputs, which stay as they were; running it again replaces only it", () => {
    const once = withScenarios(model, [scenario]);
    if (!once.ok) throw new Error(JSON.stringify(once.problems));
    const m = once.compiled.model;
    expect(m.parameters).toEqual(model.parameters);
    expect(m.scenarios.slice(0, model.scenarios.length)).toEqual(model.scenarios);
    expect(m.scenarios.at(-1)).toMatchObject({ name: SCENARIO_2, overrides: scenario.overrides });
    const base = runModel(loaded.loaded.compiled, {}, "Basisvariant");
    const again = runModel(once.compiled, {}, "Basisvariant");
    expect(again.ok && base.ok && again.run.saldo).toBe(base.ok && base.run.saldo);
    const twice = withScenarios(m, [{ ...scenario, overrides: { hh_totaal: 1 } }]);
    expect(twice.ok && twice.compiled.model.scenarios.filter((s) => s.name === SCENARIO_2).map((s) => s.overrides)).toEqual([{ hh_totaal: 1 }]);
  });

  it("maps every LPBL input path it derives to the parameter the LPBL model has for it", () => {
    for (const i of r.inputs) {
      if (i.parameter === null) continue;
      expect([i.path, keys.has(i.parameter)]).toEqual([i.path, true]);
      expect(planValue(LPBL_EXAMPLE_INPUTS as LpblInputs, i.path)).toBe(model.parameters.find((p) => p.key === parameterOf(i.path))!.value);
    }
  });
});
