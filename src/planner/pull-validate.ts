/**
 * ksqlDB's check of one disjunct of a pull query's WHERE clause (QueryFilterNode.Validator): may
 * it be answered from the keys it names, or does it need a table scan? Where ksqlDB would fall
 * back to a scan, a query with table scans disabled fails with the reason instead.
 *
 * Each term of the disjunct must be a comparison or a LIKE. A comparison helps a lookup when one
 * side is a key column and the other reads no column; `<>` on a key, a comparison with no bare
 * column, or one between two columns needs a scan.
 */
import type { LogicalSchema } from '../catalog/schema.js';
import type * as ast from '../sql/ast.js';
import { formatExpression } from '../sql/format-expression.js';
import { typeToString, type SqlType } from '../sql/types.js';
import { invalidWhereClause, WINDOW_BOUND_OPERATORS } from './pull-errors.js';
import { PSEUDO_COLUMNS, WINDOW_COLUMNS } from './input-row.js';
import { asTerm, keyColumn, readsColumn, WINDOW_BOUNDS, type Term } from './pull-terms.js';
import { conjuncts } from './pull-rewrite.js';

export interface PullWhereContext {
  readonly schema: LogicalSchema;
  readonly windowed: boolean;
  readonly tableScans: boolean;
}

export interface DisjunctCheck {
  /** Some term can only be answered by reading every row (table scans are on). */
  readonly requiresTableScan: boolean;
  /** Positions of the key columns the disjunct compares. */
  readonly seenKeys: ReadonlySet<number>;
}

export function checkDisjunct(disjunct: ast.Expression, ctx: PullWhereContext): DisjunctCheck {
  const state = { requiresTableScan: false, seenKeys: new Set<number>() };
  const scanOrThrow = (reason: string, windowed: boolean): void => {
    if (!ctx.tableScans) throw invalidWhereClause(reason, windowed);
    state.requiresTableScan = true;
  };
  for (const e of conjuncts(disjunct)) {
    const term = asTerm(e);
    if (term) checkComparison(term, ctx, state.seenKeys, scanOrThrow);
    else if (e.kind === 'Like') checkLike(e, ctx, scanOrThrow);
    else throw invalidWhereClause(`Unsupported expression in WHERE clause: ${formatExpression(e)}`, false);
  }
  return state;
}

type ScanOrThrow = (reason: string, windowed: boolean) => void;

function checkComparison(term: Term, ctx: PullWhereContext, seenKeys: Set<number>, scanOrThrow: ScanOrThrow): void {
  if (!term.column) return scanOrThrow('A comparison must directly reference a key column', ctx.windowed);
  if (readsColumn(term.other)) return scanOrThrow('A comparison must be between a key column and a resolvable expression', ctx.windowed);
  const name = term.column.name;
  if (WINDOW_BOUNDS.has(name)) return checkWindowBound(name, term, ctx);
  const key = keyColumn(ctx.schema, name);
  if (!key) return;
  if (term.type === 'NOT_EQUAL' || term.type === 'IS_DISTINCT_FROM' || term.type === 'IS_NOT_DISTINCT_FROM') {
    scanOrThrow(`Bound on key columns '${keyList(ctx.schema)}' must currently be '='`, ctx.windowed);
  }
  if (seenKeys.has(key.index) && !ctx.tableScans) {
    throw invalidWhereClause('A comparison condition on the key column cannot be combined with other comparisons such as an IN predicate', ctx.windowed);
  }
  seenKeys.add(key.index);
}

function checkWindowBound(name: string, term: Term, ctx: PullWhereContext): void {
  if (!(WINDOW_BOUND_OPERATORS as readonly string[]).includes(term.type)) {
    throw invalidWhereClause(`Unsupported \`${name}\` bounds: ${term.type}`, true);
  }
  if (!ctx.windowed) throw invalidWhereClause('Cannot use WINDOWSTART/WINDOWEND on non-windowed source', false);
}

/** LIKE needs a STRING column and a string pattern; any other LIKE can only be a scan. */
function checkLike(e: ast.Like, ctx: PullWhereContext, scanOrThrow: ScanOrThrow): void {
  if (e.value.kind !== 'ColumnRef') return scanOrThrow('Like condition must be between strings', ctx.windowed);
  const type = columnType(ctx, e.value.name);
  if (!type) throw invalidWhereClause(`Like condition on non-existent column \`${e.value.name}\``, ctx.windowed);
  if (type.kind !== 'STRING') {
    throw invalidWhereClause(`The column type for Like condition must be VARCHAR. The column type is ${type.kind}`, ctx.windowed);
  }
  const p = e.pattern;
  if (p.kind !== 'Literal' || (p.value.type !== 'STRING' && p.value.type !== 'NULL')) {
    throw invalidWhereClause(`Like condition on non-string pattern ${expressionClass(p)}`, ctx.windowed);
  }
}

/** A column of the source or one of its pseudo columns (ksqlDB's source schema carries those as values). */
function columnType(ctx: PullWhereContext, name: string): SqlType | undefined {
  const pseudo = [...PSEUDO_COLUMNS, ...(ctx.windowed ? WINDOW_COLUMNS : [])].find((c) => c.name === name);
  return ctx.schema.find(name)?.type ?? pseudo?.type;
}

/** The key columns as ksqlDB lists them: ``[`ID` INTEGER KEY]``. */
export function keyList(schema: LogicalSchema): string {
  return `[${schema.key.map((c) => `\`${c.name}\` ${typeToString(c.type)} KEY`).join(', ')}]`;
}

/** The Java class ksqlDB names in the non-string pattern message. */
function expressionClass(e: ast.Expression): string {
  const literal: Record<ast.LiteralValue['type'], string> = {
    NULL: 'NullLiteral',
    BOOLEAN: 'BooleanLiteral',
    INTEGER_TEXT: 'IntegerLiteral',
    DECIMAL_TEXT: 'DecimalLiteral',
    DOUBLE_TEXT: 'DoubleLiteral',
    STRING: 'StringLiteral',
    BYTES_HEX: 'BytesLiteral',
  };
  const others: Partial<Record<ast.Expression['kind'], string>> = {
    ColumnRef: 'UnqualifiedColumnReferenceExp',
    FunctionCall: 'FunctionCall',
    Binary: 'ArithmeticBinaryExpression',
    Unary: 'ArithmeticUnaryExpression',
    Cast: 'Cast',
    Case: 'SearchedCaseExpression',
  };
  const name = e.kind === 'Literal' ? literal[e.value.type] : (others[e.kind] ?? e.kind);
  return `io.confluent.ksql.execution.expression.tree.${name}`;
}
