/**
 * Clauses a pull query may not have, beyond those plan-select.ts refuses (ksqlDB's
 * PullQueryValidator rules, in its order: JOIN, WINDOW, GROUP BY, PARTITION BY, HAVING, LIMIT). The
 * LIMIT rules follow https://docs.ksqldb.io/en/latest/developer-guide/ksqldb-reference/select-pull-query/:
 * a non-negative count, while ksql.query.pull.limit.clause.enabled is on.
 */
import { KsqlStatementError } from '../errors.js';
import type * as ast from '../sql/ast.js';
import { PULL_QUERY_SYNTAX_HELP } from './pull-errors.js';
import type { PullSettings } from './pull-settings.js';

export function checkPullClauses(query: ast.Query, settings: PullSettings): void {
  // JOIN, WINDOW, GROUP BY and HAVING come first in ksqlDB's rules; the planners word those.
  if (query.joins.length > 0 || query.window || query.groupBy.length > 0 || query.having) return;
  if (query.partitionBy.length > 0) throw refused("Pull queries don't support PARTITION BY clauses.");
  if (query.limit === undefined) return;
  if (!settings.limitClause) {
    throw refused('LIMIT clause in pull queries is currently disabled. You can enable them by setting ksql.query.pull.limit.clause.enabled=true.');
  }
  if (query.limit < 0) throw refused("Pull queries don't support negative integers in the LIMIT clause.");
}

function refused(message: string): KsqlStatementError {
  return new KsqlStatementError(message + PULL_QUERY_SYNTAX_HELP);
}
