/**
 * CAST(x AS type), with the conversions ksqlDB allows (ksqlDB docs, "CAST"; CastEvaluator):
 * numbers to numbers (Java's narrowing truncates toward zero; DECIMAL rounds HALF_UP and must fit),
 * anything to STRING (Java's text forms), STRING to numbers, BOOLEAN and temporal types (a value
 * that does not parse fails that row: NULL), TIMESTAMP to DATE and TIME and back, and
 * collections element by element. Any other pair is refused when the query is compiled.
 */
import { formatDate, formatTime, formatTimestamp } from '../../codec/temporal-text.js';
import { formatJavaDouble } from '../../codec/java-double.js';
import { parseDate, parseTime, parseTimestamp } from '../../catalog/time-parse.js';
import { Decimal } from '../../sql/decimal.js';
import { typesEqual, typeToString, type SqlType } from '../../sql/types.js';
import { decimalJavaString } from '../../codec/scalar-text.js';
import type { Evaluator } from './compiled.js';

export type Converter = (v: unknown) => unknown;

/** `e` converted: NULL stays NULL, and a value that does not convert fails its row as NULL. */
export function castEvaluator(e: Evaluator, convert: Converter): Evaluator {
  return (row) => {
    const v = e(row);
    if (v === null || v === undefined) return null;
    try {
      return convert(v);
    } catch {
      return null;
    }
  };
}

const MS_PER_DAY = 86_400_000;

/** The conversion from one type to another, or undefined when ksqlDB does not allow it. */
export function castConverter(from: SqlType, to: SqlType): Converter | undefined {
  if (typesEqual(from, to)) return (v) => v;
  if (to.kind === 'STRING') return toText(from);
  switch (from.kind) {
    case 'INTEGER':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DECIMAL':
      return numberTo(from, to);
    case 'STRING':
      return stringTo(to);
    case 'TIMESTAMP':
      if (to.kind === 'DATE') return (v) => Math.floor((v as number) / MS_PER_DAY);
      if (to.kind === 'TIME') return (v) => (((v as number) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
      return undefined;
    case 'DATE':
      return to.kind === 'TIMESTAMP' ? (v) => (v as number) * MS_PER_DAY : undefined;
    case 'ARRAY': {
      if (to.kind !== 'ARRAY') return undefined;
      const e = castConverter(from.element, to.element);
      return e && ((v) => (v as unknown[]).map((x) => nullOr(x, e)));
    }
    case 'MAP': {
      if (to.kind !== 'MAP') return undefined;
      const k = castConverter(from.key, to.key);
      const val = castConverter(from.value, to.value);
      return k && val && ((v) => new Map([...(v as Map<unknown, unknown>)].map(([a, b]) => [nullOr(a, k), nullOr(b, val)])));
    }
    case 'STRUCT':
      return structTo(from, to);
    default:
      return undefined;
  }
}

function nullOr(v: unknown, f: Converter): unknown {
  return v === null || v === undefined ? null : f(v);
}

function numberTo(from: SqlType, to: SqlType): Converter | undefined {
  const asDecimal = (v: unknown): Decimal =>
    v instanceof Decimal ? v : typeof v === 'bigint' ? new Decimal(v, 0) : Number.isInteger(v) ? new Decimal(BigInt(v as number), 0) : Decimal.fromNumber(v as number);
  switch (to.kind) {
    case 'INTEGER':
      return (v) => Number(BigInt.asIntN(32, truncated(v)));
    case 'BIGINT':
      return (v) => BigInt.asIntN(64, truncated(v));
    case 'DOUBLE':
      return (v) => (v instanceof Decimal ? v.toNumber() : Number(v));
    case 'DECIMAL':
      return (v) => {
        if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`Cannot cast ${v} to DECIMAL`);
        const d = asDecimal(v).setScale(to.scale, 'HALF_UP');
        if (d.precision() > to.precision && !d.isZero()) throw new Error(`Cannot fit ${d.toString()} into ${typeToString(to)}`);
        return d;
      };
    default:
      return undefined;
  }
}

/** Java's narrowing: toward zero; NaN is 0; doubles past the long range saturate. */
function truncated(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof Decimal) return v.setScale(0, 'DOWN').unscaled;
  const n = v as number;
  if (Number.isNaN(n)) return 0n;
  if (n >= 9.223372036854776e18) return 9223372036854775807n;
  if (n <= -9.223372036854776e18) return -9223372036854775808n;
  return BigInt(Math.trunc(n));
}

