/**
 * CREATE STREAM|TABLE ... AS SELECT and INSERT INTO ... SELECT: a persistent query that writes
 * each output row to the sink's topic. The sink inherits the source's formats and partition
 * count unless the WITH clause says otherwise; projected key columns stay keys, and a GROUP BY's
 * grouping expressions become the key (a windowed one when the aggregation is windowed).
 */
import { LogicalSchema, type Column } from '../../catalog/schema.js';
import type { DataSource } from '../../catalog/source.js';
import { KsqlStatementError, wordList } from '../../errors.js';
import { checkJoinPartitions } from '../../planner/join-plan.js';
import { planSelect } from '../../planner/plan-select.js';
import { sanitizedStatementText } from '../../planner/sanitized-statement.js';
import type { OutputColumn, QueryPlan } from '../../planner/query-plan.js';
import type * as ast from '../../sql/ast.js';
import { typesEqual } from '../../sql/types.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';
import { checkNameFree, createCommandId, ensureTopic, resolveTimestampColumn } from './create-source.js';
import { resolveFormats, SchemaNotSupportedError } from './format-properties.js';
import { CREATE_SOURCE_PROPERTIES, intProperty, rejectUnknownProperties, stringProperty } from './with-properties.js';

/** CREATE ... AS SELECT takes the CREATE properties except those that describe an existing topic. */
const CSAS_PROPERTIES = new Set(
  [...CREATE_SOURCE_PROPERTIES].filter((p) => !['WINDOW_TYPE', 'WINDOW_SIZE', 'SOURCE_CONNECTOR'].includes(p) && !p.endsWith('_SCHEMA_ID')),
);

/** A persistent query planned but not started: what CSAS and INSERT INTO ... SELECT run and EXPLAIN describes. */
export interface PreparedPersistentQuery {
  /** `CSAS_<SINK>`, `CTAS_<SINK>` or `INSERTQUERY`; a number completes the id. */
  readonly idPrefix: string;
  readonly plan: QueryPlan;
  readonly sink: DataSource;
}

export async function createAsSelect(stmt: ast.CreateAsSelect, ctx: ExecContext): Promise<StatementResult> {
  const prepared = await prepareCreateAsSelect(stmt, ctx);
  if ('kind' in prepared) return prepared;
  const id = start(ctx, prepared, stmt.text);
  return { kind: 'command', commandId: createCommandId(stmt), message: `Created query with ID ${id}`, queryId: id };
}

/**
 * Plans the query and puts its sink in `ctx.catalog` (creating the topic unless dry-running); the
 * warning instead when IF NOT EXISTS finds the name taken.
 */
export async function prepareCreateAsSelect(stmt: ast.CreateAsSelect, ctx: ExecContext): Promise<PreparedPersistentQuery | StatementResult> {
  if (stmt.query.limit !== undefined) throw new KsqlStatementError(`CREATE ${stmt.sourceType} AS SELECT statements don't support LIMIT clause.`);
  const clash = checkNameFree(stmt, ctx);
  if (clash) return clash;
  rejectUnknownProperties(stmt.properties, CSAS_PROPERTIES);
  const plan = planPersistent(stmt.query, ctx, stmt.name);
  checkResultType(stmt.sourceType, plan);
  if (plan.columns.every((c) => c.isKey)) throw new KsqlStatementError('The projection contains no value columns.');
  const newPlanner = ctx.properties.get('ksql.new.query.planner.enabled')?.toLowerCase() === 'true';
  if (!newPlanner && !plan.aggregation && !plan.rekeyed && plan.inputs.length === 1) requireKeyColumns(stmt.name, plan);
  refuseUnstorableState(stmt, plan);
  const sink = await describeSink(stmt, plan, ctx, newPlanner);
  ctx.catalog.putSource(sink);
  return { idPrefix: `${stmt.sourceType === 'TABLE' ? 'CTAS' : 'CSAS'}_${stmt.name}`, plan, sink };
}

function checkResultType(wanted: 'STREAM' | 'TABLE', plan: QueryPlan): void {
  if (plan.resultType === wanted) return;
  const fix = wanted === 'STREAM' ? 'CREATE TABLE AS SELECT' : 'CREATE STREAM AS SELECT';
  throw new KsqlStatementError(`Invalid result type. Your SELECT query produces a ${plan.resultType}. Please use ${fix} statement instead.`);
}

