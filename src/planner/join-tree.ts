/**
 * The JOIN clauses of a query as ksqlDB's Analyzer and JoinTree read them: each ON criterion is
 * checked (one equality, each side naming exactly one source, compatible windowing) and
 * normalized so that its left side reads the source already joined; the joins then form a tree in
 * the order written, and each join knows the expressions equivalent to its key and the source
 * columns that may stand for that key in the projection (docs.ksqldb.io, "Join Event Streams with
 * ksqlDB": "the join expression must be included in the projection").
 */
import { KsqlStatementError } from '../errors.js';
import { formatExpression } from '../sql/format-expression.js';
import type * as ast from '../sql/ast.js';
import { flatten, qualify, sourcesOf } from './join-expressions.js';
import type { JoinSource, JoinSources } from './join-sources.js';

export type JoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'OUTER';

/** ksqlDB's JoinNode.JoinType#toString, used in its messages. */
export const JOIN_KIND_TEXT: Record<JoinKind, string> = {
  INNER: '[INNER] JOIN',
  LEFT: 'LEFT [OUTER] JOIN',
  RIGHT: 'RIGHT [OUTER] JOIN',
  OUTER: '[FULL] OUTER JOIN',
};

export interface JoinSide {
  readonly source: JoinSource;
  /** The criterion's expression for this side, every column qualified. */
  readonly expr: ast.Expression;
  /** The same over the joined schema's `ALIAS_COL` names. */
  readonly flat: ast.Expression;
  readonly text: string;
}

export interface JoinInfo {
  readonly kind: JoinKind;
  readonly left: JoinSide;
  readonly right: JoinSide;
  /** The criterion was written right side first; messages print it as written. */
  readonly flipped: boolean;
  readonly within?: ast.WithinClause;
}

export type JoinTree =
  | { readonly kind: 'leaf'; readonly source: JoinSource }
  | { readonly kind: 'join'; readonly left: JoinTree; readonly right: JoinTree; readonly info: JoinInfo };

/** A source column that the result key equals, as a projection may name it. */
export interface ViableKey {
  readonly source: JoinSource;
  readonly column: string;
  /** Qualified, e.g. `L.A`, as messages print it. */
  readonly text: string;
  /** The `ALIAS_COL` name. */
  readonly flatName: string;
}

const KIND_OF: Record<ast.JoinType, JoinKind> = { INNER: 'INNER', LEFT: 'LEFT', RIGHT: 'RIGHT', FULL: 'OUTER' };

/** Checks each JOIN's criterion in order and builds the tree. */
export function buildJoinTree(query: ast.Query, sources: JoinSources): JoinTree {
  const infos = query.joins.map((join, i) => joinInfo(join, sources, sources.list[i + 1]!));
  let root: JoinTree = { kind: 'leaf', source: infos[0]!.left.source };
  for (const info of infos) {
    const hasLeft = contains(root, info.left.source);
    const hasRight = contains(root, info.right.source);
    if (hasLeft && hasRight) {
      throw new KsqlStatementError(`Cannot perform circular join - both ${info.right.source.alias} and ${info.left.text} are already included in the current join tree.`);
    }
    if (hasLeft) root = { kind: 'join', left: root, right: { kind: 'leaf', source: info.right.source }, info };
    else if (hasRight) root = { kind: 'join', left: { kind: 'leaf', source: info.left.source }, right: root, info };
    else throw new KsqlStatementError('Cannot build JOIN tree; neither source in the join is the FROM source or included in a previous JOIN.');
  }
  return root;
}

function contains(tree: JoinTree, source: JoinSource): boolean {
  return tree.kind === 'leaf' ? tree.source === source : contains(tree.left, source) || contains(tree.right, source);
}

/** The sources under a tree node, left to right. */
export function leaves(tree: JoinTree): JoinSource[] {
  return tree.kind === 'leaf' ? [tree.source] : [...leaves(tree.left), ...leaves(tree.right)];
}

