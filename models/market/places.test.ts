// The gazetteer: place names in English and local spellings map to the demo regions, on word
// boundaries, longest name first, and only to region codes the region table has.
import { describe, expect, it } from "vitest";
import { DEMO_REGIONS } from "../seed/catalog.ts";
import { COUNTRY_PLACES } from "./places-data.ts";
import { COUNTRY_REGION, countriesOfPlaces, expandSpelling, findPlaces, regionsOfPlaces } from "./places.ts";
import { matchedTerms } from "./word-match.ts";

const TABLE = DEMO_REGIONS.map((r) => ({ code: r.code, name: r.name }));
const regionsIn = (text: string, table = TABLE) => regionsOfPlaces(findPlaces(text, table));
const names = (text: string) => findPlaces(text, TABLE).map((p) => p.name);

describe("findPlaces", () => {
  it("maps countries, states and cities in English and local spellings to their region", () => {
    expect(regionsIn("Ausschreibung: ERP-System für die Stadtwerke München")).toEqual(["DACH"]);
    expect(names("Ausschreibung in Bayern")).toEqual(["Bavaria"]);
    expect(regionsIn("Tender from the city of Göteborg")).toEqual(["NORDICS"]);
    expect(regionsIn("Gothenburg municipality")).toEqual(["NORDICS"]);
    expect(regionsIn("Appalto pubblico: Comune di Milano")).toEqual(["SOUTHERN_EUROPE"]);
    expect(regionsIn("Marché public — Lyon Métropole")).toEqual(["WESTERN_EUROPE"]);
    expect(regionsIn("County council in Ontario")).toEqual(["NORTH_AMERICA"]);
    expect(regionsIn("東京都 ERP 調達")).toEqual(["APAC"]);
    expect(regionsIn("Tender for Zuerich and Malmo")).toEqual(["DACH", "NORDICS"]);
  });

  it("matches whole words only, and short capitals only in capitals", () => {
    expect(regionsIn("Parisian style")).toEqual([]);
    expect(regionsIn("Tell us about your ERP")).toEqual([]);
    expect(regionsIn("Odoo expands in the US")).toEqual(["NORTH_AMERICA"]);
    expect(regionsIn("Das Dach des Werks")).toEqual([]);
    expect(regionsIn("Growth across DACH")).toEqual(["DACH"]);
  });

  it("prefers the longest name where names overlap", () => {
    expect(names("Hospital group in New South Wales")).toEqual(["New South Wales"]);
    expect(regionsIn("Hospital group in New South Wales")).toEqual(["APAC"]);
    expect(regionsIn("Provincial tender, South Tyrol")).toEqual(["SOUTHERN_EUROPE"]);
    expect(regionsIn("Tender in British Columbia")).toEqual(["NORTH_AMERICA"]);
    expect(regionsIn("Auckland, New Zealand")).toEqual(["APAC"]);
    expect(regionsIn("Expansion into Latin America")).toEqual([]);
    expect(names("Lower Saxony and Saxony")).toEqual(["Lower Saxony", "Saxony"]);
  });

  it("reads region names, the region table's included", () => {
    expect(regionsIn("Nordic manufacturers invest")).toEqual(["NORDICS"]);
    expect(regionsIn("Price list for Benelux and Iberia")).toEqual(["WESTERN_EUROPE", "SOUTHERN_EUROPE"]);
    const withLatam = [...TABLE, { code: "LATAM", name: "Latin America" }];
    expect(regionsIn("Expansion into Latin America", withLatam)).toEqual(["LATAM"]);
  });

  it("ignores region codes the region table does not have", () => {
    const onlyDach = TABLE.filter((r) => r.code === "DACH");
    const places = findPlaces("Offices in Vienna and Stockholm", onlyDach);
    expect(places.map((p) => [p.name, p.regionCode])).toEqual([["Vienna", "DACH"], ["Stockholm", null]]);
    expect(regionsOfPlaces(places)).toEqual(["DACH"]);
    expect(countriesOfPlaces(places)).toEqual(["AT", "SE"]);
  });

  it("names each place once and keeps the text's spelling", () => {
    const places = findPlaces("München, Munich and MÜNCHEN", TABLE);
    expect(places).toHaveLength(1);
    expect(places[0]).toMatchObject({ name: "Munich", matched: "Munchen", kind: "city", country: "DE", regionCode: "DACH" });
  });
});

