/**
 * Turning JSON values into SQL values of a column's type. Two modes, as in ksqlDB:
 * - 'lenient' reads topic data the way ksqlDB's JSON deserializer does (numbers from numeric
 *   text, text from any scalar, ...); a value it cannot read makes the record undeserializable.
 * - 'strict' checks `/inserts-stream` rows and `INSERT ... VALUES` (protocol spec §5.3): INTEGER
 *   only 32-bit integers, DECIMAL from a number or numeric string rounded half-up, STRING only
 *   strings, and so on.
 * JSON input is what src/codec/json-parse.ts yields: safe integers as number, larger ones as
 * bigint, numbers with a fraction or exponent as JsonFloat.
 */
import { JsonFloat } from '../codec/json-parse.js';
import { jsonNodeText } from '../codec/json-node-text.js';
import { Decimal } from '../sql/decimal.js';
import type { SqlType } from '../sql/types.js';
import { parseDate, parseTime, parseTimestamp } from './time-parse.js';

export type CoerceMode = 'lenient' | 'strict';

export class CoercionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoercionError';
  }
}

/** The Java class ksqlDB names in its coercion messages for a JSON value. */
export function javaClassOf(v: unknown): string {
  if (typeof v === 'string') return 'java.lang.String';
  if (typeof v === 'boolean') return 'java.lang.Boolean';
  if (typeof v === 'bigint') return 'java.lang.Long';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 2147483647 ? 'java.lang.Integer' : 'java.lang.Long';
  if (v instanceof JsonFloat) return 'java.lang.Double';
  if (Array.isArray(v)) return 'io.vertx.core.json.JsonArray';
  return 'io.vertx.core.json.JsonObject';
}

function fail(v: unknown, type: SqlType): never {
  throw new CoercionError(`Can't coerce a field of type class ${javaClassOf(v)} into type ${typeLabel(type)}`);
}

function typeLabel(type: SqlType): string {
  return type.kind === 'DECIMAL' ? `DECIMAL(${type.precision}, ${type.scale})` : type.kind;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export function coerce(v: unknown, type: SqlType, mode: CoerceMode): unknown {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      return toBoolean(v, type, mode);
    case 'INTEGER':
      return toInteger(v, type, mode);
    case 'BIGINT':
      return toBigint(v, type, mode);
    case 'DOUBLE':
      return toDouble(v, type, mode);
    case 'DECIMAL':
      return toDecimal(v, type);
    case 'STRING':
      return toStringValue(v, type, mode);
    case 'BYTES':
      return toBytes(v, type);
    case 'TIMESTAMP':
      return typeof v === 'string' ? parseOrFail(parseTimestamp, v, type) : lenientNumber(v, type, mode);
    case 'DATE':
      return typeof v === 'string' ? parseOrFail(parseDate, v, type) : lenientNumber(v, type, mode);
    case 'TIME':
      return typeof v === 'string' ? parseOrFail(parseTime, v, type) : lenientNumber(v, type, mode);
    case 'ARRAY':
      if (!Array.isArray(v)) fail(v, type);
      return v.map((e) => coerce(e, type.element, mode));
    case 'MAP':
      return toMap(v, type, mode);
    case 'STRUCT':
      return toStruct(v, type, mode);
  }
}

function toBoolean(v: unknown, type: SqlType, mode: CoerceMode): boolean {
  if (typeof v === 'boolean') return v;
  if (mode === 'lenient' && typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  fail(v, type);
}

function toInteger(v: unknown, type: SqlType, mode: CoerceMode): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX) return v;
  if (mode === 'lenient') {
    const n = lenientNumeric(v);
    // Java's intValue() truncates toward zero and wraps to 32 bits.
    if (n !== undefined && Number.isFinite(n)) return Math.trunc(n) | 0;
  }
  fail(v, type);
}

function toBigint(v: unknown, type: SqlType, mode: CoerceMode): bigint {
  if (typeof v === 'bigint') return BigInt.asIntN(64, v);
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (mode === 'lenient') {
    if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return BigInt.asIntN(64, BigInt(v.trim()));
    const n = lenientNumeric(v);
    if (n !== undefined && Number.isFinite(n)) return BigInt.asIntN(64, BigInt(Math.trunc(n)));
  }
  fail(v, type);
}

function toDouble(v: unknown, type: SqlType, mode: CoerceMode): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof JsonFloat) return v.value;
  if (mode === 'lenient') {
    const n = lenientNumeric(v);
    if (n !== undefined) return n;
  }
  fail(v, type);
}

function toDecimal(v: unknown, type: SqlType & { kind: 'DECIMAL' }): Decimal {
  let d: Decimal | undefined;
  try {
    if (typeof v === 'number' || typeof v === 'bigint') d = Decimal.parse(String(v));
    else if (v instanceof JsonFloat) d = Decimal.parse(v.text);
    else if (typeof v === 'string') d = Decimal.parse(v.trim());
  } catch {
    d = undefined;
  }
  if (!d) fail(v, type);
  const scaled = d.setScale(type.scale, 'HALF_UP');
  if (scaled.precision() > type.precision) {
    throw new CoercionError(`Cannot fit decimal '${d.toString()}' into DECIMAL(${type.precision}, ${type.scale}) without rounding. (Requires ${d.precision()},${d.scale})`);
  }
  return scaled;
}

/** Lenient: any JSON value, objects and arrays included, read as ksqlDB reads it into a STRING. */
function toStringValue(v: unknown, type: SqlType, mode: CoerceMode): string {
  if (typeof v === 'string') return v;
  if (mode === 'lenient') return jsonNodeText(v);
  fail(v, type);
}

function toBytes(v: unknown, type: SqlType): Uint8Array {
  if (typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0) return Buffer.from(v, 'base64');
  fail(v, type);
}

function toMap(v: unknown, type: SqlType & { kind: 'MAP' }, mode: CoerceMode): Map<unknown, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof JsonFloat) fail(v, type);
  const out = new Map<unknown, unknown>();
  for (const [k, e] of Object.entries(v)) out.set(coerce(k, type.key, 'lenient'), coerce(e, type.value, mode));
  return out;
}

function toStruct(v: unknown, type: SqlType & { kind: 'STRUCT' }, mode: CoerceMode): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof JsonFloat) fail(v, type);
  const fields = v as Record<string, unknown>;
  const upper = upperCaseKeys(fields);
  const out: Record<string, unknown> = {};
  for (const f of type.fields) {
    const raw = Object.hasOwn(fields, f.name) ? fields[f.name] : upper.get(f.name);
    out[f.name] = coerce(raw, f.type, mode);
  }
  return out;
}

/** JSON field lookup as ksqlDB does it: the exact name first, then the upper-cased name. */
export function upperCaseKeys(obj: Record<string, unknown>): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const u = k.toUpperCase();
    if (!m.has(u)) m.set(u, v);
  }
  return m;
}

function lenientNumeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof JsonFloat) return v.value;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function lenientNumber(v: unknown, type: SqlType, mode: CoerceMode): number {
  if (mode === 'lenient' && typeof v === 'number' && Number.isInteger(v)) return v;
  fail(v, type);
}

function parseOrFail(parse: (s: string) => number | undefined, v: string, type: SqlType): number {
  const n = parse(v);
  if (n === undefined) fail(v, type);
  return n;
}
