/**
 * Token vocabulary of ksqlDB's SQL dialect (SqlBase.g4), as Chevrotain token types.
 *
 * ANTLR picks the longest match and, on a tie, the rule defined first; Chevrotain picks the first
 * pattern that matches. The order below and the `longer_alt`s make the two agree: keywords give way
 * to a longer identifier (`SELECTED`), an integer to a longer digit-identifier (`12ab`), and so on.
 * Keywords are case-insensitive; the token keeps the text as written.
 *
 * Non-reserved keywords (the grammar's `nonReserved` rule: KEY, DATE, SHOW, ...) carry the
 * `AnyIdentifier` category, so the parser's `identifier` rule accepts them like ksqlDB does.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Category matched by the `identifier` rule: names, quoted names, `${var}` and non-reserved keywords. */
export const AnyIdentifier = createToken({ name: 'AnyIdentifier', pattern: Lexer.NA });
/** Category of every keyword, for DEFINE's tolerance of keywords as variable names. */
export const AnyKeyword = createToken({ name: 'AnyKeyword', pattern: Lexer.NA });

export const Identifier = createToken({
  name: 'IDENTIFIER',
  pattern: /[A-Za-z_][A-Za-z0-9_@]*/,
  categories: [AnyIdentifier],
});

/**
 * Every keyword of SqlBase.g4 in the order the grammar defines them (that order is ANTLR's token
 * numbering, which decides the order of names in "expecting {...}" messages). `true` marks the
 * non-reserved ones. PAUSE and RESUME are placed where ksqlDB's own list of statement keywords puts
 * them (after TERMINATE).
 */
const KEYWORDS: readonly (readonly [string, boolean])[] = [
  ['EMIT', true], ['CHANGES', true], ['FINAL', true], ['SELECT', false], ['FROM', false], ['AS', false],
  ['ALL', false], ['DISTINCT', false], ['WHERE', false], ['WITHIN', false], ['WINDOW', false], ['GROUP', false],
  ['BY', false], ['HAVING', false], ['LIMIT', false], ['AT', false], ['OR', false], ['AND', false], ['IN', false],
  ['NOT', false], ['EXISTS', false], ['BETWEEN', false], ['LIKE', false], ['ESCAPE', true], ['IS', false],
  ['NULL', false], ['TRUE', false], ['FALSE', false], ['INTEGER', true], ['DATE', true], ['TIME', true],
  ['TIMESTAMP', true], ['INTERVAL', true], ['YEAR', true], ['MONTH', true], ['DAY', true], ['HOUR', true],
  ['MINUTE', true], ['SECOND', true], ['MILLISECOND', false], ['YEARS', false], ['MONTHS', false], ['DAYS', false],
  ['HOURS', false], ['MINUTES', false], ['SECONDS', false], ['MILLISECONDS', false], ['ZONE', true],
  ['TUMBLING', false], ['HOPPING', false], ['SIZE', false], ['ADVANCE', false], ['RETENTION', false],
  ['GRACE', true], ['PERIOD', true], ['CASE', false], ['WHEN', false], ['THEN', false], ['ELSE', false],
  ['END', false], ['JOIN', false], ['FULL', false], ['OUTER', false], ['INNER', false], ['LEFT', false],
  ['RIGHT', false], ['ON', false], ['PARTITION', true], ['STRUCT', true], ['WITH', false], ['VALUES', false],
  ['CREATE', false], ['TABLE', false], ['TOPIC', false], ['STREAM', false], ['STREAMS', false], ['INSERT', false],
  ['DELETE', false], ['INTO', false], ['DESCRIBE', false], ['EXTENDED', false], ['PRINT', false],
  ['EXPLAIN', true], ['ANALYZE', true], ['TYPE', true], ['TYPES', true], ['CAST', false], ['SHOW', true],
  ['LIST', false], ['TABLES', true], ['TOPICS', false], ['QUERY', false], ['QUERIES', false],
  ['TERMINATE', false], ['PAUSE', false], ['RESUME', false], ['LOAD', false], ['COLUMNS', true],
  ['COLUMN', true], ['PARTITIONS', true], ['FUNCTIONS', true], ['FUNCTION', true], ['DROP', false],
  ['TO', false], ['RENAME', false], ['ARRAY', true], ['MAP', true], ['SET', true], ['DEFINE', true],
  ['UNDEFINE', true], ['RESET', true], ['SESSION', true], ['SAMPLE', false], ['EXPORT', false],
  ['CATALOG', false], ['PROPERTIES', false], ['BEGINNING', false], ['UNSET', false], ['RUN', false],
  ['SCRIPT', false], ['DECIMAL', false], ['KEY', true], ['CONNECTOR', false], ['CONNECTORS', false],
  ['SINK', true], ['SOURCE', true], ['NAMESPACE', false], ['MATERIALIZED', false], ['VIEW', false],
  ['PRIMARY', true], ['REPLACE', true], ['ASSERT', true], ['ADD', true], ['ALTER', true], ['VARIABLES', true],
  ['PLUGINS', true], ['HEADERS', true], ['HEADER', true], ['SYSTEM', true], ['TIMEOUT', true],
  ['SCHEMA', true], ['SUBJECT', true], ['ID', true], ['IF', true],
];

