/**
 * Where a running query sends its output. The protocol layer implements it per response format;
 * every call resolves when the row has been taken by the transport, which is how a slow client
 * stops its query from reading further (backpressure, never an unbounded buffer).
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

export interface QuerySink {
  /** One output row and where it came from (its timestamp and headers travel on). */
  row(values: readonly unknown[], tombstone: boolean, origin: RowOrigin): Promise<void>;
  /** The query ended normally. */
  end(reason: EndReason): void;
  /** The query failed after its header was sent. */
  fail(err: Error): void;
  /** True once the client is gone: the query stops. */
  readonly closed: boolean;
  onClose(listener: () => void): void;
}
