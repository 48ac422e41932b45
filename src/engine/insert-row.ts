/**
 * Turns one `/inserts-stream` row (a JSON object) into a record for a source, with ksqlDB's
 * rules (protocol spec §5.3): names resolved like identifiers (unquoted upper-cased), duplicates
 * after that refused, key columns required, value columns optional, unknown fields (ROWTIME and
 * headers included) ignored, strict coercion. The record timestamp is the server's clock.
 *
 * Inserts are a hot path: each source gets a converter built once, which resolves each distinct
 * field name once and fills the key and value columns by position.
 */
import { coerce, CoercionError } from '../catalog/coerce.js';
import { serdesOf } from '../catalog/formats/serde-factory.js';
import type { DataSource } from '../catalog/source.js';
import type { Column } from '../catalog/schema.js';
import { badRequest } from '../errors.js';
import type { ProducerRecord } from '../store/topic-log.js';
import { resolveIdentifier } from '../sql/identifiers.js';

type Converter = (row: Record<string, unknown>) => ProducerRecord;

const converters = new WeakMap<DataSource, Converter>();

export function rowToRecord(source: DataSource, row: Record<string, unknown>): ProducerRecord {
  let convert = converters.get(source);
  if (!convert) converters.set(source, (convert = compileConverter(source)));
  return convert(row);
}

/** Distinct field names remembered per source; a client inventing names forever costs no more. */
const MAX_REMEMBERED_NAMES = 4096;
const UNKNOWN = -1;

function compileConverter(source: DataSource): Converter {
  const serdes = serdesOf(source);
  const keyCount = source.schema.key.length;
  const valueCount = source.schema.value.length;
  // Checked in the order the schema declares its columns, as errors are reported in that order.
  const columns = source.schema.columns.filter((c) => c.namespace !== 'HEADER');
  const slots = columns.map((c) => (c.namespace === 'KEY' ? source.schema.key.indexOf(c) : keyCount + source.schema.value.indexOf(c)));
  const positions = new Map(columns.map((c, i) => [c.name, i]));
  const fields = new Map<string, { readonly name: string; readonly at: number }>();
  const fieldOf = (raw: string): { readonly name: string; readonly at: number } => {
    let field = fields.get(raw);
    if (!field) {
      if (fields.size >= MAX_REMEMBERED_NAMES) fields.clear();
      const name = resolveIdentifier(raw);
      field = { name, at: positions.get(name) ?? UNKNOWN };
      fields.set(raw, field);
    }
    return field;
  };
  const isTable = source.type === 'TABLE';
  return (row) => {
    const given: unknown[] = new Array(columns.length);
    let unknownNames: Set<string> | undefined;
    for (const raw in row) {
      if (!Object.hasOwn(row, raw)) continue;
      const { name, at } = fieldOf(raw);
      if (at === UNKNOWN) {
        unknownNames ??= new Set();
        if (unknownNames.has(name)) throw badRequest(`Duplicate field name: ${name}`);
        unknownNames.add(name);
      } else {
        if (given[at] !== undefined) throw badRequest(`Duplicate field name: ${name}`);
        given[at] = row[raw] === undefined ? null : row[raw];
      }
    }
    const keyValues: unknown[] = new Array(keyCount);
    const valueValues: unknown[] = new Array(valueCount);
    let keyAllNull = true;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const raw = given[i];
      const slot = slots[i]!;
      if (slot < keyCount) {
        if (raw === undefined || (raw === null && isTable)) throw badRequest(`Key field must be specified: ${column.name}`);
        const value = coerceStrict(raw, column);
        if (value !== null) keyAllNull = false;
        keyValues[slot] = value;
      } else {
        valueValues[slot - keyCount] = coerceStrict(raw, column);
      }
    }
    // All-NULL key columns stand for a record without a key (record-encoder.ts).
    const key = keyCount === 0 || keyAllNull ? null : serdes.key.serialize(keyValues);
    return { key, value: serdes.value.serialize(valueValues) };
  };
}

function coerceStrict(raw: unknown, column: Column): unknown {
  try {
    return coerce(raw, column.type, 'strict');
  } catch (err) {
    if (err instanceof CoercionError) throw badRequest(err.message);
    throw err;
  }
}
