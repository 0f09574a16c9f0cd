/**
 * Results for people and programs (rapportage): the JSON shape of `mkba run --json` and the Dutch tables of
 * `mkba run` (the per-actor table of AEPB Tabel 1.5, scenarios as Tabel 1.6, sensitivity as Tabel 1.7).
 */
import { Dec } from "../decimal";
import { formatNumber } from "../numberFormat";
import { Analysis } from "./analysis";
import { EffectResult, ModelRun, Ratio } from "./evaluate";

/** A figure for JSON and cells: −0 shows as 0. */
const num = (n: number): number => (n === 0 ? 0 : n);
const ratioNumber = (r: Ratio): number | null => (r.value === null ? null : num(r.value));
const record = (m: ReadonlyMap<string, number>): Record<string, number> => Object.fromEntries([...m].map(([k, v]) => [k, num(v)]));

/** The sum of figures in decimals, rounded to the double nearest to it (as the engine's own totals are). */
function sumInDecimals(xs: readonly number[]): number {
  let sum = new Dec(0);
  for (const x of xs) sum = sum.plus(x);
  return sum.toNumber();
}

/** An effect's signed NCW for one actor: −ncw for who pays, +ncw for who gains (both for a transfer to oneself), else 0. */
function signedShare(e: EffectResult, actor: string): number {
  return sumInDecimals(e.parties.filter(([a]) => a === actor).map(([, sign]) => (sign < 0 ? -e.ncw : e.ncw)));
}

export interface ScenarioJson {
  name: string;
  costs: number;
  benefits: number;
  saldo: number;
  ratios: { social: number | null; financial: number | null; municipal: number | null };
  /** Why a ratio is null (Dutch), for each ratio that is. */
  ratioReasons: { social?: string; financial?: string; municipal?: string };
  byActor: Record<string, number>;
  byCategory: Record<string, number>;
}

export interface AnalysisJson {
  model: string;
  discountRule: string;
  scenarios: ScenarioJson[];
  sensitivity: { name: string; deltaSaldo: number; saldo: number }[];
}

/**
 * The per-actor × category table of a run as cells (what MKBA.SCENARIO(…; "tabel") spills and the workbook plan caches):
 * headings, one row per category with each actor's signed NCW and the total, and the saldo row. Euros as numbers.
 */
export function actorTableCells(run: ModelRun, model: Analysis["compiled"]["model"]): (string | number)[][] {
  const actors = model.actors.map((a) => a.name);
  const rows: (string | number)[][] = [["", ...actors, "Totaal"]];
  for (const category of model.categories) {
    const values = actors.map((a) => run.table.get(a)!.get(category.name)!);
    rows.push([category.name, ...values, sumInDecimals(values)]);
  }
  rows.push(["Saldo", ...actors.map((a) => run.byActor.get(a)!), run.saldo]);
  return rows;
}

/**
 * The MKBA-overzicht in the layout of AEPB's Tabel 1.5 (seed 000): per category a heading row, under it one row per
 * effect with each actor's signed NCW and the total, and the saldo row (what MKBA.SCENARIO(…; "overzicht") spills).
 * Pro-memorie effects stand in their category with "PM" (seed 000 counts them but gives no amount).
 */
export function overviewCells(run: ModelRun, model: Analysis["compiled"]["model"]): (string | number)[][] {
  const actors = model.actors.map((a) => a.name);
  const rows: (string | number)[][] = [["", ...actors, "Totaal"]];
  for (const category of model.categories) {
    rows.push([category.name, ...actors.map(() => ""), ""]);
    for (const e of run.effects.filter((x) => x.category === category.name)) {
      const signed = actors.map((a) => signedShare(e, a));
      rows.push([e.name, ...signed.map(num), num(sumInDecimals(signed))]);
    }
    for (const e of run.pm.filter((x) => x.category === category.name)) rows.push([`${e.name} (PM)`, ...actors.map((a) => (e.parties.some(([p]) => p === a) ? "PM" : "")), "PM"]);
  }
  rows.push(["Saldo", ...actors.map((a) => num(run.byActor.get(a)!)), num(run.saldo)]);
  return rows;
}

