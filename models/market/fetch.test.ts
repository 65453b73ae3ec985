// fetchPage against local servers: conditional GET, timeouts, HTTP errors, redirect loops and caps,
// byte caps (declared, streamed, gzip bomb), robots.txt and crawl-delay spacing, and the SSRF
// matrix: every private-address notation refused, directly and through a redirect.
import dns from "node:dns";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startLocalServer, type LocalServer } from "../../test/local-http.ts";
import { FetchError } from "./fetch-error.ts";
import { fetchPage, type FetchPageOptions } from "./fetch.ts";
import { clearRobotsCache } from "./robots.ts";

let site: LocalServer;
let victim: LocalServer;
let robotsTxt = "User-agent: *\nDisallow: /private\n";
let inFlight = 0;
let maxInFlight = 0;

const opts = (extra: FetchPageOptions = {}): FetchPageOptions => ({ allowHosts: [site.host], hostSpacingMs: 0, timeoutMs: 2000, ...extra });

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, "expected the fetch to fail").toBeInstanceOf(FetchError);
  return error as FetchError;
}

beforeAll(async () => {
  victim = await startLocalServer({ "/": (_req, res) => void res.end("secret") });
  site = await startLocalServer({
    "/robots.txt": (_req, res) => void res.writeHead(200, { "Content-Type": "text/plain" }).end(robotsTxt),
    "/feed": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"' || req.headers["if-modified-since"] === "Wed, 01 Jan 2025 00:00:00 GMT") return void res.writeHead(304).end();
      res.writeHead(200, { "Content-Type": "application/rss+xml; charset=utf-8", ETag: '"v1"', "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT" }).end("<rss/>");
    },
    "/gzip": (_req, res) => void res.writeHead(200, { "Content-Encoding": "gzip" }).end(zlib.gzipSync("hello gzip")),
    "/hang": () => undefined,
    "/trickle": (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write("."), 100);
      res.on("close", () => clearInterval(timer));
    },
    "/error": (_req, res) => void res.writeHead(500).end("boom"),
    "/loop-a": (_req, res) => void res.writeHead(302, { Location: "/loop-b" }).end(),
    "/loop-b": (_req, res) => void res.writeHead(301, { Location: "/loop-a" }).end(),
    "/chain": (req, res) => {
      const n = Number(new URL(req.url ?? "", site.origin).searchParams.get("n"));
      res.writeHead(302, { Location: n > 0 ? `/chain?n=${n - 1}` : "/feed" }).end();
    },
    "/redirect": (req, res) => void res.writeHead(307, { Location: new URL(req.url ?? "", site.origin).searchParams.get("to") ?? "/" }).end(),
    "/declared-huge": (_req, res) => void res.writeHead(200, { "Content-Length": String(50 * 1024 * 1024) }).end(),
    "/streamed-huge": (_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 97);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on("close", () => clearInterval(timer));
    },
    "/gzip-bomb": (_req, res) => void res.writeHead(200, { "Content-Encoding": "gzip" }).end(zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024))),
    "/private/page": (_req, res) => void res.end("private"),
    "/slow": async (_req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight -= 1;
      res.end("ok");
    },
  });
});

afterAll(async () => {
  await site.close();
  await victim.close();
});

beforeEach(() => {
  clearRobotsCache();
  robotsTxt = "User-agent: *\nDisallow: /private\n";
});

