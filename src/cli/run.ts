/**
 * `mkba run FILE | --example NAME [--scenario NAME] [--eenheid 1|1000] [--json]` and `mkba example NAME [-o FILE]`.
 * A model with errors: every problem with its JSON path, exit 2, nothing else printed.
 */
import { EXAMPLES, exampleNames } from "../engine/examples";
import { Analysis, ModelProblem, analyse, analysisJson, analysisText, nearest } from "../engine/model";
import { LoadResult, LoadedModel, loadModel } from "../engine/models";
import { lpblOutputText, lpblOutputs } from "../engine/models/lpbl";
import { UsageError } from "./args";
import { readTextFile, writeFileSafely } from "./files";
import { parseOptions } from "./options";
import { CliIO } from "./io";
import { workbookBuffer } from "./werkmap";

function problemsText(problems: readonly ModelProblem[]): string {
  return `Het model bevat ${problems.length} ${problems.length === 1 ? "fout" : "fouten"}:\n` + problems.map((p) => `  ${p.path}: ${p.message}`).join("\n") + "\n";
}

function exampleData(name: string): unknown {
  // Own keys only: "constructor" or "__proto__" are not examples, however an object answers them.
  const data = Object.prototype.hasOwnProperty.call(EXAMPLES, name) ? EXAMPLES[name] : undefined;
  if (data === undefined) {
    const near = nearest(name, exampleNames(), 1);
    throw new UsageError(`onbekend voorbeeld "${name}"${near.length ? `; bedoelt u "${near[0]}"?` : ""} Voorbeelden: ${exampleNames().join(", ")}.`);
  }
  return data;
}

/** A validated model from `FILE` or `--example NAME` (a generic model or a typed one such as lpbl), or its problems. */
function loadSource(file: string | undefined, example: string | undefined): LoadResult {
  if (example !== undefined) return loadModel(exampleData(example));
  const text = readTextFile(file!);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: "(bestand)", message: `geen geldige JSON (${jsonErrorPlace(e, text)}); controleer aanhalingstekens, komma's en haakjes` }] };
  }
  return loadModel(data);
}

/** Where JSON.parse stopped, in Dutch ("regel 3, teken 7"), without its English message. */
function jsonErrorPlace(error: unknown, text: string): string {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  if (at === undefined) return "de tekst is geen volledige JSON";
  const before = text.slice(0, Number(at)).split("\n");
  return `regel ${before.length}, teken ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** `--json`: the engine's shape, and for an LPBL model its output screens, the fte from caseload and the illustrative mark. */
function jsonOf(analysis: Analysis, loaded: LoadedModel): unknown {
  const json = analysisJson(analysis);
  if (!loaded.lpbl || analysis.scenarios.length === 0) return json;
  const { uitvoerA, uitvoerB } = lpblOutputs(analysis.scenarios[0]!);
  return {
    ...json,
    fteFromCaseload: Math.round(loaded.lpbl.fteFromCaseload * 100) / 100,
    fteEntered: loaded.lpbl.fteEntered,
    fteWarning: loaded.lpbl.fteWarning,
    illustrative: loaded.lpbl.illustrative,
    illustrativeKeyFigures: loaded.lpbl.illustrativeKeys,
    uitvoerA,
    uitvoerB,
  };
}

function textOf(analysis: Analysis, loaded: LoadedModel, unit: 1 | 1000): string {
  const generic = analysisText(analysis, { unit });
  if (!loaded.lpbl || analysis.scenarios.length === 0) return generic;
  return `${lpblOutputText(analysis.scenarios[0]!, loaded.lpbl)}\n\nDoorrekening per actor, scenario's en gevoeligheid\n\n${generic}`;
}

function sourceArguments(command: string, values: { example?: string }, positionals: readonly string[]): void {
  if ((values.example === undefined) === (positionals.length === 0) || positionals.length > 1) {
    throw new UsageError(`mkba ${command}: geef één modelbestand of --example NAAM.`);
  }
}

export function runRun(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseOptions("run", args, {
    example: { type: "string" },
    scenario: { type: "string" },
    eenheid: { type: "string" },
    json: { type: "boolean" },
  });
  sourceArguments("run", values, positionals);
  const unit = values.eenheid === undefined ? 1000 : Number(values.eenheid);
  if (unit !== 1 && unit !== 1000) throw new UsageError("--eenheid is 1 (euro) of 1000 (× € 1.000).");
  const eenheid: 1 | 1000 = unit;

  const loadedResult = loadSource(positionals[0], values.example);
  if (!loadedResult.ok) {
    io.stderr(problemsText(loadedResult.problems));
    return 2;
  }
  const loaded = loadedResult.loaded;
  const { model } = loaded.compiled;
  const scenarioNames = [model.metadata.baseScenarioName, ...model.scenarios.map((s) => s.name)];
  if (values.scenario !== undefined && !scenarioNames.includes(values.scenario)) {
    const near = nearest(values.scenario, scenarioNames, 1);
    throw new UsageError(`onbekend scenario "${values.scenario}"${near.length ? `; bedoelt u "${near[0]}"?` : ""} Scenario's: ${scenarioNames.join(", ")}.`);
  }
  const result = analyse(loaded.compiled, { scenario: values.scenario });
  if (!result.ok) {
    io.stderr(problemsText(result.problems));
    return 2;
  }
  io.stdout(values.json ? JSON.stringify(jsonOf(result.analysis, loaded), null, 2) + "\n" : textOf(result.analysis, loaded, eenheid));
  return 0;
}

export function runExample(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseOptions("example", args, {
    output: { type: "string", short: "o" },
    overschrijven: { type: "boolean" },
    force: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError(`mkba example NAAM [-o BESTAND] [--overschrijven]; voorbeelden: ${exampleNames().join(", ")}.`);
  const text = JSON.stringify(exampleData(positionals[0]!), null, 2) + "\n";
  if (values.output) {
    writeFileSafely(values.output, text, { overwrite: Boolean(values.overschrijven || values.force) });
    io.stderr(`${values.output} geschreven.\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

export async function runWerkmap(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions("werkmap", args, {
    example: { type: "string" },
    output: { type: "string", short: "o" },
    overschrijven: { type: "boolean" },
    force: { type: "boolean" },
  });
  sourceArguments("werkmap", values, positionals);
  if (values.output === undefined || !values.output.toLowerCase().endsWith(".xlsx")) throw new UsageError("mkba werkmap: geef -o UIT.xlsx.");
  const loaded = loadSource(positionals[0], values.example);
  if (!loaded.ok) {
    io.stderr(problemsText(loaded.problems));
    return 2;
  }
  const { model } = loaded.loaded.compiled;
  const buffer = await workbookBuffer(model);
  writeFileSafely(values.output, buffer, { overwrite: Boolean(values.overschrijven || values.force) });
  io.stderr(`${values.output} geschreven: Invoer (het model), Uitvoer (MKBA.SCENARIO-formules)${model.sensitivity.length > 0 ? ", Gevoeligheid" : ""}.\n`);
  return 0;
}
