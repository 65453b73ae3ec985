// The scrape-source job against local HTTP servers on 127.0.0.1 (allowed by MARKET_ALLOW_HOSTS):
// due sources scraped one at a time, new items stored and sent to route-alerts, a failing or
// blocked source recorded with its status and error and backing off without stopping the
// others, "run now" by id with a conditional GET answered 304, and a success clearing failures.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../models/db/client.ts";
import { findDueSourceIds } from "../models/market/due.ts";
import { requestSourceRun } from "../models/market/run-request.ts";
import { demoUser } from "../test/routes.ts";
import { queuedJobs, withJobWorker } from "../test/job-worker.ts";
import { until } from "../test/until.ts";
import type { JobsLog } from "./handler.ts";
import { scrapeSourceHandler } from "./scrape-source.ts";

type Local = { origin: string; hits: string[]; close: () => Promise<void> };

async function serve(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Local> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.url} ${req.headers["if-none-match"] ?? ""}`.trim());
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const rss = (origin: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>Sage X3 raises ERP prices for distributors in Vienna</title><link>${origin}/news/1?utm_source=rss</link><pubDate>Mon, 02 Jun 2031 08:00:00 GMT</pubDate><description>A price increase of 7 %.</description></item>
<item><title>Odoo opens Helsinki office for its partner programme</title><link>${origin}/news/2</link><pubDate>Tue, 03 Jun 2031 08:00:00 GMT</pubDate></item>
</channel></rss>`;

const list = `<table class="t"><tbody>
<tr><td class="title"><a href="/tenders/7">ERP system for the City of Graz</a></td><td class="deadline">2031-07-20</td><td class="value">EUR 900,000</td><td class="place">Graz, Austria</td></tr>
</tbody></table>`;

let site: Local;
let forbidden: Local;
let brokenFixed = false;
const lines: string[] = [];
const log: JobsLog = (message) => void lines.push(message);
const context = { db, log, jobId: "test" };
const ids: Record<"feed" | "list" | "broken" | "blocked", string> = { feed: "", list: "", broken: "", blocked: "" };

withJobWorker();

beforeAll(async () => {
  site = await serve((req, res) => {
    if (req.url === "/feed.xml") {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      return void res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end(rss(site.origin));
    }
    if (req.url === "/list.html") return void res.writeHead(200, { "content-type": "text/html" }).end(list);
    if (req.url === "/broken.xml" && brokenFixed) return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(site.origin));
    if (req.url === "/broken.xml") return void res.writeHead(500).end("down for maintenance");
    res.writeHead(404).end();
  });
  forbidden = await serve((_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("http://127.0.0.1:1")));
  // Read by env() on the first scrape (the environment is parsed once per process): this
  // server's host:port only, not the other one's.
  process.env.MARKET_ALLOW_HOSTS = new URL(site.origin).host;

  await db.marketSource.updateMany({ data: { enabled: false } });
  const base = { contentType: "COMPETITOR" as const, regionCodes: ["DACH"], keywords: ["ERP", "price increase"], competitors: ["Sage X3", "Odoo"], schedule: "*/5 * * * *" };
  const create = async (name: string, data: { url: string; kind: "RSS" | "HTML"; selectors?: object }) =>
    (await db.marketSource.create({ data: { ...base, name, ...data }, select: { id: true } })).id;
  ids.feed = await create("Local feed", { url: `${site.origin}/feed.xml`, kind: "RSS" });
  ids.list = await create("Local list", { url: `${site.origin}/list.html`, kind: "HTML", selectors: { item: "table.t tbody tr", title: "td.title a", link: "td.title a", deadline: "td.deadline", value: "td.value", location: "td.place" } });
  ids.broken = await create("Broken feed", { url: `${site.origin}/broken.xml`, kind: "RSS" });
  ids.blocked = await create("Loopback not allowed", { url: `${forbidden.origin}/feed.xml`, kind: "RSS" });
});

afterAll(async () => {
  delete process.env.MARKET_ALLOW_HOSTS;
  await Promise.all([site?.close(), forbidden?.close()]);
});

const statusOf = (id: string) =>
  db.marketSource.findUniqueOrThrow({ where: { id }, select: { lastRunAt: true, lastSuccessAt: true, lastStatus: true, lastError: true, consecutiveFailures: true, etag: true } });

