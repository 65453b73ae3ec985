// Reads what the win model needs about deals in one statement each: amounts, dates, products'
// lines, the customer's industry, the conflict score, and the partner's segment at the time.
import type { PrismaClient } from "../../db/generated/client.ts";
import type { DealStatus } from "../../db/generated/enums.ts";

export type DealFacts = {
  id: string;
  partnerOrgId: string;
  status: DealStatus;
  /** Minor units. */
  amount: number;
  currency: string;
  submittedAt: Date;
  expectedCloseDate: Date;
  closedAt: Date | null;
  productCount: number;
  /** Distinct product lines, sorted. */
  productLines: string[];
  industry: string | null;
  conflictScore: number | null;
  /** The partner's segment in the latest segment run finished before the snapshot's moment. */
  segment: string | null;
};

type Row = {
  id: string;
  partner_org_id: string;
  status: DealStatus;
  amount: bigint;
  currency: string;
  submitted_at: Date;
  expected_close_date: Date;
  closed_at: Date | null;
  product_count: number;
  product_lines: string[];
  industry: string | null;
  conflict_score: number | null;
  segment: string | null;
};

export type FactsQuery = {
  /** Only these partners' deals (all partners when absent). */
  partnerOrgIds?: readonly string[];
  /** The moment the segment is looked up at; each deal's own submission when absent (training). */
  segmentAsOf?: Date;
};

/** Every deal (of the given partners) with the facts the model reads. */
export async function loadDealFacts(db: Pick<PrismaClient, "$queryRaw">, { partnerOrgIds, segmentAsOf }: FactsQuery = {}): Promise<DealFacts[]> {
  const partners = partnerOrgIds ? [...partnerOrgIds] : null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT d.id, d.partner_org_id, d.status::text AS status, d.amount, d.currency, d.submitted_at,
      d.expected_close_date, d.closed_at, d.conflict_score, c.industry,
      (SELECT COUNT(*)::int FROM deal_product dp WHERE dp.deal_id = d.id) AS product_count,
      ARRAY(SELECT DISTINCT p.line FROM deal_product dp JOIN product p ON p.id = dp.product_id
            WHERE dp.deal_id = d.id ORDER BY p.line) AS product_lines,
      (SELECT ps.segment_label FROM partner_score ps JOIN segment_run r ON r.id = ps.run_id
       WHERE ps.partner_org_id = d.partner_org_id AND r.status = 'SUCCEEDED'
         AND r.finished_at < COALESCE(${segmentAsOf ?? null}::timestamptz, d.submitted_at)
       ORDER BY r.finished_at DESC LIMIT 1) AS segment
    FROM deal d JOIN customer c ON c.id = d.customer_id
    WHERE ${partners}::uuid[] IS NULL OR d.partner_org_id = ANY(${partners}::uuid[])
    ORDER BY d.submitted_at, d.id`;
  return rows.map((r) => ({
    id: r.id,
    partnerOrgId: r.partner_org_id,
    status: r.status,
    amount: Number(r.amount),
    currency: r.currency.trim(),
    submittedAt: r.submitted_at,
    expectedCloseDate: r.expected_close_date,
    closedAt: r.closed_at,
    productCount: r.product_count,
    productLines: r.product_lines,
    industry: r.industry,
    conflictScore: r.conflict_score,
    segment: r.segment,
  }));
}
