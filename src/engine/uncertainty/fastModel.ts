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
import { factorTable } from "../discounting";
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

/** A register of the compiled program: a parameter, a constant or the result of one instruction. */
type Register = number;

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
  readonly amount: Register;
  readonly amounts: Int32Array | null;
  readonly growth: Register;
  readonly dropOff: Register;
}

export interface FastModel {
  /** The place of each parameter key in a parameter vector (model order). */
  readonly indexOf: ReadonlyMap<string, number>;
  /** The parameter vector of a scenario (its overrides over the parameters' values); undefined for an unknown scenario. */
  vector(scenario?: string): Float64Array | undefined;
  /** Outcomes for a parameter vector, or null where the exact engine must decide (see the module comment). */
  evaluate(values: Float64Array, into?: FastOutcome): FastOutcome | null;
}

const enum Op {
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Neg,
  Min,
  Max,
}

/**
 * Every expression of the model as one straight-line program over a register file: registers 0 … P−1 hold the
 * parameters, then the constants, then one register per instruction. Equal subexpressions — the LPBL model repeats
 * the same shares and sums in many effects — are computed once. No eval and no closures per node: a loop over three
 * Int32Arrays, a few nanoseconds per instruction.
 *
 * NaN in a register means "the exact engine fails here, or floating point cannot tell": + − × of finite numbers stay
 * unchecked (an infinity they make propagates to the end, or becomes NaN, and is caught there), but division, power,
 * min and max could turn an infinity into a finite number, so they check their operands.
 */
class ProgramBuilder {
  readonly ops: number[] = [];
  readonly as: number[] = [];
  readonly bs: number[] = [];
  readonly constants: number[] = [];
  private readonly memo = new Map<string, Register>();
  private readonly constantRegister = new Map<number, Register>();
  private readonly constantValue = new Map<Register, number>();

  constructor(
    private readonly parameterCount: number,
    private readonly indexOf: ReadonlyMap<string, number>,
  ) {}

  /** Registers are numbered after the constants once these are known; until then instruction registers are negative. */
  private constant(x: number): Register {
    const key = x;
    let r = this.constantRegister.get(key);
    if (r === undefined) {
      r = this.parameterCount + this.constants.length;
      this.constants.push(x);
      this.constantRegister.set(key, r);
      this.constantValue.set(r, x);
    }
    return r;
  }

