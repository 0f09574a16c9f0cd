/**
 * A seeded generator of synthetic registration records (synthetische registratie) — N households of an approach area
 * with their measurements, a comparison area in aggregated counts, and a case analysis — with planted truths, for the
 * tests and the demo. No real person is in it: every value is drawn from the distributions below.
 *
 * The truths follow the LPBL example of seed 001 Bijlage 2 where it has one (type shares 48/31/21%, severity per type,
 * composition, living situation, 18% newly found) so that MKBA 2.0 of the example file lands near MKBA 1.0. The
 * effect model per outcome (outcomes.ts) and household type t: a baseline share p₀, a common trend τ in both areas and
 * an effect δ in the approach area only; a household keeps its baseline value with probability ρ (persistence) and is
 * drawn afresh otherwise, so that its follow-up share is p₀ + τ − δ (+ for work). The planted net effect
 * (difference-in-differences) of a group is the type-weighted −δ (the comparison area has the approach's type mix).
 *
 * Not kept consistent (documented in docs/registratie.md): the trajectories running at a follow-up come from the
 * effect model, the team's additions and removals (team_*) from the substitution model; a real registration ties them.
 */
import { HOUSEHOLD_TYPES, HouseholdType, SEVERITIES, Severity } from "../models/lpbl/inputs";
import { Random } from "../uncertainty/random";
import { binomial } from "./bootstrap";
import { ComparisonRow } from "./comparison";
import { CaseLine } from "./cases";
import {
  COLUMNS,
  Composition,
  HOUSEHOLD_TYPE_CODE,
  IncomeSource,
  MEASUREMENTS,
  Measurement,
  PROBLEM_AREAS,
  PROBLEM_INDEX,
  RegistrationRecord,
  TRAJECTORIES,
  TRAJECTORY_COUNT,
  dayNumber,
  isoDate,
} from "./format";
import { GROUP_TYPES, OUTCOMES, OutcomeSpec } from "./outcomes";
import { COMPARISON_COLUMNS } from "./comparison";

type PerType<T> = Record<HouseholdType, T>;

/** One outcome's planted effect model per household type: baseline share, trend (both areas), effect (approach). */
export interface PlantedEffect {
  readonly baseline: PerType<number>;
  readonly trend: number;
  /** Reduction in the approach area (for work: increase), per type (0 where the outcome does not apply). */
  readonly effect: PerType<number>;
  /** Persistence ρ: the probability a household keeps its baseline value. */
  readonly persistence: number;
}

export interface Truths {
  readonly typeShares: PerType<number>;
  readonly severity: PerType<Record<Severity, number>>;
  /** P(eenouder/persoons) per type. */
  readonly singleParent: PerType<number>;
  /** Mean number of children of a family (gezin). */
  readonly childrenPerFamily: number;
  /** Among multi-problem households: problematic debts, no work, nuisance. */
  readonly debts: PerType<number>;
  readonly noWork: PerType<number>;
  readonly nuisance: PerType<number>;
  /** Debts among single-problem (ev) households. */
  readonly debtsSingle: number;
  /** Work among single-problem (ev) households of working age. */
  readonly workSingle: number;
  readonly newlyFound: number;
  /** Substitution: a substitutable trajectory running at the start is removed by the team with `removal`; per such
   *  trajectory the team adds one with `addition` (existing cases: substitution = removal − addition). */
  readonly removal: number;
  readonly addition: number;
  /** New cases: needs per household (uniform 1…maxNeeds), each taken on without a trajectory with `withoutTrajectory`. */
  readonly maxNeeds: number;
  readonly withoutTrajectory: number;
  /** Running trajectories at the start: P per type (TRAJECTORIES order), the baseline of their effect model. */
  readonly effects: Readonly<Record<string, PlantedEffect>>;
  /** Mean ZRM improvement of a problem area (other than schulden) by meting 12; by 18 a little more. */
  readonly zrmImprovement: number;
}

