/**
 * DECIMAL arithmetic with ksqlDB's result types (DecimalUtil / the SQL Server rules it follows):
 *   + and -: scale max(s1, s2), precision max(p1 - s1, p2 - s2) + scale + 1
 *   *: precision p1 + p2 + 1, scale s1 + s2
 *   /: scale max(6, s1 + p2 + 1), precision p1 - s1 + s2 + scale
 *   %: scale max(s1, s2), precision min(p1 - s1, p2 - s2) + scale
 * An INTEGER operand counts as DECIMAL(10, 0), a BIGINT as DECIMAL(19, 0). A NULL operand or a
 * division by zero fails the whole expression (evaluation-error.ts).
 */
import type * as ast from '../../sql/ast.js';
import { Decimal } from '../../sql/decimal.js';
import { decimal, type DecimalType } from '../../sql/types.js';
import type { Compiled } from './compiled.js';
import { asDecimalType, converter } from './numeric.js';
import { voidExpression } from './evaluation-error.js';

function resultType(op: ast.ArithmeticOp, a: DecimalType, b: DecimalType): DecimalType {
  const [p1, s1, p2, s2] = [a.precision, a.scale, b.precision, b.scale];
  switch (op) {
    case '*':
      return decimal(p1 + p2 + 1, s1 + s2);
    case '/': {
      const scale = Math.max(6, s1 + p2 + 1);
      return decimal(p1 - s1 + s2 + scale, scale);
    }
    case '%': {
      const scale = Math.max(s1, s2);
      return decimal(Math.min(p1 - s1, p2 - s2) + scale, scale);
    }
    default: {
      const scale = Math.max(s1, s2);
      return decimal(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
  }
}

function operation(op: ast.ArithmeticOp, scale: number): (a: Decimal, b: Decimal) => Decimal {
  switch (op) {
    case '+':
      return (a, b) => a.add(b);
    case '-':
      return (a, b) => a.subtract(b);
    case '*':
      return (a, b) => a.multiply(b);
    case '/':
      return (a, b) => a.divide(b, scale, 'HALF_UP');
    default:
      return (a, b) => a.subtract(b.multiply(a.divide(b, 0, 'DOWN')));
  }
}

export function decimalArithmetic(op: ast.ArithmeticOp, l: Compiled, r: Compiled): Compiled {
  const a = asDecimalType(l.type!);
  const b = asDecimalType(r.type!);
  const type = resultType(op, a, b);
  const f = operation(op, type.scale);
  const cl = converter(l.type!, a);
  const cr = converter(r.type!, b);
  const le = l.eval;
  const re = r.eval;
  return {
    type,
    constant: l.constant === true && r.constant === true,
    eval: (row) => {
      const x = le(row);
      const y = re(row);
      if (x === null || x === undefined || y === null || y === undefined) return voidExpression('arithmetic on NULL');
      try {
        return f(cl(x) as Decimal, cr(y) as Decimal).setScale(type.scale, 'HALF_UP');
      } catch (err) {
        return voidExpression((err as Error).message);
      }
    },
  };
}
