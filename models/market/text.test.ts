import { describe, expect, it } from "vitest";
import { capLength, collapseWhitespace, htmlToText, plainText, safeHttpUrl } from "./text.ts";

describe("htmlToText", () => {
  it("drops tags, decodes entities and separates blocks", () => {
    expect(htmlToText("<p>Caf&eacute; &amp; bar</p><p>Second&nbsp;para<br>line</p>")).toBe("Café & bar Second para line");
    expect(htmlToText("1930ft<sup>2</sup> &#x0024;4300")).toBe("1930ft2 $4300");
  });

  it("never keeps script or style content, nor their tags", () => {
    const text = htmlToText('<div>Tender<script>alert("x")</script><style>p{}</style><noscript>n</noscript> notice</div>');
    expect(text).toBe("Tender notice");
  });

  it("flattens markup that was escaped twice, script included", () => {
    expect(htmlToText("&lt;b&gt;Bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;news")).toBe("Bold news");
  });

  it("keeps text that only looks like comparison", () => {
    expect(htmlToText("a < b and c > d")).toBe("a < b and c > d");
  });

  it("caps the length at a word boundary with an ellipsis", () => {
    const text = htmlToText(`<p>${"word ".repeat(400)}</p>`, 100);
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.endsWith("word…")).toBe(true);
  });
});

describe("nodesText", () => {
  it("flattens markup nested deeper than the call stack goes", () => {
    const depth = 20_000;
    expect(htmlToText(`<p>a</p>${"<span>".repeat(depth)}deep${"</span>".repeat(depth)}<p>b</p>`)).toBe("a deep b");
  });
});

describe("plainText", () => {
  it("keeps text literally but removes script and style markup", () => {
    expect(plainText("Use <div> wisely <script>alert(1)</script>now")).toBe("Use <div> wisely now");
  });
});

describe("collapseWhitespace and capLength", () => {
  it("collapses every kind of space and removes control characters", () => {
    expect(collapseWhitespace(" a\u00A0\u00A0b\r\n\tc\u0007\u200B ")).toBe("a b c");
  });

  it("leaves short text alone", () => {
    expect(capLength("short", 10)).toBe("short");
  });
});

describe("safeHttpUrl", () => {
  it("resolves relative links against the base", () => {
    expect(safeHttpUrl("/Public/Notice/29167", "https://www.ungm.org/Public/Notice")).toBe("https://www.ungm.org/Public/Notice/29167");
    expect(safeHttpUrl("  page.html?a=1&b=2 ", "http://example.test/dir/")).toBe("http://example.test/dir/page.html?a=1&b=2");
    expect(safeHttpUrl("//cdn.example.test/x", "https://example.test/")).toBe("https://cdn.example.test/x");
  });

  it.each([
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["java\nscript:alert(1)"],
    [" \tjavascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox"],
    ["mailto:a@example.test"],
    ["file:///etc/passwd"],
    ["ftp://example.test/x"],
    ["http://"],
    [""],
  ])("drops %j", (raw) => {
    expect(safeHttpUrl(raw, "https://example.test/")).toBeNull();
  });

  it("needs a base for a relative link", () => {
    expect(safeHttpUrl("/x", null)).toBeNull();
    expect(safeHttpUrl("https://example.test/x", null)).toBe("https://example.test/x");
  });
});
