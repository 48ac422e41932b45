/**
 * How PRINT shows raw bytes (ksqlDB's RecordFormatter, protocol spec §3.2): every candidate format
 * is tried on each record; one that fails is dropped for the rest of the PRINT, and the first one
 * still standing formats the record. Schema-registry formats (AVRO, PROTOBUF, JSON_SR) need a
 * registry header and are never candidates here.
 */
import { tryDecodeText as text } from '../catalog/formats/format.js';

interface PrintFormat {
  readonly name: string;
  /** The text, or undefined when these bytes are not in this format. */
  tryFormat(bytes: Uint8Array): string | undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const JSON_FORMAT: PrintFormat = {
  name: 'JSON',
  tryFormat(bytes) {
    const s = text(bytes);
    if (s === undefined || s.trim() === '' || s.includes('\uFFFD')) return undefined;
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
  tryFormat: (b) => (b.length === 8 ? javaDoubleText(view(b).getFloat64(0)) : undefined),
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

function javaDoubleText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return Number.isInteger(x) && Math.abs(x) < 1e7 ? `${x}.0` : String(x);
}

/** Tracks the formats still standing for one side (keys or values) of one PRINT. */
export class FormatEliminator {
  private candidates: PrintFormat[] = [JSON_FORMAT, KAFKA_INT, KAFKA_BIGINT, KAFKA_DOUBLE, KAFKA_STRING, UNRECOGNISED_BYTES];

  format(bytes: Uint8Array | null): string {
    if (bytes === null) return '<null>';
    let first: string | undefined;
    this.candidates = this.candidates.filter((f) => {
      const s = f.tryFormat(bytes);
      if (s !== undefined && first === undefined) first = s;
      return s !== undefined;
    });
    return first ?? '';
  }
}
