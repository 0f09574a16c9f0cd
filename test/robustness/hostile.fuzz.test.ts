/**
 * Fuzzing as a hostile user (issue 13): model files, cell blocks read by MKBA.SCENARIO and every function's arguments,
 * generated with fast-check. For every case: no exception, no hang (a generous guard, not a benchmark), no NaN or
 * Infinity without a message, and every message Dutch — no English word from a library — and naming a place (a JSON
 * path, a cell, or the argument). The counts and the slowest case are printed.
 */
import fc from "fast-check";
import { writeFileSync } from "fs";
import { CellValue } from "../../src/engine/cells";
import { isCellError } from "../../src/engine/errors";
import { EXAMPLES } from "../../src/engine/examples";
import { modelToCells } from "../../src/engine/layout/workbookLayout";
import { JSON_SOURCES, analyse, analysisJson, parseJson } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { FUNCTIONS, callFunction } from "../../src/functions/catalog";

const ENGLISH = /\b(expected|received|invalid input|unrecognized|too small|too big|must be|is not|undefined|NaN|Infinity|null prototype|Unexpected|JSON at position|stack)\b/i;
/** `npm run fuzz -- --runs N --seed S` (scripts/fuzz.js) scales the model-file generators and fixes their seed. */
const RUNS = Number(process.env.FUZZ_MODEL_RUNS ?? 0);
const runs = (standard: number) => ({ numRuns: RUNS > 0 ? RUNS : standard, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) });
/** What became of each generated file, for the report `npm run fuzz` prints. */
const outcomes: Record<string, { tried: number; loaded: number; refused: number }> = {};
const outcome = (generator: string, loaded: boolean) => {
  const o = (outcomes[generator] ??= { tried: 0, loaded: 0, refused: 0 });
  o.tried++;
  if (loaded) o.loaded++;
  else o.refused++;
};
const slowest = { ms: 0, what: "" };
const counts: Record<string, number> = {};
const HANG_GUARD_MS = 10000;

function timed<T>(what: string, f: () => T): T {
  const start = performance.now();
  const value = f();
  const ms = performance.now() - start;
  if (ms > slowest.ms) Object.assign(slowest, { ms, what });
  counts[what.split(":")[0]!] = (counts[what.split(":")[0]!] ?? 0) + 1;
  if (ms > HANG_GUARD_MS) throw new Error(`${what} took ${Math.round(ms)} ms`);
  return value;
}

const hostileNumber = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, 300000000, 2 ** 53, Infinity, -Infinity, NaN, 0.999999999999),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileNumber,
  fc.constantFrom("__proto__", "constructor", "toString", "", " ", "x".repeat(50000), "1e999", "jaar 300000000", "[Onbekend]", "=1/0"),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(null, true, false, [], {}, [[1]], { __proto__: 1 }),
);

/** Every path (as a list of keys) to a leaf or object in a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (out.length > 3000) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (typeof value === "object" && value !== null) for (const k of Object.keys(value)) paths((value as Record<string, unknown>)[k], [...prefix, k], out);
  return out;
}
function mutate(data: unknown, path: (string | number)[], value: unknown, asKey: boolean): unknown {
  const copy = JSON.parse(JSON.stringify(data));
  if (path.length === 0) return value;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k];
  const last = path[path.length - 1]!;
  if (asKey && typeof last === "string" && typeof node === "object" && !Array.isArray(node)) {
    const v = node[last];
    delete node[last];
    Object.defineProperty(node, typeof value === "string" ? value : String(value), { value: v, enumerable: true, writable: true, configurable: true });
  } else node[last] = value;
  return JSON.parse(JSON.stringify(copy)); // as a file would arrive: JSON text parsed again
}

/** Dutch (ignoring what is quoted from the input itself, such as a key "Infinity") and naming a place. */
function messageIsDutchAndPlaced(message: string, placed: RegExp): boolean {
  const own = message.replace(/"[^"]*"/g, '""');
  const ok = message.length > 0 && !ENGLISH.test(own) && placed.test(message);
  if (!ok) console.error(`not Dutch or not placed: ${message}`);
  return ok;
}

afterAll(() => {
  console.log(`fuzz counts: ${JSON.stringify(counts)}; slowest case ${Math.round(slowest.ms)} ms (${slowest.what.slice(0, 120)})`);
  if (process.env.FUZZ_MODEL_REPORT) writeFileSync(process.env.FUZZ_MODEL_REPORT, JSON.stringify({ outcomes, slowestMs: Math.round(slowest.ms), slowest: slowest.what.slice(0, 120) }, null, 2));
});

