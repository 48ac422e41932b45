/**
 * NULL handling functions (ksqlDB reference: "Scalar functions › Nulls"; ksqlDB's Coalesce, IfNull
 * and NullIf UDFs, and AS_VALUE).
 *
 * All are generic: the arguments share one type T (numbers widen to the widest of them, as
 * elsewhere here), and the result has type T.
 */
import { Decimal } from '../../../sql/decimal.js';
import type { FunctionRegistry } from '../function-registry.js';

/**
 * Java's `equals` on two values of one SQL type: numbers by value (DOUBLE as Double.equals: NaN
 * equals NaN, 0.0 differs from -0.0), DECIMAL by numeric value, BYTES by content, ARRAY, MAP and
 * STRUCT element by element.
 */
export function sqlEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'number') return typeof b === 'number' && Object.is(a, b);
  if (typeof a !== 'object') return a === b;
  if (a instanceof Decimal) return b instanceof Decimal && a.compareValue(b) === 0;
  if (a instanceof Uint8Array) {
    return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sqlEquals(x, b[i]));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !sqlEquals(v, b.get(k))) return false;
    }
    return true;
  }
  if (typeof b !== 'object' || Array.isArray(b) || b instanceof Map) return false;
  const ka = Object.keys(a);
  const bo = b as Record<string, unknown>;
  return ka.length === Object.keys(bo).length && ka.every((k) => k in bo && sqlEquals((a as Record<string, unknown>)[k], bo[k]));
}

export function registerNulls(r: FunctionRegistry): void {
  r.register({
    name: 'COALESCE',
    declaredName: 'COALESCE',
    category: 'CONDITIONAL',
    description: 'Returns the first argument that is not NULL, or NULL if all are.',
    overloads: [
      {
        params: ['T', 'T...'],
        returns: 'T',
        nulls: 'call',
        impl: (...values: unknown[]) => values.find((v) => v !== null && v !== undefined) ?? null,
      },
    ],
  });
  r.register({
    name: 'IFNULL',
    declaredName: 'IFNULL',
    category: 'CONDITIONAL',
    description: 'Returns the expression if it is not NULL, otherwise the alternative value.',
    overloads: [
      {
        params: ['T', 'T'],
        returns: 'T',
        nulls: 'call',
        impl: (expression: unknown, alternative: unknown) => expression ?? alternative ?? null,
      },
    ],
  });
  r.register({
    name: 'NULLIF',
    declaredName: 'NULLIF',
    category: 'CONDITIONAL',
    description: 'Returns NULL if the two values are equal, otherwise the first value.',
    overloads: [
      {
        params: ['T', 'T'],
        returns: 'T',
        nulls: 'call',
        impl: (a: unknown, b: unknown) => (a === null || a === undefined || sqlEquals(a, b) ? null : a),
      },
    ],
  });
  r.register({
    name: 'AS_VALUE',
    category: 'OTHER',
    description: 'Returns its argument; used to copy a key column into the value.',
    overloads: [{ params: ['T'], returns: 'T', impl: (v: unknown) => v }],
  });
}
