// One partner's segment, health and churn risk from the latest finished run, each with its reasons
// in words and the run's quality beside it, so nothing the models say is shown without how good
// they are.
import type { PrismaClient } from "../db/generated/client.ts";
import { type HealthBand, healthBandOf } from "./health-bands.ts";
import { latestSegmentRun, type ModelQuality, parseReasons, type ScoreReason, type SegmentRunSummary } from "./segment-runs.ts";

export type PartnerScoring = {
  run: { id: string; k: number; finishedAt: string; quality: ModelQuality };
  segment: { label: string; description: string; size: number } | null;
  health: { score: number; band: HealthBand; reasons: ScoreReason[] } | null;
  churn: { risk: number; reasons: ScoreReason[] } | null;
};

/** The partner's scores in `run` (null when the run did not score them). */
async function scoringIn(db: Pick<PrismaClient, "partnerScore">, run: SegmentRunSummary, partnerOrgId: string): Promise<PartnerScoring> {
  const score = await db.partnerScore.findUnique({
    where: { runId_partnerOrgId: { runId: run.id, partnerOrgId } },
    select: { segmentLabel: true, healthScore: true, healthReasons: true, churnRisk: true, churnReasons: true },
  });
  const segment = score ? run.segments.find((s) => s.label === score.segmentLabel) : undefined;
  return {
    run: { id: run.id, k: run.k, finishedAt: run.finishedAt, quality: run.quality },
    segment: score ? { label: score.segmentLabel, description: segment?.description ?? "", size: segment?.size ?? 0 } : null,
    health:
      score?.healthScore === null || score?.healthScore === undefined
        ? null
        : { score: score.healthScore, band: healthBandOf(score.healthScore), reasons: parseReasons(score.healthReasons) },
    churn:
      score?.churnRisk === null || score?.churnRisk === undefined ? null : { risk: score.churnRisk, reasons: parseReasons(score.churnReasons) },
  };
}

/** The partner's scores in the latest finished run, or null before the first run. */
export async function latestScoring(db: Pick<PrismaClient, "partnerScore" | "segmentRun">, partnerOrgId: string): Promise<PartnerScoring | null> {
  const run = await latestSegmentRun(db);
  return run ? scoringIn(db, run, partnerOrgId) : null;
}
