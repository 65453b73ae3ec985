// registerDeal on the demo database: validation, customers found or created, events and audit,
// idempotent double submission, auto-approval on and off, who may register, and two partners
// registering the same customer at the same instant through two connection pools.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { PrismaClient } from "../db/generated/client.ts";
import { parseStoredFindings } from "./conflicts.ts";
import type { DealEventRecord } from "./deal-record.ts";
import { autoApprovalApplies, dealRegistrationInput, registerDeal } from "./registration.ts";
import { updateDealSettings } from "./settings.ts";
import { DealForbiddenError, DealValidationError } from "./transitions.ts";

let partner: SessionUser;
let partner2: SessionUser;
let manager: SessionUser;
let skus: string[];
let counter = 0;

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const SYLLABLES = ["ka", "ro", "vin", "tes", "mu", "dal", "sef", "or", "quin", "bra", "lu", "zem", "pa", "dor", "fi", "gral"];

/** A made-up word per number, so test customers' names share no word. */
function word(n: number): string {
  const text = [n % 16, Math.floor(n / 16) % 16, (n * 7 + 3) % 16].map((i) => SYLLABLES[i]).join("");
  return text[0].toUpperCase() + text.slice(1);
}

/** A registration for a customer no other test uses. */
function registration(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    customer: { name: `${word(counter)} ${word(counter + 101)} GmbH`, country: "DE" },
    title: "ERP for the test lab",
    value: { amount: 2_500_000, currency: "EUR" },
    productSkus: [skus[0]],
    expectedCloseDate: inAMonth(),
    ...overrides,
  };
}

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  partner2 = await demoUser("partner2@example.com");
  manager = await demoUser("manager@example.com");
  skus = (await db.product.findMany({ where: { active: true }, select: { sku: true }, orderBy: { sku: "asc" }, take: 3 })).map((p) => p.sku);
});

beforeEach(async () => {
  await updateDealSettings(db, manager, { autoApproveBelow: null });
});

