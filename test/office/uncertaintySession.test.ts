/**
 * The session's uncertainty side (issue 11, item 4) on the protocol host (Office.js's client) in Node: the Onzekerheid sheet goes into a free
 * model's export and stays out of the strict LPBL file, an edited row reaches the worker's request, a workbook without
 * the sheet uses the default, and the worker's job (uncertaintyJob.ts) posts rising progress and the engine's result.
 */
import { EXAMPLES } from "../../src/engine/examples";
import { loadModel } from "../../src/engine/models";
import { runMonteCarlo } from "../../src/engine/uncertainty/monteCarlo";
import { ONZEKERHEID } from "../../src/engine/workbook/uncertaintyPlan";
import { ExcelGateway } from "../../src/office/excelGateway";
import { Session } from "../../src/taskpane/session";
import { JobMessage, runJob } from "../../src/taskpane/uncertaintyJob";
import { useExcelHostInNode } from "../support/officeHost/officeJsInNode";

const host = useExcelHostInNode();
const yes = async () => true;

function headingRow(): number {
  for (let r = 0; r < 50; r++) if (host().value(ONZEKERHEID, r, 0) === "Sleutel") return r;
  throw new Error("geen kop");
}

describe("uncertainty in the session", () => {
  it("says so when the Onzekerheid sheet cannot be read, instead of quietly using the default (only a missing sheet means the default)", async () => {
    class Failing extends ExcelGateway {
      override async readRange(sheet: string, address: string) {
        if (sheet === ONZEKERHEID) throw Object.assign(new Error("verbinding verbroken"), { code: "GeneralException" });
        return super.readRange(sheet, address);
      }
    }
    const session = new Session(new Failing());
    await session.start({ kind: "example", name: "lpbl" }, yes);
    expect(await session.uncertaintyJob()).toEqual({ ok: false, problems: [{ path: ONZEKERHEID, message: "het blad kon niet worden gelezen: verbinding verbroken" }] });
  });

  it("exports a free model with the sheet's distributions (Almere: the file's own) and re-reads them", async () => {
    const session = new Session(new ExcelGateway());
    await session.start({ kind: "example", name: "almere" }, yes);
    const exported = await session.exportText();
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    const again = loadModel(JSON.parse(exported.text));
    const original = loadModel(EXAMPLES.almere);
    if (!again.ok || !original.ok) throw new Error("model");
    expect(again.loaded.compiled.model.uncertainty).toEqual(original.loaded.compiled.model.uncertainty);
  });

  it("keeps an LPBL model's distributions in the workbook only (its default: the key figures' ranges); an edited row reaches the request", async () => {
    const session = new Session(new ExcelGateway());
    await session.start({ kind: "example", name: "lpbl" }, yes);
    const plain = await session.uncertaintyJob();
    if (!plain.ok) throw new Error(JSON.stringify(plain.problems));
    // The sheet as written: the LPBL model's own default uncertainty (the seed's ranges), read back from the cells.
    expect(plain.job.uncertainty!.distributions.find((d) => d.parameter === "kosten_ots_uhp")).toMatchObject({ type: "driehoek", min: 2000, mode: 2000, max: 100000 });
    expect(plain.ranges.kosten_ots_uhp).toEqual({ low: 2000, high: 100000 });
    const r = headingRow() + 1;
    const key = host().value(ONZEKERHEID, r, 0) as string;
    host().type(ONZEKERHEID, r, 3, "uniform");
    host().type(ONZEKERHEID, r, 4, 1);
    host().type(ONZEKERHEID, r, 6, 2);
    const edited = await session.uncertaintyJob();
    if (!edited.ok) throw new Error(JSON.stringify(edited.problems));
    expect(edited.job.uncertainty!.distributions[0]).toEqual({ parameter: key, type: "uniform", min: 1, max: 2 });
    expect(edited.ranges[key]).toEqual({ low: 1, high: 2 });
    const exported = await session.exportText();
    if (!exported.ok) throw new Error("export");
    expect(JSON.parse(exported.text)).not.toHaveProperty("uncertainty");
  });

  it("a workbook without the Onzekerheid sheet (written before it existed) uses the default", async () => {
    const session = new Session(new ExcelGateway());
    await session.start({ kind: "example", name: "zoetermeer-zmp" }, yes);
    host().removeSheet(ONZEKERHEID);
    const job = await session.uncertaintyJob();
    if (!job.ok) throw new Error(JSON.stringify(job.problems));
    expect(job.job).toMatchObject({ relative: 0.2 });
    expect(job.job.uncertainty).toBeUndefined();
  });

  it("the worker's job posts rising progress and then exactly the engine's result", () => {
    const messages: JobMessage[] = [];
    runJob({ action: "montecarlo", data: EXAMPLES.lpbl, relative: 0.2, runs: 9000, seed: 5, sampling: "latin-hypercube" }, (m) => messages.push(m));
    const fractions = messages.flatMap((m) => (m.type === "progress" ? [m.fraction] : []));
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).toBe(true);
    const last = messages[messages.length - 1]!;
    const l = loadModel(EXAMPLES.lpbl);
    if (!l.ok || last.type !== "montecarlo") throw new Error("result");
    const node = runMonteCarlo(l.loaded.compiled, { runs: 9000, seed: 5, sampling: "latin-hypercube" });
    expect(node.ok && node.result).toEqual(last.result);
  });
});
