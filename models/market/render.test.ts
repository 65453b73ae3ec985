// The Chromium renderer in a real Chromium (CI installs it; a missing browser fails these tests
// with a clear message): script-inserted items extracted, and every request a page makes to a
// private or un-allowed loopback address blocked before it reaches the server.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalServer, type LocalServer } from "../../test/local-http.ts";
import { FetchError } from "./fetch-error.ts";
import { ChromiumRenderer, findChromium } from "./render.ts";
import { startGuardProxy } from "./render-proxy.ts";
import { clearRobotsCache } from "./robots.ts";
import { scrapeSource } from "./scrape.ts";

const chromium = findChromium();
let renderer: ChromiumRenderer;
let site: LocalServer;
let victim: LocalServer;

function requireChromium(): void {
  if (!chromium) throw new Error("Chromium not found: install it (apt-get install chromium) or set CHROME_PATH. These tests need a real browser and never skip.");
}

const html = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const send = (text: string) => (_req: http.IncomingMessage, res: http.ServerResponse) => void res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(text);

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, "expected the render to fail").toBeInstanceOf(FetchError);
  return error as FetchError;
}

beforeAll(async () => {
  clearRobotsCache();
  victim = await startLocalServer({ "/": send("secret"), "/steal": send("secret") });
  const v = victim.origin;
  site = await startLocalServer({
    "/robots.txt": (_req, res) => void res.end("User-agent: *\nAllow: /\n"),
    "/list": send(
      html(`<ul id="list"></ul><script>
        setTimeout(() => {
          document.getElementById("list").innerHTML =
            '<li class="item"><a href="/tenders/1">Road maintenance tender</a><time>2025-03-01</time></li>' +
            '<li class="item"><a href="/tenders/2">Hospital ERP upgrade</a><time>2025-03-02</time></li>';
        }, 300);
      </script>`),
    ),
    "/attack": send(
      html(`<img src="${v}/img"><script src="${v}/script.js"></script><iframe src="${v}/frame"></iframe>
      <link rel="stylesheet" href="${v}/style.css"><link rel="prefetch" href="${v}/prefetch">
      <ul id="done"></ul><script>
        const tries = [
          fetch("${v}/steal"), fetch("http://169.254.169.254/latest/meta-data/"), fetch("http://localhost:${victim.port}/steal"),
          fetch("http://[::ffff:127.0.0.1]:${victim.port}/steal"), fetch("http://2130706433:${victim.port}/steal"),
          fetch("/redirect?to=${encodeURIComponent(`${v}/steal`)}"), fetch("file:///etc/passwd"),
          new Promise((resolve) => { const x = new XMLHttpRequest(); x.open("GET", "${v}/xhr"); x.onloadend = resolve; x.send(); }),
          new Promise((resolve) => { const ws = new WebSocket("ws://127.0.0.1:${victim.port}/ws"); ws.onerror = resolve; ws.onclose = resolve; setTimeout(resolve, 1000); }),
          new Promise((resolve) => { const es = new EventSource("${v}/events"); es.onerror = () => { es.close(); resolve(); }; }),
          new Promise((resolve) => { const w = new Worker(URL.createObjectURL(new Blob(['fetch("${v}/worker").finally(() => postMessage(1))']))); w.onmessage = resolve; w.onerror = resolve; setTimeout(resolve, 1000); }),
        ];
        navigator.sendBeacon("${v}/beacon", "x");
        window.open("${v}/popup");
        Promise.allSettled(tries).then(() => { document.getElementById("done").innerHTML = '<li class="item"><a href="/ok">Page still works</a></li>'; });
      </script>`),
    ),
    "/redirect": (req, res) => void res.writeHead(302, { Location: new URL(req.url ?? "", site.origin).searchParams.get("to") ?? "/" }).end(),
    "/to-metadata": (_req, res) => void res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-victim": (_req, res) => void res.writeHead(302, { Location: `${v}/steal` }).end(),
    "/hang": () => undefined,
    "/error": (_req, res) => void res.writeHead(500).end("boom"),
    "/big": send(html(`<p>${"x".repeat(300_000)}</p>`)),
    "/page": send(html(`<p>plain</p>`)),
  });
  renderer = new ChromiumRenderer({ executablePath: chromium, pagesPerBrowser: 50 });
});

afterAll(async () => {
  await renderer?.close();
  await site?.close();
  await victim?.close();
});

