// Proves prisma/schema.prisma and the SQL migrations agree: the same tables, columns, types,
// nullability and enum labels, and every model round-trips through Prisma on the migrated DB.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "./client.ts";

type Field = { name: string; column: string; type: string; optional: boolean; list: boolean };
type Model = { name: string; table: string; fields: Field[] };

const schemaText = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const scalarTypes = new Set(["String", "Int", "BigInt", "Float", "Boolean", "DateTime", "Json"]);

function parseSchema() {
  const enums = new Map<string, { dbName: string; values: string[] }>();
  for (const [, name, body] of schemaText.matchAll(/^enum (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const values = body.split("\n").map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l));
    enums.set(name, { dbName: /@@map\("(\w+)"\)/.exec(body)?.[1] ?? name, values });
  }
  const models: Model[] = [];
  for (const [, name, body] of schemaText.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields: Field[] = [];
    for (const line of body.split("\n").map((l) => l.trim())) {
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?/.exec(line);
      if (!m || line.startsWith("@@")) continue;
      const [, fieldName, type, list, optional] = m;
      if (!scalarTypes.has(type) && !enums.has(type)) continue;
      fields.push({ name: fieldName, column: /@map\("(\w+)"\)/.exec(line)?.[1] ?? fieldName, type, optional: Boolean(optional), list: Boolean(list) });
    }
    models.push({ name, table: /@@map\("(\w+)"\)/.exec(body)?.[1] ?? name, fields });
  }
  return { enums, models };
}

const { enums, models } = parseSchema();

const pgTypesFor: Record<string, string[]> = {
  String: ["text", "bpchar", "uuid"],
  Int: ["int4"],
  BigInt: ["int8"],
  Float: ["float8"],
  Boolean: ["bool"],
  DateTime: ["timestamptz", "date"],
  Json: ["jsonb"],
};

describe("schema.prisma mirrors the migrated database", () => {
  it("has the same tables", async () => {
    const rows = await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'pgmigrations'`;
    expect(rows.map((r) => r.table_name).sort()).toEqual(models.map((m) => m.table).sort());
  });

  it("has the same columns, types and nullability", async () => {
    const rows = await db.$queryRaw<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }[]>`
      SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`;
    for (const model of models) {
      const columns = rows.filter((r) => r.table_name === model.table);
      expect(columns.map((c) => c.column_name).sort(), model.name).toEqual(model.fields.map((f) => f.column).sort());
      for (const field of model.fields) {
        const column = columns.find((c) => c.column_name === field.column);
        const where = `${model.name}.${field.name}`;
        expect(column?.is_nullable, where).toBe(field.optional ? "YES" : "NO");
        const expected = enums.has(field.type) ? [enums.get(field.type)?.dbName] : pgTypesFor[field.type];
        const udt = field.list ? column?.udt_name.replace(/^_/, "") : column?.udt_name;
        expect(expected, `${where} is ${column?.udt_name}`).toContain(udt);
      }
    }
  });

  it("has the same enum labels", async () => {
    const rows = await db.$queryRaw<{ typname: string; labels: string[] }[]>`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    expect(rows.map((r) => r.typname).sort()).toEqual([...enums.values()].map((e) => e.dbName).sort());
    for (const e of enums.values()) expect(rows.find((r) => r.typname === e.dbName)?.labels).toEqual(e.values);
  });
});

