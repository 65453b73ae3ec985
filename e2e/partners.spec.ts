// Partners end to end in Chromium against the seeded demo: a channel manager filters the partner
// list by a segment, opens a partner's 360 profile and sees its charts drawn and its churn risk
// explained in words, with the model's quality. If the demo has no segmentation run yet, the admin
// runs the segment-partners job through the jobs API first and waits for it.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { queryE2eDb } from "./db.ts";
import { adminApi, runJob } from "./jobs.ts";
import { signedIn } from "./pages/login-page.ts";
import { PartnerProfilePage, PartnersListPage, SegmentsPage } from "./pages/partner-pages.ts";

async function succeededRuns(): Promise<number> {
  const [row] = await queryE2eDb<{ n: string }>(`SELECT count(*) AS n FROM segment_run WHERE status = 'SUCCEEDED'`);
  return Number(row.n);
}


/** The demo's segmentation run: the one made at first start, or one the admin runs now. */
async function ensureSegmentRun(admin: APIRequestContext) {
  if ((await succeededRuns()) > 0) return;
  await runJob(admin, "partner-features");
  await runJob(admin, "segment-partners");
  expect(await succeededRuns()).toBeGreaterThan(0);
}

/** The latest run's largest segment, so the filtered list is never empty. */
async function largestSegment(): Promise<string> {
  const [row] = await queryE2eDb<{ label: string }>(
    `SELECT s.segment_label AS label FROM partner_score s
     WHERE s.run_id = (SELECT id FROM segment_run WHERE status = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT 1)
     GROUP BY s.segment_label ORDER BY count(*) DESC, s.segment_label LIMIT 1`,
  );
  return row.label;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await adminApi(playwright, baseURL);
  await ensureSegmentRun(admin);
  await admin.dispose();
});

test("a manager filters partners by segment, opens a profile and sees its charts and churn reasons", async ({ browser }) => {
  const segment = await largestSegment();
  const manager = await signedIn(browser, "manager@example.com");
  const list = new PartnersListPage(manager);
  await list.open();
  await list.filterBySegment(segment);
  await expect(list.rows().first()).toBeVisible();
  for (const value of await list.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-segment")))) expect(value).toBe(segment);

  const id = await list.openFirstPartner();
  const profile = new PartnerProfilePage(manager);
  await expect(profile.profile()).toHaveAttribute("data-partner-id", id);
  await expect(profile.kpi("kpi-pipeline")).toBeVisible();
  await expect(profile.kpi("kpi-earnings")).toBeVisible();

  const charts = profile.charts();
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) await expect(profile.chartSurface(chart)).toBeVisible();

  await expect(manager.getByTestId("segment-badge").first()).toHaveAttribute("data-segment", segment);
  await expect(manager.getByTestId("segment-description")).not.toBeEmpty();
  await expect(profile.churnReasons().first()).toHaveText(/\w+\s+\w+/);
  await expect(profile.modelQuality()).toContainText("silhouette");
  await expect(profile.modelQuality()).toContainText("AUC");

  const [stored] = await queryE2eDb<{ churn_risk: number }>(
    `SELECT churn_risk FROM partner_score WHERE partner_org_id = $1 AND run_id = (SELECT id FROM segment_run WHERE status = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT 1)`,
    [id],
  );
  await expect(manager.getByTestId("churn-risk").first()).toHaveAttribute("data-value", String(stored.churn_risk));
});

test("the segments page draws the radar and states the run's quality", async ({ browser }) => {
  const manager = await signedIn(browser, "manager@example.com");
  const segments = new SegmentsPage(manager);
  await segments.open();
  await expect(manager.getByTestId("segments-silhouette")).toHaveAttribute("data-value", /\d/);
  await expect(segments.radarSurface()).toBeVisible();
  expect(await manager.getByTestId("segment-card").count()).toBeGreaterThan(1);
});

test("partners cannot open the partner pages", async ({ browser }) => {
  const partner = await signedIn(browser, "partner@example.com");
  for (const path of ["/partners", "/segments"]) {
    await partner.goto(path);
    await expect(partner.getByTestId("error-page")).toHaveAttribute("data-status", "403");
  }
});
