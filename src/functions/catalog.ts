/**
 * The catalogue of `MKBA.*` sheet functions (functiecatalogus), one module per family as in HyperFormula's
 * plugins. Pure — no Office import — so that Excel (functions.ts, which takes the same function objects but loads
 * MKBA.SCENARIO on first use), the CLI (`mkba fn`) and the formula-engine tests all run the very same code.
 */
import { FunctionResult } from "./arguments";
import { callFunction } from "./call";
import { DISCONTOFACTOR, DISCONTOVOET, INTERNRENDEMENT, NCW, RATIO, TERUGVERDIENJAAR } from "./families/discounting";
import { EFFECTWAARDE } from "./families/effects";
import { SCENARIO } from "./families/model";
import { SheetFunction } from "./sheetFunction";

export type { FunctionResult, SheetFunction };
export { callFunction };

export const FUNCTIONS: readonly SheetFunction[] = [NCW, RATIO, SCENARIO, DISCONTOFACTOR, DISCONTOVOET, EFFECTWAARDE, TERUGVERDIENJAAR, INTERNRENDEMENT];

/** A function by id, case-insensitive, with or without the `MKBA.` namespace. */
export function findFunction(name: string): SheetFunction | undefined {
  const id = name.trim().toUpperCase().replace(/^MKBA\./, "");
  return FUNCTIONS.find((f) => f.id === id);
}
