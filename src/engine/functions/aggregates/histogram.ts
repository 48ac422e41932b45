/**
 * HISTOGRAM(STRING) → MAP<STRING, BIGINT>: how many times each distinct value occurs in a group.
 * At most 1000 distinct values are counted; later new values are ignored, known ones still count.
 * A table aggregate: undo decrements and drops a value whose count falls below 1.
 *
 * Like ksqlDB (a Java HashMap) a NULL value is counted too, under a NULL key.
 */
import { BIGINT, STRING, map } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import { erase, noMatchingSignature, type KsqlAggregateFunctionDef, type KsqlAggregator } from './common.js';

export const HISTOGRAM_LIMIT = 1000;

function countInto(acc: Map<string | null, bigint>, key: string | null, n: bigint): void {
  const have = acc.get(key);
  if (have !== undefined) acc.set(key, have + n);
  else if (acc.size < HISTOGRAM_LIMIT) acc.set(key, n);
}

function resolveHistogram(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length !== 1 || (args[0]!.type !== null && args[0]!.type.kind !== 'STRING')) {
    throw noMatchingSignature('histogram', args);
  }
  const type = map(STRING, BIGINT);
  return erase<Map<string | null, bigint>>({
    returnType: type,
    intermediateType: type,
    columnArgs: 1,
    initial: () => new Map(),
    add: (acc, values) => {
      countInto(acc, (values[0] as string | null | undefined) ?? null, 1n);
      return acc;
    },
    undo: (acc, values) => {
      const key = (values[0] as string | null | undefined) ?? null;
      const have = acc.get(key);
      if (have === undefined) return acc;
      if (have - 1n < 1n) acc.delete(key);
      else acc.set(key, have - 1n);
      return acc;
    },
    merge: (left, right) => {
      for (const [key, n] of right) countInto(left, key, n);
      return left;
    },
    result: (acc) => new Map(acc),
  });
}

export const HISTOGRAM: KsqlAggregateFunctionDef = {
  name: 'HISTOGRAM',
  description: `How many times each distinct string occurs in a group, as a MAP (at most ${HISTOGRAM_LIMIT} distinct values).`,
  signatures: [{ args: 'val STRING', returns: 'MAP<STRING, BIGINT>' }],
  resolve: resolveHistogram,
};
