/** Reading the WITH (...) clause of a statement. */
import type { LiteralValue, WithProperties } from '../../sql/ast.js';
import { KsqlStatementError } from '../../errors.js';

/** A WITH value as the property sees it: strings without their quotes. */
export function propertyText(v: LiteralValue): string {
  switch (v.type) {
    case 'NULL':
      return 'null';
    case 'BOOLEAN':
      return String(v.value);
    case 'STRING':
      return v.value;
    default:
      return v.text;
  }
}

export function stringProperty(props: WithProperties, name: string): string | undefined {
  const p = props.get(name);
  return p === undefined ? undefined : propertyText(p.value);
}

export function intProperty(props: WithProperties, name: string): number | undefined {
  const text = stringProperty(props, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    throw new KsqlStatementError(`Invalid value ${text} for property ${name}: must be a positive integer`);
  }
  return n;
}

export function booleanProperty(props: WithProperties, name: string): boolean | undefined {
  const text = stringProperty(props, name);
  if (text === undefined) return undefined;
  const t = text.toLowerCase();
  if (t !== 'true' && t !== 'false') throw new KsqlStatementError(`Invalid value ${text} for property ${name}: must be true or false`);
  return t === 'true';
}

/** Properties ksqlDB accepts on CREATE STREAM / CREATE TABLE. */
export const CREATE_SOURCE_PROPERTIES = new Set([
  'KAFKA_TOPIC',
  'VALUE_FORMAT',
  'KEY_FORMAT',
  'FORMAT',
  'PARTITIONS',
  'REPLICAS',
  'TIMESTAMP',
  'TIMESTAMP_FORMAT',
  'WRAP_SINGLE_VALUE',
  'VALUE_DELIMITER',
  'KEY_DELIMITER',
  'WINDOW_TYPE',
  'WINDOW_SIZE',
  'RETENTION_MS',
  'KEY_SCHEMA_ID',
  'VALUE_SCHEMA_ID',
  'KEY_SCHEMA_FULL_NAME',
  'VALUE_SCHEMA_FULL_NAME',
  'VALUE_AVRO_SCHEMA_FULL_NAME',
  'SOURCE_CONNECTOR',
]);

export function rejectUnknownProperties(props: WithProperties, allowed: ReadonlySet<string>): void {
  for (const name of props.keys()) {
    if (!allowed.has(name)) throw new KsqlStatementError(`Invalid config variable(s) in the WITH clause: ${name}`);
  }
}
