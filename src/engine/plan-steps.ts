/**
 * The steps a query plan takes each record through, in the order this engine applies them, as the
 * text of EXPLAIN's `topology` and `executionPlan`. ksqlDB fills those fields from its Kafka Streams
 * topology and its execution steps; this server has neither, so the text describes its own
 * in-process pipeline (docs.ksqldb.io, "EXPLAIN": the execution plan is listed sink first).
 */
import { LogicalSchema, type Column } from '../catalog/schema.js';
import type { DataSource } from '../catalog/source.js';
import type { AggregationPlan } from '../planner/aggregation.js';
import type { JoinStepNode } from '../planner/join-steps.js';
import type { QueryPlan } from '../planner/query-plan.js';

export interface PlanStep {
  /** SOURCE, JOIN, FILTER, AGGREGATE, REKEY, FLAT_MAP, PROJECT, LIMIT, SINK or CLIENT. */
  readonly name: string;
  readonly detail: string;
  readonly schema?: LogicalSchema;
}

/** The steps, first to last; a query without a sink streams its rows to the requesting client. */
export function planSteps(plan: QueryPlan, sink?: DataSource): PlanStep[] {
  return [
    ...plan.inputs.map(sourceStep),
    ...(plan.join ? joinSteps(plan.join.root) : []),
    ...(plan.where ? [{ name: 'FILTER', detail: 'rows failing the WHERE clause are dropped' }] : []),
    ...(plan.aggregation ? aggregateSteps(plan.aggregation, plan.keyColumns) : []),
    ...(plan.rekeyed ? [rekeyStep(plan.keyColumns)] : []),
    ...(plan.explode ? [{ name: 'FLAT_MAP', detail: `one row per element of ${plan.explode.length} table function result(s)` }] : []),
    { name: 'PROJECT', detail: plan.columns.map((c) => c.name).join(', '), schema: outputSchema(plan) },
    ...(plan.limit !== undefined ? [{ name: 'LIMIT', detail: `ends after ${plan.limit} row(s)` }] : []),
    sink ? sinkStep(sink) : { name: 'CLIENT', detail: 'rows streamed to the requesting client' },
  ];
}

/** The plan's output columns as a schema: key columns first, in key order, as ksqlDB's LogicalSchema has them. */
export function outputSchema(plan: QueryPlan): LogicalSchema {
  const keys: Column[] = plan.keyColumns.flatMap((name) => {
    const c = plan.columns.find((col) => col.name === name && col.isKey);
    return c ? [{ name: c.name, type: c.type, namespace: 'KEY' as const }] : [];
  });
  const values: Column[] = plan.columns.filter((c) => !c.isKey).map((c) => ({ name: c.name, type: c.type, namespace: 'VALUE' as const }));
  return new LogicalSchema([...keys, ...values]);
}

/** One line per step joined by arrows: the pipeline a record flows through. */
export function topologyText(steps: readonly PlanStep[]): string {
  const lines = steps.map((s, i) => `${i === 0 ? '   ' : '-> '}[ ${s.name} ] ${s.detail}`);
  return `In-process pipeline (one per query, no repartition topics):\n${lines.join('\n')}\n`;
}

/**
 * The steps as a tree read from the sink down, each step above the one that feeds it, with its
 * schema; the sources, in FROM order, sit side by side at the bottom.
 */
export function executionPlanText(steps: readonly PlanStep[]): string {
  const line = (s: PlanStep, depth: number): string => {
    const schema = s.schema ? ` | Schema: ${s.schema.toString()}` : '';
    return `${'\t'.repeat(depth)} > [ ${s.name} ] | ${s.detail}${schema}`;
  };
  const above = steps.filter((s) => s.name !== 'SOURCE').reverse();
  const sources = steps.filter((s) => s.name === 'SOURCE');
  return `${[...above.map(line), ...sources.map((s) => line(s, above.length))].join('\n')}\n`;
}

function sourceStep(source: DataSource): PlanStep {
  return { name: 'SOURCE', detail: `${source.name}: ${source.type.toLowerCase()} read from topic ${source.topic}`, schema: source.schema };
}

/** A push query need not project its new key, so the key columns may be unnamed. */
function rekeyStep(keyColumns: readonly string[]): PlanStep {
  const into = keyColumns.length > 0 ? ` into key ${keyColumns.join(', ')}` : '';
  return { name: 'REKEY', detail: `rows re-keyed by the PARTITION BY expressions${into}` };
}

function sinkStep(sink: DataSource): PlanStep {
  return { name: 'SINK', detail: `${sink.name}: ${sink.type.toLowerCase()} written to topic ${sink.topic}`, schema: sink.schema };
}

/** Inner joins first: each join combines what its two sides produce. */
function joinSteps(node: JoinStepNode): PlanStep[] {
  if (node.kind === 'leaf') return [];
  const window = node.window ? `, within ${node.window.beforeMs} ms before and ${node.window.afterMs} ms after` : '';
  const detail = `${node.type} ${node.flavor} join of (${leafNames(node.left)}) with (${leafNames(node.right)})${window}`;
  return [...joinSteps(node.left), ...joinSteps(node.right), { name: 'JOIN', detail }];
}

function leafNames(node: JoinStepNode): string {
  return node.kind === 'leaf' ? node.source.name : `${leafNames(node.left)}, ${leafNames(node.right)}`;
}

function aggregateSteps(aggregation: AggregationPlan, keyColumns: readonly string[]): PlanStep[] {
  const window = aggregation.window;
  const windowText = window ? `, ${window.type} window of ${window.sizeMs} ms (grace ${window.graceMs} ms)` : '';
  const emit = aggregation.emitFinal ? ', emitting final results only' : '';
  const calls = aggregation.aggregates.map((a) => a.text).join(', ');
  const key = keyColumns.length > 0 ? `GROUP BY key ${keyColumns.join(', ')}` : 'one group';
  const steps: PlanStep[] = [{ name: 'AGGREGATE', detail: `${key}: ${calls}${windowText}${emit}` }];
  if (aggregation.having) steps.push({ name: 'FILTER', detail: 'aggregated rows failing the HAVING clause are dropped' });
  return steps;
}
