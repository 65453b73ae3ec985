import { describe, expect, it } from "vitest";
import { can, canSeePartnerOrg, dealScope, partnerOrgScope } from "./permissions.ts";
import type { SessionUser } from "./users.ts";

const base: Omit<SessionUser, "role" | "partnerOrgId" | "regionCodes"> = {
  id: "u",
  email: "u@example.com",
  name: "U",
  partnerOrgName: null,
  locale: "en",
  timeZone: "UTC",
};
const partner: SessionUser = { ...base, role: "PARTNER", partnerOrgId: "org-a", regionCodes: [] };
const manager: SessionUser = { ...base, role: "CHANNEL_MANAGER", partnerOrgId: null, regionCodes: [] };
const lead: SessionUser = { ...base, role: "REGIONAL_LEAD", partnerOrgId: null, regionCodes: ["DACH"] };
const admin: SessionUser = { ...base, role: "ADMIN", partnerOrgId: null, regionCodes: [] };

describe("permissions", () => {
  it("limits partners to their own organization", () => {
    expect(dealScope(partner)).toEqual({ partnerOrgId: "org-a" });
    expect(partnerOrgScope(partner)).toEqual({ id: "org-a" });
    expect(canSeePartnerOrg(partner, { id: "org-a", regionCode: "DACH" })).toBe(true);
    expect(canSeePartnerOrg(partner, { id: "org-b", regionCode: "DACH" })).toBe(false);
  });

  it("never gives a partner without an organization everything", () => {
    const orphan: SessionUser = { ...partner, partnerOrgId: null };
    expect(partnerOrgScope(orphan)).not.toEqual({});
    expect(dealScope(orphan)).not.toEqual({});
  });

  it("limits regional leads to their regions", () => {
    expect(partnerOrgScope(lead)).toEqual({ regionCode: { in: ["DACH"] } });
    expect(canSeePartnerOrg(lead, { id: "x", regionCode: "NORDICS" })).toBe(false);
  });

  it("gives managers and admins every organization, and only admins the job console", () => {
    expect(dealScope(manager)).toEqual({});
    expect(can(manager, "deals:review")).toBe(true);
    expect(can(partner, "deals:review")).toBe(false);
    expect(can(manager, "admin:jobs")).toBe(false);
    expect(can(admin, "admin:jobs")).toBe(true);
    expect(can(lead, "alerts:read")).toBe(true);
    expect(can(partner, "partners:read")).toBe(false);
  });
});
