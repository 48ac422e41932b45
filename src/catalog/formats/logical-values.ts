/**
 * Records as the topic API (Kafka REST Proxy v2 style) shows them: logical keys and values, as
 * QTT writes them. Bytes are produced and read with the format of a source over the topic:
 * a JSON document for JSON, a primitive for KAFKA, the raw line for DELIMITED. A topic with no
 * source reads and writes text (JSON when it parses, else a string).
 */
import { compileValueWriter, writeJsonValue } from '../../codec/json-write.js';
import { coerce } from '../coerce.js';
import type { Column } from '../schema.js';
import type { FormatInfo } from '../source.js';
import { createSerde } from './serde-factory.js';
import { tryDecodeText } from './format.js';

export interface Side {
  readonly format?: FormatInfo;
  readonly columns: readonly Column[];
}

export function encodeLogical(side: Side, logical: unknown): Uint8Array | null {
  if (logical === null || logical === undefined) return null;
  const format = side.format?.format;
  if (format === 'KAFKA' && side.columns.length === 1) {
    const column = side.columns[0]!;
    return createSerde(side.format!, side.columns, 'key').serialize([coerce(logical, column.type, 'lenient')]);
  }
  if (format === 'DELIMITED' || (format === undefined && typeof logical === 'string')) {
    return Buffer.from(typeof logical === 'string' ? logical : writeJsonValue(logical), 'utf8');
  }
  if (format === 'NONE') return null;
  return Buffer.from(writeJsonValue(logical), 'utf8');
}

/** The record's key or value as JSON text. */
export function decodeLogical(side: Side, bytes: Uint8Array | null): string {
  if (bytes === null) return 'null';
  const format = side.format?.format;
  if (format === 'KAFKA' && side.columns.length === 1) {
    try {
      const [v] = createSerde(side.format!, side.columns, 'key').deserialize(bytes) ?? [null];
      return compileValueWriter(side.columns[0]!.type)(v);
    } catch {
      return rawText(bytes);
    }
  }
  if (format === 'DELIMITED') return writeJsonValue(tryDecodeText(bytes));
  return rawText(bytes);
}

/** JSON text kept exactly as stored when it is JSON; otherwise a string (or Base64 bytes). */
function rawText(bytes: Uint8Array): string {
  const text = tryDecodeText(bytes);
  if (text === undefined) return writeJsonValue(Buffer.from(bytes).toString('base64'));
  try {
    JSON.parse(text);
    return text;
  } catch {
    return writeJsonValue(text);
  }
}

