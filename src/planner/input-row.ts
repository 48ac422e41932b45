/**
 * The layout of the row a query's expressions read: the source's columns in schema order (key,
 * value, headers), then the pseudo columns ROWTIME, ROWPARTITION and ROWOFFSET, then for a
 * windowed source its window bounds WINDOWSTART and WINDOWEND.
 */
import type { LogicalSchema } from '../catalog/schema.js';
import type { ResolvedColumn, RowScope } from '../engine/expressions/compiled.js';
import { BIGINT, INTEGER, type SqlType } from '../sql/types.js';

export const PSEUDO_COLUMNS: readonly { name: string; type: SqlType }[] = [
  { name: 'ROWTIME', type: BIGINT },
  { name: 'ROWPARTITION', type: INTEGER },
  { name: 'ROWOFFSET', type: BIGINT },
];

export const WINDOW_COLUMNS: readonly { name: string; type: SqlType }[] = [
  { name: 'WINDOWSTART', type: BIGINT },
  { name: 'WINDOWEND', type: BIGINT },
];

export class InputRowScope implements RowScope {
  private readonly index = new Map<string, ResolvedColumn>();
  readonly width: number;

  constructor(
    readonly schema: LogicalSchema,
    private readonly sourceNames: readonly string[],
    readonly windowed = false,
  ) {
    schema.columns.forEach((c, i) => this.index.set(c.name, { type: c.type, read: (row) => row[i] }));
    const pseudo = windowed ? [...PSEUDO_COLUMNS, ...WINDOW_COLUMNS] : PSEUDO_COLUMNS;
    pseudo.forEach((p, i) => {
      const at = schema.columns.length + i;
      this.index.set(p.name, { type: p.type, read: (row) => row[at] });
    });
    this.width = schema.columns.length + pseudo.length;
  }

  /** Where WINDOWSTART sits in the row (WINDOWEND follows). */
  get windowStartIndex(): number {
    return this.schema.columns.length + PSEUDO_COLUMNS.length;
  }

  get rowtimeIndex(): number {
    return this.schema.columns.length;
  }

  resolve(source: string | undefined, name: string): ResolvedColumn | undefined {
    if (source !== undefined && !this.sourceNames.includes(source)) return undefined;
    return this.index.get(name);
  }

  describe(): string {
    return [...this.index.keys()].join(', ');
  }
}
