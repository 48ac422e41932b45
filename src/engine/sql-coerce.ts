/**
 * Implicit conversion of a typed SQL value into a column's type, as INSERT ... VALUES does it
 * (ksqlDB's DefaultSqlValueCoercer): numbers widen (INTEGER → BIGINT → DECIMAL → DOUBLE),
 * strings may be read as TIMESTAMP, DATE or TIME, collections convert element by element.
 * Returns `undefined` when there is no such conversion.
 */
import { parseDate, parseTime, parseTimestamp } from '../catalog/time-parse.js';
import { Decimal } from '../sql/decimal.js';
import type { SqlType } from '../sql/types.js';

const NO = undefined;

export function coerceSqlValue(value: unknown, from: SqlType | null, to: SqlType): unknown {
  if (value === null || value === undefined || from === null) return null;
  switch (to.kind) {
    case 'BIGINT':
      return from.kind === 'INTEGER' ? BigInt(value as number) : from.kind === 'BIGINT' ? value : NO;
    case 'DOUBLE':
      if (from.kind === 'INTEGER' || from.kind === 'BIGINT' || from.kind === 'DOUBLE') return Number(value);
      return from.kind === 'DECIMAL' ? (value as Decimal).toNumber() : NO;
    case 'DECIMAL':
      return toDecimal(value, from, to);
    case 'TIMESTAMP':
      return from.kind === 'STRING' ? (parseTimestamp(value as string) ?? NO) : from.kind === 'TIMESTAMP' ? value : NO;
    case 'DATE':
      return from.kind === 'STRING' ? (parseDate(value as string) ?? NO) : from.kind === 'DATE' ? value : NO;
    case 'TIME':
      return from.kind === 'STRING' ? (parseTime(value as string) ?? NO) : from.kind === 'TIME' ? value : NO;
    case 'ARRAY':
      return from.kind === 'ARRAY' ? collect((value as unknown[]).map((v) => coerceSqlValue(v, from.element, to.element))) : NO;
    case 'MAP':
      return from.kind === 'MAP' ? toMap(value as Map<unknown, unknown>, from, to) : NO;
    case 'STRUCT':
      return from.kind === 'STRUCT' ? toStruct(value as Record<string, unknown>, from, to) : NO;
    default:
      return from.kind === to.kind ? value : NO;
  }
}

function toDecimal(value: unknown, from: SqlType, to: SqlType & { kind: 'DECIMAL' }): unknown {
  let d: Decimal;
  if (from.kind === 'DECIMAL') d = value as Decimal;
  else if (from.kind === 'INTEGER' || from.kind === 'BIGINT') d = Decimal.parse(String(value));
  else if (from.kind === 'DOUBLE' && Number.isFinite(value)) d = Decimal.fromNumber(value as number);
  else return NO;
  const scaled = d.setScale(to.scale, 'HALF_UP');
  return scaled.precision() > to.precision ? NO : scaled;
}

function collect(items: unknown[]): unknown[] | undefined {
  return items.some((v) => v === undefined) ? undefined : items;
}

function toMap(value: Map<unknown, unknown>, from: SqlType & { kind: 'MAP' }, to: SqlType & { kind: 'MAP' }): unknown {
  const out = new Map<unknown, unknown>();
  for (const [k, v] of value) {
    const ck = coerceSqlValue(k, from.key, to.key);
    const cv = coerceSqlValue(v, from.value, to.value);
    if (ck === undefined || cv === undefined) return NO;
    out.set(ck, cv);
  }
  return out;
}

function toStruct(value: Record<string, unknown>, from: SqlType & { kind: 'STRUCT' }, to: SqlType & { kind: 'STRUCT' }): unknown {
  const out: Record<string, unknown> = {};
  for (const f of to.fields) {
    const src = from.fields.find((x) => x.name === f.name);
    const v = src ? coerceSqlValue(value[f.name], src.type, f.type) : null;
    if (v === undefined) return NO;
    out[f.name] = v;
  }
  return out;
}
