/**
 * Built-in functions: date and time (ksqlDB reference: "Scalar functions › Date and time", and the
 * deprecated DATETOSTRING, STRINGTODATE, STRINGTOTIMESTAMP, TIMESTAMPTOSTRING). Behaviour follows
 * the UDF classes in ksqldb-engine's io.confluent.ksql.function.udf.datetime package:
 *  - formats are java.time DateTimeFormatter patterns (datetime/formatter.ts), except PARSE_DATE,
 *    which parses with FastDateFormat's SimpleDateFormat rules (datetime/simple-date.ts);
 *  - time zones are ZoneId IDs (datetime/zones.ts); without one, FORMAT_TIMESTAMP and
 *    PARSE_TIMESTAMP use GMT, TIMESTAMPTOSTRING and STRINGTOTIMESTAMP the system zone (UTC here);
 *  - a value the function cannot handle (bad pattern, unparsable text, unknown zone) gives NULL,
 *    as ksqlDB's UDFs throw and the invoker returns null.
 * The time-unit functions (DATEADD, TIMESTAMPADD, ...) take the unit as its name, e.g. 'SECONDS'.
 */
import type { FunctionRegistry } from '../function-registry.js';
import { checkField, DateTimeError, floorDiv, MILLIS_PER_DAY, NANOS_PER_DAY } from './datetime/calendar.js';
import { US_WEEK } from './datetime/fields.js';
import { formatter, Temporal } from './datetime/formatter.js';
import { parseLocalDate, parseTime, parseTimestamp } from './datetime/parsers.js';
import { parseSimpleDate } from './datetime/simple-date.js';
import { offsetAt, zoneOf, type Zone } from './datetime/zones.js';

const CATEGORY = 'DATE / TIME';

/** The units a time-unit argument can name (java.util.concurrent.TimeUnit as ksqlDB's grammar allows them), in milliseconds. */
export const TIME_UNITS = {
  DAYS: 86_400_000,
  HOURS: 3_600_000,
  MINUTES: 60_000,
  SECONDS: 1000,
  MILLISECONDS: 1,
} as const;

export type TimeUnitName = keyof typeof TIME_UNITS;

/**
 * The unit a word names (`DAY`, `days`, `MILLISECOND`...), as the grammar's windowUnit
 * normalises it, or undefined: for recognising a bare unit word passed as a function argument.
 */
export function timeUnitName(word: string): TimeUnitName | undefined {
  const w = word.toUpperCase();
  const plural = (w.endsWith('S') ? w : `${w}S`) as TimeUnitName;
  return Object.hasOwn(TIME_UNITS, plural) ? plural : undefined;
}

