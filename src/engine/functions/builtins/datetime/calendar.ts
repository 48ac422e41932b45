/**
 * Proleptic ISO calendar arithmetic on plain numbers (java.time's LocalDate algorithms): epoch
 * days, year/month/day, day of week, and the ranges java.time validates fields against.
 */

export const SECONDS_PER_DAY = 86_400;
export const MILLIS_PER_DAY = 86_400_000;
export const NANOS_PER_SECOND = 1_000_000_000;
export const NANOS_PER_DAY = 86_400_000_000_000;
/** Days from 0000-01-01 to 1970-01-01. */
const DAYS_0000_TO_1970 = 719_528;
const DAYS_PER_CYCLE = 146_097;

/** Thrown for invalid values, unknown patterns and unparsable text (java.time's DateTimeException). */
export class DateTimeError extends Error {}

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Math.floorMod for a positive divisor. */
export function floorMod(a: number, b: number): number {
  const m = a % b;
  return m < 0 ? m + b : m + 0;
}

export function isLeap(year: number): boolean {
  return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function monthLength(month: number, leap: boolean): number {
  return month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function yearLength(year: number): number {
  return isLeap(year) ? 366 : 365;
}

/** Epoch day of a valid ISO date. */
export function epochDay(year: number, month: number, day: number): number {
  const y = year;
  let total = 365 * y;
  if (y >= 0) total += Math.trunc((y + 3) / 4) - Math.trunc((y + 99) / 100) + Math.trunc((y + 399) / 400);
  else total -= Math.trunc(y / -4) - Math.trunc(y / -100) + Math.trunc(y / -400);
  total += Math.trunc((367 * month - 362) / 12);
  total += day - 1;
  if (month > 2) {
    total--;
    if (!isLeap(year)) total--;
  }
  return total - DAYS_0000_TO_1970;
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from 0000-03-01 to the start of a March-based year. */
function startOf(y: number): number {
  return 365 * y + Math.trunc(y / 4) - Math.trunc(y / 100) + Math.trunc(y / 400);
}

/** The ISO date of an epoch day. */
export function fromEpochDay(days: number): Ymd {
  let zeroDay = days + DAYS_0000_TO_1970 - 60;
  let adjust = 0;
  if (zeroDay < 0) {
    const cycles = Math.trunc((zeroDay + 1) / DAYS_PER_CYCLE) - 1;
    adjust = cycles * 400;
    zeroDay += -cycles * DAYS_PER_CYCLE;
  }
  let yearEst = Math.trunc((400 * zeroDay + 591) / DAYS_PER_CYCLE);
  let doyEst = zeroDay - startOf(yearEst);
  if (doyEst < 0) {
    yearEst--;
    doyEst = zeroDay - startOf(yearEst);
  }
  yearEst += adjust;
  const marchMonth0 = Math.trunc((doyEst * 5 + 2) / 153);
  const month = ((marchMonth0 + 2) % 12) + 1;
  const day = doyEst - Math.trunc((marchMonth0 * 306 + 5) / 10) + 1;
  yearEst += Math.trunc(marchMonth0 / 10);
  return { year: yearEst, month, day };
}

/** ISO day of week, Monday 1 to Sunday 7. */
export function dayOfWeek(days: number): number {
  return floorMod(days + 3, 7) + 1;
}

export function dayOfYear(year: number, month: number, day: number): number {
  return epochDay(year, month, day) - epochDay(year, 1, 1) + 1;
}

/** LocalDate.of: throws for an invalid day of month. */
export function checkedEpochDay(year: number, month: number, day: number): number {
  checkField('YEAR', year);
  checkField('MONTH_OF_YEAR', month);
  checkField('DAY_OF_MONTH', day);
  if (day > 28 && day > monthLength(month, isLeap(year))) {
    if (day === 29) throw new DateTimeError(`Invalid date 'February 29' as '${year}' is not a leap year`);
    throw new DateTimeError(`Invalid date '${MONTH_NAMES[month - 1]!.toUpperCase()} ${day}'`);
  }
  return epochDay(year, month, day);
}

/** LocalDate.ofYearDay. */
export function epochDayOfYearDay(year: number, doy: number): number {
  checkField('YEAR', year);
  checkField('DAY_OF_YEAR', doy);
  if (doy === 366 && !isLeap(year)) throw new DateTimeError(`Invalid date 'DayOfYear 366' as '${year}' is not a leap year`);
  return epochDay(year, 1, 1) + doy - 1;
}

/** A date whose day is clamped to the month's length (java.time's resolvePreviousValid). */
export function previousValid(year: number, month: number, day: number): number {
  return epochDay(year, month, Math.min(day, monthLength(month, isLeap(year))));
}

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The outer value ranges of java.time's ChronoFields, by the names its messages print. */
const RANGES: Readonly<Record<string, readonly [number, number, string]>> = {
  NANO_OF_SECOND: [0, 999_999_999, 'NanoOfSecond'],
  NANO_OF_DAY: [0, NANOS_PER_DAY - 1, 'NanoOfDay'],
  MICRO_OF_SECOND: [0, 999_999, 'MicroOfSecond'],
  MICRO_OF_DAY: [0, 86_400_000_000 - 1, 'MicroOfDay'],
  MILLI_OF_SECOND: [0, 999, 'MilliOfSecond'],
  MILLI_OF_DAY: [0, MILLIS_PER_DAY - 1, 'MilliOfDay'],
  SECOND_OF_MINUTE: [0, 59, 'SecondOfMinute'],
  SECOND_OF_DAY: [0, SECONDS_PER_DAY - 1, 'SecondOfDay'],
  MINUTE_OF_HOUR: [0, 59, 'MinuteOfHour'],
  MINUTE_OF_DAY: [0, 1439, 'MinuteOfDay'],
  HOUR_OF_AMPM: [0, 11, 'HourOfAmPm'],
  CLOCK_HOUR_OF_AMPM: [1, 12, 'ClockHourOfAmPm'],
  HOUR_OF_DAY: [0, 23, 'HourOfDay'],
  CLOCK_HOUR_OF_DAY: [1, 24, 'ClockHourOfDay'],
  AMPM_OF_DAY: [0, 1, 'AmPmOfDay'],
  DAY_OF_WEEK: [1, 7, 'DayOfWeek'],
  ALIGNED_DAY_OF_WEEK_IN_MONTH: [1, 7, 'AlignedDayOfWeekInMonth'],
  ALIGNED_DAY_OF_WEEK_IN_YEAR: [1, 7, 'AlignedDayOfWeekInYear'],
  DAY_OF_MONTH: [1, 31, 'DayOfMonth'],
  DAY_OF_YEAR: [1, 366, 'DayOfYear'],
  EPOCH_DAY: [-365_243_219_162, 365_241_780_471, 'EpochDay'],
  ALIGNED_WEEK_OF_MONTH: [1, 5, 'AlignedWeekOfMonth'],
  ALIGNED_WEEK_OF_YEAR: [1, 53, 'AlignedWeekOfYear'],
  MONTH_OF_YEAR: [1, 12, 'MonthOfYear'],
  PROLEPTIC_MONTH: [-999_999_999 * 12, 999_999_999 * 12 + 11, 'ProlepticMonth'],
  YEAR_OF_ERA: [1, 1_000_000_000, 'YearOfEra'],
  YEAR: [-999_999_999, 999_999_999, 'Year'],
  ERA: [0, 1, 'Era'],
  INSTANT_SECONDS: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'InstantSeconds'],
  OFFSET_SECONDS: [-64_800, 64_800, 'OffsetSeconds'],
};

export function fieldDisplayName(name: string): string {
  return RANGES[name]?.[2] ?? name;
}

/** ChronoField.checkValidValue. */
export function checkField(name: string, value: number): number {
  const r = RANGES[name];
  if (r && (value < r[0] || value > r[1] || !Number.isFinite(value))) {
    throw new DateTimeError(`Invalid value for ${r[2]} (valid values ${r[0]} - ${r[1]}): ${value}`);
  }
  return value;
}
