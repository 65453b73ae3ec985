// The partners best placed to bid on a tender: the ACTIVE partners of the tender's regions, ranked
// by region (same country first), industry, product fit (won deals with the products the tender
// names), win rate (shrunk towards the average) and segment of the latest run — with reasons.
import type { PrismaClient } from "../db/generated/client.ts";
import { latestSegmentRun, type SegmentRunSummary } from "../partners/segment-runs.ts";
import { countriesOfPlaces, findPlaces } from "./places.ts";
import { type CandidateFacts, rankCandidates, scoreCandidate, type ScoredPartner, tenderMentions } from "./tender-fit.ts";

export type RecommendedPartner = ScoredPartner;

export type TenderText = { title: string; summary: string | null; location: string | null };

export type RecommendOptions = { limit?: number; now?: Date };

/** How far back closed deals count towards the win rate. */
export const WIN_RATE_WINDOW_MONTHS = 24;

type RecommendDb = Pick<PrismaClient, "partnerOrg" | "product" | "region" | "segmentRun" | "partnerScore" | "$queryRaw">;
type CountRow = { partner_org_id: string; won: number; lost: number };

/** Ranked partners for a tender in `regions` (all regions when empty), best first. */
export function recommendPartnersForTender(db: RecommendDb, item: TenderText, regions: readonly string[], { limit = 5, now = new Date() }: RecommendOptions = {}): Promise<RecommendedPartner[]> {
  return tenderRecommender(db, now)(item, regions, limit);
}

type Candidate = { id: string; name: string; country: string; regionCode: string; industries: string[] };
type RegionFacts = { candidates: Candidate[]; closed: Map<string, CountRow>; prior: number; segments: Map<string, string> };

/**
 * recommendPartnersForTender for many tenders at once (a batch of new items): products, regions
 * and the latest segment run are read once, the candidates with their win rates and segments once
 * per set of regions; each tender adds at most its product-fit query.
 */
export function tenderRecommender(db: RecommendDb, now = new Date()): (item: TenderText, regions: readonly string[], limit?: number) => Promise<RecommendedPartner[]> {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - WIN_RATE_WINDOW_MONTHS);
  let shared: Promise<[{ id: string; sku: string; name: string; line: string }[], { code: string; name: string }[], SegmentRunSummary | null]> | undefined;
  const byRegions = new Map<string, Promise<RegionFacts>>();

  const regionFacts = async (regions: readonly string[], run: SegmentRunSummary | null): Promise<RegionFacts> => {
    const candidates = await db.partnerOrg.findMany({
      where: { status: "ACTIVE", ...(regions.length > 0 ? { regionCode: { in: [...regions] } } : {}) },
      select: { id: true, name: true, country: true, regionCode: true, industries: true },
    });
    if (candidates.length === 0) return { candidates, closed: new Map(), prior: 0.5, segments: new Map() };
    const ids = candidates.map((c) => c.id);
    const [closedRows, segments] = await Promise.all([
      db.$queryRaw<CountRow[]>`
        SELECT partner_org_id, COUNT(*) FILTER (WHERE status = 'WON')::int AS won, COUNT(*) FILTER (WHERE status = 'LOST')::int AS lost
        FROM deal
        WHERE partner_org_id = ANY(${ids}::uuid[]) AND status IN ('WON', 'LOST') AND closed_at >= ${since} AND closed_at < ${now}
        GROUP BY partner_org_id`,
      segmentLabels(db, run, ids),
    ]);
    const totalWon = closedRows.reduce((s, r) => s + r.won, 0);
    const totalClosed = closedRows.reduce((s, r) => s + r.won + r.lost, 0);
    return { candidates, closed: new Map(closedRows.map((r) => [r.partner_org_id, r])), prior: totalClosed > 0 ? totalWon / totalClosed : 0.5, segments };
  };

  return async (item, regions, limit = 5) => {
    shared ??= Promise.all([
      db.product.findMany({ where: { active: true }, select: { id: true, sku: true, name: true, line: true }, orderBy: { sku: "asc" } }),
      db.region.findMany({ select: { code: true, name: true } }),
      latestSegmentRun(db),
    ]);
    const [products, regionRows, run] = await shared;
    const key = [...regions].sort().join(",");
    let facts = byRegions.get(key);
    if (facts === undefined) byRegions.set(key, (facts = regionFacts(regions, run)));
    const { candidates, closed, prior, segments } = await facts;
    if (candidates.length === 0) return [];

    const text = [item.title, item.summary ?? "", item.location ?? ""].join("\n");
    const industries = [...new Set(candidates.flatMap((c) => c.industries))].sort();
    const mentions = tenderMentions(text, { industries, products }, countriesOfPlaces(findPlaces(text, regionRows)));
    const productIds = mentions.products.map((p) => p.id);
    const productRows =
      productIds.length === 0
        ? []
        : await db.$queryRaw<{ partner_org_id: string; won: number }[]>`
            SELECT d.partner_org_id, COUNT(DISTINCT d.id)::int AS won
            FROM deal d JOIN deal_product dp ON dp.deal_id = d.id
            WHERE d.partner_org_id = ANY(${candidates.map((c) => c.id)}::uuid[]) AND d.status = 'WON' AND dp.product_id = ANY(${productIds}::uuid[])
            GROUP BY d.partner_org_id`;
    const withProducts = new Map(productRows.map((r) => [r.partner_org_id, r.won]));
    const regionName = new Map(regionRows.map((r) => [r.code, r.name]));

    const scored = candidates.map((c) => {
      const facts: CandidateFacts = {
        partnerOrgId: c.id,
        name: c.name,
        country: c.country.trim(),
        regionCode: c.regionCode,
        regionName: regionName.get(c.regionCode) ?? c.regionCode,
        industries: c.industries,
        wonWithMentioned: withProducts.get(c.id) ?? 0,
        won: closed.get(c.id)?.won ?? 0,
        lost: closed.get(c.id)?.lost ?? 0,
        segmentLabel: segments.get(c.id) ?? null,
      };
      return scoreCandidate(facts, mentions, prior);
    });
    return rankCandidates(scored, limit);
  };
}

/** Each partner's segment label in the latest finished run (none before the first run). */
async function segmentLabels(db: Pick<PrismaClient, "partnerScore">, run: SegmentRunSummary | null, partnerOrgIds: readonly string[]): Promise<Map<string, string>> {
  if (!run) return new Map();
  const rows = await db.partnerScore.findMany({
    where: { runId: run.id, partnerOrgId: { in: [...partnerOrgIds] } },
    select: { partnerOrgId: true, segmentLabel: true },
  });
  return new Map(rows.map((r) => [r.partnerOrgId, r.segmentLabel]));
}
