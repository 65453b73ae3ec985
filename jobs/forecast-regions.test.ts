// The forecast-regions handler on the seeded demo: it runs a forecast and reports it, the queue's
// neverRun flips once a run succeeded, and a bad payload is refused before any run.
import { describe, expect, it } from "vitest";
import { db } from "../models/db/client.ts";
import { forecastRegionsHandler } from "./forecast-regions.ts";
import type { JobsLog } from "./handler.ts";
import { findQueue } from "./queues.ts";

const lines: string[] = [];
const log: JobsLog = (message) => void lines.push(message);

describe("forecast-regions", () => {
  it("forecasts every region from a day's month and is run once at start-up until a run succeeded", async () => {
    const queue = findQueue("forecast-regions")!;
    expect(queue.handler).toBe(forecastRegionsHandler);
    expect(await queue.neverRun!(db)).toBe(true);

    const asOf = new Date().toISOString().slice(0, 10);
    const output = await forecastRegionsHandler.run({ asOf, horizon: 6 }, { db, log, jobId: "test" });
    expect(output).toMatchObject({ asOf, firstMonth: asOf.slice(0, 7), horizon: 6 });
    expect(output.regions).toHaveLength(await db.region.count());
    const rows = await db.regionForecast.count({ where: { runId: String(output.runId), regionCode: "DACH", productLine: "" } });
    expect(rows).toBe(6);
    expect(lines.at(-1)).toMatch(/^forecast-regions: 6 regions, \d+ series from \d{4}-\d{2} \(6 months\), \d+ skipped/);
    expect(await queue.neverRun!(db)).toBe(false);

    // A cron job carries no data: the defaults (today, 12 months).
    const nightly = await forecastRegionsHandler.run(null, { db, log, jobId: "cron" });
    expect(nightly).toMatchObject({ horizon: 12, firstMonth: new Date().toISOString().slice(0, 7) });
  }, 120_000);

  it("refuses an invalid payload before running", async () => {
    const runs = await db.forecastRun.count();
    await expect(async () => forecastRegionsHandler.run({ asOf: "yesterday" }, { db, log, jobId: "test" })).rejects.toThrow(/asOf/);
    await expect(async () => forecastRegionsHandler.run({ horizon: 0 }, { db, log, jobId: "test" })).rejects.toThrow(/horizon/);
    await expect(async () => forecastRegionsHandler.run({ horizon: 12, regions: ["DACH"] }, { db, log, jobId: "test" })).rejects.toThrow(/regions/);
    expect(await db.forecastRun.count()).toBe(runs);
  });
});
