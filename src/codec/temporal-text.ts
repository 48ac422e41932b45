/**
 * Text forms of TIMESTAMP, DATE and TIME values as ksqlDB writes them (protocol spec §2.8).
 *
 * - TIMESTAMP (epoch ms): Jackson with `SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")` in UTC.
 *   That formatter uses java.util.GregorianCalendar, so instants before 1582-10-15 are shown in
 *   the Julian calendar, and years are era years: 1 BC is `0001`, 2 BC is `0002`, with no sign.
 *   Years above 9999 are printed with all their digits (`10000-01-01T00:00:00.000`). We do the same.
 * - DATE (days since epoch): `LocalDate.toString()`, proleptic Gregorian, ISO years: `0999`,
 *   `-0001` (astronomical, year 0 exists), `+10000` for years above 9999.
 * - TIME (ms of day): `LocalTime.ofSecondOfDay(ms / 1000).toString()`: `HH:mm:ss`, or `HH:mm` when
 *   the seconds are zero; milliseconds are dropped. Java throws for values outside one day; we
 *   wrap them into [0, 24h) instead.
 */

const MS_PER_DAY = 86_400_000;
/** 1582-10-15T00:00:00Z, the first instant GregorianCalendar shows in the Gregorian calendar. */
const GREGORIAN_CUTOVER_MS = -12_219_292_800_000;

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const scratch: CivilDate = { year: 0, month: 0, day: 0 };

/** Proleptic Gregorian date of an epoch day (H. Hinnant's civil_from_days), into `scratch`. */
function gregorianFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  scratch.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  scratch.month = mp < 10 ? mp + 3 : mp - 9;
  scratch.year = yoe + era * 400 + (scratch.month <= 2 ? 1 : 0);
  return scratch;
}

/** Julian calendar date of an epoch day (Richards' algorithm on the Julian day number), into `scratch`. */
function julianFromDays(epochDay: number): CivilDate {
  const c = epochDay + 2_440_588 + 32_082;
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  scratch.day = e - Math.floor((153 * m + 2) / 5) + 1;
  scratch.month = m + 3 - 12 * Math.floor(m / 10);
  scratch.year = d - 4800 + Math.floor(m / 10);
  return scratch;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function pad3(n: number): string {
  return n < 10 ? '00' + n : n < 100 ? '0' + n : String(n);
}

/** `yyyy` of SimpleDateFormat: the era year, at least four digits, no sign. */
function eraYear(year: number): string {
  return String(year > 0 ? year : 1 - year).padStart(4, '0');
}

/** `LocalDate.toString()` year: four digits with a sign when negative, `+` above 9999. */
function isoYear(year: number): string {
  if (year > 9999) return '+' + year;
  if (year >= 0) return String(year).padStart(4, '0');
  return '-' + String(-year).padStart(4, '0');
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSS` in UTC, as java.text.SimpleDateFormat prints it. */
export function formatTimestamp(epochMs: number): string {
  const ms = Math.floor(epochMs);
  const epochDay = Math.floor(ms / MS_PER_DAY);
  const date = ms < GREGORIAN_CUTOVER_MS ? julianFromDays(epochDay) : gregorianFromDays(epochDay);
  const msOfDay = ms - epochDay * MS_PER_DAY;
  const sec = Math.floor(msOfDay / 1000);
  return (
    `${eraYear(date.year)}-${pad2(date.month)}-${pad2(date.day)}T` +
    `${pad2(Math.floor(sec / 3600))}:${pad2(Math.floor(sec / 60) % 60)}:${pad2(sec % 60)}.${pad3(msOfDay % 1000)}`
  );
}

/** ISO local date (`LocalDate.ofEpochDay(days).toString()`). */
export function formatDate(epochDay: number): string {
  const date = gregorianFromDays(Math.floor(epochDay));
  return `${isoYear(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** `LocalTime.ofSecondOfDay(ms / 1000).toString()`: `04:40:34`, or `12:00` when the seconds are zero. */
export function formatTime(msOfDay: number): string {
  let sec = Math.floor(msOfDay / 1000) % 86_400;
  if (sec < 0) sec += 86_400;
  const hm = `${pad2(Math.floor(sec / 3600))}:${pad2(Math.floor(sec / 60) % 60)}`;
  const s = sec % 60;
  return s === 0 ? hm : `${hm}:${pad2(s)}`;
}
