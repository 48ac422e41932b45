/**
 * The text a JSON value becomes when ksqlDB's JSON deserializer reads it into a STRING column
 * (KsqlJsonDeserializer.processString, values parsed with exact decimals):
 *   - a string is itself; a number or boolean its text, a fractional number as
 *     BigDecimal.toString() writes it (`1.50`, `1E+3` for `1e3`);
 *   - an object is compact JSON in its own field order, written back the way Jackson writes the
 *     Map it reads it into (so `{"A":1, "B": [true]}` gives `{"A":1,"B":[true]}`);
 *   - an array is its elements each read as a STRING in turn, joined like Java's List.toString:
 *     `["a", 1, null]` gives `[a, 1, null]`.
 */
import { Decimal } from '../sql/decimal.js';
import { JsonFloat } from './json-parse.js';
import { quoteJsonString } from './json-string.js';
import { decimalJavaString } from './scalar-text.js';

export function jsonNodeText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map((e) => (e === null || e === undefined ? 'null' : jsonNodeText(e))).join(', ')}]`;
  if (v !== null && typeof v === 'object' && !(v instanceof JsonFloat)) return compactJson(v);
  return scalarText(v);
}

function scalarText(v: unknown): string {
  if (v instanceof JsonFloat) {
    try {
      return decimalJavaString(Decimal.parse(v.text));
    } catch {
      return v.text; // beyond a BigDecimal's exponent range: kept as written
    }
  }
  return String(v);
}

function compactJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quoteJsonString(v);
  if (Array.isArray(v)) return `[${v.map(compactJson).join(',')}]`;
  if (typeof v === 'object' && !(v instanceof JsonFloat)) {
    const fields = Object.entries(v as Record<string, unknown>).map(([k, e]) => `${quoteJsonString(k)}:${compactJson(e)}`);
    return `{${fields.join(',')}}`;
  }
  return scalarText(v);
}
