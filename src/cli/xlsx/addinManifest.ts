/**
 * What a workbook written outside Excel needs to know of the add-in (invoegtoepassing), read from manifest.xml itself —
 * bundled as its text at build time — so that there is never a second copy to keep in step: the add-in's id and
 * version (the web extension part's reference, webExtension.ts) and the custom functions' namespace (the stored form
 * `_xldudf_<NAMESPACE>_<ID>`, excelForm.ts).
 */
import manifestXml from "../../../manifest.xml";

export interface AddinIdentity {
  /** `<Id>`: the add-in's GUID. */
  readonly id: string;
  /** `<Version>`: four numbers, "0.1.0.0". */
  readonly version: string;
  /** `<bt:String id="Functions.Namespace" DefaultValue="…"/>`: "MKBA". */
  readonly namespace: string;
}

/** The identity in a manifest's text; throws, naming the element, when one is missing or malformed. */
export function readManifest(xml: string): AddinIdentity {
  const element = (pattern: RegExp, what: string, valid: RegExp) => {
    const value = pattern.exec(xml)?.[1]?.trim();
    if (!value || !valid.test(value)) throw new Error(`manifest.xml: ${what} ontbreekt of is ongeldig`);
    return value;
  };
  return {
    id: element(/<Id>([^<]*)<\/Id>/, "<Id>", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
    version: element(/<Version>([^<]*)<\/Version>/, "<Version>", /^\d+(\.\d+){0,3}$/),
    namespace: element(/<bt:String\s+id="Functions\.Namespace"\s+DefaultValue="([^"]*)"/, 'de naamruimte (bt:String "Functions.Namespace")', /^[A-Za-z][A-Za-z0-9]*$/),
  };
}

/** This add-in, as its manifest.xml says. */
export const ADDIN: AddinIdentity = readManifest(manifestXml);
