/**
 * The protocol host's analyst edits beyond typing and pasting (test/support/officeHost/excelHost.ts): rows inserted and
 * deleted, a sheet renamed, a block sorted — with Excel's semantics for what moves with them (formulas' references,
 * names, formats, data validation), seen through Office.js's own client (ExcelGateway.namedRange, Range reads).
 */
import { ExcelGateway } from "../../src/office/excelGateway";
import { useExcelHostInNode } from "../support/officeHost/officeJsInNode";

const host = useExcelHostInNode();

/** A small sheet: values in A1:B5, a formula summing them, the name Blok on A2:B4, a format and a validation. */
async function small() {
  const h = host();
  h.addSheet("Data");
  h.paste("Data", 0, 0, [["d", 4], ["b", 2], ["a", 1], ["c", 3], ["e", 5]]);
  h.type("Data", 6, 1, "=SUM(B1:B5)");
  h.type("Data", 7, 1, "=B3*10");
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Data");
    context.workbook.names.add("Blok", sheet.getRange("A2:B4"));
    sheet.getRange("B3").numberFormat = [["0,00"]];
    sheet.getRange("B2:B4").dataValidation.rule = { decimal: { formula1: 0, operator: Excel.DataValidationOperator.greaterThanOrEqualTo } };
    await context.sync();
  });
  return h;
}

describe("the host's row, sheet and sort edits (as Excel)", () => {
  it("inserting rows moves cells, formulas' references, the name, formats and validation down", async () => {
    const h = await small();
    h.insertRows("Data", 1, 2);
    expect(h.value("Data", 3, 1)).toBe(2);
    expect(h.formula("Data", 8, 1)).toBe("=SUM(B1:B7)");
    expect(h.formula("Data", 9, 1)).toBe("=B5*10");
    expect(await new ExcelGateway().namedRange("Blok")).toEqual({ sheet: "Data", address: "A4:B6" });
    expect(h.numberFormats.get("Data!B5")).toBe("0,00");
    expect(h.validations.map((v) => v.address)).toEqual(["B4:B6"]);
  });

  it("deleting rows moves what is below up, narrows the name; a reference to a deleted cell becomes #REF!", async () => {
    const h = await small();
    h.deleteRows("Data", 2, 1);
    expect(h.value("Data", 2, 1)).toBe(3);
    expect(h.value("Data", 5, 1)).toBe(14);
    expect(h.value("Data", 6, 1)).toEqual(expect.objectContaining({ code: "#REF!" }));
    expect(await new ExcelGateway().namedRange("Blok")).toEqual({ sheet: "Data", address: "A2:B3" });
    expect(h.numberFormats.has("Data!B3")).toBe(false);
    expect(h.validations.map((v) => v.address)).toEqual(["B2:B3"]);
    // The name's rows all deleted: Excel's name then refers to #REF!, no range.
    h.deleteRows("Data", 1, 2);
    expect(await new ExcelGateway().namedRange("Blok")).toBeNull();
  });

  it("a renamed sheet takes formulas and names along; a deleted one leaves the name without a range", async () => {
    const h = await small();
    h.addSheet("Elders");
    h.type("Elders", 0, 0, "=Data!B1");
    h.renameSheet("Data", "Data (2)");
    expect(h.formula("Elders", 0, 0)).toBe("='Data (2)'!B1");
    expect(await new ExcelGateway().namedRange("Blok")).toEqual({ sheet: "Data (2)", address: "A2:B4" });
    expect(() => h.renameSheet("Elders", "a/b")).toThrow();
    h.removeSheet("Data (2)");
    expect(await new ExcelGateway().namedRange("Blok")).toBeNull();
  });

  it("sorting a block moves each row with its contents and formats, numbers before text, blanks last; onChanged hears it", async () => {
    const h = await small();
    const heard: string[] = [];
    const gateway = new ExcelGateway();
    const stop = await gateway.onSheetChanged("Data", (change) => heard.push(JSON.stringify(change)));
    const order = h.sort("Data", "A1:B5", 0);
    expect(order).toEqual([2, 1, 3, 0, 4]);
    expect([0, 1, 2, 3, 4].map((r) => h.value("Data", r, 0))).toEqual(["a", "b", "c", "d", "e"]);
    expect([0, 1, 2, 3, 4].map((r) => h.value("Data", r, 1))).toEqual([1, 2, 3, 4, 5]);
    // B3 (the 1 of "a") had the format: it moved to B1 with its row.
    expect(h.numberFormats.get("Data!B1")).toBe("0,00");
    h.paste("Data", 10, 0, [[3, "x"], [null, "y"], ["t", "z"], [1, "w"]]);
    expect(h.sort("Data", "A11:B14", 0)).toEqual([3, 0, 2, 1]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard.length).toBeGreaterThanOrEqual(2);
    await stop();
  });
});
