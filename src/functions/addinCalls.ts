/**
 * Calls of the add-in's functions in a formula's text (aanroepen van de invoegtoepassing): `MKBA.SCENARIO(` outside the
 * formula's string literals (a call in a label is no call) and not the tail of a longer name (`XMKBA.NCW(`). One
 * reading for every place that looks for them: the file writer's storage form (src/cli/xlsx/excelForm.ts), the task
 * pane's search for calls showing #NAME? (src/office/excelGateway.ts) and the test host that opens such a file.
 * No Office import: the functions bundle, the pane and the CLI all reach it.
 */

/** The add-in's namespace in Excel (manifest.xml: `Functions.Namespace`). */
export const ADDIN_NAMESPACE = "MKBA";

/** A string literal of a formula, `""` inside it for a quote. */
const STRING_LITERAL = /("(?:[^"]|"")*")/;

/** `formula` with `replace` applied to each part outside its string literals; the literals as they are. */
export function outsideStringLiterals(formula: string, replace: (part: string) => string): string {
  return formula
    .split(STRING_LITERAL)
    .map((part, i) => (i % 2 === 1 ? part : replace(part)))
    .join("");
}

/**
 * `formula` with each add-in call `<namespace>.<ID>(` outside its string literals replaced by `replace(ID, call)`
 * (ID in capitals, `call` as written); return `call` to keep it.
 */
export function replaceAddinCalls(formula: string, replace: (id: string, call: string) => string, namespace: string = ADDIN_NAMESPACE): string {
  const call = new RegExp(`(?<![A-Za-z0-9_.])${namespace}\\.([A-Za-z][A-Za-z0-9_]*)\\(`, "gi");
  return outsideStringLiterals(formula, (part) => part.replace(call, (written, id: string) => replace(id.toUpperCase(), written)));
}

/** The ids of the add-in functions a formula calls (in capitals, in order, repeats kept). */
export function addinCallIds(formula: string, namespace: string = ADDIN_NAMESPACE): string[] {
  const ids: string[] = [];
  replaceAddinCalls(formula, (id, written) => (ids.push(id), written), namespace);
  return ids;
}
