/**
 * EARLIEST_BY_OFFSET and LATEST_BY_OFFSET, any column type, stream only (no undo):
 *
 *   F(col)                       the earliest / latest value                 → T
 *   F(col, ignoreNulls)          the same, NULLs kept when ignoreNulls=false  → T
 *   F(col, n)                    the earliest / latest n values, oldest first → ARRAY<T>
 *   F(col, n, ignoreNulls)                                                    → ARRAY<T>
 *
 * ignoreNulls defaults to true; n and ignoreNulls must be literals (INTEGER, BOOLEAN), n ≥ 1.
 *
 * Like ksqlDB, every recorded value carries a sequence number from one process-wide counter, so
 * that merging two session windows can tell which value came first whichever side it is on:
 * `merge` keeps the earlier (or later) value by sequence, preferring non-NULL values when NULLs
 * are ignored; the n-variants merge both lists by sequence and keep the first (last) n. The
 * engine must call `add` in offset order within a partition, which is the order records arrive.
 */
import { KsqlStatementError } from '../../../errors.js';
import { BIGINT, array, struct, type SqlType } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import {
  erase,
  intLiteral,
  noMatchingSignature,
  requireLiterals,
  requireTyped,
  type KsqlAggregateFunctionDef,
  type KsqlAggregator,
} from './common.js';

/** One recorded value; `seq` orders values across accumulators (ksqlDB's SEQ field). */
interface Entry {
  readonly seq: number;
  readonly val: unknown;
}

/** The single-value state: `entry` undefined until a value was recorded. */
interface Single {
  entry: Entry | undefined;
}

let sequence = 0;

function record(val: unknown): Entry {
  return { seq: sequence++, val: val ?? null };
}

interface Call {
  readonly type: SqlType;
  readonly n: number | undefined;
  readonly ignoreNulls: boolean;
}

function parseCall(name: string, args: readonly AggregateArg[]): Call {
  if (args.length < 1 || args.length > 3) throw noMatchingSignature(name, args);
  const type = requireTyped(name, args, 0);
  const kinds = args.slice(1).map((a) => a.type?.kind);
  let n: number | undefined;
  let ignoreNulls = true;
  if (kinds.length === 1 && kinds[0] === 'BOOLEAN') {
    requireLiterals(name, args, 1);
    ignoreNulls = args[1]!.value !== false;
  } else if (kinds.length >= 1 && kinds[0] === 'INTEGER' && (kinds.length === 1 || kinds[1] === 'BOOLEAN')) {
    requireLiterals(name, args, 1);
    n = intLiteral(args[1]!);
    if (kinds.length === 2) ignoreNulls = args[2]!.value !== false;
    // ksqlDB's message names earliestN for both functions.
    if (!(n >= 1)) throw new KsqlStatementError('earliestN must be 1 or greater');
  } else if (kinds.length > 0) {
    throw noMatchingSignature(name, args);
  }
  return { type, n, ignoreNulls };
}

function entryType(type: SqlType): SqlType {
  return struct([
    { name: 'SEQ', type: BIGINT },
    { name: 'VAL', type },
  ]);
}

/** Whether `a` should win over `b` when merging (a is "more earliest" / "more latest"). */
type Prefer = (a: Entry, b: Entry) => boolean;

function preferring(latest: boolean, ignoreNulls: boolean): Prefer {
  return (a, b) => {
    if (ignoreNulls && (a.val === null) !== (b.val === null)) return b.val === null;
    return latest ? a.seq >= b.seq : a.seq < b.seq;
  };
}

function single(call: Call, latest: boolean): KsqlAggregator {
  const prefer = preferring(latest, call.ignoreNulls);
  return erase<Single>({
    returnType: call.type,
    intermediateType: entryType(call.type),
    columnArgs: 1,
    initial: () => ({ entry: undefined }),
    add: (acc, values) => {
      const v = values[0] ?? null;
      if (v === null && call.ignoreNulls) return acc;
      if (!latest && acc.entry !== undefined && (acc.entry.val !== null || !call.ignoreNulls)) return acc;
      return { entry: record(v) };
    },
    merge: (left, right) => {
      if (left.entry === undefined) return right;
      if (right.entry === undefined) return left;
      return prefer(left.entry, right.entry) ? left : right;
    },
    result: (acc) => acc.entry?.val ?? null,
  });
}

function several(call: Call, latest: boolean, n: number): KsqlAggregator {
  return erase<Entry[]>({
    returnType: array(call.type),
    intermediateType: array(entryType(call.type)),
    columnArgs: 1,
    initial: () => [],
    add: (acc, values) => {
      const v = values[0] ?? null;
      if (latest) {
        if (v === null && call.ignoreNulls) return acc;
        acc.push(record(v));
        if (acc.length > n) acc.splice(0, acc.length - n);
        return acc;
      }
      if (acc.length >= n || (v === null && call.ignoreNulls)) return acc;
      acc.push(record(v));
      return acc;
    },
    merge: (left, right) => {
      const merged = [...left, ...right].sort((a, b) => a.seq - b.seq);
      return latest ? merged.slice(Math.max(0, merged.length - n)) : merged.slice(0, n);
    },
    result: (acc) => acc.map((e) => e.val),
  });
}

function byOffset(name: string, latest: boolean) {
  return (args: readonly AggregateArg[]): KsqlAggregator => {
    const call = parseCall(name, args);
    return call.n === undefined ? single(call, latest) : several(call, latest, call.n);
  };
}

const SIGNATURES = [
  { args: 'val T', returns: 'T', description: 'NULLs ignored' },
  { args: 'val T, ignoreNulls BOOLEAN', returns: 'T' },
  { args: 'val T, n INT', returns: 'ARRAY<T>', description: 'NULLs ignored' },
  { args: 'val T, n INT, ignoreNulls BOOLEAN', returns: 'ARRAY<T>' },
];

export const EARLIEST_BY_OFFSET: KsqlAggregateFunctionDef = {
  name: 'EARLIEST_BY_OFFSET',
  description: 'The earliest value (or n values) of a column in a group, by offset. Streams only.',
  signatures: SIGNATURES,
  resolve: byOffset('EARLIEST_BY_OFFSET', false),
};

export const LATEST_BY_OFFSET: KsqlAggregateFunctionDef = {
  name: 'LATEST_BY_OFFSET',
  description: 'The latest value (or n values) of a column in a group, by offset. Streams only.',
  signatures: SIGNATURES,
  resolve: byOffset('LATEST_BY_OFFSET', true),
};
