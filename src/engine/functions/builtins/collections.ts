/**
 * Collection functions (ksqlDB reference: "Scalar functions › Collections" and "Invocation
 * functions"): arrays, maps and the lambda functions TRANSFORM, FILTER and REDUCE.
 *
 * Semantics follow ksqlDB's UDF classes (udf/array, udf/list, udf/map, udf/lambda, and ELT/FIELD
 * in udf/string): which arguments may be NULL, what a NULL collection gives, and the failures that
 * make the whole call NULL (a Java exception inside a UDF yields NULL for the row). Values inside
 * collections are compared with sqlEquals/sqlCompare (collections/sql-equality.ts). Maps keep the
 * insertion order of their entries; ksqlDB's HashMap results can list them in another order.
 */
import { decimalJavaString, integerText } from '../../../codec/scalar-text.js';
import { formatJavaDouble } from '../../../codec/java-double.js';
import { Decimal } from '../../../sql/decimal.js';
import { array, BIGINT, BOOLEAN, DOUBLE, INTEGER, STRING, struct, type SqlType } from '../../../sql/types.js';
import type { FunctionRegistry, LambdaFn } from '../function-registry.js';
import { isComparable, SqlValueSet, sqlCompare, sqlEquals } from '../../expressions/sql-equality.js';

type List = readonly unknown[];
type SqlMap = ReadonlyMap<unknown, unknown>;

export function registerCollections(r: FunctionRegistry): void {
  registerArraySetFunctions(r);
  registerArrayFunctions(r);
  registerArrayJoin(r);
  registerGenerateSeries(r);
  registerMapFunctions(r);
  registerStringListFunctions(r);
  registerLambdaFunctions(r);
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined;
}

/** ARRAY_CONCAT, ARRAY_DISTINCT, ARRAY_EXCEPT, ARRAY_INTERSECT, ARRAY_UNION (udf/array). */
function registerArraySetFunctions(r: FunctionRegistry): void {
  r.register({
    name: 'ARRAY_CONCAT',
    category: 'ARRAY',
    description: 'Concatenates two arrays of the same type; NULL only if both are NULL, otherwise a NULL argument counts as empty.',
    overloads: [
      {
        params: ['ARRAY<T>', 'ARRAY<T>'],
        returns: 'ARRAY<T>',
        nulls: 'call',
        impl: (a: List | null, b: List | null) => (isNull(a) && isNull(b) ? null : [...(a ?? []), ...(b ?? [])]),
      },
    ],
  });
  r.register({
    name: 'ARRAY_DISTINCT',
    category: 'ARRAY',
    description: 'The distinct values of an array, NULL included, in order of first occurrence.',
    overloads: [{ params: ['ARRAY<T>'], returns: 'ARRAY<T>', impl: (a: List) => new SqlValueSet(a).values }],
  });
  r.register({
    name: 'ARRAY_EXCEPT',
    category: 'ARRAY',
    description: 'The distinct elements of the first array that are not in the second, in first-array order.',
    overloads: [
      {
        params: ['ARRAY<T>', 'ARRAY<T>'],
        returns: 'ARRAY<T>',
        impl: (a: List, b: List) => {
          const exclude = new SqlValueSet(b);
          return new SqlValueSet(a).values.filter((v) => !exclude.has(v));
        },
      },
    ],
  });
  r.register({
    name: 'ARRAY_INTERSECT',
    category: 'ARRAY',
    description: 'The distinct elements present in both arrays, in first-array order.',
    overloads: [
      {
        params: ['ARRAY<T>', 'ARRAY<T>'],
        returns: 'ARRAY<T>',
        impl: (a: List, b: List) => {
          const keep = new SqlValueSet(b);
          return new SqlValueSet(a).values.filter((v) => keep.has(v));
        },
      },
    ],
  });
  r.register({
    name: 'ARRAY_UNION',
    category: 'ARRAY',
    description: 'The distinct elements of both arrays, in the order they are encountered.',
    overloads: [
      {
        params: ['ARRAY<T>', 'ARRAY<T>'],
        returns: 'ARRAY<T>',
        impl: (a: List, b: List) => {
          const all = new SqlValueSet(a);
          for (const v of b) all.add(v);
          return all.values;
        },
      },
    ],
  });
}

const SORT_ASC = new Set(['ASC', 'ASCENDING']);
const SORT_DESC = new Set(['DESC', 'DESCENDING']);

