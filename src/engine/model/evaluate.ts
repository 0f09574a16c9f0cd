/**
 * Evaluating a model (doorrekenen): effects × actors × years → NCW per actor and category, costs, benefits,
 * saldo, the three ratios, the payback year and the cash flows per year. Linear in effects × years: every
 * expression is evaluated once per effect, every year costs a few operations, and the discount factors come from the
 * shared factor cache (discounting.ts).
 *
 * Two ways to the same figures (issue 12), each the double nearest to the 40-digit decimal the engine has always
 * computed — the same operations in the same order (test/engine/model/runModel.property.test.ts compares the decimal
 * path with the earlier implementation, test/engine/model/referenceModel.ts):
 * - the fast path (evaluateFast.ts) follows every decimal operation in double-double arithmetic with a proven error
 *   bound, and answers only when the bounds prove each figure; it declines (a figure near a rounding boundary, an
 *   exact cancellation it cannot prove, an expression with "^", a magnitude beyond 2^±300) and then
 * - the decimal path below computes in 40-digit decimals — with the parameters' decimals kept per model between runs,
 *   a subexpression that recurs across effects evaluated once per run, cash flows summed in arrays, and "beyond the
 *   range of doubles" read from the decimal's exponent — and it alone reports problems (a failing expression, a
 *   figure beyond ±1,8·10^308).
 * test/engine/model/fastModel.property.test.ts checks that both give the same run, bit for bit, and how often the fast
 * path declines.
 */
import { Dec, ONE, ZERO } from "../decimal";
import { factorTable } from "../discounting";
import { FAST_PATHS_AVAILABLE } from "../doubleDouble";
import { paybackIndex } from "../payback";
import { fastFigures } from "./evaluateFast";
import { evaluateToDecimal } from "./expression";
import { FiguresResult, RatioFigure, RunResult, assembleRun, partiesOf, scheduleOf } from "./run";
import { CompiledEffect, CompiledModel, ModelProblem } from "./schema";

export type { CashFlowYear, EffectResult, ModelRun, Ratio, RunResult } from "./run";
export { scheduleOf } from "./run";

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

/**
 * Runs the model: the figures from the fast path when it can prove every one of them (evaluateFast.ts), otherwise
 * from the decimal engine; either way each figure is the double nearest to the decimal engine's 40-digit result.
 */
export function runModel(compiled: CompiledModel, overrides: Readonly<Record<string, number>>, scenario: string): RunResult {
  const fast = FAST_PATHS_AVAILABLE ? fastFigures(compiled, overrides) : undefined;
  const result = fast ? ({ ok: true, figures: fast } as const) : decimalFigures(compiled, overrides);
  return result.ok ? { ok: true, run: assembleRun(compiled, scheduleOf(compiled), scenario, result.figures) } : result;
}

/** runModel by the decimal engine alone (the reference the fast path is tested against). */
export function runModelInDecimals(compiled: CompiledModel, overrides: Readonly<Record<string, number>>, scenario: string): RunResult {
  const result = decimalFigures(compiled, overrides);
  return result.ok ? { ok: true, run: assembleRun(compiled, scheduleOf(compiled), scenario, result.figures) } : result;
}

