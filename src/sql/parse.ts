/**
 * The SQL front end's public entry points: split a request into statements, parse one statement
 * (substituting `${variables}` first), or parse a request that must hold exactly one statement.
 *
 * Errors are KsqlStatementErrors (40001) with ksqlDB's wording; syntax errors are SqlErrors
 * (`line L:C: Syntax Error\n...`). Any input gets a Statement or such an error, never anything else.
 */
import type { CstNode, IToken } from 'chevrotain';
import { KsqlError, KsqlStatementError } from '../errors.js';
import type { Location, Statement } from './ast.js';
import { BuildContext } from './cst.js';
import { getParser } from './parser.js';
import { shift, TextPositions } from './source-text.js';
import { syntaxError } from './syntax-errors.js';
import { getLexer, Semicolon } from './tokens.js';
import { substituteVariables, VariableScope } from './variables.js';
import { buildStatement } from './visitor.js';

export { VariableScope } from './variables.js';

/** One statement of a request, as written. */
export interface RawStatement {
  /** From the statement's first token up to and including its `;`. */
  readonly text: string;
  /** Offset of the first token in the whole request. */
  readonly offset: number;
  /** 1-based position of the first token in the whole request. */
  readonly line: number;
  readonly column: number;
  /** False for trailing text without a `;`: parsing it reports ksqlDB's syntax error. */
  readonly terminated: boolean;
  /** 0-based position of the statement in the request. */
  readonly index?: number;
  /** Where the request ends, which is where ANTLR reports an error at `<EOF>`. */
  readonly eof?: Location;
}

/** Splits at the `;` tokens of the text (strings, quoted names and comments are respected). */
export function splitStatements(sql: string): RawStatement[] {
  const tokens = getLexer().tokenize(sql).tokens;
  const positions = new TextPositions(sql);
  const out: RawStatement[] = [];
  let start = 0;
  const add = (from: IToken, to: IToken, terminated: boolean): void => {
    const loc = positions.at(from.startOffset);
    const text = sql.slice(from.startOffset, to.startOffset + to.image.length);
    const eof = terminated ? {} : { eof: positions.end() };
    out.push({ text, offset: from.startOffset, line: loc.line, column: loc.column, terminated, index: out.length, ...eof });
  };
  tokens.forEach((t, i) => {
    if (t.tokenType !== Semicolon) return;
    add(tokens[start]!, t, true);
    start = i + 1;
  });
  if (start < tokens.length) add(tokens[start]!, tokens[tokens.length - 1]!, false);
  return out;
}

/** Parses one statement; variables are substituted only when the scope defines at least one. */
export function parseStatement(raw: RawStatement, variables?: VariableScope): Statement {
  return guarded(raw.text, () => {
    const absolute = locator(raw.text, raw);
    const first = parseText(raw.text, absolute, raw);
    if (!variables || variables.size === 0) return buildStatement(first.cst, new BuildContext(raw.text, absolute.offset));
    const text = substituteVariables({ ...first, text: raw.text, scope: variables, locate: absolute.token });
    // ksqlDB parses the substituted statement again on its own, so positions now count from its start.
    const relative = locator(text, { line: 1, column: 1 });
    const second = text === raw.text ? first : parseText(text, relative, { index: 0, terminated: raw.terminated });
    return buildStatement(second.cst, new BuildContext(text, relative.offset));
  });
}

/** Only the syntax check of parseStatement, for callers that check a whole request first (as ksqlDB does). */
export function checkSyntax(raw: RawStatement): void {
  guarded(raw.text, () => parseText(raw.text, locator(raw.text, raw), raw));
}

/** A request that must hold exactly one statement (`/query-stream`). */
export function parseSingle(sql: string, variables?: VariableScope): Statement {
  const raws = splitStatements(sql);
  if (raws.length !== 1) {
    // ksqlDB parses the whole request before counting, so a syntax error anywhere comes first.
    raws.forEach(checkSyntax);
    throw new KsqlStatementError(`Expected exactly one KSQL statement; found ${raws.length} instead`, sql);
  }
  return parseStatement(raws[0]!, variables);
}

interface Locator {
  readonly offset: (offset: number) => Location;
  readonly token: (t: IToken) => Location;
  readonly eof: Location;
}

function locator(text: string, base: { line: number; column: number; eof?: Location }): Locator {
  const positions = new TextPositions(text);
  const offset = (o: number): Location => shift(positions.at(o), base);
  return { offset, token: (t) => offset(t.startOffset), eof: base.eof ?? offset(text.length) };
}

interface Parsed {
  readonly tokens: IToken[];
  readonly cst: CstNode;
}

function parseText(text: string, at: Locator, raw: Pick<RawStatement, 'index' | 'terminated'>): Parsed {
  const tokens = getLexer().tokenize(text).tokens;
  const parser = getParser();
  parser.input = tokens;
  const cst = parser.singleStatement();
  const error = parser.errors[0];
  if (error) {
    throw syntaxError({
      tokens,
      locate: at.token,
      eof: at.eof,
      firstStatement: (raw.index ?? 0) === 0,
      fallback: error && !isEof(error.token) ? error.token : undefined,
      statementText: text,
    });
  }
  return { tokens, cst };
}

function isEof(t: IToken): boolean {
  return t.tokenType.name === 'EOF';
}

const TOO_DEEP =
  'Error processing statement: Statement is too large to parse. ' +
  'This may be caused by having too many nested expressions in the statement.';

/**
 * Every failure becomes a KsqlStatementError: a statement nested too deeply for the stack included.
 * The original error stays as the `cause`, for the logs and for the fuzzer, which counts any cause
 * other than a stack overflow as a crash.
 */
function guarded<T>(text: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof KsqlError) throw e;
    const message = e instanceof RangeError ? TOO_DEEP : ((e as Error)?.message ?? String(e));
    throw Object.assign(new KsqlStatementError(`Failed to prepare statement: ${message}`, text), { cause: e });
  }
}
