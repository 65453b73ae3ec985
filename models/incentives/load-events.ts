// The SQL readers behind loadAccrualInput: won deals (with region, industry and products),
// activities, sales, first orders, segment memberships — one set-based query each, filtered in
// PostgreSQL by partner, time and (for shared budgets) a programme's own filters, so a run reads
// only the rows it can use. Raw SQL because a findMany with `in` lists of 10⁵ ids does not scale.
import { Prisma } from "../db/generated/client.ts";
import type { ActivityKind } from "../db/generated/enums.ts";
import { toSafeNumber } from "../money.ts";
import { REWARDED_ACTIONS } from "./rules.ts";
import type { AccrualInput, PriorFirstOrder, WonDealInput } from "./types.ts";

type Tx = Prisma.TransactionClient;

/** Whose events: everyone, only these partners, or everyone but these partners. */
export type PartnerSet = { only?: readonly string[]; except?: readonly string[] };

/** Events at or after `from` (when given) and at or before `to`. */
export type TimeRange = { from?: Date; to: Date };

/**
 * A shared-budget programme's own filters, applied to the deals read for it; `withoutProducts`
 * when no programme reading these deals looks at their products (a SPIFF on any product).
 */
export type DealFilters = {
  currency?: string;
  regionCodes?: readonly string[];
  industries?: readonly string[];
  productSkus?: readonly string[];
  withoutProducts?: boolean;
  /** Only the earliest this many deals (by closing time, with every deal tied with the last one). */
  earliest?: number;
};

const UUIDS = (ids: readonly string[]) => Prisma.sql`${[...ids]}::uuid[]`;

function partnerClause(column: Prisma.Sql, partners: PartnerSet): Prisma.Sql {
  const clauses = [
    partners.only === undefined ? null : Prisma.sql`${column} = ANY(${UUIDS(partners.only)})`,
    partners.except === undefined || partners.except.length === 0 ? null : Prisma.sql`${column} <> ALL(${UUIDS(partners.except)})`,
  ].filter((clause): clause is Prisma.Sql => clause !== null);
  return clauses.length === 0 ? Prisma.sql`TRUE` : Prisma.join(clauses, " AND ");
}

function timeClause(column: Prisma.Sql, { from, to }: TimeRange): Prisma.Sql {
  return from === undefined ? Prisma.sql`${column} <= ${to}::timestamptz` : Prisma.sql`${column} BETWEEN ${from}::timestamptz AND ${to}::timestamptz`;
}

/** Every product by id, as the engine names it (the product table is small). */
export async function loadProducts(db: Tx): Promise<Map<string, WonDealInput["products"][number]>> {
  const rows = await db.$queryRaw<{ id: string; sku: string; line: string; isNew: boolean }[]>`SELECT id::text, sku, line, is_new AS "isNew" FROM product`;
  return new Map(rows.map(({ id, ...product }) => [id, product]));
}

type DealRow = Omit<WonDealInput, "closedAmount" | "products"> & { closedAmount: bigint; productIds: string | null };

