// The gazetteer's places outside the demo's regions, and names that span several regions. A tender
// in Warsaw or Valencia, Venezuela names a place: it must not fall back to the source's regions (or,
// from a global source, to all of them), and "Valencia, Venezuela" is not the Spanish Valencia.
// Countries whose region is a product decision (Mexico, Greece, the Baltics, the rest of Asia) are
// in neither list, so their items keep the source's regions. Spellings as in places-data.ts.

const G = "{,e,en,er,es,em}";

/** Countries (ISO alpha-2) owned by no demo region: names, adjectives and major cities. */
export const WORLD_PLACES: Readonly<Record<string, { names: string; cities: readonly string[] }>> = {
  PL: { names: `Poland|Polska|Polen|Pologne|Polonia|Polish|polnisch${G}|polonais{,e,es}`, cities: ["Warsaw|Warszawa|Warschau|Varsovie", "Kraków|Krakow|Cracow|Krakau", "Wrocław|Wroclaw|Breslau", "Gdańsk|Gdansk|Danzig", "Poznań|Poznan", "Łódź|Lodz"] },
  CZ: { names: `Czech Republic|Czechia|Tschechien|République tchèque|Czech|tschechisch${G}|tchèque{,s}`, cities: ["Prague|Praha|Prag", "Brno"] },
  SK: { names: `Slovakia|Slowakei|Slovaquie|Slovak|slowakisch${G}`, cities: ["Bratislava"] },
  HU: { names: `Hungary|Magyarország|Ungarn|Hongrie|Ungheria|Hungarian|ungarisch${G}`, cities: ["Budapest"] },
  RO: { names: `Romania|Rumänien|Roumanie|Romanian|rumänisch${G}`, cities: ["Bucharest|București|Bukarest", "Cluj-Napoca"] },
  BG: { names: `Bulgaria|Bulgarien|Bulgarie|Bulgarian|bulgarisch${G}`, cities: ["Plovdiv", "Varna"] },
  RS: { names: "Serbia|Serbien|Serbie|Serbian", cities: ["Belgrade|Beograd|Belgrad"] },
  UA: { names: `Ukraine|Ukrainian|ukrainisch${G}`, cities: ["Kyiv|Kiev|Kiew", "Lviv", "Kharkiv", "Odesa|Odessa"] },
  RU: { names: `Russia|Russian Federation|Russland|Russie|Russian|russisch${G}`, cities: ["Moscow|Moskau|Moscou|Moskva", "Novosibirsk"] },
  BY: { names: "Belarus|Belarusian", cities: ["Minsk"] },
  TR: { names: `Turkey|Türkiye|Türkei|Turquie|Turkish|türkisch${G}`, cities: ["Istanbul", "Ankara", "Izmir"] },
  GE: { names: "Republic of Georgia", cities: ["Tbilisi"] },
  AM: { names: "Armenia|Armenian", cities: ["Yerevan"] },
  AZ: { names: "Azerbaijan|Azerbaijani", cities: ["Baku"] },
  KZ: { names: "Kazakhstan|Kazakh", cities: ["Almaty", "Astana"] },
  BR: { names: `Brazil|Brasil|Brasilien|Brésil|Brazilian|brasileir{o,a}|brasilianisch${G}`, cities: ["São Paulo|Sao Paulo", "Rio de Janeiro", "Brasília", "Belo Horizonte", "Porto Alegre", "Curitiba", "Recife", "Manaus"] },
  AR: { names: `Argentina|Argentinien|Argentine|Argentinian|argentinisch${G}`, cities: ["Buenos Aires"] },
  CL: { names: "Chile|Chilean|chilen{o,a}", cities: ["Santiago de Chile", "Valparaíso"] },
  CO: { names: "Colombia|Kolumbien|Colombie|Colombian|colombian{o,a}", cities: ["Bogotá|Bogota", "Medellín|Medellin", "Barranquilla", "Cartagena de Indias"] },
  PE: { names: "Peru|Perú|Peruvian|peruan{o,a}", cities: ["Lima", "Arequipa"] },
  VE: { names: "Venezuela|Venezuelan|venezolan{o,a}", cities: ["Caracas", "Maracaibo"] },
  EC: { names: "Ecuador|Ecuadorian", cities: ["Quito", "Guayaquil"] },
  BO: { names: "Bolivia|Bolivian", cities: ["La Paz", "Santa Cruz de la Sierra"] },
  UY: { names: "Uruguay|Uruguayan", cities: ["Montevideo"] },
  PY: { names: "Paraguay|Paraguayan", cities: ["Asunción"] },
  CU: { names: "Cuba|Cuban", cities: ["Havana|La Habana"] },
  DO: { names: "Dominican Republic|República Dominicana", cities: ["Santo Domingo"] },
  GT: { names: "Guatemala|Guatemalan", cities: [] },
  HN: { names: "Honduras|Honduran", cities: ["Tegucigalpa"] },
  SV: { names: "El Salvador|Salvadoran", cities: ["San Salvador"] },
  NI: { names: "Nicaragua|Nicaraguan", cities: ["Managua"] },
  CR: { names: "Costa Rica|Costa Rican", cities: [] },
  PA: { names: "Panama|Panamá|Panamanian", cities: [] },
  SA: { names: "Saudi Arabia|Kingdom of Saudi Arabia|Saudi", cities: ["Riyadh", "Jeddah", "Dammam"] },
  AE: { names: "United Arab Emirates|UAE|Emirati", cities: ["Dubai", "Abu Dhabi", "Sharjah"] },
  QA: { names: "Qatar|Qatari", cities: ["Doha"] },
  KW: { names: "Kuwait|Kuwaiti", cities: [] },
  BH: { names: "Bahrain", cities: ["Manama"] },
  OM: { names: "Oman|Omani", cities: ["Muscat"] },
  IL: { names: "Israel|Israeli", cities: ["Tel Aviv", "Jerusalem", "Haifa"] },
  LB: { names: "Lebanon|Lebanese", cities: ["Beirut"] },
  IR: { names: "Iran|Iranian", cities: ["Tehran"] },
  IQ: { names: "Iraq|Iraqi", cities: ["Baghdad", "Erbil"] },
  EG: { names: `Egypt|Ägypten|Égypte|Egyptian|ägyptisch${G}`, cities: ["Cairo|Kairo"] },
  MA: { names: "Morocco|Marokko|Maroc|Marocco|Moroccan|marocain{,e,s,es}", cities: ["Casablanca", "Marrakesh|Marrakech", "Tangier|Tanger"] },
  DZ: { names: "Algeria|Algerien|Algérie|Algerian", cities: ["Algiers|Alger"] },
  TN: { names: "Tunisia|Tunesien|Tunisie|Tunisian", cities: ["Tunis"] },
  NG: { names: "Nigeria|Nigerian", cities: ["Abuja", "Kano"] },
  GH: { names: "Ghana|Ghanaian", cities: ["Accra", "Kumasi"] },
  SN: { names: "Senegal|Sénégal|Senegalese", cities: ["Dakar"] },
  CI: { names: "Côte d'Ivoire|Ivory Coast|Ivorian", cities: ["Abidjan"] },
  KE: { names: "Kenya|Kenyan", cities: ["Nairobi", "Mombasa"] },
  ET: { names: "Ethiopia|Ethiopian", cities: ["Addis Ababa"] },
  TZ: { names: "Tanzania|Tanzanian", cities: ["Dar es Salaam", "Dodoma"] },
  UG: { names: "Uganda|Ugandan", cities: ["Kampala"] },
  RW: { names: "Rwanda|Rwandan", cities: ["Kigali"] },
  AO: { names: "Angola|Angolan", cities: ["Luanda"] },
  MZ: { names: "Mozambique|Mosambik|Mozambican", cities: ["Maputo"] },
  ZM: { names: "Zambia|Zambian", cities: ["Lusaka"] },
  ZW: { names: "Zimbabwe|Zimbabwean", cities: ["Harare"] },
  ZA: { names: `South Africa|Südafrika|Afrique du Sud|Sudáfrica|South African|südafrikanisch${G}`, cities: ["Johannesburg", "Cape Town|Kapstadt", "Pretoria", "Durban"] },
};

/** Parts of the world no demo region covers. */
export const WORLD_REGIONS: readonly string[] = [
  "Latin America|Latin American|LATAM|LatAm|Lateinamerika|Amérique latine|America Latina|América Latina",
  "South America|South American|Südamerika", "Central America|Central American|Mittelamerika", "Caribbean",
  "Africa|African|Sub-Saharan Africa|Afrika|Afrique", "Middle East|Middle Eastern|Naher Osten|Nahost|MENA",
  "Eastern Europe|Eastern European|Central and Eastern Europe|Osteuropa|CEE", "Balkans", "Caucasus", "Central Asia",
];

/**
 * Names that span several regions, with the codes they span. They are broad: they count only when
 * the text names no more specific place ("European manufacturers in Spain" is Spain's).
 */
export const MULTI_REGION_NAMES: readonly (readonly [string, readonly string[]])[] = [
  [`Europe|European|pan-European|Europe-wide|Europa|europäisch${G}|européen{,ne,s,nes}|europe{o,a,i,e}`, ["DACH", "NORDICS", "WESTERN_EUROPE", "SOUTHERN_EUROPE"]],
];
