// Handler of the `compute-incentives` job: sent on deal and sales changes for the partners
// concerned, and nightly for everyone; appends the ledger entries the programmes now owe.
import { z } from "zod";
import { accrueIncentives } from "../models/incentives/accrue.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

/** `partnerOrgIds` recomputes only those partners; without it, every partner (the nightly run). */
export const computeIncentivesPayload = z.strictObject({ partnerOrgIds: z.array(z.guid()).max(1_000).optional() });

export const computeIncentivesHandler: JobHandler = defineHandler(computeIncentivesPayload, async ({ partnerOrgIds }, { db }) => {
  return accrueIncentives(db, { partnerOrgIds });
});
