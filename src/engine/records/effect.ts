/**
 * MKBA 3.0 (effectmeting): the effect measurement of seed 001_89b8683f98a68fb5.txt §5.3 ("MKBA 3.0 en verder", regels
 * 857–863, and regels 895–897) — per trajectory type, escalation and living situation, the approach area over its
 * measurements against a comparison area (aggregated counts per period suffice; Figuur 4.6):
 *
 * - gross effect (bruto-effectiviteit, regel 895): the change in the approach area between the nulmeting and the
 *   follow-up, over the households with both (paired);
 * - net effect (netto-effectiviteit, regel 897): the difference-in-differences, gross minus the change in the
 *   comparison area over the same periods;
 * - implied attribution: net ÷ gross (seed 001 Tabel 4.7: "incl. aanname attributie vaak 50%"), where both point the
 *   same way;
 * - a 95% interval of the net effect: percentile bootstrap over the approach's households (resampled with replacement:
 *   per outcome the counts of the five before/after categories are drawn from their multinomial, which is what
 *   resampling households gives for one outcome), the comparison counts redrawn binomially per replicate; seeded.
 *
 * The net effects feed C.2/C.3 of the LPBL screen (PARAMETERS below) in the scenario "MKBA 3.0 (effectmeting)", each with
 * its interval as the uncertainty (a normal distribution whose 2,5% and 97,5% points are the interval's ends) that the
 * tornado and the Monte Carlo of that scenario use (uncertainty3.ts). ZRM development (Zelfredzaamheidsmatrix, regel
 * 859: "de ontwikkeling van de zelfredzaamheidsscores") is shown per problem area, gross only: a comparison area has no
 * ZRM scores.
 */
import type { HouseholdType } from "../models/lpbl/inputs";
import { formatCount } from "../model/limits";
import { BOOTSTRAP_DEFAULTS, BOOTSTRAP_LIMITS, Interval, Random, binomial, percentileInterval } from "./bootstrap";
import { ComparisonRow, comparisonCounts } from "./comparison";
import { MEASUREMENTS, Measurement, PROBLEM_AREAS, RegistrationRecord } from "./format";
import { Household, MEASUREMENT_SLOT, householdsOf } from "./households";
import { GROUP_LABELS, GROUP_TYPES, OUTCOMES, OutcomeGroup, OutcomeSpec } from "./outcomes";
import { Suppression, aggregateShown } from "./privacy";

export interface EffectOptions extends Suppression {
  /** The follow-up measurement compared with the nulmeting (default 12: the first year of the approach). */
  readonly followUp?: Exclude<Measurement, 0>;
  readonly replicates?: number;
  readonly seed?: number;
  /** Only these outcomes (default all). */
  readonly outcomes?: readonly string[];
  /** Leave out the ZRM development (faster, for tests of the net effects). */
  readonly zrm?: boolean;
  /** The records' households when the caller has them already (householdsOf(records)). */
  readonly households?: readonly Household[];
}

export interface Shares {
  /** Households with both measurements and the outcome filled in at both. */
  readonly households: number;
  readonly before: number;
  readonly after: number;
}

export interface OutcomeEffect {
  readonly outcome: OutcomeSpec;
  readonly groupLabel: string;
  /** The approach area, paired over households; null when no household has both measurements. */
  readonly approach: Shares | null;
  /** The comparison area's counts at the nulmeting period and the follow-up period; null when not counted. */
  readonly comparison: { readonly before: { households: number; count: number }; readonly after: { households: number; count: number } } | null;
  /** Gross effect: the change in the approach area (after − before, as a share). */
  readonly gross: number | null;
  /** Net effect: gross − the change in the comparison area (difference-in-differences). */
  readonly net: number | null;
  readonly interval: Interval | null;
  /** net ÷ gross where both have the same sign and gross ≠ 0. */
  readonly attribution: number | null;
  /** Not shown: fewer households than the threshold. */
  readonly suppressed: boolean;
  /** Bootstrap replicates of the net effect and of the approach's share before (for derived parameters); internal. */
  readonly replicates?: { readonly net: Float64Array; readonly before: Float64Array };
}

