/** The input form in English: every LPBL field's section, label, column heading and unit has a translation. */
import { lpblScreenFields } from "../../src/engine/workbook/lpblScreen";
import { fieldText, hasEnglish } from "../../src/taskpane/fieldText";

describe("the form's texts in English", () => {
  const fields = lpblScreenFields();
  it("translates every section, label, column heading and unit of the LPBL screen and Kengetallen", () => {
    const texts = new Set(fields.flatMap((f) => [f.section, f.label, f.unit, ...(f.column ? [f.column] : [])]));
    expect([...texts].filter((t) => !hasEnglish(t))).toEqual([]);
  });
  it("keeps Dutch in Dutch, translates 'illustratief', and shows a free model's own labels as typed", () => {
    expect(fieldText("Aantal hh in aanpak (totaal)", "nl")).toBe("Aantal hh in aanpak (totaal)");
    expect(fieldText("Aantal hh in aanpak (totaal)", "en")).toBe("Households in the approach (total)");
    expect(fieldText("Kosten AMW-traject (illustratief)", "en")).toBe("Cost of a general social work trajectory (illustrative)");
    expect(fieldText("Aantal deelnemers aan mijn pilot", "en")).toBe("Aantal deelnemers aan mijn pilot");
  });
});
