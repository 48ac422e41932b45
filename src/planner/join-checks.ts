/**
 * What each join in the tree is and whether ksqlDB allows it (LogicalPlanner#verifyJoin and the
 * joiners of JoinNode): stream-stream joins need WITHIN, stream-table joins look up the table's
 * primary key, table-table joins join on the right table's primary key, and a left side that is
 * not its table's key makes a foreign-key join (docs.ksqldb.io, "Joins": "Join requirements").
 */
import { KsqlStatementError } from '../errors.js';
import { formatExpression } from '../sql/format-expression.js';
import type * as ast from '../sql/ast.js';
import { typesEqual, typeToString, type SqlType } from '../sql/types.js';
import { JOIN_KIND_TEXT, leaves, type JoinInfo, type JoinTree } from './join-tree.js';
import type { JoinSource } from './join-sources.js';

export type JoinFlavor = 'STREAM_STREAM' | 'STREAM_TABLE' | 'TABLE_TABLE' | 'FOREIGN_KEY';

type JoinNode = Extract<JoinTree, { kind: 'join' }>;

/** The SQL type of an expression over the joined row. */
export type TypeOf = (flat: ast.Expression) => SqlType | null;

export function resultKind(tree: JoinTree): 'STREAM' | 'TABLE' {
  if (tree.kind === 'leaf') return tree.source.source.type;
  return resultKind(tree.left) === 'TABLE' && resultKind(tree.right) === 'TABLE' ? 'TABLE' : 'STREAM';
}

/** Checks every join of the tree, children first, and tells what kind each is. */
export function checkJoins(tree: JoinTree, typeOf: TypeOf): Map<JoinNode, JoinFlavor> {
  const flavors = new Map<JoinNode, JoinFlavor>();
  const visit = (node: JoinTree): void => {
    if (node.kind === 'leaf') return;
    visit(node.left);
    visit(node.right);
    flavors.set(node, flavorOf(node, typeOf));
  };
  visit(tree);
  return flavors;
}

function flavorOf(node: JoinNode, typeOf: TypeOf): JoinFlavor {
  const { info } = node;
  if (resultKind(node.left) === 'STREAM') {
    if (resultKind(node.right) === 'STREAM') return 'STREAM_STREAM';
    if (info.kind === 'OUTER') throw new KsqlStatementError(`Invalid join type: full-outer join not supported for stream-table join. ${got(info)}`);
    if (notOnKey(info.right.expr, node.right)) {
      throw new KsqlStatementError(`Invalid join condition: stream-table joins require to join on the table's primary key. ${criterion(info)}`);
    }
    return 'STREAM_TABLE';
  }
  if (resultKind(node.right) === 'STREAM') {
    throw new KsqlStatementError(`Invalid join order: table-stream joins are not supported; only stream-table joins. ${got(info)}`);
  }
  if (notOnKey(info.right.expr, node.right)) {
    throw new KsqlStatementError(`Invalid join condition: table-table joins require to join on the primary key of the right input table. ${criterion(info)}`);
  }
  if (notOnKey(info.left.expr, node.left)) {
    checkForeignKey(node, typeOf);
    return 'FOREIGN_KEY';
  }
  checkTypes(info, keyType(node.left, typeOf), keyType(node.right, typeOf));
  return 'TABLE_TABLE';
}

/** `Got L [INNER] JOIN R.`, with the sources' names. */
function got(info: JoinInfo): string {
  return `Got ${info.left.source.source.name} ${JOIN_KIND_TEXT[info.kind]} ${info.right.source.source.name}.`;
}

/** `Got L.A = R.B.`, in the order written. */
function criterion(info: JoinInfo): string {
  const [a, b] = info.flipped ? [info.right, info.left] : [info.left, info.right];
  return `Got ${formatExpression(a.expr)} = ${formatExpression(b.expr)}.`;
}

/** Whether a criterion side is anything but the key column of the source it reads (joinOnNonKeyAttribute). */
function notOnKey(expr: ast.Expression, node: JoinTree): boolean {
  if (expr.kind !== 'ColumnRef' || expr.source === undefined) return true;
  const source = leaves(node).find((s) => s.alias === expr.source);
  if (!source) throw new KsqlStatementError(`Join qualifier '${expr.source}' could not be resolved (either not found or not unique).`);
  const key = source.source.schema.key;
  return key.length !== 1 || key[0]!.name !== expr.name;
}

