// Market alerts end to end in Chromium against the seeded demo: the demo's own sources (an RSS
// feed, an HTML tender list and a JavaScript-rendered news page the app serves) are scraped by
// the real job — the news page rendered in Chromium — and routed; the regional lead filters the
// inbox to tenders, opens one with its recommended partners and forwards it as a lead, and the
// partner's users are notified. Partners never reach the alerts.
import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db.ts";
import { adminApi, runJob } from "./jobs.ts";
import { signedIn } from "./pages/login-page.ts";

async function leadAlerts(kind: string): Promise<number> {
  const [row] = await queryE2eDb<{ n: string }>(
    `SELECT count(*) AS n FROM alert a JOIN market_item i ON i.id = a.item_id JOIN app_user u ON u.id = a.user_id
     WHERE u.email = 'lead@example.com' AND i.content_type = $1`,
    [kind],
  );
  return Number(row.n);
}

test.beforeAll(async ({ playwright, baseURL }) => {
  test.setTimeout(180_000);
  if ((await leadAlerts("TENDER")) > 0) return;
  const admin = await adminApi(playwright, baseURL);
  await runJob(admin, "scrape-source", 150_000);
  // Routing runs as its own job on the new items.
  await expect.poll(() => leadAlerts("TENDER"), { timeout: 60_000 }).toBeGreaterThan(0);
  await admin.dispose();
});

test("every demo source was scraped, the JavaScript page through Chromium", async () => {
  const sources = await queryE2eDb<{ kind: string; last_status: string | null; items: string }>(
    `SELECT s.kind, s.last_status, (SELECT count(*) FROM market_item i WHERE i.source_id = s.id) AS items FROM market_source s ORDER BY s.kind`,
  );
  expect(sources.map((s) => s.kind).sort()).toEqual(["HTML", "JS", "RSS"]);
  for (const source of sources) {
    expect(source.last_status, `${source.kind} source status`).toBe("ok");
    expect(Number(source.items), `${source.kind} source items`).toBeGreaterThan(0);
  }
});

test("the lead sees a tender alert with recommended partners and forwards it to a partner", async ({ browser }) => {
  const lead = await signedIn(browser, "lead@example.com");
  await expect(lead.getByTestId("nav-alerts-unread")).toBeVisible();
  await lead.getByTestId("nav-alerts").first().click();
  await expect(lead).toHaveURL(/\/alerts/);

  await lead.getByLabel("Content").selectOption("TENDER");
  await lead.getByRole("button", { name: "Apply" }).click();
  await expect(lead).toHaveURL(/contentType=TENDER/);
  const alerts = lead.getByTestId("alert");
  await expect(alerts.first()).toBeVisible();
  for (const severity of await alerts.evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")))) expect(["MEDIUM", "HIGH"]).toContain(severity);
  await expect(alerts.first().getByTestId("alert-reasons")).toContainText(/Tender in/);
  // The tender's own reference, read by the source's reference selector, is what a bidder quotes.
  await expect(alerts.first().getByTestId("alert-facts")).toContainText(/Reference: CW-\d{4}-\d{5}/);

  // One alert in full: the partners best placed to bid, each with reasons.
  const alertId = await alerts.first().getAttribute("data-alert-id");
  await lead.goto(`/alerts/${alertId}`);
  const recommended = lead.getByTestId("recommended-partners").locator(":scope > li");
  await expect(recommended.first()).toBeVisible();
  const partnerOrgId = await recommended.first().getAttribute("data-partner-id");
  await expect(recommended.first().locator("li").first()).toBeVisible();
  const sourceLink = lead.getByTestId("source-link").first();
  await expect(sourceLink).toHaveAttribute("href", /^https?:\/\//);
  await expect(sourceLink).toHaveAttribute("rel", /noopener/);

  // Forwarding without choosing a partner is refused and keeps the note typed.
  const form = lead.getByTestId("forward-form");
  await form.getByLabel("Note for the partner (optional)").fill("Bid with us: we have the Bavarian references.");
  await form.getByRole("button", { name: "Forward as a lead" }).click();
  await expect(lead.getByTestId("forward-error")).toBeVisible();
  await expect(form.getByLabel("Note for the partner (optional)")).toHaveValue("Bid with us: we have the Bavarian references.");

  await form.getByLabel("Partner", { exact: true }).selectOption(partnerOrgId!);
  await form.getByRole("button", { name: "Forward as a lead" }).click();
  await expect(lead.getByTestId("forward-sent")).toBeVisible();

  const notified = await queryE2eDb<{ kind: string; body: string | null }>(
    `SELECT n.kind, n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.partner_org_id = $1 AND n.kind = 'market.lead'`,
    [partnerOrgId],
  );
  expect(notified.length).toBeGreaterThan(0);
  expect(notified[0].body).toContain("Bid with us");
});

test("a partner is refused the alerts and the market sources", async ({ browser }) => {
  const partner = await signedIn(browser, "partner@example.com");
  expect((await partner.goto("/alerts"))?.status()).toBe(403);
  expect((await partner.goto("/market/sources"))?.status()).toBe(403);
});
