/**
 * Where a running query sends its output. The protocol layer implements it per response format;
 * every call resolves when the row has been taken by the transport, which is how a slow client
 * stops its query from reading further (backpressure, never an unbounded buffer).
 */
import type { StoredRecord } from '../store/topic-log.js';

export type EndReason = 'limit' | 'completed';

export interface QuerySink {
  /** One output row; `input` is the record it came from (its timestamp and headers travel on). */
  row(values: readonly unknown[], tombstone: boolean, input: StoredRecord): Promise<void>;
  /** The query ended normally. */
  end(reason: EndReason): void;
  /** The query failed after its header was sent. */
  fail(err: Error): void;
  /** True once the client is gone: the query stops. */
  readonly closed: boolean;
  onClose(listener: () => void): void;
}