  private instruction(op: Op, a: Register, b: Register): Register {
    const key = `${op},${a},${b}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const ca = this.constantValue.get(a);
    const cb = this.constantValue.get(b);
    if (ca !== undefined && (cb !== undefined || op === Op.Neg)) {
      const r = this.constant(apply(op, ca, cb ?? 0));
      this.memo.set(key, r);
      return r;
    }
    this.ops.push(op);
    this.as.push(a);
    this.bs.push(b);
    const r = -this.ops.length; // instruction i (1-based) until registers are laid out
    this.memo.set(key, r);
    return r;
  }

  expression(e: Expression): Register {
    switch (e.type) {
      case "number":
        return this.constant(e.value.toNumber());
      case "parameter": {
        const i = this.indexOf.get(e.key);
        return i === undefined ? this.constant(NaN) : i; // validation rules an unknown key out; the exact engine would fail too
      }
      case "negate":
        return this.instruction(Op.Neg, this.expression(e.operand), 0);
      case "call": {
        const op = e.name === "min" ? Op.Min : Op.Max;
        // min(a, b, c) = min(min(a, b), c), with the same NaN rule at each step.
        let r = this.expression(e.args[0]!);
        if (e.args.length === 1) return this.instruction(op, r, r);
        for (let i = 1; i < e.args.length; i++) r = this.instruction(op, r, this.expression(e.args[i]!));
        return r;
      }
      case "binary": {
        const op = { "+": Op.Add, "-": Op.Sub, "*": Op.Mul, "/": Op.Div, "^": Op.Pow }[e.operator];
        return this.instruction(op, this.expression(e.left), this.expression(e.right));
      }
    }
  }
}

function apply(op: Op, a: number, b: number): number {
  switch (op) {
    case Op.Add:
      return a + b;
    case Op.Sub:
      return a - b;
    case Op.Mul:
      return a * b;
    case Op.Div:
      return b === 0 || !Number.isFinite(a) || !Number.isFinite(b) ? NaN : a / b;
    case Op.Pow: {
      if (!Number.isFinite(a) || !Number.isFinite(b)) return NaN;
      const p = Math.pow(a, b);
      return Number.isFinite(p) ? p : NaN;
    }
    case Op.Neg:
      return -a;
    case Op.Min:
      return Number.isFinite(a) && Number.isFinite(b) ? (a < b ? a : b) : NaN;
    case Op.Max:
      return Number.isFinite(a) && Number.isFinite(b) ? (a > b ? a : b) : NaN;
  }
}

/** Compiles a validated model once; `evaluate` then costs a few operations per effect-year. */
export function compileFastModel(compiled: CompiledModel): FastModel {
  const { model } = compiled;
  const keys = model.parameters.map((p) => p.key);
  const indexOf = new Map(keys.map((k, i) => [k, i] as const));
  const municipal = new Set(model.actors.filter((a) => a.municipal).map((a) => a.name));
  const hasMunicipal = municipal.size > 0;
  const horizon = model.metadata.horizon;
  const factors = factorTable(scheduleOf(compiled), 0, horizon).hi; // the doubles nearest the decimal factors, shared
  const builder = new ProgramBuilder(keys.length, indexOf);
  const NONE = -0x7fffffff;
  const register = (e: Expression | null): Register => (e === null ? NONE : builder.expression(e));
  const raw = compiled.effects
    .filter((e) => e.effect.nature !== "pm") // a PM post has no amount: NCW 0 everywhere
    .map((e) => ({
      kind: (e.side === "kosten" ? 0 : e.side === "baten" ? 1 : 2) as 0 | 1 | 2,
      financial: e.effect.nature === "financieel",
      municipalActor: e.effect.actor !== undefined && municipal.has(e.effect.actor),
      fromMunicipal: e.effect.from !== undefined && municipal.has(e.effect.from),
      toMunicipal: e.effect.to !== undefined && municipal.has(e.effect.to),
      start: e.start,
      duration: e.duration,
      amount: register(e.amount),
      amounts: e.amounts ? e.amounts.map((a) => builder.expression(a)) : null,
      growth: register(e.growth),
      dropOff: register(e.dropOff),
    }));
  // Register layout: parameters, constants, then one register per instruction (built with negative numbers).
  const firstInstruction = keys.length + builder.constants.length;
  const resolve = (r: Register): Register => (r === NONE ? -1 : r < 0 ? firstInstruction - r - 1 : r);
  const count = builder.ops.length;
  const ops = Int32Array.from(builder.ops);
  const as = Int32Array.from(builder.as, resolve);
  const bs = Int32Array.from(builder.bs, resolve);
  const registers = new Float64Array(firstInstruction + count);
  registers.set(builder.constants, keys.length);
  const effects: FastEffect[] = raw.map((e) => ({
    ...e,
    amount: resolve(e.amount),
    amounts: e.amounts ? Int32Array.from(e.amounts, resolve) : null,
    growth: resolve(e.growth),
    dropOff: resolve(e.dropOff),
  }));
  const run = (v: Float64Array): Float64Array => {
    const r = registers;
    if (v.length !== keys.length) throw new RangeError(`een parametervector heeft ${keys.length} waarden, niet ${v.length}`);
    r.set(v, 0);
    for (let i = 0, out = firstInstruction; i < count; i++, out++) {
      const a = r[as[i]!]!;
      switch (ops[i]) {
        case Op.Add:
          r[out] = a + r[bs[i]!]!;
          break;
        case Op.Sub:
          r[out] = a - r[bs[i]!]!;
          break;
        case Op.Mul:
          r[out] = a * r[bs[i]!]!;
          break;
        case Op.Neg:
          r[out] = -a;
          break;
        default:
          r[out] = apply(ops[i]!, a, r[bs[i]!]!);
      }
    }
    return r;
  };
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
    const r = run(v);
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
          const amount = r[e.amounts[i]!]!;
          if (!(amount < SAFE && amount > -SAFE)) return null;
          const term = amount * factors[e.start + i]!;
          ncw += term;
          scale += term < 0 ? -term : term;
        }
      } else {
        let amount = r[e.amount]!;
        let step = 1;
        if (e.growth >= 0) step *= 1 + r[e.growth]!;
        if (e.dropOff >= 0) step *= 1 - r[e.dropOff]!;
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

  return { indexOf, vector, evaluate };
}
