/**
 * `mkba montecarlo` (issue 11, item 5): percentiles and P(saldo > 0) as Dutch text or JSON, the seed, sampling and run
 * count stated, identical output for the same seed, a progress bar only on a terminal, Dutch messages for misuse.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EXAMPLES } from "../../src/engine/examples";
import { HELP } from "../../src/cli/mkba";
import { runCli as run } from "../support/cli";

const work = mkdtempSync(path.join(tmpdir(), "mkba-montecarlo-"));

/** Runs `mkba` with stderr a terminal or not (the progress bar depends on it). */
const runWith = (tty: boolean, argv: readonly string[]) => run(argv, "", { stderrIsTerminal: tty });

describe("mkba montecarlo", () => {
  it("--example lpbl --runs 10000 --seed 1 --json: identical on a second run, with percentiles and P(saldo > 0)", async () => {
    const first = await runWith(false, ["montecarlo", "--example", "lpbl", "--runs", "10000", "--seed", "1", "--json"]);
    const second = await runWith(false, ["montecarlo", "--example", "lpbl", "--runs", "10000", "--seed", "1", "--json"]);
    expect(first.code).toBe(0);
    expect(first.err).toBe("");
    expect(second.out).toBe(first.out);
    const json = JSON.parse(first.out);
    // The LPBL model carries its own default uncertainty: the seed's ranges of its key figures (issue 19).
    expect(json).toMatchObject({ runs: 10000, seed: 1, sampling: "aselect", distributions: "model", failedRuns: 0, scenario: "Basisvariant" });
    expect(json.varied.find((v: { key: string }) => v.key === "kosten_ots_uhp").distribution).toEqual({ type: "driehoek", min: 2000, mode: 2000, max: 100000 });
    expect(Object.keys(json.outcomes)).toEqual(["saldo", "ratio", "ratio_financieel", "ratio_gemeentelijk"]);
    expect(Object.keys(json.outcomes.saldo.percentiles)).toEqual(["P5", "P10", "P50", "P90", "P95"]);
    expect(json.probabilityPositive.share).toBeGreaterThan(0.5);
    expect(json.probabilityPositive.share).toBeLessThan(1);
    expect(json.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(10000);
    // Pinned: the same seed gives these figures on every machine (a change here changes every published run).
    expect(json.outcomes.saldo.mean).toBeCloseTo(PINNED_LPBL_MEAN, 6);
  });

  it("prints Dutch text: seed, sampling and run count, the default stated, a percentile table and a histogram", async () => {
    const r = await runWith(false, ["montecarlo", "--example", "lpbl", "--runs", "2.000", "--seed", "7", "--lhs"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Monte Carlo — LPBL MKBA-tool/);
    expect(r.out).toContain("Scenario: Basisvariant; 2.000 trekkingen, Latin hypercube, seed 7.");
    expect(r.out).toMatch(/Verdelingen: uit het modelbestand: \d+ parameters met een verdeling, 3 correlaties; de andere parameters op hun waarde\./);
    expect(r.out).toContain("Voorkomen kosten per voorkomen OTS/uithuisplaatsing (gezinnen): driehoek 2.000 – 2.000 – 100.000");
    expect(r.out).toMatch(/\n\s+Gemiddelde\s+± st\.fout\s+P5\s+P10\s+P50\s+P90\s+P95\n/);
    expect(r.out).toMatch(/\nSaldo\s+€ [\d.]+\s+€ [\d.]+/);
    expect(r.out).toMatch(/\nP\(saldo > 0\): \d+,\d% \(± \d+,\d%\)\n/);
    expect(r.out).toContain("Verdeling van het saldo:");
    expect(r.out.match(/│/g)).toHaveLength(20);
  });

  it("uses the model's own distributions (the Almere example) and lists them", async () => {
    const r = await runWith(false, ["montecarlo", "--example", "almere", "--runs", "1000"]);
    expect(r.out).toContain("Verdelingen: uit het modelbestand: 11 parameters met een verdeling, 2 correlaties; de andere parameters op hun waarde.");
    expect(r.out).toContain("Waarde van een QALY: PERT 20.000 – 50.000 – 100.000");
    expect(r.out).toContain("Maanden eerder bijstand per persoon: discreet 0,5 (25%), 1 (50%), 2 (25%)");
  });

  it("runs around a scenario with --scenario", async () => {
    const r = await runWith(false, ["montecarlo", "--example", "almere", "--runs", "500", "--scenario", "Scenario 1", "--json"]);
    expect(JSON.parse(r.out)).toMatchObject({ scenario: "Scenario 1", runs: 500 });
  });

  it("shows a progress bar on stderr only when stderr is a terminal", async () => {
    const tty = await runWith(true, ["montecarlo", "--example", "almere", "--runs", "5000", "--json"]);
    expect(tty.err).toContain("Monte Carlo [");
    expect(tty.err).toContain("100%");
    const plain = await runWith(false, ["montecarlo", "--example", "almere", "--runs", "5000", "--json"]);
    expect(plain.err).toBe("");
    expect(plain.out).toBe(tty.out);
  });

  it.each([
    [["--runs", "0"], '--runs is het aantal trekkingen, een geheel getal van 1 tot en met 1.000.000 (standaard 10.000), niet "0".'],
    [["--runs", "1e12"], '--runs is het aantal trekkingen, een geheel getal van 1 tot en met 1.000.000 (standaard 10.000), niet "1e12".'],
    [["--runs", "1000000000000"], '--runs is het aantal trekkingen, een geheel getal van 1 tot en met 1.000.000 (standaard 10.000), niet "1000000000000".'],
    [["--runs", "10,5"], '--runs is het aantal trekkingen, een geheel getal van 1 tot en met 1.000.000 (standaard 10.000), niet "10,5".'],
    [["--seed", "abc"], '--seed is een geheel getal van 0 tot en met 4.294.967.295 (standaard 1), niet "abc".'],
    [["--seed=-1"], '--seed is een geheel getal van 0 tot en met 4.294.967.295 (standaard 1), niet "-1".'],
    [["--seed", "4294967296"], '--seed is een geheel getal van 0 tot en met 4.294.967.295 (standaard 1), niet "4294967296".'],
  ])("refuses %j in Dutch (exit 2)", async (args, message) => {
    const r = await run(["montecarlo", "--example", "almere", ...args]);
    expect(r).toMatchObject({ code: 2, out: "", err: `mkba: mkba montecarlo: ${message}\n` });
  });

  it("refuses a missing model, an unknown option and an unknown scenario in Dutch", async () => {
    expect((await run(["montecarlo"])).err).toBe("mkba: mkba montecarlo: geef één modelbestand of --example NAAM.\n");
    expect((await run(["montecarlo", "--example", "almere", "--rondes", "5"])).err).toBe("mkba: mkba montecarlo: onbekende optie --rondes; zie mkba --help.\n");
    expect((await run(["montecarlo", "--example", "almere", "--scenario", "Scenario 9"])).err).toMatch(/^mkba: onbekend scenario "Scenario 9"; bedoelt u "Scenario 1"\?/);
  });

  it("names a distribution on __proto__ or with bounds out of order by its JSON path, in Dutch", async () => {
    const file = path.join(work, "verdeling.mkba.json");
    const almere = EXAMPLES.almere as Record<string, unknown>;
    writeFileSync(
      file,
      JSON.stringify({
        ...almere,
        uncertainty: {
          distributions: [
            { parameter: "__proto__", type: "uniform", min: 0, max: 1 },
            { parameter: "qaly_waarde", type: "driehoek", min: 60000, mode: 50000, max: 70000 },
          ],
        },
      }),
    );
    const r = await run(["montecarlo", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('uncertainty.distributions[0].parameter: onbekende parameter "__proto__"');
    expect(r.err).toContain("uncertainty.distributions[1].mode: de meest waarschijnlijke waarde (mode 50000) ligt tussen min (60000) en max (70000)");
  });

  it("is listed in mkba --help", () => {
    expect(HELP).toContain("mkba montecarlo BESTAND | --example NAAM [--runs 10000] [--seed 1] [--lhs] [--scenario NAAM] [--json]");
  });
});

const PINNED_LPBL_MEAN = 261419.82077311506;
