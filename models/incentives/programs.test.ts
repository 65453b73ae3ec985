// The programme lifecycle against the seeded demo: validation with field paths, drafts edited in
// place, new versions, activation that archives and ends the replaced version (the ledger moves
// to the new version from its first day and keeps the old one's entries before), archive,
// deletion, audit, the one-active-version index, and what partners and leads may see.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { demoUser } from "../../test/routes.ts";
import { accrueIncentives } from "./accrue.ts";
import { ProgramForbiddenError, ProgramStateError, ProgramValidationError } from "./program-errors.ts";
import { getProgramVersion, listProgramFamilies, listProgramVersions, ymd } from "./program-queries.ts";
import { activateProgram, archiveProgram, createNextVersion, createProgram, deleteDraftProgram, updateDraftProgram } from "./programs.ts";

let manager: SessionUser;
let partner: SessionUser;
let lead: SessionUser;

const spiff = (overrides: Record<string, unknown> = {}) => ({
  key: "test-spring-spiff",
  name: "Spring SPIFF",
  kind: "SPIFF",
  currency: "EUR",
  effectiveFrom: "2030-03-01",
  effectiveTo: "2030-05-31",
  budget: { amount: 5_000_000, currency: "EUR" },
  rules: { from: "2030-03-01", to: "2030-05-31", bonus: 50_000, budgetCap: 2_000_000, productSkus: [], industries: ["Retail"] },
  ...overrides,
});

async function refusal(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error("expected a refusal");
}

const auditCount = (action: string, entityId: string) => db.auditLog.count({ where: { action: `incentive_program.${action}`, entityId, actorUserId: manager.id } });

beforeAll(async () => {
  [manager, partner, lead] = await Promise.all(["manager@example.com", "partner@example.com", "lead@example.com"].map(demoUser));
});

describe("creating and editing drafts", () => {
  it("refuses invalid input with every bad field named, and creates nothing", async () => {
    const before = await db.incentiveProgram.count();
    const error = await refusal(() =>
      createProgram(db, manager, {
        key: "Not a key!",
        name: "",
        kind: "TIERED_REBATE",
        currency: "EUR",
        effectiveFrom: "2030-03-01",
        effectiveTo: "2030-01-01",
        budget: { amount: 100, currency: "USD" },
        rules: { period: "QUARTER", tiers: [{ fromAmount: 0, rateBasisPoints: 100 }, { fromAmount: 0, rateBasisPoints: 200 }] },
      }),
    );
    expect(error).toBeInstanceOf(ProgramValidationError);
    expect(Object.keys((error as ProgramValidationError).fields).sort()).toEqual(["budget.currency", "effectiveTo", "key", "name", "rules.tiers.1.fromAmount"]);
    expect(((await refusal(() => createProgram(db, manager, { ...spiff(), kind: "NOPE" }))) as ProgramValidationError).fields).toMatchObject({ kind: expect.any(String) });
    expect(await db.incentiveProgram.count()).toBe(before);
  });

  it("refuses partners and regional leads", async () => {
    for (const user of [partner, lead]) expect(await refusal(() => createProgram(db, user, spiff()))).toBeInstanceOf(ProgramForbiddenError);
  });

  it("creates a draft version 1, audited, edits it in place and refuses a key already used", async () => {
    const id = await createProgram(db, manager, spiff());
    expect(await getProgramVersion(db, manager, id)).toMatchObject({
      key: "test-spring-spiff", version: 1, status: "DRAFT", kind: "SPIFF", effectiveFrom: "2030-03-01", effectiveTo: "2030-05-31",
      budget: { amount: 5_000_000, currency: "EUR" }, createdBy: { id: manager.id, name: manager.name }, earned: { entries: 0, total: { amount: 0, currency: "EUR" } },
      rules: { bonus: 50_000, industries: ["Retail"] },
    });
    await updateDraftProgram(db, manager, id, { name: "Spring SPIFF 2030", rules: { ...spiff().rules, bonus: 75_000 } });
    expect(await getProgramVersion(db, manager, id)).toMatchObject({ name: "Spring SPIFF 2030", version: 1, rules: { bonus: 75_000 } });
    const bad = await refusal(() => updateDraftProgram(db, manager, id, { effectiveTo: "2020-01-01", key: "other" }));
    expect((bad as ProgramValidationError).fields).toEqual({ key: expect.any(String) });
    expect(((await refusal(() => createProgram(db, manager, spiff()))) as ProgramValidationError).fields).toEqual({ key: expect.any(String) });
    expect(await auditCount("create", id)).toBe(1);
    expect(await auditCount("update", id)).toBe(1);
  });

  it("deletes a draft but nothing else", async () => {
    const id = await createProgram(db, manager, spiff({ key: "test-throwaway" }));
    await deleteDraftProgram(db, manager, id);
    expect(await db.incentiveProgram.count({ where: { id } })).toBe(0);
    const seeded = await db.incentiveProgram.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
    expect(await refusal(() => deleteDraftProgram(db, manager, seeded.id))).toBeInstanceOf(ProgramStateError);
  });
});

