/**
 * Households (huishoudens): the records of one pseudonym brought together, one slot per measurement. The household's
 * characteristics are those of its nulmeting (meting 0), or of its earliest measurement when the nulmeting is missing.
 */
import type { HouseholdType, Severity } from "../models/lpbl/inputs";
import { MEASUREMENTS, Measurement, RegistrationRecord, isProblem } from "./format";

export interface Household {
  readonly id: string;
  readonly registered: number;
  /** The record per measurement (MEASUREMENTS order), or undefined. */
  readonly measurements: readonly (RegistrationRecord | undefined)[];
  /** The nulmeting, or the earliest measurement. */
  readonly baseline: RegistrationRecord;
  readonly hasNulmeting: boolean;
}

export const MEASUREMENT_SLOT: Readonly<Record<Measurement, number>> = { 0: 0, 6: 1, 12: 2, 18: 3 };

/** Records → households, in order of first appearance. */
export function householdsOf(records: readonly RegistrationRecord[]): Household[] {
  const byId = new Map<string, (RegistrationRecord | undefined)[]>();
  for (const r of records) {
    let slots = byId.get(r.id);
    if (!slots) byId.set(r.id, (slots = new Array<RegistrationRecord | undefined>(MEASUREMENTS.length).fill(undefined)));
    slots[MEASUREMENT_SLOT[r.measurement]] = r;
  }
  const out: Household[] = [];
  for (const [id, slots] of byId) {
    const baseline = slots.find((s) => s !== undefined)!;
    out.push({ id, registered: baseline.registered, measurements: slots, baseline, hasNulmeting: slots[0] !== undefined });
  }
  return out;
}

/** The record of a measurement, if any. */
export function at(h: Household, m: Measurement): RegistrationRecord | undefined {
  return h.measurements[MEASUREMENT_SLOT[m]];
}

/**
 * Severity (zwaarte) as the LPBL screen counts it (seed 001, Bijlage 2 deel A: "geen probleem of enkelvoudig",
 * "meervoudig en zelfredzaam", "meervoudig en niet-zelfredzaam"), from a record's problem areas:
 * - ev: at most one problem area (ja, or ZRM ≤ 3);
 * - nzr: two or more, and a ZRM score ≤ 2 (acuut or niet zelfredzaam) on one of them, or zelfredzaam = nee;
 * - zr: two or more, all scored ZRM 3 (beperkt zelfredzaam), or zelfredzaam = ja;
 * null when it cannot be told: no problem area filled in, or multiple problems marked ja/nee without a ZRM score ≤ 2
 * and without `zelfredzaam`.
 */
export function severityOf(r: RegistrationRecord): Severity | null {
  let filled = 0;
  let problems = 0;
  let acute = false;
  let allScored = true;
  for (const v of r.problems) {
    if (v === null) continue;
    filled++;
    if (isProblem(v)) {
      problems++;
      if (typeof v === "number") {
        if (v <= 2) acute = true;
      } else allScored = false;
    }
  }
  if (filled === 0) return null;
  if (problems <= 1) return "ev";
  if (acute || r.selfReliant === false) return "nzr";
  if (r.selfReliant === true || allScored) return "zr";
  return null;
}

/** The household type of the baseline, or null. */
export function typeOf(h: Household): HouseholdType | null {
  return h.baseline.householdType;
}
