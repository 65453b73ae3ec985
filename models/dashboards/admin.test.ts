// The admin dashboard against the seeded demo: users by role, live sessions, partner orgs and
// queue health (with a catalogue of the test's own; models/ does not know jobs/).
import { describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import { createSession, revokeSession } from "../auth/sessions.ts";
import { db } from "../db/client.ts";
import type { QueueCatalogueEntry } from "../jobs/admin.ts";
import { adminDashboard } from "./admin.ts";

const catalogue: QueueCatalogueEntry[] = [{ name: "test-pending", description: "Capability not landed", handler: undefined }];

describe("adminDashboard", () => {
  it("counts enabled users per role and partner orgs per status", async () => {
    const dashboard = await adminDashboard(db, { catalogue });
    for (const { role, count } of dashboard.usersByRole) {
      expect(count).toBe(await db.user.count({ where: { role, disabledAt: null } }));
    }
    expect(dashboard.users.enabled).toBe(await db.user.count({ where: { disabledAt: null } }));
    expect(dashboard.usersByRole.find((r) => r.role === "ADMIN")!.count).toBeGreaterThanOrEqual(1);
    expect(dashboard.partnerOrgs.total).toBe(await db.partnerOrg.count());
    expect(dashboard.partnerOrgs.total).toBeGreaterThanOrEqual(150);
  });

  it("counts sessions that are neither revoked nor expired", async () => {
    const before = (await adminDashboard(db, { catalogue })).activeSessions;
    const admin = await demoUser("admin@example.com");
    const live = await createSession(db, admin.id, { ttlHours: 1 });
    const revoked = await createSession(db, admin.id, { ttlHours: 1 });
    await revokeSession(db, revoked.id);
    await db.session.create({ data: { id: "expired-test-session", userId: admin.id, expiresAt: new Date(Date.now() - 1000) }, select: { id: true } });
    expect((await adminDashboard(db, { catalogue })).activeSessions).toBe(before + 1);
    expect(live.id).toBeTruthy();
  });

  it("lists each catalogue queue's health with JSON-safe times", async () => {
    const { queues } = await adminDashboard(db, { catalogue });
    expect(queues).toEqual([
      { queue: "test-pending", description: "Capability not landed", scheduled: null, hasHandler: false, created: 0, active: 0, completed: 0, failed: 0, lastRun: null },
    ]);
  });
});
