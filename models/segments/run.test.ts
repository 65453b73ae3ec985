// runSegmentation on the seeded demo: the segments find the behaviours planted in the demo
// (models/seed/archetypes.ts), everything is stored, labels hold across runs, and a run that
// cannot cluster is marked FAILED with its error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { demoArchetypeOf, type DemoArchetype } from "../seed/demo.ts";
import { adjustedRandIndex } from "./adjusted-rand.ts";
import { seededRandom } from "../ml/random.ts";
import { runSegmentation, type SegmentRunSummary } from "./run.ts";

type Scored = { partnerOrgId: string; segmentLabel: string; segmentIndex: number; archetype: DemoArchetype };

async function scoresOf(runId: string): Promise<Scored[]> {
  const rows = await db.partnerScore.findMany({
    where: { runId },
    select: { partnerOrgId: true, segmentLabel: true, segmentIndex: true, partnerOrg: { select: { name: true } } },
    orderBy: { partnerOrgId: "asc" },
  });
  return rows.map((r) => ({ ...r, archetype: demoArchetypeOf(r.partnerOrg.name)! }));
}

/** The segment most of an archetype's partners fall in, and that share. */
function majority(scores: readonly Scored[], archetype: DemoArchetype): { label: string; share: number } {
  const mine = scores.filter((s) => s.archetype === archetype);
  const counts = new Map<string, number>();
  for (const s of mine) counts.set(s.segmentLabel, (counts.get(s.segmentLabel) ?? 0) + 1);
  const [label, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return { label, share: count / mine.length };
}

/** Share of partners whose segment's majority archetype is their own. */
function purity(scores: readonly Scored[]): number {
  const counts = new Map<string, Map<DemoArchetype, number>>();
  for (const s of scores) {
    const segment = counts.get(s.segmentLabel) ?? new Map<DemoArchetype, number>();
    segment.set(s.archetype, (segment.get(s.archetype) ?? 0) + 1);
    counts.set(s.segmentLabel, segment);
  }
  return [...counts.values()].reduce((pure, segment) => pure + Math.max(...segment.values()), 0) / scores.length;
}

let first: SegmentRunSummary;
let scores: Scored[];

beforeAll(async () => {
  first = await runSegmentation(db);
  scores = await scoresOf(first.runId);
}, 120_000);

describe("runSegmentation on the demo", () => {
  it("finds the planted behaviours, far better than arbitrary segments would", async () => {
    expect(scores.every((s) => s.archetype !== undefined)).toBe(true);
    const truth = scores.map((s) => s.archetype);
    const found = scores.map((s) => s.segmentLabel);
    const ari = adjustedRandIndex(truth, found);
    // The same segment sizes handed out at random: what arbitrary segments would score.
    const random = seededRandom(11);
    const shuffled = [...found].sort(() => random() - 0.5);
    console.log(`demo segments: k ${first.k}, silhouette ${first.silhouette.toFixed(3)}, ARI vs archetypes ${ari.toFixed(3)}, purity ${purity(scores).toFixed(3)} (shuffled: ARI ${adjustedRandIndex(truth, shuffled).toFixed(3)}, purity ${purity(scores.map((s, i) => ({ ...s, segmentLabel: shuffled[i] }))).toFixed(3)})`);
    const run = await db.segmentRun.findUniqueOrThrow({ where: { id: first.runId }, select: { segments: true } });
    for (const s of run.segments as { label: string; size: number; description: string }[]) console.log(`  ${s.label} (${s.size}): ${s.description}`);
    for (const archetype of ["champion", "steady", "opportunistic", "declining", "rising", "prospect"] as const) console.log(`  ${archetype}: ${JSON.stringify(majority(scores, archetype))}`);
    expect(ari).toBeGreaterThan(0.7);
    expect(purity(scores)).toBeGreaterThan(0.85);
    expect(adjustedRandIndex(truth, shuffled)).toBeLessThan(0.1);

    const declining = majority(scores, "declining");
    const champion = majority(scores, "champion");
    expect(declining.share).toBeGreaterThanOrEqual(0.7);
    expect(champion.share).toBeGreaterThanOrEqual(0.7);
    expect(declining.label).not.toBe(champion.label);
    expect(majority(scores, "opportunistic").label).not.toBe(champion.label);
    // And the names read what the centroids show.
    expect(champion.label).toBe("Strategic champion");
    expect(declining.label).toBe("Dormant — at risk");
    expect(majority(scores, "rising").label).toBe("High-potential growth");
    expect(majority(scores, "steady").label).toBe("Steady contributor");
  });

  it("stores k, silhouette, sizes, centroids in original units and every partner's segment with its distance", async () => {
    const run = await db.segmentRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", k: first.k, error: null });
    expect(run.k).toBeGreaterThanOrEqual(3);
    expect(run.k).toBeLessThanOrEqual(8);
    expect(run.silhouette).toBeGreaterThan(0.2);
    expect(run.features).toEqual(["revenue", "growth", "winRate", "deals", "logins", "enablement", "demos", "breadth"]);
    const partners = await db.partnerOrg.count();
    expect(scores).toHaveLength(partners);
    const sizes = run.sizes as number[];
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(partners);
    const segments = run.segments as { index: number; label: string; description: string; size: number; centroid: Record<string, number> }[];
    expect(segments).toHaveLength(run.k!);
    expect(new Set(segments.map((s) => s.label)).size).toBe(run.k);
    expect(segments.map((s) => s.size)).toEqual(sizes);
    expect(run.centroids).toEqual(segments.map((s) => s.centroid));
    // Original units: revenue in cents (a typical demo partner sells hundreds of thousands a year), rates as fractions.
    expect(Math.max(...segments.map((s) => s.centroid.revenue))).toBeGreaterThan(50_000_000);
    expect(segments.every((s) => s.centroid.winRate > 0 && s.centroid.winRate < 1 && s.description.length > 10)).toBe(true);
    const quality = run.quality as { silhouetteByK: { k: number; silhouette: number }[] };
    expect(quality.silhouetteByK.map((t) => t.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(Math.max(...quality.silhouetteByK.map((t) => t.silhouette))).toBeCloseTo(run.silhouette!, 12);
    for (const s of scores) expect(segments[s.segmentIndex].label).toBe(s.segmentLabel);
    const rows = await db.partnerScore.findMany({ where: { runId: first.runId }, select: { distance: true, features: true, healthScore: true } });
    expect(rows.every((r) => r.distance >= 0 && typeof (r.features as Record<string, number>).revenue === "number")).toBe(true);
    expect(rows.filter((r) => r.healthScore !== null)).toHaveLength(rows.length);
  });

  it("keeps every partner's label on a second run over the same data, and nearly all with other restarts", async () => {
    const second = await runSegmentation(db);
    expect((await scoresOf(second.runId)).map((s) => s.segmentLabel)).toEqual(scores.map((s) => s.segmentLabel));
    const run = await db.segmentRun.findUniqueOrThrow({ where: { id: second.runId }, select: { segments: true, params: true } });
    expect((run.segments as { kept: boolean }[]).every((s) => s.kept)).toBe(true);
    expect(run.params).toMatchObject({ previousRunId: first.runId });

    // Other restart seeds may settle a borderline partner or two elsewhere, but every segment keeps its name.
    const reseeded = await runSegmentation(db, { seed: 1234 });
    const again = await scoresOf(reseeded.runId);
    const same = again.filter((s, i) => s.segmentLabel === scores[i].segmentLabel).length;
    expect(same / scores.length).toBeGreaterThanOrEqual(0.97);
    expect(new Set(again.map((s) => s.segmentLabel))).toEqual(new Set(scores.map((s) => s.segmentLabel)));
  }, 120_000);

  it("marks a run that cannot cluster FAILED with the reason", async () => {
    // Long before any sale or deal: every partner's features are the same.
    await expect(runSegmentation(db, { asOf: new Date("2001-01-01T00:00:00Z") })).rejects.toThrow(/distinct/);
    const failed = await db.segmentRun.findFirstOrThrow({ where: { status: "FAILED" }, select: { error: true, finishedAt: true } });
    expect(failed.error).toMatch(/Choosing k needs at least 4 rows with 3 distinct/);
    expect(failed.finishedAt).not.toBeNull();
  }, 60_000);
});
