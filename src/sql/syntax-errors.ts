/**
 * ksqlDB's syntax error messages, reproduced.
 *
 * ksqlDB parses with ANTLR and rewrites ANTLR's message in SyntaxErrorValidator:
 *   - a statement that starts with an unknown word → `Unknown statement 'X'\nDid you mean 'Y'?`
 *   - no alternative fits (NoViableAltException) → `Syntax error at or near 'X' at line L:C`
 *   - "extraneous input 'X' ..." where X is a reserved word → `"X" is a reserved keyword ...`
 *   - "mismatched/extraneous input 'X' expecting S" → `Expecting S` when S lists at most 3 names,
 *     `Syntax error at or near ";"\n'}', ']', or ')' is missing` when the text mentions EOF,
 *     and nothing otherwise
 *   - anything else (e.g. "missing ')' at ','") → the ANTLR message itself
 * all after `line L:C: Syntax Error\n`. To know which of ANTLR's cases applies we walk the grammar
 * (grammar-walk.ts) the way ANTLR's error strategy would have: the first token no reading accepts,
 * whether a multi-token decision was still open there (NoViableAlt), and otherwise where ANTLR
 * stopped: at a decision whose rule cannot end without a token (sync: deletion or mismatch, and
 * always "extraneous" before a loop's next round), or at a required token (match: deletion,
 * insertion or mismatch).
 */
import { EOF, type IToken, type TokenType } from 'chevrotain';
import { SqlError } from '../errors.js';
import type { Location } from './ast.js';
import { expectedSet, isReservedWord, statementStartTypes, STATEMENT_KEYWORDS } from './antlr-names.js';
import {
  GrammarWalk,
  typeMatches,
  WalkBudgetExceeded,
  type Choice,
  type Frontier,
  type SyncFailure,
} from './grammar-walk.js';
import { getParser } from './parser.js';

export interface ErrorInput {
  /** The statement's tokens (its `;` included when it has one). */
  readonly tokens: readonly IToken[];
  /** Absolute position of a token of this statement. */
  readonly locate: (token: IToken) => Location;
  /** Where ANTLR's EOF token would sit. */
  readonly eof: Location;
  /** ANTLR treats the first statement of a request a little differently from the next ones. */
  readonly firstStatement: boolean;
  /** Where Chevrotain stopped (undefined: at the end), for inputs the walk cannot explain. */
  readonly fallback: IToken | undefined;
  readonly statementText: string;
}

/** Walking very long statements is not worth the time: they get the plain NoViableAlt wording. */
const MAX_WALKED_TOKENS = 5000;

export function syntaxError(input: ErrorInput): SqlError {
  try {
    const found = input.tokens.length <= MAX_WALKED_TOKENS ? explain(input) : undefined;
    if (found) return found;
  } catch (e) {
    if (!(e instanceof WalkBudgetExceeded)) throw e;
  }
  return atToken(input, input.fallback, noViableAlt(input, input.fallback));
}

function explain(input: ErrorInput): SqlError | undefined {
  const walk = new GrammarWalk(getParser().getGAstProductions().singleStatement!);
  const tokens = input.tokens;
  let frontier = walk.initial();
  for (let p = 0; p <= tokens.length; p++) {
    const t = tokens[p];
    const next = t ? walk.advance(frontier, t.tokenType, p) : [];
    if (next.length > 0) {
      frontier = next;
      continue;
    }
    if (!t && frontier.some((f) => f.terminal === null)) return undefined; // the walk accepts it all
    return p === 0 ? unknownStatement(input) : atToken(input, t, describe(input, walk, frontier, p));
  }
  return undefined;
}

