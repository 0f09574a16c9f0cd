/**
 * The registration's results as Dutch text tables (verslag): MKBA 1.0 against 2.0, the trajectories per type, the
 * effect measurement with ZRM development and the C.2/C.3 it feeds, and the case analysis — what `mkba registratie`
 * prints. Every count passes the suppression rule (privacy.ts) and every table with aggregates says so.
 */
import { textTable } from "../model/report";
import { formatCount } from "../model/limits";
import { formatDutch, formatEuro } from "../numberFormat";
import { CaseAnalysis } from "./cases";
import { EffectMeasurement } from "./effect";
import { PriceItem } from "./priceList";
import { Suppression, shownCount, suppressionNote } from "./privacy";
import { DerivedInput, Registration2 } from "./registration";

const dash = "–";
const pct = (x: number, decimals = 1) => `${formatDutch(x * 100, 0, decimals)}%`;
/** A share with exactly one decimal, for columns of shares. */
const pct1 = (x: number) => `${formatDutch(x * 100, 1, 1)}%`;
/** A change in percentage points. */
const pp = (x: number) => `${x > 0 ? "+" : ""}${formatDutch(x * 100, 1, 1)} pp`;

function inputValue(i: DerivedInput, x: number | null): string {
  if (x === null) return dash;
  switch (i.unit) {
    case "aandeel":
      return pct(x);
    case "huishoudens":
      return formatDutch(x, 0, 0);
    default:
      return formatDutch(x, 0, 2);
  }
}

function difference(i: DerivedInput): string {
  if (i.difference === null) return dash;
  return i.unit === "aandeel" ? pp(i.difference) : `${i.difference > 0 ? "+" : ""}${formatDutch(i.difference, 0, 2)}`;
}

/** MKBA 1.0 (plan) against MKBA 2.0 (registration), input by input, with the notes below the table. */
export function registrationText(r: Registration2): string[] {
  const s: Suppression = { threshold: r.threshold };
  const rows: string[][] = [["Invoer", "Plan (1.0)", "Registratie (2.0)", "Verschil", "Huishoudens", "Ontbrekend"]];
  const notes: string[] = [];
  let section = "";
  const SECTION: Readonly<Record<string, string>> = { A: "A. Bereik", B: "B. Kosten", C: "C. Effect" };
  for (const i of r.inputs) {
    if (i.section !== section) {
      section = i.section;
      rows.push([SECTION[section]!, "", "", "", "", ""]);
    }
    const shown = i.suppressed ? `onderdrukt (< ${formatCount(r.threshold)})` : inputValue(i, i.registration);
    rows.push([`  ${i.label}${i.parameter === null ? " *" : ""}`, inputValue(i, i.plan), shown, difference(i), shownCount(i.households, s), shownCount(i.missing, s)]);
    if (i.note && !notes.includes(`${i.label}: ${i.note}`)) notes.push(`${i.label}: ${i.note}`);
  }
  const lines = [
    `MKBA 1.0 (plan) tegen MKBA 2.0 (registratie) — ${formatCount(r.households)} huishoudens${r.period ? `, aangemeld ${r.period.first} t/m ${r.period.last}` : ""}${r.withoutNulmeting > 0 ? `; ${shownCount(r.withoutNulmeting, s)} zonder nulmeting (kenmerken van hun eerste meting)` : ""}`,
    "",
    textTable(rows),
    "",
    "* ter informatie, geen invoer van het scenario.",
    ...notes.map((n) => `  ${n}`),
    "",
    "Trajecten per type (huishoudens met een vervolgmeting; substitueerbaar volgens seed 001 voetnoot 15):",
    textTable([
      ["Traject", "Substitueerbaar", "Lopend bij aanvang", "Toegevoegd", "Geschrapt"],
      ...r.trajectories.map((t) => [t.label, t.substitutable ? "ja" : "nee", shownCount(t.runningAtStart, s), shownCount(t.added, s), shownCount(t.removed, s)]),
    ]),
    "",
    suppressionNote(s),
  ];
  return lines;
}

