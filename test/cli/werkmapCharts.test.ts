/**
 * Charts in the workbook `mkba werkmap` writes (issue 20, item 5): for every example the file is unzipped and read as
 * Excel reads it — a drawing per sheet with charts, a chart part per plan chart, every relationship and content type
 * in place, `<drawing>` at its place in the worksheet — and each chart is compared with the plan's specification
 * (type, title, axis titles, anchor, series names and range formulas) and with the engine (the cached values are the
 * scenario outcomes and the cash flows it computed). The Monte Carlo and Tornado sheets go through the same writer.
 */
import { mkdtempSync, readFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import * as path from "path";
import { withDrawingElement } from "../../src/cli/xlsx/chartParts";
import { planToXlsx } from "../../src/cli/xlsxWriter";
import { EXAMPLES } from "../../src/engine/examples";
import { Analysis, analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { runMonteCarlo } from "../../src/engine/uncertainty/monteCarlo";
import { tornado } from "../../src/engine/uncertainty/tornado";
import { modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { PLAN_SCHEMA_VERSION, PlanChart, PlanRange, WorkbookPlan, rangeRef } from "../../src/engine/workbook/plan";
import { MONTE_CARLO, TORNADO, monteCarloPlan, tornadoPlan } from "../../src/engine/workbook/uncertaintyPlan";
import { runCli } from "../support/cli";
import { contentType, packageProblems, relationships, tagProblems } from "../support/xlsxPackageCheck";

const work = mkdtempSync(path.join(tmpdir(), "mkba-charts-"));

// As in the Excel-saved files compared in docs/xlsx-form.md.
const DRAWING_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CHART_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** The children of CT_Worksheet in their schema order (ECMA-376 Part 1, §18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios",
  "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
  "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
];

/** The names of the root element's children, in document order. */
function topLevelElements(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<[^>]*>/g)) {
    const tag = m[0];
    if (tag.startsWith("<?") || tag.startsWith("<!")) continue;
    const name = /^<\/?([^\s/>]+)/.exec(tag)![1]!;
    if (tag.startsWith("</")) depth--;
    else {
      if (depth === 1) names.push(name);
      if (!tag.endsWith("/>")) depth++;
    }
  }
  return names;
}

interface ReadPoints {
  readonly formula: string;
  readonly kind: "numRef" | "strRef";
  readonly count: number;
  /** By index; a cell without a cached value is missing. */
  readonly points: ReadonlyMap<number, string>;
}

interface ReadSeries {
  readonly name: string;
  readonly categories?: ReadPoints;
  readonly values: ReadPoints;
}

interface ReadChart {
  readonly part: string;
  readonly xml: string;
  readonly name: string;
  readonly from: { row: number; column: number };
  readonly to: { row: number; column: number };
  readonly series: ReadSeries[];
}

const text = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("");
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function readPoints(xml: string): ReadPoints {
  const kind = xml.includes("<c:numRef>") ? "numRef" : "strRef";
  return {
    kind,
    formula: unescape(/<c:f>([^<]*)<\/c:f>/.exec(xml)![1]!),
    count: Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)![1]),
    points: new Map([...xml.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => [Number(m[1]), unescape(m[2]!)])),
  };
}

function readSeries(chartXml: string): ReadSeries[] {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const ser = m[1]!;
    const categories = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1];
    return {
      name: unescape(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(ser)![1]!),
      ...(categories ? { categories: readPoints(categories) } : {}),
      values: readPoints(/<c:val>([\s\S]*?)<\/c:val>/.exec(ser)![1]!),
    };
  });
}