/** Natural order with NULLs last in both directions (Comparator.nullsLast, as ArraySort). */
function sortedCopy(a: List, descending: boolean): unknown[] {
  return [...a].sort((x, y) => {
    if (isNull(x)) return isNull(y) ? 0 : 1;
    if (isNull(y)) return -1;
    return descending ? sqlCompare(y, x) : sqlCompare(x, y);
  });
}

/** The largest (sign 1) or smallest (sign -1) non-NULL element; NULL if there is none. */
function extreme(a: List, sign: number): unknown {
  let best: unknown = null;
  for (const v of a) {
    if (isNull(v)) continue;
    // ksqlDB casts every element to Comparable: arrays, maps and structs fail the call.
    if (!isComparable(v)) throw new TypeError('ARRAY_MAX/ARRAY_MIN need elements of a primitive type');
    if (best === null || sqlCompare(v, best) * sign > 0) best = v;
  }
  return best;
}

/** ARRAY_CONTAINS, ARRAY_LENGTH, ARRAY_MAX, ARRAY_MIN, ARRAY_REMOVE, ARRAY_SORT, SLICE. */
function registerArrayFunctions(r: FunctionRegistry): void {
  r.register({
    name: 'ARRAY_CONTAINS',
    category: 'ARRAY',
    description: 'Whether the array is not NULL and contains the value (NULL finds a NULL element).',
    overloads: [
      {
        params: ['ARRAY<T>', 'T'],
        returns: 'BOOLEAN',
        nulls: 'call',
        impl: (a: List | null, v: unknown) => !isNull(a) && a!.some((x) => sqlEquals(x, v)),
      },
    ],
  });
  r.register({
    name: 'ARRAY_LENGTH',
    category: 'ARRAY',
    description: 'The number of elements in an array.',
    overloads: [{ params: ['ARRAY<T>'], returns: 'INTEGER', impl: (a: List) => a.length }],
  });
  r.register({
    name: 'ARRAY_MAX',
    category: 'ARRAY',
    description: 'The largest non-NULL element of an array of primitive values, by natural order.',
    overloads: [{ params: ['ARRAY<T>'], returns: 'T', impl: (a: List) => extreme(a, 1) }],
  });
  r.register({
    name: 'ARRAY_MIN',
    category: 'ARRAY',
    description: 'The smallest non-NULL element of an array of primitive values, by natural order.',
    overloads: [{ params: ['ARRAY<T>'], returns: 'T', impl: (a: List) => extreme(a, -1) }],
  });
  r.register({
    name: 'ARRAY_REMOVE',
    category: 'ARRAY',
    description: 'The array without the elements equal to the value (NULL removes NULLs).',
    overloads: [
      {
        params: ['ARRAY<T>', 'T'],
        returns: 'ARRAY<T>',
        nulls: 'call',
        impl: (a: List | null, v: unknown) => (isNull(a) ? null : a!.filter((x) => !sqlEquals(x, v))),
      },
    ],
  });
  r.register({
    name: 'ARRAY_SORT',
    category: 'ARRAY',
    description: "Sorts an array of primitive values by natural order, 'ASC' (default) or 'DESC'; NULLs go last.",
    overloads: [
      { params: ['ARRAY<T>'], returns: 'ARRAY<T>', impl: (a: List) => sortedCopy(a, false) },
      {
        params: ['ARRAY<T>', 'STRING'],
        returns: 'ARRAY<T>',
        impl: (a: List, direction: string) => {
          const d = direction.toUpperCase();
          if (SORT_ASC.has(d)) return sortedCopy(a, false);
          if (SORT_DESC.has(d)) return sortedCopy(a, true);
          return null;
        },
      },
    ],
  });
  r.register({
    name: 'SLICE',
    category: 'ARRAY',
    description: 'The elements from position `from` to `to`, 1-based and inclusive; a NULL bound means the end.',
    overloads: [
      {
        params: ['ARRAY<T>', 'INTEGER', 'INTEGER'],
        returns: 'ARRAY<T>',
        nulls: 'call',
        impl: (a: List | null, from: number | null, to: number | null) => {
          if (isNull(a)) return null;
          // List.subList(from - 1, to): any bound outside the list gives NULL.
          const start = isNull(from) ? 0 : from! - 1;
          const end = isNull(to) ? a!.length : to!;
          if (start < 0 || end > a!.length || start > end) return null;
          return a!.slice(start, end);
        },
      },
    ],
  });
}

