/**
 * The key of a join's result, as ksqlDB chooses it (LogicalPlanner#buildJoinKey): a source column
 * the key equals, preferring one the projection names; the synthetic ROWKEY when no source column
 * equals it (an expression on both sides, or a full outer join); for a foreign-key join, the left
 * table's primary key. A persistent query must project it (JoinNode#validateKeyPresent).
 */
import { KsqlStatementError, wordList } from '../errors.js';
import type * as ast from '../sql/ast.js';
import type { SqlType } from '../sql/types.js';
import { flatten, qualify } from './join-expressions.js';
import { joinColumnName, type JoinSources } from './join-sources.js';
import { viableKeys, type JoinTree, type ViableKey } from './join-tree.js';

export type ResultKey =
  | { readonly kind: 'column'; readonly name: string; readonly type: SqlType; readonly viable: readonly ViableKey[] }
  | { readonly kind: 'synthetic'; readonly name: string; readonly type: SqlType }
  | { readonly kind: 'foreign'; readonly alias: string; readonly columns: readonly { readonly name: string; readonly column: string; readonly type: SqlType }[] };

export interface KeyInput {
  readonly tree: Extract<JoinTree, { kind: 'join' }>;
  readonly sources: JoinSources;
  readonly select: readonly ast.SelectItem[];
  readonly foreignKey: boolean;
  readonly typeOf: (flat: ast.Expression) => SqlType | null;
}

export function resultKey(input: KeyInput): ResultKey {
  const { tree, sources } = input;
  if (input.foreignKey) {
    const left = tree.left.kind === 'leaf' ? tree.left.source : sources.list[0]!;
    const columns = left.source.schema.key.map((c) => ({ name: joinColumnName(left.alias, c.name), column: c.name, type: c.type }));
    return { kind: 'foreign', alias: left.alias, columns };
  }
  const type = input.typeOf(tree.info.left.flat) ?? input.typeOf(tree.info.right.flat);
  const viable = viableKeys(tree);
  if (viable.length === 0) return { kind: 'synthetic', name: syntheticKeyName(sources.allColumnNames()), type: type! };
  const chosen = viable.find((k) => projects(input.select, k, sources)) ?? viable[0]!;
  const column = chosen.source.columns.get(chosen.column)!;
  return { kind: 'column', name: chosen.flatName, type: column.type, viable };
}

/** Projection#containsExpression: `*`, the source's `*`, or the column itself. */
function projects(select: readonly ast.SelectItem[], key: ViableKey, sources: JoinSources): boolean {
  return select.some((item) => {
    if (item.kind === 'AllColumns') return item.source === undefined || sources.byQualifier(item.source) === key.source;
    const flat = flatten(qualify(item.expr, sources, { strict: false, clause: 'SELECT' }));
    return flat.kind === 'ColumnRef' && flat.name === key.flatName;
  });
}

/** ROWKEY, or ROWKEY_n with the first n no source column uses (ColumnNames#generateSyntheticJoinKey). */
export function syntheticKeyName(columnNames: readonly string[]): string {
  const used = new Set<number>();
  for (const name of columnNames) {
    const m = /^ROWKEY(?:_(\d+))?$/.exec(name);
    if (m) used.add(m[1] === undefined ? 0 : Number(m[1]));
  }
  let n = 0;
  while (used.has(n)) n++;
  return n === 0 ? 'ROWKEY' : `ROWKEY_${n}`;
}

/** ksqlDB refuses MAP keys, MAPs inside STRUCTs included (issue #6621). */
export function refuseMapKey(name: string, type: SqlType, typeText: string): void {
  if (!containsMap(type)) return;
  throw new KsqlStatementError(
    `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: \`${name}\`. Column type: ${typeText}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
  );
}

function containsMap(type: SqlType): boolean {
  if (type.kind === 'MAP') return true;
  if (type.kind === 'ARRAY') return containsMap(type.element);
  if (type.kind === 'STRUCT') return type.fields.some((f) => containsMap(f.type));
  return false;
}

/** The message when a persistent query leaves the join key out (PlanNode#throwKeysNotIncludedError). */
export function missingKeyError(sinkName: string, key: Exclude<ResultKey, { kind: 'foreign' }>): KsqlStatementError {
  const names = key.kind === 'synthetic' ? [key.name] : key.viable.map((k) => k.text);
  const list = wordList(names, 'or');
  const noun = names.length === 1 ? 'join expression' : 'join expressions';
  const synthetic = key.kind === 'synthetic';
  return new KsqlStatementError(
    `Key missing from projection (ie, SELECT).${synthetic ? ' See https://cnfl.io/2LV7ouS.' : ' '}\n` +
      `The query used to build \`${sinkName}\` must include the ${noun} ${list} in its projection (eg, SELECT ${names[0]}...).` +
      (synthetic
        ? `\n${key.name} was added as a synthetic key column because the join criteria did not match any source column. This expression must be included in the projection and may be aliased. `
        : ''),
  );
}

/** A foreign-key join's result is keyed by the left table's primary key, all of which must be projected. */
export function missingForeignKeyError(alias: string, missing: readonly string[]): KsqlStatementError {
  const noun = missing.length === 1 ? 'column' : 'columns';
  return new KsqlStatementError(
    `Primary key ${noun} missing in projection. For foreign-key table-table joins, the projection must include all primary key columns from the left input table (\`${alias}\`). Missing ${noun}: ${missing.map((m) => `\`${m}\``).join(', ')}.`,
  );
}
