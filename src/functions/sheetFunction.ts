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
}

export const required = (name: string): FunctionParameter => ({ name, optional: false });
export const optional = (name: string): FunctionParameter => ({ name, optional: true });
