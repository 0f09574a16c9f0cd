/**
 * The default uncertainty of an LPBL model (standaardonzekerheid), the model's `uncertainty` section, which the
 * tornado and Monte Carlo use unless the analyst edits the Onzekerheid sheet:
 * - a key figure for which a seed gives a range (keyFigures.ts, `range`) varies over that range, with the distribution
 *   the key figure states — e.g. the costs of a prevented escalation over "een paar duizend euro tot soms wel
 *   € 100.000" (seed 001, regel 666) instead of ±20% around one illustrative price;
 * - a key figure without a range, and the analyst's cost estimates (the cost inputs of B, % nieuw gevonden), vary
 *   triangularly ±20% around their value (the engine's default, DEFAULT_RELATIVE_RANGE), inside their domain;
 * - the analyst's effect estimates (C.1–C.3) vary from no effect through the entered value to twice it (below);
 * - the three escalation prices, from one sentence of the seed, move together (rank correlation 0,8);
 * - what describes the approach itself (reach and its make-up, caseloads, team size and financing, disciplines) and
 *   the switches (attributie, welvaartsvisie, teamsamenstelling) stay fixed: varying a type share on its own would
 *   break the 100% the screen demands, and a switch is a choice, not an uncertainty.
 * A key figure the analyst overrode varies ±20% around the analyst's value: the seed's range belongs to the seed's value.
 */
import type { ModelUncertainty } from "../../model";
import { DEFAULT_RELATIVE_RANGE, defaultDistribution } from "../../uncertainty/monteCarlo";
import { LPBL_KEY_FIGURES } from "./keyFigures";

type Distribution = ModelUncertainty["distributions"][number];

/** Screen inputs that are cost estimates (they vary ±20% by default), with their domain. */
const ESTIMATED_COSTS: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  kosten_per_fte: { min: 0, max: Infinity },
  overige_teamkosten: { min: 0, max: Infinity },
  frictie: { min: 0, max: 1 },
  eenmalige_kosten: { min: 0, max: Infinity },
  nieuw_gevonden: { min: 0, max: 1 },
};

/**
 * The analyst's effect estimates (deel C) with their domain. Deel C is "vooraf ingeschat" (seed 001, Bijlage 2,
 * regel 1064) and effectiveness and prevented escalations "blijven indicatief" until an effect measurement (§5.3,
 * regel 843); the seed's comparable approaches run from no reported effect (Tabel 4.7: no OTS/UHP for Vb2–Vb4 and
 * Vb6; Tabel 4.5: −40% substitution in Voorbeeld 3) to several times the lowest figure (3%–18%). Their default is
 * therefore a triangle from no effect (0) through the entered value to twice it — the entered value is both the most
 * likely value and the mean — kept inside the domain.
 */
const EFFECT_ESTIMATES: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  subst_nieuw: { min: -1, max: 1 },
  subst_bestaand: { min: -1, max: 1 },
  succes_schuldhulp: { min: -1, max: 1 },
  succes_werk: { min: -1, max: 1 },
  succes_schooluitval: { min: -1, max: 1 },
  succes_consulten: { min: -1, max: 1 },
  succes_tweedelijn: { min: -1, max: 1 },
  escalatie_gezinnen: { min: 0, max: 1 },
  escalatie_ouderen: { min: 0, max: 1 },
  escalatie_overig: { min: 0, max: 1 },
  escalatie_huisuitzetting: { min: 0, max: 1 },
};
const EFFECT_NOTE = "Invoer deel C (vooraf ingeschat, seed 001 regels 843 en 1064): driehoek van geen effect via de ingevoerde waarde tot het dubbele";

/**
 * The three escalation prices come from one sentence of seed 001 (regel 666): how heavy the escalations an approach
 * prevents are is one uncertainty, so they move together (rank correlation 0,8, not 1: the kinds of care differ).
 */
