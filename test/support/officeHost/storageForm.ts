/**
 * Add-in calls in a file's storage form, as the host keeps them (openXlsx.ts): `_xldudf_MKBA_X(` is a call tied to the
 * add-in (`MKBA.X(`); a plain `MKBA.X(` read from a file is not, and is kept as `ONGEKOPPELD_MKBA_X(` — a function
 * HyperFormula does not know, so it computes #NAME? as Excel shows it — and shown in `formulas` as it was typed.
 */
import { fromStoredForm } from "../../../src/cli/xlsx/excelForm";

/** The prefix under which a plain, unresolved add-in call is kept (unknown to HyperFormula: #NAME?). */
export const UNRESOLVED_PREFIX = "ONGEKOPPELD_MKBA_";
export const UNRESOLVED = new RegExp(`${UNRESOLVED_PREFIX}([A-Za-z0-9_]+)\\(`, "g");

/** Applies `replace` to the parts of a formula outside its string literals. */
function outsideStrings(formula: string, replace: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : replace(part)))
    .join("");
}

/** A formula as stored in a file → as the host keeps it (without "="). */
export function hostFormula(stored: string): string {
  return outsideStrings(stored, (part) => fromStoredForm(part.replace(/(?<![A-Za-z0-9_.])MKBA\.([A-Za-z][A-Za-z0-9_]*)\(/gi, (_, id: string) => `${UNRESOLVED_PREFIX}${id.toUpperCase()}(`)));
}

/** A formula as the host keeps it → as Excel shows it in `formulas` (an unresolved call as it was typed). */
export function shownFormula(kept: string): string {
  return kept.includes(UNRESOLVED_PREFIX) ? outsideStrings(kept, (part) => part.replace(UNRESOLVED, (_, id: string) => `MKBA.${id}(`)) : kept;
}

