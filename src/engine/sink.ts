/**
 * Where a running query sends its output: batches of rows. The protocol layer implements it per
 * response format; a persistent query's sink appends to a topic. A sink that is full answers a
 * batch with a promise, and the query reads no further until it resolves: a slow client holds
 * its own query back instead of growing the server's memory.
 */
import type { WindowBounds } from '../catalog/formats/windowed-key.js';
import type { RecordHeader } from '../store/topic-log.js';

export type EndReason = 'limit' | 'completed';

/** What an output row carries forward from its input record. */
export interface RowOrigin {
  /** The row's event time: ROWTIME, from the record or the source's TIMESTAMP column. */
  readonly timestamp: number;
  readonly headers: readonly RecordHeader[];
  /** The window of a windowed key (windowed aggregations and sources). */
  readonly window?: WindowBounds;
}

export interface OutputRow {
  /** In the plan's output column order; for a tombstone only the key columns matter. */
  readonly values: readonly unknown[];
  /** A delete of the row's key (tables). */
  readonly tombstone: boolean;
  readonly origin: RowOrigin;
}

/**
 * Rows in order. Several sinks may receive the same batch (subscribers of one shared push
 * query): `encoded` lets each encoding be made once and its bytes reused by every sink that
 * asks for the same key.
 */
export interface OutputBatch {
  readonly rows: readonly OutputRow[];
  encoded<T>(key: string, encode: (rows: readonly OutputRow[]) => T): T;
}

export interface QuerySink {
  /** Takes a batch; a returned promise means the sink is full until it resolves. */
  write(batch: OutputBatch): void | Promise<void>;
  /** The query ended normally. */
  end(reason: EndReason): void;
  /** The query failed after its header was sent. */
  fail(err: Error): void;
  /** True once the client is gone: the query stops. */
  readonly closed: boolean;
  onClose(listener: () => void): void;
}
