// /incentives/targets and models/incentives/region-targets.ts: only managers set targets; bad
// numbers keep what was typed and write nothing; saved targets are what the incentive engine's
// loader reads for regional boosts, and a stored forecast survives an edit. Each region's target
// is typed and shown in its own currency; the page names the target period as /forecasts does
// and shows the latest forecast for it with the gap to target.
import { describe, expect, it } from "vitest";
import { db } from "../../models/db/client.ts";
import { loadAccrualInput } from "../../models/incentives/load.ts";
import { readRegionTargets, REGION_TARGETS_SETTING, RegionTargetsError, updateRegionTargets } from "../../models/incentives/region-targets.ts";
import { renderPage } from "../../test/render-page.tsx";
import { demoUser, invoke, routeContext } from "../../test/routes.ts";
import * as page from "./incentives.targets.tsx";

const post = (fields: [string, string][]) => new Request("http://localhost/incentives/targets", { method: "POST", body: new URLSearchParams(fields) });

describe("regional targets", () => {
  it("are refused to partners and regional leads", async () => {
    for (const email of ["partner@example.com", "lead@example.com"]) {
      const user = await demoUser(email);
      expect((await invoke(page.loader, { request: new Request("http://localhost/incentives/targets"), context: routeContext(user), params: {} })).status, email).toBe(403);
      expect((await invoke(page.action, { request: post([["regionCode", "DACH"], ["target.DACH", "1"]]), context: routeContext(user), params: {} })).status, email).toBe(403);
      await expect(updateRegionTargets(db, user, [])).rejects.toBeInstanceOf(RegionTargetsError);
    }
    expect(await readRegionTargets(db)).toEqual([]);
  });

  it("keep what was typed on a bad number and write nothing", async () => {
    const manager = await demoUser("manager@example.com");
    const res = await invoke(page.action, { request: post([["regionCode", "DACH"], ["target.DACH", "lots"], ["gap.DACH", "150"]]), context: routeContext(manager), params: {} });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.values).toMatchObject({ "target.DACH": "lots", "gap.DACH": "150" });
    expect(body.errors).toEqual({ "target.DACH": "target" , "gap.DACH": "gap" });
    expect(await db.setting.count({ where: { key: REGION_TARGETS_SETTING } })).toBe(0);
    await expect(updateRegionTargets(db, manager, [{ regionCode: "ATLANTIS", targetAmount: 1, managerGapBasisPoints: null }])).rejects.toMatchObject({ status: 422, fields: { "0.regionCode": "is not a region" } });
  });

  it("answer suspicious input with field errors, never a 500", async () => {
    const manager = await demoUser("manager@example.com");
    const before = await readRegionTargets(db);
    const res = await invoke(page.action, {
      request: post([["regionCode", "NO\u0000PE"], ["target.NO\u0000PE", "1"], ["regionCode", "DACH"], ["target.DACH", "9".repeat(40)], ["gap.DACH", "1e3"], ["regionCode", ""]]),
      context: routeContext(manager),
      params: {},
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toMatchObject({ "target.DACH": "target", "gap.DACH": "gap" });
    const unknown = await invoke(page.action, { request: post([["regionCode", "NO\u0000PE"], ["target.NO\u0000PE", "1"]]), context: routeContext(manager), params: {} });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual({ "target.NO\u0000PE": "target" });
    expect(await readRegionTargets(db)).toEqual(before);
  });

  it("save for a manager, audited, keeping a stored forecast, and feed the regional boost", async () => {
    const manager = await demoUser("manager@example.com");
    await db.setting.create({ data: { key: REGION_TARGETS_SETTING, value: [{ regionCode: "NORDICS", targetAmount: 100, forecastAmount: 90, managerGapBasisPoints: null }] } });
    const res = await invoke(page.action, {
      request: post([["regionCode", "DACH"], ["target.DACH", "2500000"], ["gap.DACH", "12.5"], ["regionCode", "NORDICS"], ["target.NORDICS", "1000.00"], ["gap.NORDICS", ""]]),
      context: routeContext(manager),
      params: {},
    });
    expect(res.status).toBe(200);
    expect(await readRegionTargets(db)).toEqual([
      { regionCode: "DACH", targetAmount: 250_000_000, forecastAmount: null, managerGapBasisPoints: 1250 },
      { regionCode: "NORDICS", targetAmount: 100_000, forecastAmount: 90, managerGapBasisPoints: null },
    ]);
    expect(await db.auditLog.count({ where: { action: "incentives.region_targets", actorUserId: manager.id } })).toBe(1);
    const loaded = await (await invoke(page.loader, { request: new Request("http://localhost/incentives/targets"), context: routeContext(manager), params: {} })).json();
    expect(loaded.values).toMatchObject({ "target.DACH": "2500000.00", "gap.DACH": "12.5", "gap.NORDICS": "" });

    // A regional boost programme reads exactly these targets.
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
    await db.incentiveProgram.create({
      data: { key: "targets-test-boost", version: 1, name: "Boost", kind: "REGIONAL_BOOST", status: "ACTIVE", currency: "EUR", effectiveFrom: new Date("2020-01-01"), createdById: admin.id, rules: { rateBasisPoints: 100, maxMultiplierBasisPoints: 15_000 } },
    });
    const input = await loadAccrualInput(db, { asOf: new Date() });
    expect(input.regionTargets).toEqual(await readRegionTargets(db));
  });
});

const render = async (email: string) => renderPage(await demoUser(email), "/incentives/targets", "incentives/targets", page.default, page.loader);

/** "YYYY-MM" n months after the month of `date` (UTC). */
const monthAfter = (date: Date, n: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1)).toISOString().slice(0, 7);

