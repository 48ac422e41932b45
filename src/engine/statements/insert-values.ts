/**
 * INSERT INTO target [(columns)] VALUES (...): one record on the target's topic. Values are
 * constant expressions converted to the column types; ROWTIME may set the record timestamp.
 * Returns no entity (protocol spec §6.3).
 */
import { KsqlStatementError } from '../../errors.js';
import type * as ast from '../../sql/ast.js';
import { BIGINT, typeToString, type SqlType } from '../../sql/types.js';
import { compileExpression } from '../expressions/compile.js';
import type { RowScope } from '../expressions/compiled.js';
import { encodeRecord } from '../record-encoder.js';
import { unknownTargetMessage } from '../unknown-target.js';
import { coerceSqlValue } from '../sql-coerce.js';
import type { ExecContext } from './context.js';
import { formatExpression } from '../../sql/format-expression.js';
import type { DataSource } from '../../catalog/source.js';

const NO_COLUMNS: RowScope = { resolve: () => undefined, describe: () => '' };

export async function insertValues(stmt: ast.InsertValues, ctx: ExecContext): Promise<undefined> {
  const source = ctx.catalog.getSource(stmt.target);
  if (!source) throw new KsqlStatementError(unknownTargetMessage(stmt.target, ctx.catalog));
  if (source.isSource) throw new KsqlStatementError(`Cannot insert values into read-only ${source.type.toLowerCase()}: ${source.name}`);
  const names = stmt.columns.length > 0 ? stmt.columns : [...source.schema.key, ...source.schema.value].map((c) => c.name);
  if (names.length !== stmt.values.length) {
    throw new KsqlStatementError(`Failed to prepare statement: Expected number columns and values to match: ${names.length}, ${stmt.values.length}`);
  }
  const headers = names.filter((n) => source.schema.find(n)?.namespace === 'HEADER');
  if (headers.length > 0) throw new KsqlStatementError(`Cannot insert into HEADER columns: ${headers.join(', ')}`);
  const pseudo = names.find((n) => n === 'ROWPARTITION' || n === 'ROWOFFSET');
  if (pseudo) throw new KsqlStatementError(`Inserting into column \`${pseudo}\` is not allowed.`);
  const values = new Map<string, unknown>();
  let timestamp: number | undefined;
  names.forEach((name, i) => {
    const expr = stmt.values[i]!;
    const compiled = compileExpression(expr, { scope: NO_COLUMNS, clause: 'SELECT' });
    const raw = compiled.eval([]);
    if (name === 'ROWTIME') {
      timestamp = rowtimeOf(raw, compiled.type, expr);
      return;
    }
    const column = source.schema.find(name);
    if (!column) throw new KsqlStatementError(`Column name ${name} does not exist.`);
    const v = coerceSqlValue(raw, compiled.type, column.type);
    if (v === undefined) throw typeMismatch(name, column.type, expr, compiled.type);
    values.set(name, v);
  });
  requireTableKey(source, values);
  if (ctx.dryRun) return undefined;
  const topic = ctx.store.get(source.topic);
  if (!topic) throw new KsqlStatementError(`Topic does not exist: ${source.topic}`);
  await topic.append(encodeRecord(source, values, timestamp));
  return undefined;
}

/** ROWTIME takes a BIGINT like any column of that type; its value becomes the record's timestamp. */
function rowtimeOf(raw: unknown, type: SqlType | null, expr: ast.Expression): number | undefined {
  const v = coerceSqlValue(raw, type, BIGINT);
  if (v === undefined) throw typeMismatch('ROWTIME', BIGINT, expr, type);
  return v === null ? undefined : Number(v);
}

function typeMismatch(name: string, columnType: SqlType, expr: ast.Expression, type: SqlType | null): KsqlStatementError {
  return new KsqlStatementError(
    `Expected type ${typeToString(columnType)} for field ${name} but got ${formatExpression(expr)}(${type ? typeToString(type) : 'NULL'})`,
  );
}

function requireTableKey(source: DataSource, values: Map<string, unknown>): void {
  if (source.type !== 'TABLE') return;
  const missing = source.schema.key.filter((c) => values.get(c.name) === null || values.get(c.name) === undefined);
  if (missing.length > 0) {
    throw new KsqlStatementError(
      `Failed to insert values into '${source.name}'. Value for primary key column(s) ${missing.map((c) => c.name).join(', ')} is required for tables`,
    );
  }
}
