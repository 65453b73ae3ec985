// The gazetteer's data: for each country the demo sells in (and a few neighbours its regions
// cover), its names, its states/provinces and its major cities, in English and local spellings.
// Each entry is "Canonical name|other spelling|…"; a spelling may end in one brace group of endings
// ("deutsch{,e,en,er}" is deutsch, deutsche, deutschen, deutscher), for inflected adjectives.
// Names that are also common words or that belong to several countries (Nice, Reading, Victoria,
// Georgia, Zug, Halifax…) are left out on purpose, or given only in a qualified form ("State of
// Georgia", "Shizuoka Prefecture"): a wrong region is worse than none, because the source's own
// regions remain. The names of countries outside every region are in places-world.ts.

export type CountryPlaces = {
  /** The country's names (its own, English, German, French, Italian, Spanish) and adjectives ("Germany|Deutschland|German"). */
  names: readonly string[];
  /** States, provinces, cantons, Länder and historic regions. */
  areas: readonly string[];
  cities: readonly string[];
};

/** Japanese prefectures by name, "… Prefecture" and "…-ken". */
function prefectures(...names: string[]): string[] {
  return names.map((spellings) => {
    const [name, ...others] = spellings.split("|");
    return [name, ...others, `${name} Prefecture`, `${name}-ken`].join("|");
  });
}

/** Prefectures named only with "Prefecture" or "-ken" (Ishikawa, Saga and Nara alone are surnames or words). */
function qualifiedPrefectures(...names: string[]): string[] {
  return names.map((name) => `${name} Prefecture|${name}-ken`);
}

