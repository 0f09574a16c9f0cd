/**
 * Discounting functions (disconteren): MKBA.NCW, MKBA.RATIO, MKBA.DISCONTOFACTOR, MKBA.DISCONTOVOET,
 * MKBA.TERUGVERDIENJAAR and MKBA.INTERNRENDEMENT — all on the layout rules of MKBA.NCW.
 */
import { toRange, toScalar } from "../../engine/cells";
import { benefitCostRatio } from "../../engine/benefitCostRatio";
import { Dec, ZERO } from "../../engine/decimal";
import { factorTable, parseDiscountArgument } from "../../engine/discounting";
import { Result, fail, ok } from "../../engine/errors";
import { LIMITS, formatCount } from "../../engine/model/limits";
import { netPresentValueCached, toExcelNumber } from "../../engine/netPresentValue";
import { fastBenefitCostRatio, fastNetPresentValue } from "../../engine/netPresentValueFast";
import { paybackIndex } from "../../engine/payback";
import { discountingArguments, ncwOfArgument, numberArgument, numberValueArgument, resultOf, yearTotalsOfArgument } from "../arguments";
import { SheetFunction, optional, required } from "../sheetFunction";

/**
 * `MKBA.NCW(bedragen; [discontovoet]; [eerste_jaar])` — netto contante waarde. The floating-point fast path
 * (netPresentValueFast.ts) answers when it can prove its double is the decimal engine's; otherwise decimals.
 */
export const NCW: SheetFunction = {
  id: "NCW",
  parameters: [required("bedragen"), optional("discontovoet"), optional("eerste_jaar")],
  evaluate([amounts, rate, firstYear]) {
    const d = discountingArguments(rate, firstYear);
    if (!d.ok) return d.error;
    const range = toRange(amounts, "bedragen");
    if (!range.ok) return range.error;
    const fast = fastNetPresentValue(range.value, d.value.schedule, d.value.firstYear);
    if (fast !== undefined) return fast;
    const value = netPresentValueCached(range.value, d.value.schedule, d.value.firstYear, "bedragen");
    return value.ok ? resultOf(toExcelNumber(value.value, "NCW")) : value.error;
  },
};

/** `MKBA.RATIO(baten; kosten; [discontovoet]; [eerste_jaar])` — NCW(baten) / |NCW(kosten)|, fast path as NCW. */
export const RATIO: SheetFunction = {
  id: "RATIO",
  parameters: [required("baten"), required("kosten"), optional("discontovoet"), optional("eerste_jaar")],
  evaluate([benefits, costs, rate, firstYear]) {
    const d = discountingArguments(rate, firstYear);
    if (!d.ok) return d.error;
    const benefitsRange = toRange(benefits, "baten");
    const costsRange = toRange(costs, "kosten");
    if (benefitsRange.ok && costsRange.ok) {
      const fast = fastBenefitCostRatio(benefitsRange.value, costsRange.value, d.value.schedule, d.value.firstYear);
      if (fast !== undefined) return fast;
    }
    const b = ncwOfArgument(benefits, "baten", d.value);
    if (!b.ok) return b.error;
    const c = ncwOfArgument(costs, "kosten", d.value);
    if (!c.ok) return c.error;
    const ratio = benefitCostRatio(b.value, c.value, "kosten");
    return ratio.ok ? resultOf(toExcelNumber(ratio.value, "RATIO")) : ratio.error;
  },
};

function scheduleArgument(rate: Parameters<SheetFunction["evaluate"]>[0][number]) {
  const v = toScalar(rate, "discontovoet");
  return v.ok ? parseDiscountArgument(v.value, "discontovoet") : v;
}

/**
 * `MKBA.DISCONTOFACTOR(jaar; [discontovoet])` — the value today of € 1 in year `jaar`: the first factor of the
 * cached factor table of that rule and year, whose double is the decimal factor's nearest.
 */
