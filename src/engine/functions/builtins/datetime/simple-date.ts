/**
 * PARSE_DATE parses with Apache Commons' FastDateFormat in GMT, which follows
 * java.text.SimpleDateFormat's pattern letters (G y Y M L w W D d F E u a H k K h m s S z Z X) and
 * its lenient java.util.GregorianCalendar: numbers take all their digits unless another number
 * follows directly (then exactly the pattern's width), leading spaces before a number are
 * skipped, texts match case-insensitively in short or long form, out-of-range values roll over
 * (February 30 is March 2), missing fields default to 1970-01-01, trailing text is ignored, and
 * dates before 1582-10-15 are Julian.
 */
import { DateTimeError, epochDay, floorDiv, floorMod, MILLIS_PER_DAY, MONTH_NAMES, DAY_NAMES } from './calendar.js';
import { zoneOf, offsetAt, zoneNamesForParsing } from './zones.js';

// java.util.Calendar field numbers.
const ERA = 0;
const YEAR = 1;
const MONTH = 2;
const WEEK_OF_YEAR = 3;
const WEEK_OF_MONTH = 4;
const DAY_OF_MONTH = 5;
const DAY_OF_YEAR = 6;
const DAY_OF_WEEK = 7;
const DAY_OF_WEEK_IN_MONTH = 8;
const AM_PM = 9;
const HOUR = 10;
const HOUR_OF_DAY = 11;
const MINUTE = 12;
const SECOND = 13;
const MILLISECOND = 14;
const ZONE_OFFSET = 15;
const FIELD_COUNT = 16;

class Calendar {
  readonly values = new Array<number>(FIELD_COUNT).fill(0);
  readonly stamps = new Array<number>(FIELD_COUNT).fill(0);
  private next = 2;

  set(field: number, value: number): void {
    this.values[field] = value;
    this.stamps[field] = this.next++;
  }
}

interface Strategy {
  readonly number: boolean;
  /** Parses at pos; returns the new position or -1. */
  parse(cal: Calendar, text: string, pos: number, maxWidth: number): number;
}

function isWhitespace(ch: string): boolean {
  return /\s/.test(ch);
}

class NumberStrategy implements Strategy {
  readonly number = true;
  constructor(
    readonly field: number,
    readonly modify: (v: number) => number = (v) => v,
  ) {}
  parse(cal: Calendar, text: string, pos: number, maxWidth: number): number {
    let idx = pos;
    let last = text.length;
    if (maxWidth === 0) {
      while (idx < last && isWhitespace(text[idx]!)) idx++;
      pos = idx;
    } else if (last > idx + maxWidth) {
      last = idx + maxWidth;
    }
    while (idx < last && text[idx]! >= '0' && text[idx]! <= '9') idx++;
    if (idx === pos) return -1;
    const value = Number(text.slice(pos, idx));
    if (value > 2_147_483_647) throw new DateTimeError(`For input string: "${text.slice(pos, idx)}"`);
    cal.set(this.field, this.modify(value));
    return idx;
  }
}

class LiteralStrategy implements Strategy {
  readonly number = false;
  constructor(readonly literal: string) {}
  parse(_cal: Calendar, text: string, pos: number): number {
    return text.startsWith(this.literal, pos) ? pos + this.literal.length : -1;
  }
}

class TextStrategy implements Strategy {
  readonly number = false;
  /** Lower-cased texts, longest first. */
  private readonly texts: [string, number][];
  constructor(
    readonly field: number,
    entries: [string, number][],
  ) {
    const map = new Map<string, number>();
    for (const [t, v] of entries) map.set(t.toLowerCase(), v);
    this.texts = [...map.entries()].sort((a, b) => b[0].length - a[0].length);
  }
  parse(cal: Calendar, text: string, pos: number): number {
    const rest = text.slice(pos).toLowerCase();
    for (const [t, v] of this.texts) {
      if (rest.startsWith(t)) {
        cal.set(this.field, v);
        return pos + t.length;
      }
    }
    return -1;
  }
}

