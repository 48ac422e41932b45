/**
 * CEIL, FLOOR, ROUND and TRUNC (ksqlDB's Ceil, Floor, Round and Trunc UDFs).
 *
 * Result types as in ksqlDB:
 *   CEIL/FLOOR   INT → INT, BIGINT → BIGINT, DOUBLE → DOUBLE, DECIMAL(p, s) → DECIMAL(p, s)
 *   ROUND/TRUNC  INT, BIGINT, DOUBLE → BIGINT; DECIMAL(p, s) → DECIMAL(p - s, 0)
 *   ROUND/TRUNC(x, places)  DOUBLE → DOUBLE, DECIMAL(p, s) → DECIMAL(p, s) (the value keeps its
 *                           scale: digits past `places` become zeros)
 *
 * ROUND rounds half up towards positive infinity, like java.lang.Math.round: ROUND(-2.5) = -2.
 * With a number of places it goes through BigDecimal.valueOf(double) (the shortest decimal that
 * reads back as the double), HALF_UP for positive values and HALF_DOWN for the others, so
 * ROUND(1.005, 2) = 1.01 although the double is slightly below 1.005. TRUNC rounds towards zero.
 */
import { Decimal, type RoundingMode } from '../../../../sql/decimal.js';
import { decimal, type DecimalType, type SqlType } from '../../../../sql/types.js';
import { semanticError } from '../../../expressions/compile-errors.js';
import type { FunctionRegistry, OverloadDef, ReturnTypeContext } from '../../function-registry.js';

const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;
const TWO_63 = 9223372036854775808;

/** Java's (long) conversion of a double: towards zero, NaN → 0, saturating. */
export function doubleToLong(x: number): bigint {
  if (x !== x) return 0n;
  if (x >= TWO_63) return LONG_MAX;
  if (x <= -TWO_63) return LONG_MIN;
  return BigInt(Math.trunc(x));
}

/** Java's Math.round(double): the nearest long, ties towards positive infinity, saturating. */
export function javaRound(x: number): bigint {
  if (x !== x) return 0n;
  if (x >= TWO_63) return LONG_MAX;
  if (x <= -TWO_63) return LONG_MIN;
  // JavaScript's Math.round has the same tie rule (and is exact for 0.49999999999999994).
  return BigInt(Math.round(x));
}

/** ROUND's decimal rounding: ties away from zero for positive values, towards zero otherwise. */
function roundHalfPositive(x: Decimal, places: number): Decimal {
  const mode: RoundingMode = x.signum() > 0 ? 'HALF_UP' : 'HALF_DOWN';
  return x.setScale(places, mode);
}

/** The same value at the original scale (digits past the rounding position are zeros). */
function keepScale(rounded: Decimal, scale: number): Decimal {
  return rounded.setScale(scale, 'UNNECESSARY');
}

/**
 * DECIMAL(p - s, 0): the integral digits of the argument's type. A type without integral digits
 * (p = s, e.g. the literal 0.5) has no such DECIMAL, and ksqlDB rejects the call.
 */
function integralDecimal({ args }: ReturnTypeContext): SqlType {
  const t = args[0] as DecimalType;
  const precision = t.precision - t.scale;
  if (precision < 1) throw semanticError(undefined, `DECIMAL precision must be >= 1: DECIMAL(${precision},0)`);
  return decimal(precision, 0);
}

const sameDecimal = ({ args }: ReturnTypeContext): SqlType => args[0] as DecimalType;

function ceilOrFloor(mode: 'CEILING' | 'FLOOR', onDouble: (x: number) => number): OverloadDef[] {
  return [
    { params: ['INTEGER'], returns: 'INTEGER', impl: (x: number) => x },
    { params: ['BIGINT'], returns: 'BIGINT', impl: (x: bigint) => x },
    { params: ['DOUBLE'], returns: 'DOUBLE', impl: onDouble },
    {
      params: ['DECIMAL'],
      returns: sameDecimal,
      impl: (x: Decimal) => keepScale(x.setScale(0, mode), x.scale),
    },
  ];
}

/**
 * ROUND or TRUNC. The DOUBLE overloads come before the DECIMAL ones so that an INT or BIGINT
 * first argument with a number of places resolves to DOUBLE.
 */
function roundOrTrunc(
  onDouble: (x: number) => bigint,
  onDecimal: (x: Decimal, places: number) => Decimal,
): OverloadDef[] {
  return [
    { params: ['INTEGER'], returns: 'BIGINT', impl: (x: number) => BigInt(x) },
    { params: ['BIGINT'], returns: 'BIGINT', impl: (x: bigint) => x },
    { params: ['DOUBLE'], returns: 'BIGINT', impl: onDouble },
    {
      params: ['DOUBLE', 'INTEGER'],
      returns: 'DOUBLE',
      // Through BigDecimal.valueOf(x), i.e. the shortest decimal text of x; NaN and ±Infinity fail.
      impl: (x: number, places: number) => onDecimal(Decimal.fromNumber(x), places).toNumber(),
    },
    { params: ['DECIMAL'], returns: integralDecimal, impl: (x: Decimal) => onDecimal(x, 0) },
    {
      params: ['DECIMAL', 'INTEGER'],
      // ksqlDB keeps the argument's type whatever the number of places (its issue #6235).
      returns: sameDecimal,
      impl: (x: Decimal, places: number) => keepScale(onDecimal(x, places), x.scale),
    },
  ];
}

export function registerRounding(r: FunctionRegistry): void {
  r.register({
    name: 'CEIL',
    category: 'MATHEMATICAL',
    description: 'Returns the smallest integral value greater than or equal to the argument.',
    overloads: ceilOrFloor('CEILING', Math.ceil),
  });
  r.register({
    name: 'FLOOR',
    category: 'MATHEMATICAL',
    description: 'Returns the largest integral value less than or equal to the argument.',
    overloads: ceilOrFloor('FLOOR', Math.floor),
  });
  r.register({
    name: 'ROUND',
    category: 'MATHEMATICAL',
    description:
      'Rounds a value to the given number of decimal places (default 0; negative rounds to the left of ' +
      'the decimal point). Ties round towards positive infinity.',
    overloads: roundOrTrunc(javaRound, roundHalfPositive),
  });
  r.register({
    name: 'TRUNC',
    category: 'MATHEMATICAL',
    description:
      'Truncates a value towards zero to the given number of decimal places (default 0; negative ' +
      'truncates to the left of the decimal point).',
    overloads: roundOrTrunc(doubleToLong, (x, places) => x.setScale(places, 'DOWN')),
  });
}
