/**
 * The price list (maatschappelijke prijslijst) of the case analysis: per item (post) a description, unit, price, price
 * year and source. Seed 002_dea0c6c1e7c3c540.txt (regel 158) names the practice: "Aan de hand van de maatschappelijke
 * prijslijst (www.effectencalculator.nl) kan op individueel casusniveau nagegaan worden welke maatschappelijke kosten
 * er gemaakt worden of waarschijnlijk zijn"; voetnoot *** (regel 261) prices prevented evictions that way ("68
 * huisuitzettingen x 20.000 euro kosten maatschappelijke opvang").
 *
 * The default list is the LPBL key figures (src/engine/models/lpbl/keyFigures.ts) with their sources, as the model uses
 * them, plus the hourly rate of seed 000 and the maatwerkbudget in euros; every price is editable — a price-list file
 * (or the Prijslijst sheet) replaces items by their post and adds new ones.
 */
import { z } from "zod";
import { LPBL_KEY_FIGURES, KeyFigure } from "../models/lpbl/keyFigures";
import { cellParser } from "./cells";
import { FileRefusal, ReadReport, RowProblem, RowTally, checkTable } from "./read";
import type { PrivacyRefusal } from "./privacy";

export interface PriceItem {
  /** The post as written in the case table: lower case letters, digits and _. */
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly price: number;
  readonly priceYear: number;
  readonly source: string;
  /** True when the price is an illustrative key figure (no verified source). */
  readonly illustrative: boolean;
}

/** The price year of the LPBL key figures (the model's prijspeil; seed 001 is of 2014). */
const LPBL_PRICE_YEAR = 2014;

/**
 * The default posts and the key figure each takes its price from — the first key that exists, so that the list keeps
 * its posts when the LPBL key figures are renamed (issue 19 renames the escalation prices).
 */
const FROM_KEY_FIGURES: readonly { readonly id: string; readonly keys: readonly string[] }[] = [
  { id: "shv", keys: ["kosten_shv"] },
  { id: "reintegratie", keys: ["kosten_reintegratie"] },
  { id: "dagbesteding", keys: ["kosten_dagbesteding"] },
  { id: "amw", keys: ["kosten_amw"] },
  { id: "hbh", keys: ["kosten_hbh"] },
  { id: "joh", keys: ["kosten_joh"] },
  { id: "jggz", keys: ["kosten_jggz"] },
  { id: "ggz", keys: ["kosten_ggz"] },
  { id: "ots_uhp", keys: ["kosten_ots_uhp", "kosten_uhp_per_jaar"] },
  { id: "opname_vv", keys: ["kosten_intramuraal", "kosten_intramuraal_per_jaar"] },
  { id: "opname_ggz", keys: ["kosten_opname_ggz", "kosten_intramuraal_per_jaar"] },
  { id: "ontruiming", keys: ["kosten_ontruiming"] },
  { id: "opvang", keys: ["kosten_opvang"] },
  { id: "tweedelijn", keys: ["kosten_tweedelijn"] },
  { id: "consult", keys: ["kosten_consult"] },
  { id: "uitkering", keys: ["uitkering_per_jaar"] },
];

function fromKeyFigure(id: string, k: KeyFigure): PriceItem {
  const price = (k as { price?: { year?: number } }).price;
  return { id, label: k.label, unit: k.unit, price: k.value, priceYear: price?.year ?? LPBL_PRICE_YEAR, source: `kengetal ${k.key}: ${k.source}`, illustrative: k.illustrative };
}

/** The default price list: the LPBL key figures with their sources, the hourly rate of seed 000, the maatwerkbudget. */
export function defaultPriceList(): PriceItem[] {
  const items: PriceItem[] = [];
  for (const { id, keys } of FROM_KEY_FIGURES) {
    const k = keys.map((key) => LPBL_KEY_FIGURES.find((f) => f.key === key)).find((f) => f !== undefined);
    if (k) items.push(fromKeyFigure(id, k));
  }
  items.push({
    id: "uur_team",
    label: "Uur inzet wijkteam of W&I",
    unit: "euro per uur",
    price: 65,
    priceYear: 2018,
    source: "seed 000_c4d112e9f2f46980.txt (AEPB, Samenwerken voor burgers, 2019), regel 395: 'Met een gehanteerd uurtarief van 65 euro'",
    illustrative: false,
  });
  items.push({
    id: "maatwerk",
    label: "Maatwerkbudget (bijzondere bijstand als maatwerk), in euro's",
    unit: "euro",
    price: 1,
    priceYear: LPBL_PRICE_YEAR,
    source: "seed 003_6f2c94f82e5a4583.txt (Zaanstad, pilot maatwerkbudget), regel 11: het bedrag per casus telt als kosten met de aanpak",
    illustrative: false,
  });
  return items;
}

