/**
 * `mkba fn NAME ARG...` and `mkba fn --batch`: evaluate an `MKBA.*` function exactly as Excel would,
 * with arguments and results as JSON.
 */
import { z } from "zod";
import { FUNCTIONS, SheetFunction, callFunction, findFunction } from "../functions/catalog";
import { UsageError, cellArgumentFromJson, parseJsonArgument, resultToJson } from "./args";
import { CliIO } from "./io";
import { JSON_SOURCES, parseJson } from "../engine/model/jsonLimits";

function lookUp(name: string): SheetFunction {
  const fn = findFunction(name);
  if (!fn) {
    throw new UsageError(`onbekende functie "${name}"; bekend zijn: ${FUNCTIONS.map((f) => f.id).join(", ")}.`);
  }
  return fn;
}

function checkArity(fn: SheetFunction, count: number): void {
  const min = fn.parameters.filter((p) => !p.optional).length;
  const max = fn.parameters.length;
  if (count < min || count > max) {
    const signature = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ");
    throw new UsageError(`MKBA.${fn.id}(${signature}) verwacht ${min === max ? min : `${min} tot ${max}`} argumenten, niet ${count}.`);
  }
}

/** One call: the result as a JSON line. */
export function evaluateCall(name: string, jsonArgs: readonly unknown[], parse: (v: unknown, label: string) => unknown): string {
  const fn = lookUp(name);
  checkArity(fn, jsonArgs.length);
  const args = jsonArgs.map((a, i) => parse(a, `argument ${i + 1} (${fn.parameters[i]?.name})`));
  return resultToJson(callFunction(fn, args));
}

export function runFn(args: readonly string[], io: CliIO): Promise<number> | number {
  if (args[0] === "--batch") return runBatch(io);
  const [name, ...rest] = args;
  if (name === undefined) throw new UsageError("mkba fn: geef de naam van een functie, bijvoorbeeld: mkba fn NCW '[[1],[2]]' 0.03");
  io.stdout(evaluateCall(name, rest, (a, label) => parseJsonArgument(a as string, label)) + "\n");
  return 0;
}

const batchLineSchema = z.object({ fn: z.string(), args: z.array(z.unknown()).default([]) }).strict();

/**
 * One JSON object per line in, one result per line out, in order. A line that is itself misuse (invalid JSON,
 * unknown function) prints `{"usageError": "…"}` in its place so the lines stay aligned, and the exit code is 2.
 * Blank lines are skipped.
 */
async function runBatch(io: CliIO): Promise<number> {
  const input = await io.readStdin();
  let exitCode = 0;
  const out: string[] = [];
  for (const [index, line] of input.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    try {
      const json = parseJson(line, JSON_SOURCES.batchLine(index + 1));
      if (!json.ok) throw new UsageError(`${json.problem.path}: ${json.problem.message}`);
      const call = batchLineSchema.safeParse(json.data);
      if (!call.success) throw new UsageError(`regel ${index + 1}: verwacht {"fn": "NCW", "args": [...]}`);
      out.push(evaluateCall(call.data.fn, call.data.args, cellArgumentFromJson));
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      exitCode = 2;
      out.push(JSON.stringify({ usageError: e.message }));
      io.stderr(`mkba fn --batch: ${e.message}\n`);
    }
  }
  io.stdout(out.length > 0 ? out.join("\n") + "\n" : "");
  return exitCode;
}
