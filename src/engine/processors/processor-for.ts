/** Chooses the processor a plan needs. */
import type { QueryPlan } from '../../planner/query-plan.js';
import { aggregateProcessor } from './aggregate-processor.js';
import { joinProcessor } from './join-processor.js';
import type { RowProcessor } from './row-processor.js';
import { streamProcessor } from './stream-processor.js';
import { tableProcessor } from './table-processor.js';

export interface ProcessorOptions {
  /** A persistent query: null values of a stream pass on, a table's filter emits deletes. */
  readonly persistent: boolean;
}

export function processorFor(plan: QueryPlan, options: ProcessorOptions): RowProcessor {
  if (plan.join) return joinProcessor(plan);
  if (plan.aggregation) return aggregateProcessor(plan);
  if (options.persistent && plan.source.type === 'TABLE') return tableProcessor(plan);
  // Null values on a stream reach only persistent queries; tables always emit their deletes.
  return streamProcessor(plan, plan.source.type === 'TABLE' || options.persistent);
}
