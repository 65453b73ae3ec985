// Writes each open deal's win probability and reasons with the latest trained model, reading the
// partner's record as it stands now; and what the deal page says about the model's quality.
import type { PrismaClient } from "../../db/generated/client.ts";
import { loadDealFacts } from "./facts.ts";
import { snapshotDeal } from "./features.ts";
import { PartnerHistory } from "./history.ts";
import { WinModel } from "./model.ts";

const OPEN_STATUSES = new Set(["SUBMITTED", "APPROVED"]);

export type StoredWinModel = { id: string; trainedAt: Date; model: WinModel };

/** The most recently trained model that succeeded, or null before the first one. */
export async function latestWinModel(db: Pick<PrismaClient, "dealScoreModel">): Promise<StoredWinModel | null> {
  const row = await db.dealScoreModel.findFirst({
    where: { status: "SUCCEEDED" },
    orderBy: [{ trainedAt: "desc" }, { id: "desc" }],
    select: { id: true, trainedAt: true, model: true },
  });
  return row ? { id: row.id, trainedAt: row.trainedAt, model: WinModel.load(row.model) } : null;
}

export type ScoreResult = { modelId: string | null; scored: number };

/**
 * Scores the open deals (SUBMITTED, APPROVED) among `dealIds`, or every open deal; closed ones
 * are left as they are. Without a trained model nothing is scored. Idempotent for one model and moment.
 */
export async function scoreDeals(db: PrismaClient, { dealIds, now = new Date() }: { dealIds?: readonly string[]; now?: Date } = {}): Promise<ScoreResult> {
  const stored = await latestWinModel(db);
  if (!stored) return { modelId: null, scored: 0 };
  let partnerOrgIds: string[] | undefined;
  if (dealIds) {
    const targets = await db.deal.findMany({ where: { id: { in: [...dealIds] } }, select: { partnerOrgId: true } });
    partnerOrgIds = [...new Set(targets.map((t) => t.partnerOrgId))];
    if (partnerOrgIds.length === 0) return { modelId: stored.id, scored: 0 };
  }
  const deals = await loadDealFacts(db, { partnerOrgIds, segmentAsOf: now });
  const wanted = dealIds ? new Set(dealIds) : null;
  const history = new PartnerHistory(deals);
  const scores = deals
    .filter((d) => OPEN_STATUSES.has(d.status) && (wanted === null || wanted.has(d.id)))
    .map((d) => ({ id: d.id, ...stored.model.score(snapshotDeal(d, history, now)) }));
  if (scores.length === 0) return { modelId: stored.id, scored: 0 };
  // One statement; the status guard leaves a deal that closed meanwhile untouched.
  const scored = await db.$executeRaw`
    UPDATE deal d SET win_probability = s.p, win_reasons = s.r
    FROM unnest(${scores.map((s) => s.id)}::uuid[], ${scores.map((s) => s.probability)}::float8[], ${scores.map((s) => JSON.stringify(s.reasons))}::jsonb[]) AS s(id, p, r)
    WHERE d.id = s.id AND d.status IN ('SUBMITTED', 'APPROVED')`;
  return { modelId: stored.id, scored };
}

export type WinModelQuality = { trainedAt: string; auc: number | null; brier: number | null; nTest: number; holdoutFrom: string | null };

/** The latest successful model's holdout quality, for the deal page. */
export async function getWinModelQuality(db: Pick<PrismaClient, "dealScoreModel">): Promise<WinModelQuality | null> {
  const row = await db.dealScoreModel.findFirst({
    where: { status: "SUCCEEDED" },
    orderBy: [{ trainedAt: "desc" }, { id: "desc" }],
    select: { trainedAt: true, auc: true, brier: true, nTest: true, holdoutFrom: true },
  });
  return row
    ? { trainedAt: row.trainedAt.toISOString(), auc: row.auc, brier: row.brier, nTest: row.nTest ?? 0, holdoutFrom: row.holdoutFrom?.toISOString().slice(0, 10) ?? null }
    : null;
}

/** True until a model has been trained successfully (the worker then trains one at start-up). */
export async function winModelMissing(db: Pick<PrismaClient, "dealScoreModel">): Promise<boolean> {
  return (await db.dealScoreModel.findFirst({ where: { status: "SUCCEEDED" }, select: { id: true } })) === null;
}
