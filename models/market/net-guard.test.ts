// net-guard: every notation of a private, loopback, link-local, multicast or reserved address is
// refused; loopback opens only for listed hosts; the socket lookup checks what it connects to.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env.ts";
import { addressVerdict, BlockedAddressError, checkHostAllowed, guardedLookup, isListedHost, isValidAllowEntry, parseHostAddress, parseLegacyIPv4 } from "./net-guard.ts";

const refused: [string, string][] = [
  ["127.0.0.1", "loopback"],
  ["2130706433", "loopback"],
  ["0x7f.1", "loopback"],
  ["0x7f000001", "loopback"],
  ["017700000001", "loopback"],
  ["0177.0.0.1", "loopback"],
  ["127.1", "loopback"],
  ["127.0.0.1.", "loopback"],
  ["[::1]", "loopback"],
  ["[::ffff:127.0.0.1]", "loopback"],
  ["[0:0:0:0:0:ffff:7f00:1]", "loopback"],
  ["[::ffff:0:7f00:1]", "loopback"],
  ["[64:ff9b::7f00:1]", "loopback"],
  ["[2002:7f00:1::1]", "loopback"],
  ["169.254.169.254", "link-local"],
  ["0xa9.0xfe.0xa9.0xfe", "link-local"],
  ["2852039166", "link-local"],
  ["[::ffff:a9fe:a9fe]", "link-local"],
  ["[fe80::1]", "link-local"],
  ["10.0.0.1", "private"],
  ["012.1", "private"],
  ["172.16.5.4", "private"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "private"],
  ["[fd00::1]", "private"],
  ["[fec0::1]", "private"],
  ["0.0.0.0", "unspecified"],
  ["0", "unspecified"],
  ["[::]", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["[ff02::1]", "multicast"],
  ["255.255.255.255", "reserved"],
  ["240.0.0.1", "reserved"],
  ["192.0.2.1", "reserved"],
  ["[2001:db8::1]", "reserved"],
  ["[::7f00:1]", "reserved"],
  ["[2001::1]", "reserved"],
];

describe("address classification", () => {
  it.each(refused)("refuses %s (%s)", (host, addressClass) => {
    expect(addressVerdict(host, false)).toEqual({ allowed: false, addressClass });
  });

  it("allows public unicast addresses in any notation", () => {
    for (const host of ["93.184.216.34", "1558435874", "0x5d.0xb8.0xd8.0x22", "[2606:2800:220:1:248:1893:25c8:1946]", "[::ffff:93.184.216.34]", "8.8.8.8"]) {
      expect(addressVerdict(host, false), host).toEqual({ allowed: true, addressClass: "public" });
    }
  });

  it("opens loopback only when asked, and never the other private ranges", () => {
    expect(addressVerdict("127.0.0.1", true).allowed).toBe(true);
    expect(addressVerdict("[::ffff:127.0.0.1]", true).allowed).toBe(true);
    expect(addressVerdict("10.0.0.1", true).allowed).toBe(false);
    expect(addressVerdict("169.254.169.254", true).allowed).toBe(false);
  });

  it("parses the inet_aton forms and rejects what is not an address", () => {
    expect(parseLegacyIPv4("1.2.3")?.toString()).toBe("1.2.0.3");
    expect(parseLegacyIPv4("1.0x10203")?.toString()).toBe("1.1.2.3");
    expect(parseLegacyIPv4("4294967295")?.toString()).toBe("255.255.255.255");
    for (const name of ["4294967296", "256.1.1.1", "1.2.3.4.5", "08.1", "example.com", "1..2", ""]) expect(parseLegacyIPv4(name), name).toBeNull();
    expect(parseHostAddress("example.com")).toBeNull();
    expect(parseHostAddress("[::1")).toBeNull();
  });
});

describe("allow-list", () => {
  it("matches hosts canonically, with or without a port", () => {
    expect(isListedHost("127.0.0.1", "8080", ["127.0.0.1"])).toBe(true);
    expect(isListedHost("127.0.0.1", "8080", ["127.0.0.1:8080"])).toBe(true);
    expect(isListedHost("127.0.0.1", "8081", ["127.0.0.1:8080"])).toBe(false);
    expect(isListedHost("0x7f.1", "80", ["127.0.0.1"])).toBe(true);
    expect(isListedHost("[::1]", "80", ["::1"])).toBe(true);
    expect(isListedHost("[::1]", "9", ["[::1]:9"])).toBe(true);
    expect(isListedHost("LocalHost", "80", ["localhost"])).toBe(true);
    expect(isListedHost("127.0.0.1", "80", ["localhost"])).toBe(false);
    expect(isListedHost("127.0.0.1", "80", [])).toBe(false);
    expect(isValidAllowEntry("localhost:3000")).toBe(true);
    expect(isValidAllowEntry("bad host")).toBe(false);
  });

  it("reads MARKET_ALLOW_HOSTS from the environment", () => {
    expect(parseEnv({}).MARKET_ALLOW_HOSTS).toEqual([]);
    expect(parseEnv({ MARKET_ALLOW_HOSTS: " localhost , 127.0.0.1:8080 " }).MARKET_ALLOW_HOSTS).toEqual(["localhost", "127.0.0.1:8080"]);
    expect(() => parseEnv({ MARKET_ALLOW_HOSTS: "localhost,not a host" })).toThrow(/MARKET_ALLOW_HOSTS/);
  });
});

describe("checkHostAllowed and guardedLookup", () => {
  it("refuses a name that resolves to loopback unless it is listed", async () => {
    const refusedCheck = await checkHostAllowed("localhost", []);
    expect(refusedCheck.allowed).toBe(false);
    if (!refusedCheck.allowed) expect(refusedCheck.error).toBeInstanceOf(BlockedAddressError);
    const allowed = await checkHostAllowed("localhost", ["localhost"], "80");
    expect(allowed.allowed).toBe(true);
    if (allowed.allowed) expect(allowed.addresses.length).toBeGreaterThan(0);
    expect((await checkHostAllowed("2130706433", [])).allowed).toBe(false);
    expect((await checkHostAllowed("[::1]", ["[::1]:81"], "80")).allowed).toBe(false);
    expect((await checkHostAllowed("no-such-host.invalid", [])).allowed).toBe(false);
  });

  it("hands the socket only checked addresses", async () => {
    const lookup = guardedLookup({ allowLoopback: false });
    const error = await new Promise<unknown>((resolve) => {
      const socket = net.connect({ host: "localhost", port: 9, lookup });
      socket.on("error", resolve);
      socket.on("connect", () => resolve("connected"));
    });
    expect(error).toBeInstanceOf(BlockedAddressError);
    const answer = await new Promise<unknown>((resolve) => guardedLookup({ allowLoopback: true })("localhost", { all: true }, (err, addresses) => resolve(err ?? addresses)));
    expect(Array.isArray(answer)).toBe(true);
  });
});
