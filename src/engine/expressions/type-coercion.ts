/**
 * Which SQL type can stand in for another, as ksqlDB's DefaultSqlValueCoercer decides it for the
 * items of a constructor (and IN lists): canCoerce(from, to) is the type able to hold values of
 * both, or undefined.
 *
 * Strict (for expressions): a type to itself; INTEGER → BIGINT; INTEGER, BIGINT and DECIMAL to a
 * DECIMAL wide enough for both (DECIMAL(10, 0) and DECIMAL(19, 0) standing for INTEGER and
 * BIGINT) or to DOUBLE; STRING → TIMESTAMP, TIME, DATE or BYTES; ARRAY and MAP element by
 * element; STRUCT to the union of both field lists (the `from` fields first), shared fields
 * coerced. Lax (for literals) adds: any number, BOOLEAN or temporal value → STRING, and STRING →
 * BOOLEAN or any number.
 */
import { DOUBLE, array, map, struct, type SqlType, type StructField, type StructType } from '../../sql/types.js';
import { widerNumeric } from './numeric.js';

export type CoercionMode = 'strict' | 'lax';

const NUMBERS = new Set(['INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE']);
const SAME_ONLY = new Set(['BOOLEAN', 'STRING', 'DOUBLE', 'TIMESTAMP', 'TIME', 'DATE', 'BYTES']);
const FROM_STRING = new Set(['TIMESTAMP', 'TIME', 'DATE', 'BYTES']);
const LAX_TO_STRING = new Set(['BOOLEAN', 'INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE', 'TIMESTAMP', 'TIME', 'DATE']);

export function canCoerce(from: SqlType, to: SqlType, mode: CoercionMode): SqlType | undefined {
  if (from.kind === to.kind && SAME_ONLY.has(from.kind)) return to;
  if (NUMBERS.has(from.kind) && NUMBERS.has(to.kind)) return numberTo(from, to);
  if (from.kind === 'STRING' && FROM_STRING.has(to.kind)) return to;
  if (mode === 'lax' && to.kind === 'STRING' && LAX_TO_STRING.has(from.kind)) return to;
  if (mode === 'lax' && from.kind === 'STRING' && (to.kind === 'BOOLEAN' || NUMBERS.has(to.kind))) return to;
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') {
    const element = canCoerce(from.element, to.element, mode);
    return element && array(element);
  }
  if (from.kind === 'MAP' && to.kind === 'MAP') {
    const key = canCoerce(from.key, to.key, mode);
    const value = key && canCoerce(from.value, to.value, mode);
    return key && value && map(key, value);
  }
  if (from.kind === 'STRUCT' && to.kind === 'STRUCT') return structUnion(from, to, mode);
  return undefined;
}

/** Numbers only widen: INTEGER → BIGINT → DECIMAL → DOUBLE. */
function numberTo(from: SqlType, to: SqlType): SqlType | undefined {
  if (from.kind === to.kind && from.kind !== 'DECIMAL') return to;
  if (to.kind === 'DOUBLE') return DOUBLE;
  if (to.kind === 'DECIMAL' && from.kind !== 'DOUBLE') return widerNumeric(from, to);
  return from.kind === 'INTEGER' && to.kind === 'BIGINT' ? to : undefined;
}

function structUnion(from: StructType, to: StructType, mode: CoercionMode): SqlType | undefined {
  const names = [...new Set([...from.fields, ...to.fields].map((f) => f.name))];
  const fields: StructField[] = [];
  for (const name of names) {
    const a = from.fields.find((f) => f.name === name)?.type;
    const b = to.fields.find((f) => f.name === name)?.type;
    const type = a && b ? canCoerce(a, b, mode) : (a ?? b);
    if (!type) return undefined;
    fields.push({ name, type });
  }
  return struct(fields);
}
