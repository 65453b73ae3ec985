// The forecast pages and GET /api/v1/forecasts for every role: partners 403 everywhere, a regional
// lead only their own regions (another region, a malformed code or an unknown product line 404),
// managers and admins every region with the heatmap — through loaders, `.data` requests and the API.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../models/auth/users.ts";
import { db } from "../../models/db/client.ts";
import type { ForecastOverview } from "../../models/forecasts/overview.ts";
import type { RegionForecastView } from "../../models/forecasts/read.ts";
import { forecastRegionSales } from "../../models/forecasts/run.ts";
import { demoUsers, invoke, routeContext } from "../../test/routes.ts";
import { loader as apiLoader, action as apiAction } from "./api/forecasts.ts";
import { pageData, ROUTE_IDS } from "./forecasts.test-support.ts";

let manager: SessionUser;
let admin: SessionUser;
let lead: SessionUser;
let partner: SessionUser;
let partner2: SessionUser;
let allCodes: string[];
let outside: string;

const api = (user: SessionUser | null, query = "") => invoke(apiLoader, { request: new Request(`http://localhost/api/v1/forecasts${query}`), context: routeContext(user), params: {} });
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  ({ manager, admin, lead, partner, partner2 } = await demoUsers());
  allCodes = (await db.region.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((r) => r.code);
  outside = allCodes.find((code) => !lead.regionCodes.includes(code))!;
});

describe("before the first run", () => {
  it("the pages say so and the API answers 404 no_forecast for a region", async () => {
    const overview = await pageData(manager, "/forecasts.data", ROUTE_IDS.overview);
    expect(overview.status).toBe(200);
    expect((overview.loaderData as { overview: ForecastOverview }).overview.rows).toEqual([]);
    const region = await pageData(lead, `/forecasts/${lead.regionCodes[0]}.data`, ROUTE_IDS.region);
    expect(region.status).toBe(200);
    expect((region.loaderData as { forecast: unknown }).forecast).toBeNull();
    const response = await api(lead, `?region=${lead.regionCodes[0]}`);
    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe("no_forecast");
  });
});

