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
  const fail = (message: string): EvaluationResult => ({ ok: false, message });
  const walk = (e: Expression): EvaluationResult => {
    switch (e.type) {
      case "number":
        return { ok: true, value: e.value };
      case "parameter": {
        const value = parameters.get(e.key);
        return value === undefined ? fail(`onbekende parameter "${e.key}"`) : { ok: true, value };
      }
      case "negate": {
        const v = walk(e.operand);
        return v.ok ? { ok: true, value: v.value.neg() } : v;
      }
      case "call": {
        const values: Dec[] = [];
        for (const a of e.args) {
          const v = walk(a);
          if (!v.ok) return v;
          values.push(v.value);
        }
        return { ok: true, value: e.name === "min" ? Dec.min(...values) : Dec.max(...values) };
      }
      case "binary": {
        const l = walk(e.left);
        if (!l.ok) return l;
        const r = walk(e.right);
        if (!r.ok) return r;
        let value: Dec;
        switch (e.operator) {
          case "+":
            value = l.value.plus(r.value);
            break;
          case "-":
            value = l.value.minus(r.value);
            break;
          case "*":
            value = l.value.times(r.value);
            break;
          case "/":
            if (r.value.isZero()) return fail("deling door 0");
            value = l.value.div(r.value);
            break;
          case "^":
            value = l.value.pow(r.value);
            break;
        }
        return value.isFinite() ? { ok: true, value } : fail(`de uitkomst van "${e.operator}" is geen eindig reëel getal`);
      }
    }
  };
  return walk(expression);
}
