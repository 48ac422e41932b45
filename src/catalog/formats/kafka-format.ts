/**
 * The KAFKA format: one primitive column in Kafka's own serializers' bytes. STRING is UTF-8,
 * INTEGER 4 and BIGINT 8 bytes big-endian, DOUBLE 8 bytes IEEE-754 big-endian, BYTES as is.
 */
import type { Column } from '../schema.js';
import { decodeText, SerdeError, type Serde } from './format.js';

export function kafkaSerde(columns: readonly Column[]): Serde {
  if (columns.length === 0) return { deserialize: () => [], serialize: () => null };
  const column = columns[0]!;
  const codec = primitiveCodec(column);
  return {
    deserialize(bytes) {
      if (bytes === null) return null;
      return [codec.read(bytes)];
    },
    serialize(values) {
      if (values === null || values[0] === null || values[0] === undefined) return null;
      return codec.write(values[0]);
    },
  };
}

interface PrimitiveCodec {
  read(bytes: Uint8Array): unknown;
  write(value: unknown): Uint8Array;
}

function fixed(size: number, bytes: Uint8Array, type: string): DataView {
  if (bytes.length !== size) throw new SerdeError(`Size of data received by ${type}Deserializer is not ${size}`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function primitiveCodec(column: Column): PrimitiveCodec {
  switch (column.type.kind) {
    case 'STRING':
      return { read: decodeText, write: (v) => Buffer.from(String(v), 'utf8') };
    case 'INTEGER':
      return {
        read: (b) => fixed(4, b, 'Integer').getInt32(0),
        write: (v) => {
          const out = Buffer.alloc(4);
          out.writeInt32BE(Number(v));
          return out;
        },
      };
    case 'BIGINT':
      return {
        read: (b) => fixed(8, b, 'Long').getBigInt64(0),
        write: (v) => {
          const out = Buffer.alloc(8);
          out.writeBigInt64BE(BigInt(v as bigint));
          return out;
        },
      };
    case 'DOUBLE':
      return {
        read: (b) => fixed(8, b, 'Double').getFloat64(0),
        write: (v) => {
          const out = Buffer.alloc(8);
          out.writeDoubleBE(Number(v));
          return out;
        },
      };
    case 'BYTES':
      return { read: (b) => Uint8Array.from(b), write: (v) => v as Uint8Array };
    default:
      throw new SerdeError(`The 'KAFKA' format does not support type '${column.type.kind}'`);
  }
}
