/**
 * Limits Excel sets on what one request may carry (grenzen van Excel), and how the writer stays within them:
 * - Excel on the web refuses a request (one `context.sync()`) above 5 MB, so the writer sends at most about 1 MB per
 *   sync, cutting large matrices into bands of rows;
 * - Excel refuses a formula above 8.192 characters: a plan with one is refused before anything is written.
 */

/** What the writer puts in one sync at most (Excel on the web refuses above 5 MB). */
export const SYNC_BUDGET_BYTES = 1_000_000;

/** Excel's longest formula, in characters. */
export const MAX_FORMULA_LENGTH = 8192;

/** The UTF-8 size of a value as JSON, as it travels in a request. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Bands of consecutive rows [from, to) whose JSON stays within the budget; a row larger than the budget is a band of its own. */
export function rowBands(matrix: readonly (readonly unknown[])[], budget = SYNC_BUDGET_BYTES): { from: number; to: number; bytes: number }[] {
  const bands: { from: number; to: number; bytes: number }[] = [];
  let from = 0;
  let bytes = 0;
  matrix.forEach((row, r) => {
    const size = jsonBytes(row) + 1;
    if (r > from && bytes + size > budget) {
      bands.push({ from, to: r, bytes });
      from = r;
      bytes = 0;
    }
    bytes += size;
  });
  if (matrix.length > from) bands.push({ from, to: matrix.length, bytes });
  return bands;
}

/** Syncs a request context whenever what is queued would pass the budget: `await budget.add(bytes)` before queueing. */
export class SyncBudget {
  private used = 0;
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly budget = SYNC_BUDGET_BYTES,
  ) {}

  async add(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) await this.flush();
    this.used += bytes;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    this.used = 0;
    await this.sync();
  }
}

/**
 * A column width in characters (the plan's unit, as Excel's column-width dialog) → points (the API's unit): a
 * character of the default font is 7 pixels, plus 5 pixels of padding, at 0,75 point per pixel — 8,43 → 48 points.
 */
export const columnWidthPoints = (characters: number) => Math.round((characters * 7 + 5) * 0.75 * 100) / 100;

/** The first formula of a plan longer than Excel allows, or null. */
export function tooLongFormula(cells: Iterable<{ sheet: string; address: string; formula: string }>): { sheet: string; address: string; length: number } | null {
  for (const c of cells) if (c.formula.length > MAX_FORMULA_LENGTH) return { sheet: c.sheet, address: c.address, length: c.formula.length };
  return null;
}
