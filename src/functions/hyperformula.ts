/**
 * The `MKBA.*` sheet functions as a HyperFormula plugin (HyperFormula-invoegtoepassing). HyperFormula is a real
 * formula engine under GPLv3 and a devDependency: this module is for the tests (test/support/hyperformula.ts) and
 * `npm run bench` only — the add-in and the `mkba` CLI never import it (the CLI bundle keeps hyperformula external).
 * It lets tests and the benchmark evaluate real formulas with ranges, blank cells, error values, named expressions and live
 * recalculation through a dependency graph, and compare them with the engine.
 *
 * One generic FunctionPlugin is built from the catalogue (`FUNCTIONS`) and the custom-functions metadata that
 * `custom-functions-metadata` generates from src/functions/functions.ts (the very functions.json Excel reads):
 *   - a parameter whose dimensionality is "matrix" is a RANGE argument (a scalar arrives as a 1×1 range, as in
 *     Excel); every other parameter is a SCALAR argument (error values reach our code, so it can name them);
 *   - each call converts HyperFormula's values into our cell values, calls `callFunction`, and converts the result
 *     back (a `CellError` keeps its message; a 2-D array becomes a spilled array).
 *
 * Spills: HyperFormula fixes the size of an array formula when the formula is entered (parsed), before anything
 * is evaluated, and never resizes it afterwards (ArraySizePredictor → ArrayFormulaVertex; a result larger than the
 * reserved area makes HyperFormula throw "Resizing to smaller array"). For a function whose metadata result is a
 * matrix (MKBA.SCENARIO), the plugin's `sizeOfResultArrayMethod` therefore evaluates the call once, at entry time,
 * on the values its arguments have at that moment, and reserves the size of what it returns (1×1 for a scalar) —
 * except where the function says from the formula's constants that the call returns one cell (`returnsOneCell`:
 * MKBA.SCENARIO with "saldo", "ratio", an actor … written as text), which is then not computed twice. For that to see computed values, `buildWorkbook` enters values first and formulas one by one afterwards.
 * If the size cannot be known at entry (an argument is not computed yet) or the result later outgrows the reserved
 * area (e.g. an actor is added to the model), the call gives #SPILL! with a message to re-enter the formula,
 * instead of crashing HyperFormula; a result that shrinks is padded with blank cells by HyperFormula.
 */
import * as fs from "fs";
import { parseTree } from "custom-functions-metadata";
import {
  ArraySize,
  CellError as HfCellError,
  ConfigParams,
  EmptyValue,
  ErrorType,
  FunctionArgument,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  RawTranslationPackage,
  SimpleRangeValue,
} from "hyperformula";
import type { ProcedureAst } from "hyperformula/typings/parser/Ast";
import type { InterpreterState } from "hyperformula/typings/interpreter/InterpreterState";
import type { InterpreterValue } from "hyperformula/typings/interpreter/InterpreterValue";
import { CellValue } from "../engine/cells";
import { CellError, ExcelErrorCode } from "../engine/errors";
import { FUNCTIONS, FunctionResult, SheetFunction, callFunction } from "./catalog";
import { asFunctionResultError } from "./excelValues";
import english from "./functions-en-us.json";

// ------------------------------------------------------------------------------------------------ metadata

export interface GeneratedFunction {
  id: string;
  name: string;
  parameters: { name: string; dimensionality?: string; optional?: boolean }[];
  result?: { dimensionality?: string };
}

/**
 * functions.json as the build generates it (same generator, same source), synchronously; `source` is the path of
 * src/functions/functions.ts.
 */
export function generatedMetadata(source: string): GeneratedFunction[] {
  const tree = parseTree(fs.readFileSync(source, "utf8"), source);
  const errors = tree.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`custom-functions-metadata: ${errors.join("; ")}`);
  return tree.functions as GeneratedFunction[];
}

/** Our Excel error codes ↔ HyperFormula's error types. */
const TO_HF: Record<ExcelErrorCode, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
  "#NULL!": ErrorType.ERROR, // HyperFormula has no #NULL!; its generic #ERROR! carries our message
};
/** HyperFormula-only errors (#CYCLE!, #SPILL!, #LIC!, #ERROR!) have no Excel code a custom function can receive: #VALUE!. */
const FROM_HF: Partial<Record<ErrorType, ExcelErrorCode>> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
  [ErrorType.NAME]: "#NAME?",
};

export function excelCodeOf(type: ErrorType): ExcelErrorCode {
  return FROM_HF[type] ?? "#VALUE!";
}

