// models/incentives/region-targets.ts against the demo database: every region comes with its own
// currency, targets are minor units of it (audited with it), and the forecast's gap to target is
// the one the regional boost pays from.
import { describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import { db } from "../db/client.ts";
import { listRegionTargets, readRegionTargets, recordRegionForecasts, REGION_TARGETS_SETTING, RegionTargetsError, updateRegionTargets } from "./region-targets.ts";

describe("region targets", () => {
  it("list every region with its currency, and no target, forecast or gap before any is set", async () => {
    const rows = await listRegionTargets(db);
    const regions = await db.region.findMany({ select: { code: true, currency: true }, orderBy: { code: "asc" } });
    expect(rows.map((r) => [r.regionCode, r.currency])).toEqual(regions.map((r) => [r.code, r.currency]));
    expect(rows.find((r) => r.regionCode === "NORTH_AMERICA")?.currency).toBe("USD");
    expect(rows.find((r) => r.regionCode === "DACH")?.currency).toBe("EUR");
    expect(rows.every((r) => r.targetAmount === 0 && r.forecastAmount === null && r.forecastGapBasisPoints === null)).toBe(true);
  });

  it("store a USD region's target as minor units of USD and audit the currency", async () => {
    const manager = await demoUser("manager@example.com");
    const rows = await updateRegionTargets(db, manager, [{ regionCode: "NORTH_AMERICA", targetAmount: 100_000_000, managerGapBasisPoints: null }]);
    expect(rows.find((r) => r.regionCode === "NORTH_AMERICA")).toMatchObject({ targetAmount: 100_000_000, currency: "USD", forecastGapBasisPoints: null });
    expect(await readRegionTargets(db)).toEqual([{ regionCode: "NORTH_AMERICA", targetAmount: 100_000_000, forecastAmount: null, managerGapBasisPoints: null }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "incentives.region_targets" }, select: { data: true } });
    expect(audit.data).toEqual({ regions: [{ regionCode: "NORTH_AMERICA", targetAmount: 100_000_000, managerGapBasisPoints: null, currency: "USD" }] });
  });

  it("give the forecast's gap to target only with both a forecast and a target", async () => {
    await db.setting.update({
      where: { key: REGION_TARGETS_SETTING },
      data: {
        value: [
          { regionCode: "DACH", targetAmount: 0, forecastAmount: 500, managerGapBasisPoints: null },
          { regionCode: "NORDICS", targetAmount: 1_000, forecastAmount: 1_200, managerGapBasisPoints: 3_000 },
          { regionCode: "NORTH_AMERICA", targetAmount: 100_000_000, forecastAmount: 80_000_000, managerGapBasisPoints: 500 },
        ],
      },
    });
    const gaps = Object.fromEntries((await listRegionTargets(db)).map((r) => [r.regionCode, r.forecastGapBasisPoints]));
    expect(gaps).toMatchObject({ DACH: null, NORDICS: 0, NORTH_AMERICA: 2_000 });
  });

  it("refuse a partner, changing nothing", async () => {
    const before = await readRegionTargets(db);
    await expect(updateRegionTargets(db, await demoUser("partner@example.com"), [{ regionCode: "NORTH_AMERICA", targetAmount: 1, managerGapBasisPoints: null }])).rejects.toMatchObject({ status: 403 });
    await expect(updateRegionTargets(db, await demoUser("partner@example.com"), [])).rejects.toBeInstanceOf(RegionTargetsError);
    expect(await readRegionTargets(db)).toEqual(before);
  });

  it("lose neither a manager's edit nor a forecast written at the same time", async () => {
    const manager = await demoUser("manager@example.com");
    let recorded!: () => void;
    let commit!: () => void;
    const wasRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const mayCommit = new Promise<void>((resolve) => (commit = resolve));
    // The forecasting run has written its forecast and not committed yet when the manager saves.
    const forecastRun = db.$transaction(async (tx) => {
      await recordRegionForecasts(tx, [{ regionCode: "DACH", forecastAmount: 4_242 }]);
      recorded();
      await mayCommit;
    });
    await wasRecorded;
    const edit = updateRegionTargets(db, manager, [{ regionCode: "NORDICS", targetAmount: 7_777, managerGapBasisPoints: 100 }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await forecastRun;
    await edit;
    const targets = await readRegionTargets(db);
    expect(targets.find((t) => t.regionCode === "DACH")?.forecastAmount).toBe(4_242);
    expect(targets.find((t) => t.regionCode === "NORDICS")).toMatchObject({ targetAmount: 7_777, managerGapBasisPoints: 100 });
  });
});