export interface ZrmDevelopment {
  readonly area: string;
  readonly label: string;
  /** Households with this area a problem (ZRM ≤ 3) at the start, scored at both measurements. */
  readonly households: number;
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
  readonly interval: Interval | null;
  readonly suppressed: boolean;
}

/** An LPBL parameter fed by the measurement. */
export interface MeasuredParameter {
  readonly key: string;
  /** Alternative keys (an older or newer LPBL model), tried in order when `key` is not in the model. */
  readonly alternatives: readonly string[];
  readonly label: string;
  readonly outcome: string;
  readonly value: number;
  readonly interval: Interval;
  readonly households: number;
  readonly how: string;
}

export interface EffectMeasurement {
  readonly followUp: Measurement;
  readonly replicates: number;
  readonly seed: number;
  readonly threshold: number;
  readonly households: number;
  /** Households with a nulmeting and the follow-up measurement. */
  readonly paired: number;
  readonly hasComparison: boolean;
  readonly outcomes: readonly OutcomeEffect[];
  readonly zrm: readonly ZrmDevelopment[];
  readonly parameters: readonly MeasuredParameter[];
}

/**
 * The LPBL inputs of C.2/C.3 the measurement feeds (seed 001 Bijlage 2 deel C; issue 19's inputs.ts): the net prevented
 * escalation per household type, evictions among all households, and the success of debt assistance and of work.
 */
const PARAMETERS: readonly { key: string; alternatives: string[]; label: string; outcome: string; how: string; value: (net: number, before: number) => number | null }[] = [
  { key: "escalatie_gezinnen", alternatives: [], label: "C.3 Voorkomen escalatie gezinnen (OTS/UHP)", outcome: "escalatie_ots_uhp", how: "− netto verandering OTS/UHP bij gezinnen", value: (net) => -net },
  { key: "escalatie_ouderen", alternatives: [], label: "C.3 Voorkomen escalatie ouderen (opname V&V)", outcome: "escalatie_opname_vv", how: "− netto verandering opname V&V bij ouderen", value: (net) => -net },
  { key: "escalatie_overig", alternatives: [], label: "C.3 Voorkomen escalatie overige hh (opname GGZ)", outcome: "escalatie_opname_ggz", how: "− netto verandering opname GGZ bij overige hh", value: (net) => -net },
  {
    key: "escalatie_huisuitzetting",
    alternatives: ["kg_escalatie_huisuitzetting"],
    label: "C.3 Voorkomen huisuitzettingen (alle hh)",
    outcome: "escalatie_huisuitzetting",
    how: "− netto verandering huisuitzettingen bij alle hh",
    value: (net) => -net,
  },
  { key: "succes_schuldhulp", alternatives: [], label: "C.2 Succes schuldhulp", outcome: "schulden", how: "− netto verandering problematische schulden ÷ aandeel met schulden bij aanvang", value: (net, before) => (before > 0 ? -net / before : null) },
  { key: "succes_werk", alternatives: [], label: "C.2 Succes direct naar werk", outcome: "werk", how: "netto verandering inkomen uit werk ÷ aandeel zonder werk bij aanvang (gezinnen en overige hh)", value: (net, before) => (before < 1 ? net / (1 - before) : null) },
];

/**
 * Counts drawn from the multinomial (n; weights ÷ Σ weights) by conditional binomials, into `out`: the first `draws`
 * categories (the others share what is left, in the last of them).
 */
