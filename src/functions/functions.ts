/*
 * The custom functions Excel registers under the namespace MKBA (aangepaste functies). Each is a thin wrapper:
 * Excel's arguments → the function catalogue (pure engine code) → a value, or a thrown CustomFunctions.Error.
 * The JSDoc below is the source of functions.json (nl-NL, the default language); the English names and
 * descriptions live in src/functions/functions-en-us.json. Ids and parameter names are a contract with every
 * saved workbook: test/functions/metadata.test.ts keeps them under a snapshot.
 */
import { CellValue } from "../engine/cells";
import { FunctionResult } from "./arguments";
import { callFunction } from "./call";
import { fromExcelArgument, toExcelResult } from "./excelValues";
import { DISCONTOFACTOR, DISCONTOVOET, INTERNRENDEMENT, NCW, RATIO, TERUGVERDIENJAAR } from "./families/discounting";
import { EFFECTWAARDE } from "./families/effects";
import { SheetFunction } from "./sheetFunction";

/** Calls one function of the catalogue with Excel's arguments. */
function invoke<T>(fn: SheetFunction, args: unknown[]): T {
  const result: FunctionResult = callFunction(fn, args.map(fromExcelArgument));
  return toExcelResult<T>(result);
}

/**
 * MKBA.SCENARIO is not in this bundle: its model reader and validator (with zod) are a chunk of their own
 * (scenario.js), loaded on its first call, so that functions.js stays small and loads first.
 */
let scenarioFunction: Promise<SheetFunction> | undefined;

/**
 * Netto contante waarde (NCW) van bedragen per jaar. Jaar 0 wordt niet verdisconteerd (anders dan NHW); lege cellen tellen als 0.
 * @customfunction NCW NCW
 * @param bedragen Bedragen per jaar: één rij of kolom is één reeks vanaf eerste_jaar; bij meerdere rijen én kolommen is elke rij een post en elke kolom een jaar.
 * @param [discontovoet] Discontovoet groter dan -1 (bijv. 2,25%) of de naam van een discontoregel: "2026", "2021", "2021-vast", "2016", "2007" of "geen". Standaard: de standaardregel.
 * @param [eerste_jaar] Jaar van de eerste cel (0 = niet verdisconteerd, 0,5 = halverwege het jaar). Standaard 0.
 * @returns De netto contante waarde in euro's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function netPresentValue(bedragen: any[][], discontovoet?: any, eerste_jaar?: any): number {
  return invoke<number>(NCW, [bedragen, discontovoet, eerste_jaar]);
}

/**
 * Baten-kostenratio: NCW van de baten gedeeld door de absolute NCW van de kosten (kosten mogen negatief of positief staan).
 * @customfunction RATIO RATIO
 * @param baten Baten per jaar, in dezelfde vorm als bij MKBA.NCW.
 * @param kosten Kosten per jaar, in dezelfde vorm als bij MKBA.NCW; mogen een andere vorm hebben dan de baten.
 * @param [discontovoet] Discontovoet groter dan -1 of de naam van een discontoregel, zoals bij MKBA.NCW.
 * @param [eerste_jaar] Jaar van de eerste cel van baten en kosten. Standaard 0.
 * @returns NCW(baten) / |NCW(kosten)|; #DEEL/0! als de kosten 0 zijn.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function benefitCostRatio(baten: any[][], kosten: any[][], discontovoet?: any, eerste_jaar?: any): number {
  return invoke<number>(RATIO, [baten, kosten, discontovoet, eerste_jaar]);
}

/**
 * Een uitkomst van een MKBA-model dat in de werkmap staat (tabellen Instellingen, Actoren, Categorieën, Parameters, Effecten): saldo, baten, kosten, een ratio, het saldo van een actor, of de hele tabel per actor.
 * @customfunction SCENARIO SCENARIO
 * @param model Het modelbereik (bijv. Invoer) met de onderdelen [Instellingen], [Actoren], [Categorieën], [Parameters] en [Effecten].
 * @param [scenario] Naam van een scenariokolom in [Parameters], of een bereik met twee kolommen (parameter, waarde). Standaard: het basisscenario.
 * @param [uitkomst] "saldo" (standaard), "baten", "kosten", "ratio", "ratio_financieel", "ratio_gemeentelijk", "terugverdienjaar", de naam van een actor, "categorie:NAAM" (een categorie voor de maatschappij), of een tabel: "tabel" (actor × categorie), "overzicht" (Tabel 1.5: effect × actor), "kasstromen" (per jaar).
 * @returns De gevraagde uitkomst in euro's (NCW), een ratio, een jaartal, of de tabel per actor en categorie.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function scenario(model: any[][], scenario?: any[][], uitkomst?: any): Promise<any[][]> {
  scenarioFunction ??= import(/* webpackChunkName: "scenario" */ "./families/model").then((m) => m.SCENARIO);
  const result = invoke<CellValue | CellValue[][]>(await scenarioFunction, [model, scenario, uitkomst]);
  return Array.isArray(result) ? result : [[result]];
}

