// Deal-conflict detection: which active registrations (submitted, or approved and still
// protected) are for the same customer, and whether they share a product (a conflict) or not
// (related). Candidates come from one indexed query — same country, then the exact registrable
// domain, the exact normalized name or a pg_trgm match — so the check stays fast on 1M deals.
import { z } from "zod";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { NAME_MATCH_THRESHOLD, normalizeCompanyName, normalizedNameSimilarity } from "./customer-names.ts";
import { registrableDomain } from "./domains.ts";

export type ConflictKind = "conflict" | "related";

export type ReasonCode =
  | "same_domain"
  | "different_domain"
  | "same_name"
  | "similar_name"
  | "same_country"
  | "shared_products"
  | "no_shared_products"
  | "registered_ago"
  | "same_partner";

/** One reason, structured for translation (`code` + `params`) with its English `text`. */
export type Reason = { code: ReasonCode; params: Record<string, string | number>; text: string };

export type ConflictFinding = {
  dealId: string;
  partnerOrgId: string;
  kind: ConflictKind;
  /** How sure we are that it is the same customer (0–1). */
  similarity: number;
  /** How strongly it conflicts: the similarity, weighed by the products in common (0–1). */
  score: number;
  customerName: string;
  reasons: Reason[];
};

/** A finding as a partner may see it: another organization's deal and customer record are hidden. */
export type ConflictView = Omit<ConflictFinding, "dealId" | "partnerOrgId" | "customerName"> & {
  dealId: string | null;
  partnerOrgId: string | null;
  customerName: string | null;
  /** True when the other registration is the viewer's own organization's. */
  ownOrganization: boolean;
};

export type ConflictQuery = {
  customerName: string;
  domain?: string | null;
  country: string;
  productSkus: readonly string[];
  excludeDealId?: string;
  /** The registering organization, to tell its own earlier registrations apart. */
  partnerOrgId?: string;
  /** Protection lapsed before this moment does not count (default: now). */
  asOf?: Date;
};

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "ZZ", "QO", "UK", "XA", "XB"]);

/** An ISO 3166-1 alpha-2 country code ("DE"); lower case is accepted. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => /^[A-Z]{2}$/.test(c) && !NOT_COUNTRIES.has(c) && regionNames.of(c) !== undefined, "must be an ISO 3166 country code such as DE");

/** A web domain, URL or e-mail address; kept as its registrable domain ("www.shop.acme.de" → "acme.de"). */
export const customerDomain = z
  .string()
  .trim()
  .max(2048)
  .transform((value, ctx) => {
    const domain = registrableDomain(value);
    if (!domain) ctx.addIssue({ code: "custom", message: "must be a web domain such as acme.com" });
    return domain ?? "";
  });

/** The pre-registration check (API: GET /api/v1/deals/conflicts). */
export const conflictQueryInput = z.object({
  customerName: z.string().trim().min(2, "must have at least 2 characters").max(300),
  domain: customerDomain.optional(),
  country: countryCode,
  productSkus: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
});

/** At most this many findings are returned, the strongest first. */
export const MAX_FINDINGS = 25;

type CandidateRow = {
  deal_id: string;
  partner_org_id: string;
  status: "SUBMITTED" | "APPROVED";
  submitted_at: Date;
  protection_expires_at: Date | null;
  customer_name: string;
  normalized_name: string;
  domain: string | null;
  name_similarity: number;
  skus: string[];
};

type Db = PrismaClient | Prisma.TransactionClient;

