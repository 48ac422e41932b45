/** Date and time functions: types and values as ksqlDB prints them. */
import { expect } from 'chai';
import { timeUnitName } from '../../src/engine/functions/builtins/datetime.js';
import { BIGINT, DATE, INTEGER, STRING, TIME, TIMESTAMP } from '../../src/sql/types.js';
import { compileError, evaluate, type Columns } from '../support/eval-expression.js';

/** 2018-05-11T21:58:33.123Z */
const TS = 1526075913123;
/** 2018-05-11 */
const D = 17662;
const COLUMNS: Columns = {
  TS: [TIMESTAMP, TS],
  TS0: [TIMESTAMP, 0],
  D: [DATE, D],
  D0: [DATE, 0],
  T: [TIME, 46_800_000],
  T0: [TIME, 0],
  NTS: [TIMESTAMP, null],
  ND: [DATE, null],
  NT: [TIME, null],
  NS: [STRING, null],
  NI: [INTEGER, null],
  NB: [BIGINT, null],
};

type Case = [expression: string, type: string, json: string];

const cases: Record<string, Case[]> = {
  FORMAT_TIMESTAMP: [
    // ksqlDB QTT timestamp-to-string: "timestamp to string with valid zone".
    ["FORMAT_TIMESTAMP(FROM_UNIXTIME(1526075913000), 'yyyy-MM-dd HH:mm:ss zzz', 'America/Los_Angeles')", 'STRING', '"2018-05-11 14:58:33 PDT"'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy-MM-dd HH:mm:ss zzz', 'Europe/London')", 'STRING', '"2018-05-11 22:58:33 BST"'],
    // Without a zone: GMT.
    ["FORMAT_TIMESTAMP(TS, 'yyyy-MM-dd''T''HH:mm:ss.SSSX')", 'STRING', '"2018-05-11T21:58:33.123Z"'],
    ["FORMAT_TIMESTAMP(TS, 'HH:mm zzz VV')", 'STRING', '"21:58 GMT GMT"'],
    ["FORMAT_TIMESTAMP(TS, 'HH:mm XXX xx Z O ZZZZ', 'Asia/Kolkata')", 'STRING', '"03:28 +05:30 +0530 +0530 GMT+5:30 GMT+05:30"'],
    ["FORMAT_TIMESTAMP(TS, 'HH:mm VV z X', '+05:30')", 'STRING', '"03:28 +05:30 +05:30 +0530"'],
    ["FORMAT_TIMESTAMP(TS, 'HH:mm VV z X', 'UTC')", 'STRING', '"21:58 UTC UTC Z"'],
    ["FORMAT_TIMESTAMP(TS, 'HH:mm VV', 'GMT+2')", 'STRING', '"23:58 GMT+02:00"'],
    ["FORMAT_TIMESTAMP(TS, 'zzzz', 'America/Los_Angeles')", 'STRING', '"Pacific Daylight Time"'],
    ["FORMAT_TIMESTAMP(FROM_UNIXTIME(1516075913000), 'zzz', 'America/New_York')", 'STRING', '"EST"'],
    ["FORMAT_TIMESTAMP(TS, 'EEEE, MMMM d, yyyy h:mm a')", 'STRING', '"Friday, May 11, 2018 9:58 PM"'],
    ["FORMAT_TIMESTAMP(TS, 'EEE MMM dd yy hh K k G')", 'STRING', '"Fri May 11 18 09 9 21 AD"'],
    ["FORMAT_TIMESTAMP(TS, 'Q QQQ QQQQ D DDD F')", 'STRING', '"2 Q2 2nd quarter 131 131 4"'],
    ["FORMAT_TIMESTAMP(TS, 'Y w W e c')", 'STRING', '"2018 19 2 6 6"'],
    // Week-based years of en_US (weeks start on Sunday; the first week has one day of the year).
    ["FORMAT_DATE(FROM_DAYS(17896), 'YYYY ww e EEE')", 'STRING', '"2019 01 2 Mon"'],
    ["FORMAT_DATE(FROM_DAYS(17894), 'YYYY ww e EEE')", 'STRING', '"2018 52 7 Sat"'],
    ["FORMAT_TIMESTAMP(FROM_UNIXTIME(-5363798400000), 'yyyy-MM-dd HH:mm:ss xxxxx', 'America/Los_Angeles')", 'STRING', '"1800-01-10 16:07:02 -07:52:58"'],
    ["FORMAT_TIMESTAMP(FROM_UNIXTIME(-62167219200000), 'yyyy G uuuu')", 'STRING', '"0001 BC 0000"'],
    ["FORMAT_TIMESTAMP(TS, 'S SS SSSSSS n A')", 'STRING', '"1 12 123000 123000000 79113123"'],
    ["FORMAT_TIMESTAMP(TS0, 'k')", 'STRING', '"24"'],
    ["FORMAT_TIMESTAMP(FROM_UNIXTIME(-1), 'yyyy-MM-dd HH:mm:ss.SSS')", 'STRING', '"1969-12-31 23:59:59.999"'],
    // Years past 9999 print with a sign under `yyyy`.
    ["FORMAT_TIMESTAMP(FROM_UNIXTIME(253402300800000), 'yyyy|yy|uuuu')", 'STRING', '"+10000|00|+10000"'],
    ["FORMAT_TIMESTAMP(TS, '[yyyy][''T''HH]')", 'STRING', '"2018T21"'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy年MM月dd日')", 'STRING', '"2018年05月11日"'],
    ["FORMAT_TIMESTAMP(TS, 'ppH|pppMMM')", 'STRING', '"21|May"'],
    ["FORMAT_TIMESTAMP(TS, '''''yyyy''''')", 'STRING', `"'2018'"`],
    // Unknown and reserved pattern letters, too many letters, ZoneId.of rejections: NULL.
    ["FORMAT_TIMESTAMP(TS, 'yyyy-MM-dd bb')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy#')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'ddd')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy''')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy', 'PST')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy', 'america/los_angeles')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy', 'Mars/Olympus')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy', '+19:00')", 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, '')", 'STRING', '""'],
    ['FORMAT_TIMESTAMP(NTS, NS)', 'STRING', 'null'],
    ["FORMAT_TIMESTAMP(TS, 'yyyy', NS)", 'STRING', 'null'],
  ],
  TIMESTAMPTOSTRING: [
    // ksqlDB QTT timestamp-to-string: "millis to string with valid zone".
    ["TIMESTAMPTOSTRING(1526075913000, 'yyyy-MM-dd HH:mm:ss zzz', 'America/Los_Angeles')", 'STRING', '"2018-05-11 14:58:33 PDT"'],
    ["TIMESTAMPTOSTRING(1526075913000, 'yyyy-MM-dd HH:mm:ss')", 'STRING', '"2018-05-11 21:58:33"'],
    ["TIMESTAMPTOSTRING(0, 'yyyy')", 'STRING', '"1970"'],
    ["TIMESTAMPTOSTRING(-86400000, 'yyyy-MM-dd', 'UTC')", 'STRING', '"1969-12-31"'],
    ["TIMESTAMPTOSTRING(NB, 'yyyy')", 'STRING', 'null'],
  ],
  FORMAT_DATE: [
    ["FORMAT_DATE(D, 'yyyy-MM-dd')", 'STRING', '"2018-05-11"'],
    ["FORMAT_DATE(FROM_DAYS(18993), 'dd-MMM-yyyy')", 'STRING', '"01-Jan-2022"'],
    ["FORMAT_DATE(FROM_DAYS(-1), 'dd-MM-yyyy''Sophia''')", 'STRING', '"31-12-1969Sophia"'],
    ["FORMAT_DATE(D0, 'EEEE G')", 'STRING', '"Thursday AD"'],
    // A date has no time or zone: NULL, unless in an optional section.
    ["FORMAT_DATE(D, 'yyyy-MM-dd HH:mm')", 'STRING', 'null'],
    ["FORMAT_DATE(D, 'yyyy z')", 'STRING', 'null'],
    ["FORMAT_DATE(D, 'yyyy-MM-dd[ HH:mm]')", 'STRING', '"2018-05-11"'],
    ['FORMAT_DATE(ND, NS)', 'STRING', 'null'],
  ],
  DATETOSTRING: [
    // ksqlDB QTT datestring.
    ["DATETOSTRING(17662, 'yyyy-MM-dd')", 'STRING', '"2018-05-11"'],
    ["DATETOSTRING(18027, 'dd/MM/yyyy')", 'STRING', '"11/05/2019"'],
    ["DATETOSTRING(-1, 'dd-MM-yyyy''Sophia''')", 'STRING', '"31-12-1969Sophia"'],
    ["DATETOSTRING(0, 'HH')", 'STRING', 'null'],
    ["DATETOSTRING(NI, 'yyyy')", 'STRING', 'null'],
  ],
  FORMAT_TIME: [
    // ksqlDB QTT format-time.
    ["FORMAT_TIME(PARSE_TIME('00:01:05', 'HH:mm:ss'), 'HH_mm_ss_SSS')", 'STRING', '"00_01_05_000"'],
    ["FORMAT_TIME(T, 'hh:mm a')", 'STRING', '"01:00 PM"'],
    ["FORMAT_TIME(T0, 'HH:mm:ss')", 'STRING', '"00:00:00"'],
    ["FORMAT_TIME(T, 'yyyy')", 'STRING', 'null'],
    ['FORMAT_TIME(NT, NS)', 'STRING', 'null'],
  ],
  PARSE_TIMESTAMP: [
    // ksqlDB QTT stringtimestamp: "format timestamp".
    ["PARSE_TIMESTAMP('2018-05-11T21:58:33', 'yyyy-MM-dd''T''HH:mm:ss')", 'TIMESTAMP', '"2018-05-11T21:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33', 'yyyy-MM-dd HH:mm:ss', 'America/Los_Angeles')", 'TIMESTAMP', '"2018-05-11T21:58:33.000"'],
    // A zone or offset in the text wins over the argument.
    ["PARSE_TIMESTAMP('2018-05-11 21:58:33 UTC', 'yyyy-MM-dd HH:mm:ss VV', 'America/Los_Angeles')", 'TIMESTAMP', '"2018-05-11T21:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33 PDT', 'yyyy-MM-dd HH:mm:ss z')", 'TIMESTAMP', '"2018-05-11T21:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11T21:58:33+0530', 'yyyy-MM-dd''T''HH:mm:ssZ', 'America/Los_Angeles')", 'TIMESTAMP', '"2018-05-11T16:28:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11T21:58:33z', 'yyyy-MM-dd''T''HH:mm:ssX')", 'TIMESTAMP', '"2018-05-11T21:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33 Pacific Daylight Time', 'yyyy-MM-dd HH:mm:ss zzzz')", 'TIMESTAMP', '"2018-05-11T21:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33 GMT+02:00', 'yyyy-MM-dd HH:mm:ss VV')", 'TIMESTAMP', '"2018-05-11T12:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33 GMT+2', 'yyyy-MM-dd HH:mm:ss O')", 'TIMESTAMP', '"2018-05-11T12:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33 +02:00', 'yyyy-MM-dd HH:mm:ss xxx')", 'TIMESTAMP', '"2018-05-11T12:58:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33 +0230', 'yyyy-MM-dd HH:mm:ss X')", 'TIMESTAMP', '"2018-05-11T12:28:33.000"'],
    ["PARSE_TIMESTAMP('2018-05-11 14:58:33 +02:30', 'yyyy-MM-dd HH:mm:ss X')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('May 11, 2018 2:58:33 PM', 'MMM d, yyyy h:mm:ss a')", 'TIMESTAMP', '"2018-05-11T14:58:33.000"'],
    ["PARSE_TIMESTAMP('May 11, 2018', 'MMMM d, yyyy')", 'TIMESTAMP', '"2018-05-11T00:00:00.000"'],
    ["PARSE_TIMESTAMP('June 11, 2018', 'MMM d, yyyy')", 'TIMESTAMP', 'null'],
    // Week-based fields of Locale.ROOT (weeks start on Monday): Tuesday of week 1 of 2019.
    ["PARSE_TIMESTAMP('2019 01 2', 'YYYY ww e')", 'TIMESTAMP', '"2019-01-01T00:00:00.000"'],
    ["PARSE_TIMESTAMP('58250', 'g')", 'TIMESTAMP', '"2018-05-12T00:00:00.000"'],
    ["PARSE_TIMESTAMP('79113123', 'A')", 'TIMESTAMP', '"1970-01-01T21:58:33.123"'],
    ["PARSE_TIMESTAMP('86400000', 'A')", 'TIMESTAMP', 'null'],
    // Missing fields keep 1970-01-01T00:00.
    ["PARSE_TIMESTAMP('10:15', 'HH:mm')", 'TIMESTAMP', '"1970-01-01T10:15:00.000"'],
    ["PARSE_TIMESTAMP('10:15', 'hh:mm')", 'TIMESTAMP', '"1970-01-01T10:15:00.000"'],
    ["PARSE_TIMESTAMP('2021', 'yyyy')", 'TIMESTAMP', '"2021-01-01T00:00:00.000"'],
    ["PARSE_TIMESTAMP('02-30', 'MM-dd')", 'TIMESTAMP', '"1970-02-28T00:00:00.000"'],
    // Case-insensitive texts; two-digit years are 2000-2099.
    ["PARSE_TIMESTAMP('29-JUN-69', 'dd-MMM-yy')", 'TIMESTAMP', '"2069-06-29T00:00:00.000"'],
    ["PARSE_TIMESTAMP('12 am', 'hh a')", 'TIMESTAMP', '"1970-01-01T00:00:00.000"'],
    // SMART resolution: the day is clamped to the month, 24:00 is the next midnight.
    ["PARSE_TIMESTAMP('2021-02-30', 'yyyy-MM-dd')", 'TIMESTAMP', '"2021-02-28T00:00:00.000"'],
    ["PARSE_TIMESTAMP('2020-01-01 24:00', 'yyyy-MM-dd HH:mm')", 'TIMESTAMP', '"2020-01-02T00:00:00.000"'],
    ["PARSE_TIMESTAMP('366 2020', 'D yyyy')", 'TIMESTAMP', '"2020-12-31T00:00:00.000"'],
    // Adjacent numbers share the digits by their widths.
    ["PARSE_TIMESTAMP('20200101123456789', 'yyyyMMddHHmmssSSS')", 'TIMESTAMP', '"2020-01-01T12:34:56.789"'],
    ["PARSE_TIMESTAMP('2020-01-01 12:34:56.123456789', 'yyyy-MM-dd HH:mm:ss.SSSSSSSSS')", 'TIMESTAMP', '"2020-01-01T12:34:56.123"'],
    ["PARSE_TIMESTAMP('Wed, 01 Jan 2020', 'EEE, dd MMM yyyy')", 'TIMESTAMP', '"2020-01-01T00:00:00.000"'],
    ["PARSE_TIMESTAMP('2020-01-01', 'yyyy-MM-dd[ HH:mm]')", 'TIMESTAMP', '"2020-01-01T00:00:00.000"'],
    ["PARSE_TIMESTAMP('2020-01-01 10:30', 'yyyy-MM-dd[ HH:mm]')", 'TIMESTAMP', '"2020-01-01T10:30:00.000"'],
    // In a DST gap the time moves forward; in an overlap the offset the parser held before the
    // date was set (standard time, from 1970) is kept.
    ["PARSE_TIMESTAMP('2020-03-08 02:30', 'yyyy-MM-dd HH:mm', 'America/Los_Angeles')", 'TIMESTAMP', '"2020-03-08T10:30:00.000"'],
    ["PARSE_TIMESTAMP('2020-11-01 01:30', 'yyyy-MM-dd HH:mm', 'America/Los_Angeles')", 'TIMESTAMP', '"2020-11-01T09:30:00.000"'],
    // Errors: NULL.
    ["PARSE_TIMESTAMP('Tue, 01 Jan 2020', 'EEE, dd MMM yyyy')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('2021-02-32', 'yyyy-MM-dd')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('2020-01-01 25:00', 'yyyy-MM-dd HH:mm')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('366', 'D')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('2020-01-01', 'yyyy-MM-dd HH:mm')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('2020-01-01 10:00', 'yyyy-MM-dd')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('2020-1-01', 'yyyy-MM-dd')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP(' 2020', 'yyyy')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('', 'yyyy')", 'TIMESTAMP', 'null'],
    ["PARSE_TIMESTAMP('2020', 'yyyy', 'Nowhere')", 'TIMESTAMP', 'null'],
    ['PARSE_TIMESTAMP(NS, NS)', 'TIMESTAMP', 'null'],
  ],
  STRINGTOTIMESTAMP: [
    // ksqlDB QTT stringtimestamp: "string to timestamp".
    ["STRINGTOTIMESTAMP('2018-05-11T21:58:33Z', 'yyyy-MM-dd''T''HH:mm:ssX')", 'BIGINT', '1526075913000'],
    ["STRINGTOTIMESTAMP('2018-05-11 21:58:33', 'yyyy-MM-dd HH:mm:ss')", 'BIGINT', '1526075913000'],
    ["STRINGTOTIMESTAMP('2018-05-11 14:58:33', 'yyyy-MM-dd HH:mm:ss', 'America/Los_Angeles')", 'BIGINT', '1526075913000'],
    ["STRINGTOTIMESTAMP('1969-12-31 23:59:59.999', 'yyyy-MM-dd HH:mm:ss.SSS')", 'BIGINT', '-1'],
    ["STRINGTOTIMESTAMP('not a timestamp', 'yyyy')", 'BIGINT', 'null'],
  ],
  PARSE_DATE: [
    // ksqlDB QTT parse-date and ParseDateTest.
    ["PARSE_DATE('2018-05-11Lit', 'yyyy-MM-dd''Lit''')", 'DATE', '"2018-05-11"'],
    ["PARSE_DATE('11/05/2019', 'dd/MM/yyyy')", 'DATE', '"2019-05-11"'],
    ["PARSE_DATE('01-JAN-2022', 'dd-MMM-yyyy')", 'DATE', '"2022-01-01"'],
    ["PARSE_DATE('JAN-2022', 'MMM-yyyy')", 'DATE', '"2022-01-01"'],
    ["PARSE_DATE('2021-12', 'yyyy-MM')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('2022', 'yyyy')", 'DATE', '"2022-01-01"'],
    ["PARSE_DATE('2021-12-01 05:40:34', 'yyyy-MM-dd HH:mm:ss')", 'DATE', 'null'],
    ["PARSE_DATE('2021-12-01 00:00:00', 'yyyy-MM-dd HH:mm:ss')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('2021-12-01', 'invalid')", 'DATE', 'null'],
    ["PARSE_DATE('invalid', 'yyyy-MM-dd')", 'DATE', 'null'],
    ["PARSE_DATE('', 'yyyy-MM-dd')", 'DATE', 'null'],
    // SimpleDateFormat's leniency: rolled-over days and months, long month names for MMM,
    // trailing text, variable-width numbers, leading spaces.
    ["PARSE_DATE('2021-02-30', 'yyyy-MM-dd')", 'DATE', '"2021-03-02"'],
    ["PARSE_DATE('13/2021', 'MM/yyyy')", 'DATE', '"2022-01-01"'],
    ["PARSE_DATE('01 December 2021', 'dd MMM yyyy')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('2021-12-01 and more', 'yyyy-MM-dd')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('1/2/2021', 'd/M/yyyy')", 'DATE', '"2021-02-01"'],
    ["PARSE_DATE('2021- 3-04', 'yyyy-MM-dd')", 'DATE', '"2021-03-04"'],
    ["PARSE_DATE('20211201', 'yyyyMMdd')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('Wednesday 1 Dec 2021', 'EEEE d MMM yyyy')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('21-12-01', 'yy-MM-dd')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('2021-12-01 +0000', 'yyyy-MM-dd Z')", 'DATE', '"2021-12-01"'],
    ["PARSE_DATE('2021-12-01 +0100', 'yyyy-MM-dd Z')", 'DATE', 'null'],
    // GregorianCalendar is Julian before 1582-10-15: the day before it is 1582-10-04.
    ["UNIX_DATE(PARSE_DATE('1582-10-04', 'yyyy-MM-dd'))", 'INTEGER', '-141428'],
    ["UNIX_DATE(PARSE_DATE('1582-10-15', 'yyyy-MM-dd'))", 'INTEGER', '-141427'],
    ['PARSE_DATE(NS, NS)', 'DATE', 'null'],
  ],
  STRINGTODATE: [
    // ksqlDB QTT stringdate.
    ["STRINGTODATE('2018-05-11Lit', 'yyyy-MM-dd''Lit''')", 'INTEGER', '17662'],
    ["STRINGTODATE('11/05/2019', 'dd/MM/yyyy')", 'INTEGER', '18027'],
    ["STRINGTODATE('01-Jan-2022', 'dd-MMM-yyyy')", 'INTEGER', '18993'],
    ["STRINGTODATE('01-JAN-2022', 'dd-MMM-yyyy')", 'INTEGER', '18993'],
    ["STRINGTODATE('01-01-1970', 'dd-MM-yyyy')", 'INTEGER', '0'],
    ["STRINGTODATE('2021-02-30', 'yyyy-MM-dd')", 'INTEGER', '18686'],
    ["STRINGTODATE('2021-12-01 10:00', 'yyyy-MM-dd HH:mm')", 'INTEGER', '18962'],
    ["STRINGTODATE('JAN-2022', 'MMM-yyyy')", 'INTEGER', 'null'],
    ["STRINGTODATE('2021-12-01', 'yyyy-MM-ddd')", 'INTEGER', 'null'],
    ['STRINGTODATE(NS, NS)', 'INTEGER', 'null'],
  ],
  PARSE_TIME: [
    // ksqlDB QTT parse-time.
    ["PARSE_TIME('00:01:05Lit', 'HH:mm:ss''Lit''')", 'TIME', '"00:01:05"'],
    ["PARSE_TIME('11/05/19', 'HH/mm/ss')", 'TIME', '"11:05:19"'],
    ["PARSE_TIME('01:00:00 PM', 'hh:mm:ss a')", 'TIME', '"13:00"'],
    ["PARSE_TIME('01:00:00 Pm', 'hh:mm:ss a')", 'TIME', '"13:00"'],
    ["PARSE_TIME('10', 'HH')", 'TIME', '"10:00"'],
    ["FORMAT_TIME(PARSE_TIME('10:15:30.123456', 'HH:mm:ss.SSSSSS'), 'HH:mm:ss.SSSSSS')", 'STRING', '"10:15:30.123000"'],
    ["PARSE_TIME('24:00', 'HH:mm')", 'TIME', '"00:00"'],
    // hh without a (no hour of day), a date field, bad values: NULL.
    ["PARSE_TIME('10:15', 'hh:mm')", 'TIME', 'null'],
    ["PARSE_TIME('2021-01-01 10:15', 'yyyy-MM-dd HH:mm')", 'TIME', 'null'],
    ["PARSE_TIME('25:00', 'HH:mm')", 'TIME', 'null'],
    ["PARSE_TIME('10:60', 'HH:mm')", 'TIME', 'null'],
    ['PARSE_TIME(NS, NS)', 'TIME', 'null'],
  ],
  CONVERT_TZ: [
    // ksqlDB QTT convert-tz.
    ["CONVERT_TZ(FROM_UNIXTIME(100), '+0200', '+0500')", 'TIMESTAMP', '"1970-01-01T03:00:00.100"'],
    ["CONVERT_TZ(FROM_UNIXTIME(1589234313000), 'America/Los_Angeles', 'America/New_York')", 'TIMESTAMP', '"2020-05-12T00:58:33.000"'],
    ["CONVERT_TZ(TS, 'UTC', 'Asia/Kolkata')", 'TIMESTAMP', '"2018-05-12T03:28:33.123"'],
    ["CONVERT_TZ(TS, 'UTC', 'GMT+05:00')", 'TIMESTAMP', '"2018-05-12T02:58:33.123"'],
    // java.util.TimeZone reads UTC+hh:mm as GMT.
    ["CONVERT_TZ(TS, 'UTC', 'UTC+05:00')", 'TIMESTAMP', '"2018-05-11T21:58:33.123"'],
    ["CONVERT_TZ(TS, 'UTC', 'PST')", 'TIMESTAMP', 'null'],
    ["CONVERT_TZ(NTS, 'UTC', 'UTC')", 'TIMESTAMP', 'null'],
  ],
  DATEADD: [
    ['DATEADD(DAYS, 2, D)', 'DATE', '"2018-05-13"'],
    ['DATEADD(HOURS, 47, D)', 'DATE', '"2018-05-12"'],
    // Milliseconds to days truncate towards zero: an hour before 1970-01-01 is still that day.
    ['DATEADD(HOURS, -1, D0)', 'DATE', '"1970-01-01"'],
    ['DATEADD(HOURS, -25, D0)', 'DATE', '"1969-12-31"'],
    ['UNIX_DATE(DATEADD(DAYS, -2147483648, D0))', 'INTEGER', '-2147483648'],
    ['DATEADD(DAYS, NI, D)', 'DATE', 'null'],
  ],
  DATESUB: [
    ['DATESUB(DAYS, 2, D)', 'DATE', '"2018-05-09"'],
    ['DATESUB(MINUTES, 1, D0)', 'DATE', '"1970-01-01"'],
    ['DATESUB(DAYS, 1, ND)', 'DATE', 'null'],
  ],
  TIMEADD: [
    // ksqlDB QTT timeadd: wraps around midnight.
    ["FORMAT_TIME(TIMEADD(MILLISECONDS, 10, PARSE_TIME('23:59:59.995', 'HH:mm:ss.SSS')), 'HH:mm:ss.SSS')", 'STRING', '"00:00:00.005"'],
    ['TIMEADD(HOURS, 25, T0)', 'TIME', '"01:00"'],
    ['TIMEADD(SECONDS, -1, T0)', 'TIME', '"23:59:59"'],
    // The unit's nanoseconds saturate at Long.MAX_VALUE.
    ["FORMAT_TIME(TIMEADD(DAYS, 2147483647, T0), 'HH:mm:ss.SSS')", 'STRING', '"23:47:16.854"'],
    ['TIMEADD(SECONDS, 1, NT)', 'TIME', 'null'],
  ],
  TIMESUB: [
    ["FORMAT_TIME(TIMESUB(MILLISECONDS, 10, PARSE_TIME('00:00:00.005', 'HH:mm:ss.SSS')), 'HH:mm:ss.SSS')", 'STRING', '"23:59:59.995"'],
    ['TIMESUB(MINUTES, 90, T)', 'TIME', '"11:30"'],
    ['TIMESUB(SECONDS, NI, T)', 'TIME', 'null'],
  ],
  TIMESTAMPADD: [
    ['TIMESTAMPADD(SECONDS, 1, TS0)', 'TIMESTAMP', '"1970-01-01T00:00:01.000"'],
    ['TIMESTAMPADD(DAYS, -1, TS0)', 'TIMESTAMP', '"1969-12-31T00:00:00.000"'],
    ['TIMESTAMPADD(MILLISECONDS, 877, TS)', 'TIMESTAMP', '"2018-05-11T21:58:34.000"'],
    ['TIMESTAMPADD(HOURS, 1, NTS)', 'TIMESTAMP', 'null'],
  ],
  TIMESTAMPSUB: [
    // ksqlDB QTT timestampsub.
    ['TIMESTAMPSUB(MILLISECONDS, 10, FROM_UNIXTIME(20))', 'TIMESTAMP', '"1970-01-01T00:00:00.010"'],
    ['TIMESTAMPSUB(MINUTES, 60, TS)', 'TIMESTAMP', '"2018-05-11T20:58:33.123"'],
  ],
  FROM_DAYS: [
    ['FROM_DAYS(10)', 'DATE', '"1970-01-11"'],
    ['FROM_DAYS(-10)', 'DATE', '"1969-12-22"'],
    ['FROM_DAYS(NI)', 'DATE', 'null'],
  ],
  FROM_UNIXTIME: [
    ['FROM_UNIXTIME(1589234313000)', 'TIMESTAMP', '"2020-05-11T21:58:33.000"'],
    ['FROM_UNIXTIME(100)', 'TIMESTAMP', '"1970-01-01T00:00:00.100"'],
    ['FROM_UNIXTIME(NB)', 'TIMESTAMP', 'null'],
  ],
  UNIX_DATE: [
    ['UNIX_DATE(D)', 'INTEGER', '17662'],
    ['UNIX_DATE(FROM_DAYS(-10))', 'INTEGER', '-10'],
    ['UNIX_DATE() > 19000', 'BOOLEAN', 'true'],
    ['UNIX_DATE(ND)', 'INTEGER', 'null'],
  ],
  UNIX_TIMESTAMP: [
    ['UNIX_TIMESTAMP(TS)', 'BIGINT', '1526075913123'],
    ['UNIX_TIMESTAMP(FROM_UNIXTIME(-1))', 'BIGINT', '-1'],
    ['UNIX_TIMESTAMP() > 1600000000000', 'BOOLEAN', 'true'],
    ['UNIX_TIMESTAMP(NTS)', 'BIGINT', 'null'],
  ],
};

