// The gazetteer's data: for each country the demo sells in (and a few neighbours its regions
// cover), its names, its states/provinces and its major cities, in English and local spellings.
// Each entry is "Canonical name|other spelling|…". Names that are also common words or that
// belong to several countries (Nice, Reading, Victoria, Georgia, Zug, Halifax…) are left out on
// purpose: a wrong region is worse than none, because the source's own regions remain.

export type CountryPlaces = {
  /** The country's own names and adjectives ("Germany|Deutschland|German"). */
  names: readonly string[];
  /** States, provinces, cantons, Länder and historic regions. */
  areas: readonly string[];
  cities: readonly string[];
};

export const COUNTRY_PLACES: Readonly<Record<string, CountryPlaces>> = {
  DE: {
    names: ["Germany|Deutschland|Federal Republic of Germany|Bundesrepublik Deutschland|German|deutsche|deutschen"],
    areas: [
      "Bavaria|Bayern|Bavarian|bayerische|bayerischen", "Baden-Württemberg", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hesse|Hessen",
      "Lower Saxony|Niedersachsen", "Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania", "North Rhine-Westphalia|Nordrhein-Westfalen|NRW",
      "Rhineland-Palatinate|Rheinland-Pfalz", "Saarland", "Saxony|Sachsen", "Saxony-Anhalt|Sachsen-Anhalt", "Schleswig-Holstein",
      "Thuringia|Thüringen", "Franconia|Franken", "Swabia|Schwaben", "Ruhr|Ruhrgebiet",
    ],
    cities: [
      "Munich|München", "Cologne|Köln", "Frankfurt|Frankfurt am Main", "Stuttgart", "Düsseldorf", "Dortmund", "Essen", "Leipzig",
      "Dresden", "Hanover|Hannover", "Nuremberg|Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster",
      "Karlsruhe", "Mannheim", "Augsburg", "Wiesbaden", "Aachen", "Kiel", "Regensburg", "Ingolstadt", "Wolfsburg", "Heidelberg",
      "Darmstadt", "Ulm", "Magdeburg", "Erfurt", "Rostock", "Mainz", "Saarbrücken", "Potsdam", "Chemnitz", "Würzburg", "Göttingen",
    ],
  },
  AT: {
    names: ["Austria|Österreich|Austrian|österreichische|österreichischen"],
    areas: [
      "Vienna|Wien", "Lower Austria|Niederösterreich", "Upper Austria|Oberösterreich", "Styria|Steiermark", "Tyrol|Tirol",
      "Carinthia|Kärnten", "Salzburg", "Vorarlberg", "Burgenland",
    ],
    cities: ["Graz", "Linz", "Innsbruck", "Klagenfurt", "Villach", "Wels", "St. Pölten|Sankt Pölten|St Pölten", "Dornbirn", "Leoben"],
  },
  CH: {
    names: ["Switzerland|Schweiz|Suisse|Svizzera|Swiss Confederation|Swiss|schweizerische|schweizerischen"],
    areas: [
      "Zurich|Zürich", "Bern|Berne", "Geneva|Genève|Genf|Ginevra", "Basel|Bâle", "Vaud|Waadt", "Lucerne|Luzern", "Ticino|Tessin",
      "St. Gallen|Sankt Gallen|St Gallen", "Aargau|Argovie", "Valais|Wallis", "Fribourg", "Graubünden|Grisons", "Thurgau", "Solothurn",
    ],
    cities: ["Lausanne", "Winterthur", "Lugano", "Biel/Bienne|Biel|Bienne", "Schaffhausen", "Neuchâtel", "Chur"],
  },
  SE: {
    names: ["Sweden|Sverige|Swedish|svenska"],
    areas: ["Skåne|Scania", "Västra Götaland", "Norrland", "Småland", "Uppland", "Dalarna"],
    cities: [
      "Stockholm", "Gothenburg|Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Norrköping",
      "Jönköping", "Umeå", "Lund", "Luleå", "Sundsvall", "Gävle",
    ],
  },
  FI: {
    names: ["Finland|Suomi|Finnish|suomen"],
    areas: ["Uusimaa|Nyland", "Lapland|Lappi", "Pirkanmaa", "Ostrobothnia|Pohjanmaa"],
    cities: ["Helsinki|Helsingfors", "Espoo|Esbo", "Tampere|Tammerfors", "Vantaa", "Oulu|Uleåborg", "Turku|Åbo", "Jyväskylä", "Lahti", "Kuopio"],
  },
  DK: {
    names: ["Denmark|Danmark|Danish|danske"],
    areas: ["Jutland|Jylland", "Zealand|Sjælland", "Funen|Fyn", "Bornholm"],
    cities: ["Copenhagen|København|Kobenhavn", "Aarhus|Århus", "Odense", "Aalborg|Ålborg", "Esbjerg", "Roskilde"],
  },
  NO: {
    names: ["Norway|Norge|Noreg|Norwegian|norske"],
    areas: ["Viken", "Vestland", "Trøndelag|Trondelag", "Rogaland", "Nordland", "Innlandet"],
    cities: ["Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Tromsø|Tromso", "Kristiansand", "Bodø|Bodo", "Ålesund|Alesund"],
  },
  IS: {
    names: ["Iceland|Ísland|Icelandic"],
    areas: [],
    cities: ["Reykjavik|Reykjavík"],
  },
  GB: {
    names: ["United Kingdom|UK|U.K.|Great Britain|Britain|British"],
    areas: ["England", "Scotland|Scottish", "Wales|Welsh|Cymru", "Northern Ireland", "Yorkshire", "Lancashire", "Kent", "Cornwall", "Midlands"],
    cities: [
      "London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool", "Edinburgh", "Bristol", "Sheffield", "Cardiff",
      "Belfast", "Newcastle upon Tyne|Newcastle", "Nottingham", "Leicester", "Southampton", "Aberdeen", "Oxford", "Cambridge",
      "Coventry", "Brighton", "Plymouth",
    ],
  },
  IE: {
    names: ["Ireland|Éire|Republic of Ireland|Irish"],
    areas: ["Leinster", "Connacht", "Ulster"],
    cities: ["Dublin|Baile Átha Cliath", "Cork", "Galway", "Limerick", "Waterford"],
  },
  NL: {
    names: ["Netherlands|The Netherlands|Nederland|Holland|Dutch|Nederlandse"],
    areas: [
      "North Holland|Noord-Holland", "South Holland|Zuid-Holland", "North Brabant|Noord-Brabant", "Gelderland", "Overijssel",
      "Friesland|Fryslân", "Zeeland", "Groningen", "Drenthe", "Flevoland",
    ],
    cities: [
      "Amsterdam", "Rotterdam", "The Hague|Den Haag|'s-Gravenhage", "Utrecht", "Eindhoven", "Tilburg", "Almere", "Breda",
      "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Maastricht", "Leiden", "Delft",
    ],
  },
  BE: {
    names: ["Belgium|België|Belgique|Belgien|Belgian"],
    areas: ["Flanders|Vlaanderen|Flandre", "Wallonia|Wallonie|Wallonië", "Brussels-Capital Region|Brussels Capital Region"],
    cities: [
      "Brussels|Bruxelles|Brussel", "Antwerp|Antwerpen|Anvers", "Ghent|Gent|Gand", "Liège|Luik|Lüttich", "Bruges|Brugge",
      "Charleroi", "Leuven|Louvain", "Namur|Namen", "Mechelen|Malines", "Hasselt", "Mons",
    ],
  },
  LU: {
    names: ["Luxembourg|Luxemburg|Lëtzebuerg|Luxembourgish"],
    areas: [],
    cities: ["Esch-sur-Alzette"],
  },
  FR: {
    names: ["France|French|République française|française|français"],
    areas: [
      "Île-de-France|Ile de France", "Auvergne-Rhône-Alpes", "Occitanie|Occitania", "Brittany|Bretagne", "Normandy|Normandie",
      "Provence-Alpes-Côte d'Azur|Provence|Côte d'Azur|French Riviera", "Hauts-de-France", "Nouvelle-Aquitaine", "Grand Est",
      "Alsace", "Burgundy|Bourgogne", "Pays de la Loire", "Centre-Val de Loire", "Corsica|Corse", "Lorraine",
    ],
    cities: [
      "Paris", "Marseille|Marseilles", "Lyon|Lyons", "Toulouse", "Nantes", "Strasbourg", "Montpellier", "Bordeaux", "Lille",
      "Rennes", "Reims", "Grenoble", "Dijon", "Le Havre", "Saint-Étienne", "Clermont-Ferrand", "Rouen",
    ],
  },
  IT: {
    names: ["Italy|Italia|Italian|italiana|italiano"],
    areas: [
      "Lombardy|Lombardia", "Lazio", "Piedmont|Piemonte", "Veneto", "Tuscany|Toscana", "Emilia-Romagna", "Sicily|Sicilia",
      "Campania", "Sardinia|Sardegna", "Liguria", "Apulia|Puglia", "South Tyrol|Südtirol|Alto Adige", "Trentino", "Calabria",
      "Friuli-Venezia Giulia|Friuli", "Umbria", "Abruzzo",
    ],
    cities: [
      "Rome|Roma", "Milan|Milano", "Naples|Napoli", "Turin|Torino", "Florence|Firenze", "Bologna", "Venice|Venezia",
      "Genoa|Genova", "Palermo", "Verona", "Bari", "Catania", "Padua|Padova", "Brescia", "Bergamo", "Trieste", "Parma", "Modena",
    ],
  },
  ES: {
    names: ["Spain|España|Espana|Spanish|española|español"],
    areas: [
      "Catalonia|Catalunya|Cataluña", "Andalusia|Andalucía", "Basque Country|País Vasco|Euskadi", "Galicia", "Castile and León|Castilla y León",
      "Castilla-La Mancha", "Aragon|Aragón", "Navarre|Navarra", "Canary Islands|Canarias|Islas Canarias", "Balearic Islands|Islas Baleares|Baleares",
      "Asturias", "Cantabria", "Extremadura", "Comunidad de Madrid", "Comunitat Valenciana|Valencian Community",
    ],
    cities: [
      "Madrid", "Barcelona", "Valencia", "Seville|Sevilla", "Zaragoza", "Málaga", "Bilbao", "Murcia", "Palma de Mallorca",
      "Las Palmas", "Alicante", "Valladolid", "Vigo", "Gijón", "A Coruña|La Coruña", "Granada", "Córdoba", "Pamplona", "San Sebastián|Donostia",
    ],
  },
  PT: {
    names: ["Portugal|Portuguese|portuguesa"],
    areas: ["Madeira", "Azores|Açores", "Algarve", "Alentejo"],
    cities: ["Lisbon|Lisboa", "Porto|Oporto", "Braga", "Coimbra", "Aveiro", "Setúbal", "Funchal"],
  },
  US: {
    names: ["United States|United States of America|USA|U.S.A.|U.S.|US"],
    areas: [
      "California", "Texas", "New York State", "Florida", "Illinois", "Pennsylvania", "Ohio", "Michigan", "North Carolina",
      "New Jersey", "Virginia", "Washington State", "Massachusetts", "Arizona", "Tennessee", "Indiana", "Missouri", "Maryland",
      "Wisconsin", "Colorado", "Minnesota", "South Carolina", "Alabama", "Louisiana", "Kentucky", "Oregon", "Oklahoma",
      "Connecticut", "Utah", "Iowa", "Nevada", "Arkansas", "Mississippi", "Kansas", "New Mexico", "Nebraska", "Idaho",
      "West Virginia", "Hawaii", "New Hampshire", "Maine", "Montana", "Rhode Island", "Delaware", "South Dakota", "North Dakota",
      "Alaska", "Vermont", "Wyoming", "New England", "Silicon Valley", "Midwest",
    ],
    cities: [
      "New York City|New York|NYC", "Los Angeles", "Chicago", "Houston", "Philadelphia", "San Antonio", "San Diego", "Dallas",
      "Seattle", "Boston", "Atlanta", "Denver", "Detroit", "Miami", "Minneapolis", "Pittsburgh", "Cleveland", "Baltimore",
      "San Francisco", "Nashville", "Las Vegas", "Milwaukee", "Indianapolis", "St. Louis|Saint Louis", "Washington, D.C.|Washington D.C.|Washington DC",
      "Sacramento", "Salt Lake City", "Raleigh", "Cincinnati", "Kansas City", "New Orleans", "Tampa", "Orlando",
    ],
  },
  CA: {
    names: ["Canada|Canadian"],
    areas: [
      "Ontario", "Quebec|Québec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick",
      "Newfoundland and Labrador|Newfoundland", "Prince Edward Island",
    ],
    cities: ["Toronto", "Montreal|Montréal", "Vancouver", "Calgary", "Ottawa", "Edmonton", "Winnipeg", "Quebec City|Ville de Québec", "Mississauga", "Hamilton, Ontario"],
  },
  JP: {
    names: ["Japan|Nippon|Nihon|Japanese|日本"],
    areas: ["Kanto|Kantō|関東", "Kansai|関西", "Hokkaido|Hokkaidō|北海道", "Kyushu|Kyūshū|九州", "Okinawa|沖縄", "Tohoku|Tōhoku|東北", "Chubu|Chūbu"],
    cities: [
      "Tokyo|Tōkyō|東京", "Osaka|Ōsaka|大阪", "Yokohama|横浜", "Nagoya|名古屋", "Kyoto|Kyōto|京都", "Kobe|Kōbe|神戸",
      "Fukuoka|福岡", "Sapporo|札幌", "Kawasaki", "Hiroshima|広島", "Sendai|仙台", "Saitama",
    ],
  },
  AU: {
    names: ["Australia|Australian|Commonwealth of Australia"],
    areas: ["New South Wales|NSW", "Queensland", "Western Australia", "South Australia", "Tasmania", "Northern Territory", "Australian Capital Territory"],
    cities: ["Sydney", "Melbourne", "Brisbane", "Adelaide", "Canberra", "Gold Coast", "Hobart", "Newcastle, New South Wales"],
  },
  NZ: {
    names: ["New Zealand|Aotearoa"],
    areas: [],
    cities: ["Auckland", "Wellington", "Christchurch"],
  },
  SG: {
    names: ["Singapore|Singaporean|Singapura|新加坡"],
    areas: [],
    cities: ["Jurong", "Changi"],
  },
};