const pt = (families: number, elderly: number, other: number): PerType<number> => ({ families, elderly, other });
const same = (x: number) => pt(x, x, x);
const traject = (baseline: PerType<number>, effect: number, trend = 0.01): PlantedEffect => ({
  baseline,
  trend,
  // The effect only where the trajectory is common enough (≥ 10%) to fall by it.
  effect: pt(baseline.families >= 0.1 ? effect : 0, baseline.elderly >= 0.1 ? effect : 0, baseline.other >= 0.1 ? effect : 0),
  persistence: 0.5,
});

/** The default truths (LPBL example of seed 001 Bijlage 2 for the reach; illustrative effects). */
export const DEFAULT_TRUTHS: Truths = {
  typeShares: pt(0.48, 0.31, 0.21),
  severity: {
    families: { ev: 0.02, zr: 0.2, nzr: 0.78 },
    elderly: { ev: 0.04, zr: 0.5, nzr: 0.46 },
    other: { ev: 0.04, zr: 0.32, nzr: 0.64 },
  },
  singleParent: pt(0.27, 0.73, 0.73),
  childrenPerFamily: 1.6,
  debts: pt(0.5, 0.18, 0.8),
  noWork: pt(0.8, 1, 0.8),
  nuisance: pt(0.25, 0, 0.25),
  debtsSingle: 0.1,
  workSingle: 0.6,
  newlyFound: 0.18,
  removal: 0.25,
  addition: 0.1,
  maxNeeds: 3,
  withoutTrajectory: 0.4,
  effects: {
    traject_shv: traject(pt(0.3, 0.1, 0.4), 0.06),
    traject_reintegratie: traject(pt(0.25, 0, 0.3), 0.04),
    traject_dagbesteding: traject(pt(0.1, 0.1, 0.15), 0.03),
    traject_amw: traject(pt(0.4, 0.3, 0.4), 0.08),
    traject_hbh: traject(pt(0.05, 0.45, 0.05), 0.05),
    traject_joh: traject(pt(0.35, 0, 0), 0.06),
    traject_jggz: traject(pt(0.15, 0, 0), 0.02),
    traject_ots: traject(pt(0.06, 0, 0), 0),
    traject_uhp: traject(pt(0.03, 0, 0), 0),
    traject_awbz_begeleiding: traject(pt(0.02, 0.2, 0.05), 0),
    traject_awbz_overig: traject(pt(0.01, 0.15, 0.02), 0),
    traject_ggz: traject(pt(0.1, 0.15, 0.3), 0.03),
    traject_anders: traject(pt(0.1, 0.1, 0.1), 0),
    escalatie_huisuitzetting: { baseline: pt(0.05, 0.02, 0.05), trend: 0, effect: pt(0.02, 0, 0.02), persistence: 0.2 },
    escalatie_ots_uhp: { baseline: pt(0.12, 0, 0), trend: 0.01, effect: pt(0.04, 0, 0), persistence: 0.2 },
    escalatie_opname_vv: { baseline: pt(0, 0.1, 0), trend: 0.01, effect: pt(0, 0.03, 0), persistence: 0.2 },
    escalatie_opname_ggz: { baseline: pt(0, 0, 0.08), trend: 0, effect: pt(0, 0, 0.03), persistence: 0.2 },
    // Baselines of debts and work follow from severity and living situation (computed in `truthOf`); these are placeholders.
    schulden: { baseline: pt(0, 0, 0), trend: 0.02, effect: same(0.07), persistence: 0.5 },
    werk: { baseline: pt(0, 0, 0), trend: 0.01, effect: pt(0.05, 0, 0.05), persistence: 0.5 },
  },
  zrmImprovement: 0.65,
};

export interface GeneratorOptions {
  /** Households in the approach area (default 400). */
  readonly households?: number;
  readonly seed?: number;
  /** Comparison-area households per period, all types together (default 2 × households). */
  readonly comparisonHouseholds?: number;
  /** Cases of the case analysis (default 10, as in seed 003). */
  readonly cases?: number;
  /** First registration date (default 2023-01-01); registrations spread over one year. */
  readonly start?: number;
  /** Today (default 2025-09-01): no date after it. */
  readonly today?: number;
  readonly truths?: Truths;
  /** Only these outcomes get follow-up values drawn by the effect model (default all); for fast tests. */
  readonly outcomes?: readonly string[];
}

