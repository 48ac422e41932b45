/**
 * ksqlDB's grammar (SqlBase.g4) as a Chevrotain CstParser.
 *
 * The rules follow SqlBase.g4 closely, down to its split of statements into alternatives
 * (createStream / createStreamAs, insertInto / insertValues, ...): the syntax-error explainer
 * (syntax-errors.ts) walks this grammar to reproduce ANTLR's messages, and those depend on where the
 * grammar makes its decisions. Where ANTLR's unbounded lookahead decides an alternative and
 * Chevrotain's LL(k) cannot, a GATE scans ahead instead (lambdas, `CREATE ... AS`, `GROUP BY (a, b)`,
 * `expr->*`). Left recursion (expressions, `type ARRAY`) becomes loops; precedence follows
 * SqlBase.g4: OR < AND < NOT < predicates < `||` < `+ -` < `* / %` < unary < AT TIME ZONE < postfix.
 *
 * Building the parser is costly (grammar analysis), so there is one instance per process: getParser().
 */
import {
  CstParser,
  EarlyExitException,
  EOF,
  NoViableAltException,
  tokenMatcher,
  type CstNode,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import * as T from './tokens.js';

const K = T.K;

export class KsqlParser extends CstParser {
  constructor() {
    super(T.allTokens as TokenType[], { recoveryEnabled: false, maxLookahead: 4, nodeLocationTracking: 'onlyOffset' });
    // Tokens carry only their start offset, so Chevrotain's end-of-rule update would store
    // `undefined` into the numeric `endOffset` of every node's location: the changing shape
    // throws V8 off its fast path (a CTAS parsed 5-10x slower after other statements).
    // Only start offsets are used, so that update is skipped.
    (this as unknown as { cstPostRule: () => void }).cstPostRule = () => {};
    this.performSelfAnalysis();
  }

  private readonly cache: unknown[] = [];
  private createKindAhead: ReturnType<KsqlParser['createKind']> = 'stream';

  /**
   * The alternatives of an OR (or a gated MANY / OPTION), built once: building them on every call
   * costs more than the parse itself (one closure per alternative, and tsx names every closure).
   * Every call site has its own id.
   */
  private c<T>(id: number, make: () => T): T {
    return (this.cache[id] ??= make()) as T;
  }

  /**
   * Chevrotain describes a failed alternation by recomputing every lookahead path of it, which
   * takes seconds for the expression rules; the explainer writes the message, so only the position
   * is recorded here.
   */
  raiseNoAltException(): never {
    throw this.saveError(new NoViableAltException('', this.LA(1), this.LA(0)));
  }
  raiseEarlyExitException(): never {
    throw this.saveError(new EarlyExitException('', this.LA(1), this.LA(0)));
  }
  private saveError(e: IRecognitionException): IRecognitionException {
    return (this as unknown as { SAVE_ERROR(e: IRecognitionException): IRecognitionException }).SAVE_ERROR(e);
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  readonly singleStatement = this.RULE('singleStatement', () => {
    this.SUBRULE(this.statement);
    this.CONSUME(T.Semicolon);
  });

  readonly statement: () => CstNode = this.RULE('statement', () => {
    this.OR(this.c(1, () => [
      { ALT: () => this.SUBRULE(this.query) },
      { ALT: () => this.SUBRULE(this.listStatement) },
      { ALT: () => this.SUBRULE(this.describeStatement) },
      { ALT: () => this.SUBRULE(this.printTopic) },
      { ALT: () => this.SUBRULE(this.terminateStatement) },
      { ALT: () => this.SUBRULE(this.pauseQuery) },
      { ALT: () => this.SUBRULE(this.resumeQuery) },
      { ALT: () => this.SUBRULE(this.setProperty) },
      { ALT: () => this.SUBRULE(this.alterStatement) },
      { ALT: () => this.SUBRULE(this.unsetProperty) },
      { ALT: () => this.SUBRULE(this.defineVariable) },
      { ALT: () => this.SUBRULE(this.undefineVariable) },
      { ALT: () => this.SUBRULE(this.createStatement) },
      { ALT: () => this.SUBRULE(this.insertStatement) },
      { ALT: () => this.SUBRULE(this.dropStatement) },
      { ALT: () => this.SUBRULE(this.explain) },
      { ALT: () => this.SUBRULE(this.assertStatement) },
    ]));
  });

  private listOrShow(): void {
    this.OR9(this.c(2, () => [{ ALT: () => this.CONSUME9(K.LIST) }, { ALT: () => this.CONSUME9(K.SHOW) }]));
  }

  readonly listStatement = this.RULE('listStatement', () => {
    this.OR(this.c(3, () => [
      { ALT: () => this.SUBRULE(this.listProperties) },
      { ALT: () => this.SUBRULE(this.listTopics) },
      { ALT: () => this.SUBRULE(this.listStreams) },
      { ALT: () => this.SUBRULE(this.listTables) },
      { ALT: () => this.SUBRULE(this.listFunctions) },
      { ALT: () => this.SUBRULE(this.listConnectors) },
      { ALT: () => this.SUBRULE(this.listConnectorPlugins) },
      { ALT: () => this.SUBRULE(this.listTypes) },
      { ALT: () => this.SUBRULE(this.listVariables) },
      { ALT: () => this.SUBRULE(this.listQueries) },
    ]));
  });

  readonly listProperties = this.RULE('listProperties', () => {
    this.listOrShow();
    this.CONSUME(K.PROPERTIES);
  });
  readonly listTopics = this.RULE('listTopics', () => {
    this.listOrShow();
    this.OPTION(() => this.CONSUME(K.ALL));
    this.CONSUME(K.TOPICS);
    this.OPTION2(() => this.CONSUME(K.EXTENDED));
  });
  readonly listStreams = this.RULE('listStreams', () => {
    this.listOrShow();
    this.CONSUME(K.STREAMS);
    this.OPTION(() => this.CONSUME(K.EXTENDED));
  });
  readonly listTables = this.RULE('listTables', () => {
    this.listOrShow();
    this.CONSUME(K.TABLES);
    this.OPTION(() => this.CONSUME(K.EXTENDED));
  });
  readonly listFunctions = this.RULE('listFunctions', () => {
    this.listOrShow();
    this.CONSUME(K.FUNCTIONS);
  });
  readonly listConnectors = this.RULE('listConnectors', () => {
    this.listOrShow();
    this.OPTION(() => this.OR(this.c(107, () => [{ ALT: () => this.CONSUME(K.SOURCE) }, { ALT: () => this.CONSUME(K.SINK) }])));
    this.CONSUME(K.CONNECTORS);
  });
  readonly listConnectorPlugins = this.RULE('listConnectorPlugins', () => {
    this.listOrShow();
    this.CONSUME(K.CONNECTOR);
    this.CONSUME(K.PLUGINS);
  });
  readonly listTypes = this.RULE('listTypes', () => {
    this.listOrShow();
    this.CONSUME(K.TYPES);
  });
  readonly listVariables = this.RULE('listVariables', () => {
    this.listOrShow();
    this.CONSUME(K.VARIABLES);
  });
  readonly listQueries = this.RULE('listQueries', () => {
    this.listOrShow();
    this.CONSUME(K.QUERIES);
    this.OPTION(() => this.CONSUME(K.EXTENDED));
  });

  readonly describeStatement = this.RULE('describeStatement', () => {
    // DESCRIBE FUNCTION is also a source named FUNCTION (a non-reserved word): try the longer form first.
    this.OR(this.c(4, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.is(2, K.FUNCTION) && this.is(3, T.AnyIdentifier),
          ALT: () => this.SUBRULE(this.describeFunction),
        },
        { GATE: () => this.is(2, K.CONNECTOR), ALT: () => this.SUBRULE(this.describeConnector) },
        { GATE: () => this.is(2, K.STREAMS), ALT: () => this.SUBRULE(this.describeStreams) },
        { ALT: () => this.SUBRULE(this.showColumns) },
      ],
    })));
  });
  readonly showColumns = this.RULE('showColumns', () => {
    this.CONSUME(K.DESCRIBE);
    this.SUBRULE(this.sourceName);
    this.OPTION(() => this.CONSUME(K.EXTENDED));
  });
  readonly describeStreams = this.RULE('describeStreams', () => {
    this.CONSUME(K.DESCRIBE);
    this.CONSUME(K.STREAMS);
    this.OPTION(() => this.CONSUME(K.EXTENDED));
  });
  readonly describeFunction = this.RULE('describeFunction', () => {
    this.CONSUME(K.DESCRIBE);
    this.CONSUME(K.FUNCTION);
    this.SUBRULE(this.identifier);
  });
  readonly describeConnector = this.RULE('describeConnector', () => {
    this.CONSUME(K.DESCRIBE);
    this.CONSUME(K.CONNECTOR);
    this.SUBRULE(this.identifier);
  });

  readonly printTopic = this.RULE('printTopic', () => {
    this.CONSUME(K.PRINT);
    this.SUBRULE(this.resourceName);
    this.SUBRULE(this.printClause);
  });

  readonly terminateStatement = this.RULE('terminateStatement', () => {
    this.OR(this.c(5, () => [{ ALT: () => this.SUBRULE(this.terminateAll) }, { ALT: () => this.SUBRULE(this.terminateQuery) }]));
  });
  readonly terminateQuery = this.RULE('terminateQuery', () => {
    this.CONSUME(K.TERMINATE);
    this.SUBRULE(this.identifier);
  });
  readonly terminateAll = this.RULE('terminateAll', () => {
    this.CONSUME(K.TERMINATE);
    this.CONSUME(K.ALL);
  });
  readonly pauseQuery = this.RULE('pauseQuery', () => {
    this.CONSUME(K.PAUSE);
    this.OR(this.c(6, () => [{ ALT: () => this.CONSUME(K.ALL) }, { ALT: () => this.SUBRULE(this.identifier) }]));
  });
  readonly resumeQuery = this.RULE('resumeQuery', () => {
    this.CONSUME(K.RESUME);
    this.OR(this.c(7, () => [{ ALT: () => this.CONSUME(K.ALL) }, { ALT: () => this.SUBRULE(this.identifier) }]));
  });

  readonly setProperty = this.RULE('setProperty', () => {
    this.CONSUME(K.SET);
    this.SUBRULE(this.propertyString, { LABEL: 'name' });
    this.CONSUME(T.Eq);
    this.SUBRULE2(this.propertyString, { LABEL: 'value' });
  });
  readonly unsetProperty = this.RULE('unsetProperty', () => {
    this.CONSUME(K.UNSET);
    this.SUBRULE(this.propertyString, { LABEL: 'name' });
  });
  /** `(VARIABLE | STRING)` of SET and UNSET. */
  readonly propertyString = this.RULE('propertyString', () => {
    this.OR(this.c(8, () => [{ ALT: () => this.CONSUME(T.Variable) }, { ALT: () => this.CONSUME(T.StringLiteral) }]));
  });

  readonly alterStatement = this.RULE('alterStatement', () => {
    this.OR(
      this.c(9, () => [{ ALT: () => this.SUBRULE(this.alterSystemProperty) }, { ALT: () => this.SUBRULE(this.alterSource) }]),
    );
  });
  readonly alterSystemProperty = this.RULE('alterSystemProperty', () => {
    this.CONSUME(K.ALTER);
    this.CONSUME(K.SYSTEM);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.Eq);
    this.CONSUME2(T.StringLiteral);
  });
  readonly alterSource = this.RULE('alterSource', () => {
    this.CONSUME(K.ALTER);
    this.OR(this.c(10, () => [{ ALT: () => this.CONSUME(K.STREAM) }, { ALT: () => this.CONSUME(K.TABLE) }]));
    this.SUBRULE(this.sourceName);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.alterOption) });
  });
  readonly alterOption = this.RULE('alterOption', () => {
    this.CONSUME(K.ADD);
    this.OPTION(() => this.CONSUME(K.COLUMN));
    this.SUBRULE(this.identifier);
    this.SUBRULE(this.type);
  });

  readonly defineVariable = this.RULE('defineVariable', () => {
    this.CONSUME(K.DEFINE);
    this.SUBRULE(this.variableName);
    this.CONSUME(T.Eq);
    this.CONSUME(T.StringLiteral);
  });
  readonly undefineVariable = this.RULE('undefineVariable', () => {
    this.CONSUME(K.UNDEFINE);
    this.SUBRULE(this.variableName);
  });
  /**
   * IDENTIFIER, or a keyword: ksqlDB ignores the syntax error a keyword raises here when its text
   * is one of the grammar's symbolic names, i.e. a keyword written in lower case. The visitor
   * rejects the others with ANTLR's message, so the grammar stays gate-free for the error walk.
   */
  readonly variableName = this.RULE('variableName', () => {
    this.OR(this.c(11, () => [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.AnyKeyword) }]));
  });

  readonly createStatement = this.RULE('createStatement', () => {
    // Which CREATE it is can depend on a token far ahead (`AS` after the WITH list): scanned, not predicted.
    this.createKindAhead = this.createKind();
    this.OR(this.c(12, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.createKindAhead === 'streamAs', ALT: () => this.SUBRULE(this.createStreamAs) },
        { GATE: () => this.createKindAhead === 'stream', ALT: () => this.SUBRULE(this.createStream) },
        { GATE: () => this.createKindAhead === 'tableAs', ALT: () => this.SUBRULE(this.createTableAs) },
        { GATE: () => this.createKindAhead === 'table', ALT: () => this.SUBRULE(this.createTable) },
        { GATE: () => this.createKindAhead === 'connector', ALT: () => this.SUBRULE(this.createConnector) },
        { ALT: () => this.SUBRULE(this.registerType) },
      ],
    })));
  });
  readonly createStream = this.RULE('createStream', () => this.createSource(K.STREAM));
  readonly createTable = this.RULE('createTable', () => this.createSource(K.TABLE));
  readonly createStreamAs = this.RULE('createStreamAs', () => this.createAs(K.STREAM));
  readonly createTableAs = this.RULE('createTableAs', () => this.createAs(K.TABLE));

  private createSource(kind: TokenType): void {
    this.CONSUME(K.CREATE);
    this.OPTION(() => this.SUBRULE(this.orReplace));
    this.OPTION2(() => this.CONSUME(K.SOURCE));
    this.CONSUME(kind);
    this.OPTION3(() => this.SUBRULE(this.ifNotExists));
    this.SUBRULE(this.sourceName);
    this.OPTION4(() => this.SUBRULE(this.tableElements));
    this.OPTION5(() => this.withProperties());
  }

  private createAs(kind: TokenType): void {
    this.CONSUME(K.CREATE);
    this.OPTION(() => this.SUBRULE(this.orReplace));
    this.CONSUME(kind);
    this.OPTION3(() => this.SUBRULE(this.ifNotExists));
    this.SUBRULE(this.sourceName);
    this.OPTION5(() => this.withProperties());
    this.CONSUME(K.AS);
    this.SUBRULE(this.query);
  }

  private withProperties(): void {
    this.CONSUME9(K.WITH);
    this.SUBRULE9(this.tableProperties);
  }

  readonly createConnector = this.RULE('createConnector', () => {
    this.CONSUME(K.CREATE);
    this.OR(this.c(13, () => [{ ALT: () => this.CONSUME(K.SINK) }, { ALT: () => this.CONSUME(K.SOURCE) }]));
    this.CONSUME(K.CONNECTOR);
    this.OPTION(() => this.SUBRULE(this.ifNotExists));
    this.SUBRULE(this.identifier);
    this.withProperties();
  });
  readonly registerType = this.RULE('registerType', () => {
    this.CONSUME(K.CREATE);
    this.CONSUME(K.TYPE);
    this.OPTION(() => this.SUBRULE(this.ifNotExists));
    this.SUBRULE(this.identifier);
    this.CONSUME(K.AS);
    this.SUBRULE(this.type);
  });
  readonly orReplace = this.RULE('orReplace', () => {
    this.CONSUME(K.OR);
    this.CONSUME(K.REPLACE);
  });
  readonly ifNotExists = this.RULE('ifNotExists', () => {
    this.CONSUME(K.IF);
    this.CONSUME(K.NOT);
    this.CONSUME(K.EXISTS);
  });
  readonly ifExists = this.RULE('ifExists', () => {
    this.CONSUME(K.IF);
    this.CONSUME(K.EXISTS);
  });

  readonly insertStatement = this.RULE('insertStatement', () => {
    this.OR(this.c(14, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.is(4, T.LParen) || this.is(4, K.VALUES), ALT: () => this.SUBRULE(this.insertValues) },
        { ALT: () => this.SUBRULE(this.insertInto) },
      ],
    })));
  });
  readonly insertInto = this.RULE('insertInto', () => {
    this.CONSUME(K.INSERT);
    this.CONSUME(K.INTO);
    this.SUBRULE(this.sourceName);
    this.OPTION(() => this.withProperties());
    this.SUBRULE(this.query);
  });
  readonly insertValues = this.RULE('insertValues', () => {
    this.CONSUME(K.INSERT);
    this.CONSUME(K.INTO);
    this.SUBRULE(this.sourceName);
    this.OPTION(() => this.SUBRULE(this.columns));
    this.CONSUME(K.VALUES);
    this.SUBRULE(this.values);
  });

  readonly dropStatement = this.RULE('dropStatement', () => {
    this.OR(this.c(15, () => [
      { ALT: () => this.SUBRULE(this.dropStream) },
      { ALT: () => this.SUBRULE(this.dropTable) },
      { ALT: () => this.SUBRULE(this.dropConnector) },
      { ALT: () => this.SUBRULE(this.dropType) },
    ]));
  });
  readonly dropStream = this.RULE('dropStream', () => this.dropSource(K.STREAM));
  readonly dropTable = this.RULE('dropTable', () => this.dropSource(K.TABLE));
  private dropSource(kind: TokenType): void {
    this.CONSUME(K.DROP);
    this.CONSUME(kind);
    this.OPTION(() => this.SUBRULE(this.ifExists));
    this.SUBRULE(this.sourceName);
    this.OPTION2(() => {
      this.CONSUME(K.DELETE);
      this.CONSUME(K.TOPIC);
    });
  }
  readonly dropConnector = this.RULE('dropConnector', () => {
    this.CONSUME(K.DROP);
    this.CONSUME(K.CONNECTOR);
    this.OPTION(() => this.SUBRULE(this.ifExists));
    this.SUBRULE(this.identifier);
  });
  readonly dropType = this.RULE('dropType', () => {
    this.CONSUME(K.DROP);
    this.CONSUME(K.TYPE);
    this.OPTION(() => this.SUBRULE(this.ifExists));
    this.SUBRULE(this.identifier);
  });

  readonly explain = this.RULE('explain', () => {
    this.CONSUME(K.EXPLAIN);
    this.OR(this.c(16, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.is(2, T.Semicolon) || this.is(2, EOF), ALT: () => this.SUBRULE(this.identifier) },
        { ALT: () => this.SUBRULE(this.statement) },
      ],
    })));
  });

  readonly assertStatement = this.RULE('assertStatement', () => {
    this.OR(this.c(17, () => [{ ALT: () => this.SUBRULE(this.assertTopic) }, { ALT: () => this.SUBRULE(this.assertSchema) }]));
  });
  readonly assertTopic = this.RULE('assertTopic', () => {
    this.CONSUME(K.ASSERT);
    this.OPTION(() => this.assertNotExists());
    this.CONSUME(K.TOPIC);
    this.SUBRULE(this.resourceName);
    this.OPTION2(() => this.withProperties());
    this.OPTION3(() => this.SUBRULE(this.timeout));
  });
  readonly assertSchema = this.RULE('assertSchema', () => {
    this.CONSUME(K.ASSERT);
    this.OPTION(() => this.assertNotExists());
    this.CONSUME(K.SCHEMA);
    this.OPTION2(() => {
      this.CONSUME(K.SUBJECT);
      this.SUBRULE(this.resourceName);
    });
    this.OPTION3(() => {
      this.CONSUME(K.ID);
      this.SUBRULE(this.literal);
    });
    this.OPTION4(() => this.SUBRULE(this.timeout));
  });
  private assertNotExists(): void {
    this.CONSUME9(K.NOT);
    this.CONSUME9(K.EXISTS);
  }
  readonly timeout = this.RULE('timeout', () => {
    this.CONSUME(K.TIMEOUT);
    this.SUBRULE(this.number);
    this.SUBRULE(this.windowUnit);
  });

  readonly resourceName = this.RULE('resourceName', () => {
    this.OR(this.c(18, () => [{ ALT: () => this.SUBRULE(this.identifier) }, { ALT: () => this.CONSUME(T.StringLiteral) }]));
  });
  readonly printClause = this.RULE('printClause', () => {
    this.OPTION(() => {
      this.CONSUME(K.FROM);
      this.CONSUME(K.BEGINNING);
    });
    this.OPTION2(() => this.SUBRULE(this.intervalClause));
    this.OPTION3(() => this.SUBRULE(this.limitClause));
  });
  readonly intervalClause = this.RULE('intervalClause', () => {
    this.OR(this.c(19, () => [{ ALT: () => this.CONSUME(K.INTERVAL) }, { ALT: () => this.CONSUME(K.SAMPLE) }]));
    this.SUBRULE(this.number);
  });
  readonly limitClause = this.RULE('limitClause', () => {
    this.CONSUME(K.LIMIT);
    this.SUBRULE(this.number);
  });

  // ---------------------------------------------------------------------------------------------
  // Queries

  readonly query: () => CstNode = this.RULE('query', () => {
    this.CONSUME(K.SELECT);
    this.OPTION(() => this.CONSUME(K.ALL));
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.selectItem) });
    this.CONSUME(K.FROM);
    this.SUBRULE(this.relation);
    this.OPTION2(() => {
      this.CONSUME(K.WINDOW);
      this.SUBRULE(this.windowExpression);
    });
    this.OPTION3(() => {
      this.CONSUME(K.WHERE);
      this.SUBRULE(this.expression, { LABEL: 'where' });
    });
    this.OPTION4(() => {
      this.CONSUME(K.GROUP);
      this.CONSUME(K.BY);
      this.SUBRULE(this.groupBy);
    });
    this.OPTION5(() => {
      this.CONSUME(K.PARTITION);
      this.CONSUME2(K.BY);
      this.SUBRULE(this.partitionBy);
    });
    this.OPTION6(() => {
      this.CONSUME(K.HAVING);
      this.SUBRULE2(this.expression, { LABEL: 'having' });
    });
    this.OPTION7(() => {
      this.CONSUME(K.EMIT);
      this.SUBRULE(this.resultMaterialization);
    });
    this.OPTION8(() => this.SUBRULE(this.limitClause));
  });
  readonly resultMaterialization = this.RULE('resultMaterialization', () => {
    this.OR(this.c(20, () => [{ ALT: () => this.CONSUME(K.CHANGES) }, { ALT: () => this.CONSUME(K.FINAL) }]));
  });

  readonly selectItem = this.RULE('selectItem', () => {
    this.OR(this.c(21, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.isStructAllAhead(), ALT: () => this.SUBRULE(this.selectStructAll) },
        {
          GATE: () => this.is(1, T.Asterisk) || (this.is(2, T.Dot) && this.is(3, T.Asterisk)),
          ALT: () => this.SUBRULE(this.selectAll),
        },
        { ALT: () => this.SUBRULE(this.selectSingle) },
      ],
    })));
  });
  readonly selectSingle = this.RULE('selectSingle', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(K.AS));
      this.SUBRULE(this.identifier);
    });
  });
  readonly selectStructAll = this.RULE('selectStructAll', () => {
    this.SUBRULE(this.primaryExpression);
    this.CONSUME(T.Arrow);
    this.CONSUME(T.Asterisk);
  });
  readonly selectAll = this.RULE('selectAll', () => {
    this.OPTION(() => {
      this.SUBRULE(this.identifier);
      this.CONSUME(T.Dot);
    });
    this.CONSUME(T.Asterisk);
  });

  readonly relation = this.RULE('relation', () => {
    this.SUBRULE(this.aliasedRelation);
    this.MANY(() => this.SUBRULE(this.joinedSource));
  });
  readonly aliasedRelation = this.RULE('aliasedRelation', () => {
    this.SUBRULE(this.relationPrimary);
    this.OPTION(this.c(22, () => ({
      GATE: () => !this.isClauseAhead(),
      DEF: () => {
        this.OPTION2(() => this.CONSUME(K.AS));
        this.SUBRULE(this.sourceName, { LABEL: 'alias' });
      },
    })));
  });
  readonly relationPrimary = this.RULE('relationPrimary', () => this.SUBRULE(this.sourceName));
  readonly joinedSource = this.RULE('joinedSource', () => {
    this.SUBRULE(this.joinType);
    this.CONSUME(K.JOIN);
    this.SUBRULE(this.aliasedRelation);
    this.OPTION(() => this.SUBRULE(this.joinWindow));
    this.SUBRULE(this.joinCriteria);
  });
  /** `INNER?` can be empty, so it goes last for Chevrotain (it is first in SqlBase.g4). */
  readonly joinType = this.RULE('joinType', () => {
    this.OR(this.c(23, () => [
      {
        ALT: () => {
          this.CONSUME(K.FULL);
          this.OPTION1(() => this.CONSUME1(K.OUTER));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.LEFT);
          this.OPTION2(() => this.CONSUME2(K.OUTER));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.RIGHT);
          this.OPTION3(() => this.CONSUME3(K.OUTER));
        },
      },
      { ALT: () => this.OPTION4(() => this.CONSUME(K.INNER)) },
    ]));
  });
  readonly joinWindow = this.RULE('joinWindow', () => {
    this.CONSUME(K.WITHIN);
    this.SUBRULE(this.withinExpression);
  });
  readonly withinExpression = this.RULE('withinExpression', () => {
    this.OR(this.c(24, () => [
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.joinWindowSize, { LABEL: 'before' });
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.joinWindowSize, { LABEL: 'after' });
          this.CONSUME(T.RParen);
          this.OPTION(() => this.SUBRULE(this.gracePeriodClause));
        },
      },
      {
        ALT: () => {
          this.SUBRULE3(this.joinWindowSize, { LABEL: 'size' });
          this.OPTION2(() => this.SUBRULE2(this.gracePeriodClause));
        },
      },
    ]));
  });
  readonly joinWindowSize = this.RULE('joinWindowSize', () => {
    this.SUBRULE(this.number);
    this.SUBRULE(this.windowUnit);
  });
  readonly joinCriteria = this.RULE('joinCriteria', () => {
    this.CONSUME(K.ON);
    this.SUBRULE(this.expression);
  });

  readonly windowExpression = this.RULE('windowExpression', () => {
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.OR(this.c(25, () => [
      { ALT: () => this.SUBRULE(this.tumblingWindowExpression) },
      { ALT: () => this.SUBRULE(this.hoppingWindowExpression) },
      { ALT: () => this.SUBRULE(this.sessionWindowExpression) },
    ]));
  });
  readonly tumblingWindowExpression = this.RULE('tumblingWindowExpression', () => {
    this.CONSUME(K.TUMBLING);
    this.CONSUME(T.LParen);
    this.CONSUME(K.SIZE);
    this.SUBRULE(this.number);
    this.SUBRULE(this.windowUnit);
    this.windowOptions();
    this.CONSUME(T.RParen);
  });
  readonly hoppingWindowExpression = this.RULE('hoppingWindowExpression', () => {
    this.CONSUME(K.HOPPING);
    this.CONSUME(T.LParen);
    this.CONSUME(K.SIZE);
    this.SUBRULE(this.number);
    this.SUBRULE(this.windowUnit);
    this.CONSUME(T.Comma);
    this.CONSUME(K.ADVANCE);
    this.CONSUME(K.BY);
    this.SUBRULE2(this.number);
    this.SUBRULE2(this.windowUnit);
    this.windowOptions();
    this.CONSUME(T.RParen);
  });
  readonly sessionWindowExpression = this.RULE('sessionWindowExpression', () => {
    this.CONSUME(K.SESSION);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.number);
    this.SUBRULE(this.windowUnit);
    this.windowOptions();
    this.CONSUME(T.RParen);
  });
  private windowOptions(): void {
    this.OPTION8(() => {
      this.CONSUME8(T.Comma);
      this.SUBRULE8(this.retentionClause);
    });
    this.OPTION9(() => {
      this.CONSUME9(T.Comma);
      this.SUBRULE9(this.gracePeriodClause);
    });
  }
  readonly retentionClause = this.RULE('retentionClause', () => {
    this.CONSUME(K.RETENTION);
    this.SUBRULE(this.number);
    this.SUBRULE(this.windowUnit);
  });
  readonly gracePeriodClause = this.RULE('gracePeriodClause', () => {
    this.CONSUME(K.GRACE);
    this.CONSUME(K.PERIOD);
    this.SUBRULE(this.number);
    this.SUBRULE(this.windowUnit);
  });
  readonly windowUnit = this.RULE('windowUnit', () => {
    this.OR(this.c(26, () => 
      ['DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'DAYS', 'HOURS', 'MINUTES', 'SECONDS', 'MILLISECONDS'].map(
        (u) => ({ ALT: () => this.CONSUME(K[u]) }),
      ),
    ));
  });

  readonly groupBy = this.RULE('groupBy', () => this.expressionList());
  readonly partitionBy = this.RULE('partitionBy', () => this.expressionList());
  /** `e, e, ...` or `(e, e, ...)`: a parenthesised group with one element is a parenthesised expression. */
  private expressionList(): void {
    this.OR(this.c(27, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.isParenListAhead(),
          ALT: () => {
            this.CONSUME(T.LParen);
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.valueExpression) });
            this.CONSUME(T.RParen);
          },
        },
        { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.valueExpression) }) },
      ],
    })));
  }
  readonly values = this.RULE('values', () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.valueExpression) });
    this.CONSUME(T.RParen);
  });
  readonly columns = this.RULE('columns', () => {
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.identifier) });
    this.CONSUME(T.RParen);
  });

  readonly tableElements = this.RULE('tableElements', () => {
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.tableElement) });
    this.CONSUME(T.RParen);
  });
  readonly tableElement = this.RULE('tableElement', () => {
    this.SUBRULE(this.identifier);
    this.SUBRULE(this.type);
    this.OPTION(() => this.SUBRULE(this.columnConstraints));
  });
  readonly columnConstraints = this.RULE('columnConstraints', () => {
    this.OR(this.c(28, () => [
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(K.PRIMARY));
          this.CONSUME(K.KEY);
        },
      },
      { ALT: () => this.CONSUME(K.HEADERS) },
      {
        ALT: () => {
          this.CONSUME(K.HEADER);
          this.CONSUME(T.LParen);
          this.CONSUME(T.StringLiteral);
          this.CONSUME(T.RParen);
        },
      },
    ]));
  });
  readonly tableProperties = this.RULE('tableProperties', () => {
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.tableProperty) });
    this.CONSUME(T.RParen);
  });
  readonly tableProperty = this.RULE('tableProperty', () => {
    this.OR(this.c(29, () => [{ ALT: () => this.SUBRULE(this.identifier) }, { ALT: () => this.CONSUME(T.StringLiteral) }]));
    this.CONSUME(T.Eq);
    this.SUBRULE(this.literal);
  });

  // ---------------------------------------------------------------------------------------------
  // Expressions

  /**
   * OR and AND in one loop, like SqlBase.g4's left-recursive booleanExpression; the visitor applies
   * their precedence (AND first). Fewer rules per nesting level means fewer stack frames per `(`.
   */
  readonly expression: () => CstNode = this.RULE('expression', () => {
    this.SUBRULE(this.notExpression);
    this.MANY(() => {
      this.OR(this.c(101, () => [{ ALT: () => this.CONSUME(K.AND) }, { ALT: () => this.CONSUME(K.OR) }]));
      this.SUBRULE2(this.notExpression);
    });
  });
  readonly notExpression: () => CstNode = this.RULE('notExpression', () => {
    this.OR(this.c(30, () => [
      {
        ALT: () => {
          this.CONSUME(K.NOT);
          this.SUBRULE(this.notExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.predicated) },
    ]));
  });
  readonly predicated = this.RULE('predicated', () => {
    this.SUBRULE(this.valueExpression);
    this.OPTION(() => this.SUBRULE(this.predicate));
  });
  readonly predicate = this.RULE('predicate', () => {
    this.OR(this.c(31, () => [
      { ALT: () => this.SUBRULE(this.comparison) },
      { ALT: () => this.SUBRULE(this.between) },
      { ALT: () => this.SUBRULE(this.inList) },
      { ALT: () => this.SUBRULE(this.like) },
      { ALT: () => this.SUBRULE(this.nullPredicate) },
      { ALT: () => this.SUBRULE(this.distinctFrom) },
    ]));
  });
  readonly comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.comparisonOperator);
    this.SUBRULE(this.valueExpression);
  });
  readonly between = this.RULE('between', () => {
    this.OPTION(() => this.CONSUME(K.NOT));
    this.CONSUME(K.BETWEEN);
    this.SUBRULE(this.valueExpression, { LABEL: 'lower' });
    this.CONSUME(K.AND);
    this.SUBRULE2(this.valueExpression, { LABEL: 'upper' });
  });
  readonly inList = this.RULE('inList', () => {
    this.OPTION(() => this.CONSUME(K.NOT));
    this.CONSUME(K.IN);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(T.RParen);
  });
  readonly like = this.RULE('like', () => {
    this.OPTION(() => this.CONSUME(K.NOT));
    this.CONSUME(K.LIKE);
    this.SUBRULE(this.valueExpression);
    this.OPTION2(() => {
      this.CONSUME(K.ESCAPE);
      this.CONSUME(T.StringLiteral);
    });
  });
  readonly nullPredicate = this.RULE('nullPredicate', () => {
    this.CONSUME(K.IS);
    this.OPTION(() => this.CONSUME(K.NOT));
    this.CONSUME(K.NULL);
  });
  readonly distinctFrom = this.RULE('distinctFrom', () => {
    this.CONSUME(K.IS);
    this.OPTION(() => this.CONSUME(K.NOT));
    this.CONSUME(K.DISTINCT);
    this.CONSUME(K.FROM);
    this.SUBRULE(this.valueExpression);
  });
  readonly comparisonOperator = this.RULE('comparisonOperator', () => {
    this.OR(this.c(32, () => [T.Eq, T.Neq, T.Lt, T.Lte, T.Gt, T.Gte].map((t) => ({ ALT: () => this.CONSUME(t) }))));
  });

  /**
   * The arithmetic operators and `||` in one loop (SqlBase.g4's valueExpression); the visitor applies
   * their precedence: `* / %` before `+ -` before `||`.
   */
  readonly valueExpression: () => CstNode = this.RULE('valueExpression', () => {
    this.SUBRULE(this.unaryExpression);
    this.MANY(() => {
      const operators = [T.Concat, T.Plus, T.Minus, T.Asterisk, T.Slash, T.Percent];
      this.OR(this.c(102, () => operators.map((t) => ({ ALT: () => this.CONSUME(t) }))));
      this.SUBRULE2(this.unaryExpression);
    });
  });
  /** `-1` is a negative literal (SqlBase.g4's `number` has the sign); `-x` and `- -1` are unary. */
  readonly unaryExpression: () => CstNode = this.RULE('unaryExpression', () => {
    this.OR(this.c(103, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.is(1, T.Plus) || (this.is(1, T.Minus) && !this.isNumberAt(2)),
          ALT: () => {
            this.OR2(this.c(104, () => [{ ALT: () => this.CONSUME(T.Minus) }, { ALT: () => this.CONSUME(T.Plus) }]));
            this.SUBRULE(this.unaryExpression);
          },
        },
        { ALT: () => this.SUBRULE(this.primaryExpression) },
      ],
    })));
  });
  readonly timeZoneSpecifier = this.RULE('timeZoneSpecifier', () => {
    this.CONSUME(K.AT);
    this.CONSUME(K.TIME);
    this.CONSUME(K.ZONE);
    this.CONSUME(T.StringLiteral);
  });
  /**
   * A primary term and its postfix operators: `[i]`, `->field`, and `AT TIME ZONE 'z'` (which binds
   * tighter than unary minus in SqlBase.g4, so it can sit here).
   */
  readonly primaryExpression: () => CstNode = this.RULE('primaryExpression', () => {
    this.SUBRULE(this.primaryBase);
    // `x->*` is not a dereference: it only exists as a whole select item (selectStructAll).
    this.MANY(this.c(105, () => ({
      GATE: () => !(this.is(1, T.Arrow) && this.is(2, T.Asterisk)),
      DEF: () => {
        this.OR(this.c(106, () => [
          { ALT: () => this.SUBRULE(this.subscript) },
          { ALT: () => this.SUBRULE(this.dereference) },
          { ALT: () => this.SUBRULE(this.timeZoneSpecifier) },
        ]));
      },
    })));
  });
  readonly subscript = this.RULE('subscript', () => {
    this.CONSUME(T.LBracket);
    this.SUBRULE(this.valueExpression);
    this.CONSUME(T.RBracket);
  });
  readonly dereference = this.RULE('dereference', () => {
    this.CONSUME(T.Arrow);
    this.SUBRULE(this.identifier);
  });
  /**
   * The alternatives in an order that lets LL(k) pick what ANTLR picks: constructors before the
   * calls they look like (`MAP(` is a map, not a function MAP), `${v}` alone is a literal but
   * `${v}(...)` and `${v}.c` are names.
   */
  readonly primaryBase = this.RULE('primaryBase', () => {
    this.OR(this.c(35, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => !this.is(2, K.WHEN), ALT: () => this.SUBRULE(this.simpleCase) },
        { ALT: () => this.SUBRULE(this.searchedCase) },
        { ALT: () => this.SUBRULE(this.cast) },
        { GATE: () => this.is(2, T.LBracket), ALT: () => this.SUBRULE(this.arrayConstructor) },
        { GATE: () => this.is(2, T.LParen), ALT: () => this.SUBRULE(this.mapConstructor) },
        { GATE: () => this.is(2, T.LParen), ALT: () => this.SUBRULE(this.structConstructor) },
        { GATE: () => this.is(2, T.StringLiteral), ALT: () => this.SUBRULE(this.typeConstructor) },
        {
          GATE: () => this.is(2, T.LParen) && this.is(3, T.Asterisk),
          ALT: () => this.SUBRULE(this.functionCallStar),
        },
        { GATE: () => this.is(2, T.LParen), ALT: () => this.SUBRULE(this.functionCall) },
        { GATE: () => this.is(2, T.Dot), ALT: () => this.SUBRULE(this.qualifiedColumnReference) },
        { ALT: () => this.SUBRULE(this.literal) },
        { ALT: () => this.SUBRULE(this.columnReference) },
        { ALT: () => this.SUBRULE(this.parenthesizedExpression) },
      ],
    })));
  });
  readonly typeConstructor = this.RULE('typeConstructor', () => {
    this.SUBRULE(this.identifier);
    this.CONSUME(T.StringLiteral);
  });
  readonly simpleCase = this.RULE('simpleCase', () => {
    this.CONSUME(K.CASE);
    this.SUBRULE(this.valueExpression);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.whenClause));
    this.OPTION(() => this.elseClause());
    this.CONSUME(K.END);
  });
  readonly searchedCase = this.RULE('searchedCase', () => {
    this.CONSUME(K.CASE);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.whenClause));
    this.OPTION(() => this.elseClause());
    this.CONSUME(K.END);
  });
  private elseClause(): void {
    this.CONSUME9(K.ELSE);
    this.SUBRULE9(this.expression, { LABEL: 'else' });
  }
  readonly whenClause = this.RULE('whenClause', () => {
    this.CONSUME(K.WHEN);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(K.THEN);
    this.SUBRULE2(this.expression, { LABEL: 'result' });
  });
  readonly cast = this.RULE('cast', () => {
    this.CONSUME(K.CAST);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(K.AS);
    this.SUBRULE(this.type);
    this.CONSUME(T.RParen);
  });
  readonly arrayConstructor = this.RULE('arrayConstructor', () => {
    this.CONSUME(K.ARRAY);
    this.CONSUME(T.LBracket);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(T.RBracket);
  });
  readonly mapConstructor = this.RULE('mapConstructor', () => {
    this.CONSUME(K.MAP);
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.SUBRULE(this.expression, { LABEL: 'key' });
        this.CONSUME(T.Assign);
        this.SUBRULE2(this.expression, { LABEL: 'value' });
      },
    });
    this.CONSUME(T.RParen);
  });
  readonly structConstructor = this.RULE('structConstructor', () => {
    this.CONSUME(K.STRUCT);
    this.CONSUME(T.LParen);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.SUBRULE(this.identifier);
        this.CONSUME(T.Assign);
        this.SUBRULE(this.expression);
      },
    });
    this.CONSUME(T.RParen);
  });
  readonly functionCallStar = this.RULE('functionCallStar', () => {
    this.SUBRULE(this.identifier);
    this.CONSUME(T.LParen);
    this.CONSUME(T.Asterisk);
    this.CONSUME(T.RParen);
  });
  /** Lambdas may only follow the ordinary arguments, as in SqlBase.g4. */
  readonly functionCall = this.RULE('functionCall', () => {
    this.SUBRULE(this.identifier);
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(K.DISTINCT));
      this.SUBRULE(this.functionArgument);
      this.MANY({
        GATE: () => !this.isLambdaAt(2),
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.functionArgument);
        },
      });
      this.MANY2(() => {
        this.CONSUME2(T.Comma);
        this.SUBRULE(this.lambdaFunction);
      });
    });
    this.CONSUME(T.RParen);
  });
  /** A time unit argument (`TIMESTAMPADD(MILLISECONDS, ...)`); a non-reserved unit such as DAY reads as a column. */
  readonly functionArgument = this.RULE('functionArgument', () => {
    this.OR(this.c(36, () => ({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [{ ALT: () => this.SUBRULE(this.expression) }, { ALT: () => this.SUBRULE(this.windowUnit) }],
    })));
  });
  readonly lambdaFunction = this.RULE('lambdaFunction', () => {
    this.OR(this.c(37, () => [
      { ALT: () => this.SUBRULE(this.identifier) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.identifier) });
          this.CONSUME(T.RParen);
        },
      },
    ]));
    this.CONSUME(T.Lambda);
    this.SUBRULE(this.expression);
  });
  readonly qualifiedColumnReference = this.RULE('qualifiedColumnReference', () => {
    this.SUBRULE(this.identifier, { LABEL: 'source' });
    this.CONSUME(T.Dot);
    this.SUBRULE2(this.identifier, { LABEL: 'column' });
  });
  readonly columnReference = this.RULE('columnReference', () => this.SUBRULE(this.identifier));
  readonly parenthesizedExpression = this.RULE('parenthesizedExpression', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  readonly literal = this.RULE('literal', () => {
    this.OR(this.c(38, () => [
      { ALT: () => this.CONSUME(K.NULL) },
      { ALT: () => this.SUBRULE(this.number) },
      { ALT: () => this.SUBRULE(this.booleanValue) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.Variable) },
    ]));
  });
  /** The sign belongs to the number: `-9223372036854775808` is one BIGINT literal. */
  readonly number = this.RULE('number', () => {
    this.OR(this.c(39, () => [
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Minus));
          this.CONSUME(T.DecimalValue);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(T.Minus));
          this.CONSUME(T.FloatingPointValue);
        },
      },
      {
        ALT: () => {
          this.OPTION3(() => this.CONSUME3(T.Minus));
          this.CONSUME(T.IntegerValue);
        },
      },
    ]));
  });
  readonly booleanValue = this.RULE('booleanValue', () => {
    this.OR(this.c(40, () => [{ ALT: () => this.CONSUME(K.TRUE) }, { ALT: () => this.CONSUME(K.FALSE) }]));
  });

  // ---------------------------------------------------------------------------------------------
  // Types and names

  readonly type: () => CstNode = this.RULE('type', () => {
    this.OR(this.c(41, () => ({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.arrayType) },
        { ALT: () => this.SUBRULE(this.mapType) },
        { ALT: () => this.SUBRULE(this.structType) },
        { ALT: () => this.SUBRULE(this.decimalType) },
        { ALT: () => this.SUBRULE(this.baseType) },
      ],
    })));
    this.MANY(() => this.CONSUME(K.ARRAY));
  });
  readonly arrayType = this.RULE('arrayType', () => {
    this.CONSUME(K.ARRAY);
    this.CONSUME(T.Lt);
    this.SUBRULE(this.type);
    this.CONSUME(T.Gt);
  });
  readonly mapType = this.RULE('mapType', () => {
    this.CONSUME(K.MAP);
    this.CONSUME(T.Lt);
    this.SUBRULE(this.type, { LABEL: 'key' });
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.type, { LABEL: 'value' });
    this.CONSUME(T.Gt);
  });
  readonly structType = this.RULE('structType', () => {
    this.CONSUME(K.STRUCT);
    this.CONSUME(T.Lt);
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        this.SUBRULE(this.identifier);
        this.SUBRULE(this.type);
      },
    });
    this.CONSUME(T.Gt);
  });
  readonly decimalType = this.RULE('decimalType', () => {
    this.CONSUME(K.DECIMAL);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.number, { LABEL: 'precision' });
    this.CONSUME(T.Comma);
    this.SUBRULE2(this.number, { LABEL: 'scale' });
    this.CONSUME(T.RParen);
  });
  /** A named type; parameters (`VARCHAR(10)`) are accepted and ignored, as ksqlDB does. */
  readonly baseType = this.RULE('baseType', () => {
    this.SUBRULE(this.identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.typeParameter) });
      this.CONSUME(T.RParen);
    });
  });
  readonly typeParameter = this.RULE('typeParameter', () => {
    this.OR(this.c(42, () => [{ ALT: () => this.CONSUME(T.IntegerValue) }, { ALT: () => this.CONSUME(T.StringKw) }]));
  });

  readonly sourceName = this.RULE('sourceName', () => this.SUBRULE(this.identifier));
  readonly identifier = this.RULE('identifier', () => this.CONSUME(T.AnyIdentifier));

  // ---------------------------------------------------------------------------------------------
  // Lookahead scans for the gates

  private is(i: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(i), type);
  }

  /** Index just past the bracket group opening at `i`, or -1 if it never closes. */
  private skipGroup(i: number): number {
    let depth = 0;
    for (let j = i; ; j++) {
      const t = this.LA(j);
      if (tokenMatcher(t, EOF)) return -1;
      if (tokenMatcher(t, T.LParen) || tokenMatcher(t, T.LBracket)) depth++;
      else if (tokenMatcher(t, T.RParen) || tokenMatcher(t, T.RBracket)) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
  }

  /**
   * Which CREATE statement starts here: `CREATE [OR REPLACE] STREAM|TABLE [IF NOT EXISTS] name
   * [WITH (...)] AS` is a CSAS/CTAS, `CREATE [OR REPLACE] [SOURCE] STREAM|TABLE` a source, and so on.
   */
  private createKind(): 'streamAs' | 'stream' | 'tableAs' | 'table' | 'connector' | 'type' {
    let i = 2;
    if (this.is(i, K.OR)) i += 2;
    if (this.is(i, K.TYPE)) return 'type';
    const source = this.is(i, K.SOURCE) || this.is(i, K.SINK);
    if (source) i++;
    if (this.is(i, K.CONNECTOR) || !(this.is(i, K.STREAM) || this.is(i, K.TABLE))) {
      return this.is(i, K.CONNECTOR) ? 'connector' : this.is(i, K.TABLE) ? 'table' : 'stream';
    }
    const stream = this.is(i++, K.STREAM);
    if (!source && this.isAsAfterName(i)) return stream ? 'streamAs' : 'tableAs';
    return stream ? 'stream' : 'table';
  }

  private isAsAfterName(i: number): boolean {
    if (this.is(i, K.IF)) i += 3;
    if (!this.is(i++, T.AnyIdentifier)) return false;
    if (this.is(i, K.WITH) && this.is(i + 1, T.LParen)) i = this.skipGroup(i + 1);
    return i > 0 && this.is(i, K.AS);
  }

  /** Non-reserved words that open the clause after a relation, so they are not its alias. */
  private isClauseAhead(): boolean {
    if (this.is(1, K.EMIT)) return this.is(2, K.CHANGES) || this.is(2, K.FINAL);
    return this.is(1, K.PARTITION) && this.is(2, K.BY);
  }

  private isNumberAt(i: number): boolean {
    return this.is(i, T.IntegerValue) || this.is(i, T.DecimalValue) || this.is(i, T.FloatingPointValue);
  }

  /** A select item that ends in `->*` (SqlBase.g4's selectStructAll). */
  private isStructAllAhead(): boolean {
    let depth = 0;
    for (let i = 1; ; i++) {
      const t = this.LA(i);
      if (tokenMatcher(t, EOF)) return false;
      if (tokenMatcher(t, T.LParen) || tokenMatcher(t, T.LBracket)) depth++;
      else if (tokenMatcher(t, T.RParen) || tokenMatcher(t, T.RBracket)) depth--;
      else if (depth <= 0 && (tokenMatcher(t, T.Comma) || tokenMatcher(t, K.FROM) || tokenMatcher(t, T.Semicolon))) {
        return i > 3 && this.is(i - 2, T.Arrow) && this.is(i - 1, T.Asterisk);
      }
    }
  }

  /** `(` opening a group that is empty or has a top-level comma. */
  private isParenListAhead(): boolean {
    if (!this.is(1, T.LParen)) return false;
    if (this.is(2, T.RParen)) return true;
    let depth = 0;
    for (let i = 1; ; i++) {
      const t = this.LA(i);
      if (tokenMatcher(t, EOF)) return false;
      if (tokenMatcher(t, T.LParen) || tokenMatcher(t, T.LBracket)) depth++;
      else if (tokenMatcher(t, T.RParen) || tokenMatcher(t, T.RBracket)) {
        if (--depth === 0) return false;
      } else if (depth === 1 && tokenMatcher(t, T.Comma)) return true;
    }
  }

  /** `x =>` or `(x, y) =>` starting at LA(i). */
  private isLambdaAt(i: number): boolean {
    if (this.is(i, T.AnyIdentifier)) return this.is(i + 1, T.Lambda);
    if (!this.is(i, T.LParen)) return false;
    const after = this.skipGroup(i);
    return after > 0 && this.is(after, T.Lambda);
  }
}

let parser: KsqlParser | undefined;
/** The one parser of the process, built on first use (construction analyses the whole grammar). */
export function getParser(): KsqlParser {
  parser ??= new KsqlParser();
  return parser;
}
