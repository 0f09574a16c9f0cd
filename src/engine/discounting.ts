/**
 * Discounting (disconteren): the Dutch discount rules (discontoregels) and the discount factor of a year.
 *
 * Year t counts as amount × factor(t); year 0 is not discounted. A rule is a term structure: a list of
 * segments, each with the real rate for the years it covers, where year k is the interval (k−1, k].
 * The factor of year t is the product over the segments of (1 + r)^−(the part of (0, t] inside the segment),
 * which is "year by year at the rate of that year" for whole years and extends to fractions
 * (eerste_jaar 0,5 = mid-year convention).
 */
import { CellValue, describeValue, isBlank, isCellError, propagate } from "./cells";
import { Dec, ONE, ZERO } from "./decimal";
import { binaryExponent, powerOfTwo } from "./doubleDouble";
import { Result, fail, failWith, ok } from "./errors";
import { DEFAULT_DISCOUNT_RULE_ID, DISCOUNT_RULES, DiscountRule } from "./discountRules";

export { DEFAULT_DISCOUNT_RULE_ID, DISCOUNT_RULES };
export type { DiscountRule };

interface Segment {
  readonly start: Dec; // exclusive lower bound of the covered years (0 for the first segment)
  readonly end: Dec | null; // inclusive upper bound; null = for ever
  readonly growth: Dec; // 1 + r
  readonly step: Dec; // 1 / (1 + r): the factor of one whole year inside this segment
}

/**
 * A discount rule made ready for computing (disconteringsschema): segments as decimals, with the
 * one-year factor of each precomputed so that a series of consecutive years costs one multiplication per year.
 */
export class DiscountSchedule {
  private readonly segments: readonly Segment[];

  constructor(readonly rule: DiscountRule) {
    let start = ZERO;
    this.segments = rule.segments.map((s) => {
      const growth = ONE.plus(s.rate);
      const segment: Segment = {
        start,
        end: s.untilYear === null ? null : new Dec(s.untilYear),
        growth,
        step: ONE.div(growth),
      };
      if (segment.end) start = segment.end;
      return segment;
    });
  }

  /** The discount factor of (fractional) year t ≥ 0: the value today of one euro in year t. */
  factor(t: Dec): Dec {
    let result = ONE;
    for (const s of this.segments) {
      if (t.lte(s.start)) break;
      const upper = s.end === null || t.lt(s.end) ? t : s.end;
      result = result.div(s.growth.pow(upper.minus(s.start)));
    }
    return result;
  }

  /** The annual rate that applies in year t (the segment holding (t−1, t]; year 0 takes the first segment's rate). */
  rate(t: Dec): Dec {
    const s = this.segments.find((seg) => seg.end === null || t.lte(seg.end)) ?? this.segments[this.segments.length - 1]!;
    return s.growth.minus(ONE);
  }

  /** The factors of `count` consecutive years starting at `first` (first, first+1, …). */
  factors(first: Dec, count: number): Dec[] {
    const out: Dec[] = [];
    if (count <= 0) return out;
    let f = this.factor(first);
    out.push(f);
    let t = first;
    for (let i = 1; i < count; i++) {
      const next = t.plus(1);
      const s = this.segmentOfWholeStep(t, next);
      f = s ? f.times(s.step) : this.factor(next);
      out.push(f);
      t = next;
    }
    return out;
  }

  /** The segment that contains all of (from, to], if one does. */
  private segmentOfWholeStep(from: Dec, to: Dec): Segment | undefined {
    return this.segments.find((s) => from.gte(s.start) && (s.end === null || to.lte(s.end)));
  }

  /** Factor tables of this rule by first year (see `factorTable`). */
  readonly tables = new Map<number, FactorTable>();
}

/**
 * The factors of consecutive years from one first year (factorentabel), computed once by the decimal engine and
 * kept with each factor F as a double-double: `hi` = the double nearest to F, `lo` = F − hi rounded to a double, so
 * that |F − (hi + lo)| ≤ 2^−105·|hi| (the fast paths use 2^−104). `fastLength`: the leading factors whose `hi` lies
 * in [2^−200, 2^200], the range where the fast paths' error bounds hold; past it a caller computes in decimals.
 */
export interface FactorTable {
  readonly decimals: readonly Dec[];
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  readonly fastLength: number;
}

