/**
 * The embedded topic store's contract: Kafka's model (topics, partitions, offsets, records with
 * key, value, timestamp and headers) behind an asynchronous append, so that a file-backed log or
 * NATS JetStream can stand behind the same interface. Every implementation must pass
 * spec/store/topic-log.contract.ts.
 *
 * Keys and values are serialized bytes, exactly as a Kafka producer would have written them;
 * the catalog's formats (JSON, KAFKA, DELIMITED, ...) turn them into rows.
 */

export interface RecordHeader {
  readonly key: string;
  readonly value: Uint8Array | null;
}

/** A record as a producer hands it over. */
export interface ProducerRecord {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  /** Epoch ms; the append time when absent. */
  readonly timestamp?: number;
  readonly headers?: readonly RecordHeader[];
  /** Explicit partition; otherwise Kafka's default partitioner (src/store/partitioner.ts) chooses. */
  readonly partition?: number;
}

/** A record as stored: immutable once appended. */
export interface StoredRecord {
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly timestamp: number;
  readonly headers: readonly RecordHeader[];
  readonly partition: number;
  readonly offset: number;
}

export interface RecordPosition {
  readonly partition: number;
  readonly offset: number;
}

/** Where a cursor starts, per partition. */
export type StartPosition =
  | { readonly from: 'earliest' }
  | { readonly from: 'latest' }
  /** Explicit offsets per partition; partitions not named start at the earliest offset. */
  | { readonly from: 'offsets'; readonly offsets: ReadonlyMap<number, number> };

export interface RetentionLimits {
  /** Most records kept per partition (oldest dropped first); Infinity for no limit. */
  readonly maxRecords: number;
  /**
   * Most bytes (key + value + headers) kept per partition; Infinity for no limit. A header counts
   * its key's UTF-8 bytes plus its value; null counts 0. The newest record is always kept, even
   * one larger than the limit.
   */
  readonly maxBytes: number;
}

export interface TopicConfig {
  readonly partitions: number;
  readonly retention?: Partial<RetentionLimits>;
}

/**
 * A reader over every partition of one topic. `poll` returns what is already there (possibly
 * nothing); `wait` resolves when a poll could return more, or when the cursor is closed. Records
 * of one partition come in offset order; across partitions, in append order.
 */
export interface Cursor {
  /**
   * Positions behind the partition's start (dropped by retention) move up to the start first.
   * A closed cursor (also: its topic deleted, or the store closed) returns nothing.
   */
  poll(maxRecords: number): Promise<StoredRecord[]>;
  /** May wake spuriously (a poll then returns nothing); never stays pending once closed. */
  wait(): Promise<void>;
  /** The next offset this cursor will read, per partition. */
  positions(): RecordPosition[];
  close(): void;
  readonly closed: boolean;
}

export interface TopicLog {
  readonly name: string;
  readonly partitions: number;
  readonly retention: RetentionLimits;
  /**
   * Resolves when the record is durable in this implementation (in memory: at once). Rejects
   * with a RangeError for an explicit partition out of range, and with an Error once the topic
   * has been deleted.
   * The store may keep the given byte arrays rather than copy them (callers must not modify them
   * afterwards) and copies the headers array. The byte arrays of records read back may be views
   * of the store's own memory: readers must not modify them.
   */
  append(record: ProducerRecord): Promise<RecordPosition>;
  /**
   * Appends in order; resolves with one position per record. An invalid record rejects the whole
   * batch, and none of it is stored.
   */
  appendBatch(records: readonly ProducerRecord[]): Promise<RecordPosition[]>;
  /** First offset still kept, per partition (grows with retention). */
  startOffsets(): number[];
  /** Next offset to be written, per partition. */
  endOffsets(): number[];
  /** Records of one partition from `offset` (clamped to the start), at most `maxRecords`. */
  read(partition: number, offset: number, maxRecords: number): Promise<StoredRecord[]>;
  cursor(start: StartPosition): Cursor;
  /** Total records currently kept, over all partitions. */
  size(): number;
}

export interface TopicStore {
  /** Creates a topic; throws TopicExistsError if one with that exact name exists. */
  create(name: string, config: TopicConfig): Promise<TopicLog>;
  get(name: string): TopicLog | undefined;
  /** Removes a topic and its records; open cursors on it are closed. False if there was none. */
  delete(name: string): Promise<boolean>;
  list(): TopicLog[];
  close(): Promise<void>;
}

export class TopicExistsError extends Error {
  constructor(readonly topic: string) {
    super(`Topic already exists: ${topic}`);
    this.name = 'TopicExistsError';
  }
}
