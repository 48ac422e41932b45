/**
 * COUNT: `COUNT(*)` / `COUNT()` (no column argument: every row counts; ksqlDB rewrites them to
 * COUNT(ROWTIME), which is never null) and `COUNT(col)` (rows where col is not NULL), any type.
 * BIGINT; a table aggregate (undo subtracts), so a count can go back to 0.
 */
import { BIGINT } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import { erase, noMatchingSignature, type KsqlAggregateFunctionDef, type KsqlAggregator } from './common.js';

function resolveCount(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length > 1) throw noMatchingSignature('COUNT', args);
  const everyRow = args.length === 0;
  return erase<bigint>({
    returnType: BIGINT,
    intermediateType: BIGINT,
    columnArgs: args.length,
    initial: () => 0n,
    add: (acc, values) => (everyRow || values[0] != null ? acc + 1n : acc),
    undo: (acc, values) => (everyRow || values[0] != null ? acc - 1n : acc),
    merge: (left, right) => left + right,
    result: (acc) => acc,
  });
}

export const COUNT: KsqlAggregateFunctionDef = {
  name: 'COUNT',
  description: 'Counts the rows of a group; with a column, only the rows where it is not NULL.',
  signatures: [
    { args: '', returns: 'BIGINT', description: 'COUNT(*): every row' },
    { args: 'col1 ANY', returns: 'BIGINT', description: 'rows where col1 is not NULL' },
  ],
  resolve: resolveCount,
};
