/**
 * Runs the statements of one `/ksql` request (protocol spec §6.2): every statement is first
 * validated against a sandbox (DEFINE applied as it goes), and only if all pass are they run for
 * real, in order. SELECT and PRINT belong to `/query-stream` (error 40002).
 */
import { ErrorCode, KsqlError, KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import { parseStatement, splitStatements, type RawStatement } from '../../sql/parse.js';
import type { ExecutedStatement, StatementResult } from '../results.js';
import type { ExecContext } from './context.js';
import { createAsSelect, insertIntoSelect } from './create-as-select.js';
import { createSource } from './create-source.js';
import { dropSource } from './drop-source.js';
import { insertValues } from './insert-values.js';
import { describe, show } from './show.js';
import { terminate } from './terminate.js';

export const QUERY_ENDPOINT_MESSAGE =
  "The following statement types should be issued to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT";

export async function executeScript(sql: string, sandbox: ExecContext, real: ExecContext): Promise<ExecutedStatement[]> {
  const raws = splitStatements(sql);
  await runAll(raws, sandbox);
  return runAll(raws, real);
}

async function runAll(raws: readonly RawStatement[], ctx: ExecContext): Promise<ExecutedStatement[]> {
  const out: ExecutedStatement[] = [];
  for (const raw of raws) {
    let statementText = raw.text;
    try {
      const stmt = parseStatement(raw, ctx.variables.size > 0 ? ctx.variables : undefined);
      statementText = stmt.text;
      const result = await runOne(stmt, ctx);
      out.push(result ? { statementText, result } : { statementText });
    } catch (err) {
      throw withStatement(err, statementText);
    }
  }
  return out;
}

function withStatement(err: unknown, statementText: string): unknown {
  if (err instanceof KsqlStatementError) {
    err.statementText ??= statementText;
    return err;
  }
  if (err instanceof KsqlError) return err;
  return new KsqlStatementError((err as Error).message ?? String(err), statementText);
}

async function runOne(stmt: ast.Statement, ctx: ExecContext): Promise<StatementResult | undefined> {
  switch (stmt.kind) {
    case 'CreateSource':
      return createSource(stmt, ctx);
    case 'CreateAsSelect':
      return createAsSelect(stmt, ctx);
    case 'InsertInto':
      return insertIntoSelect(stmt, ctx);
    case 'DropSource':
      return dropSource(stmt, ctx);
    case 'ShowList':
      return show(stmt, ctx);
    case 'Describe':
      return describe(stmt, ctx);
    case 'InsertValues':
      return insertValues(stmt, ctx);
    case 'Terminate':
      return terminate(stmt, ctx);
    case 'DefineVariable':
      ctx.variables.set(stmt.name, stmt.value);
      return undefined;
    case 'UndefineVariable':
      return undefineVariable(stmt, ctx);
    case 'SetProperty':
      ctx.properties.set(stmt.name, stmt.value);
      return undefined;
    case 'UnsetProperty':
      ctx.properties.delete(stmt.name);
      return undefined;
    case 'Query':
    case 'Print':
      throw new KsqlStatementError(QUERY_ENDPOINT_MESSAGE, stmt.text, ErrorCode.QUERY_ENDPOINT);
    default:
      throw new KsqlStatementError(`${statementName(stmt)} is not supported by this server yet.`);
  }
}

function undefineVariable(stmt: ast.UndefineVariable, ctx: ExecContext): StatementResult | undefined {
  if (ctx.variables.delete(stmt.name)) return undefined;
  return { kind: 'warning', message: `Cannot undefine variable '${stmt.name}' which was never defined` };
}

function statementName(stmt: ast.Statement): string {
  return stmt.text.trim().split(/\s+/).slice(0, 2).join(' ').replace(/;$/, '').toUpperCase();
}
