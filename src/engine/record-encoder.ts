/**
 * Builds the record a row becomes on a source's topic: key and value serialized with the
 * source's formats; the partition is left to the store's partitioner (murmur2 of the key bytes,
 * as Kafka's producer does).
 */
import { serdesOf } from '../catalog/formats/serde-factory.js';
import type { DataSource } from '../catalog/source.js';
import type { ProducerRecord } from '../store/topic-log.js';

/** Column values by column name (resolved names); absent columns are null. */
export type NamedValues = ReadonlyMap<string, unknown>;

/**
 * `nullKeyFields`: the key columns were computed (PARTITION BY, GROUP BY), so several NULL columns
 * still form a key; otherwise all-NULL key columns stand for a record that had no key.
 */
export function encodeRecord(source: DataSource, values: NamedValues, timestamp?: number, nullKeyFields = false): ProducerRecord {
  const serdes = serdesOf(source);
  const keyValues = source.schema.key.map((c) => values.get(c.name) ?? null);
  const valueValues = source.schema.value.map((c) => values.get(c.name) ?? null);
  const allNull = keyValues.every((v) => v === null) && (keyValues.length === 1 || !nullKeyFields);
  const keyBytes = keyValues.length === 0 || allNull ? null : serdes.key.serialize(keyValues);
  return {
    key: keyBytes,
    value: serdes.value.serialize(valueValues),
    ...(timestamp !== undefined ? { timestamp } : {}),
  };
}