/** The figures of a run by the decimal engine: every sum and product in 40 digits, each figure rounded to a double at the end. */
function decimalFigures(compiled: CompiledModel, overrides: Readonly<Record<string, number>>): FiguresResult {
  const { model } = compiled;
  const values = parameterValues(compiled, overrides);
  const schedule = scheduleOf(compiled);
  const horizon = model.metadata.horizon;
  // The cached table's leading factors are exactly schedule.factors(0, horizon): the same decimals, the same steps.
  const factors = factorTable(schedule, 0, horizon).decimals;
  const actors = model.actors;
  const categories = model.categories;
  const actorIndex = new Map(actors.map((a, index) => [a.name, index] as const));
  const categoryIndex = new Map(categories.map((c, index) => [c.name, index] as const));
  const municipal = actors.map((a) => a.municipal === true);
  // Per actor × category, per category, and per actor × year (flows[a][t]); validation has checked every effect's names.
  const table: Dec[] = new Array<Dec>(actors.length * categories.length).fill(ZERO);
  const byCategory: Dec[] = new Array<Dec>(categories.length).fill(ZERO);
  const flowsOf: Dec[][] = actors.map(() => new Array<Dec>(horizon).fill(ZERO));
  const yearCosts: Dec[] = new Array<Dec>(horizon).fill(ZERO);
  const yearBenefits: Dec[] = new Array<Dec>(horizon).fill(ZERO);
  let costs = ZERO;
  let benefits = ZERO;
  let financialBenefits = ZERO;
  let municipalCosts = ZERO;
  let municipalBenefits = ZERO;
  const effectNcw: Dec[] = [];
  const problems: ModelProblem[] = [];
  // No result may silently become null or Infinity: a figure beyond ±1,8·10^308 is a problem that names where it arose.
  const beyond = "valt buiten het bereik van getallen (±1,8·10^308); kijk of de parameters kloppen";
  const overflow: ModelProblem[] = [];
  // Subexpressions that recur across effects are evaluated once (see evaluateToDecimal).
  const memo = new Map<string, Dec | string>();

  for (const e of compiled.effects) {
    const { effect, side } = e;
    if (effect.nature === "pm") continue;
    const amounts = yearlyAmounts(e, values, memo);
    if (!amounts.ok) {
      problems.push(amounts.problem);
      continue;
    }
    const shares = partiesOf(e);
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
    const c = categoryIndex.get(effect.category)!;
    for (const [actor, sign] of shares) {
      const cell = actorIndex.get(actor)! * categories.length + c;
      table[cell] = table[cell]!.plus(sign < 0 ? ncw.neg() : ncw);
    }
    if (side === "kosten") {
      costs = costs.plus(ncw);
      byCategory[c] = byCategory[c]!.plus(ncw.neg());
      if (municipal[actorIndex.get(effect.actor!)!]) municipalCosts = municipalCosts.plus(ncw);
    } else if (side === "baten") {
      benefits = benefits.plus(ncw);
      byCategory[c] = byCategory[c]!.plus(ncw);
      if (effect.nature === "financieel") {
        financialBenefits = financialBenefits.plus(ncw);
        if (municipal[actorIndex.get(effect.actor!)!]) municipalBenefits = municipalBenefits.plus(ncw);
      }
    } else {
      const fromMunicipal = municipal[actorIndex.get(effect.from!)!];
      const toMunicipal = municipal[actorIndex.get(effect.to!)!];
      if (fromMunicipal && !toMunicipal) municipalCosts = municipalCosts.plus(ncw);
      if (toMunicipal && !fromMunicipal) municipalBenefits = municipalBenefits.plus(ncw);
    }
    if (tooLarge(ncw)) overflow.push({ path: `effects[${e.index}]`, message: `de contante waarde van "${effect.name}" ${beyond}` });
    effectNcw.push(ncw);
  }
  if (problems.length > 0) return { ok: false, problems };

  const byActor: Dec[] = actors.map((_, a) => {
    let sum = ZERO;
    for (let c = 0; c < categories.length; c++) sum = sum.plus(table[a * categories.length + c]!);
    return sum;
  });
  const saldo = benefits.minus(costs);
  const totals: [string, Dec][] = [
    ["kosten", costs],
    ["baten", benefits],
    ["financiële baten", financialBenefits],
    ["saldo", saldo],
    ["gemeentelijke kosten", municipalCosts],
    ["gemeentelijke baten", municipalBenefits],
  ];
  for (const [what, d] of totals) if (tooLarge(d)) overflow.push({ path: "(resultaat)", message: `het totaal van de ${what} ${beyond}` });
  categories.forEach((category, c) => {
    if (tooLarge(byCategory[c]!)) overflow.push({ path: "categories", message: `het totaal van de categorie "${category.name}" ${beyond}` });
  });
  actors.forEach((actor, a) => {
    categories.forEach((category, c) => {
      if (tooLarge(table[a * categories.length + c]!)) overflow.push({ path: "actors", message: `het bedrag van "${actor.name}" in de categorie "${category.name}" ${beyond}` });
    });
  });
  for (let t = 0; t < horizon; t++) {
    for (let a = 0; a < actors.length; a++) {
      if (tooLarge(flowsOf[a]![t]!)) overflow.push({ path: "(resultaat)", message: `de kasstroom van "${actors[a]!.name}" in jaar ${t} ${beyond}` });
    }
  }
  if (overflow.length > 0) return { ok: false, problems: overflow.slice(0, 20) };

  const yearSaldo: Dec[] = new Array<Dec>(horizon);
  for (let t = 0; t < horizon; t++) {
    let sum = ZERO;
    for (let a = 0; a < actors.length; a++) sum = sum.plus(flowsOf[a]![t]!);
    yearSaldo[t] = sum;
  }
  const ratio = (numerator: Dec, denominator: Dec): RatioFigure => {
    if (denominator.isZero()) return "nul";
    const value = numerator.div(denominator.abs()).toNumber();
    return Number.isFinite(value) ? value : "te groot";
  };
  const numbers = (ds: readonly Dec[]): number[] => ds.map((d) => d.toNumber());
  return {
    ok: true,
    figures: {
      effects: numbers(effectNcw),
      table: numbers(table),
      byActor: numbers(byActor),
      byCategory: numbers(byCategory),
      costs: costs.toNumber(),
      benefits: benefits.toNumber(),
      financialBenefits: financialBenefits.toNumber(),
      saldo: saldo.toNumber(),
      ratios: { social: ratio(benefits, costs), financial: ratio(financialBenefits, costs), municipal: ratio(municipalBenefits, municipalCosts) },
      flows: flowsOf.flatMap(numbers),
      yearCosts: numbers(yearCosts),
      yearBenefits: numbers(yearBenefits),
      yearSaldo: numbers(yearSaldo),
      payback: paybackIndex(yearSaldo, factors),
    },
  };
}
