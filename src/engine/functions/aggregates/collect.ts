/**
 * COLLECT_LIST and COLLECT_SET: ARRAY<T> of the values of a group, any T, NULLs included.
 *
 * Both keep at most `ksql.functions.collect_list.limit` / `ksql.functions.collect_set.limit`
 * entries (unset or negative: no limit, ksqlDB's default; Confluent Cloud pins 1000); later values
 * are dropped silently. COLLECT_LIST keeps arrival order and is a table aggregate: undo removes
 * the last entry equal to the value. COLLECT_SET keeps first-arrival order of distinct values
 * (Java's List.contains: structs field by field, maps ignoring entry order) and is stream only.
 *
 * Session merges append the later session's entries to the earlier one's up to the limit.
 */
import { array } from '../../../sql/types.js';
import { SqlValueSet, sqlEquals } from '../../expressions/sql-equality.js';
import type { AggregateArg } from '../aggregate.js';
import {
  configLimit,
  copyArray,
  erase,
  noMatchingSignature,
  requireTyped,
  type AggregateResolveContext,
  type KsqlAggregateFunctionDef,
  type KsqlAggregator,
} from './common.js';

export const COLLECT_LIST_LIMIT = 'ksql.functions.collect_list.limit';
export const COLLECT_SET_LIMIT = 'ksql.functions.collect_set.limit';

function resolveCollectList(args: readonly AggregateArg[], context?: AggregateResolveContext): KsqlAggregator {
  if (args.length !== 1) throw noMatchingSignature('collect_list', args);
  const type = array(requireTyped('collect_list', args, 0));
  const limit = configLimit(context, COLLECT_LIST_LIMIT);
  return erase<unknown[]>({
    returnType: type,
    intermediateType: type,
    columnArgs: 1,
    initial: () => [],
    add: (acc, values) => {
      if (acc.length < limit) acc.push(values[0] ?? null);
      return acc;
    },
    undo: (acc, values) => {
      const v = values[0] ?? null;
      for (let i = acc.length - 1; i >= 0; i--) {
        if (sqlEquals(acc[i], v)) {
          acc.splice(i, 1);
          break;
        }
      }
      return acc;
    },
    merge: (left, right) => {
      const room = Math.max(0, limit - left.length);
      for (let i = 0; i < right.length && i < room; i++) left.push(right[i]);
      return left;
    },
    result: copyArray,
  });
}

function resolveCollectSet(args: readonly AggregateArg[], context?: AggregateResolveContext): KsqlAggregator {
  if (args.length !== 1) throw noMatchingSignature('collect_set', args);
  const type = array(requireTyped('collect_set', args, 0));
  const limit = configLimit(context, COLLECT_SET_LIMIT);
  return erase<SqlValueSet>({
    returnType: type,
    intermediateType: type,
    columnArgs: 1,
    initial: () => new SqlValueSet(),
    add: (acc, values) => {
      if (acc.values.length < limit) acc.add(values[0] ?? null);
      return acc;
    },
    merge: (left, right) => {
      for (const v of right.values) {
        if (left.values.length >= limit) break;
        left.add(v);
      }
      return left;
    },
    result: (acc) => copyArray(acc.values),
  });
}

export const COLLECT_LIST: KsqlAggregateFunctionDef = {
  name: 'COLLECT_LIST',
  description:
    'The values of a column in a group, in arrival order, as an ARRAY (NULLs included). ' +
    `At most ${COLLECT_LIST_LIMIT} entries when that is set; the order is not guaranteed for a table source.`,
  signatures: [{ args: 'val T', returns: 'ARRAY<T>' }],
  resolve: resolveCollectList,
};

export const COLLECT_SET: KsqlAggregateFunctionDef = {
  name: 'COLLECT_SET',
  description:
    'The distinct values of a column in a group, in first-arrival order, as an ARRAY (NULL included once). ' +
    `At most ${COLLECT_SET_LIMIT} entries when that is set. Streams only.`,
  signatures: [{ args: 'val T', returns: 'ARRAY<T>' }],
  resolve: resolveCollectSet,
};