describe("registerDeal", () => {
  it("creates the deal, a new customer, products, a SUBMITTED event and an audit entry", async () => {
    const events: DealEventRecord[] = [];
    const input = registration({ customer: { name: "Ostrowski Kältetechnik GmbH & Co. KG", domain: "https://www.ostrowski-kaelte.de/kontakt", country: "de", industry: "Manufacturing" }, productSkus: [skus[0], skus[1], skus[0]], notes: "Budget approved" });
    const result = await registerDeal(db, partner, input, { onEvent: async (_tx, e) => void events.push(e) });

    expect(result).toMatchObject({ created: true, status: "SUBMITTED", autoApproved: false, conflictScore: 0, conflicts: [] });
    expect(result.deal).toMatchObject({
      partnerOrgId: partner.partnerOrgId,
      customer: { name: "Ostrowski Kältetechnik GmbH & Co. KG", country: "DE", domain: "ostrowski-kaelte.de" },
      value: { amount: 2_500_000, currency: "EUR" },
      productSkus: [skus[0], skus[1]],
      expectedCloseDate: input.expectedCloseDate,
      protectionExpiresAt: null,
    });
    const customer = await db.customer.findUniqueOrThrow({ where: { id: result.deal.customer.id }, select: { normalizedName: true, industry: true } });
    expect(customer).toEqual({ normalizedName: "ostrowski kaltetechnik", industry: "Manufacturing" });
    expect(events.map((e) => e.action)).toEqual(["SUBMITTED"]);
    expect(result.events).toEqual(events);
    const audit = await db.auditLog.findMany({ where: { entityId: result.dealId }, select: { action: true, actorUserId: true, partnerOrgId: true } });
    expect(audit).toEqual([{ action: "deal.register", actorUserId: partner.id, partnerOrgId: partner.partnerOrgId }]);
  });

  it("reuses the customer with the same normalized name in the same country", async () => {
    const a = await registerDeal(db, partner, registration({ customer: { name: "Hallström Verpackung GmbH", country: "DE" } }));
    const b = await registerDeal(db, partner2, registration({ customer: { name: "HALLSTRÖM VERPACKUNG AG", country: "DE", domain: "hallstroem.de" }, productSkus: [skus[2]] }));
    expect(b.deal.customer.id).toBe(a.deal.customer.id);
    expect(b.deal.customer.domain).toBe("hallstroem.de");
    expect(b.conflicts).toHaveLength(1);
    expect(b.conflicts[0]).toMatchObject({ kind: "related", dealId: null });
  });

  it("flags a later registration of the same customer and product, never rejecting it, and writes CONFLICT_FOUND", async () => {
    const first = await registerDeal(db, partner, registration({ customer: { name: "Brandauer Holzbau GmbH", country: "DE" } }));
    const second = await registerDeal(db, partner2, registration({ customer: { name: "Brandauer Holzbau", country: "DE" } }));
    expect(first.conflicts).toEqual([]);
    expect(second.status).toBe("SUBMITTED");
    expect(second.conflictScore).toBeGreaterThan(0.9);
    expect(second.conflicts).toEqual([expect.objectContaining({ kind: "conflict", dealId: null, partnerOrgId: null, ownOrganization: false })]);
    expect(second.events.map((e) => e.action)).toEqual(["SUBMITTED", "CONFLICT_FOUND"]);
    const stored = await db.deal.findUniqueOrThrow({ where: { id: second.dealId }, select: { conflicts: true } });
    expect(parseStoredFindings(stored.conflicts).map((f) => f.dealId)).toEqual([first.dealId]);
  });

  it("creates one deal for a double submission, also when both arrive at once", async () => {
    const clientRequestId = `form-${Date.now()}`;
    const input = registration({ clientRequestId });
    const [a, b] = await Promise.all([registerDeal(db, partner, input), registerDeal(db, partner, input)]);
    const again = await registerDeal(db, partner, input);
    expect(new Set([a.dealId, b.dealId, again.dealId]).size).toBe(1);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(again).toMatchObject({ created: false, events: [] });
    expect(await db.deal.count({ where: { partnerOrgId: partner.partnerOrgId!, clientRequestId } })).toBe(1);
    // The same request id from another organization is another request.
    expect((await registerDeal(db, partner2, input)).created).toBe(true);
  });

  it("auto-approves a clean registration under the threshold, recorded as approved by the rule", async () => {
    await updateDealSettings(db, manager, { autoApproveBelow: { amount: 3_000_000, currency: "EUR" }, protectionDays: 60 });
    const now = new Date();
    const result = await registerDeal(db, partner, registration(), { now });
    expect(result).toMatchObject({ status: "APPROVED", autoApproved: true });
    expect(result.deal.decidedById).toBeNull();
    expect(result.deal.protectionExpiresAt).toBe(new Date(now.getTime() + 60 * 86_400_000).toISOString());
    expect(result.events.map((e) => [e.action, e.actorUserId, e.note])).toEqual([
      ["SUBMITTED", partner.id, null],
      ["AUTO_APPROVED", null, "approved by the rule"],
    ]);
    const audit = await db.auditLog.findMany({ where: { entityId: result.dealId }, select: { action: true }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["deal.register", "deal.auto_approve"]);
    await updateDealSettings(db, manager, { protectionDays: 90 });
  });

  it("does not auto-approve at or above the threshold, in another currency, with a conflict, or when off", async () => {
    await updateDealSettings(db, manager, { autoApproveBelow: { amount: 3_000_000, currency: "EUR" } });
    expect((await registerDeal(db, partner, registration({ value: { amount: 3_000_000, currency: "EUR" } }))).status).toBe("SUBMITTED");
    expect((await registerDeal(db, partner, registration({ value: { amount: 100, currency: "CHF" } }))).status).toBe("SUBMITTED");
    const first = await registerDeal(db, partner, registration({ customer: { name: "Kellermeister Anlagenbau GmbH", country: "DE" } }));
    expect(first.status).toBe("APPROVED");
    const flagged = await registerDeal(db, partner2, registration({ customer: { name: "Kellermeister Anlagenbau", country: "DE" } }));
    expect(flagged).toMatchObject({ status: "SUBMITTED", autoApproved: false });
    await updateDealSettings(db, manager, { autoApproveBelow: null });
    expect((await registerDeal(db, partner, registration({ value: { amount: 1, currency: "EUR" } }))).status).toBe("SUBMITTED");
  });

  it("auto-approves despite a related deal (no product in common)", () => {
    const rule = { autoApproveBelow: { amount: 1000, currency: "EUR" } };
    expect(autoApprovalApplies(rule, { value: { amount: 999, currency: "EUR" } }, [{ kind: "related" }])).toBe(true);
    expect(autoApprovalApplies(rule, { value: { amount: 999, currency: "EUR" } }, [{ kind: "conflict" }])).toBe(false);
  });

  it("refuses bad input with a message per field and writes nothing", async () => {
    const before = await db.deal.count();
    const bad = {
      customer: { name: "X", country: "Germany", domain: "10.0.0.1" },
      title: "",
      value: { amount: 12.5, currency: "EURO" },
      productSkus: [],
      expectedCloseDate: "2020-01-01",
    };
    const error = await registerDeal(db, partner, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealValidationError);
    expect(Object.keys((error as DealValidationError).fields).sort()).toEqual(
      ["customer.country", "customer.domain", "customer.name", "expectedCloseDate", "productSkus", "title", "value.amount", "value.currency"].sort(),
    );
    const unknownProduct = await registerDeal(db, partner, registration({ productSkus: ["NO-SUCH-SKU"] })).catch((e: unknown) => e);
    expect(unknownProduct).toMatchObject({ status: 422, fields: { productSkus: "unknown or inactive product: NO-SUCH-SKU" } });
    expect(await db.deal.count()).toBe(before);
  });

  it("accepts yesterday (UTC) as the expected close date for partners west of Greenwich, not the day before", () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const base = { customer: { name: "Acme", country: "US" }, title: "Acme ERP", value: { amount: 1, currency: "USD" }, productSkus: ["A"] };
    expect(dealRegistrationInput.safeParse({ ...base, expectedCloseDate: day(-1) }).success).toBe(true);
    expect(dealRegistrationInput.safeParse({ ...base, expectedCloseDate: day(-2) }).success).toBe(false);
  });

  it("lets only partner users register, for their own organization", async () => {
    await expect(registerDeal(db, manager, registration())).rejects.toBeInstanceOf(DealForbiddenError);
    const lead = await demoUser("lead@example.com");
    await expect(registerDeal(db, lead, registration())).rejects.toMatchObject({ status: 403 });
    const result = await registerDeal(db, partner2, registration({ partnerOrgId: partner.partnerOrgId }));
    expect(result.deal.partnerOrgId).toBe(partner2.partnerOrgId);
  });
});

