// scorePartnerHealth on the seeded demo: the held-out AUC and Brier beat chance and the base
// rate, the planted declining partners carry the risk, reasons quote numbers, scores stay in
// range, reruns agree, other run keys survive, and a database without history does not throw.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { demoArchetypeOf, type DemoArchetype } from "../seed/demo.ts";
import type { ChurnQuality } from "./health.ts";
import { scorePartnerHealth } from "./health.ts";

type ScoreRow = { partnerOrgId: string; healthScore: number | null; churnRisk: number | null; healthReasons: unknown; churnReasons: unknown };
type ReasonJson = { text: string; feature: string; direction: string; weight: number };

/** A run with one PartnerScore row per partner org, as runSegmentation leaves it. */
async function createRun(): Promise<string> {
  const run = await db.segmentRun.create({ data: { quality: { silhouette: 0.42 } }, select: { id: true } });
  const orgs = await db.partnerOrg.findMany({ select: { id: true } });
  await db.partnerScore.createMany({
    data: orgs.map((o) => ({ runId: run.id, partnerOrgId: o.id, segmentIndex: 0, segmentLabel: "All", distance: 0 })),
  });
  return run.id;
}

async function scores(runId: string): Promise<ScoreRow[]> {
  return db.partnerScore.findMany({
    where: { runId },
    orderBy: { partnerOrgId: "asc" },
    select: { partnerOrgId: true, healthScore: true, churnRisk: true, healthReasons: true, churnReasons: true },
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

let runId = "";
let result: Awaited<ReturnType<typeof scorePartnerHealth>>;
let rows: ScoreRow[] = [];
let archetypeOf = new Map<string, DemoArchetype | undefined>();

beforeAll(async () => {
  runId = await createRun();
  result = await scorePartnerHealth(db, runId);
  rows = await scores(runId);
  const orgs = await db.partnerOrg.findMany({ select: { id: true, name: true } });
  archetypeOf = new Map(orgs.map((o) => [o.id, demoArchetypeOf(o.name)]));
}, 120_000);

describe("scorePartnerHealth on the demo", () => {
  it("predicts the held-out period well above chance and better than the base rate", async () => {
    const run = await db.segmentRun.findUniqueOrThrow({ where: { id: runId }, select: { quality: true } });
    const quality = run.quality as { silhouette: number; churn: ChurnQuality };
    expect(quality.silhouette).toBe(0.42);
    const churn = quality.churn;
    console.info("churn quality on the demo", JSON.stringify(churn));
    expect(result).toEqual({ partners: rows.length, auc: churn.auc, brier: churn.brier, trainedOn: churn.trainedOn, heldOut: churn.heldOut });
    expect(churn.auc).toBeGreaterThanOrEqual(0.8);
    expect(churn.brier).toBeLessThan(churn.baseRateBrier!);
    expect(churn.trainedOn).toBeGreaterThan(1000);
    expect(churn.heldOut).toBeGreaterThan(100);
    expect(churn.fittedOn).toBe(churn.trainedOn + churn.heldOut);
    expect(churn.heldOutPeriod?.snapshot).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it("gives the planted declining partners a higher churn risk and lower health than champions and steady ones", () => {
    const of = (kinds: DemoArchetype[], pick: (r: ScoreRow) => number) =>
      mean(rows.filter((r) => kinds.includes(archetypeOf.get(r.partnerOrgId)!)).map(pick));
    const risk = (r: ScoreRow) => r.churnRisk!;
    const health = (r: ScoreRow) => r.healthScore!;
    expect(of(["declining"], risk)).toBeGreaterThan(of(["champion", "steady"], risk) + 0.2);
    expect(of(["declining"], health)).toBeLessThan(of(["champion", "steady"], health) - 15);
  });

  it("fills every row with scores in range and reasons that are sentences with numbers", () => {
    expect(rows.length).toBeGreaterThan(150);
    for (const r of rows) {
      expect(r.churnRisk).toBeGreaterThanOrEqual(0);
      expect(r.churnRisk).toBeLessThanOrEqual(1);
      expect(r.healthScore).toBeGreaterThanOrEqual(0);
      expect(r.healthScore).toBeLessThanOrEqual(100);
      const health = r.healthReasons as ReasonJson[];
      expect(health.length).toBeGreaterThan(0);
      for (const reason of [...(r.churnReasons as ReasonJson[]), ...health]) {
        expect(reason.text).toMatch(/^[A-Z0-9].*\d/);
        expect(["up", "down"]).toContain(reason.direction);
        expect(reason.weight).toBeGreaterThanOrEqual(0);
      }
    }
    const declining = rows.filter((r) => archetypeOf.get(r.partnerOrgId) === "declining");
    const explained = declining.filter((r) => (r.churnReasons as ReasonJson[]).length >= 2);
    expect(explained.length).toBeGreaterThan(declining.length / 2);
  });

  it("gives the same scores on a rerun", async () => {
    const again = await scorePartnerHealth(db, runId);
    expect(again).toEqual(result);
    expect(await scores(runId)).toEqual(rows);
  }, 120_000);

  it("copes with a database that has no history yet: no AUC, a note, every row still scored", async () => {
    const young = await createRun();
    const early = await scorePartnerHealth(db, young, { asOf: new Date("2000-01-01T00:00:00Z") });
    expect(early).toMatchObject({ auc: null, brier: null, trainedOn: 0, heldOut: 0 });
    const run = await db.segmentRun.findUniqueOrThrow({ where: { id: young }, select: { quality: true } });
    const churn = (run.quality as { churn: ChurnQuality }).churn;
    expect(churn.note).toMatch(/Too little churn history/);
    const scored = await scores(young);
    expect(scored.every((r) => r.churnRisk === 1 && r.healthScore !== null)).toBe(true);
  }, 120_000);
});
