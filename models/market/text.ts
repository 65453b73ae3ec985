// Plain text and safe links from scraped markup, shared by the feed and HTML-list parsers:
// scraped content is only ever text (never re-rendered as HTML) and links are absolute http(s).
import { load } from "cheerio";
import type { AnyNode } from "domhandler";

export const MAX_TITLE_LENGTH = 500;
export const MAX_SUMMARY_LENGTH = 1000;
export const MAX_FIELD_LENGTH = 300;

/** Elements whose content is code or metadata, never readable text. */
const SKIPPED_ELEMENTS = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head"]);

/** Elements that separate words when markup is flattened ("a<br>b" reads "a b", not "ab"). */
const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main", "nav", "ol", "p", "pre", "section",
  "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

function localName(name: string): string {
  const colon = name.indexOf(":");
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

/** The readable text under parsed nodes (XML or HTML), script and style content left out; not collapsed. */
export function nodesText(nodes: readonly AnyNode[]): string {
  const out: string[] = [];
  // A stack rather than recursion: a hostile page can nest elements deeper than the call stack goes.
  // " " marks where a block element ends.
  const stack: Array<AnyNode | " "> = [];
  const pushChildren = (children: readonly AnyNode[]) => {
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  };
  pushChildren(nodes);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === " ") {
      out.push(" ");
    } else if (node.type === "text") {
      out.push(node.data);
    } else if (node.type === "cdata" || node.type === "root") {
      pushChildren(node.children);
    } else if (node.type === "tag" || node.type === "script" || node.type === "style") {
      const name = localName(node.name);
      if (SKIPPED_ELEMENTS.has(name)) continue;
      if (BLOCK_ELEMENTS.has(name)) {
        out.push(" ");
        stack.push(" ");
      }
      pushChildren(node.children);
    }
  }
  return out.join("");
}

// C0/C1 controls other than whitespace: illegal in XML, invisible in text, sometimes used to smuggle markup.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/g;

/** Whitespace runs (including no-break spaces) become one space; controls go; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").replace(/[\s\u00A0\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, " ").trim();
}

/** At most `maxLength` characters, cut at a word boundary when one is near, with an ellipsis. */
export function capLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const TAG_LIKE = /<\/?[a-z][^<>]*>/gi;
/** htmlparser2 in HTML mode: fast on the many small fragments of a feed, and it knows script/style are raw text. */
const FRAGMENT_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } };

/**
 * Plain text from an HTML fragment: tags dropped, entities decoded, script/style content left
 * out, whitespace collapsed, capped. Markup still present afterwards was escaped twice (common
 * in feeds), so it is flattened once more; tag-like text surviving that is removed.
 */
export function htmlToText(html: string, maxLength: number = MAX_SUMMARY_LENGTH): string {
  let text = html;
  for (let pass = 0; pass < 2 && /[<&]/.test(text); pass++) {
    text = nodesText([load(text, FRAGMENT_OPTIONS, false).root()[0]]);
    if (!/<\/?[a-z]/i.test(text)) break;
  }
  return capLength(collapseWhitespace(text.replace(TAG_LIKE, " ")), maxLength);
}

/**
 * Text that is already text (an Atom `type="text"` construct): kept literally ("a <b> c" stays),
 * collapsed and capped — except script and style markup, which is never part of a title or summary.
 */
export function plainText(text: string, maxLength: number = MAX_SUMMARY_LENGTH): string {
  const withoutCode = text.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ").replace(/<\/?(?:script|style)\b[^>]*>?/gi, " ");
  return capLength(collapseWhitespace(withoutCode), maxLength);
}

/**
 * An absolute http(s) URL for `raw` resolved against `base`, or null: other schemes
 * (javascript:, data:, mailto:, file:) and unparsable values are dropped. Tabs and line breaks
 * inside the value are removed first, as browsers do, so "java\nscript:" cannot slip through.
 */
export function safeHttpUrl(raw: string | null | undefined, base: string | null): string | null {
  if (!raw) return null;
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\t\n\r]/g, "").replace(/[\u0000-\u0020\u00A0]+$|^[\u0000-\u0020\u00A0]+/g, "");
  if (!cleaned) return null;
  let url: URL;
  try {
    url = base ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname) return null;
  return url.href;
}
