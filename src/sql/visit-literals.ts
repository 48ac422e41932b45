/**
 * CST → literals and numbers, with the checks ksqlDB's ParserUtil makes while building the AST:
 * an integer must fit a BIGINT, a double must be finite, a LIMIT must be an integer.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { LiteralValue } from './ast.js';
import { node, token, type BuildContext } from './cst.js';
import { unquote } from './source-text.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

export function literalValue(n: CstNode, ctx: BuildContext): LiteralValue {
  if (token(n, 'NULL')) return { type: 'NULL' };
  const num = node(n, 'number');
  if (num) return numberValue(num, ctx);
  const bool = node(n, 'booleanValue');
  if (bool) return { type: 'BOOLEAN', value: token(bool, 'TRUE') !== undefined };
  const str = token(n, 'STRING');
  if (str) return { type: 'STRING', value: unquote(str.image, "'") };
  // A `${name}` left in place because no variable is defined: AstBuilder has no visitor for it.
  throw ctx.prepareError('not yet implemented');
}

/** The number's text as ANTLR's getText() gives it: the sign glued to the digits. */
export function numberText(n: CstNode): string {
  return (token(n, 'MINUS') ? '-' : '') + digits(n).image;
}

function digits(n: CstNode): IToken {
  return token(n, 'INTEGER_VALUE') ?? token(n, 'DECIMAL_VALUE') ?? token(n, 'FLOATING_POINT_VALUE')!;
}

export function numberValue(n: CstNode, ctx: BuildContext): LiteralValue {
  const text = numberText(n);
  if (token(n, 'INTEGER_VALUE')) {
    const v = BigInt(text);
    if (v < LONG_MIN || v > LONG_MAX) throw ctx.parsingError(n, `Invalid numeric literal: ${text}`);
    return { type: 'INTEGER_TEXT', text };
  }
  if (token(n, 'DECIMAL_VALUE')) return { type: 'DECIMAL_TEXT', text };
  if (!Number.isFinite(Number(text))) throw ctx.parsingError(n, `Number overflows DOUBLE: ${text}`);
  return { type: 'DOUBLE_TEXT', text };
}

/** ParserUtil.processIntegerNumber: LIMIT, INTERVAL and DECIMAL(p, s) take an INTEGER literal. */
export function integerNumber(n: CstNode, what: string, ctx: BuildContext): number {
  if (!token(n, 'INTEGER_VALUE')) throw ctx.prepareError(`Value must be integer for command: ${what}`);
  const text = numberText(n);
  const v = BigInt(text);
  if (v < LONG_MIN || v > LONG_MAX) throw ctx.parsingError(n, `Invalid numeric literal: ${text}`);
  if (v < INT_MIN || v > INT_MAX) throw ctx.prepareError(`Value must be integer for command: ${what}`);
  return Number(v);
}

/** Long.parseLong of a window or join size, as WindowTimeClause does. */
export function longNumber(n: CstNode, ctx: BuildContext): number {
  const text = numberText(n);
  if (!/^-?\d+$/.test(text) || BigInt(text) < LONG_MIN || BigInt(text) > LONG_MAX) {
    throw ctx.prepareError(`For input string: "${text}"`);
  }
  return Number(text);
}
