/**
 * Workbook figures for `npm run bench` (issue 20, item 3): the LPBL workbook as `mkba werkmap` writes it, opened in the
 * protocol host (test/support/officeHost: HyperFormula with every MKBA function, as Excel with the add-in), and
 *
 * - `lpbl_addin_calls_per_recalc` and `lpbl_cells_passed_per_recalc`: the add-in calls evaluated, and the cells their
 *   arguments pass, when one input on Invoer changes — every add-in call reads the block Invoer, so that recalculates
 *   each of them once, as a full recalculation does (checked: evaluations = add-in formulas). In Excel each call
 *   crosses from the calculation engine to the add-in's JavaScript with its arguments (budget: 12 calls, 40.000
 *   cells). Counted by the functions' own observer (src/functions/hyperformula.ts, observeCalls), not estimated;
 * - `lpbl_invoer_change_ms`: from that change (the households, typed as an analyst types them) to settled outputs
 *   (every custom function calculated, the saldo read back), median of 7 changes after a warm-up; the host's artificial
 *   calculation delay is set to 0, so this is the recalculation itself.
 *
 * Written to bench/workbook-figures.json, which src/cli/bench.ts reports and checks. Not a test.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { planToXlsx } from "../src/cli/xlsxWriter";
import { EXAMPLES } from "../src/engine/examples";
import { analyse } from "../src/engine/model";
import { loadModel } from "../src/engine/models";
import { expectedValue, modelWorkbook, workbookOptions } from "../src/engine/workbook/modelPlan";
import { observeCalls } from "../src/functions/hyperformula";
import { ExcelHost } from "../test/support/officeHost/excelHost";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it("counts the LPBL workbook's add-in calls per recalculation and times one input change", async () => {
  const loaded = loadModel(EXAMPLES.lpbl);
  if (!loaded.ok) throw new Error("lpbl");
  const result = analyse(loaded.loaded.compiled);
  if (!result.ok) throw new Error("lpbl");
  const workbook = modelWorkbook(result.analysis, workbookOptions(loaded.loaded));
  const bytes = await planToXlsx(workbook.plan, { cachedResults: (sheet, row, column) => expectedValue(workbook, sheet, row, column) });

  const host = new ExcelHost({ calcDelayMs: 0 });
  await host.openFile(bytes);
  await host.calculated();

  // Every add-in call in the workbook reads the block Invoer, so one change on Invoer recalculates each of them: what
  // a full recalculation makes cross to the add-in. Each must be evaluated exactly once per change.
  const formulas = workbook.plan.sheets.reduce((n, sh) => n + sh.cells.filter((c) => /\bMKBA\./i.test(c.formula ?? "")).length, 0);
  const households = workbook.plan.fields!.find((f) => f.id === "reach.households")!.cell;
  const saldo = workbook.plan.results!.find((r) => r.id === "saldo")!.cell;
  const times: number[] = [];
  let calls = 0;
  let cells = 0;
  const byFunction = new Map<string, number>();
  for (let i = 0; i < 8; i++) {
    calls = 0;
    cells = 0;
    byFunction.clear();
    observeCalls((id, passed) => {
      calls++;
      cells += passed;
      byFunction.set(id, (byFunction.get(id) ?? 0) + 1);
    });
    const start = performance.now();
    host.type(households.sheet, households.row, households.column, 300 + i);
    await host.calculated();
    const value = host.value(saldo.sheet, saldo.row, saldo.column);
    const ms = performance.now() - start;
    observeCalls(null);
    if (typeof value !== "number") throw new Error(`saldo: ${JSON.stringify(value)}`);
    if (calls !== formulas) throw new Error(`${calls} evaluations of ${formulas} add-in formulas in one change`);
    if (i > 0) times.push(ms);
  }
  const figures = {
    lpbl_addin_calls_per_recalc: calls,
    lpbl_cells_passed_per_recalc: cells,
    lpbl_invoer_change_ms: median(times),
  };
  console.log(JSON.stringify({ ...figures, byFunction: Object.fromEntries(byFunction) }));
  writeFileSync(path.join(__dirname, "workbook-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});