export async function insertIntoSelect(stmt: ast.InsertInto, ctx: ExecContext): Promise<StatementResult> {
  const prepared = prepareInsertIntoSelect(stmt, ctx);
  const id = start(ctx, prepared, stmt.text);
  return { kind: 'command', commandId: `stream/\`${prepared.sink.name}\`/create`, message: `Created query with ID ${id}`, queryId: id };
}

export function prepareInsertIntoSelect(stmt: ast.InsertInto, ctx: ExecContext): PreparedPersistentQuery {
  const sink = ctx.catalog.getSource(stmt.target);
  if (!sink) throw new KsqlStatementError(`Sink does not exist for the INSERT INTO statement: ${stmt.target}`);
  if (sink.type !== 'STREAM') throw new KsqlStatementError(`INSERT INTO can only be used to insert into a stream. ${sink.name} is a table.`);
  if (sink.isSource) throw new KsqlStatementError(`Cannot insert into read-only stream: ${sink.name}`);
  if (sink.schema.headers.length > 0) throw new KsqlStatementError(`Cannot insert into ${sink.name} because it has header columns`);
  const plan = planPersistent(stmt.query, ctx);
  if (plan.resultType !== 'STREAM') {
    throw new KsqlStatementError('Invalid result type. Your SELECT query produces a TABLE. Please use CREATE TABLE AS SELECT statement instead.');
  }
  checkSameSchema(plan.columns, sink);
  return { idPrefix: 'INSERTQUERY', plan, sink };
}

function planPersistent(query: ast.Query, ctx: ExecContext, sinkName?: string): QueryPlan {
  const plan = planSelect(query, ctx.catalog, { persistent: true, properties: ctx.properties, ...(sinkName !== undefined ? { sinkName } : {}) });
  if (plan.source.windowType && plan.source.type === 'TABLE') throw new KsqlStatementError('KSQL does not support persistent queries on windowed tables.');
  if (plan.limit !== undefined) throw new KsqlStatementError('LIMIT is not supported in persistent queries.');
  checkJoinPartitions(plan, (topic) => ctx.topics.partitionsOf(topic));
  return plan;
}

function start(ctx: ExecContext, query: PreparedPersistentQuery, statementText: string): string {
  if (ctx.dryRun) return `${query.idPrefix}_?`;
  const id = ctx.queries.nextPersistentId(query.idPrefix);
  const reset = ctx.properties.get('auto.offset.reset') ?? ctx.properties.get('ksql.streams.auto.offset.reset');
  const offsetReset = reset === 'earliest' || reset === 'latest' ? reset : ctx.runtime.defaultOffsetReset;
  const { plan, sink } = query;
  ctx.runtime.startPersistentQuery({ id, plan, sink, statementText, offsetReset, properties: Object.fromEntries(ctx.properties) });
  return id;
}

async function describeSink(stmt: ast.CreateAsSelect, plan: QueryPlan, ctx: ExecContext, newPlanner: boolean): Promise<DataSource> {
  const props = stmt.properties;
  const source = plan.source;
  const schema = sinkSchema(plan, newPlanner);
  const formats = withSanitizedStatement(stmt, ctx, () =>
    resolveFormats(props, ctx.properties, schema.key, schema.value, { key: source.keyFormat, value: source.valueFormat }),
  );
  // ksqlDB names a sink's topic after the sink, behind ksql.output.topic.name.prefix.
  const topic = stringProperty(props, 'KAFKA_TOPIC') ?? `${ctx.properties.get('ksql.output.topic.name.prefix') ?? ''}${stmt.name}`;
  const partitions = intProperty(props, 'PARTITIONS') ?? ctx.topics.partitionsOf(source.topic) ?? 1;
  if (ctx.topics.partitionsOf(topic) === undefined) await ensureTopic(stmt, topic, partitions, ctx);
  return {
    name: stmt.name,
    type: stmt.sourceType,
    schema,
    ...sinkWindow(plan),
    topic,
    keyFormat: formats.key,
    valueFormat: formats.value,
    timestampColumn: resolveTimestampColumn(stringProperty(props, 'TIMESTAMP'), schema),
    timestampFormat: stringProperty(props, 'TIMESTAMP_FORMAT'),
    isSource: false,
    statement: stmt.text,
  };
}

/**
 * ksqlDB meets a format that cannot hold the sink's columns while planning the query, and quotes
 * the statement as its sanitizer rewrote it (sanitized-statement.ts) rather than as written.
 */
function withSanitizedStatement<T>(stmt: ast.CreateAsSelect, ctx: ExecContext, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof SchemaNotSupportedError) err.statementText = sanitizedStatementText(stmt, (name) => ctx.catalog.getSource(name));
    throw err;
  }
}

