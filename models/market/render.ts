// Renders JavaScript market pages in the system Chromium (puppeteer-core): each page in its own
// browser context behind the guard proxy, every request checked by interception too, a deadline
// on navigation, the context closed in `finally`, and the browser replaced every N pages.
import { accessSync, constants } from "node:fs";
import path from "node:path";
import puppeteer, { type Browser, type HTTPRequest, type Page } from "puppeteer-core";
import { FetchError, toFetchError } from "./fetch-error.ts";
import { DEFAULT_MAX_BYTES, DEFAULT_USER_AGENT } from "./fetch.ts";
import { parseHttpUrl } from "./http-get.ts";
import { checkHostAllowed, effectivePort, type HostCheck } from "./net-guard.ts";
import { startGuardProxy } from "./render-proxy.ts";

export type RenderOptions = {
  allowHosts?: readonly string[];
  /** The whole render: navigation, scripts and waiting for content. */
  timeoutMs?: number;
  /** Wait (within the deadline) until this selector matches, for items a script inserts after load. */
  waitForSelector?: string;
  maxBytes?: number;
  userAgent?: string;
};

export type RenderedPage = { html: string; finalUrl: string; blockedRequests: string[] };

/** What scrapeSource needs from a renderer; tests and the job pass their own ChromiumRenderer. */
export type PageRenderer = { render: (url: string, options?: RenderOptions) => Promise<RenderedPage> };