export interface Generated {
  readonly records: RegistrationRecord[];
  readonly comparison: ComparisonRow[];
  readonly cases: CaseLine[];
  readonly truths: Truths;
  /** The planted net effect (DiD, as a change: negative = fewer) per outcome, in its group. */
  readonly plantedNet: Readonly<Record<string, number>>;
  /** Planted LPBL 2.0 inputs (expected values). */
  readonly planted2: { readonly substitutionExisting: number; readonly substitutionNew: number };
  readonly today: number;
}

export const GENERATOR_DEFAULTS = { households: 400, seed: 1, cases: 10, start: dayNumber(2023, 1, 1), today: dayNumber(2025, 9, 1) } as const;

const pick = <T>(random: Random, items: readonly T[], weights: readonly number[]): T => {
  let u = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    u -= weights[i]!;
    if (u <= 0) return items[i]!;
  }
  return items[items.length - 1]!;
};
const bern = (random: Random, p: number) => random.next() < p;
/** Days from registration to each measurement (months × 30,44). */
const MONTH_DAYS: Readonly<Record<number, number>> = { 6: 183, 12: 365, 18: 548 };

/** The expected baseline share of an outcome per household type (debts and work from the reach's make-up). */
export function baselineOf(truths: Truths, outcome: string): PerType<number> {
  const mv = (t: HouseholdType) => 1 - truths.severity[t].ev;
  if (outcome === "schulden") return pt(...HOUSEHOLD_TYPES.map((t) => mv(t) * truths.debts[t] + (1 - mv(t)) * truths.debtsSingle) as [number, number, number]);
  if (outcome === "werk") return pt(...HOUSEHOLD_TYPES.map((t) => (t === "elderly" ? 0 : mv(t) * (1 - truths.noWork[t]) + (1 - mv(t)) * truths.workSingle)) as [number, number, number]);
  return truths.effects[outcome]!.baseline;
}

/** The planted net effect of an outcome in its group: −Σ_t w_t δ_t (work: +), w the type shares within the group. */
export function plantedNetEffect(truths: Truths, o: OutcomeSpec): number {
  const types = GROUP_TYPES[o.group];
  const weight = types.reduce((a, t) => a + truths.typeShares[t], 0);
  const e = truths.effects[o.id]!;
  const sum = types.reduce((a, t) => a + (truths.typeShares[t] / weight) * e.effect[t], 0);
  return o.moreIsBetter ? sum : -sum;
}

/** Draws a follow-up value: the baseline with probability ρ, else Bernoulli(q) with q such that E = p₀ + τ ∓ δ. */
function followUp(random: Random, y0: boolean, p0: number, e: PlantedEffect, t: HouseholdType, sign: number, share: number): boolean {
  const target = p0 + share * (e.trend + sign * e.effect[t]);
  const q = p0 + (target - p0) / (1 - e.persistence);
  if (q < -1e-12 || q > 1 + 1e-12) throw new Error(`interne fout in de generator: kans ${q} buiten 0…1 (verlaag het effect of de persistentie)`);
  return random.next() < e.persistence ? y0 : random.next() < q;
}

