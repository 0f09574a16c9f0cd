/**
 * "Draaien aan de knoppen" (seed 000 §1.10; seed 001 §5.1) done for every parameter at once: a tornado — the outcome
 * (saldo or a ratio) at a low and a high value of each parameter, sorted by impact — and the break-even value
 * (omslagpunt) of each parameter: where the saldo reaches 0 (or a ratio reaches 1), found by a bracketing root search.
 *
 * Every point is a run of the model itself, not a linearisation: the base outcome by the exact engine (runModel), the
 * low and high values and the root search by the float-compiled model (fastModel.ts, within 1e-9 of the exact engine,
 * and the exact engine wherever it cannot promise that) — so a tornado of the LPBL example costs milliseconds instead of
 * seconds. `exact: true` runs every point through the exact engine. A parameter that does not move the outcome is
 * listed as such, never dropped.
 */
import { CompiledModel, runModel, scenarioOverrides } from "../model";
import { distributionRange } from "./distributions";
import { FastOutcome, compileFastModel } from "./fastModel";
import { Outcome, fastOutcomeOf, outcomeOf } from "./outcomes";

export interface ParameterRange {
  readonly low: number;
  readonly high: number;
}

export interface TornadoOptions {
  readonly outcome?: Outcome;
  /** Default range: the base value ± this share (0,2 = ±20%). */
  readonly relative?: number;
  /**
   * The analyst's own range per parameter key (also the bounds of its break-even search). Without it, a parameter with
   * a distribution in the model's uncertainty section uses that distribution's range (distributionRange) for low and
   * high, as the Onzekerheid sheet does; the others ±relative.
   */
  readonly ranges?: Readonly<Record<string, ParameterRange>>;
  /** Only these parameters (default: every parameter of the model). */
  readonly keys?: readonly string[];
  /** Search the break-even values (default true; false leaves every row's breakEven "geen invloed"-free: not searched). */
  readonly breakEven?: boolean;
  /** Scenario whose parameters are the base (default: the base case). */
  readonly scenario?: string;
  /** Every point through the exact engine (slower; the default uses the float-compiled model where it is valid). */
  readonly exact?: boolean;
}

export type BreakEven =
  | { readonly kind: "gevonden"; readonly value: number; readonly direction: "stijgend" | "dalend"; readonly otherValues: readonly number[] }
  | { readonly kind: "niet bereikt"; readonly searched: ParameterRange }
  | { readonly kind: "geen invloed" }
  /** Not searched (breakEven: false). */
  | { readonly kind: "niet gezocht" };

export interface TornadoRow {
  readonly key: string;
  /** The parameter's Dutch label (its key only when it has none). */
  readonly label: string;
  readonly base: number;
  readonly range: ParameterRange;
  readonly outcomeLow: number | null;
  readonly outcomeHigh: number | null;
  /** |outcome(high) − outcome(low)|; 0 when the parameter does not move the outcome. */
  readonly swing: number;
  readonly moves: boolean;
  readonly breakEven: BreakEven;
  /** Why a point could not be computed (Dutch), if so. */
  readonly note?: string;
}

export interface Tornado {
  readonly outcome: Outcome;
  /** 0 for the saldo, 1 for a ratio. */
  readonly target: number;
  readonly scenario: string;
  readonly baseOutcome: number | null;
  /** Sorted by swing, largest first; parameters without influence last. */
  readonly rows: readonly TornadoRow[];
}

/** The tornado and the break-even values of every parameter of a validated model. */
export function tornado(compiled: CompiledModel, options: TornadoOptions = {}): Tornado {
  const outcome = options.outcome ?? "saldo";
  const target = outcome === "saldo" ? 0 : 1;
  const scenario = options.scenario ?? compiled.model.metadata.baseScenarioName;
  const base = scenarioOverrides(compiled, scenario) ?? {};
  const relative = options.relative ?? 0.2;
  const exactly = (key: string, value: number): number | null => {
    const r = runModel(compiled, { ...base, [key]: value }, scenario);
    return r.ok ? outcomeOf(r.run, outcome) : null;
  };
  const fast = options.exact ? null : compileFastModel(compiled);
  const vector = fast?.vector(scenario);
  const out = {} as FastOutcome;
  const evaluate = (key: string, value: number): number | null => {
    if (!fast || !vector) return exactly(key, value);
    const i = fast.indexOf.get(key)!;
    const before = vector[i]!;
    vector[i] = value;
    const r = fast.evaluate(vector, out);
    vector[i] = before;
    return r === null ? exactly(key, value) : fastOutcomeOf(r, outcome);
  };
  const baseRun = runModel(compiled, base, scenario);
  const baseOutcome = baseRun.ok ? outcomeOf(baseRun.run, outcome) : null;

  // Low and high: the analyst's range, else the range of the parameter's distribution in the model, else ±relative.
  // The break-even search stays within the analyst's own range only; otherwise it searches widely (breakEven).
  const fromModel = options.ranges ? {} : modelRanges(compiled);
  const only = options.keys ? new Set(options.keys) : null;
  const searchBreakEven = options.breakEven ?? true;
  const rows: TornadoRow[] = compiled.model.parameters.filter((p) => !only || only.has(p.key)).map((p) => {
    const value = base[p.key] ?? p.value;
    const own = options.ranges?.[p.key];
    const range = own ?? fromModel[p.key] ?? { low: value - Math.abs(value) * relative, high: value + Math.abs(value) * relative };
    const outcomeLow = evaluate(p.key, range.low);
    const outcomeHigh = evaluate(p.key, range.high);
    const swing = outcomeLow === null || outcomeHigh === null ? 0 : Math.abs(outcomeHigh - outcomeLow);
    const scale = Math.max(1, Math.abs(baseOutcome ?? 0));
    const moves = swing > 1e-9 * scale;
    const note =
      outcomeLow === null || outcomeHigh === null
        ? "de uitkomst bestaat niet aan een rand van het bereik (bijvoorbeeld kosten 0 bij een ratio)"
        : !own && !fromModel[p.key] && value === 0
          ? "waarde 0: ±% geeft geen bereik; geef een eigen bereik"
          : undefined;
    return {
      key: p.key,
      label: p.label !== "" ? p.label : p.key,
      base: value,
      range,
      outcomeLow,
      outcomeHigh,
      swing,
      moves,
      breakEven: !searchBreakEven ? { kind: "niet gezocht" } : moves || value === 0 ? breakEven((x) => evaluate(p.key, x), value, target, own) : { kind: "geen invloed" },
      ...(note ? { note } : {}),
    };
  });
  // Swings equal within 1e-9 (the float model's promise) count as equal and go by label, so that the order does not
  // depend on which engine computed them.
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
  rows.sort((a, b) => (same(a.swing, b.swing) ? a.label.localeCompare(b.label, "nl") : b.swing - a.swing));
  return { outcome, target, scenario, baseOutcome, rows };
}

