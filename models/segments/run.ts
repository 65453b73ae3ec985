// One segmentation run over the stored partner features: a SegmentRun row (RUNNING → SUCCEEDED
// with k, silhouette, sizes, centroids and named segments, or FAILED with the error), one
// PartnerScore per partner with its segment and distance, then health and churn scores.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client.ts";
import { computePartnerFeatures, utcDay } from "../partners/features.ts";
import { K_RANGE } from "./choose-k.ts";
import { scorePartnerHealth } from "./health.ts";
import { DEFAULT_RESTARTS, DEFAULT_SEED } from "./kmeans.ts";
import { segmentPartners, type StoredSegment } from "./partner-segments.ts";
import { SEGMENT_FEATURES, type PartnerFeatureRow } from "./segment-features.ts";
import { SILHOUETTE_SAMPLE } from "./silhouette.ts";

export type SegmentRunSummary = {
  runId: string;
  /** The day of the features clustered (YYYY-MM-DD). */
  featuresAsOf: string;
  partners: number;
  k: number;
  silhouette: number;
  segments: { label: string; size: number }[];
};

/** A run still RUNNING after this long was abandoned by a crashed worker (the job expires after 30 minutes). */
const ABANDONED_AFTER_MS = 2 * 60 * 60 * 1000;
const INSERT_BATCH = 2_000;

/** The stored features of one day: `asOf`'s (computed when missing), else the newest (today's computed when none). */
async function loadFeatures(db: PrismaClient, asOf: Date | undefined): Promise<{ day: string; rows: PartnerFeatureRow[] }> {
  let day = asOf ? utcDay(asOf) : null;
  if (day === null) {
    const newest = await db.partnerFeatures.findFirst({ orderBy: { asOf: "desc" }, select: { asOf: true } });
    day = newest ? utcDay(newest.asOf) : null;
  }
  if (day === null || (await db.partnerFeatures.count({ where: { asOf: new Date(`${day}T00:00:00Z`) } })) === 0) {
    day = (await computePartnerFeatures(db, { asOf: day === null ? new Date() : new Date(`${day}T00:00:00Z`) })).asOf;
  }
  const stored = await db.partnerFeatures.findMany({
    where: { asOf: new Date(`${day}T00:00:00Z`) },
    orderBy: { partnerOrgId: "asc" },
    select: {
      partnerOrgId: true, revenue12m: true, revenuePrev12m: true, dealCount12m: true, wonCount12m: true, lostCount12m: true,
      logins90d: true, trainings12m: true, certifications12m: true, demos12m: true, productBreadth: true,
    },
  });
  return { day, rows: stored.map((r) => ({ ...r, revenue12m: Number(r.revenue12m), revenuePrev12m: Number(r.revenuePrev12m) })) };
}

const storedSegments = z.array(
  z.object({ label: z.string().min(1), centroid: z.object(Object.fromEntries(SEGMENT_FEATURES.map((f) => [f.key, z.number()]))) }),
);

/** The segments of the newest successful run, or none when there is none or it used other features. */
async function previousSegments(db: PrismaClient): Promise<{ runId: string | null; segments: StoredSegment[] }> {
  const run = await db.segmentRun.findFirst({ where: { status: "SUCCEEDED" }, orderBy: [{ finishedAt: "desc" }, { id: "desc" }], select: { id: true, segments: true } });
  const parsed = storedSegments.safeParse(run?.segments);
  return parsed.success && run ? { runId: run.id, segments: parsed.data as StoredSegment[] } : { runId: null, segments: [] };
}

/** Runs the segmentation and the health/churn step; throws (after marking the run FAILED) on error. */
export async function runSegmentation(db: PrismaClient, { asOf, seed = DEFAULT_SEED }: { asOf?: Date; seed?: number } = {}): Promise<SegmentRunSummary> {
  await db.segmentRun.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
    data: { status: "FAILED", finishedAt: new Date(), error: "Abandoned: the worker stopped before the run finished" },
  });
  const { day, rows } = await loadFeatures(db, asOf);
  const previous = await previousSegments(db);
  const params = { featuresAsOf: day, seed, restarts: DEFAULT_RESTARTS, kRange: K_RANGE, silhouetteSample: SILHOUETTE_SAMPLE, scaling: "log1p of money and counts, then median/IQR", previousRunId: previous.runId };
  const run = await db.segmentRun.create({ data: { params }, select: { id: true } });
  try {
    const result = segmentPartners(rows, previous.segments, { seed });
    const { clustering, segments } = result;
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < result.partners.length; i += INSERT_BATCH) {
          await tx.partnerScore.createMany({
            data: result.partners.slice(i, i + INSERT_BATCH).map((p) => ({
              runId: run.id, partnerOrgId: p.partnerOrgId, segmentIndex: p.segmentIndex, segmentLabel: segments[p.segmentIndex].label,
              distance: p.distance, features: p.values,
            })),
          });
        }
        await tx.segmentRun.update({
          where: { id: run.id },
          data: {
            status: "SUCCEEDED",
            finishedAt: new Date(),
            k: clustering.k,
            features: SEGMENT_FEATURES.map((f) => f.key),
            silhouette: clustering.silhouette,
            sizes: segments.map((s) => s.size),
            centroids: segments.map((s) => s.centroid),
            segments,
            quality: { silhouetteByK: clustering.tried, silhouetteSampled: rows.length > SILHOUETTE_SAMPLE },
            params: { ...params, median: result.median, winningSeed: clustering.seed },
          },
        });
      },
      { timeout: 120_000 },
    );
    await scorePartnerHealth(db, run.id, { asOf: asOf ?? new Date(`${day}T00:00:00Z`) });
    return { runId: run.id, featuresAsOf: day, partners: rows.length, k: clustering.k, silhouette: clustering.silhouette, segments: segments.map((s) => ({ label: s.label, size: s.size })) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.segmentRun.updateMany({ where: { id: run.id, status: "RUNNING" }, data: { status: "FAILED", finishedAt: new Date(), error: message } });
    throw error;
  }
}
