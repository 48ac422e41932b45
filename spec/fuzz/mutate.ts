/**
 * Mutations of a valid statement at the token level (delete, duplicate, swap, insert a keyword,
 * punctuation or literal, rename an identifier, change a literal, truncate), a few character-level
 * ones, and random token streams. Tokens come from the project's own lexer, so a mutation works on
 * the units the parser sees.
 */
import { getLexer, K } from '../../src/sql/tokens.js';
import type { Random } from './random.js';

const KEYWORDS = Object.keys(K);
const PUNCTUATION = ['(', ')', '[', ']', ',', ';', '.', '->', '=>', ':=', '=', '<', '>', '<=', '>=', '<>', '!=', '+', '-', '*', '/', '%', '||', ':', '?', '$', '@', '`', '"', "'", '{', '}'];
const LITERALS = [
  '0', '1', '-1', '2147483647', '2147483648', '-2147483649', '9223372036854775807', '9223372036854775808',
  '-9223372036854775809', '123456789012345678901234567890', '1.5', '0.0', '-0.0', '.5', '1.', '1e308', '1e309',
  '-1E-400', '1.0E7', "''", "'a'", "'it''s'", "'2020-01-01'", "'2020-01-01T00:00:00.000'", "'12:00'", "'%'", "'_'",
  "'\u0000'", "'\u{1F600}'", "'\\'", "'[1,2]'", "'{\"a\":1}'", 'NULL', 'TRUE', 'FALSE', 'ARRAY[]', 'MAP()', 'STRUCT()',
  "'${v}'", '${v}', '${undefined_var}', 'INTERVAL', '1 DAY', '-1 SECONDS', '99999999 DAYS',
];
const TYPES = ['INT', 'BIGINT', 'DOUBLE', 'STRING', 'BOOLEAN', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP', 'DECIMAL(4, 2)', 'DECIMAL(40, 50)', 'ARRAY<INT>', 'MAP<STRING, INT>', 'STRUCT<A INT>', 'MAP<INT, STRING>', 'ARRAY<ARRAY<STRUCT<`x` BYTES>>>'];
const ODD_NAMES = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND', 'KSQL_COL_0', '`a b`', '"Quoted"', '`ROWTIME`', 'x', '_', 'A@B', '`` ` ``'];

/** Names worth swapping in: those of the statements run before, and the functions. */
export interface NamePool {
  readonly identifiers: readonly string[];
  readonly functions: readonly string[];
}

export function tokensOf(text: string): string[] {
  return getLexer()
    .tokenize(text)
    .tokens.map((t) => t.image);
}

function isIdentifier(token: string): boolean {
  return /^[A-Za-z_`"]/.test(token) && !KEYWORDS.includes(token.toUpperCase());
}

function isLiteral(token: string): boolean {
  return /^['\d.-]/.test(token);
}

function randomLiteral(r: Random): string {
  if (r.chance(0.2)) return String(Math.floor((r.next() - 0.5) * 2 ** (r.int(64) + 1)));
  return r.pick(LITERALS);
}

function randomName(r: Random, pool: NamePool): string {
  const roll = r.next();
  if (roll < 0.6 && pool.identifiers.length > 0) return r.pick(pool.identifiers);
  if (roll < 0.8 && pool.functions.length > 0) return r.pick(pool.functions);
  return r.pick(ODD_NAMES);
}

/** A random token of any kind. */
export function randomToken(r: Random, pool: NamePool): string {
  const roll = r.next();
  if (roll < 0.35) return r.pick(KEYWORDS);
  if (roll < 0.6) return r.pick(PUNCTUATION);
  if (roll < 0.75) return randomLiteral(r);
  if (roll < 0.8) return r.pick(TYPES);
  return randomName(r, pool);
}

type TokenMutation = (tokens: string[], r: Random, pool: NamePool) => void;

const indexIn = (tokens: readonly string[], r: Random): number => r.int(Math.max(1, tokens.length));

const renameIdentifier: TokenMutation = (t, r, pool) => replaceWhere(t, r, isIdentifier, () => randomName(r, pool));
const changeLiteral: TokenMutation = (t, r) => replaceWhere(t, r, isLiteral, () => randomLiteral(r));

/** Mutations that usually keep the syntax, so the input gets past the parser to the planner. */
const SEMANTIC_MUTATIONS: readonly TokenMutation[] = [renameIdentifier, renameIdentifier, changeLiteral];

const TOKEN_MUTATIONS: readonly TokenMutation[] = [
  ...SEMANTIC_MUTATIONS,
  (t, r) => void t.splice(indexIn(t, r), 1),
  (t, r) => {
    const i = indexIn(t, r);
    if (t[i] !== undefined) t.splice(i, 0, t[i]!);
  },
  (t, r) => {
    const i = indexIn(t, r);
    const j = r.chance(0.5) ? i + 1 : indexIn(t, r);
    if (t[i] !== undefined && t[j] !== undefined) [t[i], t[j]] = [t[j]!, t[i]!];
  },
  (t, r) => void t.splice(indexIn(t, r), 0, r.pick(KEYWORDS)),
  (t, r) => void t.splice(indexIn(t, r), 0, r.pick(PUNCTUATION)),
  (t, r) => void t.splice(indexIn(t, r), 0, randomLiteral(r)),
  (t, r) => void t.splice(indexIn(t, r), 0, r.pick(TYPES)),
  (t, r, pool) => void t.splice(indexIn(t, r), 0, randomToken(r, pool)),
  (t, r) => void t.splice(r.int(t.length + 1)),
];

/** Replaces one token that passes `test` (if any). */
function replaceWhere(tokens: string[], r: Random, test: (t: string) => boolean, make: () => string): void {
  const candidates = tokens.flatMap((t, i) => (test(t) ? [i] : []));
  if (candidates.length > 0) tokens[r.pick(candidates)] = make();
}

/** Character-level damage: a cut, a stray character, a lost or doubled quote. */
function mutateText(text: string, r: Random): string {
  const at = r.int(text.length + 1);
  const roll = r.next();
  if (roll < 0.4) return text.slice(0, at);
  if (roll < 0.8) return text.slice(0, at) + String.fromCodePoint(r.chance(0.7) ? 32 + r.int(95) : r.int(0x2ffff)) + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1);
}

/** Mostly one mutation, so that most inputs are near misses rather than noise. */
function mutationCount(r: Random): number {
  const roll = r.next();
  return roll < 0.6 ? 1 : roll < 0.85 ? 2 : roll < 0.95 ? 3 : 4;
}

export function mutate(statement: string, r: Random, pool: NamePool): string {
  if (r.chance(0.1)) return mutateText(statement, r);
  const tokens = tokensOf(statement);
  const mutations = r.chance(0.5) ? SEMANTIC_MUTATIONS : TOKEN_MUTATIONS;
  for (let n = mutationCount(r); n > 0; n--) r.pick(mutations)(tokens, r, pool);
  return tokens.join(r.chance(0.02) ? '' : ' ');
}

const STARTS = ['SELECT', 'SELECT *', 'CREATE STREAM', 'CREATE TABLE', 'INSERT INTO', 'DROP', 'DESCRIBE', 'SHOW', 'PRINT', 'DEFINE', ''];

/** A statement-ish stream of random tokens. */
export function randomStatement(r: Random, pool: NamePool): string {
  const tokens = [r.pick(STARTS)];
  for (let n = 1 + r.int(30); n > 0; n--) tokens.push(randomToken(r, pool));
  if (r.chance(0.6)) tokens.push(';');
  return tokens.join(' ');
}
