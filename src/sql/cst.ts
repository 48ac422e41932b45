/**
 * Small accessors over Chevrotain's CST, and the context the CST → AST builders share: where the
 * statement sits in the request, and how ksqlDB words the errors its AstBuilder raises.
 */
import type { CstNode, IToken } from 'chevrotain';
import { KsqlStatementError } from '../errors.js';
import type { Location } from './ast.js';
import { BackQuotedIdentifier, QuotedIdentifier } from './tokens.js';
import { unquote } from './source-text.js';

export function node(n: CstNode, key: string): CstNode | undefined {
  return n.children[key]?.[0] as CstNode | undefined;
}
export function nodes(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []) as CstNode[];
}
export function token(n: CstNode, key: string): IToken | undefined {
  return n.children[key]?.[0] as IToken | undefined;
}
export function tokens(n: CstNode, key: string): IToken[] {
  return (n.children[key] ?? []) as IToken[];
}
/** The sub-rule of a rule that is a choice between sub-rules (tokens around it are skipped). */
export function only(n: CstNode): CstNode {
  for (const key in n.children) {
    const first = n.children[key]![0]!;
    if ('children' in first) return first;
  }
  throw new Error(`no sub-rule in CST node ${n.name}`);
}
/** The token of a rule that is a choice between tokens. */
export function onlyToken(n: CstNode): IToken {
  for (const key in n.children) return n.children[key]![0] as IToken;
  throw new Error(`empty CST node ${n.name}`);
}
export function startOffset(n: CstNode): number {
  return n.location!.startOffset;
}

/** The token of an `identifier` node. */
export function identifierToken(n: CstNode): IToken {
  return token(n, 'AnyIdentifier')!;
}

/** ParserUtil.getIdentifierText: quoted names keep their case, anything else is upper-cased. */
export function identifierText(n: CstNode): string {
  const t = identifierToken(n);
  if (t.tokenType === QuotedIdentifier) return unquote(t.image, '"');
  if (t.tokenType === BackQuotedIdentifier) return unquote(t.image, '`');
  return t.image.toUpperCase();
}

/** getIdentifierText(caseSensitive = true): quotes removed, the case as written. */
export function identifierTextAsWritten(n: CstNode): string {
  const t = identifierToken(n);
  if (t.tokenType === QuotedIdentifier) return unquote(t.image, '"');
  if (t.tokenType === BackQuotedIdentifier) return unquote(t.image, '`');
  return t.image;
}

export class BuildContext {
  constructor(
    /** The statement text the CST was parsed from. */
    readonly text: string,
    /** Absolute position of an offset in `text`. */
    readonly locate: (offset: number) => Location,
  ) {}

  at(n: CstNode | IToken): Location {
    return this.locate('startOffset' in n ? n.startOffset : startOffset(n));
  }

  /** ksqlDB's NodeLocation#toString. */
  where(n: CstNode | IToken): string {
    const loc = this.at(n);
    return `Line: ${loc.line}, Col: ${loc.column}`;
  }

  /** An error from AstBuilder, which DefaultKsqlParser#prepare reports as "Failed to prepare statement: ...". */
  prepareError(message: string): KsqlStatementError {
    return new KsqlStatementError(`Failed to prepare statement: ${message}`, this.text);
  }

  /**
   * A ParsingException raised by AstBuilder. It is built from a NodeLocation whose column is
   * already 1-based and adds one again, so ksqlDB reports such errors one column to the right.
   */
  parsingError(n: CstNode | IToken, message: string): KsqlStatementError {
    const loc = this.at(n);
    return this.prepareError(`line ${loc.line}:${loc.column + 1}: ${message}`);
  }

  /** A ParseFailedException: reported as is. */
  failure(message: string): KsqlStatementError {
    return new KsqlStatementError(message, this.text);
  }
}