/**
 * The cash flows per year (kasstromen, undiscounted) as cells, for the chart of costs and benefits over the years (seed
 * 001, Figuur 4.1) and the LPBL budget view: a heading row, then per year the year, the costs (negative: money out),
 * the benefits, the saldo and each actor's cash flow (what MKBA.SCENARIO(…; "kasstromen") spills).
 */
export function cashFlowCells(run: ModelRun, model: Analysis["compiled"]["model"]): (string | number)[][] {
  const actors = model.actors.map((a) => a.name);
  const rows: (string | number)[][] = [["Jaar", "Kosten", "Baten", "Saldo", ...actors]];
  // num: a year without costs shows 0, not −0.
  for (const y of run.cashFlows) rows.push([y.year, num(-y.costs), num(y.benefits), num(y.saldo), ...actors.map((a) => num(y.byActor.get(a)!))]);
  return rows;
}

/**
 * The cash flows of several runs one under another (what MKBA.SCENARIO(…; block of runs; "kasstromen") spills): one
 * heading, then each run's years with its name in front. At least one run.
 */
export function stackedCashFlowCells(runs: readonly { readonly name: string; readonly run: ModelRun }[], model: Analysis["compiled"]["model"]): (string | number)[][] {
  const tables = runs.map(({ run }) => cashFlowCells(run, model));
  return [["Run", ...tables[0]![0]!], ...runs.flatMap(({ name }, i) => tables[i]!.slice(1).map((row) => [name, ...row]))];
}

export function scenarioJson(run: ModelRun): ScenarioJson {
  return {
    name: run.scenario,
    costs: num(run.costs),
    benefits: num(run.benefits),
    saldo: num(run.saldo),
    ratios: { social: ratioNumber(run.ratios.social), financial: ratioNumber(run.ratios.financial), municipal: ratioNumber(run.ratios.municipal) },
    ratioReasons: Object.fromEntries(
      (["social", "financial", "municipal"] as const).filter((k) => run.ratios[k].value === null).map((k) => [k, run.ratios[k].reason ?? "niet te berekenen"]),
    ),
    byActor: record(run.byActor),
    byCategory: record(run.byCategory),
  };
}

export function analysisJson(analysis: Analysis): AnalysisJson {
  const { model } = analysis.compiled;
  return {
    model: model.metadata.name,
    discountRule: analysis.scenarios[0]?.discountRule.label ?? String(model.metadata.discountRule),
    scenarios: analysis.scenarios.map(scenarioJson),
    sensitivity: analysis.sensitivity.map((s) => ({ name: s.name, deltaSaldo: num(s.deltaSaldo), saldo: num(s.saldo) })),
  };
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd())
    .join("\n");
}

export interface TextOptions {
  /** 1 = euros, 1000 = × € 1.000 (the unit of most published MKBA tables). */
  readonly unit: 1 | 1000;
  /** Lines a model type adds beside a run's ratios (e.g. the LPBL warning when team costs are 0). */
  readonly notes?: (run: ModelRun) => readonly string[];
}

/** An amount in the unit (× € 1.000: divided in decimals, then rounded to the double shown). */
function amount(x: number, unit: number): string {
  return formatNumber(perUnit(x, unit), 0);
}

function perUnit(x: number, unit: number): number {
  return unit === 1 ? x : new Dec(x).div(unit).toNumber();
}

function ratioText(r: Ratio): string {
  return r.value === null ? `n.v.t. (${r.reason})` : formatNumber(r.value, 2);
}

function unitNote(unit: number, analysis: Analysis): string {
  const { metadata } = analysis.compiled.model;
  const last = metadata.firstYear + metadata.horizon - 1;
  const years = last === metadata.firstYear ? `${last}` : `${metadata.firstYear}-${last}`;
  return `${years} (NCW${unit === 1000 ? " × 1.000 euro" : " in euro"}; ${analysis.scenarios[0]?.discountRule.label ?? ""}; prijspeil ${metadata.priceBaseYear})`;
}

