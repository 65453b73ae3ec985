// The registrable web domain of a customer ("shop.bmw.co.uk" → "bmw.co.uk"), from a URL, an
// e-mail address or a bare host, using the public suffix list bundled in `tldts` (offline).
import { parse } from "tldts";

/**
 * The domain a company registers, with `www.` and other subdomains folded; IDNs in their
 * ASCII (punycode) form. Null for IP addresses, hosts without a public suffix and junk.
 */
export function registrableDomain(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text || /\s/.test(text)) return null;
  if (!text.includes("://")) {
    // An e-mail address or a bare host: keep what follows the last "@".
    text = `http://${text.slice(text.lastIndexOf("@") + 1)}`;
  }
  let hostname: string;
  try {
    const url = new URL(text);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    hostname = url.hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
  const parsed = parse(hostname, { allowPrivateDomains: true });
  if (parsed.isIp || !parsed.domain) return null;
  if (!parsed.isIcann && !parsed.isPrivate) return null;
  return parsed.domain;
}
