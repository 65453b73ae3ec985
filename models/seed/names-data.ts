// Word lists for the demo's company and person names, per country and language, so a German
// customer reads "Bergmann Logistik GmbH" and an Italian one "Logistica Rossi S.r.l.".
import type { DemoIndustry } from "./catalog.ts";

export type Language = "de" | "sv" | "fi" | "da" | "no" | "en" | "nl" | "fr" | "it" | "es" | "pt" | "ja";

export type CountryNaming = {
  languages: readonly (readonly [Language, number])[];
  /** Legal forms with their relative frequency. */
  legalForms: readonly (readonly [string, number])[];
  /** Top-level domain under which companies register (e.g. "co.uk"). */
  tld: string;
  timeZones: readonly string[];
};

export const COUNTRY_NAMING: Readonly<Record<string, CountryNaming>> = {
  DE: { languages: [["de", 1]], legalForms: [["GmbH", 6], ["AG", 2], ["GmbH & Co. KG", 2]], tld: "de", timeZones: ["Europe/Berlin"] },
  AT: { languages: [["de", 1]], legalForms: [["GmbH", 7], ["AG", 2]], tld: "at", timeZones: ["Europe/Vienna"] },
  CH: { languages: [["de", 7], ["fr", 3]], legalForms: [["AG", 6], ["GmbH", 4]], tld: "ch", timeZones: ["Europe/Zurich"] },
  SE: { languages: [["sv", 1]], legalForms: [["AB", 1]], tld: "se", timeZones: ["Europe/Stockholm"] },
  FI: { languages: [["fi", 1]], legalForms: [["Oy", 8], ["Oyj", 2]], tld: "fi", timeZones: ["Europe/Helsinki"] },
  DK: { languages: [["da", 1]], legalForms: [["A/S", 7], ["ApS", 3]], tld: "dk", timeZones: ["Europe/Copenhagen"] },
  NO: { languages: [["no", 1]], legalForms: [["AS", 8], ["ASA", 2]], tld: "no", timeZones: ["Europe/Oslo"] },
  GB: { languages: [["en", 1]], legalForms: [["Ltd", 8], ["PLC", 2]], tld: "co.uk", timeZones: ["Europe/London"] },
  IE: { languages: [["en", 1]], legalForms: [["Ltd", 8], ["DAC", 2]], tld: "ie", timeZones: ["Europe/Dublin"] },
  NL: { languages: [["nl", 1]], legalForms: [["B.V.", 8], ["N.V.", 2]], tld: "nl", timeZones: ["Europe/Amsterdam"] },
  BE: { languages: [["nl", 6], ["fr", 4]], legalForms: [["NV", 4], ["BV", 3], ["S.A.", 3]], tld: "be", timeZones: ["Europe/Brussels"] },
  FR: { languages: [["fr", 1]], legalForms: [["SAS", 5], ["S.A.", 3], ["SARL", 2]], tld: "fr", timeZones: ["Europe/Paris"] },
  IT: { languages: [["it", 1]], legalForms: [["S.r.l.", 6], ["S.p.A.", 4]], tld: "it", timeZones: ["Europe/Rome"] },
  ES: { languages: [["es", 1]], legalForms: [["S.L.", 6], ["S.A.", 4]], tld: "es", timeZones: ["Europe/Madrid"] },
  PT: { languages: [["pt", 1]], legalForms: [["Lda.", 6], ["S.A.", 4]], tld: "pt", timeZones: ["Europe/Lisbon"] },
  US: { languages: [["en", 1]], legalForms: [["Inc.", 6], ["LLC", 3], ["Corp.", 1]], tld: "com", timeZones: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"] },
  CA: { languages: [["en", 1]], legalForms: [["Inc.", 6], ["Ltd.", 4]], tld: "ca", timeZones: ["America/Toronto", "America/Vancouver"] },
  JP: { languages: [["ja", 1]], legalForms: [["K.K.", 7], ["Co., Ltd.", 3]], tld: "co.jp", timeZones: ["Asia/Tokyo"] },
  AU: { languages: [["en", 1]], legalForms: [["Pty Ltd", 1]], tld: "com.au", timeZones: ["Australia/Sydney", "Australia/Melbourne"] },
  SG: { languages: [["en", 1]], legalForms: [["Pte. Ltd.", 1]], tld: "com.sg", timeZones: ["Asia/Singapore"] },
};

/** Every legal form any demo name may carry, plus common long forms, for normalization. */
export const LEGAL_FORMS: readonly string[] = [
  ...new Set(Object.values(COUNTRY_NAMING).flatMap((c) => c.legalForms.map(([form]) => form))),
  "KG", "Limited", "Incorporated", "Corporation", "Co.", "S.L.U.", "SE", "Oy Ab", "S.A.S.", "S.à r.l.",
];

export type LanguageWords = {
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Regions, rivers and landmarks that companies are named after. */
  places: readonly string[];
  industryWords: Readonly<Record<DemoIndustry, string>>;
  /** Romance languages put the trade first: "Logistica Rossi". */
  industryFirst: boolean;
  qualifiers: readonly string[];
  /** What an IT partner calls itself: "Systemhaus", "Informatica". */
  itWords: readonly string[];
};

const industries = (w: readonly string[]): Record<DemoIndustry, string> => ({
  "Manufacturing": w[0], "Automotive": w[1], "Food & Beverage": w[2], "Retail": w[3],
  "Wholesale & Distribution": w[4], "Logistics": w[5], "Construction": w[6], "Healthcare": w[7],
  "Pharma & Life Sciences": w[8], "Energy & Utilities": w[9], "Professional Services": w[10],
});

export const LANGUAGE_WORDS: Readonly<Record<Language, LanguageWords>> = {
  de: {
    firstNames: ["Julia", "Markus", "Anna", "Thomas", "Katrin", "Stefan", "Lena", "Michael", "Sabine", "Jonas", "Claudia", "Felix"],
    lastNames: ["Becker", "Schneider", "Fischer", "Weber", "Wagner", "Hoffmann", "Schulz", "Koch", "Richter", "Wolf", "Neumann", "Bergmann", "Keller", "Brandt", "Lindner", "Albrecht"],
    places: ["Rhein", "Hansa", "Alpen", "Elbe", "Donau", "Schwaben", "Isar", "Harz", "Weser", "Bodensee", "Taunus", "Main"],
    industryWords: industries(["Maschinenbau", "Fahrzeugteile", "Lebensmittel", "Handelshaus", "Großhandel", "Logistik", "Bau", "Medizintechnik", "Pharma", "Energietechnik", "Beratung"]),
    industryFirst: false,
    qualifiers: ["Gruppe", "Nord", "Süd", "Werke", "Technik", "Service", "International", "Holding"],
    itWords: ["Systemhaus", "Informatik", "IT-Solutions", "Business Software", "Consulting"],
  },
  sv: {
    firstNames: ["Erik", "Anna", "Lars", "Karin", "Johan", "Maria", "Anders", "Sara", "Per", "Emma"],
    lastNames: ["Lindqvist", "Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Ekström", "Sandberg", "Nyström"],
    places: ["Norrland", "Svea", "Göta", "Mälar", "Vänern", "Dala", "Skåne", "Fjäll", "Roslagen", "Bergslagen"],
    industryWords: industries(["Mekaniska", "Fordonsteknik", "Livsmedel", "Handel", "Grossist", "Logistik", "Bygg", "Medicinteknik", "Läkemedel", "Energi", "Konsult"]),
    industryFirst: false,
    qualifiers: ["Nord", "Syd", "Gruppen", "Teknik", "Service", "International"],
    itWords: ["IT", "Systems", "Konsult", "Affärssystem"],
  },
  fi: {
    firstNames: ["Mikko", "Laura", "Juha", "Anna", "Timo", "Sanna", "Jari", "Hanna", "Antti", "Elina"],
    lastNames: ["Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen", "Lehtonen"],
    places: ["Pohjola", "Saimaa", "Karjala", "Häme", "Savo", "Lappi", "Pirkka", "Kaleva", "Aura", "Kymi"],
    industryWords: industries(["Konepaja", "Autotekniikka", "Elintarvike", "Kauppa", "Tukku", "Logistiikka", "Rakennus", "Terveystekniikka", "Lääke", "Energia", "Konsultointi"]),
    industryFirst: false,
    qualifiers: ["Group", "Palvelut", "Tekniikka", "International", "Yhtiöt"],
    itWords: ["IT", "Solutions", "Ohjelmistot", "Consulting"],
  },
  da: {
    firstNames: ["Mads", "Sofie", "Lars", "Mette", "Søren", "Camilla", "Henrik", "Line", "Jens", "Ida"],
    lastNames: ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen"],
    places: ["Fyn", "Jylland", "Øresund", "Limfjord", "Sjælland", "Vesterhav", "Himmerland", "Skagen"],
    industryWords: industries(["Maskinfabrik", "Autodele", "Fødevarer", "Handel", "Engros", "Logistik", "Byg", "Medico", "Pharma", "Energi", "Rådgivning"]),
    industryFirst: false,
    qualifiers: ["Gruppen", "Nord", "Syd", "Teknik", "Service", "International"],
    itWords: ["IT", "Systems", "Rådgivning"],
  },
  no: {
    firstNames: ["Ole", "Ingrid", "Lars", "Kari", "Magnus", "Silje", "Henrik", "Nora", "Anders", "Marte"],
    lastNames: ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Nilsen", "Kristiansen", "Berg", "Haugen", "Solberg"],
    places: ["Fjord", "Nordkapp", "Vestland", "Trønder", "Hardanger", "Lofoten", "Romsdal", "Agder", "Viken"],
    industryWords: industries(["Mekaniske", "Bildeler", "Matvarer", "Handel", "Engros", "Logistikk", "Bygg", "Medisinsk", "Farma", "Kraft", "Rådgivning"]),
    industryFirst: false,
    qualifiers: ["Gruppen", "Nord", "Vest", "Teknikk", "Service", "International"],
    itWords: ["IT", "Systemer", "Consulting"],
  },
  en: {
    firstNames: ["James", "Emily", "Oliver", "Sarah", "Daniel", "Hannah", "Michael", "Laura", "David", "Sophie", "Ryan", "Megan"],
    lastNames: ["Smith", "Johnson", "Brown", "Taylor", "Walker", "Wilson", "Clarke", "Murphy", "Bennett", "Hughes", "Carter", "Mitchell"],
    places: ["Summit", "Northgate", "Redwood", "Pinecrest", "Riverside", "Granite", "Beacon", "Sterling", "Oakridge", "Fairview", "Lakeshore", "Harbor"],
    industryWords: industries(["Manufacturing", "Automotive", "Foods", "Retail", "Distribution", "Logistics", "Construction", "Medical", "Pharmaceuticals", "Energy", "Consulting"]),
    industryFirst: false,
    qualifiers: ["Group", "Holdings", "International", "Partners", "Services", "North", "West", "Industries"],
    itWords: ["Solutions", "Systems", "Consulting", "Technologies", "Business Software", "Digital"],
  },
  nl: {
    firstNames: ["Daan", "Sanne", "Bram", "Lotte", "Thijs", "Femke", "Ruben", "Eva", "Joost", "Anouk"],
    lastNames: ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Peeters"],
    places: ["Zeeland", "Brabant", "Hollands", "Maas", "Veluwe", "Friesland", "Delta", "Kempen", "Twente", "Rijnmond"],
    industryWords: industries(["Machinebouw", "Autotechniek", "Voeding", "Retail", "Groothandel", "Logistiek", "Bouw", "Medische Techniek", "Farma", "Energie", "Advies"]),
    industryFirst: false,
    qualifiers: ["Groep", "Noord", "Zuid", "Techniek", "Service", "International", "Holding"],
    itWords: ["ICT", "Solutions", "Automatisering", "Consultancy"],
  },
  fr: {
    firstNames: ["Camille", "Nicolas", "Julie", "Pierre", "Claire", "Antoine", "Sophie", "Julien", "Marie", "Thomas"],
    lastNames: ["Martin", "Bernard", "Dubois", "Durand", "Moreau", "Laurent", "Lefèvre", "Girard", "Mercier", "Fontaine"],
    places: ["Provence", "Atlantique", "Loire", "Rhône", "Alsace", "Bretagne", "Normandie", "Garonne", "Lyonnaise", "Dauphiné"],
    industryWords: industries(["Mécanique", "Équipements Auto", "Alimentaire", "Commerce", "Négoce", "Logistique", "Construction", "Médical", "Pharma", "Énergie", "Conseil"]),
    industryFirst: true,
    qualifiers: ["Groupe", "Industries", "Services", "International", "Ouest", "Sud", "Est"],
    itWords: ["Informatique", "Solutions", "Conseil", "Systèmes"],
  },
  it: {
    firstNames: ["Marco", "Giulia", "Luca", "Francesca", "Andrea", "Chiara", "Matteo", "Sara", "Paolo", "Elena"],
    lastNames: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"],
    places: ["Lombarda", "Adriatica", "Padana", "Toscana", "Tirrenica", "Veneta", "Emiliana", "Ligure", "Sabauda", "Etrusca"],
    industryWords: industries(["Meccanica", "Componenti Auto", "Alimentari", "Commercio", "Distribuzione", "Logistica", "Costruzioni", "Medicale", "Farmaceutici", "Energia", "Consulenza"]),
    industryFirst: true,
    qualifiers: ["Group", "Industrie", "Servizi", "Nord", "Sud", "International", "Italia"],
    itWords: ["Informatica", "Sistemi", "Consulting", "Soluzioni"],
  },
  es: {
    firstNames: ["Javier", "Lucía", "Carlos", "María", "Pablo", "Laura", "Alejandro", "Carmen", "Diego", "Elena"],
    lastNames: ["García", "Martínez", "López", "Sánchez", "González", "Fernández", "Romero", "Navarro", "Torres", "Ruiz"],
    places: ["Iberia", "Levante", "Cantábrico", "Castilla", "Aragonesa", "Andaluza", "Galaica", "Mediterránea", "Navarra", "Ebro"],
    industryWords: industries(["Mecanizados", "Automoción", "Alimentación", "Comercial", "Distribuciones", "Logística", "Construcciones", "Médica", "Farmacéutica", "Energía", "Consultores"]),
    industryFirst: true,
    qualifiers: ["Grupo", "Industrial", "Servicios", "Norte", "Levante", "Internacional", "Ibérica"],
    itWords: ["Informática", "Sistemas", "Soluciones", "Consultoría"],
  },
  pt: {
    firstNames: ["João", "Ana", "Pedro", "Inês", "Miguel", "Sofia", "Tiago", "Beatriz", "Rui", "Catarina"],
    lastNames: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Almeida"],
    places: ["Lusitana", "Tejo", "Douro", "Minho", "Atlântico", "Algarve", "Beira", "Mondego", "Alentejo", "Ribatejo"],
    industryWords: industries(["Metalomecânica", "Componentes Auto", "Alimentar", "Comércio", "Distribuição", "Logística", "Construções", "Médica", "Farmacêutica", "Energia", "Consultoria"]),
    industryFirst: true,
    qualifiers: ["Grupo", "Industrial", "Serviços", "Norte", "Sul", "Internacional", "Ibérica"],
    itWords: ["Informática", "Sistemas", "Soluções", "Consultoria"],
  },
  ja: {
    firstNames: ["Hiroshi", "Yuki", "Takashi", "Aiko", "Kenji", "Naoko", "Daisuke", "Emi", "Satoshi", "Mai"],
    lastNames: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato"],
    places: ["Sakura", "Fujimi", "Kansai", "Hokuto", "Aoyama", "Shinwa", "Daiichi", "Tokai", "Kyokuto", "Nishiki"],
    industryWords: industries(["Seiki", "Jidosha Buhin", "Shokuhin", "Shoten", "Shoji", "Butsuryu", "Kensetsu", "Iryo Kiki", "Seiyaku", "Denki", "Consulting"]),
    industryFirst: false,
    qualifiers: ["Kogyo", "Sangyo", "Holdings", "Hanbai", "Kaihatsu", "International"],
    itWords: ["Systems", "Solutions", "Joho System"],
  },
};

/** Coined brand parts for partner names: "Nord" + "logic" = "Nordlogic". */
export const BRAND_HEADS = [
  "Nord", "Alp", "Blue", "Bright", "Clear", "Core", "Data", "Peak", "Prime", "Nova", "Astra", "Terra",
  "Vertex", "Helix", "Orbit", "Silver", "Summit", "Inter", "Logi", "Infra", "Stella", "Arc", "Atlas", "Lumen",
] as const;
export const BRAND_TAILS = ["soft", "logic", "ware", "point", "sys", "bridge", "data", "line", "works", "net", "tec", "path"] as const;
export const DISTRIBUTOR_WORDS = ["Distribution", "Software Distribution", "Channel Services"] as const;
