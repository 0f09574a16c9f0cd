/** The value of one effect (effectwaarde): hoeveelheid × prijs × attributie × (1 − deadweight), with terugval. */
import { Dec } from "../../engine/decimal";
import { toExcelNumber } from "../../engine/netPresentValue";
import { numberArgument, resultOf } from "../arguments";
import { SheetFunction, optional, required } from "../sheetFunction";

/**
 * `MKBA.EFFECTWAARDE(aantal; prijs; [attributie]; [deadweight]; [terugval]; [jaar])` — the effect in year `jaar`
 * (0 = the first year of the effect): aantal × prijs × attributie × (1 − deadweight) × (1 − terugval)^jaar.
 */
export const EFFECTWAARDE: SheetFunction = {
  id: "EFFECTWAARDE",
  parameters: [required("aantal"), required("prijs"), optional("attributie"), optional("deadweight"), optional("terugval"), optional("jaar")],
  evaluate([quantity, price, attribution, deadweight, relapse, year]) {
    const share = { min: 0, max: 1, what: "een aandeel van 0 tot en met 1 (0% tot 100%)" };
    const args = [
      numberArgument(quantity, "aantal"),
      numberArgument(price, "prijs"),
      numberArgument(attribution, "attributie", { ...share, fallback: 1 }),
      numberArgument(deadweight, "deadweight", { ...share, fallback: 0 }),
      numberArgument(relapse, "terugval", { ...share, fallback: 0 }),
      numberArgument(year, "jaar", { min: 0, fallback: 0, what: "een jaar van 0 of meer" }),
    ];
    for (const a of args) if (!a.ok) return a.error;
    const [q, p, a, d, r, t] = args.map((x) => (x.ok ? x.value : new Dec(0))) as [Dec, Dec, Dec, Dec, Dec, Dec];
    const value = q.times(p).times(a).times(new Dec(1).minus(d)).times(new Dec(1).minus(r).pow(t));
    return resultOf(toExcelNumber(value, "EFFECTWAARDE"));
  },
};
