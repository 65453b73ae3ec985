// The gazetteer: place names in a market item's text (countries, states and Länder, major cities,
// in English and local spellings, with their adjectives; data in places-data.ts, and the places
// outside every region in places-world.ts) mapped to sales regions. Pure. Region codes come from
// the demo's regions (DEMO_REGIONS) and are always filtered through the region table's codes, which
// are the source of truth: a code the table does not have is ignored.
//
// Reading a name as a place: written with a capital where the text has capitals ("Cork", not
// "cork"; "Leiden", not the German verb "leiden"), with or without a genitive s ("Göteborgs
// Stad"); a city followed by ", <state or country>" of another country is that other country's
// ("London, Ontario", "Valencia, Venezuela"), and so is every other mention of it in the text; a
// name spanning several regions ("European") counts only when nothing more specific is named.
import { DEMO_REGIONS } from "../seed/catalog.ts";
import { COUNTRY_PLACES, NEIGHBOUR_REGIONS, NOT_A_REGION, REGION_NAMES } from "./places-data.ts";
import { MULTI_REGION_NAMES, WORLD_PLACES, WORLD_REGIONS } from "./places-world.ts";
import { foldAccents, type TermMatch, termMatcher } from "./word-match.ts";

/** "continent": a name spanning several regions ("Europe"), one place per region it spans. */
export type PlaceKind = "region" | "continent" | "country" | "area" | "city";

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


const TRANSLITERATIONS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ø: "oe", Ø: "Oe", å: "aa", Å: "Aa", æ: "ae", Æ: "Ae", ß: "ss" };

/** "Zürich" → "Zuerich", "Tromsø" → "Tromsoe": how the names are written without those letters (folding already gives "Zurich"). */
function transliterated(term: string): string {
  return term.replace(/[äöüÄÖÜøØåÅæÆß]/g, (c) => TRANSLITERATIONS[c] ?? c);
}

/** "deutsch{,e,en}" → deutsch, deutsche, deutschen; a spelling without braces is itself. */
export function expandSpelling(spelling: string): string[] {
  const braces = /^(.*)\{([^{}]*)\}$/.exec(spelling);
  return braces ? braces[2].split(",").map((ending) => braces[1] + ending) : [spelling];
}

/** A term's places: one, several for a name spanning regions, none for a name that is no place ("Bank of America"). */
type Entry = [string, Place[]];

function gazetteerEntries(): Entry[] {
  const entries: Entry[] = [];
  const add = (spellings: string, places: Place[]) => {
    for (const term of spellings.split("|").flatMap(expandSpelling)) {
      for (const variant of new Set([term, transliterated(term)])) entries.push([variant, places]);
    }
  };
  const place = (spellings: string, kind: PlaceKind, country: string | null, regionCode: string | null): Place[] => [
    { name: expandSpelling(spellings.split("|")[0])[0], kind, country, regionCode },
  ];
  for (const [country, places] of Object.entries(COUNTRY_PLACES)) {
    const regionCode = COUNTRY_REGION[country] ?? null;
    for (const spellings of places.names) add(spellings, place(spellings, "country", country, regionCode));
    for (const spellings of places.areas) add(spellings, place(spellings, "area", country, regionCode));
    for (const spellings of places.cities) add(spellings, place(spellings, "city", country, regionCode));
  }
  for (const [country, places] of Object.entries(WORLD_PLACES)) {
    add(places.names, place(places.names, "country", country, COUNTRY_REGION[country] ?? null));
    for (const spellings of places.cities) add(spellings, place(spellings, "city", country, COUNTRY_REGION[country] ?? null));
  }
  for (const spellings of WORLD_REGIONS) add(spellings, place(spellings, "region", null, null));
  for (const [code, names] of Object.entries(REGION_NAMES)) add(names.join("|"), place(names[0], "region", null, code));
  for (const [spellings, codes] of MULTI_REGION_NAMES) {
    add(spellings, codes.map((code) => ({ name: expandSpelling(spellings.split("|")[0])[0], kind: "continent", country: null, regionCode: code })));
  }
  for (const term of NOT_A_REGION) entries.push([term, []]);
  return entries;
}

