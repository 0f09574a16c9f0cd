/**
 * The model engine's fast path (snelle route): the figures of a run as the decimal engine gives them (evaluate.ts) —
 * each the double nearest to its 40-digit result — at float speed, or `undefined`, and then the caller computes in
 * decimals. It never guesses: it follows every decimal operation of the decimal path, in the same order, as an
 * enclosure (enclosure.ts: a double-double with a bound on its distance to the decimal value), and answers only when
 * `provenNearest` proves every figure. The inputs are enclosed exactly where they can be: a parameter value a is the
 * decimal `String(a)` prints (what `new Dec(a)` reads; `readDecimalOfNumber`), a number in an expression the decimal
 * of its text (only when that is also the decimal of its double), a discount factor its double-double from the
 * factor table (|F − (hi + lo)| ≤ 2^−104·|hi|).
 *
 * It declines a run with an expression using "^" (decimal.js's power is not followed here), min/max of values it
 * cannot order, a division by a value that may be 0, magnitudes beyond [2^−300, 2^300] (and so every run in which the
 * decimal engine would report a problem), a horizon beyond the factor table's fast range, and any figure whose
 * enclosure reaches a rounding boundary — a figure that is exactly 0 after a cancellation of inexact amounts among
 * them, since its bound cannot shrink to 0.
 */
import { factorTable } from "../discounting";
import { provenNearest } from "../doubleDouble";
import { SLACK, add, compare, divide, multiply, multiplyByFactor, result as R, subtract } from "../enclosure";
import { readDecimalOfNumber } from "../netPresentValueFast";
import { Dec } from "../decimal";
import { Expression, expressionKey } from "./expression";
import { RatioFigure, RunFigures, partiesOf, scheduleOf } from "./run";
import { CompiledModel } from "./schema";

/** |t − (hi + lo)| ≤ 2^−104·|t| for a parameter's decimal t, ≤ 2^−103·|hi| (readDecimalOfNumber). */
const READ = 2 ** -103;

/** Enclose the decimal a number is read as: R = (hi, lo, err); false when out of range. */
function readNumber(a: number): boolean {
  if (!readDecimalOfNumber(a, R)) return false;
  R.err = R.lo === 0 && Number.isInteger(R.hi) ? 0 : READ * Math.abs(R.hi);
  return true;
}

/** Each expression number's enclosure, or null when its text is not the decimal of its double. */
function literal(e: Extract<Expression, { type: "number" }>): Float64Array | null {
  const n = e.value.toNumber();
  return new Dec(n).eq(e.value) && readNumber(n) ? Float64Array.of(R.hi, R.lo, R.err) : null;
}

/** The run being evaluated: each parameter's value after the overrides, and its enclosure once read (err NaN: not yet). */
let inputs: number[] = [];
let values = new Float64Array(0);

/** Encloses parameter i into R, read at its first use (so that an unused parameter never makes the fast path decline). */
function parameter(i: number): boolean {
  if (Number.isNaN(values[3 * i + 2]!)) {
    if (!readNumber(inputs[i]!)) return false;
    values[3 * i] = R.hi;
    values[3 * i + 1] = R.lo;
    values[3 * i + 2] = R.err;
    return true;
  }
  R.hi = values[3 * i]!;
  R.lo = values[3 * i + 1]!;
  R.err = values[3 * i + 2]!;
  return true;
}

/** An expression compiled for the fast path: evaluates into R, as evaluateToDecimal does in decimals; false to decline. */
type Evaluator = () => boolean;

const DECLINE: Evaluator = () => false;

