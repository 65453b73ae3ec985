// Configuring market sources against the seeded demo database: validation with every field
// named (and nothing saved), who may do what (admins all; leads their own regions; managers
// read; partners nothing), audit entries, and what an edit resets.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { demoUser } from "../../test/routes.ts";
import { SourceForbiddenError, SourceNotFoundError, SourceValidationError } from "./source-errors.ts";
import { createSource, deleteSource, findEditableSource, getSource, listSources, setSourceEnabled, updateSource } from "./sources.ts";

let admin: SessionUser;
let lead: SessionUser;
let manager: SessionUser;
let partner: SessionUser;

const rss = (overrides: Record<string, unknown> = {}) => ({
  name: "Nordic ERP news",
  url: "https://news.example.se/erp.rss",
  kind: "rss",
  contentType: "competitor",
  regionCodes: ["NORDICS"],
  competitors: ["Odoo"],
  keywords: ["ERP"],
  schedule: "0 */6 * * *",
  ...overrides,
});

async function fieldsOf(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof SourceValidationError)) throw new Error(`expected a validation error, got ${String(error)}`);
  return error.fields;
}

beforeAll(async () => {
  [admin, lead, manager, partner] = await Promise.all(["admin@example.com", "lead@example.com", "manager@example.com", "partner@example.com"].map(demoUser));
});

describe("creating a source", () => {
  it("stores a valid source with its columns and an audit entry", async () => {
    const id = await createSource(db, admin, rss(), { ipAddress: "10.0.0.1" });
    const row = await db.marketSource.findUniqueOrThrow({ where: { id }, select: { kind: true, contentType: true, regionCodes: true, enabled: true, createdById: true, schedule: true, selectors: true } });
    expect(row).toEqual({ kind: "RSS", contentType: "COMPETITOR", regionCodes: ["NORDICS"], enabled: true, createdById: admin.id, schedule: "0 */6 * * *", selectors: null });
    expect(await db.auditLog.count({ where: { action: "market_source.create", entityId: id, actorUserId: admin.id, ipAddress: "10.0.0.1" } })).toBe(1);
    expect(await getSource(db, admin, id)).toMatchObject({ id, kind: "rss", contentType: "competitor", status: { lastRunAt: null, lastStatus: null, consecutiveFailures: 0 }, canEdit: true });
  });

  it("names every bad field at once and saves nothing", async () => {
    const before = await db.marketSource.count();
    expect(await fieldsOf(createSource(db, admin, rss({ name: "", url: "ftp://x", schedule: "61 * * * *", regionCodes: ["ATLANTIS"], kind: "html" })))).toMatchObject({
      name: expect.any(String),
      url: expect.stringMatching(/http/),
      schedule: expect.stringMatching(/cron/),
      selectors: expect.stringMatching(/required/),
    });
    expect(await fieldsOf(createSource(db, admin, rss({ regionCodes: ["ATLANTIS", "DACH"] })))).toEqual({ regionCodes: "unknown region code(s): ATLANTIS" });
    // A schedule of five fields that can never run (30 February) is refused by the cron parser pg-boss uses.
    expect(await fieldsOf(createSource(db, admin, rss({ schedule: "0 0 31 2 *" })))).toEqual({ schedule: expect.stringMatching(/not a valid cron expression/) });
    expect(await fieldsOf(createSource(db, admin, rss({ kind: "js", selectors: { item: "", title: "h2", link: "a[" } })))).toMatchObject({ "selectors.item": expect.any(String), "selectors.link": expect.any(String) });
    expect(await fieldsOf(createSource(db, admin, "not an object"))).toMatchObject({ name: expect.any(String), url: expect.any(String) });
    expect(await db.marketSource.count()).toBe(before);
  });

  it("lets a regional lead create sources for their own regions only", async () => {
    const id = await createSource(db, lead, rss({ name: "DACH and Nordics tenders", regionCodes: ["DACH", "NORDICS"] }));
    expect((await getSource(db, lead, id))?.canEdit).toBe(true);
    expect(await fieldsOf(createSource(db, lead, rss({ regionCodes: ["DACH", "APAC"] })))).toEqual({ regionCodes: expect.stringMatching(/your own regions: DACH, NORDICS, WESTERN_EUROPE/) });
    expect(await fieldsOf(createSource(db, lead, rss({ regionCodes: [] })))).toEqual({ regionCodes: expect.stringMatching(/your own regions/) });
  });

  it("refuses managers and partners", async () => {
    await expect(createSource(db, manager, rss())).rejects.toBeInstanceOf(SourceForbiddenError);
    await expect(createSource(db, partner, rss())).rejects.toBeInstanceOf(SourceForbiddenError);
  });
});

