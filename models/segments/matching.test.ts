import { describe, expect, it } from "vitest";
import { matchPreviousLabels } from "./matching.ts";

const previous = [
  { label: "Strategic champion", scaled: [3, 1] },
  { label: "Steady contributor", scaled: [0, 0] },
  { label: "Dormant — at risk", scaled: [-1, -3] },
];

describe("matchPreviousLabels", () => {
  it("keeps every label when the centroids only moved by noise, whatever their order", () => {
    expect(matchPreviousLabels([[0.1, -0.2], [-0.9, -2.8], [3.2, 0.9]], previous)).toEqual(["Steady contributor", "Dormant — at risk", "Strategic champion"]);
  });

  it("gives a centroid that moved past half-way to another segment no old label", () => {
    expect(matchPreviousLabels([[3, 1], [0, 0], [-0.5, -1.2]], previous)).toEqual(["Strategic champion", "Steady contributor", null]);
  });

  it("leaves an extra segment unnamed and drops a vanished one", () => {
    expect(matchPreviousLabels([[3, 1], [0, 0], [-1, -3], [8, 8]], previous)).toEqual(["Strategic champion", "Steady contributor", "Dormant — at risk", null]);
    expect(matchPreviousLabels([[-1, -3], [3, 1]], previous)).toEqual(["Dormant — at risk", "Strategic champion"]);
  });

  it("hands each old label to one centroid at most", () => {
    const old = [{ label: "A", scaled: [0, 0] }, { label: "B", scaled: [10, 0] }];
    expect(matchPreviousLabels([[0.6, 0], [-0.3, 0], [10, 0]], old)).toEqual([null, "A", "B"]);
  });

  it("names nothing without a previous run", () => {
    expect(matchPreviousLabels([[0], [1]], [])).toEqual([null, null]);
  });
});
