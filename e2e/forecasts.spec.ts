// Forecasts end to end in Chromium against the seeded demo: the regional lead opens the forecast
// page and sees, for each of their regions, the chart drawn with its p10–p90 band and the
// accuracy in words, with figures that match the stored run; another region's page is refused;
// the channel manager sees the heatmap of regions × coming months. If the demo has no forecast run
// yet, the admin runs the forecast-regions job through the jobs API first and waits for it.
import { expect, test } from "@playwright/test";
import { queryE2eDb } from "./db.ts";
import { adminApi, runJob } from "./jobs.ts";
import { signedIn } from "./pages/login-page.ts";

const LEAD_REGIONS = ["DACH", "NORDICS", "WESTERN_EUROPE"];

async function succeededRuns(): Promise<number> {
  const [row] = await queryE2eDb<{ n: string }>(`SELECT count(*) AS n FROM forecast_run WHERE status = 'SUCCEEDED'`);
  return Number(row.n);
}

test.beforeAll(async ({ playwright, baseURL }) => {
  if ((await succeededRuns()) > 0) return;
  const admin = await adminApi(playwright, baseURL);
  await runJob(admin, "forecast-regions");
  await admin.dispose();
});

test("the regional lead sees each region's forecast band and its accuracy in words", async ({ browser }) => {
  const lead = await signedIn(browser, "lead@example.com");
  await lead.getByRole("link", { name: "Forecasts" }).first().click();
  await expect(lead).toHaveURL(/\/forecasts$/);

  const panels = lead.getByTestId("region-forecast");
  await expect(panels).toHaveCount(LEAD_REGIONS.length);
  expect((await panels.evaluateAll((els) => els.map((e) => e.getAttribute("data-region")))).sort()).toEqual([...LEAD_REGIONS].sort());

  const dach = lead.locator('[data-testid="region-forecast"][data-region="DACH"]');
  // The chart is drawn in the browser: a band (an area between p10 and p90) and the lines.
  await expect(dach.locator(".recharts-area-area").first()).toBeVisible();
  await expect(dach.locator(".recharts-line-curve")).toHaveCount(2);
  await expect(dach.getByText(/Over the last \d+ backtests?, off by [\d.]+\s?% on average/)).toBeVisible();

  // The words agree with the stored backtest of the latest run.
  const [stored] = await queryE2eDb<{ smape: number }>(
    `SELECT (backtest->>'smape')::float8 AS smape FROM region_forecast
     WHERE run_id = (SELECT id FROM forecast_run WHERE status = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT 1)
       AND region_code = 'DACH' AND product_line = '' LIMIT 1`,
  );
  const shown = Number(await dach.locator("[data-smape]").first().getAttribute("data-smape"));
  expect(shown).toBeCloseTo(stored.smape, 6);

  // The figures behind the chart are there as a table too.
  await dach.getByText("Show the figures as a table").first().click();
  await expect(dach.getByRole("table").first()).toBeVisible();

  // A region that is not the lead's is not there.
  const other = await lead.goto("/forecasts/APAC");
  expect(other?.status()).toBe(404);
});

test("the channel manager sees the heatmap of regions by coming month", async ({ browser }) => {
  const manager = await signedIn(browser, "manager@example.com");
  await manager.goto("/forecasts");
  const heatmap = manager.getByTestId("forecast-heatmap");
  await expect(heatmap).toBeVisible();
  const [regions] = await queryE2eDb<{ n: string }>(`SELECT count(*) AS n FROM region`);
  await expect(heatmap.locator("tbody tr")).toHaveCount(Number(regions.n));
  // Twelve coming months per region, each cell banded by its change against last year.
  await expect(heatmap.locator("tbody tr").first().locator("td[data-band]")).toHaveCount(12);
});

test("a partner is refused the forecasts", async ({ browser }) => {
  const partner = await signedIn(browser, "partner@example.com");
  const response = await partner.goto("/forecasts");
  expect(response?.status()).toBe(403);
});
