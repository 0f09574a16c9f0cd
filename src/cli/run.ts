/**
 * `mkba run FILE | --example NAME [--scenario NAME] [--eenheid 1|1000] [--json]` and `mkba example NAME [-o FILE]`.
 * A model with errors: every problem with its JSON path, exit 2, nothing else printed.
 */
import { Analysis, ModelRun, analyse, analysisJson, analysisText, scenarioOverrides } from "../engine/model";
import { LoadedModel } from "../engine/models";
import { lpblOutputText, lpblOutputs, teamCostWarning } from "../engine/models/lpbl";
import { UsageError } from "./args";
import { writeFileSafely } from "./files";
import { exampleData, exampleNames, loadSourceOrReport, problemsText, scenarioArgument, sourceArguments } from "./source";
import { parseOptions } from "./options";
import { CliIO } from "./io";

/**
 * `--json`: the engine's shape, and for an LPBL model its output screens, the running approach, the fte checks, the
 * illustrative mark and a team-cost warning for every scenario whose team costs are 0 while the team has fte.
 */
function jsonOf(analysis: Analysis, loaded: LoadedModel): unknown {
  const json = analysisJson(analysis);
  const lpbl = loaded.lpbl;
  if (!lpbl || analysis.scenarios.length === 0) return json;
  const { uitvoerA, uitvoerB, lopendeAanpak, teamCostWarning: warning } = lpblOutputs(analysis.scenarios[0]!, loaded.compiled, lpbl);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    ...json,
    scenarios: json.scenarios.map((s, i) => ({ ...s, teamCostWarning: teamCostWarning(analysis.scenarios[i]!, scenarioOverrides(loaded.compiled, s.name)?.fte_team ?? lpbl.fteEntered) })),
    fteFromCaseload: round2(lpbl.fteFromCaseload),
    capacity: lpbl.capacity,
    appliedFactors: lpbl.appliedFactors,
    fteAtKeyFigureCaseloads: round2(lpbl.fteAtKeyFigureCaseloads),
    fteFromHours: round2(lpbl.fteFromHours),
    fteEntered: lpbl.fteEntered,
    fteWarning: lpbl.fteWarning,
    teamCostWarning: warning,
    illustrative: lpbl.illustrative,
    illustrativeKeyFigures: lpbl.illustrativeKeys,
    uitvoerA,
    uitvoerB,
    lopendeAanpak,
  };
}

function textOf(analysis: Analysis, loaded: LoadedModel, unit: 1 | 1000): string {
  const lpbl = loaded.lpbl;
  // Wherever ratios appear, a scenario without team costs says so (issue 9, fault 1).
  const notes = lpbl
    ? (run: ModelRun) => {
        const warning = teamCostWarning(run, scenarioOverrides(loaded.compiled, run.scenario)?.fte_team ?? lpbl.fteEntered);
        return warning ? [warning] : [];
      }
    : undefined;
  const generic = analysisText(analysis, { unit, ...(notes ? { notes } : {}) });
  if (!lpbl || analysis.scenarios.length === 0) return generic;
  return `${lpblOutputText(analysis.scenarios[0]!, loaded.compiled, lpbl)}\n\nDoorrekening per actor, scenario's en gevoeligheid\n\n${generic}`;
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

  const loaded = loadSourceOrReport(positionals[0], values.example, io);
  if (!loaded) return 2;
  const result = analyse(loaded.compiled, { scenario: scenarioArgument(values.scenario, loaded.compiled.model) });
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
  const loaded = loadSourceOrReport(positionals[0], values.example, io);
  if (!loaded) return 2;
  const analysis = analyse(loaded.compiled);
  if (!analysis.ok) {
    io.stderr(problemsText(analysis.problems));
    return 2;
  }
  // ExcelJS is loaded only by the commands that write workbooks, not at every start of the CLI.
  const { workbookBuffer } = await import("./werkmap");
  const { bytes, sheets } = await workbookBuffer(loaded, analysis.analysis);
  writeFileSafely(values.output, bytes, { overwrite: Boolean(values.overschrijven || values.force) });
  io.stderr(`${values.output} geschreven: ${sheets.join(", ")} (MKBA.SCENARIO-formules over het bereik Invoer; met de grafieken op Uitvoer).\n`);
  return 0;
}
