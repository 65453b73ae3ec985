import { describe, expect, it } from "vitest";
import { hashSeed, Random } from "./random.ts";

describe("Random", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const draw = (seed: string) => {
      const rng = new Random(seed);
      return Array.from({ length: 5 }, () => rng.float());
    };
    expect(draw("a")).toEqual(draw("a"));
    expect(draw("a")).not.toEqual(draw("b"));
    expect(hashSeed("a")).not.toBe(hashSeed("b"));
  });

  it("keeps draws in range", () => {
    const rng = new Random(42);
    for (let i = 0; i < 2000; i++) {
      const f = rng.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = rng.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it("draws Poisson counts and normals with about the asked mean", () => {
    const rng = new Random(7);
    const n = 20_000;
    let poisson = 0;
    let big = 0;
    let normal = 0;
    for (let i = 0; i < n; i++) {
      poisson += rng.poisson(2.5);
      big += rng.poisson(50);
      normal += rng.normal(10, 2);
    }
    expect(poisson / n).toBeCloseTo(2.5, 1);
    expect(big / n).toBeGreaterThan(49);
    expect(big / n).toBeLessThan(51);
    expect(normal / n).toBeCloseTo(10, 1);
    expect(rng.poisson(0)).toBe(0);
  });

  it("picks by weight and samples without repeats", () => {
    const rng = new Random(1);
    let a = 0;
    for (let i = 0; i < 4000; i++) if (rng.weighted([["a", 3], ["b", 1]] as const) === "a") a++;
    expect(a / 4000).toBeGreaterThan(0.7);
    expect(a / 4000).toBeLessThan(0.8);
    const sample = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    expect(() => rng.pick([])).toThrow();
  });

  it("makes version-4-shaped, deterministic UUIDs", () => {
    const a = new Random("ids");
    const b = new Random("ids");
    const ids = Array.from({ length: 100 }, () => a.uuid());
    expect(ids).toEqual(Array.from({ length: 100 }, () => b.uuid()));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(100);
  });
});
