/** Math functions: types and values as ksqlDB prints them. */
import { expect } from 'chai';
import { DOUBLE, INTEGER } from '../../src/sql/types.js';
import { compileError, evaluate } from '../support/eval-expression.js';

const cases: [string, string, string][] = [
  // expression, type, value
  ['ABS(-3)', 'INTEGER', '3'],
  // One INTEGER literal; Java's Math.abs(Integer.MIN_VALUE) stays negative.
  ['ABS(-2147483648)', 'INTEGER', '-2147483648'],
  ['ABS(-1.50)', 'DECIMAL(3, 2)', '1.50'],
  ['SQRT(16)', 'DOUBLE', '4.0'],
];

describe('functions: math', () => {
  for (const [expr, type, json] of cases) {
    it(`${expr} → ${json}`, () => {
      const r = evaluate(expr);
      expect([r.type, r.json]).to.deep.equal([type, json]);
    });
  }

  it('gives NULL for a NULL argument', () => {
    expect(evaluate('ABS(D)', { D: [DOUBLE, null] })).to.include({ type: 'DOUBLE', json: 'null' });
  });

  it('reads columns and widens INTEGER to DOUBLE for SQRT', () => {
    expect(evaluate('SQRT(I) + D', { I: [INTEGER, 9], D: [DOUBLE, 0.5] }).json).to.equal('3.5');
  });

  it("rejects an unknown signature with ksqlDB's message", () => {
    expect(compileError("ABS('x')")).to.match(/Function 'abs' does not accept parameters \(STRING\)\.$/);
  });
});
