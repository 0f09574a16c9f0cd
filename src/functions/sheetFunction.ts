/** What every `MKBA.*` function is to the catalogue: a stable id, Dutch parameters and a pure evaluation. */
import { CellArgument, FunctionResult } from "./arguments";

export interface FunctionParameter {
  readonly name: string;
  readonly optional: boolean;
}

export interface SheetFunction {
  /** Stable ASCII id, as in functions.json: changing it breaks every saved workbook. */
  readonly id: string;
  readonly parameters: readonly FunctionParameter[];
  readonly evaluate: (args: readonly CellArgument[]) => FunctionResult;
  /**
   * For a function that may return a table: whether a call certainly returns one cell, judged from the arguments
   * written as constants in the formula (undefined where an argument is not a constant or is omitted) — so that a
   * host that must know a formula's size before it computes (HyperFormula) need not compute it twice.
   */
  readonly returnsOneCell?: (constants: readonly (string | number | boolean | undefined)[], count: number) => boolean;
}

export const required = (name: string): FunctionParameter => ({ name, optional: false });
export const optional = (name: string): FunctionParameter => ({ name, optional: true });
