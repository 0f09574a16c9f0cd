/**
 * Add-in calls in a file's storage form, as the host keeps them (openXlsx.ts): `_xldudf_MKBA_X(` is a call tied to the
 * add-in (`MKBA.X(`); a plain `MKBA.X(` read from a file is not, and is kept as `ONGEKOPPELD_MKBA_X(` — a function
 * HyperFormula does not know, so it computes #NAME? as Excel shows it — and shown in `formulas` as it was typed.
 */
import { fromStoredForm } from "../../../src/cli/xlsx/excelForm";
import { outsideStringLiterals, replaceAddinCalls } from "../../../src/functions/addinCalls";

/** The prefix under which a plain, unresolved add-in call is kept (unknown to HyperFormula: #NAME?). */
export const UNRESOLVED_PREFIX = "ONGEKOPPELD_MKBA_";
export const UNRESOLVED = new RegExp(`${UNRESOLVED_PREFIX}([A-Za-z0-9_]+)\\(`, "g");

/** A formula as stored in a file → as the host keeps it (without "="). */
export function hostFormula(stored: string): string {
  return outsideStringLiterals(replaceAddinCalls(stored, (id) => `${UNRESOLVED_PREFIX}${id}(`), fromStoredForm);
}

/** A formula as the host keeps it → as Excel shows it in `formulas` (an unresolved call as it was typed). */
export function shownFormula(kept: string): string {
  return kept.includes(UNRESOLVED_PREFIX) ? outsideStringLiterals(kept, (part) => part.replace(UNRESOLVED, (_, id: string) => `MKBA.${id}(`)) : kept;
}

