// registrableDomain: URLs, e-mail addresses and bare hosts fold to the domain a company
// registers; IPs, local names and junk give null.
import { describe, expect, it } from "vitest";
import { registrableDomain } from "./domains.ts";

describe("registrableDomain", () => {
  it.each([
    ["https://www.shop.bmw.co.uk/de?x=1", "bmw.co.uk"],
    ["WWW.Siemens.DE", "siemens.de"],
    ["siemens.de", "siemens.de"],
    ["anna.schmidt@mail.siemens.de", "siemens.de"],
    ["http://user:pass@www.acme.com:8080/path", "acme.com"],
    ["toyota.co.jp", "toyota.co.jp"],
    ["https://global.toyota/en/", "global.toyota"],
    ["acme.com.", "acme.com"],
    ["müller.de", "xn--mller-kva.de"],
    ["https://www.xn--mller-kva.de", "xn--mller-kva.de"],
    ["acme-corp.github.io", "acme-corp.github.io"],
    ["  https://Sub.Example.COM.AU  ", "example.com.au"],
  ])("%s → %s", (input, domain) => {
    expect(registrableDomain(input)).toBe(domain);
  });

  it.each(["192.168.1.1", "http://10.0.0.1/", "[::1]", "localhost", "server.local", "co.uk", "github.io", "acme", "", "acme .com", "ftp://acme.com", "not a domain"])(
    "refuses %j",
    (input) => {
      expect(registrableDomain(input)).toBeNull();
    },
  );
});
