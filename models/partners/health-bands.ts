// Health bands: the three words a channel manager uses for a partner's health score (0–100).
// Pure, so pages and charts in the browser can use it too.

export const HEALTH_BANDS = ["healthy", "watch", "at-risk"] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** Healthy from 70, watch from 40, at risk below 40. */
export const HEALTHY_FROM = 70;
export const WATCH_FROM = 40;

export function healthBandOf(score: number): HealthBand {
  if (score >= HEALTHY_FROM) return "healthy";
  if (score >= WATCH_FROM) return "watch";
  return "at-risk";
}

/** The score range of a band, half-open: `gte` ≤ score < `lt`. */
export function healthBandRange(band: HealthBand): { gte?: number; lt?: number } {
  switch (band) {
    case "healthy":
      return { gte: HEALTHY_FROM };
    case "watch":
      return { gte: WATCH_FROM, lt: HEALTHY_FROM };
    case "at-risk":
      return { lt: WATCH_FROM };
  }
}
