/**
 * Grafieken in een werkmap buiten Excel: the plan's chart specifications (PlanChart, src/engine/workbook/plan.ts) as the
 * DrawingML parts Excel itself writes for a chart on a worksheet — the same charts the task pane makes through Office.js
 * (src/office/excelGateway.ts), now also in the file `mkba werkmap` writes. ExcelJS cannot write charts, so they are
 * added to its output here:
 *
 * - `xl/charts/chartN.xml`: c:chartSpace with one c:barChart (barDir col|bar, grouping clustered|stacked) or
 *   c:lineChart, a c:ser per series (name, c:cat and c:val as c:strRef/c:numRef with the range formula and a cache of
 *   the values, so a viewer shows the chart without recalculating), a category and a value axis with their titles;
 * - `xl/drawings/drawingN.xml`: xdr:wsDr with an xdr:twoCellAnchor per chart on the sheet, a graphic frame named
 *   after the chart's plan id (as the pane names it) pointing at the chart part;
 * - the relationships sheet → drawing → chart, the content types, and `<drawing r:id>` in the worksheet at its place
 *   in the CT_Worksheet sequence (ECMA-376 Part 1, §18.3.1.99).
 *
 * What Excel-saved files showed and what is left out (Excel's optional chart style parts, colours): docs/xlsx-form.md.
 */
import { PlanCell, PlanChart, PlanRange, PlanValue, WorkbookPlan, rangeRef, spillFormat } from "../../engine/workbook/plan";
import { XlsxPackage, xmlEscape } from "./xlsxPackage";

/** A formula cell's cached result (what the engine computed), as the ExcelJS writer stores it in the cell. */
export type CachedValue = (sheet: string, row: number, column: number) => PlanValue | undefined;

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The children of CT_Worksheet that come before `drawing` (ECMA-376 Part 1, §18.3.1.99), in their order. */
const BEFORE_DRAWING = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags",
] as const;

/** One cell as a chart reads it: the constant or cached result, and the number format it is shown in. */
interface SourceCell {
  readonly value: PlanValue | undefined;
  readonly format: string | undefined;
}

/** The cells of every sheet as the charts read them: constants, formula results, and each cell of a spilled area. */
function sourceCells(plan: WorkbookPlan, cached: CachedValue | undefined): (sheet: string, row: number, column: number) => SourceCell {
  // Per sheet, "row,column" → the plan cell that fills it (itself, or the formula whose result spills into it).
  const index = new Map<string, Map<string, PlanCell>>();
  for (const sheet of plan.sheets) {
    const cells = new Map<string, PlanCell>();
    for (const cell of sheet.cells) {
      for (let r = 0; r < (cell.spill?.rows ?? 1); r++) for (let k = 0; k < (cell.spill?.columns ?? 1); k++) cells.set(`${cell.row + r},${cell.column + k}`, cell);
    }
    index.set(sheet.name, cells);
  }
  return (sheet, row, column) => {
    const cell = index.get(sheet)?.get(`${row},${column}`);
    if (!cell) return { value: undefined, format: undefined };
    return { value: cell.formula === undefined ? cell.value : cached?.(sheet, row, column), format: spillFormat(cell, column - cell.column) };
  };
}

/** The cells of a range, row by row (a chart range is one row or one column). */
function rangeCells(range: PlanRange): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let r = 0; r < range.rowCount; r++) for (let k = 0; k < range.columnCount; k++) out.push({ row: range.row + r, column: range.column + k });
  return out;
}