export const COUNTRY_PLACES: Readonly<Record<string, CountryPlaces>> = {
  DE: {
    names: ["Germany|Deutschland|Federal Republic of Germany|Bundesrepublik Deutschland|Allemagne|Germania|Alemania|German|deutsch{,e,en,er,es,em}|allemand{,e,s,es}|tedesc{o,a,hi,he}|alemán|alemana"],
    areas: [
      "Bavaria|Bayern|Bavarian|bayerisch{,e,en,er,es,em}", "Baden-Württemberg", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hesse|Hessen|hessisch{,e,en,er,es,em}",
      "Lower Saxony|Niedersachsen", "Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania", "North Rhine-Westphalia|Nordrhein-Westfalen|NRW",
      "Rhineland-Palatinate|Rheinland-Pfalz", "Saarland", "Saxony|Sachsen|sächsisch{,e,en,er,es,em}", "Saxony-Anhalt|Sachsen-Anhalt", "Schleswig-Holstein",
      "Thuringia|Thüringen", "Franconia|Franken|Franconian|fränkisch{,e,en,er,es,em}", "Swabia|Schwaben|Swabian|schwäbisch{,e,en,er,es,em}", "Ruhr|Ruhrgebiet",
    ],
    cities: [
      "Munich|München|Münchner|Münchener", "Cologne|Köln|Kölner", "Frankfurt|Frankfurt am Main", "Stuttgart|Stuttgarter", "Düsseldorf|Düsseldorfer", "Dortmund", "Essen", "Leipzig|Leipziger",
      "Dresden|Dresdner", "Hanover|Hannover", "Nuremberg|Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster",
      "Karlsruhe", "Mannheim", "Augsburg", "Wiesbaden", "Aachen", "Kiel", "Regensburg", "Ingolstadt", "Wolfsburg", "Heidelberg",
      "Darmstadt", "Ulm", "Magdeburg", "Erfurt", "Rostock", "Mainz", "Saarbrücken", "Potsdam", "Chemnitz", "Würzburg", "Göttingen",
      // The other cities of over 100,000 ("Halle" only qualified: it is also the word for a hall).
      "Gelsenkirchen", "Mönchengladbach", "Braunschweig", "Kassel", "Freiburg im Breisgau|Freiburg", "Krefeld",
      "Halle (Saale)|Halle an der Saale", "Oberhausen", "Lübeck", "Oldenburg", "Osnabrück", "Leverkusen", "Solingen", "Hamm",
      "Ludwigshafen", "Neuss", "Paderborn", "Heilbronn", "Pforzheim", "Offenbach am Main|Offenbach", "Fürth", "Reutlingen",
      "Bremerhaven", "Koblenz", "Bergisch Gladbach", "Erlangen", "Trier", "Jena", "Moers", "Siegen", "Hildesheim", "Cottbus",
      "Salzgitter", "Gütersloh", "Kaiserslautern", "Schwerin", "Zwickau", "Iserlohn", "Gera",
    ],
  },
  AT: {
    names: ["Austria|Österreich|Autriche|Austrian|österreichisch{,e,en,er,es,em}|autrichien{,ne,s,nes}|austriac{o,a,i,he}|austríaco|austríaca"],
    areas: [
      "Vienna|Wien|Viennese|Wiener", "Lower Austria|Niederösterreich", "Upper Austria|Oberösterreich", "Styria|Steiermark|Styrian|steirisch{,e,en,er,es,em}",
      "Tyrol|Tirol|Tyrolean|Tyrolian|Tiroler", "Carinthia|Kärnten|Kärntner", "Salzburg|Salzburger", "Vorarlberg|Vorarlberger", "Burgenland",
    ],
    cities: ["Graz|Grazer", "Linz", "Innsbruck", "Klagenfurt", "Villach", "Wels", "St. Pölten|Sankt Pölten|St Pölten", "Dornbirn", "Leoben", "Bregenz", "Eisenstadt", "Steyr", "Feldkirch"],
  },
  CH: {
    names: ["Switzerland|Schweiz|Suisse|Svizzera|Suiza|Swiss Confederation|Swiss|Schweizer|schweizerisch{,e,en,er,es,em}|suisses|svizzer{o,a,i,e}|suizo|suiza"],
    areas: [
      "Zurich|Zürich|Zürcher", "Bern|Berne|Berner", "Geneva|Genève|Genf|Ginevra", "Basel|Bâle|Basler", "Vaud|Waadt", "Lucerne|Luzern", "Ticino|Tessin",
      "St. Gallen|Sankt Gallen|St Gallen", "Aargau|Argovie", "Valais|Wallis", "Fribourg", "Graubünden|Grisons", "Thurgau", "Solothurn",
    ],
    cities: ["Lausanne", "Winterthur", "Lugano", "Biel/Bienne|Biel|Bienne", "Schaffhausen", "Neuchâtel", "Chur", "Thun", "Aarau", "Olten", "Frauenfeld", "Schwyz"],
  },
  SE: {
    names: ["Sweden|Sverige|Schweden|Suède|Svezia|Suecia|Swedish|svensk{,a,t}|schwedisch{,e,en,er,es,em}|suédois{,e,es}|svedese|sueco|sueca"],
    areas: [
      "Skåne|Scania", "Västra Götaland", "Norrland", "Småland", "Uppland", "Dalarna", "Norrbotten", "Västerbotten", "Västernorrland",
      "Jämtland", "Gävleborg", "Värmland", "Östergötland", "Södermanland", "Västmanland", "Halland", "Blekinge", "Kronoberg", "Gotland",
    ],
    cities: [
      "Stockholm", "Gothenburg|Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Norrköping",
      "Jönköping", "Umeå", "Lund", "Luleå", "Sundsvall", "Gävle",
    ],
  },
  FI: {
    names: ["Finland|Suomi|Finnland|Finlande|Finlandia|Finnish|suomen|suomalai{nen,set,sen}|finnisch{,e,en,er,es,em}|finlandais{,e,es}|finlandese|finlandés|finsk{,a}"],
    areas: ["Uusimaa|Nyland", "Lapland|Lappi", "Pirkanmaa", "Ostrobothnia|Pohjanmaa"],
    cities: ["Helsinki|Helsingfors", "Espoo|Esbo", "Tampere|Tammerfors", "Vantaa", "Oulu|Uleåborg", "Turku|Åbo", "Jyväskylä", "Lahti", "Kuopio"],
  },
  DK: {
    names: ["Denmark|Danmark|Dänemark|Danemark|Danimarca|Dinamarca|Danish|dansk{,e}|dänisch{,e,en,er,es,em}|danois{,e,es}|danese|danés|danesa"],
    areas: ["Jutland|Jylland", "Zealand|Sjælland", "Funen|Fyn", "Bornholm", "Region Midtjylland|Midtjylland|Central Denmark Region", "Nordjylland|North Denmark Region", "Syddanmark|Region of Southern Denmark", "Region Hovedstaden|Capital Region of Denmark"],
    cities: ["Copenhagen|København|Kobenhavn", "Aarhus|Århus", "Odense", "Aalborg|Ålborg", "Esbjerg", "Roskilde"],
  },
  NO: {
    names: ["Norway|Norge|Noreg|Norwegen|Norvège|Norvegia|Noruega|Norwegian|norsk{,e}|norwegisch{,e,en,er,es,em}|norvégien{,ne,s,nes}|norvegese|noruego|noruega"],
    areas: ["Viken", "Vestland", "Trøndelag|Trondelag", "Rogaland", "Nordland", "Innlandet", "Vestfold", "Telemark", "Agder", "Troms", "Finnmark", "Møre og Romsdal"],
    cities: ["Oslo", "Bergen", "Trondheim", "Stavanger", "Drammen", "Tromsø|Tromso", "Kristiansand", "Bodø|Bodo", "Ålesund|Alesund"],
  },
  IS: {
    names: ["Iceland|Ísland|Islande|Islanda|Islandia|Icelandic|isländisch{,e,en,er,es,em}"],
    areas: [],
    cities: ["Reykjavik|Reykjavík"],
  },
  GB: {
    names: ["United Kingdom|UK|U.K.|Great Britain|Britain|British|Großbritannien|Vereinigtes Königreich|Royaume-Uni|Regno Unito|Reino Unido|britisch{,e,en,er,es,em}|britannique{,s}|britannic{o,a,i,he}|británico|británica"],
    areas: [
      "England", "Scotland|Scottish", "Wales|Welsh|Cymru", "Northern Ireland", "Yorkshire", "Lancashire", "Kent", "Cornwall", "Midlands",
      // Counties that name no other place as often (Durham, Norfolk and Suffolk are also in the US).
      "Greater London", "Greater Manchester", "Merseyside", "Tyne and Wear", "Berkshire", "Surrey", "Essex", "Sussex", "Hampshire",
      "Devon", "Dorset", "Somerset", "Cheshire", "Derbyshire", "Lincolnshire", "Oxfordshire", "Hertfordshire", "Buckinghamshire",
      "Gloucestershire", "Wiltshire", "Warwickshire", "Staffordshire", "Shropshire", "Leicestershire", "Nottinghamshire",
      "Northamptonshire", "Cambridgeshire", "Cumbria", "Northumberland",
    ],
    cities: [
      "London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool", "Edinburgh", "Bristol", "Sheffield", "Cardiff",
      "Belfast", "Newcastle upon Tyne|Newcastle", "Nottingham", "Leicester", "Southampton", "Aberdeen", "Oxford", "Cambridge",
      "Coventry", "Brighton", "Plymouth",
    ],
  },
  IE: {
    names: ["Ireland|Éire|Republic of Ireland|Irland|Irlande|Irlanda|Irish|irisch{,e,en,er,es,em}|irlandais{,e,es}|irlandese|irlandés|irlandesa"],
    areas: ["Leinster", "Connacht", "Ulster"],
    cities: ["Dublin|Baile Átha Cliath", "Cork", "Galway", "Limerick", "Waterford"],
  },
  NL: {
    names: ["Netherlands|The Netherlands|Nederland|Niederlande|Pays-Bas|Paesi Bassi|Países Bajos|Holland|Dutch|Nederlands{,e}|niederländisch{,e,en,er,es,em}|néerlandais{,e,es}|olandese|neerlandés|holandés|holandesa"],
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
    names: ["Belgium|België|Belgique|Belgien|Belgio|Bélgica|Belgian|belgisch{,e,en,er,es,em}|belge{,s}|belga"],
    areas: ["Flanders|Vlaanderen|Flandre|Flemish|Vlaams{,e}|flämisch{,e,en,er,es,em}|flamand{,e,s,es}", "Wallonia|Wallonie|Wallonië|Walloon|wallon{,ne,s,nes}", "Brussels-Capital Region|Brussels Capital Region"],
    cities: [
      "Brussels|Bruxelles|Brussel", "Antwerp|Antwerpen|Anvers", "Ghent|Gent|Gand", "Liège|Luik|Lüttich", "Bruges|Brugge",
      "Charleroi", "Leuven|Louvain", "Namur|Namen", "Mechelen|Malines", "Hasselt", "Mons",
    ],
  },
  LU: {
    names: ["Luxembourg|Luxemburg|Lëtzebuerg|Lussemburgo|Luxembourgish|luxemburgisch{,e,en,er,es,em}|luxembourgeois{,e,es}"],
    areas: [],
    cities: ["Esch-sur-Alzette"],
  },
  FR: {
    names: ["France|Frankreich|Francia|Frankrijk|République française|French|français{,e,es}|französisch{,e,en,er,es,em}|frances{e,i}|francés|francesa"],
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
    names: ["Italy|Italia|Italien|Italie|Italië|Italian|italian{o,a,i,e}|italienisch{,e,en,er,es,em}|italien{,ne,s,nes}|italiano"],
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
    names: ["Spain|España|Espana|Spanien|Espagne|Spagna|Spanje|Spanish|español{,a,es,as}|spanisch{,e,en,er,es,em}|espagnol{,e,s,es}|spagnol{o,a,i,e}"],
    areas: [
      "Catalonia|Catalunya|Cataluña|Katalonien|Catalogne|Catalan|catalán|catalana|katalanisch{,e,en,er,es,em}", "Andalusia|Andalucía|Andalusian|andaluz|andaluza", "Basque Country|País Vasco|Euskadi", "Galicia", "Castile and León|Castilla y León",
      "Castilla-La Mancha", "Aragon|Aragón", "Navarre|Navarra", "Canary Islands|Canarias|Islas Canarias", "Balearic Islands|Islas Baleares|Baleares",
      "Asturias", "Cantabria", "Extremadura", "Comunidad de Madrid", "Comunitat Valenciana|Valencian Community",
    ],
    cities: [
      "Madrid", "Barcelona", "Valencia", "Seville|Sevilla", "Zaragoza", "Málaga", "Bilbao", "Murcia", "Palma de Mallorca",
      "Las Palmas", "Alicante", "Valladolid", "Vigo", "Gijón", "A Coruña|La Coruña", "Granada", "Córdoba", "Pamplona", "San Sebastián|Donostia",
    ],
  },
  PT: {
    names: ["Portugal|Portogallo|Portuguese|portugues{a,as,es}|português|portugiesisch{,e,en,er,es,em}|portugais{,e,es}|portoghes{e,i}|portugués"],
    areas: ["Madeira", "Azores|Açores", "Algarve", "Alentejo"],
    cities: ["Lisbon|Lisboa", "Porto|Oporto", "Braga", "Coimbra", "Aveiro", "Setúbal", "Funchal"],
  },
  US: {
    names: ["United States|United States of America|USA|U.S.A.|U.S.|US|Vereinigte Staaten|États-Unis|Etats-Unis|Stati Uniti|Estados Unidos|EE. UU.|EE.UU.|American|amerikanisch{,e,en,er,es,em}|US-amerikanisch{,e,en,er,es,em}|américain{,e,s,es}|statunitense|estadounidense"],
    areas: [
      "California|Californian", "Texas|Texan", "New York State", "State of Georgia|U.S. state of Georgia", "Florida", "Illinois", "Pennsylvania", "Ohio", "Michigan", "North Carolina",
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
    names: ["Canada|Kanada|Canadian|kanadisch{,e,en,er,es,em}|canadien{,ne,s,nes}|canades{e,i}|canadiense"],
    areas: [
      "Ontario", "Quebec|Québec|Québécois|Quebecer|québécoise", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick",
      "Newfoundland and Labrador|Newfoundland", "Prince Edward Island",
    ],
    cities: ["Toronto", "Montreal|Montréal", "Vancouver", "Calgary", "Ottawa", "Edmonton", "Winnipeg", "Quebec City|Ville de Québec", "Mississauga", "Hamilton, Ontario"],
  },
  JP: {
    names: ["Japan|Nippon|Nihon|Japon|Japón|Giappone|Japanese|日本|japanisch{,e,en,er,es,em}|japonais{,e,es}|giappones{e,i}|japonés|japonesa"],
    areas: [
      "Kanto|Kantō|関東", "Kansai|関西", "Hokkaido|Hokkaidō|北海道", "Kyushu|Kyūshū|九州", "Okinawa|沖縄", "Tohoku|Tōhoku|東北", "Chubu|Chūbu",
      // Prefectures; those that are also common surnames or words only with "Prefecture" or "-ken".
      ...prefectures("Aomori", "Iwate", "Fukushima", "Ibaraki", "Tochigi", "Gunma", "Chiba", "Kanagawa", "Niigata", "Yamanashi", "Nagano",
        "Gifu", "Shizuoka", "Aichi", "Hyogo|Hyōgo", "Wakayama", "Tottori", "Okayama", "Tokushima", "Ehime", "Nagasaki", "Kumamoto",
        "Oita|Ōita", "Kagoshima"),
      ...qualifiedPrefectures("Miyagi", "Akita", "Yamagata", "Toyama", "Ishikawa", "Fukui", "Mie", "Shiga", "Nara", "Shimane",
        "Yamaguchi", "Kagawa", "Kochi", "Saga", "Miyazaki", "Saitama", "Hiroshima", "Fukuoka"),
      "Tokyo Metropolis|Tokyo-to", "Osaka Prefecture|Osaka-fu", "Kyoto Prefecture|Kyoto-fu",
    ],
    cities: [
      "Tokyo|Tōkyō|東京", "Osaka|Ōsaka|大阪", "Yokohama|横浜", "Nagoya|名古屋", "Kyoto|Kyōto|京都", "Kobe|Kōbe|神戸",
      "Fukuoka|福岡", "Sapporo|札幌", "Kawasaki", "Hiroshima|広島", "Sendai|仙台", "Saitama",
      "Kitakyushu|Kitakyūshū", "Hamamatsu", "Sagamihara", "Kanazawa", "Utsunomiya", "Matsuyama", "Himeji", "Toyota City",
    ],
  },
  AU: {
    names: ["Australia|Australien|Australie|Commonwealth of Australia|Australian|australisch{,e,en,er,es,em}|australien{,ne,s,nes}|australian{o,a}"],
    areas: ["New South Wales|NSW", "State of Victoria|Victorian Government|Victoria State Government", "Queensland", "Western Australia", "South Australia", "Tasmania", "Northern Territory", "Australian Capital Territory"],
    cities: ["Sydney", "Melbourne", "Brisbane", "Adelaide", "Canberra", "Gold Coast", "Hobart", "Newcastle, New South Wales"],
  },
  NZ: {
    names: ["New Zealand|Aotearoa|Neuseeland|Nouvelle-Zélande|Nuova Zelanda|Nueva Zelanda|New Zealander"],
    areas: [],
    cities: ["Auckland", "Wellington", "Christchurch"],
  },
  SG: {
    names: ["Singapore|Singapur|Singapour|Singaporean|Singapura|新加坡"],
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
 * Names that contain a known place but mean no place; matched (the longest match wins) and then
 * ignored, so "Bank of America" does not read as the United States. Real places outside every
 * region ("Latin America") are in places-world.ts: they name a place nobody owns.
 */
export const NOT_A_REGION: readonly string[] = [
  "Bank of America", "Captain America", "American Express", "Anglo American",
  "Papua New Guinea", "French fries", "French toast", "Dutch auction", "Swiss cheese", "Berkshire Hathaway", "Danish pastry",
];
