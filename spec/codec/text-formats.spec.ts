import { expect } from 'chai';
import { quoteJsonString } from '../../src/codec/json-string.js';
import { formatDate, formatTime, formatTimestamp } from '../../src/codec/temporal-text.js';

// Expected strings come from Java: SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS") in UTC through
// Jackson, LocalDate.toString(), LocalTime.ofSecondOfDay(ms / 1000).toString().
describe('formatTimestamp', () => {
  const cases: ReadonlyArray<readonly [number, string]> = [
    [0, '1970-01-01T00:00:00.000'],
    [-1, '1969-12-31T23:59:59.999'],
    [1577853634789, '2020-01-01T04:40:34.789'],
    [253402300799999, '9999-12-31T23:59:59.999'],
    [253402300800000, '10000-01-01T00:00:00.000'],
    [-12219292800000, '1582-10-15T00:00:00.000'], // Gregorian cutover
    [-12219292800001, '1582-10-04T23:59:59.999'], // the day before is Julian
    [-62135596800000, '0001-01-03T00:00:00.000'], // proleptic 0001-01-01 is Julian 0001-01-03
    [-62167219200000, '0001-01-03T00:00:00.000'], // 1 BC: era year, no sign (same text as AD 1)
    [-62198755200000, '0002-01-03T00:00:00.000'], // 2 BC
    [-30610224000000, '0999-12-27T00:00:00.000'],
  ];
  for (const [ms, expected] of cases) it(`${ms} → ${expected}`, () => expect(formatTimestamp(ms)).to.equal(expected));
});

describe('formatDate', () => {
  const cases: ReadonlyArray<readonly [number, string]> = [
    [0, '1970-01-01'],
    [-1, '1969-12-31'],
    [18262, '2020-01-01'],
    [-719528, '0000-01-01'],
    [-719529, '-0001-12-31'],
    [2932896, '9999-12-31'],
    [2932897, '+10000-01-01'],
  ];
  for (const [days, expected] of cases) it(`${days} → ${expected}`, () => expect(formatDate(days)).to.equal(expected));
});

describe('formatTime', () => {
  const cases: ReadonlyArray<readonly [number, string]> = [
    [0, '00:00'],
    [999, '00:00'],
    [1000, '00:00:01'],
    [60000, '00:01'],
    [16834789, '04:40:34'],
    [43200000, '12:00'],
    [86399999, '23:59:59'],
  ];
  for (const [ms, expected] of cases) it(`${ms} → ${expected}`, () => expect(formatTime(ms)).to.equal(expected));
});

// Jackson UTF8JsonGenerator (writeValueAsBytes) escapes.
describe('quoteJsonString', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['', '""'],
    ['plain ascii', '"plain ascii"'],
    ['"\\/', '"\\"\\\\/"'],
    ['\b\t\n\f\r', '"\\b\\t\\n\\f\\r"'],
    ['\u0000\u0001\u000b\u000e\u001f', '"\\u0000\\u0001\\u000B\\u000E\\u001F"'],
    ['\u007f\u0080é\u2028\uffff', '"\u007f\u0080é\u2028\uffff"'],
    ['😀', '"\\uD83D\\uDE00"'],
    ['\ud800', '"\\uD800"'],
    ['a\udc00b', '"a\\uDC00b"'],
    ['<\u0000>', '"<\\u0000>"'],
  ];
  for (const [s, expected] of cases) it(`${JSON.stringify(s)} → ${expected}`, () => expect(quoteJsonString(s)).to.equal(expected));
});
