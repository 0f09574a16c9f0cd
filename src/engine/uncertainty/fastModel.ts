/**
 * A float-compiled model (snel rekenmodel): a validated model compiled once into plain-number closures, so that the
 * saldo, costs, benefits and the three ratios of one parameter vector cost microseconds — what the tornado's scan and
 * root search and a Monte Carlo run of thousands of draws need. The exact engine (runModel, 40 decimal digits) stays
 * the authority: this follows its semantics step by step (profiles with growth and dropOff, amounts per year,
 * transfers, PM posts, the ratios' null cases) in binary floating point, with the discount factors taken once from the
 * exact engine's DiscountSchedule.
 *
 * How far it can differ (docs/onzekerheid.md): every figure within 1e-9 of the exact engine, relative to the larger of
 * the figure itself and its scale (the sum of the absolute present values that make it up); in practice the difference
 * is about 1e-14. Where floating point cannot promise that — a division by (nearly) zero, a power that is not a finite
 * real number, an intermediate beyond ±1e300, a ratio whose denominator nearly cancels — `evaluate` answers null and
 * the caller asks the exact engine for that point. It computes no cash flows per year and no payback year.
 */
import { ZERO } from "../decimal";
import { CompiledModel, scenarioOverrides, scheduleOf } from "../model";
import type { Expression } from "../model/expression";

/** The outcomes of one parameter vector (uitkomsten), in euro of the price base year. */
export interface FastOutcome {
  costs: number;
  benefits: number;
  financialBenefits: number;
  municipalCosts: number;
  municipalBenefits: number;
  saldo: number;
  /** Maatschappelijke baten-kostenratio, null where the exact engine's is null. */
  ratio: number | null;
  ratioFinancial: number | null;
  ratioMunicipal: number | null;
}

type Compiled = (v: Float64Array) => number;

/** Beyond this an intermediate might overflow where the exact engine does not (or the other way round): ask the exact engine. */
const SAFE = 1e300;
/** A denominator this small against its own terms may be 0 in exact arithmetic: ask the exact engine. */
const CANCELLATION = 1e-9;

interface FastEffect {
  readonly kind: 0 | 1 | 2; // kosten, baten, verdeling
  readonly financial: boolean;
  readonly municipalActor: boolean;
  readonly fromMunicipal: boolean;
  readonly toMunicipal: boolean;
  readonly start: number;
  readonly duration: number;
  readonly amount: Compiled | null;
  readonly amounts: readonly Compiled[] | null;
  readonly growth: Compiled | null;
  readonly dropOff: Compiled | null;
}

