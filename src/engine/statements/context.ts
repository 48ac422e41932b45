/** What a statement runs against: the real catalog and store, or a validation sandbox. */
import type { Catalog } from '../../catalog/catalog.js';
import type { VariableScope } from '../../sql/variables.js';
import type { QueryRegistry } from '../query-registry.js';
import type { TopicView } from '../topic-view.js';
import type { TopicStore } from '../../store/topic-log.js';
import type { PersistentRuntime } from './persistent-runtime.js';

export interface ExecContext {
  readonly catalog: Catalog;
  readonly topics: TopicView;
  /** True while validating: no records are written and no query is touched. */
  readonly dryRun: boolean;
  readonly variables: VariableScope;
  /** SET properties and the request's streamsProperties. */
  readonly properties: Map<string, string>;
  readonly queries: QueryRegistry;
  readonly store: TopicStore;
  readonly runtime: PersistentRuntime;
}
