// robots.txt per origin (RFC 9309, via robots-parser): fetched once through the guarded fetch,
// cached, and read for our agent's rules and crawl-delay. A missing file (4xx) allows everything;
// an unreachable one (5xx, redirect loop) disallows everything until it is asked again.
import robotsParser from "robots-parser";
import { FetchError } from "./fetch-error.ts";
import type { RawResponse } from "./http-get.ts";

export type RobotsRules = {
  /** Whether our agent may fetch `url` (same origin as the rules). */
  allows: (url: string) => boolean;
  /** The crawl-delay for our agent, in ms, or null when the file names none. */
  crawlDelayMs: number | null;
  /** Why everything is disallowed when the file could not be read, else null. */
  unreachable: string | null;
};

type Entry = { rules: Promise<RobotsRules>; expiresAt: number };

const FOUND_TTL_MS = 60 * 60 * 1000;
const UNREACHABLE_TTL_MS = 60 * 1000;
// A crawl-delay longer than this is read as this: the host still gets a very slow crawl rather than none.
const MAX_CRAWL_DELAY_MS = 300_000;
/** RFC 9309 asks crawlers to parse at least the first 500 KiB. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

const cache = new Map<string, Entry>();

/** Forgets every cached robots.txt (tests, and a source whose site changed its rules). */
export function clearRobotsCache(): void {
  cache.clear();
}

/** The robots.txt product token of a User-Agent ("ChannelwiseBot/1.0 (+…)" → "ChannelwiseBot"). */
export const robotsAgent = (userAgent: string) => userAgent.split(/[/\s]/)[0] || userAgent;

const allowAll = (): RobotsRules => ({ allows: () => true, crawlDelayMs: null, unreachable: null });

async function readRules(origin: string, agent: string, load: (robotsUrl: string) => Promise<RawResponse>): Promise<RobotsRules> {
  const robotsUrl = `${origin}/robots.txt`;
  let response: RawResponse;
  try {
    response = await load(robotsUrl);
  } catch (error) {
    // A blocked address, or a host that cannot be reached at all, is what the source's status
    // should say; only a robots.txt that answers badly (5xx, endless redirects) means "disallowed".
    if (error instanceof FetchError && ["blocked_address", "bad_scheme", "network", "timeout"].includes(error.code)) throw error;
    return { allows: () => false, crawlDelayMs: null, unreachable: error instanceof Error ? error.message : String(error) };
  }
  if (response.status >= 400 && response.status < 500) return allowAll();
  if (response.status < 200 || response.status > 299) {
    return { allows: () => false, crawlDelayMs: null, unreachable: `${robotsUrl} answered HTTP ${response.status}` };
  }
  const robot = robotsParser(robotsUrl, response.body.toString("utf8"));
  const delay = robot.getCrawlDelay(agent);
  return {
    allows: (url) => robot.isAllowed(url, agent) !== false,
    crawlDelayMs: typeof delay === "number" && delay > 0 ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) : null,
    unreachable: null,
  };
}

/** The rules of `url`'s origin for `agent`, from the cache or fetched with `load` (which follows redirects, guarded). */
export function robotsRulesFor(url: URL, agent: string, load: (robotsUrl: string) => Promise<RawResponse>): Promise<RobotsRules> {
  const key = `${url.origin} ${agent.toLowerCase()}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.rules;
  const entry: Entry = { rules: readRules(url.origin, agent, load), expiresAt: Date.now() + FOUND_TTL_MS };
  cache.set(key, entry);
  entry.rules.then(
    (rules) => {
      if (rules.unreachable) entry.expiresAt = Date.now() + UNREACHABLE_TTL_MS;
    },
    () => cache.get(key) === entry && cache.delete(key),
  );
  return entry.rules;
}
