// Turning new market items into alerts: each item is routed (routing.ts) and every active regional
// lead who owns one of its regions gets one alert (unique per item and lead, so a retry or a second
// worker adds nothing), with its reasons, severity and — for tenders — the partners of the lead's
// matching regions best placed to bid. A HIGH alert also rings the lead's bell.
//
// An item that matches no region (its source names only regions the region table lacks) alerts
// nobody and is counted as unrouted. A source without regions is global: its items without a
// place name reach the leads of every region (routing.ts), so nothing from it is dropped silently.
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { notifyMany, type Notice } from "../notifications/notify.ts";
import { isUuid } from "../validation.ts";
import { type RecommendedPartner, tenderRecommender } from "./recommend.ts";
import { routeItem } from "./routing.ts";

export const RECOMMENDED_PARTNERS = 5;

export type RouteResult = { items: number; alerts: number; notifications: number; unrouted: number };

export type RouteOptions = { now?: Date; recommendLimit?: number };

const itemSelect = {
  id: true, title: true, summary: true, location: true, contentType: true, deadline: true,
  regionCodes: true, matchedKeywords: true, matchedCompetitors: true,
  source: { select: { name: true, regionCodes: true, keywords: true, competitors: true } },
} as const;

/** Items first seen since `since`: what a catch-up run routes again (already routed ones add nothing). */
export async function itemsSeenSince(db: Pick<PrismaClient, "marketItem">, since: Date): Promise<string[]> {
  const rows = await db.marketItem.findMany({ where: { firstSeenAt: { gte: since } }, select: { id: true }, orderBy: { firstSeenAt: "asc" } });
  return rows.map((r) => r.id);
}

/** Routes `itemIds` to the regional leads of their regions; safe to call again with the same ids. */
export async function routeNewItems(db: PrismaClient, itemIds: readonly string[], { now = new Date(), recommendLimit = RECOMMENDED_PARTNERS }: RouteOptions = {}): Promise<RouteResult> {
  const ids = [...new Set(itemIds.filter(isUuid))];
  if (ids.length === 0) return { items: 0, alerts: 0, notifications: 0, unrouted: 0 };
  const [items, regions, leads] = await Promise.all([
    db.marketItem.findMany({ where: { id: { in: ids } }, select: itemSelect, orderBy: { id: "asc" } }),
    db.region.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.user.findMany({
      where: { role: "REGIONAL_LEAD", disabledAt: null },
      select: { id: true, regions: { select: { regionCode: true } } },
      orderBy: { id: "asc" },
    }),
  ]);

  const rows: Prisma.AlertCreateManyInput[] = [];
  let unrouted = 0;
  // Recommendations depend only on the item and the regions asked for: compute each set once, with
  // what they share across items (candidates of a set of regions, products, segments) read once.
  const recommend = tenderRecommender(db, now);
  const recommendations = new Map<string, RecommendedPartner[]>();
  for (const item of items) {
    const routing = routeItem(item, item.source, { regions, now });
    const recipients = leads
      .map((lead) => ({ lead, matching: routing.regions.filter((code) => lead.regions.some((r) => r.regionCode === code)) }))
      .filter(({ matching }) => matching.length > 0);
    if (recipients.length === 0) {
      unrouted++;
      continue;
    }
    for (const { lead, matching } of recipients) {
      let recommended: RecommendedPartner[] = [];
      if (item.contentType === "TENDER") {
        const key = `${item.id}|${matching.join(",")}`;
        recommended = recommendations.get(key) ?? (await recommend(item, matching, recommendLimit));
        recommendations.set(key, recommended);
      }
      rows.push({
        itemId: item.id,
        userId: lead.id,
        regionCode: matching[0],
        relevance: routing.relevance,
        severity: routing.severity,
        reasons: routing.reasons,
        recommendedPartners: recommended,
      });
    }
  }
  if (rows.length === 0) return { items: items.length, alerts: 0, notifications: 0, unrouted };

  return db.$transaction(async (tx) => {
    const created = await tx.alert.createMany({ data: rows, skipDuplicates: true });
    // Read back every alert of these items (new or from an earlier try) so a retry still rings the bell once.
    const high = await tx.alert.findMany({
      where: { itemId: { in: items.map((i) => i.id) }, severity: "HIGH", readAt: null },
      select: { id: true, userId: true, item: { select: { title: true } } },
    });
    const notices: Notice[] = high.map((alert) => ({
      userIds: [alert.userId],
      kind: "market.alert",
      title: `High-priority market alert: ${alert.item.title}`,
      link: `/alerts/${alert.id}`,
      data: { alertId: alert.id },
      idempotencyKey: `market.alert:${alert.id}`,
      email: false,
    }));
    const notified = await notifyMany(tx, notices, { appUrl: null });
    return { items: items.length, alerts: created.count, notifications: notified.notifications, unrouted };
  });
}
