/**
 * The key figures (kengetallen) of the LPBL model: every one overridable by key, every one with a source.
 * Where seed 001_89b8683f98a68fb5.txt (LPBL 2014) gives the number, the source cites table or line. The seed does
 * not print unit costs per trajectory or QALY gains per effect, and no public figure was verified for them: those
 * defaults are marked `illustrative: true` (illustratief) — a plausible round number, with what it is based on — and
 * every output computed with them says so (see model.ts, outputs.ts).
 *
 * Where a seed gives a range (bandbreedte) instead of one number, the key figure carries it (`range`): a central value
 * with its reasoning, and the range with its distribution as the default uncertainty of the tornado and Monte Carlo
 * (src/engine/models/lpbl/uncertainty.ts). Every euro amount is in prices of 2014 (prijspeil 2014, the year of seed
 * 001); an amount from a later year is indexed with the CBS consumer price index (`toPriceLevel`) and keeps its
 * original amount and year (`price.original`).
 */

/** The price year of every euro amount of the LPBL model (prijspeil): the year of seed 001. */
export const PRICE_YEAR = 2014;

/**
 * CBS StatLine 83131NED "Consumentenprijzen; prijsindex 2015=100", jaarmutatie CPI alle bestedingen (%):
 * 2015 0,6; 2016 0,3; 2017 1,4; 2018 1,7; 2019 2,6 (https://www.cbs.nl/nl-nl/cijfers/detail/83131NED). The yearly
 * change of the annual average, so the price level of year y against 2014 is the product of (1 + change) over
 * 2015 … y.
 */
export const CPI_ANNUAL_CHANGE: Readonly<Record<number, number>> = { 2015: 0.006, 2016: 0.003, 2017: 0.014, 2018: 0.017, 2019: 0.026 };
export const CPI_SOURCE = "CBS StatLine 83131NED, jaarmutatie CPI alle bestedingen: 2015 0,6%, 2016 0,3%, 2017 1,4%, 2018 1,7%, 2019 2,6%";

/** The price level of `year` relative to 2014 (CBS CPI): 1 for 2014, 1,0405 for 2018, 1,0676 for 2019. */
export function cpiFactor(year: number): number {
  if (year === PRICE_YEAR) return 1;
  let factor = 1;
  for (let y = PRICE_YEAR + 1; y <= year; y++) {
    const change = CPI_ANNUAL_CHANGE[y];
    if (change === undefined) throw new Error(`interne fout: geen CPI-jaarmutatie voor ${y}`);
    factor *= 1 + change;
  }
  return factor;
}

/** An amount of `year` in prices of 2014, rounded to whole euros. */
export function toPriceLevel(amount: number, year: number): number {
  return Math.round(amount / cpiFactor(year));
}

/** A seed's range of a key figure and the distribution over it (the default uncertainty). */
export interface KeyFigureRange {
  readonly low: number;
  readonly high: number;
  /** Triangular with its most likely value, or uniform when the seed names two variants without preferring one. */
  readonly distribution: { readonly type: "driehoek"; readonly mode: number } | { readonly type: "uniform" };
  /** Where the range comes from (seed and line) and why this distribution. */
  readonly source: string;
}

/**
 * How a key figure varies by default in the tornado and Monte Carlo: over its seed range, triangular ±20% around its
 * value ("standaard": no range in a seed), or not at all ("vast": a switch, or a reference value that only a scenario
 * or the fte check uses).
 */
export type DefaultUncertainty = "bandbreedte" | "standaard" | "vast";

export interface KeyFigure {
  readonly key: string;
  readonly value: number;
  readonly unit: string;
  readonly label: string;
  readonly source: string;
  readonly illustrative: boolean;
  readonly range?: KeyFigureRange;
  readonly uncertainty: DefaultUncertainty;
  /** A euro amount: its price year (always 2014) and, when indexed, the amount and year it came from. */
  readonly price?: { readonly year: typeof PRICE_YEAR; readonly original?: { readonly amount: number; readonly year: number } };
}

const SEED = "seed 001_89b8683f98a68fb5.txt (LPBL, Meta analyse MKBA's sociale (wijk)teams, 2014)";
const ILL = "Illustratief: de seed drukt dit kengetal niet af en er is geen openbare bron geverifieerd;";
const EURO_2014 = { year: PRICE_YEAR } as const;
const indexed = (amount: number, year: number) => ({ year: PRICE_YEAR, original: { amount, year } }) as const;

/** The mean of a range's distribution: the central value where the seed gives only the range. */
export function rangeMean(r: KeyFigureRange): number {
  return r.distribution.type === "uniform" ? (r.low + r.high) / 2 : (r.low + r.distribution.mode + r.high) / 3;
}

