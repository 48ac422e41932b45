/**
 * The parsers behind ksqlDB's date/time functions, each as ksqlDB builds it:
 *  - timestamps (PARSE_TIMESTAMP, STRINGTOTIMESTAMP; ksqlDB's StringToTimestampParser): a
 *    case-insensitive Locale.ROOT formatter; every parsed ChronoField, in declaration order, is
 *    applied to 1970-01-01T00:00 in the parsed zone (else the given one), so missing fields keep
 *    those defaults;
 *  - times (PARSE_TIME): LocalTime.from the resolved fields, refusing any date field;
 *  - dates (STRINGTODATE): LocalDate.from the resolved fields.
 */
import {
  checkField,
  DateTimeError,
  dayOfWeek,
  epochDay,
  epochDayOfYearDay,
  fromEpochDay,
  NANOS_PER_DAY,
  SECONDS_PER_DAY,
  checkedEpochDay,
  previousValid,
} from './calendar.js';
import { CHRONO_FIELDS, isDateField, ROOT_WEEK, US_WEEK, type ChronoField } from './fields.js';
import { formatter } from './formatter.js';
import { resolve, type Resolved } from './resolve.js';
import { ofLocal, offsetAt, validOffsets, type Zone } from './zones.js';

/** A ZonedDateTime: local epoch day and nanos of day, offset and zone. */
interface Zoned {
  day: number;
  nanos: number;
  offset: number;
  readonly zone: Zone;
}

function zonedOfLocal(day: number, nanos: number, zone: Zone, preferred?: number): Zoned {
  const sec = Math.floor(nanos / 1e9);
  const r = ofLocal(zone, day * SECONDS_PER_DAY + sec, preferred);
  const local = r.localSecond;
  const d = Math.floor(local / SECONDS_PER_DAY);
  return { day: d, nanos: (local - d * SECONDS_PER_DAY) * 1e9 + (nanos % 1e9), offset: r.offset, zone };
}

/** LocalDate.with(field, value), on an epoch day. */
function dateWith(day: number, f: ChronoField, value: number): number {
  checkField(f, value);
  const ymd = fromEpochDay(day);
  const doy = day - epochDay(ymd.year, 1, 1) + 1;
  switch (f) {
    case 'DAY_OF_WEEK':
      return day + (value - dayOfWeek(day));
    case 'ALIGNED_DAY_OF_WEEK_IN_MONTH':
      return day + (value - (((ymd.day - 1) % 7) + 1));
    case 'ALIGNED_DAY_OF_WEEK_IN_YEAR':
      return day + (value - (((doy - 1) % 7) + 1));
    case 'DAY_OF_MONTH':
      return ymd.day === value ? day : checkedEpochDay(ymd.year, ymd.month, value);
    case 'DAY_OF_YEAR':
      return doy === value ? day : epochDayOfYearDay(ymd.year, value);
    case 'EPOCH_DAY':
      return value;
    case 'ALIGNED_WEEK_OF_MONTH':
      return day + (value - (Math.trunc((ymd.day - 1) / 7) + 1)) * 7;
    case 'ALIGNED_WEEK_OF_YEAR':
      return day + (value - (Math.trunc((doy - 1) / 7) + 1)) * 7;
    case 'MONTH_OF_YEAR':
      return ymd.month === value ? day : previousValid(ymd.year, value, ymd.day);
    case 'PROLEPTIC_MONTH': {
      const months = value - (ymd.year * 12 + ymd.month - 1);
      if (months === 0) return day;
      const total = ymd.year * 12 + (ymd.month - 1) + months;
      const year = Math.floor(total / 12);
      return previousValid(checkField('YEAR', year), total - year * 12 + 1, ymd.day);
    }
    case 'YEAR_OF_ERA':
      return withYear(ymd.year >= 1 ? value : 1 - value, ymd);
    case 'YEAR':
      return withYear(value, ymd);
    case 'ERA':
      return (ymd.year >= 1 ? 1 : 0) === value ? day : withYear(1 - ymd.year, ymd);
    default:
      throw new DateTimeError(`Unsupported field: ${f}`);
  }
}

function withYear(year: number, ymd: { year: number; month: number; day: number }): number {
  checkField('YEAR', year);
  return previousValid(year, ymd.month, ymd.day);
}

function of(h: number, m: number, s: number, n: number): number {
  return ((h * 60 + m) * 60 + s) * 1e9 + n;
}

/** LocalTime.plusNanos: wraps around midnight. */
function plus(nanos: number, delta: number): number {
  return (((nanos + delta) % NANOS_PER_DAY) + NANOS_PER_DAY) % NANOS_PER_DAY;
}

