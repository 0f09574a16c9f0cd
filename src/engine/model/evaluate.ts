/**
 * Evaluating a model (doorrekenen): effects × actors × years → NCW per actor and category, costs, benefits,
 * saldo, the three ratios, the payback year and the cash flows per year. Linear in effects × years: every
 * expression is evaluated once per effect, every year costs a few decimal multiplications, and the discount
 * factors come from the shared factor cache (discounting.ts).
 *
 * Exact and as lean as the decimals allow (issue 12): every result is the 40-digit decimal the engine has always
 * given — the same operations in the same order (test/engine/model/runModel.property.test.ts compares it with the
 * earlier implementation, test/engine/model/referenceModel.ts) — but without the work around them: the parameters'
 * decimals are kept per model between runs, a subexpression that recurs across effects is evaluated once per run,
 * yearly cash flows are summed in arrays per actor instead of maps, and
 * "beyond the range of doubles" is read from the decimal's exponent instead of converting every figure to a number.
 * A floating-point path cannot stand in here as it does for MKBA.NCW: the results are 40-digit decimals, not doubles.
 */
import { Dec, ONE, ZERO } from "../decimal";
import { DiscountSchedule, factorTable, sharedSchedule } from "../discounting";
import { paybackIndex } from "../payback";
import { evaluateToDecimal } from "./expression";
import { CompiledEffect, CompiledModel, ModelProblem, Nature, Side } from "./schema";

export interface Ratio {
  readonly value: Dec | null;
  /** Why the ratio is undefined (Dutch), when `value` is null. */
  readonly reason?: string;
}

export interface CashFlowYear {
  readonly year: number;
  readonly byActor: ReadonlyMap<string, Dec>;
  readonly saldo: Dec;
  /** Society's costs (kosten) that fall in this year, undiscounted, as a positive amount; transfers excluded. */
  readonly costs: Dec;
  /** Society's benefits (baten, financial and immaterial) that fall in this year, undiscounted; transfers excluded. */
  readonly benefits: Dec;
}

export interface EffectResult {
  readonly name: string;
  readonly category: string;
  readonly side: Side;
  readonly nature: Nature;
  /** Actor, or "from → to" for a transfer. */
  readonly actor: string;
  /** Who gains (+1) and who loses (−1) the effect's amount. */
  readonly parties: readonly (readonly [actor: string, sign: 1 | -1])[];
  /** NCW of the amount (positive = as entered: a cost, a benefit, a transfer paid). */
  readonly ncw: Dec;
}

export interface ModelRun {
  readonly scenario: string;
  readonly discountRule: DiscountSchedule["rule"];
  readonly costs: Dec;
  readonly benefits: Dec;
  readonly financialBenefits: Dec;
  readonly saldo: Dec;
  /** Signed NCW per actor × category (an actor's saldo contribution). */
  readonly table: ReadonlyMap<string, ReadonlyMap<string, Dec>>;
  readonly byActor: ReadonlyMap<string, Dec>;
  /** Signed NCW per category for society: costs negative, transfers 0. */
  readonly byCategory: ReadonlyMap<string, Dec>;
  readonly ratios: { readonly social: Ratio; readonly financial: Ratio; readonly municipal: Ratio };
  readonly paybackYear: { readonly year: number | null; readonly reason?: string };
  readonly cashFlows: readonly CashFlowYear[];
  readonly effects: readonly EffectResult[];
  readonly pm: readonly EffectResult[];
}

export type RunResult = { ok: true; run: ModelRun } | { ok: false; problems: ModelProblem[] };

/** The decimals of a model's own parameter values, kept between runs (and rebuilt where a value changed). */
const baseValues = new WeakMap<object, { value: number; dec: Dec }[]>();

