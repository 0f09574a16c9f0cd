/**
 * The MKBA model (model) and its file format `*.mkba.json`, schemaVersion 1: the zod schema is the authority,
 * docs/model-format.md explains it and docs/model.schema.json is generated from it (npm run docs:schema).
 * `validateModel` checks structure and meaning (names that refer to each other, expressions, years inside the
 * horizon) and lists every problem with its JSON path and a Dutch message; it never throws.
 */
import { z } from "zod";
import { describeRuleNames, ruleFor } from "../discounting";
import { Expression, parseExpression, parametersOf } from "./expression";
import { LIMITS, formatCount } from "./limits";
import { FORBIDDEN_KEY_MESSAGE, dutchIssueMessage } from "./messages";
import { jsonValueProblems } from "./jsonLimits";
import { targetMatrix } from "../uncertainty/correlation";

export const SCHEMA_VERSION = 1;

const name = z.string().trim().min(1, "mag niet leeg zijn").max(LIMITS.name, `hoogstens ${LIMITS.name} tekens`);
const text = z.string().max(LIMITS.text, `hoogstens ${formatCount(LIMITS.text)} tekens`);
const maxItems = (max: number, what: string) => `hoogstens ${formatCount(max)} ${what} (een grens van de invoegtoepassing, die elke berekening binnen een paar seconden houdt)`;
/** A number or an expression over parameter keys. */
const numeric = z.union([z.number().finite(), z.string().min(1, "mag niet leeg zijn").max(LIMITS.expression, `een rekenregel heeft hoogstens ${formatCount(LIMITS.expression)} tekens`)]);

export const parameterSchema = z
  .object({
    key: z
      .string()
      .max(LIMITS.name, `een sleutel heeft hoogstens ${LIMITS.name} tekens`)
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "een sleutel bestaat uit letters, cijfers en _, en begint met een letter of _")
      .refine((k) => k !== "__proto__", FORBIDDEN_KEY_MESSAGE),
    value: z.number().finite(),
    unit: text.default(""),
    label: text.default(""),
    source: text.default(""),
  })
  .strict();

export const actorSchema = z.object({ name, municipal: z.boolean().default(false), description: text.optional() }).strict();

export const SIDES = ["kosten", "baten", "verdeling"] as const;
export const categorySchema = z.object({ name, side: z.enum(SIDES) }).strict();

export const NATURES = ["financieel", "immaterieel", "pm"] as const;

const profileSchema = z
  .object({
    start: z.number().int().min(0).max(LIMITS.horizon - 1, `een startjaar ligt binnen de looptijd (hoogstens jaar ${LIMITS.horizon - 1})`).default(0),
    duration: z.number().int().min(1).max(LIMITS.horizon, `een effect duurt hoogstens ${LIMITS.horizon} jaar`).optional(),
    growth: numeric.optional(),
    dropOff: numeric.optional(),
    amounts: z.array(numeric).min(1).max(LIMITS.horizon, `hoogstens ${LIMITS.horizon} bedragen (één per jaar van de looptijd)`).optional(),
  })
  .strict();

export const effectSchema = z
  .object({
    name,
    description: text.optional(),
    category: name,
    nature: z.enum(NATURES),
    actor: name.optional(),
    from: name.optional(),
    to: name.optional(),
    amount: numeric.optional(),
    profile: profileSchema.optional(),
    source: text.optional(),
  })
  .strict();

const overridesSchema = z
  .record(z.string().max(LIMITS.name), z.number().finite())
  .refine((o) => Object.keys(o).length <= LIMITS.overrides, maxItems(LIMITS.overrides, "aanpassingen"));

export const scenarioSchema = z.object({ name, description: text.optional(), overrides: overridesSchema.default({}) }).strict();
export const sensitivityRunSchema = z
  .object({ name, description: text.optional(), scenario: name.optional(), overrides: overridesSchema.default({}) })
  .strict();

