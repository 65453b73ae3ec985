// The demo's incentive programmes — a flat commission on won deals and a quarterly tiered
// volume rebate, both active for three years — and the commission accruals already earned,
// so partner dashboards open with "earnings to date".
import { DEMO_PRODUCTS } from "./catalog.ts";
import type { DemoClock } from "./clock.ts";
import { Random } from "./random.ts";
import type { DealRow, LedgerRow } from "./rows.ts";
import type { Prisma } from "../db/generated/client.ts";

export const COMMISSION_PROGRAM_KEY = "won-deal-commission";
export const REBATE_PROGRAM_KEY = "quarterly-volume-rebate";
const COMMISSION_BASIS_POINTS = 500;

export type DemoIncentives = {
  programs: Prisma.IncentiveProgramCreateManyInput[];
  ledger: LedgerRow[];
};

const CURRENCY_SYMBOL: Readonly<Record<string, string>> = { EUR: "€", USD: "$" };

/** "€120,000.00" from 12000000 cents, in integer arithmetic (no float rounding). */
export function formatMoney(cents: number, currency: string): string {
  const whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (cents % 100).toString().padStart(2, "0");
  return `${CURRENCY_SYMBOL[currency] ?? `${currency} `}${whole}.${fraction}`;
}

/** Basis points of an amount in cents, rounded half up to the cent. */
function applyBasisPoints(cents: number, basisPoints: number): number {
  return Math.floor((cents * basisPoints + 5_000) / 10_000);
}

export function buildIncentives(deals: readonly DealRow[], clock: DemoClock, adminId: string): DemoIncentives {
  const rng = new Random("channelwise-demo:incentives");
  const effectiveFrom = clock.firstMonth;
  const commissionId = rng.uuid();
  const programs: Prisma.IncentiveProgramCreateManyInput[] = [
    {
      id: commissionId,
      key: COMMISSION_PROGRAM_KEY,
      version: 1,
      name: "Commission on won deals",
      kind: "COMMISSION",
      status: "ACTIVE",
      rules: {
        appliesTo: "WON_DEAL",
        base: "CLOSED_AMOUNT",
        rateBasisPoints: COMMISSION_BASIS_POINTS,
        requiresApprovedRegistration: true,
        accrueOn: "DEAL_WON",
      },
      currency: "EUR",
      effectiveFrom,
      createdById: adminId,
      createdAt: effectiveFrom,
      activatedAt: effectiveFrom,
    },
    {
      id: rng.uuid(),
      key: REBATE_PROGRAM_KEY,
      version: 1,
      name: "Quarterly volume rebate",
      kind: "TIERED_REBATE",
      status: "ACTIVE",
      rules: {
        period: "QUARTER",
        base: "SALES_AMOUNT",
        // Amounts in minor units of the programme currency. Each tier's rate applies to the
        // whole quarter's sales once its threshold is reached.
        tiers: [
          { fromAmount: 0, rateBasisPoints: 0 },
          { fromAmount: 10_000_000, rateBasisPoints: 100 },
          { fromAmount: 25_000_000, rateBasisPoints: 200 },
          { fromAmount: 50_000_000, rateBasisPoints: 300 },
        ],
        accelerators: [
          { productSkus: DEMO_PRODUCTS.filter((p) => p.isStrategic).map((p) => p.sku), extraBasisPoints: 50, reason: "strategic modules" },
        ],
        payoutAfterDays: 45,
      },
      currency: "EUR",
      budgetCap: 250_000_000,
      effectiveFrom,
      createdById: adminId,
      createdAt: effectiveFrom,
      activatedAt: effectiveFrom,
    },
  ];

  const ledger: LedgerRow[] = deals
    .filter((d) => d.status === "WON" && d.closedAt !== null && d.closedAmount !== null)
    .map((d): LedgerRow => {
      const base = d.closedAmount!;
      const amount = applyBasisPoints(base, COMMISSION_BASIS_POINTS);
      return {
        partnerOrgId: d.partnerOrgId,
        programId: commissionId,
        kind: "ACCRUAL",
        amount,
        currency: d.currency,
        dealId: d.id,
        explanation: `${COMMISSION_BASIS_POINTS / 100} % commission on ${formatMoney(base, d.currency)} won deal ${d.title}`,
        explanationData: {
          programKey: COMMISSION_PROGRAM_KEY,
          programVersion: 1,
          rule: "rateBasisPoints",
          rateBasisPoints: COMMISSION_BASIS_POINTS,
          base,
          baseKind: "CLOSED_AMOUNT",
          currency: d.currency,
          dealId: d.id,
          dealTitle: d.title,
        },
        idempotencyKey: `seed:commission:${d.id}`,
        occurredAt: d.closedAt!,
      };
    })
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return { programs, ledger };
}
