/**
 * Equality, ordering and de-duplication of SQL values inside collections, as ksqlDB's Java UDFs
 * see them (List.contains, LinkedHashSet, Objects.equals, Comparable.compareTo):
 *
 * - numbers by value whatever their representation (a BIGINT bigint equals an INTEGER number
 *   after widening); DECIMALs by value (BigDecimal.equals would also compare the scale, but the
 *   elements of one typed array share one scale); NaN equals NaN, as Double.equals says.
 *   Java's Double.equals also tells 0.0 from -0.0; here they are equal, because an INTEGER
 *   computed in JavaScript can be -0 and must not differ from 0;
 * - strings and booleans by value, BYTES by content;
 * - ARRAY element by element, MAP by entries (order ignored), STRUCT field by field (a field
 *   missing from the value object counts as NULL); NULL equals NULL at any depth.
 *
 * Ordering (ARRAY_SORT, ARRAY_MAX, ARRAY_MIN) is Java's natural order: false < true; numbers by
 * value with Double.compareTo's -0.0 < 0.0 and NaN above everything; strings by UTF-16 code
 * units (String.compareTo, so 'Z' < 'a'); BYTES lexicographically by signed byte
 * (ByteBuffer.compareTo); DATE, TIME and TIMESTAMP by their instant. ARRAY, MAP and STRUCT values
 * have no natural order: comparing two of them throws, as the ClassCastException in ksqlDB does.
 */
import { Decimal } from '../../sql/decimal.js';

type Num = number | bigint | Decimal;

function isNum(v: unknown): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof Decimal;
}

function asDecimal(v: Num): Decimal | undefined {
  if (v instanceof Decimal) return v;
  if (typeof v === 'bigint') return new Decimal(v, 0);
  return Number.isFinite(v) ? Decimal.fromNumber(v) : undefined;
}

function numbersEqual(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (a !== a && b !== b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (a instanceof Decimal || b instanceof Decimal) {
    const x = asDecimal(a);
    const y = asDecimal(b);
    return x !== undefined && y !== undefined && x.compareValue(y) === 0;
  }
  // number and bigint
  return typeof a === 'number' ? Number.isInteger(a) && BigInt(a) === b : Number.isInteger(b) && a === BigInt(b as number);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** SQL equality of two values of one (possibly widened) type; NULL equals NULL. */
export function sqlEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (isNum(a) && isNum(b)) return numbersEqual(a, b);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && bytesEqual(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sqlEquals(x, b[i]));
  if (a instanceof Map) return b instanceof Map && mapsEqual(a, b);
  if (Array.isArray(b) || b instanceof Map || b instanceof Uint8Array || b instanceof Decimal) return false;
  return structsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

function mapsEqual(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    if (b.has(k)) {
      if (!sqlEquals(v, b.get(k))) return false;
      continue;
    }
    let found = false;
    for (const [k2, v2] of b) {
      if (sqlEquals(k, k2)) {
        found = sqlEquals(v, v2);
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function structsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const n of names) {
    const x = Object.hasOwn(a, n) ? a[n] : null;
    const y = Object.hasOwn(b, n) ? b[n] : null;
    if (!sqlEquals(x, y)) return false;
  }
  return true;
}

function compareNumbers(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) {
      // Double.compareTo: -0.0 sorts before 0.0.
      const na = Object.is(a, -0);
      const nb = Object.is(b, -0);
      return na === nb ? 0 : na ? -1 : 1;
    }
    const aNaN = a !== a;
    const bNaN = b !== b;
    return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
  }
  if (a instanceof Decimal || b instanceof Decimal) {
    const x = asDecimal(a);
    const y = asDecimal(b);
    if (x && y) return x.compareValue(y);
    // One side is a non-finite double.
    const d = typeof a === 'number' ? a : -(b as number);
    return d !== d ? (typeof a === 'number' ? 1 : -1) : d > 0 ? 1 : -1;
  }
  // bigint with bigint or number (JavaScript compares those exactly)
  if (a !== a) return 1;
  if (b !== b) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = (a[i]! << 24) >> 24;
    const y = (b[i]! << 24) >> 24;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Java's natural order of two non-null values of one type; throws for ARRAY, MAP and STRUCT. */
export function sqlCompare(a: unknown, b: unknown): number {
  if (isNum(a) && isNum(b)) return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  throw new TypeError('values of this type have no natural order');
}

/** Whether values like `v` have a natural order (the element types ARRAY_SORT accepts). */
export function isComparable(v: unknown): boolean {
  return isNum(v) || typeof v === 'string' || typeof v === 'boolean' || v instanceof Uint8Array;
}

/**
 * A hash key for values that are cheap to key exactly (strings, booleans, numbers, DECIMALs),
 * consistent with sqlEquals; undefined for the rest, which are compared pairwise.
 */
function hashKey(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'boolean':
      return v ? 'T' : 'F';
    case 'bigint':
      return 'n' + v.toString();
    case 'number':
      if (Number.isSafeInteger(v)) return 'n' + String(v === 0 ? 0 : v);
      if (Number.isInteger(v)) return 'n' + BigInt(v).toString();
      if (v !== v) return 'NaN';
      return Number.isFinite(v) ? decimalKey(Decimal.fromNumber(v)) : v > 0 ? '+Inf' : '-Inf';
    case 'object':
      if (v === null) return 'null';
      if (v instanceof Decimal) return decimalKey(v);
      return undefined;
    default:
      return v === undefined ? 'null' : undefined;
  }
}

function decimalKey(d: Decimal): string {
  let unscaled = d.unscaled;
  let scale = d.scale;
  if (unscaled === 0n) return 'n0';
  while (scale > 0 && unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale--;
  }
  if (scale <= 0) return 'n' + (unscaled * 10n ** BigInt(-scale)).toString();
  return 'd' + new Decimal(unscaled, scale).toString();
}

/** An insertion-ordered set of SQL values (Java's LinkedHashSet under sqlEquals). */
export class SqlValueSet {
  private readonly keyed = new Set<string>();
  private readonly others: unknown[] = [];
  readonly values: unknown[] = [];

  constructor(items?: Iterable<unknown>) {
    if (items) for (const v of items) this.add(v);
  }

  has(v: unknown): boolean {
    const key = hashKey(v);
    if (key !== undefined) return this.keyed.has(key);
    return this.others.some((o) => sqlEquals(o, v));
  }

  /** Adds `v` unless an equal value is present; true if it was added. */
  add(v: unknown): boolean {
    const key = hashKey(v);
    if (key !== undefined) {
      if (this.keyed.has(key)) return false;
      this.keyed.add(key);
    } else {
      if (this.others.some((o) => sqlEquals(o, v))) return false;
      this.others.push(v);
    }
    this.values.push(v === undefined ? null : v);
    return true;
  }
}
