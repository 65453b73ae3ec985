// Handler of the nightly `segment-partners` job: k-means segments over the stored partner
// features, named and stable across runs, then health and churn scores (models/segments/run.ts).
import { z } from "zod";
import { runSegmentation } from "../models/segments/run.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

/** `asOf` (YYYY-MM-DD, UTC) segments that day's features (computing them if missing); without it, the newest. */
export const segmentPartnersPayload = z.strictObject({ asOf: z.iso.date().optional() });

export const segmentPartnersHandler: JobHandler = defineHandler(segmentPartnersPayload, async ({ asOf }, { db, log }) => {
  const summary = await runSegmentation(db, asOf ? { asOf: new Date(`${asOf}T00:00:00Z`) } : {});
  log(`segment-partners: ${summary.partners} partners in ${summary.k} segments (silhouette ${summary.silhouette.toFixed(3)})`);
  return summary;
});
