/**
 * `npm run bench`: speed figures of the engine (printed, never asserted in tests). Target (issue 3): a model of
 * 500 effects × 50 years evaluates in well under a second, with cost linear in effects × years.
 */
import { performance } from "perf_hooks";
import { ModelInput, runModel, validateModel } from "../engine/model";
import { callFunction, findFunction } from "../functions/catalog";

function syntheticModel(effects: number, years: number): ModelInput {
  return {
    schemaVersion: 1,
    metadata: { name: "bench", title: "Benchmark", priceBaseYear: 2025, firstYear: 2025, horizon: years, discountRule: "2026" },
    parameters: [
      ...Array.from({ length: effects }, (_, i) => ({ key: `aantal_${i}`, value: 10 + i })),
      { key: "prijs", value: 1234.56 },
      { key: "attributie", value: 0.5 },
      { key: "deadweight", value: 0.2 },
    ],
    actors: [{ name: "Gemeente", municipal: true }, { name: "Zorgverzekeraar" }, { name: "Inwoners" }],
    categories: [
      { name: "Kosten", side: "kosten" },
      { name: "Baten", side: "baten" },
      { name: "Verdeling", side: "verdeling" },
    ],
    effects: Array.from({ length: effects }, (_, i) =>
      i % 10 === 9
        ? { name: `T${i}`, category: "Verdeling", nature: "financieel" as const, from: "Gemeente", to: "Inwoners", amount: `aantal_${i} * prijs`, profile: { start: 0, duration: years } }
        : {
            name: `E${i}`,
            category: i % 3 === 0 ? "Kosten" : "Baten",
            nature: "financieel" as const,
            actor: ["Gemeente", "Zorgverzekeraar", "Inwoners"][i % 3]!,
            amount: `aantal_${i} * prijs * attributie * (1 - deadweight)`,
            profile: { start: 0, duration: years, growth: 0.01, dropOff: 0.2 },
          },
    ),
  };
}

function time(label: string, repeat: number, f: () => void): number {
  f(); // warm-up
  const start = performance.now();
  for (let i = 0; i < repeat; i++) f();
  const ms = (performance.now() - start) / repeat;
  console.log(`${label.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms`);
  return ms;
}

console.log("MKBA engine benchmark (node " + process.version + ")\n");
for (const [effects, years] of [[100, 50], [250, 50], [500, 50], [1000, 50], [500, 100]] as const) {
  const model = syntheticModel(effects, years);
  let compiled!: Extract<ReturnType<typeof validateModel>, { ok: true }>["compiled"];
  const validateMs = time(`validate ${effects} effects × ${years} years`, 3, () => {
    const v = validateModel(model);
    if (!v.ok) throw new Error(JSON.stringify(v.problems.slice(0, 3)));
    compiled = v.compiled;
  });
  const runMs = time(`evaluate ${effects} effects × ${years} years`, 3, () => {
    if (!runModel(compiled, {}, "bench").ok) throw new Error("run failed");
  });
  console.log(`${"  per effect-year".padEnd(48)} ${((1000 * (validateMs + runMs)) / (effects * years)).toFixed(2).padStart(8)} µs\n`);
}
const ncw = findFunction("NCW")!;
const range = Array.from({ length: 100 }, (_, r) => Array.from({ length: 100 }, (_, c) => (r * 100 + c) % 7 === 0 ? null : r - c));
time("MKBA.NCW over 100 × 100 cells, rule 2026", 5, () => void callFunction(ncw, [range, "2026"]));
const column = Array.from({ length: 10000 }, (_, i) => [i % 13 === 0 ? null : 1000 - i]);
time("MKBA.NCW over a column of 10.000 cells", 5, () => void callFunction(ncw, [column, 0.0225]));
