/**
 * The audit sheets (controlebladen) of a model as a workbook plan: *Rekenblad* — the whole calculation as plain Excel
 * formulas over named parameter cells, no MKBA.* function, no macro, no external link — and *Controle*, one row per
 * engine result beside the same figure computed on the Rekenblad, with the difference and a Dutch verdict.
 * An auditor, a council's controller or a colleague without the add-in can follow every figure cell by cell ("Broncellen
 * aanwijzen"), change a parameter and see every dependent figure follow. docs/audit.md explains how to read them.
 *
 * The formulas follow src/engine/model/evaluate.ts exactly: yearly amount = bedrag × ((1 + groei) × (1 − terugval))^i in
 * year start + i (or the amounts per year), NCW = Σ amount × discount factor, the actor table signed per actor
 * (kosten −, baten +, a transfer − for the payer and + for the receiver), saldo = baten − kosten, the three ratios
 * and the payback year as the first year from which the cumulative discounted saldo stays ≥ 0.
 */
import { ruleFor } from "../discounting";
import { CompiledEffect, CompiledModel, ModelRun } from "../model";
import { PLAN_SCHEMA_VERSION, PlanCell, SheetBuilder, WorkbookPlan, a1, columnLetter, formulaText } from "../workbook/plan";
import { expressionToExcel, parameterNames } from "./excelFormula";

export const REKENBLAD = "Rekenblad";
export const CONTROLE = "Controle";

const EURO = '"€" #,##0.00;[Red]"€" -#,##0.00';
const FACTOR = "0.000000000";
const RATIO = "0.0000";
const SHARE = "0.00%";

/** Tolerances of the Controle sheet: € 0,01 for amounts, 1e-6 for ratios, 0 for a year. */
export const TOLERANCE = { euro: 0.01, ratio: 0.000001, year: 0 } as const;

/** First column of the year columns (K), shared by the discount rows, the effects and the payback rows. */
const YEAR_COLUMN = 10;

type Cell = Omit<PlanCell, "row" | "column">;
const label = (value: string): Cell => ({ value, style: "label" });
const heading = (value: string): Cell => ({ value, style: "heading" });
const note = (value: string): Cell => ({ value, style: "note" });
const formula = (f: string, numberFormat?: string, style: PlanCell["style"] = "output"): Cell => ({ formula: `=${f}`, ...(numberFormat ? { numberFormat } : {}), style });

