// Bytes to text for fetched feeds and pages: the byte-order mark first, then what the document
// declares (XML declaration, or an HTML <meta> charset), then the Content-Type charset, then
// UTF-8 — falling back to Windows-1252 when "UTF-8" bytes are plainly not UTF-8.
import iconv from "iconv-lite";

export type DocumentKind = "xml" | "html";

/** Labels that mean Windows-1252 in practice (as browsers treat them): its superset of Latin-1 decodes € and curly quotes. */
const WINDOWS_1252_ALIASES = new Set(["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "ibm819", "iso-ir-100", "iso_8859-1"]);

function bomEncoding(body: Buffer): { encoding: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe && body[2] === 0 && body[3] === 0) return { encoding: "utf-32le", length: 4 };
  if (body[0] === 0 && body[1] === 0 && body[2] === 0xfe && body[3] === 0xff) return { encoding: "utf-32be", length: 4 };
  if (body[0] === 0xfe && body[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  if (body[0] === 0xff && body[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  // "<" in UTF-16 without a mark (the XML specification's detection table, from its first character).
  if (body[0] === 0x3c && body[1] === 0 && body[2] !== 0) return { encoding: "utf-16le", length: 0 };
  if (body[0] === 0 && body[1] === 0x3c && body[2] === 0) return { encoding: "utf-16be", length: 0 };
  return null;
}

function usable(label: string | null | undefined): string | null {
  if (!label) return null;
  const normalized = label.trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (WINDOWS_1252_ALIASES.has(normalized)) return "windows-1252";
  // A document read as ASCII-compatible bytes cannot really be UTF-16/32 (the mark would have said so).
  if (/^utf-?(16|32)/.test(normalized)) return null;
  return iconv.encodingExists(normalized) ? normalized : null;
}

function declaredEncoding(head: string, kind: DocumentKind): string | null {
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  if (xml) return usable(xml[1]);
  if (kind === "html") {
    const meta = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
    if (meta) return usable(meta[1]);
  }
  return null;
}

/** The charset parameter of a Content-Type header ("text/xml; charset=windows-1252"). */
export function contentTypeCharset(contentType: string | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType) : null;
  return m ? m[2] : null;
}

function decodeUtf8Leniently(body: Buffer): string {
  const text = body.toString("utf8");
  if (!text.includes("\uFFFD")) return text;
  // Invalid sequences: real UTF-8 with one bad byte keeps its many valid multi-byte characters;
  // a Latin-1/Windows-1252 document mislabelled (or unlabelled) as UTF-8 has almost none.
  const replaced = text.split("\uFFFD").length - 1;
  const multibyte = text.match(/[\u0080-\uFFFC\uFFFE\uFFFF]/g)?.length ?? 0;
  return multibyte >= replaced ? text : iconv.decode(body, "windows-1252");
}

/** The document's text, decoded by BOM → declaration → Content-Type charset → UTF-8 (see the top comment). */
export function decodeDocument(body: Buffer, contentType: string | null, kind: DocumentKind): string {
  const bom = bomEncoding(body);
  if (bom) return iconv.decode(body.subarray(bom.length), bom.encoding).replace(/^\uFEFF/, "");
  const head = body.subarray(0, 2048).toString("latin1");
  const encoding = declaredEncoding(head, kind) ?? usable(contentTypeCharset(contentType)) ?? "utf-8";
  if (encoding === "utf-8" || encoding === "utf8") return decodeUtf8Leniently(body);
  return iconv.decode(body, encoding);
}