export const DISCONTOFACTOR: SheetFunction = {
  id: "DISCONTOFACTOR",
  parameters: [required("jaar"), optional("discontovoet")],
  evaluate([year, rate]) {
    const t = numberValueArgument(year, "jaar", { min: 0, what: "een jaar van 0 of meer (0 = niet verdisconteerd, 0,5 = halverwege)" });
    if (!t.ok) return t.error;
    const schedule = scheduleArgument(rate);
    if (!schedule.ok) return schedule.error;
    const table = factorTable(schedule.value, t.value === 0 ? 0 : t.value, 1);
    return resultOf(toExcelNumber(table.decimals[0] as Dec, "DISCONTOFACTOR"));
  },
};

/** `MKBA.DISCONTOVOET(jaar; [discontovoet])` — the annual rate a rule applies in year `jaar`. */
export const DISCONTOVOET: SheetFunction = {
  id: "DISCONTOVOET",
  parameters: [required("jaar"), optional("discontovoet")],
  evaluate([year, rate]) {
    const t = numberArgument(year, "jaar", { min: 0, what: "een jaar van 0 of meer" });
    if (!t.ok) return t.error;
    const schedule = scheduleArgument(rate);
    if (!schedule.ok) return schedule.error;
    return resultOf(toExcelNumber(schedule.value.rate(t.value), "DISCONTOVOET"));
  },
};

/** `MKBA.TERUGVERDIENJAAR(bedragen; [discontovoet]; [eerste_jaar])` — first year the cumulative NCW is ≥ 0 for good. */
export const TERUGVERDIENJAAR: SheetFunction = {
  id: "TERUGVERDIENJAAR",
  parameters: [required("bedragen"), optional("discontovoet"), optional("eerste_jaar")],
  evaluate([amounts, rate, firstYear]) {
    const d = discountingArguments(rate, firstYear);
    if (!d.ok) return d.error;
    const totals = yearTotalsOfArgument(amounts, "bedragen");
    if (!totals.ok) return totals.error;
    const first = new Dec(d.value.firstYear);
    const index = paybackIndex(totals.value, d.value.schedule.factors(first, totals.value.length));
    if (index === null) return resultOf(fail("#N/A", "bedragen: de cumulatieve contante waarde wordt binnen de reeks niet blijvend 0 of meer (niet terugverdiend)."));
    return resultOf(toExcelNumber(first.plus(index), "TERUGVERDIENJAAR"));
  },
};

/**
 * `MKBA.INTERNRENDEMENT(bedragen; [schatting])` — the rate at which the NCW of the flows is 0 (internal rate of
 * return). As Excel's IR/IRR: the first cell is year 0, a guess (default 10%) starts the search, at least one
 * positive and one negative amount are needed, and no convergence gives #NUM!. Unlike IR, blank cells count as 0
 * and keep their place (the MKBA.NCW rules).
 */
export const INTERNRENDEMENT: SheetFunction = {
  id: "INTERNRENDEMENT",
  parameters: [required("bedragen"), optional("schatting")],
  evaluate([amounts, guess]) {
    const totals = yearTotalsOfArgument(amounts, "bedragen");
    if (!totals.ok) return totals.error;
    if (totals.value.length > LIMITS.irrYears) {
      return resultOf(fail("#VALUE!", `bedragen: ${formatCount(totals.value.length)} jaren; MKBA.INTERNRENDEMENT rekent met hoogstens ${formatCount(LIMITS.irrYears)} jaren.`));
    }
    const start = numberArgument(guess, "schatting", { fallback: 0.1, what: "een getal groter dan −1 (bijv. 10%)" });
    if (!start.ok) return start.error;
    if (start.value.lte(-1)) return resultOf(fail("#VALUE!", "schatting: verwacht een getal groter dan −1 (bijv. 10%)."));
    const flows = totals.value;
    if (!flows.some((f) => f.gt(0)) || !flows.some((f) => f.lt(0))) {
      return resultOf(fail("#NUM!", "bedragen: er is minstens één positief en één negatief bedrag nodig."));
    }
    const rate = internalRateOfReturn(flows, start.value.toNumber());
    return rate.ok ? resultOf(toExcelNumber(rate.value, "INTERNRENDEMENT")) : rate.error;
  },
};

