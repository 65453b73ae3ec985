// What the demo market pages write about: places in each demo region (the router places items
// by them), the demo sources' competitors, and the headline templates of each page. Every
// template names a city, so two items never differ only by a word the router cannot see.

export type DemoPlace = { city: string; country: string; region: string; currency: string };

const place = (region: string, currency: string) => (text: string): DemoPlace => {
  const [city, country] = text.split(", ");
  return { city, country, region, currency };
};

const dach = place("DACH", "EUR");
const nordics = place("NORDICS", "EUR");
const west = place("WESTERN_EUROPE", "EUR");
const south = place("SOUTHERN_EUROPE", "EUR");
const americas = place("NORTH_AMERICA", "USD");
const apac = place("APAC", "EUR");

/** Six places per region; the order interleaves regions so consecutive items travel. */
export const DEMO_PLACES: readonly DemoPlace[] = [
  dach("Munich, Germany"), nordics("Stockholm, Sweden"), west("Rotterdam, Netherlands"), south("Milan, Italy"), americas("Chicago, United States"), apac("Osaka, Japan"),
  { ...dach("Zurich, Switzerland"), currency: "CHF" }, nordics("Helsinki, Finland"), { ...west("Manchester, United Kingdom"), currency: "GBP" }, south("Barcelona, Spain"), { ...americas("Toronto, Canada"), currency: "CAD" }, apac("Sydney, Australia"),
  dach("Vienna, Austria"), { ...nordics("Copenhagen, Denmark"), currency: "DKK" }, west("Lyon, France"), south("Porto, Portugal"), americas("Detroit, United States"), apac("Singapore, Singapore"),
  dach("Stuttgart, Germany"), { ...nordics("Gothenburg, Sweden"), currency: "SEK" }, west("Dublin, Ireland"), south("Turin, Italy"), { ...americas("Montreal, Canada"), currency: "CAD" }, apac("Nagoya, Japan"),
  dach("Graz, Austria"), { ...nordics("Oslo, Norway"), currency: "NOK" }, west("Antwerp, Belgium"), south("Valencia, Spain"), americas("Houston, United States"), apac("Melbourne, Australia"),
  { ...dach("Basel, Switzerland"), currency: "CHF" }, nordics("Tampere, Finland"), west("Eindhoven, Netherlands"), south("Bologna, Italy"), americas("Atlanta, United States"), apac("Yokohama, Japan"),
];

export function placesIn(regions: readonly string[]): DemoPlace[] {
  return DEMO_PLACES.filter((p) => regions.includes(p.region));
}

export const DEMO_COMPETITORS = ["SAP Business One", "Microsoft Dynamics 365 Business Central", "Odoo", "Sage X3", "Infor CloudSuite"] as const;

type Slots = { competitor: string; city: string; country: string; n: number; company: string };
export type Headline = { title: (s: Slots) => string; summary: (s: Slots) => string };

/** Competitor news (the RSS feed): 7 templates, coprime with the 36 places. */
export const COMPETITOR_HEADLINES: readonly Headline[] = [
  {
    title: (s) => `${s.competitor} announces price increase for ERP subscriptions in ${s.city}, ${s.country}`,
    summary: (s) => `Customers of ${s.competitor} around ${s.city} face a price increase of ${s.n} % on cloud ERP subscriptions at renewal; resellers expect customers to compare alternatives.`,
  },
  {
    title: (s) => `${s.competitor} sets end of support for on-premise release ${s.n}.0 used by ${s.city} manufacturers`,
    summary: (s) => `After the end of support, mid-sized manufacturers in ${s.country} running release ${s.n}.0 must plan a migration; several are already asking partners for quotes.`,
  },
  {
    title: (s) => `${s.competitor} opens ${s.city} office to recruit partners for its partner programme`,
    summary: (s) => `The new office in ${s.city}, ${s.country} will sign resellers and integrators with richer margins for the first ${s.n} months of the partner programme.`,
  },
  {
    title: (s) => `${s.company} in ${s.city} picks ${s.competitor} for its ERP migration`,
    summary: (s) => `${s.company}, a distributor with ${s.n * 40} employees in ${s.city}, ${s.country}, will move finance and warehouse processes to ${s.competitor} next year.`,
  },
  {
    title: (s) => `${s.competitor} reshapes partner programme for ${s.city} resellers: ${s.n} tiers instead of four`,
    summary: (s) => `Resellers in ${s.country} report higher revenue targets and shorter deal protection under the new partner programme of ${s.competitor}.`,
  },
  {
    title: (s) => `Survey: ${s.n} % of ${s.competitor} customers in ${s.city} consider an ERP switch`,
    summary: (s) => `Licence costs and slow support are the main reasons given by finance leaders around ${s.city}, ${s.country}; a migration within two years is planned by many.`,
  },
  {
    title: (s) => `${s.competitor} cuts reseller discounts in ${s.city} by ${s.n} points`,
    summary: (s) => `Partners selling ${s.competitor} in ${s.country} see lower margins from next quarter, together with a price increase for new customers.`,
  },
];

