// Where a market item goes and how much it matters: its regions, a relevance score, a severity
// and the reasons in words. Pure (the caller passes the region table and the clock).
//
// Regions: place names in the title, summary and location (places.ts) name the regions; where the
// source also has regions and the two overlap, the overlap wins (a DACH source's "Munich firm
// opens in Paris" stays DACH). An item that names only places no region owns ("Warsaw", "Valencia,
// Venezuela") goes to nobody. Without a place name the item takes its source's regions (and any
// the scraper set on the item). A source without regions is global: its items with no place name
// go to every region. Codes not in the region table are ignored throughout.
//
// Keywords match with their inflections and compounds ("manufacturers" for "manufacturing",
// "Warenwirtschaftssystem" for "Warenwirtschaft"); competitors as names: capitalised where the text
// has capitals ("sage advice" is not Sage), with a genitive s ("SAPs neue Preise").
//
// Relevance (0–1) adds up what makes an item worth a lead's time, capped at 1:
//   content type   tender 0.35 · competitor news 0.30 · industry news 0.15
//   region basis   a place named in the text 0.20 · the source's regions 0.10 · global source 0
//   keywords       0.10 each, at most 0.20
//   competitors    0.15 each, at most 0.20
//   urgency        0.10 when severity is HIGH (near deadline, competitor price move)
//
// Severity: HIGH for a tender whose deadline is within 14 days, or a competitor mentioned with a
// price cut, discount, price drop or end of support (price-signals.ts, in the languages of the
// demo's markets); MEDIUM for any other tender or competitor mention; LOW otherwise.
import { type KnownRegion, type PlaceMatch, findPlaces, regionsOfPlaces } from "./places.ts";
import { priceSignalIn } from "./price-signals.ts";
import { matchedTerms } from "./word-match.ts";

export type AlertSeverityLevel = "LOW" | "MEDIUM" | "HIGH";
export type ItemContentType = "TENDER" | "COMPETITOR" | "INDUSTRY";

export type RoutableItem = {
  title: string;
  summary: string | null;
  location: string | null;
  contentType: ItemContentType;
  deadline: Date | null;
  /** Regions the scraper set on the item, if any; treated like the source's. */
  regionCodes?: readonly string[];
  /** Filled by the scraper when it matched already; matched here when empty. */
  matchedKeywords?: readonly string[];
  matchedCompetitors?: readonly string[];
};

export type RoutableSource = { name: string; regionCodes: readonly string[]; keywords: readonly string[]; competitors: readonly string[] };

export type RoutingContext = { regions: readonly KnownRegion[]; now: Date };

export type RegionBasis = "place" | "source" | "global";

export type ItemRouting = {
  regions: string[];
  relevance: number;
  severity: AlertSeverityLevel;
  reasons: string[];
  regionBasis: RegionBasis;
  places: PlaceMatch[];
  keywords: string[];
  competitors: string[];
  /** The price or support signal found next to a competitor ("price cut"), if any. */
  priceSignal: string | null;
};

export const NEAR_DEADLINE_DAYS = 14;
const DAY_MS = 86_400_000;

/** The source's keywords `text` names, inflections and compounds included, once each in the order listed. */
export function keywordsIn(text: string, keywords: readonly string[]): string[] {
  return matchedTerms(text, keywords, { caseRule: "ignore", stems: true, plurals: true });
}

/** The source's competitors `text` names as names, once each in the order listed. */
export function competitorsIn(text: string, competitors: readonly string[]): string[] {
  return matchedTerms(text, competitors, { caseRule: "ignore", properNouns: true, possessive: true });
}

const TYPE_WEIGHT: Record<ItemContentType, number> = { TENDER: 0.35, COMPETITOR: 0.3, INDUSTRY: 0.15 };
const BASIS_WEIGHT: Record<RegionBasis, number> = { place: 0.2, source: 0.1, global: 0 };

