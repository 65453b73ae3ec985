// Finding known terms (place names, keywords, competitors, products, industries) in free text as
// whole words: accent-insensitive, spaces and hyphens interchangeable, and the longest term wins
// where two overlap ("New South Wales" is not "Wales", "South Tyrol" is not "Tyrol"). Chinese and
// Japanese script is not part of a Latin word ("ERP導入" names ERP).

/** Accents folded ("Zürich" → "Zurich"), so either spelling in a text matches either in a list. */
export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "");
}

export type TermOptions = {
  /**
   * "auto" (default): terms written in capitals of at most five letters ("US", "UK", "DACH",
   * "MES") match only in capitals, so "us" and "Dach" (roof) do not; every other term ignores case.
   */
  caseRule?: "auto" | "ignore";
  /** Also match a single long word's inflections ("Finance" → "financial", "Manufacturing" → "manufacturer"). */
  stems?: boolean;
  /** Also match every other term with a plural "s"/"es" ("supply chain" → "supply chains", "ERP" → "ERPs"). */
  plurals?: boolean;
  /**
   * Names written with a capital ("Sage", "Cork", "Leiden") match only where the text writes them with
   * a capital too, so the words "sage", "cork" and "leiden" do not; a text without any capital is exempt.
   */
  properNouns?: boolean;
  /** Also match a name with a genitive "s" ("SAPs", "Göteborgs", "Deutschlands"), unless it ends in s, x or z. */
  possessive?: boolean;
};

export type TermMatch<T> = { value: T; term: string; text: string; index: number };

const CJK_CLASS = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]";
const CJK = new RegExp(CJK_CLASS, "u");
const STEM_MIN_LENGTH = 6;
/** A letter, digit or underscore that continues a word; CJK script does not continue a Latin word. */
const NOT_WORD = `(?:(?!${CJK_CLASS})[\\p{L}\\p{N}_])`;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** English suffixes dropped before matching inflections, longest first. */
const SUFFIXES = ["ions", "ies", "ing", "ers", "ion", "al", "er", "es", "s", "e", "y"];

/** "Manufacturing" → "manufactur", "Utilities" → "utilit", "Finance" → "financ": what inflections share. */
function stemOf(word: string): string {
  const suffix = SUFFIXES.find((s) => word.toLowerCase().endsWith(s) && word.length - s.length >= 5);
  return suffix ? word.slice(0, word.length - suffix.length) : word;
}

type Inflection = { stems: boolean; plurals: boolean; possessive: boolean };

/** The regex source of one term: separators flexible; a long single word optionally inflected, others optionally plural or genitive. */
function termSource(term: string, { stems, plurals, possessive }: Inflection): string {
  const parts = term.split(/[\s\-‐–]+/).filter(Boolean).map(escapeRegex);
  if (stems && parts.length === 1 && /^\p{L}+$/u.test(term) && term.length >= STEM_MIN_LENGTH) {
    return `${stemOf(parts[0])}\\p{L}*`;
  }
  const ending = plurals ? "(?:e?s)?" : possessive && /[\p{L}\p{N}]$/u.test(term) && !/[sxzß]$/iu.test(term) ? "s?" : "";
  return parts.join("[\\s\\-‐–]+") + ending;
}

function isCaseSensitive(term: string, rule: TermOptions["caseRule"]): boolean {
  return rule !== "ignore" && term.length <= 5 && /^[A-Z][A-Z.]{1,4}$/.test(term);
}

/** `capitalised`: every spelling of the term starts with a capital, so with `properNouns` the text must capitalise it too. */
type Entry<T> = { value: T; term: string; capitalised: boolean };
type Group<T> = { regex: RegExp; entries: Entry<T>[] };

/**
 * V8 stops optimising a regex whose source passes about 20 kB, and a large gazetteer then matches
 * a hundred times slower: the alternation is split into regexes below this size.
 */
const MAX_SOURCE_LENGTH = 12_000;

