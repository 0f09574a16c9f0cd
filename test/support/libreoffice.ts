/**
 * LibreOffice as an independent spreadsheet engine: recalculates an .xlsx headless and returns the first sheet
 * as CSV rows. Formulas written without a cached value are computed on load (see ../shared/toolchain-notes.md).
 * One throwaway user profile per call, so parallel Jest workers do not share one.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
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
