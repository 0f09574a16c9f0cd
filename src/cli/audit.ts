/**
 * `mkba audit FILE | --example NAME -o OUT.xlsx [--overschrijven]`: a standalone audit workbook — the parameters
 * (inputs and key figures) as named cells, the whole calculation as plain Excel formulas (*Rekenblad*) and the check
 * against the engine (*Controle*). No formula carries a cached value, and the file asks the spreadsheet to recalculate
 * on open, so what one sees is what the formulas compute — not what we wrote down.
 */
import { auditPlan } from "../engine/audit/auditPlan";
import { runModel } from "../engine/model";
import { UsageError } from "./args";
import { writeFileSafely } from "./files";
import { CliIO } from "./io";
import { parseOptions } from "./options";
import { loadSourceOrReport, problemsText, sourceArguments } from "./source";

export async function runAudit(args: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions("audit", args, {
    example: { type: "string" },
    output: { type: "string", short: "o" },
    overschrijven: { type: "boolean" },
    force: { type: "boolean" },
  });
  sourceArguments("audit", values, positionals);
  if (values.output === undefined || !values.output.toLowerCase().endsWith(".xlsx")) throw new UsageError("mkba audit: geef -o UIT.xlsx.");
  const loaded = loadSourceOrReport(positionals[0], values.example, io);
  if (!loaded) return 2;
  const { compiled, lpbl } = loaded;
  const run = runModel(compiled, {}, compiled.model.metadata.baseScenarioName);
  if (!run.ok) {
    io.stderr(problemsText(run.problems));
    return 2;
  }
  const plan = auditPlan(compiled, run.run, { settings: { "mkba.schemaVersion": "1", "mkba.modelType": lpbl ? "lpbl" : "vrij" } });
  const { planToXlsx } = await import("./xlsxWriter"); // ExcelJS only when a workbook is written
  writeFileSafely(values.output, await planToXlsx(plan, { recalculateOnOpen: true }), { overwrite: Boolean(values.overschrijven || values.force) });
  io.stderr(`${values.output} geschreven: Rekenblad (de hele berekening in gewone Excel-formules) en Controle (${plan.sheets[1]!.cells.filter((c) => c.column === 3).length - 1} uitkomsten naast de rekenkern).\n`);
  return 0;
}
