// The e-mail that carries a notification: subject, plain text and a minimal HTML version, built
// from the notice alone (pure), so what is stored in the outbox is exactly what is sent.

export type NotificationEmail = { subject: string; text: string; html: string };

export type EmailContent = {
  title: string;
  body?: string | null;
  /** A path inside the portal ("/deals/…"); made absolute with `appUrl`, left out without it. */
  link?: string | null;
  appUrl?: string | null;
};

const FOOTER = "You receive this e-mail because of your Channelwise account. You find all notifications in the portal.";

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/** `link` as an absolute URL on `appUrl`, or null when either is missing or the link leaves the portal. */
export function absoluteLink(link: string | null | undefined, appUrl: string | null | undefined): string | null {
  if (!link || !appUrl || !link.startsWith("/") || link.startsWith("//")) return null;
  return new URL(link, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}

export function composeNotificationEmail({ title, body, link, appUrl }: EmailContent): NotificationEmail {
  const url = absoluteLink(link, appUrl);
  // Mail subjects are one line: a title with a line break would split the header.
  const subject = title.replace(/\s+/g, " ").trim();
  const text = [body?.trim() || subject, url ? `Open in Channelwise: ${url}` : null, `--\n${FOOTER}`].filter(Boolean).join("\n\n");
  const paragraphs = (body?.trim() || subject).split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`);
  const html = [
    `<h1 style="font-size:18px">${escapeHtml(subject)}</h1>`,
    ...paragraphs,
    url ? `<p><a href="${escapeHtml(url)}">Open in Channelwise</a></p>` : "",
    `<p style="color:#64748b;font-size:12px">${escapeHtml(FOOTER)}</p>`,
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}