/** Java's toString() of an ARRAY_JOIN element (ArrayJoin accepts only primitive SQL types). */
const JOIN_TEXT: Record<string, (v: unknown) => string> = {
  BOOLEAN: (v) => (v ? 'true' : 'false'),
  INTEGER: integerText,
  BIGINT: integerText,
  DOUBLE: (v) => formatJavaDouble(v as number),
  DECIMAL: (v) => decimalJavaString(v as Decimal),
  STRING: (v) => v as string,
  T: () => {
    throw new TypeError('ARRAY_JOIN supports arrays of primitive types only');
  },
};

function joiner(text: (v: unknown) => string) {
  return (a: List | null, delimiter: string | null = ','): string | null => {
    if (isNull(a)) return null;
    return a!.map((v) => (isNull(v) ? 'null' : text(v))).join(delimiter ?? '');
  };
}

function registerArrayJoin(r: FunctionRegistry): void {
  // One overload per element type, so each element prints as its Java type does (`0.0` for a
  // DOUBLE); the generic one comes last and fails on any non-NULL element.
  const overloads = Object.entries(JOIN_TEXT).flatMap(([kind, text]) => {
    const param = `ARRAY<${kind}>`;
    const join = joiner(text);
    return [
      { params: [param], returns: 'STRING', nulls: 'call' as const, impl: (a: List | null) => join(a) },
      { params: [param, 'STRING'], returns: 'STRING', nulls: 'call' as const, impl: (a: List | null, d: string | null) => join(a, d) },
    ];
  });
  r.register({
    name: 'ARRAY_JOIN',
    category: 'ARRAY',
    description: "Joins the elements of an array of primitive values into a string, with ',' or the given delimiter.",
    overloads,
  });
}

/** Java's `new ArrayList<>(size)` would run out of memory long before this; we refuse instead. */
const MAX_SERIES = 10_000_000;

function checkSeries(diffSign: number, step: number): void {
  if (step === 0) throw new RangeError('GENERATE_SERIES step cannot be zero');
  if ((diffSign > 0 && step < 0) || (diffSign < 0 && step > 0)) throw new RangeError('GENERATE_SERIES step has wrong sign');
}

function checkSize(size: number): void {
  if (size < 0 || size > MAX_SERIES) throw new RangeError(`GENERATE_SERIES cannot build ${size} elements`);
}

/** INTEGER series with Java int arithmetic (GenerateSeries.generateSeriesInt). */
function seriesInt(start: number, end: number, step?: number): number[] {
  const diff = (end - start) | 0;
  const s = step ?? (diff > 0 ? 1 : -1);
  checkSeries(Math.sign(diff), s);
  const size = (1 + (Math.trunc(diff / s) | 0)) | 0;
  checkSize(size);
  const out = new Array<number>(size);
  for (let i = 0, v = start; i < size; i++, v = (v + s) | 0) out[i] = v;
  return out;
}

/** BIGINT series with Java long arithmetic and an int step (generateSeriesLong). */
function seriesLong(start: bigint, end: bigint, step?: number): bigint[] {
  const diff = BigInt.asIntN(64, end - start);
  const s = step ?? (diff > 0n ? 1 : -1);
  checkSeries(diff > 0n ? 1 : diff < 0n ? -1 : 0, s);
  // `1 + (int) (diff / step)`: the quotient is truncated to 32 bits.
  const size = (1 + Number(BigInt.asIntN(32, BigInt.asIntN(64, diff / BigInt(s))))) | 0;
  checkSize(size);
  const out = new Array<bigint>(size);
  const inc = BigInt(s);
  for (let i = 0, v = start; i < size; i++, v = BigInt.asIntN(64, v + inc)) out[i] = v;
  return out;
}

function registerGenerateSeries(r: FunctionRegistry): void {
  r.register({
    name: 'GENERATE_SERIES',
    category: 'ARRAY',
    description: 'The values from start to end inclusive, by step (default 1 or -1; it must be an INTEGER).',
    overloads: [
      { params: ['INTEGER', 'INTEGER'], returns: 'ARRAY<INTEGER>', impl: (a: number, b: number) => seriesInt(a, b) },
      { params: ['INTEGER', 'INTEGER', 'INTEGER'], returns: 'ARRAY<INTEGER>', impl: seriesInt },
      { params: ['BIGINT', 'BIGINT'], returns: 'ARRAY<BIGINT>', impl: (a: bigint, b: bigint) => seriesLong(a, b) },
      { params: ['BIGINT', 'BIGINT', 'INTEGER'], returns: 'ARRAY<BIGINT>', impl: seriesLong },
    ],
  });
}

