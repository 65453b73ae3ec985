// One RSS item or Atom entry to an ExtractedItem: the title and summary as plain text, the link
// (Atom: alternate over the others) absolute http(s) against xml:base / the feed URL, the date in UTC.
import type { Element } from "domhandler";
import { parseDate } from "./dates.ts";
import { htmlToText, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH, nodesText, plainText, safeHttpUrl, capLength, collapseWhitespace } from "./text.ts";
import type { ExtractedItem } from "./types.ts";
import { baseUrlOf, fieldsOf, rawText } from "./xml-nodes.ts";

export type FeedFlavour = "rss" | "atom";
type Fields = Map<string, Element[]>;

/** A title made from the summary, for RSS items that have only a description (RSS 2.0 allows it). */
const TITLE_FROM_SUMMARY_LENGTH = 120;

/** Link relations that never point at the entry itself. */
const NOT_THE_ENTRY = new Set(["edit", "edit-media", "replies", "hub", "license", "next", "previous", "prev", "first", "last", "search", "payment"]);

/** An Atom text construct (or Atom 0.3 content) by its declared type: text literally, HTML flattened, XHTML read as markup. */
function atomText(el: Element, maxLength: number): string {
  if (el.attribs.src) return "";
  const type = (el.attribs.type ?? "text").trim().toLowerCase();
  const mode = (el.attribs.mode ?? "").trim().toLowerCase();
  if (mode === "base64") return "";
  if (type === "xhtml" || type === "application/xhtml+xml" || mode === "xml") return htmlToText(nodesText(el.children), maxLength);
  if (type === "html" || type === "text/html" || mode === "escaped") return htmlToText(nodesText(el.children), maxLength);
  if (type === "text" || type === "text/plain") return plainText(nodesText(el.children), maxLength);
  return "";
}

/** RSS text: HTML, escaped or (in broken feeds) literal markup, flattened to text. */
function rssText(el: Element, maxLength: number): string {
  const type = el.attribs.type?.toLowerCase();
  if (type === "plain" || type === "text/plain") return plainText(nodesText(el.children), maxLength);
  return htmlToText(nodesText(el.children), maxLength);
}

function textOf(fields: Fields, names: readonly string[], maxLength: number, flavour: FeedFlavour): string {
  for (const name of names) {
    for (const el of fields.get(name) ?? []) {
      const atom = flavour === "atom" ? !name.includes(":") || name.startsWith("atom:") : name.startsWith("atom:");
      const text = atom ? atomText(el, maxLength) : rssText(el, maxLength);
      if (text) return text;
    }
  }
  return "";
}

function atomLinkRank(el: Element): number | null {
  const rel = (el.attribs.rel ?? "alternate").trim().toLowerCase().replace(/^.*\//, "");
  const type = (el.attribs.type ?? "").toLowerCase();
  if (NOT_THE_ENTRY.has(rel)) return null;
  if (rel === "alternate") return type === "" || type.includes("html") ? 0 : 1;
  if (rel === "enclosure") return 3;
  if (rel === "self") return 4;
  return 2;
}

/** The entry's own page among its links: rel="alternate" (HTML first), then related ones, enclosures, self. */
function atomLink(links: readonly Element[], documentUrl: string): string | null {
  const ranked = links
    .map((el, index) => ({ el, index, rank: atomLinkRank(el) }))
    .filter((link): link is { el: Element; index: number; rank: number } => link.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  for (const { el } of ranked) {
    const url = safeHttpUrl(el.attribs.href ?? collapseWhitespace(rawText(el)), baseUrlOf(el, documentUrl));
    if (url) return url;
  }
  return null;
}

function rssLink(item: Element, fields: Fields, documentUrl: string): string | null {
  for (const el of fields.get("link") ?? []) {
    const url = safeHttpUrl(collapseWhitespace(rawText(el)) || el.attribs.href, baseUrlOf(el, documentUrl));
    if (url) return url;
  }
  const atom = atomLink(fields.get("atom:link") ?? [], documentUrl);
  if (atom) return atom;
  for (const el of fields.get("guid") ?? []) {
    // A guid is the item's permalink unless it says otherwise; only an absolute one is trusted.
    if (el.attribs.isPermaLink?.trim().toLowerCase() === "false") continue;
    const url = safeHttpUrl(collapseWhitespace(rawText(el)), null);
    if (url) return url;
  }
  const about = safeHttpUrl(item.attribs["rdf:about"], null);
  if (about) return about;
  for (const el of fields.get("enclosure") ?? []) {
    const url = safeHttpUrl(el.attribs.url, baseUrlOf(el, documentUrl));
    if (url) return url;
  }
  return null;
}

/** An Atom entry's alternate link or, lacking any, its id when that is an absolute http(s) URL (as permalink ids are). */
function atomEntryLink(fields: Fields, documentUrl: string): string | null {
  const link = atomLink(fields.get("link") ?? [], documentUrl);
  if (link) return link;
  const id = fields.get("id")?.[0];
  return id ? safeHttpUrl(collapseWhitespace(rawText(id)), null) : null;
}

function dateOf(fields: Fields, names: readonly string[]): string | null {
  for (const name of names) {
    for (const el of fields.get(name) ?? []) {
      const date = parseDate(collapseWhitespace(rawText(el)));
      if (date) return date;
    }
  }
  return null;
}

const RSS_FIELDS = {
  title: ["title", "dc:title", "atom:title", "media:title"],
  summary: ["description", "content:encoded", "atom:summary", "atom:content", "dc:description", "media:description"],
  date: ["pubDate", "dc:date", "atom:published", "atom:updated", "dc:created", "dc:issued", "dc:modified", "atom:issued", "atom:modified"],
};
const ATOM_FIELDS = {
  title: ["title", "dc:title", "media:title"],
  summary: ["summary", "content", "dc:description", "media:description"],
  date: ["published", "issued", "created", "updated", "modified", "dc:date", "dc:created", "dc:issued", "dc:modified"],
};

/** The item, or null when it has neither a title (nor a summary to make one from) nor a usable link. */
export function extractFeedItem(el: Element, flavour: FeedFlavour, documentUrl: string): ExtractedItem | null {
  const fields = fieldsOf(el, flavour);
  const names = flavour === "atom" ? ATOM_FIELDS : RSS_FIELDS;
  const summary = textOf(fields, names.summary, MAX_SUMMARY_LENGTH, flavour);
  const title = textOf(fields, names.title, MAX_TITLE_LENGTH, flavour) || capLength(summary, TITLE_FROM_SUMMARY_LENGTH);
  const link = flavour === "atom" ? atomEntryLink(fields, documentUrl) : rssLink(el, fields, documentUrl);
  if (!title || !link) return null;
  return { title, link, publishedAt: dateOf(fields, names.date), summary: summary || null };
}
