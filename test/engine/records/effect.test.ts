/**
 * MKBA 3.0 (issue 21, item 5): the net effect is the difference-in-differences of the approach area (paired over its
 * households) and the comparison area's counts; gross, net and the implied attribution; a seeded bootstrap interval —
 * whose 95% intervals cover the planted effects 93–97% of the time over 200 seeds; the net effects feed C.2/C.3.
 */
import { ComparisonRow } from "../../../src/engine/records/comparison";
import { measureEffects } from "../../../src/engine/records/effect";
import { RegistrationRecord, dayNumber } from "../../../src/engine/records/format";
import { generateRegistration } from "../../../src/engine/records/generator";
import { OUTCOMES } from "../../../src/engine/records/outcomes";

/** A household with OTS/UHP (families) before and after: records for meting 0 and 12. */
function family(id: string, before: boolean, after: boolean, debtsBefore = false, debtsAfter = false): RegistrationRecord[] {
  const registered = dayNumber(2024, 1, 1);
  const base: RegistrationRecord = {
    row: 0,
    id,
    registered,
    measurement: 0,
    measured: registered,
    householdType: "families",
    composition: "eenouder",
    children: 2,
    childrenAtHome: 2,
    income: "bijstand",
    minima: true,
    lvb: false,
    newlyFound: false,
    selfReliant: null,
    problems: [debtsBefore, ...new Array(13).fill(null)],
    running: new Array(13).fill(null),
    teamChanges: new Array(13).fill(0),
    withoutTrajectory: 0,
    eviction: null,
    otsChildren: before ? 1 : 0,
    uhpChildren: 0,
    admissionVV: null,
    admissionGGZ: null,
    closed: false,
    relapse: null,
  };
  return [base, { ...base, measurement: 12, measured: registered + 365, otsChildren: 0, uhpChildren: after ? 2 : 0, problems: [debtsAfter, ...new Array(13).fill(null)] }];
}

describe("the difference-in-differences, by hand", () => {
  // 20 families: 8 with OTS/UHP before, 4 after (paired: 6 stop, 2 start... see below); comparison 100 → 110 of 1.000.
  const records = [
    ...Array.from({ length: 6 }, (_, i) => family(`A${i}`, true, false, true, false)),
    ...Array.from({ length: 2 }, (_, i) => family(`B${i}`, true, true, true, true)),
    ...Array.from({ length: 2 }, (_, i) => family(`C${i}`, false, true)),
    ...Array.from({ length: 10 }, (_, i) => family(`D${i}`, false, false)),
  ].flat();
  const comparison: ComparisonRow[] = [
    { row: 2, measurement: 0, type: "families", households: 1000, counts: { escalatie_ots_uhp: 100, probleem_schulden: 400 } },
    { row: 3, measurement: 12, type: "families", households: 1000, counts: { escalatie_ots_uhp: 110, probleem_schulden: 380 } },
    { row: 4, measurement: 0, type: "alle", households: 1000, counts: { probleem_schulden: 400 } },
    { row: 5, measurement: 12, type: "alle", households: 1000, counts: { probleem_schulden: 380 } },
  ];
  const e = measureEffects(records, comparison, { threshold: 10, replicates: 2000, seed: 5, zrm: false });
  const ots = e.outcomes.find((o) => o.outcome.id === "escalatie_ots_uhp")!;

  it("gross = after − before in the approach area; net = gross − the comparison's change; attribution = net ÷ gross", () => {
    expect(ots.approach).toEqual({ households: 20, before: 8 / 20, after: 4 / 20 });
    expect(ots.gross).toBeCloseTo(-0.2, 15);
    expect(ots.net).toBeCloseTo(-0.2 - (0.11 - 0.1), 15);
    expect(ots.attribution).toBeCloseTo(0.21 / 0.2, 12);
    expect(ots.interval!.low).toBeLessThan(ots.net!);
    expect(ots.interval!.high).toBeGreaterThan(ots.net!);
  });

  it("feeds C.3 (prevented OTS/UHP among families) with −net and C.2 (debt assistance) with −net ÷ the share with debts", () => {
    const c3 = e.parameters.find((p) => p.key === "escalatie_gezinnen")!;
    expect(c3.value).toBeCloseTo(0.21, 15);
    expect(c3.interval.low).toBeCloseTo(-ots.interval!.high, 12);
    expect(c3.interval.high).toBeCloseTo(-ots.interval!.low, 12);
    const debts = e.outcomes.find((o) => o.outcome.id === "schulden")!;
    expect(debts.net).toBeCloseTo(2 / 20 - 8 / 20 - (0.38 - 0.4), 15);
    // −net ÷ before: households with debts at the start are the base of "succes schuldhulp".
    expect(e.parameters.find((p) => p.key === "succes_schuldhulp")!.value).toBeCloseTo(-debts.net! / (8 / 20), 12);
  });

  it("is the same for the same seed and differs for another", () => {
    const again = measureEffects(records, comparison, { threshold: 10, replicates: 2000, seed: 5, zrm: false });
    expect(again.outcomes.find((o) => o.outcome.id === "escalatie_ots_uhp")!.interval).toEqual(ots.interval);
    const other = measureEffects(records, comparison, { threshold: 10, replicates: 2000, seed: 6, zrm: false });
    expect(other.outcomes.find((o) => o.outcome.id === "escalatie_ots_uhp")!.interval).not.toEqual(ots.interval);
  });

  it("shows no effect over fewer households than the threshold, and no net effect without a comparison", () => {
    const few = measureEffects(records, comparison, { threshold: 21, replicates: 100, zrm: false });
    expect(few.outcomes.find((o) => o.outcome.id === "escalatie_ots_uhp")).toMatchObject({ suppressed: true, gross: null, net: null, interval: null });
    expect(few.parameters).toEqual([]);
    const none = measureEffects(records, [], { threshold: 10, replicates: 100, zrm: false });
    expect(none.hasComparison).toBe(false);
    expect(none.outcomes.find((o) => o.outcome.id === "escalatie_ots_uhp")).toMatchObject({ gross: -0.2, net: null });
  });
});

describe("coverage of the 95% intervals over 200 seeds", () => {
  // Small areas and 500 bootstrap draws per seed keep this to a few seconds; every outcome of every seed counts.
  it("covers the planted net effects 93–97% of the time", () => {
    let covered = 0;
    let intervals = 0;
    const missed: Record<string, number> = {};
    for (let seed = 1; seed <= 200; seed++) {
      const g = generateRegistration({ households: 300, seed, cases: 0 });
      const e = measureEffects(g.records, g.comparison, { threshold: 10, replicates: 500, seed, zrm: false });
      for (const o of e.outcomes) {
        if (!o.interval) continue;
        intervals++;
        const planted = g.plantedNet[o.outcome.id]!;
        if (o.interval.low <= planted && planted <= o.interval.high) covered++;
        else missed[o.outcome.id] = (missed[o.outcome.id] ?? 0) + 1;
      }
    }
    expect(intervals).toBe(200 * OUTCOMES.length);
    const rate = covered / intervals;
    expect({ rate: Math.round(rate * 1000) / 1000, inRange: rate >= 0.93 && rate <= 0.97 }).toEqual({ rate: expect.any(Number), inRange: true });
    // No outcome is missed far more often than 5% of its 200 seeds (a biased estimator would be).
    for (const [id, n] of Object.entries(missed)) expect([id, n <= 25]).toEqual([id, true]);
  });
});