export const ESCALATION_PRICE_CORRELATION = 0.8;
const ESCALATION_PRICES = ["kosten_ots_uhp", "kosten_intramuraal", "kosten_opname_ggz"] as const;

const STANDARD_NOTE = `Geen bandbreedte in de seeds: driehoek ±${Math.round(DEFAULT_RELATIVE_RANGE * 100)}% rond de waarde`;

/** ±20% around a value, inside [min, max]; none for 0. */
function standard(key: string, value: number, domain = { min: -Infinity, max: Infinity }, description = STANDARD_NOTE): Distribution | null {
  const d = defaultDistribution(value, DEFAULT_RELATIVE_RANGE);
  if (!d || d.type !== "driehoek") return null;
  const min = Math.max(d.min, domain.min);
  const max = Math.min(d.max, domain.max);
  if (!(min < max)) return null;
  return { parameter: key, type: "driehoek", min, mode: value, max, description };
}

/**
 * The uncertainty section of an LPBL model: the analyst's cost estimates first, then the effect estimates, then the key
 * figures, each group in the order of the parameters (the order of the draws, and of the rows on the Onzekerheid sheet).
 */
export function lpblUncertainty(parameters: readonly { readonly key: string; readonly value: number }[], overridden: ReadonlySet<string>): ModelUncertainty {
  const figures = new Map(LPBL_KEY_FIGURES.map((k) => [k.key, k] as const));
  const group = (key: string) => (ESTIMATED_COSTS[key] ? 0 : EFFECT_ESTIMATES[key] ? 1 : 2);
  const ordered = [...parameters].sort((a, b) => group(a.key) - group(b.key)); // a stable sort keeps each group's order
  const distributions: Distribution[] = [];
  for (const { key, value } of ordered) {
    const figure = figures.get(key);
    let d: Distribution | null = null;
    if (figure) {
      if (figure.uncertainty === "vast") continue;
      if (figure.uncertainty === "bandbreedte" && figure.range && !overridden.has(key)) {
        const r = figure.range;
        d = r.distribution.type === "uniform" ? { parameter: key, type: "uniform", min: r.low, max: r.high, description: r.source } : { parameter: key, type: "driehoek", min: r.low, mode: r.distribution.mode, max: r.high, description: r.source };
      } else {
        d = standard(key, value, undefined, overridden.has(key) ? `Door de analist opgegeven: driehoek ±${Math.round(DEFAULT_RELATIVE_RANGE * 100)}% rond die waarde` : STANDARD_NOTE);
      }
    } else if (ESTIMATED_COSTS[key]) {
      d = standard(key, value, ESTIMATED_COSTS[key], `Invoer (schatting): driehoek ±${Math.round(DEFAULT_RELATIVE_RANGE * 100)}% rond de waarde, binnen het toegestane bereik`);
    } else if (EFFECT_ESTIMATES[key]) {
      d = effectEstimate(key, value, EFFECT_ESTIMATES[key]);
    }
    if (d) distributions.push(d);
  }
  const varied = new Set(distributions.map((d) => d.parameter));
  const prices = ESCALATION_PRICES.filter((k) => varied.has(k) && !overridden.has(k));
  const correlations = prices.flatMap((a, i) => prices.slice(i + 1).map((b) => ({ parameters: [a, b] as [string, string], coefficient: ESCALATION_PRICE_CORRELATION, description: "één bandbreedte voor alle escalaties (seed 001, regel 666)" })));
  return { distributions, correlations };
}

/** An effect estimate: triangle 0 – value – 2 × value, inside the domain; none for 0. */
function effectEstimate(key: string, value: number, domain: { readonly min: number; readonly max: number }): Distribution | null {
  if (value === 0) return null;
  const a = Math.max(Math.min(0, 2 * value), domain.min);
  const b = Math.min(Math.max(0, 2 * value), domain.max);
  return { parameter: key, type: "driehoek", min: a, mode: value, max: b, description: EFFECT_NOTE };
}
