/** `mkba audit` and the ExcelJS plan writer (in-process). */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runCli as cli } from "../support/cli";
import { planToWorkbook } from "../../src/cli/xlsxWriter";
import { auditPlan } from "../../src/engine/audit/auditPlan";
import { loadModel } from "../../src/engine/models";
import { EXAMPLES } from "../../src/engine/examples";
import { runModel } from "../../src/engine/model";
import { planProblems } from "../../src/engine/workbook/plan";

const work = mkdtempSync(path.join(tmpdir(), "mkba-audit-cli-"));

describe("mkba audit", () => {
  it("writes Rekenblad and Controle for an example, with named parameters and no cached values", async () => {
    const file = path.join(work, "almere-audit.xlsx");
    const r = await cli(["audit", "--example", "almere", "-o", file]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/geschreven: Rekenblad .* en Controle \(35 uitkomsten naast de rekenkern\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Rekenblad", "Controle"]);
    expect(wb.definedNames.getRanges("p_wijkteams").ranges).toEqual([expect.stringMatching(/^Rekenblad!\$B\$\d+$/)]);
  });

  it("refuses to overwrite without --overschrijven and needs -o FILE.xlsx", async () => {
    const file = path.join(work, "twice.xlsx");
    expect((await cli(["audit", "--example", "zoetermeer-zmp", "-o", file])).code).toBe(0);
    const again = await cli(["audit", "--example", "zoetermeer-zmp", "-o", file]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/bestaat al/);
    expect((await cli(["audit", "--example", "almere"])).err).toMatch(/geef -o UIT\.xlsx/);
    expect(existsSync(path.join(work, "x.xlsx"))).toBe(false);
  });

  it("a plan for every example is consistent, and the writer asks to recalculate on open", () => {
    for (const data of Object.values(EXAMPLES)) {
      const l = loadModel(data);
      if (!l.ok) throw new Error("example must load");
      const run = runModel(l.loaded.compiled, {}, "Basisvariant");
      if (!run.ok) throw new Error("run");
      const plan = auditPlan(l.loaded.compiled, run.run);
      expect(planProblems(plan)).toEqual([]);
      expect(plan.sheets.flatMap((s) => s.cells).some((c) => c.formula?.includes("MKBA."))).toBe(false);
      expect(planToWorkbook(plan, { recalculateOnOpen: true }).calcProperties.fullCalcOnLoad).toBe(true);
    }
  });
});