const finiteNumber = z.number().finite();
const positive = (what: string) => finiteNumber.gt(0, `${what} moet groter zijn dan 0`);
const distributionParameter = z.string().max(LIMITS.name, `een sleutel heeft hoogstens ${LIMITS.name} tekens`);
const distributionCommon = { parameter: distributionParameter, description: text.optional() };
/** The most values of a discrete distribution, correlated pairs, and distributions (one per parameter at most). */
export const UNCERTAINTY_LIMITS = { discreteValues: 1_000, correlations: 100 } as const;

/**
 * A parameter's probability distribution (kansverdeling) for Monte Carlo (src/engine/uncertainty): the type in Dutch,
 * bounds in the parameter's own unit. Bounds (min ≤ mode ≤ max, probabilities summing to 1) are checked in validateModel.
 */
export const distributionSchema = z.discriminatedUnion("type", [
  z.object({ ...distributionCommon, type: z.literal("uniform"), min: finiteNumber, max: finiteNumber }).strict(),
  z.object({ ...distributionCommon, type: z.literal("driehoek"), min: finiteNumber, mode: finiteNumber, max: finiteNumber }).strict(),
  z
    .object({
      ...distributionCommon,
      type: z.literal("pert"),
      min: finiteNumber,
      mode: finiteNumber,
      max: finiteNumber,
      lambda: positive("lambda").max(100, "lambda is hoogstens 100 (standaard 4)").optional(),
    })
    .strict(),
  z.object({ ...distributionCommon, type: z.literal("normaal"), mean: finiteNumber, sd: positive("de standaardafwijking (sd)") }).strict(),
  z.object({ ...distributionCommon, type: z.literal("lognormaal"), mean: positive("het gemiddelde van een lognormale verdeling"), sd: positive("de standaardafwijking (sd)") }).strict(),
  z
    .object({
      ...distributionCommon,
      type: z.literal("discreet"),
      values: z.array(finiteNumber).min(1, "minstens één waarde").max(UNCERTAINTY_LIMITS.discreteValues, maxItems(UNCERTAINTY_LIMITS.discreteValues, "waarden")),
      probabilities: z
        .array(finiteNumber.min(0, "een kans ligt tussen 0 en 1").max(1, "een kans ligt tussen 0 en 1"))
        .min(1, "minstens één kans")
        .max(UNCERTAINTY_LIMITS.discreteValues, maxItems(UNCERTAINTY_LIMITS.discreteValues, "kansen")),
    })
    .strict(),
]);

/** A rank correlation (Spearman) between two parameters that both have a distribution. */
export const correlationSchema = z
  .object({
    parameters: z.tuple([distributionParameter, distributionParameter]),
    coefficient: finiteNumber.min(-1, "een correlatie ligt tussen −1 en 1").max(1, "een correlatie ligt tussen −1 en 1"),
    description: text.optional(),
  })
  .strict();

/** Uncertainty (onzekerheid): distributions per parameter and rank correlations between them, for Monte Carlo. Optional. */
export const uncertaintySchema = z
  .object({
    distributions: z.array(distributionSchema).max(LIMITS.parameters, maxItems(LIMITS.parameters, "verdelingen")).default([]),
    correlations: z.array(correlationSchema).max(UNCERTAINTY_LIMITS.correlations, maxItems(UNCERTAINTY_LIMITS.correlations, "correlaties")).default([]),
  })
  .strict();

