/** TERMINATE <query id> | TERMINATE ALL. Only transient push queries exist so far. */
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';

export function terminate(stmt: ast.Terminate, ctx: ExecContext): StatementResult {
  if (stmt.all || stmt.queryId === undefined) {
    if (!ctx.dryRun) ctx.queries.closeAll();
    return { kind: 'command', commandId: 'terminate/ALL/execute', message: 'Query terminated.', queryId: null };
  }
  const query = ctx.queries.get(stmt.queryId) ?? ctx.queries.get(stmt.queryId.toUpperCase());
  if (!query) throw new KsqlStatementError(`Unknown queryId: ${stmt.queryId}`);
  if (!ctx.dryRun) query.close();
  return { kind: 'terminateQuery', queryId: query.id, wasTerminated: true };
}
