/**
 * Type-directed JSON writers producing ksqlDB's exact row text (protocol spec §0.1, §2.8).
 *
 * Writers are compiled once per column type into closures; a row writer is one loop over the
 * compiled column writers, with no per-value type switch. Values use the runtime representation of
 * src/sql/types.ts; `null` (and `undefined`) is written as `null` at any depth.
 *
 * Top-level rules (also inside ARRAY and MAP): BOOLEAN `true`; INTEGER/BIGINT exact digits; DOUBLE
 * Java `Double.toString` with NaN/±Infinity as strings; DECIMAL plain notation at the column scale
 * (`1.10`, `1000`); STRING escaped like Jackson; BYTES Base64; TIMESTAMP `"2020-01-01T04:40:34.789"`;
 * DATE `"2020-01-01"`; TIME `"04:40:34"` / `"12:00"`; STRUCT: Kafka Connect's rules (connect-json.ts).
 *
 * MAP keys are written as strings: STRING as is; numbers as their decimal text (DOUBLE as
 * Double.toString, DECIMAL as BigDecimal.toString); BOOLEAN `true`/`false`; TIMESTAMP in the
 * timestamp format. DATE and TIME keys are java.sql.Date/Time objects in ksqlDB, which Jackson's
 * key serializer formats with the mapper's date format, so they are written as timestamps
 * (`1970-01-01T04:40:34.789`) [inferred from Jackson's StdKeySerializers]. BYTES keys are Base64.
 * A null key (Jackson would fail the row) is written as `"null"`.
 *
 * Measured (Node 20.20, shared 2-core development container, runs vary by about 20%;
 * spec/codec/codec-bench.ts): a 5-column row (STRING, STRING, BIGINT, DOUBLE, INTEGER) through
 * compileRowWriter, 1.5-2.0 million rows/s; JSON.stringify of the same row (with a number for the
 * BIGINT, and Java-incompatible doubles) 1.2-1.7 million. The DOUBLE column is the largest single
 * cost (String(x) itself is most of it).
 */
import { Decimal } from '../sql/decimal.js';
import type { DecimalType, MapType, SqlType } from '../sql/types.js';
import { formatJavaDouble, formatJavaDoubleJson } from './java-double.js';
import { quoteJsonString } from './json-string.js';
import { bytesJson, decimalJavaString, integerText, toDecimal, toDouble } from './scalar-text.js';
import { arrayWriter, compileStructWriter, joinEntries, type ValueWriter } from './connect-json.js';
import { formatDate, formatTime, formatTimestamp } from './temporal-text.js';
import { encodeBase64 } from './base64.js';

export type { ValueWriter } from './connect-json.js';
export type RowWriter = (row: readonly unknown[]) => string;
export { writeJsonValue } from './json-value-write.js';

const MS_PER_DAY = 86_400_000;

/** Writer for one top-level column value of the given type, null included. */
export function compileValueWriter(type: SqlType): ValueWriter {
  const write = compileNonNull(type);
  return (v) => (v === null || v === undefined ? 'null' : write(v));
}

/** Writer for a row: `[v1,v2,...]`, no spaces. Compile once per result schema. */
export function compileRowWriter(types: readonly SqlType[]): RowWriter {
  const writers = types.map(compileValueWriter);
  const n = writers.length;
  if (n === 0) return () => '[]';
  const first = writers[0]!;
  return (row) => {
    let s = '[' + first(row[0]);
    for (let i = 1; i < n; i++) s += ',' + writers[i]!(row[i]);
    return s + ']';
  };
}

function compileNonNull(type: SqlType): ValueWriter {
  switch (type.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 'true' : 'false');
    case 'INTEGER':
      return (v) => (typeof v === 'number' ? String(v) : integerText(v));
    case 'BIGINT':
      return (v) => (typeof v === 'bigint' ? v.toString() : integerText(v));
    case 'DOUBLE':
      return (v) => formatJavaDoubleJson(typeof v === 'number' ? v : toDouble(v));
    case 'DECIMAL':
      return decimalWriter(type);
    case 'STRING':
      return (v) => quoteJsonString(typeof v === 'string' ? v : String(v));
    case 'BYTES':
      return bytesJson;
    case 'TIMESTAMP':
      return (v) => `"${formatTimestamp(toDouble(v))}"`;
    case 'DATE':
      return (v) => `"${formatDate(toDouble(v))}"`;
    case 'TIME':
      return (v) => `"${formatTime(toDouble(v))}"`;
    case 'ARRAY':
      return arrayWriter(compileValueWriter(type.element));
    case 'MAP':
      return mapWriter(type);
    case 'STRUCT':
      return compileStructWriter(type);
  }
}

function decimalWriter(type: DecimalType): ValueWriter {
  const scale = type.scale;
  return (v) => (v instanceof Decimal && v.scale === scale ? v.toString() : toDecimal(v, scale).toString());
}

function mapWriter(type: MapType): ValueWriter {
  const value = compileValueWriter(type.value);
  const keyText = compileMapKeyText(type.key);
  return (v) => joinEntries(v, '{', '}', (k, x) => `${quoteJsonString(keyText(k))}:${value(x)}`);
}

/** The unquoted text of a MAP key, by key type (see the file comment). */
export function compileMapKeyText(type: SqlType): (k: unknown) => string {
  const text = compileKeyTextNonNull(type);
  return (k) => (k === null || k === undefined ? 'null' : text(k));
}

function compileKeyTextNonNull(type: SqlType): (k: unknown) => string {
  switch (type.kind) {
    case 'STRING':
      return (k) => (typeof k === 'string' ? k : String(k));
    case 'BOOLEAN':
      return (k) => (k ? 'true' : 'false');
    case 'INTEGER':
    case 'BIGINT':
      return integerText;
    case 'DOUBLE':
      return (k) => formatJavaDouble(toDouble(k));
    case 'DECIMAL':
      return (k) => decimalJavaString(toDecimal(k, type.scale));
    case 'TIMESTAMP':
    case 'TIME':
      return (k) => formatTimestamp(toDouble(k));
    case 'DATE':
      return (k) => formatTimestamp(toDouble(k) * MS_PER_DAY);
    case 'BYTES':
      return (k) => (k instanceof Uint8Array ? encodeBase64(k) : String(k));
    default:
      return compileNonNull(type);
  }
}