/** The range of every parameter with a distribution in the model's uncertainty section. */
export function modelRanges(compiled: CompiledModel): Record<string, ParameterRange> {
  return Object.fromEntries((compiled.model.uncertainty?.distributions ?? []).map((d) => [d.parameter, distributionRange(d)]));
}

/**
 * Where f(x) = target, searched in the analyst's range or else from 0 to twenty times the base value (at least 0 … 1; for a
 * negative base from twenty times it to 0): a scan of 12 intervals for sign changes, each refined by false position (Illinois) to 1e-12 relative. The root
 * nearest the base value is reported; the others are listed (then the relation is not monotone).
 */
export function breakEven(f: (x: number) => number | null, base: number, target: number, range?: ParameterRange): BreakEven {
  // Without the analyst's range: stay on the parameter's side of 0 (a count, a price or a share is never negative),
  // up to twenty times its value.
  const searched = range ?? (base >= 0 ? { low: 0, high: Math.max(base * 20, 1) } : { low: base * 20, high: 0 });
  const steps = 12;
  const xs = Array.from({ length: steps + 1 }, (_, i) => searched.low + ((searched.high - searched.low) * i) / steps);
  const gs = xs.map((x) => {
    const y = f(x);
    return y === null ? null : y - target;
  });
  const roots: { value: number; direction: "stijgend" | "dalend" }[] = [];
  for (let i = 0; i < steps; i++) {
    const g0 = gs[i];
    const g1 = gs[i + 1];
    if (g0 === null || g0 === undefined || g1 === null || g1 === undefined) continue;
    if (g0 === 0) {
      roots.push({ value: xs[i]!, direction: g1 >= 0 ? "stijgend" : "dalend" });
      continue;
    }
    if (Math.sign(g0) === Math.sign(g1) || g1 === 0) continue;
    // Illinois false position: exact in one step for a linear relation, safe (always bracketed) otherwise.
    let lo = xs[i]!;
    let hi = xs[i + 1]!;
    let gLo = g0;
    let gHi = g1;
    let side = 0;
    for (let k = 0; k < 100 && Math.abs(hi - lo) > 1e-12 * Math.max(1, Math.abs(lo)); k++) {
      const x = (lo * gHi - hi * gLo) / (gHi - gLo);
      const y = f(x);
      if (y === null) break;
      const g = y - target;
      if (g === 0 || !Number.isFinite(x)) {
        lo = hi = x;
        break;
      }
      if (Math.sign(g) === Math.sign(gLo)) {
        lo = x;
        gLo = g;
        if (side === -1) gHi /= 2;
        side = -1;
      } else {
        hi = x;
        gHi = g;
        if (side === 1) gLo /= 2;
        side = 1;
      }
      if (Math.abs(g) <= 1e-12 * Math.max(1, Math.abs(target), Math.abs(y))) {
        lo = hi = x;
        break;
      }
    }
    roots.push({ value: (lo + hi) / 2, direction: g1 > g0 ? "stijgend" : "dalend" });
  }
  if (gs[steps] === 0) roots.push({ value: xs[steps]!, direction: "stijgend" });
  if (roots.length === 0) return { kind: "niet bereikt", searched };
  roots.sort((a, b) => Math.abs(a.value - base) - Math.abs(b.value - base));
  const [nearest, ...others] = roots;
  return { kind: "gevonden", value: nearest!.value, direction: nearest!.direction, otherValues: others.map((r) => r.value) };
}
