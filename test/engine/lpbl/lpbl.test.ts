/**
 * The LPBL MKBA-tool model (src/engine/models/lpbl, docs/lpbl-model.md). Expected values are computed by hand from
 * the example inputs (seed 001_89b8683f98a68fb5.txt, Bijlage 2) and the key-figure defaults, formula by formula —
 * never by re-running the generator's expressions.
 */
import { analyse, ModelRun, runModel, validateModel } from "../../../src/engine/model";
import {
  buildLpblModel,
  LPBL_EXAMPLE_INPUTS,
  LPBL_KEY_FIGURES,
  LpblBuildOk,
  LpblInputs,
  lpblOutputs,
  lpblOutputText,
  validateLpblInputs,
} from "../../../src/engine/models/lpbl";

const clone = (): LpblInputs => JSON.parse(JSON.stringify(LPBL_EXAMPLE_INPUTS));
const kf = (key: string) => LPBL_KEY_FIGURES.find((k) => k.key === key)!.value;
const d = (t: number) => 1 / 1.055 ** t; // discount rule "2007": 5,5%

function build(inputs: unknown = LPBL_EXAMPLE_INPUTS, overrides: Record<string, number> = {}): LpblBuildOk {
  const b = buildLpblModel(inputs, overrides);
  if (!b.ok) throw new Error(JSON.stringify(b.problems));
  return b;
}
function run(b: LpblBuildOk, overrides: Record<string, number> = {}): ModelRun {
  const v = validateModel(b.model);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const r = runModel(v.compiled, overrides, "Basisvariant");
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.run;
}
function compiledOf(b: LpblBuildOk) {
  const v = validateModel(b.model);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.compiled;
}
const ncw = (r: ModelRun, name: string) => {
  const e = r.effects.find((x) => x.name === name);
  if (!e) throw new Error(`geen effect ${name}`);
  return e.ncw;
};

// Hand-computed quantities of the example (328 households).
const N = 328;
const Ng = N * 0.48, No = N * 0.31, Nr = N * 0.21; // 157,44 / 101,68 / 68,88
const Mg = Ng * (0.2 + 0.78), Mo = No * (0.5 + 0.46), Mr = Nr * (0.32 + 0.64); // multi-problem households
const M = Mg + Mo + Mr;
const debts = Mg * 0.5 + Mo * 0.18 + Mr * 0.8;
// Working age only: families and other households (the elderly's "geen werk 100%" is pension age; issue 9, fault 5).
const noWork = Mg * 0.8 + Mr * 0.8;
// Team breadth: the example team has 2 of the 6 disciplines (GGZ-volwassenen, Wonen); half of the success depends on it.
const breadth = 1 - 0.5 + 0.5 * (2 / 6);
const years123 = () => d(1) + d(2) + d(3);
const years23 = () => d(2) + d(3);

describe("bereik en fte (domain.md: 9,97 / 104,37 / 213,66 en 3,56 fte)", () => {
  const b = build();
  it("huishoudens per zwaarte", () => {
    expect(b.householdsBySeverity.ev).toBeCloseTo(9.97, 2);
    expect(b.householdsBySeverity.zr).toBeCloseTo(104.37, 2);
    expect(b.householdsBySeverity.nzr).toBeCloseTo(213.66, 2);
  });
  it("fteFromCaseload = 9,97/600 + 104,37/150 + 213,66/75 = 3,56", () => {
    expect(Math.round(b.fteFromCaseload * 100) / 100).toBe(3.56);
    expect(b.fteFromCaseload).toBeCloseTo(9.9712 / 600 + 104.3696 / 150 + 213.6592 / 75, 10);
    expect(b.fteEntered).toBe(3.6);
    expect(b.fteWarning).toBeNull();
  });
  it("waarschuwt bij meer dan 10% verschil", () => {
    const i = clone();
    i.costs.teamFte = 5;
    const w = build(i).fteWarning;
    expect(w).toMatch(/wijkt 40% af/);
    expect(w).toMatch(/3,56 fte/);
  });
});

