// Decides which network addresses the market scraper may connect to: only public unicast ones,
// in every notation (IPv4-mapped IPv6, inet_aton forms like `0x7f.1`, `2130706433`, `127.1`),
// with loopback opened only for hosts listed in MARKET_ALLOW_HOSTS (the demo and tests).
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export type AddressClass = "public" | "loopback" | "private" | "link-local" | "multicast" | "unspecified" | "reserved";
type Address = ipaddr.IPv4 | ipaddr.IPv6;

const stripBrackets = (host: string) => (host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host);

/** Thrown (or passed to a lookup callback) when a host resolves to an address the scraper must not reach. */
export class BlockedAddressError extends Error {
  readonly code = "blocked_address";
  constructor(
    readonly host: string,
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    const what = stripBrackets(host) === address ? `${host} is` : `${host} resolves to ${address},`;
    const hint = addressClass === "loopback" ? " (the host is not listed in MARKET_ALLOW_HOSTS)" : "";
    super(`${what} a ${addressClass} address the scraper may not reach${hint}`);
    this.name = "BlockedAddressError";
  }
}

/** The legacy inet_aton forms a resolver still accepts: 1–4 parts, each decimal, octal (0…) or hex (0x…); the last fills the remaining bytes. */
export function parseLegacyIPv4(host: string): ipaddr.IPv4 | null {
  const text = host.endsWith(".") ? host.slice(0, -1) : host;
  const parts = text.split(".");
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    values.push(value);
  }
  const last = values.pop() as number;
  if (values.some((v) => v > 255) || last >= 256 ** (4 - values.length)) return null;
  const octets = [...values];
  for (let i = 3 - values.length; i >= 0; i -= 1) octets.push(Math.floor(last / 256 ** i) % 256);
  return new ipaddr.IPv4(octets);
}

/** The address a host name denotes literally (any IPv6 or legacy IPv4 notation), or null for a name that needs DNS. */
export function parseHostAddress(host: string): Address | null {
  const bare = stripBrackets(host.trim().toLowerCase());
  if (bare.includes(":")) return ipaddr.IPv6.isValid(bare) ? ipaddr.IPv6.parse(bare) : null;
  return parseLegacyIPv4(bare);
}

const ipv4Classes: Record<string, AddressClass> = {
  unicast: "public",
  loopback: "loopback",
  private: "private",
  carrierGradeNat: "private",
  linkLocal: "link-local",
  multicast: "multicast",
  unspecified: "unspecified",
};

const ipv6Classes: Record<string, AddressClass> = {
  loopback: "loopback",
  uniqueLocal: "private",
  deprecatedSiteLocal: "private",
  linkLocal: "link-local",
  multicast: "multicast",
  unspecified: "unspecified",
};

const fromBits = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);

/** The IPv4 address an IPv6 address carries and routes to (mapped, SIIT, NAT64, 6to4), if any. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = address.parts;
  switch (address.range()) {
    case "ipv4Mapped":
    case "rfc6145":
    case "rfc6052":
      return fromBits(p[6], p[7]);
    case "6to4":
      return fromBits(p[1], p[2]);
    default:
      return null;
  }
}

export function classifyAddress(address: Address): AddressClass {
  if (address.kind() === "ipv4") return ipv4Classes[address.range()] ?? "reserved";
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded) return classifyAddress(embedded);
  const range = v6.range();
  // Deprecated IPv4-compatible addresses (::a.b.c.d) and Teredo tunnel to hidden IPv4 targets.
  if (range === "unicast") return v6.parts[0] >> 13 === 1 ? "public" : "reserved";
  return ipv6Classes[range] ?? "reserved";
}

/** A host the way a URL parser writes it (any IP notation canonical, IPv6 in brackets), or null. */
function canonicalHost(host: string): string | null {
  const bare = host.trim().toLowerCase();
  const wrapped = bare.split(":").length > 2 && !bare.startsWith("[") ? `[${bare}]` : bare;
  try {
    return new URL(`http://${wrapped}/`).hostname;
  } catch {
    return null;
  }
}

