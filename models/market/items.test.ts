// Storing scraped items against the seeded demo database: one item however often and wherever
// it is seen (canonical URL, same text, near-identical title within 30 days), new ones returned,
// keywords and competitors matched as whole words, values, deadlines and places stored.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { storeExtractedItems, type ItemSource } from "./items.ts";
import type { ExtractedItem } from "./types.ts";

const now = new Date("2031-03-10T08:00:00Z");
const DAY = 86_400_000;
let feed: ItemSource;
let tenders: ItemSource;

const item = (n: number, overrides: Partial<ExtractedItem> = {}): ExtractedItem => ({
  title: `Odoo announces price increase number ${n} for ERP subscriptions in Munich`,
  link: `https://news.example.com/odoo/${n}`,
  publishedAt: "2031-03-09T07:00:00.000Z",
  summary: `Summary ${n}: customers of Odoo face a price increase at renewal.`,
  ...overrides,
});

const store = (source: ItemSource, items: ExtractedItem[], at = now) => db.$transaction((tx) => storeExtractedItems(tx, source, items, at));

beforeAll(async () => {
  const rows = await db.marketSource.findMany({ select: { id: true, contentType: true, keywords: true, competitors: true }, orderBy: { name: "asc" } });
  const competitorSource = rows.find((r) => r.contentType === "COMPETITOR");
  const tenderSource = rows.find((r) => r.contentType === "TENDER");
  if (!competitorSource || !tenderSource) throw new Error("the demo seed has a competitor and a tender source");
  feed = competitorSource;
  tenders = tenderSource;
});

