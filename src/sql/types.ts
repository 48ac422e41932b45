/**
 * ksqlDB's SQL types and how they print.
 *
 * Runtime values are untagged; the column's type says how to read them:
 *   BOOLEAN boolean · INTEGER number (int32) · BIGINT bigint · DOUBLE number
 *   DECIMAL Decimal (src/sql/decimal.ts) · STRING string · BYTES Uint8Array
 *   TIMESTAMP number (epoch ms) · DATE number (days since epoch) · TIME number (ms of day)
 *   ARRAY unknown[] · MAP Map<key, value> · STRUCT Record<fieldName, value>
 *   SQL NULL is `null` for every type.
 */

export type PrimitiveKind =
  | 'BOOLEAN'
  | 'INTEGER'
  | 'BIGINT'
  | 'DOUBLE'
  | 'STRING'
  | 'BYTES'
  | 'TIMESTAMP'
  | 'DATE'
  | 'TIME';

export interface PrimitiveType {
  readonly kind: PrimitiveKind;
}
export interface DecimalType {
  readonly kind: 'DECIMAL';
  readonly precision: number;
  readonly scale: number;
}
export interface ArrayType {
  readonly kind: 'ARRAY';
  readonly element: SqlType;
}
export interface MapType {
  readonly kind: 'MAP';
  readonly key: SqlType;
  readonly value: SqlType;
}
export interface StructField {
  readonly name: string;
  readonly type: SqlType;
}
export interface StructType {
  readonly kind: 'STRUCT';
  readonly fields: readonly StructField[];
}

export type SqlType = PrimitiveType | DecimalType | ArrayType | MapType | StructType;
export type TypeKind = SqlType['kind'];

const primitives = new Map<PrimitiveKind, PrimitiveType>();
/** Shared instances of the parameterless types, so they can be compared by identity when convenient. */
export function primitive(kind: PrimitiveKind): PrimitiveType {
  let t = primitives.get(kind);
  if (!t) {
    t = Object.freeze({ kind });
    primitives.set(kind, t);
  }
  return t;
}

export const BOOLEAN = primitive('BOOLEAN');
export const INTEGER = primitive('INTEGER');
export const BIGINT = primitive('BIGINT');
export const DOUBLE = primitive('DOUBLE');
export const STRING = primitive('STRING');
export const BYTES = primitive('BYTES');
export const TIMESTAMP = primitive('TIMESTAMP');
export const DATE = primitive('DATE');
export const TIME = primitive('TIME');

export function decimal(precision: number, scale: number): DecimalType {
  return { kind: 'DECIMAL', precision, scale };
}
export function array(element: SqlType): ArrayType {
  return { kind: 'ARRAY', element };
}
export function map(key: SqlType, value: SqlType): MapType {
  return { kind: 'MAP', key, value };
}
export function struct(fields: readonly StructField[]): StructType {
  return { kind: 'STRUCT', fields };
}

/**
 * The type as ksqlDB prints it in `columnTypes` and schemas (SqlType#toString):
 * `DECIMAL(4, 2)`, `ARRAY<STRING>`, `MAP<STRING, INTEGER>`, ``STRUCT<`F1` STRING>``.
 */
export function typeToString(type: SqlType): string {
  switch (type.kind) {
    case 'DECIMAL':
      return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'ARRAY':
      return `ARRAY<${typeToString(type.element)}>`;
    case 'MAP':
      return `MAP<${typeToString(type.key)}, ${typeToString(type.value)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields.map((f) => `\`${f.name}\` ${typeToString(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}

export function typesEqual(a: SqlType, b: SqlType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'DECIMAL':
      return a.precision === (b as DecimalType).precision && a.scale === (b as DecimalType).scale;
    case 'ARRAY':
      return typesEqual(a.element, (b as ArrayType).element);
    case 'MAP':
      return typesEqual(a.key, (b as MapType).key) && typesEqual(a.value, (b as MapType).value);
    case 'STRUCT': {
      const bf = (b as StructType).fields;
      return (
        a.fields.length === bf.length &&
        a.fields.every((f, i) => f.name === bf[i]!.name && typesEqual(f.type, bf[i]!.type))
      );
    }
    default:
      return true;
  }
}

export function isNumeric(type: SqlType): boolean {
  return type.kind === 'INTEGER' || type.kind === 'BIGINT' || type.kind === 'DOUBLE' || type.kind === 'DECIMAL';
}
