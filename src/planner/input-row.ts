/**
 * The layout of the row a query's expressions read: the source's columns in schema order (key,
 * value, headers), then the pseudo columns ROWTIME, ROWPARTITION and ROWOFFSET.
 */
import type { LogicalSchema } from '../catalog/schema.js';
import type { RowScope } from '../engine/expressions/compiled.js';
import { BIGINT, INTEGER, type SqlType } from '../sql/types.js';

export const PSEUDO_COLUMNS: readonly { name: string; type: SqlType }[] = [
  { name: 'ROWTIME', type: BIGINT },
  { name: 'ROWPARTITION', type: INTEGER },
  { name: 'ROWOFFSET', type: BIGINT },
];

export class InputRowScope implements RowScope {
  private readonly index = new Map<string, { index: number; type: SqlType }>();
  readonly width: number;

  constructor(
    readonly schema: LogicalSchema,
    private readonly sourceNames: readonly string[],
  ) {
    schema.columns.forEach((c, i) => this.index.set(c.name, { index: i, type: c.type }));
    PSEUDO_COLUMNS.forEach((p, i) => this.index.set(p.name, { index: schema.columns.length + i, type: p.type }));
    this.width = schema.columns.length + PSEUDO_COLUMNS.length;
  }

  get rowtimeIndex(): number {
    return this.schema.columns.length;
  }

  resolve(source: string | undefined, name: string): { index: number; type: SqlType } | undefined {
    if (source !== undefined && !this.sourceNames.includes(source)) return undefined;
    return this.index.get(name);
  }

  describe(): string {
    return [...this.index.keys()].join(', ');
  }
}
