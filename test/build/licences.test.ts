/** The built bundles name every third-party package they contain with its licence (issue 13, item 7). */
import { existsSync, readFileSync } from "fs";
import * as path from "path";

const dist = path.join(__dirname, "../../dist");
const built = existsSync(path.join(dist, "functions.js"));

(built ? describe : describe.skip)("third-party licences of the built bundles (npm run build)", () => {
  it.each([["add-in", ""], ["CLI", "cli/"]])("the %s bundles list zod and decimal.js with their MIT licence text", (_, dir) => {
    const packages = JSON.parse(readFileSync(path.join(dist, dir, "third-party-licenses.json"), "utf8")) as { name: string; license: string; licenseText: string }[];
    for (const name of ["zod", "decimal.js"]) {
      const entry = packages.find((p) => p.name === name);
      expect(entry).toMatchObject({ license: "MIT" });
      expect(entry!.licenseText).toMatch(/Permission is hereby granted/);
    }
    expect(readFileSync(path.join(dist, dir, "THIRD-PARTY-NOTICES.txt"), "utf8")).toMatch(/^zod 4\.\d+\.\d+ — MIT$/m);
  });

  it("no bundle contains HyperFormula (GPL, tests only)", () => {
    for (const file of ["third-party-licenses.json", "cli/third-party-licenses.json"]) {
      expect(readFileSync(path.join(dist, file), "utf8")).not.toMatch(/hyperformula/i);
    }
  });
});