describe("validatie (Nederlandse meldingen)", () => {
  it("het voorbeeld is geldig", () => expect(validateLpblInputs(LPBL_EXAMPLE_INPUTS).ok).toBe(true));
  it("een kolom die niet optelt tot 100%", () => {
    const i = clone();
    i.reach.severity.elderly.nzr = 0.36;
    const r = validateLpblInputs(i);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: "reach.severity.elderly", message: "De kolom ouderen (ev + mv-zr + mv-nzr) telt op tot 90%; dat moet 100% zijn" }]);
  });
  it("typeverdeling die niet optelt tot 100%", () => {
    const i = clone();
    i.reach.typeShares.other = 0.2;
    const r = validateLpblInputs(i);
    expect(!r.ok && r.problems[0]!.path).toBe("reach.typeShares");
  });
  it("een negatief aantal", () => {
    const i = clone();
    i.reach.households = -1;
    const r = buildLpblModel(i);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: "reach.households", message: "Aantal hh in aanpak (totaal): een aantal of bedrag kan niet negatief zijn" }]);
  });
  it("een aandeel boven 100%", () => {
    const i = clone();
    i.costs.newlyFoundShare = 18;
    const r = validateLpblInputs(i);
    expect(!r.ok && r.problems[0]).toEqual({ path: "costs.newlyFoundShare", message: "Percentage nieuw gevonden hh: een aandeel ligt tussen 0% en 100% (schrijf 48% als 0,48)" });
  });
  it("caseload 0 (minder dan 1 hh per fte) en een ontbrekend veld", () => {
    const i = clone() as unknown as { reach: { caseload: { ev: number } }; costs: Record<string, unknown> };
    i.reach.caseload.ev = 0;
    delete i.costs.teamFte;
    const r = validateLpblInputs(i);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContainEqual({ path: "reach.caseload.ev", message: "Caseload (ev): een caseload is minstens 1 huishouden per fte per jaar" });
      expect(r.problems).toContainEqual({ path: "costs.teamFte", message: "Totaal aantal teamleden (fte): verplicht veld ontbreekt" });
    }
  });
  it("nieuw-voor-oud zonder disciplines", () => {
    const i = clone();
    i.costs.costPerFte = 70000;
    i.costs.additionalShareFte = 0.5;
    i.effect.disciplines.mentalHealthAdults = 0;
    i.effect.disciplines.housing = 0;
    const r = validateLpblInputs(i);
    expect(!r.ok && r.problems[0]!.path).toBe("effect.disciplines");
  });
  it("onbekend kengetal", () => {
    const r = buildLpblModel(LPBL_EXAMPLE_INPUTS, { qaly_waard: 1 });
    expect(!r.ok && r.problems[0]!.message).toBe('onbekend kengetal "qaly_waard"');
  });
});

