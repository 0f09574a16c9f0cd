/**
 * `mkba gevoeligheid FILE | --example NAME [--uitkomst saldo|ratio|ratio_financieel|ratio_gemeentelijk] [--bereik 20]
 * [--scenario NAAM] [--json]`: the tornado of every parameter (the outcome at low and high, sorted by impact) with its
 * break-even value (omslagpunt), labelled with the parameter's Dutch label.
 */
import { formatEuro, formatNumber } from "../engine/numberFormat";
import { textTable } from "../engine/model";
import { OUTCOMES, OUTCOME_LABELS, Outcome } from "../engine/uncertainty/outcomes";
import { Tornado, tornado } from "../engine/uncertainty/tornado";
import { UsageError } from "./args";
import { CliIO } from "./io";
import { parseOptions } from "./options";
import { loadSourceOrReport, scenarioArgument, sourceArguments } from "./source";

export function runGevoeligheid(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parseOptions("gevoeligheid", args, {
    example: { type: "string" },
    uitkomst: { type: "string" },
    bereik: { type: "string" },
    scenario: { type: "string" },
    json: { type: "boolean" },
  });
  sourceArguments("gevoeligheid", values, positionals);
  const outcome = (values.uitkomst ?? "saldo") as Outcome;
  if (!OUTCOMES.includes(outcome)) throw new UsageError(`--uitkomst is een van ${OUTCOMES.join(", ")}.`);
  const percent = values.bereik === undefined ? 20 : Number(values.bereik.replace(",", "."));
  if (!Number.isFinite(percent) || percent <= 0 || percent > 1000) throw new UsageError("--bereik is een percentage groter dan 0 en hoogstens 1000 (standaard 20: ±20%).");
  const loaded = loadSourceOrReport(positionals[0], values.example, io);
  if (!loaded) return 2;
  const { compiled } = loaded;
  const scenario = scenarioArgument(values.scenario, compiled.model);
  const result = tornado(compiled, { outcome, relative: percent / 100, ...(scenario ? { scenario } : {}) });
  io.stdout(values.json ? JSON.stringify(result, null, 2) + "\n" : tornadoText(result, compiled.model.metadata.title, percent));
  return 0;
}

function tornadoText(t: Tornado, title: string, percent: number): string {
  const isSaldo = t.outcome === "saldo";
  const show = (x: number | null) => (x === null ? "n.v.t." : isSaldo ? formatEuro(x) : formatNumber(x, 2));
  const number = (x: number) => (Math.abs(x) >= 1000 ? formatNumber(x, 0) : formatNumber(x, Math.abs(x) < 1 ? 4 : 2));
  const rows: string[][] = [["Parameter", "Laag", "Hoog", `${OUTCOME_LABELS[t.outcome]} bij laag`, "bij hoog", "Bandbreedte", `Omslagpunt (${isSaldo ? "saldo 0" : "ratio 1"})`]];
  for (const r of t.rows) {
    const be = r.breakEven;
    const omslag =
      be.kind === "gevonden"
        ? `${number(be.value)} (${be.direction === "stijgend" ? "daarboven" : "daaronder"} ${isSaldo ? "positief saldo" : "ratio boven 1"}${be.otherValues.length > 0 ? `; niet monotoon, ook bij ${be.otherValues.map(number).join(", ")}` : ""})`
        : be.kind === "niet bereikt"
          ? `niet bereikt binnen het bereik ${number(be.searched.low)} – ${number(be.searched.high)}`
          : be.kind === "niet gezocht"
            ? "niet gezocht"
            : "—";
    rows.push([
      r.label.length > 60 ? r.label.slice(0, 59) + "…" : r.label,
      number(r.range.low),
      number(r.range.high),
      show(r.outcomeLow),
      show(r.outcomeHigh),
      r.moves ? show(r.swing) : "geen invloed",
      omslag,
    ]);
  }
  const notes = t.rows.filter((r) => r.note).map((r) => `  ${r.label}: ${r.note}`);
  return [
    `Gevoeligheid (tornado) — ${title}`,
    `${OUTCOME_LABELS[t.outcome]} in ${t.scenario}: ${show(t.baseOutcome)}; elke parameter over het bereik van zijn verdeling in het model, zonder verdeling ±${formatNumber(percent, 0)}%; de andere op hun waarde. Gesorteerd op invloed.`,
    "",
    textTable(rows),
    ...(notes.length > 0 ? ["", "Opmerkingen:", ...notes] : []),
    "",
  ].join("\n");
}
