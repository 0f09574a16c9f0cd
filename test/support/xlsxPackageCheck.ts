/**
 * An .xlsx as an Open Packaging Conventions package, checked the way Excel reads one: every part has a content type,
 * every relationship resolves to a part that exists, every r:id a part uses is one of its relationships, every XML
 * part is well formed. Independent of the writer (src/cli/xlsx/): it reads the zip with JSZip and nothing else.
 */
import JSZip from "jszip";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as a package path ("xl/charts/chart1.xml"), or the external address. */
  readonly target: string;
  readonly external: boolean;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** "xl/worksheets/sheet1.xml" + "../drawings/drawing1.xml" → "xl/drawings/drawing1.xml". */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The relationships of `part` (empty when it has none). */
export async function relationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const file = zip.file(relationshipsPartOf(part));
  if (!file) return [];
  const xml = await file.async("string");
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const external = attribute(m[0], "TargetMode") === "External";
    const target = attribute(m[0], "Target")!;
    return { id: attribute(m[0], "Id")!, type: attribute(m[0], "Type")!, target: external ? target : resolveTarget(part, target), external };
  });
}

/** The content type of a part: its Override, else the Default of its extension. */
export async function contentType(zip: JSZip, part: string): Promise<string | undefined> {
  const types = await zip.file("[Content_Types].xml")!.async("string");
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) if (attribute(m[0], "PartName") === `/${part}`) return attribute(m[0], "ContentType");
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const m of types.matchAll(/<Default\b[^>]*>/g)) if (attribute(m[0], "Extension")?.toLowerCase() === extension) return attribute(m[0], "ContentType");
  return undefined;
}

/** Where the tags of an XML text do not nest (empty when it is well formed as far as its tags go). */
export function tagProblems(xml: string): string[] {
  const open: string[] = [];
  for (const m of xml.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<[^>]*>/g)) {
    const tag = m[0];
    if (tag.startsWith("<?")) continue;
    const name = /^<\/?([^\s/>]+)/.exec(tag)?.[1];
    if (!name) return [`onleesbare tag ${tag.slice(0, 40)}`];
    if (!/^<\/?[^\s/>]+(\s+[\w:.-]+="[^"<]*")*\s*\/?>$/.test(tag)) return [`tag met onjuiste attributen: ${tag.slice(0, 80)}`];
    if (tag.startsWith("</")) {
      const expected = open.pop();
      if (expected !== name) return [`</${name}> sluit <${expected ?? "niets"}>`];
    } else if (!tag.endsWith("/>")) open.push(name);
  }
  return open.length > 0 ? [`niet gesloten: ${open.join(", ")}`] : [];
}

/** Every problem of the package, as Dutch sentences naming the part (empty when it is consistent). */
export async function packageProblems(zip: JSZip): Promise<string[]> {
  const problems: string[] = [];
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const exists = new Set(parts);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) {
    const part = attribute(m[0], "PartName")!.slice(1);
    if (!exists.has(part)) problems.push(`[Content_Types].xml noemt ${part}, dat niet bestaat`);
  }
  for (const part of parts) {
    if (part === "[Content_Types].xml") continue;
    if (!(await contentType(zip, part))) problems.push(`${part} heeft geen inhoudstype`);
    if (part.endsWith(".rels")) {
      const source = part === "_rels/.rels" ? "" : part.replace(/_rels\/([^/]+)\.rels$/, "$1");
      if (source !== "" && !exists.has(source)) problems.push(`${part} hoort bij ${source}, dat niet bestaat`);
      continue;
    }
    if (!/\.(xml|vml)$/.test(part)) continue;
    const xml = await zip.file(part)!.async("string");
    problems.push(...tagProblems(xml).map((p) => `${part}: ${p}`));
    const rels = await relationships(zip, part);
    const ids = new Set(rels.map((r) => r.id));
    if (ids.size !== rels.length) problems.push(`${part}: een relatie-id staat twee keer in zijn relaties`);
    for (const r of rels) if (!r.external && !exists.has(r.target)) problems.push(`${part} → ${r.target} (${r.id}) bestaat niet`);
    for (const m of xml.matchAll(/\br:(?:id|embed|link|pict)="([^"]*)"/g)) if (!ids.has(m[1]!)) problems.push(`${part} gebruikt r:id ${m[1]}, dat niet in zijn relaties staat`);
  }
  const root = await relationships(zip, "");
  for (const r of root) if (!r.external && !exists.has(r.target)) problems.push(`_rels/.rels → ${r.target} bestaat niet`);
  return problems;
}
