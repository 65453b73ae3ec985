// Property-based (fast-check) against the real database: for generated ledger entries of every
// kind, in two currencies, spread over several partner organizations, a statement lists exactly
// its own organization's entries of the period, and its totals equal the sum of those entries.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import type { Money } from "../money.ts";
import { commissionPrograms, createTestPartner, generatedEntry, insertEntries, type GeneratedEntry } from "./statement-fixtures.ts";
import { periodRange } from "./statement-period.ts";
import { getStatement } from "./statement.ts";

let programs: Record<"EUR" | "USD", string>;
let run = 0;

beforeAll(async () => {
  programs = await commissionPrograms(db);
});

const periodArbitrary = fc
  .tuple(fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true }), fc.integer({ min: 0, max: 900 }))
  .map(([start, days]) => {
    const from = start.toISOString().slice(0, 10);
    return { from, to: new Date(new Date(`${from}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10) };
  });

const sumBy = (entries: readonly GeneratedEntry[], currency: string) => entries.filter((e) => e.currency === currency).reduce((s, e) => s + e.amount, 0);
const amountIn = (list: readonly Money[], currency: string) => list.filter((m) => m.currency === currency).reduce((s, m) => s + m.amount, 0);

describe("statement over generated ledgers", () => {
  it("lists exactly the organization's entries of the period, with totals equal to their sum", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(generatedEntry, { maxLength: 10 }), { minLength: 2, maxLength: 3 }), fc.nat(), periodArbitrary, async (ledgers, pick, period) => {
        run++;
        const partners = [];
        const idsByOrg: string[][] = [];
        for (const [index, entries] of ledgers.entries()) {
          const partner = await createTestPartner(db, `Property Totals ${run}-${index}`);
          partners.push(partner);
          idsByOrg.push(await insertEntries(db, partner.orgId, entries, programs));
        }
        const own = pick % ledgers.length;
        const statement = await getStatement(db, partners[own].user, { ...period, now: new Date("2026-12-31T12:00:00Z") });

        const { start, end } = periodRange(period);
        const inPeriod = (e: GeneratedEntry) => e.occurredAt >= start && e.occurredAt < end;
        const expectedIds = idsByOrg[own].filter((_, i) => inPeriod(ledgers[own][i]));
        expect(statement.entries.map((e) => e.id).sort()).toEqual([...expectedIds].sort());
        const foreign = new Set(idsByOrg.filter((_, i) => i !== own).flat());
        expect(statement.entries.some((e) => foreign.has(e.id))).toBe(false);

        const within = ledgers[own].filter(inPeriod);
        const before = ledgers[own].filter((e) => e.occurredAt < start);
        const { totals } = statement;
        for (const currency of ["EUR", "USD"]) {
          const balance = sumBy(within, currency);
          expect(amountIn(totals.balance, currency)).toBe(balance);
          expect(amountIn(totals.earned, currency)).toBe(sumBy(within.filter((e) => e.kind !== "PAYOUT"), currency));
          expect(amountIn(totals.paid, currency)).toBe(0 - sumBy(within.filter((e) => e.kind === "PAYOUT"), currency));
          expect(amountIn(totals.openingBalance, currency)).toBe(sumBy(before, currency));
          expect(amountIn(totals.closingBalance, currency)).toBe(sumBy(before, currency) + balance);
          expect(amountIn(totals.byKind.map((k) => k.amount), currency)).toBe(balance);
          expect(amountIn(totals.byProgram.map((p) => p.amount), currency)).toBe(balance);
          expect(totals.byMonth.filter((m) => m.currency === currency).reduce((s, m) => s + m.balance, 0)).toBe(balance);
          const last = statement.entries.filter((e) => e.amount.currency === currency).at(-1);
          if (last) expect(last.balanceAfter.amount).toBe(sumBy(before, currency) + balance);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
