/**
 * Our typed AST. The Chevrotain CST is turned into these by the visitor (src/sql/visitor.ts);
 * nothing past the parser sees a CST node.
 *
 * Identifiers are stored as ksqlDB resolves them: an unquoted identifier upper-cased, a back-quoted
 * or double-quoted one with its case kept (doubled quote characters collapsed).
 */
import type { SqlType } from './types.js';

/** 1-based line and column of the first token of a node, for `line L:C:` messages. */
export interface Location {
  readonly line: number;
  readonly column: number;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expression =
  | Literal
  | ColumnRef
  | StructDeref
  | Subscript
  | Unary
  | Binary
  | Comparison
  | Logical
  | Not
  | IsNull
  | IsDistinct
  | Like
  | Between
  | InList
  | Case
  | Cast
  | FunctionCall
  | Lambda
  | ArrayCtor
  | MapCtor
  | StructCtor
  | IntervalUnit;

interface Node {
  readonly loc?: Location;
}

export type LiteralValue =
  | { readonly type: 'NULL' }
  | { readonly type: 'BOOLEAN'; readonly value: boolean }
  /** Integer literal text as written (fits INTEGER, else BIGINT, else DECIMAL: decided by the type checker). */
  | { readonly type: 'INTEGER_TEXT'; readonly text: string }
  /** `1.5`: a DECIMAL literal in ksqlDB; text kept exactly. */
  | { readonly type: 'DECIMAL_TEXT'; readonly text: string }
  /** `1.5E3`: a DOUBLE literal. */
  | { readonly type: 'DOUBLE_TEXT'; readonly text: string }
  | { readonly type: 'STRING'; readonly value: string }
  /** BYTES literal X'0A1B'. */
  | { readonly type: 'BYTES_HEX'; readonly text: string };

export interface Literal extends Node {
  readonly kind: 'Literal';
  readonly value: LiteralValue;
}

/** `col` or `src.col`; pseudo columns (ROWTIME, ROWPARTITION, ROWOFFSET, WINDOWSTART...) are ColumnRefs too. */
export interface ColumnRef extends Node {
  readonly kind: 'ColumnRef';
  readonly source?: string;
  readonly name: string;
}

/** `expr->field`, or `expr->*` when field is '*'. */
export interface StructDeref extends Node {
  readonly kind: 'StructDeref';
  readonly base: Expression;
  readonly field: string;
}

/** `expr[index]` on arrays (1-based, negative from the end) and maps. */
export interface Subscript extends Node {
  readonly kind: 'Subscript';
  readonly base: Expression;
  readonly index: Expression;
}

export interface Unary extends Node {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: Expression;
}

/** `||` is not among them: it becomes a call of CONCAT. */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export interface Binary extends Node {
  readonly kind: 'Binary';
  readonly op: ArithmeticOp;
  readonly left: Expression;
  readonly right: Expression;
}

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export interface Comparison extends Node {
  readonly kind: 'Comparison';
  /** `!=` is normalized to `<>`. */
  readonly op: ComparisonOp;
  readonly left: Expression;
  readonly right: Expression;
}

export interface Logical extends Node {
  readonly kind: 'Logical';
  readonly op: 'AND' | 'OR';
  readonly left: Expression;
  readonly right: Expression;
}

export interface Not extends Node {
  readonly kind: 'Not';
  readonly operand: Expression;
}

export interface IsNull extends Node {
  readonly kind: 'IsNull';
  readonly operand: Expression;
  readonly negated: boolean;
}

export interface IsDistinct extends Node {
  readonly kind: 'IsDistinct';
  readonly left: Expression;
  readonly right: Expression;
  /** IS NOT DISTINCT FROM */
  readonly negated: boolean;
}

export interface Like extends Node {
  readonly kind: 'Like';
  readonly value: Expression;
  readonly pattern: Expression;
  readonly escape?: string;
  readonly negated: boolean;
}

export interface Between extends Node {
  readonly kind: 'Between';
  readonly value: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly negated: boolean;
}

export interface InList extends Node {
  readonly kind: 'InList';
  readonly value: Expression;
  readonly list: readonly Expression[];
  readonly negated: boolean;
}

export interface WhenClause {
  readonly when: Expression;
  readonly then: Expression;
}
/** Searched CASE when `operand` is absent, simple CASE otherwise. */
export interface Case extends Node {
  readonly kind: 'Case';
  readonly operand?: Expression;
  readonly whens: readonly WhenClause[];
  readonly else?: Expression;
}

export interface Cast extends Node {
  readonly kind: 'Cast';
  readonly operand: Expression;
  readonly type: TypeRef;
}

export interface FunctionCall extends Node {
  readonly kind: 'FunctionCall';
  /** Upper-cased function name. */
  readonly name: string;
  readonly args: readonly Expression[];
  /** COUNT(*) */
  readonly star: boolean;
  readonly distinct: boolean;
}

export interface Lambda extends Node {
  readonly kind: 'Lambda';
  readonly params: readonly string[];
  readonly body: Expression;
}

export interface ArrayCtor extends Node {
  readonly kind: 'ArrayCtor';
  readonly items: readonly Expression[];
}

export interface MapCtor extends Node {
  readonly kind: 'MapCtor';
  readonly entries: readonly { readonly key: Expression; readonly value: Expression }[];
}

export interface StructCtor extends Node {
  readonly kind: 'StructCtor';
  readonly fields: readonly { readonly name: string; readonly value: Expression }[];
}

/**
 * A time unit passed as a function argument: `TIMESTAMPADD(MILLISECONDS, 5, ts)` (SqlBase.g4's
 * `functionArgument: expression | windowUnit`). Only the reserved unit words get here; `DAY`,
 * `HOUR`, `MINUTE` and `SECOND` are non-reserved and read as column names, as in ksqlDB.
 */
export interface IntervalUnit extends Node {
  readonly kind: 'IntervalUnit';
  readonly unit: 'DAYS' | 'HOURS' | 'MINUTES' | 'SECONDS' | 'MILLISECONDS';
}

/** A type as written: a resolved SqlType, or a custom type name (CREATE TYPE) to resolve later. */
export type TypeRef =
  | { readonly kind: 'sql'; readonly type: SqlType }
  | {
      readonly kind: 'custom';
      /** The custom type's name; for a type that only contains custom types, its printed form. */
      readonly name: string;
      /** Present when custom names sit inside ARRAY / MAP / STRUCT: `STRUCT<address ADDRESS>`. */
      readonly tree?: TypeExpr;
    };

/** A type that may contain custom type names anywhere inside it. */
export type TypeExpr =
  | { readonly kind: 'sql'; readonly type: SqlType }
  | { readonly kind: 'custom'; readonly name: string }
  | { readonly kind: 'ARRAY'; readonly element: TypeExpr }
  | { readonly kind: 'MAP'; readonly key: TypeExpr; readonly value: TypeExpr }
  | { readonly kind: 'STRUCT'; readonly fields: readonly { readonly name: string; readonly type: TypeExpr }[] };

// ---------------------------------------------------------------------------------------------
// Statements

export type Statement =
  | Query
  | CreateSource
  | CreateAsSelect
  | InsertInto
  | InsertValues
  | DropSource
  | AlterSource
  | ShowList
  | Describe
  | Print
  | DefineVariable
  | UndefineVariable
  | Terminate
  | SetProperty
  | UnsetProperty
  | CreateType
  | DropType
  | Explain;

export interface StatementBase extends Node {
  /** The statement's own text, from its first token up to and including its `;`. */
  readonly text: string;
}

export type SelectItem =
  | { readonly kind: 'AllColumns'; readonly source?: string }
  | { readonly kind: 'Expr'; readonly expr: Expression; readonly alias?: string };

export interface Relation {
  readonly name: string;
  readonly alias?: string;
  readonly loc?: Location;
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
export interface Join {
  readonly type: JoinType;
  readonly right: Relation;
  readonly on: Expression;
  readonly within?: WithinClause;
}
export interface Duration {
  readonly value: number;
  /** Normalized to milliseconds. */
  readonly millis: number;
  readonly unit: string;
}
export interface WithinClause {
  readonly before: Duration;
  readonly after: Duration;
  readonly grace?: Duration;
}

export type WindowSpec =
  | { readonly type: 'TUMBLING'; readonly size: Duration; readonly retention?: Duration; readonly grace?: Duration }
  | {
      readonly type: 'HOPPING';
      readonly size: Duration;
      readonly advance: Duration;
      readonly retention?: Duration;
      readonly grace?: Duration;
    }
  | { readonly type: 'SESSION'; readonly gap: Duration; readonly retention?: Duration; readonly grace?: Duration };

export interface Query extends StatementBase {
  readonly kind: 'Query';
  readonly select: readonly SelectItem[];
  readonly from: Relation;
  readonly joins: readonly Join[];
  readonly window?: WindowSpec;
  readonly where?: Expression;
  readonly groupBy: readonly Expression[];
  readonly partitionBy: readonly Expression[];
  readonly having?: Expression;
  /** EMIT CHANGES → 'CHANGES', EMIT FINAL → 'FINAL', none → undefined (a pull query). */
  readonly emit?: 'CHANGES' | 'FINAL';
  readonly limit?: number;
}

export interface ColumnDef {
  readonly name: string;
  readonly type: TypeRef;
  /** KEY on a stream, PRIMARY KEY on a table, HEADERS / HEADER('k') columns. */
  readonly role: 'VALUE' | 'KEY' | 'PRIMARY_KEY' | 'HEADERS' | 'HEADER';
  /** For HEADER('k'). */
  readonly headerKey?: string;
  readonly loc?: Location;
}

/** WITH (...) properties; keys upper-cased; values are literals. */
export type WithProperties = ReadonlyMap<string, { readonly value: LiteralValue; readonly loc?: Location }>;

export interface CreateSource extends StatementBase {
  readonly kind: 'CreateSource';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: string;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  /** CREATE SOURCE STREAM|TABLE (read-only). */
  readonly isSource: boolean;
  readonly columns: readonly ColumnDef[];
  readonly properties: WithProperties;
}

export interface CreateAsSelect extends StatementBase {
  readonly kind: 'CreateAsSelect';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: string;
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly properties: WithProperties;
  readonly query: Query;
}

export interface InsertInto extends StatementBase {
  readonly kind: 'InsertInto';
  readonly target: string;
  readonly properties: WithProperties;
  readonly query: Query;
}

export interface InsertValues extends StatementBase {
  readonly kind: 'InsertValues';
  readonly target: string;
  /** Empty when no column list was written (all columns, in schema order). */
  readonly columns: readonly string[];
  readonly values: readonly Expression[];
}

export interface DropSource extends StatementBase {
  readonly kind: 'DropSource';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: string;
  readonly ifExists: boolean;
  readonly deleteTopic: boolean;
}

/** ALTER STREAM|TABLE name ADD [COLUMN] col type, ... */
export interface AlterSource extends StatementBase {
  readonly kind: 'AlterSource';
  readonly sourceType: 'STREAM' | 'TABLE';
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: TypeRef }[];
}

export interface ShowList extends StatementBase {
  readonly kind: 'ShowList';
  readonly what: 'STREAMS' | 'TABLES' | 'TOPICS' | 'QUERIES' | 'VARIABLES' | 'PROPERTIES' | 'FUNCTIONS' | 'TYPES';
  readonly extended: boolean;
  /** SHOW ALL TOPICS */
  readonly all: boolean;
}

export interface Describe extends StatementBase {
  readonly kind: 'Describe';
  /** DESCRIBE STREAMS / DESCRIBE TABLES → target '*' with `what`. */
  readonly target: string;
  readonly what?: 'STREAMS' | 'TABLES' | 'FUNCTION';
  readonly extended: boolean;
}

export interface Print extends StatementBase {
  readonly kind: 'Print';
  /** Topic name with its case kept, quoted or not. */
  readonly topic: string;
  readonly fromBeginning: boolean;
  readonly interval?: number;
  readonly limit?: number;
}

export interface DefineVariable extends StatementBase {
  readonly kind: 'DefineVariable';
  readonly name: string;
  readonly value: string;
}

export interface UndefineVariable extends StatementBase {
  readonly kind: 'UndefineVariable';
  readonly name: string;
}

export interface Terminate extends StatementBase {
  readonly kind: 'Terminate';
  /** Query id as written (case kept), or undefined for TERMINATE ALL. */
  readonly queryId?: string;
  readonly all: boolean;
}

export interface SetProperty extends StatementBase {
  readonly kind: 'SetProperty';
  readonly name: string;
  readonly value: string;
}

export interface UnsetProperty extends StatementBase {
  readonly kind: 'UnsetProperty';
  readonly name: string;
}

export interface CreateType extends StatementBase {
  readonly kind: 'CreateType';
  readonly name: string;
  readonly ifNotExists: boolean;
  readonly type: TypeRef;
}

export interface DropType extends StatementBase {
  readonly kind: 'DropType';
  readonly name: string;
  readonly ifExists: boolean;
}

export interface Explain extends StatementBase {
  readonly kind: 'Explain';
  readonly queryId?: string;
  readonly statement?: Statement;
}