const PRICE_COLUMNS = [
  { header: "post", required: true },
  { header: "omschrijving", required: false },
  { header: "eenheid", required: false },
  { header: "prijs", required: true },
  { header: "prijsjaar", required: false },
  { header: "bron", required: false },
  { header: "illustratief", required: false },
] as const;

const postSchema = z.string().regex(/^[a-z0-9_]{1,40}$/, { error: "onbekende code: een post bestaat uit kleine letters, cijfers en _ (hoogstens 40 tekens)" });
const textSchema = z.string().max(200, { error: "waarde te lang: hoogstens 200 tekens" });
/** A source may be long (the key figures' sources quote the seed): up to 1.000 characters. */
const sourceSchema = z.string().max(1000, { error: "waarde te lang: hoogstens 1.000 tekens" });
/** A non-negative amount, Dutch (1.234,56) or plain (1234.56). */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, "");
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, "").replace(",", ".");
  else if (/^\d+(,\d+)$/.test(t)) normal = t.replace(",", ".");
  else if (/^\d+(\.\d+)?$/.test(t)) normal = t;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

export type PriceListResult = { ok: true; items: PriceItem[]; report: ReadReport } | { ok: false; refusal: PrivacyRefusal | FileRefusal };

/**
 * A price-list table (post, omschrijving, eenheid, prijs, prijsjaar, bron) applied to a base list: an existing post
 * gets the new price (and the other fields that are filled in), a new post is added. Bad rows are left out and reported.
 */
export function readPriceList(rows: readonly (readonly string[])[], base: readonly PriceItem[] = defaultPriceList()): PriceListResult {
  const table = checkTable(rows, new Map(PRICE_COLUMNS.map((c) => [c.header, c])), "De prijslijst");
  if (!table.ok) return table;
  const { index, ignored } = table;
  const col = (r: readonly string[], h: string) => (index.has(h) ? (r[index.get(h)!] ?? "").trim() : "");
  const year = cellParser({ type: "count", max: 2200 }, false);
  const items = new Map(base.map((i) => [i.id, i] as const));
  const tally = new RowTally();
  let kept = 0;
  for (const { row, number } of tally.dataRows(rows)) {
    const bad = (column: string, message: string) => tally.bad({ row: number, column, reason: message.split(":")[0] as RowProblem["reason"], message });
    const post = postSchema.safeParse(col(row, "post"));
    if (!post.success) bad("post", post.error.issues[0]!.message);
    const price = parseAmount(col(row, "prijs"));
    if (price === null) bad("prijs", "ongeldig aantal: een bedrag van 0 of meer, bijvoorbeeld 1.234,56");
    const y = col(row, "prijsjaar");
    const yearValue = y === "" ? null : year(y);
    if (yearValue && (!yearValue.ok || (yearValue.value as number) < 1900)) bad("prijsjaar", "ongeldig aantal: een jaar van 1900 t/m 2200");
    const texts = ["omschrijving", "eenheid", "bron"].map((h) => ({ h, t: (h === "bron" ? sourceSchema : textSchema).safeParse(col(row, h)) }));
    const ill = col(row, "illustratief").toLowerCase();
    if (ill !== "" && ill !== "ja" && ill !== "nee") bad("illustratief", "onbekende code: ja of nee");
    for (const { h, t } of texts) if (!t.success) bad(h, t.error.issues[0]!.message);
    if (tally.leaveOutIfBad()) continue;
    kept++;
    const id = post.data!;
    const old = items.get(id);
    const text = (h: string, fallback: string) => col(row, h) || fallback;
    const source = text("bron", "door de analist opgegeven");
    items.set(id, {
      id,
      label: text("omschrijving", old?.label ?? id),
      unit: text("eenheid", old?.unit ?? ""),
      price: price!,
      priceYear: yearValue && yearValue.ok ? (yearValue.value as number) : (old?.priceYear ?? LPBL_PRICE_YEAR),
      source,
      // Illustrative as the column says; without it, a default item keeps its mark while its price and source stay.
      illustrative: ill !== "" ? ill === "ja" : old !== undefined && old.price === price && old.source === source && old.illustrative,
    });
  }
  return { ok: true, items: [...items.values()], report: tally.report(kept, ignored) };
}
