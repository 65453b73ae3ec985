// The latest finished segmentation run as the partner pages read it: segments with their
// descriptions and centroids, and the models' quality (silhouette, churn AUC and Brier). The run's
// JSON columns are written by the segmentation job; they are parsed leniently here so a field the
// job adds later never breaks a page, and a malformed one shows as missing rather than as a 500.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client.ts";

export type ScoreReason = { text: string; feature: string | null; direction: string | null; weight: number | null };

export type SegmentSummary = {
  label: string;
  description: string;
  size: number;
  /** Feature name → centroid value in the feature's own units. */
  centroid: Record<string, number>;
};

export type ModelQuality = {
  silhouette: number | null;
  churnAuc: number | null;
  churnBrier: number | null;
  /** What the churn step said about its model (e.g. too little history to fit one). */
  churnNote: string | null;
};

export type SegmentRunSummary = {
  id: string;
  k: number;
  silhouette: number | null;
  startedAt: string;
  finishedAt: string;
  features: string[];
  segments: SegmentSummary[];
  quality: ModelQuality;
  /** The run's quality JSON as the job stored it (for the API). */
  qualityDetail: Record<string, unknown>;
};

const finite = z.number().finite();

const reasonSchema = z.union([
  z.string().min(1).transform((text) => ({ text, feature: null, direction: null, weight: null })),
  z.object({
    text: z.string().min(1),
    feature: z.string().nullish().transform((v) => v ?? null),
    direction: z.string().nullish().transform((v) => v ?? null),
    weight: finite.nullish().transform((v) => v ?? null),
  }),
]);

/** A reasons column (JSON array) as reasons; entries that are not reasons are left out. */
export function parseReasons(value: unknown): ScoreReason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = reasonSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const centroidSchema = z.union([z.array(finite), z.record(z.string(), finite)]);
const segmentSchema = z.object({
  label: z.string().min(1),
  description: z.string().nullish(),
  size: z.number().int().nonnegative().nullish(),
  centroid: centroidSchema.nullish(),
});

/** A centroid stored as an array (in the run's feature order) or as an object, as an object. */
function centroidRecord(centroid: z.infer<typeof centroidSchema> | null | undefined, features: readonly string[]): Record<string, number> {
  if (!centroid) return {};
  if (!Array.isArray(centroid)) return centroid;
  return Object.fromEntries(features.slice(0, centroid.length).map((feature, i) => [feature, centroid[i]]));
}

/** The run's `segments` JSON as segment summaries, in stored order. */
export function parseSegments(value: unknown, features: readonly string[]): SegmentSummary[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = segmentSchema.safeParse(item);
    if (!parsed.success) return [];
    const { label, description, size, centroid } = parsed.data;
    return [{ label, description: description ?? "", size: size ?? 0, centroid: centroidRecord(centroid, features) }];
  });
}

const qualitySchema = z.object({
  silhouette: finite.nullish(),
  churn: z.object({ auc: finite.nullish(), brier: finite.nullish(), note: z.string().nullish().catch(null) }).nullish().catch(null),
});

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The quality JSON's headline numbers; the run's own silhouette column wins over the JSON's. */
export function parseQuality(value: unknown, silhouette: number | null): ModelQuality {
  const parsed = qualitySchema.safeParse(asRecord(value));
  const quality = parsed.success ? parsed.data : { silhouette: null, churn: null };
  return {
    silhouette: silhouette ?? quality.silhouette ?? null,
    churnAuc: quality.churn?.auc ?? null,
    churnBrier: quality.churn?.brier ?? null,
    churnNote: quality.churn?.note ?? null,
  };
}

const runSelect = {
  id: true, k: true, silhouette: true, startedAt: true, finishedAt: true, features: true, segments: true, quality: true,
} as const;

/** The newest SUCCEEDED run with its segments and quality, or null before the first one. */
export async function latestSegmentRun(db: Pick<PrismaClient, "segmentRun">): Promise<SegmentRunSummary | null> {
  const run = await db.segmentRun.findFirst({
    where: { status: "SUCCEEDED", finishedAt: { not: null } },
    orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
    select: runSelect,
  });
  if (!run || !run.finishedAt) return null;
  const segments = parseSegments(run.segments, run.features);
  return {
    id: run.id,
    k: run.k ?? segments.length,
    silhouette: run.silhouette,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    features: run.features,
    segments,
    quality: parseQuality(run.quality, run.silhouette),
    qualityDetail: asRecord(run.quality),
  };
}
