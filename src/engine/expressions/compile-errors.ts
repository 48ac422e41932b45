/** Semantic errors located in the statement, worded as ksqlDB's (`Line: L, Col: C: ...`). */
import { KsqlStatementError } from '../../errors.js';
import type { Location } from '../../sql/ast.js';

export function semanticError(loc: Location | undefined, message: string): KsqlStatementError {
  const prefix = loc ? `Line: ${loc.line}, Col: ${loc.column}: ` : '';
  return new KsqlStatementError(prefix + message);
}
