import type { RecordHeader, StoredRecord } from '../topic-log.js';
import { CHUNK, RecordChunk } from './record-chunk.js';

/**
 * One partition's records in memory: a deque of chunks (./record-chunk.ts). Chunk k holds the
 * absolute offsets [k*CHUNK, (k+1)*CHUNK), so finding an offset is one division, and retention
 * frees a whole chunk at a time instead of shifting a huge array. Appending and dropping the
 * oldest record are O(1) amortized; reading an offset is O(1).
 */
export class PartitionLog {
  private chunks: (RecordChunk | undefined)[] = [];
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

  constructor(readonly partition: number) {}

  get count(): number {
    return this.end - this.start;
  }

  /** Stores a record at offset `end`. */
  append(key: Uint8Array | null, value: Uint8Array | null, timestamp: number, headers: readonly RecordHeader[], seq: number, size: number): void {
    const chunkNo = Math.floor(this.end / CHUNK);
    let chunk = this.chunks[this.head + chunkNo - this.headChunkNo];
    if (chunk === undefined) {
      if (this.end === this.start && this.chunks.length === this.head) {
        // Empty log whose chunks were all released: restart the deque at the current offset.
        this.chunks = [];
        this.head = 0;
        this.headChunkNo = chunkNo;
      }
      chunk = new RecordChunk(chunkNo * CHUNK, this.chunks[this.chunks.length - 1]);
      this.chunks.push(chunk);
    }
    chunk.add(key, value, timestamp, headers, seq, size);
    this.end++;
    this.bytes += size;
  }

  /** Drops the oldest record; its chunk goes once its last record is dropped. */
  dropOldest(): void {
    if (this.start === this.end) return;
    const chunk = this.chunks[this.head]!;
    const slot = this.start % CHUNK;
    this.bytes -= chunk.sizes[slot]!;
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
  private chunkAt(offset: number): RecordChunk {
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
      const chunkEnd = Math.min(this.end, chunk.firstOffset + CHUNK);
      const seqs = chunk.seqs;
      let slot = offset - chunk.firstOffset;
      while (offset < chunkEnd && out.length < limit) {
        if (seqs[slot]! >= seqBound) return offset;
        out.push(chunk.record(slot, this.partition));
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