export interface AuditPlanOptions {
  /** Document settings to keep (model type, schema version). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Where the Rekenblad put each result, for the Controle sheet. */
interface ResultCells {
  costs: string;
  benefits: string;
  financialBenefits: string;
  saldo: string;
  municipalCosts: string;
  municipalBenefits: string;
  ratios: { social: string; financial: string; municipal: string };
  payback: string;
  byActor: Map<string, string>;
  byCategory: Map<string, string>;
  table: Map<string, Map<string, string>>;
  effectNcw: Map<number, string>;
}

/** The Rekenblad and Controle sheets of a validated model and its base-case run. */
export function auditPlan(compiled: CompiledModel, run: ModelRun, options: AuditPlanOptions = {}): WorkbookPlan {
  const { sheet: rekenblad, names, cells } = rekenbladSheet(compiled);
  const controle = controleSheet(compiled, run, cells);
  return {
    planVersion: PLAN_SCHEMA_VERSION,
    sheets: [rekenblad, controle],
    names,
    settings: { "mkba.audit": "1", "mkba.model": compiled.model.metadata.name, ...(options.settings ?? {}) },
  };
}

function rekenbladSheet(compiled: CompiledModel) {
  const { model } = compiled;
  const m = model.metadata;
  const horizon = m.horizon;
  const rule = ruleFor(m.discountRule)!;
  const s = new SheetBuilder(REKENBLAD, "De hele berekening van het model in gewone Excel-formules, zonder MKBA-functies: volg elk getal met Broncellen aanwijzen.");
  const planNames: WorkbookPlan["names"][number][] = [];
  const lastYearColumn = YEAR_COLUMN + horizon - 1;
  const ncwColumn = lastYearColumn + 1;
  const municipalCostColumn = ncwColumn + 1;
  const municipalBenefitColumn = ncwColumn + 2;
  const signColumn = ncwColumn + 3;
  /** Who loses and who gains the effect (the actor table sums over these, never over a list of cells: see below). */
  const loserColumn = ncwColumn + 4;
  const gainerColumn = ncwColumn + 5;

  s.addRow([{ value: `Rekenblad — ${m.title}`, style: "title" }]);
  s.addRow([note("Elke uitkomst op dit blad is een gewone Excel-formule over de parameters (gele cellen, elk met een naam p_…). Wijzig een parameter en alle uitkomsten volgen; het blad Controle vergelijkt ze met de rekenkern van de invoegtoepassing.")]);
  s.addRow([note(`Looptijd ${horizon} jaar vanaf ${m.firstYear} (jaar 0 = ${m.firstYear}, niet verdisconteerd); prijspeil ${m.priceBaseYear}; ${rule.label}. Bedragen in euro's; kosten positief ingevoerd.`)]);
  s.skip();

  // 1. Parameters: each a named input cell.
  s.addRow([{ value: "1. Parameters", style: "section" }]);
  s.addRow([heading("Sleutel"), heading("Waarde"), heading("Eenheid"), heading("Omschrijving"), heading("Bron"), heading("Naam in de formules")]);
  const nameOf = parameterNames(model.parameters.map((p) => p.key));
  for (const p of model.parameters) {
    const row = s.addRow([label(p.key), { value: p.value, style: "input" }, note(p.unit), note(p.label), note(p.source), note(nameOf.get(p.key)!)]);
    planNames.push({ name: nameOf.get(p.key)!, sheet: REKENBLAD, range: { row, column: 1, rowCount: 1, columnCount: 1 }, comment: p.label || p.key });
  }
  const name = (key: string) => nameOf.get(key) ?? `p_${key}`;
  s.skip();

  // 2. Discounting: the rule's segments as named rates, the year rows and one discount factor per year.
  s.addRow([{ value: "2. Discontering", style: "section" }]);
  s.addRow([heading("Segment"), heading("Discontovoet"), heading("Vanaf jaar (na)"), heading("Tot en met jaar")]);
  const segments: { rate: string; start: number; end: number | null }[] = [];
  let start = 0;
  rule.segments.forEach((segment, k) => {
    const row = s.addRow([label(`Segment ${k + 1}`), { value: Number(segment.rate), style: "input", numberFormat: SHARE }, { value: start }, segment.untilYear === null ? note("daarna") : { value: segment.untilYear }]);
    const rateName = `dv_${k + 1}`;
    planNames.push({ name: rateName, sheet: REKENBLAD, range: { row, column: 1, rowCount: 1, columnCount: 1 }, comment: `discontovoet, segment ${k + 1}` });
    segments.push({ rate: rateName, start, end: segment.untilYear });
    if (segment.untilYear !== null) start = segment.untilYear;
  });
  const yearRow = s.addRow([label("Jaar (index)"), ...Array.from({ length: YEAR_COLUMN - 1 }, () => null), ...Array.from({ length: horizon }, (_, t) => ({ value: t, style: "heading" as const }))]);
  const yearRef = (t: number) => `${columnLetter(YEAR_COLUMN + t)}$${yearRow + 1}`;
  const calendarRow = s.addRow([label("Kalenderjaar"), ...Array.from({ length: YEAR_COLUMN - 1 }, () => null), ...Array.from({ length: horizon }, (_, t) => formula(`${m.firstYear}+${yearRef(t)}`))]);
  // factor(t) = Π over segments (1 + r_k)^−(part of (0, t] inside segment k)
  const factorOf = (t: number) =>
    "1/(" +
    segments
      .map(({ rate, start: from, end }) => `(1+${rate})^MAX(0,${end === null ? yearRef(t) : `MIN(${yearRef(t)},${end})`}-${from})`)
      .join("*") +
    ")";
  const factorRow = s.addRow([label("Discontofactor"), ...Array.from({ length: YEAR_COLUMN - 1 }, () => null), ...Array.from({ length: horizon }, (_, t) => formula(factorOf(t), FACTOR))]);
  const factorRange = `$${columnLetter(YEAR_COLUMN)}$${factorRow + 1}:$${columnLetter(lastYearColumn)}$${factorRow + 1}`;
  s.skip();

  // 3. Effects: amount, profile, amounts per year, NCW, municipal shares, saldo sign.
  s.addRow([{ value: "3. Effecten (bedrag × profiel per jaar, contante waarde)", style: "section" }]);
  s.addRow([
    heading("Effect"), heading("Categorie"), heading("Kant"), heading("Aard"), heading("Actor (van → naar)"), heading("Bedrag in het startjaar"),
    heading("Groei per jaar"), heading("Terugval per jaar"), heading("Startjaar"), heading("Duur (jaren)"),
    ...Array.from({ length: horizon }, (_, t) => heading(`jaar ${t}`)),
    heading("NCW"), heading("Gemeentelijke kosten (NCW)"), heading("Gemeentelijke baten (NCW)"), heading("Teken in het saldo"),
    heading("Nadeel voor"), heading("Voordeel voor"),
  ]);
  const municipal = new Set(model.actors.filter((a) => a.municipal).map((a) => a.name));
  const effectRows = new Map<number, number>();
  const firstEffectRow = s.row;
  for (const e of compiled.effects) {
    const row = s.row;
    effectRows.set(e.index, row);
    s.addRow(effectCells(e, row, name, yearRef, horizon, factorRange, municipal));
  }
  const lastEffectRow = Math.max(firstEffectRow, s.row - 1);
  const effectRange = (column: number) => `$${columnLetter(column)}$${firstEffectRow + 1}:$${columnLetter(column)}$${lastEffectRow + 1}`;
  s.skip();

  // 4. The table per actor and category (signed per actor), with totals.
  s.addRow([{ value: "4. Per actor en categorie (NCW; + = voordeel, − = nadeel voor de actor)", style: "section" }]);
  const actors = model.actors.map((a) => a.name);
  s.addRow([heading("Categorie"), ...actors.map(heading), heading("Totaal")]);
  const table = new Map<string, Map<string, string>>(actors.map((a) => [a, new Map()]));
  const byCategory = new Map<string, string>();
  const firstTableRow = s.row;
  for (const category of model.categories) {
    const row = s.row;
    const cellsOfRow: Cell[] = [label(category.name)];
    // What the actor gains minus what it loses in this category: one SUMPRODUCT over the effect rows each, so that the
    // formula stays short however many effects there are (Excel refuses a formula above 8.192 characters; a sum of
    // cells, +$X$1+$X$2…, passed that at about 900 effects of one actor). A PM row's NCW is text and counts as 0.
    const inCategory = `--(${effectRange(1)}=${formulaText(category.name)})`;
    actors.forEach((actor, i) => {
      const side = (column: number) => `SUMPRODUCT(${inCategory},--(${effectRange(column)}=${formulaText(actor)}),${effectRange(ncwColumn)})`;
      cellsOfRow.push(formula(`${side(gainerColumn)}-${side(loserColumn)}`, EURO));
      table.get(actor)!.set(category.name, a1(row, 1 + i, true));
    });
    cellsOfRow.push(formula(`SUM(${a1(row, 1)}:${a1(row, actors.length)})`, EURO, "total"));
    byCategory.set(category.name, a1(row, actors.length + 1, true));
    s.addRow(cellsOfRow);
  }
  const lastTableRow = s.row - 1;
  const saldoRow = s.row;
  s.addRow([
    { value: "Saldo", style: "total" },
    ...actors.map((_, i) => formula(`SUM(${a1(firstTableRow, 1 + i)}:${a1(lastTableRow, 1 + i)})`, EURO, "total")),
    formula(`SUM(${a1(saldoRow, 1)}:${a1(saldoRow, actors.length)})`, EURO, "total"),
  ]);
  const byActor = new Map(actors.map((a, i) => [a, a1(saldoRow, 1 + i, true)]));
  s.skip();

  // 5. Totals and ratios.
  s.addRow([{ value: "5. Totalen en baten-kostenratio's", style: "section" }]);
  const sides = effectRange(2);
  const natures = effectRange(3);
  const ncws = effectRange(ncwColumn);
  const total = (text: string, f: string, format = EURO) => {
    const row = s.addRow([label(text), formula(f, format, "total")]);
    return a1(row, 1, true);
  };
  const costs = total("Kosten (NCW)", `SUMIF(${sides},"kosten",${ncws})`);
  const benefits = total("Baten (NCW)", `SUMIF(${sides},"baten",${ncws})`);
  const financialBenefits = total("Financiële baten (NCW)", `SUMIFS(${ncws},${sides},"baten",${natures},"financieel")`);
  const saldo = total("Saldo (baten − kosten)", `${benefits}-${costs}`);
  const municipalCosts = total("Gemeentelijke kosten, incl. betaalde overdrachten (NCW)", `SUM(${effectRange(municipalCostColumn)})`);
  const municipalBenefits = total("Gemeentelijke financiële baten, incl. ontvangen overdrachten (NCW)", `SUM(${effectRange(municipalBenefitColumn)})`);
  const ratio = (text: string, numerator: string, denominator: string) => total(text, `IF(${denominator}=0,"n.v.t.",${numerator}/ABS(${denominator}))`, RATIO);
  const ratios = {
    social: ratio("Baten-kostenratio, maatschappelijk (baten / kosten)", benefits, costs),
    financial: ratio("Baten-kostenratio, financieel (financiële baten / kosten)", financialBenefits, costs),
    municipal: ratio("Baten-kostenratio, gemeentelijk", municipalBenefits, municipalCosts),
  };
  s.skip();

  // 6. Payback: saldo per year, discounted, cumulative, and the first year from which it stays ≥ 0.
  s.addRow([{ value: "6. Terugverdienjaar (eerste jaar vanaf wanneer de cumulatieve contante saldo blijvend ≥ 0 is)", style: "section" }]);
  const pad = () => Array.from({ length: YEAR_COLUMN - 1 }, () => null);
  const years = Array.from({ length: horizon }, (_, t) => t);
  const flowRow = s.addRow([label("Saldo per jaar (niet contant)"), ...pad(), ...years.map((t) => formula(`SUMPRODUCT(${effectRange(signColumn)},${columnLetter(YEAR_COLUMN + t)}$${firstEffectRow + 1}:${columnLetter(YEAR_COLUMN + t)}$${lastEffectRow + 1})`, EURO))]);
  const discountedRow = s.addRow([label("Contant saldo per jaar"), ...pad(), ...years.map((t) => formula(`${a1(flowRow, YEAR_COLUMN + t)}*${a1(factorRow, YEAR_COLUMN + t)}`, EURO))]);
  const cumulativeRow = s.addRow([label("Cumulatief contant saldo"), ...pad(), ...years.map((t) => formula(t === 0 ? a1(discountedRow, YEAR_COLUMN) : `${a1(s.row, YEAR_COLUMN + t - 1)}+${a1(discountedRow, YEAR_COLUMN + t)}`, EURO))]);
  const lastCumulative = a1(cumulativeRow, lastYearColumn, true);
  const stayRow = s.addRow([label("Vanaf hier blijvend ≥ 0 (1 = ja)"), ...pad(), ...years.map((t) => formula(`IF(COUNTIF(${a1(cumulativeRow, YEAR_COLUMN + t)}:${lastCumulative},"<0")=0,1,0)`))]);
  // INDEX(row, 1, n): row and column given, so every spreadsheet reads it the same (HyperFormula takes INDEX(row, n) as a row number).
  const paybackRow = s.addRow([
    label("Terugverdienjaar"),
    formula(`IFERROR(INDEX($${columnLetter(YEAR_COLUMN)}$${calendarRow + 1}:$${columnLetter(lastYearColumn)}$${calendarRow + 1},1,MATCH(1,$${columnLetter(YEAR_COLUMN)}$${stayRow + 1}:$${columnLetter(lastYearColumn)}$${stayRow + 1},0)),"geen")`, "0", "total"),
  ]);

  s.width(0, 44).width(1, 16).width(2, 12).width(3, 14).width(4, 28).width(5, 22);
  for (let c = 6; c < YEAR_COLUMN; c++) s.width(c, 12);
  for (let c = YEAR_COLUMN; c <= signColumn; c++) s.width(c, 15);
  s.width(loserColumn, 22).width(gainerColumn, 22);
  s.freeze(0, 1);

  const cells: ResultCells = {
    costs, benefits, financialBenefits, saldo, municipalCosts, municipalBenefits, ratios,
    payback: a1(paybackRow, 1, true),
    byActor, byCategory, table,
    effectNcw: new Map([...effectRows].filter(([i]) => compiled.effects[i]?.effect.nature !== "pm").map(([i, row]) => [i, a1(row, ncwColumn, true)])),
  };
  return { sheet: s.build(), names: planNames, cells };
}

/** Who gains (+1) and who loses (−1) an effect's amount, as evaluate.ts books it. */
function partiesOf(e: CompiledEffect): [string, 1 | -1][] {
  if (e.side === "verdeling") return [[e.effect.from!, -1], [e.effect.to!, 1]];
  return [[e.effect.actor!, e.side === "kosten" ? -1 : 1]];
}

function effectCells(
  e: CompiledEffect,
  row: number,
  name: (key: string) => string,
  yearRef: (t: number) => string,
  horizon: number,
  factorRange: string,
  municipal: ReadonlySet<string>,
): (Cell | null)[] {
  const { effect } = e;
  const actor = e.side === "verdeling" ? `${effect.from} → ${effect.to}` : (effect.actor ?? "");
  const head: (Cell | null)[] = [label(effect.name), note(effect.category), note(e.side), note(effect.nature), note(actor)];
  const r = row + 1;
  if (effect.nature === "pm") return [...head, note("PM (niet gekwantificeerd)"), null, null, null, null, ...Array.from({ length: horizon }, () => null), note("PM"), { value: 0 }, { value: 0 }, { value: 0 }, null, null];
  const ex = (expression: NonNullable<CompiledEffect["amount"]>) => expressionToExcel(expression, name);
  let amountCells: (Cell | null)[];
  let years: Cell[];
  if (e.amounts) {
    amountCells = [note("per jaar, zie de jaarkolommen"), null, null, { value: e.start }, { value: e.amounts.length }];
    years = Array.from({ length: horizon }, (_, t) => {
      const i = t - e.start;
      return i >= 0 && i < e.amounts!.length ? formula(ex(e.amounts![i]!), EURO) : { value: 0, numberFormat: EURO };
    });
  } else {
    amountCells = [
      formula(ex(e.amount!), EURO),
      e.growth ? formula(ex(e.growth), SHARE) : { value: 0, numberFormat: SHARE },
      e.dropOff ? formula(ex(e.dropOff), SHARE) : { value: 0, numberFormat: SHARE },
      { value: e.start },
      { value: e.duration },
    ];
    // bedrag × ((1 + groei) × (1 − terugval))^(t − start) inside [start, start + duur), else 0.
    years = Array.from({ length: horizon }, (_, t) =>
      formula(`IF(AND(${yearRef(t)}>=$I${r},${yearRef(t)}<$I${r}+$J${r}),$F${r}*((1+$G${r})*(1-$H${r}))^(${yearRef(t)}-$I${r}),0)`, EURO),
    );
  }
  const ncwColumn = YEAR_COLUMN + horizon;
  const yearsRange = `${columnLetter(YEAR_COLUMN)}${r}:${columnLetter(YEAR_COLUMN + horizon - 1)}${r}`;
  const ncw = formula(`SUMPRODUCT(${yearsRange},${factorRange})`, EURO);
  const ncwRef = `${columnLetter(ncwColumn)}${r}`;
  let municipalCost: Cell = { value: 0, numberFormat: EURO };
  let municipalBenefit: Cell = { value: 0, numberFormat: EURO };
  if (e.side === "kosten" && municipal.has(effect.actor!)) municipalCost = formula(ncwRef, EURO);
  if (e.side === "baten" && effect.nature === "financieel" && municipal.has(effect.actor!)) municipalBenefit = formula(ncwRef, EURO);
  if (e.side === "verdeling") {
    const from = municipal.has(effect.from!);
    const to = municipal.has(effect.to!);
    if (from && !to) municipalCost = formula(ncwRef, EURO);
    if (to && !from) municipalBenefit = formula(ncwRef, EURO);
  }
  const sign = e.side === "baten" ? 1 : e.side === "kosten" ? -1 : 0;
  const parties = partiesOf(e);
  const party = (sign: 1 | -1): Cell => ({ value: parties.find(([, s]) => s === sign)?.[0] ?? "", style: "note" });
  return [...head, ...amountCells, ...years, ncw, municipalCost, municipalBenefit, { value: sign }, party(-1), party(1)];
}


function controleSheet(compiled: CompiledModel, run: ModelRun, cells: ResultCells) {
  const { model } = compiled;
  const s = new SheetBuilder(CONTROLE, "Elke uitkomst van de rekenkern naast dezelfde uitkomst als formule op het Rekenblad, met het verschil.");
  s.addRow([{ value: `Controle — ${model.metadata.title}`, style: "title" }]);
  s.addRow([note("Kolom B is de uitkomst van de rekenkern van de invoegtoepassing (een vaste waarde), kolom C dezelfde uitkomst als formule op het Rekenblad, kolom D het verschil. Alle verschillen horen binnen de toegestane marge (kolom E) te liggen.")]);
  const verdictRow = s.row;
  s.skip(2);
  s.addRow([heading("Uitkomst"), heading("Rekenkern (vaste waarde)"), heading("Rekenblad (formule)"), heading("Verschil (C − B)"), heading("Toegestaan verschil")]);
  const first = s.row;
  const ref = (cell: string) => `${REKENBLAD}!${cell}`;
  const add = (what: string, engine: number | string, rekenblad: string, tolerance: number, format: string) => {
    const r = s.row + 1;
    s.addRow([
      label(what),
      { value: engine, numberFormat: format },
      formula(ref(rekenblad), format),
      formula(typeof engine === "number" ? `C${r}-B${r}` : `IF(C${r}=B${r},0,1)`, format),
      { value: tolerance, style: "note" },
    ]);
  };
  add("Kosten (NCW)", run.costs, cells.costs, TOLERANCE.euro, EURO);
  add("Baten (NCW)", run.benefits, cells.benefits, TOLERANCE.euro, EURO);
  add("Financiële baten (NCW)", run.financialBenefits, cells.financialBenefits, TOLERANCE.euro, EURO);
  add("Saldo", run.saldo, cells.saldo, TOLERANCE.euro, EURO);
  const ratio = (r: ModelRun["ratios"]["social"]) => r.value ?? "n.v.t.";
  add("Baten-kostenratio, maatschappelijk", ratio(run.ratios.social), cells.ratios.social, TOLERANCE.ratio, RATIO);
  add("Baten-kostenratio, financieel", ratio(run.ratios.financial), cells.ratios.financial, TOLERANCE.ratio, RATIO);
  add("Baten-kostenratio, gemeentelijk", ratio(run.ratios.municipal), cells.ratios.municipal, TOLERANCE.ratio, RATIO);
  add("Terugverdienjaar", run.paybackYear.year ?? "geen", cells.payback, TOLERANCE.year, "0");
  for (const a of model.actors) add(`Saldo ${a.name}`, run.byActor.get(a.name)!, cells.byActor.get(a.name)!, TOLERANCE.euro, EURO);
  for (const c of model.categories) add(`Categorie ${c.name} (maatschappij)`, run.byCategory.get(c.name)!, cells.byCategory.get(c.name)!, TOLERANCE.euro, EURO);
  for (const a of model.actors) {
    for (const c of model.categories) {
      const value = run.table.get(a.name)!.get(c.name)!;
      const hasEffects = compiled.effects.some((e) => e.effect.category === c.name && e.effect.nature !== "pm" && partiesOf(e).some(([p]) => p === a.name));
      if (hasEffects) add(`${a.name} × ${c.name}`, value, cells.table.get(a.name)!.get(c.name)!, TOLERANCE.euro, EURO);
    }
  }
  const quantified = compiled.effects.filter((e) => e.effect.nature !== "pm"); // run.effects is in this order
  run.effects.forEach((result, i) => add(`NCW ${result.name}`, result.ncw, cells.effectNcw.get(quantified[i]!.index)!, TOLERANCE.euro, EURO));
  const last = s.row;
  const diffs = `D${first + 1}:D${last}`;
  const tolerances = `E${first + 1}:E${last}`;
  const ok = "In orde: elk verschil tussen de rekenkern en het Rekenblad ligt binnen de marge (€ 0,01 voor bedragen).";
  const notOk = "Let op: minstens één verschil ligt buiten de marge; zie kolom D.";
  s.set(verdictRow, 0, { value: "Oordeel", style: "heading" });
  s.set(verdictRow, 1, { formula: `=IFERROR(IF(SUMPRODUCT(--(ABS(${diffs})>${tolerances}))=0,${formulaText(ok)},${formulaText(notOk)}),${formulaText(notOk)})`, style: "total" });
  s.set(verdictRow + 1, 0, { value: "Aantal gecontroleerde uitkomsten", style: "label" });
  s.set(verdictRow + 1, 1, { formula: `=ROWS(${diffs})`, style: "output" });
  s.width(0, 52).width(1, 22).width(2, 22).width(3, 18).width(4, 14);
  s.freeze(first, 1);
  return s.build();
}

