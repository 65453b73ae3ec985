// The gazetteer: place names in a market item's text (countries, states and Länder, major cities,
// in English and local spellings; data in places-data.ts) mapped to sales regions. Pure. Region
// codes come from the demo's regions (DEMO_REGIONS) and are always filtered through the region
// table's codes, which are the source of truth: a code the table does not have is ignored.
import { DEMO_REGIONS } from "../seed/catalog.ts";
import { COUNTRY_PLACES, NEIGHBOUR_REGIONS, NOT_A_REGION, REGION_NAMES } from "./places-data.ts";
import { termMatcher } from "./word-match.ts";

export type PlaceKind = "region" | "country" | "area" | "city";

export type Place = {
  /** The canonical (English) name: "Bavaria" for "Bayern". */
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2, or null for a region name ("Nordics"). */
  country: string | null;
  regionCode: string | null;
};

export type PlaceMatch = Place & { /** As written in the text. */ matched: string };

/** A region as the region table has it. */
export type KnownRegion = { code: string; name: string };

/** Country (ISO alpha-2) → region code: the demo regions' countries and their neighbours. */
export const COUNTRY_REGION: Readonly<Record<string, string>> = {
  ...Object.fromEntries(DEMO_REGIONS.flatMap((r) => r.countries.map(([country]) => [country, r.code]))),
  ...NEIGHBOUR_REGIONS,
};

const NOT_A_PLACE = null;

const TRANSLITERATIONS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ø: "oe", Ø: "Oe", å: "aa", Å: "Aa", æ: "ae", Æ: "Ae", ß: "ss" };

/** "Zürich" → "Zuerich", "Tromsø" → "Tromsoe": how the names are written without those letters (folding already gives "Zurich"). */
function transliterated(term: string): string {
  return term.replace(/[äöüÄÖÜøØåÅæÆß]/g, (c) => TRANSLITERATIONS[c] ?? c);
}

function gazetteerEntries(): [string, Place | null][] {
  const entries: [string, Place | null][] = [];
  const add = (spellings: string, kind: PlaceKind, country: string | null, regionCode: string | null) => {
    const [name, ...others] = spellings.split("|");
    for (const term of [name, ...others]) {
      for (const variant of new Set([term, transliterated(term)])) entries.push([variant, { name, kind, country, regionCode }]);
    }
  };
  for (const [country, places] of Object.entries(COUNTRY_PLACES)) {
    const regionCode = COUNTRY_REGION[country] ?? null;
    for (const spellings of places.names) add(spellings, "country", country, regionCode);
    for (const spellings of places.areas) add(spellings, "area", country, regionCode);
    for (const spellings of places.cities) add(spellings, "city", country, regionCode);
  }
  for (const [code, names] of Object.entries(REGION_NAMES)) add(names.join("|"), "region", null, code);
  for (const term of NOT_A_REGION) entries.push([term, NOT_A_PLACE]);
  return entries;
}

const baseEntries = gazetteerEntries();
const baseMatcher = termMatcher(baseEntries);
const matcherCache = new Map<string, ReturnType<typeof termMatcher<Place | null>>>();

/** The matcher with the region table's own names added ("Latin America" for a LATAM region of a real install). */
function matcherFor(regions: readonly KnownRegion[] | undefined) {
  if (!regions || regions.length === 0) return baseMatcher;
  const key = regions.map((r) => `${r.code}=${r.name}`).join("\n");
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const own: [string, Place][] = regions.map((r) => [r.name, { name: r.name, kind: "region", country: null, regionCode: r.code }]);
    // The table's names go first so they win over a gazetteer blocker of the same spelling.
    matcher = termMatcher<Place | null>([...own, ...baseEntries]);
    if (matcherCache.size > 20) matcherCache.clear();
    matcherCache.set(key, matcher);
  }
  return matcher;
}

/**
 * The places named in `text`, once each in the order first named. With `regions` (the region
 * table), region codes the table does not have read as null, and the table's region names count.
 */
export function findPlaces(text: string, regions?: readonly KnownRegion[]): PlaceMatch[] {
  const known = regions ? new Set(regions.map((r) => r.code)) : null;
  const found: PlaceMatch[] = [];
  for (const match of matcherFor(regions)(text)) {
    const place = match.value;
    if (!place || found.some((p) => p.name === place.name && p.country === place.country)) continue;
    const regionCode = place.regionCode !== null && (known === null || known.has(place.regionCode)) ? place.regionCode : null;
    found.push({ ...place, regionCode, matched: match.text });
  }
  return found;
}

/** The distinct region codes of `places`, in the order first named. */
export function regionsOfPlaces(places: readonly PlaceMatch[]): string[] {
  return [...new Set(places.flatMap((p) => (p.regionCode ? [p.regionCode] : [])))];
}

/** The distinct countries of `places`. */
export function countriesOfPlaces(places: readonly PlaceMatch[]): string[] {
  return [...new Set(places.flatMap((p) => (p.country ? [p.country] : [])))];
}
