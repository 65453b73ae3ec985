// Property-based (fast-check): whichever partner organization is asked for and whoever asks, the
// 360 profile's `.data` request (client-side navigation) answers only what the user may see —
// the organization itself for managers and admins, a lead's regions only, partners never — and
// the deals, ledger entries and activities it carries all belong to the organization asked for.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import type { PartnerProfile } from "../../models/partners/profiles.ts";
import { scoreAllPartners } from "../../models/partners/score-fixtures.ts";
import { demoUsers } from "../../test/routes.ts";
import { pageData, ROUTE_IDS } from "./partners.test-support.ts";

type Org = { id: string; regionCode: string };
let orgs: Org[];
let users: Record<"manager" | "admin" | "lead" | "partner" | "partner2", SessionUser>;

beforeAll(async () => {
  orgs = await db.partnerOrg.findMany({ select: { id: true, regionCode: true }, orderBy: { id: "asc" } });
  users = await demoUsers();
  await scoreAllPartners(db);
});

function expectedStatus(role: keyof typeof users, org: Org): number {
  if (role === "partner" || role === "partner2") return 403;
  if (role === "lead") return users.lead.regionCodes.includes(org.regionCode) ? 200 : 404;
  return 200;
}

describe("the profile's `.data` request", () => {
  it("answers only what the user may see, and only about the organization asked for", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom<keyof typeof users>("manager", "admin", "lead", "partner", "partner2"), async (pick, role) => {
        const org = orgs[pick % orgs.length];
        const result = await pageData(users[role], `/partners/${org.id}.data`, ROUTE_IDS.profile);
        const expected = expectedStatus(role, org);
        expect({ role, status: result.status }).toEqual({ role, status: expected });
        if (expected !== 200) {
          expect(result.loaderData).toBeUndefined();
          expect(result.body).not.toContain("churn");
          return;
        }
        const { profile } = result.loaderData as { profile: PartnerProfile };
        expect(profile.partner.id).toBe(org.id);
        const [dealOwners, entryOwners, activityOwners] = await Promise.all([
          db.deal.findMany({ where: { id: { in: profile.deals.map((d) => d.id) } }, select: { partnerOrgId: true }, distinct: ["partnerOrgId"] }),
          db.incentiveLedgerEntry.findMany({ where: { id: { in: profile.ledger.map((e) => BigInt(e.id)) } }, select: { partnerOrgId: true }, distinct: ["partnerOrgId"] }),
          db.activity.findMany({ where: { id: { in: profile.timeline.map((a) => BigInt(a.id)) } }, select: { partnerOrgId: true }, distinct: ["partnerOrgId"] }),
        ]);
        for (const owners of [dealOwners, entryOwners, activityOwners]) expect(owners.every((o) => o.partnerOrgId === org.id)).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 180_000);

  it("refuses partners the list and segments pages too, even for their own organization", async () => {
    for (const role of ["partner", "partner2"] as const) {
      expect((await pageData(users[role], "/partners.data", ROUTE_IDS.list)).status).toBe(403);
      expect((await pageData(users[role], "/segments.data", ROUTE_IDS.segments)).status).toBe(403);
      const own = await pageData(users[role], `/partners/${users[role].partnerOrgId}.data`, ROUTE_IDS.profile);
      expect(own.status).toBe(403);
      expect(own.loaderData).toBeUndefined();
    }
  });

  it("lists only a lead's regions through `.data`, whatever region they filter on", async () => {
    const outside = orgs.find((o) => !users.lead.regionCodes.includes(o.regionCode));
    const result = await pageData(users.lead, `/partners.data?region=${outside?.regionCode}&sort=churn`, ROUTE_IDS.list);
    expect(result.status).toBe(200);
    expect((result.loaderData as { total: number }).total).toBe(0);
    const all = await pageData(users.lead, "/partners.data?sort=name", ROUTE_IDS.list);
    const items = (all.loaderData as { items: { region: { code: string } }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((p) => users.lead.regionCodes.includes(p.region.code))).toBe(true);
  });
});