export const DEFAULT_RENDER_TIMEOUT_MS = 20_000;
const SKIPPED_RESOURCES = new Set(["image", "media", "font"]);

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The Chromium to drive: CHROME_PATH when set, else chromium (or chromium-browser) on the PATH; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return isExecutable(env.CHROME_PATH) ? env.CHROME_PATH : null;
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of ["chromium", "chromium-browser"]) if (isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

const noBrowser = (detail: string) =>
  new FetchError("no_browser", `No usable Chromium (${detail}): install it (apt-get install chromium) or set CHROME_PATH; JavaScript sources are skipped until then`);

/** The key of a host's verdict within one render: host and effective port, as the allow-list reads them. */
const hostKey = (url: URL) => `${url.hostname}:${effectivePort(url)}`;

type Slot = { browser: Browser; used: number; inFlight: number; retired: boolean };

export class ChromiumRenderer implements PageRenderer {
  private current: Promise<Slot> | null = null;
  private readonly executablePath: string | null;
  private readonly pagesPerBrowser: number;
  /** How many browsers this renderer has launched (restarts included). */
  launches = 0;

  constructor(options: { executablePath?: string | null; pagesPerBrowser?: number } = {}) {
    this.executablePath = options.executablePath === undefined ? findChromium() : options.executablePath;
    this.pagesPerBrowser = options.pagesPerBrowser ?? 50;
  }

  private async launch(): Promise<Slot> {
    if (!this.executablePath) throw noBrowser("none found");
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: this.executablePath,
        headless: true,
        // A pipe, not a DevTools port on loopback that a rendered page could reach.
        pipe: true,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: [
          ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--mute-audio",
          "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
          "--webrtc-ip-handling-policy=disable_non_proxied_udp",
          // Outside our page contexts (each with its own guard proxy) Chromium reaches nothing.
          "--proxy-server=http://127.0.0.1:9",
          "--proxy-bypass-list=<-loopback>",
        ],
      });
    } catch (error) {
      throw noBrowser(`${this.executablePath} did not start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
    this.launches += 1;
    const slot: Slot = { browser, used: 0, inFlight: 0, retired: false };
    browser.on("disconnected", () => {
      slot.retired = true;
      if (this.current) void this.current.then((s) => s === slot && (this.current = null), () => undefined);
    });
    return slot;
  }

  // Pages take their browser one at a time, so two renders never both replace a retired browser.
  private acquiring: Promise<unknown> = Promise.resolve();

  private acquire(): Promise<Slot> {
    const next = this.acquiring.then(() => this.acquireNow());
    this.acquiring = next.catch(() => undefined);
    return next;
  }

  private async acquireNow(): Promise<Slot> {
    let slot = this.current ? await this.current.catch(() => null) : null;
    if (slot && (slot.retired || slot.used >= this.pagesPerBrowser)) {
      this.retire(slot);
      slot = null;
    }
    if (!slot) {
      const launching = this.launch();
      this.current = launching;
      launching.catch(() => this.current === launching && (this.current = null));
      slot = await launching;
    }
    slot.used += 1;
    slot.inFlight += 1;
    return slot;
  }

  private retire(slot: Slot): void {
    slot.retired = true;
    if (slot.inFlight === 0) void slot.browser.close().catch(() => undefined);
  }

  private release(slot: Slot): void {
    slot.inFlight -= 1;
    if (slot.retired && slot.inFlight === 0) void slot.browser.close().catch(() => undefined);
  }

  async render(url: string, options: RenderOptions = {}): Promise<RenderedPage> {
    const allowHosts = options.allowHosts ?? [];
    const timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    const target = parseHttpUrl(url, "Source URL");
    const first = await checkHostAllowed(target.hostname, allowHosts, effectivePort(target));
    // A blocked address is blocked_address; a host that does not resolve is a network failure, as in fetchPage.
    if (!first.allowed) throw toFetchError(first.error, target.href);
    // The page's own host is already checked: its requests reuse this verdict instead of resolving it again.
    const verdicts = new Map<string, Promise<HostCheck>>([[hostKey(target), Promise.resolve(first)]]);
    const slot = await this.acquire();
    const proxy = await startGuardProxy(allowHosts).catch((error: unknown) => {
      this.release(slot);
      throw new FetchError("render_failed", `Cannot start the address guard for Chromium: ${error instanceof Error ? error.message : String(error)}`, target.href);
    });
    const blocked: string[] = [];
    const context = await slot.browser
      .createBrowserContext({ proxyServer: proxy.url, proxyBypassList: ["<-loopback>"], downloadBehavior: { policy: "deny" } })
      .catch(async (error: unknown) => {
        await proxy.close();
        this.release(slot);
        throw new FetchError("render_failed", `Chromium could not open a page: ${error instanceof Error ? error.message : String(error)}`, target.href);
      });
    try {
      const page = await context.newPage();
      // Popups and new windows are closed at once; only the page we opened is rendered.
      context.on("targetcreated", (t) => void t.page().then(async (p) => void (p && p !== page && (await p.close())), () => undefined));
      await preparePage(page, options.userAgent ?? DEFAULT_USER_AGENT, timeoutMs, allowHosts, verdicts, blocked);
      const response = await page.goto(target.href, { waitUntil: "load", timeout: timeoutMs });
      if (response?.headers()["x-channelwise-blocked"]) throw new FetchError("blocked_address", `Refused ${target.href}: ${proxy.blocked.at(-1) ?? "blocked address"}`, target.href);
      if (response && response.status() >= 400) throw new FetchError("http_status", `${page.url()} answered HTTP ${response.status()}`, page.url(), response.status());
      const finalUrl = page.url();
      if (!/^https?:/.test(finalUrl)) throw new FetchError("bad_scheme", `${target.href} ended on ${finalUrl}, which is not an http(s) page`, target.href);
      if (options.waitForSelector) await page.waitForSelector(options.waitForSelector, { timeout: Math.max(1, deadline - Date.now()) }).catch(() => null);
      await page.waitForNetworkIdle({ idleTime: 200, timeout: Math.max(1, Math.min(2000, deadline - Date.now())) }).catch(() => null);
      const html = await page.content();
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      if (Buffer.byteLength(html) > maxBytes) throw new FetchError("too_large", `${finalUrl} rendered to more than ${Math.round(maxBytes / 1024)} KiB`, finalUrl);
      return { html, finalUrl, blockedRequests: [...blocked, ...proxy.blocked] };
    } catch (error) {
      throw renderError(error, target.href, blocked, timeoutMs);
    } finally {
      await context.close().catch(() => undefined);
      await proxy.close();
      this.release(slot);
    }
  }

  /** Closes the browsers; the next render launches a new one. */
  async close(): Promise<void> {
    const current = this.current;
    this.current = null;
    const slot = current ? await current.catch(() => null) : null;
    if (slot) await slot.browser.close().catch(() => undefined);
  }
}

async function preparePage(
  page: Page,
  userAgent: string,
  timeoutMs: number,
  allowHosts: readonly string[],
  verdicts: Map<string, Promise<HostCheck>>,
  blocked: string[],
): Promise<void> {
  page.setDefaultNavigationTimeout(timeoutMs);
  page.setDefaultTimeout(timeoutMs);
  page.on("dialog", (dialog) => void dialog.dismiss().catch(() => undefined));
  await page.setBypassServiceWorker(true);
  await page.setUserAgent(userAgent);
  await page.setRequestInterception(true);
  page.on("request", (request) => void guardRequest(request, allowHosts, verdicts, blocked));
}

/** Lets a request through only when its scheme is http(s) and its host passes net-guard; skips images, media and fonts. */
async function guardRequest(request: HTTPRequest, allowHosts: readonly string[], verdicts: Map<string, Promise<HostCheck>>, blocked: string[]): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  try {
    const target = new URL(url);
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      blocked.push(`${url}: ${target.protocol} is not allowed`);
      return await request.abort("blockedbyclient");
    }
    const key = hostKey(target);
    if (!verdicts.has(key)) verdicts.set(key, checkHostAllowed(target.hostname, allowHosts, effectivePort(target)));
    const verdict = await verdicts.get(key)!;
    if (!verdict.allowed) {
      blocked.push(`${url}: ${verdict.reason}`);
      return await request.abort("blockedbyclient");
    }
    if (SKIPPED_RESOURCES.has(request.resourceType())) return await request.abort("aborted");
    await request.continue();
  } catch {
    await request.abort("failed").catch(() => undefined);
  }
}

function renderError(error: unknown, url: string, blocked: string[], timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/ERR_BLOCKED_BY_CLIENT/.test(message) && blocked.length > 0) return new FetchError("blocked_address", `Refused ${blocked[0]}`, url);
  if (error instanceof Error && error.name === "TimeoutError") return new FetchError("timeout", `${url} did not render within ${timeoutMs} ms`, url);
  return new FetchError("render_failed", `Chromium could not render ${url}: ${message.split("\n")[0]}`, url);
}

let shared: ChromiumRenderer | null = null;

/** Renders with a renderer shared by the process (see ChromiumRenderer.render). */
export function renderPage(url: string, options: RenderOptions = {}): Promise<RenderedPage> {
  shared ??= new ChromiumRenderer();
  return shared.render(url, options);
}

/** Closes the shared renderer's browser (at shutdown). */
export async function closeSharedRenderer(): Promise<void> {
  const renderer = shared;
  shared = null;
  await renderer?.close();
}