function unitMillis(unit: string): bigint {
  const name = timeUnitName(unit);
  if (!name) throw new DateTimeError(`Unknown time unit: ${unit}`);
  return BigInt(TIME_UNITS[name]);
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** TimeUnit.toNanos / toMillis saturate instead of overflowing. */
function saturate(x: bigint): bigint {
  return x < LONG_MIN ? LONG_MIN : x > LONG_MAX ? LONG_MAX : x;
}

const PRINT = { caseInsensitive: false, week: US_WEEK } as const;
const GMT: Zone = zoneOf('GMT');
/** ZoneId.systemDefault() of a server running in UTC. */
const SYSTEM_ZONE: Zone = zoneOf('UTC');

function formatInstant(epochMillis: number, pattern: string, zone: Zone): string {
  const seconds = floorDiv(epochMillis, 1000);
  const nanos = (epochMillis - seconds * 1000) * 1_000_000;
  return formatter(pattern, PRINT).format(Temporal.zoned(seconds, nanos, offsetAt(zone, seconds), zone));
}

function formatDate(days: number, pattern: string): string {
  checkField('EPOCH_DAY', days);
  return formatter(pattern, PRINT).format(Temporal.ofDate(days));
}

function formatTime(millis: number, pattern: string): string {
  const nanos = millis * 1_000_000;
  checkField('NANO_OF_DAY', nanos);
  return formatter(pattern, PRINT).format(Temporal.ofTime(nanos));
}

/** java.util.TimeZone's offset in ms: IDs it cannot read (`UTC+05:00`, `UT+1`) fall back to GMT. */
function legacyOffsetMillis(id: string, epochMillis: number): number {
  const zone = zoneOf(id);
  if (zone.kind === 'fixed' && !zone.id.startsWith('GMT')) return 0;
  return offsetAt(zone, floorDiv(epochMillis, 1000)) * 1000;
}

function timeUnitArithmetic(r: FunctionRegistry): void {
  const shiftDate = (sign: 1n | -1n) => (unit: string, interval: number, date: number): number =>
    // TimeUnit.MILLISECONDS.toDays truncates towards zero.
    Number((BigInt(date) * BigInt(MILLIS_PER_DAY) + sign * unitMillis(unit) * BigInt(interval)) / BigInt(MILLIS_PER_DAY));
  const shiftTime = (sign: 1n | -1n) => (unit: string, interval: number, time: number): number => {
    checkField('NANO_OF_DAY', time * 1_000_000);
    const delta = saturate(unitMillis(unit) * 1_000_000n * BigInt(interval));
    const day = BigInt(NANOS_PER_DAY);
    const nanos = (((BigInt(time) * 1_000_000n + sign * delta) % day) + day) % day;
    return Number(nanos / 1_000_000n);
  };
  const shiftTimestamp = (sign: 1n | -1n) => (unit: string, interval: number, ts: number): number =>
    Number(BigInt.asIntN(64, BigInt(ts) + sign * unitMillis(unit) * BigInt(interval)));

  r.register({
    name: 'DATEADD',
    category: CATEGORY,
    description: 'Adds a number of time units to a DATE.',
    overloads: [{ params: ['STRING', 'INTEGER', 'DATE'], returns: 'DATE', impl: shiftDate(1n) }],
  });
  r.register({
    name: 'DATESUB',
    category: CATEGORY,
    description: 'Subtracts a number of time units from a DATE.',
    overloads: [{ params: ['STRING', 'INTEGER', 'DATE'], returns: 'DATE', impl: shiftDate(-1n) }],
  });
  r.register({
    name: 'TIMEADD',
    category: CATEGORY,
    description: 'Adds a number of time units to a TIME, wrapping around midnight.',
    overloads: [{ params: ['STRING', 'INTEGER', 'TIME'], returns: 'TIME', impl: shiftTime(1n) }],
  });
  r.register({
    name: 'TIMESUB',
    category: CATEGORY,
    description: 'Subtracts a number of time units from a TIME, wrapping around midnight.',
    overloads: [{ params: ['STRING', 'INTEGER', 'TIME'], returns: 'TIME', impl: shiftTime(-1n) }],
  });
  r.register({
    name: 'TIMESTAMPADD',
    category: CATEGORY,
    description: 'Adds a number of time units to a TIMESTAMP.',
    overloads: [{ params: ['STRING', 'INTEGER', 'TIMESTAMP'], returns: 'TIMESTAMP', impl: shiftTimestamp(1n) }],
  });
  r.register({
    name: 'TIMESTAMPSUB',
    category: CATEGORY,
    description: 'Subtracts a number of time units from a TIMESTAMP.',
    overloads: [{ params: ['STRING', 'INTEGER', 'TIMESTAMP'], returns: 'TIMESTAMP', impl: shiftTimestamp(-1n) }],
  });
}

export function registerDatetime(r: FunctionRegistry): void {
  timeUnitArithmetic(r);

  r.register({
    name: 'CONVERT_TZ',
    category: CATEGORY,
    description: 'Shifts a TIMESTAMP by the difference between two time zones at that instant.',
    overloads: [
      {
        params: ['TIMESTAMP', 'STRING', 'STRING'],
        returns: 'TIMESTAMP',
        impl: (ts: number, from: string, to: string) => ts + legacyOffsetMillis(to, ts) - legacyOffsetMillis(from, ts),
      },
    ],
  });

  r.register({
    name: 'FORMAT_TIMESTAMP',
    category: CATEGORY,
    description: 'Formats a TIMESTAMP with a DateTimeFormatter pattern, in GMT or the given time zone.',
    overloads: [
      { params: ['TIMESTAMP', 'STRING'], returns: 'STRING', impl: (ts: number, pattern: string) => formatInstant(ts, pattern, GMT) },
      {
        params: ['TIMESTAMP', 'STRING', 'STRING'],
        returns: 'STRING',
        impl: (ts: number, pattern: string, zone: string) => formatInstant(ts, pattern, zoneOf(zone)),
      },
    ],
  });
  r.register({
    name: 'TIMESTAMPTOSTRING',
    category: CATEGORY,
    description: 'Formats epoch milliseconds with a DateTimeFormatter pattern, in the server or the given time zone (deprecated: FORMAT_TIMESTAMP).',
    overloads: [
      { params: ['BIGINT', 'STRING'], returns: 'STRING', impl: (ms: bigint, pattern: string) => formatInstant(Number(ms), pattern, SYSTEM_ZONE) },
      {
        params: ['BIGINT', 'STRING', 'STRING'],
        returns: 'STRING',
        impl: (ms: bigint, pattern: string, zone: string) => formatInstant(Number(ms), pattern, zoneOf(zone)),
      },
    ],
  });
  r.register({
    name: 'FORMAT_DATE',
    category: CATEGORY,
    description: 'Formats a DATE with a DateTimeFormatter pattern.',
    overloads: [{ params: ['DATE', 'STRING'], returns: 'STRING', impl: formatDate }],
  });
  r.register({
    name: 'DATETOSTRING',
    category: CATEGORY,
    description: 'Formats days since the epoch with a DateTimeFormatter pattern (deprecated: FORMAT_DATE).',
    overloads: [{ params: ['INTEGER', 'STRING'], returns: 'STRING', impl: formatDate }],
  });
  r.register({
    name: 'FORMAT_TIME',
    category: CATEGORY,
    description: 'Formats a TIME with a DateTimeFormatter pattern.',
    overloads: [{ params: ['TIME', 'STRING'], returns: 'STRING', impl: formatTime }],
  });

  r.register({
    name: 'PARSE_TIMESTAMP',
    category: CATEGORY,
    description: 'Parses a TIMESTAMP with a DateTimeFormatter pattern, in GMT or the given time zone unless the text names one.',
    overloads: [
      { params: ['STRING', 'STRING'], returns: 'TIMESTAMP', impl: (text: string, pattern: string) => parseTimestamp(text, pattern, GMT) },
      {
        params: ['STRING', 'STRING', 'STRING'],
        returns: 'TIMESTAMP',
        impl: (text: string, pattern: string, zone: string) => parseTimestamp(text, pattern, zoneOf(zone)),
      },
    ],
  });
  r.register({
    name: 'STRINGTOTIMESTAMP',
    category: CATEGORY,
    description: 'Parses epoch milliseconds with a DateTimeFormatter pattern, in the server or the given time zone (deprecated: PARSE_TIMESTAMP).',
    overloads: [
      { params: ['STRING', 'STRING'], returns: 'BIGINT', impl: (text: string, pattern: string) => BigInt(parseTimestamp(text, pattern, SYSTEM_ZONE)) },
      {
        params: ['STRING', 'STRING', 'STRING'],
        returns: 'BIGINT',
        impl: (text: string, pattern: string, zone: string) => BigInt(parseTimestamp(text, pattern, zoneOf(zone))),
      },
    ],
  });
  r.register({
    name: 'PARSE_DATE',
    category: CATEGORY,
    description: 'Parses a DATE with a SimpleDateFormat pattern; the text must not set a time of day.',
    overloads: [
      {
        params: ['STRING', 'STRING'],
        returns: 'DATE',
        impl: (text: string, pattern: string) => {
          const ms = parseSimpleDate(text, pattern);
          if (ms % MILLIS_PER_DAY !== 0) throw new DateTimeError('Date format contains time field.');
          return ms / MILLIS_PER_DAY;
        },
      },
    ],
  });
  r.register({
    name: 'STRINGTODATE',
    category: CATEGORY,
    description: 'Parses days since the epoch with a DateTimeFormatter pattern (deprecated: PARSE_DATE).',
    overloads: [{ params: ['STRING', 'STRING'], returns: 'INTEGER', impl: parseLocalDate }],
  });
  r.register({
    name: 'PARSE_TIME',
    category: CATEGORY,
    description: 'Parses a TIME with a DateTimeFormatter pattern; the text must not set a date.',
    overloads: [{ params: ['STRING', 'STRING'], returns: 'TIME', impl: parseTime }],
  });

  r.register({
    name: 'FROM_DAYS',
    category: CATEGORY,
    description: 'Converts days since 1970-01-01 to a DATE.',
    overloads: [{ params: ['INTEGER'], returns: 'DATE', impl: (days: number) => days }],
  });
  r.register({
    name: 'FROM_UNIXTIME',
    category: CATEGORY,
    description: 'Converts milliseconds since 1970-01-01T00:00:00Z to a TIMESTAMP.',
    overloads: [{ params: ['BIGINT'], returns: 'TIMESTAMP', impl: (ms: bigint) => Number(ms) }],
  });
  r.register({
    name: 'UNIX_DATE',
    category: CATEGORY,
    description: 'Days since 1970-01-01 of a DATE, or of the current date.',
    volatile: true,
    overloads: [
      { params: [], returns: 'INTEGER', impl: () => floorDiv(Date.now(), MILLIS_PER_DAY) },
      { params: ['DATE'], returns: 'INTEGER', impl: (days: number) => days },
    ],
  });
  r.register({
    name: 'UNIX_TIMESTAMP',
    category: CATEGORY,
    description: 'Milliseconds since 1970-01-01T00:00:00Z of a TIMESTAMP, or of the current time.',
    volatile: true,
    overloads: [
      { params: [], returns: 'BIGINT', impl: () => BigInt(Date.now()) },
      { params: ['TIMESTAMP'], returns: 'BIGINT', impl: (ts: number) => BigInt(ts) },
    ],
  });
}
