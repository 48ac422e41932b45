/**
 * Table functions (ksqlDB reference: "Table functions"): each returns a list and the query emits
 * one row per element; several in one SELECT are zipped, the shorter padded with NULLs.
 */
import type { FunctionRegistry } from '../function-registry.js';

/**
 * Every combination of the array with elements replaced by NULL, in ksqlDB's order (Cube UDTF):
 * counting up from all-NULL, the last element changing fastest; repeated combinations (from NULL
 * inputs) are dropped.
 */
function cube(values: readonly unknown[]): unknown[][] {
  const out: unknown[][] = [];
  const n = values.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const combo = values.map((v, i) => ((mask >> (n - 1 - i)) & 1 ? v : null));
    if (!out.some((o) => o.every((x, i) => x === combo[i]))) out.push(combo);
  }
  return out;
}

export function registerTableFunctions(r: FunctionRegistry): void {
  r.register({
    name: 'EXPLODE',
    category: 'TABLE',
    description: 'Explodes an array: one output row per element.',
    table: true,
    overloads: [{ params: ['ARRAY<T>'], returns: 'T', impl: (a: unknown[]) => a }],
  });
  r.register({
    name: 'CUBE_EXPLODE',
    category: 'TABLE',
    description: 'One output row per combination of the array with any of its elements set to NULL.',
    table: true,
    overloads: [{ params: ['ARRAY<T>'], returns: 'ARRAY<T>', impl: (a: unknown[]) => cube(a) }],
  });
}