// ------------------------------------------------------------------------------------------------ values

/** One HyperFormula scalar (number, possibly with a subtype such as a percentage; text; boolean; blank; error) → ours. */
export function scalarFromHf(value: unknown): CellValue {
  if (value === EmptyValue || value === null || value === undefined) return null;
  if (value instanceof HfCellError) return { kind: "error", code: excelCodeOf(value.type), message: "" };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  const rich = value as { val?: unknown }; // RichNumber (DateNumber, PercentNumber, CurrencyNumber …)
  if (typeof rich.val === "number") return rich.val;
  throw new Error(`Unexpected HyperFormula value ${String(value)}`);
}

/**
 * HyperFormula's values of a range → our rows. When every cell is a plain number, text or logical value (the common
 * case: nothing to convert) HyperFormula's own array is handed on as it is — our functions never modify an argument —
 * instead of being copied cell by cell; otherwise (a blank, an error, a rich number) a converted copy.
 */
function rangeFromHf(data: readonly (readonly unknown[])[]): CellValue[][] {
  for (let r = 0; r < data.length; r++) {
    const row = data[r]!;
    for (let c = 0; c < row.length; c++) {
      const type = typeof row[c];
      if (type !== "number" && type !== "string" && type !== "boolean") return data.map((cells) => cells.map(scalarFromHf));
    }
  }
  return data as CellValue[][];
}

/** An argument as runFunction hands it over → what callFunction takes (undefined = omitted). */
function argumentFromHf(value: unknown): CellValue | CellValue[][] | undefined {
  if (value === undefined) return undefined;
  if (value instanceof SimpleRangeValue) return rangeFromHf(value.rawData());
  return scalarFromHf(value);
}

/** A function's error as Excel would show it: #NAME? and #REF! come back as #VALUE! (excelValues.ts). */
function errorToHf(engineError: CellError): HfCellError {
  const error = asFunctionResultError(engineError);
  return new HfCellError(TO_HF[error.code], error.message || undefined);
}

function scalarToHf(value: CellValue): unknown {
  if (value === null) return EmptyValue;
  if (typeof value === "object") return errorToHf(value);
  return value;
}

function resultToHf(result: FunctionResult): InterpreterValue {
  if (typeof result === "number" || typeof result === "string") return result;
  if (!Array.isArray(result)) return errorToHf(result);
  const width = Math.max(0, ...result.map((row) => row.length));
  if (result.length === 0 || width === 0) return new HfCellError(ErrorType.VALUE, "lege tabel");
  if (result.length === 1 && width === 1) return scalarToHf(result[0]![0]!) as InterpreterValue;
  const rows = result.map((row) => Array.from({ length: width }, (_, c) => scalarToHf(row[c] ?? null)));
  return SimpleRangeValue.onlyValues(rows as never) as unknown as InterpreterValue;
}

// ------------------------------------------------------------------------------------------------ plugin

export const NAMESPACE = "MKBA.";
const hfId = (fn: SheetFunction) => `${NAMESPACE}${fn.id}`;
const methodName = (fn: SheetFunction) => `mkba_${fn.id}`;
const sizeMethodName = (fn: SheetFunction) => `mkba_${fn.id}_size`;

/** An argument written as a constant (a text, number or logical value) in the formula, else undefined. */
function constantOf(arg: unknown): string | number | boolean | undefined {
  const node = arg as { type?: string; value?: unknown };
  // AstNodeType.STRING / NUMBER / the TRUE() and FALSE() functions are not constants here (not exported either).
  if ((node.type === "STRING" || node.type === "NUMBER") && (typeof node.value === "string" || typeof node.value === "number")) return node.value;
  return undefined;
}

/** The root expression of the formula being evaluated, without enclosing parentheses. */
function formulaRoot(state: InterpreterState): unknown {
  let root = (state.formulaVertex as unknown as { formula?: { type?: string; expression?: unknown } } | undefined)?.formula;
  while (root?.type === "PARENTHESES") root = root.expression as typeof root; // AstNodeType.PARENTHESIS (not exported)
  return root;
}

