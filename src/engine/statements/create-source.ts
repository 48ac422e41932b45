/**
 * CREATE [OR REPLACE] [SOURCE] STREAM|TABLE [IF NOT EXISTS] name (columns) WITH (...):
 * registers a source over a topic, creating the topic when PARTITIONS is given.
 * Messages follow ksqlDB's (CreateSourceFactory, CreateSourceProperties, DdlCommandExec).
 */
import { LogicalSchema, type Column } from '../../catalog/schema.js';
import type { DataSource } from '../../catalog/source.js';
import type { WindowType } from '../../catalog/formats/windowed-key.js';
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
  const window = windowInfo(stmt.properties);
  const schema = buildSchema(stmt, ctx);
  // CreateSourceCommand#validate
  if (window && schema.key.length === 0) throw new KsqlStatementError('Windowed sources require a key column.');
  const source = await describeSource(stmt, schema, window, ctx);
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


async function describeSource(
  stmt: ast.CreateSource,
  schema: LogicalSchema,
  window: WindowInfo | undefined,
  ctx: ExecContext,
): Promise<DataSource> {
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
    ...(window ? { windowType: window.type } : {}),
    ...(window?.size !== undefined ? { windowSize: window.size } : {}),
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

export interface WindowInfo {
  readonly type: WindowType;
  /** Milliseconds; time windows only. */
  readonly size?: number;
}

const WINDOW_TYPES: readonly WindowType[] = ['SESSION', 'HOPPING', 'TUMBLING'];

/**
 * WINDOW_TYPE and WINDOW_SIZE of the WITH clause, checked as ksqlDB checks them (CreateConfigs'
 * validators, then CreateSourceProperties#validateWindowInfo): the type case-insensitively, the
 * size by DurationParser; time windows need a size, and a size without a time window is refused.
 */
export function windowInfo(props: ast.WithProperties): WindowInfo | undefined {
  const typeText = stringProperty(props, 'WINDOW_TYPE');
  const sizeText = stringProperty(props, 'WINDOW_SIZE');
  const type = typeText === undefined ? undefined : WINDOW_TYPES.find((t) => t === typeText.toUpperCase());
  if (typeText !== undefined && type === undefined) {
    // ConfigException(name, value, message), "configuration" reworded to "property".
    throw new KsqlStatementError(
      `Invalid value ${typeText} for property WINDOW_TYPE: String must be one of: ${WINDOW_TYPES.join(', ')}, null`,
    );
  }
  let size: number | undefined;
  if (sizeText !== undefined) {
    try {
      size = parseDuration(sizeText);
    } catch (err) {
      throw new KsqlStatementError(`Configuration WINDOW_SIZE is invalid: ${(err as Error).message}`);
    }
  }
  const requiresSize = type !== undefined && type !== 'SESSION';
  if (requiresSize && size === undefined) {
    throw new KsqlStatementError(
      `${type} windows require 'WINDOW_SIZE' to be provided in the WITH clause. For example: 'WINDOW_SIZE'='10 SECONDS'`,
    );
  }
  if (!requiresSize && size !== undefined) throw new KsqlStatementError("'WINDOW_SIZE' should not be set for SESSION windows.");
  if (type === undefined) return undefined;
  return size === undefined ? { type } : { type, size };
}

/** java.util.concurrent.TimeUnit, in declaration order, with nanoseconds per unit. */
const TIME_UNIT_NANOS: ReadonlyMap<string, bigint> = new Map([
  ['NANOSECONDS', 1n],
  ['MICROSECONDS', 1_000n],
  ['MILLISECONDS', 1_000_000n],
  ['SECONDS', 1_000_000_000n],
  ['MINUTES', 60_000_000_000n],
  ['HOURS', 3_600_000_000_000n],
  ['DAYS', 86_400_000_000_000n],
]);
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * ksqlDB's DurationParser: `<long> <unit>` ('30 SECONDS', '1 minute', '2 HOURS'; the unit's
 * trailing S may be left out), split on single whitespace characters, as milliseconds
 * (Duration.ofNanos(unit.toNanos(n)).toMillis()). Throws Error with ksqlDB's message.
 */
export function parseDuration(text: string): number {
  try {
    const parts = javaSplitOnWhitespace(text);
    if (parts.length !== 2) throw new Error(`Expected 2 tokens, got: ${parts.length}`);
    const size = parseJavaLong(parts[0]!);
    const nanosPerUnit = timeUnitNanos(parts[1]!.toUpperCase());
    let nanos = size * nanosPerUnit;
    // TimeUnit#toNanos saturates instead of overflowing.
    if (nanos > LONG_MAX) nanos = LONG_MAX;
    if (nanos < LONG_MIN) nanos = LONG_MIN;
    const millis = nanos / 1_000_000n - (nanos % 1_000_000n < 0n ? 1n : 0n); // floor, as Duration#toMillis
    return Number(millis);
  } catch (err) {
    throw new Error(`Invalid duration: '${text}'. ${(err as Error).message}`);
  }
}

/** Java's String#split("\\s"): trailing empty strings dropped, leading and inner ones kept. */
function javaSplitOnWhitespace(text: string): string[] {
  const parts = text.split(/[ \t\n\x0B\f\r]/);
  if (parts.length === 1) return parts; // no separator: the text itself, even when empty
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function parseJavaLong(text: string): bigint {
  const value = /^[+-]?[0-9]+$/.test(text) ? BigInt(text) : undefined;
  if (value === undefined || value < LONG_MIN || value > LONG_MAX) throw new Error(`Not numeric: '${text}'`);
  return value;
}

function timeUnitNanos(text: string): bigint {
  const nanos = TIME_UNIT_NANOS.get(text.endsWith('S') ? text : `${text}S`);
  if (nanos === undefined) {
    throw new Error(`Unknown time unit: '${text}'\nSupported time units are: ${[...TIME_UNIT_NANOS.keys()].join(', ')}`);
  }
  return nanos;
}
