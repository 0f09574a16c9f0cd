/**
 * Case analysis (casusanalyse), as seed 002_dea0c6c1e7c3c540.txt (regel 158, voetnoot *** regel 261) and seed
 * 003_6f2c94f82e5a4583.txt (regel 11: "Bij tien casussen is ook bekeken of de maatschappelijke kosten zonder inzet van
 * maatwerk naar verwachting hoger waren geweest. Dat bleek bij zeven van de tien casussen het geval") do it: per case,
 * the trajectories and escalations with the approach and as the professional expects them without it, priced with the
 * price list; the saving per case, how many of the n cases are cheaper, the total and the mean with a 95% interval
 * (bootstrap over cases, seeded).
 *
 * The case table (Casusanalyse): one row per case per post — casus (a pseudonym), post (an item of the price list),
 * met_aanpak and zonder_aanpak (quantities in the post's unit, 0 or more; decimals allowed). A case analysis is
 * case-level by nature (the seeds show it per case): its rows carry pseudonyms and quantities only.
 */
import { Dec } from "../decimal";
import { BOOTSTRAP_DEFAULTS, Interval, Random, percentileInterval } from "./bootstrap";
import { REASONS, cellParser } from "./cells";
import { RECORD_LIMITS } from "./format";
import { PriceItem, parseAmount } from "./priceList";
import type { PrivacyRefusal } from "./privacy";
import { FileRefusal, ReadReport, RowProblem, RowTally, checkTable } from "./read";

export interface CaseLine {
  readonly row: number;
  readonly caseId: string;
  readonly post: string;
  readonly withApproach: number;
  readonly withoutApproach: number;
}

export const CASE_COLUMNS = [
  { header: "casus", required: true, description: "Pseudoniem van de casus (letters, cijfers, -, _ en .; nooit een naam of BSN)" },
  { header: "post", required: true, description: "Een post van de prijslijst (bijvoorbeeld uur_team, maatwerk, ots_uhp, opvang)" },
  { header: "met_aanpak", required: true, description: "Hoeveelheid met de aanpak, in de eenheid van de post (0 of meer)" },
  { header: "zonder_aanpak", required: true, description: "Hoeveelheid zoals de professional die zonder de aanpak verwacht (0 of meer)" },
] as const;

export type CaseReadResult = { ok: true; lines: CaseLine[]; report: ReadReport } | { ok: false; refusal: PrivacyRefusal | FileRefusal };

const QUANTITY_MAX = 1_000_000_000;

/** The case table → its lines; a row with an unknown post, a bad quantity or a bad pseudonym is left out and reported. */
export function readCases(rows: readonly (readonly string[])[], prices: readonly PriceItem[]): CaseReadResult {
  const table = checkTable(rows, new Map(CASE_COLUMNS.map((c) => [c.header, c])), "De casusanalyse");
  if (!table.ok) return table;
  const { index, ignored } = table;
  const known = new Set(prices.map((p) => p.id));
  const pseudonym = cellParser({ type: "pseudonym" }, true);
  const tally = new RowTally();
  const lines: CaseLine[] = [];
  for (const { row, number } of tally.dataRows(rows)) {
    const cell = (h: string) => (row[index.get(h)!] ?? "").trim();
    const bad = (column: string, reason: RowProblem["reason"], message: string) => tally.bad({ row: number, column, reason, message });
    const id = pseudonym(cell("casus"));
    if (!id.ok) bad("casus", id.reason, id.message);
    const post = cell("post").toLowerCase();
    if (post === "") bad("post", REASONS.requiredEmpty, `${REASONS.requiredEmpty}: welke post van de prijslijst`);
    else if (!known.has(post)) bad("post", REASONS.unknownCode, `${REASONS.unknownCode}: geen post van de prijslijst (voeg hem toe met een prijslijst)`);
    const quantity = (h: string): number => {
      const t = cell(h);
      if (t === "") {
        bad(h, REASONS.requiredEmpty, `${REASONS.requiredEmpty}: vul 0 in als er niets is`);
        return 0;
      }
      if (/^-/.test(t)) {
        bad(h, REASONS.negativeCount, `${REASONS.negativeCount}: een hoeveelheid is 0 of meer`);
        return 0;
      }
      const n = t.length > RECORD_LIMITS.cellLength ? null : parseAmount(t);
      if (n === null || n > QUANTITY_MAX) {
        bad(h, REASONS.invalidNumber, `${REASONS.invalidNumber}: een hoeveelheid van 0 of meer, bijvoorbeeld 2 of 12,5`);
        return 0;
      }
      return n;
    };
    const withApproach = quantity("met_aanpak");
    const withoutApproach = quantity("zonder_aanpak");
    if (tally.leaveOutIfBad()) continue;
    lines.push({ row: number, caseId: (id as { value: string }).value, post, withApproach, withoutApproach });
  }
  return { ok: true, lines, report: tally.report(lines.length, ignored) };
}

