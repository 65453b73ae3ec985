// How well a partner fits a tender, without I/O: which industries and products the tender's text
// mentions, and a partner's score from region, industry, product, win rate and segment, with the
// reasons in words. recommend.ts loads the facts and ranks.
import { listInWords } from "./routing.ts";
import { termMatcher } from "./word-match.ts";

export type CatalogProduct = { id: string; sku: string; name: string; line: string };

export type TenderMentions = {
  industries: string[];
  products: CatalogProduct[];
  /** ISO countries of the places the tender names. */
  countries: string[];
};

/** Words that name an industry in tenders besides its own name (English, and German where the demo buys). */
const INDUSTRY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  manufacturing: ["manufacturer", "factory", "production plant", "Fertigung", "Maschinenbau", "machine builder"],
  automotive: ["car maker", "carmaker", "vehicle", "automobile", "Fahrzeugbau", "Automobilzulieferer"],
  "food & beverage": ["food", "beverage", "dairy", "brewery", "bakery", "Lebensmittel", "Getränke"],
  retail: ["retailer", "store chain", "Einzelhandel"],
  "wholesale & distribution": ["wholesaler", "distributor", "Großhandel"],
  logistics: ["freight", "shipping", "warehouse operator", "Logistik", "Spedition"],
  construction: ["builder", "building contractor", "Bauunternehmen", "Bauwesen"],
  healthcare: ["hospital", "clinic", "health", "Krankenhaus", "Klinikum", "hospital trust"],
  "pharma & life sciences": ["pharmaceutical", "biotech", "life sciences", "laboratory", "Pharma"],
  "energy & utilities": ["utility", "utilities", "energy", "electricity", "power supply", "water supply", "Stadtwerke", "Energieversorger"],
  "professional services": ["consulting", "consultancy", "law firm", "accounting firm", "Beratung"],
};

/** SKU parts that say nothing about what a product does. */
const GENERIC_SKU_PARTS = new Set(["CORE", "SUITE", "CLOUD", "PAY", "SRC", "INV", "FIN", "ANL", "PRC", "MFG", "PRO", "STD"]);

/** The industry's name, its parts ("Food", "Beverage") and its synonyms. */
export function industryTerms(industry: string): string[] {
  const parts = industry.split(/\s*(?:&|\band\b)\s*/).map((p) => p.trim()).filter((p) => p.length > 2);
  return [...new Set([industry, ...parts, ...(INDUSTRY_SYNONYMS[industry.toLowerCase()] ?? [])])];
}

/**
 * The words that name a product: its name, its line, the parts of its name ("Inventory",
 * "Warehouse") and the acronyms in its SKU ("MES", "WMS"). A line that is also an industry's name
 * ("Manufacturing") is left out: it says who buys, not what.
 */
export function productTerms(product: CatalogProduct, industries: readonly string[] = []): string[] {
  const isIndustry = (term: string) => industries.some((i) => i.toLowerCase() === term.toLowerCase());
  const parts = product.name.split(/\s*&\s*/).filter((p) => p.length > 2);
  const acronyms = product.sku.split(/[^A-Za-z]+/).filter((p) => p.length >= 2 && p.length <= 4 && p === p.toUpperCase() && !GENERIC_SKU_PARTS.has(p));
  return [...new Set([product.name, ...parts, ...acronyms, ...(isIndustry(product.line) ? [] : [product.line])])];
}

/** The industries and products `text` mentions (inflections count: "financial" is Finance). */
export function tenderMentions(text: string, catalog: { industries: readonly string[]; products: readonly CatalogProduct[] }, countries: readonly string[] = []): TenderMentions {
  const industryHits = termMatcher(catalog.industries.flatMap((industry) => industryTerms(industry).map((term) => [term, industry] as const)), { stems: true })(text);
  const productHits = termMatcher(catalog.products.flatMap((product) => productTerms(product, catalog.industries).map((term) => [term, product.id] as const)), { stems: true })(text);
  const productIds = new Set(productHits.map((h) => h.value));
  return {
    industries: [...new Set(industryHits.map((h) => h.value))],
    products: catalog.products.filter((p) => productIds.has(p.id)),
    countries: [...countries],
  };
}

