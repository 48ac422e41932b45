/**
 * The metastore: streams, tables and custom types by name. `/ksql` validates a whole request
 * against a sandbox copy before executing anything (protocol spec §6.2), so copying is cheap:
 * maps of immutable entries.
 */
import type { SqlType } from '../sql/types.js';
import type { DataSource } from './source.js';

export class Catalog {
  private readonly sources: Map<string, DataSource>;
  private readonly types: Map<string, SqlType>;
  private changes = 0;

  constructor(sources?: Map<string, DataSource>, types?: Map<string, SqlType>) {
    this.sources = new Map(sources);
    this.types = new Map(types);
  }

  /** Grows with every change: what was planned against an older version may be stale. */
  get version(): number {
    return this.changes;
  }

  sandbox(): Catalog {
    return new Catalog(this.sources, this.types);
  }

  getSource(name: string): DataSource | undefined {
    return this.sources.get(name);
  }

  /** Case-insensitive lookup, for "did you mean" hints. */
  findSourceIgnoringCase(name: string): DataSource | undefined {
    const upper = name.toUpperCase();
    for (const s of this.sources.values()) if (s.name.toUpperCase() === upper) return s;
    return undefined;
  }

  putSource(source: DataSource): void {
    this.changes++;
    this.sources.set(source.name, source);
  }

  removeSource(name: string): boolean {
    this.changes++;
    return this.sources.delete(name);
  }

  listSources(): DataSource[] {
    return [...this.sources.values()];
  }

  /** Sources over a topic, oldest first. */
  sourcesOnTopic(topic: string): DataSource[] {
    return this.listSources().filter((s) => s.topic === topic);
  }

  getType(name: string): SqlType | undefined {
    return this.types.get(name);
  }

  putType(name: string, type: SqlType): void {
    this.changes++;
    this.types.set(name, type);
  }

  removeType(name: string): boolean {
    this.changes++;
    return this.types.delete(name);
  }

  listTypes(): [string, SqlType][] {
    return [...this.types.entries()];
  }
}