/** LocalTime.with(field, value), on nanos of day. */
function timeWith(nanos: number, f: ChronoField, value: number): number {
  checkField(f, value);
  const hour = Math.floor(nanos / 3_600_000_000_000);
  const minute = Math.floor(nanos / 60_000_000_000) % 60;
  const second = Math.floor(nanos / 1e9) % 60;
  const nano = nanos % 1e9;
  switch (f) {
    case 'NANO_OF_SECOND':
      return of(hour, minute, second, value);
    case 'NANO_OF_DAY':
      return value;
    case 'MICRO_OF_SECOND':
      return of(hour, minute, second, value * 1000);
    case 'MICRO_OF_DAY':
      return value * 1000;
    case 'MILLI_OF_SECOND':
      return of(hour, minute, second, value * 1_000_000);
    case 'MILLI_OF_DAY':
      return value * 1_000_000;
    case 'SECOND_OF_MINUTE':
      return of(hour, minute, value, nano);
    case 'SECOND_OF_DAY':
      return plus(nanos, (value - Math.floor(nanos / 1e9)) * 1e9);
    case 'MINUTE_OF_HOUR':
      return of(hour, value, second, nano);
    case 'MINUTE_OF_DAY':
      return plus(nanos, (value - (hour * 60 + minute)) * 60e9);
    case 'HOUR_OF_AMPM':
      return plus(nanos, (value - (hour % 12)) * 3600e9);
    case 'CLOCK_HOUR_OF_AMPM':
      return plus(nanos, ((value === 12 ? 0 : value) - (hour % 12)) * 3600e9);
    case 'HOUR_OF_DAY':
      return of(value, minute, second, nano);
    case 'CLOCK_HOUR_OF_DAY':
      return of(value === 24 ? 0 : value, minute, second, nano);
    case 'AMPM_OF_DAY':
      return plus(nanos, (value - Math.floor(hour / 12)) * 12 * 3600e9);
    default:
      throw new DateTimeError(`Unsupported field: ${f}`);
  }
}

/** ZonedDateTime.with(field, value). */
function zonedWith(z: Zoned, f: ChronoField, value: number): Zoned {
  if (f === 'INSTANT_SECONDS') {
    const offset = offsetAt(z.zone, value);
    const local = value + offset;
    const day = Math.floor(local / SECONDS_PER_DAY);
    return { day, nanos: (local - day * SECONDS_PER_DAY) * 1e9 + (z.nanos % 1e9), offset, zone: z.zone };
  }
  if (f === 'OFFSET_SECONDS') {
    checkField(f, value);
    if (value !== z.offset && validOffsets(z.zone, z.day * SECONDS_PER_DAY + Math.floor(z.nanos / 1e9)).includes(value)) {
      return { ...z, offset: value };
    }
    return z;
  }
  let day = z.day;
  let nanos = z.nanos;
  if (isDateField(f)) day = dateWith(day, f, value);
  else nanos = timeWith(nanos, f, value);
  if (day === z.day && nanos === z.nanos) return z;
  return zonedOfLocal(day, nanos, z.zone, z.offset);
}

/** Epoch milliseconds of a zoned date-time (Timestamp.from(zdt.toInstant()).getTime()). */
function epochMillis(z: Zoned): number {
  const seconds = z.day * SECONDS_PER_DAY + Math.floor(z.nanos / 1e9) - z.offset;
  return seconds * 1000 + Math.floor((z.nanos % 1e9) / 1e6);
}

/**
 * The result of the field-by-field application when it cannot depend on the order: a full date
 * and time and no other fields but the instant or offset, in a zone with one valid offset there.
 */
function completeTimestamp(parsed: Resolved, zone: Zone): number | undefined {
  if (parsed.date === null || parsed.time === null) return undefined;
  for (const f of parsed.fields.keys()) {
    if (f !== 'INSTANT_SECONDS' && f !== 'OFFSET_SECONDS') return undefined;
  }
  const millis = Math.floor((parsed.time % 1e9) / 1e6);
  const instant = parsed.fields.get('INSTANT_SECONDS');
  if (instant !== undefined) return instant * 1000 + millis;
  const local = parsed.date * SECONDS_PER_DAY + Math.floor(parsed.time / 1e9);
  const offsets = validOffsets(zone, local);
  return offsets.length === 1 ? (local - offsets[0]!) * 1000 + millis : undefined;
}

const TIMESTAMP_OPTIONS = { caseInsensitive: true, week: ROOT_WEEK } as const;

/** ksqlDB's StringToTimestampParser: epoch millis of the text, in `zone` unless the text names one. */
export function parseTimestamp(text: string, pattern: string, zone: Zone): number {
  const parsed = resolve(formatter(pattern, TIMESTAMP_OPTIONS).parseFields(text), ROOT_WEEK);
  const target = parsed.queryZone() ?? zone;
  const direct = completeTimestamp(parsed, target);
  if (direct !== undefined) return direct;
  let z = zonedOfLocal(0, 0, target);
  for (const f of CHRONO_FIELDS) {
    if (!parsed.isSupported(f)) continue;
    const value = parsed.getLong(f);
    if (f === 'DAY_OF_YEAR' && value === 366) {
      if (!parsed.isSupported('YEAR')) throw new DateTimeError('Leap day cannot be parsed without supplying the year field');
      z = zonedWith(z, 'YEAR', parsed.getLong('YEAR'));
    }
    z = zonedWith(z, f, value);
  }
  return epochMillis(z);
}

const LOCAL_OPTIONS = { caseInsensitive: true, week: US_WEEK } as const;

function resolved(text: string, pattern: string): Resolved {
  return resolve(formatter(pattern, LOCAL_OPTIONS).parseFields(text), US_WEEK);
}

/** PARSE_TIME: milliseconds of the day. */
export function parseTime(text: string, pattern: string): number {
  const r = resolved(text, pattern);
  if (CHRONO_FIELDS.some((f) => isDateField(f) && r.isSupported(f))) throw new DateTimeError('Time format contains date field.');
  if (r.time === null) throw new DateTimeError(`Text '${text}' could not be parsed: Unable to obtain LocalTime from TemporalAccessor`);
  return Math.floor(r.time / 1e6);
}

/** STRINGTODATE: days since the epoch (LocalDate.parse). */
export function parseLocalDate(text: string, pattern: string): number {
  const r = resolved(text, pattern);
  if (r.date === null) throw new DateTimeError(`Text '${text}' could not be parsed: Unable to obtain LocalDate from TemporalAccessor`);
  return r.date;
}
