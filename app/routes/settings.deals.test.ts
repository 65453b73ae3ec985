import { describe, expect, it } from "vitest";
import { db } from "../../models/db/client.ts";
import { getDealSettings } from "../../models/deals/settings.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import * as page from "./settings.deals.tsx";

const formRequest = (fields: Record<string, string>) =>
  new Request("http://localhost/settings/deals", { method: "POST", body: new URLSearchParams(fields) });

describe("/settings/deals", () => {
  it("is refused to partners and regional leads", async () => {
    for (const email of ["partner@example.com", "lead@example.com"]) {
      const user = await demoUser(email);
      const res = await invoke(page.loader, { request: new Request("http://localhost/settings/deals"), context: routeContext(user), params: {} });
      expect(res.status, email).toBe(403);
      const post = await invoke(page.action, { request: formRequest({ reviewSlaHours: "1" }), context: routeContext(user), params: {} });
      expect(post.status, email).toBe(403);
    }
    expect((await getDealSettings(db)).reviewSlaHours).toBe(48);
  });

  it("refuses bad values, keeps what was typed and changes nothing", async () => {
    const manager = await demoUser("manager@example.com");
    const before = await getDealSettings(db);
    const res = await invoke(page.action, {
      request: formRequest({ reviewSlaHours: "two days", protectionDays: "90", extensionDays: "0", autoApprove: "on", autoApproveAmount: "abc", autoApproveCurrency: "EUR" }),
      context: routeContext(manager),
      params: {},
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.values.reviewSlaHours).toBe("two days");
    expect(body.errors.autoApproveBelow).toBe(true);
    expect(await getDealSettings(db)).toEqual(before);
  });

  it("saves valid rules for a manager, audited, and the registration rules use them", async () => {
    const manager = await demoUser("manager@example.com");
    const res = await invoke(page.action, {
      request: formRequest({ reviewSlaHours: "24", protectionDays: "120", extensionDays: "45", autoApprove: "on", autoApproveAmount: "25000", autoApproveCurrency: "EUR" }),
      context: routeContext(manager),
      params: {},
    });
    expect(res.status).toBe(200);
    expect(await getDealSettings(db)).toEqual({ reviewSlaHours: 24, protectionDays: 120, extensionDays: 45, autoApproveBelow: { amount: 2_500_000, currency: "EUR" } });
    expect(await db.auditLog.count({ where: { action: "deal_settings.update", actorUserId: manager.id } })).toBe(1);

    const loaded = await invoke(page.loader, { request: new Request("http://localhost/settings/deals"), context: routeContext(manager), params: {} });
    expect((await loaded.json()).values).toMatchObject({ reviewSlaHours: "24", autoApprove: "on", autoApproveAmount: "25000.00" });
  });
});
