/**
 * The key figures (kengetallen) of the LPBL model: every one overridable by key, every one with a source.
 * Where seed 001_89b8683f98a68fb5.txt (LPBL 2014) gives the number, the source cites table or section. The seed does
 * not print unit costs per trajectory, costs per escalation or QALY gains per effect, and no public figure was
 * verified for them: those defaults are marked `illustrative: true` (illustratief) — a plausible round number, with
 * what it is based on — and every output computed with them says so (see model.ts, outputs.ts).
 */

export interface KeyFigure {
  readonly key: string;
  readonly value: number;
  readonly unit: string;
  readonly label: string;
  readonly source: string;
  readonly illustrative: boolean;
}

const SEED = "seed 001_89b8683f98a68fb5.txt (LPBL, Meta analyse MKBA's sociale (wijk)teams, 2014)";
const ILL = "Illustratief: de seed drukt dit kengetal niet af en er is geen openbare bron geverifieerd;";

export const LPBL_KEY_FIGURES: readonly KeyFigure[] = [
  // Tabel 3.10 — caseloads (reference values for the handleiding and the fte check)
  { key: "kg_productieve_uren_fte", value: 1200, unit: "uren per fte per jaar", label: "Productieve uren per fte", source: `${SEED}, Tabel 3.10 (300×4 = 150×8 = 40×30 = 10×120 = 1.200) en Bijlage 2 (600×2 = 150×8 = 75×16)`, illustrative: false },
  { key: "kg_caseload_ev", value: 300, unit: "hh per fte", label: "Kengetal caseload geen probleem/enkelvoudig", source: `${SEED}, Tabel 3.10`, illustrative: false },
  { key: "kg_caseload_zr", value: 150, unit: "hh per fte", label: "Kengetal caseload meervoudig zelfredzaam", source: `${SEED}, Tabel 3.10`, illustrative: false },
  { key: "kg_caseload_nzr", value: 40, unit: "hh per fte", label: "Kengetal caseload meervoudig niet-zelfredzaam", source: `${SEED}, Tabel 3.10`, illustrative: false },
  // Tabel 4.5 — substitution
  { key: "kg_substitutie_bestaand", value: 0.1, unit: "aandeel", label: "Kengetal substitutie bestaande cases", source: `${SEED}, Tabel 4.5 (samenvatting: netto effect o.b.v. EKC-onderzoeken en voorbeelden)`, illustrative: false },
  { key: "kg_substitutie_nieuw", value: 0.3, unit: "aandeel", label: "Kengetal substitutie nieuwe cases", source: `${SEED}, Tabel 4.5 (samenvatting)`, illustrative: false },
  // Tabel 4.7 — prevented escalation (reference values)
  { key: "kg_escalatie_huisuitzetting", value: 0.01, unit: "aandeel van alle hh", label: "Voorkomen huisuitzettingen (aandeel van alle huishoudens in de aanpak)", source: `${SEED}, Tabel 4.7, regels 685–696 (1%–12% van de hh in aanpak, netto; Vb4 met 328 hh: 3 huisuitzettingen = 1%)`, illustrative: false },
  { key: "kg_escalatie_ots_uhp", value: 0.03, unit: "aandeel gezinnen/ouderen", label: "Kengetal vermindering OTS/UHP en intramuraal (laag)", source: `${SEED}, Tabel 4.7 (3%–18%, netto incl. terugval 20%)`, illustrative: false },
  { key: "kg_escalatie_tweedelijn", value: 0.02, unit: "aandeel hh", label: "Kengetal voorkomen 2e-lijns zorg (laag)", source: `${SEED}, Tabel 4.7 (2%–6%)`, illustrative: false },
  // Attribution and relapse
  { key: "attributie", value: 1, unit: "aandeel", label: "Attributie van ingevoerde effecten (C.2 en C.3)", source: `${SEED}, Tabel 4.7: de kengetallen zijn al netto ("incl. aanname attributie vaak 50%"); bij netto invoer dus 1; zet 0,5 bij bruto gemeten effecten (MKBA 3.0, §5.3)`, illustrative: false },
  { key: "terugval", value: 0.2, unit: "aandeel (eenmalig)", label: "Terugval: deel van de extra uitstroom naar werk dat terugvalt (één keer toegepast)", source: `${SEED}, Tabel 4.7, voetnoot ** (regel 696: "Netto % (incl. aanname terugval 20%)"): één keer toegepast, niet per jaar; de escalatiepercentages (C.3) zijn al netto`, illustrative: false },
  { key: "welvaartsvisie", value: 0, unit: "0 of 1", label: "Rekenwijze uitkeringen: 0 = als het rapport (vermeden uitkering is een besparing voor W&I), 1 = welvaartseconomisch (uitkering is een overdracht; baat is het eigen inkomensvoordeel)", source: `${SEED}, §4.3 (regel 660) en voetnoot 19; AEPB (seed 000, Tabel 1.5) boekt bijstand als verdelingseffect`, illustrative: false },
  { key: "minimumloon_per_jaar", value: 19250, unit: "euro per persoon per jaar", label: "Wettelijk minimumloon per jaar (bruto, incl. vakantiegeld)", source: "Illustratief: niet in de seeds; ordegrootte van het wettelijk minimumloon 2014 (€ 1.485,60 per maand voor 23 jaar en ouder × 12 × 1,08), niet geverifieerd; alleen gebruikt in de welvaartsvisie", illustrative: true },
  { key: "kg_effectiviteit_breedte", value: 0.5, unit: "aandeel", label: "Deel van het ingevoerde succes dat afhangt van de breedte van het team (aantal disciplines van de zes)", source: `${ILL} reconstructie van seed 001 §3.3.4, regel 456 ("De effectiviteit van de aanpak is daarom deels wel afhankelijk van de samenstelling van het team")`, illustrative: true },
  // Prices from the seed
  { key: "uitkering_per_jaar", value: 15000, unit: "euro per persoon per jaar", label: "Voorkomen uitkering per persoon extra aan het werk", source: `${SEED}, §4.3 ("Eén persoon extra aan het werk voorkomt ongeveer 15.000 aan maatschappelijke kosten (uitkeringen) per jaar")`, illustrative: false },
  { key: "qaly_waarde", value: 20000, unit: "euro per QALY", label: "Waarde van een gewonnen gezond levensjaar (QALY)", source: `${SEED}, §4.3 en voetnoot 21 (ondergrens € 20.000; soms € 100.000)`, illustrative: false },
  // Trajectories (Bijlage 3): participation per base group and unit cost per trajectory per year
  { key: "deelname_shv", value: 0.5, unit: "trajecten per mv-hh met problematische schulden", label: "Schuldhulpverlening (SHV): trajecten per hh met schulden", source: `${ILL} aanname: de helft van de mv-huishoudens met problematische schulden heeft per jaar een SHV-traject`, illustrative: true },
  { key: "deelname_reintegratie", value: 0.3, unit: "trajecten per mv-hh zonder werk", label: "Re-integratie: trajecten per hh zonder werk", source: `${ILL} aanname`, illustrative: true },
  { key: "deelname_dagbesteding", value: 0.15, unit: "trajecten per mv-hh zonder werk", label: "Activerende dagbesteding: trajecten per hh zonder werk", source: `${ILL} aanname`, illustrative: true },
  { key: "deelname_amw", value: 0.5, unit: "trajecten per mv-hh", label: "AMW/maatschappelijke dienstverlening: trajecten per mv-hh", source: `${ILL} aanname`, illustrative: true },
  { key: "deelname_hbh", value: 0.4, unit: "trajecten per mv-hh ouderen", label: "Wmo-HbH: trajecten per mv-hh ouderen", source: `${ILL} aanname`, illustrative: true },
  { key: "deelname_joh", value: 0.4, unit: "trajecten per mv-gezin", label: "J&OH ambulant: trajecten per mv-gezin", source: `${ILL} aanname`, illustrative: true },
  { key: "deelname_jggz", value: 0.2, unit: "trajecten per mv-gezin", label: "Jeugd-GGZ: trajecten per mv-gezin", source: `${ILL} aanname`, illustrative: true },
  { key: "deelname_ggz", value: 0.3, unit: "trajecten per mv-hh ouderen/overig", label: "GGZ volwassenen: trajecten per mv-hh ouderen en overige", source: `${ILL} aanname`, illustrative: true },
  { key: "kosten_shv", value: 2500, unit: "euro per traject", label: "Kosten lichte schuldhulp (budgetcoaching) per traject", source: `${ILL} ordegrootte van gemeentelijke schuldhulptrajecten (vgl. APE, Kosten en baten van schuldhulpverlening, 2011, in opdracht van SZW; bedrag daaruit niet geverifieerd)`, illustrative: true },
  { key: "kosten_reintegratie", value: 5000, unit: "euro per traject", label: "Kosten re-integratietraject", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "kosten_dagbesteding", value: 6000, unit: "euro per traject per jaar", label: "Kosten activerende dagbesteding", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "kosten_amw", value: 1200, unit: "euro per traject", label: "Kosten AMW-traject", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "kosten_hbh", value: 4000, unit: "euro per traject per jaar", label: "Kosten Wmo hulp bij het huishouden", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "kosten_joh", value: 6000, unit: "euro per traject", label: "Kosten jeugd- en opvoedhulp ambulant", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "kosten_jggz", value: 5000, unit: "euro per traject", label: "Kosten jeugd-GGZ-traject", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "kosten_ggz", value: 4000, unit: "euro per traject", label: "Kosten GGZ-traject volwassenen", source: `${ILL} ronde ordegrootte (vgl. Zorginstituut, Kostenhandleiding 2015/2024; bedrag daaruit niet geverifieerd)`, illustrative: true },
  // Escalations
  { key: "kosten_uhp_per_jaar", value: 40000, unit: "euro per gezin per jaar (2 jaar: € 80.000)", label: "Kosten OTS/uithuisplaatsing per jaar (twee jaar voorkomen)", source: `${ILL} ordegrootte; een NRC-factcheck (1 aug. 2015, "Jeugdzorg kreeg 50.000 euro voor uithuisplaatsing") noemt een bewering van € 40.000 per jaar, niet geverifieerd`, illustrative: true },
  { key: "kosten_intramuraal_per_jaar", value: 30000, unit: "euro per hh per jaar (2 jaar: € 60.000)", label: "Kosten intramurale opname (V&V/GGZ) per jaar (twee jaar voorkomen)", source: `${ILL} ronde ordegrootte binnen "een paar duizend euro tot soms wel € 100.000 (bij gezinnen)" (seed 001, §4.3, regel 664)`, illustrative: true },
  { key: "kosten_ontruiming", value: 7000, unit: "euro per huisuitzetting", label: "Kosten huisuitzetting voor de corporatie (huurachterstand, ontruiming)", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "kosten_opvang", value: 20000, unit: "euro per huisuitzetting", label: "Kosten maatschappelijke opvang per voorkomen huisuitzetting", source: "seed 002_dea0c6c1e7c3c540.txt (Uit eigen tuin deel 2, Zoetermeer 2019), regels 261 en 263: '68 huisuitzettingen x 20.000 euro kosten maatschappelijke opvang', '9 x 20.000 euro maatschappelijke opvang' (prijspeil 2019, niet geïndexeerd)", illustrative: false },
  { key: "kosten_tweedelijns_zorg", value: 10000, unit: "euro per huishouden per jaar (2 jaar)", label: "Kosten overige (tweedelijns) hulpverlening per multiprobleemhuishouden per jaar", source: "seed 002_dea0c6c1e7c3c540.txt (Uit eigen tuin deel 2), regel 307: 'Gemiddeld rekenen we met een besparing van 10.000 euro/jaar' aan overige hulpverleningskosten (prijspeil 2019, niet geïndexeerd)", illustrative: false },
  // Effective trajectories
  { key: "consulten_per_hh", value: 6, unit: "consulten per mv-hh per jaar", label: "Consulten eerste lijn per mv-huishouden per jaar", source: `${ILL} aanname`, illustrative: true },
  { key: "kosten_consult", value: 35, unit: "euro per consult", label: "Kosten consult eerste lijn", source: `${ILL} ordegrootte van een huisartsconsult (vgl. Zorginstituut, Kostenhandleiding; bedrag daaruit niet geverifieerd)`, illustrative: true },
  { key: "kosten_tweedelijn", value: 2500, unit: "euro per doorverwijzing", label: "Kosten doorverwijzing tweede lijn", source: `${ILL} ronde ordegrootte`, illustrative: true },
  { key: "waarde_startkwalificatie", value: 50000, unit: "euro per voorkomen schooluitvaller (lange termijn)", label: "Waarde voorkomen schooluitval (kansen kinderen)", source: `${ILL} ronde ordegrootte voor de contante langetermijnwaarde van een startkwalificatie`, illustrative: true },
  // QALY gains
  { key: "qaly_financiele_stabiliteit", value: 0.1, unit: "QALY per hh per jaar", label: "QALY-winst financiële stabiliteit", source: `${ILL} aanname; de seed (§4.3, voetnoot 20) verwijst naar RIVM-ziektelastmodellen`, illustrative: true },
  { key: "qaly_werk", value: 0.1, unit: "QALY per persoon per jaar", label: "QALY-winst werk/zinvolle dagbesteding", source: `${ILL} aanname; vgl. seed §4.3`, illustrative: true },
  { key: "qaly_escalatie", value: 0.2, unit: "QALY per hh per jaar", label: "QALY-winst voorkomen escalatie", source: `${ILL} aanname`, illustrative: true },
];

export const KEY_FIGURE_KEYS: ReadonlySet<string> = new Set(LPBL_KEY_FIGURES.map((k) => k.key));

export function keyFigure(key: string): KeyFigure {
  const k = LPBL_KEY_FIGURES.find((f) => f.key === key);
  if (!k) throw new Error(`interne fout: onbekend kengetal "${key}"`);
  return k;
}

/**
 * What an override of a key figure may be (its input boundary, checked where a model file is loaded): within
 * ±1.000.000.000.000 like every amount of the input screen (LPBL_MAX_AMOUNT), and at least 1 for the ones the fte
 * checks divide by — a caseload of 0 or 0 productive hours would make those checks infinite.
 */
export function keyFigureBounds(key: string): { readonly min: number; readonly max: number } {
  if (key === "kg_productieve_uren_fte") return { min: 1, max: 8760 }; // the hours of a year
  if (key.startsWith("kg_caseload_")) return { min: 1, max: 100_000 }; // as the screen's caseload
  return { min: -1_000_000_000_000, max: 1_000_000_000_000 };
}
