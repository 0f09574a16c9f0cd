/**
 * LibreOffice as an independent spreadsheet engine: recalculates an .xlsx headless and returns the first sheet
 * as CSV rows. Formulas written without a cached value are computed on load (see ../shared/toolchain-notes.md).
 * One throwaway user profile per call, so parallel Jest workers do not share one.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

export function libreOfficeBinary(): string | undefined {
  for (const candidate of ["soffice", "libreoffice"]) {
    if (spawnSync("sh", ["-c", `command -v ${candidate}`]).status === 0) return candidate;
  }
  return undefined;
}

/** Recalculate `xlsx` in LibreOffice and read its first sheet back as rows of strings. */
export function recalculateToCsv(xlsx: string): string[][] {
  const binary = libreOfficeBinary();
  if (!binary) throw new Error("LibreOffice (soffice) not found: apt-get install -y --no-install-recommends libreoffice-calc");
  const work = mkdtempSync(path.join(tmpdir(), "mkba-lo-"));
  try {
    execFileSync(
      binary,
      [`-env:UserInstallation=file://${work}/profile`, "--headless", "--norestore", "--convert-to", "csv", "--outdir", work, xlsx],
      { stdio: "pipe", timeout: 180000 },
    );
    const csv = readFileSync(path.join(work, path.basename(xlsx).replace(/\.xlsx$/, ".csv")), "utf8");
    return csv
      .trimEnd()
      .split(/\r?\n/)
      .map((line) => line.split(","));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A LibreOffice user profile that recalculates every formula on load, also one with a cached value
 * (OOXMLRecalcMode = 0), or, with `recalculate` false, never (1): the file's cached values are shown.
 */
function recalculationProfile(work: string, recalculate = true): string {
  const mode = recalculate ? 0 : 1;
  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`,
  );
  return profile;
}

/** One CSV line → fields (double quotes, "" inside quotes). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    }
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Recalculate several .xlsx files in ONE LibreOffice run with forced recalculation, and read every sheet back as rows
 * of strings (values as computed, full precision): result.get(file).get(sheetName). With `recalculate` false, LibreOffice
 * recalculates nothing and shows what the files cached, as a viewer without the add-in does.
 */
export function recalculateAllSheets(files: readonly string[], recalculate = true): Map<string, Map<string, string[][]>> {
  const binary = libreOfficeBinary();
  if (!binary) throw new Error("LibreOffice (soffice) not found: apt-get install -y --no-install-recommends libreoffice-calc");
  const work = mkdtempSync(path.join(tmpdir(), "mkba-lo-"));
  try {
    const profile = recalculationProfile(work, recalculate);
    const out = path.join(work, "out");
    execFileSync(
      binary,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, ...files],
      { stdio: "pipe", timeout: 300000 },
    );
    const result = new Map<string, Map<string, string[][]>>();
    for (const file of files) {
      const base = path.basename(file).replace(/\.xlsx$/, "");
      const sheets = new Map<string, string[][]>();
      for (const csv of readdirSync(out).filter((f) => f.startsWith(`${base}-`) && f.endsWith(".csv"))) {
        const text = readFileSync(path.join(out, csv), "utf8");
        sheets.set(csv.slice(base.length + 1, -4), text.trimEnd().split(/\r?\n/).map(parseCsvLine));
      }
      result.set(file, sheets);
    }
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
