/**
 * The layout of the row a query's expressions read: the source's columns in schema order (key,
 * value, headers), then the pseudo columns ROWTIME, ROWPARTITION and ROWOFFSET.
 */
import type { LogicalSchema } from '../catalog/schema.js';
import type { ResolvedColumn, RowScope } from '../engine/expressions/compiled.js';
import { BIGINT, INTEGER, type SqlType } from '../sql/types.js';

export const PSEUDO_COLUMNS: readonly { name: string; type: SqlType }[] = [
  { name: 'ROWTIME', type: BIGINT },
  { name: 'ROWPARTITION', type: INTEGER },
  { name: 'ROWOFFSET', type: BIGINT },
];

export class InputRowScope implements RowScope {
  private readonly index = new Map<string, ResolvedColumn>();
  readonly width: number;

  constructor(
    readonly schema: LogicalSchema,
    private readonly sourceNames: readonly string[],
  ) {
    schema.columns.forEach((c, i) => this.index.set(c.name, { type: c.type, read: (row) => row[i] }));
    PSEUDO_COLUMNS.forEach((p, i) => {
      const at = schema.columns.length + i;
      this.index.set(p.name, { type: p.type, read: (row) => row[at] });
    });
    this.width = schema.columns.length + PSEUDO_COLUMNS.length;
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