function multinomial(random: Random, n: number, weights: readonly number[], out: number[], draws = weights.length): void {
  let left = n;
  let rest = 0;
  for (let i = 0; i < weights.length; i++) rest += weights[i]!;
  for (let i = 0; i < weights.length; i++) {
    if (i >= draws) {
      out[i] = i === weights.length - 1 ? left : 0;
      continue;
    }
    const w = weights[i]!;
    const x = i === weights.length - 1 || rest <= 0 || left === 0 ? left : w >= rest ? left : binomial(random, left, w / rest);
    out[i] = x;
    left -= x;
    rest -= w;
  }
}

/** Outcomes a parameter relates to the share at the start (succes schuldhulp, succes werk). */
const USES_BEFORE: ReadonlySet<string> = new Set(["schulden", "werk"]);

/** Approach-area data of one group: per outcome, per paired household, the value before and after (−1 missing). */
interface GroupData {
  readonly households: Household[];
  readonly before: Int8Array[];
  readonly after: Int8Array[];
}

/**
 * Every wanted outcome of every paired household (a nulmeting and the follow-up, a household type), before and after,
 * in one pass over the households: household-major, so that each household's records are read once (visiting the
 * 100.000 records once per outcome made this memory-bound).
 */
interface PairedCodes {
  readonly households: readonly Household[];
  /** [household × outcome]: 1, 0, or −1 for missing. */
  readonly before: Int8Array;
  readonly after: Int8Array;
}

function pairedCodes(households: readonly Household[], outcomes: readonly OutcomeSpec[], slot: number): PairedCodes {
  const hs = households.filter((h) => h.hasNulmeting && h.measurements[slot] !== undefined && h.baseline.householdType !== null);
  const k = outcomes.length;
  const before = new Int8Array(hs.length * k);
  const after = new Int8Array(hs.length * k);
  const code = (v: boolean | null) => (v === null ? -1 : v ? 1 : 0);
  for (let i = 0; i < hs.length; i++) {
    const x = hs[i]!.measurements[0]!;
    const y = hs[i]!.measurements[slot]!;
    for (let j = 0; j < k; j++) {
      before[i * k + j] = code(outcomes[j]!.value(x));
      after[i * k + j] = code(outcomes[j]!.value(y));
    }
  }
  return { households: hs, before, after };
}

/** One group's columns of the paired codes. */
function groupData(paired: PairedCodes, all: readonly OutcomeSpec[], types: readonly HouseholdType[], outcomes: readonly OutcomeSpec[]): GroupData {
  const index: number[] = [];
  paired.households.forEach((h, i) => {
    if (types.includes(h.baseline.householdType!)) index.push(i);
  });
  const k = all.length;
  const column = (codes: Int8Array, j: number) => {
    const out = new Int8Array(index.length);
    for (let i = 0; i < index.length; i++) out[i] = codes[index[i]! * k + j]!;
    return out;
  };
  const at = outcomes.map((o) => all.indexOf(o));
  return { households: index.map((i) => paired.households[i]!), before: at.map((j) => column(paired.before, j)), after: at.map((j) => column(paired.after, j)) };
}

