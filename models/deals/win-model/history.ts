// What was known about a partner at a given moment: its closed deals (for its win rate) and its
// registrations (for its typical deal size), each strictly before that moment, so a deal's
// features never see an outcome that came after it.
import type { DealFacts } from "./facts.ts";

/** How many of the partner's most recent deals its win rate and typical size look at. */
export const HISTORY_WINDOW = 50;

export type PartnerRecord = { wins: number; closed: number; typicalAmount: number | null };

type Closed = { at: number; won: boolean; dealId: string };
type Registered = { at: number; amount: number; currency: string; dealId: string };

/** The last index in `items` (sorted by `at`) with `at < t`, plus one. */
function countBefore(items: readonly { at: number }[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export class PartnerHistory {
  private readonly closed = new Map<string, Closed[]>();
  private readonly registered = new Map<string, Registered[]>();

  constructor(deals: readonly DealFacts[]) {
    for (const d of deals) {
      if ((d.status === "WON" || d.status === "LOST") && d.closedAt) {
        const list = this.closed.get(d.partnerOrgId) ?? [];
        list.push({ at: d.closedAt.getTime(), won: d.status === "WON", dealId: d.id });
        this.closed.set(d.partnerOrgId, list);
      }
      const list = this.registered.get(d.partnerOrgId) ?? [];
      list.push({ at: d.submittedAt.getTime(), amount: d.amount, currency: d.currency, dealId: d.id });
      this.registered.set(d.partnerOrgId, list);
    }
    for (const list of [...this.closed.values(), ...this.registered.values()]) list.sort((a, b) => a.at - b.at);
  }

  /** The partner's record from what happened strictly before `asOf`, leaving out `deal` itself. */
  recordAt(deal: Pick<DealFacts, "id" | "partnerOrgId" | "currency">, asOf: Date): PartnerRecord {
    const t = asOf.getTime();
    const closedList = this.closed.get(deal.partnerOrgId) ?? [];
    const closed = closedList.slice(0, countBefore(closedList, t)).filter((c) => c.dealId !== deal.id).slice(-HISTORY_WINDOW);
    const registeredList = this.registered.get(deal.partnerOrgId) ?? [];
    const earlier = registeredList
      .slice(0, countBefore(registeredList, t))
      .filter((r) => r.dealId !== deal.id && r.currency === deal.currency)
      .slice(-HISTORY_WINDOW);
    return {
      wins: closed.filter((c) => c.won).length,
      closed: closed.length,
      typicalAmount: median(earlier.map((r) => r.amount)),
    };
  }
}
