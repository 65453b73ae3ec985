// Manual adjustments and payouts against the seeded demo: credits and debits with the reason
// written into the explanation and the audit log, payouts capped by the balance, a repeated
// client request writing once, bad input refused field by field with nothing written, and
// partners kept to their own organization's entries.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { listManualEntries, ManualEntryError, partnerBalances, recordManualEntry } from "./adjustments.ts";

let manager: SessionUser;
let partner: SessionUser;
let partnerOrgId: string;
let otherOrgId: string;

async function euroBalance(orgId = partnerOrgId): Promise<number> {
  return (await partnerBalances(db, orgId)).find((b) => b.currency === "EUR")?.amount ?? 0;
}

async function refusal(promise: Promise<unknown>): Promise<ManualEntryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ManualEntryError);
  return error as ManualEntryError;
}

beforeAll(async () => {
  manager = await demoUser("manager@example.com");
  partner = await demoUser("partner@example.com");
  partnerOrgId = partner.partnerOrgId ?? "";
  const other = await db.partnerOrg.findFirstOrThrow({ where: { id: { not: partnerOrgId } }, select: { id: true }, orderBy: { id: "asc" } });
  otherOrgId = other.id;
});

describe("manual adjustments", () => {
  it("credits and debits the balance with the reason, audited and told to the partner", async () => {
    const before = await euroBalance();
    const credit = await recordManualEntry(db, manager, {
      kind: "ADJUSTMENT", partnerOrgId, direction: "CREDIT", amount: { amount: 12_345, currency: "EUR" }, reason: "Missed commission on the Q3 Acme renewal",
    });
    expect(credit.created).toBe(true);
    expect(credit.entry).toMatchObject({ kind: "ADJUSTMENT", amount: { amount: 12_345, currency: "EUR" }, reason: "Missed commission on the Q3 Acme renewal", createdBy: manager.name });
    expect(credit.entry.explanation).toBe(`Manual credit of €123.45 by ${manager.name}: Missed commission on the Q3 Acme renewal`);
    await recordManualEntry(db, manager, { kind: "ADJUSTMENT", partnerOrgId, direction: "DEBIT", amount: { amount: 345, currency: "EUR" }, reason: "Duplicate SPIFF for one deal" });
    expect(await euroBalance()).toBe(before + 12_000);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "incentives.adjust", entityId: credit.entry.id }, select: { actorUserId: true, partnerOrgId: true, data: true } });
    expect(audit).toMatchObject({ actorUserId: manager.id, partnerOrgId, data: { amount: 12_345, reason: "Missed commission on the Q3 Acme renewal" } });
    const notice = await db.notification.findFirst({ where: { user: { partnerOrgId }, kind: "incentives.adjustment" }, select: { title: true } });
    expect(notice?.title).toMatch(/credited €123\.45/);
  });

  it("writes a repeated client request once", async () => {
    const clientRequestId = crypto.randomUUID();
    const input = { kind: "ADJUSTMENT", partnerOrgId, direction: "CREDIT", amount: { amount: 500, currency: "EUR" }, reason: "Goodwill for the delayed portal launch", clientRequestId };
    const first = await recordManualEntry(db, manager, input);
    const again = await recordManualEntry(db, manager, input);
    expect(again).toEqual({ entry: first.entry, created: false });
    expect(await db.incentiveLedgerEntry.count({ where: { idempotencyKey: `adjustment:${clientRequestId}` } })).toBe(1);
  });

  it("refuses a missing reason, a zero amount and a bad currency field by field, writing nothing", async () => {
    const count = await db.incentiveLedgerEntry.count();
    const error = await refusal(recordManualEntry(db, manager, { kind: "ADJUSTMENT", partnerOrgId, direction: "CREDIT", amount: { amount: 0, currency: "eur" }, reason: "  " }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["amount.amount", "amount.currency", "reason"]);
    expect((await refusal(recordManualEntry(db, manager, { kind: "ADJUSTMENT", partnerOrgId: crypto.randomUUID(), direction: "CREDIT", amount: { amount: 1, currency: "EUR" }, reason: "A reason long enough" }))).fields).toEqual({ partnerOrgId: "is not a partner" });
    expect(await db.incentiveLedgerEntry.count()).toBe(count);
  });

  it("lets only channel managers and admins write", async () => {
    const error = await refusal(recordManualEntry(db, partner, { kind: "ADJUSTMENT", partnerOrgId, direction: "CREDIT", amount: { amount: 100, currency: "EUR" }, reason: "I would like more money" }));
    expect(error.status).toBe(403);
  });
});

describe("payouts", () => {
  it("pays out up to the balance and refuses more, writing nothing", async () => {
    const balance = await euroBalance();
    expect(balance).toBeGreaterThan(100);
    const count = await db.incentiveLedgerEntry.count();
    const tooMuch = await refusal(recordManualEntry(db, manager, { kind: "PAYOUT", partnerOrgId, amount: { amount: balance + 1, currency: "EUR" }, reference: "PAY-2026-001" }));
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.fields?.["amount.amount"]).toMatch(/at most the balance/);
    expect(await db.incentiveLedgerEntry.count()).toBe(count);

    const { entry } = await recordManualEntry(db, manager, { kind: "PAYOUT", partnerOrgId, amount: { amount: balance - 100, currency: "EUR" }, reference: "PAY-2026-002" });
    expect(entry).toMatchObject({ kind: "PAYOUT", amount: { amount: -(balance - 100), currency: "EUR" }, reference: "PAY-2026-002" });
    expect(await euroBalance()).toBe(100);
  });

  it("lets two payouts at once never overdraw", async () => {
    const orgId = otherOrgId;
    const balance = await euroBalance(orgId);
    if (balance <= 0) {
      await recordManualEntry(db, manager, { kind: "ADJUSTMENT", partnerOrgId: orgId, direction: "CREDIT", amount: { amount: 10_000, currency: "EUR" }, reason: "Opening balance for the test" });
    }
    const available = await euroBalance(orgId);
    const half = Math.floor(available / 2) + 1;
    const results = await Promise.allSettled([0, 1].map((n) => recordManualEntry(db, manager, { kind: "PAYOUT", partnerOrgId: orgId, amount: { amount: half, currency: "EUR" }, reference: `PAY-RACE-${n}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await euroBalance(orgId)).toBe(available - half);
  });
});

describe("listManualEntries", () => {
  it("shows a partner their own organization's manual entries and nobody else's", async () => {
    const own = await listManualEntries(db, partner, { partnerOrgId, page: 1, pageSize: 50 });
    expect(own?.total).toBeGreaterThanOrEqual(3);
    expect(own?.items.every((e) => e.partnerOrgId === partnerOrgId)).toBe(true);
    expect(await listManualEntries(db, partner, { partnerOrgId: otherOrgId, page: 1, pageSize: 50 })).toBeNull();
    const lead = await demoUser("lead@example.com");
    expect(await listManualEntries(db, lead, { partnerOrgId, page: 1, pageSize: 50 })).toBeNull();
    expect((await listManualEntries(db, manager, { partnerOrgId: otherOrgId, page: 1, pageSize: 50 }))?.items.every((e) => e.partnerOrgId === otherOrgId)).toBe(true);
  });
});
