/** Math functions: types and values as ksqlDB prints them. */
import { expect } from 'chai';
import { Decimal } from '../../src/sql/decimal.js';
import { BIGINT, BYTES, DATE, DOUBLE, INTEGER, STRING, TIME, TIMESTAMP, decimal } from '../../src/sql/types.js';
import { javaCos, javaExp, javaLog, javaPow, javaSin, javaTan } from '../../src/engine/functions/builtins/math/java-math.js';
import { compileError, evaluate, itEvaluates, type Columns } from '../support/eval-expression.js';

/** Columns the cases read (literals cannot write every value: BIGINT, DOUBLE NaN, NULLs of a type). */
const COLUMNS: Columns = {
  I: [INTEGER, -7],
  I_MIN: [INTEGER, -2147483648],
  I_MAX: [INTEGER, 2147483647],
  I_NULL: [INTEGER, null],
  L: [BIGINT, -7n],
  L_MIN: [BIGINT, -9223372036854775808n],
  L_MAX: [BIGINT, 9223372036854775807n],
  L_NULL: [BIGINT, null],
  D: [DOUBLE, -2.5],
  D_NAN: [DOUBLE, NaN],
  D_INF: [DOUBLE, Infinity],
  D_NEG_ZERO: [DOUBLE, -0],
  D_NULL: [DOUBLE, null],
  DEC: [decimal(9, 3), Decimal.parse('-123456.789')],
  DEC2: [decimal(7, 6), Decimal.parse('0.123456')],
  DEC_NULL: [decimal(4, 2), null],
  DEC_FRAC: [decimal(2, 2), Decimal.parse('0.25')],
  S: [STRING, 'apple'],
  S_NULL: [STRING, null],
  B1: [BYTES, Buffer.from([0x01, 0x02])],
  B2: [BYTES, Buffer.from([0x80])], // -128 as a Java byte: smaller than 0x01
  DT: [DATE, 19071],
  TM: [TIME, 3_600_000],
  TS: [TIMESTAMP, 1_600_000_000_000],
};

type Case = [expression: string, type: string, json: string];