/** Synthetic registration, comparison area and cases. */
export function generateRegistration(options: GeneratorOptions = {}): Generated {
  const n = options.households ?? GENERATOR_DEFAULTS.households;
  const random = new Random(options.seed ?? GENERATOR_DEFAULTS.seed);
  const truths = options.truths ?? DEFAULT_TRUTHS;
  const start = options.start ?? GENERATOR_DEFAULTS.start;
  const today = options.today ?? GENERATOR_DEFAULTS.today;
  const only = options.outcomes ? new Set(options.outcomes) : null;
  const records: RegistrationRecord[] = [];
  const debtsAt = PROBLEM_INDEX.schulden;
  const nuisanceAt = PROBLEM_INDEX.overlast;
  const workAreaAt = PROBLEM_INDEX.werk;
  const substitutable = TRAJECTORIES.map((t) => t.substitutable);
  const otherAreas = PROBLEM_AREAS.map((_, i) => i).filter((i) => i !== debtsAt && i !== nuisanceAt && i !== workAreaAt);
  const follow = [6, 12, 18] as const;
  // Per outcome, once: its effect model, expected baseline per type, and the types it applies to.
  // (Arrays by outcome index rather than records by id: this loop makes hundreds of thousands of records for the bench.)
  const outcomePlans = OUTCOMES.map((o) => {
    const applies = (t: HouseholdType) => GROUP_TYPES[o.group].includes(t) || o.kind === "traject";
    return { effect: truths.effects[o.id]!, baseline: baselineOf(truths, o.id), applies: { families: applies("families"), elderly: applies("elderly"), other: applies("other") }, sign: o.moreIsBetter ? 1 : -1, drawn: !only || only.has(o.id) };
  });
  const O = Object.fromEntries(OUTCOMES.map((o, i) => [o.id, i])) as Record<string, number>;
  const trajectoryAt = TRAJECTORIES.map((t) => O[`traject_${t.id}`]!);
  const substitutableAt = TRAJECTORIES.map((_, j) => j).filter((j) => substitutable[j]);
  const free: number[] = [];
  const typeWeights = HOUSEHOLD_TYPES.map((t) => truths.typeShares[t]);
  const severityWeights = Object.fromEntries(HOUSEHOLD_TYPES.map((t) => [t, SEVERITIES.map((v) => truths.severity[t][v])])) as PerType<number[]>;
  const presence: Readonly<Record<number, number>> = { 6: 0.95, 12: 0.9, 18: 0.8 };

  for (let h = 0; h < n; h++) {
    const id = `HH-${String(h + 1).padStart(5, "0")}`;
    const type = pick(random, HOUSEHOLD_TYPES, typeWeights);
    const severity = pick(random, SEVERITIES, severityWeights[type]);
    const mv = severity !== "ev";
    const single = bern(random, truths.singleParent[type]);
    const composition: Composition = type === "families" ? (single ? "eenouder" : "tweeouder") : single ? "eenpersoons" : "meerpersoons";
    // Families: 1 + Poisson(mean − 1) children; the elderly may have adult children (not at home); others none.
    let children = 0;
    if (type === "families") {
      children = 1;
      const l = Math.exp(-(truths.childrenPerFamily - 1));
      let pr = random.next();
      while (pr > l && children < 20) {
        children++;
        pr *= random.next();
      }
    } else if (type === "elderly") children = random.nextInt(4);
    const childrenAtHome = type === "families" ? children : 0;
    const debts = mv ? bern(random, truths.debts[type]) : bern(random, truths.debtsSingle);
    const working = type === "elderly" ? false : mv ? !bern(random, truths.noWork[type]) : bern(random, truths.workSingle);
    const income: IncomeSource = type === "elderly" ? "pensioen" : working ? "werk" : pick(random, ["bijstand", "uwv", "overig"] as const, [0.7, 0.2, 0.1]);
    const nuisance = mv && bern(random, truths.nuisance[type]);
    // Problem areas: ev has at most one; mv two to five, debts and nuisance as drawn.
    const problems = new Array<boolean>(PROBLEM_AREAS.length).fill(false);
    problems[debtsAt] = debts;
    problems[nuisanceAt] = nuisance;
    if (mv) {
      problems[workAreaAt] = !working && type !== "elderly" && bern(random, 0.5);
      const wanted = 2 + random.nextInt(4);
      let count = problems.filter(Boolean).length;
      const order = Float64Array.from(otherAreas);
      random.shuffle(order);
      for (const i of order) if (count < wanted) {
        problems[i] = true;
        count++;
      }
    } else if (!debts && bern(random, 0.5)) problems[otherAreas[random.nextInt(otherAreas.length)]!] = true;
    const zrmForm = bern(random, 0.9); // 10% of the households are registered ja/nee with `zelfredzaam`
    const scores = problems.map((p) => (p ? 3 : 4 + random.nextInt(2)));
    if (severity === "nzr") {
      const areas = problems.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
      const acute = areas[random.nextInt(areas.length)]!;
      scores[acute] = 1 + random.nextInt(2);
      for (const i of areas) if (i !== acute && bern(random, 0.4)) scores[i] = 2;
    } else if (severity === "ev") for (let i = 0; i < scores.length; i++) if (problems[i]) scores[i] = 2 + random.nextInt(2);
    const newlyFound = bern(random, truths.newlyFound);
    const registered = start + random.nextInt(365);

    // Outcomes at the start, and the substitution draws.
    const y0 = outcomePlans.map((plan, k) => (k === O.schulden ? debts : k === O.werk ? working : bern(random, plan.effect.baseline[type])));
    const running0 = trajectoryAt.map((k) => y0[k]!);
    const teamChanges = new Array<number>(TRAJECTORY_COUNT).fill(0);
    let without = 0;
    for (let j = 0; j < TRAJECTORY_COUNT; j++) {
      if (!substitutable[j] || !running0[j]) continue;
      if (bern(random, truths.removal)) teamChanges[j] = -1;
    }
    if (!newlyFound) {
      for (let j = 0; j < TRAJECTORY_COUNT; j++) {
        if (!substitutable[j] || !running0[j] || !bern(random, truths.addition)) continue;
        free.length = 0;
        for (const k of substitutableAt) if (teamChanges[k] === 0 && !running0[k]) free.push(k);
        // With no substitutable type left to add (a rare draw) the addition is not made.
        if (free.length > 0) teamChanges[free[random.nextInt(free.length)]!] = 1;
      }
    } else {
      const needs = 1 + random.nextInt(truths.maxNeeds);
      for (let k = 0; k < needs; k++) {
        if (bern(random, truths.withoutTrajectory)) without++;
        else {
          free.length = 0;
          for (const i of substitutableAt) if (teamChanges[i] === 0) free.push(i);
          if (free.length > 0) teamChanges[free[random.nextInt(free.length)]!] = 1;
          else without++;
        }
      }
    }

    const lvb = bern(random, 0.05);
    const selfReliant = zrmForm ? null : severity !== "nzr";
    /** One record, every field in the order of RegistrationRecord (one object shape for all records). */
    const record = (m: Measurement, measured: number, income: IncomeSource, problems: (boolean | number)[], running: boolean[], teamChanges: number[], withoutTrajectory: number, y: readonly boolean[], closed: boolean, relapse: boolean | null): RegistrationRecord => {
      const kids = type === "families" && y[O.escalatie_ots_uhp!] ? 1 + random.nextInt(children > 1 ? children : 1) : 0;
      const ots = kids > 0 && bern(random, 0.6) ? kids : 0;
      return {
        row: 0,
        id,
        registered,
        measurement: m,
        measured,
        householdType: type,
        composition,
        children,
        childrenAtHome,
        income,
        minima: income !== "werk",
        lvb,
        newlyFound,
        selfReliant,
        problems,
        running,
        teamChanges,
        withoutTrajectory,
        eviction: y[O.escalatie_huisuitzetting!]!,
        otsChildren: type === "families" ? ots : null,
        uhpChildren: type === "families" ? (kids > 0 && ots === 0 ? kids : 0) : null,
        admissionVV: y[O.escalatie_opname_vv!]!,
        admissionGGZ: y[O.escalatie_opname_ggz!]!,
        closed,
        relapse,
      };
    };
    const problemValues = (debtsNow: boolean, improvement: number) =>
      problems.map((p, i): boolean | number => {
        if (!zrmForm) return i === debtsAt ? debtsNow : p && improvement < 1;
        if (i === debtsAt) return debtsNow ? (scores[i]! < 3 ? scores[i]! : 3) : 4;
        return p ? (scores[i]! + improvement < 5 ? scores[i]! + improvement : 5) : scores[i]!;
      });
    records.push(record(0, registered, income, problemValues(debts, 0), running0, new Array<number>(TRAJECTORY_COUNT).fill(0), 0, y0, false, null));
    let closed = false;
    let changesPlaced = false; // the team's changes go on the first follow-up measurement there is
    for (const m of follow) {
      const measured = registered + MONTH_DAYS[m]! + random.nextInt(15) - 7;
      if (measured > today || !bern(random, presence[m]!)) continue;
      // The effect grows in: half by meting 6, full by 12 and 18.
      const share = m === 6 ? 0.5 : 1;
      const y = outcomePlans.map((plan, k) => (!plan.drawn ? y0[k]! : plan.applies[type] ? followUp(random, y0[k]!, plan.baseline[type], plan.effect, type, plan.sign, share) : false));
      const improvement = m === 6 ? (bern(random, 0.4) ? 1 : 0) : pick(random, [0, 1, 2], [0.5, 0.35, 0.15]) + (m === 18 && bern(random, 0.1) ? 1 : 0);
      closed = closed || bern(random, m === 12 ? 0.5 : m === 18 ? 0.4 : 0.1);
      records.push(
        record(
          m,
          measured > registered ? measured : registered,
          type === "elderly" ? "pensioen" : y[O.werk!] ? "werk" : income === "werk" ? "bijstand" : income,
          problemValues(y[O.schulden!]!, improvement),
          trajectoryAt.map((k) => y[k]!),
          changesPlaced ? new Array<number>(TRAJECTORY_COUNT).fill(0) : teamChanges,
          changesPlaced ? 0 : without,
          y,
          closed,
          closed && m === 18 ? bern(random, 0.2) : closed ? false : null,
        ),
      );
      changesPlaced = true;
    }
  }

  // The comparison area: per period and type, households ∝ the type shares; counts Bin(n, p₀ + τ·[m > 0]).
  const nc = options.comparisonHouseholds ?? 2 * n;
  const comparison: ComparisonRow[] = [];
  for (const m of MEASUREMENTS) {
    for (const t of HOUSEHOLD_TYPES) {
      const households = Math.max(1, Math.round(nc * truths.typeShares[t]));
      const counts: Record<string, number> = {};
      for (const o of OUTCOMES) {
        const e = truths.effects[o.id]!;
        const applies = GROUP_TYPES[o.group].includes(t) || o.kind === "traject";
        const p = applies ? baselineOf(truths, o.id)[t] + (m === 0 ? 0 : m === 6 ? 0.5 : 1) * e.trend : 0;
        counts[o.comparisonHeader] = binomial(random, households, Math.min(1, Math.max(0, p)));
      }
      comparison.push({ row: 0, measurement: m, type: t, households, counts });
    }
  }

  const cases = generateCases(random, options.cases ?? GENERATOR_DEFAULTS.cases);
  const plantedNet: Record<string, number> = {};
  for (const o of OUTCOMES) plantedNet[o.id] = plantedNetEffect(truths, o);
  return { records, comparison, cases, truths, plantedNet, planted2: plantedSubstitution(truths), today };
}

