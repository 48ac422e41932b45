/**
 * CST → statements (ksqlDB's AstBuilder). Also raises the errors AstBuilder raises while building,
 * with its wording: invalid source names, KEY vs PRIMARY KEY, non-integer LIMIT, and statements
 * ksqlDB knows but this server does not run (connectors, ALTER, ASSERT, PAUSE/RESUME).
 */
import type { CstNode } from 'chevrotain';
import { KsqlStatementError, SqlError } from '../errors.js';
import type * as ast from './ast.js';
import { literalText } from './format-expression.js';
import {
  identifierText,
  identifierTextAsWritten,
  identifierToken,
  node,
  nodes,
  only,
  startOffset,
  token,
  type BuildContext,
} from './cst.js';
import { unquote } from './source-text.js';
import { ExpressionBuilder, timeUnit } from './visit-expressions.js';
import { integerNumber, literalValue, longNumber } from './visit-literals.js';
import { typeRef } from './visit-types.js';
import { QuotedIdentifier, BackQuotedIdentifier } from './tokens.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const UNIT_MILLIS: Readonly<Record<ast.IntervalUnit['unit'], number>> = {
  DAYS: 86_400_000,
  HOURS: 3_600_000,
  MINUTES: 60_000,
  SECONDS: 1_000,
  MILLISECONDS: 1,
};

const UNSUPPORTED: Readonly<Record<string, string>> = {
  listConnectors: 'SHOW CONNECTORS',
  listConnectorPlugins: 'SHOW CONNECTOR PLUGINS',
  describeConnector: 'DESCRIBE CONNECTOR',
  createConnector: 'CREATE CONNECTOR',
  dropConnector: 'DROP CONNECTOR',
  alterSystemProperty: 'ALTER SYSTEM',
  assertTopic: 'ASSERT TOPIC',
  assertSchema: 'ASSERT SCHEMA',
  pauseQuery: 'PAUSE',
  resumeQuery: 'RESUME',
};

/** Builds the statement of a `singleStatement` CST. */
export function buildStatement(cst: CstNode, ctx: BuildContext): ast.Statement {
  return new StatementBuilder(ctx).statement(node(cst, 'statement')!);
}

class StatementBuilder {
  private exprs: ExpressionBuilder;

  constructor(private readonly ctx: BuildContext) {
    this.exprs = new ExpressionBuilder(ctx, new Set());
  }

  statement(n: CstNode): ast.Statement {
    let s = only(n);
    while (s.name.endsWith('Statement')) s = only(s);
    const base = { text: this.ctx.text.slice(startOffset(s)), loc: this.ctx.at(s) };
    const unsupported = UNSUPPORTED[s.name];
    if (unsupported) throw new KsqlStatementError(`${unsupported} is not supported by this server.`, this.ctx.text);
    return this.build(s, base);
  }

  private build(s: CstNode, base: ast.StatementBase): ast.Statement {
    switch (s.name) {
      case 'query':
        return this.query(s, base);
      case 'createStream':
      case 'createTable':
        return this.createSource(s, base);
      case 'createStreamAs':
      case 'createTableAs':
        return this.createAsSelect(s, base);
      case 'insertInto':
        return this.insertInto(s, base);
      case 'insertValues':
        return this.insertValues(s, base);
      case 'dropStream':
      case 'dropTable':
        return this.dropSource(s, base);
      case 'alterSource':
        return this.alterSource(s, base);
      case 'showColumns':
      case 'describeStreams':
      case 'describeFunction':
        return this.describe(s, base);
      case 'printTopic':
        return this.print(s, base);
      default:
        return this.simple(s, base) ?? this.list(s, base);
    }
  }