const cases: Record<string, Case[]> = {
  ABS: [
    ['ABS(-3)', 'INTEGER', '3'],
    ['ABS(I_NULL)', 'INTEGER', 'null'],
    // Java's Math.abs of the minimum value stays negative.
    ['ABS(-2147483648)', 'INTEGER', '-2147483648'],
    ['ABS(I_MIN)', 'INTEGER', '-2147483648'],
    ['ABS(L)', 'BIGINT', '7'],
    ['ABS(L_MIN)', 'BIGINT', '-9223372036854775808'],
    ['ABS(D)', 'DOUBLE', '2.5'],
    ['ABS(D_NEG_ZERO)', 'DOUBLE', '0.0'],
    ['ABS(D_NULL)', 'DOUBLE', 'null'],
    ['ABS(-1.50)', 'DECIMAL(3, 2)', '1.50'],
    ['ABS(DEC)', 'DECIMAL(9, 3)', '123456.789'],
  ],
  SIGN: [
    ['SIGN(I)', 'INTEGER', '-1'],
    ['SIGN(0)', 'INTEGER', '0'],
    ['SIGN(I_MAX)', 'INTEGER', '1'],
    ['SIGN(L_MIN)', 'INTEGER', '-1'],
    ['SIGN(D)', 'INTEGER', '-1'],
    ['SIGN(D_NEG_ZERO)', 'INTEGER', '0'],
    ['SIGN(D_NAN)', 'INTEGER', '0'],
    ['SIGN(DEC)', 'INTEGER', '-1'],
    ['SIGN(L_NULL)', 'INTEGER', 'null'],
  ],
  SQRT: [
    ['SQRT(16)', 'DOUBLE', '4.0'],
    ['SQRT(2)', 'DOUBLE', '1.4142135623730951'],
    ['SQRT(L)', 'DOUBLE', '"NaN"'],
    ['SQRT(0.25)', 'DOUBLE', '0.5'],
    ['SQRT(D_INF)', 'DOUBLE', '"Infinity"'],
    ['SQRT(D_NULL)', 'DOUBLE', 'null'],
  ],
  CBRT: [
    ['CBRT(-8)', 'DOUBLE', '-2.0'],
    ['CBRT(L)', 'DOUBLE', '-1.9129311827723892'],
    ['CBRT(3.0e0)', 'DOUBLE', '1.4422495703074083'],
    ['CBRT(I_NULL)', 'DOUBLE', 'null'],
  ],
  EXP: [
    ['EXP(0)', 'DOUBLE', '1.0'],
    ['EXP(1)', 'DOUBLE', '2.718281828459045'],
    ['EXP(-1)', 'DOUBLE', '0.36787944117144233'],
    // Correctly rounded, as Java's Math.exp (fdlibm's last digit would be 5.75460267600573).
    ['EXP(1.75)', 'DOUBLE', '5.754602676005731'],
    ['EXP(710)', 'DOUBLE', '"Infinity"'],
    ['EXP(-746)', 'DOUBLE', '0.0'],
    ['EXP(D_NAN)', 'DOUBLE', '"NaN"'],
    ['EXP(L_NULL)', 'DOUBLE', 'null'],
  ],
  LN: [
    ['LN(1)', 'DOUBLE', '0.0'],
    ['LN(2)', 'DOUBLE', '0.6931471805599453'],
    // ksqlDB's own test: Java gives the correctly rounded 1.0986122886681098.
    ['LN(3)', 'DOUBLE', '1.0986122886681098'],
    ['LN(0)', 'DOUBLE', '"-Infinity"'],
    ['LN(-1)', 'DOUBLE', '"NaN"'],
    ['LN(D_INF)', 'DOUBLE', '"Infinity"'],
    ['LN(DEC2)', 'DOUBLE', '-2.091870461698873'],
    ['LN(D_NULL)', 'DOUBLE', 'null'],
  ],
  LOG: [
    // One argument: the natural logarithm (what ksqlDB computes, whatever its description says).
    ['LOG(13)', 'DOUBLE', '2.5649493574615367'],
    ['LOG(L)', 'DOUBLE', '"NaN"'],
    ['LOG(0.0e0)', 'DOUBLE', '"-Infinity"'],
    ['LOG(15, 13)', 'DOUBLE', '0.9471572411831843'],
    ['LOG(2, 8)', 'DOUBLE', '3.0'],
    ['LOG(10, 1000)', 'DOUBLE', '2.9999999999999996'],
    ['LOG(15, 0)', 'DOUBLE', '"-Infinity"'],
    ['LOG(15, -13)', 'DOUBLE', '"NaN"'],
    ['LOG(1, 13)', 'DOUBLE', '"NaN"'],
    ['LOG(0, 13)', 'DOUBLE', '"NaN"'],
    ['LOG(-15, 13)', 'DOUBLE', '"NaN"'],
    ['LOG(I_NULL, 13)', 'DOUBLE', 'null'],
    ['LOG(15, L_NULL)', 'DOUBLE', 'null'],
  ],
  POWER: [
    ['POWER(2, 10)', 'DOUBLE', '1024.0'],
    ['POWER(15, 13)', 'DOUBLE', '1.946195068359375E15'],
    ['POWER(15, -1)', 'DOUBLE', '0.06666666666666667'],
    ['POWER(0, 0)', 'DOUBLE', '1.0'],
    ['POWER(0, -1)', 'DOUBLE', '"Infinity"'],
    ['POWER(-2, 3)', 'DOUBLE', '-8.0'],
    ['POWER(-8, 0.5e0)', 'DOUBLE', '"NaN"'],
    ['POWER(2.0e0, 1.5e0)', 'DOUBLE', '2.8284271247461903'],
    ['POWER(2.5, 2)', 'DOUBLE', '6.25'],
    ['POWER(L, 2)', 'DOUBLE', '49.0'],
    ['POWER(I_NULL, 2)', 'DOUBLE', 'null'],
    ['POWER(2, D_NULL)', 'DOUBLE', 'null'],
  ],
  SIN: [
    ['SIN(0)', 'DOUBLE', '0.0'],
    ['SIN(D_NEG_ZERO)', 'DOUBLE', '-0.0'],
    ['SIN(PI())', 'DOUBLE', '1.2246467991473532E-16'],
    ['SIN(2.5)', 'DOUBLE', '0.5984721441039565'],
    ['SIN(I)', 'DOUBLE', '-0.6569865987187891'],
    ['SIN(D_INF)', 'DOUBLE', '"NaN"'],
    ['SIN(D_NULL)', 'DOUBLE', 'null'],
  ],
  COS: [
    ['COS(0)', 'DOUBLE', '1.0'],
    ['COS(PI())', 'DOUBLE', '-1.0'],
    ['COS(6)', 'DOUBLE', '0.960170286650366'],
    ['COS(L)', 'DOUBLE', '0.7539022543433046'],
    ['COS(D_NAN)', 'DOUBLE', '"NaN"'],
    ['COS(I_NULL)', 'DOUBLE', 'null'],
  ],
  TAN: [
    ['TAN(0)', 'DOUBLE', '0.0'],
    ['TAN(4)', 'DOUBLE', '1.1578212823495775'],
    ['TAN(PI() / 4)', 'DOUBLE', '0.9999999999999999'],
    ['TAN(D_NULL)', 'DOUBLE', 'null'],
  ],
  COT: [
    ['COT(1)', 'DOUBLE', '0.6420926159343306'],
    ['COT(0)', 'DOUBLE', '"Infinity"'],
    ['COT(I_NULL)', 'DOUBLE', 'null'],
  ],
  ASIN: [
    ['ASIN(1)', 'DOUBLE', '1.5707963267948966'],
    ['ASIN(0.5)', 'DOUBLE', '0.5235987755982989'],
    ['ASIN(2)', 'DOUBLE', '"NaN"'],
    ['ASIN(L_NULL)', 'DOUBLE', 'null'],
  ],
  ACOS: [
    ['ACOS(1)', 'DOUBLE', '0.0'],
    ['ACOS(-1)', 'DOUBLE', '3.141592653589793'],
    ['ACOS(-1.1e0)', 'DOUBLE', '"NaN"'],
    ['ACOS(D_NULL)', 'DOUBLE', 'null'],
  ],
  ATAN: [
    ['ATAN(1)', 'DOUBLE', '0.7853981633974483'],
    ['ATAN(L)', 'DOUBLE', '-1.4288992721907328'],
    ['ATAN(D_INF)', 'DOUBLE', '1.5707963267948966'],
    ['ATAN(I_NULL)', 'DOUBLE', 'null'],
  ],
  ATAN2: [
    ['ATAN2(1, 1)', 'DOUBLE', '0.7853981633974483'],
    ['ATAN2(0, -1)', 'DOUBLE', '3.141592653589793'],
    ['ATAN2(D_NEG_ZERO, -1)', 'DOUBLE', '-3.141592653589793'],
    ['ATAN2(0, 0)', 'DOUBLE', '0.0'],
    ['ATAN2(L, L)', 'DOUBLE', '-2.356194490192345'],
    ['ATAN2(I_NULL, 1)', 'DOUBLE', 'null'],
    ['ATAN2(1, D_NULL)', 'DOUBLE', 'null'],
  ],
  SINH: [
    ['SINH(0)', 'DOUBLE', '0.0'],
    ['SINH(1)', 'DOUBLE', '1.1752011936438014'],
    ['SINH(I)', 'DOUBLE', '-548.3161232732465'],
    ['SINH(D_NULL)', 'DOUBLE', 'null'],
  ],
  COSH: [
    ['COSH(0)', 'DOUBLE', '1.0'],
    ['COSH(L)', 'DOUBLE', '548.317035155212'],
    ['COSH(I_NULL)', 'DOUBLE', 'null'],
  ],
  TANH: [
    ['TANH(0)', 'DOUBLE', '0.0'],
    ['TANH(100)', 'DOUBLE', '1.0'],
    ['TANH(-0.43)', 'DOUBLE', '-0.4053213086894629'],
    ['TANH(L_NULL)', 'DOUBLE', 'null'],
  ],
  DEGREES: [
    ['DEGREES(PI())', 'DOUBLE', '180.0'],
    ['DEGREES(1)', 'DOUBLE', '57.29577951308232'],
    ['DEGREES(L)', 'DOUBLE', '-401.07045659157626'],
    ['DEGREES(D_NULL)', 'DOUBLE', 'null'],
  ],
  RADIANS: [
    ['RADIANS(180)', 'DOUBLE', '3.141592653589793'],
    ['RADIANS(1)', 'DOUBLE', '0.017453292519943295'],
    ['RADIANS(-90.0)', 'DOUBLE', '-1.5707963267948966'],
    ['RADIANS(I_NULL)', 'DOUBLE', 'null'],
  ],
  PI: [['PI()', 'DOUBLE', '3.141592653589793']],
  CEIL: [
    ['CEIL(I)', 'INTEGER', '-7'],
    ['CEIL(L_MAX)', 'BIGINT', '9223372036854775807'],
    ['CEIL(D)', 'DOUBLE', '-2.0'],
    ['CEIL(1.2e0)', 'DOUBLE', '2.0'],
    ['CEIL(-0.5e0)', 'DOUBLE', '-0.0'],
    ['CEIL(D_NAN)', 'DOUBLE', '"NaN"'],
    // DECIMAL: same type, the value keeps its scale.
    ['CEIL(-1.25)', 'DECIMAL(3, 2)', '-1.00'],
    ['CEIL(1.25)', 'DECIMAL(3, 2)', '2.00'],
    ['CEIL(DEC)', 'DECIMAL(9, 3)', '-123456.000'],
    ['CEIL(DEC_NULL)', 'DECIMAL(4, 2)', 'null'],
    ['CEIL(D_NULL)', 'DOUBLE', 'null'],
  ],
  FLOOR: [
    ['FLOOR(I)', 'INTEGER', '-7'],
    ['FLOOR(L_MIN)', 'BIGINT', '-9223372036854775808'],
    ['FLOOR(D)', 'DOUBLE', '-3.0'],
    ['FLOOR(1.7e0)', 'DOUBLE', '1.0'],
    ['FLOOR(-1.25)', 'DECIMAL(3, 2)', '-2.00'],
    ['FLOOR(DEC2)', 'DECIMAL(7, 6)', '0.000000'],
    ['FLOOR(DEC_FRAC)', 'DECIMAL(2, 2)', '0.00'],
    ['FLOOR(DEC)', 'DECIMAL(9, 3)', '-123457.000'],
    ['FLOOR(I_NULL)', 'INTEGER', 'null'],
  ],
  ROUND: [
    // INT and BIGINT: BIGINT, unchanged.
    ['ROUND(I)', 'BIGINT', '-7'],
    ['ROUND(L_MAX)', 'BIGINT', '9223372036854775807'],
    // DOUBLE: java.lang.Math.round, ties towards positive infinity, saturating, NaN → 0.
    ['ROUND(D)', 'BIGINT', '-2'],
    ['ROUND(2.5e0)', 'BIGINT', '3'],
    ['ROUND(-1.5e0)', 'BIGINT', '-1'],
    ['ROUND(-1.7e0)', 'BIGINT', '-2'],
    ['ROUND(0.49999999999999994e0)', 'BIGINT', '0'],
    ['ROUND(1e19)', 'BIGINT', '9223372036854775807'],
    ['ROUND(-1e19)', 'BIGINT', '-9223372036854775808'],
    ['ROUND(D_NAN)', 'BIGINT', '0'],
    ['ROUND(D_NULL)', 'BIGINT', 'null'],
    // DOUBLE with places: DOUBLE, through the shortest decimal text of the double.
    ['ROUND(1.005e0, 2)', 'DOUBLE', '1.01'],
    ['ROUND(12345.678e0, 1)', 'DOUBLE', '12345.7'],
    ['ROUND(12345.678e0, -1)', 'DOUBLE', '12350.0'],
    ['ROUND(12345.678e0, -2)', 'DOUBLE', '12300.0'],
    ['ROUND(-12345.678e0, 2)', 'DOUBLE', '-12345.68'],
    ['ROUND(D, 0)', 'DOUBLE', '-2.0'],
    ['ROUND(-0.4e0, 0)', 'DOUBLE', '0.0'],
    ['ROUND(1.234567e0, 10)', 'DOUBLE', '1.234567'],
    ['ROUND(I, -1)', 'DOUBLE', '-10.0'],
    ['ROUND(-15, -1)', 'DOUBLE', '-10.0'],
    ['ROUND(D_NAN, 2)', 'DOUBLE', 'null'],
    ['ROUND(1.5e0, I_NULL)', 'DOUBLE', 'null'],
    // DECIMAL: DECIMAL(p - s, 0), HALF_UP for positive values and HALF_DOWN for the others.
    ['ROUND(1.5)', 'DECIMAL(1, 0)', '2'],
    ['ROUND(-2.5)', 'DECIMAL(1, 0)', '-2'],
    ['ROUND(-2.51)', 'DECIMAL(1, 0)', '-3'],
    ['ROUND(DEC)', 'DECIMAL(6, 0)', '-123457'],
    ['ROUND(DEC_NULL)', 'DECIMAL(2, 0)', 'null'],
    // DECIMAL with places: the argument's type, the value keeping its scale.
    ['ROUND(DEC, 1)', 'DECIMAL(9, 3)', '-123456.800'],
    ['ROUND(0.5, 0)', 'DECIMAL(1, 1)', '1.0'],
    ['ROUND(DEC, -2)', 'DECIMAL(9, 3)', '-123500.000'],
    ['ROUND(DEC, 5)', 'DECIMAL(9, 3)', '-123456.789'],
    ['ROUND(1.25, 1)', 'DECIMAL(3, 2)', '1.30'],
    ['ROUND(-1.25, 1)', 'DECIMAL(3, 2)', '-1.20'],
    ['ROUND(DEC, I_NULL)', 'DECIMAL(9, 3)', 'null'],
  ],
  TRUNC: [
    ['TRUNC(I)', 'BIGINT', '-7'],
    ['TRUNC(L_MIN)', 'BIGINT', '-9223372036854775808'],
    // DOUBLE: Java's (long) conversion, towards zero, saturating, NaN → 0.
    ['TRUNC(D)', 'BIGINT', '-2'],
    ['TRUNC(1.7e0)', 'BIGINT', '1'],
    ['TRUNC(-1e19)', 'BIGINT', '-9223372036854775808'],
    ['TRUNC(D_NAN)', 'BIGINT', '0'],
    ['TRUNC(12345.678e0, 2)', 'DOUBLE', '12345.67'],
    ['TRUNC(-12345.678e0, -1)', 'DOUBLE', '-12340.0'],
    ['TRUNC(1.7e0, 0)', 'DOUBLE', '1.0'],
    ['TRUNC(I, -1)', 'DOUBLE', '0.0'],
    ['TRUNC(D_NULL, 1)', 'DOUBLE', 'null'],
    ['TRUNC(-1.79)', 'DECIMAL(1, 0)', '-1'],
    ['TRUNC(DEC)', 'DECIMAL(6, 0)', '-123456'],
    ['TRUNC(DEC2)', 'DECIMAL(1, 0)', '0'],
    ['TRUNC(DEC, 2)', 'DECIMAL(9, 3)', '-123456.780'],
    ['TRUNC(DEC, -2)', 'DECIMAL(9, 3)', '-123400.000'],
    ['TRUNC(DEC, I_NULL)', 'DECIMAL(9, 3)', 'null'],
  ],
  GREATEST: [
    ['GREATEST(1, 2, NULL)', 'INTEGER', '2'],
    ['GREATEST(I, I_MAX, I_MIN, I_NULL)', 'INTEGER', '2147483647'],
    ['GREATEST(I_NULL, I_NULL)', 'INTEGER', 'null'],
    ['GREATEST(L_MAX, L_MIN, L_NULL, NULL)', 'BIGINT', '9223372036854775807'],
    ['GREATEST(D, D_NULL, 1.5e0)', 'DOUBLE', '1.5'],
    // Double.compare: NaN above everything, 0.0 above -0.0.
    ['GREATEST(D, D_NAN, D_INF)', 'DOUBLE', '"NaN"'],
    ['GREATEST(D_NEG_ZERO, 0.0e0)', 'DOUBLE', '0.0'],
    // Mixed numbers with a DOUBLE among them: DOUBLE.
    ['GREATEST(I, L, DEC, D, NULL)', 'DOUBLE', '-2.5'],
    ['GREATEST(I_MAX, L_MAX, 1.5e0)', 'DOUBLE', '9.223372036854776E18'],
    // DECIMAL: the widest type of the arguments.
    ['GREATEST(DEC, DEC2)', 'DECIMAL(12, 6)', '0.123456'],
    ['GREATEST(DEC, DEC_NULL, NULL)', 'DECIMAL(9, 3)', '-123456.789'],
    ['GREATEST(1.5, 1.25)', 'DECIMAL(3, 2)', '1.50'],
    ['GREATEST(S, S_NULL, \'banana\', NULL)', 'STRING', '"banana"'],
    ["GREATEST('Zebra', 'aardvark', '!')", 'STRING', '"aardvark"'],
    ["GREATEST('a', 'é')", 'STRING', '"é"'],
    // BYTES compare as signed bytes: 0x80 is -128.
    ['GREATEST(B1, B2)', 'BYTES', '"AQI="'],
    // A STRING converts to DATE, TIME or TIMESTAMP when the others are of that type.
    ["GREATEST(DT, NULL, '2022-06-14')", 'DATE', '"2022-06-14"'],
    ["GREATEST(DT, '1970-01-01')", 'DATE', '"2022-03-20"'],
    ["GREATEST(TM, '00:30:00')", 'TIME', '"01:00"'],
    ["GREATEST(TS, '2020-09-13T12:26:40.001')", 'TIMESTAMP', '"2020-09-13T12:26:40.001"'],
    ['GREATEST(7)', 'INTEGER', '7'],
  ],
  LEAST: [
    ['LEAST(I, I_MAX, I_MIN, NULL, 5)', 'INTEGER', '-2147483648'],
    ['LEAST(L_MAX, L_MIN, L_NULL)', 'BIGINT', '-9223372036854775808'],
    ['LEAST(I, L, DEC, D, NULL)', 'DOUBLE', '-123456.789'],
    ['LEAST(D_NEG_ZERO, 0.0e0)', 'DOUBLE', '-0.0'],
    ['LEAST(D_NAN, D)', 'DOUBLE', '-2.5'],
    ['LEAST(DEC, DEC2)', 'DECIMAL(12, 6)', '-123456.789000'],
    ["LEAST(S, S_NULL, 'hello', NULL)", 'STRING', '"apple"'],
    ["LEAST(S_NULL, S_NULL, 'hello')", 'STRING', '"hello"'],
    ["LEAST('Zebra', 'aardvark', '!')", 'STRING', '"!"'],
    ['LEAST(B1, B2)', 'BYTES', '"gA=="'],
    ["LEAST(DT, NULL, '2022-06-14')", 'DATE', '"2022-03-20"'],
    ['LEAST(D_NULL)', 'DOUBLE', 'null'],
  ],
  GEO_DISTANCE: [
    // ksqlDB's test points (to the last digit of a JDK 9+ JVM).
    ['GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122)', 'DOUBLE', '8634.659796579546'],
    ['GEO_DISTANCE(51.5257, -0.1122, -33.9323, 18.4197)', 'DOUBLE', '9673.40421197142'],
    ['GEO_DISTANCE(-33.9323, 18.4197, -33.8666, 151.1)', 'DOUBLE', '11005.23304055582'],
    ["GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122, 'KM')", 'DOUBLE', '8634.659796579546'],
    ["GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122, ' Miles ')", 'DOUBLE', '5365.659729188263'],
    ["GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122, 'mi')", 'DOUBLE', '5365.659729188263'],
    ['GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122, S_NULL)', 'DOUBLE', '8634.659796579546'],
    ["GEO_DISTANCE(37.4439, -122.1663, 51.5257, -0.1122, '')", 'DOUBLE', '8634.659796579546'],
    ['GEO_DISTANCE(0, 0, 0, 0)', 'DOUBLE', '0.0'],
    // Out-of-range coordinates and unknown units fail the row.
    ['GEO_DISTANCE(90.5, 0, 0, 0)', 'DOUBLE', 'null'],
    ['GEO_DISTANCE(0, 180.5, 0, 0)', 'DOUBLE', 'null'],
    ["GEO_DISTANCE(0, 0, 0, 0, 'furlongs')", 'DOUBLE', 'null'],
    ['GEO_DISTANCE(D_NULL, 0, 0, 0)', 'DOUBLE', 'null'],
    ["GEO_DISTANCE(0, 0, D_NULL, 0, 'km')", 'DOUBLE', 'null'],
  ],
};

