// Partner health (0–100) and churn risk for one segment run. The churn model is an L2 logistic
// regression trained on the history itself: monthly snapshots over the last two years, each
// labelled by what the partner did in the two quarters after it (became inactive, or lost more
// than half its revenue). The newest labelled snapshot is held out for AUC and Brier; then the
// model is refitted on every snapshot and scores each partner as of now. Health blends the
// risk with engagement and revenue momentum (formula in health-score.ts).
// The split is by time but not purged: the label windows of the last training snapshots overlap
// the held-out one's, so the held-out AUC is somewhat optimistic. A purge (training labels all
// known by the held-out day) would leave a young history, such as the demo's year-old fades,
// with almost no churn examples to learn from.
import type { PrismaClient } from "../db/generated/client.ts";
import { partnerFeaturesAsOf, utcDay } from "../partners/features.ts";
import { partnerWindows } from "./churn-history.ts";
import { churnedAfter, churnVector, isActiveAt, labelledSnapshots, type ChurnObservation } from "./churn-features.ts";
import { contributions, fitLogistic, predictProbability, type LogisticModel } from "./churn-logistic.ts";
import { brierScore, rocAuc } from "../ml/metrics.ts";
import { churnReasons, type Reason } from "./churn-reasons.ts";
import { engagementScores, healthReasons, healthScore, momentumOf, type HealthReason } from "./health-score.ts";

/** Two years of monthly snapshots. */
const SNAPSHOTS = 24;
/** Fewer examples of either class than this and a fit says more about noise than churn. */
const MIN_PER_CLASS = 5;
const L2 = 1;

export type ChurnQuality = {
  auc: number | null;
  brier: number | null;
  /** Churn share among the training rows, and the Brier score of always predicting it. */
  baseRate: number | null;
  baseRateBrier: number | null;
  trainedOn: number;
  heldOut: number;
  /** The held-out snapshot and the end of its label window (YYYY-MM-DD). */
  heldOutPeriod: { snapshot: string; until: string } | null;
  /** Labelled partner snapshots the final model was fitted on. */
  fittedOn: number;
  note: string | null;
};

export type HealthRunResult = { partners: number; auc: number | null; brier: number | null; trainedOn: number; heldOut: number };

type Labelled = ChurnObservation & { churned: boolean };

/** Every partner's observation at each day; with `activeOnly`, only partners that did business. */
async function observe(db: PrismaClient, days: readonly Date[], activeOnly: boolean): Promise<ChurnObservation[]> {
  const windows = await partnerWindows(db, days);
  const byKey = new Map(windows.map((w) => [`${w.asOf}|${w.partnerOrgId}`, w]));
  const observations: ChurnObservation[] = [];
  for (const day of days) {
    for (const features of await partnerFeaturesAsOf(db, { asOf: day })) {
      const w = byKey.get(`${features.asOf}|${features.partnerOrgId}`);
      if (!w || (activeOnly && !isActiveAt(w))) continue;
      observations.push({ partnerOrgId: features.partnerOrgId, asOf: features.asOf, features, windows: w, vector: churnVector(features, w) });
    }
  }
  return observations;
}

const countChurned = (rows: readonly Labelled[]) => rows.filter((r) => r.churned).length;
const enoughOfEach = (rows: readonly Labelled[]) =>
  countChurned(rows) >= MIN_PER_CLASS && rows.length - countChurned(rows) >= MIN_PER_CLASS;
const fit = (rows: readonly Labelled[]) => fitLogistic(rows.map((r) => r.vector), rows.map((r) => r.churned), { l2: L2 });

/** Time-based evaluation: fit on the older snapshots, measure on the newest labelled one. */
function evaluateChurnModel(labelled: readonly Labelled[]): Omit<ChurnQuality, "fittedOn"> {
  const days = [...new Set(labelled.map((r) => r.asOf))].sort();
  const heldOutDay = days.at(-1);
  const empty = { auc: null, brier: null, baseRate: null, baseRateBrier: null, trainedOn: 0, heldOut: 0, heldOutPeriod: null };
  if (days.length < 2 || heldOutDay === undefined) {
    return { ...empty, note: "Not enough history: churn needs partner activity at least two snapshots before the last six months." };
  }
  const train = labelled.filter((r) => r.asOf < heldOutDay);
  const test = labelled.filter((r) => r.asOf === heldOutDay);
  const until = new Date(`${heldOutDay}T00:00:00Z`);
  until.setUTCMonth(until.getUTCMonth() + 6);
  const sized = { ...empty, trainedOn: train.length, heldOut: test.length, heldOutPeriod: { snapshot: heldOutDay, until: utcDay(until) } };
  if (!enoughOfEach(train)) {
    return { ...sized, note: `Too few churned and retained partners before ${heldOutDay} to train on (${countChurned(train)} churned of ${train.length}).` };
  }
  const model = fit(train);
  const labels = test.map((r) => r.churned);
  const probabilities = test.map((r) => predictProbability(model, r.vector));
  const baseRate = countChurned(train) / train.length;
  const auc = rocAuc(probabilities, labels);
  return {
    ...sized,
    auc,
    brier: brierScore(probabilities, labels),
    baseRate,
    baseRateBrier: brierScore(test.map(() => baseRate), labels),
    note: auc === null ? `The held-out snapshot ${heldOutDay} has only one outcome, so AUC is undefined.` : null,
  };
}

