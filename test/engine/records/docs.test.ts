/**
 * docs/registratie.md is held to the code: its tables of columns, comparison-area columns and default prices are the
 * format's own (rendered here and compared), and its limits are RECORD_LIMITS. `PRINT_REGISTRATIE_TABLES=1` prints the
 * tables for pasting after a change of the format.
 */
import * as fs from "fs";
import * as path from "path";
import { COMPARISON_COLUMNS } from "../../../src/engine/records/comparison";
import { CASE_COLUMNS } from "../../../src/engine/records/cases";
import { COLUMNS, ColumnKind, DEFAULT_THRESHOLD, RECORD_LIMITS, allowedCodes } from "../../../src/engine/records/format";
import { defaultPriceList } from "../../../src/engine/records/priceList";
import { formatCount } from "../../../src/engine/model/limits";
import { formatDutch } from "../../../src/engine/numberFormat";

const doc = fs.readFileSync(path.join(__dirname, "../../../docs/registratie.md"), "utf8");

function kindText(kind: ColumnKind): string {
  switch (kind.type) {
    case "pseudonym":
      return "pseudoniem";
    case "date":
      return "datum";
    case "count":
      return `geheel getal 0–${kind.max}`;
    case "change":
      return "1, 0, -1 (leeg = 0)";
    default:
      return allowedCodes(kind).join(", ");
  }
}

const cell = (t: string) => t.replace(/\|/g, "\\|");
export function columnsTable(): string {
  return [
    "| kolom | waarden | verplicht | formulier (Bijlage 3) | betekenis |",
    "|---|---|---|---|---|",
    ...COLUMNS.map((c) => `| \`${c.header}\` | ${cell(kindText(c.kind))} | ${c.required ? "ja" : "nee"} | ${cell(c.form)} | ${cell(c.description)} |`),
  ].join("\n");
}
export function comparisonTable(): string {
  return ["| kolom | waarden | verplicht | betekenis |", "|---|---|---|---|", ...COMPARISON_COLUMNS.map((c) => `| \`${c.header}\` | ${cell(kindText(c.kind))} | ${c.required ? "ja" : "nee"} | ${cell(c.description)} |`)].join("\n");
}
export function casesTable(): string {
  return ["| kolom | betekenis |", "|---|---|", ...CASE_COLUMNS.map((c) => `| \`${c.header}\` | ${cell(c.description)} |`)].join("\n");
}
export function pricesTable(): string {
  return [
    "| post | prijs | eenheid | prijsjaar | illustratief |",
    "|---|---|---|---|---|",
    ...defaultPriceList().map((p) => `| \`${p.id}\` | € ${formatDutch(p.price, 0, 2)} | ${cell(p.unit)} | ${p.priceYear} | ${p.illustrative ? "ja" : "nee"} |`),
  ].join("\n");
}

describe("docs/registratie.md", () => {
  if (process.env.PRINT_REGISTRATIE_TABLES) console.log([columnsTable(), comparisonTable(), casesTable(), pricesTable()].join("\n\n"));

  it.each([
    ["the record columns", columnsTable],
    ["the comparison-area columns", comparisonTable],
    ["the case-analysis columns", casesTable],
    ["the default price list", pricesTable],
  ])("has %s as the code defines them", (_, table) => {
    expect(doc).toContain(table());
  });

  it("states the limits and the threshold the code uses", () => {
    for (const n of [RECORD_LIMITS.rows, RECORD_LIMITS.columns, RECORD_LIMITS.cellLength, RECORD_LIMITS.pseudonymLength]) expect(doc).toContain(formatCount(n));
    expect(doc).toContain(`${RECORD_LIMITS.fileBytes / 1024 / 1024} MB`);
    expect(doc).toContain(`drempel ${DEFAULT_THRESHOLD}`);
  });
});
