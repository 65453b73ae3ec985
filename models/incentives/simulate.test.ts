// simulateProgram against the seeded demo: a draft commission rate replayed next to the active
// version (which matches the ledger it earned), a new kind with no active version, budget caps,
// slices that add up, refusals, and a database left exactly as it was.
import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { COMMISSION_PROGRAM_KEY } from "../seed/incentives.ts";
import { SimulationError, simulateProgram, type SimulationReport } from "./simulate.ts";
import { replayWindow } from "./simulate-window.ts";

const asOf = new Date();

async function draftProgram(data: Partial<Prisma.IncentiveProgramCreateInput> & Pick<Prisma.IncentiveProgramCreateInput, "key" | "kind" | "rules">): Promise<string> {
  const row = await db.incentiveProgram.create({
    data: { version: 1, name: `Draft ${data.key}`, status: "DRAFT", effectiveFrom: new Date("2030-01-01"), ...data },
    select: { id: true },
  });
  return row.id;
}

const draftCommission = (rateBasisPoints: number, extra: Partial<Prisma.IncentiveProgramCreateInput> = {}) =>
  draftProgram({ key: COMMISSION_PROGRAM_KEY, version: 100 + rateBasisPoints, kind: "COMMISSION", rules: { rateBasisPoints }, name: `Commission at ${rateBasisPoints} bps`, ...extra });

/** Every public table's row count and content digest: what "wrote nothing" means. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ digest: string | null; rows: bigint }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*) AS rows FROM "${name}" t`,
    );
    fingerprint[name] = `${row.rows}:${row.digest ?? ""}`;
  }
  return fingerprint;
}

function expectSlicesAddUp(report: SimulationReport) {
  const total = (rows: { candidate: { amount: number } }[]) => rows.reduce((sum, row) => sum + row.candidate.amount, 0);
  const cost = report.candidate.totalCost.amount;
  expect(total(report.byRegion)).toBe(cost);
  expect(total(report.bySegment)).toBe(cost);
  expect(total(report.monthly)).toBe(cost);
  expect(total(report.byPartner.top) + report.byPartner.rest.candidate.amount).toBe(cost);
  expect(report.byPartner.top.length + report.byPartner.rest.count).toBeGreaterThanOrEqual(report.candidate.partnersPaid);
}

describe("simulateProgram", () => {
  it("replays a draft rate next to the active version, whose cost is what the ledger accrued", async () => {
    const draftId = await draftCommission(800);
    const report = await simulateProgram(db, draftId, { months: 12, asOf });

    const window = replayWindow(asOf, 12);
    expect(report.window).toEqual(window);
    expect(report.candidate.program).toMatchObject({ id: draftId, status: "DRAFT", version: 900, effectiveFrom: new Date("2030-01-01") });
    expect(report.active?.program).toMatchObject({ key: COMMISSION_PROGRAM_KEY, status: "ACTIVE", version: 1 });

    const accrued = await db.incentiveLedgerEntry.aggregate({
      where: { program: { key: COMMISSION_PROGRAM_KEY, version: 1 }, occurredAt: { gte: window.from, lte: window.to } },
      _sum: { amount: true },
      _count: true,
    });
    expect(report.active?.totalCost).toEqual({ amount: Number(accrued._sum.amount), currency: "EUR" });
    expect(report.active?.entries).toBe(accrued._count);

    const active = report.active?.totalCost.amount ?? 0;
    expect(active).toBeGreaterThan(0);
    expect(Math.abs(report.candidate.totalCost.amount - Math.round((active * 8) / 5))).toBeLessThanOrEqual(report.candidate.entries);
    expect(report.delta?.amount.amount).toBe(report.candidate.totalCost.amount - active);
    expect(report.delta?.percent).toBeCloseTo(0.6, 2);

    expectSlicesAddUp(report);
    expect(report.bySegment.map((row) => row.label)).toEqual(["Unsegmented"]);
    expect(report.byPartner.top).toHaveLength(20);
    expect(report.byPartner.top[0].label).not.toMatch(/^[0-9a-f-]{36}$/);
    expect(report.monthly.length).toBe(13);
    expect(report.samples.filter((s) => s.side === "candidate")).toHaveLength(3);
    expect(report.samples[0].explanation).toMatch(/^8 % of /);
  }, 60_000);

  it("writes nothing anywhere", async () => {
    const draftId = await draftCommission(650);
    const before = await databaseFingerprint();
    await simulateProgram(db, draftId, { months: 24, asOf });
    expect(await databaseFingerprint()).toEqual(before);
  }, 60_000);

  it("replays a new kind with no active version over the events the ledger never needed", async () => {
    const draftId = await draftProgram({ key: "demo-reward", kind: "ACTION_REWARD", rules: { amounts: { DEMO: 5_000, CERTIFICATION: 20_000 }, monthlyCap: 30_000 } });
    const report = await simulateProgram(db, draftId, { months: 6, asOf });
    expect(report.active).toBeNull();
    expect(report.candidate.totalCost.amount).toBeGreaterThan(0);
    expect(report.delta).toEqual({ amount: report.candidate.totalCost, percent: null });
    expect(report.byRegion.every((row) => row.active === null)).toBe(true);
    expectSlicesAddUp(report);
  }, 60_000);

  it("stops at the budget cap, as the engine does", async () => {
    const draftId = await draftCommission(900, { budgetCap: 1_000_000 });
    const report = await simulateProgram(db, draftId, { months: 12, asOf });
    expect(report.candidate.totalCost).toEqual({ amount: 1_000_000, currency: "EUR" });
    expect(report.active?.totalCost.amount).toBeGreaterThan(1_000_000);
  }, 60_000);

  it("slices by the latest segment run, and simulating the active version compares with nothing", async () => {
    const active = await db.incentiveProgram.findFirstOrThrow({ where: { key: COMMISSION_PROGRAM_KEY, status: "ACTIVE" }, select: { id: true } });
    const partners = await db.partnerOrg.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    await db.segmentRun.create({
      data: {
        status: "SUCCEEDED",
        finishedAt: new Date(asOf.getTime() - 60_000),
        scores: { create: partners.map((p, i) => ({ partnerOrgId: p.id, segmentIndex: i % 2, segmentLabel: i % 2 === 0 ? "Champions" : "Sleepers", distance: 0 })) },
      },
    });
    const report = await simulateProgram(db, active.id, { months: 3, asOf });
    expect(report.active).toBeNull();
    expect(report.bySegment.map((row) => row.label).sort()).toEqual(["Champions", "Sleepers"]);
    expectSlicesAddUp(report);
  }, 60_000);

  it("refuses months outside 1..36 and unknown programmes", async () => {
    const draftId = await draftCommission(700);
    for (const months of [0, 37, 1.5, Number.NaN]) {
      const refusal = simulateProgram(db, draftId, { months });
      await expect(refusal, String(months)).rejects.toBeInstanceOf(SimulationError);
      await expect(refusal).rejects.toMatchObject({ status: 422, fields: { months: expect.any(String) } });
    }
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      await expect(simulateProgram(db, id, { months: 12 })).rejects.toMatchObject({ status: 404, code: "program_not_found" });
    }
  });
});
