// The demo market pages as the app serves them under /demo/market/: an RSS 2.0 feed of
// competitor news, an HTML tender list in pages (the selectors of the demo seed, with a "next"
// link), an industry news page whose articles a script inserts after load, and each item's
// own page. Text is escaped; the script is a separate file, so the CSP needs no exception.
import { demoItemBySlug, demoItems, type DemoItem } from "./content.ts";

export const TENDERS_PER_PAGE = 8;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const ymd = (date: Date) => date.toISOString().slice(0, 10);
const money = (value: { amountMinor: number; currency: string }) => `${value.currency} ${Math.round(value.amountMinor / 100).toLocaleString("en-US")}`;

function page(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml">${head}</head>
<body style="font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem">
<p><small>Sample page served by Channelwise for its demo market alerts. Invented content.</small></p>
${body}
</body>
</html>
`;
}

/** RSS 2.0 with absolute links under `base` (the demo folder's URL, ending in "/"). */
export function competitorFeedXml(base: string, now: Date): string {
  const news = demoItems("competitor", now);
  // The newest item's time, not the request's, so an unchanged feed keeps its ETag.
  const built = news[0]?.publishedAt ?? new Date(0);
  const items = news.map((item) => {
    const link = new URL(item.slug, base).toString();
    return `    <item>
      <title>${escape(item.title)}</title>
      <link>${escape(link)}</link>
      <guid isPermaLink="true">${escape(link)}</guid>
      <pubDate>${item.publishedAt.toUTCString()}</pubDate>
      <category>${escape(item.competitor ?? "")}</category>
      <description>${escape(item.summary)}</description>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>ERP Market Watch (Channelwise demo)</title>
    <link>${escape(base)}feed.xml</link>
    <description>Competitor news for ERP resellers: prices, support, partner programmes.</description>
    <language>en</language>
    <lastBuildDate>${built.toUTCString()}</lastBuildDate>
${items.join("\n")}
  </channel>
</rss>
`;
}

/** Page `pageNumber` (1-based) of the tender list; null past the last page. */
export function tendersHtml(now: Date, pageNumber: number): string | null {
  const all = demoItems("tender", now);
  const pages = Math.max(1, Math.ceil(all.length / TENDERS_PER_PAGE));
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > pages) return null;
  const rows = all.slice((pageNumber - 1) * TENDERS_PER_PAGE, pageNumber * TENDERS_PER_PAGE).map((t) => `      <tr>
        <td class="reference">${escape(t.reference ?? "")}</td>
        <td class="title"><a href="${escape(t.slug)}">${escape(t.title)}</a></td>
        <td class="location">${escape(`${t.place.city}, ${t.place.country}`)}</td>
        <td class="published">${ymd(t.publishedAt)}</td>
        <td class="deadline">${t.deadline ? `${ymd(t.deadline)} 11:00 UTC` : ""}</td>
        <td class="value">${t.value ? escape(money(t.value)) : ""}</td>
      </tr>`);
  const nav = [
    pageNumber > 1 ? `<a class="prev" href="tenders.html${pageNumber > 2 ? `?page=${pageNumber - 1}` : ""}">Previous</a>` : "",
    `<span>Page ${pageNumber} of ${pages}</span>`,
    pageNumber < pages ? `<a class="next" href="tenders.html?page=${pageNumber + 1}">Next</a>` : "",
  ].filter(Boolean).join(" ");
  return page("Public procurement notices — ERP and business software (demo)", `<h1>Open tenders: ERP and business software</h1>
<table class="tenders">
  <thead><tr><th>Reference</th><th>Title</th><th>Location</th><th>Published</th><th>Deadline</th><th>Estimated value</th></tr></thead>
  <tbody>
${rows.join("\n")}
  </tbody>
</table>
<nav class="pager">${nav}</nav>`);
}

/** The industry news page: an empty list that news.js fills after load. */
export function newsHtml(): string {
  return page(
    "Manufacturing Today — industry news (demo)",
    `<h1>Manufacturing Today</h1>
<section id="news" aria-live="polite"><p class="loading">Loading the latest news…</p></section>
<noscript>This page needs JavaScript.</noscript>`,
    `<script src="news.js" defer></script>`,
  );
}

/** The script behind news.html: today's articles as data, written into #news as DOM nodes. */
export function newsScript(now: Date): string {
  const articles = demoItems("industry", now).map((item) => ({ title: item.title, href: item.slug, date: item.publishedAt.toISOString(), summary: item.summary }));
  return `// Inserts the demo industry news into #news after load (so a scraper needs a browser).
(function () {
  var articles = ${JSON.stringify(articles).replace(/</g, "\\u003c")};
  function render() {
    var list = document.getElementById("news");
    list.textContent = "";
    articles.forEach(function (a) {
      var article = document.createElement("article");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = a.href;
      link.textContent = a.title;
      heading.appendChild(link);
      var time = document.createElement("time");
      time.dateTime = a.date;
      time.textContent = a.date.slice(0, 10);
      var summary = document.createElement("p");
      summary.className = "summary";
      summary.textContent = a.summary;
      article.append(heading, time, summary);
      list.appendChild(article);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
  else render();
})();
`;
}

function details(item: DemoItem): string {
  const rows: [string, string][] = [
    ["Published", item.publishedAt.toUTCString()],
    ["Location", `${item.place.city}, ${item.place.country}`],
    ...(item.reference ? [["Reference", item.reference] as [string, string]] : []),
    ...(item.deadline ? [["Deadline", `${ymd(item.deadline)} 11:00 UTC`] as [string, string]] : []),
    ...(item.value ? [["Estimated value", money(item.value)] as [string, string]] : []),
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join("")}</dl>`;
}

/** An item's own page ("competitor-40830"), or null for an unknown slug. */
export function itemHtml(slug: string): string | null {
  const item = demoItemBySlug(slug);
  if (item === null) return null;
  return page(item.title, `<article><h1>${escape(item.title)}</h1>${details(item)}<p>${escape(item.summary)}</p></article>`);
}
