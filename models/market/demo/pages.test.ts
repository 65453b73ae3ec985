// The demo market pages read with the real parsers and the demo seed's own selectors: the feed
// and the tender list yield items dated relative to today (tender deadlines 5–40 days ahead,
// in pages with a "next" link), naming the demo's places, competitors and keywords; the same
// day gives the same pages, and an item keeps its link and text on later days.
import { describe, expect, it } from "vitest";
import { buildMarketSources } from "../../seed/market.ts";
import { parseFeed } from "../feed.ts";
import { extractHtmlList } from "../html-list.ts";
import { matchItemTerms } from "../items.ts";
import type { SourceSelectors } from "../types.ts";
import { DEMO_PLACES } from "./catalog.ts";
import { demoItems } from "./content.ts";
import { competitorFeedXml, itemHtml, newsHtml, newsScript, tendersHtml, TENDERS_PER_PAGE } from "./pages.ts";

const base = "http://127.0.0.1:3999/demo/market/";
const now = new Date("2031-06-15T14:30:00Z");
const DAY = 86_400_000;
const [feedSource, tenderSource, newsSource] = buildMarketSources("00000000-0000-4000-8000-000000000001", now, base.slice(0, -1));
const days = (iso: string | null | undefined) => (iso ? (new Date(iso).getTime() - now.getTime()) / DAY : NaN);

describe("the demo seed", () => {
  it("points its three enabled sources at the app's own demo pages", () => {
    expect([feedSource, tenderSource, newsSource].map((s) => [s.url, s.kind, s.enabled])).toEqual([
      [`${base}feed.xml`, "RSS", true],
      [`${base}tenders.html`, "HTML", true],
      [`${base}news.html`, "JS", true],
    ]);
  });
});

describe("feed.xml", () => {
  const items = parseFeed(Buffer.from(competitorFeedXml(base, now)), { contentType: "application/rss+xml", baseUrl: `${base}feed.xml` });

  it("is RSS 2.0 with two weeks of competitor news, newest first, nothing in the future", () => {
    expect(items.length).toBeGreaterThanOrEqual(24);
    expect(items.every((i) => days(i.publishedAt) <= 0 && days(i.publishedAt) > -14)).toBe(true);
    expect(items.every((i) => i.link.startsWith(`${base}items/competitor-`))).toBe(true);
    expect(new Set(items.map((i) => i.title)).size).toBe(items.length);
  });

  it("names the seed's competitors and keywords, and places in every demo region", () => {
    const source = { keywords: feedSource.keywords as string[], competitors: feedSource.competitors as string[] };
    const matched = items.map((i) => matchItemTerms({ title: i.title, summary: i.summary }, source));
    expect(matched.every((m) => m.matchedCompetitors.length > 0)).toBe(true);
    expect(matched.filter((m) => m.matchedKeywords.length > 0).length).toBeGreaterThan(items.length / 2);
    const regions = new Set(DEMO_PLACES.filter((p) => items.some((i) => i.title.includes(`${p.city}`))).map((p) => p.region));
    expect([...regions].sort()).toEqual(["APAC", "DACH", "NORDICS", "NORTH_AMERICA", "SOUTHERN_EUROPE", "WESTERN_EUROPE"]);
  });

  it("is the same for the same moment, and a day later keeps yesterday's items with their links and text", () => {
    expect(competitorFeedXml(base, now)).toBe(competitorFeedXml(base, new Date(now)));
    const tomorrow = parseFeed(Buffer.from(competitorFeedXml(base, new Date(now.getTime() + DAY))), { contentType: null, baseUrl: base });
    const kept = items.filter((i) => days(i.publishedAt) > -12);
    for (const item of kept) expect(tomorrow.find((t) => t.link === item.link)).toMatchObject({ title: item.title, summary: item.summary, publishedAt: item.publishedAt });
    expect(tomorrow.filter((t) => !items.some((i) => i.link === t.link)).length).toBeGreaterThan(0);
  });
});

describe("tenders.html", () => {
  const selectors = tenderSource.selectors as SourceSelectors;
  const first = extractHtmlList(tendersHtml(now, 1) ?? "", selectors, `${base}tenders.html`);
  const second = extractHtmlList(tendersHtml(now, 2) ?? "", selectors, `${base}tenders.html?page=2`);

  it("lists tenders in pages with a next link, and nothing past the last page", () => {
    expect(first.items).toHaveLength(TENDERS_PER_PAGE);
    expect(first.nextUrl).toBe(`${base}tenders.html?page=2`);
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.nextUrl).toBeNull();
    expect(tendersHtml(now, 3)).toBeNull();
    expect(tendersHtml(now, 0)).toBeNull();
    expect(first.items.length + second.items.length).toBe(demoItems("tender", now).length);
  });

  it("gives every tender a link, a recent publication date, a deadline 5–40 days ahead, a value, a place in the tender regions and a seed keyword", () => {
    for (const item of [...first.items, ...second.items]) {
      expect(item.link).toMatch(/^http:\/\/127\.0\.0\.1:3999\/demo\/market\/items\/tender-\d+\.html$/);
      expect(days(item.publishedAt)).toBeGreaterThan(-16);
      expect(days(item.publishedAt)).toBeLessThanOrEqual(0);
      expect(days(item.deadline)).toBeGreaterThanOrEqual(5);
      expect(days(item.deadline)).toBeLessThanOrEqual(40);
      expect(item.valueAmount?.amountMinor).toBeGreaterThan(0);
      expect(item.location).toMatch(/, (Germany|Austria|Switzerland|Sweden|Finland|Denmark|Norway|Netherlands|United Kingdom|France|Ireland|Belgium|Italy|Spain|Portugal)$/);
      expect(matchItemTerms({ title: item.title, summary: item.summary }, { keywords: tenderSource.keywords as string[], competitors: [] }).matchedKeywords.length).toBeGreaterThan(0);
    }
  });
});

describe("news.html and news.js", () => {
  it("serves an empty list and a script that carries today's industry news with the seed's selectors", () => {
    const selectors = newsSource.selectors as SourceSelectors;
    expect(extractHtmlList(newsHtml(), selectors, `${base}news.html`).items).toEqual([]);
    expect(newsHtml()).toContain('<script src="news.js" defer></script>');
    const script = newsScript(now);
    expect(script).toContain('document.createElement("article")');
    expect(script).not.toContain("</script");
    const titles = demoItems("industry", now).map((i) => i.title);
    expect(titles.length).toBeGreaterThanOrEqual(9);
    for (const title of titles) expect(script).toContain(JSON.stringify(title).slice(1, -1));
  });
});

describe("item pages", () => {
  it("serves each listed item's page, and nothing for an unknown slug", () => {
    const tender = demoItems("tender", now)[0];
    expect(itemHtml(`tender-${tender.serial}`)).toContain(tender.title.replaceAll("&", "&amp;"));
    expect(itemHtml("tender-x")).toBeNull();
    expect(itemHtml("secret-1")).toBeNull();
  });
});
