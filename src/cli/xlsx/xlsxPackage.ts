/**
 * An .xlsx file as an Open Packaging Conventions package (OPC-pakket): its parts, their content types and
 * relationships. ExcelJS writes the sheets, cells, styles, names and validation; the parts Excel writes and ExcelJS
 * cannot — dynamic-array metadata, the web extension part that ties the workbook to the add-in, charts — are added to
 * its output here, by the small modules beside this one (excelForm.ts, webExtension.ts, chartParts.ts).
 *
 * Part names are package paths without the leading "/" ("xl/worksheets/sheet1.xml"); relationship parts follow OPC
 * ("xl/worksheets/_rels/sheet1.xml.rels").
 */
import JSZip from "jszip";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** XML text with &, <, > and " escaped, for attribute values and text nodes. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function xmlUnescape(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target relative to its source part, as OPC writes it ("../charts/chart1.xml"). */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array.from({ length: from.length - common }, () => ".."), ...to.slice(common)].join("/");
}

export class XlsxPackage {
  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  async text(part: string): Promise<string> {
    const file = this.zip.file(part);
    if (!file) throw new Error(`het onderdeel ${part} ontbreekt in de werkmap`);
    return file.async("string");
  }

  put(part: string, xml: string): void {
    this.zip.file(part, xml);
  }

  parts(): string[] {
    return Object.keys(this.zip.files).filter((name) => !this.zip.files[name]!.dir);
  }

  /** Declares a part's content type ([Content_Types].xml Override), replacing an earlier declaration. */
  async declare(part: string, contentType: string): Promise<void> {
    const types = await this.text("[Content_Types].xml");
    const partName = `/${part}`;
    const without = types.replace(new RegExp(`<Override PartName="${partName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
    this.put("[Content_Types].xml", without.replace("</Types>", `<Override PartName="${xmlEscape(partName)}" ContentType="${xmlEscape(contentType)}"/></Types>`));
  }

  /** Adds a relationship from `source` ("" for the package) to `target` (a part path); returns its id. */
  async relate(source: string, type: string, target: string): Promise<string> {
    const relsPart = source === "" ? "_rels/.rels" : relationshipsPart(source);
    const existing = this.has(relsPart) ? await this.text(relsPart) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}"></Relationships>`;
    const ids = [...existing.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    const relative = source === "" ? target : relativeTarget(source, target);
    const entry = `<Relationship Id="${id}" Type="${xmlEscape(type)}" Target="${xmlEscape(relative)}"/>`;
    this.put(relsPart, existing.includes("</Relationships>") ? existing.replace("</Relationships>", `${entry}</Relationships>`) : existing.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${entry}</Relationships>`));
    return id;
  }

  /** The part of each sheet by name, in the workbook's order (from xl/workbook.xml and its relationships). */
  async sheetParts(): Promise<Map<string, string>> {
    const workbook = await this.text("xl/workbook.xml");
    const rels = await this.text("xl/_rels/workbook.xml.rels");
    const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1]!, /Target="([^"]+)"/.exec(m[0])![1]!]));
    const out = new Map<string, string>();
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = xmlUnescape(/name="([^"]*)"/.exec(m[0])![1]!);
      const rid = /r:id="([^"]+)"/.exec(m[0])![1]!;
      const target = targets.get(rid)!;
      out.set(name, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
    return out;
  }

  async bytes(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}
