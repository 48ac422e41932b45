/** DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]. */
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';

export async function dropSource(stmt: ast.DropSource, ctx: ExecContext): Promise<StatementResult> {
  const kind = stmt.sourceType.toLowerCase();
  const commandId = `${kind}/${stmt.name}/drop`;
  const source = ctx.catalog.getSource(stmt.name);
  if (!source) {
    if (stmt.ifExists) return { kind: 'command', commandId, message: `Source \`${stmt.name}\` does not exist.`, queryId: null };
    throw new KsqlStatementError(`${stmt.sourceType === 'STREAM' ? 'Stream' : 'Table'} ${stmt.name} does not exist.`);
  }
  if (source.type !== stmt.sourceType) {
    throw new KsqlStatementError(`Incompatible data source type is ${source.type}, but statement was DROP ${stmt.sourceType}`);
  }
  refuseWhileQueriesUse(stmt.name, ctx);
  if (stmt.deleteTopic && source.isSource) {
    throw new KsqlStatementError(`Cannot delete topic for read-only source: ${stmt.name}`);
  }
  ctx.catalog.removeSource(stmt.name);
  if (!ctx.dryRun) ctx.runtime.dematerialize(stmt.name);
  if (stmt.deleteTopic && !ctx.catalog.sourcesOnTopic(source.topic).length) await ctx.topics.delete(source.topic);
  return { kind: 'command', commandId, message: `Source \`${stmt.name}\` (topic: ${source.topic}) was dropped.`, queryId: null };
}

/** ksqlDB refuses to drop a source that running persistent queries read or write. */
function refuseWhileQueriesUse(name: string, ctx: ExecContext): void {
  const readers = ctx.queries.readersOf(name).map((q) => q.id);
  const writers = ctx.queries.writersOf(name).map((q) => q.id);
  if (readers.length === 0 && writers.length === 0) return;
  const lines = [`Cannot drop ${name}.`];
  if (readers.length > 0) lines.push(`The following queries read from this source: [${readers.join(', ')}].`);
  if (writers.length > 0) lines.push(`The following queries write into this source: [${writers.join(', ')}].`);
  lines.push(`You need to terminate them before dropping ${name}.`);
  throw new KsqlStatementError(lines.join('\n'));
}
