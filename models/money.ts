// Money as the application carries it: integer minor units (cents) with an ISO 4217 currency,
// the one conversion from the database's BigInt that refuses to lose precision, and integer
// rate arithmetic: cents × basis points rounded once, half up, in BigInt so no float touches money.

/** Money in integer minor units (cents), as the JSON API shows it. */
export type Money = { amount: number; currency: string };

/** A database BigInt (bigint column, COUNT, SUM cast to bigint) as a JS number; null counts as 0. */
export function toSafeNumber(value: bigint | number | null): number {
  if (value === null) return 0;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${value} is outside the safe integer range`);
  return n;
}

/** A stored amount and its currency (char(3), so trimmed) as Money. */
export function toMoney(amount: bigint | number, currency: string): Money {
  return { amount: toSafeNumber(amount), currency: currency.trim() };
}

/** Basis points in one whole (100 %). */
export const WHOLE_BASIS_POINTS = 10_000;

/**
 * `numerator / denominator` rounded half up (x.5 → x+1). Only for non-negative numerators:
 * the engine computes what is earned (never negative) and derives clawbacks by subtraction.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): number {
  if (numerator < 0n || denominator <= 0n) throw new RangeError("divideRoundHalfUp needs numerator ≥ 0 and denominator > 0");
  const rounded = (2n * numerator + denominator) / (2n * denominator);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("amount exceeds the safe integer range");
  return Number(rounded);
}

/** `cents × basisPoints / 10,000`, rounded half up to the cent. */
export function applyBasisPoints(cents: number, basisPoints: number): number {
  return divideRoundHalfUp(BigInt(cents) * BigInt(basisPoints), BigInt(WHOLE_BASIS_POINTS));
}

/** `cents × rate × multiplier` (both in basis points), rounded once, half up, to the cent. */
export function applyBasisPointsWithMultiplier(cents: number, basisPoints: number, multiplierBasisPoints: number): number {
  return divideRoundHalfUp(
    BigInt(cents) * BigInt(basisPoints) * BigInt(multiplierBasisPoints),
    BigInt(WHOLE_BASIS_POINTS) * BigInt(WHOLE_BASIS_POINTS),
  );
}

/**
 * Splits `cents` into `parts` integer shares that add up exactly: the remainder goes one cent
 * at a time to the first shares, so the split is deterministic for a given order.
 */
export function splitEvenly(cents: number, parts: number): number[] {
  const share = Math.floor(cents / parts);
  const remainder = cents - share * parts;
  return Array.from({ length: parts }, (_, index) => share + (index < remainder ? 1 : 0));
}

const CURRENCY_SYMBOL: Readonly<Record<string, string>> = { EUR: "€", USD: "$", GBP: "£" };

/** "€120,000.00" (or "-€12.50") from cents, in integer arithmetic. */
export function formatMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  const whole = Math.floor(absolute / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (absolute % 100).toString().padStart(2, "0");
  return `${sign}${CURRENCY_SYMBOL[currency] ?? `${currency} `}${whole}.${fraction}`;
}

/** "2.5 %" from 250 basis points. */
export function formatRate(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = (basisPoints % 100).toString().padStart(2, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""} %`;
}

/** "×1.15" from 11,500 basis points. */
export function formatMultiplier(multiplierBasisPoints: number): string {
  const whole = Math.floor(multiplierBasisPoints / WHOLE_BASIS_POINTS);
  const fraction = (multiplierBasisPoints % WHOLE_BASIS_POINTS).toString().padStart(4, "0").replace(/0+$/, "");
  return `×${whole}${fraction ? `.${fraction}` : ""}`;
}
