/**
 * What a statement produced, before the protocol layer renders it as a ksqlDB entity
 * (src/protocol/entities.ts). One statement yields at most one result.
 */
import type { DataSource } from '../catalog/source.js';
import type { SqlType } from '../sql/types.js';
import type { QueryDescription } from './query-description.js';
import type { RunningQuery } from './query-registry.js';
import type { RegisteredFunction } from './functions/function-registry.js';

export type StatementResult =
  | { readonly kind: 'command'; readonly commandId: string; readonly message: string; readonly queryId: string | null }
  | { readonly kind: 'warning'; readonly message: string }
  | { readonly kind: 'sources'; readonly sourceType: 'STREAM' | 'TABLE'; readonly sources: readonly DataSource[] }
  | { readonly kind: 'sourceDescriptions'; readonly sources: readonly DataSource[] }
  | { readonly kind: 'topics'; readonly topics: readonly { name: string; partitions: number }[] }
  | { readonly kind: 'queries'; readonly queries: readonly RunningQuery[] }
  | { readonly kind: 'queryDescription'; readonly description: QueryDescription }
  | { readonly kind: 'queryDescriptions'; readonly descriptions: readonly QueryDescription[] }
  | { readonly kind: 'variables'; readonly variables: readonly [string, string][] }
  | {
      readonly kind: 'describe';
      readonly source: DataSource;
      readonly extended: boolean;
      readonly readQueries: readonly RunningQuery[];
      readonly writeQueries: readonly RunningQuery[];
    }
  | { readonly kind: 'terminateQuery'; readonly queryId: string; readonly wasTerminated: boolean }
  | { readonly kind: 'properties'; readonly properties: Readonly<Record<string, string>> }
  | { readonly kind: 'types'; readonly types: readonly [string, SqlType][] }
  | { readonly kind: 'functionNames'; readonly functions: readonly RegisteredFunction[] }
  | { readonly kind: 'describeFunction'; readonly function: RegisteredFunction };

export interface ExecutedStatement {
  /** The statement as written, after variable substitution. */
  readonly statementText: string;
  readonly result?: StatementResult;
}
