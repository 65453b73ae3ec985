import { describe, expect, it } from "vitest";
import { healthBandOf, healthBandRange } from "./health-bands.ts";
import { radarAxes } from "./segment-radar.ts";
import { parseQuality, parseReasons, parseSegments } from "./segment-runs.ts";

describe("parsing what the segmentation job stores", () => {
  it("reads reasons as objects or plain sentences and leaves out anything else", () => {
    expect(parseReasons([{ text: "Logins fell", feature: "logins90d", direction: "down", weight: 0.5 }, "Few deals", 42, { feature: "x" }, null])).toEqual([
      { text: "Logins fell", feature: "logins90d", direction: "down", weight: 0.5 },
      { text: "Few deals", feature: null, direction: null, weight: null },
    ]);
    expect(parseReasons(null)).toEqual([]);
    expect(parseReasons({ text: "not a list" })).toEqual([]);
  });

  it("reads centroids stored as objects or as arrays in the run's feature order", () => {
    expect(parseSegments([{ label: "A", description: "a", size: 3, centroid: [1, 2] }, { label: "B", centroid: { x: 5 } }, { size: 1 }], ["x", "y"])).toEqual([
      { label: "A", description: "a", size: 3, centroid: { x: 1, y: 2 } },
      { label: "B", description: "", size: 0, centroid: { x: 5 } },
    ]);
  });

  it("reads the quality headline numbers, the run's silhouette column first", () => {
    const none = { churnNote: null };
    expect(parseQuality({ silhouette: 0.3, churn: { auc: 0.8, brier: 0.1, extra: 1 } }, 0.4)).toEqual({ silhouette: 0.4, churnAuc: 0.8, churnBrier: 0.1, ...none });
    expect(parseQuality({ silhouette: 0.3 }, null)).toEqual({ silhouette: 0.3, churnAuc: null, churnBrier: null, ...none });
    expect(parseQuality("nonsense", null)).toEqual({ silhouette: null, churnAuc: null, churnBrier: null, ...none });
    expect(parseQuality({ churn: "nonsense" }, 0.5)).toEqual({ silhouette: 0.5, churnAuc: null, churnBrier: null, ...none });
    expect(parseQuality({ churn: { auc: null, brier: null, note: "Too little churn history" } }, 0.5)).toMatchObject({ churnAuc: null, churnNote: "Too little churn history" });
  });
});

describe("health bands", () => {
  it("are healthy from 70, watch from 40, at risk below", () => {
    expect([100, 70, 69.9, 40, 39.99, 0].map(healthBandOf)).toEqual(["healthy", "healthy", "watch", "watch", "at-risk", "at-risk"]);
    expect(healthBandRange("watch")).toEqual({ gte: 40, lt: 70 });
  });
});

describe("the radar", () => {
  it("scales every feature to 0–100 across the segments, mid-scale when they all agree", () => {
    const axes = radarAxes([
      { label: "A", description: "", size: 1, centroid: { revenue: 100, logins: 5 } },
      { label: "B", description: "", size: 1, centroid: { revenue: 300, logins: 5 } },
      { label: "C", description: "", size: 1, centroid: { revenue: 200, logins: 5 } },
    ]);
    expect(axes).toEqual([
      { feature: "revenue", values: { A: 0, B: 100, C: 50 } },
      { feature: "logins", values: { A: 50, B: 50, C: 50 } },
    ]);
  });
});
