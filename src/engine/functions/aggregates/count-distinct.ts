/**
 * COUNT_DISTINCT: the approximate number of distinct non-NULL values, as ksqlDB computes it: a
 * HyperLogLog with 2^14 registers (stream-lib's HyperLogLog, log2m = 14) fed with stream-lib's
 * 32-bit MurmurHash2 of each value. Small groups therefore count exactly unless two values land
 * in one register. BIGINT; stream only (no undo); any argument type.
 *
 * Hash inputs follow `MurmurHash.hash(Object)`: INTEGER and BIGINT hash as a long, DOUBLE as its
 * raw IEEE bits, STRING as its UTF-8 bytes, anything else as the bytes of its text. For the types
 * whose Java text is awkward (BYTES prints as `java.nio.HeapByteBuffer[...]`, DATE/TIME/TIMESTAMP
 * in the JVM's zone) the content is hashed instead; only which register a value lands in differs.
 */
import { Decimal } from '../../../sql/decimal.js';
import { BIGINT, INTEGER, array, type SqlType } from '../../../sql/types.js';
import type { AggregateArg } from '../aggregate.js';
import { javaUtf8Bytes } from '../builtins/strings/java-charsets.js';
import { erase, noMatchingSignature, requireTyped, type KsqlAggregateFunctionDef, type KsqlAggregator } from './common.js';

const LOG2M = 14;
const M = 1 << LOG2M;
const ALPHA_MM = (0.7213 / (1 + 1.079 / M)) * M * M;
const POW_2_32 = 2 ** 32;
const MURMUR_M = 0x5bd1e995;

/** stream-lib `MurmurHash.hash(byte[] data, int length, int seed = -1)`. */
export function murmurHashBytes(data: Uint8Array): number {
  const length = data.length;
  let h = -1 ^ length;
  const len4 = length >> 2;
  for (let i = 0; i < len4; i++) {
    const i4 = i << 2;
    let k = (data[i4 + 3]! << 24) | (data[i4 + 2]! << 16) | (data[i4 + 1]! << 8) | data[i4]!;
    k = Math.imul(k, MURMUR_M);
    k ^= k >>> 24;
    k = Math.imul(k, MURMUR_M);
    h = Math.imul(h, MURMUR_M);
    h ^= k;
  }
  const left = length - (len4 << 2);
  if (left !== 0) {
    // Java sign-extends the tail bytes before shifting them in.
    if (left >= 3) h ^= ((data[length - 3]! << 24) >> 24) << 16;
    if (left >= 2) h ^= ((data[length - 2]! << 24) >> 24) << 8;
    h ^= (data[length - 1]! << 24) >> 24;
    h = Math.imul(h, MURMUR_M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, MURMUR_M);
  h ^= h >>> 15;
  return h | 0;
}

/** stream-lib `MurmurHash.hashLong(long)`. */
export function murmurHashLong(data: bigint): number {
  const low = Number(BigInt.asIntN(32, data));
  const high = Number(BigInt.asIntN(32, data >> 32n));
  let k = Math.imul(low, MURMUR_M);
  k ^= k >>> 24;
  let h = Math.imul(k, MURMUR_M);
  k = Math.imul(high, MURMUR_M);
  k ^= k >>> 24;
  h = Math.imul(h, MURMUR_M);
  h ^= Math.imul(k, MURMUR_M);
  h ^= h >>> 13;
  h = Math.imul(h, MURMUR_M);
  h ^= h >>> 15;
  return h | 0;
}

const doubleBits = new DataView(new ArrayBuffer(8));

function rawLongBits(x: number): bigint {
  doubleBits.setFloat64(0, x);
  return doubleBits.getBigInt64(0);
}

function hashText(s: string): number {
  return murmurHashBytes(javaUtf8Bytes(s));
}

/** Text for the types stream-lib hashes through `toString()` (approximated where Java's is odd). */
function valueText(v: unknown): string {
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${valueText(k)}=${valueText(x)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
  if (v !== null && typeof v === 'object') {
    return `Struct{${Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x != null)
      .map(([k, x]) => `${k}=${valueText(x)}`)
      .join(',')}}`;
  }
  return String(v);
}

/** The hash stream-lib's `HyperLogLog.offer(Object)` computes for a value of the given type. */
function hasherFor(type: SqlType): (v: unknown) => number {
  switch (type.kind) {
    case 'INTEGER':
      return (v) => murmurHashLong(BigInt(v as number));
    case 'BIGINT':
      return (v) => murmurHashLong(v as bigint);
    case 'DOUBLE':
      return (v) => murmurHashLong(rawLongBits(v as number));
    case 'STRING':
      return (v) => hashText(v as string);
    case 'BYTES':
      return (v) => murmurHashBytes(v as Uint8Array);
    default:
      return (v) => hashText(valueText(v));
  }
}

/** `HyperLogLog.offerHashed`: the register is the top 14 bits, the rank the leading zeros after them. */
function offer(registers: Uint8Array, hash: number): void {
  const j = hash >>> (32 - LOG2M);
  const r = Math.clz32((hash << LOG2M) | ((1 << (LOG2M - 1)) + 1)) + 1;
  if (r > registers[j]!) registers[j] = r;
}

/** `HyperLogLog.cardinality()`. */
export function hyperLogLogCardinality(registers: Uint8Array): bigint {
  let registerSum = 0;
  let zeros = 0;
  for (let j = 0; j < M; j++) {
    const val = registers[j]!;
    registerSum += 1 / 2 ** val;
    if (val === 0) zeros++;
  }
  const estimate = ALPHA_MM * (1 / registerSum);
  let result: number;
  if (estimate <= (5 / 2) * M) result = Math.round(M * Math.log(M / zeros));
  else if (estimate <= (1 / 30) * POW_2_32) result = Math.round(estimate);
  else result = Math.round(-POW_2_32 * Math.log(1 - estimate / POW_2_32));
  return BigInt(result);
}

function resolveCountDistinct(args: readonly AggregateArg[]): KsqlAggregator {
  if (args.length !== 1) throw noMatchingSignature('COUNT_DISTINCT', args);
  const hash = hasherFor(requireTyped('COUNT_DISTINCT', args, 0));
  return erase<Uint8Array>({
    returnType: BIGINT,
    intermediateType: array(INTEGER),
    columnArgs: 1,
    initial: () => new Uint8Array(M),
    add: (acc, values) => {
      const v = values[0];
      if (v != null) offer(acc, hash(v));
      return acc;
    },
    merge: (left, right) => {
      for (let j = 0; j < M; j++) if (right[j]! > left[j]!) left[j] = right[j]!;
      return left;
    },
    result: hyperLogLogCardinality,
  });
}

export const COUNT_DISTINCT: KsqlAggregateFunctionDef = {
  name: 'COUNT_DISTINCT',
  description:
    'The approximate number of distinct non-NULL values of a column in a group (HyperLogLog, about 1% standard error).',
  signatures: [{ args: 'col1 ANY', returns: 'BIGINT' }],
  resolve: resolveCountDistinct,
};