/** WON deals closed in `range` (with an amount), ordered by id. */
export async function loadWonDeals(
  db: Tx,
  products: ReadonlyMap<string, WonDealInput["products"][number]>,
  partners: PartnerSet,
  range: TimeRange,
  filters: DealFilters = {},
): Promise<WonDealInput[]> {
  const where = [
    // No "closed_at IS NOT NULL": the time clause already implies it, and PostgreSQL would count
    // it twice — halving its row estimate, so the SPIFF's `earliest` walk below turned into a bitmap
    // scan and sort of the whole window (~4× slower at 300k deals) instead of an index walk.
    Prisma.sql`d.status = 'WON' AND d.closed_amount IS NOT NULL`,
    timeClause(Prisma.sql`d.closed_at`, range),
    partnerClause(Prisma.sql`d.partner_org_id`, partners),
    filters.currency === undefined ? null : Prisma.sql`d.currency = ${filters.currency}`,
    filters.regionCodes?.length ? Prisma.sql`p.region_code = ANY(${[...filters.regionCodes]}::text[])` : null,
    filters.industries?.length ? Prisma.sql`c.industry = ANY(${[...filters.industries]}::text[])` : null,
    filters.productSkus?.length
      ? Prisma.sql`EXISTS (SELECT 1 FROM deal_product x JOIN product xp ON xp.id = x.product_id WHERE x.deal_id = d.id AND xp.sku = ANY(${[...filters.productSkus]}::text[]))`
      : null,
  ].filter((clause): clause is Prisma.Sql => clause !== null);
  let deals = Prisma.sql`deal d`;
  let dealWhere = Prisma.join(where, " AND ");
  if (filters.earliest !== undefined) {
    if (filters.earliest <= 0) return [];
    // The earliest-th deal by closing time and every deal closed before it or tied with it, in one
    // ordered walk that stops there (WITH TIES keeps the deals closed at the same instant as the
    // last one). The walk joins a partner or customer only to filter by region or industry: every
    // deal has both (NOT NULL foreign keys), so the joins change no row, only the walk's cost.
    const walkFrom = Prisma.sql`deal d
      ${filters.regionCodes?.length ? Prisma.sql`JOIN partner_org p ON p.id = d.partner_org_id` : Prisma.empty}
      ${filters.industries?.length ? Prisma.sql`JOIN customer c ON c.id = d.customer_id` : Prisma.empty}`;
    deals = Prisma.sql`(
      SELECT d.id, d.title, d.partner_org_id, d.customer_id, d.currency, d.closed_amount, d.closed_at FROM ${walkFrom}
      WHERE ${dealWhere} ORDER BY d.closed_at FETCH FIRST (${filters.earliest}::int) ROWS WITH TIES) d`;
    dealWhere = Prisma.sql`TRUE`;
  }
  const from = Prisma.sql`${deals} JOIN partner_org p ON p.id = d.partner_org_id JOIN customer c ON c.id = d.customer_id`;
  const rows = await db.$queryRaw<DealRow[]>`
    SELECT d.id::text, d.title, d.partner_org_id::text AS "partnerOrgId", p.region_code AS "regionCode", c.industry,
           rtrim(d.currency) AS currency, d.closed_amount AS "closedAmount", d.closed_at AS "closedAt",
           ${filters.withoutProducts === true ? Prisma.sql`NULL::text` : Prisma.sql`(SELECT string_agg(dp.product_id::text, ',' ORDER BY dp.product_id) FROM deal_product dp WHERE dp.deal_id = d.id)`} AS "productIds"
    FROM ${from}
    WHERE ${dealWhere}
    ORDER BY d.id`;
  return rows.map((d) => ({
    id: d.id,
    title: d.title,
    partnerOrgId: d.partnerOrgId,
    regionCode: d.regionCode,
    industry: d.industry,
    currency: d.currency,
    closedAmount: toSafeNumber(d.closedAmount),
    closedAt: d.closedAt,
    products: d.productIds === null ? [] : d.productIds.split(",").flatMap((id) => products.get(id) ?? []),
  }));
}

/** Activities of the rewarded kinds in `range`, ordered by id. */
export async function loadActivities(db: Tx, partners: PartnerSet, range: TimeRange): Promise<AccrualInput["activities"]> {
  return db.$queryRaw<{ id: string; partnerOrgId: string; kind: ActivityKind; occurredAt: Date }[]>`
    SELECT a.id::text, a.partner_org_id::text AS "partnerOrgId", a.kind::text AS kind, a.occurred_at AS "occurredAt"
    FROM activity a
    WHERE a.kind::text = ANY(${[...REWARDED_ACTIONS]}::text[]) AND ${timeClause(Prisma.sql`a.occurred_at`, range)} AND ${partnerClause(Prisma.sql`a.partner_org_id`, partners)}
    ORDER BY a.id`;
}

/** A sale's day (UTC midnight) as an instant, so it compares with `range` as the engine compares dates. */
const SOLD_AT = Prisma.sql`(s.sold_on::timestamp AT TIME ZONE 'UTC')`;

