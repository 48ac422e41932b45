/**
 * Windowed record keys, laid out as Kafka Streams writes them to topics (the "pipe" serdes, not
 * the state-store layouts, which add a sequence number):
 *
 * - time windows (TUMBLING, HOPPING): the serialized key, then the window start as an 8-byte
 *   big-endian long (WindowKeySchema#toBinary, TimeWindowedSerializer). The end is not stored: a
 *   reader adds the window size it knows (WINDOW_SIZE, or the query's window) to the start,
 *   saturating as WindowKeySchema#timeWindowForSize does;
 * - session windows (SESSION): the serialized key, then the end, then the start, each an 8-byte
 *   big-endian long (SessionKeySchema#toBinary, SessionWindowedSerializer).
 *
 * Bounds are epoch milliseconds as JS numbers, exact within ±2^53 (any real timestamp).
 */
import { SerdeError } from './format.js';

export interface WindowBounds {
  readonly start: number;
  readonly end: number;
}

export type WindowType = 'TUMBLING' | 'HOPPING' | 'SESSION';

const TIMESTAMP_SIZE = 8;
const LONG_MAX = 2n ** 63n - 1n;

/**
 * The end of a time window whose size is unknown (and any bound past 2^53): Kafka's
 * TimeWindowedDeserializer defaults the size to Long.MAX_VALUE, so the end saturates there; this
 * is the largest JS number that still prints as an exact integer.
 */
export const UNBOUNDED_END = Number.MAX_SAFE_INTEGER;

/** Bytes of the window suffix for this window type. */
export function windowSuffixSize(type: WindowType): number {
  return type === 'SESSION' ? 2 * TIMESTAMP_SIZE : TIMESTAMP_SIZE;
}

/**
 * The key bytes followed by the window, as the type lays it out. A null key is written as no key
 * bytes (windowed sources always have a key column, so this only happens for a null key value).
 */
export function encodeWindowedKey(key: Uint8Array | null, window: WindowBounds, type: WindowType): Uint8Array {
  const keyBytes = key ?? new Uint8Array(0);
  const out = new Uint8Array(keyBytes.length + windowSuffixSize(type));
  out.set(keyBytes, 0);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  if (type === 'SESSION') {
    view.setBigInt64(keyBytes.length, toLong(window.end, 'end'));
    view.setBigInt64(keyBytes.length + TIMESTAMP_SIZE, toLong(window.start, 'start'));
  } else {
    view.setBigInt64(keyBytes.length, toLong(window.start, 'start'));
  }
  return out;
}

/**
 * Splits windowed key bytes into the key bytes (a view, not a copy) and the window. For time
 * windows the end is `start + windowSizeMs`; with no size known it is unbounded (see UNBOUNDED_END).
 * Throws SerdeError when the bytes are shorter than the window suffix, or hold a window Kafka's
 * Window constructors refuse (a negative start, an end before the start, a time window that ends
 * where it starts): Kafka Streams fails to deserialize such a key, so the record is skipped.
 */
export function decodeWindowedKey(
  bytes: Uint8Array,
  type: WindowType,
  windowSizeMs: number | undefined,
): { key: Uint8Array; window: WindowBounds } {
  const exact = decodeWindowedKeyExact(bytes, type, windowSizeMs);
  return { key: exact.key, window: { start: toMillis(exact.start), end: toMillis(exact.end) } };
}

/**
 * decodeWindowedKey with the bounds as the exact 64-bit longs Kafka reads (for PRINT, which shows
 * whatever the bytes hold); an unknown time-window size is Long.MAX_VALUE, as in Kafka's
 * TimeWindowedDeserializer, so the end saturates at Long.MAX_VALUE.
 */
export function decodeWindowedKeyExact(
  bytes: Uint8Array,
  type: WindowType,
  windowSizeMs: number | undefined,
): { key: Uint8Array; start: bigint; end: bigint } {
  const suffix = windowSuffixSize(type);
  if (bytes.length < suffix) {
    throw new SerdeError(`Windowed key of ${bytes.length} bytes is shorter than the ${suffix}-byte ${type} window suffix`);
  }
  const keyLength = bytes.length - suffix;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const key = bytes.subarray(0, keyLength);
  if (type === 'SESSION') {
    const end = view.getBigInt64(keyLength);
    const start = view.getBigInt64(keyLength + TIMESTAMP_SIZE);
    checkWindow(start, end, false);
    return { key, start, end };
  }
  const start = view.getBigInt64(keyLength);
  const size = windowSizeMs === undefined ? LONG_MAX : BigInt(Math.trunc(windowSizeMs));
  // WindowKeySchema#timeWindowForSize: an end past Long.MAX_VALUE saturates.
  const end = start + size > LONG_MAX ? LONG_MAX : start + size;
  checkWindow(start, end, true);
  return { key, start, end };
}

/** Kafka's Window and TimeWindow constructor checks, with their messages. */
function checkWindow(start: bigint, end: bigint, timeWindow: boolean): void {
  if (start < 0n) throw new SerdeError('Window startMs time cannot be negative.');
  if (end < start) throw new SerdeError('Window endMs time cannot be smaller than window startMs time.');
  if (timeWindow && end === start) throw new SerdeError('Window endMs must be greater than window startMs.');
}

/** A bound as a JS number; past 2^53 (only an unbounded end, in practice) it is UNBOUNDED_END. */
function toMillis(ms: bigint): number {
  return ms > BigInt(UNBOUNDED_END) ? UNBOUNDED_END : Number(ms);
}

function toLong(ms: number, name: string): bigint {
  if (!Number.isSafeInteger(ms)) throw new SerdeError(`Window ${name} must be an integer number of milliseconds: ${ms}`);
  return BigInt(ms);
}
