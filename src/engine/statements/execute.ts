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
import { alterSource } from './alter-source.js';
import { dropSource } from './drop-source.js';
import { explain } from './explain.js';
import { insertValues } from './insert-values.js';
import { describe, show } from './show.js';
import { terminate } from './terminate.js';
import { createType, dropType } from './types.js';

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
    let statementText = maskedInsertText(raw.text) ?? raw.text;
    try {
      const stmt = parseStatement(raw, ctx.variables.size > 0 ? ctx.variables : undefined);
      statementText = stmt.kind === 'InsertValues' ? maskedInsert(stmt) : stmt.text;
      const result = await runOne(stmt, ctx);
      out.push(result ? { statementText, result } : { statementText });
    } catch (err) {
      // An INSERT's values never appear in an error, even in one the parser raised.
      if (err instanceof KsqlStatementError && statementText !== raw.text) err.statementText = statementText;
      throw withStatement(err, statementText);
    }
  }
  return out;
}

/**
 * ksqlDB keeps values out of error reports: an INSERT ... VALUES is shown re-formatted with every
 * value replaced by '[value]' (QueryMask).
 */
function maskedInsert(stmt: Pick<ast.InsertValues, 'target' | 'columns'> & { values: readonly unknown[] }): string {
  const quote = (name: string): string => `\`${name.replace(/`/g, '``')}\``;
  const columns = stmt.columns.length > 0 ? ` (${stmt.columns.map(quote).join(', ')})` : '';
  return `INSERT INTO ${quote(stmt.target)}${columns} VALUES (${stmt.values.map(() => "'[value]'").join(', ')});`;
}

/** The same mask for an INSERT ... VALUES that did not parse, read from its text. */
function maskedInsertText(text: string): string | undefined {
  const m = /^\s*INSERT\s+INTO\s+([`"]?[^\s(`"]+[`"]?)\s*(?:\(([^)]*)\))?\s*VALUES\s*\(([\s\S]*)\)\s*;?\s*$/i.exec(text);
  if (!m) return undefined;
  const name = (n: string): string => {
    const t = n.trim();
    return /^[`"].*[`"]$/.test(t) ? t.slice(1, -1) : t.toUpperCase();
  };
  const values = splitTopLevel(m[3]!);
  return maskedInsert({ target: name(m[1]!), columns: m[2] ? m[2].split(',').map(name) : [], values });
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === '(' || ch === '[')) depth++;
    if (!quoted && (ch === ')' || ch === ']')) depth--;
    if (!quoted && depth === 0 && ch === ',') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

function withStatement(err: unknown, statementText: string): unknown {
  if (err instanceof KsqlStatementError) {
    err.statementText ??= statementText;
    return err;
  }
  if (err instanceof KsqlError) return err;
  // The original error stays as the cause, for the logs (and the fuzzer, which counts it a crash).
  return Object.assign(new KsqlStatementError((err as Error).message ?? String(err), statementText), { cause: err });
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
    case 'AlterSource':
      return alterSource(stmt, ctx);
    case 'ShowList':
      return show(stmt, ctx);
    case 'Describe':
      return describe(stmt, ctx);
    case 'InsertValues':
      return insertValues(stmt, ctx);
    case 'Terminate':
      return terminate(stmt, ctx);
    case 'Explain':
      return explain(stmt, ctx);
    case 'DefineVariable':
      ctx.variables.set(stmt.name, stmt.value);
      return undefined;
    case 'UndefineVariable':
      return undefineVariable(stmt, ctx);
    case 'CreateType':
      return createType(stmt, ctx);
    case 'DropType':
      return dropType(stmt, ctx);
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