/** The substitution the generator plants, as MKBA 2.0 defines it (registration.ts). */
export function plantedSubstitution(truths: Truths): { substitutionExisting: number; substitutionNew: number } {
  // Expected substitutable trajectories running at the start per household.
  const r0 = HOUSEHOLD_TYPES.reduce(
    (a, t) => a + truths.typeShares[t] * TRAJECTORIES.filter((j) => j.substitutable).reduce((b, j) => b + truths.effects[`traject_${j.id}`]!.baseline[t], 0),
    0,
  );
  const needs = (1 + truths.maxNeeds) / 2;
  const s = needs * truths.withoutTrajectory;
  const a = needs * (1 - truths.withoutTrajectory);
  return { substitutionExisting: truths.removal - truths.addition, substitutionNew: (s + truths.removal * r0) / (r0 + a + s) };
}

/**
 * Ten cases (seed 003: "bij tien casussen") in the style of seed 002's crisis team: with the approach, hours of the team
 * and a maatwerkbudget; without it, the professional expects an eviction with shelter, an OTS/UHP or GGZ admission, or
 * more trajectories. About seven in ten come out cheaper.
 */
function generateCases(random: Random, count: number): CaseLine[] {
  const lines: CaseLine[] = [];
  for (let c = 0; c < count; c++) {
    const caseId = `C-${String(c + 1).padStart(3, "0")}`;
    const add = (post: string, withApproach: number, withoutApproach: number) => lines.push({ row: 0, caseId, post, withApproach, withoutApproach });
    add("uur_team", 20 + random.nextInt(60), 4 + random.nextInt(8));
    add("maatwerk", 250 * (1 + random.nextInt(12)), 0);
    const heavy = random.next();
    if (heavy < 0.3) {
      add("ontruiming", 0, 1);
      add("opvang", 0, 1);
    } else if (heavy < 0.5) add("ots_uhp", 0, 1);
    else if (heavy < 0.65) add("opname_ggz", 0, 1);
    add("shv", random.nextInt(2), 1);
    add("amw", 1, 1 + random.nextInt(2));
  }
  return lines;
}

