// The segment-partners handler on the seeded demo: it runs a segmentation and reports it, the
// queue's neverRun flips once a run succeeded, and a bad payload is refused before any run.
import { describe, expect, it } from "vitest";
import { db } from "../models/db/client.ts";
import type { JobsLog } from "./handler.ts";
import { findQueue } from "./queues.ts";
import { segmentPartnersHandler } from "./segment-partners.ts";

const lines: string[] = [];
const log: JobsLog = (message) => void lines.push(message);

describe("segment-partners", () => {
  it("segments the partners for a day and is scheduled once at start-up until a run succeeded", async () => {
    const queue = findQueue("segment-partners")!;
    expect(queue.handler).toBe(segmentPartnersHandler);
    expect(await queue.neverRun!(db)).toBe(true);

    const asOf = new Date().toISOString().slice(0, 10);
    const output = await segmentPartnersHandler.run({ asOf }, { db, log, jobId: "test" });
    expect(output).toMatchObject({ featuresAsOf: asOf, partners: await db.partnerOrg.count() });
    expect(output.k).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)).toMatch(/^segment-partners: \d+ partners in \d segments \(silhouette 0\.\d{3}\)$/);
    expect(await queue.neverRun!(db)).toBe(false);
  }, 120_000);

  it("refuses an invalid payload before running", async () => {
    const runs = await db.segmentRun.count();
    await expect(async () => segmentPartnersHandler.run({ asOf: "yesterday" }, { db, log, jobId: "test" })).rejects.toThrow(/asOf/);
    await expect(async () => segmentPartnersHandler.run({ k: 4 }, { db, log, jobId: "test" })).rejects.toThrow(/k/);
    expect(await db.segmentRun.count()).toBe(runs);
  });
});