describe("fetchPage", () => {
  it("fetches a page with its validators, then answers a conditional GET as not-modified", async () => {
    const page = await fetchPage(site.url("/feed"), opts());
    expect(page).toMatchObject({ status: "ok", httpStatus: 200, finalUrl: site.url("/feed"), contentType: "application/rss+xml; charset=utf-8", etag: '"v1"' });
    expect(page.body.toString()).toBe("<rss/>");
    const byEtag = await fetchPage(site.url("/feed"), opts({ etag: page.etag }));
    expect(byEtag).toMatchObject({ status: "not-modified", httpStatus: 304, etag: '"v1"', lastModified: null });
    expect(byEtag.body.length).toBe(0);
    const byDate = await fetchPage(site.url("/feed"), opts({ lastModified: page.lastModified }));
    expect(byDate).toMatchObject({ status: "not-modified", lastModified: "Wed, 01 Jan 2025 00:00:00 GMT" });
  });

  it("decompresses gzip", async () => {
    expect((await fetchPage(site.url("/gzip"), opts())).body.toString()).toBe("hello gzip");
  });

  it("times out a server that never answers and one that trickles its body", async () => {
    const started = Date.now();
    expect((await failure(fetchPage(site.url("/hang"), opts({ timeoutMs: 300 })))).code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
    const trickle = await failure(fetchPage(site.url("/trickle"), opts({ timeoutMs: 400 })));
    expect(trickle.code).toBe("timeout");
    expect(trickle.message).toMatch(/400 ms/);
  });

  it("reports an HTTP error with its status", async () => {
    const error = await failure(fetchPage(site.url("/error"), opts()));
    expect(error).toMatchObject({ code: "http_status", httpStatus: 500 });
    expect(error.message).toMatch(/HTTP 500/);
    expect((await failure(fetchPage(site.url("/missing"), opts()))).httpStatus).toBe(404);
  });

  it("refuses redirect loops and more than five redirects, and follows five", async () => {
    const loop = await failure(fetchPage(site.url("/loop-a"), opts()));
    expect(loop.code).toBe("too_many_redirects");
    expect(loop.message).toMatch(/loop/i);
    expect((await failure(fetchPage(site.url("/chain?n=5"), opts()))).code).toBe("too_many_redirects");
    expect((await fetchPage(site.url("/chain?n=4"), opts())).finalUrl).toBe(site.url("/feed"));
  });

  it("caps the body: declared, streamed, and after decompression", async () => {
    for (const path of ["/declared-huge", "/streamed-huge", "/gzip-bomb"]) {
      const error = await failure(fetchPage(site.url(path), opts({ maxBytes: 1024 * 1024 })));
      expect(error.code, path).toBe("too_large");
      expect(error.message).toMatch(/1024 KiB/);
    }
  });

  it("refuses other schemes", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/x", "data:text/html,<p>x</p>", "gopher://127.0.0.1:70/", "not a url"]) {
      expect((await failure(fetchPage(url, opts()))).code, url).toBe("bad_scheme");
    }
    const viaRedirect = await failure(fetchPage(site.url("/redirect?to=file:///etc/passwd"), opts()));
    expect(viaRedirect.code).toBe("bad_scheme");
  });
});

describe("robots.txt and politeness", () => {
  it("honours Disallow without requesting the page", async () => {
    const error = await failure(fetchPage(site.url("/private/page"), opts()));
    expect(error.code).toBe("robots_disallowed");
    expect(site.requests).not.toContain("/private/page");
  });

  it("applies robots.txt of the target of a redirect too", async () => {
    expect((await failure(fetchPage(site.url("/redirect?to=/private/page"), opts()))).code).toBe("robots_disallowed");
  });

  it("treats an unreadable robots.txt as disallowing and a missing one as allowing", async () => {
    const down = await startLocalServer({ "/robots.txt": (_req, res) => void res.writeHead(503).end(), "/page": (_req, res) => void res.end("x") });
    const none = await startLocalServer({ "/page": (_req, res) => void res.end("x") });
    try {
      const error = await failure(fetchPage(down.url("/page"), { ...opts(), allowHosts: [down.host] }));
      expect(error.code).toBe("robots_disallowed");
      expect(error.message).toMatch(/503/);
      expect(down.requests).toEqual(["/robots.txt"]);
      expect((await fetchPage(none.url("/page"), { ...opts(), allowHosts: [none.host] })).body.toString()).toBe("x");
    } finally {
      await down.close();
      await none.close();
    }
  });

  it("reports a host that refuses connections as a network failure, not a robots refusal", async () => {
    const gone = await startLocalServer({});
    await gone.close();
    const error = await failure(fetchPage(gone.url("/page"), { ...opts(), allowHosts: [gone.host] }));
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/connection refused/);
  });

  it("spaces requests to one host by crawl-delay, one at a time", async () => {
    robotsTxt = "User-agent: ChannelwiseBot\nCrawl-delay: 0.3\nDisallow: /private\n";
    const before = site.arrivals.length;
    await Promise.all([1, 2, 3].map((n) => fetchPage(site.url(`/slow?n=${n}`), opts())));
    const times = site.arrivals.slice(before).filter((a) => a.path.startsWith("/slow")).map((a) => a.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i += 1) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(300 + 50 - 15);
    expect(maxInFlight).toBe(1);
  });

  it("spaces requests by the default spacing when robots.txt names no crawl-delay", async () => {
    const before = site.arrivals.length;
    await Promise.all([1, 2].map((n) => fetchPage(site.url(`/feed?n=${n}`), opts({ hostSpacingMs: 250 }))));
    const times = site.arrivals.slice(before).filter((a) => a.path.startsWith("/feed")).map((a) => a.at);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(235);
  });
});

