/**
 * The task pane's uncertainty actions in a real browser, through Office.js's client against the protocol host (issue 11, item 4): Monte Carlo runs
 * in the Web Worker with a progress bar that moves, "Stoppen" leaves the workbook unchanged, a completed run writes the
 * Monte Carlo sheet whose figures are exactly the engine's in Node for the same seed, runs and sampling, and the tornado
 * action writes the Tornado sheet. The Onzekerheid sheet is what the worker reads: a wrong cell there is named.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { CellValue } from "../../src/engine/cells";
import { EXAMPLES } from "../../src/engine/examples";
import { validateModel } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { MonteCarloOptions, runMonteCarlo } from "../../src/engine/uncertainty/monteCarlo";
import { tornado } from "../../src/engine/uncertainty/tornado";
import { MONTE_CARLO, ONZEKERHEID, TORNADO, uncertaintyFromValues } from "../../src/engine/workbook/uncertaintyPlan";
import { BrowserPane, Pane, startBrowserPane } from "../support/browserPane";

let pane0: BrowserPane;

beforeAll(async () => {
  pane0 = await startBrowserPane();
});

afterAll(async () => {
  await pane0?.stop();
});

function compiledOf(name: string) {
  const l = loadModel(EXAMPLES[name]);
  if (!l.ok) throw new Error("model");
  return l.loaded.compiled;
}

/** The engine in Node, for the same model, seed, runs and sampling. */
function engineRun(name: string, options: MonteCarloOptions) {
  const r = runMonteCarlo(compiledOf(name), options);
  if (!r.ok) throw new Error("montecarlo");
  return r.result;
}

/** The row of a sheet in the host's workbook whose first cell is `label`. */
function rowOf(pane: Pane, sheet: string, label: string): number {
  for (let r = 0; r < 400; r++) if (pane.host!.value(sheet, r, 0) === label) return r;
  throw new Error(`geen rij "${label}" op ${sheet}`);
}

/** The uncertainty section alone, as the analyst sees it after scrolling down (the full-page shots are long). */
const sectionShot = (page: Pane["page"], name: string) => page.locator('section[aria-labelledby="uncertainty-title"]').screenshot({ path: path.join(__dirname, "../../test-artifacts/screenshots", `${name}.png`) });

const progressValue = (page: Pane["page"]) => page.locator('[data-testid="uncertainty-progress"]').getAttribute("aria-valuenow").then(Number);

async function runMonteCarloInPane(pane: Pane, runs: string, seed: string, lhs = false) {
  const { page } = pane;
  await page.getByRole("textbox", { name: /Trekkingen|Runs/ }).fill(runs);
  await page.getByRole("textbox", { name: "Seed" }).fill(seed);
  const box = page.getByRole("checkbox", { name: /Latin hypercube/ });
  if ((await box.isChecked()) !== lhs) await box.click();
  await page.getByRole("button", { name: "Monte Carlo", exact: true }).click();
}

