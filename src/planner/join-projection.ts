/**
 * The SELECT of a join: `*` and `alias.*` expand to `ALIAS_COL` columns (the synthetic key first
 * when the join has one), a column projected without an alias keeps its name unless several
 * sources have it (then `ALIAS_COL`), and the projected column that is the result key reads the
 * key itself, so a right or outer join's key is never null (docs.ksqldb.io, "Joins": "Keys in
 * join results"; ksqlDB's AstSanitizer and JoinNode#resolveSelectStar).
 */
import { compileExpression, semanticError } from '../engine/expressions/compile.js';
import type { Compiled, Evaluator } from '../engine/expressions/compiled.js';
import { formatExpression } from '../sql/format-expression.js';
import type * as ast from '../sql/ast.js';
import { typeToString, type SqlType } from '../sql/types.js';
import { flatten, qualify } from './join-expressions.js';
import { missingForeignKeyError, missingKeyError, type ResultKey } from './join-key.js';
import type { JoinRowScope } from './join-row.js';
import { joinColumnName, type JoinSource, type JoinSources } from './join-sources.js';
import { compileWithTableFunction, findTableFunction } from './table-functions.js';
import { leaves, type JoinTree } from './join-tree.js';
import { PSEUDO_COLUMNS, WINDOW_COLUMNS } from './input-row.js';
import type { OutputColumn } from './query-plan.js';
import {
  canonicalText,
  columnAliasGenerator,
  implicitName,
  inClause,
  missingKeyExpressions,
  rejectDuplicates,
  structFieldAliases,
} from './select-columns.js';

export interface JoinPartitionKey {
  /** As written, qualified: for messages. */
  readonly expr: ast.Expression;
  readonly text: string;
  readonly type: SqlType;
  readonly eval: Evaluator;
  readonly flat: ast.Expression;
}

export interface JoinProjectionInput {
  readonly select: readonly ast.SelectItem[];
  readonly sources: JoinSources;
  readonly tree: JoinTree;
  readonly key: ResultKey;
  readonly scope: JoinRowScope;
  readonly partition?: readonly JoinPartitionKey[];
  /** A persistent query's sink, which must get the key. */
  readonly sinkName?: string;
}

export interface JoinProjection {
  readonly projection: Evaluator[];
  readonly columns: OutputColumn[];
  readonly keyColumns: string[];
  /** Positions of table functions, whose lists become one row per element. */
  readonly explode?: number[];
}

interface Entry {
  readonly name: string;
  readonly flat?: ast.Expression;
  readonly compiled?: Compiled;
}

export function planJoinProjection(input: JoinProjectionInput): JoinProjection {
  const entries = expandSelect(input);
  const keyNames = keyFlatNames(input);
  const keyOf: (string | undefined)[] = keyNames.map(() => undefined);
  const projection: Evaluator[] = [];
  const columns: OutputColumn[] = [];
  const explode: number[] = [];
  for (const entry of entries) {
    const call = entry.flat && findTableFunction(entry.flat);
    if (call) explode.push(projection.length);
    const c = entry.compiled ?? compileSelect(entry.flat!, input.scope, call);
    const slot = keySlot(entry, keyNames, keyOf, input.partition !== undefined);
    if (slot >= 0) keyOf[slot] = entry.name;
    const readsKey = slot >= 0 && input.partition === undefined;
    projection.push(readsKey ? (row) => row[slot] : c.eval);
    columns.push({ name: entry.name, type: c.type!, isKey: slot >= 0 });
  }
  rejectDuplicates(columns);
  if (input.sinkName !== undefined) requireKey(input, keyOf, input.sinkName);
  return { projection, columns, keyColumns: keyOf.filter((k): k is string => k !== undefined), ...(explode.length > 0 ? { explode } : {}) };
}

function compileSelect(flat: ast.Expression, scope: JoinRowScope, call: ast.FunctionCall | undefined): Compiled {
  const compile = (): Compiled => (call ? compileWithTableFunction(flat, call, scope) : compileExpression(flat, { scope, clause: 'SELECT' }));
  const c = inClause(compile, (detail) => `Invalid Select: ${detail}`);
  if (c.type === null) throw semanticError(flat.loc, `Can't determine the type of the expression NULL in SELECT; use CAST.`);
  return c;
}

/** What an entry must be to form the key: the partitioning expressions, or the join key's columns. */
function keyFlatNames(input: JoinProjectionInput): string[] {
  if (input.partition) return input.partition.map((k) => k.text);
  const { key } = input;
  return key.kind === 'foreign' ? key.columns.map((c) => c.name) : [key.name];
}

function keySlot(entry: Entry, keys: readonly string[], keyOf: readonly (string | undefined)[], partitioned: boolean): number {
  if (!entry.flat) return -1;
  const id = partitioned ? canonicalText(entry.flat) : entry.flat.kind === 'ColumnRef' ? entry.flat.name : undefined;
  const slot = id === undefined ? -1 : keys.indexOf(id);
  return slot >= 0 && keyOf[slot] === undefined ? slot : -1;
}

