// The demo vendor's fixed reference data: the six sales regions (with their countries,
// growth and seasonality), the eight ERP modules it sells, and the industries it sells into.

export type DemoCurrency = "EUR" | "USD";

export type DemoRegion = {
  code: string;
  name: string;
  currency: DemoCurrency;
  /** Countries (ISO 3166-1 alpha-2) with their share of the region's partners. */
  countries: readonly (readonly [string, number])[];
  /** Market growth per year, e.g. 0.06 = +6 % a year. */
  growthPerYear: number;
  /** Scales the shared seasonal shape: 0 = flat, 1 = the typical ERP year. */
  seasonalAmplitude: number;
  /** Extra region-specific deviation by month index (0 = January). */
  seasonalTweaks?: Readonly<Record<number, number>>;
  /** How many of the demo's partner orgs sit in this region. */
  partnerCount: number;
};

export const DEMO_REGIONS: readonly DemoRegion[] = [
  {
    code: "DACH", name: "DACH", currency: "EUR", partnerCount: 50,
    countries: [["DE", 6], ["AT", 2], ["CH", 2]],
    growthPerYear: 0.06, seasonalAmplitude: 1.0,
  },
  {
    code: "NORDICS", name: "Nordics", currency: "EUR", partnerCount: 30,
    countries: [["SE", 4], ["FI", 2.5], ["DK", 2], ["NO", 1.5]],
    // The Nordic summer holiday empties July; August recovers early.
    growthPerYear: 0.1, seasonalAmplitude: 0.8, seasonalTweaks: { 6: -0.18, 7: 0.12 },
  },
  {
    code: "WESTERN_EUROPE", name: "Western Europe", currency: "EUR", partnerCount: 40,
    countries: [["GB", 4], ["IE", 1], ["NL", 2.5], ["BE", 1.5], ["FR", 3]],
    growthPerYear: 0.04, seasonalAmplitude: 0.9,
  },
  {
    code: "SOUTHERN_EUROPE", name: "Southern Europe", currency: "EUR", partnerCount: 30,
    countries: [["IT", 4], ["ES", 3.5], ["PT", 1.5]],
    // Ferragosto and the Spanish August: the deepest summer dip of all regions.
    growthPerYear: 0.02, seasonalAmplitude: 1.4, seasonalTweaks: { 7: -0.15 },
  },
  {
    code: "NORTH_AMERICA", name: "North America", currency: "USD", partnerCount: 32,
    countries: [["US", 8], ["CA", 2]],
    growthPerYear: 0.14, seasonalAmplitude: 0.6,
  },
  {
    code: "APAC", name: "Asia-Pacific", currency: "EUR", partnerCount: 18,
    countries: [["JP", 3], ["AU", 3], ["SG", 2]],
    // Japan's fiscal year ends in March, which pulls purchases into Q1.
    growthPerYear: 0.2, seasonalAmplitude: 0.5, seasonalTweaks: { 2: 0.2, 11: -0.1 },
  },
];

/** The typical ERP buying year, as deviations from 1: slow start, summer dip, Q4 budget flush. */
const SEASONAL_SHAPE = [-0.15, -0.1, 0.08, -0.05, 0, 0.08, -0.2, -0.3, 0.02, 0.05, 0.15, 0.42] as const;

/** The sales multiplier of `region` in calendar month `monthIndex` (0 = January). */
export function seasonalFactor(region: DemoRegion, monthIndex: number): number {
  const tweak = region.seasonalTweaks?.[monthIndex] ?? 0;
  return Math.max(0.2, 1 + region.seasonalAmplitude * SEASONAL_SHAPE[monthIndex] + tweak);
}

export function demoRegion(code: string): DemoRegion {
  const region = DEMO_REGIONS.find((r) => r.code === code);
  if (!region) throw new Error(`unknown demo region ${code}`);
  return region;
}

export type DemoProduct = {
  sku: string;
  name: string;
  line: string;
  isNew: boolean;
  isStrategic: boolean;
  marginBasisPoints: number;
  /** List price in cents, per typical deal. */
  listPrice: number;
  /** Share of a typical partner's revenue before any partner-specific mix. */
  revenueShare: number;
  /** Months before `now` the module launched; undefined = long before the data starts. */
  launchedMonthsAgo?: number;
};

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: "FIN-CORE", name: "Finance Core", line: "Finance", isNew: false, isStrategic: false, marginBasisPoints: 2500, listPrice: 4_800_000, revenueShare: 0.24 },
  { sku: "INV-WMS", name: "Inventory & Warehouse", line: "Inventory", isNew: false, isStrategic: false, marginBasisPoints: 2200, listPrice: 3_200_000, revenueShare: 0.16 },
  { sku: "MFG-MES", name: "Manufacturing Execution", line: "Manufacturing", isNew: false, isStrategic: true, marginBasisPoints: 2000, listPrice: 6_500_000, revenueShare: 0.18 },
  { sku: "CRM-SUITE", name: "CRM Suite", line: "CRM", isNew: false, isStrategic: true, marginBasisPoints: 3000, listPrice: 2_800_000, revenueShare: 0.12 },
  { sku: "HR-PAY", name: "HR & Payroll", line: "HR", isNew: false, isStrategic: false, marginBasisPoints: 2800, listPrice: 2_400_000, revenueShare: 0.1 },
  { sku: "PRC-SRC", name: "Procurement", line: "Procurement", isNew: false, isStrategic: false, marginBasisPoints: 2500, listPrice: 2_200_000, revenueShare: 0.09 },
  { sku: "QMS", name: "Quality Management", line: "Quality", isNew: true, isStrategic: false, marginBasisPoints: 3200, listPrice: 1_800_000, revenueShare: 0.05, launchedMonthsAgo: 14 },
  { sku: "ANL-CLOUD", name: "Analytics Cloud", line: "Analytics", isNew: true, isStrategic: true, marginBasisPoints: 3500, listPrice: 3_600_000, revenueShare: 0.06, launchedMonthsAgo: 9 },
];

export const DEMO_INDUSTRIES = [
  "Manufacturing",
  "Automotive",
  "Food & Beverage",
  "Retail",
  "Wholesale & Distribution",
  "Logistics",
  "Construction",
  "Healthcare",
  "Pharma & Life Sciences",
  "Energy & Utilities",
  "Professional Services",
] as const;

export type DemoIndustry = (typeof DEMO_INDUSTRIES)[number];