describe("versions, activation and archive", () => {
  it("activates a draft, refuses to edit it, and makes the next version a draft copy", async () => {
    const v1 = (await db.incentiveProgram.findFirstOrThrow({ where: { key: "test-spring-spiff" }, select: { id: true } })).id;
    await activateProgram(db, manager, v1);
    expect(await getProgramVersion(db, manager, v1)).toMatchObject({ status: "ACTIVE", activatedAt: expect.any(String) });
    expect(await refusal(() => updateDraftProgram(db, manager, v1, { name: "x" }))).toBeInstanceOf(ProgramStateError);
    expect(await refusal(() => activateProgram(db, manager, v1))).toBeInstanceOf(ProgramStateError);

    const v2 = await createNextVersion(db, manager, v1, { today: "2030-01-15" });
    expect(await getProgramVersion(db, manager, v2)).toMatchObject({ key: "test-spring-spiff", version: 2, status: "DRAFT", name: "Spring SPIFF 2030", effectiveFrom: "2030-03-02", effectiveTo: "2030-05-31", rules: { bonus: 75_000 } });
    expect(await refusal(() => createNextVersion(db, manager, v1))).toBeInstanceOf(ProgramStateError);
    expect(await refusal(() => createNextVersion(db, manager, v2))).toBeInstanceOf(ProgramStateError);
    expect(await auditCount("new_version", v2)).toBe(1);
  });

  it("refuses to activate a version that does not start after the active one", async () => {
    const v2 = (await db.incentiveProgram.findFirstOrThrow({ where: { key: "test-spring-spiff", version: 2 }, select: { id: true } })).id;
    await updateDraftProgram(db, manager, v2, { effectiveFrom: "2030-03-01" });
    const error = await refusal(() => activateProgram(db, manager, v2));
    expect(error).toBeInstanceOf(ProgramStateError);
    expect(error.message).toMatch(/must start after version 1/);
    expect(await db.incentiveProgram.count({ where: { key: "test-spring-spiff", status: "ACTIVE" } })).toBe(1);
  });

  it("activating the next version archives the active one and ends it the day before", async () => {
    const v2 = (await db.incentiveProgram.findFirstOrThrow({ where: { key: "test-spring-spiff", version: 2 }, select: { id: true } })).id;
    await updateDraftProgram(db, manager, v2, { effectiveFrom: "2030-04-01" });
    await activateProgram(db, manager, v2);
    const versions = await db.incentiveProgram.findMany({ where: { key: "test-spring-spiff" }, select: { version: true, status: true, effectiveFrom: true, effectiveTo: true }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.status, ymd(v.effectiveFrom), v.effectiveTo && ymd(v.effectiveTo)])).toEqual([
      [1, "ARCHIVED", "2030-03-01", "2030-03-31"],
      [2, "ACTIVE", "2030-04-01", "2030-05-31"],
    ]);
    expect(await auditCount("activate", v2)).toBe(1);
  });

  it("archives the active version from today, keeping an earlier end, and only the active one", async () => {
    const id = await createProgram(db, manager, spiff({ key: "test-archive", effectiveFrom: "2026-01-01", effectiveTo: null, rules: { ...spiff().rules, from: "2026-01-01" } }));
    expect(await refusal(() => archiveProgram(db, manager, id))).toBeInstanceOf(ProgramStateError);
    await activateProgram(db, manager, id);
    await archiveProgram(db, manager, id, { today: "2026-02-10" });
    expect(await getProgramVersion(db, manager, id)).toMatchObject({ status: "ARCHIVED", effectiveTo: "2026-02-10", archivedAt: expect.any(String) });
    expect(await auditCount("archive", id)).toBe(1);
    expect(await refusal(() => archiveProgram(db, manager, id))).toBeInstanceOf(ProgramStateError);
  });

  it("keeps a second ACTIVE version of a key out of the database even without the lock", async () => {
    const v1 = await db.incentiveProgram.findFirstOrThrow({ where: { key: "test-spring-spiff", version: 1 }, select: { id: true } });
    await expect(db.incentiveProgram.update({ where: { id: v1.id }, data: { status: "ACTIVE" } })).rejects.toThrow();
  });
});

