// GET /demo/market/* — the sample pages the demo's market sources scrape (models/market/demo/):
// feed.xml (RSS), tenders.html[?page=n] (HTML list), news.html + news.js (rendered by script)
// and items/<slug>.html. Public, read-only and invented; answers conditional GETs with 304.
import { createHash } from "node:crypto";
import { competitorFeedXml, itemHtml, newsHtml, newsScript, tendersHtml } from "../../models/market/demo/pages.ts";
import { DEMO_MARKET_PATH } from "../../models/market/self-origin.ts";
import type { Route } from "./+types/demo.market";

const TYPES = { xml: "application/rss+xml; charset=utf-8", html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8" } as const;

function notFound(): Response {
  return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function respond(request: Request, body: string, type: keyof typeof TYPES): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  const headers = { etag, "cache-control": "public, max-age=300", "content-type": TYPES[type] };
  const asked = request.headers.get("if-none-match");
  if (asked && asked.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

export function loader({ request, params }: Route.LoaderArgs) {
  const file = params["*"] ?? "";
  const url = new URL(request.url);
  const now = new Date();
  if (file === "feed.xml") return respond(request, competitorFeedXml(new URL(DEMO_MARKET_PATH, url).toString(), now), "xml");
  if (file === "tenders.html") {
    const pageParam = url.searchParams.get("page") ?? "1";
    const html = /^\d{1,3}$/.test(pageParam) ? tendersHtml(now, Number(pageParam)) : null;
    return html === null ? notFound() : respond(request, html, "html");
  }
  if (file === "news.html") return respond(request, newsHtml(), "html");
  if (file === "news.js") return respond(request, newsScript(now), "js");
  const item = /^items\/([a-z]+-\d{1,9})\.html$/.exec(file);
  const html = item ? itemHtml(item[1]) : null;
  return html === null ? notFound() : respond(request, html, "html");
}
