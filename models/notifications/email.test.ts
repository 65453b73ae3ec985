// The notification e-mail: one-line subject, absolute link only on the portal, HTML escaped.
import { describe, expect, it } from "vitest";
import { absoluteLink, composeNotificationEmail } from "./email.ts";

describe("composeNotificationEmail", () => {
  it("puts the title in the subject and the body and absolute link in both parts", () => {
    const mail = composeNotificationEmail({ title: "Deal approved:\nAcme", body: "Approved by Markus.", link: "/deals/42", appUrl: "https://prm.example.com" });
    expect(mail.subject).toBe("Deal approved: Acme");
    expect(mail.text).toContain("Approved by Markus.");
    expect(mail.text).toContain("https://prm.example.com/deals/42");
    expect(mail.html).toContain('<a href="https://prm.example.com/deals/42">');
  });

  it("escapes HTML and leaves out a link it cannot make absolute", () => {
    const mail = composeNotificationEmail({ title: "<b>x</b>", body: "a < b & \"c\"", link: "/deals/1", appUrl: null });
    expect(mail.html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(mail.html).toContain("a &lt; b &amp; &quot;c&quot;");
    expect(mail.html).not.toContain("href");
    expect(mail.text).not.toContain("Open in Channelwise");
  });

  it("makes only portal paths absolute", () => {
    expect(absoluteLink("/deals/1", "https://prm.example.com/base")).toBe("https://prm.example.com/deals/1");
    expect(absoluteLink("//evil.example/x", "https://prm.example.com")).toBeNull();
    expect(absoluteLink("https://evil.example/x", "https://prm.example.com")).toBeNull();
  });
});
