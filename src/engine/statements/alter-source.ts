/**
 * ALTER STREAM|TABLE name ADD [COLUMN] col type: new value columns at the end of the schema, for
 * streams and tables made by CREATE (ksqlDB's "ALTER STREAM" reference); records written before
 * read the new columns as NULL.
 */
import { LogicalSchema, type Column } from '../../catalog/schema.js';
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';
import { resolveTypeRef } from './resolve-type.js';

export function alterSource(stmt: ast.AlterSource, ctx: ExecContext): StatementResult {
  const source = ctx.catalog.getSource(stmt.name);
  const noun = stmt.sourceType === 'STREAM' ? 'stream' : 'table';
  if (!source) throw new KsqlStatementError(`Source ${stmt.name} does not exist.`);
  if (source.type !== stmt.sourceType) {
    throw new KsqlStatementError(`Incompatible data source type is ${source.type}, but statement was ALTER ${stmt.sourceType}`);
  }
  if (source.isSource) {
    throw new KsqlStatementError(`Cannot alter ${noun} '${stmt.name}': ALTER operations are not supported on source ${noun}s.`);
  }
  if (/\bAS\s+SELECT\b/i.test(source.statement)) throw new KsqlStatementError('ALTER command is not supported for CREATE ... AS statements.');
  const added: Column[] = [];
  for (const c of stmt.columns) {
    if (source.schema.find(c.name) || added.some((a) => a.name === c.name)) {
      throw new KsqlStatementError(`Cannot add column \`${c.name}\` to schema. A column with the same name already exists.`);
    }
    added.push({ name: c.name, type: resolveTypeRef(c.type, ctx.catalog), namespace: 'VALUE' });
  }
  const columns = source.schema.columns;
  const headersAt = columns.findIndex((c) => c.namespace === 'HEADER');
  const at = headersAt < 0 ? columns.length : headersAt;
  const schema = new LogicalSchema([...columns.slice(0, at), ...added, ...columns.slice(at)]);
  ctx.catalog.putSource({ ...source, schema });
  return { kind: 'command', commandId: `${noun}/\`${stmt.name}\`/alter`, message: `${stmt.sourceType === 'STREAM' ? 'Stream' : 'Table'} altered.`, queryId: null };
}
