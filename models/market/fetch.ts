// Fetches one market page politely and safely: robots.txt honoured (crawl-delay included), one
// request at a time per host with spacing, conditional GET, and redirects followed by hand (at
// most 5, each hop's scheme, address and robots checked, loops refused).
import { FetchError, toFetchError } from "./fetch-error.ts";
import { DEFAULT_HOST_SPACING_MS, runInHostTurn } from "./host-queue.ts";
import { httpGetOnce, parseHttpUrl, type RawResponse } from "./http-get.ts";
import { checkHostAllowed, effectivePort } from "./net-guard.ts";
import { ROBOTS_MAX_BYTES, robotsAgent, robotsRulesFor } from "./robots.ts";
import type { FetchedPage } from "./types.ts";

export type FetchPageOptions = {
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
  /** Hosts (`host` or `host:port`) whose loopback addresses may be reached: MARKET_ALLOW_HOSTS. */
  allowHosts?: readonly string[];
  /** Spacing between two requests to one host when robots.txt names no longer crawl-delay. */
  hostSpacingMs?: number;
  accept?: string;
};

type Settings = Required<Omit<FetchPageOptions, "etag" | "lastModified">>;

export const DEFAULT_USER_AGENT = "ChannelwiseBot/1.0 (+market alerts of an open-source partner portal)";
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
const HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

function settingsOf(options: FetchPageOptions): Settings {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    allowHosts: options.allowHosts ?? [],
    hostSpacingMs: options.hostSpacingMs ?? DEFAULT_HOST_SPACING_MS,
    accept: options.accept ?? HTML_ACCEPT,
  };
}

const header = (res: RawResponse, name: string): string | null => {
  const value = res.headers[name];
  return typeof value === "string" ? value : null;
};

/**
 * Follows redirects from `start`, calling `get` for each hop (which checks robots, waits its turn and
 * guards the address); refuses loops, non-http(s) targets and more than MAX_REDIRECTS.
 */
async function followRedirects(start: URL, get: (url: URL) => Promise<RawResponse>): Promise<RawResponse> {
  const visited: string[] = [];
  let current = start;
  for (;;) {
    visited.push(current.href);
    const res = await get(current);
    if (!res.location) return res;
    const next = parseHttpUrl(res.location, `Redirect from ${current.href} to`);
    if (visited.includes(next.href)) {
      throw new FetchError("too_many_redirects", `Redirect loop: ${[...visited, next.href].join(" → ")}`, start.href, res.status);
    }
    if (visited.length > MAX_REDIRECTS) {
      throw new FetchError("too_many_redirects", `More than ${MAX_REDIRECTS} redirects from ${start.href} (last to ${next.href})`, start.href, res.status);
    }
    current = next;
  }
}

function loadRobots(settings: Settings): (robotsUrl: string) => Promise<RawResponse> {
  const headers = { "User-Agent": settings.userAgent, Accept: "text/plain,*/*;q=0.5", "Accept-Encoding": "gzip, deflate, br" };
  return (robotsUrl) =>
    followRedirects(parseHttpUrl(robotsUrl), (url) =>
      runInHostTurn(url.host, settings.hostSpacingMs, () =>
        httpGetOnce(url, { headers, timeoutMs: settings.timeoutMs, maxBytes: ROBOTS_MAX_BYTES, allowHosts: settings.allowHosts, truncate: true }),
      ),
    );
}

/**
 * Throws unless we may fetch `url`: its host resolves only to allowed addresses (blocked_address,
 * or network when it does not resolve) and robots.txt of its origin lets our agent in
 * (robots_disallowed). Returns the spacing to keep between requests to that host.
 */
export async function assertMayFetch(url: URL, options: FetchPageOptions = {}): Promise<{ spacingMs: number }> {
  const settings = settingsOf(options);
  const host = await checkHostAllowed(url.hostname, settings.allowHosts, effectivePort(url));
  if (!host.allowed) throw toFetchError(host.error, url.href);
  const agent = robotsAgent(settings.userAgent);
  const rules = await robotsRulesFor(url, agent, loadRobots(settings));
  if (rules.unreachable) {
    throw new FetchError("robots_disallowed", `robots.txt of ${url.origin} cannot be read (${rules.unreachable}), so the site is treated as disallowed`, url.href);
  }
  if (!rules.allows(url.href)) throw new FetchError("robots_disallowed", `robots.txt of ${url.origin} disallows ${url.pathname} for ${agent}`, url.href);
  return { spacingMs: Math.max(rules.crawlDelayMs ?? 0, settings.hostSpacingMs) };
}

/** GETs `url` (a conditional GET when an ETag or Last-Modified is given); throws a FetchError saying why it failed. */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const settings = settingsOf(options);
  const headers: Record<string, string> = { "User-Agent": settings.userAgent, Accept: settings.accept, "Accept-Encoding": "gzip, deflate, br" };
  if (options.etag) headers["If-None-Match"] = options.etag;
  if (options.lastModified) headers["If-Modified-Since"] = options.lastModified;
  const res = await followRedirects(parseHttpUrl(url, "Source URL"), async (hop) => {
    const { spacingMs } = await assertMayFetch(hop, settings);
    return runInHostTurn(hop.host, spacingMs, () => httpGetOnce(hop, { headers, timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes, allowHosts: settings.allowHosts }));
  });
  const etag = header(res, "etag");
  const lastModified = header(res, "last-modified");
  if (res.status === 304) {
    return { status: "not-modified", httpStatus: 304, finalUrl: res.url, body: Buffer.alloc(0), contentType: null, etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null };
  }
  if (res.status < 200 || res.status > 299) {
    throw new FetchError("http_status", `${res.url} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`, res.url, res.status);
  }
  return { status: "ok", httpStatus: res.status, finalUrl: res.url, body: res.body, contentType: header(res, "content-type"), etag, lastModified };
}
