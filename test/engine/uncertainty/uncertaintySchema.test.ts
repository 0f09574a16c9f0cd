/**
 * The optional `uncertainty` section of a model file (issue 11, item 3): existing files stay valid; a distribution or a
 * correlation that does not fit is a problem with its JSON path and a Dutch message — unknown parameters (also
 * `__proto__`), bounds, probabilities, coefficients, a matrix that is not positive definite.
 */
import { EXAMPLES } from "../../../src/engine/examples";
import { ModelInput, validateModel } from "../../../src/engine/model";
import { FORBIDDEN_KEY_MESSAGE } from "../../../src/engine/model/messages";

function model(uncertainty: unknown): ModelInput {
  return {
    schemaVersion: 1,
    metadata: { name: "klein", title: "Klein", priceBaseYear: 2025, firstYear: 2025, horizon: 1, discountRule: "geen" },
    parameters: [
      { key: "a", value: 1 },
      { key: "b", value: 2 },
      { key: "c", value: 3 },
    ],
    actors: [{ name: "Gemeente", municipal: true }],
    categories: [{ name: "Baten", side: "baten" }],
    effects: [{ name: "B", category: "Baten", nature: "financieel", actor: "Gemeente", amount: "a + b + c" }],
    uncertainty,
  } as ModelInput;
}
const problems = (uncertainty: unknown) => {
  const v = validateModel(model(uncertainty));
  return v.ok ? [] : v.problems;
};
const tri = (parameter: string) => ({ parameter, type: "driehoek", min: 0, mode: 1, max: 2 });

