import { expect } from 'chai';
import { Decimal, DecimalFormatError, type RoundingMode } from '../../src/sql/decimal.js';

const d = (text: string): Decimal => Decimal.parse(text);

// Expected values are java.math.BigDecimal's (checked with a JDK 17 harness).
describe('Decimal', () => {
  describe('parse → unscaled, scale, toString (toPlainString)', () => {
    const cases: ReadonlyArray<readonly [string, bigint, number, string]> = [
      ['0', 0n, 0, '0'],
      ['1.10', 110n, 2, '1.10'],
      ['-0.5', -5n, 1, '-0.5'],
      ['0.000', 0n, 3, '0.000'],
      ['-0.00', 0n, 2, '0.00'],
      ['1000', 1000n, 0, '1000'],
      ['+3', 3n, 0, '3'],
      ['.5', 5n, 1, '0.5'],
      ['1.', 1n, 0, '1'],
      ['007.50', 750n, 2, '7.50'],
      ['1E+3', 1n, -3, '1000'],
      ['1e3', 1n, -3, '1000'],
      ['1.5e-3', 15n, 4, '0.0015'],
      ['-1.23E2', -123n, 0, '-123'],
      ['12.345E1', 12345n, 2, '123.45'],
      ['0E+3', 0n, -3, '0'],
      ['123456789012345678901234567890.123', 123456789012345678901234567890123n, 3, '123456789012345678901234567890.123'],
    ];
    for (const [text, unscaled, scale, printed] of cases) {
      it(`${text}`, () => {
        const v = d(text);
        expect(v.unscaled).to.equal(unscaled);
        expect(v.scale).to.equal(scale);
        expect(v.toString()).to.equal(printed);
      });
    }
  });

  describe('parse rejects junk', () => {
    for (const text of ['', ' 1', '1 ', '.', '-', '+', 'e5', '1e', '1e+', '--1', '1.2.3', 'NaN', 'Infinity', '0x10', '1_000', '1,5', '1e99999999']) {
      it(JSON.stringify(text), () => expect(() => d(text)).to.throw(DecimalFormatError));
    }
  });

  describe('fromNumber (shortest round-trip digits)', () => {
    const cases: ReadonlyArray<readonly [number, string, number]> = [
      [0, '0', 0],
      [-0, '0', 0],
      [2, '2', 0],
      [0.1, '0.1', 1],
      [-1.25, '-1.25', 2],
      [1e21, '1000000000000000000000', -21],
      [1.5e-7, '0.00000015', 8],
      [9007199254740993, '9007199254740992', 0],
    ];
    for (const [x, text, scale] of cases) {
      it(`${x}`, () => {
        const v = Decimal.fromNumber(x);
        expect(v.toString()).to.equal(text);
        expect(v.scale).to.equal(scale);
      });
    }
    it('rejects NaN and infinities', () => {
      for (const x of [NaN, Infinity, -Infinity]) expect(() => Decimal.fromNumber(x)).to.throw(RangeError);
    });
  });

  describe('precision', () => {
    const cases: ReadonlyArray<readonly [string, number]> = [
      ['0', 1],
      ['0.00', 1],
      ['1.10', 3],
      ['-123.45', 5],
      ['1E+3', 1],
      ['0.001', 1],
    ];
    for (const [text, p] of cases) it(`${text} → ${p}`, () => expect(d(text).precision()).to.equal(p));
  });

  describe('setScale', () => {
    const cases: ReadonlyArray<readonly [string, number, RoundingMode, string]> = [
      ['1.1', 2, 'HALF_UP', '1.10'],
      ['1.25', 1, 'HALF_UP', '1.3'],
      ['-1.25', 1, 'HALF_UP', '-1.3'],
      ['1.249', 1, 'HALF_UP', '1.2'],
      ['1.25', 1, 'HALF_EVEN', '1.2'],
      ['1.35', 1, 'HALF_EVEN', '1.4'],
      ['1.25', 1, 'HALF_DOWN', '1.2'],
      ['1.251', 1, 'HALF_DOWN', '1.3'],
      ['1.21', 1, 'UP', '1.3'],
      ['-1.21', 1, 'UP', '-1.3'],
      ['1.29', 1, 'DOWN', '1.2'],
      ['-1.21', 1, 'FLOOR', '-1.3'],
      ['-1.29', 1, 'CEILING', '-1.2'],
      ['0.5', 0, 'HALF_UP', '1'],
      ['-0.5', 0, 'HALF_UP', '-1'],
      ['0.05', 0, 'HALF_UP', '0'],
      ['99.95', 1, 'HALF_UP', '100.0'],
      ['1E+3', 2, 'HALF_UP', '1000.00'],
      ['1234.5', -2, 'HALF_UP', '1200'],
    ];
    for (const [text, scale, mode, expected] of cases) {
      it(`${text} → scale ${scale} ${mode} = ${expected}`, () => {
        expect(d(text).setScale(scale, mode).toString()).to.equal(expected);
      });
    }
    it('defaults to HALF_UP', () => expect(d('2.5').setScale(0).toString()).to.equal('3'));
    it('UNNECESSARY throws only when digits are lost', () => {
      expect(d('1.20').setScale(1, 'UNNECESSARY').toString()).to.equal('1.2');
      expect(() => d('1.25').setScale(1, 'UNNECESSARY')).to.throw(RangeError);
    });
  });

  describe('arithmetic', () => {
    const cases: ReadonlyArray<readonly [string, string, string, string, string]> = [
      // a, b, a+b, a-b, a*b
      ['1.10', '3', '4.10', '-1.90', '3.30'],
      ['-0.5', '0.25', '-0.25', '-0.75', '-0.125'],
      ['1E+3', '7', '1007', '993', '7000'],
      ['0.1', '0.2', '0.3', '-0.1', '0.02'],
      ['99999999999999999999', '0.00000000000000000001', '99999999999999999999.00000000000000000001', '99999999999999999998.99999999999999999999', '0.99999999999999999999'],
    ];
    for (const [a, b, sum, diff, product] of cases) {
      it(`${a} ${b}`, () => {
        expect(d(a).add(d(b)).toString()).to.equal(sum);
        expect(d(a).subtract(d(b)).toString()).to.equal(diff);
        expect(d(a).multiply(d(b)).toString()).to.equal(product);
      });
    }

    const divisions: ReadonlyArray<readonly [string, string, number, RoundingMode, string]> = [
      ['1.10', '3', 6, 'HALF_UP', '0.366667'],
      ['-0.5', '0.25', 6, 'HALF_UP', '-2.000000'],
      ['1', '3', 0, 'HALF_UP', '0'],
      ['2', '3', 0, 'HALF_UP', '1'],
      ['-2', '3', 2, 'HALF_UP', '-0.67'],
      ['5', '2', 0, 'HALF_EVEN', '2'],
      ['7', '2', 0, 'HALF_EVEN', '4'],
      ['10', '4', 1, 'HALF_UP', '2.5'],
      ['1E+3', '0.3', 2, 'HALF_UP', '3333.33'],
      ['123.456', '0.001', 0, 'HALF_UP', '123456'],
      ['1', '8', 2, 'DOWN', '0.12'],
    ];
    for (const [a, b, scale, mode, expected] of divisions) {
      it(`${a} / ${b} at scale ${scale} ${mode} = ${expected}`, () => {
        expect(d(a).divide(d(b), scale, mode).toString()).to.equal(expected);
      });
    }
    it('division by zero throws', () => expect(() => d('1').divide(d('0.00'), 2)).to.throw(RangeError));
    it('negate, abs, signum, isZero', () => {
      expect(d('1.50').negate().toString()).to.equal('-1.50');
      expect(d('-1.50').abs().toString()).to.equal('1.50');
      expect([d('-3').signum(), d('0.000').signum(), d('2').signum()]).to.deep.equal([-1, 0, 1]);
      expect(d('0.000').isZero()).to.equal(true);
    });
  });

  describe('comparison', () => {
    it('equals compares value and scale (BigDecimal.equals)', () => {
      expect(d('1.5').equals(d('1.50'))).to.equal(false);
      expect(d('1.50').equals(d('1.50'))).to.equal(true);
      expect(d('1.5').equals('1.5')).to.equal(false);
    });
    it('compareValue ignores scale (BigDecimal.compareTo)', () => {
      expect(d('1.5').compareValue(d('1.50'))).to.equal(0);
      expect(d('1.49').compareValue(d('1.5'))).to.equal(-1);
      expect(d('-1').compareValue(d('-2'))).to.equal(1);
      expect(d('1E+3').compareValue(d('999.99'))).to.equal(1);
    });
    it('Decimal.compare sorts numerically', () => {
      const sorted = ['10', '-1.5', '2.00', '0.001', '2'].map(d).sort(Decimal.compare).map(String);
      expect(sorted).to.deep.equal(['-1.5', '0.001', '2.00', '2', '10']);
    });
  });

  describe('toNumber', () => {
    const cases: ReadonlyArray<readonly [string, number]> = [
      ['1.10', 1.1],
      ['-0.5', -0.5],
      ['1E+3', 1000],
      ['0.1', 0.1],
      ['9007199254740993', 9007199254740992],
      ['123456789012345678901234567890.123', 1.2345678901234568e29],
      ['1e-400', 0],
    ];
    for (const [text, x] of cases) it(`${text} → ${x}`, () => expect(d(text).toNumber()).to.equal(x));
  });
});
