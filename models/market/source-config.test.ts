// The source shape of API.md: defaults, the selectors rule for HTML and JavaScript sources, and
// per-field messages for bad URLs, cron expressions and CSS selectors.
import { describe, expect, it } from "vitest";
import { isCronExpression, readSourceConfig } from "./source-config.ts";

const base = { name: "City tenders", url: "https://tenders.example/list", kind: "html", contentType: "tender", schedule: "0 */6 * * *", selectors: { item: "li.tender", title: "a", link: "a" } };

describe("readSourceConfig", () => {
  it("reads a source and fills the list defaults", () => {
    const result = readSourceConfig(base);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.source).toMatchObject({ regionCodes: [], competitors: [], keywords: [], enabled: true, selectors: { item: "li.tender" } });
    expect(readSourceConfig({ ...base, kind: "rss", selectors: undefined }).ok).toBe(true);
  });

  it("names each bad field", () => {
    const result = readSourceConfig({ ...base, url: "file:///etc/passwd", schedule: "every hour", kind: "js", selectors: { item: "li[", title: "", link: "a" }, keywords: [""] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.url).toMatch(/http/);
      expect(result.errors.schedule).toMatch(/cron/);
      expect(result.errors["selectors.item"]).toMatch(/CSS/);
      expect(result.errors["selectors.title"]).toMatch(/required/);
      expect(result.errors["keywords.0"]).toMatch(/empty/);
    }
    const noSelectors = readSourceConfig({ ...base, selectors: undefined });
    expect(noSelectors.ok ? null : noSelectors.errors.selectors).toMatch(/required for an HTML source/);
    expect(readSourceConfig("not an object").ok).toBe(false);
    expect(readSourceConfig({ ...base, kind: "pdf" }).ok).toBe(false);
  });
});

describe("isCronExpression", () => {
  it("refuses what is in range field by field but never fires, as the scheduler would", () => {
    expect(isCronExpression("0 0 31 2 *")).toBe(false);
  });

  it.each(["* * * * *", "0 */6 * * *", "15 8 1,15 * mon-fri", "0 0 * jan,jul 0", "30 2 * * 7", "0-30/5 * * * *"])("accepts %s", (cron) => {
    expect(isCronExpression(cron)).toBe(true);
  });

  it.each(["", "* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "*/0 * * * *", "5-1 * * * *", "@daily", "* * * * * *"])("refuses %s", (cron) => {
    expect(isCronExpression(cron)).toBe(false);
  });
});
