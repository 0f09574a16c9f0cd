/**
 * The workbook `mkba werkmap` writes, in Excel's own file form (issue 20, items 1 and 2; docs/xlsx-form.md): for every
 * example the file is unzipped and read as Excel reads it —
 *
 * - every add-in call stored as `_xldudf_MKBA_<ID>(`, never as plain `MKBA.<ID>(` (which Excel shows as #NAME?), and
 *   only ids of the function catalogue;
 * - the web extension part with the add-in's id and version from manifest.xml (read here with xml2js, not with the
 *   writer's reader), the custom-functions flag, the ids used, the document settings the pane reconnects with, and the
 *   task pane part; their relationships and content types;
 * - every formula whose result spills as a dynamic array: `t="array"` with its spill range, `cm="1"` on the cell,
 *   xl/metadata.xml with XLDAPR, related from the workbook; the cached values of every spilled cell the engine's;
 * - the LPBL workbook within the budget of issue 20 item 3: at most 12 add-in calls.
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { readManifest } from "../../src/cli/xlsx/addinManifest";
import { fromStoredForm, storedName, toStoredForm } from "../../src/cli/xlsx/excelForm";
import { FUNCTIONS_SETTING, WEB_EXTENSION_PART, webExtensionSettings } from "../../src/cli/xlsx/webExtension";
import { xmlUnescape } from "../../src/cli/xlsx/xlsxPackage";
import { planToXlsx } from "../../src/cli/xlsxWriter";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { expectedValue, modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { a1 } from "../../src/engine/workbook/plan";
import { FUNCTIONS } from "../../src/functions/catalog";
import { contentType, packageProblems, relationships } from "../support/xlsxPackageCheck";

// xml2js (a dependency of office-addin-manifest) as an XML parser independent of the writer; it ships no typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string) => Promise<unknown> };
const MANIFEST = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");

/** A formula's text with its string literals emptied (so that "MKBA." inside a label does not count). */
const withoutStrings = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');

interface Written {
  readonly name: string;
  readonly zip: JSZip;
  readonly workbook: ReturnType<typeof modelWorkbook>;
  /** sheet name → its part */
  readonly sheets: Map<string, string>;
}

async function written(name: string): Promise<Written> {
  const loaded = loadModel(EXAMPLES[name]);
  if (!loaded.ok) throw new Error(`example ${name} does not load`);
  const result = analyse(loaded.loaded.compiled);
  if (!result.ok) throw new Error(`example ${name} does not run`);
  const workbook = modelWorkbook(result.analysis, workbookOptions(loaded.loaded));
  const bytes = await planToXlsx(workbook.plan, { cachedResults: (sheet, row, column) => expectedValue(workbook, sheet, row, column) });
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await relationships(zip, "xl/workbook.xml");
  const sheets = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    sheets.set(xmlUnescape(m[1]!), rels.find((r) => r.id === m[2])!.target);
  }
  return { name, zip, workbook, sheets };
}

interface FormulaCell {
  readonly sheet: string;
  readonly ref: string;
  readonly cellAttributes: string;
  readonly formulaAttributes: string;
  readonly formula: string;
}

async function formulaCells(w: Written): Promise<FormulaCell[]> {
  const out: FormulaCell[] = [];
  for (const [sheet, part] of w.sheets) {
    const xml = await w.zip.file(part)!.async("string");
    for (const m of xml.matchAll(/<c\b([^>]*)>\s*<f\b([^>]*)>([^<]*)<\/f>/g)) {
      out.push({ sheet, ref: /\br="([A-Z]+\d+)"/.exec(m[1]!)![1]!, cellAttributes: m[1]!, formulaAttributes: m[2]!, formula: xmlUnescape(m[3]!) });
    }
  }
  return out;
}

const examples = Object.keys(EXAMPLES);
const files = new Map<string, Promise<Written>>();
const example = (name: string) => {
  if (!files.has(name)) files.set(name, written(name));
  return files.get(name)!;
};

