/**
 * Persistent-query statements printed back as ksqlDB's SqlFormatter prints them, the text its
 * errors quote after `Statement:` once the statement has been rewritten (keywords upper-case,
 * names quoted only where needed, one clause per line, select items on lines of their own):
 *
 *   CREATE TABLE OUTPUT AS SELECT
 *     TEST.F2 F2,
 *     COUNT(*) KSQL_COL_0
 *   FROM TEST TEST
 *   GROUP BY TEST.F2
 *   EMIT CHANGES
 *
 * A single select item stays on the SELECT line. WITH properties print as `NAME=literal` joined by
 * `, `, in name order [inferred: ksqlDB lists them in its config definition order]. Windows and
 * WITHIN clauses keep ksqlDB's spacing (` TUMBLING ( SIZE 30 SECONDS ) `).
 */
import type * as ast from './ast.js';
import { formatExpression, literalText, quoteIfNeeded } from './format-expression.js';

export function formatPersistentStatement(stmt: ast.CreateAsSelect | ast.InsertInto): string {
  const head =
    stmt.kind === 'CreateAsSelect'
      ? `CREATE ${stmt.orReplace ? 'OR REPLACE ' : ''}${stmt.sourceType} ${stmt.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIfNeeded(stmt.name)}${withClause(stmt.properties)} AS `
      : `INSERT INTO ${quoteIfNeeded(stmt.target)} ${withClause(stmt.properties)}${stmt.properties.size > 0 ? ' ' : ''}`;
  return (head + formatQuery(stmt.query)).replace(/\n+$/, '');
}

export function formatQuery(q: ast.Query): string {
  let s = selectClause(q.select);
  s += `FROM ${relation(q.from)}${q.joins.map(join).join('')}\n`;
  if (q.window) s += `WINDOW${windowText(q.window)}\n`;
  if (q.where) s += `WHERE ${formatExpression(q.where)}\n`;
  if (q.groupBy.length > 0) s += `GROUP BY ${q.groupBy.map(formatExpression).join(', ')}\n`;
  if (q.partitionBy.length > 0) s += `PARTITION BY ${q.partitionBy.map(formatExpression).join(', ')}\n`;
  if (q.having) s += `HAVING ${formatExpression(q.having)}\n`;
  if (q.emit) s += `EMIT ${q.emit}\n`;
  if (q.limit !== undefined) s += `LIMIT ${q.limit}\n`;
  return s;
}

function selectClause(items: readonly ast.SelectItem[]): string {
  const texts = items.map(selectItem);
  return texts.length === 1 ? `SELECT ${texts[0]}\n` : `SELECT${texts.map((t, i) => `${i === 0 ? '' : ','}\n  ${t}`).join('')}\n`;
}

function selectItem(item: ast.SelectItem): string {
  if (item.kind === 'AllColumns') return item.source ? `${quoteIfNeeded(item.source)}.*` : '*';
  return formatExpression(item.expr) + (item.alias ? ` ${quoteIfNeeded(item.alias)}` : '');
}

function relation(r: ast.Relation): string {
  return `${quoteIfNeeded(r.name)} ${quoteIfNeeded(r.alias ?? r.name)}`;
}

const JOIN_TYPES: Record<ast.JoinType, string> = { INNER: 'INNER', LEFT: 'LEFT OUTER', RIGHT: 'RIGHT OUTER', FULL: 'FULL OUTER' };

function join(j: ast.Join): string {
  return `\n${JOIN_TYPES[j.type]} JOIN ${relation(j.right)}${j.within ? withinText(j.within) : ''} ON (${formatExpression(j.on)})`;
}

function duration(d: ast.Duration): string {
  return `${d.value} ${d.unit}`;
}

// ksqlDB prints one duration when before and after have the same number, whatever their units.
function withinText(w: ast.WithinClause): string {
  const span = w.before.value === w.after.value ? duration(w.before) : `(${duration(w.before)}, ${duration(w.after)})`;
  return ` WITHIN ${span}${w.grace ? ` GRACE PERIOD ${duration(w.grace)}` : ''}`;
}

function windowText(w: ast.WindowSpec): string {
  const extras = `${w.retention ? ` , RETENTION ${duration(w.retention)}` : ''}${w.grace ? ` , GRACE PERIOD ${duration(w.grace)}` : ''}`;
  if (w.type === 'TUMBLING') return ` TUMBLING ( SIZE ${duration(w.size)}${extras} ) `;
  if (w.type === 'HOPPING') return ` HOPPING ( SIZE ${duration(w.size)} , ADVANCE BY ${duration(w.advance)}${extras} ) `;
  return ` SESSION ( ${duration(w.gap)}${extras} ) `;
}

function withClause(props: ast.WithProperties): string {
  if (props.size === 0) return '';
  const names = [...props.keys()].sort();
  return ` WITH (${names.map((n) => `${n}=${literalText(props.get(n)!.value)}`).join(', ')})`;
}