/** The effect measurement: per outcome the approach and comparison shares, gross and net with interval, attribution. */
export function effectText(e: EffectMeasurement): string[] {
  const s: Suppression = { threshold: e.threshold };
  if (!e.hasComparison) return ["Effectmeting (MKBA 3.0): geen vergelijkingsgebied opgegeven (--vergelijking of blad Vergelijkingsgebied); zonder vergelijking is alleen de bruto verandering bekend, niet het netto effect."];
  const rows: string[][] = [["Uitkomst", "Groep", "Huishoudens", "Aanpak voor", "Aanpak na", "Vergelijking voor", "Vergelijking na", "Bruto", "Netto", "95%-interval netto", "Attributie"]];
  for (const o of e.outcomes) {
    const a = o.approach;
    const c = o.comparison;
    if (o.suppressed || !a) {
      rows.push([o.outcome.label, o.groupLabel, a ? shownCount(a.households, s) : "0", o.suppressed ? "onderdrukt" : dash, dash, dash, dash, dash, dash, dash, dash]);
      continue;
    }
    rows.push([
      o.outcome.label,
      o.groupLabel,
      shownCount(a.households, s),
      pct1(a.before),
      pct1(a.after),
      c ? pct1(c.before.count / c.before.households) : "niet geteld",
      c ? pct1(c.after.count / c.after.households) : "niet geteld",
      o.gross === null ? dash : pp(o.gross),
      o.net === null ? dash : pp(o.net),
      o.interval ? `${pp(o.interval.low)} tot ${pp(o.interval.high)}` : dash,
      o.attribution === null ? dash : pct(o.attribution, 0),
    ]);
  }
  const lines = [
    `Effectmeting (MKBA 3.0): nulmeting tegen meting ${e.followUp}, ${formatCount(e.paired)} van de ${formatCount(e.households)} huishoudens met beide metingen; tegen het vergelijkingsgebied (verschil-in-verschillen).`,
    "",
    textTable(rows),
    "",
    "Bruto: de verandering in het gebied van de aanpak (seed 001, regel 895: 'bruto-effectiviteit'). Netto: bruto min de verandering in het",
    "vergelijkingsgebied (regel 897: 'netto-effectiviteit'; Figuur 4.6). Attributie: netto ÷ bruto (boven 100%: in het vergelijkingsgebied",
    "ging het de andere kant op; – als bruto en netto een ander teken hebben). Interval: percentiel-bootstrap over de",
    `huishoudens (${formatCount(e.replicates)} trekkingen, seed ${e.seed}); de tellingen van het vergelijkingsgebied binomiaal opnieuw getrokken.`,
  ];
  const zrm = e.zrm.filter((z) => z.households > 0);
  if (zrm.length > 0) {
    lines.push(
      "",
      `ZRM-ontwikkeling (Zelfredzaamheidsmatrix 1–5; huishoudens met dat probleem bij aanvang, ZRM ≤ 3; alleen bruto: het vergelijkingsgebied heeft geen ZRM):`,
      textTable([
        ["Probleemgebied", "Huishoudens", "Gemiddeld voor", "Gemiddeld na", "Verandering", "95%-interval"],
        ...zrm.map((z) =>
          z.suppressed || z.change === null
            ? [z.label, shownCount(z.households, s), "onderdrukt", dash, dash, dash]
            : [z.label, shownCount(z.households, s), formatDutch(z.before!, 2, 2), formatDutch(z.after!, 2, 2), `${z.change > 0 ? "+" : ""}${formatDutch(z.change, 2, 2)}`, z.interval ? `${formatDutch(z.interval.low, 2, 2)} tot ${formatDutch(z.interval.high, 2, 2)}` : dash],
        ),
      ]),
    );
  }
  if (e.parameters.length > 0) {
    lines.push(
      "",
      "Invoer C.2/C.3 van het scenario MKBA 3.0 (effectmeting), met het interval als onzekerheid (tornado en Monte Carlo):",
      textTable([["Invoer", "Uit de effectmeting", "95%-interval", "Huishoudens", "Berekening"], ...e.parameters.map((p) => [p.label, pct(p.value), `${pct(p.interval.low)} tot ${pct(p.interval.high)}`, shownCount(p.households, s), p.how])]),
    );
  }
  lines.push("", suppressionNote(s));
  return lines;
}

/** The case analysis: per case the costs without and with the approach and the saving; counts, total, mean with interval. */
export function caseText(c: CaseAnalysis): string[] {
  if (c.cases.length === 0) return ["Casusanalyse: geen casussen opgegeven (--casussen of blad Casusanalyse)."];
  const rows: string[][] = [["Casus", "Kosten zonder aanpak", "Kosten met aanpak", "Besparing"]];
  for (const k of c.cases) rows.push([k.caseId, formatEuro(k.costWithout), formatEuro(k.costWith), formatEuro(k.saving)]);
  const most = Math.max(1, ...c.cases.map((k) => Math.abs(k.saving)));
  const idWidth = Math.max(...c.cases.map((x) => x.caseId.length));
  const chart = c.cases.map((k) => {
    const width = Math.round((Math.abs(k.saving) / most) * 30);
    const bar = k.saving >= 0 ? `${" ".repeat(30)}│${"█".repeat(width)}` : `${"░".repeat(width).padStart(30)}│`;
    return `  ${k.caseId.padEnd(idWidth)} ${bar} ${formatEuro(k.saving)}`;
  });
  const n = c.cases.length;
  return [
    `Casusanalyse — ${formatCount(n)} ${n === 1 ? "casus" : "casussen"}, geprijsd met de prijslijst (seed 002 regel 158; seed 003 regel 11):`,
    "",
    textTable(rows),
    "",
    `Goedkoper met de aanpak: ${formatCount(c.cheaper)} van de ${formatCount(n)} casussen; gelijk: ${formatCount(c.equal)}; duurder: ${formatCount(c.moreExpensive)}.`,
    `Besparing totaal: ${formatEuro(c.totalSaving)}${c.totalInterval ? ` (95%-interval ${formatEuro(c.totalInterval.low)} tot ${formatEuro(c.totalInterval.high)})` : ""}; gemiddeld per casus: ${c.meanSaving === null ? dash : formatEuro(c.meanSaving)}${c.meanInterval ? ` (95%-interval ${formatEuro(c.meanInterval.low)} tot ${formatEuro(c.meanInterval.high)}; bootstrap over de casussen, ${formatCount(c.replicates)} trekkingen, seed ${c.seed})` : ""}.`,
    "",
    "Besparing per casus (links duurder, rechts goedkoper met de aanpak):",
    ...chart,
    "",
    "Gebruikte prijzen:",
    ...priceLines(c.pricesUsed),
    "",
    "Een casusanalyse is per casus (pseudoniemen, alleen hoeveelheden per post): hij wordt niet onderdrukt. Deel hem niet buiten het team.",
  ];
}

export function priceLines(items: readonly PriceItem[]): string[] {
  return items.map((p) => `  ${p.id}: ${formatEuro(p.price, p.price < 100 && !Number.isInteger(p.price) ? 2 : 0)} (${p.unit}; prijsjaar ${p.priceYear}${p.illustrative ? ", illustratief" : ""}) — ${p.source}`);
}