describe("what each role sees", () => {
  it("shows managers every version grouped by key, partners only active ones without budgets", async () => {
    const families = await listProgramFamilies(db, manager);
    const spring = families.find((f) => f.key === "test-spring-spiff");
    expect(spring?.versions.map((v) => [v.version, v.status])).toEqual([[2, "ACTIVE"], [1, "ARCHIVED"]]);
    expect(spring?.active?.version).toBe(2);

    const seen = await listProgramVersions(db, partner);
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((v) => v.status === "ACTIVE" && v.budget === undefined && v.earned === undefined && !("budgetCap" in v.rules))).toBe(true);
    expect((await listProgramVersions(db, partner, { status: "DRAFT" })).total).toBe(0);
    const archived = await db.incentiveProgram.findFirstOrThrow({ where: { status: "ARCHIVED" }, select: { id: true } });
    expect(await getProgramVersion(db, partner, archived.id)).toBeNull();
    expect(await getProgramVersion(db, manager, "not-a-uuid")).toBeNull();

    const paged = await listProgramVersions(db, manager, { kind: "SPIFF", skip: 0, take: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
  });
});

describe("a new version from a day in the past and the ledger", () => {
  it("keeps the old version's entries before that day and moves the ones after to the new version", async () => {
    const now = new Date();
    const switchDay = ymd(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 4, 1)));
    const v1 = await db.incentiveProgram.findFirstOrThrow({ where: { key: "won-deal-commission", status: "ACTIVE" }, select: { id: true } });
    const won = await db.deal.findMany({ where: { status: "WON", currency: "EUR", closedAt: { not: null, lte: now } }, select: { id: true, closedAt: true, closedAmount: true } });
    const before = won.filter((d) => ymd(d.closedAt ?? now) < switchDay);
    const after = won.filter((d) => ymd(d.closedAt ?? now) >= switchDay);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    const entriesBefore = await db.incentiveLedgerEntry.findMany({ where: { programId: v1.id }, select: { id: true, dealId: true, amount: true } });

    const v2 = await createNextVersion(db, manager, v1.id);
    await updateDraftProgram(db, manager, v2, { effectiveFrom: switchDay, rules: { rateBasisPoints: 700 } });
    await activateProgram(db, manager, v2);
    expect(await getProgramVersion(db, manager, v1.id)).toMatchObject({ status: "ARCHIVED", effectiveTo: ymd(new Date(Date.parse(switchDay) - 86_400_000)) });

    await accrueIncentives(db, { asOf: now });
    expect(await db.incentiveLedgerEntry.count({ where: { programId: v1.id } })).toBe(entriesBefore.length + after.length);
    expect(await db.incentiveLedgerEntry.count({ where: { programId: v2 } })).toBe(after.length);
    expect(await accrueIncentives(db, { asOf: now })).toEqual({ appended: 0, total: 0 });

    const sumFor = async (programId: string, dealIds: string[]) =>
      (await db.incentiveLedgerEntry.aggregate({ where: { programId, dealId: { in: dealIds } }, _sum: { amount: true } }))._sum.amount ?? 0n;
    const oldEntries = await db.incentiveLedgerEntry.findMany({ where: { programId: v1.id }, select: { id: true, dealId: true, amount: true, kind: true } });
    // What v1 wrote before is still there; after the switch it only appended clawbacks.
    expect(oldEntries.filter((e) => entriesBefore.some((b) => b.id === e.id))).toHaveLength(entriesBefore.length);
    expect(oldEntries.filter((e) => !entriesBefore.some((b) => b.id === e.id)).every((e) => e.kind === "CLAWBACK")).toBe(true);
    expect(await sumFor(v1.id, after.map((d) => d.id))).toBe(0n);
    expect(await sumFor(v1.id, before.map((d) => d.id))).toBe(before.reduce((s, d) => s + ((d.closedAmount ?? 0n) * 500n + 5_000n) / 10_000n, 0n));
    expect(await sumFor(v2, before.map((d) => d.id))).toBe(0n);
    expect(await sumFor(v2, after.map((d) => d.id))).toBe(after.reduce((s, d) => s + ((d.closedAmount ?? 0n) * 700n + 5_000n) / 10_000n, 0n));
    const v2Entries = await db.incentiveLedgerEntry.findMany({ where: { programId: v2 }, select: { idempotencyKey: true }, take: 1 });
    expect(v2Entries[0].idempotencyKey).toMatch(/^won-deal-commission:v2:commission:deal:/);
  }, 120_000);
});