export const modelSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    metadata: z
      .object({
        name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "kleine letters, cijfers en -"),
        title: name,
        description: text.optional(),
        priceBaseYear: z.number().int().min(1900).max(2200),
        firstYear: z.number().int().min(1900).max(2200),
        horizon: z.number().int().min(1).max(LIMITS.horizon, `hoogstens ${LIMITS.horizon} jaar`),
        discountRule: z.union([z.string().max(LIMITS.name), z.number().finite().gt(-1).max(10, "een discontovoet van meer dan 1.000% per jaar is geen discontovoet")]),
        unit: z.literal("euro").default("euro"),
        baseScenarioName: name.default("Basisvariant"),
        sources: z.array(text).max(100, maxItems(100, "bronnen")).default([]),
      })
      .strict(),
    parameters: z.array(parameterSchema).max(LIMITS.parameters, maxItems(LIMITS.parameters, "parameters")).default([]),
    actors: z.array(actorSchema).min(1, "minstens één actor").max(LIMITS.actors, maxItems(LIMITS.actors, "actoren")),
    categories: z.array(categorySchema).min(1, "minstens één categorie").max(LIMITS.categories, maxItems(LIMITS.categories, "categorieën")),
    effects: z.array(effectSchema).max(LIMITS.effects, maxItems(LIMITS.effects, "effecten")),
    scenarios: z.array(scenarioSchema).max(LIMITS.scenarios, maxItems(LIMITS.scenarios, "scenario's")).default([]),
    sensitivity: z.array(sensitivityRunSchema).max(LIMITS.sensitivityRuns, maxItems(LIMITS.sensitivityRuns, "gevoeligheidsruns")).default([]),
    uncertainty: uncertaintySchema.optional(),
  })
  .strict();

export type ModelInput = z.input<typeof modelSchema>;
export type Model = z.output<typeof modelSchema>;
export type Effect = z.output<typeof effectSchema>;
export type ModelDistribution = z.output<typeof distributionSchema>;
export type ModelUncertainty = z.output<typeof uncertaintySchema>;
export type Side = (typeof SIDES)[number];
export type Nature = (typeof NATURES)[number];

export interface ModelProblem {
  /** JSON path, e.g. `effects[3].amount`. */
  readonly path: string;
  readonly message: string;
}

/** An expression field after validation: parsed once, evaluated per scenario. */
export type CompiledNumeric = Expression;

export interface CompiledEffect {
  readonly index: number;
  readonly effect: Effect;
  readonly side: Side;
  /** Year indices and the expression of each year's base amount. */
  readonly amount: CompiledNumeric | null;
  readonly amounts: readonly CompiledNumeric[] | null;
  readonly start: number;
  readonly duration: number;
  readonly growth: CompiledNumeric | null;
  readonly dropOff: CompiledNumeric | null;
}

export interface CompiledModel {
  readonly model: Model;
  readonly effects: readonly CompiledEffect[];
}

