// The JSON API and the probes, over HTTP against the running server.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, LoginPage } from "./pages/login-page.ts";

test("health and readiness probes answer", async ({ request }) => {
  expect((await request.get("/healthz")).status()).toBe(200);
  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ ready: true, checks: { database: true, jobQueue: true } });
});

test("a partner is refused the admin jobs API; the admin runs a job and follows it", async ({ playwright, baseURL }) => {
  const partner = await playwright.request.newContext({ baseURL });
  expect((await partner.post("/api/v1/auth/login", { data: { email: "partner@example.com", password: DEMO_PASSWORD } })).status()).toBe(200);
  expect((await partner.get("/api/v1/admin/jobs")).status()).toBe(403);
  expect((await partner.post("/api/v1/admin/jobs/partner-features/run", { data: {} })).status()).toBe(403);
  await partner.dispose();

  const admin = await playwright.request.newContext({ baseURL });
  expect((await admin.post("/api/v1/auth/login", { data: { email: "admin@example.com", password: DEMO_PASSWORD } })).status()).toBe(200);
  const list = await admin.get("/api/v1/admin/jobs");
  expect(list.status()).toBe(200);
  const { items } = await list.json();
  expect(items.map((q: { queue: string }) => q.queue)).toEqual(
    expect.arrayContaining(["partner-features", "segment-partners", "forecast-regions", "score-deals", "expire-deals", "compute-incentives", "scrape-source", "route-alerts", "alert-digest", "send-notifications"]),
  );

  const run = await admin.post("/api/v1/admin/jobs/partner-features/run", { data: {} });
  expect(run.status()).toBe(202);
  const { jobId } = await run.json();
  await expect
    .poll(async () => (await (await admin.get(`/api/v1/admin/jobs/partner-features/${jobId}`)).json()).state, { timeout: 30_000 })
    .toBe("completed");

  expect((await admin.post("/api/v1/admin/jobs/no-such-queue/run", { data: {} })).status()).toBe(404);
  await admin.dispose();
});

test("a cross-site POST is refused", async ({ request }) => {
  const res = await request.post("/api/v1/auth/login", {
    headers: { Origin: "https://attacker.example" },
    data: { email: "partner@example.com", password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(403);
});

test("an API key acts as its user over HTTP, even cross-site without cookies, until revoked", async ({ browser, playwright, baseURL }) => {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("partner@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("E2E integration");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^cw_[0-9a-f]{8}_/);

  const integration = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
  const me = await integration.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe("partner@example.com");
  expect((await integration.get("/api/v1/admin/jobs")).status()).toBe(403);
  // No cookie rides along, so another site's Origin is no forgery risk.
  expect((await integration.post("/api/v1/notifications/read", { headers: { Origin: "https://erp.example" }, data: { all: true } })).status()).toBeLessThan(300);
  // A page does not take the key: only the API does.
  expect((await integration.get("/dashboard", { maxRedirects: 0 })).status()).toBe(302);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke" }).first().click();
  await expect(page.getByText(/^Revoked /).first()).toBeVisible();
  expect((await integration.get("/api/v1/me")).status()).toBe(401);
  await integration.dispose();
});
