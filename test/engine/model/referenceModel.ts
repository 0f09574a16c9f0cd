/**
 * The model evaluation (runModel) as it was before its faster exact path (issue 12): the reference that
 * runModel.property.test.ts compares the engine with, result for result. Do not change: it is the definition of
 * "the same results".
 */
import { Dec, ONE, ZERO } from "../../../src/engine/decimal";
import { DiscountSchedule, ruleFor } from "../../../src/engine/discounting";
import { paybackIndex } from "../../../src/engine/payback";
import type { EvaluationResult, Expression } from "../../../src/engine/model/expression";
import type { CompiledEffect, CompiledModel, ModelProblem, Nature, Side } from "../../../src/engine/model/schema";

// The run as it was then: every figure a 40-digit decimal (runModel now gives the doubles nearest to them).
export interface Ratio {
  readonly value: Dec | null;
  readonly reason?: string;
}
export interface CashFlowYear {
  readonly year: number;
  readonly byActor: ReadonlyMap<string, Dec>;
  readonly saldo: Dec;
  readonly costs: Dec;
  readonly benefits: Dec;
}
export interface EffectResult {
  readonly name: string;
  readonly category: string;
  readonly side: Side;
  readonly nature: Nature;
  readonly actor: string;
  readonly parties: readonly (readonly [actor: string, sign: 1 | -1])[];
  readonly ncw: Dec;
}
export interface ModelRun {
  readonly scenario: string;
  readonly discountRule: DiscountSchedule["rule"];
  readonly costs: Dec;
  readonly benefits: Dec;
  readonly financialBenefits: Dec;
  readonly saldo: Dec;
  readonly table: ReadonlyMap<string, ReadonlyMap<string, Dec>>;
  readonly byActor: ReadonlyMap<string, Dec>;
  readonly byCategory: ReadonlyMap<string, Dec>;
  readonly ratios: { readonly social: Ratio; readonly financial: Ratio; readonly municipal: Ratio };
  readonly paybackYear: { readonly year: number | null; readonly reason?: string };
  readonly cashFlows: readonly CashFlowYear[];
  readonly effects: readonly EffectResult[];
  readonly pm: readonly EffectResult[];
}
export type RunResult = { ok: true; run: ModelRun } | { ok: false; problems: ModelProblem[] };

/** Parameter values after overrides (keys are checked by validation or by the caller). */
function parameterValues(compiled: CompiledModel, overrides: Readonly<Record<string, number>>): Map<string, Dec> {
  const values = new Map<string, Dec>();
  for (const p of compiled.model.parameters) values.set(p.key, new Dec(p.value));
  for (const [key, value] of Object.entries(overrides)) values.set(key, new Dec(value));
  return values;
}

function scheduleOf(compiled: CompiledModel): DiscountSchedule {
  const rule = compiled.model.metadata.discountRule;
  return new DiscountSchedule(ruleFor(rule)!);
}

function addTo<K>(map: Map<K, Dec>, key: K, value: Dec): void {
  map.set(key, (map.get(key) ?? ZERO).plus(value));
}

/** The yearly amounts (undiscounted, as entered) of one effect, or a problem. */
function yearlyAmounts(e: CompiledEffect, values: ReadonlyMap<string, Dec>): { ok: true; amounts: Dec[] } | { ok: false; problem: ModelProblem } {
  const at = `effects[${e.index}]`;
  const evaluate = (expression: NonNullable<CompiledEffect["amount"]>, path: string) => {
    const r = evaluateExpression(expression, values);
    return r.ok ? r : { ok: false as const, problem: { path: `${at}.${path}`, message: r.message } };
  };
  if (e.amounts) {
    const amounts: Dec[] = [];
    for (const [i, expression] of e.amounts.entries()) {
      const r = evaluate(expression, `profile.amounts[${i}]`);
      if (!r.ok) return r;
      amounts.push(r.value);
    }
    return { ok: true, amounts };
  }
  const base = evaluate(e.amount!, "amount");
  if (!base.ok) return base;
  let step = ONE;
  if (e.growth) {
    const g = evaluate(e.growth, "profile.growth");
    if (!g.ok) return g;
    step = step.times(ONE.plus(g.value));
  }
  if (e.dropOff) {
    const d = evaluate(e.dropOff, "profile.dropOff");
    if (!d.ok) return d;
    step = step.times(ONE.minus(d.value));
  }
  const amounts: Dec[] = [];
  let amount = base.value;
  for (let i = 0; i < e.duration; i++) {
    amounts.push(amount);
    amount = amount.times(step);
  }
  return { ok: true, amounts };
}

