/**
 * How PRINT shows raw bytes (ksqlDB's RecordFormatter, protocol spec §3.2): every candidate format
 * is tried on each record; one that fails is dropped for the rest of the PRINT, and the first one
 * still standing formats the record. Schema-registry formats (AVRO, PROTOBUF, JSON_SR) need a
 * registry header and are never candidates here.
 *
 * Keys have windowed candidates too: each format but UNRECOGNISED_BYTES is preceded by
 * SESSION(format), HOPPING(format) and TUMBLING(format), which read the bytes as Kafka Streams'
 * windowed deserializers do (see catalog/formats/windowed-key.ts) and print `[key@start/end]` for
 * sessions and `[key@start/-]` for time windows, whose end is not in the bytes. PRINT knows
 * nothing of the catalog, so, as in ksqlDB, a plain key of 9 bytes or more may read as
 * HOPPING(KAFKA_STRING) (confluentinc/ksql#5514).
 */
import { tryDecodeText } from '../catalog/formats/format.js';
import { decodeWindowedKeyExact, type WindowType } from '../catalog/formats/windowed-key.js';
import { formatJavaDouble } from '../codec/java-double.js';

interface PrintFormat {
  readonly name: string;
  /** The text, or undefined when these bytes are not in this format. */
  tryFormat(bytes: Uint8Array): string | undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Text for the JSON and KAFKA_STRING candidates: non-empty UTF-8 without U+FFFD (Java decodes bad bytes to it). */
function text(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  const s = tryDecodeText(bytes);
  return s === undefined || s.includes('\uFFFD') ? undefined : s;
}

const JSON_FORMAT: PrintFormat = {
  name: 'JSON',
  tryFormat(bytes) {
    const s = text(bytes);
    if (s === undefined || s.trim() === '') return undefined;
    try {
      JSON.parse(s);
      return s;
    } catch {
      return undefined;
    }
  },
};

const KAFKA_INT: PrintFormat = {
  name: 'KAFKA_INT',
  tryFormat: (b) => (b.length === 4 ? String(view(b).getInt32(0)) : undefined),
};

const KAFKA_BIGINT: PrintFormat = {
  name: 'KAFKA_BIGINT',
  tryFormat: (b) => (b.length === 8 ? String(view(b).getBigInt64(0)) : undefined),
};

const KAFKA_DOUBLE: PrintFormat = {
  name: 'KAFKA_DOUBLE',
  tryFormat: (b) => (b.length === 8 ? formatJavaDouble(view(b).getFloat64(0)) : undefined),
};

const KAFKA_STRING: PrintFormat = { name: 'KAFKA_STRING', tryFormat: text };

/** Kafka's Bytes#toString: printable ASCII except `\` as is, every other byte as \xHH. */
const UNRECOGNISED_BYTES: PrintFormat = {
  name: 'UNRECOGNISED_BYTES',
  tryFormat(bytes) {
    let out = '';
    for (const b of bytes) {
      out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
  },
};

/** RecordFormatter.Format, in its order. */
const FORMATS: readonly PrintFormat[] = [JSON_FORMAT, KAFKA_INT, KAFKA_BIGINT, KAFKA_DOUBLE, KAFKA_STRING, UNRECOGNISED_BYTES];

/** RecordFormatter.WindowSchema, in its order. */
const WINDOW_SCHEMAS: readonly WindowType[] = ['SESSION', 'HOPPING', 'TUMBLING'];

/**
 * RecordFormatter reads time windows with a 1 ms size: the end it implies is never printed.
 */
const PRINT_TIME_WINDOW_SIZE = 1;

/**
 * The windowed variant of a key format: Kafka's Session/TimeWindowedDeserializer around the inner
 * one. Empty bytes fail (the deserializer returns no Windowed key), as do windows Kafka cannot
 * construct (a negative start, a session ending before it starts).
 */
function windowed(type: WindowType, inner: PrintFormat): PrintFormat {
  return {
    name: `${type}(${inner.name})`,
    tryFormat(bytes) {
      if (bytes.length === 0) return undefined;
      let decoded: ReturnType<typeof decodeWindowedKeyExact>;
      try {
        decoded = decodeWindowedKeyExact(bytes, type, PRINT_TIME_WINDOW_SIZE);
      } catch {
        return undefined;
      }
      const key = inner.tryFormat(decoded.key);
      if (key === undefined) return undefined;
      return type === 'SESSION' ? `[${key}@${decoded.start}/${decoded.end}]` : `[${key}@${decoded.start}/-]`;
    },
  };
}

function keyCandidates(): PrintFormat[] {
  return FORMATS.flatMap((f) => (f === UNRECOGNISED_BYTES ? [f] : [...WINDOW_SCHEMAS.map((w) => windowed(w, f)), f]));
}

/** Tracks the formats still standing for one side (keys or values) of one PRINT. */
export class FormatEliminator {
  private candidates: PrintFormat[];
  private seenData = false;

  /** `keys`: the key side, whose candidates include the windowed variants. */
  constructor(options: { readonly keys?: boolean } = {}) {
    this.candidates = options.keys ? keyCandidates() : [...FORMATS];
  }

  /** The names of the formats still standing, UNRECOGNISED_BYTES aside (ksqlDB's "Key format: ..." line). */
  get possibleFormats(): string[] {
    return this.candidates.filter((f) => f !== UNRECOGNISED_BYTES).map((f) => f.name);
  }

  /** The format the next bytes would be shown in; undefined before any non-null bytes were seen. */
  get active(): string | undefined {
    return this.seenData ? this.candidates[0]?.name : undefined;
  }

  /** Whether the named format still stands. */
  stands(name: string | undefined): boolean {
    return name !== undefined && this.candidates.some((f) => f.name === name);
  }

  format(bytes: Uint8Array | null): string {
    if (bytes === null) return '<null>';
    this.seenData = true;
    let first: string | undefined;
    this.candidates = this.candidates.filter((f) => {
      const s = f.tryFormat(bytes);
      if (s !== undefined && first === undefined) first = s;
      return s !== undefined;
    });
    return first ?? '<Failed to deserialize>';
  }
}
