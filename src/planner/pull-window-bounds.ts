/**
 * Bounds on WINDOWSTART and WINDOWEND in one disjunct of a pull query over a windowed table
 * (ksqlDB's QueryFilterNode.WindowBoundsExtractor): at most one lower, one upper and one equality
 * bound per column, and an equality bound alone. A key lookup reads only the windows inside them.
 *
 * Bounds are epoch milliseconds: integer expressions, or strings read as possibly partial timestamps
 * (`WINDOWSTART > '2020-02-23T22:45:12'`, `'2020-02'`; partial-timestamp.ts), as https://docs.ksqldb.io/en/latest/developer-guide/ksqldb-reference/select-pull-query/
 * describes for window bounds.
 */
import { parsePartialTimestamp } from '../engine/expressions/partial-timestamp.js';
import { compileExpression } from '../engine/expressions/compile.js';
import type { RowScope } from '../engine/expressions/compiled.js';
import type * as ast from '../sql/ast.js';
import { formatExpression } from '../sql/format-expression.js';
import { invalidWhereClause } from './pull-errors.js';
import { asTerm, columnFirstType, WINDOW_BOUNDS, type Term } from './pull-terms.js';
import { conjuncts } from './pull-rewrite.js';

export interface Bound {
  readonly at: number;
  readonly inclusive: boolean;
}

/** A time range; a missing side is unbounded. */
export interface TimeRange {
  readonly lower?: Bound;
  readonly upper?: Bound;
}

export interface WindowRanges {
  readonly start: TimeRange;
  readonly end: TimeRange;
}

interface ColumnBounds {
  equal?: Bound;
  lower?: Bound;
  upper?: Bound;
}

export function windowRanges(disjunct: ast.Expression, scope: RowScope): WindowRanges {
  const bounds = new Map<string, ColumnBounds>([
    ['WINDOWSTART', {}],
    ['WINDOWEND', {}],
  ]);
  for (const e of conjuncts(disjunct)) {
    const term = asTerm(e);
    if (term?.column && WINDOW_BOUNDS.has(term.column.name)) addBound(term, term.column.name, bounds.get(term.column.name)!, scope);
  }
  return { start: merged(bounds.get('WINDOWSTART')!), end: merged(bounds.get('WINDOWEND')!) };
}

function addBound(term: Term, name: string, b: ColumnBounds, scope: RowScope): void {
  const type = columnFirstType(term);
  const strict = term.type === 'LESS_THAN' || term.type === 'GREATER_THAN';
  const bound = (): Bound => ({ at: boundMillis(term.other, scope), inclusive: !strict });
  let side: 'equal' | 'lower' | 'upper' | undefined;
  if (type === 'EQUAL') side = 'equal';
  else if (type === 'LESS_THAN' || type === 'LESS_THAN_OR_EQUAL') side = 'upper';
  else if (type === 'GREATER_THAN' || type === 'GREATER_THAN_OR_EQUAL') side = 'lower';
  if (!side) return;
  const fresh = b[side] === undefined;
  if (fresh) b[side] = bound();
  if (b.equal && (b.lower || b.upper)) {
    throw invalidWhereClause(`\`${formatExpression(term.node)}\` cannot be combined with other \`${name}\` bounds`, true);
  }
  if (!fresh) throw invalidWhereClause(`Duplicate \`${name}\` bounds on: ${side === 'equal' ? 'EQUAL' : side === 'upper' ? 'LESS_THAN' : 'GREATER_THAN'}`, true);
}

/** An integer is epoch milliseconds; a string literal a datetime; any other constant must be an integer. */
function boundMillis(e: ast.Expression, scope: RowScope): number {
  if (e.kind === 'Literal' && e.value.type === 'STRING') {
    try {
      return parsePartialTimestamp(e.value.value);
    } catch {
      throw invalidWhereClause(`Failed to parse datetime: ${e.value.value}`, true);
    }
  }
  const c = compileExpression(e, { scope, clause: 'WHERE' });
  const value = c.type?.kind === 'INTEGER' || c.type?.kind === 'BIGINT' ? c.eval([]) : null;
  if (value === null || value === undefined) {
    throw invalidWhereClause('Window bounds must resolve to an INT, BIGINT, or STRING containing a datetime.', true);
  }
  return Number(value);
}

/** The lower bound of one comparison and the upper of another, or the single bound given. */
function merged(b: ColumnBounds): TimeRange {
  if (b.equal) return { lower: b.equal, upper: b.equal };
  return { ...(b.lower ? { lower: b.lower } : {}), ...(b.upper ? { upper: b.upper } : {}) };
}

export function inRange(range: TimeRange, t: number): boolean {
  const { lower, upper } = range;
  if (lower && (t < lower.at || (t === lower.at && !lower.inclusive))) return false;
  if (upper && (t > upper.at || (t === upper.at && !upper.inclusive))) return false;
  return true;
}

/** A stable text for a range, so that equal lookups can be told apart from different ones. */
export function rangeText(r: WindowRanges): string {
  const side = (t: TimeRange): string =>
    `${t.lower ? `${t.lower.inclusive ? '[' : '('}${t.lower.at}` : '(-'}..${t.upper ? `${t.upper.at}${t.upper.inclusive ? ']' : ')'}` : '+)'}`;
  return `${side(r.start)}/${side(r.end)}`;
}