export function referenceRunModel(compiled: CompiledModel, overrides: Readonly<Record<string, number>>, scenario: string): RunResult {
  const { model } = compiled;
  const values = parameterValues(compiled, overrides);
  const schedule = scheduleOf(compiled);
  const horizon = model.metadata.horizon;
  const factors = schedule.factors(ZERO, horizon);
  const municipal = new Set(model.actors.filter((a) => a.municipal).map((a) => a.name));

  const table = new Map<string, Map<string, Dec>>(model.actors.map((a) => [a.name, new Map(model.categories.map((c) => [c.name, ZERO]))]));
  const byCategory = new Map<string, Dec>(model.categories.map((c) => [c.name, ZERO]));
  const flows: Map<string, Dec>[] = Array.from({ length: horizon }, () => new Map(model.actors.map((a) => [a.name, ZERO])));
  const yearCosts: Dec[] = Array.from({ length: horizon }, () => ZERO);
  const yearBenefits: Dec[] = Array.from({ length: horizon }, () => ZERO);
  let costs = ZERO;
  let benefits = ZERO;
  let financialBenefits = ZERO;
  let municipalCosts = ZERO;
  let municipalBenefits = ZERO;
  const effects: EffectResult[] = [];
  const pm: EffectResult[] = [];
  const problems: ModelProblem[] = [];
  // No result may silently become null or Infinity: a figure beyond ±1,8·10^308 is a problem that names where it arose.
  const tooLarge = (d: Dec) => !Number.isFinite(d.toNumber());
  const beyond = "valt buiten het bereik van getallen (±1,8·10^308); kijk of de parameters kloppen";
  const overflow: ModelProblem[] = [];

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
    const amounts = yearlyAmounts(e, values);
    if (!amounts.ok) {
      problems.push(amounts.problem);
      continue;
    }
    let ncw = ZERO;
    amounts.amounts.forEach((amount, i) => {
      const t = e.start + i;
      ncw = ncw.plus(amount.times(factors[t] as Dec));
      const yearFlows = flows[t] as Map<string, Dec>;
      for (const [actor, sign] of shares) addTo(yearFlows, actor, sign < 0 ? amount.neg() : amount);
      if (side === "kosten") yearCosts[t] = yearCosts[t]!.plus(amount);
      else if (side === "baten") yearBenefits[t] = yearBenefits[t]!.plus(amount);
    });
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
  flows.forEach((f, t) => {
    for (const [actor, d] of f) if (tooLarge(d)) overflow.push({ path: "(resultaat)", message: `de kasstroom van "${actor}" in jaar ${t} ${beyond}` });
  });
  if (overflow.length > 0) return { ok: false, problems: overflow.slice(0, 20) };

  const cashFlows: CashFlowYear[] = flows.map((byActorFlow, t) => ({
    year: model.metadata.firstYear + t,
    byActor: byActorFlow,
    saldo: [...byActorFlow.values()].reduce((a, b) => a.plus(b), ZERO),
    costs: yearCosts[t]!,
    benefits: yearBenefits[t]!,
  }));

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

/** Evaluates in decimals; division by zero or a non-real power is an error, never NaN or Infinity. */
function evaluateExpression(expression: Expression, parameters: ReadonlyMap<string, Dec>): EvaluationResult {
  const fail = (message: string): EvaluationResult => ({ ok: false, message });
  const walk = (e: Expression): EvaluationResult => {
    switch (e.type) {
      case "number":
        return { ok: true, value: e.value };
      case "parameter": {
        const value = parameters.get(e.key);
        return value === undefined ? fail(`onbekende parameter "${e.key}"`) : { ok: true, value };
      }
      case "negate": {
        const v = walk(e.operand);
        return v.ok ? { ok: true, value: v.value.neg() } : v;
      }
      case "call": {
        const values: Dec[] = [];
        for (const a of e.args) {
          const v = walk(a);
          if (!v.ok) return v;
          values.push(v.value);
        }
        return { ok: true, value: e.name === "min" ? Dec.min(...values) : Dec.max(...values) };
      }
      case "binary": {
        const l = walk(e.left);
        if (!l.ok) return l;
        const r = walk(e.right);
        if (!r.ok) return r;
        let value: Dec;
        switch (e.operator) {
          case "+":
            value = l.value.plus(r.value);
            break;
          case "-":
            value = l.value.minus(r.value);
            break;
          case "*":
            value = l.value.times(r.value);
            break;
          case "/":
            if (r.value.isZero()) return fail("deling door 0");
            value = l.value.div(r.value);
            break;
          case "^":
            value = l.value.pow(r.value);
            break;
        }
        return value.isFinite() ? { ok: true, value } : fail(`de uitkomst van "${e.operator}" is geen eindig reëel getal`);
      }
    }
  };
  return walk(expression);
}
