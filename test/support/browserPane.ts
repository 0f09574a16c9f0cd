/**
 * The task pane in a real browser, for the browser tests (test/browser) and the task-pane benchmark
 * (bench/taskpane.bench.ts): the production build (dist/, made by `npm run build`) served on localhost, office.js from
 * @microsoft/office-js served where the page asks for it (no network), Debian's Chromium driven with playwright-core at
 * 320 px. Screenshots go to test-artifacts/screenshots/.
 *
 * Inside "Excel" the page runs Office.js's own Excel client against the protocol host (test/support/officeHost/), one
 * host per pane, kept across reloads (reopening the pane on the same workbook):
 * - the served taskpane.html gets, before its office.js, the unmodified client library
 *   (excel-web-16.00.debug.js, which office.js itself would load inside Excel on the web) and three lines that point
 *   its request context at this server (`/__excel/<pane>/ProcessQuery`, the client's HttpRequestExecutor) and open an
 *   event stream (`/__excel/<pane>/events`, server-sent events passed to the client's RichApi message hook); after
 *   office.js, `Office.context.requirements` answers with the host's requirement sets, as office.js does in a host;
 * - office.js's own bootstrap, which finds no Office host here, throws two errors of its own
 *   (OFFICE_JS_OUTSIDE_OFFICE): they are left out of `errors`; every other page error stays in.
 */
import { IncomingMessage, ServerResponse, createServer, Server } from "http";
import { existsSync, mkdirSync, readFileSync } from "fs";
import * as path from "path";
import { AddressInfo } from "net";
import { Browser, Page, chromium } from "playwright-core";
import { ExcelHost, ExcelHostOptions } from "./officeHost/excelHost";

const ROOT = path.join(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const SHOTS = path.join(ROOT, "test-artifacts/screenshots");
const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };
const OFFICE_TAG = /<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?[^>]*><\/script>/;

/** The errors office.js's bootstrap throws outside an Office host when the Excel client is already loaded. */
const OFFICE_JS_OUTSIDE_OFFICE = [/Cannot redefine property: context/, /OSF\.OUtil\.stringEndsWith is not a function/];

export interface Pane {
  page: Page;
  host: ExcelHost | null;
  errors: string[];
  /** The analyst types a value in a cell (0-based); the pane hears it through its onChanged handler. */
  type(sheet: string, row: number, column: number, value: number | string | null): Promise<void>;
}

export interface BrowserPane {
  readonly base: string;
  /** Opens the task pane at 320 px; with `excel` the page runs inside the protocol host, else it is a plain browser. */
  open(excel: boolean, options?: ExcelHostOptions): Promise<Pane>;
  /** Picks an example, clicks "Voorbeeld laden" and waits until the pane says what it wrote. */
  loadExample(pane: Pane, name: string): Promise<void>;
  shot(page: Page, name: string): Promise<Buffer>;
  stop(): Promise<void>;
}

/** What goes before office.js: the Excel client, pointed at this pane's host, listening to its events. */
function clientScripts(paneId: string): string {
  return [
    `<script src="/__office/excel-web-16.00.debug.js"></script>`,
    `<script>(function () {
  var base = location.origin + "/__excel/${paneId}";
  OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = { url: base, headers: {} };
  OfficeExtension._testSetRichApiMessageReadyImpl(function () { return Promise.resolve(); });
  new EventSource(base + "/events").onmessage = function (e) { OfficeExtension._testTriggerRichApiMessageEvent(JSON.parse(e.data)); };
})();</script>`,
  ].join("\n");
}

/** What goes after office.js: the requirement sets the host declares, as office.js answers them inside a host. */
function requirementsScript(apiSets: Record<string, string>): string {
  return `<script>(function () {
  var sets = ${JSON.stringify(apiSets)};
  var newer = function (a, b) { var x = a.split(".").map(Number), y = b.split(".").map(Number); return x[0] > y[0] || (x[0] === y[0] && (x[1] || 0) >= (y[1] || 0)); };
  Office.onReady(function () {
    Office.context.requirements = { isSetSupported: function (name, version) { return sets[name] !== undefined && (!version || newer(sets[name], String(version))); } };
  });
})();</script>`;
}

export async function startBrowserPane(): Promise<BrowserPane> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html ontbreekt: eerst npm run build");
  const hosts = new Map<string, ExcelHost>();
  let panes = 0;

  const excelEndpoint = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    const [, , paneId, endpoint] = url.pathname.split("/");
    const host = hosts.get(paneId ?? "");
    if (!host) return void res.writeHead(404).end();
    if (endpoint === "events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      res.write(": verbonden\n\n");
      const stop = host.onEvent((message) => res.write(`data: ${JSON.stringify(message)}\n\n`));
      req.on("close", stop);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void host.handleHttp({ method: req.method, url: url.pathname + url.search, body: Buffer.concat(chunks).toString("utf8") }).then((answer) => res.writeHead(answer.statusCode, answer.headers).end(answer.body));
    });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/__excel/")) return excelEndpoint(req, res, url);
    if (url.pathname === "/__office/excel-web-16.00.debug.js") {
      return void res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(path.join(OFFICE_JS, "excel-web-16.00.debug.js")));
    }
    const file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    let body: Buffer | string = readFileSync(file);
    const paneId = url.searchParams.get("excel");
    const host = paneId ? hosts.get(paneId) : undefined;
    if (host && url.pathname === "/taskpane.html") {
      const html = body.toString("utf8");
      if (!OFFICE_TAG.test(html)) return void res.writeHead(500).end("taskpane.html laadt office.js niet meer van appsforoffice.microsoft.com");
      body = html.replace(OFFICE_TAG, (tag) => `${clientScripts(paneId!)}\n${tag}\n${requirementsScript(host.apiSets)}`);
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  mkdirSync(SHOTS, { recursive: true });

  const open = async (excel: boolean, options: ExcelHostOptions = {}): Promise<Pane> => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => {
      if (!OFFICE_JS_OUTSIDE_OFFICE.some((known) => known.test(String(e)))) errors.push(String(e));
    });
    // office.js where the page asks for it (appsforoffice.microsoft.com), from the npm package; nothing else leaves the machine.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
      const url = new URL(route.request().url());
      const local = url.hostname === "appsforoffice.microsoft.com" ? path.join(OFFICE_JS, url.pathname.replace(/^\/lib\/1\/hosted\//, "")) : "";
      if (local && existsSync(local)) await route.fulfill({ path: local, contentType: "text/javascript" });
      else await route.abort();
    });
    let host: ExcelHost | null = null;
    let query = "";
    if (excel) {
      const paneId = `pane${++panes}`;
      host = new ExcelHost(options);
      hosts.set(paneId, host);
      query = `?excel=${paneId}`;
      context.on("close", () => hosts.delete(paneId));
    }
    await page.goto(`${base}/taskpane.html${query}`);
    return {
      page,
      host,
      errors,
      async type(sheet, row, column, value) {
        host!.type(sheet, row, column, value);
      },
    };
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
