// How two sightings of a market item are recognised as one: the canonical form of its URL
// (tracking parameters and fragments do not make a new item), a hash of its normalized text,
// and near-identical titles (the same news rewritten by another site).
import { createHash } from "node:crypto";
import { foldAccents } from "./word-match.ts";

/** Query parameters that only say how a visitor arrived, never what the page is. */
const TRACKING_PARAMS = new Set(["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi"]);

/**
 * The URL two links to the same item share: lower-case scheme and host (the URL parser does
 * that, and drops a default port), no fragment, no utm_* or click-id parameters, the remaining
 * query parameters sorted. Null when `link` is not an absolute http(s) URL.
 */
export function canonicalUrl(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  const kept = [...url.searchParams.entries()].filter(([name]) => {
    const lower = name.toLowerCase();
    return !lower.startsWith("utm_") && !TRACKING_PARAMS.has(lower);
  });
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

/** Lower case, accents folded, punctuation as spaces: "Odoo 18 — Price Rise!" → "odoo 18 price rise". */
export function normalizeText(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The title as compared across sources. */
export function normalizeTitle(title: string): string {
  return normalizeText(title);
}

/** SHA-256 (hex) of the normalized title and summary: the same text at another URL hashes the same. */
export function contentHash(title: string, summary: string | null | undefined): string {
  return createHash("sha256").update(normalizeText(title)).update("\n").update(normalizeText(summary ?? "")).digest("hex");
}

/** Below this many words a title is too generic ("News", "Tender notice") to match on similarity. */
const MIN_TITLE_TOKENS = 4;
export const NEAR_IDENTICAL_JACCARD = 0.9;

function tokensOf(normalizedTitle: string): Set<string> {
  return new Set(normalizedTitle.split(" ").filter((t) => t.length > 0));
}

function numbersOf(tokens: Set<string>): string {
  return [...tokens].filter((t) => /\d/.test(t)).sort().join(" ");
}

/**
 * True when two normalized titles name the same item: word sets with Jaccard similarity ≥ 0.9
 * and the same numbers (so "Lot 2" and "Lot 3" of one tender, or the 2025 and 2026 editions of
 * a report, stay apart). Short titles must be equal.
 */
export function nearIdenticalTitles(a: string, b: string): boolean {
  if (a === b) return a.length > 0;
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  if (ta.size < MIN_TITLE_TOKENS || tb.size < MIN_TITLE_TOKENS) return false;
  if (numbersOf(ta) !== numbersOf(tb)) return false;
  let shared = 0;
  for (const token of ta) if (tb.has(token)) shared++;
  return shared / (ta.size + tb.size - shared) >= NEAR_IDENTICAL_JACCARD;
}
