// Parses an RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 document (in whatever encoding it declares) into
// ExtractedItems. Pure: scrape.ts fetches the bytes and calls parseFeed.
import { load } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { decodeDocument } from "./encoding.ts";
import { extractFeedItem, type FeedFlavour } from "./feed-items.ts";
import type { ExtractedItem } from "./types.ts";
import { childElements, fieldName, localName } from "./xml-nodes.ts";

/** The document is not a feed (an HTML page, empty, not XML): the message says which, for the source's run log. */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedParseError";
  }
}

const FEED_ROOTS: Readonly<Record<string, FeedFlavour>> = { rss: "rss", rdf: "rss", channel: "rss", feed: "atom" };

/**
 * The feed's root element. Leading junk that some servers emit before the feed (a PHP warning, a
 * stray tag) is skipped: the first top-level <rss>, <rdf:RDF> or <feed> counts.
 */
function feedRoot(document: AnyNode): { root: Element; flavour: FeedFlavour } {
  const topLevel = childElements(document);
  for (const el of topLevel) {
    const name = localName(el).toLowerCase();
    if (Object.hasOwn(FEED_ROOTS, name)) return { root: el, flavour: FEED_ROOTS[name] };
  }
  const first = topLevel[0];
  if (!first) throw new FeedParseError("Not a feed: the document has no XML elements (it is plain text or malformed beyond recovery)");
  const name = first.name.toLowerCase();
  if (name === "html" || name === "head" || name === "body") {
    throw new FeedParseError("Not a feed: the document is an HTML page; use the page's RSS/Atom link or an HTML source with selectors");
  }
  throw new FeedParseError(`Not a feed: the root element is <${first.name}>, where RSS has <rss> or <rdf:RDF> and Atom has <feed>`);
}

/** Items wherever an unclosed tag left them nested (recovery for slightly malformed feeds), in document order. */
function collectItems(root: Element, itemName: string, flavour: FeedFlavour): Element[] {
  const out: Element[] = [];
  // A stack rather than recursion: a hostile feed can nest elements deeper than the call stack goes.
  const stack: Element[] = [];
  const pushChildren = (node: Element) => {
    const children = childElements(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (localName(el) === itemName && fieldName(el, flavour) === itemName) out.push(el);
    pushChildren(el);
  }
  return out;
}

/**
 * The items of a feed body. Decoding: BOM, then the XML declaration's encoding, then the
 * Content-Type charset, then UTF-8. Items without a usable title or http(s) link are left out.
 * Throws FeedParseError when the document is not a feed.
 */
export function parseFeed(body: Buffer, options: { contentType: string | null; baseUrl: string }): ExtractedItem[] {
  const text = decodeDocument(body, options.contentType, "xml");
  const trimmed = text.trim();
  if (!trimmed) throw new FeedParseError("Not a feed: the document is empty");
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) throw new FeedParseError("Not a feed: the document is JSON, not RSS or Atom XML");
  if (!trimmed.includes("<")) throw new FeedParseError("Not a feed: the document is plain text, not XML");
  const $ = load(text, { xml: { xmlMode: true, decodeEntities: true } });
  const { root, flavour } = feedRoot($.root()[0]);
  const items: ExtractedItem[] = [];
  for (const el of collectItems(root, flavour === "atom" ? "entry" : "item", flavour)) {
    const item = extractFeedItem(el, flavour, options.baseUrl);
    if (item) items.push(item);
  }
  return items;
}
