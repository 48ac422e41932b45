/**
 * TERMINATE <query id> | TERMINATE ALL. ALL ends the persistent queries; a single id may also
 * name a transient push query, which answers with a terminate_query entity.
 */
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';

export function terminate(stmt: ast.Terminate, ctx: ExecContext): StatementResult {
  if (stmt.all || stmt.queryId === undefined) {
    if (!ctx.dryRun) ctx.queries.closeAll('PERSISTENT');
    return { kind: 'command', commandId: 'terminate/ALL/execute', message: 'Query terminated.', queryId: null };
  }
  const query = ctx.queries.get(stmt.queryId) ?? ctx.queries.get(stmt.queryId.toUpperCase());
  if (!query) throw new KsqlStatementError(`Unknown queryId: ${stmt.queryId}`);
  if (!ctx.dryRun) query.close();
  if (query.type === 'PERSISTENT') {
    return { kind: 'command', commandId: `terminate/${query.id}/execute`, message: 'Query terminated.', queryId: null };
  }
  return { kind: 'terminateQuery', queryId: query.id, wasTerminated: true };
}
