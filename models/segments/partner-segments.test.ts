import { describe, expect, it } from "vitest";
import { normalFrom } from "./blobs.ts";
import { segmentPartners } from "./partner-segments.ts";
import { seededRandom } from "../ml/random.ts";
import type { PartnerFeatureRow } from "./segment-features.ts";

type Shape = { revenue: number; previous: number; deals: number; won: number; lost: number; logins: number; trainings: number; demos: number; breadth: number };

const SHAPES: Record<string, Shape> = {
  big: { revenue: 300_000_000, previous: 240_000_000, deals: 18, won: 9, lost: 5, logins: 40, trainings: 15, demos: 28, breadth: 7 },
  mid: { revenue: 90_000_000, previous: 88_000_000, deals: 8, won: 4, lost: 5, logins: 16, trainings: 5, demos: 9, breadth: 4 },
  fading: { revenue: 50_000_000, previous: 95_000_000, deals: 4, won: 1, lost: 3, logins: 1, trainings: 1, demos: 2, breadth: 3 },
  small: { revenue: 13_000_000, previous: 12_000_000, deals: 14, won: 2, lost: 8, logins: 11, trainings: 1, demos: 6, breadth: 2 },
};

/** Partners of each shape with lognormal noise; `jitter` adds a second, smaller round of noise. */
function partners(seed: number, jitter = 0): { rows: PartnerFeatureRow[]; shapes: string[] } {
  const normal = normalFrom(seededRandom(seed));
  const wobble = normalFrom(seededRandom(seed + 1000));
  const rows: PartnerFeatureRow[] = [];
  const shapes: string[] = [];
  for (let i = 0; i < 240; i++) {
    const name = Object.keys(SHAPES)[i % 4];
    const s = SHAPES[name];
    const noisy = (v: number) => Math.round(v * Math.exp(0.2 * normal() + jitter * wobble()));
    rows.push({
      partnerOrgId: `p${i}`, revenue12m: noisy(s.revenue), revenuePrev12m: noisy(s.previous), dealCount12m: noisy(s.deals), wonCount12m: noisy(s.won), lostCount12m: noisy(s.lost),
      logins90d: noisy(s.logins), trainings12m: noisy(s.trainings), certifications12m: 0, demos12m: noisy(s.demos), productBreadth: Math.max(0, Math.min(8, noisy(s.breadth))),
    });
    shapes.push(name);
  }
  return { rows, shapes };
}

describe("segmentPartners", () => {
  it("gives every partner a segment, names segments uniquely and orders them by revenue", () => {
    const { rows } = partners(1);
    const result = segmentPartners(rows, []);
    expect(result.partners).toHaveLength(240);
    expect(new Set(result.segments.map((s) => s.label)).size).toBe(result.segments.length);
    const revenues = result.segments.map((s) => s.centroid.revenue);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(result.segments.reduce((n, s) => n + s.size, 0)).toBe(240);
    expect(result.segments.every((s) => !s.kept && s.description.length > 0)).toBe(true);
  });

  it("keeps partners' labels when their numbers only move by noise", () => {
    const before = segmentPartners(partners(1).rows, []);
    const after = segmentPartners(partners(1, 0.05).rows, before.segments, { seed: 99 });
    expect(after.segments.every((s) => s.kept)).toBe(true);
    const label = (r: typeof before, i: number) => r.segments[r.partners[i].segmentIndex].label;
    const same = before.partners.filter((_, i) => label(before, i) === label(after, i)).length;
    expect(same / 240).toBeGreaterThanOrEqual(0.97);
  });
});
