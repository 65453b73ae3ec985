// bench/market: speed of the market-alert scraper.
// 1. Parse throughput of the parsers over ../shared/datasets (measureParseThroughput; skipped with
//    a message when the folder is absent).
// 2. A scrape run of 50 local sources (25 RSS feeds of 50 items, 25 HTML lists of 3 pages × 20
//    items followed through `next`), each on its own loopback server as real sources are on their
//    own hosts, 8 at a time, through the full path (address guard, robots.txt, host turns,
//    decoding, parsing): once with no spacing (the pipeline's own cost) and once with the default
//    1 s politeness spacing (whose floor is 3 s per HTML source: robots.txt + 3 pages).
// 3. Chromium page throughput: 20 script-rendered list pages, one at a time and two at a time.
// Exits 1 when a figure misses its budget. Run: npm run bench:market
import { performance } from "node:perf_hooks";
import { startLocalServer, type LocalServer } from "../test/local-http.ts";
import { measureParseThroughput } from "../models/market/parse-bench.ts";
import { ChromiumRenderer, findChromium } from "../models/market/render.ts";
import { clearRobotsCache } from "../models/market/robots.ts";
import { scrapeSource } from "../models/market/scrape.ts";
import type { SourceConfig } from "../models/market/types.ts";

// Parse budgets are in MB/s: the UNGM pages are large for their few items, so items/s says little.
// The polite run's floor is 100 source-seconds of spacing (25 × 3 s + 25 × 1 s) over 8 at a time
// = 12.5 s; the budget allows 20 % over it. Each Chromium page gets a fresh context (a new renderer
// process, ~0.3–0.7 s on this 2-core machine), so two at a time is not faster here.
const budgets = { rssMegabytesPerSecond: 5, htmlMegabytesPerSecond: 1.5, scrapeNoSpacingSeconds: 3, scrapePoliteSeconds: 15, chromiumSequentialPagesPerSecond: 1, chromiumParallelPagesPerSecond: 1 };
const results: Record<string, number | string> = {};
let failed = false;

function check(name: string, figure: string, ok: boolean, budget: string): void {
  console.log(`  ${name.padEnd(48)} ${figure.padEnd(26)} ${budget.padEnd(16)} ${ok ? "PASS" : "MISS"}`);
  if (!ok) failed = true;
}

