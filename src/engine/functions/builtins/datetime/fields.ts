/**
 * Temporal fields (java.time's ChronoField, in its declaration order, plus the week-based,
 * quarter and Julian-day fields patterns can name) and their values for dates and times.
 */
import { dayOfWeek, epochDay, floorMod, fromEpochDay, yearLength, type Ymd } from './calendar.js';

/** ChronoField in declaration order: the order ksqlDB's timestamp parser applies parsed fields in. */
export const CHRONO_FIELDS = [
  'NANO_OF_SECOND', 'NANO_OF_DAY', 'MICRO_OF_SECOND', 'MICRO_OF_DAY', 'MILLI_OF_SECOND', 'MILLI_OF_DAY',
  'SECOND_OF_MINUTE', 'SECOND_OF_DAY', 'MINUTE_OF_HOUR', 'MINUTE_OF_DAY', 'HOUR_OF_AMPM', 'CLOCK_HOUR_OF_AMPM',
  'HOUR_OF_DAY', 'CLOCK_HOUR_OF_DAY', 'AMPM_OF_DAY', 'DAY_OF_WEEK', 'ALIGNED_DAY_OF_WEEK_IN_MONTH',
  'ALIGNED_DAY_OF_WEEK_IN_YEAR', 'DAY_OF_MONTH', 'DAY_OF_YEAR', 'EPOCH_DAY', 'ALIGNED_WEEK_OF_MONTH',
  'ALIGNED_WEEK_OF_YEAR', 'MONTH_OF_YEAR', 'PROLEPTIC_MONTH', 'YEAR_OF_ERA', 'YEAR', 'ERA', 'INSTANT_SECONDS',
  'OFFSET_SECONDS',
] as const;

export type ChronoField = (typeof CHRONO_FIELDS)[number];

/** Fields outside ChronoField: the locale's week fields, ISO quarter and the modified Julian day. */
export type OtherField =
  | 'WEEK_BASED_YEAR'
  | 'WEEK_OF_WEEK_BASED_YEAR'
  | 'WEEK_OF_MONTH'
  | 'LOCALIZED_DAY_OF_WEEK'
  | 'QUARTER_OF_YEAR'
  | 'MODIFIED_JULIAN_DAY';

export type Field = ChronoField | OtherField;

const TIME_FIELDS = new Set<Field>(CHRONO_FIELDS.slice(0, 15));
const DATE_FIELDS = new Set<Field>(CHRONO_FIELDS.slice(15, 28));
const DATE_DERIVED = new Set<Field>(['WEEK_BASED_YEAR', 'WEEK_OF_WEEK_BASED_YEAR', 'WEEK_OF_MONTH', 'LOCALIZED_DAY_OF_WEEK', 'QUARTER_OF_YEAR', 'MODIFIED_JULIAN_DAY']);

export function isTimeField(f: Field): boolean {
  return TIME_FIELDS.has(f);
}

/** ChronoField.isDateBased. */
export function isDateField(f: Field): boolean {
  return DATE_FIELDS.has(f);
}

/** Whether a LocalDate supports the field (date-based ChronoFields and the derived ones). */
export function dateSupports(f: Field): boolean {
  return DATE_FIELDS.has(f) || DATE_DERIVED.has(f);
}

/** A locale's week definition (java.time's WeekFields): first day (ISO 1-7) and minimal days in the first week. */
export interface WeekDef {
  readonly firstDay: number;
  readonly minDays: number;
}

/** en_US, the formatters' default locale. */
export const US_WEEK: WeekDef = { firstDay: 7, minDays: 1 };
/** Locale.ROOT, which ksqlDB's timestamp parser uses. */
export const ROOT_WEEK: WeekDef = { firstDay: 1, minDays: 1 };

export function localizedDayOfWeek(isoDow: number, week: WeekDef): number {
  return floorMod(isoDow - week.firstDay, 7) + 1;
}

function startOfWeekOffset(day: number, dow: number, week: WeekDef): number {
  const weekStart = floorMod(day - dow, 7);
  return weekStart + 1 > week.minDays ? 7 - weekStart : -weekStart;
}

function computeWeek(offset: number, day: number): number {
  return Math.trunc((7 + offset + (day - 1)) / 7);
}

function weekOfWeekBasedYear(ed: number, week: WeekDef): number {
  const ymd = fromEpochDay(ed);
  const dow = localizedDayOfWeek(dayOfWeek(ed), week);
  const doy = ed - epochDay(ymd.year, 1, 1) + 1;
  const offset = startOfWeekOffset(doy, dow, week);
  let w = computeWeek(offset, doy);
  if (w === 0) return weekOfWeekBasedYear(ed - doy, week);
  if (w > 50) {
    const newYearWeek = computeWeek(offset, yearLength(ymd.year) + week.minDays);
    if (w >= newYearWeek) w = w - newYearWeek + 1;
  }
  return w;
}

function weekBasedYear(ed: number, week: WeekDef): number {
  const ymd = fromEpochDay(ed);
  const dow = localizedDayOfWeek(dayOfWeek(ed), week);
  const doy = ed - epochDay(ymd.year, 1, 1) + 1;
  const offset = startOfWeekOffset(doy, dow, week);
  const w = computeWeek(offset, doy);
  if (w === 0) return ymd.year - 1;
  const newYearWeek = computeWeek(offset, yearLength(ymd.year) + week.minDays);
  return w >= newYearWeek ? ymd.year + 1 : ymd.year;
}