describe("two partners registering the same customer at the same instant", () => {
  const pools: PrismaClient[] = [];

  beforeAll(() => {
    for (let i = 0; i < 2; i++) pools.push(new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }) }));
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.$disconnect()));
  });

  it("makes exactly one of them first, every time; the other is flagged with the first as its conflict", async () => {
    await updateDealSettings(db, manager, { autoApproveBelow: { amount: 10_000_000, currency: "EUR" } });
    // Warm both pools so the two registrations start together.
    await Promise.all(pools.map((p) => p.$queryRaw`SELECT 1`));
    for (let round = 0; round < 8; round++) {
      const name = `${word(200 + round)} ${word(230 + round)}`;
      const [a, b] = await Promise.all([
        registerDeal(pools[0], partner, registration({ customer: { name: `${name} GmbH`, country: "DE", domain: `${name.replace(" ", "-").toLowerCase()}.de` } })),
        registerDeal(pools[1], partner2, registration({ customer: { name: `${name} AG`, country: "DE", domain: `https://www.${name.replace(" ", "-").toLowerCase()}.de/` } })),
      ]);
      const results = [a, b];
      const first = results.filter((r) => r.conflicts.length === 0);
      const later = results.filter((r) => r.conflicts.length > 0);
      expect(first, `round ${round}`).toHaveLength(1);
      expect(later, `round ${round}`).toHaveLength(1);
      expect(first[0]).toMatchObject({ status: "APPROVED", autoApproved: true });
      expect(later[0]).toMatchObject({ status: "SUBMITTED", autoApproved: false });
      const stored = await db.deal.findUniqueOrThrow({ where: { id: later[0].dealId }, select: { conflicts: true, customerId: true } });
      const findings = parseStoredFindings(stored.conflicts);
      expect(findings.map((f) => [f.dealId, f.kind])).toEqual([[first[0].dealId, "conflict"]]);
      // One customer record for both: the second found the first's instead of creating a twin.
      expect(stored.customerId).toBe(first[0].deal.customer.id);
    }
  });
});
