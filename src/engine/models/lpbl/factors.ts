/**
 * Factors applied to the analyst's inputs (toegepaste factoren): every number the model multiplies an entered effect
 * or the reach by, named once here with its label and source. The effects use `usedInput(key)` — the entered value
 * times its factors — and the outputs list the same factors (`appliedFactors`: the JSON, the text output and the
 * block "Gebruikte waarden" on the Invoer sheet), so that no input is shrunk out of sight and no label shows a number
 * other than the one used.
 *
 * In the base case every factor on an effect is 1: attributie (the entered effects are net, seed 001 Tabel 4.7,
 * regel 696) and team breadth (off unless the scenario "Teamsamenstelling telt mee" switches it on). The served
 * share (capacity.ts) applies to the reach.
 */
import { Dec } from "../../decimal";
import { evaluateExpression, parametersOf, parseExpression } from "../../model/expression";
import { FTE_NEEDED, SERVED_SHARE } from "./capacity";
import { Discipline } from "./inputs";

/** Parameter key per team discipline (the actor each supplies is in model.ts). */
export const DISCIPLINE_PARAMETER: Readonly<Record<Discipline, string>> = {
  youth: "disc_jeugd",
  mentalHealthAdults: "disc_ggz",
  workIncomeDebts: "disc_wi",
  welfare: "disc_welzijn",
  care: "disc_zorg",
  housing: "disc_wonen",
};

/**
 * The disciplines each C.2 success bears on (reconstruction of seed 001 §3.3.4: the six disciplines, regel 456; "In
 * een wijk met veel ouderen ligt dan de nadruk op zorg en welzijn, een wijk met veel gezinnen is jeugd en Werk en
 * Inkomen sterker vertegenwoordigd", regel 472; work outflow when "de sociale dienst in deze aanpak onderdeel uitmaakt
 * van het team", regel 660). Adding Wonen to a team therefore no longer raises work outflow.
 */
export const SUCCESS_DISCIPLINES: Readonly<Record<string, readonly Discipline[]>> = {
  succes_schuldhulp: ["workIncomeDebts"],
  succes_werk: ["workIncomeDebts"],
  succes_schooluitval: ["youth"],
  succes_consulten: ["care", "mentalHealthAdults"],
  succes_tweedelijn: ["mentalHealthAdults", "care", "youth"],
};

/** A factor on an input: its expression over parameters, Dutch label and source. */
export interface InputFactor {
  readonly id: string;
  readonly label: string;
  readonly expression: string;
  readonly source: string;
}

const ATTRIBUTION: InputFactor = {
  id: "attributie",
  label: "Attributie",
  expression: "attributie",
  source: "kengetal attributie (seed 001, Tabel 4.7, regel 696: de kengetallen zijn al netto; 1 bij netto invoer)",
};

/** Team breadth for one success: 1 − switch × share × (1 − [a matching discipline is in the team]). */
export function breadthFactor(key: string): InputFactor {
  const disciplines = SUCCESS_DISCIPLINES[key];
  if (!disciplines) throw new Error(`interne fout: geen disciplines voor ${key}`);
  const present = `min(${disciplines.map((d) => DISCIPLINE_PARAMETER[d]).join(" + ")}, 1)`;
  return {
    id: `breedte_${key}`,
    label: `Teamsamenstelling (${disciplines.length === 1 ? "discipline" : "disciplines"}: ${disciplines.map((d) => DISCIPLINE_LABEL_SHORT[d]).join(", ")})`,
    expression: `(1 - teamsamenstelling_telt * kg_effectiviteit_breedte * (1 - ${present}))`,
    source: "seed 001 §3.3.4, regels 456–473; alleen als teamsamenstelling_telt = 1 (scenario 'Teamsamenstelling telt mee')",
  };
}

const DISCIPLINE_LABEL_SHORT: Readonly<Record<Discipline, string>> = {
  youth: "Jeugd",
  mentalHealthAdults: "GGZ-volwassenen",
  workIncomeDebts: "Werk & inkomen/Schulden",
  welfare: "Welzijn",
  care: "Zorg",
  housing: "Wonen",
};