/** Time zones: `+hhmm`, `GMT+h:mm`, ISO `Z`/`+hh`/`+hhmm`/`+hh:mm`, names. */
class ZoneStrategy implements Strategy {
  readonly number = false;
  constructor(readonly iso: 0 | 1 | 2 | 3) {}
  parse(cal: Calendar, text: string, pos: number): number {
    const rest = text.slice(pos);
    const iso = [
      /^(?:[+-]\d{4}|GMT[+-]\d{1,2}:\d{2})/i,
      /^(?:Z|[+-]\d{2})/,
      /^(?:Z|[+-]\d{2}\d{2})/,
      /^(?:Z|[+-]\d{2}:\d{2})/,
    ][this.iso]!;
    const m = iso.exec(rest);
    if (m) {
      cal.set(ZONE_OFFSET, zoneOffsetMillis(m[0]));
      return pos + m[0].length;
    }
    if (this.iso !== 0) return -1;
    const lower = rest.toLowerCase();
    for (const [name, id] of zoneNamesForParsing()) {
      if (lower.startsWith(name.toLowerCase())) {
        const zone = zoneOf(id);
        cal.set(ZONE_OFFSET, offsetAt(zone, Date.now() / 1000) * 1000);
        return pos + name.length;
      }
    }
    return -1;
  }
}

function zoneOffsetMillis(text: string): number {
  if (text === 'Z') return 0;
  const m = /^(?:GMT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(text)!;
  const total = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
  return m[1] === '-' ? -total : total;
}

const MONTH_TEXTS: [string, number][] = MONTH_NAMES.flatMap((m, i) => [[m, i] as [string, number], [m.slice(0, 3), i] as [string, number]]);
// Calendar.DAY_OF_WEEK: Sunday 1 ... Saturday 7.
const DAY_TEXTS: [string, number][] = DAY_NAMES.flatMap((d, i) => [[d, ((i + 1) % 7) + 1] as [string, number], [d.slice(0, 3), ((i + 1) % 7) + 1] as [string, number]]);

function twoDigitYear(v: number): number {
  if (v >= 100) return v;
  // Two-digit years fall within 80 years before and 20 after now.
  const now = new Date().getUTCFullYear();
  const start = now - 80;
  let year = Math.floor(start / 100) * 100 + v;
  if (year < start) year += 100;
  return year;
}

function strategy(letter: string, width: number): Strategy {
  switch (letter) {
    case 'D':
      return new NumberStrategy(DAY_OF_YEAR);
    case 'E':
      return new TextStrategy(DAY_OF_WEEK, DAY_TEXTS);
    case 'F':
      return new NumberStrategy(DAY_OF_WEEK_IN_MONTH);
    case 'G':
      return new TextStrategy(ERA, [['AD', 1], ['BC', 0]]);
    case 'H':
      return new NumberStrategy(HOUR_OF_DAY);
    case 'K':
      return new NumberStrategy(HOUR);
    case 'L':
    case 'M':
      return width >= 3 ? new TextStrategy(MONTH, MONTH_TEXTS) : new NumberStrategy(MONTH, (v) => v - 1);
    case 'S':
      return new NumberStrategy(MILLISECOND);
    case 'W':
      return new NumberStrategy(WEEK_OF_MONTH);
    case 'a':
      return new TextStrategy(AM_PM, [['AM', 0], ['PM', 1]]);
    case 'd':
      return new NumberStrategy(DAY_OF_MONTH);
    case 'h':
      return new NumberStrategy(HOUR, (v) => (v === 12 ? 0 : v));
    case 'k':
      return new NumberStrategy(HOUR_OF_DAY, (v) => (v === 24 ? 0 : v));
    case 'm':
      return new NumberStrategy(MINUTE);
    case 's':
      return new NumberStrategy(SECOND);
    case 'u':
      return new NumberStrategy(DAY_OF_WEEK, (v) => (v !== 7 ? v + 1 : 1));
    case 'w':
      return new NumberStrategy(WEEK_OF_YEAR);
    case 'y':
    case 'Y':
      return width > 2 ? new NumberStrategy(YEAR) : new NumberStrategy(YEAR, twoDigitYear);
    case 'X':
      if (width > 3) throw new DateTimeError('invalid number of X');
      return new ZoneStrategy(width as 1 | 2 | 3);
    case 'Z':
      return width === 2 ? new ZoneStrategy(3) : new ZoneStrategy(0);
    case 'z':
      return new ZoneStrategy(0);
    default:
      throw new DateTimeError(`Illegal pattern component: ${letter}`);
  }
}

interface Step {
  readonly strategy: Strategy;
  readonly width: number;
}

function compile(pattern: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const isLetter = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (isLetter(c)) {
      let j = i + 1;
      while (j < pattern.length && pattern[j] === c) j++;
      steps.push({ strategy: strategy(c, j - i), width: j - i });
      i = j;
      continue;
    }
    let quoted = false;
    let literal = '';
    while (i < pattern.length) {
      const ch = pattern[i]!;
      if (!quoted && isLetter(ch)) break;
      if (ch === "'" && (++i === pattern.length || pattern[i] !== "'")) {
        quoted = !quoted;
        continue;
      }
      i++;
      literal += ch;
    }
    if (quoted) throw new DateTimeError('Unterminated quote');
    steps.push({ strategy: new LiteralStrategy(literal), width: literal.length });
  }
  return steps;
}

