// The route-alerts and alert-digest handlers on the demo database: the scrape job's payload routes
// its items (a retry adds nothing), an empty payload catches up on recent items, bad payloads are
// refused before anything runs, and the digest queue is scheduled hourly.
import { describe, expect, it } from "vitest";
import { db } from "../models/db/client.ts";
import { createItem, createSource } from "../models/market/alert-fixtures.ts";
import { alertDigestHandler } from "./alert-digest.ts";
import type { JobsLog } from "./handler.ts";
import { findQueue } from "./queues.ts";
import { routeAlertsHandler } from "./route-alerts.ts";

const lines: string[] = [];
const log: JobsLog = (message) => void lines.push(message);
const context = { db, log, jobId: "test" };

describe("route-alerts", () => {
  it("is the queue's handler, sent on events rather than scheduled", () => {
    expect(findQueue("route-alerts")).toMatchObject({ handler: routeAlertsHandler, cron: null });
  });

  it("routes the items the scrape job sends, idempotently", async () => {
    const sourceId = await createSource(db);
    const itemIds = await Promise.all([
      createItem(db, sourceId, { title: "ERP tender in Vienna" }),
      createItem(db, sourceId, { title: "MES tender in Turin" }),
    ]);
    expect(await routeAlertsHandler.run({ itemIds }, context)).toMatchObject({ items: 2, alerts: 2, unrouted: 0 });
    expect(await routeAlertsHandler.run({ itemIds }, context)).toMatchObject({ items: 2, alerts: 0 });
    expect(await db.alert.count({ where: { itemId: { in: itemIds } } })).toBe(2);
  });

  it("without ids, routes the items first seen recently (what a lost job would have done)", async () => {
    const sourceId = await createSource(db, { regionCodes: ["ATLANTIS"] });
    const itemId = await createItem(db, sourceId, { title: "ERP tender in Oslo" });
    const output = await routeAlertsHandler.run(null, context);
    expect(output).toMatchObject({ alerts: 1 });
    expect(await db.alert.count({ where: { itemId } })).toBe(1);
  });

  it("refuses a malformed payload before routing anything", async () => {
    const before = await db.alert.count();
    await expect(async () => routeAlertsHandler.run({ itemIds: ["not-a-uuid"] }, context)).rejects.toThrow();
    await expect(async () => routeAlertsHandler.run({ itemIds: [], extra: 1 }, context)).rejects.toThrow();
    expect(await db.alert.count()).toBe(before);
  });
});

describe("alert-digest", () => {
  it("is scheduled hourly and sends the due digests", async () => {
    expect(findQueue("alert-digest")).toMatchObject({ handler: alertDigestHandler, cron: "0 * * * *" });
    const output = await alertDigestHandler.run(null, context);
    expect(output).toMatchObject({ leads: 2 });
    expect(Number(output.sent) + Number(output.empty) + Number(output.notYet) + Number(output.alreadyDone)).toBe(2);
    const again = await alertDigestHandler.run({}, context);
    expect(again).toMatchObject({ sent: 0 });
  });
});
