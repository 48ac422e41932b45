/**
 * A table's current state, kept up to date as records arrive: the latest row per key (per key and
 * window for a windowed table), a null value deleting it. It backs CREATE SOURCE TABLE and the
 * sinks of CREATE TABLE AS SELECT, which ksqlDB materializes; pull queries read it and never
 * recompute it from the topic.
 */
import { writeJsonValue } from '../codec/json-write.js';
import type { DataSource } from '../catalog/source.js';
import type { Cursor, TopicLog } from '../store/topic-log.js';
import { recordReader, type RecordReader } from './record-reader.js';

const BATCH = 1000;

export class MaterializedTable {
  private readonly rows = new Map<string, readonly unknown[]>();
  private readonly cursor: Cursor;
  private readonly reader: RecordReader;
  private readonly keyCount: number;
  /** Catch-ups run one after another, so records are applied in order exactly once. */
  private applying: Promise<void> = Promise.resolve();

  constructor(
    readonly source: DataSource,
    topic: TopicLog,
  ) {
    this.cursor = topic.cursor({ from: 'earliest' });
    this.reader = recordReader(source);
    this.keyCount = source.schema.key.length;
    void this.follow();
  }

  /** Applies every record the topic holds now; a pull query calls it before reading. */
  catchUp(): Promise<void> {
    this.applying = this.applying.then(() => this.apply());
    return this.applying;
  }

  private async apply(): Promise<void> {
    for (let batch = await this.cursor.poll(BATCH); batch.length > 0; batch = await this.cursor.poll(BATCH)) {
      for (const record of batch) {
        const decoded = this.reader.read(record);
        if (!decoded) continue;
        const base = writeJsonValue(decoded.row.slice(0, this.keyCount));
        const key = decoded.window ? `${base}@${decoded.window.start}/${decoded.window.end}` : base;
        if (decoded.tombstone) this.rows.delete(key);
        else this.rows.set(key, decoded.row);
      }
    }
  }

  /** The current rows (input-row layout), in key insertion order. */
  scan(): IterableIterator<readonly unknown[]> {
    return this.rows.values();
  }

  get size(): number {
    return this.rows.size;
  }

  close(): void {
    this.cursor.close();
  }

  private async follow(): Promise<void> {
    while (!this.cursor.closed) {
      await this.catchUp();
      await this.cursor.wait();
    }
  }
}
