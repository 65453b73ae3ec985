// Reading an amount as people type it ("25000", "25000.50", "25 000,5") into integer minor
// units for the currency, without floating point; null when it is not an amount.
export function currencyFractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function toMinorUnits(text: string, currency: string): number | null {
  const digits = currencyFractionDigits(currency);
  const match = /^(\d{1,15})(?:[.,](\d+))?$/.exec(text.trim().replace(/[\s_'\u00a0\u202f]/g, ""));
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = BigInt(match[1]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}

/** Minor units back to what a person types ("25000.50"), for a form's default value. */
export function fromMinorUnits(amount: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
