/**
 * The joins as the engine runs them (src/engine/processors/join-processor.ts): a tree of steps
 * over the joined row, each knowing how to key its two sides. A side keeps the key it already has
 * when the criterion reads it (a source's key column, or an expression equivalent to a child
 * join's key); otherwise its rows are re-keyed by the expression, as ksqlDB repartitions them,
 * which it refuses for tables and windowed sources.
 */
import type { DataSource, SourceType } from '../catalog/source.js';
import { KsqlStatementError } from '../errors.js';
import type { Evaluator } from '../engine/expressions/compiled.js';
import type * as ast from '../sql/ast.js';
import type { JoinFlavor } from './join-checks.js';
import { resultKind } from './join-checks.js';
import type { JoinSource } from './join-sources.js';
import { equivalenceSet, leaves, type JoinKind, type JoinSide, type JoinTree } from './join-tree.js';

export interface JoinLeafStep {
  readonly kind: 'leaf';
  /** Position of the source in the plan's inputs. */
  readonly input: number;
  readonly source: DataSource;
  /** Where the source's input row sits in the joined row. */
  readonly offset: number;
  readonly width: number;
  readonly table: boolean;
}

export interface JoinWindow {
  /** How far before a left record a right record may be (WITHIN (before, after)). */
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly graceMs: number;
  /**
   * GRACE PERIOD given: unmatched records of an outer side wait until their window closes
   * (Kafka Streams' JoinWindows.ofTimeDifferenceAndGrace); without it they are emitted at once,
   * as with the deprecated JoinWindows.of that ksqlDB keeps for compatibility.
   */
  readonly holdUnmatched: boolean;
}

export interface JoinStep {
  readonly kind: 'join';
  readonly flavor: JoinFlavor;
  readonly type: JoinKind;
  readonly left: JoinStepNode;
  readonly right: JoinStepNode;
  /** Re-keys the left side's rows; absent: the side's own key. */
  readonly leftKey?: Evaluator;
  readonly rightKey?: Evaluator;
  /** A foreign-key join: the right table's key, read from the left table's row. */
  readonly foreignKey?: Evaluator;
  readonly window?: JoinWindow;
  /** The result is a table (both sides are). */
  readonly table: boolean;
  /** The joined-row ranges `[start, end)` the right side fills. */
  readonly rightSections: readonly (readonly [number, number])[];
}

export type JoinStepNode = JoinLeafStep | JoinStep;

/** Two sides whose partition counts must match (JoinNode#ensureMatchingPartitionCounts). */
export interface CoPartitioned {
  readonly left: { readonly alias: string; readonly topic: string };
  readonly right: { readonly alias: string; readonly topic: string };
}

export type CompileKey = (flat: ast.Expression) => Evaluator;

type TreeJoin = Extract<JoinTree, { kind: 'join' }>;

export function joinSteps(tree: JoinTree, flavors: ReadonlyMap<TreeJoin, JoinFlavor>, compile: CompileKey): JoinStepNode {
  if (tree.kind === 'leaf') return leafStep(tree.source);
  const flavor = flavors.get(tree)!;
  const { info } = tree;
  const fk = flavor === 'FOREIGN_KEY';
  checkWindowedKeys(tree);
  const leftKey = fk ? undefined : sideKey(tree.left, info.left, compile, flavors);
  const rightKey = sideKey(tree.right, info.right, compile, flavors);
  return {
    kind: 'join',
    flavor,
    type: info.kind,
    left: joinSteps(tree.left, flavors, compile),
    right: joinSteps(tree.right, flavors, compile),
    ...(leftKey ? { leftKey } : {}),
    ...(rightKey ? { rightKey } : {}),
    ...(fk ? { foreignKey: compile(info.left.flat) } : {}),
    ...(flavor === 'STREAM_STREAM' && info.within ? { window: joinWindow(info.within) } : {}),
    table: resultKind(tree) === 'TABLE',
    rightSections: leaves(tree.right).map((s) => [s.offset, s.offset + s.width] as const),
  };
}

function leafStep(s: JoinSource): JoinLeafStep {
  return { kind: 'leaf', input: s.input, source: s.source, offset: s.offset, width: s.width, table: s.source.type === 'TABLE' };
}

