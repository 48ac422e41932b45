/** What the engine runs for a SELECT: where to read, what to keep, what to emit. */
import type { DataSource } from '../catalog/source.js';
import type { Evaluator } from '../engine/expressions/compiled.js';
import type { SqlType } from '../sql/types.js';
import type { InputRowScope } from './input-row.js';

export interface OutputColumn {
  readonly name: string;
  readonly type: SqlType;
  /** True for a column that copies a key column of the source (pull query schemas mark them KEY). */
  readonly isKey: boolean;
  /** The source key column it copies, when aliased. */
  readonly sourceName?: string;
}

export interface QueryPlan {
  readonly kind: 'push' | 'pull';
  readonly source: DataSource;
  readonly scope: InputRowScope;
  readonly where?: Evaluator;
  readonly projection: readonly Evaluator[];
  /** Projection positions holding table functions: each input row becomes one row per element. */
  readonly explode?: readonly number[];
  readonly columns: readonly OutputColumn[];
  readonly limit?: number;
  /** The statement text, for SHOW QUERIES. */
  readonly statementText: string;
}
