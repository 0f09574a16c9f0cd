/**
 * A table read from a sheet (Office.js `values`) as the text of its cells, as the readers take them — kept apart from
 * the readers so that the task pane's own bundle needs only this (the reading runs in its Web Worker).
 */
/** A grid read from a sheet as the text of its cells, for the readers: numbers as typed, an Excel date serial in a date column as JJJJ-MM-DD. */
export function sheetText(grid: readonly (readonly (string | number | boolean | null | { kind: "error" })[])[]): string[][] {
  const header = (grid[0] ?? []).map((h) => (typeof h === "string" ? h.trim().toLowerCase() : ""));
  const dateColumn = header.map((h) => h.startsWith("datum"));
  return grid.map((row, r) =>
    row.map((v, c) => {
      if (v === null || v === undefined || v === "") return "";
      if (typeof v === "number") {
        if (r > 0 && dateColumn[c] && v > 20000 && v < 80000 && Number.isInteger(v)) return new Date((v - 25569) * 86_400_000).toISOString().slice(0, 10);
        return String(v);
      }
      if (typeof v === "boolean") return v ? "ja" : "nee";
      if (typeof v === "string") return v;
      return "";
    }),
  );
}
