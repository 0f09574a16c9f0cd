/**
 * Limits on any JSON the add-in reads (JSON-grenzen): a model file (`mkba run FILE` and every command that reads one,
 * `loadModel`), a line of `mkba fn --batch` and a function argument on the command line, a file imported in the task
 * pane, and the model kept in the document settings (`mkba.modelBestand`). Every such text goes through `parseJson`,
 * every such value through `jsonValueProblems`, before anything else looks at it.
 *
 * Both are checked without recursion — a loop over the characters, a walk with its own stack — so that a file nested
 * 100.000 levels deep is answered with a Dutch message naming its place, never with "Maximum call stack size
 * exceeded". Whatever walks a value after `jsonValueProblems` accepted it (zod, JSON.stringify, the engine) meets at
 * most `JSON_LIMITS.depth` levels. docs/model-format.md#grenzen--limits lists these limits beside the others.
 */
import { FORBIDDEN_KEY_MESSAGE } from "./messages";
import { formatCount } from "./limits";

export const JSON_LIMITS = {
  /** Levels of lists […] and objects {…} inside each other. A model file uses 5, a `--batch` line 5. */
  depth: 32,
  /** Values (numbers, texts, true/false/null, lists, objects) in one parsed value: 5 MB of JSON holds at most about 2,5 million. */
  values: 2_500_000,
  /** Characters of a model file (about 5 MB; the largest example is 17.000). */
  modelFileCharacters: 5_000_000,
  /** Characters of a document setting (Office keeps about 2 MB of settings in all). */
  settingCharacters: 1_000_000,
  /** Characters of one `mkba fn --batch` line or command-line argument: a range of a million cells fits. */
  batchLineCharacters: 50_000_000,
} as const;

/** Where a JSON text comes from: the place problems are named by, what it is, and how long it may be. */
export interface JsonSource {
  /** The place a problem is reported at: "(bestand)", "regel 3", "(instelling mkba.modelBestand)". */
  readonly path: string;
  /** What it is, in Dutch, for "… heeft er hoogstens": "een modelbestand", "een regel". */
  readonly what: string;
  readonly maxCharacters: number;
}

export const JSON_SOURCES = {
  modelFile: { path: "(bestand)", what: "een modelbestand", maxCharacters: JSON_LIMITS.modelFileCharacters },
  setting: (key: string): JsonSource => ({ path: `(documentinstelling ${key})`, what: "een documentinstelling", maxCharacters: JSON_LIMITS.settingCharacters }),
  batchLine: (line: number): JsonSource => ({ path: `regel ${line}`, what: "een regel", maxCharacters: JSON_LIMITS.batchLineCharacters }),
  argument: (label: string): JsonSource => ({ path: label, what: "een argument", maxCharacters: JSON_LIMITS.batchLineCharacters }),
} as const;

export interface JsonProblem {
  readonly path: string;
  readonly message: string;
}

export type JsonParseResult = { ok: true; data: unknown } | { ok: false; problem: JsonProblem };

/** "regel 3, teken 7" of a character offset in a text; "teken 7" in a text of one line (a `--batch` line, an argument). */
export function textPlace(text: string, offset: number): string {
  if (!text.includes("\n")) return `teken ${offset + 1}`;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `regel ${line}, teken ${offset - lineStart + 1}`;
}

const depthMessage = (where: string) =>
  `dieper genest dan ${JSON_LIMITS.depth} niveaus (lijsten […] en objecten {…} in elkaar${where}); toegestaan zijn hoogstens ${JSON_LIMITS.depth} niveaus — een modelbestand gebruikt er 5`;

/** The offset of the first bracket that opens level depth + 1, outside strings; -1 when the text stays within the limit. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > JSON_LIMITS.depth) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/**
 * A JSON text → its value, or one problem in Dutch naming the place: too long, nested too deep (found by a scan of the
 * characters before JSON.parse runs), or not JSON (with the line and character where it stops, without the English
 * message of JSON.parse).
 */
export function parseJson(text: string, source: JsonSource): JsonParseResult {
  const fail = (message: string): JsonParseResult => ({ ok: false, problem: { path: source.path, message } });
  if (text.length > source.maxCharacters) {
    return fail(`${formatCount(text.length)} tekens; ${source.what} heeft er hoogstens ${formatCount(source.maxCharacters)} (een grens van de invoegtoepassing)`);
  }
  const deep = tooDeepAt(text);
  if (deep >= 0) return fail(depthMessage(`, bij ${textPlace(text, deep)}`));
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (e) {
    return fail(`geen geldige JSON (${jsonErrorPlace(e, text)}); controleer aanhalingstekens, komma's en haakjes`);
  }
}

/** Where JSON.parse stopped, in Dutch ("regel 3, teken 7"), without its English message. */
function jsonErrorPlace(error: unknown, text: string): string {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  if (at === undefined) return text.trim() === "" ? "de tekst is leeg" : `de tekst houdt halverwege op, bij ${textPlace(text, text.length)}`;
  return textPlace(text, Number(at));
}

/** A JSON path from the keys of a walk: `effects[3].amount`, or "(model)" for the whole value. */
function pathOf(keys: readonly (string | number)[]): string {
  let out = "";
  for (const k of keys) out += typeof k === "number" ? `[${k}]` : out === "" ? k : `.${k}`;
  return out === "" ? "(model)" : out;
}

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Visit | null;
  readonly key: string | number | null;
  /** A key `__proto__`: reported where it stands, its value not walked. */
  readonly forbidden?: boolean;
}

function keysOf(visit: Visit): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let v: Visit | null = visit; v && v.key !== null; v = v.parent) keys.push(v.key);
  return keys.reverse();
}

/**
 * Problems of a parsed value as a whole, found by one walk with its own stack (no recursion), in document order: nested
 * deeper than `JSON_LIMITS.depth`, more than `JSON_LIMITS.values` values, or a key `__proto__` (which would reach
 * JavaScript's object prototype instead of being data; JSON.parse makes it an own property, but zod's records and
 * object spreads drop it without a word). At most ten problems; none means the value is safe to hand to zod.
 */
export function jsonValueProblems(data: unknown): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const stack: Visit[] = [{ value: data, depth: 0, parent: null, key: null }];
  let values = 0;
  while (stack.length > 0 && problems.length < 10) {
    const visit = stack.pop()!;
    if (visit.forbidden) {
      problems.push({ path: pathOf(keysOf(visit)), message: FORBIDDEN_KEY_MESSAGE });
      continue;
    }
    if (++values > JSON_LIMITS.values) {
      return [{ path: "(model)", message: `meer dan ${formatCount(JSON_LIMITS.values)} waarden; toegestaan zijn er hoogstens zoveel (een modelbestand van 5 MB)` }];
    }
    const value = visit.value;
    if (typeof value !== "object" || value === null) continue;
    const depth = visit.depth + 1;
    if (depth > JSON_LIMITS.depth) {
      // The deepest place is as far as the walk goes: nothing below it is looked at.
      return [...problems, { path: pathOf(keysOf(visit)), message: depthMessage("") }];
    }
    const children: Visit[] = [];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) children.push({ value: value[i], depth, parent: visit, key: i });
    } else {
      for (const key of Object.keys(value)) children.push({ value: (value as Record<string, unknown>)[key], depth, parent: visit, key, forbidden: key === "__proto__" });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return problems.slice(0, 10);
}
