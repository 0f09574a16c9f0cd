/**
 * The LPBL MKBA-tool model (src/engine/models/lpbl, docs/lpbl-model.md). Expected values are computed by hand from
 * the example inputs (seed 001_89b8683f98a68fb5.txt, Bijlage 2) and the key-figure defaults, formula by formula —
 * never by re-running the generator's expressions.
 */
import { analyse, ModelRun, runModel, validateModel } from "../../../src/engine/model";
import { runModelInDecimals } from "../../../src/engine/model/evaluate";
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
const years123 = () => d(1) + d(2) + d(3);
// Prices of 2014: € 65 an hour (2018) × 1.200 hours, € 10.000 (2019) and the seed 002 eviction variants (2019), indexed
// with the CBS CPI (jaarmutatie 2015 0,6%, 2016 0,3%, 2017 1,4%, 2018 1,7%, 2019 2,6%).
const cpi2018 = 1.006 * 1.003 * 1.014 * 1.017;
const cpi2019 = cpi2018 * 1.026;
const costPerFte = Math.round((1200 * 65) / cpi2018); // 74.961
const escalationPrice = Math.round((2000 + 2000 + 100000) / 3); // the mean of the triangle of regel 666: 34.667
const evictionPrice = Math.round(40000 / cpi2019); // the middle of € 20.000 and € 60.000 (2019): 37.468
const referralPrice = Math.round(10000 / cpi2019); // € 10.000 a year (seed 002, regel 307): 9.367
const years23 = () => d(2) + d(3);

