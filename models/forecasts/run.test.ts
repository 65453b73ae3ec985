// forecastRegionSales on the seeded demo: every region gets 12 ordered monthly points with a
// backtest, product lines are forecast (or skipped with a reason), the target period's forecast
// reaches the regional targets and queues one incentive recompute only when a gap moved, and a
// failed run leaves the previous run readable.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { readRegionTargets, REGION_TARGETS_SETTING } from "../incentives/region-targets.ts";
import { setJobQueue } from "../services.ts";
import { startJobs, type Jobs } from "../../jobs/worker.ts";
import { queuedJobs } from "../../test/job-worker.ts";
import { addMonths } from "./engine/index.ts";
import { loadWeightedPipeline } from "./pipeline.ts";
import { readRegionForecast, readRegionForecasts } from "./read.ts";
import { forecastRegionSales, ForecastRunInputError, type ForecastRunSummary } from "./run.ts";
import { firstForecastMonth, loadRegionSalesHistory } from "./sales-history.ts";
import { parseRunParams } from "./stored.ts";

const asOf = new Date();
const firstMonth = firstForecastMonth(asOf);
let jobs: Jobs | undefined;
let regions: { code: string; name: string; currency: string }[];
let first: ForecastRunSummary;

beforeAll(async () => {
  // A web process: sends jobs, works none, so a queued recompute stays where the test sees it.
  jobs = await startJobs({ connectionString: process.env.DATABASE_URL ?? "", work: false, schedule: false, log: () => {} });
  setJobQueue(jobs.boss);
  regions = (await db.region.findMany({ select: { code: true, name: true, currency: true }, orderBy: { code: "asc" } })).map((r) => ({ ...r, currency: r.currency.trim() }));
  // DACH has a target far above any forecast (a gap); NORDICS has none yet.
  await db.setting.upsert({
    where: { key: REGION_TARGETS_SETTING },
    create: { key: REGION_TARGETS_SETTING, value: [{ regionCode: "DACH", targetAmount: 900_000_000_000, forecastAmount: null, managerGapBasisPoints: 500 }] },
    update: { value: [{ regionCode: "DACH", targetAmount: 900_000_000_000, forecastAmount: null, managerGapBasisPoints: 500 }] },
  });
  const started = performance.now();
  first = await forecastRegionSales(db, { asOf });
  console.log(`demo forecast run: ${first.series} series (${first.skipped} skipped) in ${Math.round(performance.now() - started)} ms`);
}, 120_000);

afterAll(async () => {
  setJobQueue(undefined);
  await jobs?.stop();
});

describe("the sales history", () => {
  it("sums complete months in the region's currency and ends the month before the forecast", async () => {
    const [dach] = await loadRegionSalesHistory(db, { asOf, regionCodes: ["DACH"] });
    expect(dach.currency).toBe("EUR");
    expect(dach.total.at(-1)?.month).toBe(addMonths(firstMonth, -1));
    expect(dach.total.length).toBeGreaterThanOrEqual(36);
    const month = dach.total.at(-3)!;
    const [{ sum }] = await db.$queryRaw<{ sum: bigint }[]>`SELECT SUM(amount)::bigint AS sum FROM sales_record WHERE region_code = 'DACH' AND currency = 'EUR' AND to_char(sold_on, 'YYYY-MM') = ${month.month}`;
    expect(month.value).toBe(Number(sum));
    const lines = dach.productLines.map((l) => l.productLine);
    expect(lines).toContain("Finance");
    const byMonth = new Map<string, number>();
    for (const line of dach.productLines) for (const m of line.series) byMonth.set(m.month, (byMonth.get(m.month) ?? 0) + m.value);
    expect(byMonth.get(month.month)).toBe(month.value);
  });
});

