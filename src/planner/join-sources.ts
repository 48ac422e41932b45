/**
 * The sources of a join as its expressions see them: each source under its alias, the columns it
 * offers (its schema, ROWTIME, ROWPARTITION, ROWOFFSET and, when windowed, WINDOWSTART and
 * WINDOWEND), and where its input row sits inside the joined row.
 *
 * The joined row is `[key section, input row of source 0, input row of source 1, ...]`: the key
 * section holds the join's result key (one slot, or the left table's key columns for a
 * foreign-key join), each input row keeps the layout of src/planner/input-row.ts.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { DataSource } from '../catalog/source.js';
import { KsqlStatementError } from '../errors.js';
import { semanticError } from '../engine/expressions/compile-errors.js';
import type * as ast from '../sql/ast.js';
import type { SqlType } from '../sql/types.js';
import { PSEUDO_COLUMNS, WINDOW_COLUMNS } from './input-row.js';

export interface JoinColumn {
  readonly name: string;
  readonly type: SqlType;
  /** Position in the joined row. */
  readonly at: number;
}

export interface JoinSource {
  /** The name expressions qualify it with: its alias, or its own name. */
  readonly alias: string;
  readonly source: DataSource;
  /** Position in the plan's inputs (FROM first, then each JOIN in order). */
  readonly input: number;
  /** Where its input row starts in the joined row. */
  readonly offset: number;
  readonly width: number;
  readonly windowed: boolean;
  readonly columns: ReadonlyMap<string, JoinColumn>;
}

/** `ALIAS_COL`: how ksqlDB names a source's column inside a join (ColumnNames#generatedJoinColumnAlias). */
export function joinColumnName(alias: string, column: string): string {
  return `${alias}_${column}`;
}

export class JoinSources {
  readonly list: readonly JoinSource[];
  /** Slots before the first input row (the result key). */
  readonly keyWidth: number;
  readonly width: number;

  constructor(list: JoinSource[], keyWidth: number) {
    this.list = list;
    this.keyWidth = keyWidth;
    const last = list[list.length - 1]!;
    this.width = last.offset + last.width;
  }

  /** A source by the qualifier an expression uses: its alias, else its name. */
  byQualifier(qualifier: string): JoinSource | undefined {
    return this.list.find((s) => s.alias === qualifier) ?? this.list.find((s) => s.source.name === qualifier);
  }

  /** The sources that have a column of that name. */
  withColumn(name: string): JoinSource[] {
    return this.list.filter((s) => s.columns.has(name));
  }

  /**
   * Whether an unaliased reference to this column is named `ALIAS_COL` rather than `COL`: pseudo
   * columns always are, other columns when several sources have them (ksqlDB's AstSanitizer).
   */
  isClashing(name: string): boolean {
    if (PSEUDO_COLUMNS.some((p) => p.name === name)) return true;
    return this.list.filter((s) => s.source.schema.find(name) !== undefined).length > 1;
  }

  /** Every source column name, for KSQL_COL_n and synthetic key naming. */
  allColumnNames(): string[] {
    return this.list.flatMap((s) => s.source.schema.columns.map((c) => c.name));
  }
}

/**
 * Resolves FROM and each JOIN's source in order, refusing a source joined twice as ksqlDB's
 * Analyzer does (a self join, or a repeated source in an n-way join).
 */
export function joinSources(query: ast.Query, catalog: Catalog): JoinSources {
  const relations = [query.from, ...query.joins.map((j) => j.right)];
  const from = sourceOf(query.from, catalog);
  const keyWidth = Math.max(1, from.schema.key.length);
  const list: JoinSource[] = [];
  let offset = keyWidth;
  relations.forEach((rel, input) => {
    const source = input === 0 ? from : sourceOf(rel, catalog);
    const seen = list.find((s) => s.source.name === source.name);
    if (seen) {
      throw new KsqlStatementError(
        list.length > 1
          ? `N-way joins do not support multiple occurrences of the same source. Source: '${source.name}'.`
          : `Can not join '${source.name}' to '${seen.source.name}': self joins are not yet supported.`,
      );
    }
    const entry = sourceEntry(rel, source, input, offset);
    list.push(entry);
    offset += entry.width;
  });
  return new JoinSources(list, keyWidth);
}

function sourceOf(rel: ast.Relation, catalog: Catalog): DataSource {
  const source = catalog.getSource(rel.name);
  if (!source) throw semanticError(rel.loc, `${rel.name} does not exist.`);
  return source;
}

function sourceEntry(rel: ast.Relation, source: DataSource, input: number, offset: number): JoinSource {
  const windowed = source.windowType !== undefined;
  const columns = new Map<string, JoinColumn>();
  const add = (name: string, type: SqlType): void => {
    columns.set(name, { name, type, at: offset + columns.size });
  };
  for (const c of source.schema.columns) add(c.name, c.type);
  for (const p of PSEUDO_COLUMNS) add(p.name, p.type);
  if (windowed) for (const w of WINDOW_COLUMNS) add(w.name, w.type);
  return { alias: rel.alias ?? rel.name, source, input, offset, width: columns.size, windowed, columns };
}
