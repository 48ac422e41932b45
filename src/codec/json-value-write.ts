/**
 * An untyped, compact JSON writer for our own entities and control messages (metadata, acks,
 * errors, /ksql entities), used instead of JSON.stringify wherever a bigint or Decimal can appear.
 *
 * Like JSON.stringify: objects in insertion key order (`Object.keys`), keys whose value is
 * `undefined`, a function or a symbol are omitted (in arrays those become `null`), `toJSON()` is
 * honoured (Date), non-finite numbers become `null`, numbers print as JavaScript prints them.
 * Unlike it: strings are escaped like Jackson (json-string.ts), a bigint prints its digits, a
 * JsonFloat its original text, a Decimal its plain text, a Uint8Array/ArrayBuffer Base64, a Map an
 * object keyed by `String(key)`. Nesting deeper than MAX_DEPTH (a cycle, usually) throws RangeError.
 */
import { Decimal } from '../sql/decimal.js';
import { encodeBase64 } from './base64.js';
import { JsonFloat } from './json-parse.js';
import { quoteJsonString } from './json-string.js';

const MAX_DEPTH = 1000;

/** `v` as compact JSON text (`null` for undefined at the top). */
export function writeJsonValue(v: unknown): string {
  return write(v, 0) ?? 'null';
}

/** JSON text, or undefined for values an object omits (undefined, functions, symbols). */
function write(v: unknown, depth: number): string | undefined {
  switch (typeof v) {
    case 'string':
      return quoteJsonString(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'object':
      return v === null ? 'null' : writeObjectLike(v, depth + 1);
    default:
      return undefined;
  }
}

function writeObjectLike(v: object, depth: number): string {
  if (depth > MAX_DEPTH) throw new RangeError('writeJsonValue: nesting too deep (cyclic value?)');
  if (Array.isArray(v)) return writeArray(v, depth);
  if (v instanceof JsonFloat) return v.text;
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Uint8Array) return `"${encodeBase64(v)}"`;
  if (v instanceof ArrayBuffer) return `"${encodeBase64(new Uint8Array(v))}"`;
  if (v instanceof Map) return writeEntries(v, depth);
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(v), depth - 1) ?? 'null';
  return writeEntries(Object.entries(v), depth);
}

function writeArray(a: readonly unknown[], depth: number): string {
  let s = '[';
  for (let i = 0; i < a.length; i++) s += (i === 0 ? '' : ',') + (write(a[i], depth) ?? 'null');
  return s + ']';
}

function writeEntries(entries: Iterable<[unknown, unknown]>, depth: number): string {
  let s = '{';
  for (const [k, x] of entries) {
    const text = write(x, depth);
    if (text === undefined) continue;
    s += (s.length === 1 ? '' : ',') + quoteJsonString(String(k)) + ':' + text;
  }
  return s + '}';
}
