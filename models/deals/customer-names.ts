// How customer names are compared for deal-conflict detection: one normalization (case,
// accents, punctuation, "and"-words, legal forms in many languages and scripts) used by the
// registration, the search index and the demo seed; a TypeScript twin of pg_trgm's
// `similarity` (what the database searches with) and the word-aware score that decides.

/** Names at least this similar (pg_trgm similarity of normalized names) are the same customer. */
export const NAME_MATCH_THRESHOLD = 0.5;

const SPECIAL_LETTERS: Readonly<Record<string, string>> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", þ: "th", ı: "i" };

/** Lower-case text with diacritics dropped ("Lefèvre" → "lefevre", "Øresund" → "oresund"); other scripts kept. */
export function foldToAscii(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[ßøæœłđþı]/g, (c) => SPECIAL_LETTERS[c])
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC");
}

// Legal forms as the token sequences they become: "S.A.R.L." and "SARL" both read "sarl",
// "GmbH & Co. KG" reads "gmbh and co kg". Longer sequences are tried first.
const LEGAL_FORMS: readonly string[] = [
  // German, Austrian, Swiss
  "gmbh", "mbh", "ges m b h", "gesmbh", "ag", "aktiengesellschaft", "kg", "kgaa", "ohg", "gbr", "ug", "ug haftungsbeschrankt",
  "se", "eg", "ev", "ek", "e kfm", "gesellschaft mit beschrankter haftung", "sagl", "and co", "and co kg", "and cie",
  // English-speaking
  "ltd", "limited", "plc", "llc", "l l c", "llp", "lp", "pllc", "inc", "incorporated", "corp", "corporation", "co", "company",
  "pty", "pty ltd", "pte", "pte ltd", "dac", "cic", "lllp",
  // French, Belgian, Luxembourgish
  "sa", "s a", "sas", "sasu", "sarl", "sa rl", "s a r l", "eurl", "sca", "snc", "scs", "sci", "cie", "and c", "sprl", "srl", "bvba", "asbl",
  // Italian
  "spa", "s p a", "s r l", "srls", "sapa", "scarl", "scrl", "societa per azioni", "societa a responsabilita limitata",
  // Spanish, Portuguese, Latin American
  "sl", "slu", "s l", "sll", "sau", "sa de cv", "sab de cv", "sapi de cv", "de cv", "s de rl", "s de rl de cv", "cia", "and cia", "ltda", "lda", "sociedad anonima", "sociedad limitada",
  // Dutch
  "bv", "b v", "nv", "n v", "vof", "cv",
  // Nordic
  "ab", "publ", "ab publ", "hb", "kb", "oy", "oyj", "oy ab", "ky", "as", "asa", "aps", "a s", "i s", "ans", "hf", "ehf",
  // Central and Eastern European
  "sp z o o", "sp z oo", "spzoo", "sro", "s r o", "as", "a s", "kft", "zrt", "nyrt", "doo", "d o o", "dd", "srl", "ooo", "zao", "oao", "pao", "ao",
  // Asian (romanized)
  "kk", "k k", "kabushiki kaisha", "yk", "gk", "godo kaisha", "co ltd", "pvt", "pvt ltd", "private limited", "tbk", "pt", "bhd", "sdn bhd", "berhad",
  "jsc", "pjsc", "株", "有",
  // Chinese, Japanese and Korean written as a word of their own ("株式会社 日立製作所")
  "股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "公司", "株式会社", "有限会社", "合同会社", "주식회사", "유한회사",
];

// Legal forms that may also open a name ("AB Volvo", "Oy Karl Fazer Ab", "PT Astra", "(株)日立").
const LEADING_LEGAL_FORMS: readonly string[] = [
  "ab", "oy", "oyj", "as", "a s", "pt", "cv", "ooo", "ao", "pao", "zao", "oao", "株", "有", "株式会社", "有限会社", "合同会社", "주식회사",
];

// Distinctive legal forms removed even inside a name ("Siemens AG Österreich").
const INNER_LEGAL_FORMS: ReadonlySet<string> = new Set([
  "gmbh", "mbh", "ag", "aktiengesellschaft", "kgaa", "ltd", "llc", "inc", "plc", "bv", "nv", "srl", "spa", "sarl", "kk", "oyj", "asa",
]);

// Legal forms written without spaces in Chinese, Japanese and Korean, longest first.
const CJK_LEGAL_SUFFIXES: readonly string[] = [
  "股份有限公司", "有限责任公司", "有限責任公司", "集团有限公司", "集團有限公司", "有限公司", "株式会社", "有限会社", "合同会社",
  "合資会社", "合名会社", "公司", "주식회사", "유한회사", "유한책임회사",
];
const CJK_LEGAL_PREFIXES: readonly string[] = ["株式会社", "有限会社", "合同会社", "주식회사", "유한회사"];

// "and" in the languages customers are registered in; "&" reads the same.
const AND_WORDS: ReadonlySet<string> = new Set(["and", "und", "et", "y", "e", "en", "och", "og", "ja", "i"]);

const toTokens = (form: string) => form.split(" ");
const byLengthDesc = (a: string[], b: string[]) => b.length - a.length;
const TRAILING = [...new Set(LEGAL_FORMS)].map(toTokens).sort(byLengthDesc);
const LEADING = LEADING_LEGAL_FORMS.map(toTokens).sort(byLengthDesc);

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits into words. Inside one whitespace-free chunk, parts joined only by dots or slashes
 * where one part is a single character make one word ("S.p.A." → "spa", "A/S" → "as",
 * "E.ON" → "eon"), and so do single letters around "&" ("H&M" → "hm"). "&" and "and" in
 * several languages between two words become "and".
 */
