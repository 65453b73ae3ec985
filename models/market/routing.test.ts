// Routing rules, pure: regions from place names and the source, keywords and competitors on word
// boundaries, severity rules and the reasons in words.
import { describe, expect, it } from "vitest";
import { DEMO_REGIONS } from "../seed/catalog.ts";
import { type RoutableItem, type RoutableSource, routeItem } from "./routing.ts";

const now = new Date("2026-03-01T12:00:00Z");
const context = { regions: DEMO_REGIONS.map((r) => ({ code: r.code, name: r.name })), now };
const daysFromNow = (days: number) => new Date(now.getTime() + days * 86_400_000);

const tenderSource: RoutableSource = {
  name: "Public ERP tenders",
  regionCodes: ["DACH", "WESTERN_EUROPE", "SOUTHERN_EUROPE", "NORDICS"],
  keywords: ["ERP", "MES", "payroll"],
  competitors: [],
};
const newsSource: RoutableSource = {
  name: "Competitor news",
  regionCodes: DEMO_REGIONS.map((r) => r.code),
  keywords: ["ERP", "migration"],
  competitors: ["Acme ERP", "Odoo", "Sage X3"],
};
const item = (over: Partial<RoutableItem>): RoutableItem => ({ title: "", summary: null, location: null, contentType: "TENDER", deadline: null, ...over });

describe("routeItem: regions", () => {
  it("narrows a multi-region source to the regions its text names, with the reason in words", () => {
    const routing = routeItem(item({ title: "MES for the municipal utility", location: "Bayern, Deutschland", deadline: daysFromNow(40) }), tenderSource, context);
    expect(routing.regions).toEqual(["DACH"]);
    expect(routing.regionBasis).toBe("place");
    expect(routing.reasons[0]).toBe("Tender in Bavaria (DACH) and Germany (DACH)");
    expect(routing.reasons).toContain("Keyword: MES");
  });

  it("keeps the source's regions when the text names no place", () => {
    const routing = routeItem(item({ title: "ERP replacement, lot 2" }), tenderSource, context);
    expect(routing.regions).toEqual(tenderSource.regionCodes);
    expect(routing.regionBasis).toBe("source");
    expect(routing.reasons[0]).toBe("From a source covering DACH, Western Europe, Southern Europe and Nordics");
  });

  it("keeps only the overlap when the text names regions inside and outside the source's", () => {
    const dachOnly = { ...tenderSource, regionCodes: ["DACH"] };
    expect(routeItem(item({ title: "Munich group opens a plant in Paris" }), dachOnly, context).regions).toEqual(["DACH"]);
    expect(routeItem(item({ title: "Tender in Lyon" }), dachOnly, context).regions).toEqual(["WESTERN_EUROPE"]);
  });

  it("sends a global source's items without a place to every region, and ignores unknown codes", () => {
    const global = { ...newsSource, regionCodes: [] };
    const routing = routeItem(item({ contentType: "INDUSTRY", title: "Manufacturers invest in quality" }), global, context);
    expect(routing.regions).toEqual(context.regions.map((r) => r.code));
    expect(routing.regionBasis).toBe("global");
    const unknown = { ...newsSource, regionCodes: ["ATLANTIS"] };
    expect(routeItem(item({ contentType: "INDUSTRY", title: "Plant expansion" }), unknown, context).regions).toEqual([]);
    expect(routeItem(item({ contentType: "INDUSTRY", title: "Plant expansion in Oslo" }), unknown, context).regions).toEqual(["NORDICS"]);
  });
});

describe("routeItem: places no region owns", () => {
  it("sends an item that names only places outside every region to nobody, even from a global source", () => {
    const global = { ...newsSource, regionCodes: [] };
    for (const title of ["UNDP Brazil: ERP licences", "Valencia, Venezuela: ERP software", "Latin American ERP market to double"]) {
      const routing = routeItem(item({ title }), global, context);
      expect({ title, regions: routing.regions, basis: routing.regionBasis }).toEqual({ title, regions: [], basis: "place" });
    }
    expect(routeItem(item({ title: "ERP for the Ministry of Finance in Warsaw" }), tenderSource, context).regions).toEqual([]);
    // A place a region owns still wins beside one nobody owns.
    expect(routeItem(item({ title: "German firm wins a tender in Brazil" }), global, context).regions).toEqual(["DACH"]);
  });

  it("names a region spanning name once in its reason", () => {
    const routing = routeItem(item({ contentType: "INDUSTRY", title: "European manufacturing outlook" }), { ...newsSource, regionCodes: [] }, context);
    expect(routing.regions).toEqual(["DACH", "NORDICS", "WESTERN_EUROPE", "SOUTHERN_EUROPE"]);
    expect(routing.reasons[0]).toBe("Mentions Europe");
  });
});