/** The value types ENTRIES is declared for (udf/array/Entries). */
const ENTRY_VALUE_TYPES: readonly [string, SqlType | undefined][] = [
  ['INTEGER', INTEGER],
  ['BIGINT', BIGINT],
  ['DOUBLE', DOUBLE],
  ['BOOLEAN', BOOLEAN],
  ['STRING', STRING],
  ['STRUCT', undefined],
];

function toDoubleValue(v: unknown): number {
  return v instanceof Decimal ? v.toNumber() : Number(v);
}

function entries(m: SqlMap, sorted: boolean, convert: (v: unknown) => unknown): Record<string, unknown>[] {
  const list = [...m];
  if (sorted) list.sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  return list.map(([k, v]) => ({ K: k, V: isNull(v) ? null : convert(v) }));
}

/** AS_MAP, ENTRIES, MAP_KEYS, MAP_VALUES, MAP_UNION (udf/map, udf/array/Entries). */
function registerMapFunctions(r: FunctionRegistry): void {
  r.register({
    name: 'AS_MAP',
    category: 'MAP',
    description: 'A map from an array of keys and an array of values (missing values are NULL; a repeated key keeps the last value).',
    overloads: [
      {
        params: ['ARRAY<STRING>', 'ARRAY<T>'],
        returns: 'MAP<STRING, T>',
        nulls: 'call',
        impl: (keys: List | null, values: List | null) => {
          if (isNull(keys) || (isNull(values) && keys!.length > 0)) return null;
          const out = new Map<unknown, unknown>();
          keys!.forEach((k, i) => out.set(k, i < values!.length ? values![i] : null));
          return out;
        },
      },
    ],
  });
  r.register({
    name: 'ENTRIES',
    category: 'MAP',
    description: 'The entries of a map as an array of STRUCT<K, V>, sorted by key if asked.',
    overloads: ENTRY_VALUE_TYPES.map(([name, valueType]) => ({
      params: [name === 'STRUCT' ? 'MAP<STRING, STRUCT>' : `MAP<STRING, ${name}>`, 'BOOLEAN'],
      returns: ({ args }: { args: readonly (SqlType | null)[] }): SqlType => {
        const actual = args[0]?.kind === 'MAP' ? args[0].value : STRING;
        return array(struct([{ name: 'K', type: STRING }, { name: 'V', type: valueType ?? actual }]));
      },
      // A DECIMAL map reaches the DOUBLE overload; its values become doubles.
      impl: (m: SqlMap, sorted: boolean) => entries(m, sorted, name === 'DOUBLE' ? toDoubleValue : (v) => v),
    })),
  });
  r.register({
    name: 'MAP_KEYS',
    category: 'MAP',
    description: 'The keys of a map, as an array.',
    overloads: [{ params: ['MAP<STRING, T>'], returns: 'ARRAY<STRING>', impl: (m: SqlMap) => [...m.keys()] }],
  });
  r.register({
    name: 'MAP_VALUES',
    category: 'MAP',
    description: 'The values of a map, as an array.',
    overloads: [{ params: ['MAP<STRING, T>'], returns: 'ARRAY<T>', impl: (m: SqlMap) => [...m.values()] }],
  });
  r.register({
    name: 'MAP_UNION',
    category: 'MAP',
    description: 'The entries of both maps; for a key in both, the value of the second. NULL only if both are NULL.',
    overloads: [
      {
        params: ['MAP<STRING, T>', 'MAP<STRING, T>'],
        returns: 'MAP<STRING, T>',
        nulls: 'call',
        impl: (a: SqlMap | null, b: SqlMap | null) => (isNull(a) && isNull(b) ? null : new Map([...(a ?? []), ...(b ?? [])])),
      },
    ],
  });
}

