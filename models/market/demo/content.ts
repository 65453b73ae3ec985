// The items of the demo market pages, a pure function of the day: each day brings new items
// (numbered by a serial that grows with the days, so an item keeps its link, text and dates on
// every later page and is stored once), dated relative to today: competitor news of the last
// two weeks, tenders published in the last 15 days with deadlines 5–40 days ahead, industry news
// of the last 10 days.
import { Random } from "../../seed/random.ts";
import {
  COMPETITOR_HEADLINES, DEMO_COMPETITORS, INDUSTRY_HEADLINES, MANUFACTURERS, placesIn, TENDER_HEADLINES, DEMO_PLACES, type DemoPlace, type Headline,
} from "./catalog.ts";

export type DemoFeedName = "competitor" | "tender" | "industry";

export type DemoItem = {
  feed: DemoFeedName;
  serial: number;
  /** Page-relative link of the item's own page, e.g. "items/tender-20410.html". */
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  place: DemoPlace;
  competitor?: string;
  company?: string;
  deadline?: Date;
  value?: { amountMinor: number; currency: string };
  reference?: string;
};

type FeedPlan = { headlines: readonly Headline[]; places: readonly DemoPlace[]; perDay: number; days: number };

const PLANS: Record<DemoFeedName, FeedPlan> = {
  competitor: { headlines: COMPETITOR_HEADLINES, places: DEMO_PLACES, perDay: 2, days: 14 },
  tender: { headlines: TENDER_HEADLINES, places: placesIn(["DACH", "NORDICS", "WESTERN_EUROPE", "SOUTHERN_EUROPE"]), perDay: 1, days: 15 },
  industry: { headlines: INDUSTRY_HEADLINES, places: placesIn(["DACH", "NORTH_AMERICA", "APAC"]), perDay: 1, days: 10 },
};

const DAY_MS = 86_400_000;
const dayNumberOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/** Typical tender budgets per currency, in major units: a range the demo draws from. */
const BUDGETS: Record<string, [number, number]> = {
  EUR: [250_000, 4_000_000], CHF: [300_000, 4_500_000], GBP: [200_000, 3_500_000], SEK: [2_500_000, 40_000_000],
  DKK: [2_000_000, 30_000_000], NOK: [2_500_000, 40_000_000], USD: [250_000, 4_000_000], CAD: [300_000, 5_000_000],
};

/** Item `serial` of `feed`: everything about it follows from the serial alone. */
export function demoItem(feed: DemoFeedName, serial: number): DemoItem {
  const plan = PLANS[feed];
  const rng = new Random(`channelwise-demo:market:${feed}:${serial}`);
  // Serial mod templates and serial × 5 mod places are independent (the counts are coprime),
  // so no template and place come together twice within a page's window.
  const headline = plan.headlines[serial % plan.headlines.length];
  const place = plan.places[(serial * 5) % plan.places.length];
  const slots = {
    competitor: DEMO_COMPETITORS[serial % DEMO_COMPETITORS.length],
    company: MANUFACTURERS[serial % MANUFACTURERS.length],
    city: place.city,
    country: place.country,
    n: rng.int(3, 12),
  };
  const day = Math.floor(serial / plan.perDay);
  const publishedAt = new Date(day * DAY_MS + rng.int(5 * 60, 20 * 60) * 60_000);
  const item: DemoItem = {
    feed,
    serial,
    slug: `items/${feed}-${serial}.html`,
    title: headline.title(slots),
    summary: headline.summary(slots),
    publishedAt,
    place,
    ...(feed === "competitor" ? { competitor: slots.competitor } : {}),
    ...(feed === "industry" ? { company: slots.company } : {}),
  };
  if (feed === "tender") {
    const deadlineDay = day + rng.int(20, 40);
    const [low, high] = BUDGETS[place.currency] ?? BUDGETS.EUR;
    const major = Math.round(rng.between(low, high) / 10_000) * 10_000;
    return {
      ...item,
      deadline: new Date(deadlineDay * DAY_MS + 11 * 3_600_000),
      value: { amountMinor: major * 100, currency: place.currency },
      reference: `CW-${new Date(day * DAY_MS).getUTCFullYear()}-${String(serial % 100_000).padStart(5, "0")}`,
    };
  }
  return item;
}

/** The items `feed` lists at `now`, newest first: those of its window already published. */
export function demoItems(feed: DemoFeedName, now: Date): DemoItem[] {
  const plan = PLANS[feed];
  const today = dayNumberOf(now);
  const items: DemoItem[] = [];
  for (let day = today; day > today - plan.days; day--) {
    for (let i = plan.perDay - 1; i >= 0; i--) {
      const item = demoItem(feed, day * plan.perDay + i);
      if (item.publishedAt <= now) items.push(item);
    }
  }
  return items.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.serial - a.serial);
}

/** The item behind a slug ("tender-20410"), or null for anything else. */
export function demoItemBySlug(slug: string): DemoItem | null {
  const match = /^(competitor|tender|industry)-(\d{1,9})$/.exec(slug);
  return match ? demoItem(match[1] as DemoFeedName, Number(match[2])) : null;
}