function compileExpression(e: Expression, slots: ReadonlyMap<string, number>): Evaluator {
  switch (e.type) {
    case "number": {
      const l = literal(e);
      if (l === null) return DECLINE;
      const [h, lo, err] = [l[0]!, l[1]!, l[2]!];
      return () => {
        R.hi = h;
        R.lo = lo;
        R.err = err;
        return true;
      };
    }
    case "parameter": {
      const i = slots.get(e.key);
      return i === undefined ? DECLINE : () => parameter(i);
    }
    case "negate": {
      const operand = compileExpression(e.operand, slots);
      return () => {
        if (!operand()) return false;
        R.hi = -R.hi;
        R.lo = -R.lo;
        return true;
      };
    }
    case "call": {
      // decimal.js's min/max: left to right, y replaces x when it is smaller (larger), or equal and x has the
      // sign +1 (−1) — which for ±0 is Math.min/Math.max; equal nonzero values are the same value either way.
      const args = e.args.map((a) => compileExpression(a, slots));
      const n = e.name === "min" ? 1 : -1;
      return () => {
        if (!args[0]!()) return false;
        let xh = R.hi;
        let xl = R.lo;
        let ex = R.err;
        for (let i = 1; i < args.length; i++) {
          if (!args[i]!()) return false;
          const yh = R.hi;
          const yl = R.lo;
          const ey = R.err;
          const k = compare(xh, xl, ex, yh, yl, ey); // (compare uses R)
          if (k === undefined) return false;
          const sign = xh > 0 || Object.is(xh, 0) ? 1 : -1;
          if (k === n || (k === 0 && sign === n)) {
            xh = yh;
            xl = yl;
            ex = ey;
          }
        }
        R.hi = xh;
        R.lo = xl;
        R.err = ex;
        return true;
      };
    }
    case "binary": {
      if (e.operator === "^") return DECLINE;
      const left = compileExpression(e.left, slots);
      const right = compileExpression(e.right, slots);
      const operation = { "+": add, "-": subtract, "*": multiply, "/": divide }[e.operator];
      return () => {
        if (!left()) return false;
        const xh = R.hi;
        const xl = R.lo;
        const ex = R.err;
        if (!right()) return false;
        return operation(xh, xl, ex, R.hi, R.lo, R.err) !== false;
      };
    }
  }
}

/** The double nearest to the decimal value enclosed by (hi, lo, err), when proven; exact zeros keep their sign. */
function nearest(hi: number, lo: number, err: number): number | undefined {
  if (err === 0 && hi === 0 && lo === 0) return hi;
  return provenNearest(hi, lo, err * SLACK);
}

/** Adds (sign +1) or subtracts (−1) the enclosure (h, l, e) into the triple at `at` of `into`. */
function accumulate(into: Float64Array, at: number, sign: 1 | -1, h: number, l: number, e: number): void {
  add(into[at]!, into[at + 1]!, into[at + 2]!, sign < 0 ? -h : h, sign < 0 ? -l : l, e);
  into[at] = R.hi;
  into[at + 1] = R.lo;
  into[at + 2] = R.err;
}

/**
 * Adds (sign +1) or subtracts (−1) the enclosure (h, l, e) of a value tagged `tag` into the k-th triple of `into`,
 * whose tag is `tags[k]`, so that exact cancellations stay exact. A tag ≠ 0 says that the decimal is exactly the tag's
 * sign times one value, named by |tag|: two values with the same name are the same decimal (the same expressions of
 * the same parameters, evaluated in the same steps — see `planOf`). An exact zero plus a value is that value,
 * exactly (decimal.js adds nothing to it), and takes its tag; a tagged value plus an exact zero stays what it is; two
 * values with opposite tags add up to exactly +0 (x + −x in decimal.js); anything else is a plain sum, untagged.
 */