export type ValidationResult = { ok: true; compiled: CompiledModel } | { ok: false; problems: ModelProblem[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  return out === "" ? "(model)" : out;
}

function duplicates(values: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return twice;
}

/** Dutch messages (messages.ts), with the discount rule's own wording. */
function dutchError(issue: Parameters<typeof dutchIssueMessage>[0]): string {
  if (issue.code === "invalid_union" && issue.path?.at(-1) === "discountRule") {
    return `geef de naam van een discontoregel (${describeRuleNames()}) of een getal groter dan −1`;
  }
  return dutchIssueMessage(issue);
}

/** Structure (zod, Dutch messages) and then meaning; every problem, not just the first. */
/** The base case and every scenario, in the model's order (the names MKBA.SCENARIO and --scenario accept). */
export function scenarioNames(model: { readonly metadata: { readonly baseScenarioName: string }; readonly scenarios: readonly { readonly name: string }[] }): string[] {
  return [model.metadata.baseScenarioName, ...model.scenarios.map((s) => s.name)];
}

export function validateModel(data: unknown): ValidationResult {
  // Depth, size and `__proto__` keys first, without recursion: zod and everything after it then meet a bounded value.
  const unsafe = jsonValueProblems(data);
  if (unsafe.length > 0) return { ok: false, problems: unsafe };
  const parsed = modelSchema.safeParse(data, { error: dutchError });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
  }
  const model = parsed.data;
  const problems: ModelProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  // Suggestions cost a search over the known names: only for the first few problems, so that a model full of
  // unknown references is still answered at once.
  let suggestions = 0;
  const hint = (value: string, known: Iterable<string>) => (suggestions++ < 20 ? suggest(value, known) : "");

  if (!ruleFor(model.metadata.discountRule)) {
    problem("metadata.discountRule", `onbekende discontoregel "${model.metadata.discountRule}"; kies een getal groter dan −1 of een van ${describeRuleNames()}`);
  }

  const keys = new Set(model.parameters.map((p) => p.key));
  for (const key of duplicates(model.parameters.map((p) => p.key))) problem("parameters", `de sleutel "${key}" komt meer dan eens voor`);
  const actors = new Set(model.actors.map((a) => a.name));
  for (const n of duplicates(model.actors.map((a) => a.name))) problem("actors", `de actor "${n}" komt meer dan eens voor`);
  const sides = new Map(model.categories.map((c) => [c.name, c.side] as const));
  for (const n of duplicates(model.categories.map((c) => c.name))) problem("categories", `de categorie "${n}" komt meer dan eens voor`);
  const scenarios = scenarioNames(model);
  for (const n of duplicates(scenarios)) problem("scenarios", `het scenario "${n}" komt meer dan eens voor`);
  for (const n of duplicates(model.sensitivity.map((s) => s.name))) problem("sensitivity", `de gevoeligheidsrun "${n}" komt meer dan eens voor`);

  const compileNumeric = (value: number | string | undefined, path: string): CompiledNumeric | null => {
    if (value === undefined) return null;
    if (typeof value === "number") return parseExpressionOrThrow(String(value));
    const result = parseExpression(value);
    if (!result.ok) {
      problem(path, `rekenregel "${value}": ${result.message}`);
      return null;
    }
    for (const key of parametersOf(result.expression)) {
      if (!keys.has(key)) problem(path, `rekenregel "${value}": onbekende parameter "${key}"${hint(key, keys)}`);
    }
    return result.expression;
  };

  const effects: CompiledEffect[] = [];
  model.effects.forEach((effect, index) => {
    const at = `effects[${index}]`;
    const side = sides.get(effect.category);
    if (!side) problem(`${at}.category`, `onbekende categorie "${effect.category}"${hint(effect.category, sides.keys())}`);
    const checkActor = (field: "actor" | "from" | "to") => {
      const value = effect[field];
      if (value !== undefined && !actors.has(value)) problem(`${at}.${field}`, `onbekende actor "${value}"${hint(value, actors)}`);
    };
    (["actor", "from", "to"] as const).forEach(checkActor);
    if (side === "verdeling") {
      if (effect.from === undefined || effect.to === undefined) problem(at, "een verdelingseffect heeft een betalende (from) en een ontvangende actor (to)");
      if (effect.actor !== undefined) problem(`${at}.actor`, "een verdelingseffect heeft from en to, geen actor");
      if (effect.from !== undefined && effect.from === effect.to) problem(`${at}.to`, "from en to moeten verschillende actoren zijn");
    } else if (side !== undefined) {
      if (effect.actor === undefined) problem(`${at}.actor`, "verplicht: de actor bij wie dit effect valt");
      if (effect.from !== undefined || effect.to !== undefined) problem(at, "from en to horen alleen bij een verdelingseffect");
    }

    const profile = effect.profile;
    if (effect.nature === "pm") {
      if (effect.amount !== undefined || profile !== undefined) problem(at, "een PM-post heeft geen bedrag en geen tijdsprofiel");
      effects.push({ index, effect, side: side ?? "baten", amount: null, amounts: null, start: 0, duration: 0, growth: null, dropOff: null });
      return;
    }
    if (profile?.amounts !== undefined) {
      if (effect.amount !== undefined) problem(`${at}.amount`, "geef óf amount met een profiel, óf profile.amounts per jaar, niet beide");
      if (profile.duration !== undefined || profile.growth !== undefined || profile.dropOff !== undefined) {
        problem(`${at}.profile`, "bij profile.amounts horen geen duration, growth of dropOff");
      }
    } else if (effect.amount === undefined) {
      problem(`${at}.amount`, "verplicht: het bedrag per jaar (een getal of een rekenregel)");
    }
    const start = profile?.start ?? 0;
    const duration = profile?.amounts?.length ?? profile?.duration ?? 1;
    if (start + duration > model.metadata.horizon) {
      problem(`${at}.profile`, `jaren ${start} t/m ${start + duration - 1} vallen buiten de looptijd van ${model.metadata.horizon} jaar (jaar 0 t/m ${model.metadata.horizon - 1})`);
    }
    effects.push({
      index,
      effect,
      side: side ?? "baten",
      amount: compileNumeric(effect.amount, `${at}.amount`),
      amounts: profile?.amounts ? profile.amounts.map((a, i) => compileNumeric(a, `${at}.profile.amounts[${i}]`) ?? ZERO_EXPRESSION) : null,
      start,
      duration,
      growth: compileNumeric(profile?.growth, `${at}.profile.growth`),
      dropOff: compileNumeric(profile?.dropOff, `${at}.profile.dropOff`),
    });
  });

  const checkOverrides = (overrides: Record<string, number>, path: string) => {
    for (const key of Object.keys(overrides)) {
      if (!keys.has(key)) problem(`${path}.overrides.${key}`, `onbekende parameter "${key}"${hint(key, keys)}`);
    }
  };
  model.scenarios.forEach((s, i) => checkOverrides(s.overrides, `scenarios[${i}]`));
  model.sensitivity.forEach((s, i) => {
    checkOverrides(s.overrides, `sensitivity[${i}]`);
    if (s.scenario !== undefined && !scenarios.includes(s.scenario)) {
      problem(`sensitivity[${i}].scenario`, `onbekend scenario "${s.scenario}"${hint(s.scenario, scenarios)}`);
    }
  });

  if (model.uncertainty) checkUncertainty(model.uncertainty, keys, problem, hint);

  // Work budget: effect-years per run and over the whole analysis (base case, scenarios, sensitivity runs).
  const effectYears = effects.reduce((sum, e) => sum + e.duration, 0);
  const runs = 1 + model.scenarios.length + model.sensitivity.length;
  if (effectYears > LIMITS.effectYearsPerRun) {
    problem("effects", `de effecten beslaan samen ${formatCount(effectYears)} effectjaren; hoogstens ${formatCount(LIMITS.effectYearsPerRun)} (een grens die elke doorrekening binnen een seconde houdt)`);
  } else if (effectYears * runs > LIMITS.effectYearRuns) {
    problem("scenarios", `${formatCount(effectYears)} effectjaren × ${formatCount(runs)} doorrekeningen (basis, scenario's en gevoeligheidsruns) is meer dan ${formatCount(LIMITS.effectYearRuns)}; gebruik minder scenario's of gevoeligheidsruns`);
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, compiled: { model, effects } };
}

