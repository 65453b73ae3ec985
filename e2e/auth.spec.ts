// Each demo role signs in and lands on its dashboard showing the seeded numbers; a wrong
// password shows an error and keeps the e-mail; a partner cannot open another org's deal.
import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db.ts";
import { DashboardPage } from "./pages/dashboard-page.ts";
import { LoginPage } from "./pages/login-page.ts";

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await queryE2eDb<{ n: string }>(sql, params);
  return Number(row.n);
}

async function openDealsOf(email: string): Promise<number> {
  return count(
    `SELECT count(*) AS n FROM deal d JOIN app_user u ON u.partner_org_id = d.partner_org_id
     WHERE u.email = $1 AND d.status IN ('SUBMITTED', 'APPROVED')`,
    [email],
  );
}

test("a wrong password shows an error and keeps the e-mail", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("partner@example.com", "not-the-password");
  await login.expectError("do not match");
  await expect(page.getByLabel("E-mail")).toHaveValue("partner@example.com");
  await expect(page).toHaveURL(/\/login/);
});

for (const email of ["partner@example.com", "partner2@example.com"]) {
  test(`${email} sees their own organization's open deals and earnings`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(email);
    const dashboard = new DashboardPage(page);
    await dashboard.expectLoaded();
    const expected = await openDealsOf(email);
    // The seed guarantees the first demo partner deals in every status; the second may have none open.
    if (email === "partner@example.com") expect(expected).toBeGreaterThan(0);
    expect(await dashboard.kpiValue("kpi-open-deals")).toBe(expected);
    const earned = await queryE2eDb<{ currency: string; n: string }>(
      `SELECT l.currency, sum(l.amount) AS n FROM incentive_ledger_entry l JOIN app_user u ON u.partner_org_id = l.partner_org_id
       WHERE u.email = $1 AND l.kind <> 'PAYOUT' GROUP BY l.currency`,
      [email],
    );
    expect(earned.length).toBeGreaterThan(0);
    expect(await dashboard.kpiMoney("kpi-earned-all-time")).toEqual(Object.fromEntries(earned.map((r) => [r.currency.trim(), Number(r.n)])));
  });
}

test("the channel manager sees pending approvals and partners by tier", async ({ page }) => {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn("manager@example.com");
  const dashboard = new DashboardPage(page);
  await dashboard.expectLoaded();
  expect(await dashboard.kpiValue("kpi-pending-approvals")).toBe(await count(`SELECT count(*) AS n FROM deal WHERE status = 'SUBMITTED'`));
  await expect(page.getByText("Platinum").first()).toBeVisible();
});

test("the regional lead sees alerts and the regional sales trend", async ({ page }) => {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn("lead@example.com");
  const dashboard = new DashboardPage(page);
  await dashboard.expectLoaded();
  expect(await dashboard.kpiValue("kpi-unread-alerts")).toBe(
    await count(`SELECT count(*) AS n FROM alert a JOIN app_user u ON u.id = a.user_id WHERE u.email = 'lead@example.com' AND a.read_at IS NULL`),
  );
  // The chart's data also stands in an accessible table (visually hidden): one row per month.
  const rows = page.getByTestId("sales-trend-table").locator("tbody tr");
  await expect(rows.first()).toBeAttached();
  expect(await rows.count()).toBeGreaterThanOrEqual(12);
});

test("the admin sees users and job queue health", async ({ page }) => {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn("admin@example.com");
  const dashboard = new DashboardPage(page);
  await dashboard.expectLoaded();
  expect(await dashboard.kpiValue("kpi-users")).toBe(await count(`SELECT count(*) AS n FROM app_user WHERE disabled_at IS NULL`));
  await expect(page.getByTestId("queue-health")).toContainText("partner-features");
});

test("a partner opening another organization's deal gets a 404 and learns nothing", async ({ page }) => {
  const [other] = await queryE2eDb<{ id: string; title: string }>(
    `SELECT d.id, d.title FROM deal d WHERE d.partner_org_id <> (SELECT partner_org_id FROM app_user WHERE email = 'partner@example.com') LIMIT 1`,
  );
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn("partner@example.com");
  await new DashboardPage(page).expectLoaded();
  const response = await page.goto(`/deals/${other.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("error-page")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(other.title);
  // The client-side data request for the same route is refused the same way.
  const dataRequest = await page.request.get(`/deals/${other.id}.data`);
  expect(dataRequest.status()).toBe(404);
  expect(await dataRequest.text()).not.toContain(other.title);

  const [own] = await queryE2eDb<{ id: string; title: string }>(
    `SELECT d.id, d.title FROM deal d JOIN app_user u ON u.partner_org_id = d.partner_org_id WHERE u.email = 'partner@example.com' LIMIT 1`,
  );
  const ownResponse = await page.goto(`/deals/${own.id}`);
  expect(ownResponse?.status()).toBe(200);
  await expect(page.getByTestId("deal-timeline")).toBeVisible();
});

test("a signed-out visitor is sent to the login page and back, and signing out ends the session", async ({ page }) => {
  await page.goto("/deals");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdeals/);
  await new LoginPage(page).signIn("manager@example.com");
  await expect(page).toHaveURL(/\/deals$/);
  await page.goto("/dashboard");
  await new DashboardPage(page).signOut();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});
