// The forecast pages rendered on the server from their real loaders: the empty state before any
// run; a lead's region charts with the accuracy in words and the figures as a table; the
// managers' heatmap with its colour key and the gaps to target naming the period; a region's
// headline figures, product lines and pipeline.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import { REGION_TARGETS_SETTING } from "../../models/incentives/region-targets.ts";
import { forecastRegionSales } from "../../models/forecasts/run.ts";
import { renderPage } from "../../test/render-page.tsx";
import { demoUser } from "../../test/routes.ts";
import RegionForecast, { loader as regionLoader } from "./forecasts.region.tsx";
import Forecasts, { loader as forecastsLoader } from "./forecasts.tsx";

let manager: SessionUser;
let lead: SessionUser;

beforeAll(async () => {
  [manager, lead] = await Promise.all(["manager@example.com", "lead@example.com"].map(demoUser));
});

describe("before any run", () => {
  it("says how forecasts get computed", async () => {
    for (const user of [manager, lead]) {
      const html = await renderPage(user, "/forecasts", "forecasts", Forecasts, forecastsLoader);
      expect(html).toContain('data-testid="no-forecast-run"');
      expect(html).toContain("<code");
    }
  });
});

describe("with a run", () => {
  beforeAll(async () => {
    await db.setting.create({ data: { key: REGION_TARGETS_SETTING, value: [{ regionCode: "DACH", targetAmount: 900_000_000_000, forecastAmount: null, managerGapBasisPoints: null }] } });
    await forecastRegionSales(db);
  }, 120_000);

  it("shows a lead each of their regions: chart, accuracy in words, figures as a table", async () => {
    const html = await renderPage(lead, "/forecasts", "forecasts", Forecasts, forecastsLoader);
    for (const code of lead.regionCodes) {
      expect(html).toContain(`data-testid="forecast-chart-${code}"`);
      expect(html).toContain(`href="/forecasts/${code}"`);
    }
    expect(html).not.toContain("forecast-chart-APAC");
    expect(html).toMatch(/Over the last \d+ backtests, off by \d+\.\d ?% on average; seasonal naive was off by \d+\.\d ?%\./);
    // The model in words, never the engine's id.
    expect(html).toMatch(/Model: [a-z]/);
    expect(html).not.toMatch(/Model: [a-z]+-[a-z-]+ /);
    expect(html).toContain("Show the figures as a table");
    expect(html).toContain("Forecast (p50)");
    expect(html).toMatch(/data-p50="\d+"/);
    // DACH has a target: the chart explains its monthly line.
    expect(html).toContain("The dashed line is the target spread over its 3 months");
  });

  it("shows managers the heatmap with its colour key and the gaps to target for the next 3 months", async () => {
    const html = await renderPage(manager, "/forecasts", "forecasts", Forecasts, forecastsLoader);
    expect(html).toContain('data-testid="forecast-heatmap"');
    expect((html.match(/data-band="/g) ?? []).length).toBe(6 * 12);
    expect(html).toContain("15% or more below");
    expect(html).toContain('data-testid="forecast-target-gaps"');
    expect(html).toMatch(/forecast for the next 3 months \([A-Z][a-z]{2} \d{4} – [A-Z][a-z]{2} \d{4}\)/);
    expect(html).toMatch(/\d+% below target/);
    expect(html).toContain("No target set");
    expect(html).toContain('href="/incentives/targets"');
    expect(html).toContain('href="/forecasts/APAC"');
  });

  it("shows a region's headline figures, product lines and pipeline, and one product line's chart", async () => {
    const html = await renderPage(manager, "/forecasts/DACH", "forecasts/:regionCode", RegionForecast, regionLoader);
    for (const testId of ["kpi-forecast-target-period", "kpi-forecast-next12", "kpi-forecast-error", "forecast-chart-DACH", "forecast-accuracy", "forecast-product-lines"]) expect(html, testId).toContain(`data-testid="${testId}"`);
    expect(html).toMatch(/data-testid="forecast-pipeline(-empty)?"/);
    expect(html).toContain('href="/forecasts/DACH?line=Finance"');
    const finance = await renderPage(manager, "/forecasts/DACH?line=Finance", "forecasts/:regionCode", RegionForecast, regionLoader);
    expect(finance).toContain("DACH · Finance");
    expect(finance).toContain('data-product-line="Finance"');
  });
});