/**
 * How much a segment label favours a partner for a new tender (0–1): proven and growing partners
 * first, dormant ones last. Read from the words of the label, so the names of the segmentation
 * (and a renamed segment) keep working; an unknown label is neutral.
 */
export function segmentFactor(label: string | null): number {
  if (!label) return 0.5;
  const l = label.toLowerCase();
  if (l.includes("champion") || l.includes("strategic")) return 1;
  if (l.includes("growth") || l.includes("rising") || l.includes("potential")) return 0.8;
  if (l.includes("steady") || l.includes("core") || l.includes("performer")) return 0.7;
  if (l.includes("opportun") || l.includes("enablement")) return 0.45;
  if (l.includes("onboarding") || l.includes("prospect") || l.includes("long tail")) return 0.3;
  if (l.includes("dormant") || l.includes("risk") || l.includes("slowing")) return 0.15;
  return 0.5;
}

export type CandidateFacts = {
  partnerOrgId: string;
  name: string;
  country: string;
  regionCode: string;
  regionName: string;
  industries: readonly string[];
  /** Won deals (ever) that carried a product the tender mentions. */
  wonWithMentioned: number;
  /** Deals closed in the win-rate window. */
  won: number;
  lost: number;
  segmentLabel: string | null;
};

export type ScoredPartner = { partnerOrgId: string; name: string; score: number; reasons: string[] };

export const FIT_WEIGHTS = { region: 0.25, industry: 0.25, product: 0.2, winRate: 0.15, segment: 0.15 } as const;
/** Closed deals' worth of the average win rate every partner starts from, so 1 of 1 is not "100 %". */
export const WIN_RATE_PRIOR_DEALS = 10;
/** Won deals with the tender's products that count as a full product fit. */
const FULL_PRODUCT_FIT_DEALS = 5;

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });
const countryName = (code: string) => countryNames.of(code) ?? code;
const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

/** One partner's fit for a tender (0–1) and the reasons for it. */
export function scoreCandidate(facts: CandidateFacts, mentions: TenderMentions, priorWinRate: number): ScoredPartner {
  const reasons: string[] = [];
  const inCountry = mentions.countries.includes(facts.country);
  reasons.push(inCountry ? `Based in ${countryName(facts.country)}, where the tender is` : `Partner in ${facts.regionName}`);
  const region = inCountry ? 1 : 0.6;

  const industries = facts.industries.filter((i) => mentions.industries.includes(i));
  if (industries.length > 0) reasons.push(`Serves ${listInWords(industries)}`);
  const industry = industries.length > 0 ? 1 : 0;

  const product = Math.min(1, facts.wonWithMentioned / FULL_PRODUCT_FIT_DEALS);
  if (facts.wonWithMentioned > 0) {
    const names = listInWords(mentions.products.map((p) => p.name), "or");
    reasons.push(`Won ${facts.wonWithMentioned} ${facts.wonWithMentioned === 1 ? "deal" : "deals"} with ${names}`);
  }

  const closed = facts.won + facts.lost;
  const winRate = (facts.won + WIN_RATE_PRIOR_DEALS * priorWinRate) / (closed + WIN_RATE_PRIOR_DEALS);
  reasons.push(closed > 0 ? `Won ${facts.won} of ${closed} closed deals (${percent(facts.won / closed)})` : "No closed deals yet");

  const segment = segmentFactor(facts.segmentLabel);
  if (facts.segmentLabel) reasons.push(`Segment: ${facts.segmentLabel}`);

  const score =
    FIT_WEIGHTS.region * region +
    FIT_WEIGHTS.industry * industry +
    FIT_WEIGHTS.product * product +
    FIT_WEIGHTS.winRate * winRate +
    FIT_WEIGHTS.segment * segment;
  return { partnerOrgId: facts.partnerOrgId, name: facts.name, score: Math.round(score * 1000) / 1000, reasons };
}

/** Best first; equal scores by name, so the order is stable. */
export function rankCandidates(scored: readonly ScoredPartner[], limit: number): ScoredPartner[] {
  return [...scored].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.partnerOrgId.localeCompare(b.partnerOrgId)).slice(0, limit);
}