/** An allow-list entry: `host`, `host:port`, `[v6]`, `[v6]:port` (a bare IPv6 address has no port). */
function parseAllowEntry(entry: string): { hostname: string; port: string | null } | null {
  const text = entry.trim();
  const withPort = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(text);
  const hostname = canonicalHost(withPort ? withPort[1] : text);
  return hostname ? { hostname, port: withPort ? String(Number(withPort[2])) : null } : null;
}

/** True when `hostname` on `port` (the effective port, e.g. "443") is listed; an entry without a port allows every port. */
export function isListedHost(hostname: string, port: string, allowHosts: readonly string[]): boolean {
  const target = canonicalHost(hostname);
  if (!target) return false;
  return allowHosts.some((entry) => {
    const listed = parseAllowEntry(entry);
    return listed !== null && listed.hostname === target && (listed.port === null || listed.port === port);
  });
}

/** The port a URL connects to, written out even when it is the scheme's default. */
export function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" || url.protocol === "wss:" ? "443" : "80");
}

/** True when an allow-list entry is a well-formed `host` or `host:port`. */
export function isValidAllowEntry(entry: string): boolean {
  return parseAllowEntry(entry) !== null;
}

/** The verdict on one address: loopback passes only when the host is listed; everything not public is refused. */
export function addressVerdict(address: string | Address, allowLoopback: boolean): { allowed: boolean; addressClass: AddressClass } {
  const parsed = typeof address === "string" ? parseHostAddress(address) : address;
  if (!parsed) return { allowed: false, addressClass: "reserved" };
  const addressClass = classifyAddress(parsed);
  return { allowed: addressClass === "public" || (addressClass === "loopback" && allowLoopback), addressClass };
}

/** Throws BlockedAddressError when `hostname` is a literal address that is not allowed; returns whether it was literal. */
export function assertLiteralHostAllowed(hostname: string, allowLoopback: boolean): boolean {
  const literal = parseHostAddress(hostname);
  if (!literal) return false;
  const verdict = addressVerdict(literal, allowLoopback);
  if (!verdict.allowed) throw new BlockedAddressError(hostname, literal.toString(), verdict.addressClass);
  return true;
}

export type HostCheck = { allowed: true; addresses: string[] } | { allowed: false; reason: string; error: BlockedAddressError | Error };

/**
 * Resolves `hostname` and checks EVERY address it resolves to (one bad answer refuses the host, so a
 * mixed DNS answer cannot slip through). `port` (the effective port) matters for `host:port` entries.
 */
export async function checkHostAllowed(hostname: string, allowHosts: readonly string[], port = ""): Promise<HostCheck> {
  const allowLoopback = isListedHost(hostname, port, allowHosts);
  try {
    if (assertLiteralHostAllowed(hostname, allowLoopback)) return { allowed: true, addresses: [parseHostAddress(hostname)!.toString()] };
    const answers = await dns.promises.lookup(stripBrackets(hostname), { all: true, verbatim: true });
    const addresses = answers.map((a) => a.address);
    assertResolvedAllowed(hostname, addresses, allowLoopback);
    return { allowed: true, addresses };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    return { allowed: false, reason: err.message, error: err };
  }
}

function assertResolvedAllowed(hostname: string, addresses: readonly string[], allowLoopback: boolean): void {
  if (addresses.length === 0) throw new Error(`${hostname} resolves to no address`);
  for (const address of addresses) {
    const verdict = addressVerdict(address, allowLoopback);
    if (!verdict.allowed) throw new BlockedAddressError(hostname, address, verdict.addressClass);
  }
}

/**
 * A `lookup` for node's net/http(s) (request option or Agent): resolves, checks every address and
 * hands the socket only a checked one, so the address connected to is the address checked (no
 * DNS-rebinding window between a check and the connect).
 */
export function guardedLookup(options: { allowLoopback: boolean }): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { family: lookupOptions.family, hints: lookupOptions.hints, all: true, verbatim: true }, (error, answers) => {
      if (error) return callback(error, "", 0);
      try {
        assertResolvedAllowed(hostname, answers.map((a) => a.address), options.allowLoopback);
      } catch (blocked) {
        return callback(blocked as NodeJS.ErrnoException, "", 0);
      }
      if (lookupOptions.all) return callback(null, answers);
      callback(null, answers[0].address, answers[0].family);
    });
  };
}
