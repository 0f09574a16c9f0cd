/**
 * The web extension part (webextensie-onderdeel) that ties a workbook written outside Excel to the add-in, as Excel
 * saves it for a workbook in which an add-in was used ([MS-OWEXML]; what was compared where: docs/xlsx-form.md):
 *
 * - `xl/webextensions/webextension1.xml`: the add-in's reference — its manifest `<Id>` and `<Version>`
 *   (addinManifest.ts) in the side-loaded store (`store="developer" storeType="Registry"`, the row Microsoft's
 *   "Automatically open a task pane with a document" gives for an add-in from the system registry, which is what
 *   `npm start` side-loading installs; Excel on Windows saves that pair for a side-loaded add-in with custom functions,
 *   OfficeDev/office-js#6682) — the add-in's document settings as properties (JSON-encoded, as Office stores
 *   `workbook.settings`: the model type and plan version the task pane reconnects with), and the custom-functions
 *   flag `containsCustomFunctions` in the extension list;
 * - `xl/webextensions/taskpanes.xml`: the task pane docked right, shown when the workbook opens
 *   (`Office.AutoShowTaskpaneWithDocument`), pointing at the web extension;
 * - their relationships (package → task panes → web extension) and content types.
 *
 * The add-in functions the workbook calls are named in the properties too (`mkba.functies`), for the task pane and
 * for a reader; [MS-OWEXML] 2.2.13 describes a `CT_CustomFunctionList` of ids, but no Excel-saved file we could find
 * shows the extension it is written in, so it is not guessed here (docs/xlsx-form.md).
 */
import { AddinIdentity } from "./addinManifest";
import { XlsxPackage, xmlEscape, xmlUnescape } from "./xlsxPackage";

const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";

export const WEB_EXTENSION_PART = "xl/webextensions/webextension1.xml";
export const TASKPANES_PART = "xl/webextensions/taskpanes.xml";
const WEB_EXTENSION_TYPE = "application/vnd.ms-office.webextension+xml";
const TASKPANES_TYPE = "application/vnd.ms-office.webextensiontaskpanes+xml";
const TASKPANES_RELATIONSHIP = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const WEB_EXTENSION_RELATIONSHIP = "http://schemas.microsoft.com/office/2011/relationships/webextension";
/** The extension URI Excel writes `containsCustomFunctions` under (docs/xlsx-form.md: where it was seen). */
const CUSTOM_FUNCTIONS_EXTENSION = "{D87F86FE-615C-45B5-9D79-34F1136793EB}";
/** The add-in instance in this workbook (any GUID; a fixed one, so that the same plan gives the same bytes). */
const INSTANCE_ID = "{6D4B0C1E-2F3A-4B5C-8D7E-9F0A1B2C3D4E}";
/** The setting that names the add-in functions the workbook calls. */
export const FUNCTIONS_SETTING = "mkba.functies";
/** The task pane's width in points, as the pane is laid out for (320 px and up). */
const TASKPANE_WIDTH = 350;

export interface WebExtensionOptions {
  readonly addin: AddinIdentity;
  /** The add-in's document settings (values as Office.js `workbook.settings` would hold them). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The add-in function ids the workbook calls ("SCENARIO", …). */
  readonly functionIds: readonly string[];
}

/** webextension1.xml for the add-in, its settings and the functions used. */
export function webExtensionXml(options: WebExtensionOptions): string {
  const settings: Record<string, unknown> = { ...options.settings, [FUNCTIONS_SETTING]: options.functionIds, "Office.AutoShowTaskpaneWithDocument": true };
  const properties = Object.entries(settings)
    .map(([name, value]) => `<we:property name="${xmlEscape(name)}" value="${xmlEscape(JSON.stringify(value))}"/>`)
    .join("");
  const { id, version } = options.addin;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<we:webextension xmlns:we="${WE_NS}" id="${INSTANCE_ID}">` +
    `<we:reference id="${xmlEscape(id)}" version="${xmlEscape(version)}" store="developer" storeType="Registry"/>` +
    "<we:alternateReferences/>" +
    `<we:properties>${properties}</we:properties>` +
    "<we:bindings/>" +
    `<we:snapshot xmlns:r="${R_NS}"/>` +
    (options.functionIds.length > 0 ? `<we:extLst><a:ext xmlns:a="${A_NS}" uri="${CUSTOM_FUNCTIONS_EXTENSION}"><we:containsCustomFunctions/></a:ext></we:extLst>` : "") +
    "</we:webextension>"
  );
}

function taskpanesXml(relationshipId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<wetp:taskpanes xmlns:wetp="${WETP_NS}">` +
    `<wetp:taskpane dockstate="right" visibility="1" width="${TASKPANE_WIDTH}" row="0">` +
    `<wetp:webextensionref xmlns:r="${R_NS}" r:id="${relationshipId}"/>` +
    "</wetp:taskpane></wetp:taskpanes>"
  );
}

/** Adds the web extension and task pane parts, their relationships and content types to the package. */
export async function addWebExtension(pkg: XlsxPackage, options: WebExtensionOptions): Promise<void> {
  pkg.put(WEB_EXTENSION_PART, webExtensionXml(options));
  await pkg.declare(WEB_EXTENSION_PART, WEB_EXTENSION_TYPE);
  // The task pane part first, so that its relationship to the web extension part exists before it is named in it.
  pkg.put(TASKPANES_PART, taskpanesXml("rId0"));
  const relationshipId = await pkg.relate(TASKPANES_PART, WEB_EXTENSION_RELATIONSHIP, WEB_EXTENSION_PART);
  pkg.put(TASKPANES_PART, taskpanesXml(relationshipId));
  await pkg.declare(TASKPANES_PART, TASKPANES_TYPE);
  await pkg.relate("", TASKPANES_RELATIONSHIP, TASKPANES_PART);
}

/** The settings in a web extension part, decoded (for a reader of such a file: the host double, tests). */
export function webExtensionSettings(xml: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const m of xml.matchAll(/<we:property\s+name="([^"]*)"\s+value="([^"]*)"\s*\/>/g)) {
    const name = xmlUnescape(m[1]!);
    const value = xmlUnescape(m[2]!);
    try {
      out.set(name, JSON.parse(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}
