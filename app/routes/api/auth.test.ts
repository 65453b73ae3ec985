import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../models/seed/demo.ts";
import { demoUser, invoke, jsonRequest, routeContext } from "../../../test/routes.ts";
import * as login from "./auth.login.ts";
import * as logout from "./auth.logout.ts";
import * as me from "./me.ts";
import * as notFound from "./not-found.ts";

const get = (url: string, headers: HeadersInit = {}) => new Request(`http://localhost${url}`, { headers });

describe("POST /api/v1/auth/login", () => {
  it("signs in and sets an HttpOnly, SameSite=Lax session cookie holding only an id", async () => {
    const res = await invoke(login.action, { request: jsonRequest("/api/v1/auth/login", { email: "partner@example.com", password: DEMO_PASSWORD }), context: routeContext(null), params: {} });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "partner@example.com", role: "PARTNER_ADMIN" });
    expect(body.user.partnerOrgId).toEqual(expect.any(String));
    expect(body.user.regionCodes).toEqual([]);
    expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name", "partnerOrgId", "regionCodes", "role"]);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^cw_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toContain("partner@example.com");
  });

  it("answers 401 in the API's error format for a wrong password", async () => {
    const res = await invoke(login.action, { request: jsonRequest("/api/v1/auth/login", { email: "partner@example.com", password: "wrong" }), context: routeContext(null, "10.1.1.1"), params: {} });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "invalid_credentials", message: expect.any(String) } });
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("answers 422 with the invalid fields, and 400 for malformed JSON", async () => {
    const invalid = await invoke(login.action, { request: jsonRequest("/api/v1/auth/login", { email: "not-an-email" }), context: routeContext(null), params: {} });
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "password"]);

    const malformed = await invoke(login.action, { request: jsonRequest("/api/v1/auth/login", "{nope"), context: routeContext(null), params: {} });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("malformed_json");
  });

  it("answers 429 with Retry-After once the account is locked for this address", async () => {
    const context = routeContext(null, "10.9.9.9");
    for (let i = 0; i < 5; i++) {
      await invoke(login.action, { request: jsonRequest("/api/v1/auth/login", { email: "manager@example.com", password: `bad${i}` }), context, params: {} });
    }
    const res = await invoke(login.action, { request: jsonRequest("/api/v1/auth/login", { email: "manager@example.com", password: DEMO_PASSWORD }), context, params: {} });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe("locked");
  });

  it("refuses GET with 405", async () => {
    const res = await invoke(login.loader, { request: get("/api/v1/auth/login"), context: routeContext(null), params: {} });
    expect(res.status).toBe(405);
  });
});

describe("GET /api/v1/me and POST /api/v1/auth/logout", () => {
  it("returns the signed-in user, and 401 without a session", async () => {
    const lead = await demoUser("lead@example.com");
    const res = await invoke(me.loader, { request: get("/api/v1/me"), context: routeContext(lead), params: {} });
    expect(res.status).toBe(200);
    const { user } = await res.json();
    expect(user).toEqual({ id: lead.id, email: "lead@example.com", name: lead.name, role: "REGIONAL_LEAD", partnerOrgId: null, regionCodes: lead.regionCodes });
    expect(user.regionCodes.length).toBeGreaterThan(0);

    const anonymous = await invoke(me.loader, { request: get("/api/v1/me"), context: routeContext(null), params: {} });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
  });

  it("logs out with 204 and a cleared cookie", async () => {
    const res = await invoke(logout.action, { request: jsonRequest("/api/v1/auth/logout", {}), context: routeContext(null), params: {} });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/cw_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await invoke(notFound.loader, { request: get("/api/v1/nope"), context: routeContext(null), params: {} });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
