import { describe, expect, it } from "vitest";
import { DEMO_INDUSTRIES } from "./catalog.ts";
import { customerName, foldToAscii, normalizeCompanyName, partnerName } from "./names.ts";
import { Random } from "./random.ts";

describe("normalizeCompanyName", () => {
  it.each([
    ["Bergmann Logistik GmbH & Co. KG", "bergmann logistik"],
    ["Rossi & Bianchi S.r.l.", "rossi bianchi"],
    ["Lefèvre Logistique SAS", "lefevre logistique"],
    ["Øresund Byg A/S", "oresund byg"],
    ["Großhandel Weber AG", "grosshandel weber"],
    ["Sakura Seiki Co., Ltd.", "sakura seiki"],
    ["Mitchell Foods Pty Ltd", "mitchell foods"],
    ["Hughes Partners Pte. Ltd.", "hughes partners"],
    ["De Vries B.V.", "de vries"],
    ["Acme Inc.", "acme"],
  ])("%s → %s", (name, normalized) => {
    expect(normalizeCompanyName(name)).toBe(normalized);
  });

  it("never strips a name down to nothing", () => {
    expect(normalizeCompanyName("AG")).toBe("ag");
  });

  it("folds diacritics and special letters to ASCII", () => {
    expect(foldToAscii("Jørgensen Æble Straße Müller")).toBe("jorgensen aeble strasse muller");
  });
});

describe("generated names", () => {
  it("gives customers a legal form, a normalized name and a registrable domain of their country", () => {
    const rng = new Random("names-test");
    const taken = new Set<string>();
    for (const country of ["DE", "SE", "FI", "GB", "NL", "FR", "IT", "ES", "US", "JP", "AU"]) {
      const c = customerName(rng, country, rng.pick(DEMO_INDUSTRIES), (n) => !taken.has(n.normalizedName));
      taken.add(c.normalizedName);
      expect(c.normalizedName).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
      expect(c.name.startsWith(c.shortName)).toBe(true);
      expect(c.domain).toMatch(/^[a-z0-9-]+(\.[a-z]+)+$/);
    }
  });

  it("keeps names unique through the isFree check", () => {
    const rng = new Random("unique");
    const taken = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const p = partnerName(rng, "DE", false, (n) => !taken.has(n.normalizedName));
      expect(taken.has(p.normalizedName)).toBe(false);
      taken.add(p.normalizedName);
    }
  });
});
