/**
 * `hf_build_ratio` and `hf_recalc_ratio` of `npm run bench` (issue 12): MKBA.NCW against a formula engine's own NPV
 * in a real spreadsheet (HyperFormula, GPLv3 — a devDependency, loaded from node_modules: the CLI bundle keeps it
 * external). Two sheets of 10.000 rows, each a 10-year row of amounts in A:J and one formula in K over the rate in
 * $L$1 — `=MKBA.NCW(A1:J1,$L$1)` and the native `=A1+NPV($L$1,B1:J1)`, the same answer to within rounding:
 *   - build: `HyperFormula.buildFromArray` of the whole sheet (parsing, dependency graph, first evaluation);
 *   - recalc: setting $L$1 to another rate, which recalculates all 10.000 formulas.
 * Both sheets are measured in alternating order (ours first, then theirs; then theirs first), with a garbage
 * collection before each timing so that one sheet's garbage is not collected in the other's time, warm-up rounds
 * dropped; each figure is the median over rounds of the ratio of the adjacent pair ours ÷ native (a pair shares the
 * machine's load at that moment, which makes the ratio steadier than a ratio of two medians on a busy machine).
 */
import * as path from "path";
import { performance } from "perf_hooks";
import * as v8 from "v8";
import * as vm from "vm";
import { HyperFormula } from "hyperformula";
import { CONFIG, generatedMetadata, registerMkbaFunctions } from "../functions/hyperformula";

const ROWS = 10_000;
const YEARS = 10;
const RATE_CELL = { sheet: 0, row: 0, col: YEARS + 1 } as const; // L1

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A full garbage collection, when the flag can be set at run time (it can in Node); else nothing. */
function collector(): () => void {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as unknown;
    if (typeof gc === "function") return gc as () => void;
  } catch {
    // no collection between timings; the figures are noisier, not wrong
  }
  return () => undefined;
}

/** Amounts in cents, positive and negative, different per row (the rows of `ncw_10y_us`, repeated). */
function amounts(): number[][] {
  return Array.from({ length: ROWS }, (_, r) => Array.from({ length: YEARS }, (_, t) => Math.round((((r % 128) * 37 + t * 101) % 997) * 123.45 - 50000) / 100));
}

function sheetOf(data: readonly number[][], formula: (row: number) => string): (number | string)[][] {
  return data.map((row, r) => [...row, formula(r + 1), ...(r === 0 ? [0.0225] : [])]);
}

/** The two ratios; `root` is the repository (for src/functions/functions.ts, whose metadata sizes the arguments). */
export function hyperFormulaRatios(root: string): { build: number; recalc: number } {
  registerMkbaFunctions(generatedMetadata(path.join(root, "src", "functions", "functions.ts")));
  const gc = collector();
  const data = amounts();
  const sheets = {
    ours: sheetOf(data, (i) => `=MKBA.NCW(A${i}:J${i},$L$1)`),
    native: sheetOf(data, (i) => `=A${i}+NPV($L$1,B${i}:J${i})`),
  };
  const timed = (f: () => void): number => {
    gc();
    const start = performance.now();
    f();
    return performance.now() - start;
  };
  const orders = [["ours", "native"], ["native", "ours"]] as const;

  const built: Partial<Record<"ours" | "native", HyperFormula>> = {};
  const buildRatios: number[] = [];
  for (let round = 0; round < 9; round++) {
    const t = { ours: 0, native: 0 };
    for (const kind of orders[round % 2]!) {
      built[kind]?.destroy();
      t[kind] = timed(() => void (built[kind] = HyperFormula.buildFromArray(sheets[kind], CONFIG)));
    }
    if (round >= 2) buildRatios.push(t.ours / t.native);
  }

  const recalcRatios: number[] = [];
  for (let round = 0; round < 25; round++) {
    const rate = round % 2 === 0 ? 0.03 : 0.0225;
    const t = { ours: 0, native: 0 };
    for (const kind of orders[round % 2]!) t[kind] = timed(() => void built[kind]!.setCellContents(RATE_CELL, [[rate]]));
    if (round >= 3) recalcRatios.push(t.ours / t.native);
  }

  // A sheet that computed something else would make the ratio meaningless: both must agree to within rounding.
  for (const row of [0, 1, ROWS - 1]) {
    const a = built.ours!.getCellValue({ sheet: 0, row, col: YEARS });
    const b = built.native!.getCellValue({ sheet: 0, row, col: YEARS });
    if (typeof a !== "number" || typeof b !== "number" || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) {
      throw new Error(`HyperFormula-meting: rij ${row + 1} geeft ${String(a)} met MKBA.NCW en ${String(b)} met NPV`);
    }
  }
  built.ours!.destroy();
  built.native!.destroy();
  return { build: median(buildRatios), recalc: median(recalcRatios) };
}
