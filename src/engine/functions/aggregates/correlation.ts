/**
 * CORRELATION(x, y): the Pearson correlation coefficient of the rows where both x and y are not
 * NULL, as a DOUBLE, from running sums (n·Σxy − ΣxΣy) / sqrt((n·Σx² − (Σx)²)(n·Σy² − (Σy)²)).
 * Numeric arguments of any type are widened to DOUBLE. NaN for fewer than two rows or when every
 * x (or every y) is equal; two rows give 1.0 or -1.0. A table aggregate (undo subtracts a row).
 */
import { BIGINT, DOUBLE, struct } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import {
  erase,
  noMatchingSignature,
  numericKind,
  toDouble,
  type KsqlAggregateFunctionDef,
  type KsqlAggregator,
} from './common.js';

interface Sums {
  x: number;
  y: number;
  xx: number;
  yy: number;
  xy: number;
  count: number;
}

function step(acc: Sums, values: readonly unknown[], sign: 1 | -1): Sums {
  if (values[0] == null || values[1] == null) return acc;
  const x = toDouble(values[0]);
  const y = toDouble(values[1]);
  return sign === 1
    ? { x: acc.x + x, y: acc.y + y, xx: acc.xx + x * x, yy: acc.yy + y * y, xy: acc.xy + x * y, count: acc.count + 1 }
    : { x: acc.x - x, y: acc.y - y, xx: acc.xx - x * x, yy: acc.yy - y * y, xy: acc.xy - x * y, count: acc.count - 1 };
}

function coefficient(s: Sums): number {
  const numerator = s.count * s.xy - s.x * s.y;
  const denominatorX = s.count * s.xx - s.x * s.x;
  const denominatorY = s.count * s.yy - s.y * s.y;
  return numerator / Math.sqrt(denominatorX * denominatorY);
}

function resolveCorrelation(args: readonly AggregateArg[]): KsqlAggregator {
  const numeric = (a: AggregateArg): boolean => a.type === null || numericKind(a.type) !== undefined;
  if (args.length !== 2 || !args.every(numeric)) throw noMatchingSignature('correlation', args);
  return erase<Sums>({
    returnType: DOUBLE,
    intermediateType: struct([
      { name: 'X_SUM', type: DOUBLE },
      { name: 'Y_SUM', type: DOUBLE },
      { name: 'X_SQUARED_SUM', type: DOUBLE },
      { name: 'Y_SQUARED_SUM', type: DOUBLE },
      { name: 'XY_SUM', type: DOUBLE },
      { name: 'COUNT', type: BIGINT },
    ]),
    columnArgs: 2,
    initial: () => ({ x: 0, y: 0, xx: 0, yy: 0, xy: 0, count: 0 }),
    add: (acc, values) => step(acc, values, 1),
    undo: (acc, values) => step(acc, values, -1),
    merge: (l, r) => ({ x: l.x + r.x, y: l.y + r.y, xx: l.xx + r.xx, yy: l.yy + r.yy, xy: l.xy + r.xy, count: l.count + r.count }),
    result: coefficient,
  });
}

export const CORRELATION: KsqlAggregateFunctionDef = {
  name: 'CORRELATION',
  description: 'The Pearson correlation coefficient of two numeric columns over the rows of a group where neither is NULL.',
  signatures: [{ args: 'x DOUBLE, y DOUBLE', returns: 'DOUBLE' }],
  resolve: resolveCorrelation,
};
