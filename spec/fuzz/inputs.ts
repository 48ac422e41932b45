/**
 * The fuzz inputs of a run, each a pure function of (seed, index): which corpus case sets up the
 * engine of its stretch, the text (a mutated corpus statement, sometimes two, or a random token
 * stream), the endpoint it goes to, and the variables and properties sent with it.
 */
import { builtinFunctions } from '../../src/engine/functions/builtins/index.js';
import { getLexer, Identifier, QuotedIdentifier, BackQuotedIdentifier } from '../../src/sql/tokens.js';
import type { CorpusCase } from './corpus.js';
import type { FuzzInput } from './fuzz-engine.js';
import { mutate, randomStatement, type NamePool } from './mutate.js';
import { Random } from './random.js';

const FUNCTIONS = builtinFunctions()
  .list()
  .map((f) => f.def.name.toUpperCase());
const NAME_TYPES = new Set([Identifier, QuotedIdentifier, BackQuotedIdentifier]);
const VARIABLES = { v: '1', x: 'y', s: 'TEST', Q: "'quoted'" };
const PROPERTIES: readonly Readonly<Record<string, unknown>>[] = [
  { 'auto.offset.reset': 'earliest' },
  { 'auto.offset.reset': 'latest' },
  { 'auto.offset.reset': 'sideways' },
  { 'ksql.query.pull.table.scan.enabled': false },
  { 'ksql.query.pull.table.scan.enabled': 'maybe' },
  { 'ksql.streams.auto.offset.reset': 'earliest', 'ksql.query.pull.limit.clause.enabled': true },
];

const hasSetup = (c: CorpusCase): boolean => c.statements.some((s) => /^\s*CREATE\b/i.test(s));

/** The case that sets up the engine for inputs of stretch `stretch`: one that creates something. */
export function contextOf(seed: number, stretch: number, corpus: readonly CorpusCase[]): CorpusCase {
  const candidates = corpus.filter(hasSetup);
  return Random.forInput(seed ^ 0x5bd1e995, stretch).pick(candidates.length > 0 ? candidates : corpus);
}

export function namePool(context: CorpusCase): NamePool {
  const identifiers = new Set<string>();
  for (const s of context.statements) {
    for (const t of getLexer().tokenize(s).tokens) if (NAME_TYPES.has(t.tokenType)) identifiers.add(t.image);
  }
  return { identifiers: [...identifiers], functions: FUNCTIONS };
}

const CREATED_NAME = /^(\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:SOURCE\s+)?(?:STREAM|TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?)([^\s(;]+)/i;

/**
 * The context's own CREATE statements have run already; half the time one gets a new name, so it
 * goes further than "already exists".
 */
function renamed(statement: string, r: Random, index: number): string {
  return r.chance(0.5) ? statement.replace(CREATED_NAME, `$1FZ_${index}`) : statement;
}

function statementFor(r: Random, index: number, context: CorpusCase, corpus: readonly CorpusCase[], pool: NamePool): string {
  const roll = r.next();
  if (roll < 0.1) return randomStatement(r, pool);
  const source = roll < 0.7 ? context : r.pick(corpus);
  const valid = renamed(r.pick(source.statements), r, index);
  return r.chance(0.05) ? valid : mutate(valid, r, pool);
}

const isQuery = (text: string): boolean => /^\s*(SELECT|PRINT)\b/i.test(text);

export function makeInput(seed: number, index: number, context: CorpusCase, corpus: readonly CorpusCase[], pool: NamePool): FuzzInput {
  const r = Random.forInput(seed, index);
  let text = statementFor(r, index, context, corpus, pool);
  if (r.chance(0.08)) text += ` ${statementFor(r, index, context, corpus, pool)}`;
  const toQueryStream = isQuery(text) !== r.chance(0.15);
  return {
    index,
    text,
    endpoint: toQueryStream ? 'query-stream' : 'ksql',
    ...(r.chance(0.2) ? { variables: VARIABLES } : {}),
    ...(r.chance(0.4) ? { properties: r.pick(PROPERTIES) } : {}),
  };
}
