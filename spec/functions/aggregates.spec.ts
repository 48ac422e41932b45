/**
 * Aggregate functions (UDAFs): each case resolves a call against argument types, feeds rows
 * through add / undo and checks the result after every step, as ksqlDB's query translation tests
 * (QTT count, sum, average-udaf, collect-list, collect-set, earliest/latest-offset-udaf, topk,
 * topk-distinct, histogram, standarddeviation, correlation-udaf, attr) show it. Session merges
 * are replayed the way Kafka Streams performs them for an out-of-order record: a fresh
 * accumulator merged with every overlapping session in turn, then the record added.
 */
import { expect } from 'chai';
import { KsqlStatementError } from '../../src/errors.js';
import { Decimal } from '../../src/sql/decimal.js';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DATE,
  DOUBLE,
  INTEGER,
  STRING,
  TIMESTAMP,
  array,
  decimal,
  map,
  struct,
  typeToString,
  type SqlType,
} from '../../src/sql/types.js';
import type { AggregateArg } from '../../src/engine/functions/aggregate.js';
import {
  AggregateFunctionError,
  aggregateFunctions,
  isAggregateFunction,
  type AggregateResolveContext,
  type KsqlAggregator,
} from '../../src/engine/functions/aggregates/index.js';

// ---- helpers ---------------------------------------------------------------------------------

/** A column argument of a type. */
const col = (type: SqlType | null): AggregateArg => ({ type, literal: false });
/** A literal argument (an initial argument such as TOPK's k). */
const lit = (type: SqlType | null, value: unknown): AggregateArg => ({ type, literal: true, value });
const dec = (text: string): Decimal => Decimal.parse(text);

/**
 * Results in a comparable form: BIGINT as `'<digits>n'`, DECIMAL as `'D<plain text>'` (scale
 * kept), MAP as `{ key: value }` (a NULL key as `'null'`), BYTES as a number array.
 */
function norm(v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Decimal) return `D${v.toString()}`;
  if (v instanceof Uint8Array) return [...v];
  if (Array.isArray(v)) return v.map(norm);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), norm(x)]));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, norm(x)]));
  }
  return v;
}

function resolve(name: string, args: readonly AggregateArg[], context?: AggregateResolveContext): KsqlAggregator {
  const def = aggregateFunctions().get(name);
  if (!def) throw new Error(`no aggregate ${name}`);
  return def.resolve(args, context);
}

type Step = readonly [op: 'add' | 'undo', values: readonly unknown[], expected: unknown];

interface Case {
  readonly name: string;
  readonly call: string;
  readonly args: readonly AggregateArg[];
  readonly returns: string;
  readonly steps: readonly Step[];
  readonly context?: AggregateResolveContext;
  /** Results compared within this relative tolerance (running floating-point sums). */
  readonly close?: number;
}

const add = (values: readonly unknown[], expected: unknown): Step => ['add', values, expected];
const undo = (values: readonly unknown[], expected: unknown): Step => ['undo', values, expected];
/** One-column adds, one result after each. */
const adds = (pairs: readonly (readonly [unknown, unknown])[]): Step[] => pairs.map(([v, r]) => add([v], r));

function expectClose(actual: unknown, expected: unknown, tolerance: number): void {
  if (typeof expected === 'number' && typeof actual === 'number' && Number.isFinite(expected)) {
    expect(actual).to.be.closeTo(expected, Math.abs(expected) * tolerance + 1e-12);
  } else expect(norm(actual)).to.deep.equal(expected);
}

function runCase(c: Case): void {
  const agg = resolve(c.call, c.args, c.context);
  expect(typeToString(agg.returnType)).to.equal(c.returns);
  let acc = agg.initial();
  for (const [op, values, expected] of c.steps) {
    if (op === 'add') acc = agg.add(acc, values);
    else {
      expect(agg.undo, `${c.call} has undo`).to.be.a('function');
      acc = agg.undo!(acc, values);
    }
    const result = agg.result(acc);
    if (c.close !== undefined) expectClose(result, expected, c.close);
    else expect(norm(result), `${op} ${JSON.stringify(norm(values))}`).to.deep.equal(expected);
  }
}

function table(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) it(c.name, () => runCase(c));
  });
}

type ErrorCase = readonly [name: string, call: string, args: readonly AggregateArg[], message: string];

function errors(cases: readonly ErrorCase[]): void {
  describe('errors', () => {
    for (const [name, call, args, message] of cases) {
      it(name, () => {
        expect(() => resolve(call, args)).to.throw(KsqlStatementError, message);
        try {
          resolve(call, args);
        } catch (e) {
          expect((e as Error).message).to.equal(message);
        }
      });
    }
  });
}

/** Accumulates `rows` (one-column values) into a fresh accumulator. */
function fold(agg: KsqlAggregator, rows: readonly unknown[]): unknown {
  let acc = agg.initial();
  for (const v of rows) acc = agg.add(acc, [v]);
  return acc;
}

/**
 * Two sessions built from `first` and `second`, then an out-of-order `late` value that bridges
 * them: Kafka Streams merges a fresh accumulator with each session in order, then adds the value.
 */
function bridgedSessions(agg: KsqlAggregator, first: readonly unknown[], second: readonly unknown[], late: unknown): unknown {
  const a = fold(agg, first);
  const b = fold(agg, second);
  const merged = agg.merge(agg.merge(agg.initial(), a), b);
  return agg.result(agg.add(merged, [late]));
}

// ---- the registry ----------------------------------------------------------------------------

