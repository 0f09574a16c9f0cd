/**
 * The workbook `mkba werkmap` writes, opened by LibreOffice WITHOUT recalculation (issue 20, item 2): what a colleague
 * without the add-in sees. For every example, every sheet: each constant and each cached formula result outside the
 * add-in's own spilling calls shows the engine's value (figures to 1e-9 relative), and no cell there shows an error the
 * engine did not compute — the output screens read the model evaluation with INDEX/MATCH, and those cells keep their
 * cached values.
 *
 * The ranges of the add-in's spilling calls themselves are where LibreOffice 7.4 differs from a viewer that shows the
 * file: it imports every array formula (`t="array"`) as a matrix and computes it on load, recalculation mode or not — the
 * cached values of a matrix are not applied (its import, sc/source/filter/oox/formulabuffer.cxx: `applyArrayFormulas`
 * → `setMatrixCells`, while `applyCellFormulaValues` sets the cached results of single-cell formulas only) — and it knows
 * no `_xldudf_MKBA_…` function, so those ranges read #NAME?. That behaviour is pinned here too, so that a LibreOffice
 * that starts showing them is noticed (docs/xlsx-form.md).
 * In CI (CI=true) LibreOffice is required; without it locally the test is skipped.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { planToXlsx } from "../../src/cli/xlsxWriter";
import { EXAMPLES } from "../../src/engine/examples";
import { analyse } from "../../src/engine/model";
import { loadModel } from "../../src/engine/models";
import { ModelWorkbook, expectedValue, modelWorkbook, workbookOptions } from "../../src/engine/workbook/modelPlan";
import { a1 } from "../../src/engine/workbook/plan";
import { libreOfficeBinary, recalculateAllSheets } from "../support/libreoffice";

const required = process.env.CI === "true";
const work = mkdtempSync(path.join(tmpdir(), "mkba-cached-"));
const ERROR = /^(#NAME\?|#N\/A|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|Err:\d+)$/;

function workbookOf(name: string): ModelWorkbook {
  const loaded = loadModel(EXAMPLES[name]);
  if (!loaded.ok) throw new Error(`example ${name} does not load`);
  const result = analyse(loaded.loaded.compiled);
  if (!result.ok) throw new Error(`example ${name} does not run`);
  return modelWorkbook(result.analysis, workbookOptions(loaded.loaded));
}

/** Does LibreOffice's text of a cell show `expected`? Numbers to 1e-9 relative (its CSV prints 15 digits). */
function shows(text: string, expected: string | number | boolean): boolean {
  if (typeof expected === "number" && text.endsWith("%")) {
    // A percentage format is printed as shown ("48%"): equal to its last digit.
    const digits = text.split(".")[1]?.length ?? 1;
    return Math.abs(Number(text.slice(0, -1).replace(/^.*?(-?[\d.]+)$/, "$1")) / 100 - expected) <= 0.5 * 10 ** -(digits + 1) + 1e-12;
  }
  if (typeof expected === "number") {
    const n = Number(text);
    return text !== "" && Number.isFinite(n) && Math.abs(n - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  // A cached error value is not applied by LibreOffice's import (applyCellFormulaValues sets numbers and strings): it
  // shows an error of its own (#N/A) where the engine's is #DIV/0!. An error all the same, never a number.
  if (typeof expected === "string" && ERROR.test(expected)) return ERROR.test(text);
  if (typeof expected === "boolean") return text.toUpperCase() === String(expected).toUpperCase();
  return text === expected;
}

(libreOfficeBinary() || required ? describe : describe.skip)("the CLI's workbook opened by LibreOffice without recalculation", () => {
  const names = Object.keys(EXAMPLES);
  const workbooks = new Map<string, ModelWorkbook>();
  let sheetsByFile: Map<string, Map<string, string[][]>>;

  beforeAll(async () => {
    const files: string[] = [];
    for (const name of names) {
      const workbook = workbookOf(name);
      workbooks.set(name, workbook);
      const file = path.join(work, `${name}.xlsx`);
      writeFileSync(file, await planToXlsx(workbook.plan, { cachedResults: (sheet, row, column) => expectedValue(workbook, sheet, row, column) }));
      files.push(file);
    }
    sheetsByFile = recalculateAllSheets(files, false);
  }, 300000);

  it.each(names)("%s: every value outside the add-in's spilling calls is the engine's, and none is an error", (name) => {
    const workbook = workbooks.get(name)!;
    const sheets = sheetsByFile.get(path.join(work, `${name}.xlsx`))!;
    let compared = 0;
    const wrong: string[] = [];
    for (const sheet of workbook.plan.sheets) {
      const rows = sheets.get(sheet.name);
      expect({ sheet: sheet.name, read: rows !== undefined }).toEqual({ sheet: sheet.name, read: true });
      const text = (r: number, c: number) => rows![r]?.[c] ?? "";
      const inAddinArray = new Set<string>();
      for (const c of sheet.cells) {
        if (!c.spill || !/\bMKBA\./i.test(c.formula ?? "")) continue;
        for (let r = 0; r < c.spill.rows; r++) for (let k = 0; k < c.spill.columns; k++) inAddinArray.add(`${c.row + r},${c.column + k}`);
      }
      for (const c of sheet.cells) {
        if (inAddinArray.has(`${c.row},${c.column}`)) continue;
        const expected = c.formula !== undefined ? expectedValue(workbook, sheet.name, c.row, c.column) : c.value;
        if (expected === undefined || expected === null || expected === "") continue;
        compared++;
        if (!shows(text(c.row, c.column), expected as string | number | boolean)) wrong.push(`${sheet.name}!${a1(c.row, c.column)}: ${text(c.row, c.column)} ≠ ${String(expected)}`);
      }
      rows!.forEach((row, r) =>
        row.forEach((v, k) => {
          if (ERROR.test(v) && !inAddinArray.has(`${r},${k}`) && !ERROR.test(String(expectedValue(workbook, sheet.name, r, k)))) wrong.push(`${sheet.name}!${a1(r, k)}: ${v}`);
        }),
      );
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  it("LibreOffice 7.4 computes the add-in's array formulas on load whatever the mode, and shows #NAME? there (pinned: see the header)", () => {
    const workbook = workbooks.get("lpbl")!;
    const sheets = sheetsByFile.get(path.join(work, "lpbl.xlsx"))!;
    const rekenkern = workbook.plan.sheets.find((s) => s.name === "Rekenkern")!;
    const call = rekenkern.cells.find((c) => c.spill && /\bMKBA\.SCENARIO/.test(c.formula ?? ""))!;
    expect(sheets.get("Rekenkern")![call.row + 1]![call.column + 1]).toBe("#NAME?");
  });
});
