// Whether a market item's text announces a price or support move ("cuts its prices", "30 % off",
// "Preissenkung", "baisse ses prix", "end of mainstream maintenance") in English, German, French,
// Italian, Spanish or a Scandinavian language; routing.ts makes competitor news with one urgent.
// Pure. A discount being ended ("ends its partner discount programme") is not a price cut.
import { foldAccents, termMatcher } from "./word-match.ts";

export type PriceSignal = "price cut" | "discount" | "price drop" | "end of support";

/** Phrases matched as whole words, any case. */
const PHRASES: readonly (readonly [string, PriceSignal])[] = [
  ...["price cut", "price cuts", "cuts prices", "cut prices", "slashes prices", "lowers prices", "price reduction", "price reductions",
    "price decrease", "cheaper", "Preisreduzierung", "Preise gesenkt", "günstiger", "baisse des prix", "baisse de prix", "réduction de prix",
    "réduction des prix", "moins cher", "riduzione dei prezzi", "riduzione prezzi", "taglio dei prezzi", "taglio prezzi", "rebaja de precios",
    "reducción de precios", "bajada de precios", "más barato", "prisreduktion", "prisnedsættelse", "prisreduksjon"].map((t) => [t, "price cut"] as const),
  ...["discounts", "discounted", "rabais", "sconto", "sconti", "rebaja", "rebajas"].map((t) => [t, "discount"] as const),
  ...["price drop", "price drops", "prices drop", "prices fall", "Preisverfall", "chute des prix"].map((t) => [t, "price drop"] as const),
  ...["end of support", "end of life", "support ends", "ends support", "ending support", "end of maintenance", "end of mainstream maintenance",
    "end of mainstream support", "end of extended support", "Supportende", "Wartungsende", "Ende der Wartung", "Ende des Supports",
    "fin de support", "fin du support", "fin de vie", "fine del supporto", "fin del soporte", "fin de soporte", "slut på support"].map((t) => [t, "end of support"] as const),
];

/** Single words matched with their inflections and compounds ("Rabattaktion", "discontinued", "sunsetting"). */
const STEMMED: readonly (readonly [string, PriceSignal])[] = [
  ...["Preissenkung", "prissänkning"].map((t) => [t, "price cut"] as const),
  ...["discount", "Rabatt", "Nachlass", "Preisnachlass", "remise", "descuento"].map((t) => [t, "discount"] as const),
  ...["sunset", "discontinue", "abgekündigt", "Abkündigung"].map((t) => [t, "end of support"] as const),
];

const phrases = termMatcher(PHRASES, { caseRule: "ignore" });
const stemmed = termMatcher(STEMMED, { caseRule: "ignore", stems: true });

// On accent-folded text: a verb of lowering, up to three words, then the word for price.
const LOWERING_VERB =
  "cuts?|cutting|slash(?:es|ed|ing)?|lower(?:s|ed|ing)|reduc(?:es?|ed|ing)|trim(?:s|med)|drops|dropped|senk(?:t|en|te)|gesenkt|" +
  "baiss(?:e|ent)|redui(?:t|sent)|tagli(?:a|ano)|abbass(?:a|ano)|riduc(?:e|ono)|rebaj(?:a|an)|recort(?:a|an)|baj(?:a|an)|sanker|sankt|senker|sænker|sætter ned";
const PRICE_WORD = "prices?|pricing|preise?n?|prix|prezz[io]|precios?|pris(?:er|erna|et|ene)?";
const LOWERED_PRICE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${LOWERING_VERB})\\s+(?:[\\p{L}\\p{N}'’/-]+\\s+){0,3}?(?:${PRICE_WORD})(?![\\p{L}\\p{N}])`, "giu");
const PERCENT_OFF = /\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|prozent|procent|pour cent|per cento|por ciento)\s+(?:off|discount|rabatt|nachlass|de descuento|di sconto|de remise)(?![\p{L}\p{N}])/giu;
// Within three words before a discount: it is being ended, not offered.
const ENDED_BEFORE = /(?<![\p{L}])(?:ends?|ending|ended|scraps?|scrapped|cancels?|cancell?ed|withdraws?|withdrew|stops?|stopped|abolish(?:es|ed)?|axes|axed|beendet|streicht|stoppt|supprime|termina|elimina|avslutar)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}$/iu;

type Found = { signal: PriceSignal; index: number };

/** The first price or support move `text` announces, or null. */
export function priceSignalIn(text: string): PriceSignal | null {
  const folded = foldAccents(text);
  const found: Found[] = [
    ...[...phrases(text), ...stemmed(text)].map((m) => ({ signal: m.value, index: m.index })),
    ...[...folded.matchAll(LOWERED_PRICE)].map((m) => ({ signal: "price cut" as const, index: m.index })),
    ...[...folded.matchAll(PERCENT_OFF)].map((m) => ({ signal: "discount" as const, index: m.index })),
  ];
  const offered = found.filter((f) => f.signal === "end of support" || f.signal === "price drop" || !ENDED_BEFORE.test(folded.slice(Math.max(0, f.index - 60), f.index)));
  offered.sort((a, b) => a.index - b.index);
  return offered[0]?.signal ?? null;
}