describe("findPlaces: reading a name as a place", () => {
  it("reads adjectives, inflected as the language does, as their country or area", () => {
    expect(regionsIn("Schweizer Spitalverbund sucht ERP")).toEqual(["DACH"]);
    expect(regionsIn("Österreichischer Maschinenbauer übernimmt")).toEqual(["DACH"]);
    expect(regionsIn("Schwedische Stahlindustrie investiert")).toEqual(["NORDICS"]);
    expect(regionsIn("Svensk industri ökar exporten")).toEqual(["NORDICS"]);
    expect(regionsIn("Odoo taglia i prezzi per le PMI italiane")).toEqual(["SOUTHERN_EUROPE"]);
    expect(regionsIn("Tyrolean, Flemish and Catalan makers")).toEqual(["DACH", "WESTERN_EUROPE", "SOUTHERN_EUROPE"]);
    expect(regionsIn("American and Texan factories")).toEqual(["NORTH_AMERICA"]);
    expect(regionsIn("Wiener Stadtwerke und Münchner Mittelständler")).toEqual(["DACH"]);
  });

  it("expands a spelling's brace group of endings", () => {
    expect(expandSpelling("deutsch{,e,en}")).toEqual(["deutsch", "deutsche", "deutschen"]);
    expect(expandSpelling("Bavaria")).toEqual(["Bavaria"]);
  });

  it("reads a capitalised name only where the text capitalises it, and a genitive s", () => {
    expect(regionsIn("Portuguese cork producer")).toEqual(["SOUTHERN_EUROPE"]);
    expect(regionsIn("Kommunen leiden unter Kosten, sagt die IHK München")).toEqual(["DACH"]);
    expect(regionsIn("Cork County Council")).toEqual(["WESTERN_EUROPE"]);
    expect(regionsIn("Upphandling till Göteborgs Stad")).toEqual(["NORDICS"]);
    expect(regionsIn("Offices in the Netherlands")).toEqual(["WESTERN_EUROPE"]);
  });

  it("gives a city followed by another country's state or country to that country, every time it is named", () => {
    expect(names("London, Ontario: the City of London tenders an ERP")).toEqual(["Ontario"]);
    expect(regionsIn("Paris, Texas and Birmingham (Alabama)")).toEqual(["NORTH_AMERICA"]);
    expect(regionsIn("Sydney, Nova Scotia")).toEqual(["NORTH_AMERICA"]);
    expect(regionsIn("Valencia, España")).toEqual(["SOUTHERN_EUROPE"]);
    // A list of cities is no qualifier.
    expect(regionsIn("Offices in Munich, Paris and Madrid")).toEqual(["DACH", "WESTERN_EUROPE", "SOUTHERN_EUROPE"]);
  });

  it("knows places outside every region, which name no region", () => {
    const places = findPlaces("Valencia, Venezuela and Córdoba, Argentina", TABLE);
    expect(places.map((p) => [p.name, p.country, p.regionCode])).toEqual([["Venezuela", "VE", null], ["Argentina", "AR", null]]);
    expect(findPlaces("ERP for the Ministry of Finance in Warsaw", TABLE).map((p) => p.country)).toEqual(["PL"]);
    expect(findPlaces("Latin American ERP market", TABLE).map((p) => [p.kind, p.regionCode])).toEqual([["region", null]]);
    expect(regionsIn("Polish factories lure German suppliers")).toEqual(["DACH"]);
  });

  it("reads a name spanning several regions only when nothing more specific is named", () => {
    expect(regionsIn("European manufacturing PMI falls")).toEqual(["DACH", "NORDICS", "WESTERN_EUROPE", "SOUTHERN_EUROPE"]);
    expect(regionsIn("European manufacturers invest in Spain")).toEqual(["SOUTHERN_EUROPE"]);
    expect(regionsIn("European Investment Bank funds a hospital in Kenya")).toEqual([]);
    expect(regionsIn("Tender in Western Europe")).toEqual(["WESTERN_EUROPE"]);
  });

  it("names Japanese prefectures, those that are surnames only with Prefecture or -ken", () => {
    expect(regionsIn("Shizuoka Prefecture invites bids")).toEqual(["APAC"]);
    expect(regionsIn("Kanagawa: ERP for hospitals")).toEqual(["APAC"]);
    expect(regionsIn("Ishikawa-ken procurement")).toEqual(["APAC"]);
    expect(regionsIn("Ken Ishikawa joins the board")).toEqual([]);
  });

  it("leaves out names that are ambiguous unless qualified", () => {
    expect(regionsIn("Georgia signs a trade pact")).toEqual([]);
    expect(regionsIn("State of Georgia Department of Revenue")).toEqual(["NORTH_AMERICA"]);
    expect(regionsIn("Tbilisi, Georgia")).toEqual([]);
    expect(findPlaces("Tbilisi, Georgia", TABLE).map((p) => p.country)).toEqual(["GE"]);
    expect(regionsIn("Victorian Government payroll")).toEqual(["APAC"]);
    expect(regionsIn("Berkshire Hathaway buys a stake")).toEqual([]);
  });
});

describe("the gazetteer's data", () => {
  it("covers every country of the demo regions, each mapped to its region", () => {
    for (const region of DEMO_REGIONS) {
      for (const [country] of region.countries) {
        expect(COUNTRY_PLACES[country], country).toBeDefined();
        expect(COUNTRY_REGION[country]).toBe(region.code);
      }
    }
  });

  it("finds every country by its first name", () => {
    for (const [country, places] of Object.entries(COUNTRY_PLACES)) {
      const first = places.names[0].split("|")[0];
      expect(countriesOfPlaces(findPlaces(`News from ${first} today`, TABLE)), first).toEqual([country]);
    }
  });
});

describe("matchedTerms", () => {
  it("matches configured terms case-insensitively on word boundaries, once each", () => {
    expect(matchedTerms("New erp for the plant; ERP again. Interpret!", ["ERP", "MES"], { caseRule: "ignore" })).toEqual(["ERP"]);
    expect(matchedTerms("Sage X3 end-of-support", ["Sage X3", "end of support"])).toEqual(["Sage X3", "end of support"]);
    expect(matchedTerms("financial management system", ["Finance"], { stems: true })).toEqual(["Finance"]);
    expect(matchedTerms("financial management system", ["Finance"])).toEqual([]);
  });
});