/** A finished forecasting run with the given region totals (p50 per month, from `firstMonth`). */
async function storeRun(firstMonth: string, finishedAt: Date, totals: Record<string, { currency: string; p50: number[] }>) {
  const run = await db.forecastRun.create({
    data: { status: "SUCCEEDED", finishedAt, horizon: 3, params: { asOf: `${firstMonth}-01`, horizon: 3, firstMonth, targetPeriodMonths: 3, regions: Object.keys(totals) } },
    select: { id: true },
  });
  await db.regionForecast.createMany({
    data: Object.entries(totals).flatMap(([regionCode, { currency, p50 }]) =>
      p50.map((amount, i) => ({ runId: run.id, regionCode, month: new Date(`${monthAfter(new Date(`${firstMonth}-01T00:00:00Z`), i)}-01T00:00:00Z`), p10: BigInt(amount), p50: BigInt(amount), p90: BigInt(amount), currency, model: "test" })),
    ),
  });
}

describe("regional targets in each region's currency", () => {
  it("stores a USD region's target typed with separators as minor units of USD and shows it back in USD", async () => {
    const manager = await demoUser("manager@example.com");
    const res = await invoke(page.action, { request: post([["regionCode", "NORTH_AMERICA"], ["target.NORTH_AMERICA", "1,000,000"], ["gap.NORTH_AMERICA", ""]]), context: routeContext(manager), params: {} });
    expect(res.status).toBe(200);
    expect((await readRegionTargets(db)).find((t) => t.regionCode === "NORTH_AMERICA")).toEqual({ regionCode: "NORTH_AMERICA", targetAmount: 100_000_000, forecastAmount: null, managerGapBasisPoints: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "incentives.region_targets", actorUserId: manager.id }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { data: true } });
    expect(audit.data).toMatchObject({ regions: [{ regionCode: "NORTH_AMERICA", targetAmount: 100_000_000, currency: "USD" }] });

    const loaded = await (await invoke(page.loader, { request: new Request("http://localhost/incentives/targets"), context: routeContext(manager), params: {} })).json();
    expect(loaded.values["target.NORTH_AMERICA"]).toBe("1000000.00");
    const html = await render("manager@example.com");
    const row = html.slice(html.indexOf('data-region="NORTH_AMERICA"'), html.indexOf("</tr>", html.indexOf('data-region="NORTH_AMERICA"')));
    expect(row).toContain('data-currency="USD"');
    expect(row).toContain('aria-label="Target in USD — North America"');
    expect(row).toContain('value="1000000.00"');
    expect(row).toContain("Saved: $1,000,000.00");
    expect(row).not.toContain("€");
    // A EUR region keeps euros.
    const dach = await db.region.findUniqueOrThrow({ where: { code: "DACH" }, select: { name: true } });
    expect(html).toContain(`aria-label="Target in EUR — ${dach.name}"`);
  });

  it("keeps what was typed when a field is wrong, names the currency in the error, and writes nothing", async () => {
    const manager = await demoUser("manager@example.com");
    const before = await readRegionTargets(db);
    const res = await invoke(page.action, {
      request: post([["regionCode", "NORTH_AMERICA"], ["target.NORTH_AMERICA", "2,000,000"], ["gap.NORTH_AMERICA", "abc"], ["regionCode", "DACH"], ["target.DACH", "1.000.000"], ["gap.DACH", ""]]),
      context: routeContext(manager),
      params: {},
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.values).toEqual({ "target.NORTH_AMERICA": "2,000,000", "gap.NORTH_AMERICA": "abc", "target.DACH": "1.000.000", "gap.DACH": "" });
    expect(body.errors).toEqual({ "gap.NORTH_AMERICA": "gap", "target.DACH": "target" });
    expect(await readRegionTargets(db)).toEqual(before);
  });

  it("names the target period as /forecasts does: this month and the two after before any run", async () => {
    const html = await render("manager@example.com");
    const now = new Date();
    expect(html).toContain(`data-period="${monthAfter(now, 0)}/${monthAfter(now, 2)}"`);
    expect(html).toMatch(/compares each region&#x27;s forecast for the next 3 months \([A-Z][a-z]{2} \d{4} – [A-Z][a-z]{2} \d{4}\) with its target/);
    expect(html).toContain("No forecast yet");
  });

  it("shows each region's latest forecast for the period in its currency, the gap to target, and a forecast of other months with its months", async () => {
    await storeRun("2030-01", new Date("2030-01-02T00:00:00Z"), { NORTH_AMERICA: { currency: "USD", p50: [20_000_000, 30_000_000, 25_000_000] } });
    await storeRun("2030-02", new Date("2030-02-02T00:00:00Z"), { DACH: { currency: "EUR", p50: [1, 1, 1] } });
    const current = await readRegionTargets(db);
    await db.setting.update({
      where: { key: REGION_TARGETS_SETTING },
      data: { value: current.map((t) => (t.regionCode === "NORTH_AMERICA" ? { ...t, forecastAmount: 75_000_000 } : t)) },
    });
    const html = await render("manager@example.com");
    expect(html).toContain('data-period="2030-02/2030-04"');
    expect(html).toContain("for the next 3 months (Feb 2030 – Apr 2030)");
    const start = html.indexOf('data-region="NORTH_AMERICA"');
    const row = html.slice(start, html.indexOf("</tr>", start));
    // $750,000 forecast against a $1,000,000 target: 25 % below, what the boost pays from.
    expect(row).toContain('data-forecast-gap="2500"');
    expect(row).toContain("$750,000.00");
    expect(row).toMatch(/25(\.0)?% below target/);
    expect(row).toContain("for Jan 2030 – Mar 2030");
  });
});
