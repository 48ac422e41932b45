/**
 * What EXPLAIN and SHOW QUERIES EXTENDED tell about a query, as ksqlDB's QueryDescriptionFactory
 * gathers it: the output schema, the sources and the sink, the plan as text, the properties it
 * was started with, and whether it runs here. The protocol layer renders it as JSON.
 */
import type { LogicalSchema } from '../catalog/schema.js';
import type { DataSource } from '../catalog/source.js';
import type { WindowType } from '../planner/window-plan.js';
import type { QueryPlan } from '../planner/query-plan.js';
import { executionPlanText, outputSchema, planSteps, topologyText } from './plan-steps.js';

export interface QueryDescription {
  readonly id: string;
  readonly statementText: string;
  readonly type: 'PERSISTENT' | 'PUSH';
  /** Only a persistent query's windowed sink has one; ksqlDB gives transient queries none. */
  readonly windowType?: WindowType;
  /** The output: a persistent query's sink schema, else the projection's columns. */
  readonly schema: LogicalSchema;
  readonly sources: readonly string[];
  readonly sinks: readonly string[];
  readonly topology: string;
  readonly executionPlan: string;
  readonly properties: Readonly<Record<string, string>>;
  /** False for an explained statement, which ksqlDB describes without any host running it. */
  readonly running: boolean;
  readonly startedAt: number;
}

/** A query, running or only planned, with what a description needs. */
export interface DescribableQuery {
  readonly id: string;
  readonly type: 'PERSISTENT' | 'PUSH';
  readonly statementText: string;
  readonly plan: QueryPlan;
  readonly sink?: DataSource;
  readonly properties: Readonly<Record<string, string>>;
  readonly startedAt: number;
}

export function describeQuery(query: DescribableQuery, running: boolean): QueryDescription {
  const { plan, sink } = query;
  const steps = planSteps(plan, sink);
  return {
    id: query.id,
    statementText: query.statementText,
    type: query.type,
    ...(sink?.windowType ? { windowType: sink.windowType } : {}),
    schema: sink ? sink.schema : outputSchema(plan),
    // A set in ksqlDB: a self-join names its source once.
    sources: [...new Set(plan.inputs.map((s) => s.name))],
    sinks: sink ? [sink.name] : [],
    topology: topologyText(steps),
    executionPlan: executionPlanText(steps),
    properties: query.properties,
    running,
    startedAt: query.startedAt,
  };
}
