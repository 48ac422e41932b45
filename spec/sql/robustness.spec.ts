/**
 * Any text gets a Statement or a KsqlStatementError, never another exception: mutated statements,
 * token soup, random characters, deep nesting, long input. Seeded, so a failure can be replayed.
 */
import { expect } from 'chai';
import { KsqlStatementError } from '../../src/errors.js';
import { parseStatement, splitStatements, VariableScope } from '../../src/sql/parse.js';
import { getLexer } from '../../src/sql/tokens.js';

/** mulberry32: small, seedable. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = [
  "CREATE STREAM s (id INT KEY, v STRING, m MAP<STRING, ARRAY<DECIMAL(4, 2)>>) WITH (kafka_topic='t', value_format='JSON');",
  "CREATE TABLE t AS SELECT a.k, SUM(b.v) AS total FROM a JOIN b WITHIN (1 HOUR, 2 DAYS) ON a.k = b.k WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS) WHERE x IS NOT NULL GROUP BY a.k HAVING COUNT(*) > 1 EMIT CHANGES;",
  "INSERT INTO s (a, b) VALUES (-1, 'x''y');",
  "SELECT CASE WHEN a LIKE 'x%' ESCAPE '!' THEN ARRAY[1, 2][1] ELSE STRUCT(f := MAP('k' := 1.5E3))->f END, TRANSFORM(arr, (x, y) => x || y) FROM s WHERE NOT a BETWEEN 1 AND 2 OR b IN (1, 2) LIMIT 5;",
  "PRINT 'topic' FROM BEGINNING INTERVAL 2 LIMIT 3;",
  "DEFINE v = '${x}'; SET 'a'='b'; EXPLAIN SELECT * FROM s; DESCRIBE FUNCTION f; TERMINATE ALL; DROP TYPE IF EXISTS t;",
];

const VOCAB = [
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'CREATE', 'STREAM', 'TABLE', 'AS', 'WITH', 'INSERT', 'INTO', 'VALUES',
  'EMIT', 'CHANGES', 'KEY', 'PRIMARY', 'ARRAY', 'MAP', 'STRUCT', 'CASE', 'WHEN', 'THEN', 'END', 'NOT', 'IS', 'NULL',
  'JOIN', 'WITHIN', 'ON', 'WINDOW', 'TUMBLING', 'SIZE', 'SECONDS', '(', ')', '[', ']', ',', ';', '.', '->', '=>',
  ':=', '=', '<', '>', '<>', '+', '-', '*', '/', '||', "'s'", '1', '1.5', '1e3', 'x', '`q`', '"d"', '${v}', '$', '@',
];

function isAllowed(e: unknown): boolean {
  return e instanceof KsqlStatementError;
}

function parseAll(sql: string, scope?: VariableScope): void {
  for (const raw of splitStatements(sql)) {
    try {
      parseStatement(raw, scope);
    } catch (e) {
      if (!isAllowed(e)) throw new Error(`${JSON.stringify(raw.text)} threw ${(e as Error)?.stack ?? e}`);
    }
  }
}

describe('robustness', function () {
  this.timeout(120_000);

  it('never loses a character in the lexer', () => {
    const next = random(1);
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: 40 }, () => String.fromCodePoint(Math.floor(next() * 0x2ffff))).join('');
      expect(getLexer().tokenize(text).errors).to.deep.equal([]);
    }
  });

  it('answers mutated statements with a statement or a KsqlStatementError', () => {
    const next = random(2);
    const scope = VariableScope.from({ v: '1', x: 'y' }, false);
    for (let i = 0; i < 1500; i++) {
      const tokens = getLexer().tokenize(SAMPLES[i % SAMPLES.length]!).tokens.map((t) => t.image);
      for (let m = 1 + Math.floor(next() * 3); m > 0; m--) {
        const at = Math.floor(next() * tokens.length);
        const op = next();
        if (op < 0.4) tokens.splice(at, 1);
        else if (op < 0.8) tokens.splice(at, 0, VOCAB[Math.floor(next() * VOCAB.length)]!);
        else tokens[at] = VOCAB[Math.floor(next() * VOCAB.length)]!;
      }
      parseAll(tokens.join(' '), i % 2 ? scope : undefined);
    }
  });

  it('answers token soup and random characters', () => {
    const next = random(3);
    for (let i = 0; i < 800; i++) {
      const soup = Array.from({ length: 1 + Math.floor(next() * 25) }, () => VOCAB[Math.floor(next() * VOCAB.length)]).join(' ');
      parseAll(`SELECT ${soup};`);
      parseAll(soup);
      const chars = Array.from({ length: Math.floor(next() * 30) }, () => String.fromCharCode(Math.floor(next() * 128))).join('');
      parseAll(chars);
    }
  });

  it('refuses very deep nesting with ksqlDB\'s message instead of overflowing', () => {
    for (const sql of [`SELECT ${'('.repeat(20000)}1${')'.repeat(20000)} FROM s;`, `SELECT ${'- '.repeat(20000)}a FROM s;`, `SELECT ${'NOT '.repeat(20000)}a FROM s;`]) {
      const raw = splitStatements(sql)[0]!;
      expect(() => parseStatement(raw)).to.throw(KsqlStatementError, /Statement is too large to parse|Syntax Error/);
    }
  });

  it('parses moderately deep nesting', () => {
    const raw = splitStatements(`SELECT ${'('.repeat(100)}1${')'.repeat(100)} FROM s;`)[0]!;
    expect(parseStatement(raw).kind).to.equal('Query');
  });

  it('handles a long statement in reasonable time', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `c${i} + ${i} AS a${i}`).join(', ');
    const start = performance.now();
    const q = parseStatement(splitStatements(`SELECT ${items} FROM s;`)[0]!);
    expect(q.kind).to.equal('Query');
    expect(performance.now() - start).to.be.below(5000);
    const bad = splitStatements(`SELECT ${items} FROM s WHERE;`)[0]!;
    expect(() => parseStatement(bad)).to.throw(KsqlStatementError, /^line 1:\d+: Syntax Error/);
  });
});
