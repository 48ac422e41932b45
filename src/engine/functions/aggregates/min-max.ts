/**
 * MIN and MAX over the types with a natural order: INTEGER, BIGINT, DOUBLE, DECIMAL, DATE, TIME,
 * TIMESTAMP, STRING and BYTES. Java's compareTo decides (Double.compareTo: -0.0 below 0.0, NaN
 * above everything; strings by UTF-16 unit; bytes as signed). NULLs are skipped; a group without
 * a value gives NULL. Stream only: no undo (ksqlDB refuses them on a table source).
 */
import type { SqlType } from '../../../sql/types.js';
import { sqlCompare } from '../../expressions/sql-equality.js';
import type { AggregateArg } from '../aggregate.js';
import { erase, unsupportedFactoryType, type KsqlAggregateFunctionDef, type KsqlAggregator } from './common.js';

const ORDERED_KINDS = new Set(['INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'DATE', 'TIME', 'TIMESTAMP', 'STRING', 'BYTES']);

/** `keep(aggregate, current)` says whether the running value stays (else current replaces it). */
function extreme(name: string, keep: (aggregate: unknown, current: unknown) => boolean) {
  const combine = (current: unknown, aggregate: unknown): unknown => {
    if (current == null) return aggregate ?? null;
    if (aggregate == null) return current;
    return keep(aggregate, current) ? aggregate : current;
  };
  return (args: readonly AggregateArg[]): KsqlAggregator => {
    const type: SqlType | null = args[0]?.type ?? null;
    if (args.length !== 1 || type === null || !ORDERED_KINDS.has(type.kind)) throw unsupportedFactoryType(name, type);
    return erase<unknown>({
      returnType: type,
      intermediateType: type,
      columnArgs: 1,
      initial: () => null,
      add: (acc, values) => combine(values[0], acc),
      merge: (left, right) => combine(left, right),
      result: (acc) => acc,
    });
  };
}

export const MIN: KsqlAggregateFunctionDef = {
  name: 'MIN',
  description: 'The smallest non-NULL value of a column in a group.',
  signatures: ['INT', 'BIGINT', 'DOUBLE', 'DECIMAL', 'DATE', 'TIME', 'TIMESTAMP', 'STRING', 'BYTES'].map((t) => ({
    args: `val ${t}`,
    returns: t,
  })),
  resolve: extreme('MIN', (aggregate, current) => sqlCompare(aggregate, current) < 0),
};

export const MAX: KsqlAggregateFunctionDef = {
  name: 'MAX',
  description: 'The largest non-NULL value of a column in a group.',
  signatures: MIN.signatures,
  resolve: extreme('MAX', (aggregate, current) => sqlCompare(aggregate, current) > 0),
};
