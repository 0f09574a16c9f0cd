/**
 * A workbook as LibreOffice draws it: every sheet on one PDF page (its whole used area, charts included), then the
 * page's text and pixels read with poppler (pdfinfo, pdftotext, pdftoppm: Debian's poppler-utils). For tests that must
 * see what a reader sees, not what the file says. One throwaway LibreOffice profile per call, as in libreoffice.ts.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { libreOfficeBinary } from "./libreoffice";

export function popplerAvailable(): boolean {
  return ["pdftoppm", "pdftotext", "pdfinfo"].every((tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0);
}

/** One PDF per workbook, one page per sheet in the workbook's order, in a folder the caller removes (`dispose`). */
export function renderWorkbooks(files: readonly string[]): { pdf: (file: string) => string; dispose: () => void } {
  const binary = libreOfficeBinary();
  if (!binary) throw new Error("LibreOffice (soffice) not found: apt-get install -y --no-install-recommends libreoffice-calc");
  const work = mkdtempSync(path.join(tmpdir(), "mkba-pdf-"));
  execFileSync(
    binary,
    [`-env:UserInstallation=file://${work}/profile`, "--headless", "--norestore", "--convert-to", 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}', "--outdir", work, ...files],
    { stdio: "pipe", timeout: 180000 },
  );
  return { pdf: (file) => path.join(work, path.basename(file).replace(/\.xlsx$/, ".pdf")), dispose: () => rmSync(work, { recursive: true, force: true }) };
}

export function pdfPageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
}

/** The text of one page (1-based), its whitespace folded to single spaces. */
export function pdfPageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ").trim();
}

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes a pixel, row by row. */
  readonly rgb: Uint8Array;
}

/** One page (1-based) as pixels, at `dpi` (pdftoppm's PPM: "P6 width height 255" and the bytes). */
export function pdfPageRaster(pdf: string, page: number, dpi: number): Raster {
  const out = mkdtempSync(path.join(tmpdir(), "mkba-ppm-"));
  try {
    execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, path.join(out, "page")]);
    const bytes = readFileSync(path.join(out, "page.ppm"));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"));
    if (!header) throw new Error("pdftoppm wrote no PPM");
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, rgb: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height * 3)) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const coloured = (rgb: Uint8Array, i: number) => Math.max(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!) - Math.min(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!) >= 80;

/**
 * Pixels of a strong colour (a chart's bars and lines; not black, grey or white text and grid) in `drawn` where
 * `without`, the same page drawn without something, has none at the same place (the pages start at the same top left).
 */
export function newColouredPixels(drawn: Raster, without: Raster): number {
  let count = 0;
  for (let y = 0; y < drawn.height; y++) {
    for (let x = 0; x < drawn.width; x++) {
      const i = (y * drawn.width + x) * 3;
      if (!coloured(drawn.rgb, i)) continue;
      if (x < without.width && y < without.height && coloured(without.rgb, (y * without.width + x) * 3)) continue;
      count++;
    }
  }
  return count;
}