/**
 * Countries a region of the demo covers beyond the ones its partners sit in (DEMO_REGIONS):
 * a tender in Luxembourg belongs to Western Europe even though no demo partner is there.
 */
export const NEIGHBOUR_REGIONS: Readonly<Record<string, string>> = {
  LU: "WESTERN_EUROPE",
  LI: "DACH",
  IS: "NORDICS",
  NZ: "APAC",
};

/** Names of the regions themselves, by region code. Region names in the region table are added at run time. */
export const REGION_NAMES: Readonly<Record<string, readonly string[]>> = {
  DACH: ["DACH", "D-A-CH", "German-speaking countries"],
  NORDICS: ["Nordics", "Nordic countries", "Nordic", "Scandinavia", "Scandinavian", "Norden"],
  WESTERN_EUROPE: ["Western Europe", "Benelux", "British Isles"],
  SOUTHERN_EUROPE: ["Southern Europe", "Iberia", "Iberian Peninsula", "Iberian"],
  NORTH_AMERICA: ["North America", "North American"],
  APAC: ["Asia-Pacific", "Asia Pacific", "APAC", "ANZ", "Australasia", "Oceania"],
};

/**
 * Names that contain a known place but mean somewhere else; matched (the longest match wins) and
 * then ignored, so "Latin America" does not read as North America, nor "Papua New Guinea" as anything.
 */
export const NOT_A_REGION: readonly string[] = [
  "Latin America", "Latin American", "South America", "Central America",
  "Bank of America", "Captain America", "American Express", "Papua New Guinea",
  "French fries", "Dutch auction",
];
