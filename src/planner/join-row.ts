/**
 * The scope of expressions over a joined row: each source's columns under their `ALIAS_COL`
 * names (see src/planner/join-expressions.ts for the rewrite), and the synthetic key column
 * (ROWKEY) when the join has one, read from the row's key section.
 */
import type { ResolvedColumn, RowScope } from '../engine/expressions/compiled.js';
import type { SqlType } from '../sql/types.js';
import { joinColumnName, type JoinSources } from './join-sources.js';

export class JoinRowScope implements RowScope {
  private readonly index = new Map<string, ResolvedColumn>();

  constructor(sources: JoinSources, syntheticKey?: { readonly name: string; readonly type: SqlType }) {
    for (const s of sources.list) {
      for (const c of s.columns.values()) {
        const at = c.at;
        this.index.set(joinColumnName(s.alias, c.name), { type: c.type, read: (row) => row[at] });
      }
    }
    if (syntheticKey) this.index.set(syntheticKey.name, { type: syntheticKey.type, read: (row) => row[0] });
  }

  resolve(source: string | undefined, name: string): ResolvedColumn | undefined {
    return source === undefined ? this.index.get(name) : undefined;
  }

  describe(): string {
    return [...this.index.keys()].join(', ');
  }
}
