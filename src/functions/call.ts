/**
 * Calling a sheet function (aanroepen) with arguments from outside. Apart from the catalogue, so that the Excel entry
 * (functions.ts) can call the discounting and effect functions without loading MKBA.SCENARIO's model code.
 */
import { CellArgument, isCellArgument } from "../engine/cells";
import { fail } from "../engine/errors";
import { FunctionResult, resultOf } from "./arguments";
import { SheetFunction } from "./sheetFunction";

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
