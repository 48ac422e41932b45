/**
 * EXPLAIN <query id> | EXPLAIN <statement> (docs.ksqldb.io, "EXPLAIN"; ksqlDB's ExplainExecutor).
 * An id names a running query. A statement (a SELECT, CREATE ... AS SELECT or INSERT INTO ...
 * SELECT) is planned against a sandbox, so nothing is created or started, and described with the
 * id its query would get: a transient id for a SELECT, the next persistent id otherwise.
 */
import { KsqlStatementError } from '../../errors.js';
import { planSelect } from '../../planner/plan-select.js';
import type * as ast from '../../sql/ast.js';
import { describeQuery, type QueryDescription } from '../query-description.js';
import { transientQueryId } from '../query-ids.js';
import type { StatementResult } from '../results.js';
import { SandboxTopics } from '../topic-view.js';
import type { ExecContext } from './context.js';
import { prepareCreateAsSelect, prepareInsertIntoSelect, type PreparedPersistentQuery } from './create-as-select.js';

export async function explain(stmt: ast.Explain, ctx: ExecContext): Promise<StatementResult> {
  try {
    const description = stmt.statement ? await explainStatement(stmt.statement, ctx) : explainQueryId(stmt.queryId ?? '', ctx);
    return { kind: 'queryDescription', description };
  } catch (err) {
    // ksqlDB reports any failure against the EXPLAIN statement itself.
    if (err instanceof KsqlStatementError) err.statementText = stmt.text;
    throw err;
  }
}

/** ksqlDB's QueryId matches case-insensitively; the id is tried as written first. */
function explainQueryId(id: string, ctx: ExecContext): QueryDescription {
  const query = ctx.queries.get(id) ?? ctx.queries.get(id.toUpperCase());
  if (!query) throw new KsqlStatementError(`Query with id:${id} does not exist, use SHOW QUERIES to view the full set of queries.`);
  return describeQuery(query, true);
}

async function explainStatement(inner: ast.Statement, ctx: ExecContext): Promise<QueryDescription> {
  const sandbox: ExecContext = { ...ctx, catalog: ctx.catalog.sandbox(), topics: new SandboxTopics(ctx.topics), dryRun: true };
  const base = { statementText: inner.text, properties: Object.fromEntries(ctx.properties), startedAt: Date.now() };
  switch (inner.kind) {
    case 'Query': {
      const plan = planSelect(inner, sandbox.catalog, { properties: sandbox.properties });
      return describeQuery({ ...base, id: transientQueryId(plan.source.name), type: 'PUSH', plan }, false);
    }
    case 'CreateAsSelect':
    case 'InsertInto': {
      const prepared = inner.kind === 'CreateAsSelect' ? await prepareCreateAsSelect(inner, sandbox) : prepareInsertIntoSelect(inner, sandbox);
      const query = persistentQuery(prepared);
      return describeQuery({ ...base, id: ctx.queries.peekPersistentId(query.idPrefix), type: 'PERSISTENT', plan: query.plan, sink: query.sink }, false);
    }
    default:
      throw new KsqlStatementError('The provided statement does not run a ksql query');
  }
}

/** CREATE ... IF NOT EXISTS over an existing name plans nothing, so there is no query to explain. */
function persistentQuery(prepared: PreparedPersistentQuery | StatementResult): PreparedPersistentQuery {
  if ('kind' in prepared) throw new KsqlStatementError('The provided statement did not run a ksql query');
  return prepared;
}