describe("with a run", () => {
  let runId: string;
  beforeAll(async () => {
    ({ runId } = await forecastRegionSales(db));
  }, 120_000);

  it("refuse partners on both pages and the API, even for their own organization's region", async () => {
    for (const user of [partner, partner2]) {
      const own = (await db.partnerOrg.findUniqueOrThrow({ where: { id: user.partnerOrgId ?? "" }, select: { regionCode: true } })).regionCode;
      for (const [path, route] of [["/forecasts.data", ROUTE_IDS.overview], [`/forecasts/${own}.data`, ROUTE_IDS.region]] as const) {
        const result = await pageData(user, path, route);
        expect({ path, status: result.status }).toEqual({ path, status: 403 });
        expect(result.loaderData).toBeUndefined();
        expect(result.body).not.toContain("p50");
      }
      expect((await api(user)).status).toBe(403);
      expect((await api(user, `?region=${own}`)).status).toBe(403);
    }
    expect((await api(null)).status).toBe(401);
  });

  it("show a regional lead their own regions' charts only", async () => {
    const result = await pageData(lead, "/forecasts.data", ROUTE_IDS.overview);
    expect(result.status).toBe(200);
    const data = result.loaderData as { view: string; forecasts: RegionForecastView[] };
    expect(data.view).toBe("regions");
    expect(data.forecasts.map((f) => f.region.code).sort()).toEqual([...lead.regionCodes].sort());
    for (const forecast of data.forecasts) {
      expect(forecast.run.id).toBe(runId);
      expect(forecast.total.points).toHaveLength(12);
      expect(forecast.total.history.length).toBeGreaterThanOrEqual(36);
    }
    expect(result.body).not.toContain(outside);
  });

  it("answer a lead 404 for another region, a malformed code or a product line not forecast", async () => {
    const own = lead.regionCodes[0];
    const mine = await pageData(lead, `/forecasts/${own}.data`, ROUTE_IDS.region);
    expect(mine.status).toBe(200);
    const forecast = (mine.loaderData as { forecast: RegionForecastView }).forecast;
    expect(forecast.region.code).toBe(own);
    expect(forecast.productLines.length).toBeGreaterThan(0);
    const line = forecast.productLines[0].productLine;
    expect((await pageData(lead, `/forecasts/${own}.data?line=${encodeURIComponent(line)}`, ROUTE_IDS.region)).status).toBe(200);
    for (const path of [`/forecasts/${outside}.data`, "/forecasts/NOWHERE.data", "/forecasts/%27%3B--.data", `/forecasts/${own}.data?line=No%20such%20line`, `/forecasts/${own}.data?line=%00`, `/forecasts/${own}.data?line=${"x".repeat(10_000)}`, "/forecasts/%00.data", `/forecasts/${"A".repeat(65)}.data`]) {
      const result = await pageData(lead, path, ROUTE_IDS.region);
      expect({ path, status: result.status }).toEqual({ path, status: 404 });
      expect(result.loaderData).toBeUndefined();
    }
  });

  it("show managers and admins the heatmap of every region, and any region's details", async () => {
    for (const user of [manager, admin]) {
      const result = await pageData(user, "/forecasts.data", ROUTE_IDS.overview);
      expect(result.status).toBe(200);
      const data = result.loaderData as { view: string; overview: ForecastOverview };
      expect(data.view).toBe("overview");
      expect(data.overview.months).toHaveLength(12);
      expect(data.overview.rows.map((r) => r.region.code).sort()).toEqual(allCodes);
      for (const row of data.overview.rows) {
        expect(row.cells).toHaveLength(12);
        expect(row.cells.every((c) => c.p50 !== null && c.lastYear !== null && c.change !== null)).toBe(true);
        expect(row.targetPeriod?.months).toBe(3);
      }
      expect((await pageData(user, `/forecasts/${outside}.data`, ROUTE_IDS.region)).status).toBe(200);
    }
  });

  it("GET /api/v1/forecasts?region= answers the API contract's shape, per role", async () => {
    const own = lead.regionCodes[0];
    const response = await api(lead, `?region=${own}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ region: own, runId, currency: expect.any(String), model: expect.any(String) });
    expect(body.points).toHaveLength(12);
    for (const p of body.points) {
      expect(Object.keys(p).sort()).toEqual(["month", "p10", "p50", "p90"]);
      expect(p.p10 <= p.p50 && p.p50 <= p.p90).toBe(true);
      expect(Number.isInteger(p.p50)).toBe(true);
    }
    expect(body.backtest).toMatchObject({ mase: expect.any(Number), smape: expect.any(Number), baselineMase: expect.any(Number) });
    expect(body.productLines.length).toBeGreaterThan(0);

    const foreign = await api(lead, `?region=${outside}`);
    expect(foreign.status).toBe(404);
    expect(await errorCode(foreign)).toBe("region_not_found");
    expect((await api(manager, `?region=${outside}`)).status).toBe(200);
    expect((await api(manager, "?region=NOWHERE")).status).toBe(404);
    const malformed = await api(manager, "?region=DACH%27%20OR%201%3D1");
    expect(malformed.status).toBe(422);
    expect(((await malformed.json()) as { error: { fields: Record<string, string> } }).error.fields.region).toMatch(/region code/);
    for (const query of ["?region=%00", `?region=${"A".repeat(65)}`, "?region=%F0%9F%92%A5"]) expect({ query, status: (await api(manager, query)).status }).toEqual({ query, status: 422 });
  });

  it("GET /api/v1/forecasts without region lists the caller's regions", async () => {
    const mine = await (await api(lead)).json();
    expect(mine.items.map((i: { region: string }) => i.region).sort()).toEqual([...lead.regionCodes].sort());
    expect(mine.total).toBe(lead.regionCodes.length);
    const all = await (await api(manager)).json();
    expect(all.total).toBe(allCodes.length);
    expect(all.regionsWithoutForecast).toEqual([]);
    expect((await apiAction()).status).toBe(405);
  });
});
