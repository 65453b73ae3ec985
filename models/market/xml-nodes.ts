// Reading a parsed feed's elements by what they mean rather than how they are prefixed: a
// namespace-aware field name ("dc:date" whatever prefix the feed chose), text content and the
// xml:base in force, over the DOM that cheerio/htmlparser2 builds in XML mode.
import type { AnyNode, Element } from "domhandler";
import { safeHttpUrl } from "./text.ts";

type Vocabulary = "" | "atom" | "dc" | "content" | "rdf" | "media" | "other";

/** Namespace URIs (lower case, without a trailing "/" or "#") and the vocabulary each belongs to; "" is the feed's core (RSS). */
const NAMESPACES: Readonly<Record<string, Vocabulary>> = {
  "http://www.w3.org/2005/atom": "atom",
  "http://purl.org/atom/ns": "atom",
  "http://purl.org/dc/elements/1.1": "dc",
  "http://purl.org/dc/terms": "dc",
  "http://purl.org/rss/1.0/modules/content": "content",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns": "rdf",
  "http://search.yahoo.com/mrss": "media",
  "http://purl.org/rss/1.0": "",
  "http://my.netscape.com/rdf/simple/0.9": "",
  "http://backend.userland.com/rss2": "",
  "http://backend.userland.com/rss": "",
};

/** What an undeclared prefix conventionally means: feeds often use dc: or content: without declaring it. */
const CONVENTIONAL_PREFIXES: Readonly<Record<string, Vocabulary>> = {
  atom: "atom", atom10: "atom", atom03: "atom", dc: "dc", dcterms: "dc", content: "content", rdf: "rdf", media: "media",
};

export function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

export function childElements(node: AnyNode): Element[] {
  return "children" in node ? node.children.filter(isElement) : [];
}

export function localName(el: Element): string {
  const colon = el.name.indexOf(":");
  return colon === -1 ? el.name : el.name.slice(colon + 1);
}

function namespaceUri(el: Element, prefix: string): string | undefined {
  const attribute = prefix ? `xmlns:${prefix}` : "xmlns";
  for (let node: Element | null = el; node; node = node.parent && isElement(node.parent) ? node.parent : null) {
    const uri = node.attribs[attribute];
    if (uri !== undefined) return uri;
  }
  return undefined;
}

function vocabulary(el: Element): Vocabulary {
  const colon = el.name.indexOf(":");
  const prefix = colon === -1 ? "" : el.name.slice(0, colon);
  const uri = namespaceUri(el, prefix);
  // Own keys only: a prefix or namespace such as "constructor" must not find Object.prototype's.
  const known = (table: Readonly<Record<string, Vocabulary>>, key: string): Vocabulary => (Object.hasOwn(table, key) ? table[key] : "other");
  if (uri === undefined || uri === "") return prefix ? known(CONVENTIONAL_PREFIXES, prefix.toLowerCase()) : "";
  return known(NAMESPACES, uri.trim().toLowerCase().replace(/[/#]+$/, ""));
}

/**
 * The element's name as this parser knows it: bare ("title", "link") for the feed's own
 * vocabulary — RSS, or Atom inside an Atom feed — and "dc:date", "atom:link", "content:encoded"…
 * for the others, whatever prefix the document used.
 */
export function fieldName(el: Element, core: "rss" | "atom"): string {
  const vocab = vocabulary(el);
  const name = localName(el);
  if (vocab === "" || (core === "atom" && vocab === "atom")) return name;
  return vocab === "other" ? `other:${name}` : `${vocab}:${name}`;
}

/** Fields that hold only text: elements of the item found inside one were left there by a missing end tag. */
const BODY_FIELDS = new Set(["description", "content:encoded", "summary", "content", "enclosure"]);
const TEXT_FIELDS = new Set(["title", "link", "guid", "pubDate", "author", "category", "comments", "id", "published", "updated", "dc:date", "dc:title", "dc:creator"]);

/**
 * The element's children grouped by field name, in document order. Recovery: a text-only field
 * that contains other fields of the item (`<title>Oops<link>…</link></item>`) gives them back
 * to the item, so an unclosed tag costs no more than its own field.
 */
export function fieldsOf(el: Element, core: "rss" | "atom"): Map<string, Element[]> {
  const fields = new Map<string, Element[]>();
  const add = (child: Element): void => {
    const name = fieldName(child, core);
    const list = fields.get(name);
    if (list) list.push(child);
    else fields.set(name, [child]);
    if (!TEXT_FIELDS.has(name) || child.attribs.type === "xhtml") return;
    const misplaced = childElements(child).filter((inner) => TEXT_FIELDS.has(fieldName(inner, core)) || BODY_FIELDS.has(fieldName(inner, core)));
    if (misplaced.length === 0) return;
    child.children = child.children.filter((node) => !misplaced.includes(node as Element));
    misplaced.forEach(add);
  };
  childElements(el).forEach(add);
  return fields;
}

/** All the text under an element, unformatted (CDATA included). */
export function rawText(el: Element): string {
  const out: string[] = [];
  // A stack rather than recursion: a hostile feed can nest elements deeper than the call stack goes.
  const stack: AnyNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") out.push(node.data);
    else if ("children" in node) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]);
  }
  return out.join("");
}

/** The base URL in force at an element: the feed's URL, refined by every xml:base from the root down. */
export function baseUrlOf(el: Element, documentUrl: string): string {
  const bases: string[] = [];
  for (let node: Element | null = el; node; node = node.parent && isElement(node.parent) ? node.parent : null) {
    const base = node.attribs["xml:base"];
    if (base) bases.push(base);
  }
  let url = documentUrl;
  for (const base of bases.reverse()) url = safeHttpUrl(base, url) ?? url;
  return url;
}