function parseThroughput(): void {
  console.log("Parse throughput (../shared/datasets real-world feeds and UNGM pages)");
  try {
    const t = measureParseThroughput();
    results.rss_items_per_second = Math.round(t.rssItemsPerSecond);
    results.html_items_per_second = Math.round(t.htmlItemsPerSecond);
    results.rss_megabytes_per_second = t.rssMegabytesPerSecond;
    results.html_megabytes_per_second = t.htmlMegabytesPerSecond;
    check(`RSS/Atom: ${t.rssItems} items, ${(t.rssBytes / 1e6).toFixed(2)} MB per pass`, `${t.rssMegabytesPerSecond.toFixed(1)} MB/s, ${Math.round(t.rssItemsPerSecond)} items/s`, t.rssMegabytesPerSecond >= budgets.rssMegabytesPerSecond, `≥ ${budgets.rssMegabytesPerSecond} MB/s`);
    check(`HTML lists: ${t.htmlItems} items, ${(t.htmlBytes / 1e6).toFixed(2)} MB per pass`, `${t.htmlMegabytesPerSecond.toFixed(1)} MB/s, ${Math.round(t.htmlItemsPerSecond)} items/s`, t.htmlMegabytesPerSecond >= budgets.htmlMegabytesPerSecond, `≥ ${budgets.htmlMegabytesPerSecond} MB/s`);
  } catch (error) {
    console.log(`  skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const feed = (n: number) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source ${n}</title>${Array.from(
    { length: 50 },
    (_, i) => `<item><title>Tender ${n}-${i} for ERP rollout</title><link>/t/${n}/${i}</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>Supply, install and support of software ${i}.</description></item>`,
  ).join("")}</channel></rss>`;

const listPage = (n: number, page: number) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body><ul>${Array.from(
    { length: 20 },
    (_, i) => `<li class="t"><a href="/t/${n}/${page}/${i}">Notice ${n}-${page}-${i}</a><time>2025-03-0${(i % 9) + 1}</time><p class="s">Framework agreement ${i}</p></li>`,
  ).join("")}</ul>${page < 3 ? `<a rel="next" href="/list?page=${page + 1}">next</a>` : ""}</body></html>`;

async function startSources(): Promise<{ servers: LocalServer[]; sources: Pick<SourceConfig, "url" | "kind" | "selectors">[] }> {
  const servers: LocalServer[] = [];
  const sources: Pick<SourceConfig, "url" | "kind" | "selectors">[] = [];
  for (let n = 0; n < 50; n += 1) {
    const server = await startLocalServer({
      "/robots.txt": (_req, res) => void res.end("User-agent: *\nAllow: /\n"),
      "/feed.xml": (_req, res) => void res.writeHead(200, { "Content-Type": "application/rss+xml" }).end(feed(n)),
      "/list": (req, res) => void res.writeHead(200, { "Content-Type": "text/html" }).end(listPage(n, Number(new URL(req.url ?? "", "http://x").searchParams.get("page") ?? 1))),
    });
    servers.push(server);
    sources.push(n % 2 === 0 ? { url: server.url("/feed.xml"), kind: "rss" } : { url: server.url("/list"), kind: "html", selectors: { item: "li.t", title: "a", link: "a", date: "time", summary: ".s", next: "a[rel=next]" } });
  }
  return { servers, sources };
}

async function inParallel<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

async function scrapeRun(): Promise<void> {
  console.log("Scrape run: 50 local sources (25 RSS × 50 items, 25 HTML × 3 pages × 20 items), 8 at a time");
  const { servers, sources } = await startSources();
  const allowHosts = servers.map((s) => s.host);
  try {
    for (const [label, hostSpacingMs, budget] of [["no spacing (pipeline cost)", 0, budgets.scrapeNoSpacingSeconds], ["default 1 s spacing per host", undefined, budgets.scrapePoliteSeconds]] as const) {
      clearRobotsCache();
      const started = performance.now();
      const outcomes = await inParallel(sources.map((source) => () => scrapeSource(source, { allowHosts, hostSpacingMs })), 8);
      const seconds = (performance.now() - started) / 1000;
      const items = outcomes.reduce((sum, o) => sum + o.items.length, 0);
      const key = hostSpacingMs === 0 ? "scrape_no_spacing_seconds" : "scrape_polite_seconds";
      results[key] = seconds;
      check(`${label}: ${items} items`, `${seconds.toFixed(2)} s`, seconds <= budget && items === 25 * 50 + 25 * 60, `≤ ${budget} s, 2750 items`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

async function chromiumThroughput(): Promise<void> {
  console.log("Chromium page throughput (20 list pages whose items a script inserts after load)");
  const executablePath = findChromium();
  if (!executablePath) {
    console.log("  MISS: no Chromium (install it with apt-get install chromium or set CHROME_PATH)");
    failed = true;
    return;
  }
  const page = `<!doctype html><ul id="l"></ul><script>setTimeout(() => { document.getElementById("l").innerHTML = ${JSON.stringify(listPage(1, 3))}; }, 50);</script>`;
  const server = await startLocalServer({ "/page": (_req, res) => void res.writeHead(200, { "Content-Type": "text/html" }).end(page) });
  const renderer = new ChromiumRenderer({ executablePath, pagesPerBrowser: 50 });
  try {
    await renderer.render(server.url("/page"), { allowHosts: [server.host], waitForSelector: "li.t" });
    for (const [label, concurrency, budget] of [["one at a time", 1, budgets.chromiumSequentialPagesPerSecond], ["two at a time", 2, budgets.chromiumParallelPagesPerSecond]] as const) {
      const started = performance.now();
      await inParallel(Array.from({ length: 20 }, () => () => renderer.render(server.url("/page"), { allowHosts: [server.host], waitForSelector: "li.t" })), concurrency);
      const perSecond = 20 / ((performance.now() - started) / 1000);
      results[`chromium_pages_per_second_${concurrency}`] = perSecond;
      check(label, `${perSecond.toFixed(2)} pages/s`, perSecond >= budget, `≥ ${budget} pages/s`);
    }
  } finally {
    await renderer.close();
    await server.close();
  }
}

console.log("bench/market");
parseThroughput();
await scrapeRun();
await chromiumThroughput();
console.log(JSON.stringify({ bench: "market", ...results }));
if (failed) process.exitCode = 1;