/** Longest table kept; a longer series has its factors computed per call. */
export const MAX_TABLE_YEARS = 10_000;
/** All kept tables together (years) and their number: a bounded cache, the oldest table goes first. */
const MAX_CACHED_YEARS = 200_000;
const MAX_TABLES = 4_096;
let cachedYears = 0;
const tableOrder: { schedule: DiscountSchedule; firstYear: number; table: FactorTable }[] = [];

// 130 digits: a double hi in [2^−200, 2^200] is m·2^(e−52); m·2^(e−52) is then exact (e ≥ 52) or within a relative
// 10^−129 (2^−252 … 2^−1 rounded), so F − hi is found within 10^−128·|F|, far below the 2^−106·|F| the bound allows.
const Wide = Dec.clone({ precision: 130 });
const FAST_MIN = 2 ** -200;
const FAST_MAX = 2 ** 200;

/** F − hi for the double hi nearest to F, rounded to a double: hi's exact binary value is m·2^(e−52), m < 2^53. */
function lowPart(factor: Dec, hi: number): number {
  const e = binaryExponent(hi);
  const m = hi * powerOfTwo(52 - e); // exact: scaling by a power of two, an integer of at most 53 bits
  const exactHi = new Wide(m).times(new Wide(2).pow(e - 52));
  return new Wide(factor).minus(exactHi).toNumber();
}

function buildTable(schedule: DiscountSchedule, firstYear: number, count: number): FactorTable {
  const decimals = schedule.factors(new Dec(firstYear), count);
  const hi = new Float64Array(count);
  const lo = new Float64Array(count);
  let fastLength = 0;
  for (let i = 0; i < count; i++) {
    const h = (decimals[i] as Dec).toNumber();
    hi[i] = h;
    if (fastLength === i && h >= FAST_MIN && h <= FAST_MAX) {
      lo[i] = lowPart(decimals[i] as Dec, h);
      fastLength++;
    }
  }
  return { decimals, hi, lo, fastLength };
}

/**
 * The factors of years firstYear, firstYear + 1, … (at least `count` of them; a table may be longer) of a rule,
 * cached per rule, first year and length (a bounded cache); `count` above MAX_TABLE_YEARS is computed, not kept.
 */
export function factorTable(schedule: DiscountSchedule, firstYear: number, count: number): FactorTable {
  const known = schedule.tables.get(firstYear);
  if (known && known.decimals.length >= count) return known;
  const table = buildTable(schedule, firstYear, count);
  if (count > MAX_TABLE_YEARS) return table;
  while (tableOrder.length > 0 && (cachedYears + count > MAX_CACHED_YEARS || tableOrder.length >= MAX_TABLES)) {
    const old = tableOrder.shift()!;
    cachedYears -= old.table.decimals.length;
    if (old.schedule.tables.get(old.firstYear) === old.table) old.schedule.tables.delete(old.firstYear);
  }
  schedule.tables.set(firstYear, table);
  tableOrder.push({ schedule, firstYear, table });
  cachedYears += count;
  return table;
}

/** A constant rate given as a number (for instance 0,0225 or 2,25%), as an anonymous rule. */
export function constantRateRule(rate: number): DiscountRule {
  // Never "Infinity%": a rate so large that rate × 100 overflows is formatted in decimals (off the hot path).
  const percent = Number.isFinite(rate * 100) ? String(rate * 100) : new Dec(rate).times(100).toSignificantDigits(15).toString();
  return {
    id: String(rate),
    label: `${percent.replace(".", ",")}% per jaar`,
    labelEn: `${percent}% a year`,
    segments: [{ untilYear: null, rate: String(rate) }],
    source: "door de gebruiker opgegeven discontovoet",
  };
}

export function findDiscountRule(name: string): DiscountRule | undefined {
  const key = name.trim().toLowerCase();
  return DISCOUNT_RULES.find((r) => r.id === key);
}

/**
 * A rule given as a number or a name. A whole number equal to a rule's year (2007, 2016, 2021, 2026) is that rule:
 * Excel turns the text "2021" typed in a General cell into the number 2021, and a rate of 202.100% is never meant.
 */