const cache = new Map<string, Step[] | DateTimeError>();

function steps(pattern: string): Step[] {
  let s = cache.get(pattern);
  if (!s) {
    try {
      s = compile(pattern);
    } catch (err) {
      s = err instanceof DateTimeError ? err : new DateTimeError(String(err));
    }
    if (cache.size >= 1000) cache.clear();
    cache.set(pattern, s);
  }
  if (s instanceof DateTimeError) throw s;
  return s;
}

/** Julian calendar epoch day (for dates before the Gregorian cutover). */
function julianEpochDay(year: number, month: number, day: number): number {
  // Julian 0001-01-01 is 719164 days before 1970-01-01.
  const y = year - 1;
  const days = 365 * y + floorDiv(y, 4) + Math.floor((367 * month - 362) / 12) + day - 1 - (month > 2 ? (floorMod(year, 4) === 0 ? 1 : 2) : 0);
  return days - 719_164;
}

const CUTOVER = epochDay(1582, 10, 15);

/** GregorianCalendar's lenient fixed date for a year, month and day (month 0-based, may roll). */
function fixedDate(year: number, month0: number, day: number, julian: boolean): number {
  const y = year + floorDiv(month0, 12);
  const m = floorMod(month0, 12) + 1;
  const first = julian ? julianEpochDay(y, m, 1) : epochDay(y, m, 1);
  return first + day - 1;
}

function daysInMonth(year: number, month0: number, julian: boolean): number {
  return fixedDate(year, month0 + 1, 1, julian) - fixedDate(year, month0, 1, julian);
}

/** The day of week (Calendar: Sunday 1) on or before a date. */
function dayOfWeekOnOrBefore(fixed: number, dow: number): number {
  const isoDow = floorMod(fixed + 3, 7) + 1;
  const calDow = (isoDow % 7) + 1;
  return fixed - floorMod(calDow - dow, 7);
}

const FIRST_DAY_OF_WEEK = 1; // Sunday (en_US)
const MIN_DAYS_IN_FIRST_WEEK = 1;