/** Parameter values after overrides (keys are checked by validation or by the caller). */
export function parameterValues(compiled: CompiledModel, overrides: Readonly<Record<string, number>>): Map<string, Dec> {
  const parameters = compiled.model.parameters;
  let base = baseValues.get(parameters);
  if (!base) {
    base = [];
    baseValues.set(parameters, base);
  }
  const values = new Map<string, Dec>();
  for (let i = 0; i < parameters.length; i++) {
    const p = parameters[i]!;
    let entry = base[i];
    if (!entry || !Object.is(entry.value, p.value)) {
      entry = { value: p.value, dec: new Dec(p.value) };
      base[i] = entry;
    }
    values.set(p.key, entry.dec);
  }
  for (const [key, value] of Object.entries(overrides)) values.set(key, new Dec(value));
  return values;
}

/** The model's discount schedule, shared per process (validation has checked the rule, so it is known). */
export function scheduleOf(compiled: CompiledModel): DiscountSchedule {
  return sharedSchedule(compiled.model.metadata.discountRule)!;
}

function addTo<K>(map: Map<K, Dec>, key: K, value: Dec): void {
  map.set(key, (map.get(key) ?? ZERO).plus(value));
}

/** `!Number.isFinite(d.toNumber())` without the conversion where the exponent decides: below 10^308 a double is finite. */
function tooLarge(d: Dec): boolean {
  return d.e <= 307 ? false : !Number.isFinite(d.toNumber());
}

type Amounts = { ok: true; amounts: Dec[] } | { ok: false; problem: ModelProblem };

/** The yearly amounts (undiscounted, as entered) of one effect, or a problem. */
function yearlyAmounts(e: CompiledEffect, values: ReadonlyMap<string, Dec>, memo: Map<string, Dec | string>): Amounts {
  const problem = (path: string, message: string): Amounts => ({ ok: false, problem: { path: `effects[${e.index}].${path}`, message } });
  if (e.amounts) {
    const amounts: Dec[] = [];
    for (let i = 0; i < e.amounts.length; i++) {
      const r = evaluateToDecimal(e.amounts[i]!, values, memo);
      if (typeof r === "string") return problem(`profile.amounts[${i}]`, r);
      amounts.push(r);
    }
    return { ok: true, amounts };
  }
  const base = evaluateToDecimal(e.amount!, values, memo);
  if (typeof base === "string") return problem("amount", base);
  let step = ONE;
  if (e.growth) {
    const g = evaluateToDecimal(e.growth, values, memo);
    if (typeof g === "string") return problem("profile.growth", g);
    step = step.times(ONE.plus(g));
  }
  if (e.dropOff) {
    const d = evaluateToDecimal(e.dropOff, values, memo);
    if (typeof d === "string") return problem("profile.dropOff", d);
    step = step.times(ONE.minus(d));
  }
  const amounts: Dec[] = new Array<Dec>(e.duration);
  let amount = base;
  for (let i = 0; i < e.duration; i++) {
    amounts[i] = amount;
    amount = amount.times(step);
  }
  return { ok: true, amounts };
}

