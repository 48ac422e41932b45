/**
 * Time zones as java.time's ZoneId sees them: `ZoneId.of` accepts fixed offsets (`Z`, `+05:00`,
 * `-0830`, `+5`), the prefixes `UTC`, `GMT` and `UT` alone or with an offset, and tz database
 * region IDs (case-sensitive). Region rules come from the platform's Intl time zone data.
 */
import { DateTimeError, floorDiv, SECONDS_PER_DAY } from './calendar.js';

export interface Zone {
  /** ZoneId.getId(): `Z`, `+05:00`, `UTC`, `GMT+02:00`, `America/Los_Angeles`. */
  readonly id: string;
  /** offset: a ZoneOffset; fixed: a ZoneRegion with a fixed offset (UTC, GMT+1); region: tz rules. */
  readonly kind: 'offset' | 'fixed' | 'region';
  /** Total offset seconds of offset and fixed zones. */
  readonly fixed: number;
}

export const UTC_OFFSET: Zone = Object.freeze({ id: 'Z', kind: 'offset', fixed: 0 });

/** The ID java.time gives an offset: `Z`, `+05:00`, `-08:30:15`. */
export function offsetId(seconds: number): string {
  if (seconds === 0) return 'Z';
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor(abs / 60) % 60;
  const s = abs % 60;
  return `${seconds < 0 ? '-' : '+'}${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function offsetZone(seconds: number): Zone {
  return seconds === 0 ? UTC_OFFSET : { id: offsetId(seconds), kind: 'offset', fixed: seconds };
}

/** ZoneOffset.of: `Z`, `+h`, `+hh`, `+hhmm`, `+hh:mm`, `+hhmmss`, `+hh:mm:ss`. */
export function parseOffsetId(text: string): number {
  if (text === 'Z') return 0;
  let id = text;
  let h: number;
  let m = 0;
  let s = 0;
  const num = (at: number, colon: boolean): number => {
    if (colon && id[at - 1] !== ':') throw invalidOffset(text);
    const a = id.charCodeAt(at) - 48;
    const b = id.charCodeAt(at + 1) - 48;
    if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) throw invalidOffset(text);
    return a * 10 + b;
  };
  if (id.length === 2) id = `${id[0]}0${id[1]}`;
  switch (id.length) {
    case 3:
      h = num(1, false);
      break;
    case 5:
      h = num(1, false);
      m = num(3, false);
      break;
    case 6:
      h = num(1, false);
      m = num(4, true);
      break;
    case 7:
      h = num(1, false);
      m = num(3, false);
      s = num(5, false);
      break;
    case 9:
      h = num(1, false);
      m = num(4, true);
      s = num(7, true);
      break;
    default:
      throw new DateTimeError(`Invalid ID for ZoneOffset, invalid format: ${text}`);
  }
  const sign = id[0];
  if (sign !== '+' && sign !== '-') throw new DateTimeError(`Invalid ID for ZoneOffset, plus/minus not found when expected: ${text}`);
  if (h > 18 || m > 59 || s > 59 || (h === 18 && (m > 0 || s > 0))) {
    throw new DateTimeError(`Zone offset not in valid range: -18:00 to +18:00`);
  }
  const total = h * 3600 + m * 60 + s;
  return sign === '-' ? -total : total;
}

function invalidOffset(text: string): DateTimeError {
  return new DateTimeError(`Invalid ID for ZoneOffset, non numeric characters found: ${text}`);
}

// The three-letter IDs java.util.TimeZone knows but ZoneId.of rejects (ZoneId.SHORT_IDS minus the
// tz database's own EST, MST and HST); ICU accepts them as aliases, so they are refused here.
const SHORT_IDS = new Set([
  'ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT',
  'IET', 'IST', 'JST', 'MIT', 'NET', 'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST',
]);

const zoneCache = new Map<string, Zone | string>();

/** ZoneId.of: a zone, or a DateTimeError for an unknown or malformed ID. */
export function zoneOf(id: string): Zone {
  let z = zoneCache.get(id);
  if (z === undefined) {
    try {
      z = resolveZone(id);
    } catch (err) {
      z = (err as Error).message;
    }
    if (zoneCache.size > 1000) zoneCache.clear();
    zoneCache.set(id, z);
  }
  if (typeof z === 'string') throw new DateTimeError(z);
  return z;
}

function resolveZone(id: string): Zone {
  if (id.length <= 1 || id.startsWith('+') || id.startsWith('-')) return offsetZone(parseOffsetId(id));
  if (id.startsWith('UTC') || id.startsWith('GMT')) return withPrefix(id, 3);
  if (id.startsWith('UT')) return withPrefix(id, 2);
  return region(id);
}

function withPrefix(id: string, length: number): Zone {
  const prefix = id.slice(0, length);
  if (id.length === length) return { id: prefix, kind: 'fixed', fixed: 0 };
  if (id[length] !== '+' && id[length] !== '-') return region(id);
  let offset: number;
  try {
    offset = parseOffsetId(id.slice(length));
  } catch {
    throw new DateTimeError(`Invalid ID for offset-based ZoneId: ${id}`);
  }
  return { id: offset === 0 ? prefix : prefix + offsetId(offset), kind: 'fixed', fixed: offset };
}

function region(id: string): Zone {
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) throw new DateTimeError(`Invalid ID for region-based ZoneId, invalid format: ${id}`);
  if (SHORT_IDS.has(id) || !plausibleCase(id) || !intlAccepts(id)) throw new DateTimeError(`Unknown time-zone ID: ${id}`);
  return { id, kind: 'region', fixed: 0 };
}

/**
 * The tz database's IDs are case-sensitive for java.time but not for ICU: every segment starts
 * with a capital, and an all-capital word longer than three letters is never a region's name.
 */
function plausibleCase(id: string): boolean {
  const segments = id.split('/');
  return segments.every((s, i) => /^[A-Z]/.test(s) && (!/^[A-Z_]{4,}$/.test(s) || (i > 0 && segments[0] === 'Etc')));
}

function intlAccepts(id: string): boolean {
  try {
    offsetFormat(id);
    return true;
  } catch {
    return false;
  }
}

// ---- offsets of region zones --------------------------------------------------------------

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(tz: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
    offsetFormats.set(tz, f);
  }
  return f;
}

const MAX_DATE_MS = 8.64e15;

function intlOffset(tz: string, epochSecond: number): number {
  const ms = Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, epochSecond * 1000));
  const text = offsetFormat(tz).format(ms);
  const m = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text);
  if (!m || !m[1]) return 0;
  const total = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -total : total;
}

/** Offsets by hour, for hours in which a zone's offset does not change. */
const hourCache = new Map<string, Map<number, number>>();

/** The zone's offset in seconds at an instant (ZoneRules.getOffset). */
export function offsetAt(zone: Zone, epochSecond: number): number {
  if (zone.kind !== 'region') return zone.fixed;
  const second = Math.floor(epochSecond);
  const hour = floorDiv(second, 3600);
  let cache = hourCache.get(zone.id);
  if (!cache) {
    cache = new Map();
    hourCache.set(zone.id, cache);
  }
  const known = cache.get(hour);
  if (known !== undefined) return known;
  const start = intlOffset(zone.id, hour * 3600);
  const end = intlOffset(zone.id, hour * 3600 + 3599);
  if (start === end) {
    if (cache.size > 50_000) cache.clear();
    cache.set(hour, start);
    return start;
  }
  return intlOffset(zone.id, second);
}

/** The offsets valid for a local date-time (in seconds from the local epoch): none in a gap, two in an overlap. */
export function validOffsets(zone: Zone, localSecond: number): number[] {
  if (zone.kind !== 'region') return [zone.fixed];
  const before = offsetAt(zone, localSecond - SECONDS_PER_DAY);
  const after = offsetAt(zone, localSecond + SECONDS_PER_DAY);
  const out: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    if (offsetAt(zone, localSecond - o) === o) out.push(o);
  }
  return out;
}

export interface Resolved {
  readonly offset: number;
  /** The local seconds, moved forward across a gap. */
  readonly localSecond: number;
}

/** ZonedDateTime.ofLocal: the preferred offset in an overlap if valid, else the earlier one; a gap moves the time forward. */
export function ofLocal(zone: Zone, localSecond: number, preferred?: number): Resolved {
  if (zone.kind !== 'region') return { offset: zone.fixed, localSecond };
  const valid = validOffsets(zone, localSecond);
  if (valid.length === 1) return { offset: valid[0]!, localSecond };
  if (valid.length > 1) return { offset: preferred !== undefined && valid.includes(preferred) ? preferred : valid[0]!, localSecond };
  const before = offsetAt(zone, localSecond - SECONDS_PER_DAY);
  const after = offsetAt(zone, localSecond + SECONDS_PER_DAY);
  return { offset: after, localSecond: localSecond + (after - before) };
}

// ---- names ---------------------------------------------------------------------------------

const GMT_IDS = new Set(['GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Greenwich', 'Etc/Greenwich']);
const UTC_IDS = new Set(['UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu']);

/**
 * Java's English abbreviations of the common metazones, by their long names. ICU's English data
 * abbreviates only the North American zones; Java's also covers these.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Pacific Standard Time': 'PST',
  'Pacific Daylight Time': 'PDT',
  'Mountain Standard Time': 'MST',
  'Mountain Daylight Time': 'MDT',
  'Central Standard Time': 'CST',
  'Central Daylight Time': 'CDT',
  'Eastern Standard Time': 'EST',
  'Eastern Daylight Time': 'EDT',
  'Alaska Standard Time': 'AKST',
  'Alaska Daylight Time': 'AKDT',
  'Hawaii-Aleutian Standard Time': 'HST',
  'Hawaii-Aleutian Daylight Time': 'HDT',
  'Atlantic Standard Time': 'AST',
  'Atlantic Daylight Time': 'ADT',
  'Newfoundland Standard Time': 'NST',
  'Newfoundland Daylight Time': 'NDT',
  'Greenwich Mean Time': 'GMT',
  'British Summer Time': 'BST',
  'Irish Standard Time': 'IST',
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'Moscow Standard Time': 'MSK',
  'India Standard Time': 'IST',
  'Japan Standard Time': 'JST',
  'Korean Standard Time': 'KST',
  'China Standard Time': 'CST',
  'Hong Kong Standard Time': 'HKT',
  'Singapore Standard Time': 'SGT',
  'Taipei Standard Time': 'CST',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
  'Australian Central Standard Time': 'ACST',
  'Australian Central Daylight Time': 'ACDT',
  'Australian Western Standard Time': 'AWST',
  'New Zealand Standard Time': 'NZST',
  'New Zealand Daylight Time': 'NZDT',
  'Israel Standard Time': 'IST',
  'Israel Daylight Time': 'IDT',
  'South Africa Standard Time': 'SAST',
  'East Africa Time': 'EAT',
  'Central Africa Time': 'CAT',
  'West Africa Standard Time': 'WAT',
  'Brasilia Standard Time': 'BRT',
  'Argentina Standard Time': 'ART',
  'Indochina Time': 'ICT',
  'Western Indonesia Time': 'WIB',
  'Gulf Standard Time': 'GST',
  'Pakistan Standard Time': 'PKT',
  'Nepal Time': 'NPT',
  'Arabian Standard Time': 'AST',
  'Iran Standard Time': 'IRST',
  'Iran Daylight Time': 'IRDT',
  'Afghanistan Time': 'AFT',
  'Myanmar Time': 'MMT',
  'Malaysia Time': 'MYT',
  'Central Indonesia Time': 'WITA',
  'Eastern Indonesia Time': 'WIT',
  'Peru Standard Time': 'PET',
  'Colombia Standard Time': 'COT',
  'Venezuela Time': 'VET',
  'Chile Standard Time': 'CLT',
  'Chile Summer Time': 'CLST',
  'Uruguay Standard Time': 'UYT',
  'Bolivia Time': 'BOT',
  'Ecuador Time': 'ECT',
  'Fiji Standard Time': 'FJT',
  'Samoa Standard Time': 'SST',
  'Chamorro Standard Time': 'ChST',
  'Yakutsk Standard Time': 'YAKT',
  'Vladivostok Standard Time': 'VLAT',
  'Yekaterinburg Standard Time': 'YEKT',
  'Omsk Standard Time': 'OMST',
  'Krasnoyarsk Standard Time': 'KRAT',
  'Irkutsk Standard Time': 'IRKT',
  'Novosibirsk Standard Time': 'NOVT',
  'Magadan Standard Time': 'MAGT',
  'Uzbekistan Standard Time': 'UZT',
  'Azores Standard Time': 'AZOT',
  'Azores Summer Time': 'AZOST',
  'Cape Verde Standard Time': 'CVT',
  'Coordinated Universal Time': 'UTC',
};

const nameFormats = new Map<string, Intl.DateTimeFormat>();

function intlName(tz: string, style: 'short' | 'long' | 'shortGeneric' | 'longGeneric', locale: string, epochSecond: number): string {
  const key = `${tz}\u0000${style}\u0000${locale}`;
  let f = nameFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: style });
    nameFormats.set(key, f);
  }
  const ms = Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, epochSecond * 1000));
  return f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

const GMT_STYLE = /^GMT(?:([+-])(\d{1,2})(?::(\d\d))?)?$/;

/** ICU's `GMT+5:30` as Java's `GMT+05:30`. */
function javaGmt(name: string): string | undefined {
  const m = GMT_STYLE.exec(name);
  if (!m) return undefined;
  if (!m[1]) return 'GMT';
  return `GMT${m[1]}${pad2(Number(m[2]))}:${m[3] ?? '00'}`;
}

/** Names by zone and style, per hour in which the zone's offset does not change. */
const nameCache = new Map<string, Map<number, string>>();

/** The zone's display name as DateTimeFormatter prints it for `z`/`zzzz` (`v`/`vvvv` when generic). */
export function zoneName(zone: Zone, epochSecond: number, full: boolean, generic: boolean): string {
  if (zone.kind !== 'region') return computeZoneName(zone, epochSecond, full, generic);
  const key = `${zone.id}|${full ? 'F' : 'S'}${generic ? 'G' : ''}`;
  let cache = nameCache.get(key);
  if (!cache) {
    cache = new Map();
    nameCache.set(key, cache);
  }
  const hour = floorDiv(Math.floor(epochSecond), 3600);
  const known = cache.get(hour);
  if (known !== undefined) return known;
  const name = computeZoneName(zone, epochSecond, full, generic);
  if (offsetAt(zone, hour * 3600) === offsetAt(zone, hour * 3600 + 3599)) {
    if (cache.size > 50_000) cache.clear();
    cache.set(hour, name);
  }
  return name;
}

function computeZoneName(zone: Zone, epochSecond: number, full: boolean, generic: boolean): string {
  if (zone.kind === 'offset') return zone.id;
  if (zone.kind === 'fixed' || GMT_IDS.has(zone.id) || UTC_IDS.has(zone.id)) {
    if (zone.id === 'UTC' || UTC_IDS.has(zone.id)) return full ? 'Coordinated Universal Time' : 'UTC';
    if (zone.id === 'GMT' || GMT_IDS.has(zone.id)) return full ? 'Greenwich Mean Time' : 'GMT';
    return zone.id;
  }
  if (generic) {
    const name = intlName(zone.id, full ? 'longGeneric' : 'shortGeneric', 'en-US', epochSecond);
    return javaGmt(name) ?? name;
  }
  const long = intlName(zone.id, 'long', 'en-US', epochSecond);
  if (full) return javaGmt(long) ?? long;
  const abbreviation = ABBREVIATIONS[long];
  if (abbreviation) return abbreviation;
  for (const locale of ['en-US', 'en-GB']) {
    const short = intlName(zone.id, 'short', locale, epochSecond);
    if (!GMT_STYLE.test(short)) return short;
  }
  return javaGmt(intlName(zone.id, 'short', 'en-US', epochSecond)) ?? long;
}

// ---- zone IDs and names for parsing ----------------------------------------------------------

let allIds: string[] | undefined;

/** The region IDs a text may name (longest first), for VV and z parsing. */
export function availableZoneIds(): readonly string[] {
  if (!allIds) {
    const ids = new Set<string>(Intl.supportedValuesOf('timeZone'));
    for (const extra of [
      'UTC', 'GMT', 'Etc/UTC', 'Etc/GMT', 'Asia/Kolkata', 'US/Pacific', 'US/Eastern', 'US/Central', 'US/Mountain',
      'Europe/Kyiv', 'America/Nuuk', 'Asia/Kathmandu', 'Asia/Ho_Chi_Minh', 'Asia/Yangon', 'Atlantic/Faroe',
      'EST', 'MST', 'HST', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT', 'CET', 'EET', 'MET', 'WET',
    ]) {
      if (intlAccepts(extra)) ids.add(extra);
    }
    allIds = [...ids].sort((a, b) => b.length - a.length);
  }
  return allIds;
}

// Zones whose names a `z` pattern parses to, first listed first claimed.
const NAMED_ZONES = [
  'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Anchorage',
  'Pacific/Honolulu', 'America/Halifax', 'America/St_Johns', 'Europe/London', 'Europe/Dublin', 'Europe/Paris',
  'Europe/Bucharest', 'Europe/Lisbon', 'Europe/Moscow', 'Asia/Kolkata', 'Asia/Tokyo', 'Asia/Seoul',
  'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Singapore', 'Australia/Sydney', 'Australia/Adelaide',
  'Australia/Perth', 'Pacific/Auckland', 'Asia/Jerusalem', 'Africa/Johannesburg', 'Africa/Nairobi',
  'Africa/Maputo', 'Africa/Lagos', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Asia/Bangkok',
  'Asia/Jakarta', 'Asia/Dubai', 'Asia/Karachi',
];

let names: [string, string][] | undefined;

/** Display names (short and long, standard and daylight) with the zone each stands for, longest first. */
export function zoneNamesForParsing(): readonly [string, string][] {
  if (!names) {
    const map = new Map<string, string>([
      ['UTC', 'UTC'],
      ['Coordinated Universal Time', 'UTC'],
      ['GMT', 'GMT'],
      ['Greenwich Mean Time', 'GMT'],
    ]);
    const january = Date.UTC(2021, 0, 15) / 1000;
    const july = Date.UTC(2021, 6, 15) / 1000;
    for (const tz of NAMED_ZONES) {
      if (!intlAccepts(tz)) continue;
      const zone: Zone = { id: tz, kind: 'region', fixed: 0 };
      for (const at of [january, july]) {
        for (const full of [false, true]) {
          for (const generic of [false, true]) {
            const name = zoneName(zone, at, full, generic);
            if (!map.has(name) && !name.startsWith('GMT')) map.set(name, tz);
          }
        }
      }
    }
    names = [...map.entries()].sort((a, b) => b[0].length - a[0].length);
  }
  return names;
}