/**
 * ksqlDB stores an aggregation's intermediate state in the sink's value format, so a format
 * without nested types (DELIMITED, KAFKA) cannot hold a STRUCT, ARRAY or MAP state.
 */
function refuseUnstorableState(stmt: ast.CreateAsSelect, plan: QueryPlan): void {
  if (!plan.aggregation) return;
  const declared = stringProperty(stmt.properties, 'VALUE_FORMAT') ?? stringProperty(stmt.properties, 'FORMAT');
  const format = (declared ?? plan.source.valueFormat.format).toUpperCase();
  if (format !== 'DELIMITED' && format !== 'KAFKA') return;
  const nested = plan.aggregation.aggregates.some((a) => ['STRUCT', 'ARRAY', 'MAP'].includes(a.aggregator.intermediateType?.kind ?? ''));
  if (nested) {
    throw new KsqlStatementError(
      'One of the functions used in the statement has an intermediate type that the value format can not handle. Please remove the function or change the format.',
    );
  }
}

/** A windowed aggregation's sink is windowed; so is a stream copied from a windowed stream. */
function sinkWindow(plan: QueryPlan): Pick<DataSource, 'windowType' | 'windowSize'> {
  const window = plan.aggregation?.window;
  if (window) return { windowType: window.type, ...(window.type !== 'SESSION' ? { windowSize: window.sizeMs } : {}) };
  if (plan.aggregation || !plan.source.windowType) return {};
  return { windowType: plan.source.windowType, ...(plan.source.windowSize !== undefined ? { windowSize: plan.source.windowSize } : {}) };
}

/** ksqlDB requires every key column of the source in a persistent query's projection. */
function requireKeyColumns(sinkName: string, plan: QueryPlan): void {
  const keys = plan.source.schema.key.map((c) => c.name);
  const projected = new Set(plan.columns.filter((c) => c.isKey).map((c) => c.sourceName ?? c.name));
  const missing = keys.filter((k) => !projected.has(k));
  if (missing.length === 0 || keys.length === 0) return;
  const what = `key column${keys.length === 1 ? '' : 's'} ${wordList(keys)}`;
  throw new KsqlStatementError(
    `Key missing from projection (ie, SELECT). See https://cnfl.io/2LV7ouS.\nThe query used to build \`${sinkName}\` must include the ${what} in its projection (eg, SELECT ${keys.join(', ')}...).`,
  );
}

/**
 * Key columns first, then values. An aggregation's or a join's key is the plan's; otherwise ksqlDB's
 * old planner (the default) keeps the source's key order and the new planner the projection's.
 */
function sinkSchema(plan: QueryPlan, newPlanner: boolean): LogicalSchema {
  if (plan.aggregation || plan.rekeyed || plan.inputs.length > 1) return schemaOf(plan.columns, plan.keyColumns);
  const sourceKeyOrder = plan.source.schema.key.map((c) => c.name);
  const keyColumns = plan.columns.filter((c) => c.isKey);
  if (!newPlanner) keyColumns.sort((a, b) => sourceKeyOrder.indexOf(a.sourceName ?? a.name) - sourceKeyOrder.indexOf(b.sourceName ?? b.name));
  return schemaOf(plan.columns, keyColumns.map((c) => c.name));
}

function schemaOf(columns: readonly OutputColumn[], keyOrder: readonly string[]): LogicalSchema {
  const keyColumns = keyOrder.map((name) => columns.find((c) => c.name === name)!);
  const keys: Column[] = keyColumns.map((c) => ({ name: c.name, type: c.type, namespace: 'KEY' }));
  const values: Column[] = columns.filter((c) => !c.isKey).map((c) => ({ name: c.name, type: c.type, namespace: 'VALUE' }));
  return new LogicalSchema([...keys, ...values]);
}

function checkSameSchema(columns: readonly OutputColumn[], sink: DataSource): void {
  const expected = sink.schema.columns.filter((c) => c.namespace !== 'HEADER');
  const same =
    columns.length === expected.length &&
    columns.every((c) => {
      const target = sink.schema.find(c.name);
      return target !== undefined && typesEqual(target.type, c.type) && (target.namespace === 'KEY') === c.isKey;
    });
  if (!same) {
    const result = schemaOf(columns, columns.filter((c) => c.isKey).map((c) => c.name)).toString();
    throw new KsqlStatementError(
      `Incompatible schema between results and sink.\nResult schema is ${result}\nSink schema is ${new LogicalSchema(expected).toString()}`,
    );
  }
}
