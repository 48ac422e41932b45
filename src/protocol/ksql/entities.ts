/**
 * Statement results rendered as ksqlDB's KsqlEntity JSON (protocol spec §6.3): `@type` first,
 * `statementText` second, `warnings` last, other fields in the order ksqlDB's classes write them.
 */
import type { Column } from '../../catalog/schema.js';
import type { DataSource } from '../../catalog/source.js';
import type { QueryDescription } from '../../engine/query-description.js';
import type { RunningQuery } from '../../engine/query-registry.js';
import type { RegisteredFunction } from '../../engine/functions/function-registry.js';
import type { ExecutedStatement, StatementResult } from '../../engine/results.js';
import type { SqlType } from '../../sql/types.js';
import { KSQL_SERVICE_ID } from '../server-info.js';

export interface RenderContext {
  commandSequence(): number;
  partitionsOf(topic: string): number;
  /** This server as `host:port`, the key of a running query's ksqlHostQueryStatus; ksqlDB's default listener otherwise. */
  readonly localHost?: string;
}

export function renderEntity(executed: ExecutedStatement, ctx: RenderContext): object | undefined {
  const { statementText, result } = executed;
  if (!result) return undefined;
  return { ...body(result, statementText, ctx), warnings: [] };
}

function body(r: StatementResult, statementText: string, ctx: RenderContext): Record<string, unknown> {
  const head = (type: string): Record<string, unknown> => ({ '@type': type, statementText });
  switch (r.kind) {
    case 'command':
      return {
        ...head('currentStatus'),
        commandId: r.commandId,
        commandStatus: { status: 'SUCCESS', message: r.message, queryId: r.queryId },
        commandSequenceNumber: ctx.commandSequence(),
      };
    case 'warning':
      return { ...head('warning_entity'), message: r.message };
    case 'sources': {
      const key = r.sourceType === 'STREAM' ? 'streams' : 'tables';
      return { ...head(key), [key]: r.sources.map(sourceInfo) };
    }
    case 'sourceDescriptions':
      return { ...head('source_descriptions'), sourceDescriptions: r.sources.map((s) => sourceDescription(s, true, ctx)) };
    case 'topics':
      return { ...head('kafka_topics'), topics: r.topics.map((t) => ({ name: t.name, replicaInfo: new Array(t.partitions).fill(1) })) };
    case 'queries':
      return { ...head('queries'), queries: r.queries.map(runningQuery) };
    case 'queryDescription':
      return { ...head('queryDescription'), queryDescription: queryDescription(r.description, ctx) };
    case 'queryDescriptions':
      return { ...head('query_descriptions'), queryDescriptions: r.descriptions.map((d) => queryDescription(d, ctx)) };
    case 'variables':
      return { ...head('variables'), variables: r.variables.map(([name, value]) => ({ name, value })) };
    case 'describe':
      return {
        ...head('sourceDescription'),
        sourceDescription: sourceDescription(r.source, r.extended, ctx, r.readQueries, r.writeQueries),
      };
    case 'terminateQuery':
      return { ...head('terminate_query'), queryId: r.queryId, wasTerminated: r.wasTerminated };
    case 'types':
      return { ...head('type_list'), types: Object.fromEntries(r.types.map(([name, type]) => [name, schemaInfo(type)])) };
    case 'functionNames':
      return {
        ...head('function_names'),
        functions: r.functions.map((f) => ({ name: f.def.name.toUpperCase(), type: f.def.table ? 'TABLE' : 'SCALAR', category: f.def.category })),
      };
    case 'describeFunction':
      return { ...head('describe_function'), ...describeFunction(r.function) };
    case 'properties':
      return {
        ...head('properties'),
        properties: Object.entries(r.properties).map(([name, value]) => ({ name, scope: 'KSQL', value, editable: true, level: 'SESSION' })),
        overwrittenProperties: [],
        defaultProperties: [],
      };
  }
}

function sourceInfo(s: DataSource): object {
  return {
    type: s.type,
    name: s.name,
    topic: s.topic,
    keyFormat: s.keyFormat.format,
    valueFormat: s.valueFormat.format,
    isWindowed: s.windowType !== undefined,
  };
}

