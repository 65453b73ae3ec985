// Deal program settings: defaults when nothing is stored, validated partial updates by
// managers and admins only, auto-approval switched off again, unreadable rows ignored.
import { beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { DEFAULT_DEAL_SETTINGS, getDealSettings, updateDealSettings } from "./settings.ts";
import { DealForbiddenError, DealValidationError } from "./transitions.ts";

let manager: SessionUser;
let partner: SessionUser;

beforeAll(async () => {
  manager = await demoUser("manager@example.com");
  partner = await demoUser("partner@example.com");
});

describe("deal settings", () => {
  it("starts from the defaults: 48 h SLA, no auto-approval, 90 days protection, 30 days extension", async () => {
    expect(await getDealSettings(db)).toEqual({ reviewSlaHours: 48, autoApproveBelow: null, protectionDays: 90, extensionDays: 30 });
    expect(DEFAULT_DEAL_SETTINGS.protectionDays).toBe(90);
  });

  it("stores a partial update, audits it, and switches auto-approval off again", async () => {
    const after = await updateDealSettings(db, manager, { autoApproveBelow: { amount: 500_000, currency: "eur" }, protectionDays: 120 });
    expect(after).toEqual({ reviewSlaHours: 48, autoApproveBelow: { amount: 500_000, currency: "EUR" }, protectionDays: 120, extensionDays: 30 });
    expect(await getDealSettings(db)).toEqual(after);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "deal_settings.update" }, orderBy: { id: "desc" }, select: { actorUserId: true, data: true } });
    expect(audit).toEqual({ actorUserId: manager.id, data: { autoApproveBelow: { amount: 500_000, currency: "EUR" }, protectionDays: 120 } });
    expect((await updateDealSettings(db, manager, { autoApproveBelow: null, protectionDays: 90 })).autoApproveBelow).toBeNull();
  });

  it("refuses bad values and unknown keys with a message per field", async () => {
    const error = await updateDealSettings(db, manager, { reviewSlaHours: 0, protectionDays: 1.5, autoApproveBelow: { amount: 10, currency: "XYZ" }, colour: "red" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealValidationError);
    expect(Object.keys((error as DealValidationError).fields).sort()).toEqual(["autoApproveBelow.currency", "protectionDays", "reviewSlaHours", "settings"].sort());
  });

  it("lets only channel managers and admins change them", async () => {
    await expect(updateDealSettings(db, partner, { reviewSlaHours: 1 })).rejects.toBeInstanceOf(DealForbiddenError);
  });

  it("falls back to the default for a row it cannot read", async () => {
    await db.setting.upsert({ where: { key: "deals.reviewSlaHours" }, create: { key: "deals.reviewSlaHours", value: "soon" }, update: { value: "soon" } });
    expect((await getDealSettings(db)).reviewSlaHours).toBe(48);
  });
});
