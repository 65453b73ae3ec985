// Trains the win model on closed deals (WON = 1, LOST = 0), each seen as of its submission:
// first on the older ~80 % by close date to measure AUC and Brier on the newest ~20 %, then on
// all of them for the model that scores open deals. Every run is stored, failed ones with why.
import type { Prisma, PrismaClient } from "../../db/generated/client.ts";
import { loadDealFacts, type DealFacts } from "./facts.ts";
import { buildVocabulary, snapshotDeal, TOP_INDUSTRIES, WIN_RATE_PRIOR } from "./features.ts";
import { HISTORY_WINDOW, PartnerHistory } from "./history.ts";
import { brierScore, rocAuc } from "../../ml/metrics.ts";
import { WinModel } from "./model.ts";

/** Share of closed deals, the most recently closed, held out to measure the model. */
export const HOLDOUT_SHARE = 0.2;
/** Fewer closed deals than this (or no win or no loss among them) is too little to learn from. */
export const MIN_CLOSED_DEALS = 40;
export const L2 = 0.01;

export type WinModelFit = {
  model: WinModel;
  auc: number | null;
  brier: number | null;
  /** Brier of always forecasting the training base rate: the bar the model has to beat. */
  baselineBrier: number | null;
  baseRate: number;
  nTrain: number;
  nTest: number;
  /** Close date (UTC day) of the first held-out deal. */
  holdoutFrom: Date;
};

export class NotEnoughDealsError extends Error {}

/** Fits and evaluates on the deals closed before `asOf`. Pure: no database. */
export function fitWinModel(deals: readonly DealFacts[], asOf: Date): WinModelFit {
  const closed = deals
    .filter((d) => (d.status === "WON" || d.status === "LOST") && d.closedAt !== null && d.closedAt < asOf)
    .sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime() || a.id.localeCompare(b.id));
  const labels = closed.map((d): number => (d.status === "WON" ? 1 : 0));
  const wins = labels.reduce((s, y) => s + y, 0);
  if (closed.length < MIN_CLOSED_DEALS || wins === 0 || wins === closed.length) {
    throw new NotEnoughDealsError(`need at least ${MIN_CLOSED_DEALS} closed deals with both wins and losses; found ${closed.length} (${wins} won)`);
  }
  const history = new PartnerHistory(deals);
  const snapshots = closed.map((d) => snapshotDeal(d, history, d.submittedAt));

  const cut = Math.round(closed.length * (1 - HOLDOUT_SHARE));
  const [trainS, testS] = [snapshots.slice(0, cut), snapshots.slice(cut)];
  const [trainY, testY] = [labels.slice(0, cut), labels.slice(cut)];
  const trainVocabulary = buildVocabulary(trainS, trainY);
  const holdoutModel = WinModel.fit(trainS, trainY, trainVocabulary, L2);
  const predicted = testS.map((s) => holdoutModel.probability(s));

  const model = WinModel.fit(snapshots, labels, buildVocabulary(snapshots, labels), L2);
  const closedAt = closed[cut].closedAt!;
  return {
    model,
    auc: rocAuc(predicted, testY),
    brier: brierScore(predicted, testY),
    baselineBrier: brierScore(testY.map(() => trainVocabulary.baseRate), testY),
    baseRate: wins / closed.length,
    nTrain: trainS.length,
    nTest: testS.length,
    holdoutFrom: new Date(Date.UTC(closedAt.getUTCFullYear(), closedAt.getUTCMonth(), closedAt.getUTCDate())),
  };
}

export type TrainResult =
  | { ok: true; modelId: string; auc: number | null; brier: number | null; baselineBrier: number | null; nTrain: number; nTest: number }
  | { ok: false; modelId: string; error: string };

/** Trains on the database's closed deals (those closed before `asOf`, default now) and stores the run. */
export async function trainWinModel(db: PrismaClient, { asOf = new Date() }: { asOf?: Date } = {}): Promise<TrainResult> {
  const params = { l2: L2, holdoutShare: HOLDOUT_SHARE, historyWindow: HISTORY_WINDOW, winRatePrior: WIN_RATE_PRIOR, topIndustries: TOP_INDUSTRIES, asOf: asOf.toISOString() };
  let fit: WinModelFit;
  try {
    fit = fitWinModel(await loadDealFacts(db), asOf);
  } catch (error) {
    if (!(error instanceof NotEnoughDealsError)) throw error;
    const row = await db.dealScoreModel.create({ data: { trainedAt: asOf, status: "FAILED", params, error: error.message }, select: { id: true } });
    return { ok: false, modelId: row.id, error: error.message };
  }
  const row = await db.dealScoreModel.create({
    data: {
      trainedAt: asOf,
      status: "SUCCEEDED",
      features: [...fit.model.logistic.featureNames],
      model: fit.model.toJSON() as unknown as Prisma.InputJsonValue,
      auc: fit.auc,
      brier: fit.brier,
      baseRate: fit.baseRate,
      nTrain: fit.nTrain,
      nTest: fit.nTest,
      holdoutFrom: fit.holdoutFrom,
      params: { ...params, baselineBrier: fit.baselineBrier },
    },
    select: { id: true },
  });
  return { ok: true, modelId: row.id, auc: fit.auc, brier: fit.brier, baselineBrier: fit.baselineBrier, nTrain: fit.nTrain, nTest: fit.nTest };
}