function accumulateTagged(into: Float64Array, tags: Int32Array, k: number, sign: 1 | -1, h: number, l: number, e: number, tag: number): void {
  const at = 3 * k;
  const own = tags[k]!;
  if (own === 0 && into[at] === 0 && into[at + 2] === 0 && !(h === 0 && e === 0)) {
    into[at] = sign < 0 ? -h : h;
    into[at + 1] = sign < 0 ? -l : l;
    into[at + 2] = e;
    tags[k] = sign * tag;
    return;
  }
  if (own !== 0 && h === 0 && e === 0) return; // x ± 0 is x, exactly (x is not an exact zero here)
  if (own !== 0 && own === -sign * tag) {
    into[at] = 0;
    into[at + 1] = 0;
    into[at + 2] = 0;
    tags[k] = 0;
    return;
  }
  accumulate(into, at, sign, h, l, e);
  tags[k] = 0;
}

/** One quantified effect as the fast path runs it, prepared once per model. */
interface EffectPlan {
  readonly effect: CompiledModel["effects"][number];
  /** Actor indices and signs of who loses (−1) and who gains (+1) the amount; second −1 when there is one party. */
  readonly first: number;
  readonly firstSign: 1 | -1;
  readonly second: number;
  readonly secondSign: 1 | -1;
  readonly category: number;
  /** The municipal totals this effect's NCW enters: costs, benefits (see the decimal path). */
  readonly municipalCosts: boolean;
  readonly municipalBenefits: boolean;
  readonly amount: Evaluator | null;
  readonly growth: Evaluator | null;
  readonly dropOff: Evaluator | null;
  readonly amounts: readonly Evaluator[] | null;
  /** Tags (see accumulateTagged): of the yearly amounts (explicit: one per year; a profile: base + year), of the NCW. */
  readonly amountTags: Int32Array | null;
  readonly profileTag: number;
  readonly ncwTag: number;
}

interface Plan {
  readonly slots: ReadonlyMap<string, number>;
  readonly effects: readonly EffectPlan[];
}

/**
 * The fast path's plan of a model, kept per model: expressions compiled to evaluators, names resolved to indices, and
 * the tags of the values that are the same decimal by construction — an effect's yearly amounts (the same amount,
 * growth and drop-off expressions give the same amount in the i-th year of any effect; an explicit yearly expression
 * the same amount wherever it stands) and its NCW (the same amounts from the same year on). A tag is
 * name · 256 + year (years < 256: LIMITS.horizon).
 */
const plans = new WeakMap<CompiledModel, Plan>();

function planOf(compiled: CompiledModel): Plan {
  let plan = plans.get(compiled);
  if (plan) return plan;
  const { model } = compiled;
  const slots = new Map(model.parameters.map((p, i) => [p.key, i] as const));
  const actorIndex = new Map(model.actors.map((a, index) => [a.name, index] as const));
  const municipal = (name: string | undefined) => model.actors[actorIndex.get(name!)!]!.municipal === true;
  const categoryIndex = new Map(model.categories.map((c, index) => [c.name, index] as const));
  const names = new Map<string, number>();
  const tag = (key: string): number => {
    let id = names.get(key);
    if (id === undefined) {
      id = names.size + 1;
      names.set(key, id);
    }
    return id * 256;
  };
  const compile = (x: Expression | null) => (x ? compileExpression(x, slots) : null);
  const effects: EffectPlan[] = [];
  for (const e of compiled.effects) {
    const { effect, side } = e;
    if (effect.nature === "pm") continue;
    const shares = partiesOf(e);
    const keys = e.amounts ? e.amounts.map(expressionKey) : null;
    const profile = keys ? "" : `${expressionKey(e.amount!)} ${e.growth ? expressionKey(e.growth) : "-"} ${e.dropOff ? expressionKey(e.dropOff) : "-"}`;
    effects.push({
      effect: e,
      first: actorIndex.get(shares[0]![0])!,
      firstSign: shares[0]![1],
      second: shares[1] ? actorIndex.get(shares[1][0])! : -1,
      secondSign: shares[1] ? shares[1][1] : 1,
      category: categoryIndex.get(effect.category)!,
      municipalCosts: side === "kosten" ? municipal(effect.actor) : side === "verdeling" && municipal(effect.from) && !municipal(effect.to),
      municipalBenefits:
        side === "baten" ? effect.nature === "financieel" && municipal(effect.actor) : side === "verdeling" && municipal(effect.to) && !municipal(effect.from),
      amount: compile(e.amount),
      growth: compile(e.growth),
      dropOff: compile(e.dropOff),
      amounts: e.amounts ? e.amounts.map((x) => compileExpression(x, slots)) : null,
      amountTags: keys ? Int32Array.from(keys, (key) => tag(`j ${key}`)) : null,
      profileTag: keys ? 0 : tag(`p ${profile}`),
      ncwTag: keys ? tag(`n ${e.start} ${keys.join(" ")}`) : tag(`n ${e.start} ${e.duration} ${profile}`),
    });
  }
  plan = { slots, effects };
  plans.set(compiled, plan);
  return plan;
}

