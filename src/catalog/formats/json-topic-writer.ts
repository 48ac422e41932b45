/**
 * JSON as ksqlDB's JSON serializer writes it to topics (Connect's JsonConverter, schemas off,
 * decimals numeric): DECIMAL keeps its scale (`10.00`), TIMESTAMP is epoch milliseconds, DATE epoch
 * days, TIME milliseconds of the day, BYTES Base64, DOUBLE as Java prints it, MAP an object keyed
 * by the key's text, STRUCT an object with its declared field names.
 */
import { formatJavaDoubleJson } from '../../codec/java-double.js';
import { quoteJsonString } from '../../codec/json-string.js';
import { bytesJson, integerText, toDecimal, toDouble } from '../../codec/scalar-text.js';
import type { SqlType, StructField } from '../../sql/types.js';

export type TopicValueWriter = (v: unknown) => string;

export function compileTopicValueWriter(type: SqlType): TopicValueWriter {
  const write = nonNull(type);
  return (v) => (v === null || v === undefined ? 'null' : write(v));
}

/** An object of named fields from values in field order. */
export function compileTopicObjectWriter(fields: readonly StructField[]): (values: readonly unknown[]) => string {
  const prefixes = fields.map((f, i) => (i === 0 ? '{' : ',') + quoteJsonString(f.name) + ':');
  const writers = fields.map((f) => compileTopicValueWriter(f.type));
  return (values) => {
    if (writers.length === 0) return '{}';
    let s = '';
    for (let i = 0; i < writers.length; i++) s += prefixes[i]! + writers[i]!(values[i]);
    return s + '}';
  };
}

function nonNull(type: SqlType): TopicValueWriter {
  switch (type.kind) {
    case 'BOOLEAN':
      return (v) => (v ? 'true' : 'false');
    case 'INTEGER':
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return integerText;
    case 'DOUBLE':
      return (v) => formatJavaDoubleJson(toDouble(v));
    case 'DECIMAL': {
      const scale = type.scale;
      return (v) => toDecimal(v, scale).toString();
    }
    case 'STRING':
      return (v) => quoteJsonString(String(v));
    case 'BYTES':
      return bytesJson;
    case 'ARRAY': {
      const item = compileTopicValueWriter(type.element);
      return (v) => `[${(v as unknown[]).map(item).join(',')}]`;
    }
    case 'MAP': {
      const value = compileTopicValueWriter(type.value);
      return (v) => {
        const parts: string[] = [];
        for (const [k, e] of v as Map<unknown, unknown>) parts.push(`${quoteJsonString(String(k))}:${value(e)}`);
        return `{${parts.join(',')}}`;
      };
    }
    case 'STRUCT': {
      const write = compileTopicObjectWriter(type.fields);
      return (v) => write(type.fields.map((f) => (v as Record<string, unknown>)[f.name]));
    }
  }
}