/** Finds the active registrations `query` would conflict with or relate to, strongest first. */
export async function findDealConflicts(db: Db, query: ConflictQuery): Promise<{ items: ConflictFinding[] }> {
  const normalizedName = normalizeCompanyName(query.customerName);
  const domain = query.domain ? registrableDomain(query.domain) : null;
  const country = query.country.trim().toUpperCase();
  const asOf = query.asOf ?? new Date();
  if (!normalizedName && !domain) return { items: [] };

  const run = async (tx: Prisma.TransactionClient) => {
    // `%` reads its threshold from this setting; LOCAL keeps it to this transaction.
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(NAME_MATCH_THRESHOLD)}, true)`;
    return tx.$queryRaw<CandidateRow[]>`
      WITH candidate AS (
        SELECT c.id, c.name, c.normalized_name, c.domain
        FROM customer c
        WHERE c.country = ${country}::bpchar AND c.normalized_name % ${normalizedName}
        UNION
        SELECT c.id, c.name, c.normalized_name, c.domain
        FROM customer c
        WHERE c.country = ${country}::bpchar AND c.normalized_name = ${normalizedName}
        UNION
        SELECT c.id, c.name, c.normalized_name, c.domain
        FROM customer c
        WHERE c.country = ${country}::bpchar AND c.domain = ${domain}
      )
      SELECT d.id AS deal_id, d.partner_org_id, d.status::text AS status, d.submitted_at, d.protection_expires_at,
             cand.name AS customer_name, cand.normalized_name, cand.domain,
             similarity(cand.normalized_name, ${normalizedName})::float8 AS name_similarity,
             ARRAY(SELECT p.sku FROM deal_product dp JOIN product p ON p.id = dp.product_id
                   WHERE dp.deal_id = d.id ORDER BY p.sku) AS skus
      FROM candidate cand
      JOIN deal d ON d.customer_id = cand.id AND d.status IN ('SUBMITTED', 'APPROVED')
      WHERE (d.status = 'SUBMITTED' OR d.protection_expires_at IS NULL OR d.protection_expires_at > ${asOf})
        AND d.id IS DISTINCT FROM ${query.excludeDealId ?? null}::uuid
      ORDER BY name_similarity DESC, d.submitted_at ASC
      LIMIT 200`;
  };
  const rows = isClient(db) ? await db.$transaction(run) : await run(db);

  const skus = new Set(query.productSkus.map((s) => s.trim()));
  const mine = { normalizedName, domain, country, skus, asOf, partnerOrgId: query.partnerOrgId };
  const findings = rows.flatMap((row) => toFinding(row, mine) ?? []);
  findings.sort((a, b) => kindRank(a) - kindRank(b) || b.score - a.score);
  return { items: findings.slice(0, MAX_FINDINGS) };
}

function isClient(db: Db): db is PrismaClient {
  return typeof (db as PrismaClient).$transaction === "function";
}

const kindRank = (f: ConflictFinding) => (f.kind === "conflict" ? 0 : 1);
const round2 = (x: number) => Math.round(x * 100) / 100;
const DAY_MS = 86_400_000;

type Mine = { normalizedName: string; domain: string | null; country: string; skus: Set<string>; asOf: Date; partnerOrgId?: string };

/** The finding for one candidate, or null when neither its domain nor its name is close enough. */
function toFinding(row: CandidateRow, mine: Mine): ConflictFinding | null {
  const reasons: Reason[] = [];
  const sameDomain = mine.domain !== null && row.domain === mine.domain;
  const domainsDiffer = mine.domain !== null && row.domain !== null && row.domain !== mine.domain;
  const sameName = row.normalized_name === mine.normalizedName;
  // The database found the candidate by trigrams; the word-aware score decides (never higher).
  const nameSimilarity = sameName ? 1 : Math.min(row.name_similarity, normalizedNameSimilarity(row.normalized_name, mine.normalizedName));
  if (!sameDomain && !sameName && nameSimilarity < NAME_MATCH_THRESHOLD) return null;

  if (sameDomain) reasons.push({ code: "same_domain", params: { domain: row.domain! }, text: `same web domain (${row.domain})` });
  if (sameName) reasons.push({ code: "same_name", params: { percent: 100 }, text: "same name" });
  else if (nameSimilarity >= NAME_MATCH_THRESHOLD) {
    const percent = Math.round(nameSimilarity * 100);
    reasons.push({ code: "similar_name", params: { percent }, text: `name ${percent} % similar` });
  }
  if (domainsDiffer) reasons.push({ code: "different_domain", params: { domain: row.domain! }, text: "different web domain" });
  reasons.push({ code: "same_country", params: { country: mine.country }, text: `same country (${mine.country})` });

  const shared = row.skus.filter((s) => mine.skus.has(s));
  if (shared.length > 0) {
    const text = shared.length === 1 ? "1 product in common" : `${shared.length} products in common`;
    reasons.push({ code: "shared_products", params: { count: shared.length, skus: shared.join(", ") }, text });
  } else {
    reasons.push({ code: "no_shared_products", params: {}, text: "no product in common" });
  }
  reasons.push(registeredAgo(row, mine.asOf));
  if (mine.partnerOrgId && row.partner_org_id === mine.partnerOrgId) {
    reasons.push({ code: "same_partner", params: {}, text: "registered by your organization" });
  }

  // A shared registrable domain is strong evidence by itself; two different ones weaken a name match.
  const similarity = sameDomain ? Math.max(nameSimilarity, 0.9) : domainsDiffer ? nameSimilarity * 0.8 : nameSimilarity;
  const overlap = mine.skus.size > 0 ? shared.length / mine.skus.size : 0;
  const score = shared.length > 0 ? similarity * (0.75 + 0.25 * overlap) : similarity * 0.25;
  return {
    dealId: row.deal_id,
    partnerOrgId: row.partner_org_id,
    kind: shared.length > 0 ? "conflict" : "related",
    similarity: round2(similarity),
    score: round2(score),
    customerName: row.customer_name,
    reasons,
  };
}

function registeredAgo(row: CandidateRow, asOf: Date): Reason {
  const days = Math.max(0, Math.floor((asOf.getTime() - row.submitted_at.getTime()) / DAY_MS));
  const when = days === 0 ? "registered today" : days === 1 ? "registered 1 day ago" : `registered ${days} days ago`;
  const params: Record<string, string | number> = { days, status: row.status.toLowerCase(), registeredAt: row.submitted_at.toISOString() };
  if (row.status === "APPROVED") {
    if (row.protection_expires_at) params.protectedUntil = row.protection_expires_at.toISOString();
    return { code: "registered_ago", params, text: `${when}, approved` };
  }
  return { code: "registered_ago", params, text: `${when}, awaiting approval` };
}

/** The deal's conflict score: its strongest finding (0 when the check found nothing). */
export function conflictScore(findings: readonly ConflictFinding[]): number {
  return findings.reduce((max, f) => Math.max(max, f.score), 0);
}

export function hasConflicts(findings: readonly Pick<ConflictFinding, "kind">[]): boolean {
  return findings.some((f) => f.kind === "conflict");
}

/**
 * What `viewer` may see of `findings`: channel managers and admins see everything; a partner
 * sees that a conflict exists and why, but not another partner's deal, organization or record.
 */
export function redactForPartner(findings: readonly ConflictFinding[], viewer: Pick<SessionUser, "role" | "partnerOrgId">): ConflictView[] {
  return findings.map((finding) => {
    const own = viewer.partnerOrgId !== null && finding.partnerOrgId === viewer.partnerOrgId;
    if (can(viewer, "deals:read-all") || own) return { ...finding, ownOrganization: own };
    return {
      ...finding,
      dealId: null,
      partnerOrgId: null,
      customerName: null,
      ownOrganization: false,
      reasons: finding.reasons.map((r) => (r.code === "different_domain" ? { ...r, params: {} } : r)),
    };
  });
}

const storedFinding = z.object({
  dealId: z.string(),
  partnerOrgId: z.string(),
  kind: z.enum(["conflict", "related"]),
  similarity: z.number(),
  score: z.number(),
  customerName: z.string(),
  reasons: z.array(
    z.object({
      code: z.enum(["same_domain", "different_domain", "same_name", "similar_name", "same_country", "shared_products", "no_shared_products", "registered_ago", "same_partner"]),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      text: z.string(),
    }),
  ),
});

/** The findings stored on a deal (`deal.conflicts`); entries of another shape are skipped. */
export function parseStoredFindings(json: unknown): ConflictFinding[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    const parsed = storedFinding.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