function joinInfo(join: ast.Join, sources: JoinSources, joined: JoinSource): JoinInfo {
  const on = qualify(join.on, sources, { strict: false, clause: 'JOIN ON' });
  if (on.kind !== 'Comparison') {
    if (on.kind === 'Logical' && isEquality(on.left) && isEquality(on.right)) {
      throw new KsqlStatementError(`Invalid join condition: joins on multiple conditions are not yet supported. Got ${formatExpression(on)}.`);
    }
    throw new KsqlStatementError(`Unsupported join expression: ${formatExpression(on)}`);
  }
  if (on.op !== '=') throw new KsqlStatementError('Only equality join criteria is supported.');
  const left = side(on.left, on, sources);
  const right = side(on.right, on, sources);
  if (left.source === right.source) {
    throw new KsqlStatementError(
      `Each side of the join must reference exactly one source and not the same source. Left side references \`${left.source.alias}\` and right references \`${right.source.alias}\``,
    );
  }
  checkWindowing(left.source, right.source);
  if (joined !== left.source && joined !== right.source) {
    throw new KsqlStatementError(
      `A join criteria is expected to reference the source (${joined.alias}) in the FROM clause, instead the right source references ${right.source.alias} and the left source references ${left.source.alias}`,
    );
  }
  const flipped = right.source === sources.list[0];
  const within = join.within ? { within: join.within } : {};
  return flipped
    ? { kind: KIND_OF[join.type], left: right, right: left, flipped, ...within }
    : { kind: KIND_OF[join.type], left, right, flipped, ...within };
}

function isEquality(e: ast.Expression): boolean {
  return e.kind === 'Comparison' && e.op === '=';
}

function side(expr: ast.Expression, on: ast.Expression, sources: JoinSources): JoinSide {
  const qualified = qualify(expr, sources, { strict: true, clause: 'JOIN ON' });
  const used = [...sourcesOf(qualified)];
  if (used.length !== 1) {
    throw new KsqlStatementError(
      `Invalid comparison expression '${formatExpression(qualified)}' in join '${formatExpression(on)}'. Each side of the join comparision must contain references from exactly one source.`,
    );
  }
  const flat = flatten(qualified);
  return { source: sources.byQualifier(used[0]!)!, expr: qualified, flat, text: formatExpression(flat) };
}

/** ksqlDB's Analyzer#throwOnIncompatibleSourceWindowing. */
function checkWindowing(left: JoinSource, right: JoinSource): void {
  const l = left.source.windowType;
  const r = right.source.windowType;
  if ((l === undefined) !== (r === undefined)) {
    throw new KsqlStatementError(
      `Can not join windowed source to non-windowed source.\n\`${left.alias}\` is ${l ?? 'not'} windowed\n\`${right.alias}\` is ${r ?? 'not'} windowed`,
    );
  }
  if (l === undefined || r === undefined) return;
  const compatible = l === 'SESSION' ? r === 'SESSION' : r !== 'SESSION';
  if (compatible) return;
  throw new KsqlStatementError(
    `Incompatible windowed sources.\nLeft source: ${l}\nRight source: ${r}\n` +
      'Session windowed sources can only be joined to other session windowed sources, and may still not result in expected behaviour as session bounds must be an exact match for the join to work\n' +
      'Hopping and tumbling windowed sources can only be joined to other hopping and tumbling windowed sources',
  );
}

/**
 * The expressions (as `ALIAS_COL` text) that evaluate to a join's key: both sides of its
 * criterion, plus a child's set when the criterion reads its key. None for a full outer join,
 * whose key may come from either side (ksqlDB's JoinTree#joinEquivalenceSet).
 */
export function equivalenceSet(tree: JoinTree): Set<string> {
  if (tree.kind === 'leaf' || tree.info.kind === 'OUTER') return new Set();
  const keys = new Set([tree.info.left.text, tree.info.right.text]);
  const out = new Set(keys);
  for (const child of [tree.left, tree.right]) {
    const set = equivalenceSet(child);
    if ([...keys].some((k) => set.has(k))) for (const k of set) out.add(k);
  }
  return out;
}

/** The source columns the key equals, in ksqlDB's order (JoinTree#viableKeyColumns). */
export function viableKeys(tree: JoinTree): ViableKey[] {
  if (tree.kind === 'leaf' || tree.info.kind === 'OUTER') return [];
  const equivalent = equivalenceSet(tree);
  const candidates = [...viableKeys(tree.left), ...columnKey(tree.info.left), ...viableKeys(tree.right), ...columnKey(tree.info.right)];
  const seen = new Set<string>();
  return candidates.filter((k) => {
    if (seen.has(k.flatName) || !equivalent.has(k.flatName)) return false;
    seen.add(k.flatName);
    return true;
  });
}

function columnKey(side: JoinSide): ViableKey[] {
  const e = side.expr;
  if (e.kind !== 'ColumnRef' || e.source === undefined) return [];
  return [{ source: side.source, column: e.name, text: formatExpression(e), flatName: side.text }];
}
