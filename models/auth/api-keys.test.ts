// API keys against the real database: a key is shown once and stored only as a hash, acts as
// its user (through the root middleware, on /api/ paths only), and stops working when revoked,
// expired, malformed or when its user is disabled.
import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { loadUserMiddleware } from "../../app/auth.server.ts";
import { userContext } from "../../app/context.ts";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import * as me from "../../app/routes/api/me.ts";
import { db } from "../db/client.ts";
import { ApiKeyInputError, createApiKey, listApiKeys, revokeApiKey, userOfApiKey } from "./api-keys.ts";

async function middlewareUser(path: string, key: string) {
  const context = new RouterContextProvider();
  await loadUserMiddleware({ request: new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }), context });
  return context.get(userContext);
}

describe("API keys", () => {
  it("acts as the user it was issued to, on the API only, and is stored only as a hash", async () => {
    const partner = await demoUser("partner@example.com");
    const { key, apiKey } = await createApiKey(db, partner, { name: "CRM sync" });
    expect(key).toMatch(/^cw_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`cw_${apiKey.prefix}_`)).toBe(true);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id }, select: { keyHash: true } });
    expect(stored.keyHash).not.toContain(key.slice(12));

    const viaApi = await middlewareUser("/api/v1/me", key);
    expect(viaApi).toMatchObject({ id: partner.id, partnerOrgId: partner.partnerOrgId, role: partner.role });
    expect(await middlewareUser("/dashboard", key)).toBeNull();
    const res = await invoke(me.loader, { request: new Request("http://localhost/api/v1/me"), context: routeContext(viaApi), params: {} });
    expect((await res.json()).user.email).toBe("partner@example.com");
    expect((await listApiKeys(db, partner))[0]).toMatchObject({ name: "CRM sync", revokedAt: null });
    expect((await listApiKeys(db, partner))[0].lastUsedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "api_key.create", entityId: apiKey.id, actorUserId: partner.id } })).toBe(1);
  });

  it("authenticates nobody when revoked, expired, malformed, tampered with, or its user is disabled", async () => {
    const manager = await demoUser("manager@example.com");
    const revoked = await createApiKey(db, manager, { name: "Old ERP" });
    const other = await demoUser("partner2@example.com");
    expect(await revokeApiKey(db, other, revoked.apiKey.id)).toBe(false); // not theirs
    expect(await revokeApiKey(db, manager, revoked.apiKey.id)).toBe(true);
    expect(await userOfApiKey(db, revoked.key)).toBeNull();

    const expiring = await createApiKey(db, manager, { name: "Short-lived", expiresInDays: 1 });
    expect(await userOfApiKey(db, expiring.key, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
    expect(await userOfApiKey(db, `${expiring.key.slice(0, -1)}${expiring.key.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await userOfApiKey(db, "not-a-key")).toBeNull();

    const partner2 = await createApiKey(db, other, { name: "Partner 2 integration" });
    await db.user.update({ where: { id: other.id }, data: { disabledAt: new Date() } });
    expect(await userOfApiKey(db, partner2.key)).toBeNull();
    await db.user.update({ where: { id: other.id }, data: { disabledAt: null } });
    expect((await userOfApiKey(db, partner2.key))?.user.id).toBe(other.id);
  });

  it("refuses a missing name and a silly expiry, writing nothing", async () => {
    const admin = await demoUser("admin@example.com");
    const before = await db.apiKey.count();
    await expect(createApiKey(db, admin, { name: " ", expiresInDays: 5000 })).rejects.toMatchObject({ fields: { name: expect.any(String), expiresInDays: expect.any(String) } });
    await expect(createApiKey(db, admin, {})).rejects.toBeInstanceOf(ApiKeyInputError);
    expect(await db.apiKey.count()).toBe(before);
  });
});
