/**
 * How ANTLR names ksqlDB's tokens in messages ("expecting {';', 'WITH', IDENTIFIER}") and in which
 * order it lists them: by token type number, i.e. the implicit literals of SqlBase.g4's parser
 * rules first, then its lexer rules in definition order; <EOF> (-1) comes first of all.
 */
import type { TokenType } from 'chevrotain';
import { EOF } from 'chevrotain';
import * as T from './tokens.js';

const IMPLICIT: readonly (readonly [TokenType, string])[] = [
  [T.Semicolon, "';'"],
  [T.Comma, "','"],
  [T.LParen, "'('"],
  [T.RParen, "')'"],
  [T.Dot, "'.'"],
  [T.LBracket, "'['"],
  [T.RBracket, "']'"],
  [T.StringKw, "'STRING'"],
];

const AFTER_KEYWORDS: readonly (readonly [TokenType, string])[] = [
  [T.Eq, "'='"],
  [T.Neq, 'NEQ'],
  [T.Lt, "'<'"],
  [T.Lte, "'<='"],
  [T.Gt, "'>'"],
  [T.Gte, "'>='"],
  [T.Plus, "'+'"],
  [T.Minus, "'-'"],
  [T.Asterisk, "'*'"],
  [T.Slash, "'/'"],
  [T.Percent, "'%'"],
  [T.Concat, "'||'"],
  [T.Assign, "':='"],
  [T.Arrow, "'->'"],
  [T.Lambda, "'=>'"],
  [T.StringLiteral, 'STRING'],
  [T.IntegerValue, 'INTEGER_VALUE'],
  [T.DecimalValue, 'DECIMAL_VALUE'],
  [T.FloatingPointValue, 'FLOATING_POINT_VALUE'],
  [T.Identifier, 'IDENTIFIER'],
  [T.DigitIdentifier, 'DIGIT_IDENTIFIER'],
  [T.QuotedIdentifier, 'QUOTED_IDENTIFIER'],
  [T.BackQuotedIdentifier, 'BACKQUOTED_IDENTIFIER'],
  [T.Variable, 'VARIABLE'],
];

const ORDERED: readonly (readonly [TokenType, string])[] = [
  [EOF, '<EOF>'],
  ...IMPLICIT,
  ...T.KEYWORD_NAMES.map((name) => [T.K[name]!, `'${name}'`] as const),
  ...AFTER_KEYWORDS,
];

const RANK = new Map(ORDERED.map(([type], i) => [type, i]));
const NAME = new Map(ORDERED.map(([type, name]) => [type, name]));

/**
 * The concrete token types a grammar terminal stands for in a message: a category stands for its
 * members, except AnyKeyword (DEFINE's tolerance of keywords, which SqlBase.g4 does not list).
 */
export function expand(type: TokenType): readonly TokenType[] {
  if (type === T.AnyIdentifier) return IDENTIFIER_MEMBERS;
  if (type === T.AnyKeyword) return [];
  return [type];
}
const IDENTIFIER_MEMBERS = ORDERED.map(([t]) => t).filter((t) => t.CATEGORIES?.includes(T.AnyIdentifier));

/** ANTLR's IntervalSet#toString(vocabulary): one name alone, several in braces, in token order. */
export function expectedSet(types: Iterable<TokenType>): string {
  const unique = [...new Set([...types].flatMap(expand))].filter((t) => RANK.has(t));
  unique.sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  const names = unique.map((t) => NAME.get(t)!);
  return names.length === 1 ? names[0]! : `{${names.join(', ')}}`;
}

/**
 * ParserUtil.isReserved: the text is a symbolic name of the grammar's vocabulary (lower-cased:
 * keywords, but also `eq`, `identifier`, `ws`...) and not a non-reserved keyword.
 */
export function isReservedWord(text: string): boolean {
  return !T.NON_RESERVED.has(text.toUpperCase()) && SYMBOLIC_NAMES.has(text.toLowerCase());
}
const SYMBOLIC_NAMES = new Set(
  [
    ...T.KEYWORD_NAMES,
    ...['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'PLUS', 'MINUS', 'ASTERISK', 'SLASH', 'PERCENT', 'ASSIGN'],
    ...['STRUCT_FIELD_REF', 'LAMBDA_EXPRESSION', 'STRING', 'INTEGER_VALUE', 'DECIMAL_VALUE', 'FLOATING_POINT_VALUE'],
    ...['IDENTIFIER', 'DIGIT_IDENTIFIER', 'QUOTED_IDENTIFIER', 'BACKQUOTED_IDENTIFIER', 'VARIABLE', 'DELIMITER'],
    ...['SIMPLE_COMMENT', 'DIRECTIVE_COMMENT', 'BRACKETED_COMMENT', 'WS'],
  ]
    .map((n) => n.toLowerCase())
    .filter((n) => n !== 'replace'),
);

/** The statement keywords SyntaxErrorValidator suggests from, in its own order. */
export const STATEMENT_KEYWORDS: readonly string[] = [
  'SELECT', 'CREATE', 'INSERT', 'DESCRIBE', 'PRINT', 'EXPLAIN', 'SHOW', 'LIST', 'TERMINATE', 'PAUSE',
  'RESUME', 'DROP', 'SET', 'DEFINE', 'UNDEFINE', 'UNSET', 'ASSERT', 'ALTER',
];

/** What ANTLR expects where a statement may start: the statement keywords, or the end. */
export function statementStartTypes(): TokenType[] {
  return [EOF, ...STATEMENT_KEYWORDS.map((k) => T.K[k]!)];
}
