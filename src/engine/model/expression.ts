/**
 * Parameter expressions (rekenregels) such as `aantal * prijs * attributie * (1 - deadweight)`: a small, safe
 * language — numbers, parameter keys, + − * / ^, parentheses, min(…) and max(…) — parsed once into a tree and
 * evaluated in decimals. No `eval`, no access to anything but the parameters given.
 *
 * A hand-written recursive-descent parser: the grammar is five rules, and general expression libraries either
 * evaluate in binary floating point or bring a whole computer-algebra system into every custom-function bundle.
 */
import { Dec } from "../decimal";

export type Expression =
  | { readonly type: "number"; readonly value: Dec }
  | { readonly type: "parameter"; readonly key: string }
  | { readonly type: "negate"; readonly operand: Expression }
  | { readonly type: "binary"; readonly operator: "+" | "-" | "*" | "/" | "^"; readonly left: Expression; readonly right: Expression }
  | { readonly type: "call"; readonly name: "min" | "max"; readonly args: readonly Expression[] };

export type ParseResult = { ok: true; expression: Expression } | { ok: false; message: string };
export type EvaluationResult = { ok: true; value: Dec } | { ok: false; message: string };

type Token = { kind: "number" | "name" | "symbol"; text: string; position: number };

const FUNCTIONS = ["min", "max"] as const;

function tokenize(source: string): Token[] | string {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^(),]))/y;
  let index = 0;
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) {
      const at = index + (source.slice(index).length - source.slice(index).trimStart().length);
      const hint = source[at] === "," ? "" : source[at] === "%" ? " (schrijf een percentage als 0.5, niet 50%)" : "";
      return `onverwacht teken "${source[at]}" op positie ${at + 1}${hint}`;
    }
    const position = match.index + match[0].length - (match[1] ?? match[2] ?? match[3] ?? "").length;
    if (match[1] !== undefined) tokens.push({ kind: "number", text: match[1], position });
    else if (match[2] !== undefined) tokens.push({ kind: "name", text: match[2], position });
    else tokens.push({ kind: "symbol", text: match[3] as string, position });
    index = pattern.lastIndex;
  }
  return tokens;
}

/** Parses an expression; the message (Dutch) says what is wrong and where. */
export function parseExpression(source: string): ParseResult {
  const tokens = tokenize(source);
  if (typeof tokens === "string") return { ok: false, message: tokens };
  let i = 0;
  const peek = () => tokens[i];
  const describe = (t: Token | undefined) => (t ? `"${t.text}" op positie ${t.position + 1}` : "het einde");
  class SyntaxProblem extends Error {}
  const expect = (text: string) => {
    const t = tokens[i];
    if (t?.text !== text) throw new SyntaxProblem(`verwacht "${text}" maar vond ${describe(t)}`);
    i++;
  };

  function sum(): Expression {
    let left = product();
    for (let t = peek(); t && (t.text === "+" || t.text === "-"); t = peek()) {
      i++;
      left = { type: "binary", operator: t.text, left, right: product() };
    }
    return left;
  }
  // Precedence as in Excel, which analysts audit against: negation binds tighter than ^ (-2^2 = 4), and ^ is
  // left-associative (2^3^2 = 64).
  function product(): Expression {
    let left = power();
    for (let t = peek(); t && (t.text === "*" || t.text === "/"); t = peek()) {
      i++;
      left = { type: "binary", operator: t.text, left, right: power() };
    }
    return left;
  }
  function power(): Expression {
    let left = unary();
    while (peek()?.text === "^") {
      i++;
      left = { type: "binary", operator: "^", left, right: unary() };
    }
    return left;
  }
  function unary(): Expression {
    const t = peek();
    if (t?.text === "-") {
      i++;
      return { type: "negate", operand: unary() };
    }
    if (t?.text === "+") {
      i++;
      return unary();
    }
    return primary();
  }
  function primary(): Expression {
    const t = peek();
    if (!t) throw new SyntaxProblem("de rekenregel houdt onverwacht op");
    if (t.kind === "number") {
      i++;
      return { type: "number", value: new Dec(t.text) };
    }
    if (t.kind === "name") {
      i++;
      if (peek()?.text === "(") {
        const name = t.text.toLowerCase();
        if (!(FUNCTIONS as readonly string[]).includes(name)) {
          throw new SyntaxProblem(`onbekende functie "${t.text}"; toegestaan zijn ${FUNCTIONS.join(", ")}`);
        }
        i++;
        const args = [sum()];
        while (peek()?.text === ",") {
          i++;
          args.push(sum());
        }
        expect(")");
        return { type: "call", name: name as "min" | "max", args };
      }
      return { type: "parameter", key: t.text };
    }
    if (t.text === "(") {
      i++;
      const inner = sum();
      expect(")");
      return inner;
    }
    throw new SyntaxProblem(`onverwacht ${describe(t)}`);
  }

  try {
    if (tokens.length === 0) return { ok: false, message: "de rekenregel is leeg" };
    const expression = sum();
    if (i < tokens.length) return { ok: false, message: `onverwacht ${describe(tokens[i])}` };
    return { ok: true, expression };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, message: e.message };
    throw e;
  }
}