function keyword(name: string, nonReserved: boolean): TokenType {
  return createToken({
    name,
    pattern: new RegExp(name, 'i'),
    longer_alt: Identifier,
    categories: nonReserved ? [AnyKeyword, AnyIdentifier] : [AnyKeyword],
  });
}

/** Keyword token types by upper-case name (`K.SELECT`). */
export const K: Readonly<Record<string, TokenType>> = Object.fromEntries(
  KEYWORDS.map(([name, nonReserved]) => [name, keyword(name, nonReserved)]),
);
/** Longest first, so that a keyword never stops short at another keyword (`IN` / `INTEGER`). */
const keywordsByLength = Object.values(K).sort((a, b) => b.name.length - a.name.length);
/** The grammar's implicit `'STRING'` keyword (a type parameter and a non-reserved word). */
export const StringKw = createToken({
  name: 'STRING_KW',
  pattern: /STRING/i,
  longer_alt: Identifier,
  categories: [AnyKeyword, AnyIdentifier],
});

// Comments and whitespace never reach the parser. `--` must be followed by one character that is
// not `@` (which may be the newline itself, exactly as SqlBase.g4's SIMPLE_COMMENT says).
export const SimpleComment = createToken({ name: 'SIMPLE_COMMENT', pattern: /--[^@][^\r\n]*\r?\n?/, group: Lexer.SKIPPED });
export const DirectiveComment = createToken({ name: 'DIRECTIVE_COMMENT', pattern: /--@[^\r\n]*\r?\n?/, group: Lexer.SKIPPED });
export const BracketedComment = createToken({ name: 'BRACKETED_COMMENT', pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
export const Whitespace = createToken({ name: 'WS', pattern: /[ \r\n\t]+/, group: Lexer.SKIPPED });

export const StringLiteral = createToken({ name: 'STRING', pattern: /'(?:[^']|'')*'/ });
export const Variable = createToken({ name: 'VARIABLE', pattern: /\$\{[A-Za-z_][A-Za-z0-9_@]*\}/, categories: [AnyIdentifier] });
export const QuotedIdentifier = createToken({ name: 'QUOTED_IDENTIFIER', pattern: /"(?:[^"]|"")*"/, categories: [AnyIdentifier] });
export const BackQuotedIdentifier = createToken({
  name: 'BACKQUOTED_IDENTIFIER',
  pattern: /`(?:[^`]|``)*`/,
  categories: [AnyIdentifier],
});

export const DigitIdentifier = createToken({ name: 'DIGIT_IDENTIFIER', pattern: /\d[A-Za-z0-9_@]+/, categories: [AnyIdentifier] });
export const FloatingPointValue = createToken({
  name: 'FLOATING_POINT_VALUE',
  pattern: /(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+/,
  longer_alt: DigitIdentifier,
});
export const DecimalValue = createToken({ name: 'DECIMAL_VALUE', pattern: /\d+\.\d*|\.\d+/ });
export const IntegerValue = createToken({ name: 'INTEGER_VALUE', pattern: /\d+/, longer_alt: DigitIdentifier });

export const Neq = createToken({ name: 'NEQ', pattern: /<>|!=/ });
export const Lte = createToken({ name: 'LTE', pattern: '<=' });
export const Gte = createToken({ name: 'GTE', pattern: '>=' });
export const Lt = createToken({ name: 'LT', pattern: '<' });
export const Gt = createToken({ name: 'GT', pattern: '>' });
export const Lambda = createToken({ name: 'LAMBDA_EXPRESSION', pattern: '=>' });
export const Eq = createToken({ name: 'EQ', pattern: '=' });
export const Arrow = createToken({ name: 'STRUCT_FIELD_REF', pattern: '->' });
export const Minus = createToken({ name: 'MINUS', pattern: '-' });
export const Plus = createToken({ name: 'PLUS', pattern: '+' });
export const Asterisk = createToken({ name: 'ASTERISK', pattern: '*' });
export const Slash = createToken({ name: 'SLASH', pattern: '/' });
export const Percent = createToken({ name: 'PERCENT', pattern: '%' });
export const Concat = createToken({ name: 'CONCAT', pattern: '||' });
export const Assign = createToken({ name: 'ASSIGN', pattern: ':=' });
export const Semicolon = createToken({ name: 'SEMICOLON', pattern: ';' });
export const Comma = createToken({ name: 'COMMA', pattern: ',' });
export const LParen = createToken({ name: 'LPAREN', pattern: '(' });
export const RParen = createToken({ name: 'RPAREN', pattern: ')' });
export const Dot = createToken({ name: 'DOT', pattern: '.' });
export const LBracket = createToken({ name: 'LBRACKET', pattern: '[' });
export const RBracket = createToken({ name: 'RBRACKET', pattern: ']' });
/**
 * Anything else, one code point at a time, so that lexing never fails (the parser reports it).
 * Written as a range: Chevrotain's first-character analysis of `[\s\S]` misses most characters.
 */
export const Unrecognized = createToken({
  name: 'UNRECOGNIZED',
  pattern: /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\uffff]/,
  line_breaks: true,
});

/** The lexer's patterns in priority order. */
export const allTokens: readonly TokenType[] = [
  Whitespace,
  SimpleComment,
  DirectiveComment,
  BracketedComment,
  StringLiteral,
  Variable,
  QuotedIdentifier,
  BackQuotedIdentifier,
  FloatingPointValue,
  DecimalValue,
  IntegerValue,
  DigitIdentifier,
  ...keywordsByLength,
  StringKw,
  Identifier,
  Neq,
  Lte,
  Gte,
  Lt,
  Gt,
  Lambda,
  Eq,
  Arrow,
  Minus,
  Plus,
  Asterisk,
  Slash,
  Percent,
  Concat,
  Assign,
  Semicolon,
  Comma,
  LParen,
  RParen,
  Dot,
  LBracket,
  RBracket,
  Unrecognized,
  AnyIdentifier,
  AnyKeyword,
];

let lexer: Lexer | undefined;
/** The one lexer of the process, built on first use. Offsets only: line and column are computed on demand. */
export function getLexer(): Lexer {
  lexer ??= new Lexer(allTokens as TokenType[], { positionTracking: 'onlyOffset', ensureOptimizations: true });
  return lexer;
}

/** Keyword names in SqlBase.g4's order (ANTLR's token numbering). */
export const KEYWORD_NAMES: readonly string[] = KEYWORDS.map(([name]) => name);
/** Names of the keywords in the grammar's `nonReserved` rule, plus the implicit 'STRING'. */
export const NON_RESERVED: ReadonlySet<string> = new Set([...KEYWORDS.filter(([, n]) => n).map(([name]) => name), 'STRING']);
