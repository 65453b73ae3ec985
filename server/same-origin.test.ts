// The same-origin check on state-changing requests (server/web.ts): what passes, what is refused.
import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { sameOriginOnly } from "./web.ts";

function check(method: string, headers: Record<string, string>): "passed" | number {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const req = { method, get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
  let status: number | null = null;
  const res = { status: (code: number) => ({ json: () => { status = code; } }) } as unknown as Response;
  let passed = false;
  sameOriginOnly(req, res, (() => { passed = true; }) as NextFunction);
  return passed ? "passed" : (status ?? -1);
}

describe("sameOriginOnly", () => {
  const host = { host: "portal.example.com" };
  it("lets reads through whatever their origin", () => {
    expect(check("GET", { ...host, origin: "https://evil.example" })).toBe("passed");
  });
  it("passes a post from the same origin and refuses one from another site", () => {
    expect(check("POST", { ...host, origin: "https://portal.example.com" })).toBe("passed");
    expect(check("POST", { ...host, origin: "https://evil.example" })).toBe(403);
    expect(check("DELETE", { ...host, "sec-fetch-site": "cross-site" })).toBe(403);
  });
  it("trusts Sec-Fetch-Site when the browser sends Origin: null, and refuses null without it", () => {
    expect(check("POST", { ...host, origin: "null", "sec-fetch-site": "same-origin" })).toBe("passed");
    expect(check("POST", { ...host, origin: "null", "sec-fetch-site": "cross-site" })).toBe(403);
    expect(check("POST", { ...host, origin: "null" })).toBe(403);
  });
  it("passes a bearer key without cookies, but not one riding on a cookie from another site", () => {
    expect(check("POST", { ...host, authorization: "Bearer cw_abc", origin: "https://evil.example" })).toBe("passed");
    expect(check("POST", { ...host, authorization: "Bearer cw_abc", cookie: "cw_session=x", origin: "https://evil.example" })).toBe(403);
  });
});
