import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { contentTypeCharset, decodeDocument } from "./encoding.ts";

describe("decodeDocument", () => {
  it("reads an HTML page's <meta> charset before the Content-Type's", () => {
    const html = iconv.encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>Appel d’offres: Genève</body></html>', "windows-1252");
    expect(decodeDocument(html, "text/html; charset=utf-8", "html")).toContain("Appel d’offres: Genève");
    const meta5 = iconv.encode('<meta charset="windows-1251"><p>Тендер</p>', "windows-1251");
    expect(decodeDocument(meta5, null, "html")).toContain("Тендер");
  });

  it("ignores a <meta> charset in XML and a label iconv does not know", () => {
    const xml = Buffer.from('<?xml version="1.0" encoding="x-made-up"?><rss><title>Zürich</title></rss>');
    expect(decodeDocument(xml, "text/xml; charset=bogus", "xml")).toContain("Zürich");
  });

  it("detects UTF-16 without a byte-order mark from its first character", () => {
    expect(decodeDocument(iconv.encode("<rss>Köln</rss>", "utf-16le"), null, "xml")).toBe("<rss>Köln</rss>");
    expect(decodeDocument(iconv.encode("<rss>Köln</rss>", "utf-16be"), null, "xml")).toBe("<rss>Köln</rss>");
  });

  it("keeps UTF-8 with one stray byte as UTF-8", () => {
    const body = Buffer.concat([Buffer.from("<p>Ausschreibung für Köln – München "), Buffer.from([0xff]), Buffer.from(" Düsseldorf</p>")]);
    const text = decodeDocument(body, null, "html");
    expect(text).toContain("für Köln – München");
    expect(text).toContain("Düsseldorf");
  });
});

describe("contentTypeCharset", () => {
  it.each([
    ["text/xml; charset=windows-1252", "windows-1252"],
    ['application/rss+xml;CHARSET="ISO-8859-1"', "ISO-8859-1"],
    ["text/html", null],
    [null, null],
  ])("reads %j", (header, charset) => {
    expect(contentTypeCharset(header)).toBe(charset);
  });
});