/** The served share as a factor on the reach (capacity.ts). */
export const SERVED_FACTOR: InputFactor = {
  id: "bediend_aandeel",
  label: "Bediend aandeel van het bereik: min(1, ingevoerde fte ÷ benodigde fte)",
  expression: SERVED_SHARE,
  source: "seed 001, regel 496 (caseload = huishoudens per fte per jaar in behandeling) en regel 946 (benodigd aantal fte); zie src/engine/models/lpbl/capacity.ts",
};

const SUCCESS_LABELS: Readonly<Record<string, string>> = {
  succes_schuldhulp: "C.2 Succes trajecten: schuldhulp",
  succes_werk: "C.2 Succes trajecten: direct naar werk",
  succes_schooluitval: "C.2 Succes trajecten: schooluitval",
  succes_consulten: "C.2 Succes trajecten: consulten eerste lijn",
  succes_tweedelijn: "C.2 Succes trajecten: doorverwijzing tweede lijn",
};

/** The effect inputs (C.2 and C.3) with their Dutch labels and factors, in screen order. */
export const EFFECT_INPUTS: readonly { readonly key: string; readonly label: string; readonly factors: readonly InputFactor[] }[] = [
  ...(["succes_schuldhulp", "succes_werk", "succes_schooluitval", "succes_consulten", "succes_tweedelijn"] as const).map((key) => ({
    key,
    label: SUCCESS_LABELS[key]!,
    factors: [ATTRIBUTION, breadthFactor(key)],
  })),
  { key: "escalatie_gezinnen", label: "C.3 Voorkomen escalatie gezinnen (OTS/UHP)", factors: [ATTRIBUTION] },
  { key: "escalatie_ouderen", label: "C.3 Voorkomen escalatie ouderen (intramuraal V&V)", factors: [ATTRIBUTION] },
  { key: "escalatie_overig", label: "C.3 Voorkomen escalatie overige hh (opname GGZ)", factors: [ATTRIBUTION] },
  { key: "escalatie_huisuitzetting", label: "C.3 Voorkomen huisuitzettingen (alle hh)", factors: [ATTRIBUTION] },
];

/** The value the model uses for an effect input: the entered value × its factors (an expression). */
export function usedInput(key: string): string {
  const input = EFFECT_INPUTS.find((i) => i.key === key);
  if (!input) throw new Error(`interne fout: onbekende effectinvoer ${key}`);
  return `(${[key, ...input.factors.map((f) => f.expression)].join(" * ")})`;
}

/** One input with the factors applied to it and the value used, as the outputs show them. */
export interface AppliedInput {
  readonly key: string;
  readonly label: string;
  readonly entered: number;
  readonly factors: readonly { readonly id: string; readonly label: string; readonly value: number; readonly source: string }[];
  /** entered × every factor: the value the model computes with. */
  readonly used: number;
}

export interface AppliedFactors {
  /** fte the reach needs (bereik × caseload), the denominator of the served share. */
  readonly fteNeeded: number;
  /** The served share of the reach, applied to every quantity of households. */
  readonly servedShare: { readonly label: string; readonly value: number; readonly source: string };
  readonly inputs: readonly AppliedInput[];
}

/** An expression of the model evaluated for parameter values (decimals, as the engine), as a number. */
export function evaluateWith(expression: string, valueOf: (key: string) => number): number {
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new Error(`interne fout in een rekenregel: ${parsed.message}`);
  const values = new Map<string, Dec>();
  for (const k of parametersOf(parsed.expression)) values.set(k, new Dec(valueOf(k)));
  const r = evaluateExpression(parsed.expression, values);
  if (!r.ok) throw new Error(`interne fout in een rekenregel: ${r.message}`);
  return r.value.toNumber();
}

/** Every factor evaluated for parameter values (the model's parameters with a run's overrides). */
export function appliedFactors(valueOf: (key: string) => number): AppliedFactors {
  const evaluate = (expression: string) => evaluateWith(expression, valueOf);
  return {
    fteNeeded: evaluate(FTE_NEEDED),
    servedShare: { label: SERVED_FACTOR.label, value: evaluate(SERVED_FACTOR.expression), source: SERVED_FACTOR.source },
    inputs: EFFECT_INPUTS.map((input) => {
      const factors = input.factors.map((f) => ({ id: f.id, label: f.label, value: evaluate(f.expression), source: f.source }));
      return { key: input.key, label: input.label, entered: valueOf(input.key), factors, used: evaluate(usedInput(input.key)) };
    }),
  };
}