describe("uncertainty in the task pane (Office.js's client, protocol host)", () => {
  it("writes the Onzekerheid sheet with every model; Monte Carlo's progress bar moves, Stoppen writes nothing, a completed run is the engine's to the bit", async () => {
    const pane = await pane0.open(true);
    const { page, host } = pane;
    await pane0.loadExample(pane, "lpbl");
    expect(host!.sheetNames()).toContain(ONZEKERHEID);
    const heading = rowOf(pane, ONZEKERHEID, "Sleutel");
    // The base value is the parameter's cell in Invoer; the default is stated.
    const firstKey = host!.value(ONZEKERHEID, heading + 1, 0) as string;
    const parameter = compiledOf("lpbl").model.parameters.find((p) => p.key === firstKey)!;
    expect(host!.value(ONZEKERHEID, heading + 1, 2)).toBe(parameter.value);
    expect(host!.value(ONZEKERHEID, heading + 1, 3)).toBe("standaard");
    expect(String(host!.value(ONZEKERHEID, 1, 0))).toMatch(/^Gevuld met de standaard: een driehoeksverdeling ±20%/);

    // A long run: the bar moves; Stoppen terminates the worker and the workbook stays as it was.
    const sheetsBefore = host!.sheetNames();
    await runMonteCarloInPane(pane, "1.000.000", "1");
    await page.locator('[data-testid="uncertainty-progress"]').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="uncertainty-progress"]')?.getAttribute("aria-valuenow")) > 0);
    const first = await progressValue(page);
    await page.waitForFunction((v) => Number(document.querySelector('[data-testid="uncertainty-progress"]')?.getAttribute("aria-valuenow")) > v, first);
    const later = await progressValue(page);
    expect(later).toBeGreaterThan(first);
    expect(later).toBeLessThan(1);
    // Meanwhile nothing else writes: loading another model would put this run's result beside the wrong model.
    expect(await page.getByRole("button", { name: "Voorbeeld laden" }).isDisabled()).toBe(true);
    await pane0.shot(page, "07-montecarlo");
    await sectionShot(page, "07-montecarlo-onzekerheid");
    await page.getByRole("button", { name: "Stoppen" }).click();
    await page.getByTestId("uncertainty-outcome").getByText("Gestopt: er is niets geschreven.").waitFor();
    expect(await page.getByRole("button", { name: "Voorbeeld laden" }).isDisabled()).toBe(false);
    await page.waitForTimeout(500);
    expect(host!.sheetNames()).toEqual(sheetsBefore);
    expect(host!.sheetNames()).not.toContain(MONTE_CARLO);

    // A completed run: 10.000 runs, seed 1 (mkba montecarlo --example lpbl --runs 10000 --seed 1).
    await runMonteCarloInPane(pane, "10.000", "1");
    await page.getByTestId("uncertainty-outcome").getByText(/Geschreven: Monte Carlo/).waitFor({ timeout: 60_000 });
    const node = engineRun("lpbl", { runs: 10_000, seed: 1 });
    const saldo = rowOf(pane, MONTE_CARLO, "Saldo (NCW)");
    expect(host!.value(MONTE_CARLO, saldo, 3)).toBe(node.outcomes.saldo.percentiles.P50);
    expect(host!.value(MONTE_CARLO, saldo, 6)).toBe(node.outcomes.saldo.mean);
    expect(host!.value(MONTE_CARLO, saldo, 7)).toBe(node.outcomes.saldo.standardError);
    const ratio = rowOf(pane, MONTE_CARLO, "Baten-kostenratio, maatschappelijk");
    expect(host!.value(MONTE_CARLO, ratio, 3)).toBe(node.outcomes.ratio.percentiles.P50);
    expect(host!.value(MONTE_CARLO, rowOf(pane, MONTE_CARLO, "P(saldo > 0)"), 1)).toBe(node.probabilityPositive.share);
    expect(String(host!.value(MONTE_CARLO, 1, 0))).toMatch(/^Berekend door de invoegtoepassing op .+, seed 1, gewone aselecte trekking, 10\.000 trekkingen/);
    const histogram = host!.charts.find((c) => c.name === "montecarlo-histogram" && !c.deleted)!;
    expect(histogram.type).toBe("ColumnClustered");
    expect(histogram.series[0]!.values).toMatch(/^'Monte Carlo'!D\d+:D\d+$/);
    await pane0.shot(page, "08-montecarlo-klaar");
    await sectionShot(page, "08-montecarlo-klaar-onzekerheid");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(pane.errors).toEqual([]);
    await page.context().close();
  });

  it("uses the model's own distributions (Almere, Latin hypercube, seed 7): the same figures as the engine on the model file", async () => {
    const pane = await pane0.open(true);
    await pane0.loadExample(pane, "almere");
    await runMonteCarloInPane(pane, "5000", "7", true);
    await pane.page.getByTestId("uncertainty-outcome").getByText(/Geschreven: Monte Carlo/).waitFor({ timeout: 60_000 });
    const node = engineRun("almere", { runs: 5000, seed: 7, sampling: "latin-hypercube" });
    const saldo = rowOf(pane, MONTE_CARLO, "Saldo (NCW)");
    for (const [column, value] of [[1, node.outcomes.saldo.percentiles.P5], [3, node.outcomes.saldo.percentiles.P50], [5, node.outcomes.saldo.percentiles.P95], [6, node.outcomes.saldo.mean]] as const) {
      expect(host(pane).value(MONTE_CARLO, saldo, column)).toBe(value);
    }
    expect(String(host(pane).value(MONTE_CARLO, 1, 0))).toMatch(/seed 7, Latin hypercube, 5\.000 trekkingen/);
    expect(pane.errors).toEqual([]);
    await pane.page.context().close();
  });

  it("writes the Tornado sheet and its chart; the rows are the engine's for the Onzekerheid sheet's ranges", async () => {
    const pane = await pane0.open(true);
    const { page } = pane;
    await pane0.loadExample(pane, "almere");
    await page.getByRole("button", { name: "Gevoeligheid (tornado)" }).click();
    await page.getByTestId("uncertainty-outcome").getByText(/Geschreven: Tornado/).waitFor({ timeout: 60_000 });
    // The engine in Node with what the worker got: the model and the sheet's distributions and ranges.
    const compiled = compiledOf("almere");
    const grid: CellValue[][] = Array.from({ length: 80 }, (_, r) => Array.from({ length: 13 }, (_, c) => host(pane).value(ONZEKERHEID, r, c)));
    const read = uncertaintyFromValues(grid, compiled.model.parameters.map((p) => p.key));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const withSheet = validateModel({ ...compiled.model, uncertainty: read.read.uncertainty });
    if (!withSheet.ok) throw new Error("model");
    const node = tornado(withSheet.compiled, { relative: read.read.relative, ranges: read.read.ranges });
    const first = rowOf(pane, TORNADO, "Parameter") + 1;
    node.rows.forEach((row, i) => {
      expect(host(pane).value(TORNADO, first + i, 0)).toBe(row.label);
      expect(host(pane).value(TORNADO, first + i, 4)).toBe(row.outcomeLow);
      expect(host(pane).value(TORNADO, first + i, 5)).toBe(row.outcomeHigh);
      expect(host(pane).value(TORNADO, first + i, 11)).toBe(row.key);
    });
    const chart = host(pane).charts.find((c) => c.name === "tornado" && !c.deleted)!;
    expect(chart.type).toBe("BarClustered");
    expect(chart.series.map((s) => s.name)).toEqual(["Laag − basis", "Hoog − basis"]);
    // The tornado of a ratio: the outcome chosen in the pane.
    await page.getByRole("combobox", { name: "Uitkomst van de tornado" }).selectOption("ratio");
    await page.getByRole("button", { name: "Gevoeligheid (tornado)" }).click();
    await page.getByTestId("uncertainty-outcome").getByText(/Geschreven: Tornado/).waitFor({ timeout: 60_000 });
    const ratio = tornado(withSheet.compiled, { relative: read.read.relative, ranges: read.read.ranges, outcome: "ratio" });
    expect(String(host(pane).value(TORNADO, 1, 0))).toMatch(/uitkomst: maatschappelijke baten-kostenratio/);
    expect(host(pane).value(TORNADO, first, 5)).toBe(ratio.rows[0]!.outcomeHigh);
    // At 320 px nothing in the section sticks out of it (a native select is as wide as its longest option).
    const overflow = await page.evaluate(() => {
      const section = document.querySelector('section[aria-labelledby="uncertainty-title"]')!;
      const right = section.getBoundingClientRect().right;
      return Array.from(section.querySelectorAll("*")).filter((e) => e.getBoundingClientRect().right > right + 1).map((e) => e.outerHTML.slice(0, 80));
    });
    expect(overflow).toEqual([]);
    await pane0.shot(page, "09-tornado");
    await sectionShot(page, "09-tornado-onzekerheid");
    expect(pane.errors).toEqual([]);
    await page.context().close();
  });

  it("names the Onzekerheid cell of a wrong distribution in Dutch and runs nothing", async () => {
    const pane = await pane0.open(true);
    const { page } = pane;
    await pane0.loadExample(pane, "almere");
    const heading = rowOf(pane, ONZEKERHEID, "Sleutel");
    const h = host(pane);
    h.hf.setCellContents({ sheet: h.sheetId(ONZEKERHEID), row: heading + 1, col: 4 }, [[10]]);
    h.hf.setCellContents({ sheet: h.sheetId(ONZEKERHEID), row: heading + 1, col: 6 }, [[1]]);
    await page.getByRole("button", { name: "Monte Carlo", exact: true }).click();
    await page.getByTestId("uncertainty-outcome").getByText("Het blad Onzekerheid klopt niet:").waitFor();
    await page.getByTestId("uncertainty-outcome").getByText(`${ONZEKERHEID}!G${heading + 2}: max (1) moet minstens min (10) zijn`).waitFor();
    expect(h.sheetNames()).not.toContain(MONTE_CARLO);
    await pane0.shot(page, "10-onzekerheid-fout");
    await sectionShot(page, "10-onzekerheid-fout-onzekerheid");
    await page.context().close();
  });

  it("has no serious or critical accessibility violations while a run is under way (axe-core)", async () => {
    const pane = await pane0.open(true);
    const { page } = pane;
    await pane0.loadExample(pane, "lpbl");
    await runMonteCarloInPane(pane, "1000000", "2");
    await page.locator('[data-testid="uncertainty-progress"]').waitFor();
    await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: never): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run({ exclude: [["[data-tabster-dummy]"]] } as never)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => (n as { html: string }).html.slice(0, 160)) }));
    })) as { id: string; impact: string }[];
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await page.getByRole("button", { name: "Stoppen" }).click();
    await page.context().close();
  });
});

const host = (pane: Pane) => pane.host!;
