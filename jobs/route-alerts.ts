// Handler of the `route-alerts` job: the scrape job sends the ids of the items it stored; each is
// routed to the leads of its regions as an alert (models/market/alerts.ts). Without ids ("run now"
// on the admin page) it routes again the items first seen in the last `sinceHours` hours, which
// creates only the alerts a lost job would have.
import { z } from "zod";
import { itemsSeenSince, routeNewItems } from "../models/market/alerts.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

export const routeAlertsPayload = z.strictObject({
  itemIds: z.array(z.guid()).max(50_000).optional(),
  sinceHours: z.number().int().min(1).max(24 * 30).optional(),
});

export const routeAlertsHandler: JobHandler = defineHandler(routeAlertsPayload, async ({ itemIds, sinceHours = 24 }, { db, log }) => {
  const ids = itemIds ?? (await itemsSeenSince(db, new Date(Date.now() - sinceHours * 3_600_000)));
  const result = await routeNewItems(db, ids);
  if (result.unrouted > 0) log(`route-alerts: ${result.unrouted} of ${result.items} items match no lead's region`, "info");
  return result;
});
