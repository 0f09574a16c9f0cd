/**
 * The sheet *Rekenkern*: the one place where a model's workbook calls the add-in for its figures. One formula,
 * `=MKBA.SCENARIO(Invoer; [runs]; "alles")`, spills every outcome of every scenario and sensitivity run (and of the runs
 * of a block beside it, such as the LPBL tool's "bij de benodigde fte") as [sleutel, waarde] rows; the output screens
 * read it with `INDEX(Rekenkern!F:F; VERGELIJKEN(sleutel; Rekenkern!E:E; 0))`. So Excel evaluates each model once per
 * recalculation instead of once per output cell, and "Broncellen aanwijzen" leads from any output to this table and
 * from here to Invoer. (The tables Tabel 1.5 and the cash flows spill where they are shown.)
 */
import { Analysis, ModelRun, OutcomeGroup, outcomeKey, outcomeTable } from "../model";
import { expectedKey } from "./outputCells";
import { PlanSheet, SheetBuilder, formulaText, rangeAddress, sheetPrefix } from "./plan";
import { REKENKERN } from "./sheetNames";

export { REKENKERN } from "./sheetNames";

/** Rows above the table on Rekenkern (title, explanation, blank, heading). */
const TABLE_TOP = 4;

/** Where the table stands on Rekenkern: keys in E, values in F (the block of extra runs, which it reads, in A–C). */
const KEY_COLUMN = 4;

/** The formula (without "=") that reads one outcome of one run from Rekenkern. */
export function resultLookup(group: OutcomeGroup, run: string, outcome: string): string {
  const sheet = sheetPrefix(REKENKERN);
  return `INDEX(${sheet}$F:$F,MATCH(${formulaText(outcomeKey(group, run, outcome))},${sheet}$E:$E,0))`;
}

/** A run beside the model's own (the LPBL tool's "bij de benodigde fte"): its name, its overrides as formulas, its run. */
export interface ExtraRun {
  readonly name: string;
  readonly overrides: readonly { readonly parameter: string; readonly formula: string; readonly value: number }[];
  /** The engine's run with these overrides, for the expected values. */
  readonly run: ModelRun;
}

/** Where the block of extra runs stands on Rekenkern (naam | parameter | waarde): left of the table that reads it. */
const BLOCK_COLUMN = 0;

/**
 * The Rekenkern sheet: the block of `extra` runs (when there are any), the "alles" call over Invoer and that block, and
 * the engine's table as its expected values.
 */
export function rekenkernSheet(analysis: Analysis, extra: readonly ExtraRun[], expected: Map<string, number | string>): PlanSheet {
  const s = new SheetBuilder(REKENKERN, "Alle uitkomsten van het model in één tabel (één MKBA.SCENARIO-aanroep); de uitvoerbladen lezen eruit met INDEX en VERGELIJKEN.");
  s.addRow([{ value: "Rekenkern — elke uitkomst van elk scenario en elke gevoeligheidsrun", style: "title" }]);
  s.addRow([{ value: "Eén formule rekent het hele model door; Uitvoer, Gevoeligheid en de grafieken lezen hun getallen uit deze tabel (sleutel: groep › run › uitkomst). Niet invullen: dit blad volgt Invoer.", style: "note" }]);
  s.skip();
  s.addRow([...(extra.length > 0 ? ["Run", "Parameter", "Waarde"].map((value) => ({ value, style: "heading" as const })) : [null, null, null]), null, { value: "Sleutel", style: "heading" }, { value: "Waarde", style: "heading" }]);
  // The extra runs as a block of (naam, parameter, waarde) rows, each value a formula to where it comes from.
  let row = TABLE_TOP;
  for (const r of extra) {
    for (const o of r.overrides) {
      s.set(row, BLOCK_COLUMN, { value: r.name, style: "label" });
      s.set(row, BLOCK_COLUMN + 1, { value: o.parameter });
      s.set(row, BLOCK_COLUMN + 2, { formula: o.formula, numberFormat: "#,##0.####", style: "output" });
      expected.set(expectedKey(REKENKERN, row, BLOCK_COLUMN + 2), o.value);
      row++;
    }
  }
  const block = extra.length > 0 ? `${rangeAddress({ row: TABLE_TOP, column: BLOCK_COLUMN, rowCount: row - TABLE_TOP, columnCount: 3 })}` : "";
  const table = outcomeTable(analysis, extra.map((r) => r.run));
  // The table starts below the block's last row: a spreadsheet that sizes a spill when the formula is entered (as
  // HyperFormula does, row by row) then has the whole block computed. The lookups read whole columns.
  const tableTop = row;
  s.set(tableTop, KEY_COLUMN, { formula: `=MKBA.SCENARIO(Invoer,${block},"alles")`, style: "output", numberFormat: "#,##0.####", spill: { rows: table.length, columns: 2 } });
  table.forEach(([key, value], r) => {
    expected.set(expectedKey(REKENKERN, tableTop + r, KEY_COLUMN), key);
    expected.set(expectedKey(REKENKERN, tableTop + r, KEY_COLUMN + 1), typeof value === "number" ? value : value.code);
  });
  s.width(BLOCK_COLUMN, 28).width(BLOCK_COLUMN + 1, 28).width(BLOCK_COLUMN + 2, 14).width(3, 4).width(KEY_COLUMN, 70).width(KEY_COLUMN + 1, 18);
  return s.build();
}