describe("reading sources", () => {
  it("shows admins and managers every source, leads those of their regions (or of none), partners nothing", async () => {
    const apacOnly = await createSource(db, admin, rss({ name: "APAC only", regionCodes: ["APAC"] }));
    const global = await createSource(db, admin, rss({ name: "No region", regionCodes: [] }));
    const all = await db.marketSource.count();
    expect((await listSources(db, admin)).total).toBe(all);
    const managed = await listSources(db, manager);
    expect(managed.total).toBe(all);
    expect(managed.items.every((s) => !s.canEdit)).toBe(true);
    const led = await listSources(db, lead);
    const ids = led.items.map((s) => s.id);
    expect(ids).toContain(global);
    expect(ids).not.toContain(apacOnly);
    // The demo feed covers every region: a lead sees it but may not change it.
    const demoFeed = led.items.find((s) => s.kind === "rss" && s.regionCodes.length === 6);
    expect(demoFeed?.canEdit).toBe(false);
    expect(await getSource(db, lead, apacOnly)).toBeNull();
    expect(await getSource(db, admin, "not-a-uuid")).toBeNull();
    expect(await getSource(db, admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(listSources(db, partner)).rejects.toBeInstanceOf(SourceForbiddenError);
    expect(led.items[0].itemCount).toBeTypeOf("number");
  });
});

describe("changing sources", () => {
  it("merges a patch over the stored source, validates it whole, and audits the fields", async () => {
    const id = await createSource(db, admin, rss({ name: "Patch me" }));
    await updateSource(db, admin, id, { keywords: ["ERP", "payroll"], enabled: false });
    expect(await db.marketSource.findUniqueOrThrow({ where: { id }, select: { name: true, keywords: true, enabled: true } })).toEqual({ name: "Patch me", keywords: ["ERP", "payroll"], enabled: false });
    expect(await fieldsOf(updateSource(db, admin, id, { schedule: "every hour" }))).toEqual({ schedule: expect.any(String) });
    expect((await db.marketSource.findUniqueOrThrow({ where: { id }, select: { schedule: true } })).schedule).toBe("0 */6 * * *");
    expect(await db.auditLog.findFirst({ where: { action: "market_source.update", entityId: id }, select: { data: true } })).toEqual({ data: { fields: ["enabled", "keywords"] } });
  });

  it("forgets the last fetch's validators and failures when the URL changes, but not on other edits", async () => {
    const id = await createSource(db, admin, rss({ name: "Moving feed" }));
    await db.marketSource.update({ where: { id }, data: { etag: '"abc"', lastModified: "Mon, 01 Jan 2031 00:00:00 GMT", consecutiveFailures: 4, lastError: "timeout" } });
    await setSourceEnabled(db, admin, id, false);
    expect(await db.marketSource.findUniqueOrThrow({ where: { id }, select: { etag: true, consecutiveFailures: true, enabled: true } })).toEqual({ etag: '"abc"', consecutiveFailures: 4, enabled: false });
    await updateSource(db, admin, id, { url: "https://news.example.se/erp-v2.rss" });
    expect(await db.marketSource.findUniqueOrThrow({ where: { id }, select: { etag: true, lastModified: true, consecutiveFailures: true } })).toEqual({ etag: null, lastModified: null, consecutiveFailures: 0 });
  });

  it("lets a lead change only sources wholly within their regions: 403 for one they only see, 404 for one they cannot", async () => {
    const demoFeed = await db.marketSource.findFirstOrThrow({ where: { kind: "RSS", regionCodes: { hasEvery: ["APAC", "DACH"] } }, select: { id: true, name: true } });
    await expect(updateSource(db, lead, demoFeed.id, { name: "Hijacked" })).rejects.toBeInstanceOf(SourceForbiddenError);
    await expect(deleteSource(db, lead, demoFeed.id)).rejects.toBeInstanceOf(SourceForbiddenError);
    const apac = await createSource(db, admin, rss({ name: "APAC feed", regionCodes: ["APAC"] }));
    await expect(updateSource(db, lead, apac, { name: "Hijacked" })).rejects.toBeInstanceOf(SourceNotFoundError);
    await expect(findEditableSource(db, lead, "x")).rejects.toBeInstanceOf(SourceNotFoundError);
    await expect(updateSource(db, manager, apac, { name: "Hijacked" })).rejects.toBeInstanceOf(SourceForbiddenError);
    expect(await db.marketSource.count({ where: { name: "Hijacked" } })).toBe(0);
    const own = await createSource(db, lead, rss({ name: "Lead's own", regionCodes: ["WESTERN_EUROPE"] }));
    // Widening one's own source beyond one's regions is refused as a field error.
    expect(await fieldsOf(updateSource(db, lead, own, { regionCodes: ["WESTERN_EUROPE", "APAC"] }))).toEqual({ regionCodes: expect.any(String) });
    await updateSource(db, lead, own, { name: "Lead's own, renamed" });
    expect((await getSource(db, lead, own))?.name).toBe("Lead's own, renamed");
  });

  it("deletes a source with the items it found, audited", async () => {
    const id = await createSource(db, admin, rss({ name: "Short-lived" }));
    await db.marketItem.create({ data: { sourceId: id, contentType: "COMPETITOR", canonicalUrl: "https://short.example/1", contentHash: "h", title: "T", normalizedTitle: "t" }, select: { id: true } });
    await deleteSource(db, admin, id);
    expect(await db.marketSource.count({ where: { id } })).toBe(0);
    expect(await db.marketItem.count({ where: { canonicalUrl: "https://short.example/1" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "market_source.delete", entityId: id } })).toBe(1);
    await expect(deleteSource(db, admin, id)).rejects.toBeInstanceOf(SourceNotFoundError);
  });
});
