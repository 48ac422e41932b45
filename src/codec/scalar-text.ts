/**
 * Conversions shared by the typed JSON writers. Values normally arrive in the representation
 * documented in src/sql/types.ts; these helpers also accept the neighbouring JavaScript
 * representations (a number for a BIGINT, a bigint for an INTEGER, ...) so that a slightly
 * mis-typed value is still printed sensibly instead of failing a whole stream.
 */
import { Decimal } from '../sql/decimal.js';
import { encodeBase64 } from './base64.js';
import { quoteJsonString } from './json-string.js';

/** Exact integer digits of a BIGINT/INTEGER value (bigint, or a number truncated toward zero). */
export function integerText(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return String(v);
    if (Number.isFinite(v)) return BigInt(Math.trunc(v)).toString();
  }
  if (v instanceof Decimal) return v.setScale(0, 'DOWN').unscaled.toString();
  return String(v);
}

/** A DOUBLE value as a JavaScript number. */
export function toDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof Decimal) return v.toNumber();
  return Number(v);
}

/** A DECIMAL value at the column's scale (HALF_UP when digits must go, as ksqlDB's casts do). */
export function toDecimal(v: unknown, scale: number): Decimal {
  const d =
    v instanceof Decimal
      ? v
      : typeof v === 'bigint'
        ? new Decimal(v, 0)
        : typeof v === 'number'
          ? Decimal.fromNumber(v)
          : Decimal.parse(String(v));
  return d.scale === scale ? d : d.setScale(scale, 'HALF_UP');
}

/** BYTES as a quoted Base64 JSON string. */
export function bytesJson(v: unknown): string {
  if (v instanceof Uint8Array) return `"${encodeBase64(v)}"`;
  if (v instanceof ArrayBuffer) return `"${encodeBase64(new Uint8Array(v))}"`;
  return quoteJsonString(String(v));
}

/** Java's BigDecimal.toString(): plain, or scientific when scale < 0 or the exponent is below -6. */
export function decimalJavaString(d: Decimal): string {
  const digits = (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString();
  const adjusted = digits.length - 1 - d.scale;
  if (d.scale >= 0 && adjusted >= -6) return d.toString();
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${d.unscaled < 0n ? '-' : ''}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}
