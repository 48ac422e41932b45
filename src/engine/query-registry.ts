/**
 * The running transient push queries, server-wide (ksqlDB's PushQueryHolder): `/close-query`
 * and TERMINATE find them here, SHOW QUERIES lists them. A query leaves the registry the moment
 * it ends, whatever ended it.
 */
export interface RunningQuery {
  readonly id: string;
  readonly statementText: string;
  readonly sourceName: string;
  readonly startedAt: number;
  /** Ends the query normally (the client sees a clean end of stream). */
  close(): void;
}

export class QueryRegistry {
  private readonly queries = new Map<string, RunningQuery>();

  add(query: RunningQuery): void {
    this.queries.set(query.id, query);
  }

  remove(id: string): void {
    this.queries.delete(id);
  }

  get(id: string): RunningQuery | undefined {
    return this.queries.get(id);
  }

  list(): RunningQuery[] {
    return [...this.queries.values()];
  }

  get size(): number {
    return this.queries.size;
  }

  closeAll(): void {
    for (const q of this.list()) q.close();
  }
}
