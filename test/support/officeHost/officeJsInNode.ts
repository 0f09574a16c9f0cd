/**
 * Office.js's Excel client in Jest, against the protocol host: the unmodified client library
 * (`@microsoft/office-js/dist/excel-web-16.00.debug.js`) is evaluated once in the test file's global scope, with the
 * little of a page it touches while loading (`window`, `document`, `navigator`, `location`); then
 *
 * - its request context gets an http URL, so that `context.sync()` goes through the client's `HttpRequestExecutor`,
 *   whose sender is the client's own hook `HttpUtility.setCustomSendRequestFunc` — here the host's `handleHttp`, with the
 *   body as JSON text both ways, as over the wire;
 * - event messages reach the client through its test hooks `_testSetRichApiMessageReadyImpl` /
 *   `_testTriggerRichApiMessageEvent` (in Office they come from the host through office.js's RichApi message manager);
 * - `Office.context.requirements.isSetSupported` answers with the host's requirement sets, as office.js does inside a
 *   host (through `OSF._OfficeAppFactory.getContext()`, which the client reads and office.js would provide).
 *
 * So the code under test (src/office/excelGateway.ts, the task pane's session) runs the real client with its real
 * load/sync semantics, `PropertyNotLoaded` included, without a browser. The browser tests do the same in Chromium
 * (test/support/browserPane.ts).
 */
import { readFileSync } from "fs";
import * as path from "path";
import { ExcelHost, ExcelHostOptions } from "./excelHost";

const LIBRARY = path.join(__dirname, "../../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");
/** The URL the client posts to; never fetched, the custom sender answers it. */
const HOST_URL = "https://excel-host.test/excel";

type Global = Record<string, unknown> & { OfficeExtension?: OfficeExtensionInternals };

interface OfficeExtensionInternals {
  ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
  HttpUtility: { setCustomSendRequestFunc(f: (request: { method: string; url: string; body?: unknown }) => Promise<unknown>): void };
  _testSetRichApiMessageReadyImpl(f: () => Promise<void>): void;
  _testTriggerRichApiMessageEvent(message: unknown): void;
}

let current: ExcelHost | null = null;
let stopEvents: (() => void) | null = null;

function pageStubs(g: Global): void {
  const element = () => ({ style: {}, setAttribute() {}, appendChild() {}, addEventListener() {}, removeEventListener() {} });
  g.window ??= g;
  g.self ??= g;
  g.document ??= { getElementById: () => null, createElement: element, getElementsByTagName: () => [], addEventListener() {}, removeEventListener() {}, readyState: "complete", documentElement: element(), head: element(), body: element(), cookie: "" };
  g.navigator ??= { userAgent: "node", language: "nl-NL" };
  g.location ??= { href: "https://localhost/taskpane.html", protocol: "https:", hostname: "localhost", search: "", hash: "", origin: "https://localhost" };
  g.addEventListener ??= () => undefined;
  g.removeEventListener ??= () => undefined;
}

/** Loads the client once in this global and points it at `host`; later calls only switch the host. */
export function connectOfficeJs(host: ExcelHost): void {
  const g = globalThis as unknown as Global;
  if (!g.OfficeExtension) {
    pageStubs(g);
    // Indirect eval: the library's top-level `var Excel`, `var OfficeExtension`, … become globals of this realm.
    (0, eval)(readFileSync(LIBRARY, "utf8"));
    const oe = g.OfficeExtension!;
    oe.ClientRequestContext.defaultRequestUrlAndHeaders = { url: HOST_URL, headers: {} };
    oe.HttpUtility.setCustomSendRequestFunc(async (request) => {
      if (!current) throw new Error("geen Excel-host verbonden");
      const body = typeof request.body === "string" ? request.body : JSON.stringify(request.body ?? {});
      return current.handleHttp({ method: request.method, url: request.url, body });
    });
    oe._testSetRichApiMessageReadyImpl(() => Promise.resolve());
    const osf = (g.OSF ??= {}) as Record<string, unknown>;
    const context = { requirements: { isSetSupported: (name: string, version?: string) => current?.isSetSupported(name, version) ?? false } };
    osf._OfficeAppFactory ??= { getContext: () => context };
  }
  stopEvents?.();
  current = host;
  stopEvents = host.onEvent((message) => g.OfficeExtension!._testTriggerRichApiMessageEvent(message));
}

/** A fresh protocol host before each test, with Office.js's client connected to it; returns a getter for it. */
export function useExcelHostInNode(options: ExcelHostOptions = {}): () => ExcelHost {
  let host: ExcelHost;
  beforeEach(() => {
    host = new ExcelHost(options);
    connectOfficeJs(host);
  });
  afterEach(async () => {
    // Let pending calculations settle so that no timer of this test fires into the next.
    await host.calculated();
  });
  afterAll(async () => {
    // No event may reach the client once the file's globals are gone: stop delivering, let what is under way finish.
    stopEvents?.();
    stopEvents = null;
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  return () => host;
}
