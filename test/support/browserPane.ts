/**
 * The task pane in a real browser, for the browser tests (test/browser) and the task-pane benchmark
 * (bench/taskpane.bench.ts): the production build (dist/, made by `npm run build`) served on localhost, office.js from
 * @microsoft/office-js served where the page asks for it (no network), Debian's Chromium driven with playwright-core at
 * 320 px. Inside "Excel" the page gets the Excel double (test/support/excelDouble.ts), whose HyperFormula workbook really
 * computes what the pane writes. Screenshots go to test-artifacts/screenshots/.
 */
import { createServer, Server } from "http";
import { existsSync, mkdirSync, readFileSync } from "fs";
import * as path from "path";
import { AddressInfo } from "net";
import { Browser, Page, chromium } from "playwright-core";
import { ExcelDoubleHost, installExcelShim } from "./excelDouble";

const ROOT = path.join(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const SHOTS = path.join(ROOT, "test-artifacts/screenshots");
const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };

export interface Pane {
  page: Page;
  host: ExcelDoubleHost | null;
  errors: string[];
  type(sheet: string, row: number, column: number, value: number): Promise<void>;
}

export interface BrowserPane {
  readonly base: string;
  /** Opens the task pane at 320 px; with `excel` the page gets the Excel double, else it is a plain browser. */
  open(excel: boolean): Promise<Pane>;
  /** Picks an example, clicks "Voorbeeld laden" and waits until the pane says what it wrote. */
  loadExample(pane: Pane, name: string): Promise<void>;
  shot(page: Page, name: string): Promise<Buffer>;
  stop(): Promise<void>;
}

export async function startBrowserPane(): Promise<BrowserPane> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html ontbreekt: eerst npm run build");
  const server: Server = createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0]!));
    if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  mkdirSync(SHOTS, { recursive: true });

  const open = async (excel: boolean): Promise<Pane> => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // office.js where the page asks for it (appsforoffice.microsoft.com), from the npm package; nothing else leaves the machine.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
      const url = new URL(route.request().url());
      const local = url.hostname === "appsforoffice.microsoft.com" ? path.join(OFFICE_JS, url.pathname.replace(/^\/lib\/1\/hosted\//, "")) : "";
      if (local && existsSync(local)) await route.fulfill({ path: local, contentType: "text/javascript" });
      else await route.abort();
    });
    const host = excel ? new ExcelDoubleHost() : null;
    if (host) {
      await page.exposeFunction("__excelHostSync", (json: string) => host.sync(json));
      await page.addInitScript(installExcelShim);
    }
    await page.goto(`${base}/taskpane.html`);
    const fire = (handler: string, event: unknown) => page.evaluate(([h, e]) => (window as unknown as { __excelShim: { fire(h: string, e: unknown): Promise<void> } }).__excelShim.fire(h as string, e), [handler, event] as const);
    return { page, host, errors, type: (sheet, row, column, value) => host!.type(sheet, row, column, value, fire) };
  };

  return {
    base,
    open,
    async loadExample(pane, name) {
      await pane.page.getByRole("combobox", { name: /Voorbeeld|Example/ }).selectOption(name);
      await pane.page.getByRole("button", { name: /Voorbeeld laden|Load example/ }).click();
      await pane.page.getByText(/Geschreven:|Written:/).waitFor();
    },
    shot: (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true }),
    async stop() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
