// Deal registration end to end: a partner registers a deal for a customer another partner
// already registered and sees the live conflict warning (without that partner's deal), the
// channel manager approves it from the review queue, and the partner sees both in the timeline.
import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db.ts";
import { DealFormPage, DealPage, ReviewPage } from "./pages/deal-pages.ts";
import { DashboardPage } from "./pages/dashboard-page.ts";
import { LoginPage, signedIn } from "./pages/login-page.ts";

test("a partner registers with a live conflict warning, the manager approves, the timeline shows both", async ({ browser }) => {
  const [existing] = await queryE2eDb<{ id: string; name: string; domain: string | null; country: string; sku: string }>(
    `SELECT d.id, c.name, c.domain, trim(c.country) AS country,
            (SELECT p.sku FROM deal_product dp JOIN product p ON p.id = dp.product_id WHERE dp.deal_id = d.id AND p.active ORDER BY p.sku LIMIT 1) AS sku
     FROM deal d JOIN customer c ON c.id = d.customer_id
     WHERE d.status IN ('SUBMITTED', 'APPROVED') AND (d.protection_expires_at IS NULL OR d.protection_expires_at > now())
       AND d.partner_org_id <> (SELECT partner_org_id FROM app_user WHERE email = 'partner@example.com')
       AND EXISTS (SELECT 1 FROM deal_product dp JOIN product p ON p.id = dp.product_id WHERE dp.deal_id = d.id AND p.active)
     ORDER BY c.domain IS NULL, d.submitted_at DESC LIMIT 1`,
  );
  expect(existing, "the seed has an active deal of another organization").toBeDefined();

  const partner = await signedIn(browser, "partner@example.com");
  const form = new DealFormPage(partner);
  await form.openFromList();
  const title = `E2E rollout ${Date.now()}`;
  await form.fill({
    customerName: existing.name,
    domain: existing.domain ?? "",
    country: existing.country,
    sku: existing.sku,
    title,
    amount: "48000",
    expectedCloseDate: new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10),
  });
  const warning = form.liveConflicts().first();
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute("data-kind", "conflict");
  await expect(warning.getByTestId("conflict-similarity")).toContainText("% match");
  await expect(warning.getByTestId("conflict-reasons")).toContainText("same name");
  await expect(warning).toHaveAttribute("data-deal-id", "");
  await expect(partner.getByTestId("live-conflicts")).not.toContainText(existing.id);

  await form.submit();
  await expect(partner).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  const dealId = partner.url().split("/").pop()!;
  await expect(partner.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const [stored] = await queryE2eDb<{ n: string }>(`SELECT count(*) AS n FROM deal WHERE title = $1`, [title]);
  expect(Number(stored.n)).toBe(1);

  const manager = await signedIn(browser, "manager@example.com");
  const review = new ReviewPage(manager);
  await review.open();
  await expect(await review.findItem(dealId)).toBeVisible();
  await expect(review.item(dealId).getByTestId("conflict").first()).toBeVisible();
  await review.approve(dealId);
  await expect(review.item(dealId)).toHaveCount(0);

  const dealPage = new DealPage(partner);
  await dealPage.open(dealId);
  await expect(partner.getByTestId("deal-timeline")).toBeVisible();
  expect(await dealPage.eventActions()).toEqual(expect.arrayContaining(["SUBMITTED", "APPROVED"]));
  await expect(partner.getByTestId("deal-timeline")).toContainText("Approved the registration");
  await expect(partner.getByTestId("protection-countdown")).toBeVisible();
});

test("a half-typed domain never breaks the form, and field errors keep what was typed", async ({ page }) => {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn("partner@example.com");
  await new DashboardPage(page).expectLoaded();
  const form = new DealFormPage(page);
  await form.openFromList();
  const fields = page.getByTestId("deal-form");
  await fields.getByLabel("Customer name").fill("Halbfertig Maschinenbau GmbH");
  await fields.getByLabel("Country").selectOption("DE");
  // A domain with a made-up top-level domain is refused by the conflicts API (422): the live
  // check must only clear its warnings, never replace the form with an error page.
  await fields.getByLabel("Web domain").fill("halbfertig.notarealtld");
  await page.waitForTimeout(800);
  await expect(fields.getByLabel("Customer name")).toHaveValue("Halbfertig Maschinenbau GmbH");
  await expect(page.getByTestId("error-page")).toHaveCount(0);

  await fields.getByLabel("Web domain").fill("");
  await form.submit();
  await expect(page.getByText("Choose at least one product.")).toBeVisible();
  await expect(fields.getByLabel("Customer name")).toHaveValue("Halbfertig Maschinenbau GmbH");
  await expect(fields.getByLabel("Country")).toHaveValue("DE");
});
