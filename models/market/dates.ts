// Dates as feeds and tender pages write them (RFC 822 with named zones, ISO 8601, "28-Jan-2020
// 16:00 (GMT 1.00)", "31/10/2014", "January 5, 2020 10am GMT+1"), read to an ISO instant in UTC.
// A date without a zone is taken as UTC; a date without a time as midnight.

const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ["jan", "january", "januar", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen"],
    ["feb", "february", "februar", "fevrier", "fevr", "febrero", "fevereiro", "fev", "febbraio"],
    ["mar", "march", "marz", "maerz", "mars", "marzo", "marco", "mrz"],
    ["apr", "april", "avril", "avr", "abril", "abr", "aprile"],
    ["may", "mai", "mayo", "maio", "maggio", "mag"],
    ["jun", "june", "juni", "juin", "junio", "junho", "giugno", "giu"],
    ["jul", "july", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug"],
    ["aug", "august", "aout", "agosto", "ago"],
    ["sep", "sept", "september", "septembre", "septiembre", "setiembre", "setembro", "set", "settembre"],
    ["oct", "october", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre", "ott"],
    ["nov", "november", "novembre", "noviembre", "novembro"],
    ["dec", "december", "dezember", "dez", "decembre", "diciembre", "dic", "dezembro", "dicembre"],
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
);

/** Zone abbreviations in common use in feeds (RFC 822's own and the usual regional ones), in minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, west: 60, cet: 60, met: 60, cest: 120, mest: 120, eet: 120,
  eest: 180, msk: 180, ist: 330, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600,
  aedt: 660, nzst: 720, nzdt: 780, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
};

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number; offsetMinutes: number };

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function toIso(parts: Parts): string | null {
  const { year, month, day, hour, minute, second, millisecond, offsetMinutes } = parts;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond) - offsetMinutes * 60_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function numericOffset(zone: string): number {
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.replace(/[^0-9]/g, "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

function fraction(digits: string | undefined): number {
  return digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
}

function parseIso(text: string): string | null {
  const m = ISO.exec(text) ?? ISO_BASIC.exec(text);
  if (!m) return null;
  // A year alone ("2014") is too vague to be a timestamp; a bare number is more likely something else.
  if (!m[2]) return null;
  const zone = m[8] ? (/^[+-]/.test(m[8]) ? numericOffset(m[8]) : 0) : 0;
  return toIso({
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3] ?? "1"), hour: Number(m[4] ?? "0"), minute: Number(m[5] ?? "0"),
    second: Number(m[6] ?? "0"), millisecond: fraction(m[7]), offsetMinutes: zone,
  });
}

function monthNumber(word: string): number | null {
  const key = word.normalize("NFD").replace(/[\u0300-\u036f.]/g, "").toLowerCase();
  return Object.hasOwn(MONTHS, key) ? MONTHS[key] : null;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

type DatePart = { year: number; month: number; day: number; rest: string };

const LETTERS = "[\\p{L}]+";
const SEP = "[\\s.,/-]*";
const DAY_FIRST_NAMED = new RegExp(`(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er)?\\.?${SEP}(${LETTERS})\\.?${SEP}(\\d{4}|\\d{2})(?!\\d)`, "giu");
const MONTH_FIRST_NAMED = new RegExp(`(${LETTERS})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)[\\s,]*(\\d{4})(?!\\d)`, "giu");
const YEAR_FIRST = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const NUMERIC = /(?<![\d.])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d])/;

function without(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`;
}

function findDate(text: string): DatePart | null {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) {
    return { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]), rest: without(text, yearFirst.index, yearFirst[0].length) };
  }
  for (const m of text.matchAll(DAY_FIRST_NAMED)) {
    const month = monthNumber(m[2]);
    if (month) return { year: fullYear(m[3]), month, day: Number(m[1]), rest: without(text, m.index, m[0].length) };
  }
  for (const m of text.matchAll(MONTH_FIRST_NAMED)) {
    const month = monthNumber(m[1]);
    if (month) return { year: Number(m[3]), month, day: Number(m[2]), rest: without(text, m.index, m[0].length) };
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    // Day first (31/10/2014), as most of the world writes it; month first only when the day cannot be a month (10/31/2014).
    const [day, month] = second > 12 && first <= 12 ? [second, first] : [first, second];
    return { year: fullYear(numeric[3]), month, day, rest: without(text, numeric.index, numeric[0].length) };
  }
  return null;
}

const TIME = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([ap])\.?\s?m\b\.?)?/i;
const HOUR_ONLY = /(?<![\d:.])(\d{1,2})\s*([ap])\.?\s?m\b\.?/i;
const GMT_OFFSET = /\b(?:gmt|utc|ut)\b\s*(?:([+\-−])\s*(\d{1,2})(?:[:.]?(\d{1,2}))?|(\d{1,2})[.:](\d{1,2}))?/i;
const NUMERIC_ZONE = /(?<![\d:])([+\-−])(\d{2}):?(\d{2})(?!\d)/;

/** "1.00" → 60, "5.30" → 330 (hours.minutes as UNGM writes them), "5.5" → 330 (decimal hours). */
function hoursAndMinutes(sign: number, hours: string, minutes: string | undefined): number {
  if (!minutes) return sign * Number(hours) * 60;
  const extra = minutes.length === 1 ? Number(minutes) * 6 : Number(minutes);
  return sign * (Number(hours) * 60 + extra);
}

function findZone(text: string): number {
  const gmt = GMT_OFFSET.exec(text);
  if (gmt) {
    if (gmt[2]) return hoursAndMinutes(gmt[1] === "+" ? 1 : -1, gmt[2], gmt[3]);
    if (gmt[4]) return hoursAndMinutes(1, gmt[4], gmt[5]);
    return 0;
  }
  const numeric = NUMERIC_ZONE.exec(text);
  if (numeric) return (numeric[1] === "+" ? 1 : -1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  for (const word of text.toLowerCase().match(/\b[a-z]{1,5}\b/g) ?? []) {
    if (Object.hasOwn(ZONES, word)) return ZONES[word];
  }
  return 0;
}

function parseLoose(text: string): string | null {
  // "12 de septiembre de 2019", "5th of January 2020": the joining words carry nothing.
  const date = findDate(text.replace(/\s(?:de|del|of)\s/gi, " "));
  if (!date) return null;
  let rest = date.rest;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  const time = TIME.exec(rest);
  const hourOnly = time ? null : HOUR_ONLY.exec(rest);
  if (time) {
    [hour, minute, second, millisecond] = [Number(time[1]), Number(time[2]), Number(time[3] ?? "0"), fraction(time[4])];
    if (time[5]) hour = (hour % 12) + (time[5].toLowerCase() === "p" ? 12 : 0);
    rest = rest.slice(time.index + time[0].length);
  } else if (hourOnly) {
    hour = (Number(hourOnly[1]) % 12) + (hourOnly[2].toLowerCase() === "p" ? 12 : 0);
    rest = rest.slice(hourOnly.index + hourOnly[0].length);
  }
  const offsetMinutes = time || hourOnly ? findZone(rest) : 0;
  return toIso({ year: date.year, month: date.month, day: date.day, hour, minute, second, millisecond, offsetMinutes });
}

/** An ISO 8601 instant in UTC ("2014-10-31T15:12:00.000Z") from a date as written, or null when none can be read. */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (!trimmed || trimmed.length > 200) return null;
  return parseIso(trimmed) ?? parseLoose(trimmed);
}
