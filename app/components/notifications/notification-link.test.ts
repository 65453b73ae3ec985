// Which notification links are followed: portal paths in place, http(s) addresses as external
// pages, and nothing that could run script or leave the portal disguised as a path.
import { describe, expect, it } from "vitest";
import { notificationTarget } from "./notification-link.ts";

describe("notificationTarget", () => {
  it("follows portal paths", () => {
    expect(notificationTarget("/deals/123?tab=notes#x")).toEqual({ kind: "portal", href: "/deals/123?tab=notes#x" });
  });

  it("opens http(s) addresses as external pages, normalised", () => {
    expect(notificationTarget("https://tenders.example.org/t/42?lot=1")).toEqual({ kind: "external", href: "https://tenders.example.org/t/42?lot=1" });
    expect(notificationTarget("HTTP://Tenders.Example.org")).toEqual({ kind: "external", href: "http://tenders.example.org/" });
  });

  it("never links anything else", () => {
    for (const link of [
      null,
      "",
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\nscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "mailto:someone@example.com",
      "//evil.example/path",
      "/\\evil.example",
      "/\t/evil.example",
      "\\\\evil.example",
      "https:evil.example",
      "http:/evil.example",
      "https://",
      "ftp://files.example.org/x",
      " https://tenders.example.org",
      "deals/123",
    ]) {
      expect(notificationTarget(link), JSON.stringify(link)).toBeNull();
    }
  });
});
