/** CREATE TYPE [IF NOT EXISTS] name AS type and DROP TYPE [IF EXISTS] name (custom type aliases). */
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import { typeToString } from '../../sql/types.js';
import type { StatementResult } from '../results.js';
import type { ExecContext } from './context.js';
import { resolveTypeRef } from './resolve-type.js';

export function createType(stmt: ast.CreateType, ctx: ExecContext): StatementResult {
  const name = stmt.name.toUpperCase();
  const existing = ctx.catalog.getType(name);
  if (existing && stmt.ifNotExists) return { kind: 'warning', message: `A type with the same name already exists: ${name}` };
  if (existing) {
    throw new KsqlStatementError(`Cannot register custom type '${name}' since it is already registered with type: ${typeToString(existing)}`);
  }
  const type = resolveTypeRef(stmt.type, ctx.catalog);
  ctx.catalog.putType(name, type);
  return {
    kind: 'command',
    commandId: `type/${name}/create`,
    message: `Registered custom type with name '${name}' and SQL type ${typeToString(type)}`,
    queryId: null,
  };
}

export function dropType(stmt: ast.DropType, ctx: ExecContext): StatementResult {
  const name = stmt.name.toUpperCase();
  if (!ctx.catalog.removeType(name) && !stmt.ifExists) throw new KsqlStatementError(`Type ${name} does not exist.`);
  return { kind: 'command', commandId: `type/${name}/drop`, message: `Dropped type '${name}'`, queryId: null };
}
