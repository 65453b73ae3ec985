// Finding known terms (place names, keywords, competitors, products, industries) in free text as
// whole words: accent-insensitive, spaces and hyphens interchangeable, and the longest term wins
// where two overlap ("New South Wales" is not "Wales", "South Tyrol" is not "Tyrol").

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
};

export type TermMatch<T> = { value: T; term: string; text: string; index: number };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const STEM_MIN_LENGTH = 6;
const NOT_WORD = "[\\p{L}\\p{N}_]";

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

/** The regex source of one term: separators flexible; a long single word optionally inflected. */
function termSource(term: string, stems: boolean): string {
  const parts = term.split(/[\s\-‐–]+/).filter(Boolean).map(escapeRegex);
  if (stems && parts.length === 1 && /^\p{L}+$/u.test(term) && term.length >= STEM_MIN_LENGTH) {
    return `${stemOf(parts[0])}\\p{L}*`;
  }
  return parts.join("[\\s\\-‐–]+");
}

function isCaseSensitive(term: string, rule: TermOptions["caseRule"]): boolean {
  return rule !== "ignore" && term.length <= 5 && /^[A-Z][A-Z.]{1,4}$/.test(term);
}

type Entry<T> = { value: T; term: string };
type Group<T> = { regex: RegExp | null; entries: Entry<T>[] };

/** One regex per case rule; capture group i + 1 is entries[i]. */
function compileGroup<T>(entries: readonly (Entry<T> & { folded: string })[], stems: boolean, flags: string): Group<T> {
  const words = entries.filter((e) => !CJK.test(e.folded));
  const cjk = entries.filter((e) => CJK.test(e.folded));
  const alternatives = [
    ...(words.length ? [`(?<!${NOT_WORD})(?:${words.map((e) => `(${termSource(e.folded, stems)})`).join("|")})(?!${NOT_WORD})`] : []),
    // Chinese and Japanese write words without spaces: their terms match anywhere.
    ...(cjk.length ? [`(?:${cjk.map((e) => `(${escapeRegex(e.folded)})`).join("|")})`] : []),
  ];
  return {
    regex: alternatives.length ? new RegExp(alternatives.join("|"), flags) : null,
    entries: [...words, ...cjk].map(({ value, term }) => ({ value, term })),
  };
}

/**
 * A matcher for `entries` (term → value). The returned function finds every non-overlapping
 * occurrence, leftmost first and longest at each position, in the order they appear.
 */
export function termMatcher<T>(entries: readonly (readonly [string, T])[], options: TermOptions = {}): (text: string) => TermMatch<T>[] {
  const stems = options.stems ?? false;
  const seen = new Set<string>();
  const cs: (Entry<T> & { folded: string })[] = [];
  const ci: (Entry<T> & { folded: string })[] = [];
  // Longest first, so at any position the alternation prefers the longer term.
  const sorted = entries.map(([term, value]) => ({ term: term.trim(), value })).filter((e) => e.term.length > 0).sort((a, b) => b.term.length - a.term.length);
  for (const entry of sorted) {
    const folded = foldAccents(entry.term);
    const caseSensitive = isCaseSensitive(folded, options.caseRule);
    const key = caseSensitive ? `=${folded}` : `~${folded.toLowerCase().replace(/[\s\-‐–]+/g, " ")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (caseSensitive ? cs : ci).push({ ...entry, folded });
  }
  const groups = [compileGroup(cs, stems, "gu"), compileGroup(ci, stems, "giu")];

  return (text: string) => {
    const folded = foldAccents(text);
    const found: TermMatch<T>[] = [];
    for (const group of groups) {
      if (!group.regex) continue;
      for (const match of folded.matchAll(group.regex)) {
        const i = match.findIndex((captured, n) => n > 0 && captured !== undefined);
        const entry = group.entries[i - 1];
        if (entry) found.push({ value: entry.value, term: entry.term, text: match[0], index: match.index });
      }
    }
    // Between the two groups, overlaps resolve the same way: longer first, then leftmost.
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