/** The parameter keys an expression uses, in order of first use. */
export function parametersOf(expression: Expression, into: Set<string> = new Set()): Set<string> {
  switch (expression.type) {
    case "parameter":
      into.add(expression.key);
      break;
    case "negate":
      parametersOf(expression.operand, into);
      break;
    case "binary":
      parametersOf(expression.left, into);
      parametersOf(expression.right, into);
      break;
    case "call":
      expression.args.forEach((a) => parametersOf(a, into));
      break;
    case "number":
      break;
  }
  return into;
}

/** Evaluates in decimals; division by zero or a non-real power is an error, never NaN or Infinity. */
export function evaluateExpression(expression: Expression, parameters: ReadonlyMap<string, Dec>): EvaluationResult {
  const value = evaluateToDecimal(expression, parameters);
  return typeof value === "string" ? { ok: false, message: value } : { ok: true, value };
}

/**
 * `evaluateExpression` without a result object per node (the model engine evaluates every amount of every effect this
 * way): the value, or the Dutch message of the first problem. With `memo`, the result of each compound subexpression is
 * shared by `expressionKey` for this one set of parameter values: a decimal operation is a function of its operands, so
 * a subexpression that recurs across effects (the LPBL model repeats its team costs in every distribution) has the same
 * value — or the same problem — wherever it recurs, and is computed once per run.
 */
export function evaluateToDecimal(e: Expression, parameters: ReadonlyMap<string, Dec>, memo?: Map<string, Dec | string>): Dec | string {
  switch (e.type) {
    case "number":
      return e.value;
    case "parameter":
      return parameters.get(e.key) ?? `onbekende parameter "${e.key}"`;
    default: {
      if (!memo) return evaluateCompound(e, parameters, undefined);
      const key = expressionKey(e);
      let value = memo.get(key);
      if (value === undefined) {
        value = evaluateCompound(e, parameters, memo);
        memo.set(key, value);
      }
      return value;
    }
  }
}

function evaluateCompound(e: Exclude<Expression, { type: "number" | "parameter" }>, parameters: ReadonlyMap<string, Dec>, memo: Map<string, Dec | string> | undefined): Dec | string {
  switch (e.type) {
    case "negate": {
      const v = evaluateToDecimal(e.operand, parameters, memo);
      return typeof v === "string" ? v : v.neg();
    }
    case "call": {
      const values: Dec[] = [];
      for (const a of e.args) {
        const v = evaluateToDecimal(a, parameters, memo);
        if (typeof v === "string") return v;
        values.push(v);
      }
      return e.name === "min" ? Dec.min(...values) : Dec.max(...values);
    }
    case "binary": {
      const l = evaluateToDecimal(e.left, parameters, memo);
      if (typeof l === "string") return l;
      const r = evaluateToDecimal(e.right, parameters, memo);
      if (typeof r === "string") return r;
      let value: Dec;
      switch (e.operator) {
        case "+":
          value = l.plus(r);
          break;
        case "-":
          value = l.minus(r);
          break;
        case "*":
          value = l.times(r);
          break;
        case "/":
          if (r.isZero()) return "deling door 0";
          value = l.div(r);
          break;
        case "^":
          value = l.pow(r);
          break;
      }
      return value.isFinite() ? value : `de uitkomst van "${e.operator}" is geen eindig reëel getal`;
    }
  }
}

const KEYS = new WeakMap<Expression, string>();

/**
 * A text that two expressions share exactly when they are the same tree (the same numbers, parameters, operators and
 * functions in the same places), kept per node: the model engine evaluates a subexpression that recurs across
 * effects (the LPBL model repeats its team costs in every distribution) once per run.
 */
export function expressionKey(e: Expression): string {
  let key = KEYS.get(e);
  if (key !== undefined) return key;
  switch (e.type) {
    case "number":
      key = `#${e.value.toString()}`;
      break;
    case "parameter":
      key = e.key;
      break;
    case "negate":
      key = `(- ${expressionKey(e.operand)})`;
      break;
    case "binary":
      key = `(${e.operator} ${expressionKey(e.left)} ${expressionKey(e.right)})`;
      break;
    case "call":
      key = `(${e.name} ${e.args.map(expressionKey).join(" ")})`;
      break;
  }
  KEYS.set(e, key);
  return key;
}
