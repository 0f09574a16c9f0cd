/** `mkba run --example lpbl`: both output screens of the LPBL MKBA-tool, and its JSON (issue 5, "Done when"). */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runCli as run } from "../support/cli";


describe("mkba run --example lpbl", () => {
  it("--json: the engine's shape plus fteFromCaseload 3,56, the illustrative mark, all three ratios and Uitvoer B per actor", async () => {
    const r = await run(["run", "--example", "lpbl", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.model).toBe("lpbl");
    expect(json.fteFromCaseload).toBe(3.56); // 9,97/600 + 104,37/150 + 213,66/75 (seed 001, Bijlage 2)
    expect(json.illustrative).toBe(true);
    expect(json.illustrativeKeyFigures.length).toBeGreaterThan(0);
    const ratios = json.scenarios[0].ratios;
    for (const r of [ratios.social, ratios.financial, ratios.municipal]) expect(typeof r).toBe("number");
    expect(json.uitvoerB).toMatchObject({ jaar: 2, buildUpYears: 1 });
    // The team against the reach and the factors on the inputs, beside the ratios (issue 19, punten 1 en 5).
    expect(json.uitvoerA.team).toMatchObject({ fteEntered: 3.6, servedShare: 1, householdsServed: 328 });
    expect(json.uitvoerA.team.atNeededFte.ratios.social).toBeGreaterThan(json.uitvoerA.ratios.social);
    expect(json.uitvoerA.drivers.map((d: { key: string }) => d.key)).toHaveLength(3);
    expect(json.appliedFactors.inputs.find((i: { key: string }) => i.key === "succes_werk")).toMatchObject({ entered: 0.02, used: 0.02 });
    expect(json.lopendeAanpak.payback.Corporatie).toEqual({ kind: "geen investering" });
    expect(Object.keys(json.uitvoerB.perActor)).toEqual(expect.arrayContaining(["Gemeente W&I", "Gemeente Jeugd", "Zorgverzekeraar", "Corporatie", "Rijk", "Huishoudens"]));
    expect(Object.keys(json.uitvoerA.baten)).toEqual(["Besparing organisatiekosten", "Effectievere trajecten", "Voorkomen escalaties", "Immateriële baten"]);
  });

  it("prints Uitvoer A and B, the fte check and the illustrative warning in Dutch", async () => {
    const r = await run(["run", "--example", "lpbl"]);
    expect(r.out).toContain("Uitvoer A. MKBA: kosten en baten van één jaar aanpak");
    expect(r.out).toContain("Uitvoer B. Resultaat begroting in jaar 3 van de lopende aanpak (2 jaar na de start), zonder opbouw");
    expect(r.out).toContain("nodig voor bereik × caseload 3,56 fte");
    expect(r.out).toMatch(/Benodigde fte \(bereik × caseload\)\s+3,56\n\s+Ingevoerde fte\s+3,60/);
    expect(r.out).toContain("Het saldo hangt het meest af van");
    expect(r.out).toContain("Terugverdienjaar (cumulatief contant saldo van alle kosten en baten, immateriële inbegrepen, blijvend ≥ 0): 2017");
    expect(r.out).toContain("Let op: berekend met illustratieve kengetallen");
  });

  it("lists problems of the input screen with their path and exits 2", async () => {
    const example = JSON.parse((await run(["example", "lpbl"])).out);
    example.inputs.reach.typeShares.families = 0.5;
    example.keyFigures = { bestaat_niet: 1 };
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mkba-lpbl-")), "lpbl.mkba.json");
    writeFileSync(file, JSON.stringify(example));
    const r = await run(["run", file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/inputs\.reach\.typeShares: .*100%/);
  });
});
