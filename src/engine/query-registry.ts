import type { DataSource } from '../catalog/source.js';
import type { QueryPlan } from '../planner/query-plan.js';

/**
 * Running queries, server-wide: transient push queries (ksqlDB's PushQueryHolder: `/close-query`
 * and TERMINATE find them) and persistent queries (CSAS, INSERT INTO ... SELECT). SHOW QUERIES
 * lists both. A query leaves the registry the moment it ends, whatever ended it.
 */
export interface RunningQuery {
  readonly id: string;
  readonly type: 'PUSH' | 'PERSISTENT';
  readonly statementText: string;
  /** The sources it reads. */
  readonly sources: readonly string[];
  /** A persistent query's sink. */
  readonly sink?: DataSource;
  /** What it runs, for EXPLAIN and SHOW QUERIES EXTENDED. */
  readonly plan: QueryPlan;
  /** The request's and SET's properties it was started with (ksqlDB's overriddenProperties). */
  readonly properties: Readonly<Record<string, string>>;
  readonly startedAt: number;
  /** Ends the query (a push query's client sees a clean end of stream). */
  close(): void;
}

export class QueryRegistry {
  private readonly queries = new Map<string, RunningQuery>();
  private persistentCount = 0;
  private readonly running = { PUSH: 0, PERSISTENT: 0 };

  add(query: RunningQuery): void {
    this.remove(query.id);
    this.queries.set(query.id, query);
    this.running[query.type]++;
  }

  remove(id: string): void {
    const query = this.queries.get(id);
    if (!query) return;
    this.queries.delete(id);
    this.running[query.type]--;
  }

  get(id: string): RunningQuery | undefined {
    return this.queries.get(id);
  }

  list(): RunningQuery[] {
    return [...this.queries.values()];
  }

  /** Transient push queries only. */
  get pushCount(): number {
    return this.running.PUSH;
  }

  get size(): number {
    return this.queries.size;
  }

  /** Persistent query ids count up from 0 per server, as in ksqlDB's tests (`CSAS_OUTPUT_0`). */
  nextPersistentId(prefix: string): string {
    return `${prefix}_${this.persistentCount++}`;
  }

  /** The id the next persistent query would get, left untaken (what EXPLAIN of a CSAS shows). */
  peekPersistentId(prefix: string): string {
    return `${prefix}_${this.persistentCount}`;
  }

  readersOf(source: string): RunningQuery[] {
    return this.list().filter((q) => q.type === 'PERSISTENT' && q.sources.includes(source));
  }

  writersOf(source: string): RunningQuery[] {
    return this.list().filter((q) => q.type === 'PERSISTENT' && q.sink?.name === source);
  }

  closeAll(type?: 'PUSH' | 'PERSISTENT'): void {
    for (const q of this.list()) if (type === undefined || q.type === type) q.close();
  }
}
