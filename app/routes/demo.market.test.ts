// The demo market pages as the app serves them, scraped by the real job end to end: the seed's
// three sources at the app's own origin (HOST:PORT) reach it without MARKET_ALLOW_HOSTS — that
// exception covers /demo/market/ only — and yield items (the JavaScript page rendered in
// Chromium) that go to route-alerts; conditional GETs are answered 304; robots.txt allows them.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import robotsParser from "robots-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scrapeSourceHandler } from "../../jobs/scrape-source.ts";
import { db } from "../../models/db/client.ts";
import { env } from "../../models/env.ts";
import { demoItems } from "../../models/market/demo/content.ts";
import { closeSharedRenderer, findChromium } from "../../models/market/render.ts";
import { demoMarketBaseUrl } from "../../models/market/self-origin.ts";
import { queuedJobs, withJobWorker } from "../../test/job-worker.ts";
import { loader } from "./demo.market.ts";

const robotsTxt = readFileSync(path.join(import.meta.dirname, "../../public/robots.txt"), "utf8");
let server: http.Server;
let origin: string;

/** The route behind a plain HTTP server, as Express serves it (and public/robots.txt beside it). */
async function serveApp(): Promise<void> {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname === "/robots.txt") return void res.writeHead(200, { "content-type": "text/plain" }).end(robotsTxt);
    if (!url.pathname.startsWith("/demo/market/")) return void res.writeHead(404).end("not found");
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const args = { request: new Request(url, { headers }), params: { "*": url.pathname.slice("/demo/market/".length) } } as unknown as Parameters<typeof loader>[0];
    void Promise.resolve(loader(args)).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const get = (file: string, headers: Record<string, string> = {}) =>
  loader({ request: new Request(`http://localhost/demo/market/${file}`, { headers }), params: { "*": file.split("?")[0] } } as unknown as Parameters<typeof loader>[0]);

withJobWorker();

beforeAll(async () => {
  await serveApp();
  // The app's own origin as env() reads it on the first scrape (parsed once per process); no allow-list.
  process.env.HOST = "127.0.0.1";
  process.env.PORT = new URL(origin).port;
  delete process.env.MARKET_ALLOW_HOSTS;
});

afterAll(async () => {
  delete process.env.PORT;
  delete process.env.HOST;
  await closeSharedRenderer();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the demo route", () => {
  it("serves each page with its type, 404 for anything else, and 304 to a conditional GET", async () => {
    expect((await get("feed.xml")).headers.get("content-type")).toMatch(/rss\+xml/);
    expect((await get("news.js")).headers.get("content-type")).toMatch(/javascript/);
    const page = await get("tenders.html");
    expect(page.status).toBe(200);
    expect((await get("tenders.html?page=2")).status).toBe(200);
    expect((await get("items/tender-1.html")).status).toBe(200);
    for (const file of ["secrets.txt", "items/../feed.xml", "items/x.html"]) expect((await get(file)).status, file).toBe(404);
    expect((await loader({ request: new Request("http://localhost/demo/market/tenders.html?page=99"), params: { "*": "tenders.html" } } as unknown as Parameters<typeof loader>[0])).status).toBe(404);
    const etag = page.headers.get("etag") ?? "";
    expect((await get("tenders.html", { "if-none-match": etag })).status).toBe(304);
  });

  it("is allowed to crawlers by robots.txt, while the rest of the portal is not", () => {
    const robots = robotsParser("http://127.0.0.1:3000/robots.txt", robotsTxt);
    expect(robots.isAllowed("http://127.0.0.1:3000/demo/market/feed.xml", "ChannelwiseBot")).toBe(true);
    expect(robots.isAllowed("http://127.0.0.1:3000/deals", "ChannelwiseBot")).toBe(false);
  });
});

describe("the demo sources scraped by the job", () => {
  let ids: { rss: string; html: string; js: string };

  beforeAll(async () => {
    const base = demoMarketBaseUrl(env());
    expect(base).toBe(`${origin}/demo/market`);
    const sources = await db.marketSource.findMany({ select: { id: true, kind: true, url: true } });
    for (const s of sources) await db.marketSource.update({ where: { id: s.id }, data: { url: s.url.replace(/^http:\/\/127\.0\.0\.1:\d+\/demo\/market/, base) } });
    const byKind = (kind: string) => sources.find((s) => s.kind === kind)?.id ?? "";
    ids = { rss: byKind("RSS"), html: byKind("HTML"), js: byKind("JS") };
  });

  it("reaches the app's own pages and stores their items, the tender list's second page included", async () => {
    const output = await scrapeSourceHandler.run({}, { db, log: () => {}, jobId: "test" });
    const count = (sourceId: string) => db.marketItem.count({ where: { sourceId } });
    expect(await count(ids.rss)).toBe(demoItems("competitor", new Date()).length);
    expect(await count(ids.html)).toBe(demoItems("tender", new Date()).length);
    const js = await db.marketSource.findUniqueOrThrow({ where: { id: ids.js }, select: { lastStatus: true, lastError: true } });
    if (findChromium()) {
      expect(js).toEqual({ lastStatus: "ok", lastError: null });
      expect(await count(ids.js)).toBe(demoItems("industry", new Date()).length);
    } else {
      // Without a browser the JavaScript source is recorded as such, never a crash.
      expect(js.lastStatus).toBe("no_browser");
    }
    expect(output).toMatchObject({ sources: 3 });
    const queued = (await queuedJobs("route-alerts")).flatMap((j) => (j.data as { itemIds: string[] }).itemIds);
    expect(queued).toHaveLength(await db.marketItem.count());
    const tender = await db.marketItem.findFirstOrThrow({ where: { sourceId: ids.html }, select: { deadline: true, valueAmount: true, location: true, matchedKeywords: true } });
    expect(tender.deadline?.getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);
    expect(tender.valueAmount).toBeGreaterThan(0n);
    expect(tender.matchedKeywords.length).toBeGreaterThan(0);
  }, 120_000);

  it("answers an unchanged feed with 304 on the next run", async () => {
    expect(await scrapeSourceHandler.run({ sourceId: ids.rss }, { db, log: () => {}, jobId: "test" })).toMatchObject({ outcomes: [{ status: "not-modified" }] });
  });

  it("opens the loopback exception for the demo pages only: another path of the app stays blocked", async () => {
    const { id } = await db.marketSource.create({ data: { name: "The app's API", url: `${origin}/api/v1/me`, kind: "RSS", contentType: "INDUSTRY", schedule: "0 * * * *" }, select: { id: true } });
    expect(await scrapeSourceHandler.run({ sourceId: id }, { db, log: () => {}, jobId: "test" })).toMatchObject({ failed: 1, outcomes: [{ status: "failed", code: "blocked_address" }] });
  });
});
