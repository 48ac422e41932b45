/**
 * CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name (columns) WITH (...):
 * registers a source over a topic, creating the topic when PARTITIONS is given.
 * Messages follow ksqlDB's (CreateSourceFactory, CreateSourceProperties, DdlCommandExec).
 */
import { LogicalSchema, type Column } from '../../catalog/schema.js';
import type { DataSource } from '../../catalog/source.js';
import { resolveFormats } from './format-properties.js';
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import type { SqlType } from '../../sql/types.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';
import { resolveTypeRef } from './resolve-type.js';
import {
  CREATE_SOURCE_PROPERTIES,
  intProperty,
  rejectUnknownProperties,
  stringProperty,
} from './with-properties.js';

const RESERVED = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);

export async function createSource(stmt: ast.CreateSource, ctx: ExecContext): Promise<StatementResult> {
  const clash = checkNameFree(stmt, ctx);
  if (clash) return clash;
  rejectUnknownProperties(stmt.properties, CREATE_SOURCE_PROPERTIES);
  const schema = buildSchema(stmt, ctx);
  const source = await describeSource(stmt, schema, ctx);
  ctx.catalog.putSource(source);
  if (!ctx.dryRun && source.isSource && source.type === 'TABLE') ctx.runtime.materialize(source);
  return {
    kind: 'command',
    commandId: createCommandId(stmt),
    message: stmt.sourceType === 'STREAM' ? 'Stream created' : 'Table created',
    queryId: null,
  };
}

export function createCommandId(stmt: { sourceType: 'STREAM' | 'TABLE'; name: string }): string {
  return `${stmt.sourceType.toLowerCase()}/\`${stmt.name}\`/create`;
}

/**
 * A name already taken: a warning for IF NOT EXISTS, an error otherwise (OR REPLACE may replace a
 * source of the same kind). Undefined when the statement may go on.
 */
export function checkNameFree(
  stmt: { sourceType: 'STREAM' | 'TABLE'; name: string; ifNotExists: boolean; orReplace: boolean; isSource?: boolean },
  ctx: ExecContext,
): StatementResult | undefined {
  const kind = stmt.sourceType.toLowerCase();
  const existing = ctx.catalog.getSource(stmt.name);
  if (stmt.orReplace && (stmt.isSource || existing?.isSource)) {
    throw new KsqlStatementError(`Cannot add ${kind} '${stmt.name}': CREATE OR REPLACE is not supported on source ${kind}s.`);
  }
  if (!existing) return undefined;
  if (stmt.ifNotExists) {
    return { kind: 'warning', message: `Cannot add ${kind} \`${stmt.name}\`: A ${kind} with the same name already exists.` };
  }
  if (!stmt.orReplace) throw new KsqlStatementError(`Cannot add ${kind} '${stmt.name}': A ${kind} with the same name already exists`);
  if (existing.type !== stmt.sourceType) {
    throw new KsqlStatementError(`Cannot add ${kind} '${stmt.name}': A ${existing.type.toLowerCase()} with the same name already exists`);
  }
  return undefined;
}

function buildSchema(stmt: ast.CreateSource, ctx: ExecContext): LogicalSchema {
  const seen = new Set<string>();
  const columns: Column[] = [];
  for (const def of stmt.columns) {
    if (RESERVED.has(def.name)) {
      throw new KsqlStatementError(`'${def.name}' is a reserved column name. You cannot use it as a name for a column.`);
    }
    if (seen.has(def.name)) throw new KsqlStatementError(`Duplicate column names: \`${def.name}\``);
    seen.add(def.name);
    checkKeyRole(stmt, def);
    const type = resolveTypeRef(def.type, ctx.catalog);
    columns.push(toColumn(def, type));
  }
  if (stmt.sourceType === 'TABLE' && !columns.some((c) => c.namespace === 'KEY') && columns.length > 0) {
    throw new KsqlStatementError('Tables require a PRIMARY KEY. Please define the PRIMARY KEY.');
  }
  // ksqlDB orders key columns first, then values, then headers.
  const order = { KEY: 0, VALUE: 1, HEADER: 2 } as const;
  return new LogicalSchema([...columns].sort((a, b) => order[a.namespace] - order[b.namespace]));
}