describe("the weighted pipeline", () => {
  it("weights open approved deals by win probability per expected close month, overdue ones in the first month", async () => {
    const open = await db.deal.findMany({
      where: { status: "APPROVED", currency: "EUR", partnerOrg: { regionCode: "DACH" }, OR: [{ protectionExpiresAt: null }, { protectionExpiresAt: { gt: asOf } }], expectedCloseDate: { lt: new Date(`${addMonths(firstMonth, 12)}-01T00:00:00Z`) } },
      select: { id: true, amount: true, expectedCloseDate: true },
      orderBy: { id: "asc" },
    });
    expect(open.length).toBeGreaterThan(2);
    const [a, b] = open;
    await db.deal.update({ where: { id: a.id }, data: { winProbability: 0.5, expectedCloseDate: new Date("2001-01-15T00:00:00Z") } });
    await db.deal.update({ where: { id: b.id }, data: { winProbability: 0.25, expectedCloseDate: new Date(`${addMonths(firstMonth, 2)}-10T00:00:00Z`) } });
    const [dach] = await loadWeightedPipeline(db, { asOf, firstMonth, horizon: 12, regionCodes: ["DACH"] });
    expect(dach.months).toHaveLength(12);
    expect(dach.months[0]).toMatchObject({ month: firstMonth, deals: 1, amount: Math.round(Number(a.amount) * 0.5) });
    expect(dach.months[2]).toMatchObject({ deals: 1, amount: Math.round(Number(b.amount) * 0.25) });
    expect(dach.unscoredDeals).toBe(open.length - 2);
    await db.deal.update({ where: { id: a.id }, data: { winProbability: null, expectedCloseDate: a.expectedCloseDate } });
    await db.deal.update({ where: { id: b.id }, data: { winProbability: null, expectedCloseDate: b.expectedCloseDate } });
  });
});

