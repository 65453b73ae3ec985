// /settings/api-keys: a user creates a key (shown once), sees only their own keys, revokes one;
// a bad name keeps what was typed and creates nothing; another user's key cannot be revoked.
import { describe, expect, it } from "vitest";
import { db } from "../../models/db/client.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import * as page from "./settings.api-keys.tsx";

const post = (fields: Record<string, string>) => new Request("http://localhost/settings/api-keys", { method: "POST", body: new URLSearchParams(fields) });

describe("/settings/api-keys", () => {
  it("creates a key shown once, lists only the user's own keys, and revokes it", async () => {
    const [partner, manager] = await Promise.all([demoUser("partner@example.com"), demoUser("manager@example.com")]);
    const created = await (await invoke(page.action, { request: post({ intent: "create", name: "Partner CRM", expires: "90" }), context: routeContext(partner), params: {} })).json();
    expect(created.key).toMatch(/^cw_/);
    const listed = await (await invoke(page.loader, { request: new Request("http://localhost/settings/api-keys"), context: routeContext(partner), params: {} })).json();
    expect(listed.keys.map((k: { name: string }) => k.name)).toContain("Partner CRM");
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const id = listed.keys[0].id as string;
    expect((await (await invoke(page.loader, { request: new Request("http://localhost/settings/api-keys"), context: routeContext(manager), params: {} })).json()).keys.map((k: { id: string }) => k.id)).not.toContain(id);
    expect((await invoke(page.action, { request: post({ intent: "revoke", id }), context: routeContext(manager), params: {} })).status).toBe(404);
    expect((await invoke(page.action, { request: post({ intent: "revoke", id }), context: routeContext(partner), params: {} })).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } })).revokedAt).not.toBeNull();
  });

  it("keeps what was typed when the name is missing, and creates nothing", async () => {
    const partner = await demoUser("partner2@example.com");
    const before = await db.apiKey.count();
    const res = await invoke(page.action, { request: post({ intent: "create", name: "x", expires: "30" }), context: routeContext(partner), params: {} });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ values: { name: "x", expires: "30" }, errors: { name: expect.stringMatching(/at least 3/) } });
    expect(await db.apiKey.count()).toBe(before);
  });
});