describe.each(examples)("werkmap %s in Excel's own form", (name) => {
  it("stores every add-in call as _xldudf_MKBA_<ID>( and none as plain MKBA.<ID>(", async () => {
    const cells = await formulaCells(await example(name));
    const calls = cells.filter((c) => c.formula.includes("_xldudf_"));
    expect(calls.length).toBeGreaterThan(0);
    for (const c of cells) expect({ at: `${c.sheet}!${c.ref}`, plain: /\bMKBA\./i.test(withoutStrings(c.formula)) }).toEqual({ at: `${c.sheet}!${c.ref}`, plain: false });
    const ids = new Set(FUNCTIONS.map((f) => f.id));
    for (const c of calls) for (const m of c.formula.matchAll(/_xldudf_([A-Za-z]+)_([A-Za-z0-9_]+)\(/g)) expect([m[1], ids.has(m[2]!)]).toEqual(["MKBA", true]);
    // Every call the plan holds is in the file, at its cell, in the stored form.
    const w = await example(name);
    const planned = w.workbook.plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula && /\bMKBA\./i.test(withoutStrings(c.formula))).map((c) => `${s.name}!${a1(c.row, c.column)}`));
    expect(calls.map((c) => `${c.sheet}!${c.ref}`).sort()).toEqual(planned.sort());
  });

  it("ties the workbook to the add-in: a web extension part with the manifest's id and version, the functions used, the settings, and a task pane", async () => {
    const w = await example(name);
    const manifest = (await parseStringPromise(MANIFEST)) as { OfficeApp: { Id: string[]; Version: string[] } };
    const part = await w.zip.file(WEB_EXTENSION_PART)!.async("string");
    const parsed = (await parseStringPromise(part)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const we = parsed["we:webextension"];
    expect(we["we:reference"][0].$).toEqual({ id: manifest.OfficeApp.Id[0], version: manifest.OfficeApp.Version[0], store: "developer", storeType: "Registry" });
    expect(we["we:extLst"][0]["a:ext"][0].$.uri).toBe("{D87F86FE-615C-45B5-9D79-34F1136793EB}");
    expect(Object.keys(we["we:extLst"][0]["a:ext"][0])).toContain("we:containsCustomFunctions");
    const settings = webExtensionSettings(part);
    const used = new Set<string>();
    for (const c of await formulaCells(w)) for (const m of c.formula.matchAll(/_xldudf_MKBA_([A-Z0-9_]+)\(/g)) used.add(m[1]!);
    expect(settings.get(FUNCTIONS_SETTING)).toEqual([...used].sort());
    for (const [key, value] of Object.entries(w.workbook.plan.settings)) expect(settings.get(key)).toEqual(value);
    expect(settings.get("Office.AutoShowTaskpaneWithDocument")).toBe(true);

    // Relationships: package → task panes → web extension; content types of both parts.
    const rootRels = await relationships(w.zip, "");
    const panes = rootRels.find((r) => r.type === "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes");
    expect(panes?.target).toBe("xl/webextensions/taskpanes.xml");
    const paneRels = await relationships(w.zip, panes!.target);
    expect(paneRels.map((r) => [r.type, r.target])).toEqual([["http://schemas.microsoft.com/office/2011/relationships/webextension", WEB_EXTENSION_PART]]);
    const panesXml = await w.zip.file(panes!.target)!.async("string");
    expect(panesXml).toContain(`r:id="${paneRels[0]!.id}"`);
    expect(await contentType(w.zip, WEB_EXTENSION_PART)).toBe("application/vnd.ms-office.webextension+xml");
    expect(await contentType(w.zip, panes!.target)).toBe("application/vnd.ms-office.webextensiontaskpanes+xml");
    expect(await packageProblems(w.zip)).toEqual([]);
  });

  it("writes every spilling formula as a dynamic array (t=array over its spill range, cm=1, XLDAPR metadata) with the engine's values cached in every spilled cell", async () => {
    const w = await example(name);
    const cells = await formulaCells(w);
    const spills = w.workbook.plan.sheets.flatMap((s) => s.cells.filter((c) => c.spill).map((c) => ({ sheet: s.name, c })));
    expect(spills.length).toBeGreaterThan(0);
    for (const { sheet, c } of spills) {
      const ref = `${a1(c.row, c.column)}:${a1(c.row + c.spill!.rows - 1, c.column + c.spill!.columns - 1)}`;
      const cell = cells.find((f) => f.sheet === sheet && f.ref === a1(c.row, c.column));
      expect({ at: `${sheet}!${ref}`, f: cell?.formulaAttributes.trim(), cm: /\bcm="1"/.test(cell?.cellAttributes ?? "") }).toEqual({ at: `${sheet}!${ref}`, f: `t="array" ref="${ref}"`, cm: true });
    }
    // No cell outside them carries cell metadata.
    expect(cells.filter((f) => /\bcm=/.test(f.cellAttributes)).length).toBe(spills.length);
    const metadata = await w.zip.file("xl/metadata.xml")!.async("string");
    expect(metadata).toMatch(/<metadataType name="XLDAPR"[^>]*cellMeta="1"/);
    expect(metadata).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(metadata).toContain('<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>');
    expect((await relationships(w.zip, "xl/workbook.xml")).some((r) => r.type.endsWith("/sheetMetadata") && r.target === "xl/metadata.xml")).toBe(true);
    expect(await contentType(w.zip, "xl/metadata.xml")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml");

    // Cached values: every spilled cell of the model evaluation (Rekenkern) holds the engine's value.
    const { sheet, c } = spills.find((s) => s.sheet === "Rekenkern")!;
    const xml = await w.zip.file(w.sheets.get(sheet)!)!.async("string");
    const strings = [...(await w.zip.file("xl/sharedStrings.xml")!.async("string")).matchAll(/<si>(?:<t[^>]*>([^<]*)<\/t>|[\s\S]*?)<\/si>/g)].map((m) => xmlUnescape(m[1] ?? ""));
    const cellValue = (ref: string): string | number | undefined => {
      const m = new RegExp(`<c r="${ref}"([^>]*)>(?:<f[^>]*>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml);
      if (!m) return undefined;
      if (/t="s"/.test(m[1]!)) return strings[Number(m[2])];
      if (/t="(str|e)"/.test(m[1]!)) return xmlUnescape(m[2]!);
      return Number(m[2]);
    };
    let checked = 0;
    for (let r = 1; r < c.spill!.rows; r++) {
      for (let k = 0; k < c.spill!.columns; k++) {
        const expected = expectedValue(w.workbook, sheet, c.row + r, c.column + k);
        expect({ at: a1(c.row + r, c.column + k), v: cellValue(a1(c.row + r, c.column + k)) }).toEqual({ at: a1(c.row + r, c.column + k), v: expected });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

it("the LPBL workbook evaluates its model with at most 12 add-in calls (issue 20, item 3)", async () => {
  const calls = (await formulaCells(await example("lpbl"))).filter((c) => c.formula.includes("_xldudf_"));
  expect(calls.length).toBeLessThanOrEqual(12);
});

describe("the stored form of a formula", () => {
  it("renames calls of catalogue functions, in any case, and leaves string literals, other functions and lookalikes alone", () => {
    expect(toStoredForm('MKBA.SCENARIO(Invoer,,"alles")')).toEqual({ formula: '_xldudf_MKBA_SCENARIO(Invoer,,"alles")', ids: ["SCENARIO"] });
    expect(toStoredForm("mkba.ncw(A1:A3,0.04)+SUM(MKBA.RATIO(B1:B3,C1:C3))").formula).toBe("_xldudf_MKBA_NCW(A1:A3,0.04)+SUM(_xldudf_MKBA_RATIO(B1:B3,C1:C3))");
    expect(toStoredForm('"MKBA.NCW(" & A1').formula).toBe('"MKBA.NCW(" & A1');
    expect(toStoredForm('"say ""MKBA.NCW(""" & MKBA.NCW(A1:A2,0)').formula).toBe('"say ""MKBA.NCW(""" & _xldudf_MKBA_NCW(A1:A2,0)');
    expect(toStoredForm("XMKBA.NCW(A1)+MKBA.ONBEKEND(A1)+_MKBA.NCW(A1)").formula).toBe("XMKBA.NCW(A1)+MKBA.ONBEKEND(A1)+_MKBA.NCW(A1)");
    expect(toStoredForm("Blad1!MKBA.NCW(A1)").formula).toBe("Blad1!_xldudf_MKBA_NCW(A1)");
  });

  it("reads back to the form a user types", () => {
    for (const f of ['MKBA.SCENARIO(Invoer,,"alles")', "MKBA.NCW(A1:A3,0.04)+MKBA.RATIO(B1,C1)", '"MKBA.NCW(" & A1']) expect(fromStoredForm(toStoredForm(f).formula)).toBe(f);
    expect(storedName("NCW")).toBe("_xldudf_MKBA_NCW");
  });
});

describe("the add-in's identity, from manifest.xml", () => {
  it("is the manifest's id, version and function namespace", () => {
    expect(readManifest(MANIFEST)).toEqual({ id: "cbe1e73d-0d2d-475d-9d84-0137c50b1898", version: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/), namespace: "MKBA" });
  });

  it("refuses a manifest without a valid id, version or namespace, naming the element in Dutch", () => {
    expect(() => readManifest(MANIFEST.replace(/<Id>[^<]*<\/Id>/, "<Id>geen-guid</Id>"))).toThrow("manifest.xml: <Id> ontbreekt of is ongeldig");
    expect(() => readManifest(MANIFEST.replace(/<Version>[^<]*<\/Version>/, ""))).toThrow("manifest.xml: <Version> ontbreekt of is ongeldig");
    expect(() => readManifest(MANIFEST.replace(/id="Functions\.Namespace" DefaultValue="MKBA"/, 'id="Functions.Namespace" DefaultValue="MK BA"'))).toThrow(/naamruimte/);
  });
});
