// Parse throughput of the market-alert parsers over the real-world inputs in ../shared/datasets
// (every feed in feeds/real-world/input; the UNGM notice list and notice pages): bench/market.ts prints it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { FeedParseError, parseFeed } from "./feed.ts";
import { extractHtmlList } from "./html-list.ts";
import type { SourceSelectors } from "./types.ts";
import { ungmNoticeDetailSelectors, ungmNoticeListSelectors } from "./ungm-source.ts";

const DATASETS = fileURLToPath(new URL("../../../shared/datasets/", import.meta.url));

export type ParseThroughput = {
  rssItemsPerSecond: number;
  htmlItemsPerSecond: number;
  rssMegabytesPerSecond: number;
  htmlMegabytesPerSecond: number;
  /** Items and bytes in one pass over the inputs. */
  rssItems: number;
  htmlItems: number;
  rssBytes: number;
  htmlBytes: number;
};

type Pass = { items: number; bytes: number; run: () => number };

/** Repeats a pass until `minSeconds` have gone by (after one warm-up pass) and gives items and bytes per second. */
function measure(pass: Pass, minSeconds: number): { itemsPerSecond: number; megabytesPerSecond: number } {
  pass.run();
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    pass.run();
    rounds++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  return { itemsPerSecond: (pass.items * rounds) / elapsed, megabytesPerSecond: (pass.bytes * rounds) / elapsed / 1_000_000 };
}

function feedPass(): Pass {
  const dir = `${DATASETS}feeds/real-world/input/`;
  const bodies = readdirSync(dir).sort().map((file) => ({ body: readFileSync(`${dir}${file}`), baseUrl: `https://feeds.example.test/${file}` }));
  const run = (): number => {
    let items = 0;
    for (const { body, baseUrl } of bodies) {
      try {
        items += parseFeed(body, { contentType: null, baseUrl }).length;
      } catch (error) {
        // The set holds one HTML page on purpose; refusing it is part of the work measured.
        if (!(error instanceof FeedParseError)) throw error;
      }
    }
    return items;
  };
  return { items: run(), bytes: bodies.reduce((sum, { body }) => sum + body.length, 0), run };
}

function htmlPass(): Pass {
  const dir = `${DATASETS}tenders/ungm/Notice/`;
  const pages: Array<{ html: string; selectors: SourceSelectors; url: string }> = readdirSync(dir)
    .sort()
    .map((file) => ({
      html: readFileSync(`${dir}${file}`, "utf8"),
      selectors: file === "tender_notices.html" ? ungmNoticeListSelectors : ungmNoticeDetailSelectors,
      url: `https://www.ungm.org/Public/Notice/${file.replace(/\.html$/, "")}`,
    }));
  const run = (): number => pages.reduce((sum, page) => sum + extractHtmlList(page.html, page.selectors, page.url).items.length, 0);
  return { items: run(), bytes: pages.reduce((sum, page) => sum + Buffer.byteLength(page.html), 0), run };
}

/** Items parsed per second for RSS/Atom and for HTML lists; throws when ../shared/datasets is absent. */
export function measureParseThroughput(options: { minSeconds?: number } = {}): ParseThroughput {
  if (!existsSync(`${DATASETS}feeds/real-world/input`) || !existsSync(`${DATASETS}tenders/ungm/Notice`)) {
    throw new Error(`The real-world inputs are missing: expected ${DATASETS}feeds/real-world/input and ${DATASETS}tenders/ungm/Notice`);
  }
  const minSeconds = options.minSeconds ?? 2;
  const feeds = feedPass();
  const html = htmlPass();
  const rss = measure(feeds, minSeconds);
  const pages = measure(html, minSeconds);
  return {
    rssItemsPerSecond: rss.itemsPerSecond,
    htmlItemsPerSecond: pages.itemsPerSecond,
    rssMegabytesPerSecond: rss.megabytesPerSecond,
    htmlMegabytesPerSecond: pages.megabytesPerSecond,
    rssItems: feeds.items,
    htmlItems: html.items,
    rssBytes: feeds.bytes,
    htmlBytes: html.bytes,
  };
}