describe("bereik en fte (domain.md: 9,97 / 104,37 / 213,66 en 3,56 fte)", () => {
  const b = build();
  it("huishoudens per zwaarte", () => {
    expect(b.householdsBySeverity.ev).toBeCloseTo(9.97, 2);
    expect(b.householdsBySeverity.zr).toBeCloseTo(104.37, 2);
    expect(b.householdsBySeverity.nzr).toBeCloseTo(213.66, 2);
  });
  it("fteFromCaseload = 9,97/600 + 104,37/150 + 213,66/75 = 3,56; the example's 3,6 fte serve every household", () => {
    expect(Math.round(b.fteFromCaseload * 100) / 100).toBe(3.56);
    expect(b.fteFromCaseload).toBeCloseTo(9.9712 / 600 + 104.3696 / 150 + 213.6592 / 75, 10);
    expect(b.fteEntered).toBe(3.6);
    expect(b.capacity.servedShare).toBe(1);
    expect(b.appliedFactors.servedShare.value).toBe(1);
    expect(b.fteWarning).toBeNull();
  });
  it("a team too large: the extra fte cost money without effect, and the note says so with the amount", () => {
    const i = clone();
    i.costs.teamFte = 5;
    const w = build(i).fteWarning;
    expect(w).toMatch(/het team \(5,00 fte\) is groter dan bereik × caseload vraagt \(3,56 fte\): de extra 1,44 fte kost € /);
  });
  it("a team too small serves fte ÷ needed fte of the households, and the note says how many", () => {
    const i = clone();
    i.costs.teamFte = 2;
    const b2 = build(i);
    const share = 2 / b2.fteFromCaseload;
    expect(b2.capacity.servedShare).toBeCloseTo(share, 12);
    expect(b2.appliedFactors.servedShare.value).toBeCloseTo(share, 12);
    expect(b2.fteWarning).toMatch(/het team \(2,00 fte\) is kleiner dan bereik × caseload vraagt \(3,56 fte\)\. Het bedient 56% van de huishoudens \(184 van 328\)/);
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
  it("valideert, heet lpbl, discontoregel 2007, prijspeil 2014, analyse met scenario's en gevoeligheid", () => {
    expect(b.model.metadata.name).toBe("lpbl");
    expect(b.model.metadata.discountRule).toBe("2007");
    expect(b.model.metadata.priceBaseYear).toBe(2014);
    const v = validateModel(b.model);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const a = analyse(v.compiled);
    expect(a.ok).toBe(true);
    if (a.ok) {
      expect(a.analysis.scenarios).toHaveLength(7);
      expect(a.analysis.sensitivity).toHaveLength(12);
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
  it("B1b substitutie nieuwe cases = subst_nieuw × nieuw gevonden × trajectkosten, in jaar 0 zoals de trajecten die ze vervangt (issue 19, punt 13)", () => {
    expect(ncw(r, "Substitutie nieuwe cases: Schuldhulpverlening (SHV)")).toBeCloseTo(0.8 * 0.18 * debts * 0.5 * 2500, 6);
    expect(ncw(r, "Substitutie nieuwe cases: Jeugd- en opvoedhulp ambulant")).toBeCloseTo(0.8 * 0.18 * Mg * kf("deelname_joh") * kf("kosten_joh"), 6);
    expect(r.effects.some((e) => e.name === "Substitutie nieuwe cases: GGZ volwassenen")).toBe(false); // not substitutable (voetnoot 15)
  });
  it("B1c substitutie bestaande cases = subst_bestaand × (1 − nieuw gevonden) × trajectkosten (jaar 0)", () => {
    expect(ncw(r, "Substitutie bestaande cases: Re-integratie")).toBeCloseTo(0.1 * 0.82 * noWork * kf("deelname_reintegratie") * kf("kosten_reintegratie"), 6);
  });
  it("B2a uitstroom naar werk = mv-hh in de werkende leeftijd zonder werk × succes zoals ingevoerd × € 15.000, jaren 1–3 (geen teambreedte, geen terugval: issue 19, punten 5, 7, 8)", () => {
    expect(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(noWork * 0.02 * 15000 * years123(), 6);
  });
  it("B2b minder consulten eerste lijn (jaren 1–3); B2c minder doorverwijzingen tweede lijn: % van alle hh × € 10.000 (2019) één jaar", () => {
    expect(ncw(r, "Minder consulten eerste lijn")).toBeCloseTo(0.02 * M * kf("consulten_per_hh") * kf("kosten_consult") * years123(), 6);
    expect(kf("kosten_tweedelijn")).toBe(referralPrice);
    expect(ncw(r, "Minder doorverwijzingen tweede lijn")).toBeCloseTo(0.01 * N * referralPrice * d(1), 6);
  });
  it("B3 voorkomen escalaties (Tabel 4.7): huisuitzettingen % van alle hh (C.3), OTS/UHP % van de gezinnen, intramuraal % van de ouderen, opname GGZ % van de overige hh; prijs per voorkomen escalatie over jaar 2 en 3", () => {
    expect(kf("kosten_ots_uhp")).toBe(escalationPrice);
    expect(kf("kosten_opvang")).toBe(evictionPrice);
    expect(ncw(r, "Voorkomen huisuitzettingen: ontruiming")).toBeCloseTo(N * 0.01 * kf("kosten_ontruiming") * d(2), 6);
    expect(ncw(r, "Voorkomen huisuitzettingen: opvang en zwaardere hulp")).toBeCloseTo(N * 0.01 * evictionPrice * d(2), 6);
    expect(ncw(r, "Voorkomen OTS/uithuisplaatsing (gezinnen)")).toBeCloseTo(((Ng * 0.03 * escalationPrice) / 2) * years23(), 6);
    expect(ncw(r, "Voorkomen intramurale opname V&V (ouderen)")).toBeCloseTo(((No * 0.03 * escalationPrice) / 2) * years23(), 6);
    expect(ncw(r, "Voorkomen opname GGZ (overige hh)")).toBeCloseTo(((Nr * 0.03 * escalationPrice) / 2) * years23(), 6);
    // 328 households at 1%: 3,28 prevented evictions, as Vb4 of Tabel 4.7 (328 hh: 3).
    expect(N * LPBL_EXAMPLE_INPUTS.effect.preventedEvictions).toBeCloseTo(3.28, 10);
  });
  it("B3: de prijs per voorkomen escalatie ligt binnen de bandbreedte van §4.3 (regel 666) en is haar gemiddelde", () => {
    const k = LPBL_KEY_FIGURES.find((x) => x.key === "kosten_ots_uhp")!;
    expect(k.range).toMatchObject({ low: 2000, high: 100000, distribution: { type: "driehoek", mode: 2000 } });
    expect(k.value).toBeGreaterThanOrEqual(k.range!.low);
    expect(k.value).toBeLessThanOrEqual(k.range!.high);
  });
  it("B4 immateriële baten: QALY's × € 20.000 en kansen kinderen in jaar 9", () => {
    expect(ncw(r, "Kwaliteit van leven: financiële stabiliteit")).toBeCloseTo(debts * 0.1 * kf("qaly_financiele_stabiliteit") * 20000 * years123(), 6);
    expect(ncw(r, "Kwaliteit van leven: werk")).toBeCloseTo(noWork * 0.02 * kf("qaly_werk") * 20000 * years123(), 6);
    expect(ncw(r, "Kwaliteit van leven: voorkomen escalatie")).toBeCloseTo((N * 0.01 + (Ng + No + Nr) * 0.03) * kf("qaly_escalatie") * 20000 * years23(), 6);
    expect(ncw(r, "Kansen kinderen: minder schooluitval (lange termijn)")).toBeCloseTo(0.01 * Mg * 1.6 * kf("waarde_startkwalificatie") * d(9), 6);
    expect(r.pm.map((p) => p.name)).toContain("Leefbaarheid buurt: minder overlast");
  });
  it("attributie werkt op alle ingevoerde effecten (C.2 en C.3)", () => {
    const half = run(build(i), { attributie: 0.5 });
    expect(ncw(half, "Voorkomen intramurale opname V&V (ouderen)")).toBeCloseTo(ncw(r, "Voorkomen intramurale opname V&V (ouderen)") / 2, 6);
    expect(ncw(half, "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen") / 2, 6);
    expect(ncw(half, "Voorkomen huisuitzettingen: ontruiming")).toBeCloseTo(ncw(r, "Voorkomen huisuitzettingen: ontruiming") / 2, 6);
  });
  it("gevoeligheid QALY € 20.000 → € 100.000: Δ = 4 × de QALY-baten", () => {
    const high = run(build(i), { qaly_waarde: 100000 });
    const qalys = ["Kwaliteit van leven: financiële stabiliteit", "Kwaliteit van leven: werk", "Kwaliteit van leven: voorkomen escalatie"].reduce((s, n) => s + ncw(r, n), 0);
    expect(high.saldo - r.saldo).toBeCloseTo(4 * qalys, 4);
  });
  it("teamsamenstelling telt alleen in haar scenario, en dan per discipline: Wonen in het team tilt werk niet op, W&I wel (issue 19, punt 8)", () => {
    const on = { teamsamenstelling_telt: 1 };
    // The example team: GGZ-volwassenen and Wonen, no W&I: half of the work success counts; consultations (GGZ) fully.
    expect(ncw(run(bi, on), "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen") * 0.5, 6);
    expect(ncw(run(bi, on), "Minder consulten eerste lijn")).toBeCloseTo(ncw(r, "Minder consulten eerste lijn"), 6);
    const housing = run(bi, { ...on, disc_wonen: 2 });
    const wi = run(bi, { ...on, disc_wi: 1 });
    expect(ncw(housing, "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(ncw(run(bi, on), "Uitstroom naar werk: voorkomen uitkeringen"), 6);
    expect(ncw(wi, "Uitstroom naar werk: voorkomen uitkeringen")).toBeCloseTo(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen"), 6);
  });
});

describe("uitvoer", () => {
  const b = build();
  const r = run(b);
  const compiled = compiledOf(b);
  it("Uitvoer B = de begroting in jaar 3 van een lopende aanpak zonder opbouw (seed 001, regel 1020): cohorten 1, 2 en 3 volledig, alleen financieel", () => {
    const B = lpblOutputs(r, compiled, b).uitvoerB;
    expect([B.jaar, B.buildUpYears]).toEqual([2, 1]);
    // Gemeente Jeugd by hand: OTS/UHP of cohort 1 in its year 2; extra trajectories (J&OH, jeugd-GGZ) for newly found
    // households of cohort 3 in its year 0, with their substitution (J&OH, 80%) in the same year.
    const joh = Mg * kf("deelname_joh") * kf("kosten_joh");
    const jggz = Mg * kf("deelname_jggz") * kf("kosten_jggz");
    const jeugd = (Ng * 0.03 * escalationPrice) / 2 + 0.8 * 0.18 * joh - 0.18 * (joh + jggz);
    expect(B.perActor["Gemeente Jeugd"]).toBeCloseTo(jeugd, 6);
    // The team costs of one year (all additional, gemeente overig), once: no one-time costs after the first year.
    expect(B.perActor["Gemeente overig"]).toBeCloseTo(-3.6 * costPerFte, 6);
    expect(B.perActor["Huishoudens"]).toBe(0); // QALY values are not cash
    const municipal = ["Gemeente W&I", "Gemeente Welzijn", "Gemeente Jeugd", "Gemeente Wmo", "Gemeente overig"];
    expect(B.gemeente).toBeCloseTo(municipal.reduce((s, a) => s + B.perActor[a]!, 0), 6);
    expect(B.totaal).toBeCloseTo(Object.values(B.perActor).reduce((s, x) => s + x, 0), 6);
  });
  it("Uitvoer B volgt zijn invoer: met opbouw in 4 jaar is het jaar 3 van de meerjarige aanpak; de titel noemt jaar en opbouw", () => {
    const i = clone();
    i.budget = { year: 3, buildUpYears: 4 };
    const b4 = build(i);
    const out = lpblOutputs(run(b4), compiledOf(b4), b4);
    expect(out.uitvoerB.totaal).toBeCloseTo(out.lopendeAanpak.perYear[2]!.saldo, 6);
    expect(out.uitvoerB.totaal).not.toBeCloseTo(lpblOutputs(r, compiled, b).uitvoerB.totaal, 0);
    expect(lpblOutputText(run(b4), compiledOf(b4), b4)).toContain("Uitvoer B. Resultaat begroting in jaar 3 van de lopende aanpak (2 jaar na de start), met opbouw naar de volledige aanpak in 4 jaar");
    expect(lpblOutputText(r, compiled, b)).toContain("Uitvoer B. Resultaat begroting in jaar 3 van de lopende aanpak (2 jaar na de start), zonder opbouw");
  });
  it("de lopende aanpak: eerste twee jaar een netto investering (seed 001, regel 736); terugverdiend per actor, n.v.t. voor wie niet investeert, 'na afloop' als het pas na de aanpak lukt (issue 19, punt 10)", () => {
    const l = lpblOutputs(r, compiled, b).lopendeAanpak;
    expect(l.cohortShares).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
    expect(l.perYear[0]!.saldo).toBeLessThan(0);
    expect(l.perYear[1]!.saldo).toBeLessThan(0);
    expect(l.perYear[0]!.byActor["Gemeente overig"]).toBeCloseTo(-3.6 * costPerFte - 100000, 6); // team + one-time costs
    expect(l.payback["Corporatie"]).toEqual({ kind: "geen investering" });
    expect(l.payback["Rijk"]).toEqual({ kind: "geen investering" });
    // Society earns the investment back in year 7, after the six years of the approach: the cumulative saldo is
    // negative at the end of year 6 and turns and stays ≥ 0 from year 7 on.
    expect(l.payback["Maatschappij (financieel)"]).toEqual({ kind: "jaar", year: 6, afterApproach: true });
    expect(l.perYear[5]!.cumulativeSaldo).toBeLessThan(0);
    expect(l.perYear.slice(6).every((y) => y.cumulativeSaldo >= 0)).toBe(true);
    const text = lpblOutputText(r, compiled, b);
    expect(text).toMatch(/Corporatie: n\.v\.t\. \(investeert niet\)/);
    expect(text).toMatch(/Maatschappij \(financieel\): jaar 7 \(na afloop van de aanpak, door nalopende baten\)/);
  });
  it("Uitvoer A: categorieën tellen op tot de totalen en het saldo; het voorbeeld heeft teamkosten (1.200 uur × € 65 van 2018 in prijzen van 2014)", () => {
    const A = lpblOutputs(r, compiled, b).uitvoerA;
    expect(Object.values(A.kosten).reduce((s, x) => s + x, 0)).toBeCloseTo(A.totaleKosten, 6);
    expect(Object.values(A.baten).reduce((s, x) => s + x, 0)).toBeCloseTo(A.totaleBaten, 6);
    expect(A.saldo).toBeCloseTo(A.totaleBaten - A.totaleKosten, 6);
    expect(costPerFte).toBe(74961);
    expect(A.kosten["Kosten team"]).toBeCloseTo(3.6 * costPerFte, 6);
    expect(lpblOutputs(r, compiled, b).teamCostWarning).toBeNull();
  });
  it("Uitvoer A toont de benodigde en de ingevoerde fte, de bediende huishoudens en de ratio's bij de benodigde fte", () => {
    const { team } = lpblOutputs(r, compiled, b).uitvoerA;
    expect(team.fteNeeded).toBeCloseTo(b.fteFromCaseload, 12);
    expect(team.fteEntered).toBe(3.6);
    expect(team.householdsServed).toBe(328);
    const atNeeded = run(b, { fte_team: b.fteFromCaseload });
    expect(team.atNeededFte.saldo).toBeCloseTo(atNeeded.saldo, 6);
    expect(team.atNeededFte.ratios.social).toBeCloseTo(atNeeded.ratios.social.value!, 12);
    expect(lpblOutputText(r, compiled, b)).toMatch(/Ratio's bij de benodigde fte \(3,56\): maatsch\. \/ fin\. \/ gem\.\s+\d,\d\d \/ \d,\d\d \/ \d,\d\d/);
  });
  it("Uitvoer A noemt de drie aannamen waar het saldo het meest van afhangt, met hun bandbreedte en het saldo aan beide kanten", () => {
    const { drivers } = lpblOutputs(r, compiled, b).uitvoerA;
    expect(drivers).toHaveLength(3);
    expect(drivers[0]!.swing).toBeGreaterThanOrEqual(drivers[1]!.swing);
    expect(drivers[1]!.swing).toBeGreaterThanOrEqual(drivers[2]!.swing);
    // The price per prevented OTS/UHP over the seed's range leads: its swing is the OTS effect at € 2.000 and at € 100.000.
    expect(drivers[0]).toMatchObject({ key: "kosten_ots_uhp", low: 2000, high: 100000 });
    const ots = ncw(r, "Voorkomen OTS/uithuisplaatsing (gezinnen)");
    expect(drivers[0]!.saldoHigh! - drivers[0]!.saldoLow!).toBeCloseTo((ots * (100000 - 2000)) / escalationPrice, 4);
    expect(lpblOutputText(r, compiled, b)).toMatch(/Het saldo hangt het meest af van[\s\S]*1\. Voorkomen kosten per voorkomen OTS\/uithuisplaatsing \(gezinnen\) \(€ 2\.000 – € 100\.000\)/);
  });
  it("de saldo's van de drie aannamen zijn die van de rekenkern zelf, ook waar enorme bedragen tegen elkaar wegvallen (een kengetal van −10¹² trajecten per hh; workbook fuzz, seed 2 en 3)", () => {
    // The tornado ranks in float arithmetic; at −10¹² AMW-trajecten per mv-hh its float saldo at 100% substitution
    // was € 359.088, the engine's (and so Rekenkern's MKBA.SCENARIO) € 359.093,24.
    const huge = build(LPBL_EXAMPLE_INPUTS, { deelname_amw: -999999999594.54 });
    const hugeCompiled = compiledOf(huge);
    const hugeRun = run(huge);
    const { drivers } = lpblOutputs(hugeRun, hugeCompiled, huge).uitvoerA;
    expect(drivers.length).toBeGreaterThan(0);
    for (const driver of drivers) {
      for (const [value, saldo] of [[driver.low, driver.saldoLow], [driver.high, driver.saldoHigh]] as const) {
        const exact = runModelInDecimals(hugeCompiled, { [driver.key]: value }, "Basisvariant");
        if (!exact.ok) throw new Error(JSON.stringify(exact.problems));
        expect(saldo).toBe(exact.run.saldo);
      }
    }
    expect(drivers.find((x) => x.key === "subst_nieuw")).toMatchObject({ high: 1, saldoHigh: 359093.2353865341 });
  });
  it("het scenario 'Zoals Bijlage 2' heeft teamkosten € 0 en zegt dat luid bij de ratio's", () => {
    const screen = runModel(compiled, compiled.model.scenarios.find((s) => s.name === "Zoals Bijlage 2 (teamkosten € 0)")!.overrides, "Zoals Bijlage 2 (teamkosten € 0)");
    if (!screen.ok) throw new Error("run");
    const out = lpblOutputs(screen.run, compiled, b);
    expect(out.uitvoerA.kosten["Kosten team"]).toBe(0);
    expect(out.teamCostWarning).toMatch(/^LET OP \(Zoals Bijlage 2 \(teamkosten € 0\)\): de teamkosten zijn € 0, terwijl het team 3,6 fte telt/);
    expect(lpblOutputText(screen.run, compiled, b)).toMatch(/LET OP[\s\S]*Gemeentelijke baten-kostenratio[\s\S]*LET OP/);
  });
  it("tekst: beide schermen, de lopende aanpak, fte-regels, de gebruikte invoer en de illustratief-melding", () => {
    const text = lpblOutputText(r, compiled, b);
    expect(text).toMatch(/Uitvoer A\. MKBA/);
    expect(text).toMatch(/Uitvoer B\. Resultaat begroting in jaar 3/);
    expect(text).toMatch(/Gemeente \(subtotaal: direct te vertalen naar de begroting\)/);
    expect(text).toMatch(/Lopende aanpak: 6 jaar/);
    expect(text).toMatch(/ingevoerd 3,60 fte; nodig voor bereik × caseload 3,56 fte; bij de caseloads van Tabel 3\.10 6,07 fte/);
    expect(text).toMatch(/Alle effecten van deel C worden gebruikt zoals ingevoerd/);
    expect(text).toMatch(/Let op: berekend met illustratieve kengetallen: .*kosten_ontruiming/);
  });
  it("welvaartsvisie: de uitkering is een overdracht (huishoudens −, W&I +, samen 0); het huishouden verdient loon, minstens de uitkering (issue 19, punt 6)", () => {
    const welfare = runModel(compiled, { welvaartsvisie: 1 }, "welvaart");
    if (!welfare.ok) throw new Error("run");
    expect(ncw(welfare.run, "Uitstroom naar werk: voorkomen uitkeringen")).toBe(0);
    const transfer = ncw(welfare.run, "Uitstroom naar werk: uitkering vervalt (overdracht)");
    expect(transfer).toBeCloseTo(ncw(r, "Uitstroom naar werk: voorkomen uitkeringen"), 6);
    const t = (actor: string) => welfare.run.table.get(actor)!.get("Verdelingseffecten")!;
    expect(t("Huishoudens")).toBeCloseTo(-transfer, 6);
    expect(t("Gemeente W&I")).toBeCloseTo(transfer, 6);
    expect(ncw(welfare.run, "Uitstroom naar werk: loon (productie)")).toBeCloseTo((transfer * 19250) / 15000, 6);
    const household = welfare.run.table.get("Huishoudens")!;
    expect(household.get("Verdelingseffecten")! + household.get("Effectievere trajecten")!).toBeGreaterThan(0);
  });
});

describe("illustratieve kengetallen", () => {
  it("het voorbeeld gebruikt illustratieve kengetallen en de effecten zeggen het; een kengetal dat door een schakelaar 0 is, telt niet mee", () => {
    const b = build();
    expect(b.illustrative).toBe(true);
    expect(b.illustrativeKeys).toContain("kosten_ontruiming");
    expect(b.illustrativeKeys).not.toContain("qaly_waarde");
    expect(b.illustrativeKeys).not.toContain("minimumloon_per_jaar"); // × welvaartsvisie 0
    expect(b.illustrativeKeys).not.toContain("kg_effectiviteit_breedte"); // × teamsamenstelling_telt 0
    const effect = b.model.effects.find((e) => e.name === "Voorkomen huisuitzettingen: ontruiming")!;
    expect(effect.source).toMatch(/illustratieve kengetallen: kosten_ontruiming/);
    expect(b.model.parameters!.find((p) => p.key === "kosten_ontruiming")!.label).toMatch(/\(illustratief\)$/);
  });
  it("niet meer illustratief als alle gebruikte illustratieve kengetallen zijn overschreven", () => {
    const all = Object.fromEntries(LPBL_KEY_FIGURES.filter((k) => k.illustrative).map((k) => [k.key, k.value]));
    const b = build(LPBL_EXAMPLE_INPUTS, all);
    expect(b.illustrative).toBe(false);
    expect(b.illustrativeKeys).toEqual([]);
    const allButOne = Object.fromEntries(Object.entries(all).filter(([k]) => k !== "kosten_ontruiming"));
    expect(build(LPBL_EXAMPLE_INPUTS, allButOne).illustrativeKeys).toEqual(["kosten_ontruiming"]);
  });
  it("elk kengetal heeft een bron; illustratieve zeggen dat in de bron; een bedrag heeft prijspeil 2014", () => {
    for (const k of LPBL_KEY_FIGURES) {
      expect(k.source.length).toBeGreaterThan(10);
      if (k.illustrative) expect(k.source).toMatch(/^Illustratief/);
      else expect(k.source).toMatch(/seed 00[0-2]/);
      if (/euro/.test(k.unit)) expect(k.price?.year).toBe(2014);
      // A label or unit never shows a number that could differ from the value used (issue 19, punt 5).
      expect(`${k.label} ${k.unit}`).not.toMatch(/€ ?\d/);
    }
  });
  it("een overschreven kengetal komt in het model en drijft de scenario's", () => {
    const b = build(LPBL_EXAMPLE_INPUTS, { kosten_ots_uhp: 60000, kg_substitutie_nieuw: 0.4 });
    expect(b.model.parameters!.find((p) => p.key === "kosten_ots_uhp")!.value).toBe(60000);
    expect(b.model.scenarios!.find((s) => s.name === "Kengetallen substitutie (Tabel 4.5)")!.overrides!.subst_nieuw).toBe(0.4);
  });
  it("elk kengetal drijft een formule, een scenario, een gevoeligheidsrun of een uitkomst", () => {
    const b = build();
    const followed = Object.values(b.derivedOverrides).flatMap((o) => Object.values(o).map((d) => d.from));
    const text = JSON.stringify(b.model.effects) + JSON.stringify(b.model.scenarios) + JSON.stringify(b.model.sensitivity) + followed.join(" ");
    const outputs = ["kg_caseload_ev", "kg_caseload_zr", "kg_caseload_nzr", "kg_productieve_uren_fte"];
    for (const k of LPBL_KEY_FIGURES) {
      if (outputs.includes(k.key)) continue; // used by buildLpblModel for the fte outputs (tested below)
      expect({ key: k.key, used: text.includes(k.key) }).toEqual({ key: k.key, used: true });
    }
    expect(b.fteAtKeyFigureCaseloads).toBeCloseTo(9.9712 / 300 + 104.3696 / 150 + 213.6592 / 40, 10);
    expect(b.fteFromHours).toBeCloseTo((9.9712 * 2 + 104.3696 * 8 + 213.6592 * 16) / 1200, 10);
  });
});
