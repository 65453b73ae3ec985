// scrapeSource end to end against local servers: feeds (conditional GET, malformed XML, declared
// and mislabelled encodings), HTML lists followed through `next` within limits, and failures
// carried as FetchErrors with a code the job stores.
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocalServer, type LocalServer } from "../../test/local-http.ts";
import { describeSourceFailure, FetchError } from "./fetch-error.ts";
import { clearRobotsCache } from "./robots.ts";
import { scrapeSource, type ScrapeOptions } from "./scrape.ts";

let site: LocalServer;
const opts = (extra: ScrapeOptions = {}): ScrapeOptions => ({ allowHosts: [site.host], hostSpacingMs: 0, timeoutMs: 3000, ...extra });
const selectors = { item: "li.tender", title: "a", link: "a", date: "time", next: "a[rel=next]" };

const rss = (titles: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tenders</title>${titles
    .map((t, i) => `<item><title>${t}</title><link>https://tenders.example/${i}</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>`)
    .join("")}</channel></rss>`;

const listPage = (page: number, next: string | null) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body><ul>${[1, 2]
    .map((n) => `<li class="tender"><a href="/tenders/${page}-${n}">Tender ${page}-${n}</a><time>2025-03-0${n}</time></li>`)
    .join("")}</ul>${next ? `<a rel="next" href="${next}">Next</a>` : ""}</body></html>`;

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, "expected the scrape to fail").toBeInstanceOf(FetchError);
  return error as FetchError;
}

beforeAll(async () => {
  site = await startLocalServer({
    "/feed.xml": (req, res) => {
      if (req.headers["if-none-match"] === '"feed-1"') return void res.writeHead(304).end();
      res.writeHead(200, { "Content-Type": "application/rss+xml", ETag: '"feed-1"' }).end(rss(["Road works", "ERP rollout"]));
    },
    "/truncated.xml": (_req, res) => void res.writeHead(200, { "Content-Type": "application/rss+xml" }).end(rss(["Complete item"]).replace("</channel></rss>", "<item><title>Cut off")),
    "/garbage.xml": (_req, res) => void res.writeHead(200, { "Content-Type": "application/rss+xml" }).end("%PDF-1.4 \u0000\u0001 not a feed"),
    "/html-as-feed": (_req, res) => void res.writeHead(200, { "Content-Type": "text/html" }).end("<html><body><p>Moved</p></body></html>"),
    "/latin1.xml": (_req, res) =>
      void res
        .writeHead(200, { "Content-Type": "text/xml; charset=utf-8" })
        .end(iconv.encode(`<?xml version="1.0" encoding="ISO-8859-1"?>${rss(["Régie de Montréal, café"]).replace(/^<\?xml[^>]*\?>/, "")}`, "latin1")),
    "/cp1252.html": (_req, res) =>
      void res
        .writeHead(200, { "Content-Type": "text/html; charset=windows-1252" })
        .end(iconv.encode(`<ul><li class="tender"><a href="/t/1">Straße für Zürich – 5 € Angebot</a></li></ul>`, "win1252")),
    "/unknown-charset.html": (_req, res) =>
      void res.writeHead(200, { "Content-Type": "text/html; charset=x-no-such-charset" }).end(Buffer.from(`<ul><li class="tender"><a href="/t/1">Ärztehaus Köln</a></li></ul>`, "utf8")),
    "/list": (req, res) => {
      const page = Number(new URL(req.url ?? "", site.origin).searchParams.get("page") ?? 1);
      if (page === 1 && req.headers["if-none-match"] === '"list-1"') return void res.writeHead(304).end();
      const next = page < 3 ? `/list?page=${page + 1}` : null;
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...(page === 1 ? { ETag: '"list-1"' } : {}) }).end(listPage(page, next));
    },
    "/offsite": (_req, res) => void res.writeHead(200, { "Content-Type": "text/html" }).end(listPage(1, "https://elsewhere.example/list?page=2")),
    "/cycle-a": (_req, res) => void res.writeHead(200, { "Content-Type": "text/html" }).end(listPage(1, "/cycle-b")),
    "/cycle-b": (_req, res) => void res.writeHead(200, { "Content-Type": "text/html" }).end(listPage(1, "/cycle-a")),
  });
});