/** Meaning of the uncertainty section: known parameters, one distribution each, consistent bounds, a usable correlation matrix. */
function checkUncertainty(
  uncertainty: ModelUncertainty,
  keys: ReadonlySet<string>,
  problem: (path: string, message: string) => void,
  hint: (value: string, known: Iterable<string>) => string,
): void {
  const seen = new Map<string, number>();
  uncertainty.distributions.forEach((d, i) => {
    const at = `uncertainty.distributions[${i}]`;
    if (!keys.has(d.parameter)) problem(`${at}.parameter`, `onbekende parameter "${d.parameter}"${hint(d.parameter, keys)}`);
    else if (seen.has(d.parameter)) problem(`${at}.parameter`, `de parameter "${d.parameter}" heeft al een verdeling (uncertainty.distributions[${seen.get(d.parameter)}])`);
    else seen.set(d.parameter, i);
    const nl = (x: number) => String(x).replace(".", ",");
    switch (d.type) {
      case "uniform":
        if (d.min > d.max) problem(`${at}.max`, `max (${nl(d.max)}) moet minstens min (${nl(d.min)}) zijn`);
        break;
      case "driehoek":
      case "pert":
        if (d.min > d.max) problem(`${at}.max`, `max (${nl(d.max)}) moet minstens min (${nl(d.min)}) zijn`);
        else if (d.mode < d.min || d.mode > d.max) problem(`${at}.mode`, `de meest waarschijnlijke waarde (mode ${nl(d.mode)}) ligt tussen min (${nl(d.min)}) en max (${nl(d.max)})`);
        break;
      case "discreet": {
        if (d.values.length !== d.probabilities.length) {
          problem(`${at}.probabilities`, `${d.probabilities.length} kansen bij ${d.values.length} waarden; geef bij elke waarde één kans`);
          break;
        }
        const sum = d.probabilities.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - 1) > 1e-9) problem(`${at}.probabilities`, `de kansen tellen op tot ${nl(Number(sum.toPrecision(12)))}; samen moeten ze 1 zijn`);
        break;
      }
      default:
        break;
    }
  });
  const pairs = new Map<string, number>();
  const correlated: string[] = [];
  const valid: { i: number; j: number; rank: number }[] = [];
  uncertainty.correlations.forEach((c, i) => {
    const at = `uncertainty.correlations[${i}]`;
    const [a, b] = c.parameters;
    let ok = true;
    c.parameters.forEach((key, k) => {
      if (!keys.has(key)) {
        problem(`${at}.parameters[${k}]`, `onbekende parameter "${key}"${hint(key, keys)}`);
        ok = false;
      } else if (!seen.has(key)) {
        problem(`${at}.parameters[${k}]`, `de parameter "${key}" heeft geen verdeling in uncertainty.distributions; alleen parameters met een verdeling kunnen samenhangen`);
        ok = false;
      }
    });
    if (a === b) {
      problem(`${at}.parameters`, "een correlatie hoort bij twee verschillende parameters");
      return;
    }
    const pair = [a, b].sort().join("\u0000");
    if (pairs.has(pair)) {
      problem(`${at}.parameters`, `de correlatie tussen "${a}" en "${b}" staat er al (uncertainty.correlations[${pairs.get(pair)}])`);
      return;
    }
    pairs.set(pair, i);
    if (!ok) return;
    const index = (key: string) => {
      const at = correlated.indexOf(key);
      return at >= 0 ? at : correlated.push(key) - 1;
    };
    valid.push({ i: index(a), j: index(b), rank: c.coefficient });
  });
  if (valid.length > 0 && valid.length === uncertainty.correlations.length) {
    const target = targetMatrix(correlated.length, valid);
    if (!target.ok) {
      const perfect = valid.some((v) => Math.abs(v.rank) === 1);
      problem("uncertainty.correlations", perfect ? `${target.message} (een correlatie van precies 1 of −1 kan niet; gebruik bijvoorbeeld 0,99)` : target.message);
    }
  }
}