export function ruleFor(value: number | string): DiscountRule | undefined {
  if (typeof value === "string") return findDiscountRule(value);
  if (Number.isInteger(value) && findDiscountRule(String(value))) return findDiscountRule(String(value));
  return Number.isFinite(value) && value > -1 ? constantRateRule(value) : undefined;
}

export function describeRuleNames(): string {
  return DISCOUNT_RULES.map((r) => `"${r.id}"`).join(", ");
}

/**
 * The `discontovoet` argument: blank or omitted → the default rule; a number > −1 → that constant rate (a whole
 * number equal to a rule's year → that rule, see `ruleFor`); text → the rule of that name.
 */
export function parseDiscountArgument(value: CellValue, argumentName: string): Result<DiscountSchedule> {
  if (isBlank(value)) return ok(scheduleFor(defaultRule()));
  if (isCellError(value)) return failWith(propagate(value, argumentName));
  if (typeof value === "number" || typeof value === "string") {
    const schedule = sharedSchedule(value);
    if (schedule) return ok(schedule);
    return fail(
      "#VALUE!",
      typeof value === "number"
        ? `${argumentName}: ${describeValue(value)} is geen geldige discontovoet; een discontovoet moet groter zijn dan −1 (bijvoorbeeld 0,0225 of 2,25%).`
        : `${argumentName}: onbekende discontoregel "${value}"; geef een getal groter dan −1 (bijvoorbeeld 2,25%) of een van ${describeRuleNames()}.`,
    );
  }
  return fail(
    "#VALUE!",
    `${argumentName}: ${describeValue(value)} is geen discontovoet; geef een getal groter dan −1 of een van ${describeRuleNames()}.`,
  );
}

/** The `eerste_jaar` argument: blank or omitted → 0; otherwise a number ≥ 0 (fractions allowed). */
export function parseFirstYear(value: CellValue, argumentName: string): Result<Dec> {
  const year = parseFirstYearNumber(value, argumentName);
  return year.ok ? ok(year.value === 0 ? ZERO : new Dec(year.value)) : year;
}

/** `parseFirstYear` as a number (no decimal made on the hot path); −0 becomes 0. */
export function parseFirstYearNumber(value: CellValue, argumentName: string): Result<number> {
  if (isBlank(value)) return ok(0);
  if (isCellError(value)) return failWith(propagate(value, argumentName));
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return ok(value === 0 ? 0 : value);
  return fail(
    "#VALUE!",
    `${argumentName}: ${describeValue(value)} is geen geldig eerste jaar; geef een getal van 0 of meer (0 = niet verdisconteerd, 0,5 = halverwege het jaar).`,
  );
}

export function defaultRule(): DiscountRule {
  return findDiscountRule(DEFAULT_DISCOUNT_RULE_ID) as DiscountRule;
}

const MAX_CONSTANT_SCHEDULES = 256;
const numberSchedules = new Map<number, DiscountSchedule>();
/** The schedule of a valid number argument (a rule's year → that rule, else a constant rate), kept per number (bounded). */
function scheduleOfNumber(value: number): DiscountSchedule {
  let schedule = numberSchedules.get(value);
  if (!schedule) {
    const rule = ruleFor(value)!;
    schedule = findDiscountRule(rule.id) ? scheduleFor(rule) : new DiscountSchedule(rule);
    if (numberSchedules.size >= MAX_CONSTANT_SCHEDULES) numberSchedules.delete(numberSchedules.keys().next().value as number);
    numberSchedules.set(value, schedule);
  }
  return schedule;
}

/**
 * The schedule of a rule as a model file names it (a number or a rule's name), shared per process so that its factor
 * tables are cached (see `factorTable`); undefined for an unknown rule.
 */
export function sharedSchedule(value: number | string): DiscountSchedule | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value > -1 ? scheduleOfNumber(value) : undefined; // as ruleFor
  const rule = findDiscountRule(value);
  return rule ? scheduleFor(rule) : undefined;
}

const schedules = new Map<string, DiscountSchedule>();
/** Named rules are immutable: their schedules are built once per process. */
function scheduleFor(rule: DiscountRule): DiscountSchedule {
  let schedule = schedules.get(rule.id);
  if (!schedule) {
    schedule = new DiscountSchedule(rule);
    schedules.set(rule.id, schedule);
  }
  return schedule;
}
