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
const ncw = (r: ModelRun, name: string) => {
  const e = r.effects.find((x) => x.name === name);
  if (!e) throw new Error(`geen effect ${name}`);
  return e.ncw.toNumber();
};

// Hand-computed quantities of the example (328 households).
const N = 328;
const Ng = N * 0.48, No = N * 0.31, Nr = N * 0.21; // 157,44 / 101,68 / 68,88
const Mg = Ng * (0.2 + 0.78), Mo = No * (0.5 + 0.46), Mr = Nr * (0.32 + 0.64); // multi-problem households
const M = Mg + Mo + Mr;
const debts = Mg * 0.5 + Mo * 0.18 + Mr * 0.8;
const noWork = Mg * 0.8 + Mo * 1 + Mr * 0.8;

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
      expect(a.analysis.scenarios).toHaveLength(4);
      expect(a.analysis.sensitivity).toHaveLength(4);
    }
  });
  it("actoren tellen op tot het saldo; kasstromen per jaar tellen op per actor", () => {
    const r = run(b);
    const sumActors = [...r.byActor.values()].reduce((s, x) => s + x.toNumber(), 0);
    expect(sumActors).toBeCloseTo(r.saldo.toNumber(), 6);
    const discounted = r.cashFlows.reduce((s, y, t) => s + y.saldo.toNumber() * d(t), 0);
    expect(discounted).toBeCloseTo(r.saldo.toNumber(), 4);
    for (const y of r.cashFlows) expect([...y.byActor.values()].reduce((s, x) => s + x.toNumber(), 0)).toBeCloseTo(y.saldo.toNumber(), 6);
  });
  it("ratio's: maatschappelijk, financieel, gemeentelijk", () => {
    const r = run(b);
    const o = lpblOutputs(r).uitvoerA;
    const immaterial = o.baten["Immateriële baten"];
    expect(o.ratios.social).toBeCloseTo(o.totaleBaten / o.totaleKosten, 10);
    expect(o.ratios.financial).toBeCloseTo((o.totaleBaten - immaterial) / o.totaleKosten, 10);
    const municipal = new Set(["Gemeente W&I", "Gemeente Welzijn", "Gemeente Jeugd", "Gemeente Wmo", "Gemeente overig"]);
    let mb = 0, mc = 0;
    for (const e of r.effects) {
      if (!municipal.has(e.actor)) continue;
      if (e.side === "kosten") mc += e.ncw.toNumber();
      else if (e.nature === "financieel") mb += e.ncw.toNumber();
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
  const r = run(build(i));
  const o = lpblOutputs(r).uitvoerA;

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
    expect(corp.get("Kosten team")!.plus(corp.get("Besparing organisatiekosten")!).toNumber()).toBeCloseTo(0, 6);
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
  it("B2a uitstroom naar werk = mv-hh zonder werk × succes × attributie × € 15.000, jaren 1–3 met terugval 20%", () => {
    const perYear = noWork * 0.02 * 15000;
    expect(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(perYear * (d(1) + 0.8 * d(2) + 0.64 * d(3)), 6);
  });
  it("B2b minder consulten eerste lijn en B2c minder doorverwijzingen tweede lijn", () => {
    const profile = d(1) + 0.8 * d(2) + 0.64 * d(3);
    expect(ncw(r, "Minder consulten eerste lijn")).toBeCloseTo(0.02 * M * kf("consulten_per_hh") * kf("kosten_consult") * profile, 6);
    expect(ncw(r, "Minder doorverwijzingen tweede lijn")).toBeCloseTo(0.01 * M * kf("kosten_tweedelijn") * profile, 6);
  });
  it("B3 voorkomen escalaties: hh van het type × percentage × attributie × kosten, jaren 2–4 (huisuitzetting jaar 2)", () => {
    const years = d(2) + d(3) + d(4);
    expect(ncw(r, "Voorkomen OTS/uithuisplaatsing (gezinnen)")).toBeCloseTo(Ng * 0.03 * kf("kosten_uhp_per_jaar") * years, 6);
    expect(ncw(r, "Voorkomen intramurale opname (ouderen)")).toBeCloseTo(No * 0.03 * kf("kosten_intramuraal_per_jaar") * years, 6);
    expect(ncw(r, "Voorkomen huisuitzetting (overige hh): ontruiming")).toBeCloseTo(Nr * 0.03 * kf("kosten_ontruiming") * d(2), 6);
    expect(ncw(r, "Voorkomen huisuitzetting (overige hh): opvang")).toBeCloseTo(Nr * 0.03 * kf("kosten_opvang") * d(2), 6);
  });
  it("B4 immateriële baten: QALY's × € 20.000 en kansen kinderen in jaar 9", () => {
    const profile = d(1) + 0.8 * d(2) + 0.64 * d(3);
    expect(ncw(r, "Kwaliteit van leven: financiële stabiliteit")).toBeCloseTo(debts * 0.1 * kf("qaly_financiele_stabiliteit") * 20000 * profile, 6);
    expect(ncw(r, "Kwaliteit van leven: werk")).toBeCloseTo(noWork * 0.02 * kf("qaly_werk") * 20000 * profile, 6);
    expect(ncw(r, "Kwaliteit van leven: voorkomen escalatie")).toBeCloseTo((Ng + No + Nr) * 0.03 * kf("qaly_escalatie") * 20000 * (d(2) + d(3) + d(4)), 6);
    expect(ncw(r, "Kansen kinderen: minder schooluitval (lange termijn)")).toBeCloseTo(0.01 * Mg * 1.6 * kf("waarde_startkwalificatie") * d(9), 6);
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
    expect(high.saldo.minus(r.saldo).toNumber()).toBeCloseTo(4 * qalys, 4);
  });
});

describe("uitvoer", () => {
  const b = build();
  const r = run(b);
  it("Uitvoer B = de kasstromen in jaar 2 per actor", () => {
    const B = lpblOutputs(r).uitvoerB;
    expect(B.jaar).toBe(2);
    for (const [actor, v] of r.cashFlows[2]!.byActor) expect(B.perActor[actor]).toBe(v.toNumber());
    // hand check: Gemeente Jeugd in jaar 2 = 157,44 × 3% × € 40.000
    expect(B.perActor["Gemeente Jeugd"]).toBeCloseTo(Ng * 0.03 * 40000, 6);
    // W&I in jaar 2: uitstroom naar werk × 0,8 (terugval)
    expect(B.perActor["Gemeente W&I"]).toBeCloseTo(noWork * 0.02 * 15000 * 0.8, 6);
  });
  it("Uitvoer A: categorieën tellen op tot de totalen en het saldo", () => {
    const A = lpblOutputs(r).uitvoerA;
    expect(Object.values(A.kosten).reduce((s, x) => s + x, 0)).toBeCloseTo(A.totaleKosten, 6);
    expect(Object.values(A.baten).reduce((s, x) => s + x, 0)).toBeCloseTo(A.totaleBaten, 6);
    expect(A.saldo).toBeCloseTo(A.totaleBaten - A.totaleKosten, 6);
    expect(A.kosten["Kosten team"]).toBe(0); // the printed example: kosten fte 0, overige teamkosten € -
  });
  it("tekst: beide schermen, fte-regel en de illustratief-melding", () => {
    const text = lpblOutputText(r, b);
    expect(text).toMatch(/Uitvoer A\. MKBA/);
    expect(text).toMatch(/Uitvoer B\. Resultaat begroting na 2 jaar/);
    expect(text).toMatch(/ingevoerd 3,60 fte; uit bereik × caseload 3,56 fte/);
    expect(text).toMatch(/Let op: berekend met illustratieve kengetallen: .*kosten_uhp_per_jaar/);
    expect(text).toMatch(/Gemeentelijke baten-kostenratio\s+\d+,\d\d/);
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
      else expect(k.source).toMatch(/seed 001/);
    }
  });
  it("een overschreven kengetal komt in het model", () => {
    const b = build(LPBL_EXAMPLE_INPUTS, { kosten_uhp_per_jaar: 60000 });
    expect(b.model.parameters!.find((p) => p.key === "kosten_uhp_per_jaar")!.value).toBe(60000);
    const B = lpblOutputs(run(b)).uitvoerB;
    expect(B.perActor["Gemeente Jeugd"]).toBeCloseTo(Ng * 0.03 * 60000, 6);
  });
});
