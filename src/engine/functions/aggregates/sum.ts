/**
 * SUM and SUM_LIST, table aggregates (undo subtracts).
 *
 * SUM(INTEGER) is an INTEGER that wraps like a Java int, SUM(BIGINT) a BIGINT that wraps like a
 * long, SUM(DOUBLE) a DOUBLE, SUM(DECIMAL(p, s)) a DECIMAL(p, s): each addition is rounded to p
 * significant digits (Java's MathContext(p), HALF_UP) and a sum whose magnitude reaches
 * 10^(p - s) fails the record with ksqlDB's "Numeric field overflow" message. NULLs are skipped;
 * the sum of no values is 0 (0.0, 0 at the column's scale).
 *
 * SUM_LIST(ARRAY<INTEGER | BIGINT | DOUBLE>) adds every non-NULL element of every list.
 */
import { Decimal } from '../../../sql/decimal.js';
import { BIGINT, DOUBLE, INTEGER, type DecimalType, type SqlType } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import {
  AggregateFunctionError,
  ambiguousCall,
  erase,
  intAdd,
  intSub,
  longWrap,
  noMatchingSignature,
  toInt,
  toLong,
  type KsqlAggregateFunctionDef,
  type KsqlAggregator,
} from './common.js';

/** Java's `BigDecimal.round(new MathContext(precision))` (HALF_UP). */
export function roundToPrecision(d: Decimal, precision: number): Decimal {
  let out = d;
  while (out.precision() > precision) {
    out = out.setScale(out.scale - (out.precision() - precision), 'HALF_UP');
  }
  return out;
}

interface Arithmetic<T> {
  readonly type: SqlType;
  zero(): T;
  plus(a: T, b: T): T;
  minus(a: T, b: T): T;
  read(v: unknown): T;
}

const INT_ARITHMETIC: Arithmetic<number> = {
  type: INTEGER,
  zero: () => 0,
  plus: intAdd,
  minus: intSub,
  read: toInt,
};

const LONG_ARITHMETIC: Arithmetic<bigint> = {
  type: BIGINT,
  zero: () => 0n,
  plus: (a, b) => longWrap(a + b),
  minus: (a, b) => longWrap(a - b),
  read: toLong,
};

const DOUBLE_ARITHMETIC: Arithmetic<number> = {
  type: DOUBLE,
  zero: () => 0,
  plus: (a, b) => a + b,
  minus: (a, b) => a - b,
  read: (v) => (typeof v === 'number' ? v : Number(v)),
};

function decimalArithmetic(type: DecimalType): Arithmetic<Decimal> & { checked(a: Decimal, b: Decimal): Decimal } {
  const { precision, scale } = type;
  const digits = precision - scale;
  // ksqlDB compares with BigDecimal.valueOf(Math.pow(10, digits)): exactly 10^digits.
  const bound = new Decimal(10n ** BigInt(Math.max(digits, 0)), 0);
  const plus = (a: Decimal, b: Decimal): Decimal => roundToPrecision(a.add(b), precision);
  return {
    type,
    zero: () => new Decimal(0n, scale),
    plus,
    minus: (a, b) => roundToPrecision(a.subtract(b), precision),
    read: (v) => (v instanceof Decimal ? v : Decimal.fromNumber(Number(v))),
    checked(a, b) {
      const sum = plus(a, b);
      if (bound.compareValue(sum.abs()) < 1) {
        throw new AggregateFunctionError(
          `Numeric field overflow: A field with precision ${precision} and scale ${scale} ` +
            `must round to an absolute value less than 10^${digits}. Got ${sum.toString()}`,
        );
      }
      return sum;
    },
  };
}

function summing<T>(math: Arithmetic<T>, add: (a: T, b: T) => T = math.plus): KsqlAggregator {
  return erase<T>({
    returnType: math.type,
    intermediateType: math.type,
    columnArgs: 1,
    initial: () => math.zero(),
    add: (acc, values) => (values[0] == null ? acc : add(acc, math.read(values[0]))),
    undo: (acc, values) => (values[0] == null ? acc : math.minus(acc, math.read(values[0]))),
    merge: (left, right) => math.plus(left, right),
    result: (acc) => acc,
  });
}

function resolveSum(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length !== 1) throw noMatchingSignature('sum', args);
  const type = args[0]!.type;
  if (type === null) throw ambiguousCall('sum', args);
  switch (type.kind) {
    case 'INTEGER':
      return summing(INT_ARITHMETIC);
    case 'BIGINT':
      return summing(LONG_ARITHMETIC);
    case 'DOUBLE':
      return summing(DOUBLE_ARITHMETIC);
    case 'DECIMAL': {
      const math = decimalArithmetic(type);
      return summing(math, math.checked);
    }
    default:
      throw noMatchingSignature('sum', args);
  }
}

export const SUM: KsqlAggregateFunctionDef = {
  name: 'SUM',
  description: 'Sums the non-NULL values of a numeric column in a group.',
  signatures: [
    { args: 'val INT', returns: 'INT' },
    { args: 'val BIGINT', returns: 'BIGINT' },
    { args: 'val DOUBLE', returns: 'DOUBLE' },
    { args: 'val DECIMAL', returns: 'DECIMAL', description: 'the same precision and scale as the argument' },
  ],
  resolve: resolveSum,
};

function listSumming<T>(math: Arithmetic<T>): KsqlAggregator {
  const total = (list: readonly unknown[]): T => {
    let sum = math.zero();
    for (const v of list) if (v != null) sum = math.plus(sum, math.read(v));
    return sum;
  };
  return erase<T>({
    returnType: math.type,
    intermediateType: math.type,
    columnArgs: 1,
    initial: () => math.zero(),
    add: (acc, values) => (values[0] == null ? acc : math.plus(acc, total(values[0] as unknown[]))),
    undo: (acc, values) => (values[0] == null ? acc : math.minus(acc, total(values[0] as unknown[]))),
    merge: (left, right) => math.plus(left, right),
    result: (acc) => acc,
  });
}

function resolveSumList(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length !== 1) throw noMatchingSignature('sum_list', args);
  const type = args[0]!.type;
  if (type === null) throw ambiguousCall('sum_list', args);
  if (type.kind === 'ARRAY') {
    switch (type.element.kind) {
      case 'INTEGER':
        return listSumming(INT_ARITHMETIC);
      case 'BIGINT':
        return listSumming(LONG_ARITHMETIC);
      case 'DOUBLE':
        return listSumming(DOUBLE_ARITHMETIC);
    }
  }
  throw noMatchingSignature('sum_list', args);
}

export const SUM_LIST: KsqlAggregateFunctionDef = {
  name: 'SUM_LIST',
  description: 'Sums the non-NULL elements of every list in a group.',
  signatures: [
    { args: 'val ARRAY<INT>', returns: 'INT' },
    { args: 'val ARRAY<BIGINT>', returns: 'BIGINT' },
    { args: 'val ARRAY<DOUBLE>', returns: 'DOUBLE' },
  ],
  resolve: resolveSumList,
};
