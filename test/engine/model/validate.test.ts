import { parseModelText, validateModel } from "../../../src/engine/model";
import { parseExpression, evaluateExpression } from "../../../src/engine/model/expression";
import { Dec } from "../../../src/engine/decimal";
import { smallModel } from "../../fixtures/models";

const problemsOf = (data: unknown) => {
  const v = validateModel(data);
  return v.ok ? [] : v.problems;
};

describe("model validation: every problem with its JSON path and a Dutch message", () => {
  it("accepts the small model", () => {
    expect(problemsOf(smallModel())).toEqual([]);
  });

  it("reports structural problems in Dutch (our own error map, no English type words)", () => {
    const model = smallModel() as Record<string, unknown>;
    delete model.actors;
    const problems = problemsOf({ ...model, schemaVersion: 2 });
    expect(problems.map((p) => p.path)).toEqual(["schemaVersion", "actors"]);
    expect(problems[0]!.message).toBe("moet 1 zijn");
    expect(problems[1]!.message).toBe("verplicht veld ontbreekt");
  });

  it("reports unknown names with a suggestion", () => {
    const model = smallModel();
    model.effects[0]!.actor = "Gemeent";
    model.effects[1]!.category = "Directe efecten";
    model.effects[1]!.amount = "aantal * prys";
    model.scenarios![0]!.overrides = { aantl: 3 };
    expect(problemsOf(model)).toEqual([
      { path: "effects[0].actor", message: 'onbekende actor "Gemeent"; bedoelt u "Gemeente"?' },
      { path: "effects[1].category", message: 'onbekende categorie "Directe efecten"; bedoelt u "Directe effecten"?' },
      { path: "effects[1].amount", message: 'rekenregel "aantal * prys": onbekende parameter "prys"; bedoelt u "prijs"?' },
      { path: "scenarios[0].overrides.aantl", message: 'onbekende parameter "aantl"; bedoelt u "aantal"?' },
    ]);
  });

  it("requires from and to on a transfer and an actor elsewhere", () => {
    const model = smallModel();
    delete model.effects[3]!.to;
    delete model.effects[0]!.actor;
    expect(problemsOf(model).map((p) => p.path)).toEqual(["effects[0].actor", "effects[3]"]);
  });

  it("keeps every year inside the horizon", () => {
    const model = smallModel();
    model.effects[1]!.profile = { start: 2, duration: 2 };
    expect(problemsOf(model)).toEqual([{ path: "effects[1].profile", message: "jaren 2 t/m 3 vallen buiten de looptijd van 3 jaar (jaar 0 t/m 2)" }]);
  });

  it("refuses an amount on a PM item and a missing amount elsewhere", () => {
    const model = smallModel();
    model.effects[4]!.amount = 5;
    delete model.effects[0]!.amount;
    expect(problemsOf(model).map((p) => p.path)).toEqual(["effects[0].amount", "effects[4]"]);
  });

  it("reports an unknown discount rule and duplicate keys", () => {
    const model = smallModel();
    model.metadata.discountRule = "2030";
    model.parameters!.push({ key: "prijs", value: 1 });
    expect(problemsOf(model).map((p) => p.path)).toEqual(["metadata.discountRule", "parameters"]);
  });

  it("reports invalid JSON as a problem, not an exception", () => {
    const v = parseModelText("{ nee");
    expect(!v.ok && v.problems[0]!.path).toBe("(bestand)");
  });
});

describe("parameter expressions", () => {
  const values = new Map([
    ["a", new Dec(6)],
    ["b", new Dec(3)],
  ]);
  const value = (source: string) => {
    const p = parseExpression(source);
    if (!p.ok) return p.message;
    const r = evaluateExpression(p.expression, values);
    return r.ok ? r.value.toNumber() : r.message;
  };
  it.each([
    ["a * b * (1 - 0.5)", 9],
    ["a - b - 1", 2],
    ["a / b / 2", 1],
    ["-a ^ 2", 36], // as in Excel: negation before ^
    ["2 ^ 3 ^ 2", 64], // as in Excel: ^ left-associative
    ["-(a ^ 2)", -36],
    ["min(a, b, 4) + max(a, 10)", 13],
    ["1.5e3", 1500],
  ])("%s = %p", (source, expected) => {
    expect(value(source)).toBe(expected);
  });
  it.each([
    ["a *", "de rekenregel houdt onverwacht op"],
    ["a b", 'onverwacht "b" op positie 3'],
    ["50%", 'onverwacht teken "%" op positie 3 (schrijf een percentage als 0.5, niet 50%)'],
    ["eval(a)", 'onbekende functie "eval"; toegestaan zijn min, max'],
    ["a / (b - 3)", "deling door 0"],
    ["(0 - a) ^ 0.5", 'de uitkomst van "^" is geen eindig reëel getal'],
    ["", "de rekenregel is leeg"],
  ])("%s → %s", (source, message) => {
    expect(value(source)).toBe(message);
  });
});
