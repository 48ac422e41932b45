/**
 * The datetime text ksqlDB accepts where a string stands for a point in time: compared with
 * ROWTIME, WINDOWSTART or WINDOWEND (StatementRewriteForMagicPseudoTimestamp) and as a window
 * bound of a pull query. ksqlDB's PartialStringToTimestampParser completes the text to
 * `yyyy-MM-dd'T'HH:mm:ss.SSS` before parsing it (docs: "Timestamp comparisons"):
 *   - without a `T`, the text is a date, completed with `-01` for a missing month and day
 *     (`2018` → `2018-01-01`), at midnight;
 *   - with a `T`, the date is kept as written; the time after it is completed from the pattern
 *     with zeros (`10` → `10:00:00.000`); a `+…` (else `-…`) suffix of the time is a zone offset.
 * Without an offset the text is UTC. Parsing is that of PARSE_TIMESTAMP with the full pattern.
 */
import { parseTimestamp } from '../functions/builtins/datetime/parsers.js';
import { UTC_OFFSET, zoneOf, type Zone } from '../functions/builtins/datetime/zones.js';

const DATE_TIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS";
const TIME_PATTERN = 'HH:mm:ss.SSS';

// The hint ksqlDB appends to a failure (its line separator is "\n" on the servers it runs on).
const HELP =
  `\nRequired format is: "${DATE_TIME_PATTERN}", with an optional numeric 4-digit timezone, ` +
  "for example: '2020-05-26T23.59.58.000' or with tz: '2020-05-26T23.59.58.000+0200'. " +
  'Partials are also supported, for example "2020-05-26"';

export class PartialTimestampError extends Error {}

/** Epoch milliseconds of a possibly partial datetime; a PartialTimestampError when it is not one. */
export function parsePartialTimestamp(text: string): number {
  const { date, time, zone } = completed(text);
  try {
    return parseTimestamp(`${date}T${time}`, DATE_TIME_PATTERN, zoneOfSuffix(zone));
  } catch (err) {
    throw new PartialTimestampError(`Failed to parse timestamp '${text}': ${(err as Error).message}${HELP}`);
  }
}

function completed(text: string): { date: string; time: string; zone: string } {
  const t = text.indexOf('T');
  if (t < 0) return { date: completeDate(text), time: completeTime(''), zone: '' };
  const withZone = completeTime(text.slice(t + 1));
  const zone = zoneSuffix(withZone);
  return { date: text.slice(0, t), time: completeTime(withZone.slice(0, withZone.length - zone.length)), zone };
}

/** The month and day a date lacks, counted as Java's String.split("-") counts the parts. */
function completeDate(date: string): string {
  const parts = javaSplitCount(date, '-');
  if (parts === 1) return `${date}-01-01`;
  if (parts === 2) return `${date}-01`;
  return date; // complete, or malformed: the parser reports it
}

/** Java's split drops trailing empty strings, but a text without the separator is one part. */
function javaSplitCount(text: string, separator: string): number {
  const parts = text.split(separator);
  if (parts.length === 1) return 1;
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.length;
}

function completeTime(time: string): string {
  if (time.length >= TIME_PATTERN.length) return time;
  return time + TIME_PATTERN.slice(time.length).replace(/[a-zA-Z]/g, '0');
}

function zoneSuffix(time: string): string {
  const plus = time.indexOf('+');
  if (plus >= 0) return time.slice(plus);
  const minus = time.indexOf('-');
  return minus >= 0 ? time.slice(minus) : '';
}

function zoneOfSuffix(zone: string): Zone {
  if (zone.trim() === '') return UTC_OFFSET;
  try {
    return zoneOf(zone);
  } catch (err) {
    throw new Error(`Failed to parse timezone '${zone}': ${(err as Error).message}`);
  }
}
