// Fetches and parses one market source once: an RSS/Atom feed, an HTML list (following its
// `next` link up to maxPages, each page fetched through the same guards), or a JavaScript page
// rendered in Chromium. Failures are FetchErrors with a code the scrape job stores.
import { decodeDocument } from "./encoding.ts";
import { FetchError } from "./fetch-error.ts";
import { assertMayFetch, fetchPage, type FetchPageOptions } from "./fetch.ts";
import { FeedParseError, parseFeed } from "./feed.ts";
import { runInHostTurn } from "./host-queue.ts";
import { extractHtmlList, HtmlListSelectorError } from "./html-list.ts";
import { parseHttpUrl } from "./http-get.ts";
import { renderPage, type PageRenderer } from "./render.ts";
import type { ExtractedItem, SourceConfig, SourceSelectors } from "./types.ts";

export type ScrapeOptions = Omit<FetchPageOptions, "accept"> & {
  /** List pages to read by following `next` (the first included); 1 reads only the configured page. */
  maxPages?: number;
  /** The Chromium renderer for `js` sources; the process's shared one when absent. */
  renderer?: PageRenderer;
};

export type ScrapeResult = {
  status: "ok" | "not-modified";
  items: ExtractedItem[];
  pages: number;
  etag: string | null;
  lastModified: string | null;
  finalUrl: string;
};

export const DEFAULT_MAX_PAGES = 5;
const MAX_PAGES_LIMIT = 20;
const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

type LoadedPage = { status: "ok" | "not-modified"; html: string; finalUrl: string; etag: string | null; lastModified: string | null };

function parseFailure(error: unknown, url: string): never {
  if (error instanceof FeedParseError || error instanceof HtmlListSelectorError) throw new FetchError("parse_failed", `${url}: ${error.message}`, url);
  throw error;
}

async function scrapeFeed(url: string, options: ScrapeOptions): Promise<ScrapeResult> {
  const page = await fetchPage(url, { ...options, accept: FEED_ACCEPT });
  const base = { pages: 1, etag: page.etag, lastModified: page.lastModified, finalUrl: page.finalUrl };
  if (page.status === "not-modified") return { status: "not-modified", items: [], ...base };
  try {
    return { status: "ok", items: parseFeed(page.body, { contentType: page.contentType, baseUrl: page.finalUrl }), ...base };
  } catch (error) {
    return parseFailure(error, page.finalUrl);
  }
}

/** Loads one list page: fetched and decoded (html), or rendered after robots.txt and the host's turn (js). */
function pageLoader(kind: "html" | "js", selectors: SourceSelectors, options: ScrapeOptions): (url: string, first: boolean) => Promise<LoadedPage> {
  if (kind === "html") {
    return async (url, first) => {
      const page = await fetchPage(url, first ? options : { ...options, etag: null, lastModified: null });
      const html = page.status === "ok" ? decodeDocument(page.body, page.contentType, "html") : "";
      return { status: page.status, html, finalUrl: page.finalUrl, etag: page.etag, lastModified: page.lastModified };
    };
  }
  const renderer = options.renderer ?? { render: renderPage };
  return async (url) => {
    const target = parseHttpUrl(url, "Source URL");
    const { spacingMs } = await assertMayFetch(target, options);
    const rendered = await runInHostTurn(target.host, spacingMs, () =>
      renderer.render(target.href, { allowHosts: options.allowHosts, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, userAgent: options.userAgent, waitForSelector: selectors.item }),
    );
    return { status: "ok", html: rendered.html, finalUrl: rendered.finalUrl, etag: null, lastModified: null };
  };
}

async function scrapeList(url: string, kind: "html" | "js", selectors: SourceSelectors | undefined, options: ScrapeOptions): Promise<ScrapeResult> {
  if (!selectors) throw new FetchError("parse_failed", `A ${kind} source needs selectors (item, title and link at least)`, url);
  const maxPages = Math.min(Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES), MAX_PAGES_LIMIT);
  const load = pageLoader(kind, selectors, options);
  const first = await load(url, true);
  const result: ScrapeResult = { status: first.status, items: [], pages: 1, etag: first.etag, lastModified: first.lastModified, finalUrl: first.finalUrl };
  if (first.status === "not-modified") return result;
  // `next` is followed only within the source's own host: the scraper fetches configured sources, not the web.
  const start = new URL(url);
  const hosts = new Set([start.hostname, new URL(first.finalUrl).hostname]);
  const visited = new Set([start.href, first.finalUrl]);
  const links = new Set<string>();
  let page: LoadedPage = first;
  for (;;) {
    let extracted: ReturnType<typeof extractHtmlList>;
    try {
      extracted = extractHtmlList(page.html, selectors, page.finalUrl);
    } catch (error) {
      return parseFailure(error, page.finalUrl);
    }
    for (const item of extracted.items) {
      if (links.has(item.link)) continue;
      links.add(item.link);
      result.items.push(item);
    }
    // nextUrl is an absolute http(s) URL (safeHttpUrl) or null.
    const next = extracted.nextUrl;
    if (!next || result.pages >= maxPages || visited.has(next) || !hosts.has(new URL(next).hostname)) return result;
    visited.add(next);
    page = await load(next, false);
    visited.add(page.finalUrl);
    result.pages += 1;
  }
}

/** Fetches `source` once and returns what it lists now; throws a FetchError (code and message) when it cannot. */
export async function scrapeSource(source: Pick<SourceConfig, "url" | "kind" | "selectors">, options: ScrapeOptions = {}): Promise<ScrapeResult> {
  if (source.kind === "rss") return scrapeFeed(source.url, options);
  return scrapeList(source.url, source.kind, source.selectors, options);
}