function requireKey(input: JoinProjectionInput, keyOf: readonly (string | undefined)[], sinkName: string): void {
  if (keyOf.every((k) => k !== undefined)) return;
  const { key, partition } = input;
  if (partition) {
    const missing = partition.filter((_, i) => keyOf[i] === undefined).map((k) => formatExpression(k.expr));
    throw missingKeyExpressions(sinkName, 'partitioning', missing);
  }
  if (key.kind === 'foreign') throw missingForeignKeyError(key.alias, key.columns.filter((_, i) => keyOf[i] === undefined).map((c) => c.column));
  throw missingKeyError(sinkName, key);
}

function expandSelect(input: JoinProjectionInput): Entry[] {
  const { sources } = input;
  const nextName = columnAliasGenerator(sources.allColumnNames());
  const fieldName = structFieldAliases(sources.allColumnNames());
  const synthetic = input.key.kind === 'synthetic' ? input.key.name : undefined;
  return input.select.flatMap((item): Entry[] => {
    if (item.kind === 'AllColumns') {
      if (item.source !== undefined) return starColumns(sources.byQualifier(item.source)!);
      if (input.partition) return rekeyedStar(input, nextName);
      return [...(synthetic ? [column(synthetic)] : []), ...leaves(input.tree).flatMap(starColumns)];
    }
    const qualified = qualify(item.expr, sources, { strict: true, clause: 'SELECT', ...(synthetic ? { syntheticKey: synthetic } : {}) });
    const flat = flatten(qualified);
    if (flat.kind === 'StructDeref' && flat.field === '*') return structFields(flat, input.scope);
    const name = item.alias ?? joinImplicitName(qualified, sources) ?? (qualified.kind === 'StructDeref' ? fieldName(qualified.field) : nextName());
    return [{ name, flat }];
  });
}

function column(name: string): Entry {
  return { name, flat: { kind: 'ColumnRef', name } };
}

/** A source's `*`: key columns, window bounds, then the other columns (PlanNode#orderColumns). */
function starColumns(s: JoinSource): Entry[] {
  const cols = s.source.schema.columns;
  const names = [
    ...cols.filter((c) => c.namespace === 'KEY').map((c) => c.name),
    ...(s.windowed ? WINDOW_COLUMNS.map((w) => w.name) : []),
    ...cols.filter((c) => c.namespace !== 'KEY').map((c) => c.name),
  ];
  return names.map((n) => column(joinColumnName(s.alias, n)));
}

/**
 * `*` after PARTITION BY: the new key, then every other column of the joined schema, which
 * carries each source's pseudo columns and old key as values (ksqlDB's JoinParamsFactory and
 * PartitionByParamsFactory).
 */
function rekeyedStar(input: JoinProjectionInput, nextName: () => string): Entry[] {
  const keys = input.partition!.map((k) => ({ name: implicitName(k.flat) ?? nextName(), flat: k.flat }));
  const taken = new Set(input.partition!.flatMap((k) => (k.flat.kind === 'ColumnRef' ? [k.flat.name] : [])));
  const values: string[] = [];
  for (const s of leaves(input.tree)) {
    const cols = s.source.schema.columns;
    const names = [
      ...cols.filter((c) => c.namespace !== 'KEY').map((c) => c.name),
      ...PSEUDO_COLUMNS.map((p) => p.name),
      ...(s.windowed ? WINDOW_COLUMNS.map((w) => w.name) : []),
      ...cols.filter((c) => c.namespace === 'KEY').map((c) => c.name),
    ];
    values.push(...names.map((n) => joinColumnName(s.alias, n)));
  }
  if (input.key.kind === 'synthetic') values.push(input.key.name);
  return [...keys, ...values.filter((n) => !taken.has(n)).map(column)];
}

/** `s->*`: one column per field of the struct, named after the field. */
function structFields(flat: ast.StructDeref, scope: JoinRowScope): Entry[] {
  const base = inClause(() => compileExpression(flat.base, { scope, clause: 'SELECT' }), (detail) => `Invalid Select: ${detail}`);
  if (base.type?.kind !== 'STRUCT') throw semanticError(flat.loc, `Invalid Select: ->* applies to a STRUCT, not ${base.type ? typeToString(base.type) : 'null'}`);
  return base.type.fields.map((f) => ({
    name: f.name,
    compiled: {
      type: f.type,
      eval: (row) => {
        const s = base.eval(row) as Record<string, unknown> | null | undefined;
        return s === null || s === undefined ? null : (s[f.name] ?? null);
      },
    },
  }));
}

/** A column projected without an alias: its name, or `ALIAS_COL` when several sources have it. */
export function joinImplicitName(qualified: ast.Expression, sources: JoinSources): string | undefined {
  if (qualified.kind !== 'ColumnRef') return undefined;
  if (qualified.source === undefined) return qualified.name;
  return sources.isClashing(qualified.name) ? joinColumnName(qualified.source, qualified.name) : qualified.name;
}

