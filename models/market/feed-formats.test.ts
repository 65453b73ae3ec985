import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "./feed.ts";
import { MAX_SUMMARY_LENGTH } from "./text.ts";

const options = { contentType: null, baseUrl: "https://news.example.test/feeds/main.xml" };
const parse = (xml: string) => parseFeed(Buffer.from(xml), options);

describe("parseFeed formats", () => {
  it("reads RSS 0.91 and 2.0 items with RFC 822 dates, and falls back to dc:date", () => {
    const items = parse(`<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
      <rss version="0.91" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>C</title>
        <item><title>One</title><link>http://a.test/1</link><pubDate>Tue, 10 Jun 2003 04:00:00 EST</pubDate></item>
        <item><title>Two</title><link>/2</link><dc:date>2003-06-11T08:00:00+02:00</dc:date><description>Second</description></item>
      </channel></rss>`);
    expect(items).toEqual([
      { title: "One", link: "http://a.test/1", publishedAt: "2003-06-10T09:00:00.000Z", summary: null },
      { title: "Two", link: "https://news.example.test/2", publishedAt: "2003-06-11T06:00:00.000Z", summary: "Second" },
    ]);
  });

  it("reads RSS 1.0 (RDF), items beside the channel, and RSS 0.90", () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="http://a.test/"><title>C</title><items><rdf:Seq><rdf:li resource="http://a.test/1"/></rdf:Seq></items></channel>
      <item rdf:about="http://a.test/1"><title>RDF item</title><link>http://a.test/1</link><dc:date>2017-06-15T10:00:00-04:00</dc:date></item>
      <item rdf:about="http://a.test/2"><title>Only about</title></item></rdf:RDF>`;
    expect(parse(rdf).map((i) => [i.title, i.link, i.publishedAt])).toEqual([
      ["RDF item", "http://a.test/1", "2017-06-15T14:00:00.000Z"],
      ["Only about", "http://a.test/2", null],
    ]);
    const rss090 = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
      <channel><title>C</title></channel><item><title>Old</title><link>http://a.test/old</link></item></rdf:RDF>`;
    expect(parse(rss090).map((i) => i.title)).toEqual(["Old"]);
  });

  it("reads Atom 0.3: escaped content, issued/modified dates and its namespace", () => {
    const items = parse(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>C</title>
      <entry><title>Atom 0.3</title><link rel="alternate" type="text/html" href="http://a.test/03"/>
        <modified>2004-01-02T10:00:00Z</modified><issued>2004-01-01T10:00:00+01:00</issued>
        <content type="text/html" mode="escaped">&lt;p&gt;Escaped &amp;amp; read&lt;/p&gt;</content></entry></feed>`);
    expect(items).toEqual([{ title: "Atom 0.3", link: "http://a.test/03", publishedAt: "2004-01-01T09:00:00.000Z", summary: "Escaped & read" }]);
  });

  it("chooses the Atom alternate link over self, edit, enclosure and related; resolves it against xml:base", () => {
    const items = parse(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://base.test/blog/">
      <entry><title>A</title><link rel="self" href="/self"/><link rel="edit" href="/edit"/><link rel="enclosure" href="/a.mp3"/>
        <link rel="alternate" type="application/json" href="a.json"/><link rel="alternate" type="text/html" href="a.html"/><link rel="related" href="/rel"/>
        <updated>2020-02-02T00:00:00Z</updated><published>2020-01-01T00:00:00Z</published></entry>
      <entry xml:base="/other/"><title>B</title><link href="b"/></entry>
      <entry><title>C</title><link rel="self" href="http://a.test/self"/><link rel="replies" href="http://a.test/comments"/></entry>
      <entry><title>D</title><id>https://a.test/posts/d</id></entry>
      <entry><title>E</title><id>tag:a.test,2020:e</id></entry></feed>`);
    expect(items.map((i) => [i.title, i.link, i.publishedAt])).toEqual([
      ["A", "http://base.test/blog/a.html", "2020-01-01T00:00:00.000Z"],
      ["B", "http://base.test/other/b", null],
      ["C", "http://a.test/self", null],
      ["D", "https://a.test/posts/d", null],
    ]);
  });

  it("finds namespaced fields whatever their prefix, and undeclared conventional prefixes", () => {
    const items = parse(`<rss version="2.0" xmlns:x="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:a="http://www.w3.org/2005/Atom">
      <channel xml:base="http://channel.test/"><item><x:title>From dc</x:title><a:link rel="alternate" href="p1"/><x:date>2021-05-05</x:date><c:encoded>&lt;b&gt;Full&lt;/b&gt;</c:encoded></item>
      <item><title>Undeclared</title><link>http://a.test/u</link><dc:date>2021-05-06T12:00:00Z</dc:date></item></channel></rss>`);
    expect(items).toEqual([
      { title: "From dc", link: "http://channel.test/p1", publishedAt: "2021-05-05T00:00:00.000Z", summary: "Full" },
      { title: "Undeclared", link: "http://a.test/u", publishedAt: "2021-05-06T12:00:00.000Z", summary: null },
    ]);
  });

  it("makes a title from the description when an RSS item has none, and caps long summaries", () => {
    const long = "word ".repeat(1000);
    const [item] = parse(`<rss><channel><item><description>${long}</description><guid isPermaLink="true">http://a.test/g</guid></item>
      <item><guid isPermaLink="false">http://a.test/not-a-link</guid><title>No link</title></item></channel></rss>`);
    expect(item.title.length).toBeLessThanOrEqual(120);
    expect(item.title.startsWith("word word")).toBe(true);
    expect(item.summary!.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(item.link).toBe("http://a.test/g");
  });
});

