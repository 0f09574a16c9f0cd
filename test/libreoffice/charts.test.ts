/**
 * The charts of a workbook written outside Excel, as a reader sees them (issue 20, item 5): LibreOffice draws the LPBL
 * workbook of `mkba werkmap` and a tornado sheet, each sheet on one PDF page, and poppler reads the pages back. Each
 * is compared with the same workbook written without its charts: only with the chart parts does the Uitvoer page carry
 * every chart title and axis title and the coloured bars. In CI (CI=true) LibreOffice and poppler-utils are required;
 * on a machine without them the test is skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { workbookBuffer } from "../../src/cli/werkmap";
import { XlsxOptions, planToXlsx } from "../../src/cli/xlsxWriter";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { LoadedModel, loadModel } from "../../src/engine/models";
import { tornado } from "../../src/engine/uncertainty/tornado";
import { expectedValue, modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { PLAN_SCHEMA_VERSION, PlanChart, WorkbookPlan } from "../../src/engine/workbook/plan";
import { TORNADO, tornadoPlan } from "../../src/engine/workbook/uncertaintyPlan";
import { libreOfficeBinary } from "../support/libreoffice";
import { newColouredPixels, pdfPageCount, pdfPageRaster, pdfPageText, popplerAvailable, renderWorkbooks } from "../support/pdfRender";

const available = libreOfficeBinary() !== undefined && popplerAvailable();
const required = process.env.CI === "true";

function loaded(data: unknown): LoadedModel {
  const r = loadModel(data);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.loaded;
}

const withoutCharts = (plan: WorkbookPlan): WorkbookPlan => ({ ...plan, sheets: plan.sheets.map((s) => ({ ...s, charts: [] })) });

(available || required ? describe : describe.skip)("charts drawn by LibreOffice from the workbook written outside Excel", () => {
  const work = mkdtempSync(path.join(tmpdir(), "mkba-charts-lo-"));
  const file = (name: string) => path.join(work, `${name}.xlsx`);
  let lpblPlan: WorkbookPlan;
  let tornadoSheet: WorkbookPlan;
  let rendered: ReturnType<typeof renderWorkbooks>;
  /** The page (1-based) of a sheet: one page per sheet, in the plan's order. */
  const pageOf = (plan: WorkbookPlan, sheet: string) => plan.sheets.findIndex((s) => s.name === sheet) + 1;

  beforeAll(async () => {
    // The LPBL workbook as `mkba werkmap` writes it, and the same plan and cached values without the charts.
    const lpbl = loaded(EXAMPLES.lpbl);
    const analysis = analyse(lpbl.compiled);
    if (!analysis.ok) throw new Error("analyse");
    const workbook = modelWorkbook(analysis.analysis, workbookOptions(lpbl));
    lpblPlan = workbook.plan;
    const options: XlsxOptions = { cachedResults: (sheet, row, column) => expectedValue(workbook, sheet, row, column) };
    writeFileSync(file("lpbl"), (await workbookBuffer(lpbl, analysis.analysis)).bytes);
    writeFileSync(file("lpbl-zonder"), await planToXlsx(withoutCharts(lpblPlan), options));
    // A tornado sheet: constants only, so LibreOffice draws every bar without computing anything.
    const almere = loaded(EXAMPLES.almere);
    tornadoSheet = tornadoPlan(tornado(almere.compiled, { relative: 0.2 }), "Almere", "vandaag", 0.2, PLAN_SCHEMA_VERSION);
    writeFileSync(file("tornado"), await planToXlsx(tornadoSheet));
    writeFileSync(file("tornado-zonder"), await planToXlsx(withoutCharts(tornadoSheet)));
    rendered = renderWorkbooks(["lpbl", "lpbl-zonder", "tornado", "tornado-zonder"].map(file));
  }, 300000);

  afterAll(() => {
    rendered?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it("draws every sheet on a page of its own", () => {
    expect(pdfPageCount(rendered.pdf(file("lpbl")))).toBe(lpblPlan.sheets.length);
    expect(pdfPageCount(rendered.pdf(file("tornado")))).toBe(1);
  });

  it("shows the four charts of Uitvoer: their titles and axis titles are drawn, and are not there without the chart parts", () => {
    const charts: readonly PlanChart[] = lpblPlan.sheets.find((s) => s.name === "Uitvoer")!.charts!;
    expect(charts.map((c) => c.id)).toEqual(["kosten-baten", "scenarios", "saldo-per-actor", "kasstromen"]);
    const page = pageOf(lpblPlan, "Uitvoer");
    const drawn = pdfPageText(rendered.pdf(file("lpbl")), page);
    const bare = pdfPageText(rendered.pdf(file("lpbl-zonder")), page);
    for (const chart of charts) {
      expect({ chart: chart.id, drawn: drawn.includes(chart.title) }).toEqual({ chart: chart.id, drawn: true });
      expect({ chart: chart.id, without: bare.includes(chart.title) }).toEqual({ chart: chart.id, without: false });
    }
    for (const axis of ["euro (NCW)", "euro per jaar"]) {
      expect(drawn).toContain(axis);
      expect(bare).not.toContain(axis);
    }
  });

  it("draws the bars: coloured pixels on the Uitvoer and Tornado pages where the pages without charts have none", () => {
    const added = (name: string, plan: WorkbookPlan, sheet: string) =>
      newColouredPixels(pdfPageRaster(rendered.pdf(file(name)), pageOf(plan, sheet), 50), pdfPageRaster(rendered.pdf(file(`${name}-zonder`)), pageOf(plan, sheet), 50));
    const uitvoer = added("lpbl", lpblPlan, "Uitvoer");
    const tornadoPage = added("tornado", tornadoSheet, TORNADO);
    // At 50 dpi the charts add about 3.300 (Uitvoer) and 2.000 (Tornado) such pixels; small shifts of the tables' red
    // negative numbers between the two drawings add about 150.
    expect(uitvoer).toBeGreaterThan(1000);
    expect(tornadoPage).toBeGreaterThan(1000);
  });

  it("shows the tornado's title on its page", () => {
    const title = tornadoSheet.sheets[0]!.charts![0]!.title;
    expect(pdfPageText(rendered.pdf(file("tornado")), 1)).toContain(title);
    expect(pdfPageText(rendered.pdf(file("tornado-zonder")), 1)).not.toContain(title);
  });
});