/** Regexes for one case rule, each with its entries: capture group i + 1 is entries[i]. */
function compileGroups<T>(entries: readonly (Entry<T> & { folded: string })[], inflection: Inflection, flags: string): Group<T>[] {
  const toEntry = ({ value, term, capitalised }: Entry<T>): Entry<T> => ({ value, term, capitalised });
  const groups: Group<T>[] = [];
  let chunk: { source: string; entry: Entry<T> }[] = [];
  let length = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const alternation = chunk.map((c) => `(${c.source})`).join("|");
    groups.push({ regex: new RegExp(`(?<!${NOT_WORD})(?:${alternation})(?!${NOT_WORD})`, flags), entries: chunk.map((c) => c.entry) });
    chunk = [];
    length = 0;
  };
  for (const entry of entries.filter((e) => !CJK.test(e.folded))) {
    const source = termSource(entry.folded, inflection);
    if (length + source.length > MAX_SOURCE_LENGTH) flush();
    chunk.push({ source, entry: toEntry(entry) });
    length += source.length + 3;
  }
  flush();
  // Chinese and Japanese write words without spaces: their terms match anywhere.
  const cjk = entries.filter((e) => CJK.test(e.folded));
  if (cjk.length) groups.push({ regex: new RegExp(cjk.map((e) => `(${escapeRegex(e.folded)})`).join("|"), flags), entries: cjk.map(toEntry) });
  return groups;
}

/**
 * A matcher for `entries` (term → value). The returned function finds every non-overlapping
 * occurrence, leftmost first and longest at each position, in the order they appear.
 */
export function termMatcher<T>(entries: readonly (readonly [string, T])[], options: TermOptions = {}): (text: string) => TermMatch<T>[] {
  const inflection: Inflection = { stems: options.stems ?? false, plurals: options.plurals ?? false, possessive: options.possessive ?? false };
  const seen = new Map<string, Entry<T>>();
  const cs: (Entry<T> & { folded: string })[] = [];
  const ci: (Entry<T> & { folded: string })[] = [];
  // Longest first, so at any position the alternation prefers the longer term.
  const sorted = entries.map(([term, value]) => ({ term: term.trim(), value })).filter((e) => e.term.length > 0).sort((a, b) => b.term.length - a.term.length);
  for (const { term, value } of sorted) {
    const folded = foldAccents(term);
    const capitalised = /^\p{Lu}/u.test(folded);
    const caseSensitive = isCaseSensitive(folded, options.caseRule);
    const key = caseSensitive ? `=${folded}` : `~${folded.toLowerCase().replace(/[\s\-‐–]+/g, " ")}`;
    const kept = seen.get(key);
    if (kept) {
      // The first spelling wins; a lower-case spelling of the same term ("italien" beside "Italien") lets lower case match.
      kept.capitalised &&= capitalised;
      continue;
    }
    const entry = { term, value, capitalised, folded };
    seen.set(key, entry);
    (caseSensitive ? cs : ci).push(entry);
  }
  const groups = [...compileGroups(cs, inflection, "gu"), ...compileGroups(ci, inflection, "giu")];

  return (text: string) => {
    const folded = foldAccents(text);
    const caseTells = options.properNouns === true && /\p{Lu}/u.test(folded) && /\p{Ll}/u.test(folded);
    const found: TermMatch<T>[] = [];
    for (const group of groups) {
      // Shared by every call; safe because the loop below runs to the end synchronously.
      const regex = group.regex;
      regex.lastIndex = 0;
      for (let match = regex.exec(folded); match !== null; match = regex.exec(folded)) {
        const i = match.findIndex((captured, n) => n > 0 && captured !== undefined);
        const entry = group.entries[i - 1];
        if (entry && caseTells && entry.capitalised && /^\p{Ll}/u.test(match[0])) {
          // Not this name here ("the Netherlands" is not "The Netherlands"): a shorter one may still start further on.
          regex.lastIndex = match.index + 1;
          continue;
        }
        if (entry) found.push({ value: entry.value, term: entry.term, text: match[0], index: match.index });
      }
    }
    // Between the groups, overlaps resolve the same way: longer first, then leftmost.
    found.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
    const kept: TermMatch<T>[] = [];
    for (const match of found) {
      const end = match.index + match.text.length;
      if (kept.every((k) => end <= k.index || match.index >= k.index + k.text.length)) kept.push(match);
    }
    return kept.sort((a, b) => a.index - b.index);
  };
}

/** The terms of `terms` that occur in `text` as whole words, once each, in the order listed. */
export function matchedTerms(text: string, terms: readonly string[], options: TermOptions = {}): string[] {
  const found = new Set(termMatcher(terms.map((t) => [t, t] as const), options)(text).map((m) => m.value));
  return terms.filter((term, i) => found.has(term) && terms.indexOf(term) === i);
}
