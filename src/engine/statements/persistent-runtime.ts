/**
 * What statements need to start persistent queries; the engine provides it. Kept as an interface
 * so statement code does not depend on the engine facade.
 */
import type { DataSource } from '../../catalog/source.js';
import type { QueryPlan } from '../../planner/query-plan.js';

export interface PersistentQueryRequest {
  readonly id: string;
  readonly plan: QueryPlan;
  readonly sink: DataSource;
  readonly statementText: string;
  /** Where the query starts reading its source. */
  readonly offsetReset: 'earliest' | 'latest';
  /** The request's and SET's properties, kept for EXPLAIN. */
  readonly properties: Readonly<Record<string, string>>;
}

export interface PersistentRuntime {
  startPersistentQuery(request: PersistentQueryRequest): void;
  /** Keeps a source table's state for pull queries (CREATE SOURCE TABLE). */
  materialize(source: DataSource): void;
  /** Drops that state when the table goes. */
  dematerialize(name: string): void;
  readonly defaultOffsetReset: 'earliest' | 'latest';
}
