/**
 * Plans a SELECT with JOIN clauses (docs.ksqldb.io, "Join Event Streams with ksqlDB"): resolves
 * the sources and every column reference, checks each join as ksqlDB does, chooses the result
 * key, and compiles WHERE, PARTITION BY, GROUP BY and the projection over the joined row. The
 * engine runs the joins from `QueryPlan#join` (src/engine/processors/join-processor.ts).
 */
import type { Catalog } from '../catalog/catalog.js';
import { LogicalSchema, type Column } from '../catalog/schema.js';
import type { DataSource, FormatInfo } from '../catalog/source.js';
import { KsqlStatementError } from '../errors.js';
import { compileExpression, semanticError } from '../engine/expressions/compile.js';
import type { Evaluator } from '../engine/expressions/compiled.js';
import { formatExpression } from '../sql/format-expression.js';
import type * as ast from '../sql/ast.js';
import { BOOLEAN, typeToString, type SqlType } from '../sql/types.js';
import { isAggregateQuery, planAggregation } from './aggregation.js';
import { canonicalText } from './select-columns.js';
import { InputRowScope } from './input-row.js';
import { checkJoins, checkPhysical, checkValueFormats, resultKind, type JoinFlavor } from './join-checks.js';
import { flatten, qualify } from './join-expressions.js';
import { refuseMapKey, resultKey, type ResultKey } from './join-key.js';
import { joinImplicitName, planJoinProjection, type JoinPartitionKey } from './join-projection.js';
import { JoinRowScope } from './join-row.js';
import { joinSources, type JoinSources } from './join-sources.js';
import { coPartitioned, joinSteps, type JoinPlan, type JoinStep, type JoinStepNode } from './join-steps.js';
import { buildJoinTree, type JoinTree } from './join-tree.js';
import type { PlanOptions } from './plan-select.js';
import type { QueryPlan } from './query-plan.js';
import { inClause } from './select-columns.js';

type TreeJoin = Extract<JoinTree, { kind: 'join' }>;

const PULL_QUERY_HINT = 'See https://cnfl.io/queries for more info.\nAdd EMIT CHANGES if you intended to issue a push query.';

export function planJoin(query: ast.Query, catalog: Catalog, options: PlanOptions): QueryPlan {
  const persistent = options.persistent === true;
  if (!persistent && !query.emit) throw new KsqlStatementError(`Pull queries don't support JOIN clauses. ${PULL_QUERY_HINT}`);
  const { sources, tree, key, scope, join } = analyzeJoins(query, catalog, persistent);
  const clauses = resolveClauses(query, sources, key);
  const left = sources.list[0]!;
  const base = {
    kind: 'push',
    // The sink inherits the left source's formats, but the join's key format.
    source: { ...left.source, keyFormat: joinKeyFormat(join.root, sources) },
    inputs: sources.list.map((s) => s.source),
    scope: new InputRowScope(left.source.schema, [left.alias], left.windowed),
    ...(clauses.where ? { where: compileWhere(clauses.where, scope) } : {}),
    limit: query.limit,
    statementText: query.text,
    join,
  } as const;
  const sinkName = persistent ? (options.sinkName ?? '') : undefined;
  if (isAggregateQuery(query)) {
    const rewritten = aggregationQuery(query, clauses, sources);
    const aggregationOptions = { ...(sinkName !== undefined ? { sinkName } : {}), ...(options.properties ? { properties: options.properties } : {}) };
    return { ...base, ...planAggregation(rewritten, join.resultSource, scope, aggregationOptions), resultType: 'TABLE' };
  }
  if (query.window) throw new KsqlStatementError('WINDOW clause requires a GROUP BY clause.');
  const partition = clauses.partitionBy.length > 0 ? partitionKeys(query, clauses.partitionBy, sources, scope) : undefined;
  const projected = planJoinProjection({ select: query.select, sources, tree, key, scope, ...(partition ? { partition } : {}), ...(sinkName !== undefined ? { sinkName } : {}) });
  if (projected.explode && join.resultType === 'TABLE') throw new KsqlStatementError('Table source is not supported with table functions');
  return { ...base, ...projected, resultType: partition ? 'STREAM' : join.resultType, ...(partition ? { rekeyed: true } : {}) };
}

interface AnalyzedJoins {
  readonly sources: JoinSources;
  readonly tree: TreeJoin;
  readonly key: ResultKey;
  /** Expressions over the joined row, the synthetic key included. */
  readonly scope: JoinRowScope;
  readonly join: JoinPlan;
}

