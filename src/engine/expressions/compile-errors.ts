/**
 * Errors found while compiling an expression. ksqlDB words them by kind: an unknown column is
 * reported with its position (`Line: L, Col: C: SELECT column 'X' cannot be resolved.`), while a
 * type error is wrapped by the clause it sits in (`Error in WHERE expression: ...`,
 * `Invalid Select: ...`); the planner does the wrapping (see src/planner/plan-select.ts).
 */
import { KsqlStatementError } from '../../errors.js';
import type { Location } from '../../sql/ast.js';

export class ExpressionError extends KsqlStatementError {
  constructor(
    readonly detail: string,
    readonly kind: 'resolution' | 'type',
    loc?: Location,
  ) {
    super(loc && kind === 'resolution' ? `Line: ${loc.line}, Col: ${loc.column}: ${detail}` : detail);
    this.name = 'ExpressionError';
  }
}

/** A type error (wrapped by its clause later). */
export function semanticError(loc: Location | undefined, message: string): ExpressionError {
  return new ExpressionError(message, 'type', loc);
}

/** A name that does not resolve, reported with its position. */
export function resolutionError(loc: Location | undefined, message: string): ExpressionError {
  return new ExpressionError(message, 'resolution', loc);
}