describe('functions: date and time', () => {
  for (const [name, list] of Object.entries(cases)) {
    describe(name, () => {
      for (const [expr, type, json] of list) {
        it(`${expr} → ${json}`, () => {
          const r = evaluate(expr, COLUMNS);
          expect([r.type, r.json]).to.deep.equal([type, json]);
        });
      }
    });
  }

  it('reads the clock on every row for UNIX_TIMESTAMP() and UNIX_DATE()', () => {
    const before = Date.now();
    const r = evaluate('UNIX_TIMESTAMP()');
    expect(Number(r.value)).to.be.within(before, Date.now());
    expect(evaluate('UNIX_DATE()').value).to.equal(Math.floor(Date.now() / 86_400_000));
  });

  it("rejects argument types with ksqlDB's message", () => {
    // ksqlDB QTT timeadd / timesub / datesub: "throws on incorrect type".
    expect(compileError('TIMEADD(T, 5, T)', COLUMNS)).to.match(/Function 'timeadd' does not accept parameters \(TIME, INTEGER, TIME\)\.$/);
    expect(compileError('DATESUB(D, 5, D)', COLUMNS)).to.match(/Function 'datesub' does not accept parameters \(DATE, INTEGER, DATE\)\.$/);
    expect(compileError("FORMAT_TIMESTAMP(1, 'yyyy')", COLUMNS)).to.match(/Function 'format_timestamp' does not accept parameters \(INTEGER, STRING\)\.$/);
    expect(compileError("TIMESTAMPTOSTRING(TS, 'yyyy')", COLUMNS)).to.match(/Function 'timestamptostring' does not accept parameters \(TIMESTAMP, STRING\)\.$/);
    expect(compileError('FROM_UNIXTIME(TS)', COLUMNS)).to.match(/Function 'from_unixtime' does not accept parameters \(TIMESTAMP\)\.$/);
    expect(compileError('DATEADD(DAYS, 2147483648, D)', COLUMNS)).to.match(/Function 'dateadd' does not accept parameters/);
  });

  it('recognises time unit words as the grammar normalises them', () => {
    expect(['day', 'DAYS', 'Hour', 'MILLISECOND', 'seconds', 'minute'].map(timeUnitName)).to.deep.equal(['DAYS', 'DAYS', 'HOURS', 'MILLISECONDS', 'SECONDS', 'MINUTES']);
    expect(timeUnitName('WEEKS')).to.equal(undefined);
  });
});