  /** Statements made of a keyword or two and a name. */
  private simple(s: CstNode, base: ast.StatementBase): ast.Statement | undefined {
    switch (s.name) {
      case 'terminateAll':
        return { ...base, kind: 'Terminate', all: true };
      case 'terminateQuery':
        return { ...base, kind: 'Terminate', queryId: identifierTextAsWritten(node(s, 'identifier')!), all: false };
      case 'setProperty':
        return { ...base, kind: 'SetProperty', name: propertyString(node(s, 'name')!), value: propertyString(node(s, 'value')!) };
      case 'unsetProperty':
        return { ...base, kind: 'UnsetProperty', name: propertyString(node(s, 'name')!) };
      case 'defineVariable':
        return {
          ...base,
          kind: 'DefineVariable',
          name: variableName(s, this.ctx),
          value: unquote(token(s, 'STRING')!.image, "'"),
        };
      case 'undefineVariable':
        return { ...base, kind: 'UndefineVariable', name: variableName(s, this.ctx) };
      case 'registerType':
        return {
          ...base,
          kind: 'CreateType',
          name: identifierText(node(s, 'identifier')!),
          ifNotExists: !!node(s, 'ifNotExists'),
          type: typeRef(node(s, 'type')!, this.ctx),
        };
      case 'dropType':
        return { ...base, kind: 'DropType', name: identifierText(node(s, 'identifier')!), ifExists: !!node(s, 'ifExists') };
      case 'explain':
        return this.explain(s, base);
      default:
        return undefined;
    }
  }

  private list(s: CstNode, base: ast.StatementBase): ast.ShowList {
    const what = s.name.slice('list'.length).toUpperCase() as ast.ShowList['what'];
    return { ...base, kind: 'ShowList', what, extended: !!token(s, 'EXTENDED'), all: !!token(s, 'ALL') };
  }

  private explain(s: CstNode, base: ast.StatementBase): ast.Explain {
    const id = node(s, 'identifier');
    if (id) return { ...base, kind: 'Explain', queryId: identifierTextAsWritten(id) };
    return { ...base, kind: 'Explain', statement: this.statement(node(s, 'statement')!) };
  }

  private describe(s: CstNode, base: ast.StatementBase): ast.Describe {
    const extended = !!token(s, 'EXTENDED');
    if (s.name === 'describeStreams') return { ...base, kind: 'Describe', target: '*', what: 'STREAMS', extended };
    if (s.name === 'describeFunction') {
      // DescribeFunction takes the identifier's raw text.
      return { ...base, kind: 'Describe', target: identifierToken(node(s, 'identifier')!).image, what: 'FUNCTION', extended };
    }
    // An unquoted TABLES is DESCRIBE TABLES (AstBuilder#visitShowColumns).
    const name = node(s, 'sourceName')!;
    const t = identifierToken(node(name, 'identifier')!);
    if (t.image.toUpperCase() === 'TABLES' && t.tokenType !== QuotedIdentifier && t.tokenType !== BackQuotedIdentifier) {
      return { ...base, kind: 'Describe', target: '*', what: 'TABLES', extended };
    }
    return { ...base, kind: 'Describe', target: this.sourceName(name), extended };
  }

  private print(s: CstNode, base: ast.StatementBase): ast.Print {
    const resource = node(s, 'resourceName')!;
    const str = token(resource, 'STRING');
    const topic = str ? unquote(str.image, "'") : identifierTextAsWritten(node(resource, 'identifier')!);
    const clause = node(s, 'printClause')!;
    const interval = node(clause, 'intervalClause');
    const limit = node(clause, 'limitClause');
    const print: Mutable<ast.Print> = { ...base, kind: 'Print', topic, fromBeginning: !!token(clause, 'FROM') };
    if (interval) print.interval = integerNumber(node(interval, 'number')!, 'INTERVAL', this.ctx);
    if (limit) print.limit = integerNumber(node(limit, 'number')!, 'LIMIT', this.ctx);
    return print;
  }

  // -------------------------------------------------------------------------------------------
  // DDL and DML

  /** Elements, properties, name, then the key check: the order AstBuilder and CreateSource fail in. */
  private createSource(s: CstNode, base: ast.StatementBase): ast.CreateSource {
    const sourceType = s.name === 'createStream' ? 'STREAM' : 'TABLE';
    const columns = nodes(node(s, 'tableElements') ?? s, 'tableElement').map((e) => this.column(e));
    this.checkColumnNames(columns);
    const properties = this.properties(s);
    const name = this.sourceName(node(s, 'sourceName')!);
    this.checkKeys(sourceType, columns);
    return {
      ...base,
      kind: 'CreateSource',
      sourceType,
      name,
      orReplace: !!node(s, 'orReplace'),
      ifNotExists: !!node(s, 'ifNotExists'),
      isSource: !!token(s, 'SOURCE'),
      columns,
      properties,
    };
  }

