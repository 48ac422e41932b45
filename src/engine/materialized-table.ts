/**
 * A table's current state, kept up to date as records arrive: the latest row per key (per key and
 * window for a windowed table), a null value deleting it. It backs CREATE SOURCE TABLE and the
 * sinks of CREATE TABLE AS SELECT, which ksqlDB materializes; pull queries read it and never
 * recompute it from the topic.
 *
 * The state is laid out as ksqlDB's state stores hold it: one store per partition of the topic,
 * keyed by the key serialized in the table's key format (RocksDB keeps those bytes in order), and
 * for a windowed table each key's windows by window start. A scan reads the partitions in turn and
 * each in key-byte order, which is the order ksqlDB returns rows in, and what LIMIT cuts.
 */
import type { WindowBounds } from '../catalog/formats/windowed-key.js';
import { serdesOf } from '../catalog/formats/serde-factory.js';
import type { DataSource } from '../catalog/source.js';
import { partitionForKey } from '../store/partitioner.js';
import type { Cursor, TopicLog } from '../store/topic-log.js';
import type { DecodedRecord } from './record-reader.js';
import { recordReader, type RecordReader } from './record-reader.js';

const BATCH = 1000;

/** One row of the table, in the input-row layout (src/planner/input-row.ts). */
export interface TableRow {
  readonly row: readonly unknown[];
  readonly partition: number;
  /** The key serialized in the table's key format: the order of a scan. */
  readonly keyBytes: Uint8Array;
  readonly window?: WindowBounds;
}

const CAUGHT_UP = Promise.resolve();
const NO_ROWS: readonly TableRow[] = Object.freeze([]);

export class MaterializedTable {
  private readonly stores = new Map<number, PartitionStore>();
  /** The stores by partition number, rebuilt when a partition gets its first row. */
  private ordered: PartitionStore[] = [];
  private readonly cursor: Cursor;
  private readonly reader: RecordReader;
  private readonly keyCount: number;
  private readonly partitions: number;
  private count = 0;
  /** Catch-ups run one after another, so records are applied in order exactly once. */
  private applying: Promise<void> = Promise.resolve();

  constructor(
    readonly source: DataSource,
    private readonly topic: TopicLog,
  ) {
    this.cursor = topic.cursor({ from: 'earliest' });
    this.reader = recordReader(source);
    this.keyCount = source.schema.key.length;
    this.partitions = topic.partitions;
    void this.follow();
  }

  /** Applies every record the topic holds now; a pull query calls it before reading. */
  catchUp(): Promise<void> {
    // Usually nothing is new: answer at once instead of polling through a chain of promises.
    if (!this.applyingNow && this.caughtUp()) return CAUGHT_UP;
    this.applyingNow = true;
    this.applying = this.applying.then(() => this.apply()).finally(() => (this.applyingNow = false));
    return this.applying;
  }

  private applyingNow = false;

  /** True when records wait to be applied: a reader should await catchUp() first. */
  behind(): boolean {
    return this.applyingNow || !this.caughtUp();
  }

  /** True when the cursor has read up to the end of every partition. */
  private caughtUp(): boolean {
    const ends = this.topic.endOffsets();
    const positions = this.cursor.positions();
    for (let i = 0; i < positions.length; i++) if (positions[i]!.offset < ends[positions[i]!.partition]!) return false;
    return true;
  }

  private async apply(): Promise<void> {
    for (let batch = await this.cursor.poll(BATCH); batch.length > 0; batch = await this.cursor.poll(BATCH)) {
      for (const record of batch) {
        const decoded = this.reader.read(record);
        if (decoded) this.applyRow(decoded, record.partition, record.key);
      }
    }
  }

  private applyRow(decoded: DecodedRecord, partition: number, recordKey: Uint8Array | null): void {
    const keyBytes = this.keyBytes(decoded.row.slice(0, this.keyCount)) ?? recordKey ?? new Uint8Array(0);
    const store = this.store(partition);
    const windowId = decoded.window ? `${decoded.window.start}/${decoded.window.end}` : '';
    const before = store.size;
    if (decoded.tombstone) store.delete(keyBytes, windowId);
    else store.put(keyBytes, windowId, { row: decoded.row, partition, keyBytes, ...(decoded.window ? { window: decoded.window } : {}) });
    this.count += store.size - before;
  }

