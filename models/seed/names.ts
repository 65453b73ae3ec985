// Realistic, unique company and person names for the demo, with the normalized name and the
// registrable domain the deal-conflict search works on.
import { foldToAscii, normalizeCompanyName } from "../deals/customer-names.ts";
import type { DemoIndustry } from "./catalog.ts";
import {
  BRAND_HEADS,
  BRAND_TAILS,
  COUNTRY_NAMING,
  DISTRIBUTOR_WORDS,
  LANGUAGE_WORDS,
  type CountryNaming,
  type Language,
} from "./names-data.ts";
import type { Random } from "./random.ts";

/** One normalization for the seed and for deal registration (models/deals/customer-names.ts). */
export { foldToAscii, normalizeCompanyName };

function tokens(text: string): string[] {
  return foldToAscii(text).split(/[^a-z0-9]+/).filter(Boolean);
}

export function slugify(text: string): string {
  return tokens(text).join("-");
}

export function countryNaming(country: string): CountryNaming {
  const naming = COUNTRY_NAMING[country];
  if (!naming) throw new Error(`no naming data for country ${country}`);
  return naming;
}

export function languageOf(rng: Random, country: string): Language {
  return rng.weighted(countryNaming(country).languages);
}

/** `shortName` is the name without its legal form, as people say it. */
export type CompanyName = { name: string; shortName: string; normalizedName: string; domain: string };

/** Draws until `isFree` accepts the normalized name; gives up loudly rather than loop forever. */
function unique(draw: () => CompanyName, isFree: (n: CompanyName) => boolean): CompanyName {
  for (let attempt = 0; attempt < 60; attempt++) {
    const candidate = draw();
    if (isFree(candidate)) return candidate;
  }
  throw new Error("ran out of distinct demo company names");
}

function company(base: string, country: string, legalForm: string): CompanyName {
  const name = `${base} ${legalForm}`;
  const normalizedName = normalizeCompanyName(name);
  return { name, shortName: base, normalizedName, domain: `${slugify(normalizedName)}.${countryNaming(country).tld}` };
}

/** An end customer: "Bergmann Logistik GmbH", "Costruzioni Ferrari Sud S.p.A.", "Sakura Seiki K.K.". */
export function customerName(
  rng: Random,
  country: string,
  industry: DemoIndustry,
  isFree: (n: CompanyName) => boolean,
): CompanyName {
  return unique(() => {
    const words = LANGUAGE_WORDS[languageOf(rng, country)];
    const stem = rng.chance(0.55) ? rng.pick(words.lastNames) : rng.pick(words.places);
    const trade = words.industryWords[industry];
    let base = words.industryFirst ? `${trade} ${stem}` : `${stem} ${trade}`;
    if (rng.chance(0.2)) base = `${stem} & ${rng.pick(words.lastNames.filter((n) => n !== stem))}`;
    const qualifiers = words.qualifiers.filter((q) => !base.includes(q));
    if (rng.chance(0.35)) base = `${base} ${rng.pick(qualifiers)}`;
    return company(base, country, rng.weighted(countryNaming(country).legalForms));
  }, isFree);
}

/** A partner's name: a coined brand plus what it does, e.g. "Nordlogic Systemhaus GmbH". */
export function partnerName(
  rng: Random,
  country: string,
  isDistributor: boolean,
  isFree: (n: CompanyName) => boolean,
): CompanyName {
  return unique(() => {
    const words = LANGUAGE_WORDS[languageOf(rng, country)];
    const head = rng.pick(BRAND_HEADS);
    const tail = rng.pick(BRAND_TAILS.filter((t) => t !== head.toLowerCase()));
    const what = isDistributor ? rng.pick(DISTRIBUTOR_WORDS) : rng.pick(words.itWords);
    return company(`${head}${tail} ${what}`, country, rng.weighted(countryNaming(country).legalForms));
  }, isFree);
}

export type PersonName = { firstName: string; lastName: string };

export function personName(rng: Random, language: Language): PersonName {
  const words = LANGUAGE_WORDS[language];
  return { firstName: rng.pick(words.firstNames), lastName: rng.pick(words.lastNames) };
}

/** "anna.schmidt", "ruben.de-boer" — ASCII only, as e-mail local parts should be. */
export function emailLocalPart(person: PersonName): string {
  return `${slugify(person.firstName)}.${slugify(person.lastName)}`;
}
