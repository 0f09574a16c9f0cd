/**
 * The `mkba` command: in-process through main() for the behaviour, and once through the built bin
 * (dist/, made by `npm test`'s pretest build) for what a user types.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { runCli as run } from "../support/cli";
import packageJson from "../../package.json";


describe("mkba fn NAME ARG...", () => {
  it("prints the NCW of the issue's example as JSON", async () => {
    expect(await run(["fn", "NCW", "[[-1000],[300],[400],[500]]", "0.055"])).toEqual({ code: 0, out: "69.54798795094408\n", err: "" });
  });

  it("accepts the function name in any case and with the MKBA. namespace", async () => {
    expect((await run(["fn", "mkba.ratio", "691000", "165000", '"geen"'])).out).toBe("4.1878787878787875\n");
  });

  it("takes null for a blank cell or omitted argument", async () => {
    expect((await run(["fn", "NCW", "[[100,null,100]]", '"geen"', "null"])).out).toBe("200\n");
  });

  it("prints an Excel error as a valid answer, with exit code 0", async () => {
    const r = await run(["fn", "RATIO", "[[1]]", "[[0]]"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ error: "#DIV/0!", message: expect.stringContaining("kosten") });
  });

  it("passes an error value given as {\"error\": …} through as that error", async () => {
    expect(JSON.parse((await run(["fn", "NCW", '[[1,{"error":"#N/A"}]]'])).out).error).toBe("#N/A");
  });

  it.each([
    [["fn", "NPV", "1"], /onbekende functie "NPV"; bekend zijn: NCW, RATIO/],
    [["fn", "NCW", "[[1,"], /argument 1 \(bedragen\): geen geldige JSON \(de tekst houdt halverwege op, bij teken 5\)/],
    [["fn", "NCW", "[1,2]"], /Een bereik is een lijst van rijen/],
    [["fn", "NCW", '{"a":1}'], /geen geldige celwaarde/],
    [["fn", "NCW", "1", "2", "3", "4"], /verwacht 1 tot 3 argumenten, niet 4/],
    [["fn"], /geef de naam van een functie/],
    [["frobnicate"], /onbekende opdracht/],
  ])("treats misuse %p as exit 2 with a message", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });
});

describe("mkba fn --batch", () => {
  it("prints one result per input line, in order, in one process", async () => {
    const input = ['{"fn":"NCW","args":[[[100,110]],0.1]}', '{"fn":"RATIO","args":[[[2]],[[-1]]]}', '{"fn":"NCW","args":[[["x"]]]}'].join("\n");
    const r = await run(["fn", "--batch"], input + "\n");
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toBeCloseTo(200, 12);
    expect(lines[1]).toBe(2);
    expect(lines[2]).toMatchObject({ error: "#VALUE!" });
  });

  it("keeps lines aligned when one line is misuse, and exits 2", async () => {
    const r = await run(["fn", "--batch"], 'not json\n{"fn":"NCW","args":[[[1]]]}\n{"fn":"XYZ"}\n');
    expect(r.code).toBe(2);
    expect(r.out.trimEnd().split("\n").map((l) => JSON.parse(l))).toEqual([
      { usageError: expect.stringContaining("regel 1") },
      1,
      { usageError: expect.stringContaining("onbekende functie") },
    ]);
  });
});

describe("mkba --help, --version, demo", () => {
  it("prints usage in Dutch", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("mkba fn NAAM ARG...");
  });
  it("prints the package version", async () => {
    expect((await run(["--version"])).out).toBe(`${packageJson.version}\n`);
  });
  it("runs the embedded example", async () => {
    const r = await run(["demo"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('=MKBA.RATIO(691000; 165000; "geen")        → 4,19');
    expect(r.out).toMatch(/=MKBA\.NCW\(B2:B5; "2007"\)\s+→\s+69,55/);
  });
});

describe("the built command (bin/mkba.js → dist/cli/mkba.js)", () => {
  const bin = path.join(__dirname, "../../bin/mkba.js");
  it("prints the issue's NCW example", () => {
    expect(execFileSync("node", [bin, "fn", "NCW", "[[-1000],[300],[400],[500]]", "0.055"]).toString()).toBe("69.54798795094408\n");
  });
  it("exits 2 on misuse and 0 on an Excel error", () => {
    expect(spawnSync("node", [bin, "fn", "NOPE"]).status).toBe(2);
    expect(spawnSync("node", [bin, "fn", "NCW", '[["x"]]']).status).toBe(0);
  });
  it("reads a batch from standard input", () => {
    const r = spawnSync("node", [bin, "fn", "--batch"], { input: '{"fn":"NCW","args":[[[1,2]],"geen"]}\n' });
    expect(r.stdout.toString()).toBe("3\n");
  });
});