/** ELT and FIELD (udf/string): positions in a variable list of strings, 1-based. */
function registerStringListFunctions(r: FunctionRegistry): void {
  r.register({
    name: 'ELT',
    category: 'STRING',
    description: 'The n-th of the string arguments (1-based); NULL if n is out of range.',
    overloads: [
      {
        params: ['INTEGER', 'STRING...'],
        returns: 'STRING',
        nulls: 'call',
        impl: (n: number | null, ...args: (string | null)[]) => (isNull(n) || n! < 1 || n! > args.length ? null : args[n! - 1]),
      },
    ],
  });
  r.register({
    name: 'FIELD',
    category: 'STRING',
    description: 'The 1-based position of the string among the other arguments, or 0 (always 0 for NULL).',
    overloads: [
      {
        params: ['STRING', 'STRING...'],
        returns: 'INTEGER',
        nulls: 'call',
        impl: (s: string | null, ...args: (string | null)[]) => (isNull(s) ? 0 : args.indexOf(s) + 1),
      },
    ],
  });
}

function lambdaResult(v: unknown): unknown {
  return v === undefined ? null : v;
}

/**
 * A map built the way Collectors.toMap builds one, as FILTER and TRANSFORM do on maps: a NULL
 * value or a repeated key fails the call (NullPointerException, IllegalStateException).
 */
function collectMap(entries: Iterable<readonly [unknown, unknown]>): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  for (const [k, v] of entries) {
    if (isNull(v)) throw new TypeError('a map entry with a NULL value');
    if (out.has(k)) throw new TypeError('duplicate key');
    out.set(k, v);
  }
  return out;
}

/** TRANSFORM, FILTER, REDUCE (udf/lambda). */
function registerLambdaFunctions(r: FunctionRegistry): void {
  r.register({
    name: 'TRANSFORM',
    category: 'LAMBDA',
    description: 'Applies a lambda to each element of an array, or two lambdas (k, v) to the keys and values of a map.',
    overloads: [
      {
        params: ['ARRAY<T>', 'LAMBDA<T, U>'],
        returns: 'ARRAY<U>',
        impl: (a: List, f: LambdaFn) => a.map((x) => lambdaResult(f(x))),
      },
      {
        params: ['MAP<K, V>', 'LAMBDA<K, V, A>', 'LAMBDA<K, V, B>'],
        returns: 'MAP<A, B>',
        impl: (m: SqlMap, key: LambdaFn, value: LambdaFn) =>
          collectMap([...m].map(([k, v]) => [lambdaResult(key(k, v)), lambdaResult(value(k, v))] as const)),
      },
    ],
  });
  // ksqlDB's predicates never give NULL (its comparisons with NULL are false), so a NULL result
  // here, which this engine's comparisons can give, keeps the element out.
  r.register({
    name: 'FILTER',
    category: 'LAMBDA',
    description: 'The elements of an array, or the entries of a map, for which the lambda is true.',
    overloads: [
      {
        params: ['ARRAY<T>', 'LAMBDA<T, BOOLEAN>'],
        returns: 'ARRAY<T>',
        impl: (a: List, f: LambdaFn) => a.filter((x) => f(x) === true),
      },
      {
        params: ['MAP<K, V>', 'LAMBDA<K, V, BOOLEAN>'],
        returns: 'MAP<K, V>',
        impl: (m: SqlMap, f: LambdaFn) => collectMap([...m].filter(([k, v]) => f(k, v) === true)),
      },
    ],
  });
  r.register({
    name: 'REDUCE',
    category: 'LAMBDA',
    description: 'Folds an array with (state, x) or a map with (state, k, v) from an initial state; NULL state gives NULL, a NULL collection the state.',
    overloads: [
      {
        params: ['ARRAY<T>', 'U', 'LAMBDA<U, T, U>'],
        returns: 'U',
        nulls: 'call',
        impl: (a: List | null, state: unknown, f: LambdaFn) => {
          if (isNull(state)) return null;
          let s = state;
          for (const x of a ?? []) s = lambdaResult(f(s, x));
          return s;
        },
      },
      {
        params: ['MAP<K, V>', 'A', 'LAMBDA<A, K, V, A>'],
        returns: 'A',
        nulls: 'call',
        impl: (m: SqlMap | null, state: unknown, f: LambdaFn) => {
          if (isNull(state)) return null;
          let s = state;
          for (const [k, v] of m ?? []) s = lambdaResult(f(s, k, v));
          return s;
        },
      },
    ],
  });
}