/** Partners' ERP sales dated in `range` (a day counts when its midnight UTC does), ordered by id. */
export async function loadSales(db: Tx, partners: PartnerSet, range: TimeRange, currency?: string): Promise<AccrualInput["sales"]> {
  const rows = await db.$queryRaw<{ id: string; partnerOrgId: string; productSku: string; soldOn: Date; amount: bigint; currency: string }[]>`
    SELECT s.id::text, s.partner_org_id::text AS "partnerOrgId", pr.sku AS "productSku", ${SOLD_AT} AS "soldOn", s.amount, rtrim(s.currency) AS currency
    FROM sales_record s JOIN product pr ON pr.id = s.product_id
    WHERE s.partner_org_id IS NOT NULL AND ${timeClause(SOLD_AT, range)} AND ${partnerClause(Prisma.sql`s.partner_org_id`, partners)}
      AND ${currency === undefined ? Prisma.sql`TRUE` : Prisma.sql`s.currency = ${currency}`}
    ORDER BY s.id`;
  return rows.map((s) => ({ ...s, amount: toSafeNumber(s.amount) }));
}

/**
 * The (partner, new product) pairs that count as already ordered: an ERP sale dated before the
 * partner's first won deal with the product (among `wonDeals`, which must hold every won deal of
 * these partners from `since` on), and — with `since` — a won deal with it closed before `since`.
 */
export async function loadPriorFirstOrders(db: Tx, partners: PartnerSet, wonDeals: readonly WonDealInput[], since: Date | undefined, asOf: Date): Promise<PriorFirstOrder[]> {
  const wonBefore =
    since === undefined
      ? []
      : await db.$queryRaw<PriorFirstOrder[]>`
          SELECT DISTINCT d.partner_org_id::text AS "partnerOrgId", pr.sku
          FROM deal d JOIN deal_product dp ON dp.deal_id = d.id JOIN product pr ON pr.id = dp.product_id AND pr.is_new
          WHERE d.status = 'WON' AND d.closed_amount IS NOT NULL AND d.closed_at < ${since}::timestamptz AND d.closed_at <= ${asOf}::timestamptz
            AND ${partnerClause(Prisma.sql`d.partner_org_id`, partners)}`;
  const firstSales = await db.$queryRaw<{ partnerOrgId: string; sku: string; soldOn: Date }[]>`
    SELECT s.partner_org_id::text AS "partnerOrgId", pr.sku, min(${SOLD_AT}) AS "soldOn"
    FROM sales_record s JOIN product pr ON pr.id = s.product_id AND pr.is_new
    WHERE s.partner_org_id IS NOT NULL AND ${SOLD_AT} <= ${asOf}::timestamptz AND ${partnerClause(Prisma.sql`s.partner_org_id`, partners)}
    GROUP BY s.partner_org_id, pr.sku`;
  const firstDeal = new Map<string, number>();
  for (const deal of wonDeals) {
    for (const { sku } of deal.products) {
      const key = `${deal.partnerOrgId}|${sku}`;
      firstDeal.set(key, Math.min(firstDeal.get(key) ?? Infinity, deal.closedAt.getTime()));
    }
  }
  for (const { partnerOrgId, sku } of wonBefore) firstDeal.set(`${partnerOrgId}|${sku}`, -Infinity);
  const fromSales = firstSales.filter((row) => row.soldOn.getTime() < (firstDeal.get(`${row.partnerOrgId}|${row.sku}`) ?? Infinity));
  return [...wonBefore, ...fromSales.map(({ partnerOrgId, sku }) => ({ partnerOrgId, sku }))];
}

/** Each partner's segment in the latest segment run that succeeded by `asOf`, if there is one. */
export async function loadSegmentMemberships(db: Tx, partners: PartnerSet, asOf: Date): Promise<AccrualInput["segmentMemberships"]> {
  return db.$queryRaw<AccrualInput["segmentMemberships"]>`
    SELECT s.partner_org_id::text AS "partnerOrgId", s.segment_label AS segment
    FROM partner_score s
    WHERE s.run_id = (SELECT r.id FROM segment_run r WHERE r.status = 'SUCCEEDED' AND r.finished_at <= ${asOf}::timestamptz ORDER BY r.finished_at DESC, r.id DESC LIMIT 1)
      AND ${partnerClause(Prisma.sql`s.partner_org_id`, partners)}
    ORDER BY s.partner_org_id`;
}
