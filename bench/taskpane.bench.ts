/**
 * Task-pane figures for `npm run bench` (issue 8, item 6): the first render of the task pane in headless Chromium from
 * localhost, and loading the LPBL example and writing all its sheets through Office.js's client against the protocol host. Median of repeated runs
 * after a warm-up; written to bench/taskpane-figures.json, which src/cli/bench.ts reports and checks. Not a test: it
 * asserts nothing but that the pane rendered and wrote.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { BrowserPane, startBrowserPane } from "../test/support/browserPane";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let pane: BrowserPane;
beforeAll(async () => {
  pane = await startBrowserPane();
});
afterAll(async () => {
  await pane?.stop();
});

it("measures the task pane's first render and loading an example", async () => {
  // First render: from navigation start to the start buttons on screen, inside "Excel" (the protocol host), each in a fresh
  // browser context (no cache); the first run is a warm-up.
  const renders: number[] = [];
  for (let i = 0; i < 6; i++) {
    const p = await pane.open(true);
    await p.page.getByRole("button", { name: "Nieuw LPBL-model" }).waitFor();
    const ms = await p.page.evaluate(() => performance.now());
    if (i > 0) renders.push(ms);
    await p.page.context().close();
  }
  // Loading the LPBL example (the largest plan: Invoer, Kengetallen, Uitvoer, Lopende aanpak) until the pane says it is written.
  // Seven loads, the first a warm-up: the median of six (each load takes about two seconds and varies by ±30% here).
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) {
    const p = await pane.open(true);
    await p.page.getByRole("button", { name: "Nieuw LPBL-model" }).waitFor();
    const start = performance.now();
    await pane.loadExample(p, "lpbl");
    if (i > 0) loads.push(performance.now() - start);
    expect(p.host!.sheetNames()).toEqual(expect.arrayContaining(["Invoer", "Uitvoer"]));
    await p.page.context().close();
  }
  const figures = { taskpane_first_render_ms: median(renders), example_load_ms: median(loads) };
  writeFileSync(path.join(__dirname, "taskpane-figures.json"), JSON.stringify(figures, null, 2) + "\n");
});
