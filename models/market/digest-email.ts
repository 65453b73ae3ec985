// The daily alert digest as an e-mail, built from the alerts alone (pure): subject with the counts,
// a plain-text and an HTML body listing each alert by severity with its reasons and address.
import { escapeHtml, type NotificationEmail } from "../notifications/email.ts";

export type DigestAlert = {
  title: string;
  severity: "LOW" | "MEDIUM" | "HIGH";
  reasons: readonly string[];
  /** http(s) only; anything else is left out. */
  url: string | null;
  deadline: string | null;
};

export type DigestContent = {
  leadName: string;
  /** The lead's local day the digest is for (YYYY-MM-DD). */
  date: string;
  alerts: readonly DigestAlert[];
  /** Unread alerts of the window beyond those listed (a digest lists at most a few dozen). */
  more?: number;
  /** The inbox's absolute address, or null without APP_URL. */
  inboxUrl: string | null;
};

const SEVERITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
const FOOTER = "You receive this daily digest as a regional lead in Channelwise. Alerts you have read are left out.";

export function composeDigestEmail({ leadName, date, alerts, more = 0, inboxUrl }: DigestContent): NotificationEmail {
  const sorted = [...alerts].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const high = sorted.filter((a) => a.severity === "HIGH").length;
  const total = sorted.length + more;
  const count = `${total} new market ${total === 1 ? "alert" : "alerts"}`;
  const moreLine = more > 0 ? `…and ${more} more in the portal.` : null;
  const subject = `Channelwise: ${count}${high > 0 ? ` (${high} high)` : ""} — ${date}`;
  const intro = `Hello ${leadName}, here are the market alerts of the last day that you have not read yet.`;

  const textItems = sorted.map((a) =>
    [
      `[${a.severity}] ${a.title}`,
      ...a.reasons.map((r) => `  - ${r}`),
      a.deadline ? `  Deadline: ${a.deadline}` : null,
      a.url ? `  ${a.url}` : null,
    ].filter(Boolean).join("\n"),
  );
  const text = [intro, ...textItems, moreLine, inboxUrl ? `Open your alerts: ${inboxUrl}` : null, `--\n${FOOTER}`].filter(Boolean).join("\n\n");

  const htmlItems = sorted.map((a) => {
    const title = a.url ? `<a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a>` : escapeHtml(a.title);
    const reasons = a.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("");
    const deadline = a.deadline ? `<p>Deadline: ${escapeHtml(a.deadline)}</p>` : "";
    return `<li><p><strong>${escapeHtml(a.severity)}</strong> · ${title}</p>${reasons ? `<ul>${reasons}</ul>` : ""}${deadline}</li>`;
  });
  const html = [
    `<h1 style="font-size:18px">${escapeHtml(count)}</h1>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ol>${htmlItems.join("\n")}</ol>`,
    moreLine ? `<p>${escapeHtml(moreLine)}</p>` : "",
    inboxUrl ? `<p><a href="${escapeHtml(inboxUrl)}">Open your alerts in Channelwise</a></p>` : "",
    `<p style="color:#64748b;font-size:12px">${escapeHtml(FOOTER)}</p>`,
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}
