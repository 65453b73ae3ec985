// Handler of the `score-deals` job: sent for each submitted deal (score it with the current
// model, training one first if none exists) and nightly (retrain on every closed deal, then
// rescore every open deal).
import { z } from "zod";
import { scoreDeals, winModelMissing } from "../models/deals/win-model/score.ts";
import { trainWinModel } from "../models/deals/win-model/train.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

/** `dealIds` scores those deals; `retrain` (or no data: the nightly cron) retrains and scores all open deals. */
export const scoreDealsPayload = z.strictObject({
  dealIds: z.array(z.guid()).min(1).max(1_000).optional(),
  retrain: z.boolean().optional(),
});

export const scoreDealsHandler: JobHandler = defineHandler(scoreDealsPayload, async ({ dealIds, retrain }, { db, log }) => {
  const full = retrain === true || dealIds === undefined;
  const trained = full || (await winModelMissing(db)) ? await trainWinModel(db) : null;
  if (trained && !trained.ok) log(`score-deals: no model trained: ${trained.error}`, "warn");
  const scored = await scoreDeals(db, { dealIds: full ? undefined : dealIds });
  return {
    ...scored,
    ...(trained ? { trained: trained.ok ? { auc: trained.auc, brier: trained.brier, nTrain: trained.nTrain, nTest: trained.nTest } : { error: trained.error } } : {}),
  };
});
