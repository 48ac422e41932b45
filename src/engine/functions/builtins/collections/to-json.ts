/**
 * TO_JSON_STRING's text for a value of a known SQL type. ksqlDB (udf/json/ToJsonString) first
 * turns the value into plain Java objects and then writes them with its UDF ObjectMapper:
 *
 * - BOOLEAN, INTEGER, BIGINT as JSON literals; DOUBLE as Double.toString (NaN and ±Infinity
 *   quoted, Jackson's default); DECIMAL in plain notation at its scale (WRITE_BIGDECIMAL_AS_PLAIN);
 * - STRING quoted, escaped as Jackson's character writer does (json-tree.ts);
 * - BYTES as a Base64 string; DATE `"2021-10-11"` (LocalDate); TIME `"13:25"` / `"13:25:07"`
 *   (LocalTime of the whole seconds); TIMESTAMP `"2021-06-30T12:18:39.446"` (DateTimeFormatter
 *   `yyyy-MM-dd'T'HH:mm:ss.SSS` in UTC: proleptic Gregorian, year of era, `+` above 9999);
 * - ARRAY as a JSON array; MAP and STRUCT as objects whose keys are sorted (a TreeMap of the
 *   key's toString(), so STRUCT fields come out in name order, not declaration order);
 * - NULL, at any depth, as `null`.
 */
import { encodeBase64 } from '../../../../codec/base64.js';
import { formatJavaDouble, formatJavaDoubleJson } from '../../../../codec/java-double.js';
import { decimalJavaString, integerText, toDecimal, toDouble } from '../../../../codec/scalar-text.js';
import { formatDate, formatTime } from '../../../../codec/temporal-text.js';
import type { SqlType } from '../../../../sql/types.js';
import { quoteJacksonString } from './json-tree.js';

type Writer = (v: unknown) => string;

/** The writer for values of `type`, NULL included. */
export function toJsonWriter(type: SqlType | null): Writer {
  if (type === null) return () => 'null';
  const write = nonNull(type);
  return (v) => (v === null || v === undefined ? 'null' : write(v));
}

function nonNull(type: SqlType): Writer {
  switch (type.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 'true' : 'false');
    case 'INTEGER':
    case 'BIGINT':
      return integerText;
    case 'DOUBLE':
      return (v) => formatJavaDoubleJson(toDouble(v));
    case 'DECIMAL': {
      const scale = type.scale;
      return (v) => toDecimal(v, scale).toString();
    }
    case 'STRING':
      return (v) => quoteJacksonString(String(v));
    case 'BYTES':
      return (v) => `"${encodeBase64(v as Uint8Array)}"`;
    case 'DATE':
      return (v) => `"${formatDate(toDouble(v))}"`;
    case 'TIME':
      return (v) => `"${formatTime(toDouble(v))}"`;
    case 'TIMESTAMP':
      return (v) => `"${isoTimestamp(toDouble(v))}"`;
    case 'ARRAY': {
      const element = toJsonWriter(type.element);
      return (v) => '[' + (v as unknown[]).map(element).join(',') + ']';
    }
    case 'MAP': {
      const keyText = mapKeyText(type.key);
      const value = toJsonWriter(type.value);
      return (v) => {
        const entries = new Map<string, unknown>();
        for (const [k, x] of v as Map<unknown, unknown>) entries.set(keyText(k), x);
        return sortedObject(entries, value);
      };
    }
    case 'STRUCT': {
      const fields = type.fields.map((f) => ({ name: f.name, write: toJsonWriter(f.type) }));
      fields.sort((a, b) => compareUtf16(a.name, b.name));
      return (v) => {
        const o = v as Record<string, unknown>;
        return '{' + fields.map((f) => `${quoteJacksonString(f.name)}:${f.write(Object.hasOwn(o, f.name) ? o[f.name] : null)}`).join(',') + '}';
      };
    }
  }
}

function sortedObject(entries: Map<string, unknown>, value: Writer): string {
  const keys = [...entries.keys()].sort(compareUtf16);
  return '{' + keys.map((k) => `${quoteJacksonString(k)}:${value(entries.get(k))}`).join(',') + '}';
}

function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A map key's Java toString(), which names it in the TreeMap. */
function mapKeyText(type: SqlType): (k: unknown) => string {
  switch (type.kind) {
    case 'INTEGER':
    case 'BIGINT':
      return integerText;
    case 'DOUBLE':
      return (k) => formatJavaDouble(toDouble(k));
    case 'DECIMAL': {
      const scale = type.scale;
      return (k) => decimalJavaString(toDecimal(k, scale));
    }
    case 'BOOLEAN':
      return (k) => (k ? 'true' : 'false');
    default:
      return (k) => String(k);
  }
}

/** `yyyy-MM-dd'T'HH:mm:ss.SSS` of java.time in UTC (proleptic Gregorian, year of era). */
function isoTimestamp(epochMs: number): string {
  const d = new Date(Math.floor(epochMs));
  const y = d.getUTCFullYear();
  const era = y > 0 ? y : 1 - y;
  const year = era > 9999 ? '+' + era : String(era).padStart(4, '0');
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const date = `${year}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
  return `${date}T${time}`;
}
