/**
 * A row on which an expression cannot be computed at all. ksqlDB runs an expression as generated
 * Java code; an exception thrown anywhere inside it (a NullPointerException when arithmetic
 * unboxes a NULL operand, an ArithmeticException on integral division by zero) ends the whole
 * expression, whose value is then NULL (the error goes to the processing log). So `x + 5` on a
 * NULL `x` does not just make that sum NULL: `IFNULL(x + 5, 0)` is NULL too, and inside a lambda
 * it voids the call that runs the lambda (TRANSFORM of `[5, NULL]` by `x => x + 5` is NULL, not
 * `[10, NULL]`; ksqlDB's QTT "apply transform lambda function to array").
 */
import type { Compiled } from './compiled.js';

export class EvaluationError extends Error {}

/** Fails the expression being evaluated. */
export function voidExpression(reason: string): never {
  throw new EvaluationError(reason);
}

/** An expression as evaluated on its own (a select item, a predicate): NULL where it fails. */
export function nullWhereItFails(c: Compiled): Compiled {
  const e = c.eval;
  return {
    ...c,
    eval: (row) => {
      try {
        return e(row);
      } catch (err) {
        if (err instanceof EvaluationError) return null;
        throw err;
      }
    },
  };
}

/** The value of a constant expression, looked at while compiling: NULL where it fails. */
export function constantValue(c: Compiled): unknown {
  return nullWhereItFails(c).eval([]);
}
