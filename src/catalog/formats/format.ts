/**
 * Serialization formats for record keys and values. A Serde is compiled once per source and
 * column list; `deserialize` yields the columns' values in order, or throws SerdeError for bytes
 * it cannot read (the record is then skipped and counted, never a crash).
 */
export type FormatName = 'JSON' | 'KAFKA' | 'DELIMITED' | 'NONE';

export const FORMAT_NAMES: readonly FormatName[] = ['JSON', 'KAFKA', 'DELIMITED', 'NONE'];

export interface Serde {
  /** Column values in order; `null` for null bytes (a tombstone value, or a null key). */
  deserialize(bytes: Uint8Array | null): unknown[] | null;
  /** Bytes for the column values; `null` values → null bytes. */
  serialize(values: readonly unknown[] | null): Uint8Array | null;
}

export class SerdeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SerdeError';
  }
}

export const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8. */
export function tryDecodeText(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new SerdeError('Invalid UTF-8');
  }
}
