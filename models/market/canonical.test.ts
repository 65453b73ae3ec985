// Recognising one market item in two sightings, without a database: canonical URLs, the text
// hash, and near-identical titles (but not lots or editions that differ by a number).
import { describe, expect, it } from "vitest";
import { canonicalUrl, contentHash, nearIdenticalTitles, normalizeTitle } from "./canonical.ts";

describe("canonicalUrl", () => {
  it("lower-cases the host, drops the fragment, tracking parameters and default port, and sorts the query", () => {
    expect(canonicalUrl("HTTPS://News.Example.COM:443/Tenders/42?b=2&utm_source=x&a=1&fbclid=abc&gclid=9#top")).toBe("https://news.example.com/Tenders/42?a=1&b=2");
    expect(canonicalUrl("https://example.com/a?utm_campaign=spring&UTM_Medium=mail")).toBe("https://example.com/a");
    expect(canonicalUrl("http://example.com")).toBe("http://example.com/");
  });

  it("makes the same link with parameters in another order the same URL, but keeps the path's case and real parameters", () => {
    expect(canonicalUrl("https://example.com/x?id=7&page=2")).toBe(canonicalUrl("https://example.com/x?page=2&id=7#comments"));
    expect(canonicalUrl("https://example.com/X?id=7")).not.toBe(canonicalUrl("https://example.com/x?id=7"));
    expect(canonicalUrl("https://example.com/x?id=7")).not.toBe(canonicalUrl("https://example.com/x?id=8"));
  });

  it("refuses what is not an absolute http(s) URL", () => {
    for (const link of ["/relative/path", "javascript:alert(1)", "ftp://example.com/file", "not a url", ""]) expect(canonicalUrl(link)).toBeNull();
  });

  it("drops credentials a link may carry", () => {
    expect(canonicalUrl("https://user:secret@example.com/a")).toBe("https://example.com/a");
  });
});

describe("normalizeTitle and contentHash", () => {
  it("folds case, accents and punctuation", () => {
    expect(normalizeTitle("  Zürich: ERP-Ausschreibung — Los 2!  ")).toBe("zurich erp ausschreibung los 2");
  });

  it("hashes the same text the same, whatever its markup or case, and different text differently", () => {
    expect(contentHash("Odoo raises prices", "From 1 March.")).toBe(contentHash("ODOO raises prices!", "from 1 march"));
    expect(contentHash("Odoo raises prices", "From 1 March.")).not.toBe(contentHash("Odoo raises prices", "From 1 April."));
    expect(contentHash("Odoo raises prices", null)).toBe(contentHash("Odoo raises prices", ""));
    expect(contentHash("Odoo raises prices", "x")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("nearIdenticalTitles", () => {
  const t = normalizeTitle;
  it("matches a title rewritten with punctuation or one extra word among many", () => {
    expect(nearIdenticalTitles(t("SAP announces end of support for Business One 9.3 in Germany"), t("SAP announces end of support for Business One 9.3 in Germany."))).toBe(true);
    const long = "Munich public utilities tender for an ERP financial management system and procurement system with migration services";
    expect(nearIdenticalTitles(t(long), t(`${long} (updated)`))).toBe(true);
  });

  it("keeps apart titles that differ in a number, or by more than a word or so", () => {
    expect(nearIdenticalTitles(t("City of Vienna ERP tender lot 2 finance module"), t("City of Vienna ERP tender lot 3 finance module"))).toBe(false);
    expect(nearIdenticalTitles(t("Odoo partner programme changes for 2025 announced today"), t("Odoo partner programme changes for 2026 announced today"))).toBe(false);
    expect(nearIdenticalTitles(t("Sage X3 adds warehouse management module for distributors"), t("Infor CloudSuite adds warehouse management module for distributors"))).toBe(false);
  });

  it("never matches short generic titles unless they are equal, and never empty ones", () => {
    expect(nearIdenticalTitles(t("Tender notice"), t("Tender notices"))).toBe(false);
    expect(nearIdenticalTitles(t("Tender notice"), t("Tender notice"))).toBe(true);
    expect(nearIdenticalTitles("", "")).toBe(false);
  });
});
