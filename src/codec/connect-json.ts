/**
 * Kafka Connect's JsonConverter (schemas off, `decimal.format=NUMERIC`), the JSON that ksqlDB
 * writes in two places:
 *
 * 1. Topic records in the JSON format: the converter's bytes as they are (decimal mode 'exact').
 * 2. STRUCT values in REST responses: ksqlDB's StructSerializationModule converts the struct with
 *    the converter, reads the bytes back with a default ObjectMapper (`readTree`) and writes that
 *    tree (protocol spec §2.8 [inferred]; decimal mode 'reparsed').
 *
 * Rules, for the value and everything nested in it:
 *   BOOLEAN, INTEGER, BIGINT, DOUBLE, STRING, BYTES → as in REST rows (DOUBLE in Double.toString
 *     form, NaN/±Infinity as JSON strings; BYTES Base64; strings escaped like Jackson);
 *   TIMESTAMP → epoch-millis number, DATE → epoch-days number, TIME → millis-of-day number;
 *   DECIMAL → a JSON number from BigDecimal.toString() in 'exact' mode (`1.10`, `1E-7`), at the
 *     value's own scale: neither ksqlDB's ConnectDataTranslator nor the converter rescale on the
 *     way out, so GREATEST(DECIMAL(9,2), DECIMAL(7,6)) writes `1234567.89` into its DECIMAL(13,6)
 *     column (QTT greatest "test decimal widening"); a value that is not yet a decimal is put at
 *     the column scale; in 'reparsed' mode readTree turns it into an integer when the scale is 0
 *     (exact digits) and into a double otherwise, printed by Double.toString (`1.10` → `1.1`);
 *   MAP with STRING keys → object; other key types → array of `[key, value]` pairs;
 *   STRUCT → object with the declared field names, in declaration order; a field missing from the
 *     value object is written as null. null → `null` everywhere.
 */
import type { DecimalType, MapType, SqlType, StructField, StructType } from '../sql/types.js';
import { Decimal } from '../sql/decimal.js';
import { formatJavaDoubleJson } from './java-double.js';
import { quoteJsonString } from './json-string.js';
import { bytesJson, decimalJavaString, integerText, toDecimal, toDouble } from './scalar-text.js';

export type ValueWriter = (v: unknown) => string;
/** 'exact': the converter's own output. 'reparsed': after ksqlDB's readTree round trip (REST STRUCTs). */
export type ConnectDecimalMode = 'exact' | 'reparsed';

/** Writer for one value by Connect's rules, null included. */
export function compileConnectValueWriter(type: SqlType, decimals: ConnectDecimalMode = 'exact'): ValueWriter {
  const write = compileNonNull(type, decimals);
  return (v) => (v === null || v === undefined ? 'null' : write(v));
}

/** Writer for a row given as positional values, as a JSON object keyed by the field names. */
export function compileConnectObjectWriter(
  fields: readonly StructField[],
  decimals: ConnectDecimalMode = 'exact',
): (values: readonly unknown[]) => string {
  const prefixes = memberPrefixes(fields);
  const writers = fields.map((f) => compileConnectValueWriter(f.type, decimals));
  const n = fields.length;
  if (n === 0) return () => '{}';
  return (values) => {
    let s = '';
    for (let i = 0; i < n; i++) s += prefixes[i]! + writers[i]!(values[i]);
    return s + '}';
  };
}

/** Writer for a non-null STRUCT value in a REST response (Connect rules, decimals re-parsed). */
export function compileStructWriter(type: StructType): ValueWriter {
  return structWriter(type, 'reparsed');
}

function memberPrefixes(fields: readonly StructField[]): string[] {
  return fields.map((f, i) => (i === 0 ? '{' : ',') + quoteJsonString(f.name) + ':');
}

function structWriter(type: StructType, decimals: ConnectDecimalMode): ValueWriter {
  const names = type.fields.map((f) => f.name);
  const prefixes = memberPrefixes(type.fields);
  const writers = type.fields.map((f) => compileConnectValueWriter(f.type, decimals));
  const n = names.length;
  if (n === 0) return () => '{}';
  return (v) => {
    const o = v as Record<string, unknown>;
    let s = '';
    for (let i = 0; i < n; i++) s += prefixes[i]! + writers[i]!(fieldValue(o, names[i]!));
    return s + '}';
  };
}

function fieldValue(o: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(o, name) ? o[name] : null;
}

function compileNonNull(type: SqlType, decimals: ConnectDecimalMode): ValueWriter {
  switch (type.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 'true' : 'false');
    case 'INTEGER':
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return integerText;
    case 'DOUBLE':
      return (v) => formatJavaDoubleJson(toDouble(v));
    case 'DECIMAL':
      return decimalWriter(type, decimals);
    case 'STRING':
      return (v) => quoteJsonString(typeof v === 'string' ? v : String(v));
    case 'BYTES':
      return bytesJson;
    case 'ARRAY':
      return arrayWriter(compileConnectValueWriter(type.element, decimals));
    case 'MAP':
      return mapWriter(type, decimals);
    case 'STRUCT':
      return structWriter(type, decimals);
  }
}

function decimalWriter(type: DecimalType, decimals: ConnectDecimalMode): ValueWriter {
  const scale = type.scale;
  if (decimals === 'exact') return (v) => decimalJavaString(v instanceof Decimal ? v : toDecimal(v, scale));
  if (scale === 0) return (v) => toDecimal(v, 0).unscaled.toString();
  return (v) => formatJavaDoubleJson(toDecimal(v, scale).toNumber());
}

/** `[e1,e2,...]` with every element written by `element`. */
export function arrayWriter(element: ValueWriter): ValueWriter {
  return (v) => {
    const a = v as readonly unknown[];
    if (a.length === 0) return '[]';
    let s = '[' + element(a[0]);
    for (let i = 1; i < a.length; i++) s += ',' + element(a[i]);
    return s + ']';
  };
}

function mapWriter(type: MapType, decimals: ConnectDecimalMode): ValueWriter {
  const value = compileConnectValueWriter(type.value, decimals);
  if (type.key.kind !== 'STRING') {
    const key = compileConnectValueWriter(type.key, decimals);
    return (v) => joinEntries(v, '[', ']', (k, x) => `[${key(k)},${value(x)}]`);
  }
  return (v) => joinEntries(v, '{', '}', (k, x) => `${quoteJsonString(String(k))}:${value(x)}`);
}

/** Entries of a MAP value (a JS Map; a plain object is accepted too), each written by `entry`. */
export function joinEntries(
  v: unknown,
  open: string,
  close: string,
  entry: (key: unknown, value: unknown) => string,
): string {
  let s = open;
  let first = true;
  const entries: Iterable<[unknown, unknown]> = v instanceof Map ? v : Object.entries(v as object);
  for (const [k, x] of entries) {
    s += (first ? '' : ',') + entry(k, x);
    first = false;
  }
  return s + close;
}
