/** The workbook layout: one mapping between a model and a block of cells, both ways. */
import { cellsToModel, modelToCells } from "../../src/engine/layout/workbookLayout";
import { analyse, analysisJson, validateModel } from "../../src/engine/model";
import { smallModel } from "../fixtures/models";

function compiled(data: unknown) {
  const v = validateModel(data);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.compiled;
}

describe("workbook layout of a model", () => {
  const model = compiled(smallModel()).model;
  const cells = modelToCells(model);

  it("writes a rectangular block with the sections in order", () => {
    const width = cells[0]!.length;
    expect(cells.every((r) => r.length === width)).toBe(true);
    expect(cells.map((r) => r[0]).filter((v) => typeof v === "string" && v.startsWith("["))).toEqual([
      "[Instellingen]", "[Actoren]", "[Categorieën]", "[Parameters]", "[Effecten]", "[Gevoeligheid]",
    ]);
  });

  it("puts each scenario in its own column of the parameter table, blank where it changes nothing", () => {
    const header = cells.find((r) => r[0] === "[Parameters]")!;
    const column = header.indexOf("Dubbel");
    expect(column).toBeGreaterThan(0);
    expect(cells.find((r) => r[0] === "aantal")![column]).toBe(20);
    expect(cells.find((r) => r[0] === "prijs")![column]).toBeNull();
  });

  it("reads back to a model with the same results (round trip)", () => {
    const read = cellsToModel(cells);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const a = analyse(compiled(read.model));
    const b = analyse(compiled(model));
    expect(a.ok && b.ok && analysisJson(a.analysis)).toEqual(b.ok && analysisJson(b.analysis));
  });

  it("names the cell of a problem: row and column inside the block", () => {
    const broken = cells.map((r) => [...r]);
    const row = broken.findIndex((r) => r[0] === "prijs");
    broken[row]![1] = "veel";
    const read = cellsToModel(broken);
    expect(!read.ok && read.problems).toEqual([{ path: `rij ${row + 1}, kolom 2`, message: 'waarde van "prijs": de tekst "veel" is geen getal' }]);
  });

  it("locates validation problems of the model in the block", () => {
    const broken = cells.map((r) => [...r]);
    const row = broken.findIndex((r) => r[0] === "Besparing");
    broken[row]![3] = "Gemeent";
    const read = cellsToModel(broken);
    if (!read.ok) throw new Error("should read");
    const v = validateModel(read.model);
    expect(!v.ok && v.problems.map((p) => `${read.locate(p.path)}: ${p.message}`)).toEqual([`rij ${row + 1}: onbekende actor "Gemeent"; bedoelt u "Gemeente"?`]);
  });

  it("reports a missing section", () => {
    const read = cellsToModel(cells.filter((r) => r[0] !== "[Effecten]"));
    expect(!read.ok && read.problems.map((p) => p.message)).toContain("het onderdeel [Effecten] ontbreekt");
  });
});