/** The effect measurement of the records against the comparison area (empty when there is none). */
export function measureEffects(records: readonly RegistrationRecord[], comparison: readonly ComparisonRow[], options: EffectOptions): EffectMeasurement {
  const followUp = options.followUp ?? 12;
  const replicates = options.replicates ?? BOOTSTRAP_DEFAULTS.replicates;
  if (!Number.isInteger(replicates) || replicates < BOOTSTRAP_LIMITS.minReplicates || replicates > BOOTSTRAP_LIMITS.maxReplicates) {
    throw new RangeError(`het aantal bootstraptrekkingen is een geheel getal van ${formatCount(BOOTSTRAP_LIMITS.minReplicates)} t/m ${formatCount(BOOTSTRAP_LIMITS.maxReplicates)}`);
  }
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const s: Suppression = { threshold: options.threshold };
  const random = new Random(seed);
  const households = options.households ?? householdsOf(records);
  const slot = MEASUREMENT_SLOT[followUp];
  const wanted = options.outcomes ? OUTCOMES.filter((o) => options.outcomes!.includes(o.id)) : OUTCOMES;
  const results = new Map<string, OutcomeEffect>();

  // Per group of household types: its households' columns, the point estimates and the bootstrap of each outcome.
  const groups = [...new Set(wanted.map((o) => o.group))] as OutcomeGroup[];
  const paired = pairedCodes(households, wanted, slot);
  for (const group of groups) {
    const outcomes = wanted.filter((o) => o.group === group);
    const data = groupData(paired, wanted, GROUP_TYPES[group], outcomes);
    const n = data.households.length;
    const comp = outcomes.map((o) => {
      const before = comparisonCounts(comparison, o.comparisonHeader, GROUP_TYPES[group], 0);
      const after = comparisonCounts(comparison, o.comparisonHeader, GROUP_TYPES[group], followUp);
      return before && after ? { before, after } : null;
    });
    // Point estimates.
    const point = outcomes.map((_, k) => {
      let sum0 = 0;
      let sum1 = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const b = data.before[k]![i]!;
        const a = data.after[k]![i]!;
        if (b < 0 || a < 0) continue;
        sum0 += b;
        sum1 += a;
        count++;
      }
      return count > 0 ? { households: count, before: sum0 / count, after: sum1 / count } : null;
    });
    // Per outcome the paired households (both values filled in) fall into four categories by their values before and
    // after: 0→1, 1→0, 1→1, 0→0. Resampling those households with replacement draws these counts from the multinomial
    // with the observed shares, which is drawn directly (conditional binomials) instead of household by household —
    // only as far as needed: the net effect needs 0→1 and 1→0, a parameter relative to the start also 1→1.
    const bootstrap = outcomes.map(() => ({ net: new Float64Array(replicates).fill(NaN), before: new Float64Array(replicates).fill(NaN) }));
    const measurable = outcomes.map((_, k) => point[k] !== null && comp[k] !== null && aggregateShown(point[k]!.households, s));
    outcomes.forEach((o, k) => {
      const c = comp[k];
      if (!measurable[k] || !c) return;
      const cells = [0, 0, 0, 0];
      for (let i = 0; i < n; i++) {
        const b = data.before[k]![i]!;
        const a = data.after[k]![i]!;
        if (b >= 0 && a >= 0) cells[b === 0 ? (a === 1 ? 0 : 3) : a === 0 ? 1 : 2]!++;
      }
      const count = cells[0]! + cells[1]! + cells[2]! + cells[3]!;
      const categories = USES_BEFORE.has(o.id) ? 3 : 2;
      const drawn = [0, 0, 0, 0];
      const p0 = c.before.count / c.before.households;
      const p1 = c.after.count / c.after.households;
      for (let r = 0; r < replicates; r++) {
        multinomial(random, count, cells, drawn, categories);
        const c0 = binomial(random, c.before.households, p0) / c.before.households;
        const c1 = binomial(random, c.after.households, p1) / c.after.households;
        bootstrap[k]!.net[r] = (drawn[0]! - drawn[1]!) / count - (c1 - c0);
        if (categories === 3) bootstrap[k]!.before[r] = (drawn[1]! + drawn[2]!) / count;
      }
    });
    outcomes.forEach((o, k) => {
      const p = point[k]!;
      const c = comp[k]!;
      const shown = p !== null && aggregateShown(p.households, s);
      const gross = shown ? p.after - p.before : null;
      const net = shown && c ? gross! - (c.after.count / c.after.households - c.before.count / c.before.households) : null;
      const interval = net !== null && measurable[k] ? percentileInterval(bootstrap[k]!.net) : null;
      results.set(o.id, {
        outcome: o,
        groupLabel: GROUP_LABELS[group],
        approach: p === null ? null : shown ? p : { households: p.households, before: NaN, after: NaN },
        comparison: c,
        gross,
        net,
        interval,
        attribution: gross !== null && net !== null && gross !== 0 && Math.sign(gross) === Math.sign(net) ? net / gross : null,
        suppressed: p !== null && !shown,
        ...(net !== null ? { replicates: bootstrap[k]! } : {}),
      });
    });
  }

  const outcomes = wanted.map((o) => results.get(o.id)!);
  const parameters: MeasuredParameter[] = [];
  for (const spec of PARAMETERS) {
    const r = results.get(spec.outcome);
    if (!r || r.net === null || !r.replicates || !r.approach || !r.interval) continue;
    const value = spec.value(r.net, r.approach.before);
    if (value === null) continue;
    const reps = new Float64Array(replicates);
    for (let b = 0; b < replicates; b++) reps[b] = spec.value(r.replicates.net[b]!, r.replicates.before[b]!) ?? NaN;
    const interval = percentileInterval(reps);
    if (!interval) continue;
    parameters.push({ key: spec.key, alternatives: spec.alternatives, label: spec.label, outcome: spec.outcome, value, interval, households: r.approach.households, how: spec.how });
  }

  const pairedCount = households.filter((h) => h.hasNulmeting && h.measurements[slot] !== undefined).length;
  return {
    followUp,
    replicates,
    seed,
    threshold: options.threshold,
    households: households.length,
    paired: pairedCount,
    hasComparison: comparison.length > 0,
    outcomes,
    zrm: options.zrm === false ? [] : zrmDevelopment(households, slot, replicates, random, s),
    parameters,
  };
}

