// Tender → partner recommendations on the demo database: only ACTIVE partners of the tender's
// regions, the region's partners of the named industry first, product fit from won deals, a
// win rate that a tiny sample cannot dominate, the segment of the latest run — with reasons.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { insertSegmentRun } from "../partners/score-fixtures.ts";
import { recommendPartnersForTender, tenderRecommender } from "./recommend.ts";
import { scoreCandidate, segmentFactor, tenderMentions, type CandidateFacts } from "./tender-fit.ts";

type Org = { id: string; name: string; regionCode: string; country: string; industries: string[]; status: string };
let orgs: Org[];
let industry: string;

beforeAll(async () => {
  orgs = await db.partnerOrg.findMany({ select: { id: true, name: true, regionCode: true, country: true, industries: true, status: true } });
  // The industry most DACH partners serve, so the test does not depend on one seed's choice.
  const counts = new Map<string, number>();
  for (const o of orgs.filter((o) => o.regionCode === "DACH" && o.status === "ACTIVE")) for (const i of o.industries) counts.set(i, (counts.get(i) ?? 0) + 1);
  industry = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
});

const orgOf = (id: string) => orgs.find((o) => o.id === id)!;

describe("recommendPartnersForTender", () => {
  it("ranks the region's partners of the tender's industry first, with reasons", async () => {
    const tender = { title: `ERP system for a ${industry} group in Bavaria`, summary: `Public tender: ${industry} company seeks an ERP partner.`, location: "Munich, Germany" };
    const ranked = await recommendPartnersForTender(db, tender, ["DACH"], { limit: 10 });
    expect(ranked).toHaveLength(10);
    for (const r of ranked) {
      expect(orgOf(r.partnerOrgId)).toMatchObject({ regionCode: "DACH", status: "ACTIVE" });
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    const top = ranked.slice(0, 3);
    for (const r of top) {
      expect(orgOf(r.partnerOrgId).industries).toContain(industry);
      expect(r.reasons).toContain(`Serves ${industry}`);
    }
    expect(ranked[0].reasons.some((reason) => /^Won \d+ of \d+ closed deals|^No closed deals yet/.test(reason))).toBe(true);
    // A German partner of the industry outranks an Austrian or Swiss one with the same industry and no better record.
    const german = ranked.find((r) => orgOf(r.partnerOrgId).country === "DE");
    expect(german?.reasons).toContain("Based in Germany, where the tender is");
  });

  it("never recommends partners that are not ACTIVE, and none outside the regions", async () => {
    const inactive = orgs.filter((o) => o.status !== "ACTIVE").map((o) => o.id);
    expect(inactive.length).toBeGreaterThan(0);
    const ranked = await recommendPartnersForTender(db, { title: "ERP tender", summary: null, location: null }, ["DACH", "NORDICS"], { limit: 500 });
    expect(ranked.length).toBe(orgs.filter((o) => o.status === "ACTIVE" && ["DACH", "NORDICS"].includes(o.regionCode)).length);
    expect(ranked.some((r) => inactive.includes(r.partnerOrgId))).toBe(false);
  });

  it("counts won deals with the products the tender names", async () => {
    const ranked = await recommendPartnersForTender(db, { title: "Tender: warehouse management and payroll system", summary: null, location: null }, ["DACH"], { limit: 3 });
    const reason = ranked[0].reasons.find((r) => r.startsWith("Won ") && r.includes(" with "));
    expect(reason).toMatch(/^Won \d+ deals? with (HR & Payroll or Inventory & Warehouse|Inventory & Warehouse or HR & Payroll)$/);
    const [count] = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(DISTINCT d.id)::int AS n FROM deal d JOIN deal_product dp ON dp.deal_id = d.id JOIN product p ON p.id = dp.product_id
      WHERE d.partner_org_id = ${ranked[0].partnerOrgId}::uuid AND d.status = 'WON' AND p.sku IN ('INV-WMS', 'HR-PAY')`;
    expect(reason).toContain(`Won ${count.n} `);
  });

  it("uses the latest segment run's label", async () => {
    const dach = orgs.filter((o) => o.regionCode === "DACH" && o.status === "ACTIVE");
    await insertSegmentRun(db, { scores: dach.map((o, i) => ({ partnerOrgId: o.id, segment: i === 0 ? "Champions" : "Dormant", health: 50, churn: 0.2 })) });
    const ranked = await recommendPartnersForTender(db, { title: "ERP tender", summary: null, location: null }, ["DACH"], { limit: 60 });
    const champion = ranked.find((r) => r.partnerOrgId === dach[0].id);
    expect(champion?.reasons).toContain("Segment: Champions");
    expect(ranked.find((r) => r.partnerOrgId === dach[1].id)?.reasons).toContain("Segment: Dormant");
  });
});

describe("tenderRecommender", () => {
  it("ranks a batch of tenders (shared regions in any order) exactly as one call per tender does", async () => {
    const tenders = [
      { title: `ERP system for a ${industry} group in Bavaria`, summary: null, location: "Munich, Germany" },
      { title: "Tender: warehouse management and payroll system", summary: null, location: null },
      { title: "ERP tender", summary: null, location: "Oslo" },
    ];
    const now = new Date();
    const recommend = tenderRecommender(db, now);
    for (const [tender, regions] of [[tenders[0], ["DACH"]], [tenders[1], ["DACH"]], [tenders[2], ["NORDICS", "DACH"]], [tenders[2], ["DACH", "NORDICS"]]] as const) {
      expect(await recommend(tender, regions, 8)).toEqual(await recommendPartnersForTender(db, tender, regions, { limit: 8, now }));
    }
  });
});

describe("scoring, pure", () => {
  const mentions = tenderMentions("Hospital ERP: financial management system", {
    industries: ["Healthcare", "Retail"],
    products: [{ id: "p1", sku: "FIN-CORE", name: "Finance Core", line: "Finance" }, { id: "p2", sku: "MFG-MES", name: "Manufacturing Execution", line: "Manufacturing" }],
  }, ["DE"]);
  const base: CandidateFacts = { partnerOrgId: "a", name: "A", country: "DE", regionCode: "DACH", regionName: "DACH", industries: [], wonWithMentioned: 0, won: 0, lost: 0, segmentLabel: null };

  it("reads industries through synonyms and products through inflections", () => {
    expect(mentions.industries).toEqual(["Healthcare"]);
    expect(mentions.products.map((p) => p.id)).toEqual(["p1"]);
  });

  it("does not let one won deal beat a long record (the win rate is shrunk towards the average)", () => {
    const lucky = scoreCandidate({ ...base, won: 1, lost: 0 }, mentions, 0.4);
    const proven = scoreCandidate({ ...base, partnerOrgId: "b", won: 30, lost: 10 }, mentions, 0.4);
    expect(proven.score).toBeGreaterThan(lucky.score);
    expect(lucky.reasons).toContain("Won 1 of 1 closed deals (100 %)");
  });

  it("favours champions over dormant partners and treats unknown labels as neutral", () => {
    expect(segmentFactor("Strategic champion")).toBeGreaterThan(segmentFactor("Steady contributor"));
    expect(segmentFactor("Steady contributor")).toBeGreaterThan(segmentFactor("Dormant — at risk"));
    expect(segmentFactor("Something new")).toBe(0.5);
  });
});
