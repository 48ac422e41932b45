/**
 * ATTR(col), any type T → T: the value of the column when every row of the group has the same
 * value, NULL as soon as two different values are present (NULL counts as a value of its own).
 * A table aggregate: every distinct value keeps a count, undo decrements it (never below 0), so
 * a group becomes single-valued again when the odd rows are removed.
 */
import { INTEGER, array, struct } from '../../../sql/types.js';
import { sqlEquals } from '../../expressions/sql-equality.js';
import type { AggregateArg } from '../aggregate.js';
import { erase, noMatchingSignature, requireTyped, type KsqlAggregateFunctionDef, type KsqlAggregator } from './common.js';

interface Tally {
  readonly value: unknown;
  count: number;
}

function update(tallies: Tally[], value: unknown, delta: number): void {
  let found = false;
  for (const t of tallies) {
    if (sqlEquals(t.value, value)) {
      found = true;
      t.count = Math.max(0, t.count + delta);
    }
  }
  if (!found && delta > 0) tallies.push({ value, count: delta });
}

function resolveAttr(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length !== 1) throw noMatchingSignature('ATTR', args);
  const type = requireTyped('ATTR', args, 0);
  return erase<Tally[]>({
    returnType: type,
    intermediateType: array(
      struct([
        { name: 'VALUE', type },
        { name: 'COUNT', type: INTEGER },
      ]),
    ),
    columnArgs: 1,
    initial: () => [],
    add: (acc, values) => {
      update(acc, values[0] ?? null, 1);
      return acc;
    },
    undo: (acc, values) => {
      update(acc, values[0] ?? null, -1);
      return acc;
    },
    merge: (left, right) => {
      for (const t of right) update(left, t.value, t.count);
      return left;
    },
    result: (acc) => {
      const present = acc.filter((t) => t.count > 0);
      return present.length === 1 ? present[0]!.value : null;
    },
  });
}

export const ATTR: KsqlAggregateFunctionDef = {
  name: 'ATTR',
  description:
    'The single value a column takes in a group; NULL when the group holds more than one distinct value.',
  signatures: [{ args: 'val T', returns: 'T' }],
  resolve: resolveAttr,
};