export interface CaseResult {
  readonly caseId: string;
  /** Societal costs without the approach (as the professional expects them) and with it, in euros. */
  readonly costWithout: number;
  readonly costWith: number;
  /** costWithout − costWith: positive means the approach is cheaper for this case. */
  readonly saving: number;
}

export interface CaseAnalysis {
  readonly cases: readonly CaseResult[];
  readonly cheaper: number;
  readonly equal: number;
  readonly moreExpensive: number;
  readonly totalSaving: number;
  readonly meanSaving: number | null;
  /** 95% interval of the mean saving (percentile bootstrap over cases); null below 2 cases. */
  readonly meanInterval: Interval | null;
  /** The interval of the total: n × that of the mean. */
  readonly totalInterval: Interval | null;
  readonly replicates: number;
  readonly seed: number;
  /** The price items used, with their sources. */
  readonly pricesUsed: readonly PriceItem[];
}

/** Prices the lines and sums per case (decimals), then counts and bootstraps the mean. */
export function analyseCases(lines: readonly CaseLine[], prices: readonly PriceItem[], options: { readonly replicates?: number; readonly seed?: number } = {}): CaseAnalysis {
  const price = new Map(prices.map((p) => [p.id, p] as const));
  const byCase = new Map<string, { without: Dec; with: Dec }>();
  const used = new Set<string>();
  for (const l of lines) {
    const p = price.get(l.post);
    if (!p) continue;
    used.add(l.post);
    let c = byCase.get(l.caseId);
    if (!c) byCase.set(l.caseId, (c = { without: new Dec(0), with: new Dec(0) }));
    c.without = c.without.plus(new Dec(l.withoutApproach).times(p.price));
    c.with = c.with.plus(new Dec(l.withApproach).times(p.price));
  }
  const cases: CaseResult[] = [...byCase].map(([caseId, c]) => ({ caseId, costWithout: c.without.toNumber(), costWith: c.with.toNumber(), saving: c.without.minus(c.with).toNumber() }));
  const n = cases.length;
  const total = cases.reduce((a, c) => a.plus(c.saving), new Dec(0));
  const replicates = options.replicates ?? BOOTSTRAP_DEFAULTS.replicates;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  let meanInterval: Interval | null = null;
  if (n >= 2) {
    const random = new Random(seed);
    const means = new Float64Array(replicates);
    for (let b = 0; b < replicates; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += cases[random.nextInt(n)]!.saving;
      means[b] = sum / n;
    }
    meanInterval = percentileInterval(means);
  }
  return {
    cases,
    cheaper: cases.filter((c) => c.saving > 0).length,
    equal: cases.filter((c) => c.saving === 0).length,
    moreExpensive: cases.filter((c) => c.saving < 0).length,
    totalSaving: total.toNumber(),
    meanSaving: n === 0 ? null : total.div(n).toNumber(),
    meanInterval,
    totalInterval: meanInterval ? { low: meanInterval.low * n, high: meanInterval.high * n } : null,
    replicates,
    seed,
    pricesUsed: prices.filter((p) => used.has(p.id)),
  };
}