function chunkTokens(folded: string): string[] {
  const tokens: string[] = [];
  for (const chunk of folded.split(/\s+/).filter(Boolean)) {
    const words = chunk.match(WORD) ?? [];
    const separators = chunk.split(WORD).slice(1, -1);
    const single = words.some((w) => [...w].length === 1);
    const hasAmpersand = separators.some((s) => s.includes("&"));
    if (words.length >= 2 && single && !hasAmpersand && separators.every((s) => /^[./]+$/.test(s))) {
      tokens.push(words.join(""));
    } else if (words.length >= 2 && hasAmpersand && words.every((w) => [...w].length === 1)) {
      tokens.push(words.join(""));
    } else {
      tokens.push(...(chunk.match(/[\p{L}\p{N}]+|&/gu) ?? []));
    }
  }
  return tokens.map((t, i) => (t === "&" || (i > 0 && i < tokens.length - 1 && AND_WORDS.has(t)) ? "and" : t));
}

function startsWith(words: string[], prefix: string[]): boolean {
  return prefix.length < words.length && prefix.every((t, i) => words[i] === t);
}

function endsWith(words: string[], suffix: string[]): boolean {
  return suffix.length < words.length && suffix.every((t, i) => words[words.length - suffix.length + i] === t);
}

/** Strips legal forms from the end and the start until none is left; never strips a name to nothing. */
function stripLegalForms(words: string[]): string[] {
  const out = [...words];
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of TRAILING) {
      if (endsWith(out, form)) {
        out.length -= form.length;
        changed = true;
        break;
      }
    }
    if (out.length > 1 && out[out.length - 1] === "and") {
      out.length -= 1;
      changed = true;
    }
    for (const form of LEADING) {
      if (startsWith(out, form)) {
        out.splice(0, form.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

function stripCjkLegalForms(word: string): string {
  if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word)) return word;
  let out = word;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of CJK_LEGAL_SUFFIXES) {
      if (out.length > suffix.length && out.endsWith(suffix)) {
        out = out.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
    for (const prefix of CJK_LEGAL_PREFIXES) {
      if (out.length > prefix.length && out.startsWith(prefix)) {
        out = out.slice(prefix.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** Joins runs of single letters left by spaced abbreviations ("J. P. Morgan" → "jp morgan", "H & M" → "hm"). */
function joinInitials(words: string[]): string[] {
  const out: string[] = [];
  let run = "";
  for (const word of [...words, ""]) {
    if ([...word].length === 1 && /[a-z0-9]/.test(word)) {
      run += word;
      continue;
    }
    if (run) out.push(run);
    run = "";
    if (word) out.push(word);
  }
  return out;
}

/**
 * The name a customer is matched on: NFKC, lower-case, no diacritics or punctuation, "&" and
 * "and"-words and apostrophes dropped, a leading "the" and legal forms in many languages removed.
 * "Bergmann Logistik GmbH & Co. KG" → "bergmann logistik"; "トヨタ自動車株式会社" → "トヨタ自動車".
 */
export function normalizeCompanyName(name: string): string {
  // Apostrophes join ("L'Oréal" = "LOreal", "McDonald's" = "McDonalds").
  const tokens = chunkTokens(foldToAscii(name).replace(/['’ʼ`´]/g, "")).map(stripCjkLegalForms).filter(Boolean);
  if (tokens.length === 0) return "";
  let words = stripLegalForms(tokens);
  if (words.length > 1 && words[0] === "the") words = words.slice(1);
  words = words.filter((w, i) => !(i > 0 && i < words.length - 1 && (INNER_LEGAL_FORMS.has(w) || w === "and")));
  if (words.length > 1 && words[words.length - 1] === "and") words = words.slice(0, -1);
  const joined = joinInitials(words.filter((w) => w !== "and" || words.length === 1));
  return (joined.length > 0 ? joined : tokens).join(" ");
}

/** The trigrams pg_trgm extracts: per word of letters and digits, padded "  word ". */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const chars = [" ", " ", ...word, " "];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  }
  return out;
}

/** pg_trgm's `similarity(a, b)`: shared trigrams over all distinct trigrams of both (0–1). */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/**
 * How alike two normalized names are (0–1): pg_trgm similarity, weighed by how many words of
 * the shorter name have a counterpart in the other. "deutsche bank" and "deutsche bahn" share
 * most trigrams (0.65) but "bank" has no counterpart, so they end at 0.45: not the same customer.
 * Never above the trigram similarity, so the database's `%` search finds every candidate.
 */
export function normalizedNameSimilarity(a: string, b: string): number {
  if (a === b) return a === "" ? 0 : 1;
  const trigram = trigramSimilarity(a, b);
  if (trigram === 0) return 0;
  const wordsA = a.match(WORD) ?? [];
  const wordsB = b.match(WORD) ?? [];
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  const covered = shorter.filter((w) => longer.some((o) => o === w || trigramSimilarity(w, o) >= NAME_MATCH_THRESHOLD)).length;
  const coverage = shorter.length > 0 ? covered / shorter.length : 0;
  return trigram * (0.4 + 0.6 * coverage);
}

/** How alike two company names are once normalized (1 = the same customer name). */
export function nameSimilarity(a: string, b: string): number {
  return normalizedNameSimilarity(normalizeCompanyName(a), normalizeCompanyName(b));
}

/** True when two names are taken for the same customer. */
export function namesMatch(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= NAME_MATCH_THRESHOLD;
}
