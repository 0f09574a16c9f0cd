/**
 * `mkba demo`: the add-in's functions on embedded examples, without Excel — what `npm start` shows where
 * Excel is not installed. Every figure is computed by the same catalogue Excel calls.
 */
import { CellArgument } from "../engine/cells";
import { DISCOUNT_RULES } from "../engine/discounting";
import { formatNumber } from "../engine/numberFormat";
import { FunctionResult, callFunction, findFunction } from "../functions/catalog";
import { CliIO } from "./io";

function call(id: string, args: CellArgument[]): FunctionResult {
  return callFunction(findFunction(id)!, args);
}

function show(result: FunctionResult, decimals: number): string {
  if (typeof result === "number") return formatNumber(result, decimals);
  if (typeof result === "string") return result;
  if (Array.isArray(result)) return `[bereik van ${result.length} rijen]`;
  return `${result.code} ${result.message}`;
}

export function runDemo(io: CliIO): number {
  const lines: string[] = [];
  lines.push("MKBA-invoegtoepassing — demo zonder Excel");
  lines.push("");
  lines.push("Voorbeeld 1 — Zoveel Meer Perspectief, Zoetermeer (Uit eigen tuin deel 2, Bijlage 1;");
  lines.push("seed 002_dea0c6c1e7c3c540.txt): baten € 691.000 en kosten € 165.000 in één jaar, zonder discontering.");
  const ratio = call("RATIO", [691000, 165000, "geen"]);
  lines.push(`  =MKBA.RATIO(691000; 165000; "geen")        → ${show(ratio, 2)}   (rapport: "ruim vier maal")`);
  lines.push(`  =MKBA.NCW({-165000; 691000}; "geen")       → € ${show(call("NCW", [[[-165000], [691000]], "geen"]), 0)}`);
  lines.push("");
  lines.push("Voorbeeld 2 — een investering van € 1.000 in jaar 0 met opbrengsten 300, 400 en 500 in jaar 1–3,");
  lines.push("onder elke discontoregel (jaar 0 wordt niet verdisconteerd):");
  const flows: CellArgument = [[-1000], [300], [400], [500]];
  for (const rule of DISCOUNT_RULES) {
    const value = call("NCW", [flows, rule.id]);
    lines.push(`  =MKBA.NCW(B2:B5; "${rule.id}")`.padEnd(36) + `→ ${show(value, 2).padStart(8)}   ${rule.label}`);
  }
  lines.push("");
  lines.push("Zelf proberen / try it:  npx mkba fn NCW '[[-1000],[300],[400],[500]]' 0.055");
  io.stdout(lines.join("\n") + "\n");
  return 0;
}
