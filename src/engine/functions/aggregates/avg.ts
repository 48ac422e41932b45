/**
 * AVG: the mean of the non-NULL values as a DOUBLE, 0.0 for a group without any. The running sum
 * has the argument's type and wraps like Java (INTEGER at 32 bits, BIGINT at 64); DECIMAL
 * arguments are widened to DOUBLE, as ksqlDB's implicit casts resolve them to the DOUBLE variant.
 * A table aggregate (undo subtracts the value and one from the count).
 */
import { BIGINT, DOUBLE, INTEGER, struct, type SqlType } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import {
  ambiguousCall,
  erase,
  intAdd,
  intSub,
  longWrap,
  noMatchingSignature,
  numericKind,
  toDouble,
  toInt,
  toLong,
  type KsqlAggregateFunctionDef,
  type KsqlAggregator,
} from './common.js';

interface Mean<S> {
  sum: S;
  count: number;
}

interface SumOps<S> {
  readonly type: SqlType;
  zero(): S;
  plus(sum: S, v: unknown): S;
  minus(sum: S, v: unknown): S;
  combine(a: S, b: S): S;
  toDouble(sum: S): number;
}

const INT_SUM: SumOps<number> = {
  type: INTEGER,
  zero: () => 0,
  plus: (s, v) => intAdd(s, toInt(v)),
  minus: (s, v) => intSub(s, toInt(v)),
  combine: intAdd,
  toDouble: (s) => s,
};

const LONG_SUM: SumOps<bigint> = {
  type: BIGINT,
  zero: () => 0n,
  plus: (s, v) => longWrap(s + toLong(v)),
  minus: (s, v) => longWrap(s - toLong(v)),
  combine: (a, b) => longWrap(a + b),
  toDouble: (s) => Number(s),
};

const DOUBLE_SUM: SumOps<number> = {
  type: DOUBLE,
  zero: () => 0,
  plus: (s, v) => s + toDouble(v),
  minus: (s, v) => s - toDouble(v),
  combine: (a, b) => a + b,
  toDouble: (s) => s,
};

function averaging<S>(ops: SumOps<S>): KsqlAggregator {
  return erase<Mean<S>>({
    returnType: DOUBLE,
    intermediateType: struct([
      { name: 'SUM', type: ops.type },
      { name: 'COUNT', type: BIGINT },
    ]),
    columnArgs: 1,
    initial: () => ({ sum: ops.zero(), count: 0 }),
    add: (acc, values) => (values[0] == null ? acc : { sum: ops.plus(acc.sum, values[0]), count: acc.count + 1 }),
    undo: (acc, values) => (values[0] == null ? acc : { sum: ops.minus(acc.sum, values[0]), count: acc.count - 1 }),
    merge: (left, right) => ({ sum: ops.combine(left.sum, right.sum), count: left.count + right.count }),
    result: (acc) => (acc.count === 0 ? 0 : ops.toDouble(acc.sum) / acc.count),
  });
}

function resolveAvg(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length !== 1) throw noMatchingSignature('avg', args);
  if (args[0]!.type === null) throw ambiguousCall('avg', args);
  switch (numericKind(args[0]!.type)) {
    case 'INTEGER':
      return averaging(INT_SUM);
    case 'BIGINT':
      return averaging(LONG_SUM);
    case 'DOUBLE':
    case 'DECIMAL':
      return averaging(DOUBLE_SUM);
    default:
      throw noMatchingSignature('avg', args);
  }
}

export const AVG: KsqlAggregateFunctionDef = {
  name: 'AVG',
  description: 'The average of the non-NULL values of a numeric column in a group, as a DOUBLE.',
  signatures: [
    { args: 'val INT', returns: 'DOUBLE' },
    { args: 'val BIGINT', returns: 'DOUBLE' },
    { args: 'val DOUBLE', returns: 'DOUBLE' },
  ],
  resolve: resolveAvg,
};
