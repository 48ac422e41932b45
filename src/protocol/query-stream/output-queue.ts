/**
 * The bytes of one query response on their way out. One write is in flight at a time and each
 * holds whole lines within one DATA frame (the peer's SETTINGS_MAX_FRAME_SIZE, RFC 9113 §4.2):
 * the `ksqldb-client` npm package parses every DATA frame on its own, so a line must never be
 * split across frames. Rows that trickle in leave one frame each; rows that became ready while a
 * write was in flight leave together in as few frames as fit (coalescing, on by default; off,
 * every row is its own write).
 *
 * Memory is bounded, like Feldera's `max_queued_records`: once more than `maxQueuedRows` rows or
 * `maxQueuedBytes` bytes wait, the next push() returns a promise, and the query reads nothing more
 * until the queue is back under half of both limits or the client is gone. A client that stays
 * that far behind for `stallTimeoutMs` is given up on (onStall). Chunks are shared between the
 * responses of a shared query, so queued bytes cost memory once, not per response.
 */
import type { Exchange } from '../../transport/exchange.js';

export interface OutputOptions {
  /** Join rows that are ready together into one write (one DATA frame at most). */
  readonly coalesce: boolean;
  /** Rows waiting per response before its query is held back. */
  readonly maxQueuedRows: number;
  /** Bytes waiting per response before its query is held back. */
  readonly maxQueuedBytes: number;
  /** How long a query may stay held back by a client that reads nothing before it is ended. */
  readonly stallTimeoutMs: number;
  /**
   * HTTP/1.1 push queries: after this long without output, a bare newline goes out so proxies
   * and idle timers see traffic (0: never). JSON and delimited readers skip the blank line.
   */
  readonly http1KeepAliveMs: number;
}

export const DEFAULT_OUTPUT_OPTIONS: OutputOptions = {
  coalesce: true,
  maxQueuedRows: 100_000,
  maxQueuedBytes: 4 * 1024 * 1024,
  stallTimeoutMs: 60_000,
  http1KeepAliveMs: 0,
};

/** Chunks of whole lines and how many rows each holds. */
export interface EncodedRows {
  readonly chunks: readonly Buffer[];
  readonly rows: readonly number[];
}

export class OutputQueue {
  private chunks: Buffer[] = [];
  private rows: number[] = [];
  private head = 0;
  private queuedBytes = 0;
  private queuedRows = 0;
  private writing = false;
  private waiters: (() => void)[] = [];
  private stallTimer: NodeJS.Timeout | undefined;
  private idle: (() => void) | undefined;
  /** Bytes handed to the transport so far (a keep-alive looks for silence). */
  written = 0;
  /** Called when a held-back client has read nothing for stallTimeoutMs. */
  onStall: ((queued: { rows: number; bytes: number }) => void) | undefined;

  constructor(
    private readonly exchange: Exchange,
    private readonly options: OutputOptions,
  ) {}

  /** Queues chunks of whole lines; a promise back means the queue is full until it resolves. */
  push(encoded: EncodedRows): Promise<void> | undefined {
    if (this.exchange.closed) return undefined;
    // Full means already over a limit before this batch: a batch larger than the limit alone
    // does not hold a query back, and the queue stays within the limit plus one batch.
    const full = this.isFull();
    const { chunks, rows } = encoded;
    for (let i = 0; i < chunks.length; i++) {
      this.chunks.push(chunks[i]!);
      this.rows.push(rows[i]!);
      this.queuedBytes += chunks[i]!.length;
      this.queuedRows += rows[i]!;
    }
    if (!this.writing) void this.drain();
    if (!full) return undefined;
    this.stallTimer ??= setTimeout(() => this.stalled(), this.options.stallTimeoutMs);
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Ends the response after everything queued, with `last` as its final bytes. */
  finish(last: string | undefined): void {
    if (this.writing) {
      this.idle = () => this.finish(last);
      return;
    }
    if (this.exchange.closed) return;
    const rest = this.chunks.slice(this.head);
    this.discard();
    if (rest.length === 0) return this.exchange.end(last);
    if (last !== undefined) rest.push(Buffer.from(last));
    this.exchange.end(rest.length === 1 ? rest[0] : Buffer.concat(rest));
  }

  /** Drops whatever has not been handed to the transport yet. */
  discard(): void {
    this.chunks = [];
    this.rows = [];
    this.head = 0;
    this.queuedBytes = 0;
    this.queuedRows = 0;
    this.wake();
  }

  private isFull(): boolean {
    return this.queuedBytes > this.options.maxQueuedBytes || this.queuedRows > this.options.maxQueuedRows;
  }

  private belowHalf(): boolean {
    return this.queuedBytes <= this.options.maxQueuedBytes / 2 && this.queuedRows <= this.options.maxQueuedRows / 2;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.head < this.chunks.length && !this.exchange.closed) {
      const { chunk, rows } = this.next();
      await this.exchange.write(chunk);
      this.written += chunk.length;
      this.queuedBytes -= chunk.length;
      this.queuedRows -= rows;
      if (this.waiters.length > 0 && this.belowHalf()) this.wake();
    }
    if (this.exchange.closed) this.discard();
    this.writing = false;
    const idle = this.idle;
    this.idle = undefined;
    idle?.();
  }

  /** The next write: one chunk, or small chunks joined up to one frame. */
  private next(): { chunk: Buffer; rows: number } {
    const { chunks } = this;
    const first = this.head++;
    const limit = this.exchange.maxChunkBytes;
    let size = chunks[first]!.length;
    let rows = this.rows[first]!;
    let end = this.head;
    if (this.options.coalesce) {
      while (end < chunks.length && size + chunks[end]!.length <= limit) {
        size += chunks[end]!.length;
        rows += this.rows[end++]!;
      }
    }
    const chunk = end === this.head ? chunks[first]! : Buffer.concat(chunks.slice(first, end), size);
    this.head = end;
    if (this.head === chunks.length) {
      this.chunks = [];
      this.rows = [];
      this.head = 0;
    }
    return { chunk, rows };
  }

  private stalled(): void {
    this.stallTimer = undefined;
    if (this.waiters.length === 0 || this.exchange.closed) return;
    this.onStall?.({ rows: this.queuedRows, bytes: this.queuedBytes });
  }

  private wake(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
