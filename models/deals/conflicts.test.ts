// findDealConflicts on the demo database: same customer by domain or (similar) name within one
// country, only active registrations, shared products make a conflict and none a related deal,
// reasons explain it, and a partner never sees another partner's deal.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { conflictQueryInput, findDealConflicts, redactForPartner } from "./conflicts.ts";
import { registerDeal } from "./registration.ts";

let partner: SessionUser;
let partner2: SessionUser;
let manager: SessionUser;
let skus: string[];
let firstDealId: string;

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  partner = await demoUser("partner@example.com");
  partner2 = await demoUser("partner2@example.com");
  manager = await demoUser("manager@example.com");
  skus = (await db.product.findMany({ where: { active: true }, select: { sku: true }, orderBy: { sku: "asc" }, take: 3 })).map((p) => p.sku);
  const first = await registerDeal(db, partner, {
    customer: { name: "Quenzel Feinmechanik GmbH", domain: "https://www.quenzel-feinmechanik.de", country: "DE" },
    title: "Quenzel: ERP rollout",
    value: { amount: 5_000_000, currency: "EUR" },
    productSkus: [skus[0], skus[1]],
    expectedCloseDate: inAMonth(),
  });
  firstDealId = first.dealId;
});

describe("findDealConflicts", () => {
  it("finds the same customer by a near-identical name and shared products, with reasons", async () => {
    const { items } = await findDealConflicts(db, { customerName: "Quenzel Feinmechanik AG", country: "DE", productSkus: [skus[1]] });
    expect(items).toHaveLength(1);
    const [finding] = items;
    expect(finding).toMatchObject({ dealId: firstDealId, partnerOrgId: partner.partnerOrgId, kind: "conflict", similarity: 1, customerName: "Quenzel Feinmechanik GmbH" });
    expect(finding.reasons.map((r) => r.code)).toEqual(["same_name", "same_country", "shared_products", "registered_ago"]);
    expect(finding.reasons.find((r) => r.code === "shared_products")).toEqual({ code: "shared_products", params: { count: 1, skus: skus[1] }, text: "1 product in common" });
    expect(finding.reasons.at(-1)?.text).toBe("registered today, awaiting approval");
  });

  it("finds it by the registrable domain even under another name", async () => {
    const { items } = await findDealConflicts(db, { customerName: "QFM Präzisionstechnik", domain: "einkauf@shop.quenzel-feinmechanik.de", country: "DE", productSkus: skus });
    expect(items).toHaveLength(1);
    expect(items[0].similarity).toBeGreaterThanOrEqual(0.9);
    expect(items[0].reasons[0]).toEqual({ code: "same_domain", params: { domain: "quenzel-feinmechanik.de" }, text: "same web domain (quenzel-feinmechanik.de)" });
    expect(items[0].reasons.find((r) => r.code === "shared_products")?.text).toBe("2 products in common");
  });

  it("reports a similar name with its percentage", async () => {
    const { items } = await findDealConflicts(db, { customerName: "Quenzel Feinmechanick", country: "DE", productSkus: [skus[0]] });
    expect(items).toHaveLength(1);
    const similar = items[0].reasons.find((r) => r.code === "similar_name");
    expect(similar?.params.percent).toBeGreaterThanOrEqual(50);
    expect(similar?.text).toMatch(/^name \d+ % similar$/);
  });

  it("calls a same-customer deal without a product in common related, not conflicting", async () => {
    const { items } = await findDealConflicts(db, { customerName: "Quenzel Feinmechanik", country: "DE", productSkus: [skus[2]] });
    expect(items[0]).toMatchObject({ kind: "related" });
    expect(items[0].reasons.map((r) => r.code)).toContain("no_shared_products");
    expect(items[0].score).toBeLessThan(0.5);
  });

  it("looks only in the same country, and not at other names", async () => {
    expect((await findDealConflicts(db, { customerName: "Quenzel Feinmechanik GmbH", country: "AT", productSkus: skus })).items).toEqual([]);
    expect((await findDealConflicts(db, { customerName: "Quenzel Logistik GmbH", country: "DE", productSkus: skus })).items).toEqual([]);
  });

  it("ignores inactive registrations: decided, closed, or with lapsed protection", async () => {
    const later = new Date(Date.now() + 400 * 86_400_000);
    await db.deal.update({ where: { id: firstDealId }, data: { status: "APPROVED", protectionExpiresAt: new Date(Date.now() + 86_400_000) } });
    try {
      const query = { customerName: "Quenzel Feinmechanik", country: "DE", productSkus: skus };
      expect((await findDealConflicts(db, query)).items).toHaveLength(1);
      expect((await findDealConflicts(db, { ...query, asOf: later })).items).toEqual([]);
      expect((await findDealConflicts(db, { ...query, excludeDealId: firstDealId })).items).toEqual([]);
      await db.deal.update({ where: { id: firstDealId }, data: { status: "LOST" } });
      expect((await findDealConflicts(db, query)).items).toEqual([]);
    } finally {
      await db.deal.update({ where: { id: firstDealId }, data: { status: "SUBMITTED", protectionExpiresAt: null } });
    }
  });

  it("weakens a name match when both sides give different web domains", async () => {
    const { items } = await findDealConflicts(db, { customerName: "Quenzel Feinmechanik", domain: "quenzel.at", country: "DE", productSkus: skus });
    expect(items[0].similarity).toBe(0.8);
    expect(items[0].reasons.map((r) => r.code)).toContain("different_domain");
  });

  it("finds demo customers that other partners registered", async () => {
    const active = await db.deal.findFirstOrThrow({
      where: { status: "SUBMITTED" },
      select: { id: true, customer: { select: { name: true, country: true, domain: true } }, products: { select: { product: { select: { sku: true } } } } },
    });
    const { items } = await findDealConflicts(db, {
      customerName: active.customer.name.toUpperCase(),
      country: active.customer.country,
      productSkus: active.products.map((p) => p.product.sku),
    });
    expect(items.map((f) => f.dealId)).toContain(active.id);
  });
});

describe("redactForPartner", () => {
  it("shows managers everything, the owning partner its own deal, and another partner only that and why", async () => {
    const { items } = await findDealConflicts(db, { customerName: "Quenzel Feinmechanik", country: "DE", productSkus: skus });
    expect(redactForPartner(items, manager)[0]).toMatchObject({ dealId: firstDealId, ownOrganization: false });
    expect(redactForPartner(items, partner)[0]).toMatchObject({ dealId: firstDealId, partnerOrgId: partner.partnerOrgId, ownOrganization: true });
    const other = redactForPartner(items, partner2)[0];
    expect(other).toMatchObject({ dealId: null, partnerOrgId: null, customerName: null, ownOrganization: false, kind: "conflict" });
    expect(JSON.stringify(other)).not.toContain(firstDealId);
    expect(JSON.stringify(other)).not.toContain(partner.partnerOrgId!);
    expect(other.reasons.length).toBeGreaterThan(0);
  });
});

describe("conflictQueryInput", () => {
  it("validates the query of GET /api/v1/deals/conflicts", () => {
    expect(conflictQueryInput.parse({ customerName: " Acme ", domain: "www.acme.de", country: "de" })).toEqual({ customerName: "Acme", domain: "acme.de", country: "DE", productSkus: [] });
    const bad = conflictQueryInput.safeParse({ customerName: "A", domain: "127.0.0.1", country: "XX" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["customerName", "domain", "country"]);
  });
});