const DAY_MS = 24 * 60 * 60 * 1000;

function joinWindow(within: ast.WithinClause): JoinWindow {
  const beforeMs = within.before.millis;
  const afterMs = within.after.millis;
  if (within.grace) return { beforeMs, afterMs, graceMs: within.grace.millis, holdUnmatched: true };
  // JoinWindows.of(before): a grace period that makes the store keep a day, at least the window.
  return { beforeMs, afterMs, graceMs: Math.max(DAY_MS - 2 * beforeMs, 0), holdUnmatched: false };
}

/** Undefined when the side keeps its own key; else the expression that re-keys it. */
function sideKey(node: JoinTree, side: JoinSide, compile: CompileKey, flavors: ReadonlyMap<TreeJoin, JoinFlavor>): Evaluator | undefined {
  if (keepsKey(node, side, flavors)) return undefined;
  if (node.kind === 'leaf' ? node.source.windowed : windowedBelow(node)) {
    throw new KsqlStatementError('Implicit repartitioning of windowed sources is not supported.');
  }
  if (resultKind(node) === 'TABLE') {
    throw new KsqlStatementError(
      `Cannot repartition a TABLE source. If this is a join, make sure that the criteria uses the TABLE's key column ${side.text} instead of ${side.text}`,
    );
  }
  return compile(side.flat);
}

function keepsKey(node: JoinTree, side: JoinSide, flavors: ReadonlyMap<TreeJoin, JoinFlavor>): boolean {
  const e = side.expr;
  const isKeyColumn = (s: JoinSource): boolean => {
    const key = s.source.schema.key;
    return e.kind === 'ColumnRef' && e.source === s.alias && key.length === 1 && key[0]!.name === e.name;
  };
  if (node.kind === 'leaf') return isKeyColumn(node.source);
  if (equivalenceSet(node).has(side.text)) return true;
  // A foreign-key join keeps its left table's key.
  return flavors.get(node) === 'FOREIGN_KEY' && node.left.kind === 'leaf' && isKeyColumn(node.left.source);
}

function windowedBelow(node: JoinTree): boolean {
  return leaves(node).some((s) => s.windowed);
}

/** Windowed sources whose keys differ in layout would need a repartition, which ksqlDB refuses. */
function checkWindowedKeys(tree: TreeJoin): void {
  if (tree.left.kind !== 'leaf' || tree.right.kind !== 'leaf') return;
  const l = tree.left.source.source;
  const r = tree.right.source.source;
  if (!l.windowType || !r.windowType) return;
  if (l.windowType !== r.windowType || l.windowSize !== r.windowSize || l.keyFormat.format !== r.keyFormat.format) {
    throw new KsqlStatementError('Implicit repartitioning of windowed sources is not supported.');
  }
}

/** The pairs of topics each non-foreign-key join reads side by side. */
export function coPartitioned(tree: JoinTree, flavors: ReadonlyMap<TreeJoin, JoinFlavor>): CoPartitioned[] {
  if (tree.kind === 'leaf') return [];
  const children = [...coPartitioned(tree.left, flavors), ...coPartitioned(tree.right, flavors)];
  if (flavors.get(tree) === 'FOREIGN_KEY') return children;
  const pair = { left: partitionSide(tree.left), right: partitionSide(tree.right) };
  return [pair, ...children];
}

/** A join's partitions are those of its right side (JoinNode#getPartitions); named after its leftmost source. */
function partitionSide(node: JoinTree): { alias: string; topic: string } {
  const alias = leaves(node)[0]!.alias;
  let n = node;
  while (n.kind === 'join') n = n.right;
  return { alias, topic: n.source.source.topic };
}


/** What the engine needs to run a join (QueryPlan#join). */
export interface JoinPlan {
  readonly root: JoinStep;
  /** Slots of the joined row: the key section, then each source's input row. */
  readonly width: number;
  readonly keyWidth: number;
  /** Whether the joins produce a stream or a table (before any GROUP BY or PARTITION BY). */
  readonly resultType: SourceType;
  readonly coPartitioned: readonly CoPartitioned[];
  /**
   * The join's result as the source of a GROUP BY over it: its key section as key columns, then
   * the joined row's columns (see src/engine/processors/join-processor.ts).
   */
  readonly resultSource: DataSource;
}
