/**
 * The bytes of one query response on their way out. One write is in flight at a time and each
 * holds whole lines within one DATA frame (the peer's SETTINGS_MAX_FRAME_SIZE, RFC 9113 §4.2):
 * the `ksqldb-client` npm package parses every DATA frame on its own, so a line must never be
 * split across frames. Rows that trickle in leave one frame each; rows that became ready while a
 * write was in flight leave together in as few frames as fit (coalescing, on by default; off,
 * every row is its own write).
 *
 * Memory is bounded: once more than `highWaterBytes` are queued, the next push() returns a
 * promise that resolves when the queue is back under half of that, or the client is gone. Chunks are shared
 * between the responses of a shared query, so queued bytes cost memory once, not per response.
 */
import type { Exchange } from '../../transport/exchange.js';

export interface OutputOptions {
  /** Join rows that are ready together into one write (one DATA frame at most). */
  readonly coalesce: boolean;
  /** Bytes queued per response before its query is held back. */
  readonly highWaterBytes: number;
}

export const DEFAULT_OUTPUT_OPTIONS: OutputOptions = { coalesce: true, highWaterBytes: 4 * 1024 * 1024 };

export class OutputQueue {
  private chunks: Buffer[] = [];
  private head = 0;
  private queuedBytes = 0;
  private writing = false;
  private waiters: (() => void)[] = [];
  private idle: (() => void) | undefined;

  constructor(
    private readonly exchange: Exchange,
    private readonly options: OutputOptions,
    /**
     * Bytes to gather before the first write. A pull query's answer is usually small and ready
     * at once: gathered, it leaves with the end of the stream in one write.
     */
    private gatherBytes = 0,
  ) {}

  /** Queues chunks of whole lines; a promise back means the queue is full until it resolves. */
  push(chunks: readonly Buffer[]): Promise<void> | undefined {
    if (this.exchange.closed) return undefined;
    // Full means already over the mark before this batch: a batch larger than the mark alone
    // does not hold a query back, and the queue stays within the mark plus one batch.
    const full = this.queuedBytes > this.options.highWaterBytes;
    for (const chunk of chunks) {
      this.chunks.push(chunk);
      this.queuedBytes += chunk.length;
    }
    if (!this.writing && this.queuedBytes >= this.gatherBytes) void this.drain();
    if (!full) return undefined;
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

  private async drain(): Promise<void> {
    this.writing = true;
    this.gatherBytes = 0;
    while (this.head < this.chunks.length && !this.exchange.closed) {
      const chunk = this.next();
      await this.exchange.write(chunk);
      this.queuedBytes -= chunk.length;
      if (this.waiters.length > 0 && this.queuedBytes <= this.options.highWaterBytes / 2) this.wake();
    }
    if (this.exchange.closed) this.discard();
    this.writing = false;
    const idle = this.idle;
    this.idle = undefined;
    idle?.();
  }

  /** The next write: one chunk, or small chunks joined up to one frame. */
  private next(): Buffer {
    const chunks = this.chunks;
    const first = chunks[this.head++]!;
    const limit = this.exchange.maxChunkBytes;
    let size = first.length;
    let end = this.head;
    if (this.options.coalesce) while (end < chunks.length && size + chunks[end]!.length <= limit) size += chunks[end++]!.length;
    const out = end === this.head ? first : Buffer.concat([first, ...chunks.slice(this.head, end)], size);
    this.head = end;
    if (this.head === chunks.length) {
      this.chunks = [];
      this.head = 0;
    }
    return out;
  }

  private discard(): void {
    this.chunks = [];
    this.head = 0;
    this.queuedBytes = 0;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
