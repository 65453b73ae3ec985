// `npm run scrape`: a live source over a local server (allowed through MARKET_ALLOW_HOSTS), saved
// feed, HTML and JavaScript files, clear exit-2 errors for bad flags and configs, exit 1 with the
// failure code for a refused source, and once as a real process.
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearRobotsCache } from "../models/market/robots.ts";
import { startLocalServer, type LocalServer } from "../test/local-http.ts";
import { cliHarness } from "../test/cli-harness.ts";
import { main } from "./scrape.ts";

const { file, run } = cliHarness("scrape", main);
let site: LocalServer;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Hospital ERP tender</title><link>/tenders/7</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><description>Supply and rollout.</description></item>
</channel></rss>`;
const LIST = `<ul><li class="t"><a href="/t/1">School network upgrade</a><span class="where">Lyon</span><span class="ref">RFP/2031/117</span></li></ul>`;
const JS_PAGE = `<ul id="l"></ul><script>setTimeout(() => { document.getElementById("l").innerHTML = '<li class="t"><a href="/t/9">Rendered by script</a></li>'; }, 200);</script>`;
const config = (kind: string, url = "https://tenders.example/list") => ({
  name: "Test",
  url,
  kind,
  contentType: "tender",
  schedule: "0 * * * *",
  selectors: { item: "li.t", title: "a", link: "a", location: ".where", reference: ".ref" },
});

beforeAll(async () => {
  site = await startLocalServer({ "/feed.xml": (_req, res) => void res.writeHead(200, { "Content-Type": "application/rss+xml" }).end(FEED) });
  clearRobotsCache();
});

afterAll(async () => {
  await site.close();
});

describe("npm run scrape", () => {
  it("fetches a live feed from an allowed host and prints JSON items", async () => {
    const { code, out, err } = await run(["--url", site.url("/feed.xml"), "--kind", "rss", "--json"], { MARKET_ALLOW_HOSTS: site.host });
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      items: [{ title: "Hospital ERP tender", link: site.url("/tenders/7"), publishedAt: "2025-03-04T09:00:00.000Z", summary: "Supply and rollout." }],
    });
  });

  it("refuses the same host without MARKET_ALLOW_HOSTS, with the failure code", async () => {
    const { code, err } = await run(["--url", site.url("/feed.xml"), "--kind", "rss"]);
    expect(code).toBe(1);
    expect(err).toMatch(/blocked_address: .*loopback/);
    expect(site.requests.filter((p) => p === "/feed.xml")).toHaveLength(1);
  });

  it("reads saved feed and HTML files, resolving links against --base-url or the config's url", async () => {
    const feed = await run(["--file", await file("feed.xml", FEED), "--kind", "rss", "--base-url", "https://portal.example/", "--json"]);
    expect(feed.code).toBe(0);
    expect(JSON.parse(feed.out).items[0].link).toBe("https://portal.example/tenders/7");
    const html = await run(["--file", await file("list.html", LIST), "--kind", "html", "--config", await file("html.json", config("html"))]);
    expect(html.code).toBe(0);
    expect(html.out).toContain("1 items in");
    expect(html.out).toContain("1. School network upgrade\n   https://tenders.example/t/1\n   in Lyon · reference RFP/2031/117");
    const json = await run(["--file", await file("list.html", LIST), "--kind", "html", "--config", await file("html.json", config("html")), "--json"]);
    expect(JSON.parse(json.out).items[0]).toMatchObject({ location: "Lyon", reference: "RFP/2031/117" });
  });

  it("renders a saved JavaScript page in Chromium", async () => {
    const { code, out, err } = await run(["--file", await file("page.html", JS_PAGE), "--config", await file("js.json", config("js")), "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(out).items).toEqual([{ title: "Rendered by script", link: "https://tenders.example/t/9", publishedAt: null, summary: null }]);
  });

  it("exits 2 with a clear message for bad flags and configs", async () => {
    const cases: [string[], RegExp][] = [
      [["--kind", "rss"], /--url or --file is required/],
      [["--url", "https://x.example/", "--file", "f", "--kind", "rss"], /not both/],
      [["--url", "https://x.example/", "--kind", "pdf"], /--kind must be rss, html or js/],
      [["--url", "https://x.example/", "--kind", "html"], /needs --config with selectors/],
      [["--url", "https://x.example/", "--kind", "rss", "--verbose"], /Unknown option '--verbose'/],
      [["--url", "https://x.example/", "--kind", "rss", "--max-pages", "0"], /--max-pages/],
      [["--url", "https://x.example/", "--kind", "rss", "--base-url", "http://"], /--base-url must be an http\(s\) URL/],
      [["--file", path.join(os.tmpdir(), "no-such-file.xml"), "--kind", "rss", "--base-url", "https://x.example/"], /Cannot read --file/],
      [["--kind", "html", "--config", await file("broken.json", "{ not json")], /Cannot read the config/],
      [["--config", await file("bad.json", { ...config("html"), url: "ftp://x", schedule: "soon" })], /url must be .*schedule must be/],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await run(argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(err).toMatch(message);
      expect(err).toContain("Usage: npm run scrape");
    }
    expect((await run(["--url", "https://x.example/", "--kind", "rss"], { MARKET_ALLOW_HOSTS: "not a host" })).err).toMatch(/MARKET_ALLOW_HOSTS/);
  });

  it("runs as a real process", async () => {
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, ["--import", "tsx", "scripts/scrape.ts", "--file", await file("p.xml", FEED), "--kind", "rss", "--base-url", "https://p.example/", "--json"]);
    expect(JSON.parse(ok.stdout).items[0].title).toBe("Hospital ERP tender");
    const bad = await exec(process.execPath, ["--import", "tsx", "scripts/scrape.ts", "--kind", "nope"]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--url or --file is required/);
  });
});