describe("parseFeed recovery from slightly malformed XML", () => {
  it("keeps bare ampersands, HTML entities XML does not know, and unclosed HTML inside a description", () => {
    const items = parse(`<rss><channel><item><title>AT&T wins &nbsp;&eacute;lection</title><link>http://a.test/1?a=1&b=2</link>
      <description>Line<br>next <p>para</description></item><item><title>Second</title><link>http://a.test/2</link></item></channel></rss>`);
    expect(items.map((i) => [i.title, i.link, i.summary])).toEqual([
      ["AT&T wins élection", "http://a.test/1?a=1&b=2", "Line next para"],
      ["Second", "http://a.test/2", null],
    ]);
  });

  it("skips junk a server printed before the feed, and reads a truncated feed up to where it stops", () => {
    const junk = `<br />\n<b>Warning</b>: date(): It is not safe to rely on the system's timezone settings in <b>/var/www/rss.php</b><br />
      <?xml version="1.0"?><rss><channel><item><title>Kept</title><link>http://a.test/1</link></item>`;
    expect(parse(junk).map((i) => i.title)).toEqual(["Kept"]);
    const truncated = `<rss><channel><item><title>Whole</title><link>http://a.test/1</link></item><item><title>Cut</title><link>http://a.te`;
    expect(parse(truncated).map((i) => i.title)).toEqual(["Whole", "Cut"]);
  });

  it("reads items that an unclosed element left nested", () => {
    const xml = `<rss><channel><image><url>http://a.test/logo.png</url><item><title>Inside image</title><link>http://a.test/1</link></item>
      <item><title>Unclosed<link>http://a.test/2</link></item></channel></rss>`;
    expect(parse(xml).map((i) => i.link)).toEqual(["http://a.test/1", "http://a.test/2"]);
  });

  it.each([
    ["an empty body", "", /empty/],
    ["whitespace", " \n\t ", /empty/],
    ["an HTML page", "<!DOCTYPE html><html><head><title>Home</title></head><body><a href='/rss'>RSS</a></body></html>", /HTML page/],
    ["JSON", '{"version":"https://jsonfeed.org/version/1","items":[]}', /JSON/],
    ["plain text", "Service unavailable", /plain text/],
    ["another XML vocabulary", '<?xml version="1.0"?><note><to>Tove</to></note>', /root element is <note>/],
    ["binary garbage", "\u0000\u0001\u0002<<<>>>", /no XML elements|root element/],
  ])("refuses %s with a FeedParseError that says why", (_, body, message) => {
    expect(() => parse(body)).toThrow(FeedParseError);
    expect(() => parse(body)).toThrow(message);
  });

  it("accepts a feed with no items", () => {
    expect(parse('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>')).toEqual([]);
  });
});