function stringTo(to: SqlType): Converter | undefined {
  switch (to.kind) {
    case 'INTEGER':
      return (v) => {
        const n = parseJavaInteger(v as string);
        if (n < -2147483648n || n > 2147483647n) throw new Error(`For input string: "${v}"`);
        return Number(n);
      };
    case 'BIGINT':
      return (v) => {
        const n = parseJavaInteger(v as string);
        if (BigInt.asIntN(64, n) !== n) throw new Error(`For input string: "${v}"`);
        return n;
      };
    case 'DOUBLE':
      return (v) => parseJavaDouble(v as string);
    case 'DECIMAL':
      return (v) => numberTo({ kind: 'DECIMAL', precision: to.precision, scale: to.scale }, to)!(Decimal.parse((v as string).trim()));
    case 'BOOLEAN':
      // Java's Boolean.parseBoolean: "true" in any case is true, everything else false.
      return (v) => (v as string).trim().toLowerCase() === 'true';
    case 'TIMESTAMP':
      return (v) => required(parseTimestamp(v as string), v);
    case 'DATE':
      return (v) => required(parseDate(v as string), v);
    case 'TIME':
      return (v) => required(parseTime(v as string), v);
    default:
      return undefined;
  }
}

function required(n: number | undefined, v: unknown): number {
  if (n === undefined) throw new Error(`Text '${String(v)}' could not be parsed`);
  return n;
}

function parseJavaInteger(s: string): bigint {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new Error(`For input string: "${s}"`);
  return BigInt(t);
}

function parseJavaDouble(s: string): number {
  const t = s.trim();
  if (/^[+-]?(NaN|Infinity)$/.test(t)) return Number(t.replace('+', ''));
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(t)) throw new Error(`For input string: "${s}"`);
  return Number(t.replace(/[fFdD]$/, ''));
}

/** Java's toString of each type, as CAST(x AS STRING) gives it. */
function toText(from: SqlType): Converter {
  switch (from.kind) {
    case 'DOUBLE':
      return (v) => formatJavaDouble(v as number);
    case 'DECIMAL':
      return (v) => decimalJavaString(v as Decimal);
    case 'TIMESTAMP':
      return (v) => formatTimestamp(v as number);
    case 'DATE':
      return (v) => formatDate(v as number);
    case 'TIME':
      return (v) => formatTime(v as number);
    case 'BYTES':
      return (v) => Buffer.from(v as Uint8Array).toString('base64');
    case 'ARRAY': {
      const e = toText(from.element);
      return (v) => `[${(v as unknown[]).map((x) => (x === null ? 'null' : e(x))).join(', ')}]`;
    }
    case 'MAP': {
      const k = toText(from.key);
      const val = toText(from.value);
      return (v) => `{${[...(v as Map<unknown, unknown>)].map(([a, b]) => `${a === null ? 'null' : k(a)}=${b === null ? 'null' : val(b)}`).join(', ')}}`;
    }
    case 'STRUCT': {
      const fields = from.fields.map((f) => ({ name: f.name, text: toText(f.type) }));
      return (v) => {
        const o = v as Record<string, unknown>;
        return `Struct{${fields
          .filter((f) => o[f.name] !== null && o[f.name] !== undefined)
          .map((f) => `${f.name}=${f.text(o[f.name])}`)
          .join(',')}}`;
      };
    }
    default:
      return (v) => String(v);
  }
}

function structTo(from: SqlType & { kind: 'STRUCT' }, to: SqlType): Converter | undefined {
  if (to.kind !== 'STRUCT') return undefined;
  const fields: { name: string; convert: Converter }[] = [];
  for (const f of to.fields) {
    const src = from.fields.find((x) => x.name === f.name);
    if (!src) {
      fields.push({ name: f.name, convert: () => null });
      continue;
    }
    const c = castConverter(src.type, f.type);
    if (!c) return undefined;
    fields.push({ name: f.name, convert: c });
  }
  return (v) => {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const f of fields) out[f.name] = nullOr(o[f.name], f.convert);
    return out;
  };
}
