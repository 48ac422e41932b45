/**
 * Kafka's default partitioner, so that a keyed record lands on the partition a Java producer
 * would have chosen (the conformance suite's RQTT cases rely on it).
 *
 * Keyed records: `toPositive(murmur2(keyBytes)) % partitions`, as in Kafka's
 * `BuiltInPartitioner.partitionForKey` (formerly `DefaultPartitioner`). An empty key is a key
 * (it hashes to 0x106e08d9); only a null key is keyless.
 *
 * Keyless records: Kafka's producer uses the sticky partitioner (one partition per batch, switched
 * when a batch is full). We have no producer batches, so we deal keyless records round-robin per
 * topic instead: the same even spread over time, deterministic, and cheap. Kafka makes no promise
 * about where a keyless record goes, so neither do we beyond "some valid partition".
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/**
 * `org.apache.kafka.common.utils.Utils.murmur2`: 32-bit MurmurHash2 with Kafka's seed, returned as
 * a signed 32-bit integer exactly like the Java `int`.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i << 2;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  // Java's `switch (length % 4)` with fall-through from case 3 to 2 to 1; written as ifs because
  // the project compiles with noFallthroughCasesInSwitch.
  const tail = length & ~3;
  const rem = length & 3;
  if (rem >= 3) h ^= data[tail + 2]! << 16;
  if (rem >= 2) h ^= data[tail + 1]! << 8;
  if (rem >= 1) {
    h ^= data[tail]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** `Utils.toPositive`: clears the sign bit (not Math.abs, which would fold -n onto n). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition Kafka's default partitioner gives a record with these key bytes. */
export function partitionForKey(keyBytes: Uint8Array, partitions: number): number {
  return toPositive(murmur2(keyBytes)) % partitions;
}

/**
 * Chooses partitions for one topic: murmur2 for keyed records, round-robin for keyless ones (see
 * the file comment). Holds the round-robin counter, so use one instance per topic.
 */
export class DefaultPartitioner {
  private next = 0;

  constructor(readonly partitions: number) {
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new RangeError(`Partition count must be a positive integer, got ${partitions}`);
    }
  }

  partition(key: Uint8Array | null): number {
    if (key !== null) return partitionForKey(key, this.partitions);
    const p = this.next;
    this.next = p + 1 === this.partitions ? 0 : p + 1;
    return p;
  }
}
