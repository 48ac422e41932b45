/**
 * Turns one `/inserts-stream` row (a JSON object) into a record for a source, with ksqlDB's
 * rules (protocol spec §5.3): names resolved like identifiers (unquoted upper-cased), duplicates
 * after that refused, key columns required, value columns optional, unknown fields (ROWTIME and
 * headers included) ignored, strict coercion. The record timestamp is the server's clock.
 */
import { coerce, CoercionError } from '../catalog/coerce.js';
import type { DataSource } from '../catalog/source.js';
import { badRequest } from '../errors.js';
import type { ProducerRecord } from '../store/topic-log.js';
import { resolveIdentifier } from '../sql/identifiers.js';
import { encodeRecord } from './record-encoder.js';

export function rowToRecord(source: DataSource, row: Record<string, unknown>): ProducerRecord {
  const given = new Map<string, unknown>();
  for (const [field, value] of Object.entries(row)) {
    const name = resolveIdentifier(field);
    if (given.has(name)) throw badRequest(`Duplicate field name: ${name}`);
    given.set(name, value);
  }
  const values = new Map<string, unknown>();
  for (const column of source.schema.columns) {
    if (column.namespace === 'HEADER') continue;
    const raw = given.get(column.name);
    if (column.namespace === 'KEY' && (raw === undefined || (raw === null && source.type === 'TABLE'))) {
      throw badRequest(`Key field must be specified: ${column.name}`);
    }
    try {
      values.set(column.name, coerce(raw, column.type, 'strict'));
    } catch (err) {
      if (err instanceof CoercionError) throw badRequest(err.message);
      throw err;
    }
  }
  return encodeRecord(source, values);
}