/** Records as the table of an export: the header row, then one row per record in the format's column order. */
export function recordsToRows(records: readonly RegistrationRecord[]): string[][] {
  const yesNo = (b: boolean | null) => (b === null ? "" : b ? "ja" : "nee");
  const oneZero = (b: boolean | null) => (b === null ? "" : b ? "1" : "0");
  const num = (x: number | null) => (x === null ? "" : String(x));
  const rows: string[][] = [COLUMNS.map((c) => c.header)];
  for (const r of records) {
    const cells: Record<string, string> = {
      id: r.id,
      datum_aanmelding: isoDate(r.registered),
      meting: String(r.measurement),
      datum_meting: isoDate(r.measured),
      huishoudtype: r.householdType === null ? "" : HOUSEHOLD_TYPE_CODE[r.householdType],
      samenstelling: r.composition ?? "",
      aantal_kinderen: num(r.children),
      kinderen_thuiswonend: num(r.childrenAtHome),
      inkomensbron: r.income ?? "",
      minima: yesNo(r.minima),
      lvb: yesNo(r.lvb),
      nieuw_gevonden: yesNo(r.newlyFound),
      zelfredzaam: yesNo(r.selfReliant),
      zonder_traject: num(r.withoutTrajectory),
      escalatie_huisuitzetting: yesNo(r.eviction),
      escalatie_ots_kinderen: num(r.otsChildren),
      escalatie_uhp_kinderen: num(r.uhpChildren),
      escalatie_opname_vv: yesNo(r.admissionVV),
      escalatie_opname_ggz: yesNo(r.admissionGGZ),
      afgesloten: yesNo(r.closed),
      terugval: yesNo(r.relapse),
    };
    PROBLEM_AREAS.forEach((p, i) => {
      const v = r.problems[i]!;
      cells[`probleem_${p.id}`] = v === null ? "" : typeof v === "number" ? String(v) : yesNo(v);
    });
    TRAJECTORIES.forEach((t, i) => {
      cells[`loopt_${t.id}`] = oneZero(r.running[i]!);
      cells[`team_${t.id}`] = r.teamChanges[i] === 0 ? "" : String(r.teamChanges[i]);
    });
    rows.push(COLUMNS.map((c) => cells[c.header] ?? ""));
  }
  return rows;
}

/** Comparison rows as a table. */
export function comparisonToRows(rows: readonly ComparisonRow[]): string[][] {
  const out: string[][] = [COMPARISON_COLUMNS.map((c) => c.header)];
  for (const r of rows) {
    out.push(COMPARISON_COLUMNS.map((c) => (c.header === "meting" ? String(r.measurement) : c.header === "huishoudtype" ? (r.type === "alle" ? "alle" : HOUSEHOLD_TYPE_CODE[r.type]) : c.header === "huishoudens" ? String(r.households) : r.counts[c.header] === undefined ? "" : String(r.counts[c.header]))));
  }
  return out;
}

/** Case lines as a table. */
export function casesToRows(lines: readonly CaseLine[]): string[][] {
  return [["casus", "post", "met_aanpak", "zonder_aanpak"], ...lines.map((l) => [l.caseId, l.post, String(l.withApproach).replace(".", ","), String(l.withoutApproach).replace(".", ",")])];
}

/** Renumbers records by their position in `recordsToRows` (row 2 = the first record), as a reader would. */
export function numbered(records: readonly RegistrationRecord[]): RegistrationRecord[] {
  return records.map((r, i) => ({ ...r, row: i + 2 }));
}