type Scored = { partnerOrgId: string; healthScore: number; healthReasons: HealthReason[]; churnRisk: number; churnReasons: Reason[] };

/** Risk, health and reasons for each partner observed now, under `model` (null: too little data). */
function scoreObservations(current: readonly ChurnObservation[], model: LogisticModel | null, fallbackRisk: number): Scored[] {
  const engagement = engagementScores(current);
  return current.map((o, i) => {
    const push = model ? contributions(model, o.vector) : o.vector.map(() => 0);
    const active = isActiveAt(o.windows);
    const churnRisk = !active ? 1 : model ? predictProbability(model, o.vector) : fallbackRisk;
    const reasons: Reason[] = active
      ? churnReasons(o, push)
      : [{ text: "Already inactive: no sale and no won deal in the last 6 months", feature: "revenue", direction: "up", weight: 0 }];
    return {
      partnerOrgId: o.partnerOrgId,
      churnRisk: Math.round(churnRisk * 10_000) / 10_000,
      churnReasons: reasons,
      healthScore: healthScore(churnRisk, engagement[i], momentumOf(o)),
      healthReasons: healthReasons(o, push, churnRisk, engagement[i]),
    };
  });
}

/**
 * Fills health and churn for every PartnerScore row of the run and merges the churn model's
 * quality into SegmentRun.quality under `churn`. Never throws for a small or young database:
 * AUC and Brier are then null and the note says why.
 */
export async function scorePartnerHealth(
  db: PrismaClient,
  runId: string,
  { asOf = new Date() }: { asOf?: Date } = {},
): Promise<HealthRunResult> {
  const labelled: Labelled[] = (await observe(db, labelledSnapshots(asOf, SNAPSHOTS), true)).map((o) => ({
    ...o,
    churned: churnedAfter(o.windows),
  }));
  labelled.sort((a, b) => a.asOf.localeCompare(b.asOf) || a.partnerOrgId.localeCompare(b.partnerOrgId));
  const evaluation = evaluateChurnModel(labelled);
  const model = enoughOfEach(labelled) ? fit(labelled) : null;
  const fallbackRisk = (countChurned(labelled) + 1) / (labelled.length + 2);
  const quality: ChurnQuality = {
    ...evaluation,
    fittedOn: model ? labelled.length : 0,
    note: model ? evaluation.note : `Too little churn history to fit a model: every active partner gets the smoothed base rate ${Math.round(fallbackRisk * 100)} %.`,
  };

  const rows = await db.partnerScore.findMany({ where: { runId }, select: { partnerOrgId: true } });
  const inRun = new Set(rows.map((r) => r.partnerOrgId));
  const current = (await observe(db, [asOf], false)).filter((o) => inRun.has(o.partnerOrgId));
  const scored = scoreObservations(current, model, fallbackRisk);
  await db.$transaction([
    db.$executeRaw`
      UPDATE partner_score ps SET
        health_score = s.health_score,
        health_reasons = s.health_reasons,
        churn_risk = s.churn_risk,
        churn_reasons = s.churn_reasons
      FROM (
        SELECT * FROM unnest(
          ${scored.map((s) => s.partnerOrgId)}::uuid[],
          ${scored.map((s) => s.healthScore)}::double precision[],
          ${scored.map((s) => JSON.stringify(s.healthReasons))}::jsonb[],
          ${scored.map((s) => s.churnRisk)}::double precision[],
          ${scored.map((s) => JSON.stringify(s.churnReasons))}::jsonb[]
        ) AS t(partner_org_id, health_score, health_reasons, churn_risk, churn_reasons)
      ) s
      WHERE ps.run_id = ${runId}::uuid AND ps.partner_org_id = s.partner_org_id`,
    db.$executeRaw`
      UPDATE segment_run
      SET quality = COALESCE(quality, '{}'::jsonb) || jsonb_build_object('churn', ${JSON.stringify(quality)}::jsonb)
      WHERE id = ${runId}::uuid`,
  ]);
  return { partners: scored.length, auc: quality.auc, brier: quality.brier, trainedOn: quality.trainedOn, heldOut: quality.heldOut };
}
