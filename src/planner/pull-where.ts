/**
 * How a pull query reads a materialized table, decided from its WHERE clause as ksqlDB decides it
 * (QueryFilterNode, then PullPhysicalPlanBuilder#getPlanType):
 *
 * - a key lookup when every disjunct pins a whole key with `=` (`K = 1`, `K IN (1, 2)`,
 *   `K1 = 1 AND K2 = 'a'`), windowed tables optionally narrowed by WINDOWSTART/WINDOWEND bounds;
 * - a range scan for one `<`, `<=`, `>`, `>=` (or BETWEEN) on a STRING or BYTES key of a
 *   non-windowed table, with ksql.query.pull.range.scan.enabled;
 * - a table scan for anything else, with ksql.query.pull.table.scan.enabled; without it, such a
 *   query fails with the reason (https://docs.ksqldb.io/en/latest/developer-guide/ksqldb-reference/select-pull-query/#where-clause-guidelines).
 *
 * Whatever the access, every row read is still filtered with the whole WHERE clause.
 */
import type { DataSource } from '../catalog/source.js';
import type * as ast from '../sql/ast.js';
import { formatExpression } from '../sql/format-expression.js';
import { InputRowScope } from './input-row.js';
import { invalidWhereClause, tableScanDisabled } from './pull-errors.js';
import { pinnedKey, type PinnedKey } from './pull-keys.js';
import { pullDisjuncts } from './pull-rewrite.js';
import type { PullSettings } from './pull-settings.js';
import { checkDisjunct, keyList, type PullWhereContext } from './pull-validate.js';
import { windowRanges, type WindowRanges } from './pull-window-bounds.js';

export interface KeyConstraint extends PinnedKey {
  /** For a windowed table: the windows to read. */
  readonly windows?: WindowRanges;
}

export type TableAccess =
  | { readonly kind: 'scan' }
  | { readonly kind: 'lookup'; readonly keys: readonly KeyConstraint[] }
  | { readonly kind: 'range'; readonly key: KeyConstraint };

export function planTableAccess(where: ast.Expression | undefined, source: DataSource, settings: PullSettings): TableAccess {
  if (!where) return tableScan(settings);
  const windowed = source.windowType !== undefined;
  const ctx: PullWhereContext = { schema: source.schema, windowed, tableScans: settings.tableScans };
  const disjuncts = pullDisjuncts(where);
  if (requiresTableScan(disjuncts, ctx)) return tableScan(settings);
  const scope = new InputRowScope(source.schema, [source.name], windowed);
  const constraints = disjuncts.map((d) => constraintOf(d, windowed, source, scope));
  if (constraints.some((c) => c === undefined)) return tableScan(settings);
  const keys = constraints as KeyConstraint[];
  if (keys.every((k) => k.operator === 'EQUAL')) return { kind: 'lookup', keys };
  if (keys.length === 1 && !windowed && settings.rangeScans) return { kind: 'range', key: keys[0]! };
  return tableScan(settings);
}

function tableScan(settings: PullSettings): TableAccess {
  if (!settings.tableScans) throw tableScanDisabled();
  return { kind: 'scan' };
}

/**
 * ksqlDB stops at the first disjunct that needs a scan; with scans disabled, a disjunct that
 * names no key, or only some columns of a multi-column key, is an error.
 */
function requiresTableScan(disjuncts: readonly ast.Expression[], ctx: PullWhereContext): boolean {
  const keyCount = ctx.schema.key.length;
  for (const disjunct of disjuncts) {
    const check = checkDisjunct(disjunct, ctx);
    if (check.requiresTableScan) return true;
    if (check.seenKeys.size === 0) {
      if (ctx.tableScans) return true;
      throw invalidWhereClause(`WHERE clause missing key column for disjunct: ${formatExpression(disjunct)}`, ctx.windowed);
    }
    if (check.seenKeys.size !== keyCount) {
      if (ctx.tableScans) return true;
      const specified = ctx.schema.key.filter((_, i) => check.seenKeys.has(i)).map((c) => `\`${c.name}\``);
      throw invalidWhereClause(
        `Multi-column sources must specify every key in the WHERE clause. Specified: [${specified.join(', ')}] Expected: ${keyList(ctx.schema)}`,
        ctx.windowed,
      );
    }
  }
  return false;
}

function constraintOf(disjunct: ast.Expression, windowed: boolean, source: DataSource, scope: InputRowScope): KeyConstraint | undefined {
  const key = pinnedKey(disjunct, source.schema, scope);
  const windows = windowed ? windowRanges(disjunct, scope) : undefined;
  if (!key) return undefined;
  return windows ? { ...key, windows } : key;
}
