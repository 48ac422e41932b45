/**
 * GREATEST and LEAST (ksqlDB's Greatest and Least UDFs): the largest or smallest non-NULL
 * argument, NULL when all are NULL.
 *
 * ksqlDB declares one variadic method per type: INT, BIGINT, DOUBLE, STRING, BYTES, DATE, TIME,
 * TIMESTAMP and DECIMAL (the result type the widest of the DECIMAL arguments). Which one a call
 * uses follows ksqlDB's UdfIndex, which differs from the general resolution here:
 *   1. the types that every typed argument has exactly (an untyped NULL fits any);
 *   2. if there is none, the types every argument converts to implicitly: a number to a wider
 *      number (INT → BIGINT → DECIMAL → DOUBLE), a STRING to DATE, TIME or TIMESTAMP.
 * One candidate wins; several make the call ambiguous (an error, e.g. LEAST(INT, BIGINT): BIGINT,
 * DECIMAL and DOUBLE all accept it; LEAST(NULL, NULL)); none gives "does not accept".
 *
 * To follow that, every overload takes any arguments; each one's result type applies the rules
 * above and declines (no type) unless the chosen type is its own, so the implementation knows the
 * type it converts to. Values compare as in Java: DOUBLE by Double.compare (NaN largest,
 * -0.0 < 0.0), STRING by UTF-16 code units, BYTES as signed bytes (ByteBuffer.compareTo),
 * DECIMAL by value (the winner keeps its own scale). Among equal values the first one is kept.
 */
import { parseDate, parseTime, parseTimestamp } from '../../../../catalog/time-parse.js';
import { Decimal } from '../../../../sql/decimal.js';
import { primitive, typeToString, type PrimitiveKind, type SqlType } from '../../../../sql/types.js';
import { semanticError } from '../../../expressions/compile-errors.js';
import { widerNumeric } from '../../../expressions/numeric.js';
import type { FunctionRegistry, OverloadDef, ReturnTypeContext } from '../../function-registry.js';

type Target = Exclude<PrimitiveKind, 'BOOLEAN'> | 'DECIMAL';

const TARGETS: readonly Target[] = ['INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP', 'DECIMAL'];
const NUMBER_RANK: Partial<Record<string, number>> = { INTEGER: 0, BIGINT: 1, DECIMAL: 2, DOUBLE: 3 };
const TEMPORAL = new Set<string>(['DATE', 'TIME', 'TIMESTAMP']);

function implicitlyConverts(from: SqlType, to: Target): boolean {
  if (from.kind === to) return true;
  const a = NUMBER_RANK[from.kind];
  const b = NUMBER_RANK[to];
  if (a !== undefined && b !== undefined) return a <= b;
  return from.kind === 'STRING' && TEMPORAL.has(to);
}

/** The type ksqlDB's resolution picks for these argument types; throws when ambiguous. */
function resolve(name: string, args: readonly (SqlType | null)[]): Target | undefined {
  const typed = args.filter((a): a is SqlType => a !== null);
  let candidates = TARGETS.filter((t) => typed.every((a) => a.kind === t));
  if (candidates.length === 0) candidates = TARGETS.filter((t) => typed.every((a) => implicitlyConverts(a, t)));
  if (candidates.length > 1) {
    const shown = args.map((a) => (a ? typeToString(a) : 'null')).join(', ');
    throw semanticError(undefined, `Function '${name}' cannot be resolved due to ambiguous method parameters (${shown}).`);
  }
  return candidates[0];
}

function resultType(name: string, target: Target): (ctx: ReturnTypeContext) => SqlType {
  return ({ args }) => {
    if (resolve(name, args) !== target) return undefined as unknown as SqlType; // not this overload
    if (target !== 'DECIMAL') return primitive(target);
    return args.filter((a): a is SqlType => a !== null).reduce((a, b) => widerNumeric(a, b));
  };
}

// Java's orderings.

function compareDouble(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return a === 0 ? (Object.is(a, b) ? 0 : Object.is(a, -0) ? -1 : 1) : 0;
  return a !== a ? (b !== b ? 0 : 1) : -1; // NaN is larger than everything, equal to itself
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = (a[i]! << 24) >> 24;
    const y = (b[i]! << 24) >> 24;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const natural = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

interface TargetRuntime {
  /** A non-null argument value in this target's representation. */
  readonly convert: (v: unknown) => unknown;
  readonly compare: (a: never, b: never) => number;
}

function temporal(parse: (text: string) => number | undefined, kind: string): (v: unknown) => unknown {
  return (v) => {
    if (typeof v !== 'string') return v;
    const parsed = parse(v);
    if (parsed === undefined) throw new Error(`Cannot convert '${v}' to ${kind}`);
    return parsed;
  };
}

const RUNTIME: Record<Target, TargetRuntime> = {
  INTEGER: { convert: (v) => v, compare: natural },
  BIGINT: { convert: (v) => v, compare: natural },
  DOUBLE: {
    convert: (v) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : (v as Decimal).toNumber()),
    compare: compareDouble,
  },
  STRING: { convert: (v) => v, compare: natural },
  BYTES: { convert: (v) => v, compare: compareBytes },
  DATE: { convert: temporal(parseDate, 'DATE'), compare: natural },
  TIME: { convert: temporal(parseTime, 'TIME'), compare: natural },
  TIMESTAMP: { convert: temporal(parseTimestamp, 'TIMESTAMP'), compare: natural },
  DECIMAL: { convert: (v) => v, compare: (a: Decimal, b: Decimal) => a.compareValue(b) },
};

function overloads(name: string, sign: 1 | -1): OverloadDef[] {
  return TARGETS.map((target) => {
    const { convert, compare } = RUNTIME[target];
    const cmp = compare as (a: unknown, b: unknown) => number;
    return {
      params: ['ANY', 'ANY...'],
      returns: resultType(name, target),
      nulls: 'call',
      impl: (...values: unknown[]) => {
        let best: unknown = null;
        for (const v of values) {
          if (v === null || v === undefined) continue;
          const c = convert(v);
          if (best === null || sign * cmp(c, best) > 0) best = c;
        }
        return best;
      },
    } satisfies OverloadDef;
  });
}

export function registerGreatestLeast(r: FunctionRegistry): void {
  r.register({
    name: 'GREATEST',
    category: 'MATHEMATICAL',
    description: 'Returns the highest non-NULL value among a variable number of comparable arguments.',
    overloads: overloads('greatest', 1),
  });
  r.register({
    name: 'LEAST',
    category: 'MATHEMATICAL',
    description: 'Returns the lowest non-NULL value among a variable number of comparable arguments.',
    overloads: overloads('least', -1),
  });
}