/** The per-actor table of one run: categories and their effects in rows, actors in columns. */
export function actorTableText(run: ModelRun, analysis: Analysis, options: TextOptions): string {
  const { model } = analysis.compiled;
  const actors = model.actors.map((a) => a.name);
  const rows: string[][] = [["", ...actors, "Totaal"]];
  for (const category of model.categories) {
    const effects = run.effects.filter((e) => e.category === category.name);
    const pm = run.pm.filter((e) => e.category === category.name);
    if (effects.length === 0 && pm.length === 0) continue;
    rows.push([category.name, ...actors.map(() => ""), ""]);
    for (const e of effects) {
      const signed = actors.map((a) => signedShare(e, a));
      rows.push([`  ${e.name}`, ...signed.map((x) => (x === 0 ? "" : amount(x, options.unit))), amount(sumInDecimals(signed), options.unit)]);
    }
    for (const e of pm) rows.push([`  ${e.name}`, ...actors.map((a) => (e.parties.some(([p]) => p === a) ? "PM" : "")), "PM"]);
  }
  rows.push(["Saldo", ...actors.map((a) => amount(run.byActor.get(a)!, options.unit)), amount(run.saldo, options.unit)]);
  return textTable(rows);
}

export function analysisText(analysis: Analysis, options: TextOptions): string {
  const { model } = analysis.compiled;
  const out: string[] = [];
  out.push(`MKBA — ${model.metadata.title}`);
  out.push(unitNote(options.unit, analysis));
  for (const run of analysis.scenarios) {
    out.push("", `MKBA-overzicht per actor — ${run.scenario}`, actorTableText(run, analysis, options));
    out.push(
      "",
      `Kosten ${amount(run.costs, options.unit)}, baten ${amount(run.benefits, options.unit)}, saldo ${amount(run.saldo, options.unit)}`,
      `Baten-kostenratio: maatschappelijk ${ratioText(run.ratios.social)}, financieel ${ratioText(run.ratios.financial)}, gemeentelijk ${ratioText(run.ratios.municipal)}`,
      `Terugverdienjaar (cumulatief contant saldo van alle kosten en baten, immateriële inbegrepen, blijvend ≥ 0): ${run.paybackYear.year ?? `geen (${run.paybackYear.reason})`}`,
      ...(options.notes?.(run) ?? []),
    );
    if (run.pm.length > 0) out.push(`PM-posten (niet gekwantificeerd, niet opgeteld): ${run.pm.map((p) => p.name).join(", ")}`);
  }
  if (analysis.scenarios.length > 1) {
    const runs = analysis.scenarios;
    const rows: string[][] = [["", ...runs.map((r) => r.scenario)]];
    rows.push(["Kosten", ...runs.map((r) => amount(-r.costs, options.unit))]);
    for (const c of model.categories.filter((c) => c.side === "baten")) rows.push([c.name, ...runs.map((r) => amount(r.byCategory.get(c.name)!, options.unit))]);
    rows.push(["Totaal", ...runs.map((r) => amount(r.saldo, options.unit))]);
    rows.push(["Ratio maatschappelijk", ...runs.map((r) => ratioText(r.ratios.social))]);
    out.push("", "MKBA-overzicht per scenario en effecttype", textTable(rows));
    for (const r of runs) out.push(...(options.notes?.(r) ?? []));
  }
  if (analysis.sensitivity.length > 0) {
    const decimals = options.unit === 1000 ? 1 : 0;
    const rows: string[][] = [["Aanpassing", "Δsaldo", "MKBA-saldo"]];
    for (const s of analysis.sensitivity) {
      rows.push([s.scenario === model.metadata.baseScenarioName ? s.name : `${s.name} (${s.scenario})`, formatNumber(perUnit(s.deltaSaldo, options.unit), decimals), formatNumber(perUnit(s.saldo, options.unit), decimals)]);
    }
    out.push("", "Gevoeligheidsanalyse", textTable(rows));
  }
  return out.join("\n") + "\n";
}