describe("hostile model files (mutated examples)", () => {
  for (const [name, example] of Object.entries(EXAMPLES)) {
    const all = paths(example);
    it(`${name}: loaded and analysed, or every problem Dutch with its path (400 cases)`, () => {
      fc.assert(
        fc.property(fc.nat(all.length - 1), hostileValue, fc.boolean(), (i, value, asKey) => {
          const data = mutate(example, all[i]!, value, asKey);
          const loaded = timed(`model:${name}:${all[i]!.join(".")}`, () => loadModel(data));
          return judged("waarde vervangen", loaded);
        }),
        runs(400),
      );
    });

    // As a file arrives: a value replaced by lists nested up to 100.000 deep, the text cut off, a character put in,
    // the whole nested, or beyond the size limit — read by the one JSON reader, then loaded.
    const text = JSON.stringify(example, null, 1);
    const valueStarts = [...text.matchAll(/: /g)].map((m) => m.index! + 2);
    const textMutation = fc.oneof(
      fc.record({ kind: fc.constant("diep genest" as const), at: fc.nat(valueStarts.length - 1), depth: fc.constantFrom(31, 33, 1000, 10_000, 100_000) }),
      fc.record({ kind: fc.constant("afgekapt" as const), at: fc.nat(text.length) }),
      fc.record({ kind: fc.constant("teken ertussen" as const), at: fc.nat(text.length), char: fc.constantFrom("[", "]", "{", "}", '"', ",", ":", "\\", "\u0000", "é", "\n") }),
      fc.record({ kind: fc.constant("geheel genest" as const), depth: fc.constantFrom(1, 32, 100_000) }),
    );
    it(`${name}: as file text (nested 100.000 deep, cut off, a character put in): a Dutch message with its line and character, or loaded`, () => {
      fc.assert(
        fc.property(textMutation, (m) => {
          let file: string;
          if (m.kind === "diep genest") {
            const at = valueStarts[m.at]!;
            const end = text.slice(at).search(/,?\n/);
            file = `${text.slice(0, at)}${"[".repeat(m.depth)}1${"]".repeat(m.depth)}${text.slice(at + (end < 0 ? 0 : end))}`;
          } else if (m.kind === "afgekapt") file = text.slice(0, m.at);
          else if (m.kind === "teken ertussen") file = `${text.slice(0, m.at)}${m.char}${text.slice(m.at)}`;
          else file = `${"[".repeat(m.depth)}${text}${"]".repeat(m.depth)}`;
          const parsed = timed(`tekst:${name}:${m.kind}`, () => parseJson(file, JSON_SOURCES.modelFile));
          if (!parsed.ok) {
            outcome(`tekst: ${m.kind}`, false);
            return parsed.problem.path === "(bestand)" && messageIsDutchAndPlaced(parsed.problem.message, /teken \d+|tekens|de tekst is leeg/);
          }
          return judged(`tekst: ${m.kind}`, timed(`model:${name}:${m.kind}`, () => loadModel(parsed.data)));
        }),
        runs(200),
      );
    });
  }
  /** Loaded and analysed with finite figures, or every problem Dutch and at a path. */
  function judged(generator: string, loaded: ReturnType<typeof loadModel>): boolean {
    if (!loaded.ok) {
      outcome(generator, false);
      return loaded.problems.every((p) => p.path.length > 0 && messageIsDutchAndPlaced(p.message, /./));
    }
    const analysis = timed(`analyse:${generator}`, () => analyse(loaded.loaded.compiled));
    outcome(generator, analysis.ok);
    if (!analysis.ok) return analysis.problems.every((p) => p.path.length > 0 && messageIsDutchAndPlaced(p.message, /./));
    const json = JSON.stringify(analysisJson(analysis.analysis));
    return !/NaN|Infinity/.test(json);
  }
});

describe("hostile cell blocks read by MKBA.SCENARIO", () => {
  const almere = loadModel(EXAMPLES.almere);
  if (!almere.ok) throw new Error("almere must load");
  const block = modelToCells(almere.loaded.compiled.model);
  const scenario = FUNCTIONS.find((f) => f.id === "SCENARIO")!;
  it("every mutation gives a finite number or an error value with a Dutch message naming the cell or argument (600 cases)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(block.length - 1), fc.nat(block[0]!.length - 1), hostileValue), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(null, "saldo", "ratio", "tabel", "Gemeente", "terugverdienjaar"),
        (edits, outcome) => {
          const cells = block.map((row) => [...row]);
          for (const [r, c, v] of edits) cells[r]![c] = (typeof v === "object" && v !== null ? "x" : v) as CellValue;
          const result = timed(`scenario:${JSON.stringify(edits).slice(0, 80)}`, () => callFunction(scenario, [cells, null, outcome]));
          if (typeof result === "number") return Number.isFinite(result);
          if (isCellError(result)) return messageIsDutchAndPlaced(result.message, /^(model|scenario|uitkomst|saldo|baten|kosten|ratio\w*|terugverdienjaar|[A-Z][\w ]*):/);
          return true;
        },
      ),
      runs(600),
    );
  });
});

describe("hostile arguments for every function", () => {
  const argument = fc.oneof(
    hostileValue.map((v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? null : Array.isArray(v) ? [[1]] : v)),
    fc.array(fc.array(hostileNumber, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
  );
  it.each(FUNCTIONS.map((f) => [f.id, f] as const))("MKBA.%s: a value, or an error value whose Dutch message names the argument (500 cases)", (_, fn) => {
    const names = fn.parameters.map((p) => p.name).join("|");
    fc.assert(
      fc.property(fc.array(argument, { minLength: fn.parameters.length, maxLength: fn.parameters.length }), (args) => {
        const result = timed(`fn:${fn.id}`, () => callFunction(fn, args));
        if (typeof result === "number") return Number.isFinite(result);
        if (isCellError(result)) return messageIsDutchAndPlaced(result.message, new RegExp(`^(${names}|model|Interne fout|[A-Z]+|NCW|RATIO|uitkomst|saldo|[A-Za-z_ ]+)[:( ]`));
        return true;
      }),
      runs(500),
    );
  });
});
