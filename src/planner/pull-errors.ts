/**
 * The messages of ksqlDB's pull-query WHERE analysis (QueryFilterNode#invalidWhereClauseException
 * and PullPhysicalPlanBuilder). Clients match on these texts, so they are kept word for word,
 * including the guide to what a pull query's WHERE clause may hold that follows each of them.
 */
import { KsqlStatementError } from '../errors.js';

/** PullQueryValidator.PULL_QUERY_SYNTAX_HELP. */
export const PULL_QUERY_SYNTAX_HELP = ' See https://cnfl.io/queries for more info.\nAdd EMIT CHANGES if you intended to issue a push query.';

/** The comparisons allowed on WINDOWSTART and WINDOWEND, in ksqlDB's order and spelling. */
export const WINDOW_BOUND_OPERATORS = ['EQUAL', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL'] as const;

/**
 * A WHERE clause a pull query cannot run: the reason, then what is allowed. `windowed` adds the
 * lines about window bounds, as ksqlDB does for windowed tables.
 */
export function invalidWhereClause(reason: string, windowed: boolean): KsqlStatementError {
  const windowHelp = windowed
    ? '\n - (optionally) limits the time bounds of the windowed table.' +
      '\n\t Bounds on [`WINDOWSTART`, `WINDOWEND`] are supported' +
      `\n\t Supported operators are [${WINDOW_BOUND_OPERATORS.join(', ')}]`
    : '';
  return new KsqlStatementError(
    `${reason}. ${PULL_QUERY_SYNTAX_HELP}` +
      '\nPull queries require a WHERE clause that:' +
      '\n - includes a key equality expression, e.g. `SELECT * FROM X WHERE <key-column> = Y;`.' +
      '\n - in the case of a multi-column key, is a conjunction of equality expressions that cover all key columns.' +
      '\n - to support range expressions, e.g.,  SELECT * FROM X WHERE <key-column> < Y;`, range scans need to be enabled by setting ksql.query.pull.range.scan.enabled=true' +
      windowHelp +
      '\nIf more flexible queries are needed, , table scans can be enabled by setting ksql.query.pull.table.scan.enabled=true.',
  );
}

/** A query that would have to read the whole table while table scans are off. */
export function tableScanDisabled(): KsqlStatementError {
  return new KsqlStatementError('Query requires table scan to be enabled. Table scans can be enabled by setting ksql.query.pull.table.scan.enabled=true');
}