/** The type of a node's key: a source's key column, or the join expression. */
function keyType(node: JoinTree, typeOf: TypeOf): SqlType | null {
  if (node.kind === 'leaf') return node.source.source.schema.key[0]?.type ?? null;
  return typeOf(node.info.left.flat);
}

function checkTypes(info: JoinInfo, leftType: SqlType | null, rightType: SqlType | null): void {
  if (leftType && rightType && typesEqual(leftType, rightType)) return;
  const l = `${formatExpression(info.left.expr)}{${leftType ? typeToString(leftType) : 'NULL'}}`;
  const r = `${formatExpression(info.right.expr)}{${rightType ? typeToString(rightType) : 'NULL'}}`;
  throw new KsqlStatementError(`Invalid join condition: types don't match. Got ${info.flipped ? `${r} = ${l}` : `${l} = ${r}`}.`);
}

/** LogicalPlanner#verifyForeignKeyJoin. */
function checkForeignKey(node: JoinNode, typeOf: TypeOf): void {
  const { info } = node;
  if (info.kind === 'OUTER') {
    throw new KsqlStatementError(`Invalid join type: full-outer join not supported for foreign-key table-table join. ${got(info)}`);
  }
  if (node.left.kind !== 'leaf' || node.right.kind !== 'leaf') {
    throw new KsqlStatementError(`Invalid join condition: foreign-key table-table joins are not supported as part of n-way joins. ${criterion(info)}`);
  }
  checkTypes(info, typeOf(info.left.flat), keyType(node.right, typeOf));
  if (node.right.source.windowed) throw new KsqlStatementError('Foreign-key table-table joins are not supported on windowed tables.');
}

/**
 * The checks ksqlDB makes while building the topology (JoinNode's joiners): the WITHIN clause
 * belongs to stream-stream joins only, and a foreign-key join cannot be a right join.
 */
export function checkPhysical(node: JoinNode, flavor: JoinFlavor): void {
  const within = node.info.within !== undefined;
  if (flavor === 'STREAM_STREAM' && !within) {
    throw new KsqlStatementError(
      'Stream-Stream joins must have a WITHIN clause specified. None was provided. To learn about how to specify a WITHIN clause with a stream-stream join, please visit: https://docs.confluent.io/current/ksql/docs/syntax-reference.html#create-stream-as-select',
    );
  }
  if (flavor === 'STREAM_TABLE' && within) {
    throw new KsqlStatementError(
      'A window definition was provided for a Stream-Table join. These joins are not windowed. Please drop the window definition (ie. the WITHIN clause) and try to execute your join again.',
    );
  }
  if ((flavor === 'TABLE_TABLE' || flavor === 'FOREIGN_KEY') && within) {
    throw new KsqlStatementError(
      'A window definition was provided for a Table-Table join. These joins are not windowed. Please drop the window definition (i.e. the WITHIN clause) and try to execute your Table-Table join again.',
    );
  }
  if (flavor === 'STREAM_TABLE' && node.info.kind === 'RIGHT') throw new KsqlStatementError(`Invalid join type encountered: ${JOIN_KIND_TEXT.RIGHT}`);
  if (flavor === 'FOREIGN_KEY' && node.info.kind === 'RIGHT') throw new KsqlStatementError('RIGHT OUTER JOIN on a foreign key is not supported');
}

/** ksqlDB refuses JOIN over KAFKA-formatted values (Analyzer#validate). */
export function checkValueFormats(sources: readonly JoinSource[]): void {
  const kafka = sources.filter((s) => s.source.valueFormat.format === 'KAFKA').map((s) => s.alias);
  if (kafka.length === 0) return;
  throw new KsqlStatementError(
    `Source(s) ${kafka.join(', ')} are using the 'KAFKA' value format. This format does not yet support JOIN.\n` +
      'The KAFKA format is primarily intended for use as a key format. It can be used as a value format, but can not be used in any operation that requires a repartition or changelog topic.\n' +
      'Removing this limitation requires enhancements to the core of KSQL. This will come in a future release. Until then, avoid using the KAFKA format for values.\n' +
      "If you have an existing topic with KAFKA formatted values you can duplicate the data and serialize using Avro or JSON with a statement such as: \n\n'CREATE STREAM <new-stream-name> WITH(VALUE_FORMAT='Avro') AS SELECT * FROM <existing-kafka-formated-stream-name>;'\n" +
      'For more info see https://github.com/confluentinc/ksql/issues/3060',
  );
}