describe("a run on the demo", () => {
  it("stores 12 ordered points per region, from the current month, with a backtest", async () => {
    expect(first).toMatchObject({ asOf: asOf.toISOString().slice(0, 10), firstMonth, horizon: 12 });
    expect(first.regions.sort()).toEqual(regions.map((r) => r.code));
    const run = await db.forecastRun.findUniqueOrThrow({ where: { id: first.runId }, select: { status: true, finishedAt: true, horizon: true, params: true, error: true } });
    expect(run).toMatchObject({ status: "SUCCEEDED", horizon: 12, error: null });
    expect(parseRunParams(run.params)).toMatchObject({ horizon: 12, firstMonth, regions: expect.arrayContaining(["DACH"]) });
    for (const region of regions) {
      const rows = await db.regionForecast.findMany({ where: { runId: first.runId, regionCode: region.code, productLine: "" }, select: { month: true, p10: true, p50: true, p90: true, currency: true, model: true, backtest: true }, orderBy: { month: "asc" } });
      expect(rows.map((r) => r.month.toISOString().slice(0, 7))).toEqual(Array.from({ length: 12 }, (_, i) => addMonths(firstMonth, i)));
      for (const row of rows) {
        expect(row.p10 <= row.p50 && row.p50 <= row.p90, `${region.code} ${row.month.toISOString()}`).toBe(true);
        expect(row.p50).toBeGreaterThan(0n);
        expect(row.currency.trim()).toBe(region.currency);
      }
      const backtest = rows[0].backtest as { mase: number; smape: number; baselineMase: number; origins: number };
      expect(backtest.origins).toBeGreaterThan(0);
      for (const figure of [backtest.mase, backtest.smape, backtest.baselineMase]) expect(Number.isFinite(figure)).toBe(true);
      expect(rows[0].model).not.toBe("");
      const b = rows[0].backtest as { smape: number; baselineSmape: number; mase: number; baselineMase: number; coverage: number };
      console.log(`  ${region.code}: ${rows[0].model}, origins ${backtest.origins}, sMAPE ${b.smape.toFixed(1)} % (seasonal naive ${b.baselineSmape.toFixed(1)} %), MASE ${b.mase.toFixed(2)} (naive ${b.baselineMase.toFixed(2)}), coverage ${(b.coverage * 100).toFixed(0)} %`);
    }
  });

  it("forecasts each product line of a region, or says why not", async () => {
    const [dach] = await loadRegionSalesHistory(db, { asOf, regionCodes: ["DACH"] });
    const stored = await db.regionForecast.groupBy({ by: ["productLine"], where: { runId: first.runId, regionCode: "DACH", productLine: { not: "" } }, _count: { _all: true } });
    const skipped = parseRunParams((await db.forecastRun.findUniqueOrThrow({ where: { id: first.runId }, select: { params: true } })).params)!.skipped.filter((s) => s.regionCode === "DACH");
    expect(stored.length).toBeGreaterThanOrEqual(6);
    for (const line of stored) expect(line._count._all).toBe(12);
    expect([...stored.map((s) => s.productLine), ...skipped.map((s) => s.productLine)].sort()).toEqual(dach.productLines.map((l) => l.productLine).sort());
    for (const s of skipped) expect(s.reason).not.toBe("");

    const view = await readRegionForecast(db, regions.find((r) => r.code === "DACH")!, { now: asOf });
    expect(view?.productLines.map((l) => l.productLine)).toEqual(stored.map((s) => s.productLine).sort());
    expect(view?.total.history).toHaveLength(36);
    expect(view?.total.history.at(-1)?.month).toBe(addMonths(firstMonth, -1));
    expect(view?.productLines.find((l) => l.productLine === "Finance")?.history.at(-1)?.amount).toBe(dach.productLines.find((l) => l.productLine === "Finance")?.series.at(-1)?.value);
  });

  it("writes the next three months' forecast into the regional targets and queues a recompute when a gap moved", async () => {
    const dach = await db.regionForecast.findMany({ where: { runId: first.runId, regionCode: "DACH", productLine: "" }, select: { p50: true }, orderBy: { month: "asc" }, take: 3 });
    const expected = dach.reduce((sum, r) => sum + Number(r.p50), 0);
    const targets = await readRegionTargets(db);
    expect(targets.find((t) => t.regionCode === "DACH")).toEqual({ regionCode: "DACH", targetAmount: 900_000_000_000, forecastAmount: expected, managerGapBasisPoints: 500 });
    // A region without a target gets its forecast stored and a zero target: no boost, nothing to recompute for it.
    expect(targets.find((t) => t.regionCode === "NORDICS")).toMatchObject({ targetAmount: 0, forecastAmount: expect.any(Number) });
    expect(first.targetsChanged).toEqual(["DACH"]);
    expect(first.recomputeQueued).toBe(true);
    expect(await queuedJobs("compute-incentives")).toHaveLength(1);

    const view = await readRegionForecast(db, regions.find((r) => r.code === "DACH")!, { now: asOf });
    expect(view?.target).toMatchObject({ targetAmount: 900_000_000_000, forecast: { from: firstMonth, to: addMonths(firstMonth, 2), amount: expected } });
    expect(view?.target?.gapBasisPoints).toBeGreaterThan(9_000);

    // The same forecast again moves no gap: no second recompute.
    const again = await forecastRegionSales(db, { asOf });
    expect(again).toMatchObject({ targetsChanged: [], recomputeQueued: false });
    expect(await queuedJobs("compute-incentives")).toHaveLength(1);
  }, 120_000);

  it("keeps the previous run readable when a run fails, and refuses a bad horizon without a run", async () => {
    const before = await readRegionForecasts(db, regions, { now: asOf });
    const runs = await db.forecastRun.count();
    await expect(forecastRegionSales(db, { horizon: 0 })).rejects.toThrow(ForecastRunInputError);
    expect(await db.forecastRun.count()).toBe(runs);

    await expect(forecastRegionSales(db, { asOf: new Date("2001-03-10T00:00:00Z") })).rejects.toThrow(/No region has enough sales history before 2001-03/);
    const failed = await db.forecastRun.findFirstOrThrow({ orderBy: { startedAt: "desc" }, select: { status: true, error: true, finishedAt: true } });
    expect(failed).toMatchObject({ status: "FAILED", error: expect.stringContaining("DACH: No sales in EUR") });
    expect(failed.finishedAt).not.toBeNull();
    const after = await readRegionForecasts(db, regions, { now: asOf });
    expect(after.map((f) => f.run.id)).toEqual(before.map((f) => f.run.id));
    expect(after).toHaveLength(regions.length);
  }, 120_000);
});
