/**
 * A model run (doorrekening) as its readers see it — NCW per actor and category, costs, benefits, saldo, the three
 * ratios, the payback year, the cash flows per year, each effect's NCW — and the figures both ways of computing it
 * produce: the decimal engine (evaluate.ts) and its floating-point fast path (evaluateFast.ts). Each figure is the
 * double nearest to the decimal engine's 40-digit result (what a cell shows); a reader that computes on with them
 * (a sum over cohorts, a difference of scenarios) does so in decimals, from these doubles (`new Dec(x)`). The two
 * paths give the same figures bit for bit, and `assembleRun` turns them into the same run.
 */
import { DiscountSchedule, sharedSchedule } from "../discounting";
import { CompiledModel, ModelProblem, Nature, Side } from "./schema";

export interface Ratio {
  readonly value: number | null;
  /** Why the ratio is undefined (Dutch), when `value` is null. */
  readonly reason?: string;
}

export interface CashFlowYear {
  readonly year: number;
  readonly byActor: ReadonlyMap<string, number>;
  readonly saldo: number;
  /** Society's costs (kosten) that fall in this year, undiscounted, as a positive amount; transfers excluded. */
  readonly costs: number;
  /** Society's benefits (baten, financial and immaterial) that fall in this year, undiscounted; transfers excluded. */
  readonly benefits: number;
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
  readonly ncw: number;
}

export interface ModelRun {
  readonly scenario: string;
  readonly discountRule: DiscountSchedule["rule"];
  readonly costs: number;
  readonly benefits: number;
  readonly financialBenefits: number;
  readonly saldo: number;
  /** Signed NCW per actor × category (an actor's saldo contribution). */
  readonly table: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly byActor: ReadonlyMap<string, number>;
  /** Signed NCW per category for society: costs negative, transfers 0. */
  readonly byCategory: ReadonlyMap<string, number>;
  readonly ratios: { readonly social: Ratio; readonly financial: Ratio; readonly municipal: Ratio };
  readonly paybackYear: { readonly year: number | null; readonly reason?: string };
  readonly cashFlows: readonly CashFlowYear[];
  readonly effects: readonly EffectResult[];
  readonly pm: readonly EffectResult[];
}

export type RunResult = { ok: true; run: ModelRun } | { ok: false; problems: ModelProblem[] };

/** A ratio's figure: the quotient, or why there is none (its denominator is 0, or the quotient exceeds the doubles). */
export type RatioFigure = number | "nul" | "te groot";

/**
 * The figures of one run, each the double nearest to the decimal engine's result (−0 where that result is −0).
 * Arrays are indexed by the model's order: actors a, categories c, years t, quantified (non-pm) effects.
 */
export interface RunFigures {
  /** NCW per quantified effect, in the order of compiled.effects. */
  readonly effects: ArrayLike<number>;
  /** Signed NCW of actor a in category c at a · categories + c. */
  readonly table: ArrayLike<number>;
  readonly byActor: ArrayLike<number>;
  readonly byCategory: ArrayLike<number>;
  readonly costs: number;
  readonly benefits: number;
  readonly financialBenefits: number;
  readonly saldo: number;
  readonly ratios: { readonly social: RatioFigure; readonly financial: RatioFigure; readonly municipal: RatioFigure };
  /** Cash flow of actor a in year t at a · horizon + t. */
  readonly flows: ArrayLike<number>;
  readonly yearCosts: ArrayLike<number>;
  readonly yearBenefits: ArrayLike<number>;
  readonly yearSaldo: ArrayLike<number>;
  /** Index of the payback year (paybackIndex on the decimal saldos), or null. */
  readonly payback: number | null;
}

export type FiguresResult = { ok: true; figures: RunFigures } | { ok: false; problems: ModelProblem[] };

/** The model's discount schedule, shared per process (validation has checked the rule, so it is known). */
export function scheduleOf(compiled: CompiledModel): DiscountSchedule {
  return sharedSchedule(compiled.model.metadata.discountRule)!;
}

/** Signed shares of an effect's amount per actor: who loses (−1) and who gains (+1). */
export function partiesOf(effect: CompiledModel["effects"][number]): (readonly [string, 1 | -1])[] {
  const { effect: e, side } = effect;
  return side === "verdeling" ? [[e.from!, -1], [e.to!, 1]] : [[e.actor!, side === "kosten" ? -1 : 1]];
}

function ratioOf(figure: RatioFigure, zeroReason: string): Ratio {
  if (figure === "nul") return { value: null, reason: `${zeroReason} zijn 0` };
  if (figure === "te groot") return { value: null, reason: `${zeroReason} zijn vrijwel 0: de ratio is te groot om weer te geven` };
  return { value: figure };
}

/** The run readers see, from its figures. */
export function assembleRun(compiled: CompiledModel, schedule: DiscountSchedule, scenario: string, f: RunFigures): ModelRun {
  const { model } = compiled;
  const horizon = model.metadata.horizon;
  const categories = model.categories.length;
  const effects: EffectResult[] = [];
  const pm: EffectResult[] = [];
  let k = 0;
  for (const e of compiled.effects) {
    const { effect, side } = e;
    const actor = side === "verdeling" ? `${effect.from} → ${effect.to}` : (effect.actor as string);
    const parties = partiesOf(e);
    if (effect.nature === "pm") pm.push({ name: effect.name, category: effect.category, side, nature: "pm", actor, parties, ncw: 0 });
    else effects.push({ name: effect.name, category: effect.category, side, nature: effect.nature, actor, parties, ncw: f.effects[k++]! });
  }
  const table = new Map<string, Map<string, number>>(
    model.actors.map((a, i) => [a.name, new Map(model.categories.map((c, j) => [c.name, f.table[i * categories + j]!]))]),
  );
  const byActor = new Map<string, number>(model.actors.map((a, i) => [a.name, f.byActor[i]!]));
  const byCategory = new Map<string, number>(model.categories.map((c, j) => [c.name, f.byCategory[j]!]));
  const cashFlows: CashFlowYear[] = new Array<CashFlowYear>(horizon);
  for (let t = 0; t < horizon; t++) {
    cashFlows[t] = {
      year: model.metadata.firstYear + t,
      byActor: new Map(model.actors.map((a, i) => [a.name, f.flows[i * horizon + t]!])),
      saldo: f.yearSaldo[t]!,
      costs: f.yearCosts[t]!,
      benefits: f.yearBenefits[t]!,
    };
  }
  const municipal = model.actors.some((a) => a.municipal);
  return {
    scenario,
    discountRule: schedule.rule,
    costs: f.costs,
    benefits: f.benefits,
    financialBenefits: f.financialBenefits,
    saldo: f.saldo,
    table,
    byActor,
    byCategory,
    ratios: {
      social: ratioOf(f.ratios.social, "de kosten"),
      financial: ratioOf(f.ratios.financial, "de kosten"),
      municipal: ratioOf(f.ratios.municipal, municipal ? "de gemeentelijke kosten" : "er is geen gemeentelijke actor; de gemeentelijke kosten"),
    },
    paybackYear: f.payback === null ? { year: null, reason: "de contante baten halen de kosten binnen de looptijd niet in" } : { year: cashFlows[f.payback]!.year },
    cashFlows,
    effects,
    pm,
  };
}