describe("routeItem: keywords and competitors", () => {
  it("matches keywords with their inflections and compounds, competitors as capitalised names with a genitive s", () => {
    const source = { ...newsSource, keywords: ["Warenwirtschaft", "supply chain", "manufacturing"], competitors: ["SAP", "Sage", "Exact", "IFS"] };
    const routing = routeItem(item({ contentType: "COMPETITOR", title: "Warenwirtschaftssystem für Hersteller: SAPs Preise", summary: "Manufacturers digitise their supply chains" }), source, context);
    expect(routing.keywords).toEqual(["Warenwirtschaft", "supply chain", "manufacturing"]);
    expect(routing.competitors).toEqual(["SAP"]);
    const words = routeItem(item({ contentType: "COMPETITOR", title: "A sage decision: the exact cost, no ifs" }), source, context);
    expect(words.competitors).toEqual([]);
    expect(words.severity).toBe("LOW");
  });

  it("matches on word boundaries, case-insensitively, and uses the scraper's matches when given", () => {
    const routing = routeItem(item({ contentType: "COMPETITOR", title: "ODOO announces a MIGRATION tool", summary: "Interpreting the erp market" }), newsSource, context);
    expect(routing.competitors).toEqual(["Odoo"]);
    expect(routing.keywords).toEqual(["ERP", "migration"]);
    expect(routing.reasons).toEqual(expect.arrayContaining(["Mentions competitor Odoo", "Keyword: ERP", "Keyword: migration"]));
    const given = routeItem(item({ contentType: "COMPETITOR", title: "Nothing here", matchedCompetitors: ["Sage X3"], matchedKeywords: ["ERP"] }), newsSource, context);
    expect(given.competitors).toEqual(["Sage X3"]);
    expect(given.keywords).toEqual(["ERP"]);
    expect(routeItem(item({ contentType: "COMPETITOR", title: "Odoorama sells sagex3" }), newsSource, context).competitors).toEqual([]);
  });
});

describe("routeItem: severity", () => {
  it("is HIGH for a tender closing within 14 days, MEDIUM for a later, undated or closed one", () => {
    const soon = routeItem(item({ title: "ERP tender", deadline: daysFromNow(5) }), tenderSource, context);
    expect(soon.severity).toBe("HIGH");
    expect(soon.reasons).toContain("Deadline in 5 days (2026-03-06)");
    expect(routeItem(item({ title: "ERP tender", deadline: daysFromNow(14) }), tenderSource, context).severity).toBe("HIGH");
    expect(routeItem(item({ title: "ERP tender", deadline: daysFromNow(15) }), tenderSource, context).severity).toBe("MEDIUM");
    expect(routeItem(item({ title: "ERP tender" }), tenderSource, context).severity).toBe("MEDIUM");
    const closed = routeItem(item({ title: "ERP tender", deadline: daysFromNow(-2) }), tenderSource, context);
    expect(closed.severity).toBe("MEDIUM");
    expect(closed.reasons).toContain("Deadline passed (2026-02-27)");
  });

  it("is HIGH for a competitor with a price cut, discount, price drop or end of support", () => {
    for (const title of ["Odoo cuts prices by 20 %", "Acme ERP: 30% discount for new customers", "Sage X3 price drop", "End-of-support for Sage X3 v11"]) {
      const routing = routeItem(item({ contentType: "COMPETITOR", title }), newsSource, context);
      expect({ title, severity: routing.severity }).toEqual({ title, severity: "HIGH" });
      expect(routing.reasons.some((r) => r.startsWith("Competitor "))).toBe(true);
    }
  });

  it("is HIGH for a price move phrased in other words or languages, MEDIUM for a price rise or an ended discount", () => {
    for (const title of ["Odoo senkt die Preise in der Schweiz", "Acme ERP offers 30% off", "Sage X3: Preissenkung", "Odoo cuts its prices"]) {
      expect({ title, severity: routeItem(item({ contentType: "COMPETITOR", title }), newsSource, context).severity }).toEqual({ title, severity: "HIGH" });
    }
    for (const title of ["Odoo raises prices", "Odoo ends its partner discount programme"]) {
      expect({ title, severity: routeItem(item({ contentType: "COMPETITOR", title }), newsSource, context).severity }).toEqual({ title, severity: "MEDIUM" });
    }
  });

  it("is MEDIUM for a competitor mention without a price move, LOW for news with neither", () => {
    expect(routeItem(item({ contentType: "COMPETITOR", title: "Odoo hires a new CEO" }), newsSource, context).severity).toBe("MEDIUM");
    expect(routeItem(item({ contentType: "COMPETITOR", title: "Discounts everywhere in retail" }), newsSource, context).severity).toBe("LOW");
    expect(routeItem(item({ contentType: "INDUSTRY", title: "Plant expansion in Bavaria" }), newsSource, context).severity).toBe("LOW");
  });
});

describe("routeItem: relevance", () => {
  it("ranks a specific, urgent tender above a generic one, and stays within 0–1", () => {
    const specific = routeItem(item({ title: "ERP and MES tender, Munich", deadline: daysFromNow(3) }), tenderSource, context);
    const generic = routeItem(item({ title: "Tender notice" }), tenderSource, context);
    const news = routeItem(item({ contentType: "INDUSTRY", title: "Industry outlook" }), { ...newsSource, regionCodes: [] }, context);
    expect(specific.relevance).toBe(0.85); // 0.35 tender + 0.2 place + 0.2 two keywords + 0.1 urgency
    expect(generic.relevance).toBe(0.45);
    expect(news.relevance).toBe(0.15);
    expect(specific.relevance).toBeGreaterThan(generic.relevance);
  });
});
