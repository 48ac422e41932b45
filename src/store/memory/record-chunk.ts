import type { RecordHeader, StoredRecord } from '../topic-log.js';

/** Records per chunk: chunk k of a partition holds the offsets [k*CHUNK, (k+1)*CHUNK). */
export const CHUNK = 1024;

/**
 * Keys and values at least this long keep the array they came in; shorter ones are copied into
 * the chunk's slab. A chunk's slab is thus at most CHUNK × this, which bounds what a partly
 * dropped chunk holds on to after retention moved past some of its records.
 */
export const OWN_ARRAY_BYTES = 4096;

/** `keyAt` / `valueAt` for a null key or value. */
const NULL = -1;
/** `keyAt` / `valueAt` for bytes kept in their own array (`own`). */
const OWN = -2;

const FIRST_CAPACITY = 16;
const FIRST_SLAB_BYTES = 1024;
/** The headers of every record that has none. */
export const NO_HEADERS: readonly RecordHeader[] = Object.freeze([]);

/**
 * Up to CHUNK consecutive records of one partition, stored without an object per record: the key
 * and value bytes side by side in one slab, everything else in typed arrays. A record object is
 * made only when a reader asks for it, with views into the slab. Millions of stored records are
 * then a few thousand objects to the garbage collector instead of three each, so collections
 * stay cheap however much a topic holds (bench/README.md, "Stored records").
 *
 * Capacity starts small and doubles up to CHUNK, so a partition with a handful of records stays
 * small. The slab grows by copying; views handed out earlier keep the old copy, whose bytes are
 * the same (nothing stored is ever overwritten).
 */
export class RecordChunk {
  count = 0;
  private capacity: number;
  /** The topic-wide append sequence of each record: the key for cross-partition order. */
  seqs: Float64Array;
  /** Bytes each record counts for retention. */
  sizes: Float64Array;
  private timestamps: Float64Array;
  private keyAt: Int32Array;
  private keyLength: Int32Array;
  private valueAt: Int32Array;
  private valueLength: Int32Array;
  private slab: Buffer;
  private used = 0;
  /** Headers by slot, only once a record has any. */
  private headers: (readonly RecordHeader[] | undefined)[] | undefined;
  /** Large keys (slot * 2) and values (slot * 2 + 1) kept as given. */
  private own: Map<number, Uint8Array> | undefined;

  /**
   * `previous`: the chunk before this one in the partition, if any. A partition that filled a
   * chunk is likely to fill the next, which then starts at full capacity and at that chunk's
   * slab size instead of growing there step by step.
   */
  constructor(
    readonly firstOffset: number,
    previous?: RecordChunk,
  ) {
    const capacity = previous?.full ? CHUNK : FIRST_CAPACITY;
    this.capacity = capacity;
    this.seqs = new Float64Array(capacity);
    this.sizes = new Float64Array(capacity);
    this.timestamps = new Float64Array(capacity);
    this.keyAt = new Int32Array(capacity);
    this.keyLength = new Int32Array(capacity);
    this.valueAt = new Int32Array(capacity);
    this.valueLength = new Int32Array(capacity);
    this.slab = Buffer.allocUnsafeSlow(Math.max(FIRST_SLAB_BYTES, previous?.full ? previous.used : 0));
  }

  get full(): boolean {
    return this.count === CHUNK;
  }

  add(key: Uint8Array | null, value: Uint8Array | null, timestamp: number, headers: readonly RecordHeader[], seq: number, size: number): void {
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    this.seqs[slot] = seq;
    this.sizes[slot] = size;
    this.timestamps[slot] = timestamp;
    this.keyAt[slot] = this.keep(key, slot * 2);
    this.keyLength[slot] = key === null ? 0 : key.length;
    this.valueAt[slot] = this.keep(value, slot * 2 + 1);
    this.valueLength[slot] = value === null ? 0 : value.length;
    if (headers.length > 0) (this.headers ??= [])[slot] = headers;
    if (this.count === CHUNK) this.trimSlab();
  }

  /** The record in `slot`, as readers see it. */
  record(slot: number, partition: number): StoredRecord {
    return {
      key: this.bytes(this.keyAt[slot]!, this.keyLength[slot]!, slot * 2),
      value: this.bytes(this.valueAt[slot]!, this.valueLength[slot]!, slot * 2 + 1),
      timestamp: this.timestamps[slot]!,
      headers: this.headers?.[slot] ?? NO_HEADERS,
      partition,
      offset: this.firstOffset + slot,
    };
  }

  private keep(bytes: Uint8Array | null, ownKey: number): number {
    if (bytes === null) return NULL;
    if (bytes.length >= OWN_ARRAY_BYTES) {
      (this.own ??= new Map()).set(ownKey, bytes);
      return OWN;
    }
    const at = this.used;
    if (at + bytes.length > this.slab.length) this.growSlab(at + bytes.length);
    this.slab.set(bytes, at);
    this.used = at + bytes.length;
    return at;
  }

  private bytes(at: number, length: number, ownKey: number): Uint8Array | null {
    if (at === NULL) return null;
    if (at === OWN) return this.own!.get(ownKey)!;
    // A plain Uint8Array view: a third of the cost of a Buffer one (subarray), and all the
    // store promises (StoredRecord's key and value are Uint8Arrays).
    return new Uint8Array(this.slab.buffer, this.slab.byteOffset + at, length);
  }

  private grow(): void {
    const capacity = Math.min(CHUNK, this.capacity * 2);
    this.seqs = widen(this.seqs, new Float64Array(capacity));
    this.sizes = widen(this.sizes, new Float64Array(capacity));
    this.timestamps = widen(this.timestamps, new Float64Array(capacity));
    this.keyAt = widen(this.keyAt, new Int32Array(capacity));
    this.keyLength = widen(this.keyLength, new Int32Array(capacity));
    this.valueAt = widen(this.valueAt, new Int32Array(capacity));
    this.valueLength = widen(this.valueLength, new Int32Array(capacity));
    this.capacity = capacity;
  }

  private growSlab(needed: number): void {
    let size = this.slab.length * 2;
    while (size < needed) size *= 2;
    const slab = Buffer.allocUnsafeSlow(size);
    this.slab.copy(slab, 0, 0, this.used);
    this.slab = slab;
  }

  /** A full chunk keeps a slab of exactly its bytes. */
  private trimSlab(): void {
    if (this.used === this.slab.length) return;
    const slab = Buffer.allocUnsafeSlow(this.used);
    this.slab.copy(slab, 0, 0, this.used);
    this.slab = slab;
  }
}

function widen<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
