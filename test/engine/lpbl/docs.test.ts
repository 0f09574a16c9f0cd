/**
 * docs/lpbl-model.md stays true to the code (issue 19, finding 12): its table of key figures (key, value, range, how
 * it varies in Monte Carlo), its lists of scenarios and sensitivity runs, and the outcomes of the example it quotes
 * are compared with what the code has and computes. A change to a key figure, a scenario or the example's results
 * that is not also made in the documentation fails here.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { analyse } from "../../../src/engine/model";
import { loadModel } from "../../../src/engine/models";
import { EXAMPLES } from "../../../src/engine/examples";
import { LPBL_KEY_FIGURES, lpblOutputs } from "../../../src/engine/models/lpbl";
import { runMonteCarlo } from "../../../src/engine/uncertainty/monteCarlo";
import { formatEuro, formatNumber } from "../../../src/engine/numberFormat";

const doc = readFileSync(path.join(__dirname, "../../../docs/lpbl-model.md"), "utf8");
/** The lines of a section, from its heading to the next heading of the same or a higher level. */
function section(heading: string): string[] {
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`geen kop "${heading}" in docs/lpbl-model.md`);
  const level = heading.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}
/** A Dutch number as the docs write it: 1.200, 0,03, 34.667, € -20.978. */
const dutch = (text: string) => Number(text.replace(/[€\s]/g, "").replace(/\./g, "").replace(",", "."));
const cells = (line: string) => line.split("|").slice(1, -1).map((c) => c.trim());

const l = loadModel(EXAMPLES.lpbl);
if (!l.ok) throw new Error(JSON.stringify(l.problems));
const { compiled } = l.loaded;
const build = l.loaded.lpbl!;

describe("docs/lpbl-model.md against the code", () => {
  it("the table of key figures: every key figure of the code once, with its value, its seed range and how it varies in Monte Carlo", () => {
    const rows = section("## Kengetallen (`LPBL_KEY_FIGURES`, overschrijfbaar per sleutel)")
      .filter((line) => line.startsWith("| `"))
      .map((line) => {
        const [key, value, range, mc] = cells(line);
        return { key: key!.replace(/`/g, ""), value: dutch(value!), range: range === "—" ? null : range!.split(" – ").map(dutch), mc };
      });
    expect(rows.map((r) => r.key)).toEqual(LPBL_KEY_FIGURES.map((k) => k.key));
    for (const k of LPBL_KEY_FIGURES) {
      const row = rows.find((r) => r.key === k.key)!;
      // Documented as displayed: whole euros for an amount (the code keeps the same whole euros).
      expect({ key: k.key, value: row.value }).toEqual({ key: k.key, value: k.value });
      expect({ key: k.key, range: row.range }).toEqual({ key: k.key, range: k.range ? [k.range.low, k.range.high] : null });
      expect({ key: k.key, mc: row.mc }).toEqual({ key: k.key, mc: k.uncertainty });
    }
  });

  it("the scenarios and sensitivity runs listed are the model's, in its order", () => {
    const names = (after: string) => {
      const lines = section("## Scenario's en gevoeligheid (in het model)");
      const start = lines.indexOf(after);
      const out: string[] = [];
      for (const line of lines.slice(start + 1)) {
        if (line.startsWith("- *")) out.push(line.slice(3, line.lastIndexOf("*")));
        else if (out.length > 0) break;
      }
      return out;
    };
    expect(names("Scenario's:")).toEqual(compiled.model.scenarios.map((s) => s.name));
    expect(names("Gevoeligheidsruns:")).toEqual(compiled.model.sensitivity.map((s) => s.name));
  });

  it("the outcomes of the example quoted are the ones the code computes", () => {
    const table = new Map(
      section("## Uitkomsten van het voorbeeld (door `docs.test.ts` nagerekend)")
        .filter((line) => line.startsWith("| ") && !line.startsWith("| uitkomst") && !line.startsWith("|---"))
        .map((line) => cells(line) as [string, string]),
    );
    const a = analyse(compiled);
    if (!a.ok) throw new Error("analyse");
    const base = a.analysis.scenarios[0]!;
    const out = lpblOutputs(base, compiled, build);
    const ratio = (x: number | null) => formatNumber(x!, 2);
    expect(table.get("Saldo (NCW)")).toBe(formatEuro(base.saldo));
    expect(table.get("Ratio maatschappelijk / financieel / gemeentelijk")).toBe([base.ratios.social.value, base.ratios.financial.value, base.ratios.municipal.value].map(ratio).join(" / "));
    const team = out.uitvoerA.team;
    expect(table.get("Benodigde fte / ingevoerde fte / bediende huishoudens")).toBe(`${formatNumber(team.fteNeeded, 2)} / ${formatNumber(team.fteEntered, 2)} / ${formatNumber(team.householdsServed, 0)}`);
    expect(table.get("Ratio's bij de benodigde fte")).toBe([team.atNeededFte.ratios.social, team.atNeededFte.ratios.financial, team.atNeededFte.ratios.municipal].map(ratio).join(" / "));
    expect(table.get("Uitvoer B (jaar 3, zonder opbouw): gemeente / totaal")).toBe(`${formatEuro(out.uitvoerB.gemeente)} / ${formatEuro(out.uitvoerB.totaal)}`);
    expect(table.get("Grootste invloed op het saldo")).toBe(out.uitvoerA.drivers.map((d) => `\`${d.key}\``).join(", "));
    const mc = runMonteCarlo(compiled, { runs: 10_000, seed: 1 });
    if (!mc.ok) throw new Error("Monte Carlo");
    const p = mc.result.outcomes.saldo.percentiles;
    expect(table.get("Monte Carlo (10.000 trekkingen, seed 1): P(saldo > 0)")).toBe(`${formatNumber(mc.result.probabilityPositive.share * 100, 1)}%`);
    expect(table.get("Monte Carlo: P10 / P50 / P90 van het saldo")).toBe([p.P10!, p.P50!, p.P90!].map((x) => formatEuro(x)).join(" / "));
  });
});
