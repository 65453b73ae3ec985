// Money as the application carries it: integer minor units (cents) with an ISO 4217 currency,
// and the one conversion from the database's BigInt that refuses to lose precision.

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
