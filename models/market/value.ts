// A tender's value as written ("EUR 1,200,000", "€1.2m", "1 200 000 USD", "CHF 1'500.50") read
// to integer minor units and an ISO 4217 currency, in decimal-string arithmetic so no float
// touches money. Without a recognisable currency there is no amount (the text is still kept).

const SYMBOLS: ReadonlyArray<[string, string]> = [
  ["us$", "USD"], ["usd$", "USD"], ["a$", "AUD"], ["au$", "AUD"], ["c$", "CAD"], ["ca$", "CAD"], ["nz$", "NZD"],
  ["hk$", "HKD"], ["s$", "SGD"], ["r$", "BRL"], ["€", "EUR"], ["£", "GBP"], ["¥", "JPY"], ["₹", "INR"],
  ["₩", "KRW"], ["₽", "RUB"], ["₺", "TRY"], ["₦", "NGN"], ["₴", "UAH"], ["zł", "PLN"], ["kč", "CZK"], ["$", "USD"],
];

const WORDS: Readonly<Record<string, string>> = {
  euro: "EUR", euros: "EUR", dollar: "USD", dollars: "USD", pound: "GBP", pounds: "GBP", sterling: "GBP",
  francs: "CHF", yen: "JPY", rupees: "INR", rupee: "INR",
};

const CURRENCY_CODES = new Set(
  ("AED AFN ALL AMD ARS AUD AZN BAM BDT BGN BHD BOB BRL BWP BYN CAD CDF CHF CLP CNY COP CRC CZK DKK DOP DZD EGP ETB " +
    "EUR GBP GEL GHS GTQ HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JOD JPY KES KGS KHR KRW KWD KZT LAK LBP LKR MAD MDL " +
    "MGA MKD MMK MNT MUR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PHP PKR PLN PYG QAR RON RSD RUB RWF SAR " +
    "SDG SEK SGD SOS SYP THB TJS TND TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND XAF XOF YER ZAR ZMW").split(" "),
);

/** ISO 4217 minor-unit exponents that differ from the usual 2. */
const EXPONENTS: Readonly<Record<string, number>> = {
  JPY: 0, KRW: 0, CLP: 0, ISK: 0, PYG: 0, UGX: 0, VND: 0, XAF: 0, XOF: 0, RWF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, OMR: 3, TND: 3,
};

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:bn|billion|billions|mrd|milliards?|b)\b/i, 9],
  [/^(?:m|mn|mio|million|millions|millones|milhões|mill)\b/i, 6],
  [/^(?:k|thousand|thousands|tsd)\b/i, 3],
];

// Digits grouped by spaces, apostrophes, dots or commas ("1 200 000", "1.200.000,50"), or a plain number ("1.2", "88727.00").
const NUMBER = /\d{1,3}(?:[ \u00A0\u202F'.,]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?/g;

type Found = { code: string; index: number; length: number };

function findCurrency(text: string): Found | null {
  for (const m of text.matchAll(/\b[A-Z]{3}\b/g)) {
    if (CURRENCY_CODES.has(m[0])) return { code: m[0], index: m.index, length: 3 };
  }
  const lower = text.toLowerCase();
  for (const [symbol, code] of SYMBOLS) {
    const index = lower.indexOf(symbol);
    if (index !== -1) return { code, index, length: symbol.length };
  }
  // Own keys only: a word such as "constructor" must not find Object.prototype's.
  for (const m of lower.matchAll(/\p{L}+/gu)) if (Object.hasOwn(WORDS, m[0])) return { code: WORDS[m[0]], index: m.index, length: m[0].length };
  return null;
}

/** "1,200,000.50" → ["1200000", "50"]; a lone separator before exactly three digits groups thousands, otherwise it is the decimal point. */
function splitNumber(raw: string): [string, string] {
  const cleaned = raw.replace(/[\s\u00A0\u202F']/g, "").replace(/[.,]+$/, "");
  const separators = cleaned.replace(/\d/g, "");
  if (!separators) return [cleaned, ""];
  const last = Math.max(cleaned.lastIndexOf("."), cleaned.lastIndexOf(","));
  const lastSeparator = cleaned[last];
  const digitsAfter = cleaned.length - last - 1;
  const mixed = separators.includes(".") && separators.includes(",");
  const repeated = separators.split(lastSeparator).length - 1 > 1;
  // "0.125" cannot be a thousands group, so it is a decimal however many digits follow.
  const decimal = mixed || (!repeated && (digitsAfter !== 3 || /^0[.,]/.test(cleaned)));
  if (!decimal) return [cleaned.replace(/[.,]/g, ""), ""];
  const whole = cleaned.slice(0, last).replace(/[.,]/g, "");
  return [whole || "0", cleaned.slice(last + 1)];
}

/** The amount in minor units and its currency, or null when the text has no number or no currency. */
export function parseMoneyValue(text: string | null | undefined): { amountMinor: number; currency: string } | null {
  if (!text) return null;
  const currency = findCurrency(text);
  if (!currency) return null;
  // The number written closest to the currency is its amount ("Lot 2: EUR 1,200,000" is 1,200,000).
  // Characters between the number and the currency; on a tie the number written after the currency wins.
  const gap = (m: RegExpExecArray): number =>
    m.index >= currency.index ? m.index - (currency.index + currency.length) : currency.index - (m.index + m[0].length) + 0.5;
  const number = [...text.matchAll(NUMBER)].sort((a, b) => gap(a) - gap(b))[0];
  if (!number) return null;
  const [whole, fractionDigits] = splitNumber(number[0]);
  const after = text.slice(number.index + number[0].length).trimStart();
  const scale = MULTIPLIERS.find(([pattern]) => pattern.test(after))?.[1] ?? 0;
  // Shift the decimal point right by scale + exponent, then round half up what is left below one minor unit.
  const shift = scale + (EXPONENTS[currency.code] ?? 2);
  const digits = `${whole}${fractionDigits.padEnd(shift, "0")}`;
  const kept = digits.slice(0, whole.length + shift);
  const dropped = digits.slice(whole.length + shift);
  let minor = BigInt(kept || "0");
  if (dropped && Number(dropped[0]) >= 5) minor += 1n;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { amountMinor: Number(minor), currency: currency.code };
}
