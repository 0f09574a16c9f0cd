/**
 * The Dutch discount rules (discontoregels) an analyst can name in `MKBA.NCW(…; "2021")`, each with its source.
 * Rates are real (excluding inflation) and include the standard risk premium where the rule has one.
 * See docs/functions.md, "Discontoregels", for the sources in full.
 */

export interface RateSegment {
  /** Last year (inclusive) this rate applies to; `null` = all later years. */
  readonly untilYear: number | null;
  /** Real annual rate as a decimal string, e.g. "0.0225". */
  readonly rate: string;
}

export interface DiscountRule {
  /** Name as typed in a cell, lower case: "2021", "2021-vast", "geen". */
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly segments: readonly RateSegment[];
  readonly source: string;
}

export const DISCOUNT_RULES: readonly DiscountRule[] = [
  {
    id: "2026",
    label: "Discontovoet 2026 (niet bevestigd): 2,8% tot en met jaar 35, daarna 1,8%",
    labelEn: "2026 rule (unconfirmed): 2.8% up to year 35, 1.8% after",
    segments: [
      { untilYear: 35, rate: "0.028" },
      { untilYear: null, rate: "0.018" },
    ],
    source:
      "Alleen secundaire bronnen melden deze regel per 1 januari 2026 (2,8% t/m jaar 35, daarna 1,8%); een primaire bron (rapport van de Werkgroep discontovoet of kabinetsbesluit) is niet gevonden. Daarom niet de standaard; zie docs/functions.md, Discontoregels.",
  },
  {
    id: "2021",
    label: "Discontovoet 2021 (Werkgroep discontovoet 2020): 2,25%",
    labelEn: "2021 rule (Discount rate working group 2020): 2.25%",
    segments: [{ untilYear: null, rate: "0.0225" }],
    source:
      "Rapport Werkgroep discontovoet 2020 (december 2020), door het kabinet overgenomen, in werking per 1 januari 2021: standaarddiscontovoet 2,25% voor alle typen kosten en baten (rwseconomie.nl/discontovoet, Overzichtstabel discontovoet per 1 januari 2021)",
  },
  {
    id: "2021-vast",
    label: "Discontovoet 2021 voor vaste investerings- en onderhoudskosten: 1,6%",
    labelEn: "2021 rule for fixed investment and maintenance costs: 1.6%",
    segments: [{ untilYear: null, rate: "0.016" }],
    source:
      "Rapport Werkgroep discontovoet 2020, in werking per 1 januari 2021: aparte discontovoet voor vaste, verzonken kosten (rwseconomie.nl/discontovoet, Overzichtstabel); 1,6% zoals opgegeven in de projectopdracht (issue 2)",
  },
  {
    id: "2016",
    label: "Discontovoet 2016 (Werkgroep discontovoet 2015): 3%",
    labelEn: "2016 rule (Discount rate working group 2015): 3%",
    segments: [{ untilYear: null, rate: "0.03" }],
    source:
      "Rapport Werkgroep discontovoet 2015, door het kabinet overgenomen (kabinetsreactie 13 november 2015, Kamerstuk 29 352, nr. 6): 3% reëel inclusief risico-opslag",
  },
  {
    id: "2007",
    label: "Discontovoet 2007: 2,5% reëel + 3% risico-opslag = 5,5% (LPBL MKBA-tool)",
    labelEn: "2007 rule: 2.5% real + 3% risk premium = 5.5% (LPBL MKBA tool)",
    segments: [{ untilYear: null, rate: "0.055" }],
    source:
      "Werkgroep actualisatie discontovoet (2007); gebruikt door de LPBL MKBA-tool: seed 001_89b8683f98a68fb5.txt, voetnoot 13",
  },
  {
    id: "geen",
    label: "Geen discontering (0%)",
    labelEn: "No discounting (0%)",
    segments: [{ untilYear: null, rate: "0" }],
    source: "—",
  },
];

export const DEFAULT_DISCOUNT_RULE_ID = "2021";
