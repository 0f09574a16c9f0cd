/**
 * The custom-function metadata is a contract with every saved workbook: Excel stores formulas by function id,
 * so a changed id or parameter list breaks them all. The ids and parameters below are written out by hand on
 * purpose — if this test fails, do not "update" it: add a new function instead of changing an old one.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as path from "path";
import { FUNCTIONS } from "../../src/functions/catalog";
import english from "../../src/functions/functions-en-us.json";
import { EXCEL_FUNCTION_NAMES } from "../fixtures/excelFunctionNames";

interface Metadata {
  functions: { id: string; name: string; description: string; parameters: { name: string; type: string; dimensionality?: string; optional?: boolean }[] }[];
}

let generated: Metadata;
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"), true);
  expect(result.errors).toEqual([]);
  generated = JSON.parse(result.metadataJson) as Metadata;
});

const shape = (m: Metadata) =>
  m.functions.map((f) => ({
    id: f.id,
    parameters: f.parameters.map((p) => [p.type, p.dimensionality ?? "scalar", p.optional ? "optional" : "required"].join(" ")),
  }));

describe("functions.json (generated from the JSDoc in src/functions/functions.ts)", () => {
  it("keeps the ids, Dutch names and parameters of the released functions", () => {
    expect(generated.functions.map((f) => ({ id: f.id, name: f.name, parameters: f.parameters.map((p) => p.name) }))).toEqual([
      { id: "NCW", name: "NCW", parameters: ["bedragen", "discontovoet", "eerste_jaar"] },
      { id: "RATIO", name: "RATIO", parameters: ["baten", "kosten", "discontovoet", "eerste_jaar"] },
      { id: "SCENARIO", name: "SCENARIO", parameters: ["model", "scenario", "uitkomst"] },
      { id: "DISCONTOFACTOR", name: "DISCONTOFACTOR", parameters: ["jaar", "discontovoet"] },
      { id: "DISCONTOVOET", name: "DISCONTOVOET", parameters: ["jaar", "discontovoet"] },
      { id: "EFFECTWAARDE", name: "EFFECTWAARDE", parameters: ["aantal", "prijs", "attributie", "deadweight", "terugval", "jaar"] },
      { id: "TERUGVERDIENJAAR", name: "TERUGVERDIENJAAR", parameters: ["bedragen", "discontovoet", "eerste_jaar"] },
      { id: "INTERNRENDEMENT", name: "INTERNRENDEMENT", parameters: ["bedragen", "schatting"] },
    ]);
    const scalarOptional = "any scalar optional";
    expect(shape(generated)).toEqual([
      { id: "NCW", parameters: ["any matrix required", scalarOptional, scalarOptional] },
      { id: "RATIO", parameters: ["any matrix required", "any matrix required", scalarOptional, scalarOptional] },
      { id: "SCENARIO", parameters: ["any matrix required", "any matrix optional", scalarOptional] },
      { id: "DISCONTOFACTOR", parameters: ["any scalar required", scalarOptional] },
      { id: "DISCONTOVOET", parameters: ["any scalar required", scalarOptional] },
      { id: "EFFECTWAARDE", parameters: ["any scalar required", "any scalar required", scalarOptional, scalarOptional, scalarOptional, scalarOptional] },
      { id: "TERUGVERDIENJAAR", parameters: ["any matrix required", scalarOptional, scalarOptional] },
      { id: "INTERNRENDEMENT", parameters: ["any matrix required", scalarOptional] },
    ]);
  });

  it("describes every function and parameter in Dutch", () => {
    for (const f of generated.functions) {
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect((p as { description?: string }).description?.length).toBeGreaterThan(10);
    }
  });

  it("matches the function catalogue the CLI and the tests use", () => {
    expect(FUNCTIONS.map((f) => ({ id: f.id, parameters: f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`) }))).toEqual(
      generated.functions.map((f) => ({ id: f.id, parameters: f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`) })),
    );
  });
});

describe("functions-en-us.json (English, kept by hand)", () => {
  it("has exactly the ids, parameter count, types, dimensionality and optionality of the generated file", () => {
    expect(shape(english as Metadata)).toEqual(shape(generated));
  });

  it("gives every function names, in both languages, that are no Excel function and no cell reference", () => {
    for (const f of [...(english as Metadata).functions, ...generated.functions]) {
      expect(f.name).toMatch(/^[A-Z][A-Z0-9._]*$/);
      expect(f.name).not.toMatch(/^[A-Z]{1,3}[0-9]+$/); // A1 style
      expect(f.name).not.toMatch(/^R[0-9]*C[0-9]*$/); // R1C1 style
      expect(EXCEL_FUNCTION_NAMES.has(f.name)).toBe(false);
    }
  });
});
