// Signed money for the simulator's differences ("+€1,200.00", "-€300.00"), formatted once.
import type { Money } from "../../../../models/money.ts";
import type { Formatter } from "../../useFormat.ts";

export function signedMoney(f: Formatter, money: Money): string {
  return money.amount > 0 ? `+${f.money(money)}` : f.money(money);
}

/** Candidate minus active; null when there is no active figure or the currencies differ. */
export function difference(candidate: Money, active: Money | null): Money | null {
  if (active === null || active.currency !== candidate.currency) return null;
  return { amount: candidate.amount - active.amount, currency: candidate.currency };
}