describe("het gebouwde model", () => {
  const b = build();
  it("valideert, heet lpbl, discontoregel 2007, analyse met scenario's en gevoeligheid", () => {
    expect(b.model.metadata.name).toBe("lpbl");
    expect(b.model.metadata.discountRule).toBe("2007");
    const v = validateModel(b.model);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const a = analyse(v.compiled);
    expect(a.ok).toBe(true);
    if (a.ok) {
      expect(a.analysis.scenarios).toHaveLength(7);
      expect(a.analysis.sensitivity).toHaveLength(5);
    }
  });
  it("actoren tellen op tot het saldo; kasstromen per jaar tellen op per actor", () => {
    const r = run(b);
    const sumActors = [...r.byActor.values()].reduce((s, x) => s + x, 0);
    expect(sumActors).toBeCloseTo(r.saldo, 6);
    const discounted = r.cashFlows.reduce((s, y, t) => s + y.saldo * d(t), 0);
    expect(discounted).toBeCloseTo(r.saldo, 4);
    for (const y of r.cashFlows) expect([...y.byActor.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(y.saldo, 6);
  });
  it("ratio's: maatschappelijk, financieel, gemeentelijk", () => {
    const r = run(b);
    const o = lpblOutputs(r, compiledOf(b), b).uitvoerA;
    const immaterial = o.baten["Immateriële baten"];
    expect(o.ratios.social).toBeCloseTo(o.totaleBaten / o.totaleKosten, 10);
    expect(o.ratios.financial).toBeCloseTo((o.totaleBaten - immaterial) / o.totaleKosten, 10);
    const municipal = new Set(["Gemeente W&I", "Gemeente Welzijn", "Gemeente Jeugd", "Gemeente Wmo", "Gemeente overig"]);
    let mb = 0, mc = 0;
    for (const e of r.effects) {
      if (!municipal.has(e.actor)) continue;
      if (e.side === "kosten") mc += e.ncw;
      else if (e.nature === "financieel") mb += e.ncw;
    }
    expect(o.ratios.municipal).toBeCloseTo(mb / mc, 10);
  });
});

describe("formules (docs/lpbl-model.md)", () => {
  // A variant with team costs so that K1, K2 and the nieuw-voor-oud saving are not 0.
  const i = clone();
  i.costs.costPerFte = 70000;
  i.costs.additionalShareFte = 0.6;
  i.costs.otherTeamCosts = 50000;
  i.costs.additionalShareOther = 0.5;
  i.costs.frictionShare = 0.1;
  i.effect.substitutionExisting = 0.1;
  i.effect.success.debtAssistance = 0.1;
  const bi = build(i);
  const r = run(bi);
  const o = lpblOutputs(r, compiledOf(bi), bi).uitvoerA;

  it("K1 teamkosten: additioneel deel bij gemeente overig, nieuw-voor-oud verdeeld over de disciplines", () => {
    expect(ncw(r, "Teamkosten (additioneel)")).toBeCloseTo(3.6 * 70000 * 0.6 + 50000 * 0.5, 6); // 176.200
    const nvo = 3.6 * 70000 * 0.4 + 50000 * 0.5; // 125.800, over GGZ-volwassenen (1) en Wonen (1)
    expect(ncw(r, "Teamkosten nieuw-voor-oud (GGZ-volwassenen)")).toBeCloseTo(nvo / 2, 6);
    expect(ncw(r, "Teamkosten nieuw-voor-oud (Wonen)")).toBeCloseTo(nvo / 2, 6);
    expect(ncw(r, "Teamkosten nieuw-voor-oud (Jeugd)")).toBe(0);
    expect(o.kosten["Kosten team"]).toBeCloseTo(3.6 * 70000 + 50000, 6);
  });
  it("B1a besparing nieuw-voor-oud = het niet-additionele deel, jaar 0: netto teamkosten = additioneel deel", () => {
    expect(ncw(r, "Besparing nieuw-voor-oud (Wonen)")).toBeCloseTo((3.6 * 70000 * 0.4 + 25000) / 2, 6);
    const corp = r.table.get("Corporatie")!;
    expect(corp.get("Kosten team")! + corp.get("Besparing organisatiekosten")!).toBeCloseTo(0, 6);
  });
  it("K2 frictiekosten = frictie × volledige teamkosten; overige eenmalige kosten", () => {
    expect(ncw(r, "Frictiekosten")).toBeCloseTo(0.1 * (3.6 * 70000 + 50000), 6);
    expect(ncw(r, "Overige eenmalige kosten")).toBe(100000);
    expect(o.kosten["Frictie- en eenmalige kosten"]).toBeCloseTo(30200 + 100000, 6);
  });
  it("K3 extra trajecten nieuw gevonden = nieuw gevonden × trajecten × kosten per traject (jaar 0)", () => {
    const T = {
      shv: debts * kf("deelname_shv"),
      reintegratie: noWork * kf("deelname_reintegratie"),
      dagbesteding: noWork * kf("deelname_dagbesteding"),
      amw: M * kf("deelname_amw"),
      hbh: Mo * kf("deelname_hbh"),
      joh: Mg * kf("deelname_joh"),
      jggz: Mg * kf("deelname_jggz"),
      ggz: (Mo + Mr) * kf("deelname_ggz"),
    };
    expect(ncw(r, "Extra trajecten nieuw gevonden: Schuldhulpverlening (SHV)")).toBeCloseTo(0.18 * T.shv * kf("kosten_shv"), 6);
    const total = Object.entries(T).reduce((s, [j, t]) => s + 0.18 * t * kf(`kosten_${j}`), 0);
    expect(o.kosten["Extra trajecten nieuw gevonden huishoudens"]).toBeCloseTo(total, 6);
  });
  it("B1b substitutie nieuwe cases = subst_nieuw × nieuw gevonden × trajectkosten (jaar 1)", () => {
    expect(ncw(r, "Substitutie nieuwe cases: Schuldhulpverlening (SHV)")).toBeCloseTo(0.8 * 0.18 * debts * 0.5 * 2500 * d(1), 6);
    expect(ncw(r, "Substitutie nieuwe cases: Jeugd- en opvoedhulp ambulant")).toBeCloseTo(0.8 * 0.18 * Mg * kf("deelname_joh") * kf("kosten_joh") * d(1), 6);
    expect(r.effects.some((e) => e.name === "Substitutie nieuwe cases: GGZ volwassenen")).toBe(false); // not substitutable (voetnoot 15)
  });
  it("B1c substitutie bestaande cases = subst_bestaand × (1 − nieuw gevonden) × trajectkosten (jaar 1)", () => {
    expect(ncw(r, "Substitutie bestaande cases: Re-integratie")).toBeCloseTo(0.1 * 0.82 * noWork * kf("deelname_reintegratie") * kf("kosten_reintegratie") * d(1), 6);
  });
  it("B2a uitstroom naar werk = mv-hh in de werkende leeftijd zonder werk × succes × teambreedte × (1 − terugval, één keer) × € 15.000, jaren 1–3", () => {
    const perYear = noWork * 0.02 * breadth * (1 - 0.2) * 15000;
    expect(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(perYear * years123(), 6);
  });
  it("B2b minder consulten eerste lijn en B2c minder doorverwijzingen tweede lijn (× teambreedte, jaren 1–3)", () => {
    expect(ncw(r, "Minder consulten eerste lijn")).toBeCloseTo(0.02 * breadth * M * kf("consulten_per_hh") * kf("kosten_consult") * years123(), 6);
    expect(ncw(r, "Minder doorverwijzingen tweede lijn")).toBeCloseTo(0.01 * breadth * M * kf("kosten_tweedelijn") * years123(), 6);
  });
  it("B3 voorkomen escalaties (Tabel 4.7): huisuitzettingen 1% van alle hh, OTS/UHP % van de gezinnen, intramuraal % van de ouderen, tweedelijnszorg % van de overige hh", () => {
    expect(ncw(r, "Voorkomen huisuitzettingen: ontruiming")).toBeCloseTo(N * 0.01 * kf("kosten_ontruiming") * d(2), 6);
    expect(ncw(r, "Voorkomen huisuitzettingen: maatschappelijke opvang")).toBeCloseTo(N * 0.01 * 20000 * d(2), 6);
    expect(ncw(r, "Voorkomen OTS/uithuisplaatsing (gezinnen)")).toBeCloseTo(Ng * 0.03 * kf("kosten_uhp_per_jaar") * years23(), 6);
    expect(ncw(r, "Voorkomen intramurale opname (ouderen)")).toBeCloseTo(No * 0.03 * kf("kosten_intramuraal_per_jaar") * years23(), 6);
    expect(ncw(r, "Voorkomen tweedelijnszorg (overige hh)")).toBeCloseTo(Nr * 0.03 * 10000 * years23(), 6);
    // 328 households: 3,28 prevented evictions, as Vb4 of Tabel 4.7 (328 hh: 3).
    expect(N * kf("kg_escalatie_huisuitzetting")).toBeCloseTo(3.28, 10);
  });
  it("B3: geen escalatie kost meer dan de € 100.000 van §4.3 (regel 664)", () => {
    expect(kf("kosten_uhp_per_jaar") * 2).toBeLessThanOrEqual(100000);
    expect(kf("kosten_intramuraal_per_jaar") * 2).toBeLessThanOrEqual(100000);
    expect(kf("kosten_ontruiming") + kf("kosten_opvang")).toBeLessThanOrEqual(100000);
  });
  it("B4 immateriële baten: QALY's × € 20.000 en kansen kinderen in jaar 9", () => {
    expect(ncw(r, "Kwaliteit van leven: financiële stabiliteit")).toBeCloseTo(debts * 0.1 * breadth * kf("qaly_financiele_stabiliteit") * 20000 * years123(), 6);
    expect(ncw(r, "Kwaliteit van leven: werk")).toBeCloseTo(noWork * 0.02 * breadth * 0.8 * kf("qaly_werk") * 20000 * years123(), 6);
    expect(ncw(r, "Kwaliteit van leven: voorkomen escalatie")).toBeCloseTo((N * 0.01 + (Ng + No + Nr) * 0.03) * kf("qaly_escalatie") * 20000 * years23(), 6);
    expect(ncw(r, "Kansen kinderen: minder schooluitval (lange termijn)")).toBeCloseTo(0.01 * breadth * Mg * 1.6 * kf("waarde_startkwalificatie") * d(9), 6);
    expect(r.pm.map((p) => p.name)).toContain("Leefbaarheid buurt: minder overlast");
  });
  it("attributie werkt op alle ingevoerde effecten (C.2 en C.3)", () => {
    const half = run(build(i), { attributie: 0.5 });
    expect(ncw(half, "Voorkomen intramurale opname (ouderen)")).toBeCloseTo(ncw(r, "Voorkomen intramurale opname (ouderen)") / 2, 6);
    expect(ncw(half, "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen") / 2, 6);
  });
  it("gevoeligheid QALY € 20.000 → € 100.000: Δ = 4 × de QALY-baten", () => {
    const high = run(build(i), { qaly_waarde: 100000 });
    const qalys = ["Kwaliteit van leven: financiële stabiliteit", "Kwaliteit van leven: werk", "Kwaliteit van leven: voorkomen escalatie"].reduce((s, n) => s + ncw(r, n), 0);
    expect(high.saldo - r.saldo).toBeCloseTo(4 * qalys, 4);
  });
});

describe("uitvoer", () => {
  const b = build();
  const r = run(b);
  const compiled = compiledOf(b);
  it("Uitvoer B = de begroting in jaar 3 van de lopende aanpak: cohorten 1, 2 en 3 (25%, 50%, 75% bij opbouw in 4 jaar), alleen financieel", () => {
    const B = lpblOutputs(r, compiled, b).uitvoerB;
    expect(B.jaar).toBe(2);
    // Gemeente Jeugd by hand: OTS/UHP of cohort 1 in its year 2, substitution of J&OH for new cases of cohort 2 in its
    // year 1, extra trajectories (J&OH, jeugd-GGZ) for newly found households of cohort 3 in its year 0.
    const joh = Mg * kf("deelname_joh") * kf("kosten_joh");
    const jggz = Mg * kf("deelname_jggz") * kf("kosten_jggz");
    const jeugd = 0.25 * Ng * 0.03 * 40000 + 0.5 * 0.8 * 0.18 * joh - 0.75 * 0.18 * (joh + jggz);
    expect(B.perActor["Gemeente Jeugd"]).toBeCloseTo(jeugd, 6);
    // The team costs of one year (all additional, gemeente overig), once: no one-time costs after the first year.
    expect(B.perActor["Gemeente overig"]).toBeCloseTo(-3.6 * 78000, 6);
    expect(B.perActor["Huishoudens"]).toBe(0); // QALY values are not cash
    const municipal = ["Gemeente W&I", "Gemeente Welzijn", "Gemeente Jeugd", "Gemeente Wmo", "Gemeente overig"];
    expect(B.gemeente).toBeCloseTo(municipal.reduce((s, a) => s + B.perActor[a]!, 0), 6);
    expect(B.totaal).toBeCloseTo(Object.values(B.perActor).reduce((s, x) => s + x, 0), 6);
  });
  it("de lopende aanpak: eerste twee jaar een netto investering (seed 001, regel 736), daarna per jaar positief; terugverdienjaar per actor", () => {
    const l = lpblOutputs(r, compiled, b).lopendeAanpak;
    expect(l.cohortShares).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
    expect(l.perYear[0]!.saldo).toBeLessThan(0);
    expect(l.perYear[1]!.saldo).toBeLessThan(0);
    expect(l.perYear[0]!.byActor["Gemeente overig"]).toBeCloseTo(-3.6 * 78000 - 100000, 6); // team + one-time costs
    // Society earns the investment back in year 6 (the seventh budget year): the cumulative saldo turns and stays ≥ 0 there.
    expect(l.paybackYear["Maatschappij (financieel)"]).toBe(6);
    expect(l.perYear[5]!.cumulativeSaldo).toBeLessThan(0);
    expect(l.perYear.slice(6).every((y) => y.cumulativeSaldo >= 0)).toBe(true);
  });
  it("Uitvoer A: categorieën tellen op tot de totalen en het saldo; het voorbeeld heeft teamkosten (1.200 uur × € 65)", () => {
    const A = lpblOutputs(r, compiled, b).uitvoerA;
    expect(Object.values(A.kosten).reduce((s, x) => s + x, 0)).toBeCloseTo(A.totaleKosten, 6);
    expect(Object.values(A.baten).reduce((s, x) => s + x, 0)).toBeCloseTo(A.totaleBaten, 6);
    expect(A.saldo).toBeCloseTo(A.totaleBaten - A.totaleKosten, 6);
    expect(A.kosten["Kosten team"]).toBe(3.6 * 1200 * 65);
    expect(lpblOutputs(r, compiled, b).teamCostWarning).toBeNull();
  });
  it("het scenario 'Zoals Bijlage 2' heeft teamkosten € 0 en zegt dat luid bij de ratio's", () => {
    const screen = runModel(compiled, compiled.model.scenarios.find((s) => s.name === "Zoals Bijlage 2 (teamkosten € 0)")!.overrides, "Zoals Bijlage 2 (teamkosten € 0)");
    if (!screen.ok) throw new Error("run");
    const out = lpblOutputs(screen.run, compiled, b);
    expect(out.uitvoerA.kosten["Kosten team"]).toBe(0);
    expect(out.teamCostWarning).toMatch(/^LET OP \(Zoals Bijlage 2 \(teamkosten € 0\)\): de teamkosten zijn € 0, terwijl het team 3,6 fte telt/);
    expect(lpblOutputText(screen.run, compiled, b)).toMatch(/LET OP[\s\S]*Gemeentelijke baten-kostenratio[\s\S]*LET OP/);
  });
  it("tekst: beide schermen, de lopende aanpak, fte-regels en de illustratief-melding", () => {
    const text = lpblOutputText(r, compiled, b);
    expect(text).toMatch(/Uitvoer A\. MKBA/);
    expect(text).toMatch(/Uitvoer B\. Resultaat begroting na 2 jaar/);
    expect(text).toMatch(/Gemeente \(subtotaal: direct te vertalen naar de begroting\)/);
    expect(text).toMatch(/Lopende aanpak: 6 jaar/);
    expect(text).toMatch(/ingevoerd 3,60 fte; uit bereik × caseload 3,56 fte; bij de caseloads van Tabel 3\.10 6,07 fte/);
    expect(text).toMatch(/Let op: berekend met illustratieve kengetallen: .*kosten_uhp_per_jaar/);
  });
  it("welvaartsvisie: de uitkering wordt een overdracht; de rapportvisie blijft de basis", () => {
    const welfare = runModel(compiled, { welvaartsvisie: 1 }, "welvaart");
    if (!welfare.ok) throw new Error("run");
    expect(ncw(welfare.run, "Uitstroom naar werk: voorkomen uitkeringen")).toBe(0);
    const transfer = ncw(welfare.run, "Uitstroom naar werk: uitkering vervalt (overdracht)");
    expect(transfer).toBeCloseTo(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen"), 6);
    expect(ncw(welfare.run, "Uitstroom naar werk: eigen inkomensvoordeel huishouden")).toBeCloseTo((transfer * (19250 - 15000)) / 15000, 6);
  });
});

describe("illustratieve kengetallen", () => {
  it("het voorbeeld gebruikt illustratieve kengetallen en de effecten zeggen het", () => {
    const b = build();
    expect(b.illustrative).toBe(true);
    expect(b.illustrativeKeys).toContain("kosten_uhp_per_jaar");
    expect(b.illustrativeKeys).not.toContain("qaly_waarde");
    const effect = b.model.effects.find((e) => e.name === "Voorkomen OTS/uithuisplaatsing (gezinnen)")!;
    expect(effect.source).toMatch(/illustratieve kengetallen: kosten_uhp_per_jaar/);
    expect(b.model.parameters!.find((p) => p.key === "kosten_uhp_per_jaar")!.label).toMatch(/\(illustratief\)$/);
  });
  it("niet meer illustratief als alle gebruikte illustratieve kengetallen zijn overschreven", () => {
    const all = Object.fromEntries(LPBL_KEY_FIGURES.filter((k) => k.illustrative).map((k) => [k.key, k.value]));
    const b = build(LPBL_EXAMPLE_INPUTS, all);
    expect(b.illustrative).toBe(false);
    expect(b.illustrativeKeys).toEqual([]);
    const allButOne = Object.fromEntries(Object.entries(all).filter(([k]) => k !== "kosten_uhp_per_jaar"));
    expect(build(LPBL_EXAMPLE_INPUTS, allButOne).illustrativeKeys).toEqual(["kosten_uhp_per_jaar"]);
  });
  it("elk kengetal heeft een bron; illustratieve zeggen dat in de bron", () => {
    for (const k of LPBL_KEY_FIGURES) {
      expect(k.source.length).toBeGreaterThan(10);
      if (k.illustrative) expect(k.source).toMatch(/^Illustratief/);
      else expect(k.source).toMatch(/seed 00[0-2]/);
    }
  });
  it("een overschreven kengetal komt in het model en drijft de scenario's", () => {
    const b = build(LPBL_EXAMPLE_INPUTS, { kosten_uhp_per_jaar: 60000, kg_substitutie_nieuw: 0.4 });
    expect(b.model.parameters!.find((p) => p.key === "kosten_uhp_per_jaar")!.value).toBe(60000);
    expect(b.model.scenarios!.find((s) => s.name === "Kengetallen substitutie (Tabel 4.5)")!.overrides!.subst_nieuw).toBe(0.4);
  });
  it("elk kengetal drijft een formule, een scenario of een uitkomst (issue 9, punt 9)", () => {
    const b = build();
    const text = JSON.stringify(b.model.effects) + JSON.stringify(b.model.scenarios) + JSON.stringify(b.model.sensitivity);
    const outputs = ["kg_caseload_ev", "kg_caseload_zr", "kg_caseload_nzr", "kg_productieve_uren_fte", "kg_substitutie_nieuw", "kg_substitutie_bestaand", "kg_escalatie_ots_uhp", "kg_escalatie_tweedelijn"];
    for (const k of LPBL_KEY_FIGURES) {
      if (outputs.includes(k.key)) continue; // used by buildLpblModel for fte outputs and scenario values (tested above)
      expect({ key: k.key, used: text.includes(k.key) }).toEqual({ key: k.key, used: true });
    }
    expect(b.fteAtKeyFigureCaseloads).toBeCloseTo(9.9712 / 300 + 104.3696 / 150 + 213.6592 / 40, 10);
    expect(b.fteFromHours).toBeCloseTo((9.9712 * 2 + 104.3696 * 8 + 213.6592 * 16) / 1200, 10);
  });
});