  private createAsSelect(s: CstNode, base: ast.StatementBase): ast.CreateAsSelect {
    const properties = this.properties(s);
    const query = this.query(node(s, 'query')!, base);
    return {
      ...base,
      kind: 'CreateAsSelect',
      sourceType: s.name === 'createStreamAs' ? 'STREAM' : 'TABLE',
      name: this.sourceName(node(s, 'sourceName')!),
      orReplace: !!node(s, 'orReplace'),
      ifNotExists: !!node(s, 'ifNotExists'),
      properties,
      query,
    };
  }

  private insertInto(s: CstNode, base: ast.StatementBase): ast.InsertInto {
    const target = this.sourceName(node(s, 'sourceName')!);
    const query = this.query(node(s, 'query')!, base);
    return { ...base, kind: 'InsertInto', target, properties: this.properties(s), query };
  }

  private insertValues(s: CstNode, base: ast.StatementBase): ast.InsertValues {
    const target = this.sourceName(node(s, 'sourceName')!);
    const columns = nodes(node(s, 'columns') ?? s, 'identifier').map(identifierText);
    const values = nodes(node(s, 'values')!, 'valueExpression').map((v) => this.exprs.expression(v));
    return { ...base, kind: 'InsertValues', target, columns, values };
  }

  private alterSource(s: CstNode, base: ast.StatementBase): ast.AlterSource {
    return {
      ...base,
      kind: 'AlterSource',
      sourceType: token(s, 'STREAM') ? 'STREAM' : 'TABLE',
      name: this.sourceName(node(s, 'sourceName')!),
      columns: nodes(s, 'alterOption').map((o) => ({ name: identifierText(node(o, 'identifier')!), type: typeRef(node(o, 'type')!, this.ctx) })),
    };
  }

  private dropSource(s: CstNode, base: ast.StatementBase): ast.DropSource {
    return {
      ...base,
      kind: 'DropSource',
      sourceType: s.name === 'dropStream' ? 'STREAM' : 'TABLE',
      name: this.sourceName(node(s, 'sourceName')!),
      ifExists: !!node(s, 'ifExists'),
      deleteTopic: !!token(s, 'DELETE'),
    };
  }

  private column(e: CstNode): ast.ColumnDef {
    const c = node(e, 'columnConstraints');
    const name = identifierText(node(e, 'identifier')!);
    const type = typeRef(node(e, 'type')!, this.ctx);
    const loc = this.ctx.at(e);
    if (!c) return { name, type, role: 'VALUE', loc };
    if (token(c, 'KEY')) return { name, type, role: token(c, 'PRIMARY') ? 'PRIMARY_KEY' : 'KEY', loc };
    if (token(c, 'HEADERS')) return { name, type, role: 'HEADERS', loc };
    return { name, type, role: 'HEADER', headerKey: unquote(token(c, 'STRING')!.image, "'").trim(), loc };
  }

  /** TableElements refuses a column name given twice. */
  private checkColumnNames(columns: readonly ast.ColumnDef[]): void {
    const counts = new Map<string, number>();
    for (const c of columns) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    const duplicates = [...counts].filter(([, n]) => n > 1).map(([name]) => `\`${name}\``);
    if (duplicates.length > 0) throw this.ctx.prepareError(`Duplicate column names: ${duplicates.join(', ')}`);
  }

