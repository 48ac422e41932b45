/**
 * ksqlDB's built-in aggregate functions (UDAFs), looked up by name in any case.
 *
 * | function            | returns                                  | undo (tables) |
 * | ------------------- | ---------------------------------------- | ------------- |
 * | COUNT               | BIGINT                                   | yes           |
 * | SUM                 | the argument's numeric type              | yes           |
 * | SUM_LIST            | the list's element type                  | yes           |
 * | AVG                 | DOUBLE                                   | yes           |
 * | MIN, MAX            | the argument's type                      | no            |
 * | COUNT_DISTINCT      | BIGINT                                   | no            |
 * | COLLECT_LIST        | ARRAY<T>                                 | yes           |
 * | COLLECT_SET         | ARRAY<T>                                 | no            |
 * | EARLIEST_BY_OFFSET  | T, or ARRAY<T> with n                    | no            |
 * | LATEST_BY_OFFSET    | T, or ARRAY<T> with n                    | no            |
 * | TOPK                | ARRAY<T>, or ARRAY<STRUCT<sort_col, ...>> | no            |
 * | TOPKDISTINCT        | ARRAY<T>                                 | no            |
 * | HISTOGRAM           | MAP<STRING, BIGINT>                      | yes           |
 * | STDDEV_SAMP         | DOUBLE (the sample variance)             | yes           |
 * | STDDEV_SAMPLE       | DOUBLE                                   | yes           |
 * | CORRELATION         | DOUBLE                                   | yes           |
 * | ATTR                | T                                        | yes           |
 */
import { ATTR } from './attr.js';
import { AVG } from './avg.js';
import { EARLIEST_BY_OFFSET, LATEST_BY_OFFSET } from './by-offset.js';
import { COLLECT_LIST, COLLECT_SET } from './collect.js';
import type { KsqlAggregateFunctionDef } from './common.js';
import { CORRELATION } from './correlation.js';
import { COUNT } from './count.js';
import { COUNT_DISTINCT } from './count-distinct.js';
import { HISTOGRAM } from './histogram.js';
import { MAX, MIN } from './min-max.js';
import { STDDEV_SAMP, STDDEV_SAMPLE } from './stddev.js';
import { SUM, SUM_LIST } from './sum.js';
import { TOPK, TOPKDISTINCT } from './topk.js';

export {
  AggregateFunctionError,
  type AggregateResolveContext,
  type KsqlAggregateFunctionDef,
  type KsqlAggregator,
} from './common.js';
export { COLLECT_LIST_LIMIT, COLLECT_SET_LIMIT } from './collect.js';

const ALL: readonly KsqlAggregateFunctionDef[] = [
  ATTR,
  AVG,
  COLLECT_LIST,
  COLLECT_SET,
  CORRELATION,
  COUNT,
  COUNT_DISTINCT,
  EARLIEST_BY_OFFSET,
  HISTOGRAM,
  LATEST_BY_OFFSET,
  MAX,
  MIN,
  STDDEV_SAMP,
  STDDEV_SAMPLE,
  SUM,
  SUM_LIST,
  TOPK,
  TOPKDISTINCT,
];

/** A map whose lookups ignore case (keys are stored upper-case). */
class ByUpperCaseName<V> extends Map<string, V> {
  override get(name: string): V | undefined {
    return super.get(name.toUpperCase());
  }
  override has(name: string): boolean {
    return super.has(name.toUpperCase());
  }
}

let registry: ReadonlyMap<string, KsqlAggregateFunctionDef> | undefined;

/**
 * Every built-in aggregate by upper-case name, built once; `get` and `has` accept any case.
 * The definitions' `resolve` also takes an optional AggregateResolveContext (the properties
 * COLLECT_LIST and COLLECT_SET read their limits from) and returns a KsqlAggregator, which adds
 * the function's intermediate type.
 */
export function aggregateFunctions(): ReadonlyMap<string, KsqlAggregateFunctionDef> {
  registry ??= new ByUpperCaseName(ALL.map((def) => [def.name, def] as const));
  return registry;
}

/** Whether `name` (any case) is a built-in aggregate function. */
export function isAggregateFunction(name: string): boolean {
  return aggregateFunctions().has(name);
}

/** The definition of `name` (any case), if it is an aggregate function. */
export function aggregateFunction(name: string): KsqlAggregateFunctionDef | undefined {
  return aggregateFunctions().get(name);
}