/** The generic plugin: every method is generated from the catalogue below. */
class MkbaFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  evaluateCatalogueFunction(fn: SheetFunction, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const result = this.runFunction(ast.args, state, this.metadata(hfId(fn)), (...args: unknown[]) =>
      resultToHf(callFunction(fn, args.map(argumentFromHf))),
    ) as InterpreterValue;
    // HyperFormula reserved the spill area when the formula was entered; a larger result must not reach it.
    if (result instanceof SimpleRangeValue && state.formulaVertex !== undefined && formulaRoot(state) === ast) {
      const reserved = state.formulaVertex as unknown as { width: number; height: number };
      if (result.width() > reserved.width || result.height() > reserved.height) {
        return new HfCellError(
          ErrorType.SPILL,
          `${hfId(fn)} geeft ${result.height()} × ${result.width()} cellen, maar bij het invoeren van de formule was de uitkomst ` +
            `${reserved.height} × ${reserved.width}; voer de formule opnieuw in.`,
        );
      }
    }
    return result;
  }

  /** See the header: evaluate once at entry time and reserve the size of the result. */
  sizeOfCatalogueFunction(fn: SheetFunction, ast: ProcedureAst, state: InterpreterState): ArraySize {
    if (fn.returnsOneCell?.(ast.args.map(constantOf), ast.args.length)) return ArraySize.scalar();
    try {
      const value = this.evaluateCatalogueFunction(fn, ast, state);
      return value instanceof SimpleRangeValue ? new ArraySize(value.width(), value.height()) : ArraySize.scalar();
    } catch {
      return ArraySize.scalar(); // an argument is not computed yet: the call will say so (#SPILL!) if it spills
    }
  }
}

function parameterMetadata(parameter: GeneratedFunction["parameters"][number]): FunctionArgument {
  return {
    argumentType: parameter.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
    ...(parameter.optional ? { optionalArg: true } : {}),
  };
}

let registered = false;

/**
 * Registers every catalogue function as MKBA.<id> (idempotent), with the parameter kinds of `generated` (functions.json
 * as `generatedMetadata` gives it). Names: enGB and nlNL = the id; enUS = the English name.
 */
export function registerMkbaFunctions(generated: readonly GeneratedFunction[]): void {
  if (registered) return;
  const englishNames = new Map((english as { functions: { id: string; name: string }[] }).functions.map((f) => [f.id, f.name]));
  const prototype = MkbaFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  const translations: Record<string, Record<string, string>> = { enGB: {}, nlNL: {}, enUS: {} };

  for (const fn of FUNCTIONS) {
    const meta = generated.find((f) => f.id === fn.id);
    if (!meta) throw new Error(`${fn.id}: not in the generated functions.json`);
    const names = meta.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`).join(", ");
    const catalogue = fn.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`).join(", ");
    if (names !== catalogue) throw new Error(`${fn.id}: functions.json has (${names}), the catalogue (${catalogue})`);

    const returnsArray = meta.result?.dimensionality === "matrix";
    MkbaFunctionsPlugin.implementedFunctions[hfId(fn)] = {
      method: methodName(fn),
      parameters: meta.parameters.map(parameterMetadata),
      // Our functions decide themselves what a range means; HyperFormula must not call them cell by cell.
      vectorizationForbidden: true,
      ...(returnsArray ? { sizeOfResultArrayMethod: sizeMethodName(fn) } : {}),
    };
    prototype[methodName(fn)] = function (this: MkbaFunctionsPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.evaluateCatalogueFunction(fn, ast, state);
    };
    if (returnsArray) {
      prototype[sizeMethodName(fn)] = function (this: MkbaFunctionsPlugin, ast: ProcedureAst, state: InterpreterState) {
        return this.sizeOfCatalogueFunction(fn, ast, state);
      };
    }
    translations.enGB![hfId(fn)] = `${NAMESPACE}${fn.id}`;
    translations.nlNL![hfId(fn)] = `${NAMESPACE}${meta.name}`;
    translations.enUS![hfId(fn)] = `${NAMESPACE}${englishNames.get(fn.id) ?? fn.id}`;
  }

  // The language packages are an exports-map subpath, which moduleResolution "node" cannot type: require them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { enUS, nlNL } = require("hyperformula/i18n/languages") as Record<"enUS" | "nlNL", RawTranslationPackage>;
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  if (!languages.includes("enUS")) HyperFormula.registerLanguage("enUS", enUS);
  if (!languages.includes("nlNL")) HyperFormula.registerLanguage("nlNL", nlNL);
  HyperFormula.registerFunctionPlugin(MkbaFunctionsPlugin, translations);
  registered = true;
}

/** HyperFormula settings of the tests and the benchmark. Strict numbers: no rounding of results, no epsilon in comparisons, additions or subtractions. */
export const CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  smartRounding: false,
  precisionEpsilon: 0,
};

