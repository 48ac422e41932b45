/**
 * A source's logical schema: key columns, then value columns, then header columns, as ksqlDB's
 * LogicalSchema orders them. Column names are stored resolved (see src/sql/ast.ts).
 */
import { typeToString, type SqlType } from '../sql/types.js';

export type ColumnNamespace = 'KEY' | 'VALUE' | 'HEADER';

export interface Column {
  readonly name: string;
  readonly type: SqlType;
  readonly namespace: ColumnNamespace;
  /** For a `HEADER('k')` column; a `HEADERS` column has none (it holds every header). */
  readonly headerKey?: string;
}

export class LogicalSchema {
  readonly key: readonly Column[];
  readonly value: readonly Column[];
  readonly headers: readonly Column[];
  private readonly byName: ReadonlyMap<string, Column>;

  constructor(readonly columns: readonly Column[]) {
    this.key = columns.filter((c) => c.namespace === 'KEY');
    this.value = columns.filter((c) => c.namespace === 'VALUE');
    this.headers = columns.filter((c) => c.namespace === 'HEADER');
    this.byName = new Map(columns.map((c) => [c.name, c]));
  }

  find(name: string): Column | undefined {
    return this.byName.get(name);
  }

  indexOf(name: string): number {
    return this.columns.findIndex((c) => c.name === name);
  }

  /**
   * ksqlDB's schema text (LogicalSchema#toString): `` `K` STRING KEY, `V` INTEGER ``; `withKeys`
   * false drops the KEY markers, as push query headers do.
   */
  toString(withKeys = true): string {
    return this.columns.map((c) => columnToString(c, withKeys)).join(', ');
  }
}

function columnToString(c: Column, withKeys: boolean): string {
  const base = `\`${c.name}\` ${typeToString(c.type)}`;
  if (c.namespace === 'KEY' && withKeys) return `${base} KEY`;
  if (c.namespace === 'HEADER') return c.headerKey === undefined ? `${base} HEADERS` : `${base} HEADER('${c.headerKey}')`;
  return base;
}
