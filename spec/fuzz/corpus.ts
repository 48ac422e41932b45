/**
 * The valid statements the fuzzer mutates, grouped by where they come from so a statement can be
 * run after the statements it depends on: the project's examples/*.sql, the SQL strings of
 * spec/sql/*.spec.ts, and the cases of ../shared/conformance (statements and input records).
 * Only statements that parse are kept.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parseStatement, splitStatements } from '../../src/sql/parse.js';

export interface InputRecord {
  readonly topic: string;
  readonly key?: unknown;
  readonly value?: unknown;
  readonly timestamp?: number;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions?: number;
}

/** Statements that belong together (one conformance case, one example file), their topics and data. */
export interface CorpusCase {
  readonly origin: string;
  readonly statements: readonly string[];
  readonly topics?: readonly TopicSpec[];
  readonly inputs: readonly InputRecord[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFORMANCE = join(ROOT, '../shared/conformance');
const SQL_START = /^\s*(SELECT|CREATE|INSERT|DROP|DESCRIBE|SHOW|LIST|PRINT|DEFINE|UNDEFINE|SET|UNSET|TERMINATE|EXPLAIN|ALTER)\b/i;

let cached: CorpusCase[] | undefined;

export function loadCorpus(): CorpusCase[] {
  cached ??= [...exampleCases(), ...specCases(), ...conformanceCases()].filter((c) => c.statements.length > 0);
  return cached;
}

function files(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

function valid(text: string): string[] {
  return splitStatements(text)
    .filter((raw) => {
      try {
        parseStatement(raw);
        return true;
      } catch {
        return false;
      }
    })
    .map((raw) => raw.text);
}

function exampleCases(): CorpusCase[] {
  return files(join(ROOT, 'examples'), '.sql').map((f) => ({ origin: f, statements: valid(readFileSync(f, 'utf8')), inputs: [] }));
}

/**
 * Every string literal of the SQL specs that reads as a statement, or as an expression (wrapped
 * in `SELECT <expr> FROM s;` as those specs do), each a case of its own.
 */
function specCases(): CorpusCase[] {
  return files(join(ROOT, 'spec/sql'), '.spec.ts').flatMap((f) =>
    stringLiterals(readFileSync(f, 'utf8'))
      .flatMap((s) => valid(SQL_START.test(s) ? s : `SELECT ${s} FROM s;`))
      .map((statement) => ({ origin: f, statements: [statement], inputs: [] })),
  );
}

function stringLiterals(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const out: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) out.push(scanner.getTokenValue());
  }
  return out;
}

interface ConformanceFile {
  readonly cases?: readonly {
    readonly id?: string;
    readonly statements?: readonly string[];
    readonly topics?: readonly TopicSpec[];
    readonly inputs?: readonly InputRecord[];
  }[];
}

function conformanceCases(): CorpusCase[] {
  const paths = [...files(join(CONFORMANCE, 'cases'), '.json'), ...files(join(CONFORMANCE, 'qtt'), '.json')];
  return paths.flatMap((f) =>
    ((JSON.parse(readFileSync(f, 'utf8')) as ConformanceFile).cases ?? []).map((c) => ({
      origin: c.id ?? f,
      statements: (c.statements ?? []).flatMap((s) => valid(s)),
      topics: c.topics ?? [],
      inputs: c.inputs ?? [],
    })),
  );
}