/** The message for the first token that no reading of the grammar accepts. */
function describe(input: ErrorInput, walk: GrammarWalk, frontier: Frontier[], p: number): string {
  const t = input.tokens[p];
  let live = frontier.filter((f) => f.terminal !== null);
  for (;;) {
    const open = openDecision(live, p);
    if (!open) break;
    const finished = live.filter((f) => branchOf(f, open.key) !== undefined && !insideRule(f, open.rule));
    if (finished.length === 0) return noViableAlt(input, t);
    // ANTLR's prediction settles for the lowest alternative that could already have ended its rule.
    const branch = Math.min(...finished.map((f) => branchOf(f, open.key)!));
    live = live.filter((f) => (branchOf(f, open.key) ?? branch) === branch);
  }
  const all = live.map((f) => f.terminal!);
  const sync = live.find((f) => f.config.sync)?.config.sync;
  if (sync) return syncFailure(input, sync, p);
  const required = live.filter((f) => f.config.mode === 0).map((f) => f.terminal!);
  return mismatch(input, walk, live, p, required.length ? required : all, all);
}

/**
 * DefaultErrorStrategy#sync failing at a decision: at a block or loop entry it drops the token if
 * the next one fits ("extraneous input") or gives up ("mismatched input"); before a loop's next
 * round it always reports the token as extraneous.
 */
function syncFailure(input: ErrorInput, sync: SyncFailure, p: number): string {
  const t = input.tokens[p];
  const expected = expectedSet(sync.expected);
  const after = input.tokens[p + 1]?.tokenType ?? EOF;
  if (sync.kind === 'back' || sync.expected.some((e) => typeMatches(after, e))) return extraneous(t, expected);
  return expectations(`mismatched input ${display(t)} expecting ${expected}`, t);
}

interface OpenDecision {
  readonly key: string;
  readonly rule: Choice['rule'];
}

/**
 * The first decision ANTLR would still be predicting at token `p`: taken before `p`, with more
 * than one branch still alive; the earliest, and of those at the same token the outermost.
 */
function openDecision(live: readonly Frontier[], p: number): OpenDecision | undefined {
  const branches = new Map<string, { tokenIndex: number; seq: number; rule: Choice['rule']; seen: Set<number> }>();
  for (const f of live) {
    for (let c = f.config.choices; c; c = c.next) {
      if (c.tokenIndex >= p) continue;
      let entry = branches.get(c.key);
      if (!entry) branches.set(c.key, (entry = { tokenIndex: c.tokenIndex, seq: c.seq, rule: c.rule, seen: new Set() }));
      entry.seq = Math.min(entry.seq, c.seq);
      entry.seen.add(c.branch);
    }
  }
  let best: (OpenDecision & { tokenIndex: number; seq: number }) | undefined;
  for (const [key, e] of branches) {
    if (e.seen.size < 2) continue;
    if (!best || e.tokenIndex < best.tokenIndex || (e.tokenIndex === best.tokenIndex && e.seq < best.seq)) {
      best = { key, rule: e.rule, tokenIndex: e.tokenIndex, seq: e.seq };
    }
  }
  return best;
}

function branchOf(f: Frontier, key: string): number | undefined {
  for (let c = f.config.choices; c; c = c.next) if (c.key === key) return c.branch;
  return undefined;
}

function insideRule(f: Frontier, rule: Choice['rule']): boolean {
  if (rule === null) return true;
  for (let r = f.config.rules; r; r = r.next) if (r.cell === rule) return true;
  return false;
}

/**
 * DefaultErrorStrategy#recoverInline at a required token (match): drop the offending token if the
 * next one fits ("extraneous input"), invent the missing token if the offending one would then fit
 * ("missing X at"), or give up ("mismatched input", listing all that was acceptable since the last
 * token, as ANTLR's nextTokensContext does).
 */
function mismatch(
  input: ErrorInput,
  walk: GrammarWalk,
  live: readonly Frontier[],
  p: number,
  required: readonly TokenType[],
  all: readonly TokenType[],
): string {
  const t = input.tokens[p];
  const after = input.tokens[p + 1];
  const requiredSet = expectedSet(required);
  if (required.some((r) => typeMatches(after?.tokenType ?? EOF, r))) {
    return extraneous(t, requiredSet);
  }
  if (!requiredSet.startsWith('{') && insertionFits(walk, live, required[0]!, t, p)) {
    return `Syntax Error\nmissing ${requiredSet} at ${display(t)}`;
  }
  return expectations(`mismatched input ${display(t)} expecting ${expectedSet(all)}`, t);
}