/** The sources, the checked tree of joins, the result key, and the steps the engine runs. */
function analyzeJoins(query: ast.Query, catalog: Catalog, persistent: boolean): AnalyzedJoins {
  const sources = joinSources(query, catalog);
  checkAmbiguity(query, sources);
  refuseReservedNames(query, sources, persistent);
  const tree = buildJoinTree(query, sources) as TreeJoin;
  checkValueFormats(sources.list);
  const plain = new JoinRowScope(sources);
  const typeOf = (flat: ast.Expression): SqlType | null => compileExpression(flat, { scope: plain, clause: 'JOIN ON' }).type;
  const flavors = checkJoins(tree, typeOf);
  const key = resultKey({ tree, sources, select: query.select, foreignKey: flavors.get(tree) === 'FOREIGN_KEY', typeOf });
  if (key.kind !== 'foreign') refuseMapKey(key.name, key.type, typeToString(key.type));
  const scope = new JoinRowScope(sources, key.kind === 'synthetic' ? key : undefined);
  checkTopology(tree, flavors);
  const root = joinSteps(tree, flavors, (flat) => compileExpression(flat, { scope, clause: 'JOIN ON' }).eval) as JoinStep;
  return { sources, tree, key, scope, join: joinPlan(root, sources, tree, flavors, key) };
}

/** Unqualified references that several sources could mean are refused before anything else (AstSanitizer). */
function checkAmbiguity(query: ast.Query, sources: JoinSources): void {
  const exprs = [
    ...query.select.flatMap((s) => (s.kind === 'Expr' ? [s.expr] : [])),
    ...query.joins.map((j) => j.on),
    ...(query.where ? [query.where] : []),
    ...query.groupBy,
    ...query.partitionBy,
    ...(query.having ? [query.having] : []),
  ];
  for (const e of exprs) qualify(e, sources, { strict: false, clause: 'SELECT' });
}

const RESERVED = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);

/** Analyzer#checkForReservedToken: pseudo columns cannot name a persistent query's columns. */
function refuseReservedNames(query: ast.Query, sources: JoinSources, persistent: boolean): void {
  for (const item of query.select) {
    if (item.kind !== 'Expr') continue;
    const name = item.alias ?? joinImplicitName(qualify(item.expr, sources, { strict: false, clause: 'SELECT' }), sources);
    if (name === undefined || !RESERVED.has(name)) continue;
    const text = formatExpression(item.expr);
    if (text.slice(text.indexOf('.') + 1).toUpperCase() !== name) {
      throw new KsqlStatementError(`\`${name}\` is a reserved column name. You cannot use it as an alias for a column.`);
    }
    if (persistent) throw new KsqlStatementError(`Reserved column name in select: \`${name}\`. Please remove or alias the column.`);
  }
}

/** The checks ksqlDB makes while it builds each join's topology, outermost first. */
function checkTopology(tree: JoinTree, flavors: ReadonlyMap<TreeJoin, JoinFlavor>): void {
  if (tree.kind === 'leaf') return;
  checkPhysical(tree, flavors.get(tree)!);
  checkTopology(tree.left, flavors);
  checkTopology(tree.right, flavors);
}

interface Clauses {
  readonly where?: ast.Expression;
  readonly groupBy: readonly ast.Expression[];
  readonly partitionBy: readonly ast.Expression[];
  readonly having?: ast.Expression;
  readonly select: readonly (ast.Expression | undefined)[];
}

/**
 * Every clause over the joined schema's names; unknown columns are reported clause by clause in
 * ksqlDB's order (Analyzer#throwOnUnknownColumnReference).
 */
function resolveClauses(query: ast.Query, sources: JoinSources, key: ResultKey): Clauses {
  const syntheticKey = key.kind === 'synthetic' ? { syntheticKey: key.name } : {};
  const resolve = (e: ast.Expression, clause: 'WHERE' | 'GROUP BY' | 'PARTITION BY' | 'HAVING' | 'SELECT'): ast.Expression =>
    flatten(qualify(e, sources, { strict: true, clause, ...syntheticKey }));
  const where = query.where ? resolve(query.where, 'WHERE') : undefined;
  const groupBy = query.groupBy.map((g) => resolve(g, 'GROUP BY'));
  const partitionBy = query.partitionBy.map((p) => resolve(p, 'PARTITION BY'));
  const having = query.having ? resolve(query.having, 'HAVING') : undefined;
  const select = query.select.map((s) => (s.kind === 'Expr' ? resolve(s.expr, 'SELECT') : undefined));
  return { ...(where ? { where } : {}), groupBy, partitionBy, ...(having ? { having } : {}), select };
}

function compileWhere(flat: ast.Expression, scope: JoinRowScope): Evaluator {
  const c = inClause(() => compileExpression(flat, { scope, clause: 'WHERE' }), (detail) => `Error in WHERE expression: ${detail}\nStatement: ${formatExpression(flat)}`);
  if (c.type !== null && c.type !== BOOLEAN && c.type.kind !== 'BOOLEAN') {
    throw semanticError(flat.loc, `Type error in WHERE expression: Should evaluate to boolean but is ${formatExpression(flat)} (${typeToString(c.type)}) instead.`);
  }
  return c.eval;
}

