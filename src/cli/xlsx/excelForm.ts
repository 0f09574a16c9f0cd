/**
 * Formulas in Excel's own storage form (opslagvorm), in a workbook written outside Excel:
 *
 * - **add-in calls**: Excel stores a call to a JavaScript custom function as `_xldudf_<NAMESPACE>_<ID>(…)` —
 *   `MKBA.SCENARIO(…)` as `_xldudf_MKBA_SCENARIO(…)` — and binds it to the add-in named in the web extension part
 *   (webExtension.ts). A call stored as plain `MKBA.SCENARIO(` is not tied to the add-in and shows #NAME? (a Microsoft
 *   engineer in OfficeDev/Excel-Custom-Functions#108; OfficeDev/office-js#3558, #6611, #6395). Text inside a formula's
 *   string literals is left as it is;
 * - **dynamic arrays**: a formula whose result spills is stored with `t="array"` and its spill range, and the cell
 *   carries `cm="1"`, pointing at the dynamic-array cell metadata (XLDAPR) in `xl/metadata.xml` — without it Excel 365
 *   opens the formula as a legacy array formula (or with an implicit-intersection @). The spilled cells keep their
 *   cached values (written by the ExcelJS writer), so a viewer that does not recalculate shows the table.
 *
 * What was compared with Excel-saved files, and what only Excel can confirm: docs/xlsx-form.md.
 */
import { replaceAddinCalls } from "../../functions/addinCalls";
import { FUNCTIONS } from "../../functions/catalog";
import { ADDIN } from "./addinManifest";
import { XlsxPackage, xmlEscape, xmlUnescape } from "./xlsxPackage";

/** The add-in's namespace in Excel (manifest.xml: `<bt:String id="Functions.Namespace" DefaultValue="MKBA"/>`). */
export const NAMESPACE = ADDIN.namespace;

const METADATA_PART = "xl/metadata.xml";
const METADATA_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const METADATA_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

/** xl/metadata.xml as Excel writes it for dynamic arrays: one XLDAPR metadata type, one cell-metadata block (cm="1"). */
const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

const FUNCTION_IDS = new Set(FUNCTIONS.map((f) => f.id));
const STORED_CALL = new RegExp(`_xldudf_${NAMESPACE}_([A-Z][A-Z0-9_]*)\\(`, "gi");

/** `_xldudf_MKBA_SCENARIO`: the stored name of a catalogue function. */
export const storedName = (id: string) => `_xldudf_${NAMESPACE}_${id}`;

/**
 * A formula (as Excel's English form, without "=") with every call to an add-in function in its stored form, outside
 * string literals; the ids it calls. An unknown `MKBA.X(` is left as it is (it is no add-in call).
 */
export function toStoredForm(formula: string): { formula: string; ids: string[] } {
  const ids: string[] = [];
  const stored = replaceAddinCalls(
    formula,
    (id, written) => {
      if (!FUNCTION_IDS.has(id)) return written;
      ids.push(id);
      return `${storedName(id)}(`;
    },
    NAMESPACE,
  );
  return { formula: stored, ids };
}

/** The reverse, for a reader of such a file: `_xldudf_MKBA_SCENARIO(` back to `MKBA.SCENARIO(`. */
export const fromStoredForm = (formula: string) => formula.replace(STORED_CALL, (_, id: string) => `${NAMESPACE}.${id.toUpperCase()}(`);

/**
 * Puts every worksheet of the package in Excel's storage form: add-in calls as `_xldudf_`, spilling formulas as dynamic
 * arrays (`cm="1"` and xl/metadata.xml). Returns the add-in function ids the workbook calls.
 */
export async function toExcelForm(pkg: XlsxPackage): Promise<string[]> {
  const used = new Set<string>();
  let dynamicArrays = 0;
  for (const part of (await pkg.sheetParts()).values()) {
    const xml = await pkg.text(part);
    const stored = xml.replace(/<f\b([^>]*)>([^<]*)<\/f>/g, (_all, attributes: string, text: string) => {
      const { formula, ids } = toStoredForm(xmlUnescape(text));
      ids.forEach((id) => used.add(id));
      return `<f${attributes}>${xmlEscape(formula)}</f>`;
    });
    // A cell whose formula spills (t="array" with a range, as the ExcelJS writer writes a plan cell with `spill`).
    const marked = stored.replace(/<c\b([^>]*)>(<f\b[^>]*\bt="array"[^>]*\bref="[^"]+"[^>]*>)/g, (_all, attributes: string, f: string) => {
      dynamicArrays++;
      return `<c${attributes.replace(/\scm="\d+"/, "")} cm="1">${f}`;
    });
    pkg.put(part, marked);
  }
  if (dynamicArrays > 0 && !pkg.has(METADATA_PART)) {
    pkg.put(METADATA_PART, DYNAMIC_ARRAY_METADATA);
    await pkg.declare(METADATA_PART, METADATA_CONTENT_TYPE);
    await pkg.relate("xl/workbook.xml", METADATA_RELATIONSHIP, METADATA_PART);
  }
  return [...used].sort();
}