function runningQuery(q: RunningQuery): object {
  return {
    queryString: q.statementText,
    sinks: q.sink ? [q.sink.name] : [],
    sinkKafkaTopics: q.sink ? [q.sink.topic] : [],
    id: q.id,
    statusCount: { RUNNING: 1 },
    queryType: q.type,
    state: 'RUNNING',
  };
}

/**
 * ksqlDB's QueryDescription: its constructor's properties in order, then `state`, which only a
 * getter writes (null when no host runs the query, as for an explained statement).
 */
function queryDescription(d: QueryDescription, ctx: RenderContext): object {
  return {
    id: d.id,
    statementText: d.statementText,
    windowType: d.windowType ?? null,
    fields: d.schema.columns.map(fieldInfo),
    sources: d.sources,
    sinks: d.sinks,
    topology: d.topology,
    executionPlan: d.executionPlan,
    overriddenProperties: d.properties,
    ksqlHostQueryStatus: d.running ? { [ctx.localHost ?? 'localhost:8088']: 'RUNNING' } : {},
    queryType: d.type,
    queryErrors: [],
    tasksMetadata: [],
    consumerGroupId: consumerGroupId(d),
    state: d.running ? 'RUNNING' : null,
  };
}

/**
 * The query's application id, its consumer group in ksqlDB (QueryApplicationId#build): the
 * service id's prefix, then `query_<id>`, or `transient_<id>_<start millis>` for a transient query.
 */
function consumerGroupId(d: QueryDescription): string {
  const prefix = `_confluent-ksql-${KSQL_SERVICE_ID}`;
  return d.type === 'PERSISTENT' ? `${prefix}query_${d.id}` : `${prefix}transient_${d.id}_${d.startedAt}`;
}

export function schemaInfo(type: SqlType): Record<string, unknown> {
  const base = type.kind;
  const fields = type.kind === 'STRUCT' ? type.fields.map((f) => ({ name: f.name, schema: schemaInfo(f.type) })) : null;
  const member = type.kind === 'ARRAY' ? schemaInfo(type.element) : type.kind === 'MAP' ? schemaInfo(type.value) : null;
  const out: Record<string, unknown> = { type: base, fields, memberSchema: member };
  if (type.kind === 'DECIMAL') out.parameters = { precision: type.precision, scale: type.scale };
  return out;
}

function fieldInfo(c: Column): object {
  const out: Record<string, unknown> = { name: c.name, schema: schemaInfo(c.type) };
  if (c.namespace === 'HEADER' && c.headerKey !== undefined) out.headerKey = c.headerKey;
  if (c.namespace === 'KEY') out.type = 'KEY';
  if (c.namespace === 'HEADER') out.type = 'HEADER';
  return out;
}

function sourceDescription(
  s: DataSource,
  extended: boolean,
  ctx: RenderContext,
  readQueries: readonly RunningQuery[] = [],
  writeQueries: readonly RunningQuery[] = [],
): object {
  return {
    name: s.name,
    windowType: s.windowType ?? null,
    readQueries: readQueries.map(runningQuery),
    writeQueries: writeQueries.map(runningQuery),
    fields: s.schema.columns.map(fieldInfo),
    type: s.type,
    timestamp: s.timestampColumn ?? '',
    statistics: '',
    errorStats: '',
    extended,
    keyFormat: s.keyFormat.format,
    valueFormat: s.valueFormat.format,
    topic: s.topic,
    partitions: ctx.partitionsOf(s.topic),
    replication: 1,
    statement: s.statement,
    queryOffsetSummaries: [],
    sourceConstraints: [],
    clusterStatistics: [],
    clusterErrorStats: [],
  };
}

/** DESCRIBE FUNCTION: one entry per overload (ksqlDB's FunctionDescriptionList). */
function describeFunction(f: RegisteredFunction): Record<string, unknown> {
  return {
    name: f.def.name.toUpperCase(),
    description: f.def.description,
    author: 'Confluent',
    version: '',
    path: 'internal',
    functions: f.def.overloads.map((o) => ({
      arguments: o.params.map((p, i) => {
        const variadic = p.endsWith('...');
        return { name: `arg${i + 1}`, type: variadic ? `${p.slice(0, -3)}[]` : p, description: '', isVariadic: variadic };
      }),
      returnType: typeof o.returns === 'string' ? o.returns : 'ANY',
      description: o.description ?? f.def.description,
      argumentTypes: o.params,
    })),
    type: f.def.table ? 'TABLE' : 'SCALAR',
  };
}
