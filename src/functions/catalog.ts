/**
 * The catalogue of `MKBA.*` sheet functions (functiecatalogus): for each function its stable id, its Dutch
 * parameters and its evaluation from cell values to a result. Pure — no Office import — so that Excel
 * (through functions.ts), the CLI (`mkba fn`) and the formula-engine tests all run the very same code.
 */
import { benefitCostRatio } from "../engine/benefitCostRatio";
import { CellArgument, CellRange, cellArgumentSchema, toRange, toScalar } from "../engine/cells";
import { Dec } from "../engine/decimal";
import { DiscountSchedule, parseDiscountArgument, parseFirstYear } from "../engine/discounting";
import { CellError, Result, fail, ok } from "../engine/errors";
import { netPresentValue, toExcelNumber } from "../engine/netPresentValue";

/** What a function gives back: a number, a spilled range, or an Excel error value with a message. */
export type FunctionResult = number | CellRange | CellError;

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

const required = (name: string): FunctionParameter => ({ name, optional: false });
const optional = (name: string): FunctionParameter => ({ name, optional: true });

/** The discount rule and first year shared by NCW and RATIO. */
function discounting(rate: CellArgument, firstYear: CellArgument): Result<{ schedule: DiscountSchedule; firstYear: Dec }> {
  const rateValue = toScalar(rate, "discontovoet");
  if (!rateValue.ok) return rateValue;
  const schedule = parseDiscountArgument(rateValue.value, "discontovoet");
  if (!schedule.ok) return schedule;
  const firstYearValue = toScalar(firstYear, "eerste_jaar");
  if (!firstYearValue.ok) return firstYearValue;
  const year = parseFirstYear(firstYearValue.value, "eerste_jaar");
  if (!year.ok) return year;
  return ok({ schedule: schedule.value, firstYear: year.value });
}

function ncwOfArgument(argument: CellArgument, name: string, schedule: DiscountSchedule, firstYear: Dec): Result<Dec> {
  const range = toRange(argument, name);
  if (!range.ok) return range;
  return netPresentValue(range.value, schedule, firstYear, name);
}

function unwrap(result: Result<number>): FunctionResult {
  return result.ok ? result.value : result.error;
}

/** `MKBA.NCW(bedragen; [discontovoet]; [eerste_jaar])` — netto contante waarde. */
const NCW: SheetFunction = {
  id: "NCW",
  parameters: [required("bedragen"), optional("discontovoet"), optional("eerste_jaar")],
  evaluate([amounts, rate, firstYear]) {
    const d = discounting(rate, firstYear);
    if (!d.ok) return d.error;
    const value = ncwOfArgument(amounts, "bedragen", d.value.schedule, d.value.firstYear);
    if (!value.ok) return value.error;
    return unwrap(toExcelNumber(value.value, "NCW"));
  },
};

/** `MKBA.RATIO(baten; kosten; [discontovoet]; [eerste_jaar])` — baten-kostenratio NCW(baten) / |NCW(kosten)|. */
const RATIO: SheetFunction = {
  id: "RATIO",
  parameters: [required("baten"), required("kosten"), optional("discontovoet"), optional("eerste_jaar")],
  evaluate([benefits, costs, rate, firstYear]) {
    const d = discounting(rate, firstYear);
    if (!d.ok) return d.error;
    const b = ncwOfArgument(benefits, "baten", d.value.schedule, d.value.firstYear);
    if (!b.ok) return b.error;
    const c = ncwOfArgument(costs, "kosten", d.value.schedule, d.value.firstYear);
    if (!c.ok) return c.error;
    const ratio = benefitCostRatio(b.value, c.value, "kosten");
    if (!ratio.ok) return ratio.error;
    return unwrap(toExcelNumber(ratio.value, "RATIO"));
  },
};

export const FUNCTIONS: readonly SheetFunction[] = [NCW, RATIO];

/** A function by id, case-insensitive, with or without the `MKBA.` namespace. */
export function findFunction(name: string): SheetFunction | undefined {
  const id = name.trim().toUpperCase().replace(/^MKBA\./, "");
  return FUNCTIONS.find((f) => f.id === id);
}

/**
 * Calls a function with arguments from outside (Excel, CLI, a test engine): each argument is checked against
 * the cell-value schema first, so that anything else is a clear #VALUE!, never an exception.
 */
export function callFunction(fn: SheetFunction, args: readonly unknown[]): FunctionResult {
  const parsed: CellArgument[] = [];
  for (let i = 0; i < fn.parameters.length; i++) {
    const check = cellArgumentSchema.safeParse(args[i]);
    if (!check.success) {
      const name = fn.parameters[i]?.name ?? `argument ${i + 1}`;
      return unwrap(fail("#VALUE!", `${name}: geen getal, tekst, logische waarde, lege cel of bereik daarvan.`));
    }
    parsed.push(check.data);
  }
  try {
    return fn.evaluate(parsed);
  } catch (e) {
    // A defect, not an answer: still an error value in the cell rather than a crashed function.
    return unwrap(fail("#VALUE!", `Interne fout in MKBA.${fn.id}: ${e instanceof Error ? e.message : String(e)}`));
  }
}