describe("scrape-source without an id: every due source", () => {
  let started: Date;

  it("stores new items and queues route-alerts with their ids; failures are recorded and do not stop the others", async () => {
    started = new Date();
    const output = await scrapeSourceHandler.run({}, context);
    expect(output).toMatchObject({ sources: 4, newItems: 3, failed: 2 });
    const items = await db.marketItem.findMany({ where: { sourceId: { in: [ids.feed, ids.list] } }, select: { id: true, canonicalUrl: true, matchedKeywords: true, matchedCompetitors: true, valueAmount: true, location: true } });
    expect(items.map((i) => i.canonicalUrl).sort()).toEqual([`${site.origin}/news/1`, `${site.origin}/news/2`, `${site.origin}/tenders/7`]);
    expect(items.find((i) => i.canonicalUrl.endsWith("/news/1"))).toMatchObject({ matchedKeywords: ["ERP", "price increase"], matchedCompetitors: ["Sage X3"] });
    expect(items.find((i) => i.canonicalUrl.endsWith("/tenders/7"))).toMatchObject({ valueAmount: 90_000_000n, location: "Graz, Austria" });
    const queued = (await queuedJobs("route-alerts")).map((j) => j.data as { itemIds: string[] });
    expect(queued.flatMap((d) => d.itemIds).sort()).toEqual(items.map((i) => i.id).sort());

    expect(await statusOf(ids.feed)).toMatchObject({ lastStatus: "ok", lastError: null, consecutiveFailures: 0, etag: '"v1"' });
    expect((await statusOf(ids.feed)).lastSuccessAt?.getTime()).toBeGreaterThanOrEqual(started.getTime());
    expect(await statusOf(ids.broken)).toMatchObject({ lastStatus: "http_status", lastError: expect.stringMatching(/500/), consecutiveFailures: 1, lastSuccessAt: null });
    expect(await statusOf(ids.blocked)).toMatchObject({ lastStatus: "blocked_address", lastError: expect.stringMatching(/loopback/), consecutiveFailures: 1 });
    expect(forbidden.hits).toEqual([]);
    expect(lines.some((l) => /Broken|failed \(http_status\)/.test(l))).toBe(true);
  });

  it("takes nothing again until the schedule comes round, and a failed source only after its back-off", async () => {
    expect(await scrapeSourceHandler.run(null, context)).toMatchObject({ sources: 0, newItems: 0 });
    const at = (minutes: number) => new Date(started.getTime() + minutes * 60_000);
    const dueIn6 = await findDueSourceIds(db, at(6));
    expect(dueIn6).toEqual(expect.arrayContaining([ids.feed, ids.list]));
    expect(dueIn6).not.toContain(ids.broken);
    expect(await findDueSourceIds(db, at(11))).toEqual(expect.arrayContaining([ids.broken, ids.blocked]));
  });
});

describe("scrape-source with an id (run now)", () => {
  it("scrapes that source at once with a conditional GET; a 304 keeps its items and validators and queues nothing", async () => {
    const itemsBefore = await db.marketItem.count();
    const jobsBefore = (await queuedJobs("route-alerts")).length;
    expect(await scrapeSourceHandler.run({ sourceId: ids.feed }, context)).toMatchObject({ sources: 1, newItems: 0, failed: 0, outcomes: [{ status: "not-modified" }] });
    expect(site.hits.at(-1)).toBe('/feed.xml "v1"');
    expect(await statusOf(ids.feed)).toMatchObject({ lastStatus: "not-modified", etag: '"v1"', consecutiveFailures: 0 });
    expect(await db.marketItem.count()).toBe(itemsBefore);
    expect(await queuedJobs("route-alerts")).toHaveLength(jobsBefore);
  });

  it("counts failures in a row, and a success clears them; items another source found are not new", async () => {
    await scrapeSourceHandler.run({ sourceId: ids.broken }, context);
    expect(await statusOf(ids.broken)).toMatchObject({ consecutiveFailures: 2, lastStatus: "http_status" });
    brokenFixed = true;
    expect(await scrapeSourceHandler.run({ sourceId: ids.broken }, context)).toMatchObject({ newItems: 0, outcomes: [{ status: "ok", found: 2, new: 0 }] });
    expect(await statusOf(ids.broken)).toMatchObject({ consecutiveFailures: 0, lastStatus: "ok", lastError: null, lastSuccessAt: expect.any(Date) });
  });

  it("answers for a source deleted meanwhile, and refuses a malformed id before doing anything", async () => {
    expect(await scrapeSourceHandler.run({ sourceId: "00000000-0000-4000-8000-000000000000" }, context)).toMatchObject({ sources: 1, outcomes: [{ status: "missing" }] });
    await expect(async () => scrapeSourceHandler.run({ sourceId: "not-a-uuid" }, context)).rejects.toThrow(/sourceId/);
  });

  it("is what 'run now' queues: the worker scrapes the source", async () => {
    const admin = await demoUser("admin@example.com");
    const before = (await statusOf(ids.list)).lastRunAt?.getTime() ?? 0;
    const queued = await requestSourceRun(db, admin, ids.list, { ipAddress: "127.0.0.1" });
    expect(queued?.jobId).toEqual(expect.any(String));
    await until(async () => (((await statusOf(ids.list)).lastRunAt?.getTime() ?? 0) > before ? true : undefined), 30_000);
    expect(await db.auditLog.count({ where: { action: "market_source.run", entityId: ids.list } })).toBe(1);
  });
});