/** The epoch millis a lenient GregorianCalendar computes from the set fields (Calendar.selectFields). */
function computeTime(cal: Calendar): number {
  const st = cal.stamps;
  const v = cal.values;
  const agg = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : Math.max(a, b));
  const dowStamp = st[DAY_OF_WEEK]!;
  let domStamp = st[DAY_OF_MONTH]!;
  let womStamp = agg(st[WEEK_OF_MONTH]!, dowStamp);
  let dowimStamp = agg(st[DAY_OF_WEEK_IN_MONTH]!, dowStamp);
  const doyStamp = st[DAY_OF_YEAR]!;
  let woyStamp = agg(st[WEEK_OF_YEAR]!, dowStamp);
  let best = Math.max(domStamp, womStamp, dowimStamp, doyStamp, woyStamp);
  if (best === 0) {
    womStamp = st[WEEK_OF_MONTH]!;
    dowimStamp = Math.max(st[DAY_OF_WEEK_IN_MONTH]!, dowStamp);
    woyStamp = st[WEEK_OF_YEAR]!;
    best = Math.max(womStamp, dowimStamp, woyStamp);
    if (best === 0) best = domStamp = st[MONTH]!;
  }
  let year = st[YEAR] ? v[YEAR]! : 1970;
  if (st[ERA] && v[ERA] === 0) year = 1 - year;
  const useMonth = best === domStamp || (best === womStamp && st[WEEK_OF_MONTH]! >= st[WEEK_OF_YEAR]!) || (best === dowimStamp && st[DAY_OF_WEEK_IN_MONTH]! >= st[WEEK_OF_YEAR]!);

  const dateOf = (julian: boolean): number => {
    const month0 = useMonth && st[MONTH] ? v[MONTH]! : 0;
    const yy = year + floorDiv(month0, 12);
    const mm = floorMod(month0, 12);
    const first = fixedDate(yy, mm, 1, julian);
    if (useMonth) {
      if (best === domStamp) return first + (st[DAY_OF_MONTH] ? v[DAY_OF_MONTH]! : 1) - 1;
      const useWom = womStamp === dowimStamp ? st[WEEK_OF_MONTH]! >= st[DAY_OF_WEEK_IN_MONTH]! : best === womStamp;
      if (useWom) {
        let firstDay = dayOfWeekOnOrBefore(first + 6, FIRST_DAY_OF_WEEK);
        if (firstDay - first >= MIN_DAYS_IN_FIRST_WEEK) firstDay -= 7;
        if (dowStamp) firstDay = dayOfWeekOnOrBefore(firstDay + 6, v[DAY_OF_WEEK]!);
        return firstDay + 7 * (v[WEEK_OF_MONTH]! - 1);
      }
      const dow = dowStamp ? v[DAY_OF_WEEK]! : FIRST_DAY_OF_WEEK;
      const dowim = st[DAY_OF_WEEK_IN_MONTH] ? v[DAY_OF_WEEK_IN_MONTH]! : 1;
      if (dowim >= 0) return dayOfWeekOnOrBefore(first + 7 * dowim - 1, dow);
      const lastDate = daysInMonth(yy, mm, julian) + 7 * (dowim + 1);
      return dayOfWeekOnOrBefore(first + lastDate - 1, dow);
    }
    if (best === doyStamp && doyStamp) return first + v[DAY_OF_YEAR]! - 1;
    let firstDay = dayOfWeekOnOrBefore(first + 6, FIRST_DAY_OF_WEEK);
    if (firstDay - first >= MIN_DAYS_IN_FIRST_WEEK) firstDay -= 7;
    if (dowStamp && v[DAY_OF_WEEK] !== FIRST_DAY_OF_WEEK) firstDay = dayOfWeekOnOrBefore(firstDay + 6, v[DAY_OF_WEEK]!);
    return firstDay + 7 * (v[WEEK_OF_YEAR]! - 1);
  };

  let day: number;
  if (year > 1582) day = dateOf(false);
  else if (year < 1582) day = dateOf(true);
  else {
    const g = dateOf(false);
    day = g >= CUTOVER ? g : dateOf(true);
  }

  let hours: number;
  const hodStamp = st[HOUR_OF_DAY]!;
  const hourStamp = agg(st[HOUR]!, st[AM_PM]!);
  let bestHour = Math.max(hourStamp, hodStamp);
  if (bestHour === 0) bestHour = Math.max(st[HOUR]!, st[AM_PM]!);
  if (bestHour !== 0 && bestHour === hodStamp) hours = v[HOUR_OF_DAY]!;
  else hours = v[HOUR]! + (st[AM_PM] ? 12 * v[AM_PM]! : 0);
  let timeOfDay = ((hours * 60 + v[MINUTE]!) * 60 + v[SECOND]!) * 1000 + v[MILLISECOND]!;
  day += floorDiv(timeOfDay, MILLIS_PER_DAY);
  timeOfDay = floorMod(timeOfDay, MILLIS_PER_DAY);
  return day * MILLIS_PER_DAY + timeOfDay - (st[ZONE_OFFSET] ? v[ZONE_OFFSET]! : 0);
}

/** FastDateFormat(pattern, GMT).parse(text).getTime(). */
export function parseSimpleDate(text: string, pattern: string): number {
  const list = steps(pattern);
  const cal = new Calendar();
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const step = list[i]!;
    const next = list[i + 1];
    const maxWidth = step.strategy.number && next?.strategy.number ? step.width : 0;
    pos = step.strategy.parse(cal, text, pos, maxWidth);
    if (pos < 0) throw new DateTimeError(`Unparseable date: "${text}"`);
  }
  return computeTime(cal);
}