describe("storeExtractedItems", () => {
  it("stores new items once and returns their ids; the same items again are only seen again", async () => {
    const first = await store(feed, [item(1), item(2), item(3)]);
    expect(first.newItemIds).toHaveLength(3);
    const later = new Date(now.getTime() + 3_600_000);
    const again = await store(feed, [item(1), item(2), item(3)], later);
    expect(again).toEqual({ newItemIds: [], seenAgain: 3, skipped: 0 });
    const rows = await db.marketItem.findMany({ where: { id: { in: first.newItemIds } }, select: { firstSeenAt: true, lastSeenAt: true, sourceId: true } });
    expect(rows.every((r) => r.firstSeenAt.getTime() === now.getTime() && r.lastSeenAt.getTime() === later.getTime() && r.sourceId === feed.id)).toBe(true);
  });

  it("recognises an item another source links with tracking parameters, another case of host, or a fragment", async () => {
    const seen = await store(tenders, [item(1, { link: "https://NEWS.example.com/odoo/1?utm_source=rss&fbclid=x#top", title: "A different headline about the same page entirely" })]);
    expect(seen).toMatchObject({ newItemIds: [], seenAgain: 1 });
  });

  it("recognises the same text at another address, and a near-identical title within 30 days", async () => {
    const sameText = await store(tenders, [item(2, { link: "https://mirror.example.org/a" })]);
    expect(sameText.newItemIds).toEqual([]);
    const retitled = await store(tenders, [item(3, { link: "https://mirror.example.org/b", title: `${item(3).title}!`, summary: "Rewritten by another site." })]);
    expect(retitled.newItemIds).toEqual([]);
    expect(await db.marketItem.count({ where: { canonicalUrl: { startsWith: "https://mirror.example.org/" } } })).toBe(0);
  });

  it("keeps apart titles that differ by a number, and near-identical titles seen more than 30 days apart", async () => {
    const otherNumber = await store(feed, [item(4, { link: "https://news.example.com/odoo/4b", title: item(1).title.replace("number 1", "number 9"), summary: null })]);
    expect(otherNumber.newItemIds).toHaveLength(1);
    const old = await store(feed, [item(5)], new Date(now.getTime() - 40 * DAY));
    expect(old.newItemIds).toHaveLength(1);
    const returning = await store(tenders, [item(5, { link: "https://elsewhere.example.net/5", title: `${item(5).title}.`, summary: "Told again weeks later." })]);
    expect(returning.newItemIds).toHaveLength(1);
  });

  it("stores one item when a page lists it twice, and skips items without a usable link or title", async () => {
    const twice = await store(feed, [item(6), item(6, { link: "https://news.example.com/odoo/6#again" }), item(7, { link: "javascript:alert(1)" }), item(8, { title: "   " })]);
    expect(twice).toMatchObject({ seenAgain: 0, skipped: 3 });
    expect(twice.newItemIds).toHaveLength(1);
  });

  it("matches the source's keywords (and their inflections) and competitors as whole words, and merges another source's matches", async () => {
    const source = { ...feed, keywords: ["ERP", "price increase", "migration"], competitors: ["Odoo", "Sage X3"] };
    const { newItemIds } = await store(source, [
      item(10, { title: "Interpreting the SAGE x3 roadmap: a cloud erp for distributors in Stockholm", summary: "Migrations are planned; Odoo-based shops watch." }),
    ]);
    const stored = await db.marketItem.findUniqueOrThrow({ where: { id: newItemIds[0] }, select: { matchedKeywords: true, matchedCompetitors: true } });
    // "Migrations" is the keyword "migration" inflected; the scraper matches as the router does.
    expect(stored).toEqual({ matchedKeywords: ["ERP", "migration"], matchedCompetitors: ["Odoo", "Sage X3"] });
    await store({ ...tenders, keywords: ["distributors", "ERP"], competitors: [] }, [item(10, { title: "Interpreting the SAGE x3 roadmap: a cloud erp for distributors in Stockholm", summary: "Migrations are planned; Odoo-based shops watch." })]);
    const merged = await db.marketItem.findUniqueOrThrow({ where: { id: newItemIds[0] }, select: { matchedKeywords: true, matchedCompetitors: true } });
    expect(merged).toEqual({ matchedKeywords: ["ERP", "migration", "distributors"], matchedCompetitors: ["Odoo", "Sage X3"] });
  });

  it("stores dates, the deadline, the value in minor units and the place, and the source's content type", async () => {
    const { newItemIds } = await store(tenders, [
      item(11, {
        title: "Supply and implementation of an ERP system for the City of Graz",
        link: "https://tenders.example.eu/notice/11",
        publishedAt: "2031-03-01T00:00:00.000Z",
        deadline: "2031-04-02T11:00:00.000Z",
        value: "EUR 1,250,000",
        valueAmount: { amountMinor: 125_000_000, currency: "eur" },
        location: "Graz, Austria",
        reference: "GRZ-2031-ERP-04",
      }),
      item(12, { link: "https://tenders.example.eu/notice/12", title: "Warehouse management for the logistics centre in Porto", publishedAt: "not a date", valueAmount: { amountMinor: 1.5, currency: "EUR" } }),
    ]);
    const rows = await db.marketItem.findMany({
      where: { id: { in: newItemIds } },
      select: { canonicalUrl: true, contentType: true, publishedAt: true, deadline: true, valueAmount: true, valueCurrency: true, location: true, reference: true, normalizedTitle: true, contentHash: true },
      orderBy: { canonicalUrl: "asc" },
    });
    expect(rows[0]).toMatchObject({
      canonicalUrl: "https://tenders.example.eu/notice/11",
      contentType: "TENDER",
      publishedAt: new Date("2031-03-01T00:00:00Z"),
      deadline: new Date("2031-04-02T11:00:00Z"),
      valueAmount: 125_000_000n,
      valueCurrency: "EUR",
      location: "Graz, Austria",
      reference: "GRZ-2031-ERP-04",
      normalizedTitle: "supply and implementation of an erp system for the city of graz",
    });
    expect(rows[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]).toMatchObject({ publishedAt: null, valueAmount: null, valueCurrency: null, reference: null });
  });
});