describe("every model round-trips through Prisma", () => {
  it("writes and reads each model with every field set", async () => {
    const t = new Date("2026-03-04T05:06:07.089Z");
    const day = new Date("2026-03-04T00:00:00.000Z");
    const region = await db.region.create({ data: { code: "ZZ_TEST", name: "Test region", currency: "CHF", createdAt: t } });
    expect(await db.region.findUniqueOrThrow({ where: { code: "ZZ_TEST" } })).toEqual(region);

    const manager = await db.user.create({
      data: { email: "rt.manager@example.com", name: "RT Manager", role: "CHANNEL_MANAGER", passwordHash: "x", locale: "en", timeZone: "Europe/Zurich", lastLoginAt: t, disabledAt: null, createdAt: t },
    });
    const parent = await db.partnerOrg.create({ data: { name: "RT Distribution AG", tier: "PLATINUM", type: "DISTRIBUTOR", regionCode: region.code, country: "CH", joinedAt: day } });
    const org = await db.partnerOrg.create({
      data: { name: "RT Reseller GmbH", tier: "GOLD", type: "RESELLER", status: "SUSPENDED", regionCode: region.code, country: "CH", industries: ["manufacturing", "retail"], website: "https://rt.example", parentId: parent.id, channelManagerId: manager.id, joinedAt: day, createdAt: t },
    });
    expect(await db.partnerOrg.findUniqueOrThrow({ where: { id: org.id } })).toEqual(org);
    const user = await db.user.create({ data: { email: "rt.partner@example.com", name: "RT Partner", role: "PARTNER_ADMIN", partnerOrgId: org.id, passwordHash: "y" } });
    await db.userRegion.create({ data: { userId: manager.id, regionCode: region.code } });
    expect(await db.userRegion.count({ where: { userId: manager.id } })).toBe(1);

    const session = await db.session.create({ data: { id: "rt-session", userId: user.id, expiresAt: t, lastSeenAt: t, revokedAt: t, ipAddress: "::1", userAgent: "ua", createdAt: t } });
    expect(await db.session.findUniqueOrThrow({ where: { id: session.id } })).toEqual(session);
    const attempt = await db.loginAttempt.create({ data: { email: "rt@example.com", ipAddress: "::1", succeeded: true, at: t } });
    expect(await db.loginAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toEqual(attempt);

    const product = await db.product.create({ data: { sku: "RT-1", name: "RT", line: "FINANCE", isNew: true, isStrategic: true, marginBasisPoints: 3500, listPrice: 9_000_000_000n, currency: "EUR", active: false, createdAt: t } });
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toEqual(product);
    const customer = await db.customer.create({ data: { name: "Müller & Söhne GmbH", normalizedName: "muller sohne", domain: "mueller.example", country: "DE", industry: "retail", createdAt: t } });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toEqual(customer);

    const deal = await db.deal.create({
      data: {
        partnerOrgId: org.id, customerId: customer.id, registeredById: user.id, title: "RT deal", amount: 12_345_678_901n, currency: "EUR", expectedCloseDate: day,
        stage: "NEGOTIATE", status: "WON", notes: "n", submittedAt: t, decidedAt: t, decidedById: manager.id, rejectionReason: null, protectionExpiresAt: t, closedAt: t,
        closedAmount: 1n, conflictScore: 0.25, conflicts: [{ dealId: "d", similarity: 0.9, reasons: ["same domain"] }], winProbability: 0.75, winReasons: ["x"], clientRequestId: "req-1",
      },
    });
    expect(await db.deal.findUniqueOrThrow({ where: { id: deal.id } })).toEqual(deal);
    await db.dealProduct.create({ data: { dealId: deal.id, productId: product.id } });
    const event = await db.dealEvent.create({ data: { dealId: deal.id, actorUserId: manager.id, action: "APPROVED", note: "ok", data: { a: 1 }, at: t } });
    expect(await db.dealEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);

    const activity = await db.activity.create({ data: { partnerOrgId: org.id, userId: user.id, kind: "CERTIFICATION", detail: "ERP Finance", occurredAt: t, createdAt: t } });
    expect(await db.activity.findUniqueOrThrow({ where: { id: activity.id } })).toEqual(activity);
    const sale = await db.salesRecord.create({ data: { partnerOrgId: org.id, regionCode: region.code, productId: product.id, dealId: deal.id, soldOn: day, amount: -500n, currency: "EUR", externalRef: "ERP-RT-1", createdAt: t } });
    expect(await db.salesRecord.findUniqueOrThrow({ where: { id: sale.id } })).toEqual(sale);

    const program = await db.incentiveProgram.create({
      data: { key: "rt", version: 2, name: "RT", kind: "TIERED_REBATE", status: "ACTIVE", rules: { tiers: [1, 2] }, currency: "EUR", budgetCap: 100n, effectiveFrom: day, effectiveTo: day, createdById: manager.id, activatedAt: t, archivedAt: null, createdAt: t },
    });
    expect(await db.incentiveProgram.findUniqueOrThrow({ where: { id: program.id } })).toEqual(program);
    const entry = await db.incentiveLedgerEntry.create({
      data: { partnerOrgId: org.id, programId: program.id, kind: "CLAWBACK", amount: -250n, currency: "EUR", dealId: deal.id, salesRecordId: sale.id, activityId: activity.id, explanation: "e", explanationData: { rate: 0.03 }, idempotencyKey: "rt:1", createdById: manager.id, occurredAt: t, createdAt: t },
    });
    expect(await db.incentiveLedgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);

    const features = await db.partnerFeatures.create({
      data: { partnerOrgId: org.id, asOf: day, computedAt: t, revenue12m: 1n, revenuePrev12m: 2n, growth: -0.5, dealCount12m: 3, wonCount12m: 1, lostCount12m: 1, winRate: 0.5, avgDealSize: 4n, cycleDays: 12.5, logins90d: 5, trainings12m: 6, certifications12m: 7, demos12m: 8, solutions12m: 9, productBreadth: 2 },
    });
    expect(await db.partnerFeatures.findUniqueOrThrow({ where: { partnerOrgId_asOf: { partnerOrgId: org.id, asOf: day } } })).toEqual(features);

    const run = await db.segmentRun.create({ data: { status: "SUCCEEDED", startedAt: t, finishedAt: t, k: 4, features: ["a", "b"], silhouette: 0.41, sizes: [1, 2], centroids: [[0, 1]], segments: [{ label: "x" }], quality: { auc: 0.8 }, params: { seed: 1 }, error: null } });
    expect(await db.segmentRun.findUniqueOrThrow({ where: { id: run.id } })).toEqual(run);
    const score = await db.partnerScore.create({ data: { runId: run.id, partnerOrgId: org.id, segmentIndex: 1, segmentLabel: "Steady contributor", distance: 0.3, healthScore: 71.5, healthReasons: ["r"], churnRisk: 0.12, churnReasons: ["c"], features: { a: 1 } } });
    expect(await db.partnerScore.findUniqueOrThrow({ where: { id: score.id } })).toEqual(score);

    const frun = await db.forecastRun.create({ data: { status: "FAILED", startedAt: t, finishedAt: t, horizon: 6, params: { h: 6 }, error: "boom" } });
    expect(await db.forecastRun.findUniqueOrThrow({ where: { id: frun.id } })).toEqual(frun);
    const forecast = await db.regionForecast.create({ data: { runId: frun.id, regionCode: region.code, productLine: "FINANCE", month: day, p10: 1n, p50: 2n, p90: 3n, currency: "EUR", model: "seasonal-naive", modelJson: { m: 1 }, backtest: { mase: 0.8 } } });
    expect(await db.regionForecast.findUniqueOrThrow({ where: { id: forecast.id } })).toEqual(forecast);

    const source = await db.marketSource.create({
      data: { name: "RT feed", url: "https://example.com/feed.xml", kind: "RSS", contentType: "TENDER", regionCodes: [region.code], competitors: ["Acme"], keywords: ["MES"], schedule: "*/30 * * * *", enabled: false, selectors: { item: ".i" }, createdById: manager.id, lastRunAt: t, lastSuccessAt: t, lastStatus: "200", lastError: "none", consecutiveFailures: 2, etag: '"e"', lastModified: "Tue", createdAt: t },
    });
    expect(await db.marketSource.findUniqueOrThrow({ where: { id: source.id } })).toEqual(source);
    const item = await db.marketItem.create({
      data: { sourceId: source.id, contentType: "TENDER", canonicalUrl: "https://example.com/t/1", contentHash: "h", title: "T", normalizedTitle: "t", summary: "s", publishedAt: t, deadline: t, valueAmount: 5n, valueCurrency: "EUR", location: "Bern", regionCodes: [region.code], matchedKeywords: ["MES"], matchedCompetitors: ["Acme"], firstSeenAt: t, lastSeenAt: t },
    });
    expect(await db.marketItem.findUniqueOrThrow({ where: { id: item.id } })).toEqual(item);
    const alert = await db.alert.create({ data: { itemId: item.id, userId: manager.id, regionCode: region.code, relevance: 0.9, severity: "HIGH", reasons: ["tender in Bern"], recommendedPartners: [{ id: org.id }], readAt: t, createdAt: t } });
    expect(await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toEqual(alert);

    const note = await db.notification.create({ data: { userId: user.id, kind: "deal.approved", title: "Approved", body: "b", link: "/deals/1", data: { x: 1 }, readAt: t, createdAt: t } });
    expect(await db.notification.findUniqueOrThrow({ where: { id: note.id } })).toEqual(note);
    const mail = await db.emailOutbox.create({ data: { toAddress: "a@example.com", subject: "s", textBody: "t", htmlBody: "<p>t</p>", status: "FAILED", attempts: 3, lastError: "e", idempotencyKey: "k", createdAt: t, sentAt: t } });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: mail.id } })).toEqual(mail);
    const key = await db.apiKey.create({ data: { name: "ERP", prefix: "cw_ab12", keyHash: "hash", userId: user.id, createdById: manager.id, lastUsedAt: t, expiresAt: t, revokedAt: t, createdAt: t } });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).toEqual(key);
    const audit = await db.auditLog.create({ data: { at: t, actorUserId: manager.id, actorApiKeyId: key.id, action: "deal.approve", entityType: "Deal", entityId: deal.id, partnerOrgId: org.id, ipAddress: "::1", data: { note: "ok" } } });
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: audit.id } })).toEqual(audit);
    const setting = await db.setting.create({ data: { key: "rt.setting", value: { hours: 48 }, updatedAt: t, updatedById: manager.id } });
    expect(await db.setting.findUniqueOrThrow({ where: { key: setting.key } })).toEqual(setting);
  });

  it("refuses to edit or delete ledger entries (append-only)", async () => {
    const entry = await db.incentiveLedgerEntry.findFirstOrThrow({ where: { idempotencyKey: "rt:1" }, select: { id: true } });
    await expect(db.incentiveLedgerEntry.update({ where: { id: entry.id }, data: { amount: 1n } })).rejects.toThrow(/append-only/);
    await expect(db.incentiveLedgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