export interface FastModel {
  readonly compiled: CompiledModel;
  /** Parameter keys in model order: the index of a key is its place in a parameter vector. */
  readonly keys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** The parameter vector of a scenario (its overrides over the parameters' values); undefined for an unknown scenario. */
  vector(scenario?: string): Float64Array | undefined;
  /** Outcomes for a parameter vector, or null where the exact engine must decide (see the module comment). */
  evaluate(values: Float64Array, into?: FastOutcome): FastOutcome | null;
}

/** An expression as a closure over a parameter vector; NaN where the exact engine fails or floating point cannot tell. */
export function compileExpression(expression: Expression, indexOf: ReadonlyMap<string, number>): Compiled {
  const constant = (x: number): Compiled => () => x;
  const walk = (e: Expression): Compiled | number => {
    switch (e.type) {
      case "number":
        return e.value.toNumber();
      case "parameter": {
        const i = indexOf.get(e.key);
        if (i === undefined) return NaN; // validation rules this out; the exact engine would fail too
        return (v) => v[i]!;
      }
      case "negate": {
        const o = walk(e.operand);
        if (typeof o === "number") return -o;
        return (v) => -o(v);
      }
      case "call": {
        const args = e.args.map(walk);
        const min = e.name === "min";
        if (args.every((a) => typeof a === "number")) return pick(args as number[], min);
        const fs = args.map((a) => (typeof a === "number" ? constant(a) : a));
        // An infinite argument may be a finite decimal in the exact engine: NaN (ask the exact engine), never a pick.
        if (fs.length === 2) {
          const [a, b] = fs as [Compiled, Compiled];
          return min
            ? (v) => {
                const x = a(v);
                const y = b(v);
                return Number.isFinite(x) && Number.isFinite(y) ? (x < y ? x : y) : NaN;
              }
            : (v) => {
                const x = a(v);
                const y = b(v);
                return Number.isFinite(x) && Number.isFinite(y) ? (x > y ? x : y) : NaN;
              };
        }
        return (v) => pick(fs.map((f) => f(v)), min);
      }
      case "binary": {
        const l = walk(e.left);
        const r = walk(e.right);
        const op = BINARY[e.operator];
        if (typeof l === "number" && typeof r === "number") return op(l, r);
        if (typeof l === "number") {
          const b = r as Compiled;
          if (e.operator === "*") return (v) => l * b(v);
          if (e.operator === "+") return (v) => l + b(v);
          if (e.operator === "-") return (v) => l - b(v);
          return (v) => op(l, b(v));
        }
        if (typeof r === "number") {
          if (e.operator === "*") return (v) => l(v) * r;
          if (e.operator === "+") return (v) => l(v) + r;
          if (e.operator === "-") return (v) => l(v) - r;
          if (e.operator === "/" && r !== 0 && Number.isFinite(r)) return (v) => l(v) / r;
          return (v) => op(l(v), r);
        }
        const a = l;
        const b = r;
        switch (e.operator) {
          case "+":
            return (v) => a(v) + b(v);
          case "-":
            return (v) => a(v) - b(v);
          case "*":
            return (v) => a(v) * b(v);
          default:
            return (v) => op(a(v), b(v));
        }
      }
    }
  };
  const result = walk(expression);
  return typeof result === "number" ? constant(result) : result;
}

// Only + − × of finite numbers can stay unchecked: an infinity they make propagates to the end (or becomes NaN) and is
// caught there. Division and power can turn an infinity into a finite number, so they check their operands.
const BINARY: Readonly<Record<"+" | "-" | "*" | "/" | "^", (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => (b === 0 || !Number.isFinite(a) || !Number.isFinite(b) ? NaN : a / b),
  "^": (a, b) => {
    if (!Number.isFinite(a) || !Number.isFinite(b)) return NaN;
    const p = Math.pow(a, b);
    return Number.isFinite(p) ? p : NaN;
  },
};

function pick(xs: readonly number[], min: boolean): number {
  let best = xs[0]!;
  for (const x of xs) {
    if (!Number.isFinite(x)) return NaN;
    if (min ? x < best : x > best) best = x;
  }
  return best;
}

/** Compiles a validated model once; `evaluate` then costs a few operations per effect-year. */
export function compileFastModel(compiled: CompiledModel): FastModel {
  const { model } = compiled;
  const keys = model.parameters.map((p) => p.key);
  const indexOf = new Map(keys.map((k, i) => [k, i] as const));
  const municipal = new Set(model.actors.filter((a) => a.municipal).map((a) => a.name));
  const hasMunicipal = municipal.size > 0;
  const horizon = model.metadata.horizon;
  const factors = Float64Array.from(scheduleOf(compiled).factors(ZERO, horizon).map((f) => f.toNumber()));
  const expression = (e: Expression | null): Compiled | null => (e === null ? null : compileExpression(e, indexOf));
  const effects: FastEffect[] = [];
  for (const e of compiled.effects) {
    if (e.effect.nature === "pm") continue; // a PM post has no amount: NCW 0 everywhere
    effects.push({
      kind: e.side === "kosten" ? 0 : e.side === "baten" ? 1 : 2,
      financial: e.effect.nature === "financieel",
      municipalActor: e.effect.actor !== undefined && municipal.has(e.effect.actor),
      fromMunicipal: e.effect.from !== undefined && municipal.has(e.effect.from),
      toMunicipal: e.effect.to !== undefined && municipal.has(e.effect.to),
      start: e.start,
      duration: e.duration,
      amount: expression(e.amount),
      amounts: e.amounts ? e.amounts.map((a) => compileExpression(a, indexOf)) : null,
      growth: expression(e.growth),
      dropOff: expression(e.dropOff),
    });
  }
  const base = Float64Array.from(model.parameters.map((p) => p.value));

  const vector = (scenario?: string): Float64Array | undefined => {
    const overrides = scenarioOverrides(compiled, scenario ?? model.metadata.baseScenarioName);
    if (!overrides) return undefined;
    const v = Float64Array.from(base);
    for (const [key, value] of Object.entries(overrides)) {
      const i = indexOf.get(key);
      if (i !== undefined) v[i] = value;
    }
    return v;
  };

  const evaluate = (v: Float64Array, into?: FastOutcome): FastOutcome | null => {
    let costs = 0;
    let benefits = 0;
    let financialBenefits = 0;
    let municipalCosts = 0;
    let municipalBenefits = 0;
    // Scales: the sums of absolute present values, against which a near-zero denominator is judged.
    let costScale = 0;
    let municipalCostScale = 0;
    for (let k = 0; k < effects.length; k++) {
      const e = effects[k]!;
      let ncw = 0;
      let scale = 0;
      if (e.amounts !== null) {
        for (let i = 0; i < e.amounts.length; i++) {
          const amount = e.amounts[i]!(v);
          if (!(amount < SAFE && amount > -SAFE)) return null;
          const term = amount * factors[e.start + i]!;
          ncw += term;
          scale += term < 0 ? -term : term;
        }
      } else {
        let amount = e.amount!(v);
        let step = 1;
        if (e.growth !== null) step *= 1 + e.growth(v);
        if (e.dropOff !== null) step *= 1 - e.dropOff(v);
        if (!(step < SAFE && step > -SAFE)) return null;
        for (let i = 0; i < e.duration; i++) {
          // Every yearly amount below 1e300: then no yearly cash flow of an actor can overflow where the exact engine's does not.
          if (!(amount < SAFE && amount > -SAFE)) return null;
          const term = amount * factors[e.start + i]!;
          ncw += term;
          scale += term < 0 ? -term : term;
          amount *= step;
        }
      }
      if (!(scale < SAFE)) return null;
      if (e.kind === 0) {
        costs += ncw;
        costScale += scale;
        if (e.municipalActor) {
          municipalCosts += ncw;
          municipalCostScale += scale;
        }
      } else if (e.kind === 1) {
        benefits += ncw;
        if (e.financial) {
          financialBenefits += ncw;
          if (e.municipalActor) municipalBenefits += ncw;
        }
      } else {
        if (e.fromMunicipal && !e.toMunicipal) {
          municipalCosts += ncw;
          municipalCostScale += scale;
        }
        if (e.toMunicipal && !e.fromMunicipal) municipalBenefits += ncw;
      }
    }
    const ratio = (numerator: number, denominator: number, scale: number): number | null | undefined => {
      if (scale === 0) return null; // every term 0: the exact denominator is 0 as well
      if (Math.abs(denominator) <= CANCELLATION * scale) return undefined; // exact engine decides
      const r = numerator / Math.abs(denominator);
      return Number.isFinite(r) ? r : undefined;
    };
    const social = ratio(benefits, costs, costScale);
    const financial = ratio(financialBenefits, costs, costScale);
    const municipalRatio = hasMunicipal ? ratio(municipalBenefits, municipalCosts, municipalCostScale) : null;
    if (social === undefined || financial === undefined || municipalRatio === undefined) return null;
    const out = into ?? ({} as FastOutcome);
    out.costs = costs;
    out.benefits = benefits;
    out.financialBenefits = financialBenefits;
    out.municipalCosts = municipalCosts;
    out.municipalBenefits = municipalBenefits;
    out.saldo = benefits - costs;
    out.ratio = social;
    out.ratioFinancial = financial;
    out.ratioMunicipal = municipalRatio;
    return out;
  };

  return { compiled, keys, indexOf, vector, evaluate };
}
