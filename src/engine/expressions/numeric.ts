/**
 * Numeric promotion and Java arithmetic (ksqlDB: INTEGER → BIGINT → DECIMAL → DOUBLE).
 * INTEGER is a JS number kept in 32 bits, BIGINT a bigint kept in 64 bits (Java overflow wraps),
 * DOUBLE a number, DECIMAL a Decimal.
 */
import { Decimal } from '../../sql/decimal.js';
import { BIGINT, DOUBLE, INTEGER, decimal, type SqlType } from '../../sql/types.js';

const RANK: Record<string, number> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };

export function numericRank(type: SqlType): number | undefined {
  return RANK[type.kind];
}

/** The DECIMAL that holds every value of an integral type (ksqlDB's DecimalUtil#toSqlDecimal). */
export function asDecimalType(type: SqlType): SqlType & { kind: 'DECIMAL' } {
  if (type.kind === 'DECIMAL') return type;
  if (type.kind === 'INTEGER') return decimal(10, 0);
  return decimal(19, 0);
}

/** The wider of two numeric types. */
export function widerNumeric(a: SqlType, b: SqlType): SqlType {
  const ra = numericRank(a)!;
  const rb = numericRank(b)!;
  if (ra === 3 || rb === 3) return DOUBLE;
  if (ra === 2 || rb === 2) {
    const da = asDecimalType(a);
    const db = asDecimalType(b);
    const scale = Math.max(da.scale, db.scale);
    const intDigits = Math.max(da.precision - da.scale, db.precision - db.scale);
    return decimal(Math.min(38, intDigits + scale), scale);
  }
  return ra === 1 || rb === 1 ? BIGINT : INTEGER;
}

/** Converts a value of numeric type `from` into the representation of numeric type `to`. */
export function converter(from: SqlType, to: SqlType): (v: unknown) => unknown {
  if (from.kind === to.kind && from.kind !== 'DECIMAL') return (v) => v;
  switch (to.kind) {
    case 'BIGINT':
      return (v) => BigInt(v as number);
    case 'DOUBLE':
      return from.kind === 'DECIMAL' ? (v) => (v as Decimal).toNumber() : (v) => Number(v);
    case 'DECIMAL':
      return (v) => (v instanceof Decimal ? v : Decimal.parse(String(v)));
    default:
      return (v) => v;
  }
}

/** -1, 0 or 1 for two values already converted to the same numeric type. */
export function compareNumeric(kind: string): (a: unknown, b: unknown) => number {
  if (kind === 'DECIMAL') return (a, b) => (a as Decimal).compareValue(b as Decimal);
  return (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
}
