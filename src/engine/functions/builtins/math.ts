/**
 * Math functions (ksqlDB reference: "Scalar functions › Numeric"; the UDF classes in ksqlDB's
 * io.confluent.ksql.function.udf.math and udf.geo). INTEGER and BIGINT keep Java's integer
 * semantics (Math.abs of the minimum value stays negative); DOUBLE results follow Java's Math
 * (see math/java-math.ts); DECIMAL results are exact.
 *
 * Most functions of a DOUBLE have INT, BIGINT and DOUBLE overloads in ksqlDB, all returning
 * DOUBLE; a DECIMAL argument reaches the DOUBLE one by implicit conversion.
 */
import { Decimal } from '../../../sql/decimal.js';
import type { DecimalType } from '../../../sql/types.js';
import type { FunctionRegistry, OverloadDef } from '../function-registry.js';
import { registerGeoDistance } from './math/geo.js';
import { registerGreatestLeast } from './math/greatest-least.js';
import { javaCos, javaExp, javaLog, javaPow, javaSin, javaTan } from './math/java-math.js';
import { registerRounding } from './math/rounding.js';

const asDecimal = (t: unknown): DecimalType => t as DecimalType;

/** Java's Math.toDegrees and Math.toRadians (JDK 9 and later: one multiplication by a constant). */
const RADIANS_TO_DEGREES = 57.29577951308232;
const DEGREES_TO_RADIANS = 0.017453292519943295;

/** INT, BIGINT and DOUBLE overloads of a DOUBLE function of one argument. */
function ofDouble(f: (x: number) => number): OverloadDef[] {
  return [
    { params: ['INTEGER'], returns: 'DOUBLE', impl: (x: number) => f(x) },
    { params: ['BIGINT'], returns: 'DOUBLE', impl: (x: bigint) => f(Number(x)) },
    { params: ['DOUBLE'], returns: 'DOUBLE', impl: f },
  ];
}

/** INT, BIGINT and DOUBLE overloads of a DOUBLE function of two arguments of the same type. */
function ofDoubles(f: (x: number, y: number) => number): OverloadDef[] {
  return [
    { params: ['INTEGER', 'INTEGER'], returns: 'DOUBLE', impl: (x: number, y: number) => f(x, y) },
    { params: ['BIGINT', 'BIGINT'], returns: 'DOUBLE', impl: (x: bigint, y: bigint) => f(Number(x), Number(y)) },
    { params: ['DOUBLE', 'DOUBLE'], returns: 'DOUBLE', impl: f },
  ];
}

function unary(r: FunctionRegistry, name: string, description: string, f: (x: number) => number): void {
  r.register({ name, category: 'MATHEMATICAL', description, overloads: ofDouble(f) });
}

/** LOG with a base: NaN for a base that is not positive or is 1 (ksqlDB's Log UDF). */
function logBase(base: number, value: number): number {
  if (base <= 0 || base === 1) return NaN;
  return javaLog(value) / javaLog(base);
}

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
    name: 'SIGN',
    category: 'MATHEMATICAL',
    description: 'Returns the sign of a value as -1, 0 or 1 (0 for NaN).',
    overloads: [
      { params: ['INTEGER'], returns: 'INTEGER', impl: (x: number) => Math.sign(x) },
      { params: ['BIGINT'], returns: 'INTEGER', impl: (x: bigint) => (x > 0n ? 1 : x < 0n ? -1 : 0) },
      // Java: (int) Math.signum(x), so NaN gives 0 and -0.0 gives 0.
      { params: ['DOUBLE'], returns: 'INTEGER', impl: (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0) },
    ],
  });

  unary(r, 'SQRT', 'Returns the square root of the value.', Math.sqrt);
  unary(r, 'CBRT', 'Returns the cube root of the value.', Math.cbrt);
  unary(r, 'EXP', 'Returns e raised to the power of the value.', javaExp);
  unary(r, 'LN', 'Returns the natural logarithm of the value.', javaLog);
  r.register({
    name: 'LOG',
    category: 'MATHEMATICAL',
    description:
      'LOG(value) returns the natural logarithm of the value (as ksqlDB computes it); LOG(base, value) the ' +
      'logarithm with the given base, NaN when the base is not positive or is 1.',
    overloads: [...ofDouble(javaLog), ...ofDoubles(logBase)],
  });
  r.register({
    name: 'POWER',
    category: 'MATHEMATICAL',
    description: 'Returns the base raised to the power of the exponent.',
    overloads: ofDoubles(javaPow),
  });

  unary(r, 'SIN', 'Returns the sine of a value in radians.', javaSin);
  unary(r, 'COS', 'Returns the cosine of a value in radians.', javaCos);
  unary(r, 'TAN', 'Returns the tangent of a value in radians.', javaTan);
  unary(r, 'COT', 'Returns the cotangent of a value in radians.', (x) => 1 / javaTan(x));
  unary(r, 'ASIN', 'Returns the arcsine of a value, in radians.', Math.asin);
  unary(r, 'ACOS', 'Returns the arccosine of a value, in radians.', Math.acos);
  unary(r, 'ATAN', 'Returns the arctangent of a value, in radians.', Math.atan);
  r.register({
    name: 'ATAN2',
    category: 'MATHEMATICAL',
    description: 'ATAN2(y, x): the angle in radians of the point (x, y), the arctangent of y / x.',
    overloads: ofDoubles(Math.atan2),
  });
  unary(r, 'SINH', 'Returns the hyperbolic sine of a value.', Math.sinh);
  unary(r, 'COSH', 'Returns the hyperbolic cosine of a value.', Math.cosh);
  unary(r, 'TANH', 'Returns the hyperbolic tangent of a value.', Math.tanh);
  unary(r, 'DEGREES', 'Converts a value in radians to degrees.', (x) => x * RADIANS_TO_DEGREES);
  unary(r, 'RADIANS', 'Converts a value in degrees to radians.', (x) => x * DEGREES_TO_RADIANS);

  r.register({
    name: 'PI',
    category: 'MATHEMATICAL',
    description: 'Returns the value of π.',
    overloads: [{ params: [], returns: 'DOUBLE', impl: () => Math.PI }],
  });
  r.register({
    name: 'RANDOM',
    category: 'MATHEMATICAL',
    description: 'Returns a random DOUBLE between 0.0 (inclusive) and 1.0 (exclusive).',
    volatile: true,
    overloads: [{ params: [], returns: 'DOUBLE', impl: () => Math.random() }],
  });

  registerRounding(r);
  registerGreatestLeast(r);
  registerGeoDistance(r, DEGREES_TO_RADIANS);
}