/**
 * Seed 001, §4.3, regel 666: "kan hier per huishouden tussen een paar duizend euro tot soms wel € 100.000 (bij
 * gezinnen) worden voorkomen". Read as: usually a few thousand (the mode at the low end, € 2.000 = "een paar
 * duizend" at its smallest), sometimes up to € 100.000. The central value is the mean of that triangle, € 34.667 per
 * prevented escalation, so that the base case is the expected value of the range.
 */
const ESCALATION_RANGE: KeyFigureRange = {
  low: 2000,
  high: 100000,
  distribution: { type: "driehoek", mode: 2000 },
  source: `${SEED}, §4.3, regel 666: "tussen een paar duizend euro tot soms wel €100.000 (bij gezinnen)"; driehoek met de top bij de ondergrens ("soms wel" maakt € 100.000 de uitzondering)`,
};
const ESCALATION_CENTRAL = Math.round(rangeMean(ESCALATION_RANGE));

/** Seed 002, regel 261: per eviction € 20.000 opvang (minimumvariant) or € 60.000 more costs (maximumvariant), 2019 prices. */
const EVICTION_RANGE: KeyFigureRange = {
  low: toPriceLevel(20000, 2019),
  high: toPriceLevel(60000, 2019),
  distribution: { type: "uniform" },
  source: "seed 002_dea0c6c1e7c3c540.txt, regel 261: '68 huisuitzettingen x 20.000 euro kosten maatschappelijke opvang' (minimumvariant) en '68 x 60.000 euro toename gemiddelde kosten multiprobleemhuishouden bij huisuitzetting' (maximumvariant), prijspeil 2019 naar 2014 (CBS-CPI); uniform: het rapport kiest niet tussen de twee varianten",
};

/**
 * Seed 001, voetnoot 21 (regel 726): € 20.000 per QALY is "het bedrag dat wij minimaal bereid zijn om uit te geven aan
 * een gezond levensjaar"; "In andere MKBA's wordt soms ook wel gerekend met € 100.000". That is a choice of valuation
 * (a convention), not an uncertain quantity: the range drives the sensitivity run and the tornado's bounds on request,
 * while Monte Carlo keeps the seed's own € 20.000 (uncertainty "vast").
 */
const QALY_RANGE: KeyFigureRange = {
  low: 20000,
  high: 100000,
  distribution: { type: "driehoek", mode: 20000 },
  source: `${SEED}, voetnoot 21 (regel 726): "In andere MKBA's wordt soms ook wel gerekend met € 100.000"; driehoek met de top bij de € 20.000 die de seed zelf gebruikt`,
};

const tabel47 = (low: number, high: number, rows: string): KeyFigureRange => ({
  low,
  high,
  distribution: { type: "driehoek", mode: low },
  source: `${SEED}, Tabel 4.7, ${rows}: de netto percentages van de voorbeelden`,
});

