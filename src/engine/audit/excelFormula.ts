/**
 * Parameter expressions as native Excel formulas (rekenregel → Excel-formule), for the audit sheet (Rekenblad).
 * The expression language already follows Excel's precedence (negation before ^, ^ left-associative, then * /, then
 * + −); the translation still puts every operation in parentheses, so that no reader — and no spreadsheet — has to
 * rely on precedence to see what is computed. Parameters become workbook names (`p_<key>`); min/max become MIN/MAX.
 */
import { Expression } from "../model/expression";

/** Excel's text of a number literal: plain digits with a decimal point, exponent as E (1E-7), never "Infinity". */
export function excelNumber(value: { toString(): string }): string {
  return value.toString().replace("e", "E").replace("E+", "E+");
}

/** An expression as the body of an Excel formula (no leading "="), with `nameOf(key)` for each parameter. */
export function expressionToExcel(expression: Expression, nameOf: (key: string) => string): string {
  switch (expression.type) {
    case "number":
      return excelNumber(expression.value);
    case "parameter":
      return nameOf(expression.key);
    case "negate":
      return `(-${expressionToExcel(expression.operand, nameOf)})`;
    case "binary":
      return `(${expressionToExcel(expression.left, nameOf)}${expression.operator}${expressionToExcel(expression.right, nameOf)})`;
    case "call":
      return `${expression.name.toUpperCase()}(${expression.args.map((a) => expressionToExcel(a, nameOf)).join(",")})`;
  }
}

/**
 * Workbook names for parameter keys: `p_<key>`, made unique without regard to case (Excel's names are
 * case-insensitive, our keys are not), and never shaped like a cell reference.
 */
export function parameterNames(keys: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of keys) {
    let name = `p_${key}`.slice(0, 240);
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `p_${key}`.slice(0, 230) + `_${i}`;
    taken.add(name.toLowerCase());
    names.set(key, name);
  }
  return names;
}