/**
 * ZRM development per problem area among the households with that problem at the start (ZRM ≤ 3), scored at both: the
 * mean score before and after, and a percentile-bootstrap interval of the mean change.
 */
function zrmDevelopment(households: readonly Household[], slot: number, replicates: number, random: Random, s: Suppression): ZrmDevelopment[] {
  // One pass over the households: per area the scores before and after of those with that problem at the start.
  const before: number[][] = PROBLEM_AREAS.map(() => []);
  const after: number[][] = PROBLEM_AREAS.map(() => []);
  for (const h of households) {
    const x0 = h.measurements[0];
    const y0 = h.measurements[slot];
    if (!x0 || !y0) continue;
    for (let a = 0; a < PROBLEM_AREAS.length; a++) {
      const x = x0.problems[a];
      const y = y0.problems[a];
      if (typeof x !== "number" || typeof y !== "number" || x > 3) continue;
      before[a]!.push(x);
      after[a]!.push(y);
    }
  }
  return PROBLEM_AREAS.map((area, a) => {
    const b = before[a]!;
    const f = after[a]!;
    const n = b.length;
    const shown = aggregateShown(n, s);
    if (n === 0 || !shown) return { area: area.id, label: area.label, households: n, before: null, after: null, change: null, interval: null, suppressed: n > 0 };
    const mean = (xs: number[]) => xs.reduce((p, q) => p + q, 0) / xs.length;
    // A household's change is a whole number −4 … +4: resampling households draws the counts of these nine changes
    // from their multinomial, drawn directly as for the outcomes above.
    const changes = new Array<number>(9).fill(0);
    for (let i = 0; i < n; i++) changes[f[i]! - b[i]! + 4]!++;
    const drawn = new Array<number>(9).fill(0);
    const reps = new Float64Array(replicates);
    for (let b = 0; b < replicates; b++) {
      multinomial(random, n, changes, drawn);
      let sum = 0;
      for (let c = 0; c < 9; c++) sum += (c - 4) * drawn[c]!;
      reps[b] = sum / n;
    }
    const m0 = mean(b);
    const m1 = mean(f);
    return { area: area.id, label: area.label, households: n, before: m0, after: m1, change: m1 - m0, interval: percentileInterval(reps), suppressed: false };
  });
}

export const SCENARIO_3 = "MKBA 3.0 (effectmeting)";

export { MEASUREMENTS };
