// Writes a built demo dataset inside one transaction: Prisma createMany for the small tables,
// one unnest INSERT per big table (see bulk-insert.ts), in foreign-key order.
import { insertRows, type Column } from "./bulk-insert.ts";
import { isoDate } from "./calendar.ts";
import type { DemoDataset } from "./dataset.ts";
import type { ActivityRow, CustomerRow, DealEventRow, DealProductRow, DealRow, LedgerRow, SalesRow } from "./rows.ts";
import type { Prisma } from "../db/generated/client.ts";

export type SeedCounts = {
  regions: number;
  products: number;
  partnerOrgs: number;
  users: number;
  userRegions: number;
  customers: number;
  deals: number;
  dealProducts: number;
  dealEvents: number;
  salesRecords: number;
  activities: number;
  incentivePrograms: number;
  ledgerEntries: number;
  marketSources: number;
};

const customerColumns: Column<CustomerRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "name", type: "text", value: (r) => r.name },
  { name: "normalized_name", type: "text", value: (r) => r.normalizedName },
  { name: "domain", type: "text", value: (r) => r.domain },
  { name: "country", type: "char(2)", value: (r) => r.country },
  { name: "industry", type: "text", value: (r) => r.industry },
  { name: "created_at", type: "timestamptz", value: (r) => r.createdAt },
];

const dealColumns: Column<DealRow>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "partner_org_id", type: "uuid", value: (r) => r.partnerOrgId },
  { name: "customer_id", type: "uuid", value: (r) => r.customerId },
  { name: "registered_by_id", type: "uuid", value: (r) => r.registeredById },
  { name: "title", type: "text", value: (r) => r.title },
  { name: "amount", type: "bigint", value: (r) => r.amount },
  { name: "currency", type: "char(3)", value: (r) => r.currency },
  { name: "expected_close_date", type: "date", value: (r) => isoDate(r.expectedCloseDate) },
  { name: "stage", type: "deal_stage", value: (r) => r.stage },
  { name: "status", type: "deal_status", value: (r) => r.status },
  { name: "notes", type: "text", value: (r) => r.notes },
  { name: "submitted_at", type: "timestamptz", value: (r) => r.submittedAt },
  { name: "decided_at", type: "timestamptz", value: (r) => r.decidedAt },
  { name: "decided_by_id", type: "uuid", value: (r) => r.decidedById },
  { name: "rejection_reason", type: "text", value: (r) => r.rejectionReason },
  { name: "protection_expires_at", type: "timestamptz", value: (r) => r.protectionExpiresAt },
  { name: "closed_at", type: "timestamptz", value: (r) => r.closedAt },
  { name: "closed_amount", type: "bigint", value: (r) => r.closedAmount },
  { name: "created_at", type: "timestamptz", value: (r) => r.submittedAt },
  { name: "updated_at", type: "timestamptz", value: (r) => r.updatedAt },
];

const dealProductColumns: Column<DealProductRow>[] = [
  { name: "deal_id", type: "uuid", value: (r) => r.dealId },
  { name: "product_id", type: "uuid", value: (r) => r.productId },
];

const dealEventColumns: Column<DealEventRow>[] = [
  { name: "deal_id", type: "uuid", value: (r) => r.dealId },
  { name: "actor_user_id", type: "uuid", value: (r) => r.actorUserId },
  { name: "action", type: "text", value: (r) => r.action },
  { name: "note", type: "text", value: (r) => r.note },
  { name: "data", type: "jsonb", value: (r) => r.data },
  { name: "at", type: "timestamptz", value: (r) => r.at },
];

const salesColumns: Column<SalesRow>[] = [
  { name: "partner_org_id", type: "uuid", value: (r) => r.partnerOrgId },
  { name: "region_code", type: "text", value: (r) => r.regionCode },
  { name: "product_id", type: "uuid", value: (r) => r.productId },
  { name: "sold_on", type: "date", value: (r) => isoDate(r.soldOn) },
  { name: "amount", type: "bigint", value: (r) => r.amount },
  { name: "currency", type: "char(3)", value: (r) => r.currency },
  { name: "external_ref", type: "text", value: (r) => r.externalRef },
  { name: "created_at", type: "timestamptz", value: (r) => r.createdAt },
];

const activityColumns: Column<ActivityRow>[] = [
  { name: "partner_org_id", type: "uuid", value: (r) => r.partnerOrgId },
  { name: "user_id", type: "uuid", value: (r) => r.userId },
  { name: "kind", type: "activity_kind", value: (r) => r.kind },
  { name: "detail", type: "text", value: (r) => r.detail },
  { name: "occurred_at", type: "timestamptz", value: (r) => r.occurredAt },
  { name: "created_at", type: "timestamptz", value: (r) => r.occurredAt },
];

const ledgerColumns: Column<LedgerRow>[] = [
  { name: "partner_org_id", type: "uuid", value: (r) => r.partnerOrgId },
  { name: "program_id", type: "uuid", value: (r) => r.programId },
  { name: "kind", type: "ledger_kind", value: (r) => r.kind },
  { name: "amount", type: "bigint", value: (r) => r.amount },
  { name: "currency", type: "char(3)", value: (r) => r.currency },
  { name: "deal_id", type: "uuid", value: (r) => r.dealId },
  { name: "explanation", type: "text", value: (r) => r.explanation },
  { name: "explanation_data", type: "jsonb", value: (r) => r.explanationData },
  { name: "idempotency_key", type: "text", value: (r) => r.idempotencyKey },
  { name: "occurred_at", type: "timestamptz", value: (r) => r.occurredAt },
  { name: "created_at", type: "timestamptz", value: (r) => r.occurredAt },
];

export async function writeDemoDataset(tx: Prisma.TransactionClient, data: DemoDataset): Promise<SeedCounts> {
  const staff = data.users.filter((u) => !u.partnerOrgId);
  const partnerUsers = data.users.filter((u) => u.partnerOrgId);
  const regions = (await tx.region.createMany({ data: data.regions })).count;
  const products = (await tx.product.createMany({ data: data.products })).count;
  // Staff first: partner orgs point at their channel manager, partner users at their org.
  const staffCount = (await tx.user.createMany({ data: staff })).count;
  const partnerOrgs = (await tx.partnerOrg.createMany({ data: data.partnerOrgs })).count;
  const partnerUserCount = (await tx.user.createMany({ data: partnerUsers })).count;
  const userRegions = (await tx.userRegion.createMany({ data: data.userRegions })).count;
  const customers = await insertRows(tx, "customer", customerColumns, data.customers);
  const deals = await insertRows(tx, "deal", dealColumns, data.deals);
  const dealProducts = await insertRows(tx, "deal_product", dealProductColumns, data.dealProducts);
  const dealEvents = await insertRows(tx, "deal_event", dealEventColumns, data.dealEvents);
  const salesRecords = await insertRows(tx, "sales_record", salesColumns, data.salesRecords);
  const activities = await insertRows(tx, "activity", activityColumns, data.activities);
  const incentivePrograms = (await tx.incentiveProgram.createMany({ data: data.incentivePrograms })).count;
  const ledgerEntries = await insertRows(tx, "incentive_ledger_entry", ledgerColumns, data.ledgerEntries);
  const marketSources = (await tx.marketSource.createMany({ data: data.marketSources })).count;
  return {
    regions, products, partnerOrgs, users: staffCount + partnerUserCount, userRegions, customers, deals, dealProducts,
    dealEvents, salesRecords, activities, incentivePrograms, ledgerEntries, marketSources,
  };
}
