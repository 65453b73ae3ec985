// Test support for the market source pages and API: one HTML list page served on 127.0.0.1 and
// allowed to the fetcher, for "Test source"; and the row counts that prove nothing was saved.
import { db } from "../../models/db/client.ts";
import { startLocalServer, type LocalServer } from "../../test/local-http.ts";

/** Serves `html` at /list.html (anything else 404) and lets the market fetcher reach it. */
export async function startListSite(html: string): Promise<LocalServer> {
  const site = await startLocalServer({ "/list.html": (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end(html) });
  // Read by env() on the first test fetch (parsed once per process).
  process.env.MARKET_ALLOW_HOSTS = site.host;
  return site;
}

export async function stopListSite(site: LocalServer | undefined): Promise<void> {
  delete process.env.MARKET_ALLOW_HOSTS;
  await site?.close();
}

export const sourceCounts = async () => ({ sources: await db.marketSource.count(), items: await db.marketItem.count(), audit: await db.auditLog.count() });
