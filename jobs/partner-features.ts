// Handler of the nightly `partner-features` job: one feature row per partner org for a day.
import { z } from "zod";
import { computePartnerFeatures } from "../models/partners/features.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

/** `asOf` (YYYY-MM-DD, UTC) recomputes a past day; without it, today. */
export const partnerFeaturesPayload = z.strictObject({ asOf: z.iso.date().optional() });

export const partnerFeaturesHandler: JobHandler = defineHandler(partnerFeaturesPayload, async ({ asOf }, { db }) => {
  return computePartnerFeatures(db, asOf ? { asOf: new Date(`${asOf}T00:00:00Z`) } : {});
});