describe('functions: math', () => {
  itEvaluates(cases, COLUMNS);

  it('reads columns and widens INTEGER to DOUBLE for SQRT', () => {
    expect(evaluate('SQRT(I) + D', { I: [INTEGER, 9], D: [DOUBLE, 0.5] }).json).to.equal('3.5');
  });

  it('RANDOM is a DOUBLE in [0, 1) that changes from row to row', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = evaluate('RANDOM()');
      expect(r.type).to.equal('DOUBLE');
      expect(r.value).to.be.a('number').within(0, 1).and.not.equal(1);
      seen.add(r.json);
    }
    expect(seen.size).to.be.greaterThan(1);
  });

  describe('errors', () => {
    const errors: [string, RegExp][] = [
      ["ABS('x')", /Function 'abs' does not accept parameters \(STRING\)\.$/],
      ['ROUND(1.5e0, 10000000000)', /Function 'round' does not accept parameters \(DOUBLE, BIGINT\)\./],
      ['GREATEST()', /Function 'greatest' does not accept parameters \(\)\./],
      ["LEAST(S, I)", /Function 'least' does not accept parameters \(STRING, INTEGER\)\./],
      ['GREATEST(DT, TS)', /Function 'greatest' does not accept parameters \(DATE, TIMESTAMP\)\./],
      // ksqlDB's resolution: several overloads take these after implicit conversion.
      ['LEAST(I, L)', /Function 'least' cannot be resolved due to ambiguous method parameters \(INTEGER, BIGINT\)\./],
      ['LEAST(NULL, NULL, NULL, NULL)', /Function 'least' cannot be resolved due to ambiguous method parameters \(null, null, null, null\)\./],
      ['GREATEST(DEC, 1)', /Function 'greatest' cannot be resolved due to ambiguous method parameters \(DECIMAL\(9, 3\), INTEGER\)\./],
      ["GEO_DISTANCE(0, 0, 0)", /Function 'geo_distance' does not accept parameters \(INTEGER, INTEGER, INTEGER\)\./],
      ['PI(1)', /Function 'pi' does not accept parameters \(INTEGER\)\./],
      // ROUND and TRUNC of a DECIMAL without integral digits: no DECIMAL(0, 0) result type.
      ['ROUND(0.5)', /DECIMAL precision must be >= 1: DECIMAL\(0,0\)/],
      ['TRUNC(DEC_FRAC)', /DECIMAL precision must be >= 1: DECIMAL\(0,0\)/],
    ];
    for (const [expr, message] of errors) {
      it(`${expr} fails to compile`, () => {
        expect(compileError(expr, COLUMNS)).to.match(message);
      });
    }
  });
});

