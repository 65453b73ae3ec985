// Test fixtures: segmentation runs and partner scores written the way the segmentation job
// documents them (segments JSON with centroids in original units, quality with churn AUC/Brier,
// reasons as { text, feature, direction, weight }), so the partner pages are testable on their own.
import type { PrismaClient } from "../db/generated/client.ts";
import type { RunStatus } from "../db/generated/enums.ts";

export const FIXTURE_FEATURES = ["revenue12m", "growth", "winRate", "logins90d"] as const;

export const FIXTURE_SEGMENTS = [
  { label: "Champions", description: "High revenue, growing, winning most deals", centroid: { revenue12m: 90_000_000, growth: 0.25, winRate: 0.7, logins90d: 40 } },
  { label: "Steady performers", description: "Solid revenue, flat growth", centroid: { revenue12m: 30_000_000, growth: 0.02, winRate: 0.5, logins90d: 20 } },
  { label: "Dormant", description: "Little revenue and rarely logs in", centroid: { revenue12m: 2_000_000, growth: -0.4, winRate: 0.2, logins90d: 2 } },
] as const;

export type FixtureScore = { partnerOrgId: string; segment: string; health: number | null; churn: number | null };

export type FixtureRun = { status?: RunStatus; finishedAt?: Date; scores: FixtureScore[]; auc?: number; brier?: number };

export const churnReasonText = (segment: string) => `Logins fell by half in 90 days (segment ${segment})`;

/** Inserts one run with its scores; returns the run id. */
export async function insertSegmentRun(db: PrismaClient, { status = "SUCCEEDED", finishedAt = new Date(), scores, auc = 0.81, brier = 0.12 }: FixtureRun): Promise<string> {
  const sizes = FIXTURE_SEGMENTS.map((s) => scores.filter((score) => score.segment === s.label).length);
  const run = await db.segmentRun.create({
    data: {
      status,
      startedAt: new Date(finishedAt.getTime() - 60_000),
      finishedAt: status === "RUNNING" ? null : finishedAt,
      k: FIXTURE_SEGMENTS.length,
      features: [...FIXTURE_FEATURES],
      silhouette: 0.42,
      sizes,
      centroids: FIXTURE_SEGMENTS.map((s) => FIXTURE_FEATURES.map((f) => s.centroid[f])),
      segments: FIXTURE_SEGMENTS.map((s, i) => ({ label: s.label, description: s.description, size: sizes[i], centroid: s.centroid })),
      quality: { silhouette: 0.42, churn: { auc, brier, holdout: "time-based" } },
    },
    select: { id: true },
  });
  await db.partnerScore.createMany({
    data: scores.map((score) => ({
      runId: run.id,
      partnerOrgId: score.partnerOrgId,
      segmentIndex: FIXTURE_SEGMENTS.findIndex((s) => s.label === score.segment),
      segmentLabel: score.segment,
      distance: 1.5,
      healthScore: score.health,
      healthReasons: [
        { text: "Won 7 of 10 deals in 12 months", feature: "winRate", direction: "up", weight: 0.4 },
        { text: "Revenue grew 25 % year over year", feature: "growth", direction: "up", weight: 0.3 },
      ],
      churnRisk: score.churn,
      churnReasons: [
        { text: churnReasonText(score.segment), feature: "logins90d", direction: "down", weight: 0.5 },
        { text: "No deal registered in 60 days", feature: "dealCount12m", direction: "down", weight: 0.2 },
      ],
    })),
  });
  return run.id;
}

/** Scores every partner organization round-robin over the fixture segments with spread health and churn. */
export async function scoreAllPartners(db: PrismaClient, run: Omit<FixtureRun, "scores"> = {}): Promise<{ runId: string; scores: FixtureScore[] }> {
  const orgs = await db.partnerOrg.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const scores = orgs.map((org, i) => ({
    partnerOrgId: org.id,
    segment: FIXTURE_SEGMENTS[i % FIXTURE_SEGMENTS.length].label,
    health: (i * 37) % 101,
    churn: ((i * 53) % 100) / 100,
  }));
  return { runId: await insertSegmentRun(db, { ...run, scores }), scores };
}