/** "a", "a and b", "a, b and c" (or "or"). */
export function listInWords(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

function chooseRegions(item: RoutableItem, source: RoutableSource, places: readonly PlaceMatch[], known: ReadonlySet<string>) {
  const given = [...new Set([...source.regionCodes, ...(item.regionCodes ?? [])])].filter((code) => known.has(code));
  const named = regionsOfPlaces(places);
  if (named.length > 0) {
    const overlap = named.filter((code) => given.includes(code));
    return { regions: overlap.length > 0 ? overlap : named, basis: "place" as const };
  }
  // Only places no region owns: nobody's, rather than the source's or everybody's.
  if (places.length > 0) return { regions: [], basis: "place" as const };
  if (given.length > 0) return { regions: given, basis: "source" as const };
  if (source.regionCodes.length === 0 && (item.regionCodes ?? []).length === 0) return { regions: [...known], basis: "global" as const };
  // The source names regions, none of them known: nobody owns them.
  return { regions: [], basis: "source" as const };
}

function regionReason(item: RoutableItem, basis: RegionBasis, regions: readonly string[], places: readonly PlaceMatch[], nameOf: (code: string) => string): string | null {
  if (regions.length === 0) return null;
  if (basis === "place") {
    const inRegions = places.filter((p) => p.regionCode !== null && regions.includes(p.regionCode)).slice(0, 3);
    const where = listInWords([...new Set(inRegions.map((p) => (p.kind === "region" || p.kind === "continent" ? p.name : `${p.name} (${nameOf(p.regionCode ?? "")})`)))]);
    return item.contentType === "TENDER" ? `Tender in ${where}` : `Mentions ${where}`;
  }
  if (basis === "global") return "From a source that covers every region";
  return `From a source covering ${listInWords(regions.map(nameOf))}`;
}

function deadlineReason(deadline: Date, now: Date): { text: string; near: boolean } {
  const ms = deadline.getTime() - now.getTime();
  const day = deadline.toISOString().slice(0, 10);
  if (ms < 0) return { text: `Deadline passed (${day})`, near: false };
  const days = Math.ceil(ms / DAY_MS);
  const near = ms <= NEAR_DEADLINE_DAYS * DAY_MS;
  if (days <= 1) return { text: `Deadline within a day (${day})`, near };
  return { text: `Deadline in ${days} days (${day})`, near };
}

/** Routes one item: regions, relevance, severity and reasons in words. */
export function routeItem(item: RoutableItem, source: RoutableSource, context: RoutingContext): ItemRouting {
  const known = new Set(context.regions.map((r) => r.code));
  const nameOf = (code: string) => context.regions.find((r) => r.code === code)?.name ?? code;
  const text = [item.title, item.summary ?? ""].join("\n");
  const places = findPlaces([item.title, item.summary ?? "", item.location ?? ""].join("\n"), context.regions);
  const { regions, basis } = chooseRegions(item, source, places, known);

  const keywords = item.matchedKeywords?.length ? [...new Set(item.matchedKeywords)] : keywordsIn(text, source.keywords);
  const competitors = item.matchedCompetitors?.length ? [...new Set(item.matchedCompetitors)] : competitorsIn(text, source.competitors);
  const priceSignal = competitors.length > 0 ? priceSignalIn(text) : null;
  const deadline = item.contentType === "TENDER" && item.deadline ? deadlineReason(item.deadline, context.now) : null;

  const severity: AlertSeverityLevel =
    deadline?.near || priceSignal ? "HIGH" : item.contentType === "TENDER" || competitors.length > 0 ? "MEDIUM" : "LOW";

  const reasons = [
    regionReason(item, basis, regions, places, nameOf),
    ...competitors.map((c) => `Mentions competitor ${c}`),
    priceSignal ? `Competitor ${priceSignal}: ${listInWords(competitors)}` : null,
    ...keywords.map((k) => `Keyword: ${k}`),
    deadline?.text ?? null,
  ].filter((r): r is string => r !== null);

  const relevance =
    TYPE_WEIGHT[item.contentType] +
    BASIS_WEIGHT[basis] +
    Math.min(0.2, 0.1 * keywords.length) +
    Math.min(0.2, 0.15 * competitors.length) +
    (severity === "HIGH" ? 0.1 : 0);

  return {
    regions,
    relevance: Math.round(Math.min(1, relevance) * 100) / 100,
    severity,
    reasons,
    regionBasis: basis,
    places,
    keywords,
    competitors,
    priceSignal,
  };
}