  /** CreateStream / CreateTable refuse the other kind of key. */
  private checkKeys(sourceType: 'STREAM' | 'TABLE', columns: readonly ast.ColumnDef[]): void {
    const wrong = columns.find((c) => (sourceType === 'STREAM' ? c.role === 'PRIMARY_KEY' : c.role === 'KEY'));
    if (!wrong) return;
    const where = `Line: ${wrong.loc!.line}, Col: ${wrong.loc!.column}: `;
    const name = `\`${wrong.name.replace(/`/g, '``')}\``;
    const advice =
      sourceType === 'STREAM'
        ? `Column ${name} is a 'PRIMARY KEY' column: please use 'KEY' for streams.`
        : `Column ${name} is a 'KEY' column: please use 'PRIMARY KEY' for tables.`;
    throw this.ctx.failure(
      `${where}${advice}\nTables have PRIMARY KEYs, which are unique and NON NULL.\n` +
        'Streams have KEYs, which have no uniqueness or NON NULL constraints.',
    );
  }

  /** WITH (k = literal, ...): keys upper-cased; a key given twice fails like ImmutableMap.Builder. */
  private properties(s: CstNode): ast.WithProperties {
    const out = new Map<string, { value: ast.LiteralValue; loc: ast.Location }>();
    const written = new Map<string, ast.LiteralValue>();
    for (const p of nodes(node(s, 'tableProperties') ?? s, 'tableProperty')) {
      const id = node(p, 'identifier');
      const key = id ? identifierText(id) : unquote(token(p, 'STRING')!.image, "'");
      const value = literalValue(node(p, 'literal')!, this.ctx);
      const first = written.get(key);
      if (first) {
        const values = `${key}=${literalText(first)} and ${key}=${literalText(value)}`;
        throw this.ctx.prepareError(`Multiple entries with same key: ${values}`);
      }
      written.set(key, value);
      out.set(key.toUpperCase(), { value, loc: this.ctx.at(p) });
    }
    return out;
  }

  /** ParserUtil.getSourceName: the name must also be a valid Kafka Streams store name. */
  private sourceName(n: CstNode): string {
    const text = identifierText(node(n, 'identifier')!);
    if (!/^[a-zA-Z0-9_-]*$/.test(text)) {
      throw this.ctx.failure(
        `Illegal argument at ${this.ctx.where(n)}. Source names may only contain alphanumeric values, '_' or '-'. Got: '${text}'`,
      );
    }
    return text;
  }

  // -------------------------------------------------------------------------------------------
  // Queries

  private query(q: CstNode, base: ast.StatementBase): ast.Query {
    const relation = node(q, 'relation')!;
    const joined = nodes(relation, 'joinedSource');
    const from = this.relation(node(relation, 'aliasedRelation')!);
    const rights = joined.map((j) => this.relation(node(j, 'aliasedRelation')!));
    // Qualifiers may name any source of the statement, so they are all known before any expression.
    const names = [from, ...rights].flatMap((r) => (r.alias ? [r.name, r.alias] : [r.name]));
    this.exprs = new ExpressionBuilder(this.ctx, new Set(names));
    const query: Mutable<ast.Query> = {
      text: this.ctx.text.slice(startOffset(q)),
      loc: this.ctx.at(q),
      kind: 'Query',
      select: nodes(q, 'selectItem').map((i) => this.selectItem(only(i))),
      from,
      joins: joined.map((j, i) => this.join(j, rights[i]!)),
      groupBy: [],
      partitionBy: [],
    };
    this.clauses(q, query);
    return query;
  }

  /** Optional clauses are set only when written (objects built in one shape stay fast). */
  private clauses(q: CstNode, query: Mutable<ast.Query>): void {
    const window = node(q, 'windowExpression');
    if (window) query.window = this.window(only(window));
    const where = node(q, 'where');
    if (where) query.where = this.exprs.expression(where);
    query.groupBy = this.expressionList(node(q, 'groupBy'));
    query.partitionBy = this.expressionList(node(q, 'partitionBy'));
    const having = node(q, 'having');
    if (having) query.having = this.exprs.expression(having);
    const emit = node(q, 'resultMaterialization');
    if (emit) query.emit = token(emit, 'FINAL') ? 'FINAL' : 'CHANGES';
    const limit = node(q, 'limitClause');
    if (limit) query.limit = integerNumber(node(limit, 'number')!, 'LIMIT', this.ctx);
  }

  private expressionList(n: CstNode | undefined): ast.Expression[] {
    return n ? nodes(n, 'valueExpression').map((e) => this.exprs.expression(e)) : [];
  }

  private selectItem(i: CstNode): ast.SelectItem {
    switch (i.name) {
      case 'selectAll': {
        const id = node(i, 'identifier');
        return id ? { kind: 'AllColumns', source: this.exprs.qualifier(id) } : { kind: 'AllColumns' };
      }
      case 'selectStructAll': {
        const base = this.exprs.expression(node(i, 'primaryExpression')!);
        return { kind: 'Expr', expr: { kind: 'StructDeref', base, field: '*', loc: this.ctx.at(i) } };
      }
      default: {
        const expr = this.exprs.expression(node(i, 'expression')!);
        const alias = node(i, 'identifier');
        return alias ? { kind: 'Expr', expr, alias: identifierText(alias) } : { kind: 'Expr', expr };
      }
    }
  }

  private relation(r: CstNode): ast.Relation {
    const name = this.sourceName(node(node(r, 'relationPrimary')!, 'sourceName')!);
    const alias = node(r, 'alias');
    return alias ? { name, alias: this.sourceName(alias), loc: this.ctx.at(r) } : { name, loc: this.ctx.at(r) };
  }

  private join(j: CstNode, right: ast.Relation): ast.Join {
    const type = node(j, 'joinType')!;
    const kind = (['FULL', 'LEFT', 'RIGHT'] as const).find((k) => token(type, k)) ?? 'INNER';
    const within = node(j, 'joinWindow');
    const on = this.exprs.expression(node(node(j, 'joinCriteria')!, 'expression')!);
    const join: Mutable<ast.Join> = { type: kind, right, on };
    if (within) join.within = this.within(node(within, 'withinExpression')!);
    return join;
  }

  private within(w: CstNode): ast.WithinClause {
    const single = node(w, 'size');
    const before = this.duration(single ?? node(w, 'before')!);
    const after = single ? before : this.duration(node(w, 'after')!);
    const grace = node(w, 'gracePeriodClause');
    const clause: Mutable<ast.WithinClause> = { before, after };
    if (grace) clause.grace = this.duration(grace);
    return clause;
  }

  private window(w: CstNode): ast.WindowSpec {
    const sizes = nodes(w, 'number').map((n, i) => this.durationOf(n, nodes(w, 'windowUnit')[i]!));
    const retention = node(w, 'retentionClause');
    const grace = node(w, 'gracePeriodClause');
    const spec: Mutable<ast.WindowSpec> =
      w.name === 'tumblingWindowExpression'
        ? { type: 'TUMBLING', size: sizes[0]! }
        : w.name === 'hoppingWindowExpression'
          ? { type: 'HOPPING', size: sizes[0]!, advance: sizes[1]! }
          : { type: 'SESSION', gap: sizes[0]! };
    if (retention) spec.retention = this.duration(retention);
    if (grace) spec.grace = this.duration(grace);
    return spec;
  }

  /** `n UNIT` inside a node that has one number and one windowUnit. */
  private duration(n: CstNode): ast.Duration {
    return this.durationOf(node(n, 'number')!, node(n, 'windowUnit')!);
  }

  private durationOf(num: CstNode, unitNode: CstNode): ast.Duration {
    const value = longNumber(num, this.ctx);
    const unit = timeUnit(unitNode);
    return { value, millis: value * UNIT_MILLIS[unit], unit };
  }
}

function propertyString(n: CstNode): string {
  const str = token(n, 'STRING');
  return str ? unquote(str.image, "'") : token(n, 'VARIABLE')!.image;
}

/**
 * DEFINE / UNDEFINE names are taken as written. A keyword is only tolerated in lower case (ksqlDB
 * compares it with its lower-case symbolic names); otherwise ANTLR's mismatch stands.
 */
function variableName(s: CstNode, ctx: BuildContext): string {
  const v = node(s, 'variableName')!;
  const keyword = token(v, 'AnyKeyword');
  if (keyword && keyword.image !== keyword.image.toLowerCase()) {
    const at = ctx.at(keyword);
    throw new SqlError(at.line, at.column, 'Syntax Error\nExpecting IDENTIFIER', ctx.text);
  }
  return (token(v, 'IDENTIFIER') ?? keyword!).image;
}


