/**
 * Benefit/cost ratio (baten-kostenratio): NCW(baten) / |NCW(kosten)|. Costs may be entered as negative
 * or as positive amounts; a ratio with zero costs is undefined (#DIV/0!).
 */
import { Dec } from "./decimal";
import { Result, fail, ok } from "./errors";

export function benefitCostRatio(benefits: Dec, costs: Dec, costsArgumentName: string): Result<Dec> {
  if (costs.isZero()) {
    return fail("#DIV/0!", `${costsArgumentName}: de contante waarde van de kosten is 0, dus de ratio bestaat niet.`);
  }
  return ok(benefits.div(costs.abs()));
}
