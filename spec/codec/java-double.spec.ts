import { expect } from 'chai';
import { formatJavaDouble, formatJavaDoubleJson, setJavaDoubleDigits } from '../../src/codec/java-double.js';

// Expected strings are Java's Double.toString output (checked against JDK 25 and JDK 17).
const cases: ReadonlyArray<readonly [number, string]> = [
  [1, '1.0'],
  [234, '234.0'],
  [100, '100.0'],
  [0, '0.0'],
  [-0, '-0.0'],
  [0.5, '0.5'],
  [-0.5, '-0.5'],
  [0.1111, '0.1111'],
  [123.456, '123.456'],
  [0.001, '0.001'],
  [-0.001, '-0.001'],
  [0.000999, '9.99E-4'],
  [1e-4, '1.0E-4'],
  [1e-5, '1.0E-5'],
  [1.5e-7, '1.5E-7'],
  [9999999, '9999999.0'],
  [9999999.5, '9999999.5'],
  [1e7, '1.0E7'],
  [-1e7, '-1.0E7'],
  [12345678.9, '1.23456789E7'],
  [123456789, '1.23456789E8'],
  [1e10, '1.0E10'],
  [1e21, '1.0E21'],
  [1e22, '1.0E22'],
  [1e23, '1.0E23'],
  [1e300, '1.0E300'],
  [1.7976931348623157e308, '1.7976931348623157E308'],
  [2.2250738585072014e-308, '2.2250738585072014E-308'],
  [5e-324, '4.9E-324'], // Double.MIN_VALUE: Java's two-digit rule, JavaScript prints 5e-324
  [-5e-324, '-4.9E-324'],
  [1e-323, '9.9E-324'],
  [1.5e-323, '1.5E-323'],
  [2e-323, '2.0E-323'],
  [1e-320, '1.0E-320'],
  [81717599280958416, '8.171759928095842E16'],
  [NaN, 'NaN'],
  [Infinity, 'Infinity'],
  [-Infinity, '-Infinity'],
];

describe('formatJavaDouble', () => {
  for (const [x, expected] of cases) {
    it(`${Object.is(x, -0) ? '-0' : String(x)} → ${expected}`, () => {
      expect(formatJavaDouble(x)).to.equal(expected);
    });
  }

  it('round-trips through Number()', () => {
    for (const x of [0.1, 1 / 3, Math.PI * 1e12, 6.02214076e23, 1.602176634e-19]) {
      expect(Number(formatJavaDouble(x))).to.equal(x);
    }
  });
});

describe('formatJavaDoubleJson', () => {
  const jsonCases: ReadonlyArray<readonly [number, string]> = [
    [1, '1.0'],
    [1e7, '1.0E7'],
    [NaN, '"NaN"'],
    [Infinity, '"Infinity"'],
    [-Infinity, '"-Infinity"'],
  ];
  for (const [x, expected] of jsonCases) {
    it(`${x} → ${expected}`, () => expect(formatJavaDoubleJson(x)).to.equal(expected));
  }
});

describe("setJavaDoubleDigits('jdk8-18')", () => {
  after(() => setJavaDoubleDigits('shortest'));

  // JDK 17 output: integers in [2^53, 2^63) come from the exact integer value.
  const legacy: ReadonlyArray<readonly [number, string]> = [
    [81717599280958416, '8.1717599280958416E16'],
    [183831415576560128, '1.83831415576560128E17'],
    [2 ** 60, '1.15292150460684698E18'],
    [2 ** 62, '4.6116860184273879E18'],
    [1e17, '1.0E17'],
    [1e7, '1.0E7'],
    [0.1, '0.1'],
    [5e-324, '4.9E-324'],
  ];
  for (const [x, expected] of legacy) {
    it(`${x} → ${expected}`, () => {
      setJavaDoubleDigits('jdk8-18');
      expect(formatJavaDouble(x)).to.equal(expected);
    });
  }
});