function insertionFits(
  walk: GrammarWalk,
  live: readonly Frontier[],
  missing: TokenType,
  t: IToken | undefined,
  p: number,
): boolean {
  const next = walk.advance(live, missing, p);
  const type = t?.tokenType ?? EOF;
  return next.some((f) => (f.terminal ? typeMatches(type, f.terminal) : statementStartTypes().some((s) => s === type)));
}

function extraneous(t: IToken | undefined, expecting: string): string {
  const text = tokenText(t);
  if (isReservedWord(text)) {
    return (
      `Syntax Error\n"${text}" is a reserved keyword and it can't be used as an identifier.` +
      ` You can use it as an identifier by escaping it as '${text}' `
    );
  }
  return expectations(`extraneous input ${display(t)} expecting ${expecting}`, t);
}

/** SyntaxErrorValidator#getExpectations, on an ANTLR "... expecting S" message. */
function expectations(message: string, offending: IToken | undefined): string {
  const expecting = message.split('expecting ')[1] ?? '';
  if (isStatementList(expecting)) return unknownStatementText(tokenText(offending));
  if (message.includes('EOF')) return 'Syntax Error\nSyntax error at or near ";"\n\'}\', \']\', or \')\' is missing';
  if (javaSplitLength(expecting, ',') <= 3) return `Syntax Error\nExpecting ${expecting}`;
  return 'Syntax Error\n';
}

function isStatementList(expecting: string): boolean {
  const names = expecting.replace(/[{}]/g, '').replace('<EOF>,', '').split(" '").join('').split("'").join('').split(',');
  return names.length === STATEMENT_KEYWORDS.length && names.every((n, i) => n === STATEMENT_KEYWORDS[i]);
}

/** Java's String#split drops trailing empty strings. */
function javaSplitLength(s: string, sep: string): number {
  const parts = s.split(sep);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.length;
}

/**
 * The first token cannot start a statement. ANTLR is then in the `statements` loop, expecting a
 * statement keyword or EOF: the token is "extraneous" if the next one could start a statement
 * (always, after a first statement), else "mismatched".
 */
function unknownStatement(input: ErrorInput): SqlError {
  const t = input.tokens[0]!;
  const starts = statementStartTypes();
  const expecting = expectedSet(starts);
  const nextType = input.tokens[1]?.tokenType ?? EOF;
  const detail =
    !input.firstStatement || starts.some((s) => typeMatches(nextType, s))
      ? extraneous(t, expecting)
      : expectations(`mismatched input ${display(t)} expecting ${expecting}`, t);
  return atToken(input, t, detail);
}

function unknownStatementText(word: string): string {
  return `Syntax Error\nUnknown statement '${word}'\nDid you mean '${mostSimilar(word)}'?`;
}

/** The closest statement keyword by Levenshtein distance; the first one wins a tie. */
function mostSimilar(word: string): string {
  const target = word.toUpperCase();
  let best = '';
  let min = Infinity;
  for (const k of STATEMENT_KEYWORDS) {
    const d = levenshtein(k, target);
    if (d < min) {
      min = d;
      best = k;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function noViableAlt(input: ErrorInput, t: IToken | undefined): string {
  const at = t ? input.locate(t) : input.eof;
  return `Syntax Error\nSyntax error at or near '${tokenText(t)}' at line ${at.line}:${at.column}`;
}

function atToken(input: ErrorInput, t: IToken | undefined, detail: string): SqlError {
  const at = t ? input.locate(t) : input.eof;
  return new SqlError(at.line, at.column, detail, input.statementText);
}

function tokenText(t: IToken | undefined): string {
  return t ? t.image : '<EOF>';
}

/** ANTLR's getTokenErrorDisplay: the text with \n, \r and \t escaped, in single quotes. */
function display(t: IToken | undefined): string {
  return `'${tokenText(t).replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}
