import type { StoredRecord } from '../topic-log.js';

/**
 * Records per chunk. Chunk k holds the absolute offsets [k*CHUNK, (k+1)*CHUNK), so finding an
 * offset is one division, and retention frees a whole chunk at a time instead of shifting a huge
 * array. The last chunk grows by push, so a partition with a handful of records stays small.
 */
export const CHUNK = 1024;

interface Chunk {
  /** Slots below the start offset are cleared to undefined so that dropped records can be freed. */
  readonly records: (StoredRecord | undefined)[];
  /** The topic-wide append sequence of each record: the key for cross-partition order. */
  readonly seqs: number[];
  /** Bytes each record counts for retention. */
  readonly sizes: number[];
}

/**
 * One partition's records in memory: a deque of fixed-capacity chunks. Appending and dropping the
 * oldest record are O(1) amortized; reading an offset is O(1).
 */
export class PartitionLog {
  private chunks: (Chunk | undefined)[] = [];
  /** Index in `chunks` of the chunk holding `start`. */
  private head = 0;
  /** Absolute chunk number of `chunks[head]`. */
  private headChunkNo = 0;
  /** First offset still kept. */
  start = 0;
  /** Next offset to be written. */
  end = 0;
  /** Bytes of the records kept. */
  bytes = 0;

  get count(): number {
    return this.end - this.start;
  }

  /** Stores a record at offset `end` (the caller built it with that offset). */
  push(record: StoredRecord, seq: number, size: number): void {
    const chunkNo = Math.floor(this.end / CHUNK);
    let chunk = this.chunks[this.head + chunkNo - this.headChunkNo];
    if (chunk === undefined) {
      if (this.end === this.start && this.chunks.length === this.head) {
        // Empty log whose chunks were all released: restart the deque at the current offset.
        this.chunks = [];
        this.head = 0;
        this.headChunkNo = chunkNo;
      }
      chunk = { records: [], seqs: [], sizes: [] };
      this.chunks.push(chunk);
    }
    chunk.records.push(record);
    chunk.seqs.push(seq);
    chunk.sizes.push(size);
    this.end++;
    this.bytes += size;
  }

  /** Drops the oldest record. */
  dropOldest(): void {
    if (this.start === this.end) return;
    const chunk = this.chunks[this.head]!;
    const slot = this.start % CHUNK;
    this.bytes -= chunk.sizes[slot]!;
    chunk.records[slot] = undefined;
    this.start++;
    if (slot === CHUNK - 1) {
      this.chunks[this.head] = undefined;
      this.head++;
      this.headChunkNo++;
      // Compact the chunk index once most of it is released slots.
      if (this.head >= 64 && this.head * 2 >= this.chunks.length) {
        this.chunks = this.chunks.slice(this.head);
        this.head = 0;
      }
    }
  }

  /** The chunk holding `offset`, which must be in [start, end). */
  private chunkAt(offset: number): Chunk {
    return this.chunks[this.head + Math.floor(offset / CHUNK) - this.headChunkNo]!;
  }

  /** Append sequence of the record at `offset`, in [start, end). */
  seqAt(offset: number): number {
    return this.chunkAt(offset).seqs[offset % CHUNK]!;
  }

  /**
   * Copies records from `offset` (in [start, end]) into `out` while their sequence is below
   * `seqBound` and `out` is shorter than `limit`; returns the next offset.
   */
  copyRun(offset: number, seqBound: number, limit: number, out: StoredRecord[]): number {
    while (offset < this.end && out.length < limit) {
      const chunk = this.chunkAt(offset);
      const chunkEnd = Math.min(this.end, (Math.floor(offset / CHUNK) + 1) * CHUNK);
      let slot = offset % CHUNK;
      const { records, seqs } = chunk;
      while (offset < chunkEnd && out.length < limit) {
        if (seqs[slot]! >= seqBound) return offset;
        out.push(records[slot]!);
        slot++;
        offset++;
      }
    }
    return offset;
  }

  /** Releases every chunk. */
  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.headChunkNo = Math.floor(this.end / CHUNK);
    this.start = this.end;
    this.bytes = 0;
  }
}
