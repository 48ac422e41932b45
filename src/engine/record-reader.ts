/**
 * Turns stored records of a source's topic into input rows (see src/planner/input-row.ts).
 * A record whose key or value cannot be deserialized is skipped and counted, never thrown.
 */
import { serdesOf } from '../catalog/formats/serde-factory.js';
import { decodeWindowedKey, type WindowBounds } from '../catalog/formats/windowed-key.js';
import { SerdeError } from '../catalog/formats/format.js';
import type { DataSource } from '../catalog/source.js';
import type { StoredRecord } from '../store/topic-log.js';
import { timestampExtractor } from './timestamp-extractor.js';

export interface DecodedRecord {
  readonly row: unknown[];
  /**
   * The value was null: a tombstone on a table. On a stream, transient push and pull queries
   * drop such records, while persistent queries pass them on as null values, as ksqlDB does.
   */
  readonly tombstone: boolean;
  /** ROWTIME: the record's timestamp, or the source's TIMESTAMP column. */
  readonly timestamp: number;
  readonly headers: StoredRecord['headers'];
  /** A windowed source's window; the row also holds it as WINDOWSTART and WINDOWEND. */
  readonly window?: WindowBounds;
}

export interface RecordReader {
  /** The decoded row, or undefined when the record is skipped. */
  read(record: StoredRecord): DecodedRecord | undefined;
  readonly skipped: number;
}

export interface ReaderOptions {
  /**
   * Skip records without a key on a keyed source. Tables always do; ksqlDB's scalable push
   * queries do too, as they read the persistent query's sink topic with a consumer that drops
   * them.
   */
  readonly requireKey?: boolean;
  /** Pass null-value records of a stream on (persistent queries); others drop them. */
  readonly streamNulls?: boolean;
}

export function recordReader(source: DataSource, options: ReaderOptions = {}): RecordReader {
  const serdes = serdesOf(source);
  const keyCount = source.schema.key.length;
  const valueCount = source.schema.value.length;
  const headerColumns = source.schema.headers;
  const isTable = source.type === 'TABLE';
  const requireKey = isTable || options.requireKey === true;
  const extract = timestampExtractor(source);
  const rowtimeAt = source.schema.columns.length;
  const windowType = source.windowType;
  let skipped = 0;
  const read = (record: StoredRecord): DecodedRecord | undefined => {
    try {
      let keyBytes = record.key;
      let window: WindowBounds | undefined;
      if (windowType) {
        if (keyBytes === null) return skip();
        ({ key: keyBytes, window } = decodeWindowedKey(keyBytes, windowType, source.windowSize));
      }
      const key = serdes.key.deserialize(keyBytes);
      if (requireKey && keyCount > 0 && (key === null || key.every((k) => k === null))) return skip();
      const value = serdes.value.deserialize(record.value);
      const row: unknown[] = [];
      for (let i = 0; i < keyCount; i++) row.push(key?.[i] ?? null);
      for (let i = 0; i < valueCount; i++) row.push(value?.[i] ?? null);
      for (const h of headerColumns) row.push(headerValue(record, h.headerKey));
      row.push(BigInt(record.timestamp), record.partition, BigInt(record.offset));
      if (window) row.push(BigInt(window.start), BigInt(window.end));
      let timestamp = record.timestamp;
      if (extract && value !== null) {
        const t = extract(row);
        // ksqlDB drops a record whose timestamp column cannot give a valid time.
        if (t === undefined || t < 0) return skip();
        timestamp = t;
        row[rowtimeAt] = BigInt(t);
      }
      return { row, tombstone: value === null, timestamp, headers: record.headers, ...(window ? { window } : {}) };
    } catch (err) {
      if (err instanceof SerdeError) return skip();
      throw err;
    }
  };
  const skip = (): undefined => {
    skipped++;
    return undefined;
  };
  return {
    read,
    get skipped() {
      return skipped;
    },
  };
}

/** HEADER('k') is the last header with that key; HEADERS is every header as ARRAY<STRUCT<KEY, VALUE>>. */
function headerValue(record: StoredRecord, key: string | undefined): unknown {
  if (key === undefined) return record.headers.map((h) => ({ KEY: h.key, VALUE: h.value }));
  for (let i = record.headers.length - 1; i >= 0; i--) if (record.headers[i]!.key === key) return record.headers[i]!.value;
  return null;
}