/** PARTITION BY after a join: the expressions, over the joined row, that key the result. */
function partitionKeys(query: ast.Query, flats: readonly ast.Expression[], sources: JoinSources, scope: JoinRowScope): JoinPartitionKey[] {
  if (flats.length === 1 && flats[0]!.kind === 'Literal' && flats[0]!.value.type === 'NULL') return [];
  return flats.map((flat, i) => {
    const c = inClause(() => compileExpression(flat, { scope, clause: 'PARTITION BY' }), (detail) => `Error in PARTITION BY expression: ${detail}`);
    if (c.type === null) throw new KsqlStatementError(`PARTITION BY expression cannot be NULL: ${formatExpression(flat)}`);
    const expr = qualify(query.partitionBy[i]!, sources, { strict: false, clause: 'PARTITION BY' });
    return { expr, flat, text: canonicalText(flat), type: c.type, eval: c.eval };
  });
}

/**
 * The query as the aggregation planner sees it: every expression over the joined schema's names,
 * and columns projected without an alias named as a join names them.
 */
function aggregationQuery(query: ast.Query, clauses: Clauses, sources: JoinSources): ast.Query {
  const select = query.select.map((item, i): ast.SelectItem => {
    if (item.kind !== 'Expr') return item;
    const alias = item.alias ?? joinImplicitName(qualify(item.expr, sources, { strict: false, clause: 'SELECT' }), sources);
    return { kind: 'Expr', expr: clauses.select[i]!, ...(alias !== undefined ? { alias } : {}) };
  });
  const { where, having } = clauses;
  return { ...query, select, joins: [], groupBy: clauses.groupBy, partitionBy: [], ...(where ? { where } : {}), ...(having ? { having } : {}) };
}

function joinPlan(root: JoinStep, sources: JoinSources, tree: TreeJoin, flavors: ReadonlyMap<TreeJoin, JoinFlavor>, key: ResultKey): JoinPlan {
  const resultType = resultKind(tree);
  return {
    root,
    width: sources.width,
    keyWidth: sources.keyWidth,
    resultType,
    coPartitioned: coPartitioned(tree, flavors),
    resultSource: resultSource(sources, key, resultType),
  };
}

/** The joined row as a source: key section first, then every source column by its `ALIAS_COL` name. */
function resultSource(sources: JoinSources, key: ResultKey, type: DataSource['type']): DataSource {
  const keyTypes = key.kind === 'foreign' ? key.columns.map((c) => c.type) : [key.type];
  const keys: Column[] = Array.from({ length: sources.keyWidth }, (_, i) => ({ name: `JOIN_KEY_${i}`, type: keyTypes[i] ?? keyTypes[0]!, namespace: 'KEY' }));
  const values: Column[] = sources.list.flatMap((s) => [...s.columns.values()].map((c) => ({ name: `${s.alias}_${c.name}`, type: c.type, namespace: 'VALUE' as const })));
  const left = sources.list[0]!.source;
  return { ...left, type, schema: new LogicalSchema([...keys, ...values]), isSource: false };
}

/**
 * The key format of a join's result (JoinNode#resolveKeyFormats, KLIP-33): the left side's,
 * unless only the left side is re-keyed; a NONE key gives way to the first source key format.
 */
function joinKeyFormat(root: JoinStep, sources: JoinSources): FormatInfo {
  const preferred = (step: JoinStepNode): FormatInfo => {
    if (step.kind === 'leaf') return step.source.keyFormat;
    return step.leftKey && !step.rightKey ? preferred(step.right) : preferred(step.left);
  };
  const format = preferred(root);
  if (format.format !== 'NONE') return format;
  return sources.list.map((s) => s.source.keyFormat).find((f) => f.format !== 'NONE') ?? { format: 'KAFKA' };
}

/** ksqlDB needs the sides of each join to have as many partitions (JoinNode#ensureMatchingPartitionCounts). */
export function checkJoinPartitions(plan: QueryPlan, partitionsOf: (topic: string) => number | undefined): void {
  for (const { left, right } of plan.join?.coPartitioned ?? []) {
    const l = partitionsOf(left.topic);
    const r = partitionsOf(right.topic);
    if (l === undefined || r === undefined || l === r) continue;
    throw new KsqlStatementError(
      `Can't join \`${left.alias}\` with \`${right.alias}\` since the number of partitions don't match. \`${left.alias}\` partitions = ${l}; \`${right.alias}\` partitions = ${r}. Please repartition either one so that the number of partitions match.`,
    );
  }
}