  private store(partition: number): PartitionStore {
    let store = this.stores.get(partition);
    if (!store) {
      this.stores.set(partition, (store = new PartitionStore()));
      this.ordered = [...this.stores.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
    }
    return store;
  }

  /** Key values serialized as the table stores them; undefined when they cannot be. */
  keyBytes(values: readonly unknown[]): Uint8Array | undefined {
    try {
      return serdesOf(this.source).key.serialize(values) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** The partition Kafka's default partitioner gives a key: where ksqlDB looks the key up. */
  homePartition(keyBytes: Uint8Array): number {
    return partitionForKey(keyBytes, this.partitions);
  }

  /** Every row: partition by partition, each in key-byte order, a key's windows by start. */
  *scan(): Generator<TableRow> {
    for (const store of this.inPartitionOrder()) yield* store.range(undefined, undefined);
  }

  /** The rows whose key bytes lie between the bounds (inclusive; absent is unbounded), in scan order. */
  *range(from: Uint8Array | undefined, to: Uint8Array | undefined): Generator<TableRow> {
    for (const store of this.inPartitionOrder()) yield* store.range(from, to);
  }

  /**
   * The rows of one key, found through its bytes without reading other keys; normally all in one
   * partition, otherwise partition by partition.
   */
  rowsOfKey(keyBytes: Uint8Array): readonly TableRow[] {
    return this.rowsOfId(idOf(keyBytes));
  }

  /**
   * The rows of a key given by its values, which a cached pull plan holds on to: the serialized
   * key is remembered per values array, so a repeated lookup goes straight to the map.
   */
  rowsOfLiteralKey(values: readonly unknown[]): readonly TableRow[] {
    let id = this.literalKeyIds.get(values);
    if (id === undefined) {
      const bytes = this.keyBytes(values);
      id = bytes ? idOf(bytes) : null;
      this.literalKeyIds.set(values, id);
    }
    return id === null ? NO_ROWS : this.rowsOfId(id);
  }

  private readonly literalKeyIds = new WeakMap<readonly unknown[], string | null>();

  private rowsOfId(id: string): readonly TableRow[] {
    const stores = this.ordered;
    if (stores.length === 1) return stores[0]!.rowsOfId(id);
    const rows: TableRow[] = [];
    for (const store of stores) rows.push(...store.rowsOfId(id));
    return rows;
  }

  private inPartitionOrder(): readonly PartitionStore[] {
    return this.ordered;
  }

  get size(): number {
    return this.count;
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

/** One partition's state: keys in byte order (sorted when read after a change), each with its rows. */
class PartitionStore {
  private readonly slots = new Map<string, KeySlot>();
  private ordered: KeySlot[] | undefined;
  private rows = 0;

  get size(): number {
    return this.rows;
  }

  put(keyBytes: Uint8Array, windowId: string, row: TableRow): void {
    const id = idOf(keyBytes);
    let slot = this.slots.get(id);
    if (!slot) {
      this.slots.set(id, (slot = new KeySlot(keyBytes)));
      this.ordered = undefined;
    }
    this.rows += slot.put(windowId, row);
  }

  delete(keyBytes: Uint8Array, windowId: string): void {
    const id = idOf(keyBytes);
    const slot = this.slots.get(id);
    if (!slot) return;
    this.rows -= slot.delete(windowId);
    if (slot.size === 0) {
      this.slots.delete(id);
      this.ordered = undefined;
    }
  }

  rowsOfId(id: string): readonly TableRow[] {
    return this.slots.get(id)?.inOrder() ?? NO_ROWS;
  }

  *range(from: Uint8Array | undefined, to: Uint8Array | undefined): Generator<TableRow> {
    const slots = this.inOrder();
    for (let i = from ? lowerBound(slots, from) : 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (to && Buffer.compare(slot.keyBytes, to) > 0) return;
      yield* slot.inOrder();
    }
  }

  private inOrder(): KeySlot[] {
    this.ordered ??= [...this.slots.values()].sort((a, b) => Buffer.compare(a.keyBytes, b.keyBytes));
    return this.ordered;
  }
}

/** One key's rows: a single one, or one per window ordered by start (then end). */
class KeySlot {
  private readonly rows = new Map<string, TableRow>();
  private ordered: TableRow[] | undefined;

  constructor(readonly keyBytes: Uint8Array) {}

  get size(): number {
    return this.rows.size;
  }

  /** 1 when the window is new, else 0. */
  put(windowId: string, row: TableRow): number {
    const added = this.rows.has(windowId) ? 0 : 1;
    this.rows.set(windowId, row);
    this.ordered = undefined;
    return added;
  }

  /** 1 when a row was removed, else 0. */
  delete(windowId: string): number {
    if (!this.rows.delete(windowId)) return 0;
    this.ordered = undefined;
    return 1;
  }

  inOrder(): readonly TableRow[] {
    this.ordered ??= [...this.rows.values()].sort(byWindow);
    return this.ordered;
  }
}

function byWindow(a: TableRow, b: TableRow): number {
  return (a.window?.start ?? 0) - (b.window?.start ?? 0) || (a.window?.end ?? 0) - (b.window?.end ?? 0);
}

/** The first slot whose key is not below `key`. */
function lowerBound(slots: readonly KeySlot[], key: Uint8Array): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Buffer.compare(slots[mid]!.keyBytes, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function idOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
