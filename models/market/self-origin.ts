// Where the app reaches its own demo market pages, and the one exception to the scraper's
// loopback ban that follows: a source pointing at those pages may reach this app's own
// host:port (and nothing else on loopback) without anyone listing it in MARKET_ALLOW_HOSTS.
import type { Env } from "../env.ts";
import { effectivePort } from "./net-guard.ts";

/** The path under which the app serves its demo feed, tender list and news page. */
export const DEMO_MARKET_PATH = "/demo/market/";

type OriginEnv = Pick<Env, "HOST" | "PORT">;

/** http://HOST:PORT as this process's own scraper reaches it: a wildcard HOST (0.0.0.0, ::) means loopback. */
export function appSelfOrigin(e: OriginEnv): string {
  const host = ["0.0.0.0", "::", "[::]", ""].includes(e.HOST.trim()) ? "127.0.0.1" : e.HOST.trim();
  const bracketed = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return new URL(`http://${bracketed}:${e.PORT}`).origin;
}

/** The base URL of the demo pages (no trailing slash), as the demo seed stores it. */
export function demoMarketBaseUrl(e: OriginEnv): string {
  return `${appSelfOrigin(e)}${DEMO_MARKET_PATH.slice(0, -1)}`;
}

/** True when `url` is one of this app's own demo market pages (at its own origin or APP_URL's). */
export function isOwnDemoPage(url: string, e: Pick<Env, "HOST" | "PORT" | "APP_URL">): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const origins = [appSelfOrigin(e), ...(e.APP_URL ? [new URL(e.APP_URL).origin] : [])];
  return origins.includes(parsed.origin) && parsed.pathname.startsWith(DEMO_MARKET_PATH);
}

/** The allow-list for a scrape of `url`: MARKET_ALLOW_HOSTS, plus this app's host:port when `url` is its own demo page. */
export function allowHostsFor(url: string, e: Pick<Env, "HOST" | "PORT" | "APP_URL" | "MARKET_ALLOW_HOSTS">): string[] {
  if (!isOwnDemoPage(url, e)) return [...e.MARKET_ALLOW_HOSTS];
  const parsed = new URL(url);
  return [...e.MARKET_ALLOW_HOSTS, `${parsed.hostname}:${effectivePort(parsed)}`];
}
