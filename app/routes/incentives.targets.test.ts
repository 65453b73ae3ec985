// /incentives/targets and models/incentives/region-targets.ts: only managers set targets; bad
// numbers keep what was typed and write nothing; saved targets are what the incentive engine's
// loader reads for regional boosts, and a stored forecast survives an edit.
import { describe, expect, it } from "vitest";
import { db } from "../../models/db/client.ts";
import { loadAccrualInput } from "../../models/incentives/load.ts";
import { readRegionTargets, REGION_TARGETS_SETTING, RegionTargetsError, updateRegionTargets } from "../../models/incentives/region-targets.ts";
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