/**
 * Discontofactor: de waarde vandaag van 1 euro in een jaar, volgens een discontovoet of discontoregel.
 * @customfunction DISCONTOFACTOR DISCONTOFACTOR
 * @param jaar Het jaar (0 = vandaag, niet verdisconteerd; 0,5 = halverwege het eerste jaar).
 * @param [discontovoet] Discontovoet groter dan -1 of de naam van een discontoregel, zoals bij MKBA.NCW. Standaard: de standaardregel.
 * @returns De discontofactor, bijvoorbeeld 0,9780 voor jaar 1 bij 2,25%.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function discountFactor(jaar: any, discontovoet?: any): number {
  return invoke<number>(DISCONTOFACTOR, [jaar, discontovoet]);
}

/**
 * Discontovoet die een discontoregel in een bepaald jaar toepast (bij een looptijdafhankelijke regel verschilt die per jaar).
 * @customfunction DISCONTOVOET DISCONTOVOET
 * @param jaar Het jaar (bijv. 36 voor de voet na 35 jaar bij de regel "2026").
 * @param [discontovoet] De naam van een discontoregel of een vaste voet groter dan -1. Standaard: de standaardregel.
 * @returns De jaarlijkse discontovoet als decimaal getal, bijvoorbeeld 0,0225.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function discountRate(jaar: any, discontovoet?: any): number {
  return invoke<number>(DISCONTOVOET, [jaar, discontovoet]);
}

/**
 * Waarde van één effect in een jaar: aantal × prijs × attributie × (1 - deadweight) × (1 - terugval)^jaar.
 * @customfunction EFFECTWAARDE EFFECTWAARDE
 * @param aantal De hoeveelheid, bijvoorbeeld het aantal huishoudens of uitstromers.
 * @param prijs De prijs per eenheid in euro's.
 * @param [attributie] Aandeel dat aan de aanpak toe te schrijven is, van 0 tot en met 1. Standaard 1.
 * @param [deadweight] Aandeel dat ook zonder de aanpak was gebeurd, van 0 tot en met 1. Standaard 0.
 * @param [terugval] Terugval per jaar, van 0 tot en met 1. Standaard 0.
 * @param [jaar] Het jaar sinds het begin van het effect (0 = eerste jaar). Standaard 0.
 * @returns De waarde van het effect in dat jaar, in euro's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function effectValue(aantal: any, prijs: any, attributie?: any, deadweight?: any, terugval?: any, jaar?: any): number {
  return invoke<number>(EFFECTWAARDE, [aantal, prijs, attributie, deadweight, terugval, jaar]);
}

/**
 * Terugverdienjaar: het eerste jaar vanaf wanneer de opgetelde contante waarde van de bedragen blijvend 0 of meer is.
 * @customfunction TERUGVERDIENJAAR TERUGVERDIENJAAR
 * @param bedragen Saldo's per jaar (baten min kosten), in dezelfde vorm als bij MKBA.NCW.
 * @param [discontovoet] Discontovoet groter dan -1 of de naam van een discontoregel. Standaard: de standaardregel.
 * @param [eerste_jaar] Jaar van de eerste cel. Standaard 0.
 * @returns Het jaar (eerste_jaar + aantal jaren), of #N/B als de bedragen niet terugverdiend worden.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function paybackYear(bedragen: any[][], discontovoet?: any, eerste_jaar?: any): number {
  return invoke<number>(TERUGVERDIENJAAR, [bedragen, discontovoet, eerste_jaar]);
}

/**
 * Internrendement: de discontovoet waarbij de NCW van de bedragen 0 is (zoals IR, maar lege cellen tellen als 0 en houden hun plaats).
 * @customfunction INTERNRENDEMENT INTERNRENDEMENT
 * @param bedragen Bedragen per jaar vanaf jaar 0, met minstens één positief en één negatief bedrag.
 * @param [schatting] Startwaarde voor de berekening. Standaard 10%.
 * @returns Het internrendement als decimaal getal; #GETAL! als de berekening niet convergeert.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function internalRateOfReturn(bedragen: any[][], schatting?: any): number {
  return invoke<number>(INTERNRENDEMENT, [bedragen, schatting]);
}
