// Stores what a scrape extracted as market items, once each across runs and sources: an item
// seen again (same canonical URL, same text, or a near-identical title within 30 days) only
// has its last-seen time and matches updated; the ids of items never seen before are returned
// so the router alerts on them and on nothing else.
import type { Prisma } from "../db/generated/client.ts";
import type { ContentType } from "../db/generated/enums.ts";
import { canonicalUrl, contentHash, nearIdenticalTitles, normalizeTitle } from "./canonical.ts";
import type { ExtractedItem } from "./types.ts";
import { competitorsIn, keywordsIn } from "./routing.ts";

type Tx = Prisma.TransactionClient;

/** What of its source an item needs: where it came from and what to look for in it. */
export type ItemSource = {
  id: string;
  contentType: ContentType;
  keywords: readonly string[];
  competitors: readonly string[];
};

export type StoreResult = { newItemIds: string[]; seenAgain: number; skipped: number };

/** How far back a near-identical title still counts as the same item. */
export const TITLE_WINDOW_DAYS = 30;
/** Serializes item storage, so two scrapes finding one item at once store it once. */
const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('channelwise:market-items'))";
const LIMITS = { title: 500, summary: 4000, location: 300, reference: 200 } as const;

/** An extracted item ready to compare and store; null when it has no usable link or title. */
export type PreparedItem = {
  canonicalUrl: string;
  contentHash: string;
  normalizedTitle: string;
  /** Whether the text says enough for equal hashes to mean the same item (not a bare "Tender"). */
  distinctive: boolean;
  matchedKeywords: string[];
  matchedCompetitors: string[];
  data: Omit<Prisma.MarketItemUncheckedCreateInput, "sourceId" | "contentType" | "matchedKeywords" | "matchedCompetitors">;
};

const clip = (text: string | null | undefined, max: number) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, max) : null;
};

function dateOf(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function valueOf(item: ExtractedItem): { valueAmount: bigint | null; valueCurrency: string | null } {
  const value = item.valueAmount;
  if (!value || !Number.isSafeInteger(value.amountMinor) || value.amountMinor < 0 || !/^[A-Za-z]{3}$/.test(value.currency)) {
    return { valueAmount: null, valueCurrency: null };
  }
  return { valueAmount: BigInt(value.amountMinor), valueCurrency: value.currency.toUpperCase() };
}

/** Which of the source's keywords and competitors the title or summary names (any case, whole words). */
export function matchItemTerms(text: { title: string; summary: string | null }, source: Pick<ItemSource, "keywords" | "competitors">) {
  const haystack = `${text.title}\n${text.summary ?? ""}`;
  return {
    matchedKeywords: keywordsIn(haystack, source.keywords),
    matchedCompetitors: competitorsIn(haystack, source.competitors),
  };
}

export function prepareItem(item: ExtractedItem, source: Pick<ItemSource, "keywords" | "competitors">): PreparedItem | null {
  const url = canonicalUrl(item.link);
  const title = clip(item.title, LIMITS.title);
  if (url === null || title === null) return null;
  const normalizedTitle = normalizeTitle(title);
  if (normalizedTitle.length === 0) return null;
  const summary = clip(item.summary, LIMITS.summary);
  const hash = contentHash(title, summary);
  return {
    canonicalUrl: url,
    contentHash: hash,
    normalizedTitle,
    distinctive: summary !== null || normalizedTitle.split(" ").length >= 4,
    ...matchItemTerms({ title, summary }, source),
    data: {
      canonicalUrl: url,
      contentHash: hash,
      title,
      normalizedTitle,
      summary,
      publishedAt: dateOf(item.publishedAt),
      deadline: dateOf(item.deadline),
      ...valueOf(item),
      location: clip(item.location, LIMITS.location),
      reference: clip(item.reference, LIMITS.reference),
    },
  };
}

type Known = { id: string; canonicalUrl: string; contentHash: string; normalizedTitle: string; matchedKeywords: string[]; matchedCompetitors: string[] };
const knownSelect = { id: true, canonicalUrl: true, contentHash: true, normalizedTitle: true, matchedKeywords: true, matchedCompetitors: true } as const;

function sameItem(a: Pick<PreparedItem, "canonicalUrl" | "contentHash" | "normalizedTitle" | "distinctive">, b: Pick<Known, "canonicalUrl" | "contentHash" | "normalizedTitle">): boolean {
  return a.canonicalUrl === b.canonicalUrl || (a.distinctive && a.contentHash === b.contentHash) || nearIdenticalTitles(a.normalizedTitle, b.normalizedTitle);
}

const union = (a: readonly string[], b: readonly string[]) => [...a, ...b.filter((x) => !a.includes(x))];

/** Stores `items` found by `source` at `now` inside `tx` (which it locks); see the module comment. */
export async function storeExtractedItems(tx: Tx, source: ItemSource, items: readonly ExtractedItem[], now = new Date()): Promise<StoreResult> {
  await tx.$executeRawUnsafe(LOCK_SQL);
  const prepared: PreparedItem[] = [];
  let skipped = 0;
  for (const item of items) {
    const p = prepareItem(item, source);
    // One page listing an item twice (a "featured" box and the list) stores it once.
    if (p === null || prepared.some((q) => sameItem(p, q))) skipped++;
    else prepared.push(p);
  }
  if (prepared.length === 0) return { newItemIds: [], seenAgain: 0, skipped };

  const since = new Date(now.getTime() - TITLE_WINDOW_DAYS * 86_400_000);
  const known: Known[] = await tx.marketItem.findMany({
    where: {
      OR: [
        { canonicalUrl: { in: prepared.map((p) => p.canonicalUrl) } },
        { contentHash: { in: prepared.filter((p) => p.distinctive).map((p) => p.contentHash) } },
        { lastSeenAt: { gte: since } },
      ],
    },
    select: knownSelect,
  });

  const newItemIds: string[] = [];
  let seenAgain = 0;
  for (const p of prepared) {
    const match = known.find((k) => p.canonicalUrl === k.canonicalUrl) ?? known.find((k) => sameItem(p, k));
    if (match) {
      seenAgain++;
      const matchedKeywords = union(match.matchedKeywords, p.matchedKeywords);
      const matchedCompetitors = union(match.matchedCompetitors, p.matchedCompetitors);
      await tx.marketItem.update({ where: { id: match.id }, data: { lastSeenAt: now, matchedKeywords, matchedCompetitors }, select: { id: true } });
      Object.assign(match, { matchedKeywords, matchedCompetitors });
      continue;
    }
    const created = await tx.marketItem.create({
      data: { ...p.data, matchedKeywords: p.matchedKeywords, matchedCompetitors: p.matchedCompetitors, sourceId: source.id, contentType: source.contentType, firstSeenAt: now, lastSeenAt: now },
      select: knownSelect,
    });
    known.push(created);
    newItemIds.push(created.id);
  }
  return { newItemIds, seenAgain, skipped };
}
