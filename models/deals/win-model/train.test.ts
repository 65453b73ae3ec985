// The win model on the seeded demo: trained with a time-based holdout it ranks and calibrates
// clearly better than chance and the base rate; scoring writes a probability and reasons to
// open deals only; a stored model reloads to the same predictions.
import { describe, expect, it } from "vitest";
import { db } from "../../db/client.ts";
import { loadDealFacts } from "./facts.ts";
import { snapshotDeal } from "./features.ts";
import { PartnerHistory } from "./history.ts";
import { WinModel } from "./model.ts";
import { latestWinModel, scoreDeals, getWinModelQuality, winModelMissing } from "./score.ts";
import { fitWinModel, trainWinModel } from "./train.ts";

describe("trainWinModel on the demo", () => {
  it("scores nothing before a model exists", async () => {
    expect(await winModelMissing(db)).toBe(true);
    expect(await scoreDeals(db)).toEqual({ modelId: null, scored: 0 });
    expect(await getWinModelQuality(db)).toBeNull();
  });

  it("beats chance (AUC) and the base rate (Brier) on the newest fifth of closed deals", async () => {
    const result = await trainWinModel(db);
    if (!result.ok) throw new Error(result.error);
    console.info(`win model on the demo holdout: AUC ${result.auc?.toFixed(3)}, Brier ${result.brier?.toFixed(4)} (base rate ${result.baselineBrier?.toFixed(4)}), ${result.nTrain} train / ${result.nTest} test`);
    // Chance is 0.5; with ~600 held-out deals one standard error is about 0.025.
    expect(result.auc).toBeGreaterThan(0.6);
    expect(result.brier).toBeLessThan(result.baselineBrier!);
    expect(result.nTest).toBeGreaterThan(100);

    const row = await db.dealScoreModel.findUniqueOrThrow({ where: { id: result.modelId } });
    expect(row).toMatchObject({ status: "SUCCEEDED", auc: result.auc, brier: result.brier, nTrain: result.nTrain, nTest: result.nTest, error: null });
    expect(row.features).toContain("partner_win_rate");
    expect(row.baseRate).toBeGreaterThan(0.2);
    expect(row.baseRate).toBeLessThan(0.7);
    expect(await winModelMissing(db)).toBe(false);
    expect(await getWinModelQuality(db)).toMatchObject({ auc: result.auc, nTest: result.nTest });
  }, 120_000);

  it("reloads a stored model to the same predictions", async () => {
    const stored = await latestWinModel(db);
    const deals = await loadDealFacts(db);
    const history = new PartnerHistory(deals);
    const reloaded = WinModel.load(JSON.parse(JSON.stringify(stored!.model)));
    for (const deal of deals.slice(0, 50)) {
      const s = snapshotDeal(deal, history, deal.submittedAt);
      expect(reloaded.probability(s)).toBeCloseTo(stored!.model.probability(s), 12);
    }
  });

  it("uses only deals closed before asOf", async () => {
    const deals = await loadDealFacts(db);
    const closedAt = deals.flatMap((d) => (d.closedAt ? [d.closedAt.getTime()] : [])).sort((a, b) => a - b);
    const asOf = new Date(closedAt[Math.floor(closedAt.length / 2)]);
    const fit = fitWinModel(deals, asOf);
    expect(fit.nTrain + fit.nTest).toBe(deals.filter((d) => (d.status === "WON" || d.status === "LOST") && d.closedAt! < asOf).length);
    expect(fit.holdoutFrom.getTime()).toBeLessThanOrEqual(asOf.getTime());
  }, 60_000);
});

describe("scoreDeals", () => {
  it("writes a probability in [0, 1] and up to three reasons to the given open deals only", async () => {
    const [open, closed] = await Promise.all([
      db.deal.findMany({ where: { status: { in: ["SUBMITTED", "APPROVED"] } }, select: { id: true }, orderBy: { id: "asc" }, take: 2 }),
      db.deal.findFirstOrThrow({ where: { status: "WON" }, select: { id: true } }),
    ]);
    const result = await scoreDeals(db, { dealIds: [open[0].id, closed.id] });
    expect(result.scored).toBe(1);
    const rows = await db.deal.findMany({ where: { id: { in: [open[0].id, open[1].id, closed.id] } }, select: { id: true, winProbability: true, winReasons: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(open[1].id)?.winProbability).toBeNull();
    expect(byId.get(closed.id)).toMatchObject({ winProbability: null, winReasons: null });
    const scored = byId.get(open[0].id)!;
    expect(scored.winProbability).toBeGreaterThanOrEqual(0);
    expect(scored.winProbability).toBeLessThanOrEqual(1);
    expect(scored.winReasons).toEqual(expect.arrayContaining([expect.objectContaining({ text: expect.any(String), effect: expect.any(Number) })]));
  });

  it("scores every open deal and no closed one", async () => {
    const open = await db.deal.count({ where: { status: { in: ["SUBMITTED", "APPROVED"] } } });
    const result = await scoreDeals(db);
    expect(result.scored).toBe(open);
    expect(await db.deal.count({ where: { status: { in: ["SUBMITTED", "APPROVED"] }, winProbability: null } })).toBe(0);
    expect(await db.deal.count({ where: { status: { notIn: ["SUBMITTED", "APPROVED"] }, winProbability: { not: null } } })).toBe(0);
    const outside = await db.deal.count({ where: { OR: [{ winProbability: { lt: 0 } }, { winProbability: { gt: 1 } }] } });
    expect(outside).toBe(0);
    const sample = await db.deal.findMany({ where: { status: "APPROVED" }, select: { winReasons: true }, take: 20 });
    for (const { winReasons } of sample) {
      expect(Array.isArray(winReasons)).toBe(true);
      expect((winReasons as unknown[]).length).toBeGreaterThanOrEqual(1);
      expect((winReasons as unknown[]).length).toBeLessThanOrEqual(3);
    }
  }, 60_000);
});