const ZERO_EXPRESSION = parseExpressionOrThrow("0");

function parseExpressionOrThrow(source: string): Expression {
  const r = parseExpression(source);
  if (!r.ok) throw new Error(`interne fout: "${source}" is geen geldige rekenregel`);
  return r.expression;
}

/** `; bedoelt u "x"?` for the closest known name, if one is close. */
export function suggest(value: string, known: Iterable<string>): string {
  const near = nearest(value, known, 1);
  return near.length > 0 ? `; bedoelt u "${near[0]}"?` : "";
}

/** Up to `count` known names closest to `value` (Levenshtein distance, case-insensitive), close ones only. */
export function nearest(value: string, known: Iterable<string>, count: number): string[] {
  const v = value.toLowerCase();
  if (v.length > LIMITS.name) return [];
  // Bounded work: at most LIMITS.suggestionCandidates names and about two million character comparisons per search,
  // so that a model full of long unknown references is still answered at once.
  let budget = 1_000_000;
  let seen = 0;
  const found: { k: string; d: number }[] = [];
  for (const k of known) {
    if (++seen > LIMITS.suggestionCandidates) break;
    const limit = Math.max(2, Math.floor(Math.max(k.length, v.length) / 3));
    if (Math.abs(k.length - v.length) > limit) continue;
    budget -= (v.length + 1) * (k.length + 1);
    if (budget < 0) break;
    const d = levenshtein(v, k.toLowerCase(), limit);
    if (d <= limit) found.push({ k, d });
  }
  return found
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map(({ k }) => k);
}

/** Edit distance, or a number above `limit` as soon as it is certain to exceed it. */
function levenshtein(a: string, b: string, limit: number): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = deletion < insertion ? (deletion < substitution ? deletion : substitution) : insertion < substitution ? insertion : substitution;
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