afterAll(async () => {
  await site.close();
});

beforeEach(() => clearRobotsCache());

describe("RSS sources", () => {
  it("reads a feed, then answers not-modified to a conditional GET", async () => {
    const first = await scrapeSource({ url: site.url("/feed.xml"), kind: "rss" }, opts());
    expect(first).toMatchObject({ status: "ok", pages: 1, etag: '"feed-1"', finalUrl: site.url("/feed.xml") });
    expect(first.items.map((i) => i.title)).toEqual(["Road works", "ERP rollout"]);
    expect(first.items[0].publishedAt).toBe("2025-03-03T10:00:00.000Z");
    const again = await scrapeSource({ url: site.url("/feed.xml"), kind: "rss" }, opts({ etag: first.etag }));
    expect(again).toMatchObject({ status: "not-modified", items: [], etag: '"feed-1"' });
  });

  it("keeps the complete items of a truncated feed and refuses what is not a feed", async () => {
    const truncated = await scrapeSource({ url: site.url("/truncated.xml"), kind: "rss" }, opts());
    expect(truncated.items.map((i) => i.title)).toContain("Complete item");
    for (const path of ["/garbage.xml", "/html-as-feed"]) {
      const error = await failure(scrapeSource({ url: site.url(path), kind: "rss" }, opts()));
      expect(error.code, path).toBe("parse_failed");
      expect(error.message).toMatch(/Not a feed/);
    }
  });

  it("decodes the encoding a feed declares even when the header says otherwise", async () => {
    const result = await scrapeSource({ url: site.url("/latin1.xml"), kind: "rss" }, opts());
    expect(result.items[0].title).toBe("Régie de Montréal, café");
  });
});

describe("HTML list sources", () => {
  it("follows next pages up to maxPages, with conditional GET on the first", async () => {
    const source = { url: site.url("/list"), kind: "html" as const, selectors };
    const all = await scrapeSource(source, opts());
    expect(all.pages).toBe(3);
    expect(all.items.map((i) => i.title)).toEqual(["Tender 1-1", "Tender 1-2", "Tender 2-1", "Tender 2-2", "Tender 3-1", "Tender 3-2"]);
    expect(all.items[2].link).toBe(site.url("/tenders/2-1"));
    expect(all.etag).toBe('"list-1"');
    const two = await scrapeSource(source, opts({ maxPages: 2 }));
    expect(two.pages).toBe(2);
    expect(two.items).toHaveLength(4);
    const unchanged = await scrapeSource(source, opts({ etag: all.etag }));
    expect(unchanged).toMatchObject({ status: "not-modified", pages: 1, items: [] });
  });

  it("does not follow next off the source's host, nor round in a cycle", async () => {
    const offsite = await scrapeSource({ url: site.url("/offsite"), kind: "html", selectors }, opts());
    expect(offsite.pages).toBe(1);
    const cycle = await scrapeSource({ url: site.url("/cycle-a"), kind: "html", selectors }, opts());
    expect(cycle.pages).toBe(2);
    expect(cycle.items).toHaveLength(2);
  });

  it("decodes a declared Windows-1252 page and survives an unknown charset", async () => {
    const cp1252 = await scrapeSource({ url: site.url("/cp1252.html"), kind: "html", selectors }, opts());
    expect(cp1252.items[0].title).toBe("Straße für Zürich – 5 € Angebot");
    const unknown = await scrapeSource({ url: site.url("/unknown-charset.html"), kind: "html", selectors }, opts());
    expect(unknown.items[0].title).toBe("Ärztehaus Köln");
  });

  it("fails clearly without selectors, and on a blocked address", async () => {
    expect((await failure(scrapeSource({ url: site.url("/list"), kind: "html" }, opts()))).code).toBe("parse_failed");
    const blocked = await failure(scrapeSource({ url: "http://169.254.169.254/latest/", kind: "html", selectors }, opts()));
    expect(describeSourceFailure(blocked)).toMatchObject({ code: "blocked_address", url: "http://169.254.169.254/latest/" });
  });
});