export const LPBL_KEY_FIGURES: readonly KeyFigure[] = [
  // Tabel 3.10 — caseloads (reference values for the fte check)
  { key: "kg_productieve_uren_fte", value: 1200, unit: "uren per fte per jaar", label: "Productieve uren per fte", source: `${SEED}, Tabel 3.10 (300×4 = 150×8 = 40×30 = 10×120 = 1.200) en Bijlage 2 (600×2 = 150×8 = 75×16)`, illustrative: false, uncertainty: "vast" },
  { key: "kg_caseload_ev", value: 300, unit: "hh per fte", label: "Kengetal caseload geen probleem/enkelvoudig", source: `${SEED}, Tabel 3.10 (regel 515)`, illustrative: false, uncertainty: "vast" },
  { key: "kg_caseload_zr", value: 150, unit: "hh per fte", label: "Kengetal caseload meervoudig zelfredzaam", source: `${SEED}, Tabel 3.10 (regel 516)`, illustrative: false, uncertainty: "vast" },
  { key: "kg_caseload_nzr", value: 40, unit: "hh per fte", label: "Kengetal caseload meervoudig niet-zelfredzaam", source: `${SEED}, Tabel 3.10 (regel 517)`, illustrative: false, uncertainty: "vast" },
  // Tabel 4.5 — substitution (reference values for a scenario)
  { key: "kg_substitutie_bestaand", value: 0.1, unit: "aandeel", label: "Kengetal substitutie bestaande cases", source: `${SEED}, Tabel 4.5, regel 646 (samenvatting: netto effect o.b.v. EKC-onderzoeken en voorbeelden)`, illustrative: false, uncertainty: "vast" },
  { key: "kg_substitutie_nieuw", value: 0.3, unit: "aandeel", label: "Kengetal substitutie nieuwe cases", source: `${SEED}, Tabel 4.5, regel 646 (samenvatting)`, illustrative: false, uncertainty: "vast" },
  // Tabel 4.7 — prevented escalation (reference values for a scenario and the sensitivity runs; C.3 is the analyst's)
  { key: "kg_escalatie_huisuitzetting", value: 0.01, unit: "aandeel van alle hh", label: "Kengetal voorkomen huisuitzettingen (aandeel van alle huishoudens in de aanpak)", source: `${SEED}, Tabel 4.7, regels 688–690 (1%–12%; Vb4 met 328 hh: 3 huisuitzettingen = 1%)`, illustrative: false, uncertainty: "vast", range: tabel47(0.01, 0.12, "regel 690") },
  { key: "kg_escalatie_ots_uhp", value: 0.03, unit: "aandeel gezinnen/ouderen", label: "Kengetal vermindering OTS/UHP en intramuraal", source: `${SEED}, Tabel 4.7, regels 691–692 (3%–18%; de 3% van Vb1 is netto incl. terugval 20%, voetnoot **)`, illustrative: false, uncertainty: "vast", range: tabel47(0.03, 0.18, "regel 692") },
  { key: "kg_escalatie_tweedelijn", value: 0.02, unit: "aandeel van alle hh", label: "Kengetal voorkomen doorverwijzingen 2e-lijnszorg", source: `${SEED}, Tabel 4.7, regels 693–694 (2%–6% van de huishoudens in de aanpak; regel 683: "doorverwijzingen naar 2elijnszorg")`, illustrative: false, uncertainty: "vast", range: tabel47(0.02, 0.06, "regel 694") },
  // Switches: how entered effects are read and which view of benefits is used
  { key: "attributie", value: 1, unit: "aandeel", label: "Attributie van ingevoerde effecten (C.2 en C.3)", source: `${SEED}, Tabel 4.7, regel 696 ("Netto effect (incl. aanname attributie vaak 50%)"): de kengetallen zijn al netto; bij netto invoer dus 1; zet 0,5 bij bruto gemeten effecten (MKBA 3.0, §5.3)`, illustrative: false, uncertainty: "vast" },
  { key: "welvaartsvisie", value: 0, unit: "0 of 1", label: "Rekenwijze uitkeringen: 0 = als het rapport (vermeden uitkering is een besparing voor W&I), 1 = welvaartseconomisch (uitkering is een overdracht; het huishouden krijgt loon)", source: `${SEED}, §4.3 (regel 660) en voetnoot 19 (regel 673); AEPB (seed 000, Tabel 1.5, regel 466) boekt bijstand als verdelingseffect`, illustrative: false, uncertainty: "vast" },
  { key: "teamsamenstelling_telt", value: 0, unit: "0 of 1", label: "Teamsamenstelling telt mee voor het succes (0 = het ingevoerde succes geldt voor dit team, 1 = zonder de passende discipline telt een deel niet)", source: `${SEED}, §3.3.4, regel 458 ("De effectiviteit van de aanpak is daarom deels wel afhankelijk van de samenstelling van het team"): de analist schat het succes (C.2) voor zijn eigen team; alleen het scenario zet dit aan`, illustrative: false, uncertainty: "vast" },
  { key: "minimumloon_per_jaar", value: 19250, unit: "euro per persoon per jaar", label: "Wettelijk minimumloon per jaar (bruto, incl. vakantiegeld)", source: "Illustratief: niet in de seeds; ordegrootte van het wettelijk minimumloon 2014 (€ 1.485,60 per maand voor 23 jaar en ouder × 12 × 1,08), niet geverifieerd; alleen gebruikt in de welvaartsvisie", illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kg_effectiviteit_breedte", value: 0.5, unit: "aandeel", label: "Deel van het succes dat vervalt als de passende discipline niet in het team zit (alleen met 'teamsamenstelling telt mee')", source: `${ILL} reconstructie van seed 001 §3.3.4, regel 458 ("deels wel afhankelijk van de samenstelling van het team") en regel 473 (ouderen: zorg en welzijn; gezinnen en overige hh: GGZ en Werk en Inkomen)`, illustrative: true, uncertainty: "vast" },
  // Prices from the seed
  { key: "uitkering_per_jaar", value: 15000, unit: "euro per persoon per jaar", label: "Voorkomen uitkering per persoon extra aan het werk", source: `${SEED}, §4.3, regel 660 ("Eén persoon extra aan het werk voorkomt ongeveer 15.000 aan maatschappelijke kosten (uitkeringen) per jaar")`, illustrative: false, uncertainty: "standaard", price: EURO_2014 },
  { key: "qaly_waarde", value: 20000, unit: "euro per QALY", label: "Waarde van een gewonnen gezond levensjaar (QALY)", source: `${SEED}, §4.3 (regel 710) en voetnoot 21 (regel 726): de seed rekent met de ondergrens € 20.000`, illustrative: false, uncertainty: "vast", range: QALY_RANGE, price: EURO_2014 },
  // Trajectories (Bijlage 3): participation per base group and unit cost per trajectory per year
  { key: "deelname_shv", value: 0.5, unit: "trajecten per mv-hh met problematische schulden", label: "Schuldhulpverlening (SHV): trajecten per hh met schulden", source: `${ILL} aanname: de helft van de mv-huishoudens met problematische schulden heeft per jaar een SHV-traject`, illustrative: true, uncertainty: "standaard" },
  { key: "deelname_reintegratie", value: 0.3, unit: "trajecten per mv-hh zonder werk", label: "Re-integratie: trajecten per hh zonder werk", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "deelname_dagbesteding", value: 0.15, unit: "trajecten per mv-hh zonder werk", label: "Activerende dagbesteding: trajecten per hh zonder werk", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "deelname_amw", value: 0.5, unit: "trajecten per mv-hh", label: "AMW/maatschappelijke dienstverlening: trajecten per mv-hh", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "deelname_hbh", value: 0.4, unit: "trajecten per mv-hh ouderen", label: "Wmo-HbH: trajecten per mv-hh ouderen", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "deelname_joh", value: 0.4, unit: "trajecten per mv-gezin", label: "J&OH ambulant: trajecten per mv-gezin", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "deelname_jggz", value: 0.2, unit: "trajecten per mv-gezin", label: "Jeugd-GGZ: trajecten per mv-gezin", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "deelname_ggz", value: 0.3, unit: "trajecten per mv-hh ouderen/overig", label: "GGZ volwassenen: trajecten per mv-hh ouderen en overige", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "kosten_shv", value: 2500, unit: "euro per traject", label: "Kosten lichte schuldhulp (budgetcoaching) per traject", source: `${ILL} ordegrootte van gemeentelijke schuldhulptrajecten (vgl. APE, Kosten en baten van schuldhulpverlening, 2011, in opdracht van SZW; bedrag daaruit niet geverifieerd)`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_reintegratie", value: 5000, unit: "euro per traject", label: "Kosten re-integratietraject", source: `${ILL} ronde ordegrootte`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_dagbesteding", value: 6000, unit: "euro per traject per jaar", label: "Kosten activerende dagbesteding", source: `${ILL} ronde ordegrootte`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_amw", value: 1200, unit: "euro per traject", label: "Kosten AMW-traject", source: `${ILL} ronde ordegrootte`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_hbh", value: 4000, unit: "euro per traject per jaar", label: "Kosten Wmo hulp bij het huishouden", source: `${ILL} ronde ordegrootte`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_joh", value: 6000, unit: "euro per traject", label: "Kosten jeugd- en opvoedhulp ambulant", source: `${ILL} ronde ordegrootte`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_jggz", value: 5000, unit: "euro per traject", label: "Kosten jeugd-GGZ-traject", source: `${ILL} ronde ordegrootte`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_ggz", value: 4000, unit: "euro per traject", label: "Kosten GGZ-traject volwassenen", source: `${ILL} ronde ordegrootte (vgl. Zorginstituut, Kostenhandleiding 2015/2024; bedrag daaruit niet geverifieerd)`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  // Escalations (seed 001 §4.3, regel 666; seed 002, regel 261)
  { key: "kosten_ots_uhp", value: ESCALATION_CENTRAL, unit: "euro per voorkomen OTS/UHP (over jaar 2 en 3)", label: "Voorkomen kosten per voorkomen OTS/uithuisplaatsing (gezinnen)", source: `Centrale waarde = het gemiddelde van de bandbreedte van ${SEED}, §4.3, regel 666 (driehoek € 2.000 – € 2.000 – € 100.000); de seed noemt geen vast bedrag. Het enige voorbeeld met 328 hh (Tabel 4.7, Vb4) toont geen voorkomen OTS`, illustrative: false, uncertainty: "bandbreedte", range: ESCALATION_RANGE, price: EURO_2014 },
  { key: "kosten_intramuraal", value: ESCALATION_CENTRAL, unit: "euro per voorkomen opname (over jaar 2 en 3)", label: "Voorkomen kosten per voorkomen intramurale opname V&V (ouderen)", source: `Zelfde bandbreedte als OTS/UHP: ${SEED}, §4.3, regel 666 geeft één bandbreedte per huishouden (de € 100.000 bij gezinnen is voor ouderen een bovengrens); opname V&V-huis als escalatie: Bijlage 3, regel 1259`, illustrative: false, uncertainty: "bandbreedte", range: ESCALATION_RANGE, price: EURO_2014 },
  { key: "kosten_opname_ggz", value: ESCALATION_CENTRAL, unit: "euro per voorkomen opname (over jaar 2 en 3)", label: "Voorkomen kosten per voorkomen opname GGZ (overige hh)", source: `Zelfde bandbreedte: ${SEED}, §4.3, regel 666; opname GGZ als escalatie: Bijlage 3, regel 1260`, illustrative: false, uncertainty: "bandbreedte", range: ESCALATION_RANGE, price: EURO_2014 },
  { key: "kosten_ontruiming", value: 7000, unit: "euro per huisuitzetting", label: "Kosten huisuitzetting voor de corporatie (huurachterstand, ontruiming)", source: `${ILL} ronde ordegrootte; de seed noemt "voorkomen kosten van ontruiming" als beperktere baat (regel 666)`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_opvang", value: toPriceLevel(40000, 2019), unit: "euro per huisuitzetting", label: "Maatschappelijke kosten per voorkomen huisuitzetting (opvang, zwaardere hulp)", source: "Centrale waarde = het midden van de minimum- en maximumvariant van seed 002_dea0c6c1e7c3c540.txt, regel 261 (€ 20.000 en € 60.000 per huisuitzetting, prijspeil 2019, naar 2014 met de CBS-CPI)", illustrative: false, uncertainty: "bandbreedte", range: EVICTION_RANGE, price: indexed(40000, 2019) },
  // Effective trajectories
  { key: "consulten_per_hh", value: 6, unit: "consulten per mv-hh per jaar", label: "Consulten eerste lijn per mv-huishouden per jaar", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
  { key: "kosten_consult", value: 35, unit: "euro per consult", label: "Kosten consult eerste lijn", source: `${ILL} ordegrootte van een huisartsconsult (vgl. Zorginstituut, Kostenhandleiding; bedrag daaruit niet geverifieerd)`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  { key: "kosten_tweedelijn", value: toPriceLevel(10000, 2019), unit: "euro per voorkomen doorverwijzing (één jaar)", label: "Voorkomen kosten tweedelijns hulpverlening per voorkomen doorverwijzing", source: "seed 002_dea0c6c1e7c3c540.txt, regel 307: 'Gemiddeld rekenen we met een besparing van 10.000 euro/jaar' aan overige hulpverleningskosten per multiprobleemhuishouden, één jaar (zoals seed 002 het één keer per jaar telt); prijspeil 2019 naar 2014 (CBS-CPI). Attributie regelt het kengetal attributie", illustrative: false, uncertainty: "standaard", price: indexed(10000, 2019) },
  { key: "waarde_startkwalificatie", value: 50000, unit: "euro per voorkomen schooluitvaller (lange termijn)", label: "Waarde voorkomen schooluitval (kansen kinderen)", source: `${ILL} ronde ordegrootte voor de contante langetermijnwaarde van een startkwalificatie`, illustrative: true, uncertainty: "standaard", price: EURO_2014 },
  // QALY gains
  { key: "qaly_financiele_stabiliteit", value: 0.1, unit: "QALY per hh per jaar", label: "QALY-winst financiële stabiliteit", source: `${ILL} aanname; de seed (§4.3, voetnoot 20) verwijst naar RIVM-ziektelastmodellen`, illustrative: true, uncertainty: "standaard" },
  { key: "qaly_werk", value: 0.1, unit: "QALY per persoon per jaar", label: "QALY-winst werk/zinvolle dagbesteding", source: `${ILL} aanname; vgl. seed §4.3`, illustrative: true, uncertainty: "standaard" },
  { key: "qaly_escalatie", value: 0.2, unit: "QALY per hh per jaar", label: "QALY-winst voorkomen escalatie", source: `${ILL} aanname`, illustrative: true, uncertainty: "standaard" },
];

export const KEY_FIGURE_KEYS: ReadonlySet<string> = new Set(LPBL_KEY_FIGURES.map((k) => k.key));

export function keyFigure(key: string): KeyFigure {
  const k = LPBL_KEY_FIGURES.find((f) => f.key === key);
  if (!k) throw new Error(`interne fout: onbekend kengetal "${key}"`);
  return k;
}