/** Every triple of `triples` as its proven double, or undefined. */
function nearestAll(triples: Float64Array): Float64Array | undefined {
  const out = new Float64Array(triples.length / 3);
  for (let i = 0; i < out.length; i++) {
    const x = nearest(triples[3 * i]!, triples[3 * i + 1]!, triples[3 * i + 2]!);
    if (x === undefined) return undefined;
    out[i] = x;
  }
  return out;
}

/** A ratio numerator / |denominator| as the decimal path gives it, or undefined. */
function ratio(n: Float64Array, d: Float64Array): RatioFigure | undefined {
  if (d[0] === 0 && d[2] === 0) return "nul";
  const negative = d[0]! < 0;
  if (!divide(n[0]!, n[1]!, n[2]!, negative ? -d[0]! : d[0]!, negative ? -d[1]! : d[1]!, d[2]!)) return undefined;
  return nearest(R.hi, R.lo, R.err);
}

/** The figures of a run (see the module comment), or undefined when the fast path declines. */
export function fastFigures(compiled: CompiledModel, overrides: Readonly<Record<string, number>>): RunFigures | undefined {
  const { model } = compiled;
  const horizon = model.metadata.horizon;
  const table0 = factorTable(scheduleOf(compiled), 0, horizon);
  if (table0.fastLength < horizon) return undefined;
  const fHi = table0.hi;
  const fLo = table0.lo;

  const plan = planOf(compiled);
  const parameters = model.parameters;
  inputs = parameters.map((p) => p.value);
  for (const key of Object.keys(overrides)) {
    const i = plan.slots.get(key);
    if (i === undefined) return undefined;
    inputs[i] = overrides[key]!;
  }
  values = new Float64Array(3 * parameters.length);
  for (let i = 0; i < parameters.length; i++) values[3 * i + 2] = NaN;

  const actors = model.actors;
  const categories = model.categories.length;
  // Enclosures as triples (hi, lo, err), all starting as an exact +0 like the decimal path's ZERO, each with its tag.
  const table = new Float64Array(3 * actors.length * categories);
  const tableTags = new Int32Array(actors.length * categories);
  const byCategory = new Float64Array(3 * categories);
  const categoryTags = new Int32Array(categories);
  const flows = new Float64Array(3 * actors.length * horizon);
  const flowTags = new Int32Array(actors.length * horizon);
  const yearCosts = new Float64Array(3 * horizon);
  const yearBenefits = new Float64Array(3 * horizon);
  const totals = new Float64Array(3 * 5); // costs, benefits, financial benefits, municipal costs, municipal benefits
  const totalTags = new Int32Array(5);
  const COSTS = 0;
  const BENEFITS = 1;
  const FINANCIAL = 2;
  const MUNICIPAL_COSTS = 3;
  const MUNICIPAL_BENEFITS = 4;
  const effectNcw: number[] = [];

  for (const p of plan.effects) {
    const e = p.effect;
    const side = e.side;
    const firstAt = p.first * horizon;
    const secondAt = p.second * horizon;
    const years = side === "kosten" ? yearCosts : side === "baten" ? yearBenefits : undefined;
    const amountTags = p.amountTags;
    const amounts = p.amounts;
    // The yearly amount: explicit per year, or base × step^i with step = (1 + growth)·(1 − dropOff).
    let sh = 1;
    let sl = 0;
    let se = 0;
    let stepped = false;
    let ah = 0;
    let al = 0;
    let ae = 0;
    const count = amounts ? amounts.length : e.duration;
    if (!amounts) {
      if (p.growth) {
        if (!p.growth()) return undefined;
        add(1, 0, 0, R.hi, R.lo, R.err);
        sh = R.hi;
        sl = R.lo;
        se = R.err;
        stepped = true;
      }
      if (p.dropOff) {
        if (!p.dropOff()) return undefined;
        subtract(1, 0, 0, R.hi, R.lo, R.err);
        if (stepped && !multiply(sh, sl, se, R.hi, R.lo, R.err)) return undefined;
        sh = R.hi;
        sl = R.lo;
        se = R.err;
        stepped = true;
      }
      if (!p.amount!()) return undefined;
      ah = R.hi;
      al = R.lo;
      ae = R.err;
    }
    let nh = 0;
    let nl = 0;
    let ne = 0;
    for (let i = 0; i < count; i++) {
      if (amounts) {
        if (!amounts[i]!()) return undefined;
        ah = R.hi;
        al = R.lo;
        ae = R.err;
      } else if (i > 0 && stepped) {
        if (!multiply(ah, al, ae, sh, sl, se)) return undefined;
        ah = R.hi;
        al = R.lo;
        ae = R.err;
      }
      const t = e.start + i;
      if (!multiplyByFactor(ah, al, ae, fHi[t]!, fLo[t]!)) return undefined;
      add(nh, nl, ne, R.hi, R.lo, R.err);
      nh = R.hi;
      nl = R.lo;
      ne = R.err;
      const tag = amountTags ? amountTags[i]! : p.profileTag + i;
      accumulateTagged(flows, flowTags, firstAt + t, p.firstSign, ah, al, ae, tag);
      if (secondAt >= 0) accumulateTagged(flows, flowTags, secondAt + t, p.secondSign, ah, al, ae, tag);
      if (years) accumulate(years, 3 * t, 1, ah, al, ae);
    }
    const c = p.category;
    const tag = p.ncwTag;
    accumulateTagged(table, tableTags, p.first * categories + c, p.firstSign, nh, nl, ne, tag);
    if (secondAt >= 0) accumulateTagged(table, tableTags, p.second * categories + c, p.secondSign, nh, nl, ne, tag);
    if (side === "kosten") {
      accumulateTagged(totals, totalTags, COSTS, 1, nh, nl, ne, tag);
      accumulateTagged(byCategory, categoryTags, c, -1, nh, nl, ne, tag);
    } else if (side === "baten") {
      accumulateTagged(totals, totalTags, BENEFITS, 1, nh, nl, ne, tag);
      accumulateTagged(byCategory, categoryTags, c, 1, nh, nl, ne, tag);
      if (e.effect.nature === "financieel") accumulateTagged(totals, totalTags, FINANCIAL, 1, nh, nl, ne, tag);
    }
    if (p.municipalCosts) accumulateTagged(totals, totalTags, MUNICIPAL_COSTS, 1, nh, nl, ne, tag);
    if (p.municipalBenefits) accumulateTagged(totals, totalTags, MUNICIPAL_BENEFITS, 1, nh, nl, ne, tag);
    const ncw = nearest(nh, nl, ne);
    if (ncw === undefined) return undefined;
    effectNcw.push(ncw);
  }

  // Per actor: the sum of its categories; per year: the sum of the actors' flows (the decimal path's order).
  const byActor = new Float64Array(3 * actors.length);
  const actorTags = new Int32Array(actors.length);
  for (let a = 0; a < actors.length; a++) {
    for (let c = 0; c < categories; c++) {
      const k = a * categories + c;
      accumulateTagged(byActor, actorTags, a, 1, table[3 * k]!, table[3 * k + 1]!, table[3 * k + 2]!, tableTags[k]!);
    }
  }
  const yearSaldo = new Float64Array(3 * horizon);
  const saldoTags = new Int32Array(horizon);
  for (let t = 0; t < horizon; t++) {
    for (let a = 0; a < actors.length; a++) {
      const at = 3 * (a * horizon + t);
      accumulateTagged(yearSaldo, saldoTags, t, 1, flows[at]!, flows[at + 1]!, flows[at + 2]!, flowTags[a * horizon + t]!);
    }
  }
  const saldo = new Float64Array(3);
  const saldoTag = new Int32Array(1);
  accumulateTagged(saldo, saldoTag, 0, 1, totals[3 * BENEFITS]!, totals[3 * BENEFITS + 1]!, totals[3 * BENEFITS + 2]!, totalTags[BENEFITS]!);
  accumulateTagged(saldo, saldoTag, 0, -1, totals[3 * COSTS]!, totals[3 * COSTS + 1]!, totals[3 * COSTS + 2]!, totalTags[COSTS]!);

  // Payback (payback.ts): the first year from which the cumulative discounted saldo is ≥ 0 and stays so.
  let payback: number | null = null;
  let ch = 0;
  let cl = 0;
  let ce = 0;
  for (let t = 0; t < horizon; t++) {
    if (!multiplyByFactor(yearSaldo[3 * t]!, yearSaldo[3 * t + 1]!, yearSaldo[3 * t + 2]!, fHi[t]!, fLo[t]!)) return undefined;
    add(ch, cl, ce, R.hi, R.lo, R.err);
    ch = R.hi;
    cl = R.lo;
    ce = R.err;
    let nonNegative: boolean;
    if (ch === 0 && ce === 0) nonNegative = true;
    else if (ch - Math.abs(cl) > ce * SLACK) nonNegative = true;
    else if (ch + Math.abs(cl) < -ce * SLACK) nonNegative = false;
    else return undefined;
    if (nonNegative) payback ??= t;
    else payback = null;
  }

  const slice = (k: number) => totals.subarray(3 * k, 3 * k + 3);
  const social = ratio(slice(BENEFITS), slice(COSTS));
  const financial = ratio(slice(FINANCIAL), slice(COSTS));
  const municipalRatio = ratio(slice(MUNICIPAL_BENEFITS), slice(MUNICIPAL_COSTS));
  if (social === undefined || financial === undefined || municipalRatio === undefined) return undefined;
  const figures = [table, byActor, byCategory, flows, yearCosts, yearBenefits, yearSaldo].map(nearestAll);
  const [costs, benefits, financialBenefits, total] = [COSTS, BENEFITS, FINANCIAL].map((k) => nearest(totals[3 * k]!, totals[3 * k + 1]!, totals[3 * k + 2]!)).concat([nearest(saldo[0]!, saldo[1]!, saldo[2]!)]);
  if (figures.some((f) => f === undefined) || costs === undefined || benefits === undefined || financialBenefits === undefined || total === undefined) return undefined;
  const [tableFigures, byActorFigures, byCategoryFigures, flowFigures, yearCostFigures, yearBenefitFigures, yearSaldoFigures] = figures as Float64Array[];
  return {
    effects: effectNcw,
    table: tableFigures!,
    byActor: byActorFigures!,
    byCategory: byCategoryFigures!,
    costs,
    benefits,
    financialBenefits,
    saldo: total,
    ratios: { social, financial, municipal: municipalRatio },
    flows: flowFigures!,
    yearCosts: yearCostFigures!,
    yearBenefits: yearBenefitFigures!,
    yearSaldo: yearSaldoFigures!,
    payback,
  };
}
