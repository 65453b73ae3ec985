// Test support for the alert pages: the `.data` request a browser sends on client-side navigation
// with the inbox and the detail page in the build, and demo alerts routed the way the job routes them.
import { db } from "../../models/db/client.ts";
import { createItem, createSource } from "../../models/market/alert-fixtures.ts";
import { routeNewItems } from "../../models/market/alerts.ts";
import { dataRequester } from "../../test/data-requests.ts";
import * as detailRoute from "./alert.tsx";
import * as listRoute from "./alerts.tsx";

export const ROUTE_IDS = { list: "routes/alerts", detail: "routes/alert" } as const;

export const pageData = dataRequester([
  { id: ROUTE_IDS.list, path: "alerts", module: listRoute },
  { id: ROUTE_IDS.detail, path: "alerts/:alertId", module: detailRoute },
]);

export type DemoAlerts = { tender: string; news: string; southTender: string };

/** A HIGH tender in Hamburg and competitor news in Stockholm for lead@example.com, a tender in Seville for the southern lead. */
export async function routeDemoAlerts(): Promise<DemoAlerts> {
  const tenders = await createSource(db);
  const news = await createSource(db, { name: "Competitor news", contentType: "COMPETITOR", regionCodes: [] });
  const ids = await Promise.all([
    createItem(db, tenders, { title: "ERP tender for a hospital in Hamburg", summary: "Finance and payroll for 3 clinics.", deadline: new Date(Date.now() + 4 * 86_400_000), url: "https://tenders.example.com/hh-42" }),
    createItem(db, news, { title: "Sage X3 opens an office in Stockholm", contentType: "COMPETITOR", url: "javascript:alert(1)" }),
    createItem(db, tenders, { title: "Payroll tender in Seville" }),
  ]);
  await routeNewItems(db, ids);
  const [lead, south] = await Promise.all(["lead@example.com", "marco.bianchi@example.com"].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })));
  const own = (itemId: string, userId: string) => db.alert.findFirstOrThrow({ where: { itemId, userId }, select: { id: true } }).then((a) => a.id);
  const [tender, newsAlert, southTender] = await Promise.all([own(ids[0], lead.id), own(ids[1], lead.id), own(ids[2], south.id)]);
  return { tender, news: newsAlert, southTender };
}
