/**
 * STDDEV_SAMPLE and STDDEV_SAMP over INTEGER, BIGINT and DOUBLE (DECIMAL widens to DOUBLE),
 * DOUBLE results, 0.0 for fewer than two values; NULLs skipped; table aggregates (undo removes a
 * value). Both keep (count, sum, M2) and update M2 with the Youngs–Cramer step, merge sessions
 * with Chan's formula, all in ksqlDB's arithmetic: the running sum has the argument's type and
 * wraps like Java.
 *
 * - STDDEV_SAMPLE (ksqlDB 0.25+): the sample standard deviation, sqrt(M2 / (n - 1)); the count
 *   is a long.
 * - STDDEV_SAMP (ksqlDB 0.16+): despite the name, the sample VARIANCE M2 / (n - 1), as ksqlDB's
 *   own documentation warns. Its count is a Java int and, for INTEGER and BIGINT columns, the
 *   intermediate products and the means compared when merging sessions use integer arithmetic
 *   (the mean truncated toward zero), exactly as ksqlDB computes them.
 */
import { BIGINT, DOUBLE, INTEGER, struct, type SqlType } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import {
  ambiguousCall,
  erase,
  intAdd,
  intDiv,
  intMul,
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

interface Moments<S> {
  count: number;
  sum: S;
  m2: number;
}

/** The per-type pieces, after ksqlDB's lambdas (`delta` is its createDelta). */
interface Ops<S> {
  readonly sumType: SqlType;
  zero(): S;
  read(v: unknown): S;
  plus(a: S, b: S): S;
  minus(a: S, b: S): S;
  /** value * (count + 1) - (sum + value), as a double. */
  delta(acc: Moments<S>, value: S): number;
  /** sum1 / count1 - sum2 / count2 (both counts > 0). */
  meanGap(a: Moments<S>, b: Moments<S>): number;
}

interface Variant {
  readonly name: string;
  readonly countType: SqlType;
  /** count * (count - 1) as the variant's count type computes it. */
  pairs(newCount: number, other: number): number;
  /** count1 * count2 as the variant's count type computes it. */
  product(a: number, b: number): number;
  result(m2: number, count: number): number;
  ops(kind: 'INTEGER' | 'BIGINT' | 'DOUBLE'): Ops<unknown>;
}

const DOUBLE_OPS_LONG_COUNT: Ops<number> = {
  sumType: DOUBLE,
  zero: () => 0,
  read: toDouble,
  plus: (a, b) => a + b,
  minus: (a, b) => a - b,
  delta: (acc, v) => v * (acc.count + 1) - (acc.sum + v),
  meanGap: (a, b) => a.sum / a.count - b.sum / b.count,
};

/** STDDEV_SAMPLE: long count, double means. */
const SAMPLE: Variant = {
  name: 'STDDEV_SAMPLE',
  countType: BIGINT,
  pairs: (a, b) => a * b,
  product: (a, b) => a * b,
  result: (m2, count) => Math.sqrt(m2 / (count - 1)),
  ops(kind) {
    switch (kind) {
      case 'INTEGER':
        return {
          sumType: INTEGER,
          zero: () => 0,
          read: toInt,
          plus: intAdd,
          minus: intSub,
          delta: (acc, v) => Number(longWrap(BigInt(v) * BigInt(acc.count + 1) - BigInt(intAdd(acc.sum, v)))),
          meanGap: (a, b) => a.sum / a.count - b.sum / b.count,
        } satisfies Ops<number> as Ops<unknown>;
      case 'BIGINT':
        return {
          sumType: BIGINT,
          zero: () => 0n,
          read: toLong,
          plus: (a, b) => longWrap(a + b),
          minus: (a, b) => longWrap(a - b),
          delta: (acc, v) => Number(longWrap(v * BigInt(acc.count + 1) - longWrap(acc.sum + v))),
          meanGap: (a, b) => Number(a.sum) / a.count - Number(b.sum) / b.count,
        } satisfies Ops<bigint> as Ops<unknown>;
      default:
        return DOUBLE_OPS_LONG_COUNT as Ops<unknown>;
    }
  },
};

/** STDDEV_SAMP: int count, integer means for integral columns, no square root. */
const SAMP: Variant = {
  name: 'STDDEV_SAMP',
  countType: INTEGER,
  pairs: (a, b) => intMul(a, b),
  product: (a, b) => intMul(a, b),
  result: (m2, count) => m2 / (count - 1),
  ops(kind) {
    switch (kind) {
      case 'INTEGER':
        return {
          sumType: INTEGER,
          zero: () => 0,
          read: toInt,
          plus: intAdd,
          minus: intSub,
          delta: (acc, v) => intSub(intMul(v, intAdd(acc.count, 1)), intAdd(acc.sum, v)),
          meanGap: (a, b) => intSub(intDiv(a.sum, a.count), intDiv(b.sum, b.count)),
        } satisfies Ops<number> as Ops<unknown>;
      case 'BIGINT':
        return {
          sumType: BIGINT,
          zero: () => 0n,
          read: toLong,
          plus: (a, b) => longWrap(a + b),
          minus: (a, b) => longWrap(a - b),
          delta: (acc, v) => Number(longWrap(v * BigInt(intAdd(acc.count, 1)) - longWrap(acc.sum + v))),
          meanGap: (a, b) => Number(longWrap(a.sum / BigInt(a.count) - b.sum / BigInt(b.count))),
        } satisfies Ops<bigint> as Ops<unknown>;
      default:
        return DOUBLE_OPS_LONG_COUNT as Ops<unknown>;
    }
  },
};

function deviation(variant: Variant, ops: Ops<unknown>): KsqlAggregator {
  return erase<Moments<unknown>>({
    returnType: DOUBLE,
    intermediateType: struct([
      { name: 'SUM', type: ops.sumType },
      { name: 'COUNT', type: variant.countType },
      { name: 'M2', type: DOUBLE },
    ]),
    columnArgs: 1,
    initial: () => ({ count: 0, sum: ops.zero(), m2: 0 }),
    add: (acc, values) => {
      if (values[0] == null) return acc;
      const v = ops.read(values[0]);
      const newCount = acc.count + 1;
      let step = 0;
      if (newCount - 1 > 0) {
        const delta = ops.delta(acc, v);
        step = (delta * delta) / variant.pairs(newCount, newCount - 1);
      }
      return { count: newCount, sum: ops.plus(acc.sum, v), m2: step + acc.m2 };
    },
    undo: (acc, values) => {
      if (values[0] == null) return acc;
      const v = ops.read(values[0]);
      const newCount = acc.count - 1;
      let step = 0;
      if (newCount > 0) {
        const delta = ops.delta(acc, v);
        step = (delta * delta) / variant.pairs(newCount, newCount + 1);
      }
      return { count: newCount, sum: ops.minus(acc.sum, v), m2: acc.m2 - step };
    },
    merge: (left, right) => {
      const newCount = left.count + right.count;
      let m2: number;
      if (left.count === 0 || right.count === 0) m2 = left.m2 + right.m2;
      else {
        const gap = ops.meanGap(left, right);
        m2 = left.m2 + right.m2 + (variant.product(left.count, right.count) * gap * gap) / newCount;
      }
      return { count: newCount, sum: ops.plus(left.sum, right.sum), m2 };
    },
    result: (acc) => (acc.count < 2 ? 0 : variant.result(acc.m2, acc.count)),
  });
}

function resolver(variant: Variant) {
  return (args: readonly AggregateArg[]): KsqlAggregator => {
    if (args.length !== 1) throw noMatchingSignature(variant.name, args);
    if (args[0]!.type === null) throw ambiguousCall(variant.name, args);
    const kind = numericKind(args[0]!.type);
    if (kind === undefined) throw noMatchingSignature(variant.name, args);
    return deviation(variant, variant.ops(kind === 'DECIMAL' ? 'DOUBLE' : kind));
  };
}

const SIGNATURES = ['INT', 'BIGINT', 'DOUBLE'].map((t) => ({ args: `val ${t}`, returns: 'DOUBLE' }));

export const STDDEV_SAMPLE: KsqlAggregateFunctionDef = {
  name: 'STDDEV_SAMPLE',
  description: 'The sample standard deviation of the non-NULL values of a numeric column in a group.',
  signatures: SIGNATURES,
  resolve: resolver(SAMPLE),
};

export const STDDEV_SAMP: KsqlAggregateFunctionDef = {
  name: 'STDDEV_SAMP',
  description:
    'The sample variance (the square of the sample standard deviation, as in ksqlDB) of the non-NULL ' +
    'values of a numeric column in a group; STDDEV_SAMPLE gives the standard deviation.',
  signatures: SIGNATURES,
  resolve: resolver(SAMP),
};
