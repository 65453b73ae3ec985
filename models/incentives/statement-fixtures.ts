// Test fixtures for the statement: fresh partner organizations (with no seeded ledger) and their
// partner users, generated ledger entries of every kind (fast-check) and inserting them as rows.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { SessionUser } from "../auth/users.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import type { LedgerKind } from "../db/generated/enums.ts";

export type GeneratedEntry = {
  kind: LedgerKind;
  /** Signed cents: accruals > 0, clawbacks and payouts < 0, adjustments either way. */
  amount: number;
  currency: "EUR" | "USD";
  occurredAt: Date;
  explanation: string;
  /** The deal the entry is about, when it is about one (never generated). */
  dealId?: string;
};

const AMOUNT = 50_000_000;

/** Entries dated across 2024–2026, in two currencies, with explanations that may look like formulas. */
export const generatedEntry: fc.Arbitrary<GeneratedEntry> = fc.record({
  kind: fc.constantFrom<LedgerKind>("ACCRUAL", "CLAWBACK", "ADJUSTMENT", "PAYOUT"),
  magnitude: fc.integer({ min: 1, max: AMOUNT }),
  sign: fc.boolean(),
  currency: fc.constantFrom<"EUR" | "USD">("EUR", "USD"),
  occurredAt: fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T23:59:59Z"), noInvalidDate: true }),
  explanation: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("=1+1", "+SUM(A1)", "-2", "@cmd", "plain, with \"quotes\"")),
}).map(({ kind, magnitude, sign, currency, occurredAt, explanation }) => ({
  kind,
  amount: kind === "ACCRUAL" ? magnitude : kind === "ADJUSTMENT" && sign ? magnitude : -magnitude,
  currency,
  occurredAt,
  explanation: explanation === "" ? "—" : explanation,
}));

export type TestPartner = { orgId: string; user: SessionUser };

/** A new partner organization in `regionCode` with a partner user (session shape only). */
export async function createTestPartner(db: PrismaClient, name: string, regionCode = "DACH"): Promise<TestPartner> {
  const org = await db.partnerOrg.create({ data: { name, regionCode, country: "DE" }, select: { id: true, name: true } });
  const user: SessionUser = {
    id: randomUUID(),
    email: `${org.id}@example.test`,
    name: `${name} user`,
    role: "PARTNER",
    partnerOrgId: org.id,
    partnerOrgName: org.name,
    regionCodes: [],
    locale: "en",
    timeZone: "UTC",
  };
  return { orgId: org.id, user };
}

/** Program ids per currency for accruals and clawbacks (the seeded commissions); adjustments and payouts have none. */
export async function commissionPrograms(db: PrismaClient): Promise<Record<"EUR" | "USD", string>> {
  const rows = await db.incentiveProgram.findMany({ where: { kind: "COMMISSION", status: "ACTIVE" }, select: { id: true, currency: true } });
  const of = (currency: string) => rows.find((r) => r.currency.trim() === currency)?.id ?? rows[0].id;
  return { EUR: of("EUR"), USD: of("USD") };
}

/** Appends the entries to `partnerOrgId`'s ledger; returns their ids (as strings) in order. */
export async function insertEntries(db: PrismaClient, partnerOrgId: string, entries: readonly GeneratedEntry[], programs: Record<"EUR" | "USD", string>): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of entries) {
    const fromProgram = entry.kind === "ACCRUAL" || entry.kind === "CLAWBACK";
    const row = await db.incentiveLedgerEntry.create({
      data: {
        partnerOrgId,
        programId: fromProgram ? programs[entry.currency] : null,
        kind: entry.kind,
        amount: BigInt(entry.amount),
        currency: entry.currency,
        dealId: entry.dealId ?? null,
        explanation: entry.explanation,
        explanationData: fromProgram ? { rule: "commission" } : { reason: entry.explanation },
        idempotencyKey: `statement-test:${randomUUID()}`,
        occurredAt: entry.occurredAt,
      },
      select: { id: true },
    });
    ids.push(row.id.toString());
  }
  return ids;
}
