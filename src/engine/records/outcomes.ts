/**
 * The outcomes of the effect measurement (uitkomsten van de effectmeting), seed 001 §5.3 "MKBA 3.0 en verder"
 * (regels 857–863: prevented trajectories per type, escalations, self-reliance) and Bijlage 3: each a yes/no per
 * household per measurement, counted the same way in the approach area (from the records) and in the comparison area
 * (aggregated counts per period, comparison.ts).
 *
 * Each outcome is measured in the group of households the LPBL screen relates it to: OTS/UHP among families, a V&V
 * admission among the elderly, a GGZ admission among the other households (seed 001 Tabel 4.7 "OTS/UHP en Intra";
 * the C.3 row per household type), evictions among all households (Tabel 4.7: "als % van huishoudens in aanpak"), work
 * among the households of working age (families and other households; model.ts WITHOUT_WORK), the rest among all.
 */
import type { HouseholdType } from "../models/lpbl/inputs";
import { PROBLEM_INDEX, RegistrationRecord, TRAJECTORIES, isProblem } from "./format";

/** The households an outcome is measured among. */
export type OutcomeGroup = "alle" | HouseholdType | "werkleeftijd";
export const GROUP_TYPES: Readonly<Record<OutcomeGroup, readonly HouseholdType[]>> = {
  alle: ["families", "elderly", "other"],
  families: ["families"],
  elderly: ["elderly"],
  other: ["other"],
  werkleeftijd: ["families", "other"],
};
export const GROUP_LABELS: Readonly<Record<OutcomeGroup, string>> = { alle: "alle hh", families: "gezinnen", elderly: "ouderen", other: "overige hh", werkleeftijd: "gezinnen en overige hh" };

export interface OutcomeSpec {
  readonly id: string;
  readonly label: string;
  readonly kind: "traject" | "escalatie" | "situatie";
  readonly group: OutcomeGroup;
  /** The column of the comparison-area table that counts it (households with the outcome). */
  readonly comparisonHeader: string;
  /** The outcome of one record: true/false, or null when not filled in. */
  readonly value: (r: RegistrationRecord) => boolean | null;
  /** True when more is better (work); the net effect is then the increase, else the decrease (prevented). */
  readonly moreIsBetter: boolean;
}

const debts = PROBLEM_INDEX.schulden;

export const OUTCOMES: readonly OutcomeSpec[] = [
  ...TRAJECTORIES.map((t, i): OutcomeSpec => ({
    id: `traject_${t.id}`,
    label: `Traject ${t.label}`,
    kind: "traject",
    group: "alle",
    comparisonHeader: `loopt_${t.id}`,
    value: (r) => r.running[i]!,
    moreIsBetter: false,
  })),
  { id: "escalatie_huisuitzetting", label: "Huisuitzetting", kind: "escalatie", group: "alle", comparisonHeader: "escalatie_huisuitzetting", value: (r) => r.eviction, moreIsBetter: false },
  {
    id: "escalatie_ots_uhp",
    label: "OTS/UHP (gezinnen)",
    kind: "escalatie",
    group: "families",
    comparisonHeader: "escalatie_ots_uhp",
    value: (r) => (r.otsChildren === null && r.uhpChildren === null ? null : (r.otsChildren ?? 0) + (r.uhpChildren ?? 0) > 0),
    moreIsBetter: false,
  },
  { id: "escalatie_opname_vv", label: "Opname V&V (ouderen)", kind: "escalatie", group: "elderly", comparisonHeader: "escalatie_opname_vv", value: (r) => r.admissionVV, moreIsBetter: false },
  { id: "escalatie_opname_ggz", label: "Opname GGZ (overige hh)", kind: "escalatie", group: "other", comparisonHeader: "escalatie_opname_ggz", value: (r) => r.admissionGGZ, moreIsBetter: false },
  { id: "schulden", label: "Problematische schulden", kind: "situatie", group: "alle", comparisonHeader: "probleem_schulden", value: (r) => isProblem(r.problems[debts]!), moreIsBetter: false },
  { id: "werk", label: "Inkomen uit werk", kind: "situatie", group: "werkleeftijd", comparisonHeader: "werk", value: (r) => (r.income === null ? null : r.income === "werk"), moreIsBetter: true },
];

export const OUTCOME_BY_ID: ReadonlyMap<string, OutcomeSpec> = new Map(OUTCOMES.map((o) => [o.id, o]));
