// Where a notification's title may lead (pure): a path inside the portal, or an external http(s)
// address such as a forwarded tender's page; anything else (javascript:, data:, "//host") is no link.

export type NotificationTarget = { kind: "portal"; href: string } | { kind: "external"; href: string };

// Browsers drop tabs and line breaks inside a URL and read "\" as "/", so "/\t/evil" or "/\evil"
// would leave the portal: a link holding any of them is not followed at all.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f\\]/;

export function notificationTarget(link: string | null | undefined): NotificationTarget | null {
  if (!link || UNSAFE_CHARACTERS.test(link)) return null;
  if (link.startsWith("/")) return link.startsWith("//") ? null : { kind: "portal", href: link };
  if (!/^https?:\/\//i.test(link)) return null;
  try {
    const url = new URL(link);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? { kind: "external", href: url.href } : null;
  } catch {
    return null;
  }
}