describe("the uncertainty section", () => {
  it("is optional: every example validates, and the Almere example carries illustrative distributions", () => {
    for (const name of ["almere", "zoetermeer-zmp", "zoetermeer-proeftuinen"]) expect(validateModel(EXAMPLES[name]).ok).toBe(true);
    const almere = validateModel(EXAMPLES.almere);
    expect(almere.ok && almere.compiled.model.uncertainty?.distributions.length).toBeGreaterThan(5);
  });

  it("accepts every distribution type and correlations", () => {
    expect(
      problems({
        distributions: [
          { parameter: "a", type: "uniform", min: 0, max: 2 },
          { parameter: "b", type: "pert", min: 0, mode: 2, max: 5, lambda: 4 },
          { parameter: "c", type: "lognormaal", mean: 3, sd: 1 },
        ],
        correlations: [{ parameters: ["a", "b"], coefficient: -0.4 }],
      }),
    ).toEqual([]);
    expect(problems({ distributions: [{ parameter: "a", type: "discreet", values: [1, 2], probabilities: [0.3, 0.7] }, { parameter: "b", type: "normaal", mean: 2, sd: 0.5 }] })).toEqual([]);
  });

  it.each<[string, unknown, { path: string; message: string | RegExp }]>([
    ["an unknown parameter", { distributions: [tri("d")] }, { path: "uncertainty.distributions[0].parameter", message: 'onbekende parameter "d"; bedoelt u "a"?' }],
    ["a distribution on __proto__ (as a value)", { distributions: [tri("__proto__")] }, { path: "uncertainty.distributions[0].parameter", message: /^onbekende parameter "__proto__"/ }],
    ["a second distribution for a parameter", { distributions: [tri("a"), tri("a")] }, { path: "uncertainty.distributions[1].parameter", message: 'de parameter "a" heeft al een verdeling (uncertainty.distributions[0])' }],
    ["an unknown type", { distributions: [{ parameter: "a", type: "gamma" }] }, { path: "uncertainty.distributions[0].type", message: 'kies een van "uniform", "driehoek", "pert", "normaal", "lognormaal", "discreet"' }],
    ["min above max", { distributions: [{ parameter: "a", type: "uniform", min: 3, max: 2 }] }, { path: "uncertainty.distributions[0].max", message: "max (2) moet minstens min (3) zijn" }],
    ["a mode outside min … max", { distributions: [{ parameter: "a", type: "pert", min: 0, mode: 3, max: 2 }] }, { path: "uncertainty.distributions[0].mode", message: "de meest waarschijnlijke waarde (mode 3) ligt tussen min (0) en max (2)" }],
    ["sd 0", { distributions: [{ parameter: "a", type: "normaal", mean: 1, sd: 0 }] }, { path: "uncertainty.distributions[0].sd", message: "de standaardafwijking (sd) moet groter zijn dan 0" }],
    ["a lognormal mean of 0", { distributions: [{ parameter: "a", type: "lognormaal", mean: 0, sd: 1 }] }, { path: "uncertainty.distributions[0].mean", message: "het gemiddelde van een lognormale verdeling moet groter zijn dan 0" }],
    ["probabilities that do not sum to 1", { distributions: [{ parameter: "a", type: "discreet", values: [1, 2], probabilities: [0.5, 0.6] }] }, { path: "uncertainty.distributions[0].probabilities", message: "de kansen tellen op tot 1,1; samen moeten ze 1 zijn" }],
    ["more values than probabilities", { distributions: [{ parameter: "a", type: "discreet", values: [1, 2, 3], probabilities: [0.5, 0.5] }] }, { path: "uncertainty.distributions[0].probabilities", message: "2 kansen bij 3 waarden; geef bij elke waarde één kans" }],
    ["a probability above 1", { distributions: [{ parameter: "a", type: "discreet", values: [1, 2], probabilities: [1.5, 0] }] }, { path: "uncertainty.distributions[0].probabilities[0]", message: "een kans ligt tussen 0 en 1" }],
    ["a coefficient beyond 1", { distributions: [tri("a"), tri("b")], correlations: [{ parameters: ["a", "b"], coefficient: 1.5 }] }, { path: "uncertainty.correlations[0].coefficient", message: "een correlatie ligt tussen −1 en 1" }],
    ["a correlation with a parameter without distribution", { distributions: [tri("a")], correlations: [{ parameters: ["a", "b"], coefficient: 0.5 }] }, { path: "uncertainty.correlations[0].parameters[1]", message: /^de parameter "b" heeft geen verdeling/ }],
    ["a correlation of a parameter with itself", { distributions: [tri("a")], correlations: [{ parameters: ["a", "a"], coefficient: 0.5 }] }, { path: "uncertainty.correlations[0].parameters", message: "een correlatie hoort bij twee verschillende parameters" }],
    ["a pair twice", { distributions: [tri("a"), tri("b")], correlations: [{ parameters: ["a", "b"], coefficient: 0.5 }, { parameters: ["b", "a"], coefficient: 0.2 }] }, { path: "uncertainty.correlations[1].parameters", message: 'de correlatie tussen "b" en "a" staat er al (uncertainty.correlations[0])' }],
    [
      "a matrix that is not positive definite",
      {
        distributions: [tri("a"), tri("b"), tri("c")],
        correlations: [
          { parameters: ["a", "b"], coefficient: 0.9 },
          { parameters: ["b", "c"], coefficient: 0.9 },
          { parameters: ["a", "c"], coefficient: -0.9 },
        ],
      },
      { path: "uncertainty.correlations", message: /^de correlaties passen niet bij elkaar: de correlatiematrix is niet positief definiet/ },
    ],
    ["a correlation of exactly 1", { distributions: [tri("a"), tri("b")], correlations: [{ parameters: ["a", "b"], coefficient: 1 }] }, { path: "uncertainty.correlations", message: /een correlatie van precies 1 of −1 kan niet; gebruik bijvoorbeeld 0,99\)$/ }],
    ["an unknown field", { distributions: [{ ...tri("a"), sd: 3 }] }, { path: "uncertainty.distributions[0]", message: 'onbekend veld: "sd"' }],
    ["a list that is not a list", { distributions: "driehoek" }, { path: "uncertainty.distributions", message: 'verwacht een lijst ([…]), niet de tekst "driehoek"' }],
  ])("%s", (_, uncertainty, expected) => {
    expect(problems(uncertainty)).toEqual([{ path: expected.path, message: expected.message instanceof RegExp ? expect.stringMatching(expected.message) : expected.message }]);
  });

  it("a key __proto__ inside the section is refused with its path, like anywhere in a model file", () => {
    const data = JSON.parse('{"distributions":[{"parameter":"a","type":"uniform","min":0,"max":1,"__proto__":{"x":1}}]}');
    expect(problems(data)).toEqual([{ path: "uncertainty.distributions[0].__proto__", message: FORBIDDEN_KEY_MESSAGE }]);
  });
});
