/**
 * Math functions (ksqlDB reference: "Scalar functions › Numeric"). INTEGER and BIGINT keep
 * Java's integer semantics (Math.abs of the minimum value stays negative); DOUBLE is IEEE.
 */
import { Decimal } from '../../../sql/decimal.js';
import type { DecimalType } from '../../../sql/types.js';
import type { FunctionRegistry } from '../function-registry.js';

const asDecimal = (t: unknown): DecimalType => t as DecimalType;

export function registerMath(r: FunctionRegistry): void {
  r.register({
    name: 'ABS',
    category: 'MATHEMATICAL',
    description: 'Returns the absolute value of its argument.',
    overloads: [
      { params: ['INTEGER'], returns: 'INTEGER', impl: (x: number) => (x < 0 ? -x | 0 : x) },
      { params: ['BIGINT'], returns: 'BIGINT', impl: (x: bigint) => BigInt.asIntN(64, x < 0n ? -x : x) },
      { params: ['DOUBLE'], returns: 'DOUBLE', impl: (x: number) => Math.abs(x) },
      { params: ['DECIMAL'], returns: ({ args }) => asDecimal(args[0]), impl: (x: Decimal) => x.abs() },
    ],
  });
  r.register({
    name: 'SQRT',
    category: 'MATHEMATICAL',
    description: 'Returns the square root of the value.',
    overloads: [{ params: ['DOUBLE'], returns: 'DOUBLE', impl: (x: number) => Math.sqrt(x) }],
  });
}

