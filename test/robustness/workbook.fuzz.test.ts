/**
 * The workbook an analyst has edited is input too (issue 22): seeded random analyst edits on each example's workbook,
 * read back by the task pane's Session through the ExcelGateway on the protocol host (Office.js's client) (test/support/workbookFuzz.ts says
 * what is tried and how each outcome is judged). In `npm test` a fixed seed and a small size; `npm run fuzz -- --runs N
 * --seed S` runs a longer one (scripts/fuzz.js) and prints what became of each kind of edit.
 */
import { writeFileSync } from "fs";
import { EXAMPLES } from "../../src/engine/examples";
import { ExcelHost } from "../support/officeHost/excelHost";
import { connectOfficeJs, useExcelHostInNode } from "../support/officeHost/officeJsInNode";
import { FuzzReport, PROFILE, fuzzWorkbooks } from "../support/workbookFuzz";

// Loads Office.js's client; each workbook of the fuzz then gets a host of its own.
useExcelHostInNode();
const newHost = () => {
  const host = new ExcelHost();
  connectOfficeJs(host);
  return host;
};

const seed = Number(process.env.FUZZ_SEED ?? 22);
const edits = Number(process.env.FUZZ_EDITS ?? 30);
const perWorkbook = Number(process.env.FUZZ_EDITS_PER_WORKBOOK ?? 8);

describe("a workbook the analyst edited at will", () => {
  it(
    `every edit (${edits}, seed ${seed}) ends in the model read exactly, a Dutch message naming its cell, or a rebuild offer — never a crash, a silently wrong model or a changed analyst cell`,
    async () => {
      const report: FuzzReport = await fuzzWorkbooks({ seed, edits, editsPerWorkbook: perWorkbook, newHost, examples: Object.keys(EXAMPLES), undoInsteadOfRebuild: Number(process.env.FUZZ_UNDO_SHARE ?? 0.5) });
      if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ ...report, profile: PROFILE }, null, 2));
      const totals = Object.values(report.kinds).reduce(
        (t, k) => ({ crashes: t.crashes + k.crashes, silentWrong: t.silentWrong + k.silentWrong, analystCellsChanged: t.analystCellsChanged + k.analystCellsChanged, badMessages: t.badMessages + k.badMessages, wrongRefusals: t.wrongRefusals + k.wrongRefusals }),
        { crashes: 0, silentWrong: 0, analystCellsChanged: 0, badMessages: 0, wrongRefusals: 0 },
      );
      expect({ totals, failures: report.failures }).toEqual({ totals: { crashes: 0, silentWrong: 0, analystCellsChanged: 0, badMessages: 0, wrongRefusals: 0 }, failures: [] });
      // The run did what it says: every edit judged, and each kind of outcome reached.
      const tried = Object.values(report.kinds).reduce((n, k) => n + k.tried, 0);
      expect(tried).toBe(edits);
      const reached = Object.values(report.kinds).reduce((o, k) => ({ read: o.read + k.read, refused: o.refused + k.refused, rebuild: o.rebuild + k.rebuildOffered }), { read: 0, refused: 0, rebuild: 0 });
      expect(Math.min(reached.read, reached.refused, reached.rebuild)).toBeGreaterThan(0);
    },
    Number(process.env.FUZZ_TIMEOUT_MS ?? 300_000),
  );
});
