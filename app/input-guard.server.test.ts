// NUL characters in a query string or a url-encoded form are refused before any loader runs.
import { describe, expect, it } from "vitest";
import { readJsonBody } from "./api.server.ts";
import { carriesNul } from "./input-guard.server.ts";

describe("carriesNul", () => {
  it("finds NUL in the query string, the path and a url-encoded form", async () => {
    expect(await carriesNul(new Request("http://localhost/partners?q=a%00"))).toBe(true);
    expect(await carriesNul(new Request("http://localhost/partners/a%00"))).toBe(true);
    expect(await carriesNul(new Request("http://localhost/segments", { method: "POST", body: new URLSearchParams({ show: "true\u0000" }) }))).toBe(true);
  });

  it("lets ordinary requests through and leaves the body readable", async () => {
    const request = new Request("http://localhost/segments?q=a%2500", { method: "POST", body: new URLSearchParams({ show: "true" }) });
    expect(await carriesNul(request)).toBe(false);
    expect((await request.formData()).get("show")).toBe("true");
  });
});

describe("readJsonBody", () => {
  const post = (body: string) => new Request("http://localhost/api/v1/deals", { method: "POST", headers: { "content-type": "application/json" }, body });

  it("refuses a NUL in any string or key with a 422 naming the field, and reads the rest", async () => {
    const refused = await readJsonBody(post(JSON.stringify({ customer: { name: "Acme\u0000 GmbH" } }))).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(422);
    expect((await (refused as Response).json()).error.fields).toEqual({ name: "may not contain NUL characters (\\u0000)" });
    expect(await readJsonBody(post(JSON.stringify({ customer: { name: "Acme GmbH" } })))).toEqual({ customer: { name: "Acme GmbH" } });
  });
});
