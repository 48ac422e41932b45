/** What the engine runs for a SELECT: where to read, what to keep, what to emit. */
import type { DataSource, SourceType } from '../catalog/source.js';
import type { Evaluator } from '../engine/expressions/compiled.js';
import type { SqlType } from '../sql/types.js';
import type { AggregationPlan } from './aggregation.js';
import type { InputRowScope } from './input-row.js';
import type { JoinPlan } from './join-steps.js';

export interface OutputColumn {
  readonly name: string;
  readonly type: SqlType;
  /** True for a column that forms the output's key (a source key column, a grouping expression). */
  readonly isKey: boolean;
  /** The source key column it copies, when aliased. */
  readonly sourceName?: string;
}

export interface QueryPlan {
  readonly kind: 'push' | 'pull';
  /** The (first) source; `inputs` lists every source the query reads, this one first. */
  readonly source: DataSource;
  readonly inputs: readonly DataSource[];
  readonly scope: InputRowScope;
  /** Over the input row. */
  readonly where?: Evaluator;
  /**
   * GROUP BY: the input rows are aggregated first, and `projection` reads the aggregate row
   * (see src/planner/aggregation.ts) instead of the input row.
   */
  readonly aggregation?: AggregationPlan;
  readonly projection: readonly Evaluator[];
  /** Projection positions holding table functions: each input row becomes one row per element. */
  readonly explode?: readonly number[];
  readonly columns: readonly OutputColumn[];
  /** PARTITION BY: the key is the partitioning expressions, not the source's key. */
  readonly rekeyed?: boolean;
  /** Names of the output key columns, in key order. */
  readonly keyColumns: readonly string[];
  /** A stream of events, or a table's changelog (keyed updates and deletes). */
  readonly resultType: SourceType;
  readonly limit?: number;
  /** The statement text, for SHOW QUERIES. */
  readonly statementText: string;
  /** A JOIN: how the inputs combine into the joined row that `where` and `projection` read. */
  readonly join?: JoinPlan;
}