describe("SSRF: addresses refused without allowHosts", () => {
  const vectors = (port: number) => [
    "http://169.254.169.254/latest/meta-data/",
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://2130706433:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://017700000001:${port}/`,
    `http://127.1:${port}/`,
    `http://[::1]:${port}/`,
    `http://localhost:${port}/`,
    `http://127.0.0.1:${port}/`,
    `http://0.0.0.0:${port}/`,
    `http://10.0.0.1:${port}/`,
    `http://[fe80::1]:${port}/`,
    `http://[::ffff:a9fe:a9fe]/`,
    `http://[64:ff9b::7f00:1]:${port}/`,
    `http://224.0.0.1:${port}/`,
  ];

  it("refuses each vector directly, and the server never sees a connection", async () => {
    for (const url of vectors(victim.port)) {
      const error = await failure(fetchPage(url, { hostSpacingMs: 0, timeoutMs: 2000 }));
      expect(error.code, url).toBe("blocked_address");
      expect(error.message).toMatch(/address/);
    }
    expect(victim.connections).toBe(0);
  });

  it("refuses each vector as the target of a redirect from an allowed host", async () => {
    for (const url of vectors(victim.port)) {
      const error = await failure(fetchPage(site.url(`/redirect?to=${encodeURIComponent(url)}`), opts()));
      expect(error.code, url).toBe("blocked_address");
    }
    expect(victim.connections).toBe(0);
  });

  it("opens loopback only for the listed host and port", async () => {
    expect((await fetchPage(victim.url("/"), { allowHosts: [victim.host], hostSpacingMs: 0 })).body.toString()).toBe("secret");
    expect((await fetchPage(`http://0x7f.1:${victim.port}/`, { allowHosts: ["127.0.0.1"], hostSpacingMs: 0 })).body.toString()).toBe("secret");
    expect((await failure(fetchPage(victim.url("/"), { allowHosts: [`127.0.0.1:${victim.port + 1}`], hostSpacingMs: 0 }))).code).toBe("blocked_address");
  });

  it("checks the address the socket connects to, so a rebinding DNS answer is refused", async () => {
    // The first answer (the early check) is public; the one the socket gets is loopback.
    const connectionsBefore = victim.connections;
    const early = vi.spyOn(dns.promises, "lookup").mockResolvedValue([{ address: "93.184.216.34", family: 4 }] as never);
    const socket = vi.spyOn(dns, "lookup").mockImplementation(((_host: string, _options: unknown, callback: (e: null, a: dns.LookupAddress[]) => void) =>
      callback(null, [{ address: "127.0.0.1", family: 4 }])) as never);
    try {
      const error = await failure(fetchPage(`http://rebind.example:${victim.port}/`, { hostSpacingMs: 0 }));
      expect(error.code).toBe("blocked_address");
      expect(error.message).toMatch(/rebind\.example resolves to 127\.0\.0\.1/);
      expect(early).toHaveBeenCalled();
      expect(socket).toHaveBeenCalled();
    } finally {
      early.mockRestore();
      socket.mockRestore();
    }
    expect(victim.connections).toBe(connectionsBefore);
  });
});
