/**
 * Column references in a join, resolved as ksqlDB resolves them: an unqualified reference is
 * qualified with the one source that has the column ("Column 'ID' is ambiguous. Could be L.ID or
 * R.ID." when several do, AmbiguousColumnException), and every reference is then rewritten to the
 * joined schema's `ALIAS_COL` name, which is also how messages print it (LogicalPlanner's
 * ColumnReferenceRewriter): `I1.BAR > I2.BAR` becomes `I1_BAR > I2_BAR`.
 */
import { wordList } from '../errors.js';
import { ExpressionError, resolutionError } from '../engine/expressions/compile-errors.js';
import type { Clause } from '../engine/expressions/compile.js';
import type * as ast from '../sql/ast.js';
import { mapColumnRefs } from '../sql/expression-walk.js';
import { joinColumnName, type JoinSources } from './join-sources.js';

export interface QualifyOptions {
  /** Throw for a reference no source has; otherwise leave it as written. */
  readonly strict: boolean;
  readonly clause: Clause;
  /** The final join's synthetic key column (ROWKEY), which unqualified references may name. */
  readonly syntheticKey?: string;
}

/** Qualifies every column reference with the alias of its source (see the module comment). */
export function qualify<T extends ast.Expression>(expr: T, sources: JoinSources, options: QualifyOptions): T {
  return mapColumnRefs(expr, (ref, params) => qualifyRef(ref, params, sources, options));
}

function qualifyRef(ref: ast.ColumnRef, params: ReadonlySet<string>, sources: JoinSources, options: QualifyOptions): ast.ColumnRef {
  if (ref.source !== undefined) {
    const source = sources.byQualifier(ref.source);
    if (source?.columns.has(ref.name)) return { ...ref, source: source.alias };
    if (options.strict) throw unresolved(ref, options.clause);
    return ref;
  }
  if (params.has(ref.name)) return ref;
  const found = sources.withColumn(ref.name);
  if (found.length > 1) throw ambiguous(ref, found.map((s) => s.alias));
  if (found.length === 1) return { ...ref, source: found[0]!.alias };
  if (ref.name === options.syntheticKey || !options.strict) return ref;
  throw unresolved(ref, options.clause);
}

function unresolved(ref: ast.ColumnRef, clause: Clause): ExpressionError {
  const name = ref.source ? `${ref.source}.${ref.name}` : ref.name;
  return resolutionError(ref.loc, `${clause} column '${name}' cannot be resolved.`);
}

function ambiguous(ref: ast.ColumnRef, aliases: readonly string[]): ExpressionError {
  const options = aliases.map((a) => `${a}.${ref.name}`).sort();
  const list = wordList(options, 'or');
  // ksqlDB finds it while preparing the statement (AstSanitizer), and says so.
  const e = resolutionError(ref.loc, `Column '${ref.name}' is ambiguous. Could be ${list}.`);
  e.message = `Exception while preparing statement: ${e.message}`;
  return e;
}

/** `S.COL` becomes the unqualified `S_COL` of the joined schema; other references stay. */
export function flatten<T extends ast.Expression>(expr: T): T {
  return mapColumnRefs(expr, (ref) => (ref.source === undefined ? ref : { kind: 'ColumnRef', name: joinColumnName(ref.source, ref.name), ...(ref.loc ? { loc: ref.loc } : {}) }));
}

/** The aliases of the sources an (already qualified) expression reads. */
export function sourcesOf(expr: ast.Expression): Set<string> {
  const found = new Set<string>();
  mapColumnRefs(expr, (ref, params) => {
    if (ref.source !== undefined && !params.has(ref.name)) found.add(ref.source);
    return ref;
  });
  return found;
}