/** Sheet name → worksheet part, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await relationships(zip, "xl/workbook.xml");
  return new Map([...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => [unescape(/name="([^"]*)"/.exec(m[0])![1]!), rels.find((r) => r.id === /r:id="([^"]*)"/.exec(m[0])![1])!.target]));
}

/** The charts of a worksheet, followed from its `<drawing r:id>` through the drawing to the chart parts. */
async function chartsOf(zip: JSZip, sheetPart: string): Promise<{ drawing?: string; charts: ReadChart[] }> {
  const sheet = await zip.file(sheetPart)!.async("string");
  const drawingIds = [...sheet.matchAll(/<drawing r:id="([^"]*)"\/>/g)].map((m) => m[1]!);
  expect(drawingIds.length).toBeLessThanOrEqual(1);
  if (drawingIds.length === 0) return { charts: [] };
  const rel = (await relationships(zip, sheetPart)).find((r) => r.id === drawingIds[0])!;
  expect(rel.type).toBe(DRAWING_RELATIONSHIP);
  const drawing = await zip.file(rel.target)!.async("string");
  const drawingRels = await relationships(zip, rel.target);
  const charts: ReadChart[] = [];
  for (const m of drawing.matchAll(/<xdr:twoCellAnchor>([\s\S]*?)<\/xdr:twoCellAnchor>/g)) {
    const anchor = m[1]!;
    const corner = (tag: string) => {
      const c = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col><xdr:colOff>\\d+</xdr:colOff><xdr:row>(\\d+)</xdr:row>`).exec(anchor)!;
      return { row: Number(c[2]), column: Number(c[1]) };
    };
    const chartRel = drawingRels.find((r) => r.id === /<c:chart [^>]*r:id="([^"]*)"/.exec(anchor)![1])!;
    expect(chartRel.type).toBe(CHART_RELATIONSHIP);
    const xml = await zip.file(chartRel.target)!.async("string");
    charts.push({ part: chartRel.target, xml, name: unescape(/<xdr:cNvPr [^>]*name="([^"]*)"/.exec(anchor)![1]!), from: corner("from"), to: corner("to"), series: readSeries(xml) });
  }
  return { drawing: rel.target, charts };
}

const cellCount = (range: PlanRange) => range.rowCount * range.columnCount;

/** One chart as written against its plan specification. */
function expectChartAsPlanned(read: ReadChart, spec: PlanChart): void {
  expect({ name: read.name, from: read.from, to: read.to }).toEqual({ name: spec.id, from: spec.anchor.from, to: spec.anchor.to });
  expect(tagProblems(read.xml)).toEqual([]);
  const [chartTitle] = /<c:chart><c:title>[\s\S]*?<\/c:title>/.exec(read.xml)!;
  expect(unescape(text(chartTitle))).toBe(spec.title);
  const plot = {
    columnClustered: '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>',
    columnStacked: '<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/>',
    barClustered: '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>',
    line: '<c:lineChart><c:grouping val="standard"/>',
  }[spec.type];
  expect(read.xml).toContain(plot);
  if (spec.type === "columnStacked") expect(read.xml).toContain('<c:overlap val="100"/>');
  const axisTitle = (axis: string) => unescape(text(/<c:title>[\s\S]*?<\/c:title>/.exec(new RegExp(`<c:${axis}>[\\s\\S]*?</c:${axis}>`).exec(read.xml)![0])?.[0] ?? ""));
  expect(axisTitle("valAx")).toBe(spec.valueAxisTitle ?? "");
  expect(axisTitle("catAx")).toBe(spec.categoryAxisTitle ?? "");
  expect(read.series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
  spec.series.forEach((s, i) => {
    const got = read.series[i]!;
    expect({ values: got.values.formula, kind: got.values.kind, count: got.values.count }).toEqual({ values: rangeRef(s.values.sheet, s.values.range), kind: "numRef", count: cellCount(s.values.range) });
    for (const v of got.values.points.values()) expect(Number.isFinite(Number(v))).toBe(true);
    if (s.categories) {
      expect({ categories: got.categories?.formula, count: got.categories?.count }).toEqual({ categories: rangeRef(s.categories.sheet, s.categories.range), count: cellCount(s.categories.range) });
      // Every category has a label in the cache, so a viewer that does not recalculate still names the bars.
      expect(got.categories!.points.size).toBe(got.categories!.count);
    } else expect(got.categories).toBeUndefined();
  });
}

/** Every sheet of the plan against the file: its charts as planned, no drawing where the plan has no chart. */
async function expectWorkbookCharts(zip: JSZip, plan: WorkbookPlan): Promise<Map<string, ReadChart>> {
  expect(await packageProblems(zip)).toEqual([]);
  const parts = await sheetParts(zip);
  const byId = new Map<string, ReadChart>();
  for (const sheet of plan.sheets) {
    const part = parts.get(sheet.name)!;
    const planned = sheet.charts ?? [];
    const { drawing, charts } = await chartsOf(zip, part);
    expect({ sheet: sheet.name, charts: charts.length }).toEqual({ sheet: sheet.name, charts: planned.length });
    if (planned.length === 0) continue;
    expect(await contentType(zip, drawing!)).toBe(DRAWING_TYPE);
    const order = topLevelElements(await zip.file(part)!.async("string")).map((name) => WORKSHEET_ORDER.indexOf(name));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b)); // <drawing> (and everything else) at its place in the sequence
    for (const [i, spec] of planned.entries()) {
      expect(await contentType(zip, charts[i]!.part)).toBe(CHART_TYPE);
      expectChartAsPlanned(charts[i]!, spec);
      byId.set(spec.id, charts[i]!);
    }
  }
  return byId;
}

function analysed(data: unknown): { analysis: Analysis; plan: WorkbookPlan } {
  const loaded = loadModel(data);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  const result = analyse(loaded.loaded.compiled);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return { analysis: result.analysis, plan: modelWorkbook(result.analysis, workbookOptions(loaded.loaded)).plan };
}

const numbers = (p: ReadPoints) => Array.from({ length: p.count }, (_, i) => Number(p.points.get(i)));

describe("mkba werkmap writes the plan's charts as Excel's own chart parts", () => {
  it.each(Object.keys(EXAMPLES))("%s: every chart of the plan, consistent parts, the engine's values in the caches", async (name) => {
    const file = path.join(work, `${name}.xlsx`);
    const r = await runCli(["werkmap", "--example", name, "-o", file]);
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const { analysis, plan } = analysed(EXAMPLES[name]);
    const charts = await expectWorkbookCharts(zip, plan);
    expect([...charts.keys()]).toEqual(["kosten-baten", "scenarios", "saldo-per-actor", "kasstromen"]);

    // Costs, benefits and saldo per scenario: the engine's outcomes, in the order of its scenarios.
    const scenarios = charts.get("scenarios")!.series;
    expect(scenarios[0]!.categories!.points.size).toBe(analysis.scenarios.length);
    expect([...scenarios[0]!.categories!.points.values()]).toEqual(analysis.scenarios.map((s) => s.scenario));
    expect(numbers(scenarios.find((s) => s.name === "Kosten")!.values)).toEqual(analysis.scenarios.map((s) => s.costs));
    expect(numbers(scenarios.find((s) => s.name === "Baten")!.values)).toEqual(analysis.scenarios.map((s) => s.benefits));
    expect(numbers(scenarios.find((s) => s.name === "Saldo")!.values)).toEqual(analysis.scenarios.map((s) => s.saldo));

    // Costs and benefits over the years: the years as numbers (a number axis, as Excel keeps them) and the cash flows.
    const flows = analysis.scenarios[0]!.cashFlows;
    const [kosten, baten] = charts.get("kasstromen")!.series;
    expect(kosten!.categories!.kind).toBe("numRef");
    expect(numbers(kosten!.categories!)).toEqual(flows.map((f) => f.year));
    expect(numbers(kosten!.values).map(Math.abs)).toEqual(flows.map((f) => f.costs));
    expect(numbers(baten!.values)).toEqual(flows.map((f) => f.benefits));
  });

  it("writes the Monte Carlo histogram and the tornado on their sheets (quoted sheet names, constants in the caches)", async () => {
    const loaded = loadModel(EXAMPLES.almere);
    if (!loaded.ok) throw new Error("almere");
    const mc = runMonteCarlo(loaded.loaded.compiled, { runs: 300, seed: 7 });
    if (!mc.ok) throw new Error("Monte Carlo");
    const t = tornado(loaded.loaded.compiled, { relative: 0.2 });
    for (const [plan, id, sheet] of [
      [monteCarloPlan(mc.result, "vandaag", PLAN_SCHEMA_VERSION), "montecarlo-histogram", MONTE_CARLO],
      [tornadoPlan(t, "Almere", "vandaag", 0.2, PLAN_SCHEMA_VERSION), "tornado", TORNADO],
    ] as const) {
      const zip = await JSZip.loadAsync(await planToXlsx(plan));
      const chart = (await expectWorkbookCharts(zip, plan)).get(id)!;
      const spec = plan.sheets[0]!.charts![0]!;
      if (sheet === MONTE_CARLO) expect(chart.series[0]!.values.formula).toMatch(/^'Monte Carlo'!\$D\$\d+:\$D\$\d+$/);
      // Each cached value is the plan's constant in that cell.
      const cells = new Map(plan.sheets[0]!.cells.map((c) => [`${c.row},${c.column}`, c.value]));
      spec.series.forEach((s, i) => {
        const planned = Array.from({ length: s.values.range.rowCount }, (_, k) => cells.get(`${s.values.range.row + k},${s.values.range.column}`));
        expect(numbers(chart.series[i]!.values)).toEqual(planned);
        const labels = Array.from({ length: s.categories!.range.rowCount }, (_, k) => cells.get(`${s.categories!.range.row + k},${s.categories!.range.column}`));
        expect([...chart.series[i]!.categories!.points.values()]).toEqual(labels);
      });
    }
    expect(t.rows.length).toBeGreaterThan(3);
  });

  it("writes no drawing or chart part where the plan has no chart", async () => {
    const plan: WorkbookPlan = { planVersion: PLAN_SCHEMA_VERSION, sheets: [{ name: "Blad", purpose: "", cells: [{ row: 0, column: 0, value: 1 }] }], names: [], settings: {} };
    const zip = await JSZip.loadAsync(await planToXlsx(plan));
    expect(await packageProblems(zip)).toEqual([]);
    expect(Object.keys(zip.files).filter((p) => /drawing|chart/.test(p))).toEqual([]);
  });
});

describe("<drawing r:id> in a worksheet, at its place in CT_Worksheet", () => {
  const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/>';
  it("goes after page setup and header/footer, before legacy drawings, table parts and extensions", () => {
    const sheet = `${head}<pageMargins left="0.7"/><pageSetup orientation="portrait"/><headerFooter><oddHeader>&amp;P</oddHeader></headerFooter><legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts><extLst><ext uri="x"><x14:conditionalFormatting xmlns:x14="y"/></ext></extLst></worksheet>`;
    expect(topLevelElements(withDrawingElement(sheet, "rId9"))).toEqual(["sheetData", "pageMargins", "pageSetup", "headerFooter", "drawing", "legacyDrawing", "tableParts", "extLst"]);
    expect(withDrawingElement(sheet, "rId9")).toContain('</headerFooter><drawing r:id="rId9"/><legacyDrawing');
  });
  it("goes at the end of a sheet that has only its data, and declares the relationships namespace where it is missing", () => {
    const bare = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
    const out = withDrawingElement(bare, "rId1");
    expect(out).toContain('</sheetData><drawing r:id="rId1"/></worksheet>');
    expect(out).toMatch(/^<worksheet xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships" /);
  });
  it("refuses a sheet that already has a drawing, instead of writing a second one", () => {
    expect(() => withDrawingElement(`${head}<drawing r:id="rId1"/></worksheet>`, "rId2")).toThrow(/al een tekening/);
  });
});