function weekOfMonth(ed: number, dom: number, week: WeekDef): number {
  const dow = localizedDayOfWeek(dayOfWeek(ed), week);
  return computeWeek(startOfWeekOffset(dom, dow, week), dom);
}

/** The first day of the given week of a week-based year (WeekFields' ofWeekBasedYear). */
export function ofWeekBasedYear(yowby: number, wowby: number, localDow: number, week: WeekDef): number {
  const jan1 = epochDay(yowby, 1, 1);
  const ldow = localizedDayOfWeek(dayOfWeek(jan1), week);
  const offset = startOfWeekOffset(1, ldow, week);
  const newYearWeek = computeWeek(offset, yearLength(yowby) + week.minDays);
  const w = Math.min(wowby, newYearWeek - 1);
  return jan1 + (-offset + (localDow - 1) + (w - 1) * 7);
}

/** A date in a month from a week of month and localized day of week (WeekFields' resolveWoM). */
export function ofWeekOfMonth(year: number, month: number, wom: number, localDow: number, week: WeekDef): number {
  const first = epochDay(year, month, 1);
  const weeks = wom - weekOfMonth(first, 1, week);
  const days = localDow - localizedDayOfWeek(dayOfWeek(first), week);
  return first + weeks * 7 + days;
}

/** A field of a date given as an epoch day. */
export function dateField(ed: number, f: Field, week: WeekDef, ymd: Ymd = fromEpochDay(ed)): number | undefined {
  switch (f) {
    case 'DAY_OF_WEEK':
      return dayOfWeek(ed);
    case 'ALIGNED_DAY_OF_WEEK_IN_MONTH':
      return ((ymd.day - 1) % 7) + 1;
    case 'ALIGNED_DAY_OF_WEEK_IN_YEAR':
      return ((ed - epochDay(ymd.year, 1, 1)) % 7) + 1;
    case 'DAY_OF_MONTH':
      return ymd.day;
    case 'DAY_OF_YEAR':
      return ed - epochDay(ymd.year, 1, 1) + 1;
    case 'EPOCH_DAY':
      return ed;
    case 'ALIGNED_WEEK_OF_MONTH':
      return Math.trunc((ymd.day - 1) / 7) + 1;
    case 'ALIGNED_WEEK_OF_YEAR':
      return Math.trunc((ed - epochDay(ymd.year, 1, 1)) / 7) + 1;
    case 'MONTH_OF_YEAR':
      return ymd.month;
    case 'PROLEPTIC_MONTH':
      return ymd.year * 12 + ymd.month - 1;
    case 'YEAR_OF_ERA':
      return ymd.year >= 1 ? ymd.year : 1 - ymd.year;
    case 'YEAR':
      return ymd.year;
    case 'ERA':
      return ymd.year >= 1 ? 1 : 0;
    case 'WEEK_BASED_YEAR':
      return weekBasedYear(ed, week);
    case 'WEEK_OF_WEEK_BASED_YEAR':
      return weekOfWeekBasedYear(ed, week);
    case 'WEEK_OF_MONTH':
      return weekOfMonth(ed, ymd.day, week);
    case 'LOCALIZED_DAY_OF_WEEK':
      return localizedDayOfWeek(dayOfWeek(ed), week);
    case 'QUARTER_OF_YEAR':
      return Math.trunc((ymd.month - 1) / 3) + 1;
    case 'MODIFIED_JULIAN_DAY':
      return ed + 40_587;
    default:
      return undefined;
  }
}

/** A field of a time given as nanoseconds of the day. */
export function timeField(nod: number, f: Field): number | undefined {
  const hour = Math.floor(nod / 3_600_000_000_000);
  const nos = nod % 1_000_000_000;
  const sod = Math.floor(nod / 1_000_000_000);
  switch (f) {
    case 'NANO_OF_SECOND':
      return nos;
    case 'NANO_OF_DAY':
      return nod;
    case 'MICRO_OF_SECOND':
      return Math.floor(nos / 1000);
    case 'MICRO_OF_DAY':
      return Math.floor(nod / 1000);
    case 'MILLI_OF_SECOND':
      return Math.floor(nos / 1_000_000);
    case 'MILLI_OF_DAY':
      return Math.floor(nod / 1_000_000);
    case 'SECOND_OF_MINUTE':
      return sod % 60;
    case 'SECOND_OF_DAY':
      return sod;
    case 'MINUTE_OF_HOUR':
      return Math.floor(sod / 60) % 60;
    case 'MINUTE_OF_DAY':
      return Math.floor(sod / 60);
    case 'HOUR_OF_AMPM':
      return hour % 12;
    case 'CLOCK_HOUR_OF_AMPM':
      return hour % 12 === 0 ? 12 : hour % 12;
    case 'HOUR_OF_DAY':
      return hour;
    case 'CLOCK_HOUR_OF_DAY':
      return hour === 0 ? 24 : hour;
    case 'AMPM_OF_DAY':
      return hour >= 12 ? 1 : 0;
    default:
      return undefined;
  }
}