describe('aggregate functions', () => {
  describe('registry', () => {
    it('lists every built-in aggregate under its upper-case name', () => {
      expect([...aggregateFunctions().keys()].sort()).to.deep.equal([
        'ATTR',
        'AVG',
        'COLLECT_LIST',
        'COLLECT_SET',
        'CORRELATION',
        'COUNT',
        'COUNT_DISTINCT',
        'EARLIEST_BY_OFFSET',
        'HISTOGRAM',
        'LATEST_BY_OFFSET',
        'MAX',
        'MIN',
        'STDDEV_SAMP',
        'STDDEV_SAMPLE',
        'SUM',
        'SUM_LIST',
        'TOPK',
        'TOPKDISTINCT',
      ]);
      for (const [name, def] of aggregateFunctions()) expect(def.name).to.equal(name);
    });

    it('looks names up in any case and is built once', () => {
      expect(isAggregateFunction('count')).to.equal(true);
      expect(isAggregateFunction('Latest_By_Offset')).to.equal(true);
      expect(isAggregateFunction('ABS')).to.equal(false);
      expect(isAggregateFunction('STDDEV_POP')).to.equal(false);
      expect(aggregateFunctions().get('collect_list')?.name).to.equal('COLLECT_LIST');
      expect(aggregateFunctions()).to.equal(aggregateFunctions());
    });

    // QTT group-by "non-table udaf on table": only table UDAFs have undo.
    it('gives undo exactly to the table aggregates', () => {
      const sample: Record<string, AggregateArg[]> = {
        COUNT: [col(INTEGER)],
        SUM: [col(INTEGER)],
        SUM_LIST: [col(array(INTEGER))],
        AVG: [col(INTEGER)],
        MIN: [col(INTEGER)],
        MAX: [col(INTEGER)],
        COUNT_DISTINCT: [col(INTEGER)],
        COLLECT_LIST: [col(INTEGER)],
        COLLECT_SET: [col(INTEGER)],
        EARLIEST_BY_OFFSET: [col(INTEGER)],
        LATEST_BY_OFFSET: [col(INTEGER)],
        TOPK: [col(INTEGER), lit(INTEGER, 2)],
        TOPKDISTINCT: [col(INTEGER), lit(INTEGER, 2)],
        HISTOGRAM: [col(STRING)],
        STDDEV_SAMP: [col(INTEGER)],
        STDDEV_SAMPLE: [col(INTEGER)],
        CORRELATION: [col(DOUBLE), col(DOUBLE)],
        ATTR: [col(INTEGER)],
      };
      const streamOnly = Object.entries(sample)
        .filter(([name, args]) => resolve(name, args).undo === undefined)
        .map(([name]) => name);
      expect(streamOnly).to.deep.equal([
        'MIN',
        'MAX',
        'COUNT_DISTINCT',
        'COLLECT_SET',
        'EARLIEST_BY_OFFSET',
        'LATEST_BY_OFFSET',
        'TOPK',
        'TOPKDISTINCT',
      ]);
    });

    it('has a description and signatures for DESCRIBE FUNCTION', () => {
      for (const def of aggregateFunctions().values()) {
        expect(def.description).to.not.equal('');
        expect(def.signatures.length).to.be.greaterThan(0);
      }
    });

    // QTT correlation / standarddeviation / topk "DELIMITED": the engine refuses formats that
    // cannot hold the intermediate type, so it must be reported.
    it('reports the intermediate type ksqlDB stores', () => {
      const kinds = (name: string, args: AggregateArg[]): string => resolve(name, args).intermediateType.kind;
      expect(kinds('CORRELATION', [col(DOUBLE), col(DOUBLE)])).to.equal('STRUCT');
      expect(kinds('STDDEV_SAMP', [col(INTEGER)])).to.equal('STRUCT');
      expect(kinds('AVG', [col(INTEGER)])).to.equal('STRUCT');
      expect(kinds('LATEST_BY_OFFSET', [col(INTEGER)])).to.equal('STRUCT');
      expect(kinds('TOPK', [col(INTEGER), col(STRING), lit(INTEGER, 3)])).to.equal('ARRAY');
      expect(kinds('COUNT_DISTINCT', [col(STRING)])).to.equal('ARRAY');
      expect(kinds('HISTOGRAM', [col(STRING)])).to.equal('MAP');
      expect(kinds('COUNT', [])).to.equal('BIGINT');
      expect(kinds('SUM', [col(decimal(4, 1))])).to.equal('DECIMAL');
    });
  });

  // ---- COUNT ---------------------------------------------------------------------------------

  describe('COUNT', () => {
    table('cases', [
      // QTT count: count star
      { name: 'COUNT(*) counts every row', call: 'COUNT', args: [], returns: 'BIGINT', steps: [add([], '1n'), add([], '2n'), add([], '3n')] },
      // QTT count: count literal (a NULL-valued record is a tombstone upstream and never arrives)
      { name: 'COUNT(1)', call: 'count', args: [lit(INTEGER, 1)], returns: 'BIGINT', steps: adds([[1, '1n'], [1, '2n']]) },
      {
        name: 'COUNT(col) skips NULLs',
        call: 'COUNT',
        args: [col(STRING)],
        returns: 'BIGINT',
        steps: adds([['a', '1n'], [null, '1n'], ['b', '2n'], [undefined, '2n']]),
      },
      // QTT count: should count back to zero / count table
      {
        name: 'a table count goes back to 0',
        call: 'COUNT',
        args: [],
        returns: 'BIGINT',
        steps: [add([], '1n'), add([], '2n'), undo([], '1n'), undo([], '0n')],
      },
      {
        name: 'undo of a NULL column value changes nothing',
        call: 'COUNT',
        args: [col(BIGINT)],
        returns: 'BIGINT',
        steps: [add([3n], '1n'), undo([null], '1n'), undo([3n], '0n')],
      },
      { name: 'COUNT of an untyped NULL', call: 'COUNT', args: [lit(null, null)], returns: 'BIGINT', steps: adds([[null, '0n']]) },
    ]);

    it('adds counts when sessions merge', () => {
      const agg = resolve('COUNT', [col(INTEGER)]);
      expect(norm(bridgedSessions(agg, [1, 2], [3], 4))).to.equal('4n');
    });

    errors([['two arguments', 'COUNT', [col(STRING), col(STRING)], "Function 'COUNT' does not accept parameters (STRING, STRING)."]]);
  });

  // ---- SUM, SUM_LIST -------------------------------------------------------------------------

  describe('SUM', () => {
    table('cases', [
      // QTT sum: sum int
      { name: 'INTEGER', call: 'SUM', args: [col(INTEGER)], returns: 'INTEGER', steps: adds([[0, 0], [100, 100], [null, 100]]) },
      // QTT sum: sum int left join of table (only NULLs so far)
      { name: 'only NULLs sum to 0', call: 'SUM', args: [col(INTEGER)], returns: 'INTEGER', steps: adds([[null, 0]]) },
      {
        name: 'INTEGER wraps like a Java int',
        call: 'SUM',
        args: [col(INTEGER)],
        returns: 'INTEGER',
        steps: adds([[2147483647, 2147483647], [1, -2147483648], [-1, 2147483647]]),
      },
      // QTT sum: sum long
      {
        name: 'BIGINT',
        call: 'SUM',
        args: [col(BIGINT)],
        returns: 'BIGINT',
        steps: adds([[2147483648n, '2147483648n'], [100n, '2147483748n']]),
      },
      {
        name: 'BIGINT wraps like a Java long',
        call: 'SUM',
        args: [col(BIGINT)],
        returns: 'BIGINT',
        steps: adds([[9223372036854775807n, '9223372036854775807n'], [1n, '-9223372036854775808n']]),
      },
      // QTT sum: sum double
      { name: 'DOUBLE', call: 'SUM', args: [col(DOUBLE)], returns: 'DOUBLE', steps: adds([[500.9, 500.9], [300.8, 801.7]]) },
      // QTT sum: sum with constant double arg
      { name: 'a DOUBLE literal', call: 'SUM', args: [lit(DOUBLE, 1)], returns: 'DOUBLE', steps: adds([[1, 1], [1, 2], [1, 3]]) },
      // QTT sum: sum decimal
      {
        name: 'DECIMAL keeps precision and scale',
        call: 'SUM',
        args: [col(decimal(4, 1))],
        returns: 'DECIMAL(4, 1)',
        steps: adds([[dec('5.4'), 'D5.4'], [dec('100.1'), 'D105.5'], [null, 'D105.5']]),
      },
      { name: 'DECIMAL of only NULLs', call: 'SUM', args: [col(decimal(4, 1))], returns: 'DECIMAL(4, 1)', steps: adds([[null, 'D0.0']]) },
      // QTT sum: sum decimal should not overflow with cast to higher precision
      {
        name: 'DECIMAL(6, 2)',
        call: 'SUM',
        args: [col(decimal(6, 2))],
        returns: 'DECIMAL(6, 2)',
        steps: adds([[dec('500.90'), 'D500.90'], [dec('300.80'), 'D801.70'], [dec('400.80'), 'D1202.50']]),
      },
      {
        name: 'undo on a table',
        call: 'SUM',
        args: [col(INTEGER)],
        returns: 'INTEGER',
        steps: [add([5], 5), add([20], 25), undo([20], 5), undo([null], 5), undo([5], 0)],
      },
      {
        name: 'DECIMAL undo',
        call: 'SUM',
        args: [col(decimal(4, 1))],
        returns: 'DECIMAL(4, 1)',
        steps: [add([dec('5.4')], 'D5.4'), add([dec('1.1')], 'D6.5'), undo([dec('5.4')], 'D1.1')],
      },
    ]);

    // QTT sum: sum decimal with overflow / should overflow with cast to lower precision
    it('fails the record when a DECIMAL sum overflows', () => {
      const agg = resolve('SUM', [col(decimal(4, 1))]);
      const acc = fold(agg, [dec('500.9'), dec('300.8')]);
      expect(() => agg.add(acc, [dec('400.8')])).to.throw(
        AggregateFunctionError,
        'Numeric field overflow: A field with precision 4 and scale 1 must round to an absolute value less than 10^3. Got 1203',
      );
      const small = resolve('SUM', [col(decimal(3, 1))]);
      expect(() => fold(small, [dec('50.9'), dec('50.8')])).to.throw(AggregateFunctionError, 'less than 10^2. Got 102');
    });

    it('adds sums when sessions merge', () => {
      expect(bridgedSessions(resolve('SUM', [col(INTEGER)]), [1, 2], [3], 4)).to.equal(10);
      expect(norm(bridgedSessions(resolve('SUM', [col(BIGINT)]), [1n], [2n], 3n))).to.equal('6n');
    });

    errors([
      ['a STRING', 'SUM', [col(STRING)], "Function 'sum' does not accept parameters (STRING)."],
      ['an untyped NULL', 'SUM', [lit(null, null)], "Function 'sum' cannot be resolved due to ambiguous method parameters (null)."],
      ['two arguments', 'SUM', [col(INTEGER), col(INTEGER)], "Function 'sum' does not accept parameters (INTEGER, INTEGER)."],
    ]);
  });

  describe('SUM_LIST', () => {
    table('cases', [
      // QTT sum: sum list of doubles into a single double
      {
        name: 'ARRAY<DOUBLE>',
        call: 'SUM_LIST',
        args: [col(array(DOUBLE))],
        returns: 'DOUBLE',
        steps: adds([[[1, 1], 2], [[2, 2], 6], [[922337203685, 1], 922337203692], [[1, 1, null], 922337203694]]),
      },
      // QTT sum: sum list of ints into a single int
      {
        name: 'ARRAY<INTEGER>',
        call: 'SUM_LIST',
        args: [col(array(INTEGER))],
        returns: 'INTEGER',
        steps: adds([[[1, 1], 2], [[2, 2], 6], [[100, 100], 206], [[100, 100, null], 406], [null, 406]]),
      },
      {
        name: 'ARRAY<BIGINT> with undo',
        call: 'sum_list',
        args: [col(array(BIGINT))],
        returns: 'BIGINT',
        steps: [add([[1n, 1n]], '2n'), add([[2n, null]], '4n'), undo([[1n, 1n]], '2n')],
      },
    ]);
    errors([['ARRAY<STRING>', 'SUM_LIST', [col(array(STRING))], "Function 'sum_list' does not accept parameters (ARRAY<STRING>)."]]);
  });

  // ---- AVG -----------------------------------------------------------------------------------

  describe('AVG', () => {
    table('cases', [
      // QTT average-udaf: average int (alice, then bob)
      {
        name: 'INTEGER',
        call: 'AVG',
        args: [col(INTEGER)],
        returns: 'DOUBLE',
        steps: adds([[1, 1], [2, 1.5], [2, 1.6666666666666667], [null, 1.6666666666666667]]),
      },
      { name: 'INTEGER (bob)', call: 'AVG', args: [col(INTEGER)], returns: 'DOUBLE', steps: adds([[2, 2], [2, 2], [0, 1.3333333333333333]]) },
      // QTT average-udaf: average double
      {
        name: 'DOUBLE',
        call: 'AVG',
        args: [col(DOUBLE)],
        returns: 'DOUBLE',
        steps: adds([[-1.8, -1.8], [9223372036854.775, 4611686018426.487], [100.2, 3074457345651.058], [null, 3074457345651.058]]),
      },
      {
        name: 'DOUBLE (bob)',
        call: 'AVG',
        args: [col(DOUBLE)],
        returns: 'DOUBLE',
        steps: adds([[2.3, 2.3], [-200000.6, -99999.15000000001], [0, -66666.1]]),
      },
      { name: 'no values: 0.0', call: 'AVG', args: [col(BIGINT)], returns: 'DOUBLE', steps: adds([[null, 0]]) },
      { name: 'BIGINT', call: 'AVG', args: [col(BIGINT)], returns: 'DOUBLE', steps: adds([[4n, 4], [5n, 4.5]]) },
      {
        name: 'the INTEGER sum wraps like a Java int',
        call: 'AVG',
        args: [col(INTEGER)],
        returns: 'DOUBLE',
        steps: adds([[2147483647, 2147483647], [1, -1073741824]]),
      },
      {
        name: 'DECIMAL widens to DOUBLE',
        call: 'AVG',
        args: [col(decimal(4, 1))],
        returns: 'DOUBLE',
        steps: adds([[dec('1.5'), 1.5], [dec('2.5'), 2]]),
      },
      {
        name: 'undo on a table',
        call: 'AVG',
        args: [col(INTEGER)],
        returns: 'DOUBLE',
        steps: [add([2], 2), add([4], 3), undo([2], 4), undo([4], 0)],
      },
    ]);

    it('merges sums and counts', () => {
      expect(bridgedSessions(resolve('AVG', [col(INTEGER)]), [1, 2], [3], 6)).to.equal(3);
    });

    errors([['a STRING', 'AVG', [col(STRING)], "Function 'avg' does not accept parameters (STRING)."]]);
  });

  // ---- MIN, MAX ------------------------------------------------------------------------------

  describe('MIN and MAX', () => {
    table('cases', [
      // QTT tumbling-windows: min tumbling (BIGINT)
      { name: 'MIN BIGINT', call: 'MIN', args: [col(BIGINT)], returns: 'BIGINT', steps: adds([[100n, '100n'], [6n, '6n'], [300n, '6n']]) },
      // QTT case-expression: as param to UDAF (only NULLs so far)
      { name: 'only NULLs give NULL', call: 'MIN', args: [col(INTEGER)], returns: 'INTEGER', steps: adds([[null, null], [5, 5], [null, 5]]) },
      { name: 'MAX INTEGER', call: 'MAX', args: [col(INTEGER)], returns: 'INTEGER', steps: adds([[null, null], [3, 3], [-7, 3], [9, 9]]) },
      {
        name: 'MAX DOUBLE: NaN is the largest',
        call: 'MAX',
        args: [col(DOUBLE)],
        returns: 'DOUBLE',
        steps: adds([[1.5, 1.5], [NaN, NaN], [1e300, NaN]]),
      },
      { name: 'MIN DOUBLE: -0.0 below 0.0', call: 'MIN', args: [col(DOUBLE)], returns: 'DOUBLE', steps: adds([[0, 0], [-0, -0]]) },
      {
        name: 'MIN DECIMAL',
        call: 'MIN',
        args: [col(decimal(4, 2))],
        returns: 'DECIMAL(4, 2)',
        steps: adds([[dec('1.50'), 'D1.50'], [dec('-0.25'), 'D-0.25'], [dec('3.00'), 'D-0.25']]),
      },
      {
        name: 'MAX STRING by UTF-16 unit',
        call: 'MAX',
        args: [col(STRING)],
        returns: 'STRING',
        steps: adds([['Zebra', 'Zebra'], ['apple', 'apple'], ['Apple', 'apple']]),
      },
      {
        name: 'MIN BYTES compares signed bytes',
        call: 'MIN',
        args: [col(BYTES)],
        returns: 'BYTES',
        steps: adds([[Buffer.from([0x01]), [1]], [Buffer.from([0x80]), [128]], [Buffer.from([0x00]), [128]]]),
      },
      { name: 'MAX DATE', call: 'MAX', args: [col(DATE)], returns: 'DATE', steps: adds([[19000, 19000], [18000, 19000]]) },
      { name: 'MIN TIMESTAMP', call: 'MIN', args: [col(TIMESTAMP)], returns: 'TIMESTAMP', steps: adds([[20, 20], [10, 10]]) },
    ]);

    it('merges sessions (QTT session-windows: out of order)', () => {
      expect(bridgedSessions(resolve('MAX', [col(BIGINT)]), [1n, 5n], [3n], 2n)).to.equal(5n);
      expect(bridgedSessions(resolve('MIN', [col(INTEGER)]), [null], [4], null)).to.equal(4);
    });

    errors([
      ['MIN BOOLEAN', 'MIN', [col(BOOLEAN)], 'No MIN aggregate function with BOOLEAN argument type exists!'],
      ['MAX ARRAY', 'MAX', [col(array(INTEGER))], 'No MAX aggregate function with ARRAY<INTEGER> argument type exists!'],
    ]);
  });

  // ---- COUNT_DISTINCT ------------------------------------------------------------------------

  describe('COUNT_DISTINCT', () => {
    table('cases', [
      {
        name: 'STRING',
        call: 'COUNT_DISTINCT',
        args: [col(STRING)],
        returns: 'BIGINT',
        steps: adds([['a', '1n'], ['b', '2n'], ['a', '2n'], [null, '2n'], ['c', '3n']]),
      },
      { name: 'INTEGER', call: 'COUNT_DISTINCT', args: [col(INTEGER)], returns: 'BIGINT', steps: adds([[1, '1n'], [1, '1n'], [2, '2n']]) },
      { name: 'no values', call: 'COUNT_DISTINCT', args: [col(DOUBLE)], returns: 'BIGINT', steps: adds([[null, '0n']]) },
    ]);

    it('estimates larger cardinalities within a few percent', () => {
      const agg = resolve('COUNT_DISTINCT', [col(BIGINT)]);
      let acc = agg.initial();
      for (let i = 0; i < 50_000; i++) acc = agg.add(acc, [BigInt(i % 20_000)]);
      const n = Number(agg.result(acc) as bigint);
      expect(n).to.be.within(19_400, 20_600);
    });

    it('merges registers', () => {
      const agg = resolve('COUNT_DISTINCT', [col(STRING)]);
      expect(bridgedSessions(agg, ['a', 'b'], ['b', 'c'], 'd')).to.equal(4n);
    });
  });

  // ---- COLLECT_LIST, COLLECT_SET -------------------------------------------------------------

  describe('COLLECT_LIST', () => {
    const F0 = array(struct([
      { name: 'A', type: STRING },
      { name: 'D', type: decimal(4, 1) },
    ]));
    table('cases', [
      // QTT collect-list: collect_list int JSON
      { name: 'INTEGER', call: 'COLLECT_LIST', args: [col(INTEGER)], returns: 'ARRAY<INTEGER>', steps: adds([[0, [0]], [100, [0, 100]]]) },
      // QTT collect-list: collect_list string JSON (NULLs are collected)
      {
        name: 'STRING with NULL',
        call: 'COLLECT_LIST',
        args: [col(STRING)],
        returns: 'ARRAY<STRING>',
        steps: adds([['baz', ['baz']], ['baz', ['baz', 'baz']], ['foo', ['baz', 'baz', 'foo']], [null, ['baz', 'baz', 'foo', null]]]),
      },
      // QTT collect-list: collect_list decimal JSON
      {
        name: 'DECIMAL',
        call: 'COLLECT_LIST',
        args: [col(decimal(4, 1))],
        returns: 'ARRAY<DECIMAL(4, 1)>',
        steps: adds([[dec('500.9'), ['D500.9']], [null, ['D500.9', null]], [dec('300.8'), ['D500.9', null, 'D300.8']]]),
      },
      // QTT collect-list: collect_list with arrays, structs, and maps JSON
      {
        name: 'ARRAY<STRUCT>',
        call: 'COLLECT_LIST',
        args: [col(F0)],
        returns: 'ARRAY<ARRAY<STRUCT<`A` STRING, `D` DECIMAL(4, 1)>>>',
        steps: adds([
          [[{ A: 'Later0', D: null }], [[{ A: 'Later0', D: null }]]],
          [[null], [[{ A: 'Later0', D: null }], [null]]],
          [null, [[{ A: 'Later0', D: null }], [null], null]],
        ]),
      },
      // QTT collect-list: collect_list maps JSON
      {
        name: 'MAP',
        call: 'COLLECT_LIST',
        args: [col(map(STRING, BIGINT))],
        returns: 'ARRAY<MAP<STRING, BIGINT>>',
        steps: adds([
          [new Map([['Record0', 100n]]), [{ Record0: '100n' }]],
          [new Map([['Record0', 100n]]), [{ Record0: '100n' }, { Record0: '100n' }]],
        ]),
      },
      // QTT collect-list: collect_list with limit of 1
      {
        name: 'ksql.functions.collect_list.limit',
        call: 'COLLECT_LIST',
        args: [col(INTEGER)],
        returns: 'ARRAY<INTEGER>',
        context: { properties: { 'ksql.functions.collect_list.limit': 1 } },
        steps: adds([[0, [0]], [100, [0]]]),
      },
      {
        name: 'the limit as a string, negative means none',
        call: 'COLLECT_LIST',
        args: [col(INTEGER)],
        returns: 'ARRAY<INTEGER>',
        context: { properties: new Map([['ksql.functions.collect_list.limit', '-1']]) },
        steps: adds([[0, [0]], [100, [0, 100]]]),
      },
      // QTT collect-list: collect_list int table JSON (a row update is an undo then an add)
      {
        name: 'table: undo removes the last equal entry',
        call: 'COLLECT_LIST',
        args: [col(INTEGER)],
        returns: 'ARRAY<INTEGER>',
        steps: [add([0], [0]), undo([0], []), add([100], [100]), add([7], [100, 7]), add([100], [100, 7, 100]), undo([100], [100, 7]), undo([42], [100, 7])],
      },
    ]);

    it('returns a copy that later adds do not change', () => {
      const agg = resolve('COLLECT_LIST', [col(INTEGER)]);
      const acc = agg.add(agg.initial(), [1]);
      const emitted = agg.result(acc);
      agg.add(acc, [2]);
      expect(emitted).to.deep.equal([1]);
    });

    it('merges the earlier session first, then the late record, up to the limit', () => {
      expect(bridgedSessions(resolve('COLLECT_LIST', [col(INTEGER)]), [1, 2], [3], 4)).to.deep.equal([1, 2, 3, 4]);
      const limited = resolve('COLLECT_LIST', [col(INTEGER)], { properties: { 'ksql.functions.collect_list.limit': 3 } });
      expect(bridgedSessions(limited, [1, 2], [3, 5], 4)).to.deep.equal([1, 2, 3]);
    });
  });

  describe('COLLECT_SET', () => {
    table('cases', [
      // QTT collect-set: collect_set string JSON
      {
        name: 'STRING',
        call: 'COLLECT_SET',
        args: [col(STRING)],
        returns: 'ARRAY<STRING>',
        steps: adds([['baz', ['baz']], ['baz', ['baz']], ['foo', ['baz', 'foo']], [null, ['baz', 'foo', null]], [null, ['baz', 'foo', null]]]),
      },
      // QTT collect-set: collect_set long JSON
      {
        name: 'BIGINT',
        call: 'COLLECT_SET',
        args: [col(BIGINT)],
        returns: 'ARRAY<BIGINT>',
        steps: adds([[500n, ['500n']], [100n, ['500n', '100n']], [500n, ['500n', '100n']]]),
      },
      // QTT collect-set: collect_set maps JSON (entry order does not matter)
      {
        name: 'MAP',
        call: 'COLLECT_SET',
        args: [col(map(STRING, BIGINT))],
        returns: 'ARRAY<MAP<STRING, BIGINT>>',
        steps: adds([
          [new Map([['Record0', 100n], ['Record2', 2n]]), [{ Record0: '100n', Record2: '2n' }]],
          [new Map([['Record2', 2n], ['Record0', 100n]]), [{ Record0: '100n', Record2: '2n' }]],
        ]),
      },
      // QTT collect-set: collect_set struct JSON
      {
        name: 'STRUCT',
        call: 'COLLECT_SET',
        args: [col(struct([{ name: 'A', type: STRING }, { name: 'B', type: BIGINT }]))],
        returns: 'ARRAY<STRUCT<`A` STRING, `B` BIGINT>>',
        steps: adds([
          [{ A: 'Record0', B: 100n }, [{ A: 'Record0', B: '100n' }]],
          [{ B: 100n, A: 'Record0' }, [{ A: 'Record0', B: '100n' }]],
        ]),
      },
      // QTT collect-set: collect_set decimal JSON
      {
        name: 'DECIMAL',
        call: 'COLLECT_SET',
        args: [col(decimal(4, 1))],
        returns: 'ARRAY<DECIMAL(4, 1)>',
        steps: adds([[dec('500.9'), ['D500.9']], [dec('300.8'), ['D500.9', 'D300.8']], [null, ['D500.9', 'D300.8', null]], [dec('300.8'), ['D500.9', 'D300.8', null]]]),
      },
      // QTT collect-set: collect_set with limit of 1
      {
        name: 'ksql.functions.collect_set.limit',
        call: 'COLLECT_SET',
        args: [col(INTEGER)],
        returns: 'ARRAY<INTEGER>',
        context: { properties: { 'ksql.functions.collect_set.limit': 1 } },
        steps: adds([[0, [0]], [100, [0]]]),
      },
    ]);

    it('merges distinct values of both sessions', () => {
      expect(bridgedSessions(resolve('COLLECT_SET', [col(INTEGER)]), [1, 2], [2, 3], 1)).to.deep.equal([1, 2, 3]);
    });
  });

  // ---- EARLIEST_BY_OFFSET, LATEST_BY_OFFSET --------------------------------------------------

  describe('EARLIEST_BY_OFFSET', () => {
    const F0 = col(INTEGER);
    table('cases', [
      // QTT earliest-offset-udaf: earliest by offset
      { name: 'the first value', call: 'EARLIEST_BY_OFFSET', args: [col(STRING)], returns: 'STRING', steps: adds([['foo', 'foo'], ['bar', 'foo']]) },
      // nulls later - single - nulls ignored
      { name: 'NULLs ignored by default', call: 'EARLIEST_BY_OFFSET', args: [F0], returns: 'INTEGER', steps: adds([[12, 12], [null, 12], [13, 12]]) },
      // null first - single - ignoring nulls
      { name: 'NULL first, ignored', call: 'EARLIEST_BY_OFFSET', args: [F0, lit(BOOLEAN, true)], returns: 'INTEGER', steps: adds([[null, null], [13, 13]]) },
      // null first - single - not ignoring nulls
      { name: 'NULL first, kept', call: 'EARLIEST_BY_OFFSET', args: [F0, lit(BOOLEAN, false)], returns: 'INTEGER', steps: adds([[null, null], [13, null]]) },
      // null first - multiple - ignoring nulls
      { name: 'n, NULL first, ignored', call: 'EARLIEST_BY_OFFSET', args: [F0, lit(INTEGER, 2)], returns: 'ARRAY<INTEGER>', steps: adds([[null, []], [13, [13]]]) },
      // null first - multiple - not ignoring nulls
      {
        name: 'n, NULL first, kept',
        call: 'EARLIEST_BY_OFFSET',
        args: [F0, lit(INTEGER, 2), lit(BOOLEAN, false)],
        returns: 'ARRAY<INTEGER>',
        steps: adds([[null, [null]], [13, [null, 13]], [14, [null, 13]]]),
      },
      // earliest n by offset
      { name: 'n', call: 'EARLIEST_BY_OFFSET', args: [F0, lit(INTEGER, 2)], returns: 'ARRAY<INTEGER>', steps: adds([[12, [12]], [21, [12, 21]], [31, [12, 21]]]) },
      // earliest n by offset with all nulls
      { name: 'n, all NULLs', call: 'EARLIEST_BY_OFFSET', args: [F0, lit(INTEGER, 2)], returns: 'ARRAY<INTEGER>', steps: adds([[null, []], [null, []]]) },
      // earliest by offset with maps / structs / an array added
      {
        name: 'MAP',
        call: 'EARLIEST_BY_OFFSET',
        args: [col(map(STRING, DOUBLE))],
        returns: 'MAP<STRING, DOUBLE>',
        steps: adds([[new Map([['Early0', 1.234]]), { Early0: 1.234 }], [new Map([['Later0', 3.6789]]), { Early0: 1.234 }]]),
      },
      {
        name: 'ARRAY',
        call: 'EARLIEST_BY_OFFSET',
        args: [col(array(INTEGER))],
        returns: 'ARRAY<INTEGER>',
        steps: adds([[[0, 0, 1, 0, -1], [0, 0, 1, 0, -1]], [[1, 2, 3, 4, -1], [0, 0, 1, 0, -1]]]),
      },
    ]);

    // QTT earliest-offset-udaf: merging session windows (null @0, 1 @1500, null @700)
    it('merges sessions by offset', () => {
      const merged = (args: AggregateArg[]): unknown => norm(bridgedSessions(resolve('EARLIEST_BY_OFFSET', args), [null], [1], null));
      expect(merged([F0, lit(BOOLEAN, true)])).to.equal(1);
      expect(merged([F0, lit(BOOLEAN, false)])).to.equal(null);
      expect(merged([F0, lit(INTEGER, 2), lit(BOOLEAN, true)])).to.deep.equal([1]);
      expect(merged([F0, lit(INTEGER, 2), lit(BOOLEAN, false)])).to.deep.equal([null, 1]);
    });

    it('keeps the earlier value whichever side of a merge it is on', () => {
      const agg = resolve('EARLIEST_BY_OFFSET', [F0]);
      const first = fold(agg, [1]);
      const second = fold(agg, [2]);
      expect(agg.result(agg.merge(second, first))).to.equal(1);
      expect(agg.result(agg.merge(first, second))).to.equal(1);
    });
  });

  describe('LATEST_BY_OFFSET', () => {
    const F0 = col(INTEGER);
    table('cases', [
      // QTT latest-offset-udaf: latest by offset
      { name: 'the last value', call: 'LATEST_BY_OFFSET', args: [col(BOOLEAN)], returns: 'BOOLEAN', steps: adds([[true, true], [false, false]]) },
      // nulls ignored - single
      { name: 'NULLs ignored', call: 'LATEST_BY_OFFSET', args: [F0, lit(BOOLEAN, true)], returns: 'INTEGER', steps: adds([[12, 12], [null, 12], [13, 13]]) },
      // nulls not ignored - single
      { name: 'NULLs kept', call: 'LATEST_BY_OFFSET', args: [F0, lit(BOOLEAN, false)], returns: 'INTEGER', steps: adds([[12, 12], [null, null], [13, 13]]) },
      // nulls not ignored - multiple
      {
        name: 'n, NULLs kept',
        call: 'LATEST_BY_OFFSET',
        args: [F0, lit(INTEGER, 2), lit(BOOLEAN, false)],
        returns: 'ARRAY<INTEGER>',
        steps: adds([[12, [12]], [null, [12, null]], [13, [null, 13]]]),
      },
      // latest n by offset
      { name: 'n', call: 'LATEST_BY_OFFSET', args: [col(STRING), lit(INTEGER, 2)], returns: 'ARRAY<STRING>', steps: adds([['foo', ['foo']], ['bar', ['foo', 'bar']], ['baz', ['bar', 'baz']]]) },
      // latest n by offset with nulls / all nulls
      { name: 'n with NULLs', call: 'LATEST_BY_OFFSET', args: [F0, lit(INTEGER, 2)], returns: 'ARRAY<INTEGER>', steps: adds([[12, [12]], [null, [12]]]) },
      { name: 'n, all NULLs', call: 'LATEST_BY_OFFSET', args: [F0, lit(INTEGER, 2)], returns: 'ARRAY<INTEGER>', steps: adds([[null, []], [null, []]]) },
      // latest by offset with decimals
      {
        name: 'DECIMAL',
        call: 'LATEST_BY_OFFSET',
        args: [col(decimal(3, 2)), lit(BOOLEAN, true)],
        returns: 'DECIMAL(3, 2)',
        steps: adds([[dec('3.40'), 'D3.40'], [dec('8.90'), 'D8.90']]),
      },
      // latest by offset with arrays, structs, and maps
      {
        name: 'ARRAY<STRUCT>',
        call: 'LATEST_BY_OFFSET',
        args: [col(array(struct([{ name: 'A', type: STRING }])))],
        returns: 'ARRAY<STRUCT<`A` STRING>>',
        steps: adds([[[{ A: 'Early0' }, { A: 'Early2' }], [{ A: 'Early0' }, { A: 'Early2' }]], [[{ A: 'Later0' }], [{ A: 'Later0' }]]]),
      },
      // count: auto-incrementing id (LATEST_BY_OFFSET of an INTEGER)
      { name: 'INTEGER', call: 'latest_by_offset', args: [F0], returns: 'INTEGER', steps: adds([[12, 12], [8367, 8367], [764, 764]]) },
    ]);

    // QTT latest-offset-udaf: merging session windows (1 @0, null @1500, 2 @700)
    it('merges sessions by offset', () => {
      const merged = (args: AggregateArg[], first: unknown[], second: unknown[], late: unknown): unknown =>
        norm(bridgedSessions(resolve('LATEST_BY_OFFSET', args), first, second, late));
      expect(merged([F0, lit(BOOLEAN, false)], [1], [null], 2)).to.equal(2);
      expect(merged([F0, lit(BOOLEAN, false)], [null], [null], null)).to.equal(null);
      expect(merged([F0, lit(INTEGER, 2), lit(BOOLEAN, true)], [1], [null], 2)).to.deep.equal([1, 2]);
      expect(merged([F0, lit(INTEGER, 2), lit(BOOLEAN, false)], [1], [null], 2)).to.deep.equal([null, 2]);
      expect(merged([F0, lit(INTEGER, 2), lit(BOOLEAN, false)], [null], [null], null)).to.deep.equal([null, null]);
    });

    // QTT latest-offset-udaf: merging session windows - with nulls not ignored when merging
    it('a later NULL wins a merge when NULLs are kept', () => {
      const agg = resolve('LATEST_BY_OFFSET', [F0, lit(BOOLEAN, false)]);
      const session = fold(agg, [1]);
      expect(agg.result(agg.add(agg.merge(agg.initial(), session), [null]))).to.equal(null);
      const later = fold(agg, [null]);
      expect(agg.result(agg.merge(later, session))).to.equal(null);
      const ignoring = resolve('LATEST_BY_OFFSET', [F0]);
      expect(ignoring.result(ignoring.merge(fold(ignoring, [5]), fold(ignoring, [null])))).to.equal(5);
    });
  });

  errors([
    [
      'a non-literal ignoreNulls',
      'LATEST_BY_OFFSET',
      [col(INTEGER), col(BOOLEAN)],
      'Parameter 2 passed to function LATEST_BY_OFFSET must be a literal constant',
    ],
    [
      'a non-literal n, with its text',
      'EARLIEST_BY_OFFSET',
      [col(INTEGER), { type: INTEGER, literal: false, text: 'N' } as AggregateArg],
      "Parameter 2 passed to function EARLIEST_BY_OFFSET must be a literal constant, but was expression: 'N'",
    ],
    ['n below 1', 'LATEST_BY_OFFSET', [col(INTEGER), lit(INTEGER, 0)], 'earliestN must be 1 or greater'],
    [
      'a STRING second argument',
      'LATEST_BY_OFFSET',
      [col(INTEGER), lit(STRING, 'x')],
      "Function 'LATEST_BY_OFFSET' does not accept parameters (INTEGER, STRING).",
    ],
    [
      'four arguments',
      'EARLIEST_BY_OFFSET',
      [col(INTEGER), lit(INTEGER, 1), lit(BOOLEAN, true), lit(BOOLEAN, true)],
      "Function 'EARLIEST_BY_OFFSET' does not accept parameters (INTEGER, INTEGER, BOOLEAN, BOOLEAN).",
    ],
  ]);

  // ---- TOPK, TOPKDISTINCT --------------------------------------------------------------------

  describe('TOPK', () => {
    const k3 = lit(INTEGER, 3);
    table('cases', [
      // QTT topk-group-by: topk integer / long / double / string JSON
      {
        name: 'INTEGER',
        call: 'TOPK',
        args: [col(INTEGER), k3],
        returns: 'ARRAY<INTEGER>',
        steps: adds([[0, [0]], [100, [100, 0]], [99, [100, 99, 0]], [7, [100, 99, 7]], [100, [100, 100, 99]], [null, [100, 100, 99]]]),
      },
      {
        name: 'BIGINT',
        call: 'TOPK',
        args: [col(BIGINT), k3],
        returns: 'ARRAY<BIGINT>',
        steps: adds([[2147483648n, ['2147483648n']], [100n, ['2147483648n', '100n']], [99n, ['2147483648n', '100n', '99n']], [7n, ['2147483648n', '100n', '99n']], [100n, ['2147483648n', '100n', '100n']]]),
      },
      {
        name: 'DOUBLE',
        call: 'TOPK',
        args: [col(DOUBLE), k3],
        returns: 'ARRAY<DOUBLE>',
        steps: adds([[2147483648.9, [2147483648.9]], [100.5, [2147483648.9, 100.5]], [99.9, [2147483648.9, 100.5, 99.9]], [7.3, [2147483648.9, 100.5, 99.9]], [100.5, [2147483648.9, 100.5, 100.5]]]),
      },
      {
        name: 'STRING',
        call: 'topk',
        args: [col(STRING), k3],
        returns: 'ARRAY<STRING>',
        steps: adds([['a', ['a']], ['b', ['b', 'a']], ['c', ['c', 'b', 'a']], ['b', ['c', 'b', 'b']], ['d', ['d', 'c', 'b']]]),
      },
      // QTT topk-group-by: topk integer struct JSON
      {
        name: 'with another column: STRUCTs, ties in arrival order',
        call: 'TOPK',
        args: [col(INTEGER), col(STRING), k3],
        returns: 'ARRAY<STRUCT<`sort_col` INTEGER, `col0` STRING>>',
        steps: [
          add([0, 'zero'], [{ sort_col: 0, col0: 'zero' }]),
          add([100, 'one'], [{ sort_col: 100, col0: 'one' }, { sort_col: 0, col0: 'zero' }]),
          add([99, 'two'], [{ sort_col: 100, col0: 'one' }, { sort_col: 99, col0: 'two' }, { sort_col: 0, col0: 'zero' }]),
          add([null, 'three'], [{ sort_col: 100, col0: 'one' }, { sort_col: 99, col0: 'two' }, { sort_col: 0, col0: 'zero' }]),
          add([100, null], [{ sort_col: 100, col0: 'one' }, { sort_col: 100, col0: null }, { sort_col: 99, col0: 'two' }]),
        ],
      },
      // QTT topk-group-by: topk string struct JSON
      {
        name: 'STRING with another column',
        call: 'TOPK',
        args: [col(STRING), col(STRING), k3],
        returns: 'ARRAY<STRUCT<`sort_col` STRING, `col0` STRING>>',
        steps: [
          add(['a', 'zero'], [{ sort_col: 'a', col0: 'zero' }]),
          add([null, 'one'], [{ sort_col: 'a', col0: 'zero' }]),
          add(['c', 'two'], [{ sort_col: 'c', col0: 'two' }, { sort_col: 'a', col0: 'zero' }]),
          add(['b', 'three'], [{ sort_col: 'c', col0: 'two' }, { sort_col: 'b', col0: 'three' }, { sort_col: 'a', col0: 'zero' }]),
          add(['d', null], [{ sort_col: 'd', col0: null }, { sort_col: 'c', col0: 'two' }, { sort_col: 'b', col0: 'three' }]),
        ],
      },
      {
        name: 'two other columns of other types',
        call: 'TOPK',
        args: [col(DOUBLE), col(BIGINT), col(BOOLEAN), lit(INTEGER, 1)],
        returns: 'ARRAY<STRUCT<`sort_col` DOUBLE, `col0` BIGINT, `col1` BOOLEAN>>',
        steps: [add([1.5, 7n, true], [{ sort_col: 1.5, col0: '7n', col1: true }]), add([0.5, 8n, false], [{ sort_col: 1.5, col0: '7n', col1: true }])],
      },
    ]);

    it('merges two sessions largest first, the earlier session first on ties', () => {
      const agg = resolve('TOPK', [col(INTEGER), col(STRING), k3]);
      const a = agg.add(agg.add(agg.initial(), [5, 'a5']), [1, 'a1']);
      const b = agg.add(agg.add(agg.initial(), [5, 'b5']), [3, 'b3']);
      expect(agg.result(agg.merge(a, b))).to.deep.equal([
        { sort_col: 5, col0: 'a5' },
        { sort_col: 5, col0: 'b5' },
        { sort_col: 3, col0: 'b3' },
      ]);
    });

    errors([
      ['a BOOLEAN column', 'TOPK', [col(BOOLEAN), k3], "Function 'TOPK' does not accept parameters (BOOLEAN, INTEGER)."],
      ['a DECIMAL column', 'TOPK', [col(decimal(4, 1)), k3], "Function 'TOPK' does not accept parameters (DECIMAL(4, 1), INTEGER)."],
      ['no k', 'TOPK', [col(INTEGER)], "Function 'TOPK' does not accept parameters (INTEGER)."],
      ['a BIGINT k', 'TOPK', [col(INTEGER), lit(BIGINT, 3n)], "Function 'TOPK' does not accept parameters (INTEGER, BIGINT)."],
      ['a non-literal k', 'TOPK', [col(INTEGER), col(INTEGER)], 'Parameter 2 passed to function TOPK must be a literal constant'],
    ]);
  });

  describe('TOPKDISTINCT', () => {
    table('cases', [
      // QTT topk-distinct: topk distinct string
      {
        name: 'STRING',
        call: 'TOPKDISTINCT',
        args: [col(STRING), lit(INTEGER, 3)],
        returns: 'ARRAY<STRING>',
        steps: adds([['a', ['a']], ['b', ['b', 'a']], ['c', ['c', 'b', 'a']], ['b', ['c', 'b', 'a']], ['d', ['d', 'c', 'b']]]),
      },
      // QTT tumbling-windows: topkdistinct tumbling (DOUBLE)
      {
        name: 'DOUBLE',
        call: 'TOPKDISTINCT',
        args: [col(DOUBLE), lit(INTEGER, 2)],
        returns: 'ARRAY<DOUBLE>',
        steps: adds([[0, [0]], [100, [100, 0]], [10, [100, 10]], [100, [100, 10]], [null, [100, 10]]]),
      },
      {
        name: 'DECIMAL',
        call: 'TOPKDISTINCT',
        args: [col(decimal(3, 1)), lit(INTEGER, 2)],
        returns: 'ARRAY<DECIMAL(3, 1)>',
        steps: adds([[dec('1.5'), ['D1.5']], [dec('1.5'), ['D1.5']], [dec('2.0'), ['D2.0', 'D1.5']]]),
      },
    ]);

    it('merges without duplicating equal values', () => {
      const agg = resolve('TOPKDISTINCT', [col(INTEGER), lit(INTEGER, 3)]);
      expect(bridgedSessions(agg, [5, 1], [5, 3], 2)).to.deep.equal([5, 3, 2]);
    });

    errors([
      ['a BOOLEAN column', 'TOPKDISTINCT', [col(BOOLEAN), lit(INTEGER, 2)], 'No TOPKDISTINCT aggregate function with BOOLEAN argument type exists!'],
      ['a non-literal k', 'TOPKDISTINCT', [col(INTEGER), col(INTEGER)], 'Parameter 2 passed to function TOPKDISTINCT must be a literal constant'],
    ]);
  });

  // ---- HISTOGRAM -----------------------------------------------------------------------------

  describe('HISTOGRAM', () => {
    table('cases', [
      // QTT histogram: histogram string JSON (key 100)
      {
        name: 'STRING',
        call: 'HISTOGRAM',
        args: [col(STRING)],
        returns: 'MAP<STRING, BIGINT>',
        steps: adds([['baz', { baz: '1n' }], ['baz', { baz: '2n' }], ['foo', { baz: '2n', foo: '1n' }]]),
      },
      {
        name: 'table: undo decrements and drops at 0',
        call: 'HISTOGRAM',
        args: [col(STRING)],
        returns: 'MAP<STRING, BIGINT>',
        steps: [add(['a'], { a: '1n' }), add(['a'], { a: '2n' }), add(['b'], { a: '2n', b: '1n' }), undo(['b'], { a: '2n' }), undo(['a'], { a: '1n' }), undo(['zzz'], { a: '1n' })],
      },
    ]);

    it('counts at most 1000 distinct values', () => {
      const agg = resolve('HISTOGRAM', [col(STRING)]);
      let acc = agg.initial();
      for (let i = 0; i < 1005; i++) acc = agg.add(acc, [`v${i}`]);
      acc = agg.add(acc, ['v0']);
      const result = agg.result(acc) as Map<string, bigint>;
      expect(result.size).to.equal(1000);
      expect(result.get('v0')).to.equal(2n);
      expect(result.has('v1004')).to.equal(false);
    });

    it('merges counts', () => {
      expect(norm(bridgedSessions(resolve('HISTOGRAM', [col(STRING)]), ['a', 'b'], ['a'], 'c'))).to.deep.equal({ a: '2n', b: '1n', c: '1n' });
    });

    errors([['an INTEGER', 'HISTOGRAM', [col(INTEGER)], "Function 'histogram' does not accept parameters (INTEGER)."]]);
  });

  // ---- STDDEV_SAMPLE, STDDEV_SAMP ------------------------------------------------------------

  describe('STDDEV_SAMPLE and STDDEV_SAMP', () => {
    table('cases', [
      // QTT standarddeviation: stddev_sample double map
      {
        name: 'STDDEV_SAMPLE DOUBLE',
        call: 'STDDEV_SAMPLE',
        args: [col(DOUBLE)],
        returns: 'DOUBLE',
        steps: adds([[10, 0], [12, 1.4142135623730951], [13, 1.5275252316519465], [14, 1.707825127659933], [16, 2.23606797749979]]),
      },
      {
        name: 'STDDEV_SAMPLE INTEGER',
        call: 'STDDEV_SAMPLE',
        args: [col(INTEGER)],
        returns: 'DOUBLE',
        steps: adds([[null, 0], [10, 0], [12, 1.4142135623730951], [13, 1.5275252316519465], [14, 1.707825127659933], [16, 2.23606797749979]]),
      },
      // ksqlDB's std_dev_samp QTT (the variance): INTEGER, key 0 and key 100
      {
        name: 'STDDEV_SAMP INTEGER is the sample variance',
        call: 'STDDEV_SAMP',
        args: [col(INTEGER)],
        returns: 'DOUBLE',
        steps: adds([[0, 0], [10, 50], [7, 26.333333333333332], [6, 17.583333333333332]]),
      },
      { name: 'STDDEV_SAMP INTEGER (2)', call: 'STDDEV_SAMP', args: [col(INTEGER)], returns: 'DOUBLE', steps: adds([[50, 0], [10, 800], [3, 643], [null, 643]]) },
      {
        name: 'STDDEV_SAMP BIGINT',
        call: 'STDDEV_SAMP',
        args: [col(BIGINT)],
        returns: 'DOUBLE',
        steps: adds([[2147483648n, 0], [100n, 2.3058427944653343e18], [-2n, 1.5372286026580004e18], [null, 1.5372286026580004e18]]),
      },
      {
        name: 'STDDEV_SAMP BIGINT (2)',
        call: 'STDDEV_SAMP',
        args: [col(BIGINT)],
        returns: 'DOUBLE',
        steps: adds([[500n, 0], [100n, 80000], [0n, 70000], [-6n, 57275.666666666664]]),
      },
      {
        name: 'STDDEV_SAMP DOUBLE',
        call: 'STDDEV_SAMP',
        args: [col(DOUBLE)],
        returns: 'DOUBLE',
        steps: adds([[-1.8, 0], [2.3, 8.405], [100.2, 3334.2033333333347], [null, 3334.2033333333347]]),
      },
      {
        name: 'STDDEV_SAMP DOUBLE (2)',
        call: 'STDDEV_SAMP',
        args: [col(DOUBLE)],
        returns: 'DOUBLE',
        steps: adds([[9223372036854.775807, 0], [300.8, 4.253529586234292e25], [-200000.6, 2.835686452404674e25], [0, 2.1267648239542927e25]]),
      },
      {
        name: 'STDDEV_SAMP DOUBLE (3)',
        call: 'stddev_samp',
        args: [col(DOUBLE)],
        returns: 'DOUBLE',
        steps: adds([[10, 0], [12, 2], [13, 2.333333333333333], [14, 2.9166666666666665], [16, 5]]),
      },
      {
        name: 'undo on a table',
        call: 'STDDEV_SAMPLE',
        args: [col(INTEGER)],
        returns: 'DOUBLE',
        close: 1e-12,
        steps: [add([10], 0), add([12], 1.4142135623730951), add([13], 1.5275252316519465), undo([13], 1.4142135623730951), undo([10], 0)],
      },
      {
        name: 'DECIMAL widens to DOUBLE',
        call: 'STDDEV_SAMPLE',
        args: [col(decimal(4, 1))],
        returns: 'DOUBLE',
        steps: adds([[dec('10.0'), 0], [dec('12.0'), 1.4142135623730951]]),
      },
    ]);

    it('merges sessions with Chan’s formula', () => {
      const sample = resolve('STDDEV_SAMPLE', [col(DOUBLE)]);
      expect(bridgedSessions(sample, [10, 12], [14], 13) as number).to.be.closeTo(1.707825127659933, 1e-12);
      const variance = resolve('STDDEV_SAMP', [col(DOUBLE)]);
      expect(bridgedSessions(variance, [10, 12], [14, 16], 13) as number).to.be.closeTo(5, 1e-12);
    });

    errors([
      ['STDDEV_SAMP of a STRING', 'STDDEV_SAMP', [col(STRING)], "Function 'STDDEV_SAMP' does not accept parameters (STRING)."],
      ['STDDEV_SAMPLE of a BOOLEAN', 'STDDEV_SAMPLE', [col(BOOLEAN)], "Function 'STDDEV_SAMPLE' does not accept parameters (BOOLEAN)."],
    ]);
  });

  // ---- CORRELATION ---------------------------------------------------------------------------

  describe('CORRELATION', () => {
    const XY = [col(DOUBLE), col(DOUBLE)];
    table('cases', [
      // QTT correlation-udaf: correlation double (alice, then bob)
      {
        name: 'DOUBLE',
        call: 'CORRELATION',
        args: XY,
        returns: 'DOUBLE',
        steps: [add([1.5, 8], NaN), add([-1, -2], 1), add([-4.5, -1], 0.7580764521133173), add([null, -6], 0.7580764521133173)],
      },
      { name: 'DOUBLE (bob)', call: 'CORRELATION', args: XY, returns: 'DOUBLE', steps: [add([-3.5, -2], NaN), add([13.1, null], NaN), add([3, 11], 1)] },
      // QTT correlation-udaf: correlation int
      {
        name: 'INTEGER widens to DOUBLE',
        call: 'correlation',
        args: [col(INTEGER), col(INTEGER)],
        returns: 'DOUBLE',
        steps: [add([1, 8], NaN), add([-1, -2], 1), add([-4, -1], 0.7455284088780169), add([null, -6], 0.7455284088780169)],
      },
      // QTT correlation-udaf: correlation udaf with table
      {
        name: 'table: undo',
        call: 'CORRELATION',
        args: XY,
        returns: 'DOUBLE',
        close: 1e-12,
        steps: [add([1.5, 8], NaN), add([-3.5, -2], 1), undo([1.5, 8], NaN), add([-1, -2], NaN), add([-4.5, -1], -0.7205766921228921)],
      },
      { name: 'no rows: NaN', call: 'CORRELATION', args: [col(BIGINT), col(decimal(3, 1))], returns: 'DOUBLE', steps: [add([null, null], NaN)] },
      { name: 'a negative slope', call: 'CORRELATION', args: XY, returns: 'DOUBLE', steps: [add([1, 1], NaN), add([2, -1], -1)] },
    ]);

    it('merges sums', () => {
      const agg = resolve('CORRELATION', XY);
      const a = agg.add(agg.initial(), [1.5, 8]);
      const b = agg.add(agg.add(agg.initial(), [-1, -2]), [-4.5, -1]);
      expect(agg.result(agg.merge(a, b)) as number).to.be.closeTo(0.7580764521133173, 1e-12);
    });

    errors([['a STRING', 'CORRELATION', [col(STRING), col(DOUBLE)], "Function 'correlation' does not accept parameters (STRING, DOUBLE)."]]);
  });

  // ---- ATTR ----------------------------------------------------------------------------------

  describe('ATTR', () => {
    table('cases', [
      // QTT attr: valid attr with various scalar / non-scalar fields
      { name: 'one value', call: 'ATTR', args: [col(STRING)], returns: 'STRING', steps: adds([['s', 's'], ['s', 's'], ['s', 's']]) },
      {
        name: 'STRUCT and ARRAY values',
        call: 'ATTR',
        args: [col(struct([{ name: 'A', type: STRING }, { name: 'B', type: INTEGER }]))],
        returns: 'STRUCT<`A` STRING, `B` INTEGER>',
        steps: adds([[{ A: 'a', B: 1 }, { A: 'a', B: 1 }], [{ B: 1, A: 'a' }, { A: 'a', B: 1 }]]),
      },
      { name: 'ARRAY', call: 'ATTR', args: [col(array(INTEGER))], returns: 'ARRAY<INTEGER>', steps: adds([[[1, 2, 3], [1, 2, 3]], [[1, 2, 3], [1, 2, 3]]]) },
      // valid attr with nulls
      { name: 'only NULLs', call: 'ATTR', args: [col(STRING)], returns: 'STRING', steps: adds([[null, null], [null, null]]) },
      // invalid attr
      { name: 'two values', call: 'ATTR', args: [col(STRING)], returns: 'STRING', steps: adds([['1', '1'], ['2', null], ['3', null]]) },
      // invalid attr with nulls / with nulls as first entry
      { name: 'a value and NULL', call: 'ATTR', args: [col(STRING)], returns: 'STRING', steps: adds([['1', '1'], [null, null], ['1', null]]) },
      { name: 'NULL first', call: 'ATTR', args: [col(STRING)], returns: 'STRING', steps: adds([[null, null], ['2', null], ['2', null]]) },
      // table attr with tombstones
      {
        name: 'table: undo',
        call: 'ATTR',
        args: [col(STRING)],
        returns: 'STRING',
        steps: [add(['1'], '1'), add(['1'], '1'), undo(['1'], '1'), undo(['1'], null), add(['2'], '2'), add(['3'], null), undo(['3'], '2')],
      },
    ]);

    it('merges counts', () => {
      const agg = resolve('ATTR', [col(INTEGER)]);
      expect(bridgedSessions(agg, [1, 1], [1], 1)).to.equal(1);
      expect(bridgedSessions(agg, [1], [2], 1)).to.equal(null);
    });
  });
});