const isNumber = (v: PlanValue | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** c:numRef: the range formula and the cached numbers (a cell without a number has no point, as Excel leaves it). */
function numRef(formula: string, cells: readonly SourceCell[]): string {
  const formatCode = cells.find((c) => c.format)?.format ?? "General";
  const points = cells.map((c, i) => (isNumber(c.value) ? `<c:pt idx="${i}"><c:v>${c.value}</c:v></c:pt>` : "")).join("");
  return `<c:numRef><c:f>${xmlEscape(formula)}</c:f><c:numCache><c:formatCode>${xmlEscape(formatCode)}</c:formatCode><c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef>`;
}

/** c:strRef: the range formula and the cached texts. */
function strRef(formula: string, cells: readonly SourceCell[]): string {
  const points = cells
    .map((c, i) => (c.value === undefined || c.value === null || c.value === "" ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(String(c.value))}</c:v></c:pt>`))
    .join("");
  return `<c:strRef><c:f>${xmlEscape(formula)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${points}</c:strCache></c:strRef>`;
}

/** Rich text as a chart or axis title; `vertical` turns it a quarter to the left, as Excel shows a title beside a vertical axis. */
function title(text: string, vertical = false): string {
  const body = vertical ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  return `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="nl-NL"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

const CATEGORY_AXIS_ID = 50010;
const VALUE_AXIS_ID = 50020;

/** xl/charts/chartN.xml for one chart. */
export function chartXml(chart: PlanChart, source: (sheet: string, row: number, column: number) => SourceCell): string {
  const cellsOf = (where: { sheet: string; range: PlanRange }) => rangeCells(where.range).map((p) => source(where.sheet, p.row, p.column));
  const series = chart.series
    .map((s, i) => {
      let categories = "";
      if (s.categories) {
        const cells = cellsOf(s.categories);
        const formula = rangeRef(s.categories.sheet, s.categories.range);
        // Numbers (years) as Excel keeps them: a number reference; anything else as text.
        categories = `<c:cat>${cells.every((c) => isNumber(c.value)) ? numRef(formula, cells) : strRef(formula, cells)}</c:cat>`;
      }
      const values = `<c:val>${numRef(rangeRef(s.values.sheet, s.values.range), cellsOf(s.values))}</c:val>`;
      const name = `<c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>`;
      const head = `<c:idx val="${i}"/><c:order val="${i}"/>${name}`;
      return chart.type === "line"
        ? `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${categories}${values}<c:smooth val="0"/></c:ser>`
        : `<c:ser>${head}<c:invertIfNegative val="0"/>${categories}${values}</c:ser>`;
    })
    .join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  const horizontal = chart.type === "barClustered";
  const plot =
    chart.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds}</c:lineChart>`
      : `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${chart.type === "columnStacked" ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${chart.type === "columnStacked" ? '<c:overlap val="100"/>' : ""}${axisIds}</c:barChart>`;
  // A horizontal bar chart has its categories on the left and its values along the bottom.
  const categoryAxis =
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    (chart.categoryAxisTitle ? title(chart.categoryAxisTitle, horizontal) : "") +
    // Labels at the low end, not at zero: with negative values (costs, a tornado) they would sit on the bars.
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valueAxis =
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
    (chart.valueAxisTitle ? title(chart.valueAxisTitle, !horizontal) : "") +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "";
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:date1904 val="0"/><c:lang val="nl-NL"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${categoryAxis}${valueAxis}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** One xdr:twoCellAnchor: the chart's frame from its top-left to its bottom-right cell, pointing at the chart part. */
function anchorXml(chart: PlanChart, shapeId: number, relationshipId: string): string {
  const corner = (tag: "from" | "to", p: { row: number; column: number }) => `<xdr:${tag}><xdr:col>${p.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${corner("from", chart.anchor.from)}${corner("to", chart.anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${xmlEscape(chart.id)}" descr="${xmlEscape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relationshipId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The worksheet XML with `<drawing r:id>` after the last element that precedes it in CT_Worksheet. */
export function withDrawingElement(worksheet: string, relationshipId: string): string {
  if (/<drawing[\s/>]/.test(worksheet)) throw new Error("het werkblad heeft al een tekening (drawing); de grafieken kunnen er niet bij");
  let at = -1;
  for (const name of BEFORE_DRAWING) {
    const close = worksheet.lastIndexOf(`</${name}>`);
    if (close >= 0) at = Math.max(at, close + name.length + 3);
    for (const m of worksheet.matchAll(new RegExp(`<${name}(\\s[^>]*)?/>`, "g"))) at = Math.max(at, m.index! + m[0].length);
  }
  if (at < 0) throw new Error("het werkblad heeft geen sheetData");
  const withNamespace = /<worksheet\b[^>]*\bxmlns:r=/.test(worksheet) ? worksheet : worksheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  const shift = withNamespace.length - worksheet.length;
  return `${withNamespace.slice(0, at + shift)}<drawing r:id="${relationshipId}"/>${withNamespace.slice(at + shift)}`;
}

/** The first free number n of parts named `${prefix}n.xml`. */
function nextNumber(pkg: XlsxPackage, prefix: string): number {
  const used = pkg.parts().map((p) => (p.startsWith(prefix) ? Number(p.slice(prefix.length).replace(/\.xml$/, "")) : 0)).filter((n) => Number.isInteger(n));
  return Math.max(0, ...used) + 1;
}

/**
 * Adds every chart of the plan to the package written from it: a drawing per sheet with charts, a chart part per
 * chart, their relationships and content types. `cached` gives the result of a formula cell, as stored in the cell.
 */
export async function addCharts(pkg: XlsxPackage, plan: WorkbookPlan, cached?: CachedValue): Promise<void> {
  const sheets = plan.sheets.filter((s) => (s.charts ?? []).some((c) => c.series.length > 0));
  if (sheets.length === 0) return;
  const parts = await pkg.sheetParts();
  const source = sourceCells(plan, cached);
  for (const sheet of sheets) {
    const sheetPart = parts.get(sheet.name);
    if (!sheetPart) throw new Error(`het blad "${sheet.name}" ontbreekt in de werkmap`);
    const drawingPart = `xl/drawings/drawing${nextNumber(pkg, "xl/drawings/drawing")}.xml`;
    pkg.put(drawingPart, "");
    const anchors: string[] = [];
    for (const chart of (sheet.charts ?? []).filter((c) => c.series.length > 0)) {
      const chartPart = `xl/charts/chart${nextNumber(pkg, "xl/charts/chart")}.xml`;
      pkg.put(chartPart, chartXml(chart, source));
      await pkg.declare(chartPart, CHART_CONTENT_TYPE);
      anchors.push(anchorXml(chart, anchors.length + 2, await pkg.relate(drawingPart, REL.chart, chartPart)));
    }
    pkg.put(drawingPart, `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`);
    await pkg.declare(drawingPart, DRAWING_CONTENT_TYPE);
    pkg.put(sheetPart, withDrawingElement(await pkg.text(sheetPart), await pkg.relate(sheetPart, REL.drawing, drawingPart)));
  }
}
