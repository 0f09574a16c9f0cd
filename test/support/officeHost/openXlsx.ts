/**
 * Opens an .xlsx file in the protocol host as Excel opens it (issue 20, item 6): so that tests cover a workbook the CLI
 * wrote, opened by the task pane, edited and recalculated.
 *
 * What it reads: the sheets in order, constants (text stays text), formulas, number formats, defined names, and the
 * add-in's document settings from the web extension part (`workbook.settings`). The storage form of add-in calls is
 * read as Excel reads it with the add-in loaded:
 *
 * - `_xldudf_MKBA_SCENARIO(` is a call tied to the add-in: it becomes `MKBA.SCENARIO(` and calculates;
 * - a plain `MKBA.SCENARIO(` in a file is not tied to the add-in: it shows #NAME? until the formula is re-entered
 *   (OfficeDev/office-js#6611, #6395). The host keeps it under a name HyperFormula does not know
 *   (`ONGEKOPPELD_MKBA_SCENARIO(`), so it computes #NAME?, and shows it as typed (`MKBA.SCENARIO(`) in `formulas`;
 *   writing the same formula again enters it as a resolved call.
 *
 * A formula stored as an array (`t="array"` with a range) is entered in its anchor cell only, where it spills as Excel's
 * does; the cached values in its range are not constants. Cached values elsewhere are ignored: the host computes.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { WEB_EXTENSION_PART, webExtensionSettings } from "../../../src/cli/xlsx/webExtension";
import { cellKey } from "./addresses";
import { hostFormula } from "./storageForm";
import { HostWorkbook } from "./workbook";

function isFormula(v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

/** Loads the file into an empty host workbook (one sheet, "Blad1"). */
export async function openXlsx(book: HostWorkbook, bytes: Uint8Array): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const initial = book.sheets[0]!;
  wb.worksheets.forEach((ws, i) => {
    if (i === 0) book.renameSheet(initial, ws.name);
    else book.addSheet(ws.name);
  });
  for (const ws of wb.worksheets) {
    const sheet = book.findSheet(ws.name)!;
    // The ranges of array formulas: their cells other than the anchor hold cached values only.
    const spilled = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as { shareType?: string; ref?: string } | null;
        if (v && typeof v === "object" && v.shareType === "array" && v.ref) {
          const [from, to] = v.ref.split(":").map((a) => ws.getCell(a));
          const last = to ?? from!;
          for (let r = Number(from!.row); r <= Number(last.row); r++) {
            for (let c = Number(from!.col); c <= Number(last.col); c++) if (r !== Number(cell.row) || c !== Number(cell.col)) spilled.add(`${r},${c}`);
          }
        }
      }),
    );
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const r = Number(cell.row) - 1;
        const c = Number(cell.col) - 1;
        if (cell.numFmt && cell.numFmt !== "General") sheet.numberFormats.set(cellKey(r, c), cell.numFmt);
        if (spilled.has(`${cell.row},${cell.col}`)) return;
        const v = cell.value;
        let content: string | number | boolean | null = null;
        if (isFormula(v)) {
          const text = "formula" in v && v.formula ? v.formula : (cell.formula ?? "");
          content = `=${hostFormula(text)}`;
        } else if (typeof v === "string") content = `'${v}`;
        else if (typeof v === "number" || typeof v === "boolean") content = v;
        else if (v && typeof v === "object" && "richText" in v) content = `'${v.richText.map((t) => t.text).join("")}`;
        if (content !== null) book.writeCells(sheet, { row: r, column: c, rows: 1, columns: 1 }, [[content]], "opened");
      }),
    );
  }
  for (const { name, ranges } of (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) {
    if (ranges.length === 1) book.addName(name, `=${ranges[0]}`, "");
  }
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(WEB_EXTENSION_PART);
  if (part) for (const [key, value] of webExtensionSettings(await part.async("string"))) book.settings.set(key, value);
  book.flushDeferred();
}