function checkKeyRole(stmt: ast.CreateSource, def: ast.ColumnDef): void {
  const explain =
    '\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.';
  if (stmt.sourceType === 'STREAM' && def.role === 'PRIMARY_KEY') {
    throw new KsqlStatementError(`Column \`${def.name}\` is a 'PRIMARY KEY' column: please use 'KEY' for streams.${explain}`);
  }
  if (stmt.sourceType === 'TABLE' && def.role === 'KEY') {
    throw new KsqlStatementError(`Column \`${def.name}\` is a 'KEY' column: please use 'PRIMARY KEY' for tables.${explain}`);
  }
}

function toColumn(def: ast.ColumnDef, type: SqlType): Column {
  switch (def.role) {
    case 'KEY':
    case 'PRIMARY_KEY':
      return { name: def.name, type, namespace: 'KEY' };
    case 'HEADERS':
      return { name: def.name, type, namespace: 'HEADER' };
    case 'HEADER':
      return { name: def.name, type, namespace: 'HEADER', headerKey: def.headerKey };
    default:
      return { name: def.name, type, namespace: 'VALUE' };
  }
}


async function describeSource(stmt: ast.CreateSource, schema: LogicalSchema, ctx: ExecContext): Promise<DataSource> {
  const props = stmt.properties;
  const formats = resolveFormats(props, ctx.properties, schema.key, schema.value);
  const topic = stringProperty(props, 'KAFKA_TOPIC') ?? stmt.name;
  await ensureTopic(stmt, topic, intProperty(props, 'PARTITIONS'), ctx);
  const timestampColumn = resolveTimestampColumn(stringProperty(props, 'TIMESTAMP'), schema);
  return {
    name: stmt.name,
    type: stmt.sourceType,
    schema,
    topic,
    keyFormat: formats.key,
    valueFormat: formats.value,
    timestampColumn,
    timestampFormat: stringProperty(props, 'TIMESTAMP_FORMAT'),
    isSource: stmt.isSource,
    statement: stmt.text,
  };
}

export async function ensureTopic(
  stmt: { sourceType: 'STREAM' | 'TABLE'; name: string },
  topic: string,
  partitions: number | undefined,
  ctx: ExecContext,
): Promise<void> {
  const existing = ctx.topics.partitionsOf(topic);
  if (existing === undefined) {
    if (partitions === undefined) {
      const kind = stmt.sourceType.toLowerCase();
      throw new KsqlStatementError(
        `Topic '${topic}' does not exist. If you want to create a new topic for the ${kind} please re-run the statement providing the required 'PARTITIONS' configuration in the WITH clause (and optionally 'REPLICAS'). For example: CREATE ${stmt.sourceType} ${stmt.name} (ID INT) WITH (KAFKA_TOPIC='${topic}', PARTITIONS=2, REPLICAS=1, FORMAT='JSON');`,
      );
    }
    await ctx.topics.create(topic, partitions);
    return;
  }
  if (partitions !== undefined && partitions !== existing) {
    throw new KsqlStatementError(
      `A Kafka topic with the name '${topic}' already exists, with different partition/replica configuration than required. KSQL expects ${partitions} partitions (topic has ${existing}), 1 replication factor (topic has 1).`,
    );
  }
}

export function resolveTimestampColumn(name: string | undefined, schema: LogicalSchema): string | undefined {
  if (name === undefined) return undefined;
  const resolved = /^[`"].*[`"]$/.test(name) ? name.slice(1, -1) : name.toUpperCase();
  const column = schema.find(resolved);
  if (!column) throw new KsqlStatementError(`The TIMESTAMP column set in the WITH clause does not exist in the schema: '${resolved}'`);
  return resolved;
}
