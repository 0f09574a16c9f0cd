/**
 * The catalogue of `MKBA.*` sheet functions (functiecatalogus), one module per family as in HyperFormula's
 * plugins. Pure — no Office import — so that Excel (through functions.ts), the CLI (`mkba fn`) and the
 * formula-engine tests all run the very same code.
 */
import { isCellArgument } from "../engine/cells";
import { fail } from "../engine/errors";
import { CellArgument, FunctionResult, resultOf } from "./arguments";
import { DISCONTOFACTOR, DISCONTOVOET, INTERNRENDEMENT, NCW, RATIO, TERUGVERDIENJAAR } from "./families/discounting";
import { EFFECTWAARDE } from "./families/effects";
import { SCENARIO } from "./families/model";
import { SheetFunction } from "./sheetFunction";

export type { FunctionResult, SheetFunction };

export const FUNCTIONS: readonly SheetFunction[] = [NCW, RATIO, SCENARIO, DISCONTOFACTOR, DISCONTOVOET, EFFECTWAARDE, TERUGVERDIENJAAR, INTERNRENDEMENT];

/** A function by id, case-insensitive, with or without the `MKBA.` namespace. */
export function findFunction(name: string): SheetFunction | undefined {
  const id = name.trim().toUpperCase().replace(/^MKBA\./, "");
  return FUNCTIONS.find((f) => f.id === id);
}

/**
 * Calls a function with arguments from outside (Excel, CLI, a test engine): each argument is checked to be a cell
 * value or a range of them first (`isCellArgument`, a `typeof` walk), so that anything else is a clear #VALUE!,
 * never an exception.
 */
export function callFunction(fn: SheetFunction, args: readonly unknown[]): FunctionResult {
  const parsed: CellArgument[] = [];
  for (let i = 0; i < fn.parameters.length; i++) {
    const arg = args[i];
    if (!isCellArgument(arg)) {
      const name = fn.parameters[i]?.name ?? `argument ${i + 1}`;
      return resultOf(fail("#VALUE!", `${name}: geen getal, tekst, logische waarde, lege cel of bereik daarvan.`));
    }
    parsed.push(arg);
  }
  try {
    return fn.evaluate(parsed);
  } catch (e) {
    // A defect, not an answer: still an error value in the cell rather than a crashed function.
    return resultOf(fail("#VALUE!", `Interne fout in MKBA.${fn.id}: ${e instanceof Error ? e.message : String(e)}`));
  }
}
