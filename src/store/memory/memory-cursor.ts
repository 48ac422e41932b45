import type { Cursor, RecordPosition, StoredRecord } from '../topic-log.js';
import type { PartitionLog } from './partition-log.js';

/** What a cursor needs from its topic: the partitions and the waiter list. */
export interface CursorSource {
  readonly partitionLogs: readonly PartitionLog[];
  readonly deleted: boolean;
  addWaiter(cursor: MemoryCursor): void;
  removeWaiter(cursor: MemoryCursor): void;
}

const EMPTY: StoredRecord[] = [];
const RESOLVED = Promise.resolve();

// `new Promise(captureResolve)` hands the resolve function back through this slot, so that a wait
// allocates no executor closure of its own.
let captured: (() => void) | undefined;
function captureResolve(resolve: () => void): void {
  captured = resolve;
}

/**
 * A cursor over every partition of one in-memory topic.
 *
 * Memory: the cursor holds its source, one number per partition and, only while someone waits on
 * it, one promise with its resolve function. The topic does not keep a list of its cursors (an
 * abandoned cursor is simply garbage); `closed` also reads the topic's `deleted` flag. Only
 * waiting cursors are registered with the topic, in an array, and `waiterIndex` makes removal
 * O(1) by swapping with the last entry.
 */
export class MemoryCursor implements Cursor {
  /** Next offset per partition; may be below the partition's start after retention. */
  private readonly next: number[];
  private isClosed = false;
  private waiting: Promise<void> | undefined = undefined;
  private wake: (() => void) | undefined = undefined;
  /** Position in the source's waiter array, or -1. */
  waiterIndex = -1;

  constructor(
    private readonly source: CursorSource,
    next: number[],
  ) {
    this.next = next;
  }

  get closed(): boolean {
    return this.isClosed || this.source.deleted;
  }

  poll(maxRecords: number): Promise<StoredRecord[]> {
    if (this.closed || !(maxRecords >= 1)) return Promise.resolve(EMPTY.slice());
    return Promise.resolve(this.take(Math.floor(maxRecords)));
  }

  /**
   * Up to `limit` records in append order: a k-way merge on the append sequence that copies whole
   * runs from one partition (every record below the next-smallest head of another partition).
   */
  private take(limit: number): StoredRecord[] {
    const logs = this.source.partitionLogs;
    const next = this.next;
    const out: StoredRecord[] = [];
    for (let p = 0; p < logs.length; p++) {
      if (next[p]! < logs[p]!.start) next[p] = logs[p]!.start; // fell behind retention
    }
    if (logs.length === 1) {
      next[0] = logs[0]!.copyRun(next[0]!, Infinity, limit, out);
      return out;
    }
    while (out.length < limit) {
      let best = -1;
      let bestSeq = Infinity;
      let secondSeq = Infinity;
      for (let p = 0; p < logs.length; p++) {
        const log = logs[p]!;
        const offset = next[p]!;
        if (offset >= log.end) continue;
        const seq = log.seqAt(offset);
        if (seq < bestSeq) {
          secondSeq = bestSeq;
          bestSeq = seq;
          best = p;
        } else if (seq < secondSeq) {
          secondSeq = seq;
        }
      }
      if (best < 0) break;
      next[best] = logs[best]!.copyRun(next[best]!, secondSeq, limit, out);
    }
    return out;
  }

  /** True when a poll would return at least one record. */
  private hasData(): boolean {
    const logs = this.source.partitionLogs;
    for (let p = 0; p < logs.length; p++) {
      if (this.next[p]! < logs[p]!.end) return true;
    }
    return false;
  }

  wait(): Promise<void> {
    if (this.waiting !== undefined) return this.waiting;
    if (this.closed || this.hasData()) return RESOLVED;
    const promise = new Promise<void>(captureResolve);
    this.wake = captured;
    captured = undefined;
    this.waiting = promise;
    this.source.addWaiter(this);
    return promise;
  }

  /** Called by the topic (after it removed this cursor from its waiters) or by close(). */
  notify(): void {
    const wake = this.wake;
    this.waiting = undefined;
    this.wake = undefined;
    if (wake !== undefined) wake();
  }

  positions(): RecordPosition[] {
    const logs = this.source.partitionLogs;
    const out: RecordPosition[] = [];
    for (let p = 0; p < logs.length; p++) {
      out.push({ partition: p, offset: Math.max(this.next[p]!, logs[p]!.start) });
    }
    return out;
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.waiterIndex >= 0) this.source.removeWaiter(this);
    this.notify();
  }
}
