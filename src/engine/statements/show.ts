/** SHOW|LIST STREAMS, TABLES, TOPICS, QUERIES [EXTENDED], VARIABLES, PROPERTIES; DESCRIBE. */
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';
import { builtinFunctions } from '../functions/builtins/index.js';
import { describeQuery } from '../query-description.js';

export function show(stmt: ast.ShowList, ctx: ExecContext): StatementResult {
  switch (stmt.what) {
    case 'STREAMS':
    case 'TABLES': {
      const sourceType = stmt.what === 'STREAMS' ? 'STREAM' : 'TABLE';
      const sources = ctx.catalog.listSources().filter((s) => s.type === sourceType);
      return stmt.extended ? { kind: 'sourceDescriptions', sources } : { kind: 'sources', sourceType, sources };
    }
    case 'TOPICS':
      return {
        kind: 'topics',
        topics: ctx.store
          .list()
          .filter((t) => stmt.all || !t.name.startsWith('_'))
          .map((t) => ({ name: t.name, partitions: t.partitions })),
      };
    case 'QUERIES':
      // EXTENDED: one QueryDescription per running query, push queries included (ksqlDB's ListQueriesExecutor).
      if (stmt.extended) return { kind: 'queryDescriptions', descriptions: ctx.queries.list().map((q) => describeQuery(q, true)) };
      return { kind: 'queries', queries: ctx.queries.list() };
    case 'VARIABLES':
      return {
        kind: 'variables',
        variables: ctx.variables.entries().sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase())),
      };
    case 'PROPERTIES':
      return { kind: 'properties', properties: Object.fromEntries(ctx.properties) };
    case 'TYPES':
      return { kind: 'types', types: ctx.catalog.listTypes() };
    case 'FUNCTIONS':
      return { kind: 'functionNames', functions: builtinFunctions().list() };
    default:
      throw new KsqlStatementError(`SHOW ${stmt.what} is not supported yet.`);
  }
}

export function describe(stmt: ast.Describe, ctx: ExecContext): StatementResult {
  if (stmt.what === 'STREAMS' || stmt.what === 'TABLES') {
    const type = stmt.what === 'STREAMS' ? 'STREAM' : 'TABLE';
    return { kind: 'sourceDescriptions', sources: ctx.catalog.listSources().filter((s) => s.type === type) };
  }
  if (stmt.what === 'FUNCTION') {
    const fn = builtinFunctions().get(stmt.target);
    if (!fn) throw new KsqlStatementError(`Can't find any functions with the name '${stmt.target}'`);
    return { kind: 'describeFunction', function: fn };
  }
  const source = ctx.catalog.getSource(stmt.target);
  if (!source) throw new KsqlStatementError(`Could not find STREAM/TABLE '${stmt.target}' in the Metastore`);
  return {
    kind: 'describe',
    source,
    extended: stmt.extended,
    readQueries: ctx.queries.readersOf(source.name),
    writeQueries: ctx.queries.writersOf(source.name),
  };
}