const MATCH_OPTIONS = { properNouns: true, possessive: true } as const;
const baseEntries = gazetteerEntries();
const baseMatcher = termMatcher(baseEntries, MATCH_OPTIONS);
const matcherCache = new Map<string, ReturnType<typeof termMatcher<Place[]>>>();

/** The matcher with the region table's own names added ("Latin America" for a LATAM region of a real install). */
function matcherFor(regions: readonly KnownRegion[] | undefined) {
  if (!regions || regions.length === 0) return baseMatcher;
  const key = regions.map((r) => `${r.code}=${r.name}`).join("\n");
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const own: Entry[] = regions.map((r) => [r.name, [{ name: r.name, kind: "region", country: null, regionCode: r.code }]]);
    // The table's names go first so they win over a gazetteer entry of the same spelling.
    matcher = termMatcher<Place[]>([...own, ...baseEntries], MATCH_OPTIONS);
    if (matcherCache.size > 20) matcherCache.clear();
    matcherCache.set(key, matcher);
  }
  return matcher;
}

const placeKey = (place: Place) => `${place.name}|${place.country ?? ""}`;
const QUALIFIER_GAP = /^\s*[,(]\s*$/;

/**
 * Cities named elsewhere by a qualifier: "London, Ontario" or "Córdoba (Argentina)", where the
 * state or country that follows belongs to another country. Their keys, so every mention is dropped.
 */
function requalifiedCities(text: string, matches: readonly TermMatch<Place[]>[]): Set<string> {
  const keys = new Set<string>();
  for (const [i, match] of matches.entries()) {
    const city = match.value.length === 1 ? match.value[0] : null;
    const next = matches[i + 1];
    const qualifier = next?.value[0];
    if (!city || city.kind !== "city" || !qualifier || qualifier.country === null || qualifier.country === city.country) continue;
    if ((qualifier.kind === "area" || qualifier.kind === "country") && QUALIFIER_GAP.test(text.slice(match.index + match.text.length, next.index))) keys.add(placeKey(city));
  }
  return keys;
}

/**
 * The places named in `text`, once each in the order first named. With `regions` (the region
 * table), region codes the table does not have read as null, and the table's region names count.
 */
export function findPlaces(text: string, regions?: readonly KnownRegion[]): PlaceMatch[] {
  const known = regions ? new Set(regions.map((r) => r.code)) : null;
  const matches = matcherFor(regions)(text);
  // Match indices refer to the accent-folded text.
  const requalified = requalifiedCities(foldAccents(text), matches);
  const found: PlaceMatch[] = [];
  for (const match of matches) {
    for (const place of match.value) {
      if (requalified.has(placeKey(place))) continue;
      if (found.some((p) => p.name === place.name && p.country === place.country && (p.kind !== "continent" || p.regionCode === place.regionCode))) continue;
      const regionCode = place.regionCode !== null && (known === null || known.has(place.regionCode)) ? place.regionCode : null;
      found.push({ ...place, regionCode, matched: match.text });
    }
  }
  // A name spanning several regions says less than any other place named beside it.
  return found.some((p) => p.kind !== "continent") ? found.filter((p) => p.kind !== "continent") : found;
}

/** The distinct region codes of `places`, in the order first named. */
export function regionsOfPlaces(places: readonly PlaceMatch[]): string[] {
  return [...new Set(places.flatMap((p) => (p.regionCode ? [p.regionCode] : [])))];
}

/** The distinct countries of `places`. */
export function countriesOfPlaces(places: readonly PlaceMatch[]): string[] {
  return [...new Set(places.flatMap((p) => (p.country ? [p.country] : [])))];
}
