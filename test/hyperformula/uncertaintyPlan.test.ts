/**
 * The Onzekerheid sheet (issue 11, item 4) evaluated in HyperFormula: the base values are the parameters' cells in
 * Invoer, the sheet reads back into the model's uncertainty section (or the engine's default), and a wrong cell is
 * named in Dutch.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { MonteCarloResult, runMonteCarlo } from "../../src/engine/uncertainty/monteCarlo";
import { modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { ONZEKERHEID, uncertaintyFromValues } from "../../src/engine/workbook/uncertaintyPlan";
import { CellValue } from "../../src/engine/cells";
import { compileJob } from "../../src/taskpane/uncertaintyJob";
import { planToHyperFormula, planValue } from "../support/planHost";

function setUp(name: string) {
  const l = loadModel(EXAMPLES[name]);
  if (!l.ok) throw new Error("model");
  const a = analyse(l.loaded.compiled);
  if (!a.ok) throw new Error("analyse");
  const workbook = modelWorkbook(a.analysis, workbookOptions(l.loaded));
  const hf = planToHyperFormula(workbook.plan);
  const sheet = workbook.plan.sheets.find((s) => s.name === ONZEKERHEID)!;
  const rows = Math.max(...sheet.cells.map((c) => c.row)) + 1;
  const grid = (): CellValue[][] => Array.from({ length: rows }, (_, r) => Array.from({ length: 13 }, (_, c) => planValue(hf, ONZEKERHEID, r, c)));
  return { compiled: l.loaded.compiled, hf, sheet, grid, keys: l.loaded.compiled.model.parameters.map((p) => p.key) };
}

describe("the Onzekerheid sheet", () => {
  it("reads the Almere example's distributions and correlations back exactly", () => {
    const { compiled, grid, keys } = setUp("almere");
    const read = uncertaintyFromValues(grid(), keys);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.read.uncertainty).toEqual(compiled.model.uncertainty);
  });

  it("fills an LPBL model with its own default uncertainty — the seed's ranges, the effect estimates, ±20% rows as 'standaard' — and reads it back to the CLI's Monte Carlo", () => {
    const { compiled, grid, keys, sheet } = setUp("lpbl");
    expect(sheet.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Gevuld met de standaard: een driehoeksverdeling ±20% rond de waarde voor de parameters op 'standaard'"))).toBe(true);
    const g = grid();
    const heading = g.findIndex((row) => row[0] === "Sleutel");
    const rowOf = (key: string) => g.slice(heading + 1).find((row) => row[0] === key)!;
    // A seed range: the price per prevented OTS/UHP over € 2.000 – € 100.000 (seed 001, regel 666), not ±20%.
    expect(rowOf("kosten_ots_uhp").slice(3, 7)).toEqual(["driehoek", 2000, 2000, 100000]);
    // A ±20% row follows Invoer ("standaard"); a structural input is fixed ("vast").
    expect(rowOf("kosten_per_fte")[3]).toBe("standaard");
    expect(rowOf("hh_totaal")[3]).toBe("vast");
    const read = uncertaintyFromValues(g, keys);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const strip = (u: typeof read.read.uncertainty) => ({ ...u!, distributions: u!.distributions.map(({ description, ...d }) => (void description, d)) });
    expect(strip(read.read.uncertainty)).toEqual(strip(compiled.model.uncertainty));
    // The task pane's run on what the sheet read back (compileJob, as in its Web Worker) against the CLI's on the file.
    const job = compileJob({ data: EXAMPLES.lpbl, uncertainty: read.read.uncertainty!, relative: read.read.relative });
    if (!job.ok) throw new Error(JSON.stringify(job.problems));
    const a = runMonteCarlo(compiled, { runs: 500, seed: 3 });
    const b = runMonteCarlo(job.compiled, { runs: 500, seed: 3, relative: read.read.relative });
    expect(a).toEqual(b);
  });

  it("one row changed to pert: an explicit section, the other rows as their default triangle; the same Monte Carlo for the untouched ones", () => {
    const { compiled, grid, keys } = setUp("zoetermeer-zmp");
    const g = grid();
    const heading = g.findIndex((row) => row[0] === "Sleutel");
    const r = heading + 1;
    g[r]![3] = "pert";
    g[r]![4] = 1;
    g[r]![5] = "2,5";
    g[r]![6] = 4;
    const read = uncertaintyFromValues(g, keys);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const d = read.read.uncertainty!.distributions;
    expect(d[0]).toEqual({ parameter: keys[0], type: "pert", min: 1, mode: 2.5, max: 4 });
    expect(d.length).toBe(compiled.model.parameters.filter((p) => p.value !== 0).length);
    expect(read.read.ranges[keys[0]!]).toEqual({ low: 1, high: 4 });
    const job = compileJob({ data: EXAMPLES["zoetermeer-zmp"], uncertainty: read.read.uncertainty!, relative: read.read.relative });
    if (!job.ok) throw new Error(JSON.stringify(job.problems));
    const fromSheet = runMonteCarlo(job.compiled, { runs: 200, seed: 3 });
    const fromFile = runMonteCarlo(compiled, { runs: 200, seed: 3 });
    if (!fromSheet.ok || !fromFile.ok) throw new Error("Monte Carlo");
    const distributions = (r: MonteCarloResult) => Object.fromEntries(r.varied.map((v) => [v.key, v.distribution]));
    const { [keys[0]!]: changed, ...untouched } = distributions(fromSheet.result);
    const { [keys[0]!]: before, ...defaults } = distributions(fromFile.result);
    expect(changed).toEqual({ type: "pert", min: 1, mode: 2.5, max: 4 });
    expect(before).not.toEqual(changed);
    expect(untouched).toEqual(defaults);
  });

  it("names the cell of every problem in Dutch", () => {
    const { grid, keys } = setUp("almere");
    const g = grid();
    const heading = g.findIndex((row) => row[0] === "Sleutel");
    g[heading + 1]![3] = "gauss";
    g[heading + 2]![3] = "uniform";
    g[heading + 2]![4] = "veel";
    g[heading + 2]![6] = null;
    const read = uncertaintyFromValues(g, keys);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path)).toEqual([`${ONZEKERHEID}!D${heading + 2}`, `${ONZEKERHEID}!E${heading + 3}`, `${ONZEKERHEID}!G${heading + 3}`]);
    expect(read.problems[0]!.message).toMatch(/onbekende verdeling "gauss"/);
  });
});
