/**
 * Where a command's model comes from (modelbron): a file or `--example NAME`, loaded and validated (a generic model or a
 * typed one such as lpbl), with the problems as Dutch text. Shared by run, werkmap, audit and gevoeligheid.
 */
import { EXAMPLES, exampleNames } from "../engine/examples";
import { JSON_SOURCES, ModelProblem, nearest, parseJson, scenarioNames } from "../engine/model";
import { LoadResult, LoadedModel, loadModel } from "../engine/models";
import type { CliIO } from "./io";
import { UsageError } from "./args";
import { readTextFile } from "./files";

export function problemsText(problems: readonly ModelProblem[]): string {
  return `Het model bevat ${problems.length} ${problems.length === 1 ? "fout" : "fouten"}:\n` + problems.map((p) => `  ${p.path}: ${p.message}`).join("\n") + "\n";
}

export { exampleNames };

export function exampleData(name: string): unknown {
  // Own keys only: "constructor" or "__proto__" are not examples, however an object answers them.
  const data = Object.prototype.hasOwnProperty.call(EXAMPLES, name) ? EXAMPLES[name] : undefined;
  if (data === undefined) {
    const near = nearest(name, exampleNames(), 1);
    throw new UsageError(`onbekend voorbeeld "${name}"${near.length ? `; bedoelt u "${near[0]}"?` : ""} Voorbeelden: ${exampleNames().join(", ")}.`);
  }
  return data;
}

/** A validated model from `FILE` or `--example NAME` (a generic model or a typed one such as lpbl), or its problems. */
export function loadSource(file: string | undefined, example: string | undefined): LoadResult {
  if (example !== undefined) return loadModel(exampleData(example));
  const parsed = parseJson(readTextFile(file!, JSON_SOURCES.modelFile.maxCharacters), JSON_SOURCES.modelFile);
  return parsed.ok ? loadModel(parsed.data) : { ok: false, problems: [parsed.problem] };
}

/** The scenario named by --scenario, checked against the model (a near name suggested), or undefined when none was given. */
export function scenarioArgument(scenario: string | undefined, model: Parameters<typeof scenarioNames>[0]): string | undefined {
  const names = scenarioNames(model);
  if (scenario === undefined || names.includes(scenario)) return scenario;
  const near = nearest(scenario, names, 1);
  throw new UsageError(`onbekend scenario "${scenario}"${near.length ? `; bedoelt u "${near[0]}"?` : ""} Scenario's: ${names.join(", ")}.`);
}

/** `loadSource`, with its problems written to stderr: the model, or null (the command then exits with 2). */
export function loadSourceOrReport(file: string | undefined, example: string | undefined, io: CliIO): LoadedModel | null {
  const loaded = loadSource(file, example);
  if (loaded.ok) return loaded.loaded;
  io.stderr(problemsText(loaded.problems));
  return null;
}

export function sourceArguments(command: string, values: { example?: string }, positionals: readonly string[]): void {
  if ((values.example === undefined) === (positionals.length === 0) || positionals.length > 1) {
    throw new UsageError(`mkba ${command}: geef één modelbestand of --example NAAM.`);
  }
}
