// The demo's market sources: a competitor-news RSS feed, a public-tender HTML list and a
// JavaScript-rendered industry news page, all served by the app itself under /demo/market/
// (app/routes/demo.market.ts), so the scrape job finds items and alerts appear offline.
// The URLs are the app's own origin at seed time (HOST and PORT; see models/market/self-origin.ts).
import type { Prisma } from "../db/generated/client.ts";
import { env } from "../env.ts";
import { demoMarketBaseUrl } from "../market/self-origin.ts";
import { DEMO_REGIONS } from "./catalog.ts";
import { Random } from "./random.ts";

export function buildMarketSources(adminId: string, createdAt: Date, baseUrl = demoMarketBaseUrl(env())): Prisma.MarketSourceCreateManyInput[] {
  const rng = new Random("channelwise-demo:market");
  const allRegions = DEMO_REGIONS.map((r) => r.code);
  const common = { createdById: adminId, enabled: true, createdAt, updatedAt: createdAt };
  return [
    {
      ...common,
      id: rng.uuid(),
      name: "Competitor news (demo RSS feed)",
      url: `${baseUrl}/feed.xml`,
      kind: "RSS",
      contentType: "COMPETITOR",
      regionCodes: allRegions,
      competitors: ["SAP Business One", "Microsoft Dynamics 365 Business Central", "Odoo", "Sage X3", "Infor CloudSuite"],
      keywords: ["ERP", "price increase", "end of support", "migration", "partner programme"],
      schedule: "0 * * * *",
    },
    {
      ...common,
      id: rng.uuid(),
      name: "Public ERP tenders (demo HTML list)",
      url: `${baseUrl}/tenders.html`,
      kind: "HTML",
      contentType: "TENDER",
      regionCodes: ["DACH", "WESTERN_EUROPE", "SOUTHERN_EUROPE", "NORDICS"],
      keywords: ["ERP", "enterprise resource planning", "financial management system", "procurement system", "warehouse management", "payroll"],
      schedule: "30 */6 * * *",
      selectors: {
        item: "table.tenders tbody tr",
        title: "td.title a",
        link: "td.title a",
        date: "td.published",
        deadline: "td.deadline",
        value: "td.value",
        location: "td.location",
        reference: "td.reference",
        next: "a.next",
      },
    },
    {
      ...common,
      id: rng.uuid(),
      name: "Manufacturing industry news (demo JavaScript page)",
      url: `${baseUrl}/news.html`,
      kind: "JS",
      contentType: "INDUSTRY",
      regionCodes: ["DACH", "NORTH_AMERICA", "APAC"],
      keywords: ["manufacturing", "supply chain", "quality management", "digital transformation", "plant expansion"],
      schedule: "15 */3 * * *",
      selectors: {
        item: "#news article",
        title: "h2",
        link: "h2 a",
        date: "time",
        summary: "p.summary",
      },
    },
  ];
}
