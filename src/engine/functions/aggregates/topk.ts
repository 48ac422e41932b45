/**
 * TOPK and TOPKDISTINCT, stream only (no undo). k is the last argument, an INTEGER literal.
 *
 * TOPK(col, k) → ARRAY<T>, T one of INTEGER, BIGINT, DOUBLE, STRING: the k largest non-NULL
 * values, largest first, duplicates kept. TOPK(col, other1, other2, ..., k) →
 * ARRAY<STRUCT<sort_col T, col0 T0, col1 T1, ...>>: the rows with the k largest col, the other
 * columns (any types, NULLs allowed) carried along. Equal values keep arrival order, and a value
 * equal to the smallest of a full list does not get in (Java's stable sort after replacing the
 * last element).
 *
 * TOPKDISTINCT(col, k) → ARRAY<T>, T one of INTEGER, BIGINT, DOUBLE, DECIMAL, STRING: the k
 * largest distinct values.
 *
 * Merging two session windows interleaves both sorted lists, taking from the earlier session on
 * ties (TOPKDISTINCT takes equal heads once). A k below 1 yields empty lists (ksqlDB does not
 * check it and fails at run time).
 */
import { STRING, array, struct, type SqlType } from '../../../sql/types.js';
import { sqlCompare, sqlEquals } from '../../expressions/sql-equality.js';
import type { AggregateArg } from '../aggregate.js';
import {
  copyArray,
  erase,
  intLiteral,
  noMatchingSignature,
  requireLiterals,
  unsupportedFactoryType,
  type KsqlAggregateFunctionDef,
  type KsqlAggregator,
} from './common.js';

const TOPK_KINDS = new Set(['INTEGER', 'BIGINT', 'DOUBLE', 'STRING']);
const TOPKDISTINCT_KINDS = new Set(['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING']);

/** Inserts `item` into a list sorted largest first, after every element not smaller than it. */
function insertSorted<E>(list: E[], item: E, key: (e: E) => unknown): void {
  const v = key(item);
  let i = list.length;
  while (i > 0 && sqlCompare(key(list[i - 1]!), v) < 0) i--;
  list.splice(i, 0, item);
}

function resolveTopK(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length < 2) throw noMatchingSignature('TOPK', args);
  const sortType = args[0]!.type;
  const kArg = args[args.length - 1]!;
  if (sortType === null || !TOPK_KINDS.has(sortType.kind) || kArg.type?.kind !== 'INTEGER') {
    throw noMatchingSignature('TOPK', args);
  }
  const others = args.slice(1, -1);
  if (others.some((a) => a.type === null)) throw noMatchingSignature('TOPK', args);
  requireLiterals('TOPK', args, args.length - 1);
  const k = intLiteral(kArg);
  const columnArgs = args.length - 1;

  let elementType: SqlType = sortType;
  let entry: (values: readonly unknown[]) => unknown = (values) => values[0];
  let key: (e: unknown) => unknown = (e) => e;
  if (others.length > 0) {
    const fields = [{ name: 'sort_col', type: sortType }, ...others.map((a, i) => ({ name: `col${i}`, type: a.type ?? STRING }))];
    elementType = struct(fields);
    entry = (values) => {
      const row: Record<string, unknown> = { sort_col: values[0] };
      for (let i = 1; i < columnArgs; i++) row[`col${i - 1}`] = values[i] ?? null;
      return row;
    };
    key = (e) => (e as Record<string, unknown>).sort_col;
  }
  const type = array(elementType);

  return erase<unknown[]>({
    returnType: type,
    intermediateType: type,
    columnArgs,
    initial: () => [],
    add: (acc, values) => {
      const v = values[0];
      if (v == null || k < 1) return acc;
      if (acc.length >= k) {
        if (sqlCompare(v, key(acc[acc.length - 1])) <= 0) return acc;
        acc.pop();
      }
      insertSorted(acc, entry(values), key);
      return acc;
    },
    merge: (left, right) => {
      const merged: unknown[] = [];
      let i = 0;
      let j = 0;
      while (merged.length < k && (i < left.length || j < right.length)) {
        if (j >= right.length || (i < left.length && sqlCompare(key(left[i]), key(right[j])) >= 0)) merged.push(left[i++]);
        else merged.push(right[j++]);
      }
      return merged;
    },
    result: copyArray,
  });
}

function resolveTopKDistinct(args: readonly AggregateArg[]): KsqlAggregator {
  const type = args[0]?.type ?? null;
  if (type === null || !TOPKDISTINCT_KINDS.has(type.kind)) throw unsupportedFactoryType('TOPKDISTINCT', type);
  if (args.length !== 2 || args[1]!.type?.kind !== 'INTEGER') throw noMatchingSignature('TOPKDISTINCT', args);
  requireLiterals('TOPKDISTINCT', args, 1);
  const k = intLiteral(args[1]!);
  const resultType = array(type);
  return erase<unknown[]>({
    returnType: resultType,
    intermediateType: resultType,
    columnArgs: 1,
    initial: () => [],
    add: (acc, values) => {
      const v = values[0];
      if (v == null || k < 1) return acc;
      if (acc.length >= k && sqlCompare(v, acc[acc.length - 1]) <= 0) return acc;
      if (acc.some((x) => sqlEquals(x, v))) return acc;
      if (acc.length >= k) acc.pop();
      insertSorted(acc, v, (e) => e);
      return acc;
    },
    merge: (left, right) => {
      const merged: unknown[] = [];
      let i = 0;
      let j = 0;
      while (merged.length < k && (i < left.length || j < right.length)) {
        if (j >= right.length) merged.push(left[i++]);
        else if (i >= left.length) merged.push(right[j++]);
        else {
          const c = sqlCompare(left[i], right[j]);
          if (c > 0) merged.push(left[i++]);
          else if (c < 0) merged.push(right[j++]);
          else {
            merged.push(left[i++]);
            j++;
          }
        }
      }
      return merged;
    },
    result: copyArray,
  });
}

export const TOPK: KsqlAggregateFunctionDef = {
  name: 'TOPK',
  description:
    'The k largest values of a column in a group, largest first; with other columns, STRUCTs of ' +
    'sort_col and col0, col1, ... taken from the same rows. Streams only.',
  signatures: [
    ...['INT', 'BIGINT', 'DOUBLE', 'STRING'].map((t) => ({ args: `val ${t}, k INT`, returns: `ARRAY<${t}>` })),
    { args: 'val T, otherCols ANY..., k INT', returns: 'ARRAY<STRUCT<sort_col T, col0 ..., ...>>' },
  ],
  resolve: resolveTopK,
};

export const TOPKDISTINCT: KsqlAggregateFunctionDef = {
  name: 'TOPKDISTINCT',
  description: 'The k largest distinct values of a column in a group, largest first. Streams only.',
  signatures: ['INT', 'BIGINT', 'DOUBLE', 'DECIMAL', 'STRING'].map((t) => ({ args: `val ${t}, k INT`, returns: `ARRAY<${t}>` })),
  resolve: resolveTopKDistinct,
};