/** Tenders (the HTML list): 5 templates, coprime with the 24 places of the tender regions. */
export const TENDER_HEADLINES: readonly Headline[] = [
  {
    title: (s) => `Supply and implementation of an ERP system for the City of ${s.city}`,
    summary: (s) => `Enterprise resource planning (ERP) for finance, procurement and HR of the city administration of ${s.city}; lot ${s.n % 3 + 1} of 3.`,
  },
  {
    title: (s) => `Financial management system replacement for ${s.city} University Hospital`,
    summary: (s) => `A financial management system with budgeting and payroll interfaces for about ${s.n * 150} users in ${s.city}.`,
  },
  {
    title: (s) => `Procurement system and e-invoicing platform for ${s.city} municipal utilities`,
    summary: (s) => `Cloud procurement system with supplier portal and e-invoicing for the municipal utilities of ${s.city}, ${s.country}.`,
  },
  {
    title: (s) => `Warehouse management and inventory software for the regional logistics centre in ${s.city}`,
    summary: (s) => `Warehouse management for ${s.n} sites around ${s.city}, integrated with the existing ERP.`,
  },
  {
    title: (s) => `Payroll and HR software services for ${s.city} public schools`,
    summary: (s) => `Payroll, time recording and HR for the schools of ${s.city}, ${s.country}; ${s.n * 200} employees.`,
  },
];

export const MANUFACTURERS = ["Alpen Präzision", "Northwind Components", "Kaito Robotics", "Great Lakes Castings", "Southern Cross Packaging", "Rheintal Hydraulics", "Maple Ridge Plastics"] as const;

/** Industry news (the JavaScript page): 5 templates, coprime with the 18 places of its regions. */
export const INDUSTRY_HEADLINES: readonly Headline[] = [
  {
    title: (s) => `${s.company} announces plant expansion in ${s.city} with ${s.n * 25} new jobs`,
    summary: (s) => `The plant expansion in ${s.city}, ${s.country} doubles capacity; new production planning and quality management systems are being selected.`,
  },
  {
    title: (s) => `Supply chain delays of ${s.n} weeks hit ${s.city} manufacturing suppliers`,
    summary: (s) => `Manufacturing suppliers around ${s.city} report longer lead times and are reviewing inventory planning and supply chain visibility tools.`,
  },
  {
    title: (s) => `${s.city} manufacturers step up digital transformation as orders recover`,
    summary: (s) => `A regional survey in ${s.country} finds ${s.n * 5} % of manufacturing firms budgeting for ERP and shop-floor software this year.`,
  },
  {
    title: (s) => `New quality management rules for medical device makers around ${s.city}`,
    summary: (s) => `From next year, suppliers in ${s.country} need traceable quality management records for every batch; ${s.company} is among the first to comply.`,
  },
  {
    title: (s) => `${s.company} opens smart factory in ${s.city} for ${s.n} product lines`,
    summary: (s) => `The factory in ${s.city} connects machines, manufacturing execution and supply chain planning in one digital transformation programme.`,
  },
];
