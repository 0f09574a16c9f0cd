/**
 * The input form's texts in English (veldteksten): the LPBL screen's sections, labels, column headings and units as the
 * task pane shows them when the analyst switches to English. The sheets stay Dutch — they are the workbook the analyst
 * shares — so a field shows its English label with the Dutch one as it stands in the sheet for reference. A free
 * model's own labels are the analyst's and are shown as typed. "(illustratief)" is translated wherever it stands.
 */
import type { Language } from "./i18n";

const ILLUSTRATIVE = " (illustratief)";

const FIELD_TEXT_EN: Readonly<Record<string, string>> = {
  // Sections
  "A. Bereik": "A. Reach",
  "A. Bereik naar type huishouden": "A. Reach by type of household",
  "A. Bereik: gezinnen, caseload en uren": "A. Reach: families, caseload and hours",
  "B. Kosten": "B. Costs",
  "C. Effect": "C. Effect",
  "C. Effect: voorkomen escalatie": "C. Effect: prevented escalation",
  "C. Effect: voorkomen huisuitzettingen": "C. Effect: prevented evictions",
  "Lopende aanpak (meerjarig beeld)": "Running approach (over the years)",
  "Uitvoer B (begroting)": "Output B (budget)",
  Kengetallen: "Key figures",
  Parameters: "Parameters",
  // Column headings
  Gezinnen: "Families",
  Ouderen: "Elderly",
  "Overige hh": "Other households",
  // Labels: A
  "Aantal hh in aanpak (totaal)": "Households in the approach (total)",
  "Aantal hh in aanpak (%)": "Households in the approach (%)",
  "Geen probleem of enkelvoudig (ev)": "No problem or a single problem (ev)",
  "Meervoudig (mv) en zelfredzaam (zr)": "Multiple problems (mv), self-reliant (zr)",
  "Meervoudig (mv) en niet-zelfredzaam (nzr)": "Multiple problems (mv), not self-reliant (nzr)",
  "Huishoudsamenstelling: eenouder/persoons": "Composition: single parent / one person",
  "Huishoudsamenstelling: tweeouder/meerpersoons": "Composition: two parents / several persons",
  "Leefsituatie (mv): problematische schulden": "Living situation (mv): problematic debts",
  "Leefsituatie (mv): geen werk": "Living situation (mv): no work",
  "Leefsituatie (mv): overlastgevend": "Living situation (mv): causing nuisance",
  "Gemiddeld aantal kinderen (gezinnen)": "Average number of children (families)",
  "Caseload: Geen probleem of enkelvoudig (ev)": "Caseload: no problem or a single problem (ev)",
  "Caseload: Meervoudig (mv) en zelfredzaam (zr)": "Caseload: multiple problems, self-reliant (zr)",
  "Caseload: Meervoudig (mv) en niet-zelfredzaam (nzr)": "Caseload: multiple problems, not self-reliant (nzr)",
  "Uren gem. per hh p.jr: Geen probleem of enkelvoudig (ev)": "Average hours per household per year: no problem or a single problem (ev)",
  "Uren gem. per hh p.jr: Meervoudig (mv) en zelfredzaam (zr)": "Average hours per household per year: multiple problems, self-reliant (zr)",
  "Uren gem. per hh p.jr: Meervoudig (mv) en niet-zelfredzaam (nzr)": "Average hours per household per year: multiple problems, not self-reliant (nzr)",
  // Labels: B
  "Totaal aantal teamleden (fte)": "Team size (fte)",
  "w.v. percentage additionele kosten (fte)": "of which additional money (fte)",
  "Kosten fte incl. huisvesting": "Cost per fte incl. housing",
  "Overige teamkosten": "Other team costs",
  "w.v. percentage additionele kosten (overige teamkosten)": "of which additional money (other team costs)",
  "Percentage frictiekosten": "Friction costs",
  "Overige eenmalige kosten": "Other one-time costs",
  "Percentage nieuw gevonden hh": "Newly found households",
  // Labels: C
  "1. Substitutie (meer/minder) trajecten: in nieuwe cases": "1. Substitution (more/fewer) trajectories: in new cases",
  "1. Substitutie (meer/minder) trajecten: in bestaande cases": "1. Substitution (more/fewer) trajectories: in existing cases",
  "2. Teamsamenstelling: Jeugd": "2. Team composition: youth",
  "2. Teamsamenstelling: GGZ-volwassenen": "2. Team composition: adult mental health",
  "2. Teamsamenstelling: Werk & inkomen/ Schulden": "2. Team composition: work & income / debts",
  "2. Teamsamenstelling: Welzijn/ Maatschappelijke dienstverlening": "2. Team composition: welfare / social services",
  "2. Teamsamenstelling: Zorg": "2. Team composition: care",
  "2. Teamsamenstelling: Wonen": "2. Team composition: housing",
  "2. Succes trajecten: schuldhulp": "2. Success of trajectories: debt assistance",
  "2. Succes trajecten: direct naar werk": "2. Success of trajectories: straight to work",
  "2. Succes trajecten: schooluitval": "2. Success of trajectories: school dropout",
  "2. Succes trajecten: consulten eerste lijn": "2. Success of trajectories: first-line consultations",
  "2. Succes trajecten: doorverwijzing tweede lijn": "2. Success of trajectories: second-line referrals",
  "3. Voorkomen escalatie (gezinnen: OTS/UHP; ouderen: intramuraal V&V; overige hh: opname GGZ)": "3. Prevented escalation (families: child protection/placement; elderly: nursing home; other households: mental health admission)",
  "3. Voorkomen huisuitzettingen (Tabel 4.7: 1%–12% van alle hh)": "3. Prevented evictions (Table 4.7: 1%–12% of all households)",
  "Looptijd van de aanpak": "Duration of the approach",
  "Opbouw naar volledige aanpak": "Build-up to the full approach",
  "Begrotingsjaar van de lopende aanpak (3 = na 2 jaar)": "Budget year of the running approach (3 = after 2 years)",
  "Opbouw naar volledige aanpak (1 = geen opbouw)": "Build-up to the full approach (1 = no build-up)",
  // Labels: key figures
  "Productieve uren per fte": "Productive hours per fte",
  "Kengetal caseload geen probleem/enkelvoudig": "Key figure caseload no problem / single problem",
  "Kengetal caseload meervoudig zelfredzaam": "Key figure caseload multiple problems, self-reliant",
  "Kengetal caseload meervoudig niet-zelfredzaam": "Key figure caseload multiple problems, not self-reliant",
  "Kengetal substitutie bestaande cases": "Key figure substitution, existing cases",
  "Kengetal substitutie nieuwe cases": "Key figure substitution, new cases",
  "Kengetal voorkomen huisuitzettingen (aandeel van alle huishoudens in de aanpak)": "Key figure prevented evictions (share of all households in the approach)",
  "Kengetal vermindering OTS/UHP en intramuraal": "Key figure reduction of child protection/placement and residential care",
  "Kengetal voorkomen doorverwijzingen 2e-lijnszorg": "Key figure prevented referrals to second-line care",
  "Attributie van ingevoerde effecten (C.2 en C.3)": "Attribution of the effects entered (C.2 and C.3)",
  "Rekenwijze uitkeringen: 0 = als het rapport (vermeden uitkering is een besparing voor W&I), 1 = welvaartseconomisch (uitkering is een overdracht; het huishouden krijgt loon)":
    "Benefits accounting: 0 = as the report (an avoided benefit is a saving for W&I), 1 = welfare economics (a benefit is a transfer; the household earns a wage)",
  "Teamsamenstelling telt mee voor het succes (0 = het ingevoerde succes geldt voor dit team, 1 = zonder de passende discipline telt een deel niet)":
    "Team composition counts for success (0 = the success entered holds for this team, 1 = without the matching discipline part of it does not count)",
  "Wettelijk minimumloon per jaar (bruto, incl. vakantiegeld)": "Statutory minimum wage per year (gross, incl. holiday pay)",
  "Deel van het succes dat vervalt als de passende discipline niet in het team zit (alleen met 'teamsamenstelling telt mee')": "Share of the success lost when the matching discipline is not in the team (only when team composition counts)",
  "Voorkomen uitkering per persoon extra aan het werk": "Benefit avoided per extra person in work",
  "Waarde van een gewonnen gezond levensjaar (QALY)": "Value of a healthy life year gained (QALY)",
  "Schuldhulpverlening (SHV): trajecten per hh met schulden": "Debt assistance: trajectories per household with debts",
  "Re-integratie: trajecten per hh zonder werk": "Re-integration: trajectories per household without work",
  "Activerende dagbesteding: trajecten per hh zonder werk": "Activating day programmes: trajectories per household without work",
  "AMW/maatschappelijke dienstverlening: trajecten per mv-hh": "General social work: trajectories per multi-problem household",
  "Wmo-HbH: trajecten per mv-hh ouderen": "Household help (Wmo): trajectories per multi-problem elderly household",
  "J&OH ambulant: trajecten per mv-gezin": "Youth and parenting support (ambulant): trajectories per multi-problem family",
  "Jeugd-GGZ: trajecten per mv-gezin": "Youth mental health: trajectories per multi-problem family",
  "GGZ volwassenen: trajecten per mv-hh ouderen en overige": "Adult mental health: trajectories per multi-problem elderly and other household",
  "Kosten lichte schuldhulp (budgetcoaching) per traject": "Cost of light debt assistance (budget coaching) per trajectory",
  "Kosten re-integratietraject": "Cost of a re-integration trajectory",
  "Kosten activerende dagbesteding": "Cost of activating day programmes",
  "Kosten AMW-traject": "Cost of a general social work trajectory",
  "Kosten Wmo hulp bij het huishouden": "Cost of household help (Wmo)",
  "Kosten jeugd- en opvoedhulp ambulant": "Cost of ambulant youth and parenting support",
  "Kosten jeugd-GGZ-traject": "Cost of a youth mental health trajectory",
  "Kosten GGZ-traject volwassenen": "Cost of an adult mental health trajectory",
  "Voorkomen kosten per voorkomen OTS/uithuisplaatsing (gezinnen)": "Costs avoided per prevented child protection order/placement (families)",
  "Voorkomen kosten per voorkomen intramurale opname V&V (ouderen)": "Costs avoided per prevented nursing home admission (elderly)",
  "Voorkomen kosten per voorkomen opname GGZ (overige hh)": "Costs avoided per prevented mental health admission (other households)",
  "Kosten huisuitzetting voor de corporatie (huurachterstand, ontruiming)": "Cost of an eviction for the housing association (arrears, eviction)",
  "Maatschappelijke kosten per voorkomen huisuitzetting (opvang, zwaardere hulp)": "Social costs per eviction prevented (shelter, heavier help)",
  "Consulten eerste lijn per mv-huishouden per jaar": "First-line consultations per multi-problem household per year",
  "Kosten consult eerste lijn": "Cost of a first-line consultation",
  "Voorkomen kosten tweedelijns hulpverlening per voorkomen doorverwijzing": "Second-line help costs avoided per prevented referral",
  "Waarde voorkomen schooluitval (kansen kinderen)": "Value of a school dropout prevented (children's chances)",
  "QALY-winst financiële stabiliteit": "QALY gain from financial stability",
  "QALY-winst werk/zinvolle dagbesteding": "QALY gain from work / meaningful day programmes",
  "QALY-winst voorkomen escalatie": "QALY gain from prevented escalation",
  // Units
  huishoudens: "households",
  "aandeel, samen 100%": "share, together 100%",
  "aandeel, kolom samen 100%": "share, column together 100%",
  aandeel: "share",
  "aandeel mv-hh": "share of multi-problem households",
  kinderen: "children",
  "hh per fte per jaar": "households per fte per year",
  uren: "hours",
  fte: "fte",
  "euro per fte per jaar": "euro per fte per year",
  "euro per jaar": "euro per year",
  "aandeel van de teamkosten": "share of the team costs",
  euro: "euro",
  verandering: "change",
  "aantal disciplines": "number of disciplines",
  procentpunt: "percentage point",
  "aandeel hh van het type": "share of households of the type",
  jaren: "years",
  "uren per fte per jaar": "hours per fte per year",
  "hh per fte": "households per fte",
  "aandeel van alle hh": "share of all households",
  "aandeel gezinnen/ouderen": "share of families/elderly",
  "aandeel hh": "share of households",
  jaar: "year",
  "0 of 1": "0 or 1",
  "euro per persoon per jaar": "euro per person per year",
  "euro per QALY": "euro per QALY",
  "trajecten per mv-hh met problematische schulden": "trajectories per multi-problem household with problematic debts",
  "trajecten per mv-hh zonder werk": "trajectories per multi-problem household without work",
  "trajecten per mv-hh": "trajectories per multi-problem household",
  "trajecten per mv-hh ouderen": "trajectories per multi-problem elderly household",
  "trajecten per mv-gezin": "trajectories per multi-problem family",
  "trajecten per mv-hh ouderen/overig": "trajectories per multi-problem elderly/other household",
  "euro per traject": "euro per trajectory",
  "euro per traject per jaar": "euro per trajectory per year",
  "euro per voorkomen OTS/UHP (over jaar 2 en 3)": "euro per prevented child protection order/placement (over years 2 and 3)",
  "euro per voorkomen opname (over jaar 2 en 3)": "euro per prevented admission (over years 2 and 3)",
  "euro per huisuitzetting": "euro per eviction",

  "consulten per mv-hh per jaar": "consultations per multi-problem household per year",
  "euro per consult": "euro per consultation",
  "euro per voorkomen doorverwijzing (één jaar)": "euro per prevented referral (one year)",
  "euro per voorkomen schooluitvaller (lange termijn)": "euro per dropout prevented (long term)",
  "QALY per hh per jaar": "QALY per household per year",
  "QALY per persoon per jaar": "QALY per person per year",
};

/** The English of a known Dutch form text ("(illustratief)" translated wherever it stands), or undefined. */
function englishOf(text: string): string | undefined {
  const illustrative = text.endsWith(ILLUSTRATIVE);
  const base = illustrative ? text.slice(0, -ILLUSTRATIVE.length) : text;
  if (!Object.prototype.hasOwnProperty.call(FIELD_TEXT_EN, base)) return undefined;
  return illustrative ? `${FIELD_TEXT_EN[base]!} (illustrative)` : FIELD_TEXT_EN[base]!;
}

/** A form text in the pane's language: the English of a known Dutch text, else the text as it stands. */
export function fieldText(text: string, language: Language): string {
  return language === "nl" ? text : (englishOf(text) ?? text);
}

/** Whether a Dutch form text has an English translation (for the test that every LPBL field is translated). */
export function hasEnglish(text: string): boolean {
  return englishOf(text) !== undefined;
}
