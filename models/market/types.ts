// The shapes shared by the market-alert parts: a source's configuration (the API's and the CLI's
// `--config` shape, ../shared/API.md), the items a parser extracts from a page or feed, and
// what one fetch returns. Parsers (feed.ts, html-list.ts) are pure; fetching (fetch.ts,
// render.ts) does the I/O; scrape.ts ties them together.

export type SourceKind = "rss" | "html" | "js";
export type SourceContentType = "tender" | "competitor" | "industry";

/**
 * CSS selectors relative to `item` (except `item` and `next`); `link` takes the href of the element
 * or its first `a` (an empty `link` means the item is the page itself, as on a notice's detail page).
 */
export type SourceSelectors = {
  item: string;
  title: string;
  link: string;
  date?: string;
  summary?: string;
  deadline?: string;
  value?: string;
  location?: string;
  /** A tender's reference number as the buyer writes it ("RFP/2014/641"). */
  reference?: string;
  next?: string;
};

export type SourceConfig = {
  name: string;
  url: string;
  kind: SourceKind;
  contentType: SourceContentType;
  regionCodes: string[];
  competitors: string[];
  keywords: string[];
  schedule: string;
  enabled: boolean;
  selectors?: SourceSelectors;
};

/** One item as extracted, before deduplication and routing. Text is plain text (never HTML); links are absolute http(s) or the item is dropped. */
export type ExtractedItem = {
  title: string;
  link: string;
  /** ISO 8601 (UTC) or null when the page gives no parsable date. */
  publishedAt: string | null;
  summary: string | null;
  deadline?: string | null;
  /** The value as written ("EUR 1,200,000"), and parsed when possible. */
  value?: string | null;
  valueAmount?: { amountMinor: number; currency: string } | null;
  location?: string | null;
  reference?: string | null;
};

export type FetchedPage = {
  /** "ok" with a body, or "not-modified" after a conditional GET (ETag / Last-Modified). */
  status: "ok" | "not-modified";
  httpStatus: number;
  finalUrl: string;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
};
