/*
 * The custom functions Excel registers under the namespace MKBA (aangepaste functies). Each is a thin wrapper:
 * Excel's arguments → the function catalogue (pure engine code) → a value, or a thrown CustomFunctions.Error.
 * The JSDoc below is the source of functions.json (nl-NL, the default language); the English names and
 * descriptions live in src/functions/functions-en-us.json. Ids and parameter names are a contract with every
 * saved workbook: test/functions/metadata.test.ts keeps them under a snapshot.
 */
import { FunctionResult, SheetFunction, callFunction, findFunction } from "./catalog";
import { fromExcelArgument, toExcelResult } from "./excelValues";

function invoke<T>(id: string, args: unknown[]): T {
  const fn = findFunction(id) as SheetFunction;
  const result: FunctionResult = callFunction(fn, args.map(fromExcelArgument));
  return toExcelResult<T>(result);
}

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
  return invoke<number>("NCW", [bedragen, discontovoet, eerste_jaar]);
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
  return invoke<number>("RATIO", [baten, kosten, discontovoet, eerste_jaar]);
}
