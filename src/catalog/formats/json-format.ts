/**
 * JSON keys and values. A value with several columns (or one column wrapped) is a JSON object
 * whose fields are looked up by exact name, then upper-cased (ksqlDB's KsqlJsonDeserializer); a
 * single unwrapped column is the bare JSON value. Written back with Connect's JSON rules
 * (src/codec/connect-json.ts, exact decimals).
 */
import { parseJsonLossless } from '../../codec/json-parse.js';
import { coerce, CoercionError, upperCaseKeys } from '../coerce.js';
import type { Column } from '../schema.js';
import { decodeText, SerdeError, type Serde } from './format.js';
import { compileConnectObjectWriter, compileConnectValueWriter } from '../../codec/connect-json.js';

export function jsonSerde(columns: readonly Column[], wrapped: boolean): Serde {
  return wrapped ? wrappedSerde(columns) : unwrappedSerde(columns[0]!);
}

function parse(bytes: Uint8Array): unknown {
  try {
    return parseJsonLossless(decodeText(bytes));
  } catch (err) {
    throw new SerdeError(`Failed to deserialize JSON: ${(err as Error).message}`);
  }
}

function coerceOrFail(v: unknown, column: Column): unknown {
  try {
    return coerce(v, column.type, 'lenient');
  } catch (err) {
    if (err instanceof CoercionError) throw new SerdeError(`Column ${column.name}: ${err.message}`);
    throw err;
  }
}

function wrappedSerde(columns: readonly Column[]): Serde {
  const write = compileConnectObjectWriter(columns, 'exact');
  return {
    deserialize(bytes) {
      if (bytes === null) return null;
      const json = parse(bytes);
      if (json === null) return null;
      if (typeof json !== 'object' || Array.isArray(json)) {
        throw new SerdeError('Expected a JSON object');
      }
      const fields = json as Record<string, unknown>;
      let upper: Map<string, unknown> | undefined;
      return columns.map((c) => {
        if (Object.hasOwn(fields, c.name)) return coerceOrFail(fields[c.name], c);
        upper ??= upperCaseKeys(fields);
        return coerceOrFail(upper.get(c.name), c);
      });
    },
    serialize(values) {
      return values === null ? null : Buffer.from(write(values));
    },
  };
}

function unwrappedSerde(column: Column): Serde {
  const write = compileConnectValueWriter(column.type, 'exact');
  return {
    deserialize(bytes) {
      if (bytes === null) return null;
      return [coerceOrFail(parse(bytes), column)];
    },
    serialize(values) {
      if (values === null) return null;
      return Buffer.from(write(values[0]));
    },
  };
}