describe('java-math: correctly rounded like the JVM intrinsics', () => {
  // Arguments where fdlibm (V8's Math) is one unit off in the last place.
  const table: [string, (x: number) => number, number, number][] = [
    ['log', javaLog, 3, 1.0986122886681098],
    ['log', javaLog, 5.125, 1.634130525024472],
    ['exp', javaExp, 3.375, 29.22428378123494],
    ['sin', javaSin, 9.875, -0.4351654579691988],
    ['cos', javaCos, 0.875, 0.6409968581633251],
    ['tan', javaTan, 7, 0.8714479827243188],
  ];
  for (const [name, f, x, want] of table) {
    it(`${name}(${x}) = ${want}`, () => expect(f(x)).to.equal(want));
  }

  it('pow: exact results stay exact, others are correctly rounded', () => {
    expect(javaPow(3, 7.5)).to.equal(3787.995116153135);
    expect(javaPow(10, -2)).to.equal(0.01);
    expect(javaPow(-3, 3)).to.equal(-27);
    expect(javaPow(-3, 4)).to.equal(81);
    expect(javaPow(2, -1074)).to.equal(5e-324);
    expect(javaPow(10, 308)).to.equal(1e308);
    expect(javaPow(10, 309)).to.equal(Infinity);
    expect(javaPow(-0, -1)).to.equal(-Infinity);
    expect(javaPow(1, NaN)).to.be.NaN;
  });

  it('agrees with sums of squares (sin² + cos² = 1) across the reduced range', () => {
    for (let x = -1000; x < 1000; x += 7.31) {
      const s = javaSin(x);
      const c = javaCos(x);
      expect(Math.abs(s * s + c * c - 1)).to.be.lessThan(4e-16);
      expect(Math.abs(javaTan(x) - s / c)).to.be.lessThan(1e-12 * Math.max(1, Math.abs(s / c)));
    }
  });

  it('handles the edges', () => {
    expect(javaLog(5e-324)).to.equal(-744.4400719213812);
    expect(javaLog(Number.MAX_VALUE)).to.equal(709.782712893384);
    expect(javaExp(709.782712893384)).to.equal(1.7976931348622732e308);
    expect(javaExp(1e-300)).to.equal(1);
    expect(Object.is(javaSin(-0), -0)).to.equal(true);
    expect(javaSin(1e22)).to.equal(Math.sin(1e22));
  });
});