/** NCW, its derivative, and the scale Σ|flow × factor| at rate r, in decimals. */
function npvAndSlope(flows: readonly Dec[], r: Dec): [npv: Dec, slope: Dec, scale: Dec] {
  const growth = r.plus(1);
  let npv = ZERO;
  let slope = ZERO;
  let scale = ZERO;
  let factor = new Dec(1);
  flows.forEach((flow, t) => {
    const term = flow.times(factor);
    npv = npv.plus(term);
    scale = scale.plus(term.abs());
    slope = slope.minus(term.times(t).div(growth));
    factor = factor.div(growth);
  });
  return [npv, slope, scale];
}

/**
 * A rate is only an internal rate of return when it is a verified root: the NCW there is negligible against the
 * discounted flows themselves (relative residual ≤ 1e-15), and the NCW changes sign across a small interval around
 * it, or is exactly 0. This rejects the "roots at infinity" Newton runs into from a far guess (every discounted flow
 * tiny, so the NCW is tiny too, without being a root).
 */
function isVerifiedRoot(flows: readonly Dec[], r: Dec): boolean {
  if (!r.isFinite() || r.lte(-1)) return false;
  const [npv, , scale] = npvAndSlope(flows, r);
  if (npv.isZero()) return true;
  if (scale.isZero() || npv.abs().gt(scale.times("1e-15"))) return false;
  const delta = Dec.max(r.plus(1).abs().times("1e-12"), new Dec("1e-30"));
  const below = npvAndSlope(flows, r.minus(delta))[0];
  const above = npvAndSlope(flows, r.plus(delta))[0];
  return below.isZero() || above.isZero() || below.isNeg() !== above.isNeg();
}

/**
 * Newton's method from the guess (as Excel), accepted only at a verified root; otherwise bisection on the first sign
 * change of a grid of rates, again verified.
 */
function internalRateOfReturn(flows: readonly Dec[], guess: number): Result<Dec> {
  let r = new Dec(guess);
  for (let i = 0; i < 100; i++) {
    const [npv, slope] = npvAndSlope(flows, r);
    if (npv.isZero() && isVerifiedRoot(flows, r)) return ok(r);
    if (slope.isZero()) break;
    const next = r.minus(npv.div(slope));
    if (!next.isFinite() || next.lte(-1) || next.gt(1e6)) break;
    if (next.minus(r).abs().lte(next.abs().plus(1).times("1e-30"))) {
      if (isVerifiedRoot(flows, next)) return ok(next);
      break;
    }
    r = next;
  }
  // Bisection on the first sign change of the NCW on a grid of rates.
  const grid = [-0.999, -0.99, -0.9, -0.5, -0.2, 0, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 1000, 1e4, 1e5, 1e6].map((g) => new Dec(g));
  for (let i = 0; i + 1 < grid.length; i++) {
    let lo = grid[i]!;
    let hi = grid[i + 1]!;
    let fLo = npvAndSlope(flows, lo)[0];
    const fHi = npvAndSlope(flows, hi)[0];
    if (fLo.isZero() && isVerifiedRoot(flows, lo)) return ok(lo);
    if (fLo.isZero() || fHi.isZero() || fLo.isNeg() === fHi.isNeg()) continue;
    for (let k = 0; k < 400 && hi.minus(lo).gt(hi.abs().plus(1).times("1e-34")); k++) {
      const mid = lo.plus(hi).div(2);
      const fMid = npvAndSlope(flows, mid)[0];
      if (fMid.isZero()) {
        lo = hi = mid;
        break;
      }
      if (fMid.isNeg() === fLo.isNeg()) {
        lo = mid;
        fLo = fMid;
      } else hi = mid;
    }
    const root = lo.plus(hi).div(2);
    if (isVerifiedRoot(flows, root)) return ok(root);
  }
  return fail("#NUM!", "bedragen: geen internrendement gevonden: de netto contante waarde wordt bij geen rente tussen −99,9% en 1.000.000% nul (of de berekening convergeert niet); controleer de bedragen of probeer een andere schatting.");
}