export function runModel(compiled: CompiledModel, overrides: Readonly<Record<string, number>>, scenario: string): RunResult {
  const { model } = compiled;
  const values = parameterValues(compiled, overrides);
  const schedule = scheduleOf(compiled);
  const horizon = model.metadata.horizon;
  // The cached table's leading factors are exactly schedule.factors(0, horizon): the same decimals, the same steps.
  const factors = factorTable(schedule, 0, horizon).decimals;
  const municipal = new Set(model.actors.filter((a) => a.municipal).map((a) => a.name));

  const table = new Map<string, Map<string, Dec>>(model.actors.map((a) => [a.name, new Map(model.categories.map((c) => [c.name, ZERO]))]));
  const byCategory = new Map<string, Dec>(model.categories.map((c) => [c.name, ZERO]));
  // Cash flows per actor (in the order of model.actors; validation has checked every effect's actors) and year: flowsOf[actor][year].
  const actorNames = model.actors.map((a) => a.name);
  const actorIndex = new Map(actorNames.map((name, index) => [name, index] as const));
  const flowsOf: Dec[][] = actorNames.map(() => new Array<Dec>(horizon).fill(ZERO));
  const yearCosts: Dec[] = new Array<Dec>(horizon).fill(ZERO);
  const yearBenefits: Dec[] = new Array<Dec>(horizon).fill(ZERO);
  let costs = ZERO;
  let benefits = ZERO;
  let financialBenefits = ZERO;
  let municipalCosts = ZERO;
  let municipalBenefits = ZERO;
  const effects: EffectResult[] = [];
  const pm: EffectResult[] = [];
  const problems: ModelProblem[] = [];
  // No result may silently become null or Infinity: a figure beyond ±1,8·10^308 is a problem that names where it arose.
  const beyond = "valt buiten het bereik van getallen (±1,8·10^308); kijk of de parameters kloppen";
  const overflow: ModelProblem[] = [];
  // Subexpressions that recur across effects are evaluated once (see evaluateToDecimal).
  const memo = new Map<string, Dec | string>();

  for (const e of compiled.effects) {
    const { effect, side } = e;
    const actorLabel = side === "verdeling" ? `${effect.from} → ${effect.to}` : (effect.actor as string);
    // Signed shares of the amount per actor: who loses (−1) and who gains (+1).
    const shares: (readonly [string, 1 | -1])[] =
      side === "verdeling" ? [[effect.from!, -1], [effect.to!, 1]] : [[effect.actor!, side === "kosten" ? -1 : 1]];
    if (effect.nature === "pm") {
      pm.push({ name: effect.name, category: effect.category, side, nature: "pm", actor: actorLabel, parties: shares, ncw: ZERO });
      continue;
    }
    const amounts = yearlyAmounts(e, values, memo);
    if (!amounts.ok) {
      problems.push(amounts.problem);
      continue;
    }
    const first = shares[0]!;
    const second = shares[1];
    const firstFlows = flowsOf[actorIndex.get(first[0])!]!;
    const secondFlows = second ? flowsOf[actorIndex.get(second[0])!]! : undefined;
    const list = amounts.amounts;
    let ncw = ZERO;
    for (let i = 0; i < list.length; i++) {
      const amount = list[i]!;
      const t = e.start + i;
      ncw = ncw.plus(amount.times(factors[t] as Dec));
      // x.minus(a) is x.plus(a.neg()) in decimal.js (each delegates to the other when the signs differ), sign of 0 included.
      firstFlows[t] = first[1] < 0 ? firstFlows[t]!.minus(amount) : firstFlows[t]!.plus(amount);
      if (secondFlows) secondFlows[t] = second![1] < 0 ? secondFlows[t]!.minus(amount) : secondFlows[t]!.plus(amount);
      if (side === "kosten") yearCosts[t] = yearCosts[t]!.plus(amount);
      else if (side === "baten") yearBenefits[t] = yearBenefits[t]!.plus(amount);
    }
    for (const [actor, sign] of shares) addTo(table.get(actor)!, effect.category, sign < 0 ? ncw.neg() : ncw);
    if (side === "kosten") {
      costs = costs.plus(ncw);
      addTo(byCategory, effect.category, ncw.neg());
      if (municipal.has(effect.actor!)) municipalCosts = municipalCosts.plus(ncw);
    } else if (side === "baten") {
      benefits = benefits.plus(ncw);
      addTo(byCategory, effect.category, ncw);
      if (effect.nature === "financieel") {
        financialBenefits = financialBenefits.plus(ncw);
        if (municipal.has(effect.actor!)) municipalBenefits = municipalBenefits.plus(ncw);
      }
    } else {
      const fromMunicipal = municipal.has(effect.from!);
      const toMunicipal = municipal.has(effect.to!);
      if (fromMunicipal && !toMunicipal) municipalCosts = municipalCosts.plus(ncw);
      if (toMunicipal && !fromMunicipal) municipalBenefits = municipalBenefits.plus(ncw);
    }
    if (tooLarge(ncw)) overflow.push({ path: `effects[${e.index}]`, message: `de contante waarde van "${effect.name}" ${beyond}` });
    effects.push({ name: effect.name, category: effect.category, side, nature: effect.nature, actor: actorLabel, parties: shares, ncw });
  }
  if (problems.length > 0) return { ok: false, problems };

  const byActor = new Map<string, Dec>();
  for (const [actor, row] of table) byActor.set(actor, [...row.values()].reduce((a, b) => a.plus(b), ZERO));

  const ratio = (numerator: Dec, denominator: Dec, what: string): Ratio => {
    if (denominator.isZero()) return { value: null, reason: `${what} zijn 0` };
    const value = numerator.div(denominator.abs());
    return Number.isFinite(value.toNumber()) ? { value } : { value: null, reason: `${what} zijn vrijwel 0: de ratio is te groot om weer te geven` };
  };

  const totals: [string, Dec][] = [
    ["kosten", costs],
    ["baten", benefits],
    ["financiële baten", financialBenefits],
    ["saldo", benefits.minus(costs)],
    ["gemeentelijke kosten", municipalCosts],
    ["gemeentelijke baten", municipalBenefits],
  ];
  for (const [what, d] of totals) if (tooLarge(d)) overflow.push({ path: "(resultaat)", message: `het totaal van de ${what} ${beyond}` });
  for (const [category, d] of byCategory) if (tooLarge(d)) overflow.push({ path: "categories", message: `het totaal van de categorie "${category}" ${beyond}` });
  for (const [actor, row] of table) {
    for (const [category, d] of row) if (tooLarge(d)) overflow.push({ path: "actors", message: `het bedrag van "${actor}" in de categorie "${category}" ${beyond}` });
  }
  for (let t = 0; t < horizon; t++) {
    for (let a = 0; a < actorNames.length; a++) {
      if (tooLarge(flowsOf[a]![t]!)) overflow.push({ path: "(resultaat)", message: `de kasstroom van "${actorNames[a]}" in jaar ${t} ${beyond}` });
    }
  }
  if (overflow.length > 0) return { ok: false, problems: overflow.slice(0, 20) };

  const cashFlows: CashFlowYear[] = new Array<CashFlowYear>(horizon);
  for (let t = 0; t < horizon; t++) {
    const byActorFlow = new Map<string, Dec>();
    let saldo = ZERO;
    for (let a = 0; a < actorNames.length; a++) {
      const flow = flowsOf[a]![t]!;
      byActorFlow.set(actorNames[a]!, flow);
      saldo = saldo.plus(flow);
    }
    cashFlows[t] = { year: model.metadata.firstYear + t, byActor: byActorFlow, saldo, costs: yearCosts[t]!, benefits: yearBenefits[t]! };
  }

  return {
    ok: true,
    run: {
      scenario,
      discountRule: schedule.rule,
      costs,
      benefits,
      financialBenefits,
      saldo: benefits.minus(costs),
      table,
      byActor,
      byCategory,
      ratios: {
        social: ratio(benefits, costs, "de kosten"),
        financial: ratio(financialBenefits, costs, "de kosten"),
        municipal: ratio(municipalBenefits, municipalCosts, municipal.size === 0 ? "er is geen gemeentelijke actor; de gemeentelijke kosten" : "de gemeentelijke kosten"),
      },
      paybackYear: paybackYear(cashFlows, factors),
      cashFlows,
      effects,
      pm,
    },
  };
}

function paybackYear(cashFlows: readonly CashFlowYear[], factors: readonly Dec[]): ModelRun["paybackYear"] {
  const index = paybackIndex(cashFlows.map((c) => c.saldo), factors);
  return index === null ? { year: null, reason: "de contante baten halen de kosten binnen de looptijd niet in" } : { year: cashFlows[index]!.year };
}