describe("Chromium renderer", () => {
  it("has a Chromium to drive", () => {
    expect(chromium, "Chromium not found: install it (apt-get install chromium) or set CHROME_PATH").not.toBeNull();
  });

  it("extracts items a script inserts after load", async () => {
    requireChromium();
    const result = await scrapeSource(
      { url: site.url("/list"), kind: "js", selectors: { item: "li.item", title: "a", link: "a", date: "time" } },
      { allowHosts: [site.host], hostSpacingMs: 0, renderer },
    );
    expect(result.status).toBe("ok");
    expect(result.items.map((i) => [i.title, i.link])).toEqual([
      ["Road maintenance tender", site.url("/tenders/1")],
      ["Hospital ERP upgrade", site.url("/tenders/2")],
    ]);
    expect(result.items[0].publishedAt).toMatch(/^2025-03-01/);
  });

  it("blocks every request a page makes to a private or un-allowed loopback address", async () => {
    requireChromium();
    const page = await renderer.render(site.url("/attack"), { allowHosts: [site.host], waitForSelector: "#done li", timeoutMs: 15_000 });
    expect(page.html).toContain("Page still works");
    await new Promise((r) => setTimeout(r, 300));
    expect(victim.connections, `the victim server was reached: ${victim.requests.join(", ")}`).toBe(0);
    const blocked = page.blockedRequests.join("\n");
    expect(blocked).toContain("169.254.169.254");
    expect(blocked).toContain(`127.0.0.1:${victim.port}`);
  });

  it("refuses a navigation redirected to a private address, and a source on one", async () => {
    requireChromium();
    for (const path of ["/to-metadata", "/to-victim"]) {
      expect((await failure(renderer.render(site.url(path), { allowHosts: [site.host], timeoutMs: 10_000 }))).code, path).toBe("blocked_address");
    }
    expect((await failure(renderer.render(victim.url("/"), { allowHosts: [site.host] }))).code).toBe("blocked_address");
    expect((await failure(renderer.render("file:///etc/passwd"))).code).toBe("bad_scheme");
    expect(victim.connections).toBe(0);
  });

  it("reports timeouts, HTTP errors and oversized pages", async () => {
    requireChromium();
    const opts = { allowHosts: [site.host], timeoutMs: 1500 };
    expect((await failure(renderer.render(site.url("/hang"), opts))).code).toBe("timeout");
    expect(await failure(renderer.render(site.url("/error"), opts))).toMatchObject({ code: "http_status", httpStatus: 500 });
    expect((await failure(renderer.render(site.url("/big"), { ...opts, maxBytes: 100_000 }))).code).toBe("too_large");
  });

  it("replaces the browser every N pages", async () => {
    requireChromium();
    const small = new ChromiumRenderer({ executablePath: chromium, pagesPerBrowser: 2 });
    try {
      for (let i = 0; i < 5; i += 1) expect((await small.render(site.url("/page"), { allowHosts: [site.host] })).html).toContain("plain");
      expect(small.launches).toBe(3);
    } finally {
      await small.close();
    }
  });
});

describe("without a browser", () => {
  it("fails with no_browser, never a crash", async () => {
    const missing = await failure(new ChromiumRenderer({ executablePath: null }).render(site.url("/page"), { allowHosts: [site.host] }));
    expect(missing.code).toBe("no_browser");
    expect(missing.message).toMatch(/CHROME_PATH/);
    const broken = new ChromiumRenderer({ executablePath: "/nonexistent/chromium" });
    const source = { url: site.url("/list"), kind: "js" as const, selectors: { item: "li", title: "a", link: "a" } };
    expect((await failure(scrapeSource(source, { allowHosts: [site.host], hostSpacingMs: 0, renderer: broken }))).code).toBe("no_browser");
  });

  it("reports a host that does not resolve as a network failure, as fetchPage does", async () => {
    expect((await failure(new ChromiumRenderer({ executablePath: null }).render("http://no-such-host.invalid/"))).code).toBe("network");
  });

  it("finds Chromium from CHROME_PATH or the PATH only", () => {
    expect(findChromium({ CHROME_PATH: "/nonexistent/chromium" })).toBeNull();
    expect(findChromium({ PATH: "/nonexistent" })).toBeNull();
  });
});

describe("guard proxy", () => {
  it("relays allowed targets and refuses the rest, plain and tunnelled", async () => {
    const proxy = await startGuardProxy([site.host]);
    const port = Number(new URL(proxy.url).port);
    const viaProxy = (target: string) =>
      new Promise<number>((resolve, reject) => http.get({ host: "127.0.0.1", port, path: target }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on("error", reject));
    const tunnel = (authority: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`));
        socket.once("data", (d) => (resolve(d.toString().split("\r\n")[0]), socket.destroy()));
      });
    try {
      expect(await viaProxy(site.url("/page"))).toBe(200);
      expect(await viaProxy(victim.url("/steal"))).toBe(403);
      expect(await viaProxy(`http://localhost:${victim.port}/steal`)).toBe(403);
      expect(await viaProxy("/relative")).toBe(403);
      expect(await tunnel(`127.0.0.1:${victim.port}`)).toMatch(/403/);
      expect(await tunnel(site.host)).toMatch(/200/);
      expect(victim.connections).toBe(0);
      expect(proxy.blocked.length).toBe(4);
    } finally {
      await proxy.close();
    }
  });

  it("refuses https sent as a plain request, and drops the upstream request when the client goes", async () => {
    let upstreamClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const slow = await startLocalServer({ "/slow": (req) => void req.on("close", () => upstreamClosed()) });
    const proxy = await startGuardProxy([slow.host]);
    const port = Number(new URL(proxy.url).port);
    try {
      const status = await new Promise<number>((resolve, reject) =>
        http.get({ host: "127.0.0.1", port, path: "https://93.184.216.34/" }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on("error", reject),
      );
      expect(status).toBe(403);
      const request = http.get({ host: "127.0.0.1", port, path: slow.url("/slow") }).on("error", () => undefined);
      await expect.poll(() => slow.requests.length).toBe(1);
      request.destroy();
      await closed;
    } finally {
      await proxy.close();
      await slow.close();
    }
  });
});
