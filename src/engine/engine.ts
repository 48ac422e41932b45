/**
 * The engine's face towards the protocol layer: statements for `/ksql`, queries and PRINT for
 * `/query-stream`, insert targets for `/inserts-stream`. It owns the catalog, the running
 * queries and the topic store; it knows nothing of HTTP.
 */
import { Catalog } from '../catalog/catalog.js';
import type { DataSource } from '../catalog/source.js';
import { ErrorCode, KsqlError, KsqlStatementError } from '../errors.js';
import { planSelect } from '../planner/plan-select.js';
import { planPullQuery, type PullQueryPlan } from '../planner/pull-plan.js';
import { pullSettings, type PullSettings } from '../planner/pull-settings.js';
import type { OutputColumn, QueryPlan } from '../planner/query-plan.js';
import type * as ast from '../sql/ast.js';
import { resolveIdentifier } from '../sql/identifiers.js';
import { parseSingle } from '../sql/parse.js';
import { VariableScope } from '../sql/variables.js';
import type { StartPosition, TopicLog, TopicStore } from '../store/topic-log.js';
import { BoundedCache } from './bounded-cache.js';
import { startPrint, type LineSink } from './print-topic.js';
import { runStreamPullQuery, runTablePullQuery } from './pull-query.js';
import { MaterializedTable } from './materialized-table.js';
import { startPushQuery } from './push-query.js';
import { isShareable, shareKey, SharedPushQueries } from './shared-push-query.js';
import { pullQueryId, scalablePushQueryId, transientQueryId } from './query-ids.js';
import { QueryRegistry } from './query-registry.js';
import type { ExecutedStatement } from './results.js';
import type { QuerySink } from './sink.js';
import type { ExecContext } from './statements/context.js';
import { executeScript } from './statements/execute.js';
import { SandboxTopics, StoreTopics } from './topic-view.js';
import { TopicSink } from './topic-sink.js';
import { unknownTargetMessage } from './unknown-target.js';
import type { PersistentQueryRequest, PersistentRuntime } from './statements/persistent-runtime.js';

export type OffsetReset = 'earliest' | 'latest';

export interface EngineOptions {
  /** Where push queries start without an `auto.offset.reset` property (ksqlDB: latest). */
  readonly defaultOffsetReset: OffsetReset;
  /** Most concurrent push queries; past it 40003 (ksqlDB's ksql.max.push.queries). */
  readonly maxPushQueries: number;
  /**
   * ksql.query.push.v2.enabled: a push query from `latest` over the output of a persistent query
   * runs as a scalable push query (id `SCALABLE_PUSH_QUERY_…`, not closable by id).
   */
  readonly scalablePushQueries: boolean;
  /** ksql.query.pull.*.enabled: what pull queries may do, unless a request's properties say otherwise. */
  readonly pullQueries: PullSettings;
}

export type Properties = Readonly<Record<string, unknown>>;
export type Variables = Readonly<Record<string, unknown>>;

export type PreparedStream =
  | {
      readonly kind: 'push';
      readonly queryId: string;
      readonly plan: QueryPlan;
      readonly scalable: boolean;
      start(sink: QuerySink): void;
    }
  | { readonly kind: 'pull'; readonly queryId: string; readonly plan: QueryPlan; run(sink: QuerySink): Promise<void> }
  | { readonly kind: 'print'; start(sink: LineSink): void };

export class Engine implements PersistentRuntime {
  readonly catalog = new Catalog();
  readonly queries = new QueryRegistry();
  private readonly materialized = new Map<string, MaterializedTable>();
  private readonly shutdown = new AbortController();
  private readonly held = new Set<Promise<unknown>>();
  /** Query plans by statement text, variables, properties and catalog version. */
  private readonly plans = new BoundedCache<string, CachedPlan>(1024);
  /** Running push queries that share one reader per distinct statement. */
  private readonly shared = new SharedPushQueries();
  private commandSequence = 0;

  constructor(
    readonly store: TopicStore,
    readonly options: EngineOptions,
  ) {}

  /** `/ksql`: all statements validated, then run; the variables live for this request only. */
  async executeKsql(sql: string, variables: Variables = {}, properties: Properties = {}): Promise<ExecutedStatement[]> {
    const props = new Map(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    const storeTopics = new StoreTopics(this.store);
    const context = (catalog: Catalog, dryRun: boolean): ExecContext => ({
      catalog,
      topics: dryRun ? new SandboxTopics(storeTopics) : storeTopics,
      dryRun,
      variables: VariableScope.from(variables, false),
      properties: new Map(props),
      queries: this.queries,
      store: this.store,
      runtime: this,
    });
    return executeScript(sql, context(this.catalog.sandbox(), true), context(this.catalog, false));
  }

  nextCommandSequence(): number {
    return ++this.commandSequence;
  }

  /** Push queries running together: distinct statements, and the subscribers served by them. */
  get sharedPush(): { readonly statements: number; readonly subscribers: number } {
    return this.shared.stats();
  }

  get defaultOffsetReset(): OffsetReset {
    return this.options.defaultOffsetReset;
  }

  materialize(source: DataSource): void {
    this.dematerialize(source.name);
    this.materialized.set(source.name, new MaterializedTable(source, this.topicOf(source)));
  }

  dematerialize(name: string): void {
    this.materialized.get(name)?.close();
    this.materialized.delete(name);
  }

  /** Runs a CSAS / INSERT INTO ... SELECT until it is terminated. */
  startPersistentQuery(request: PersistentQueryRequest): void {
    const { id, plan, sink, statementText, offsetReset, properties } = request;
    const sinkTopic = this.topicOf(sink);
    const handle = startPushQuery(plan, this.topicsOf(plan), { from: offsetReset }, new TopicSink(sink, sinkTopic, plan.columns, plan.rekeyed === true || plan.aggregation !== undefined), {
      streamNulls: true,
    });
    this.queries.add({
      id,
      type: 'PERSISTENT',
      statementText,
      sources: plan.inputs.map((s) => s.name),
      sink,
      plan,
      properties,
      startedAt: Date.now(),
      close: () => handle.close(),
    });
    void handle.done.finally(() => this.queries.remove(id));
    if (sink.type === 'TABLE') this.materialize(sink);
  }

  /** `/query-stream`: exactly one SELECT or PRINT, with case-sensitive variables. */
  prepareStream(sql: string, variables: Variables = {}, properties: Properties = {}): PreparedStream {
    // Queries repeat: the same text against the same catalog plans the same way.
    const cacheKey = `${this.catalog.version}\u0000${sql}\u0000${JSON.stringify(variables)}\u0000${JSON.stringify(properties)}`;
    const cached = this.plans.get(cacheKey);
    if (cached?.kind === 'pull') return this.preparePull(cached.planned);
    if (cached?.kind === 'push') {
      this.topicOf(cached.plan.source); // the topic may have gone since (the topic API can delete it)
      return this.preparePush(cached.plan, cached.reset, cached.properties);
    }
    const scope = VariableScope.from(variables, true);
    const stmt = parseSingle(sql, scope.size > 0 ? scope : undefined);
    if (stmt.kind === 'Print') return this.preparePrint(stmt, properties);
    if (stmt.kind !== 'Query') throw new KsqlStatementError('Neither a query nor a print statement', sql);
    const props = new Map(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    if (!stmt.emit) {
      const planned = planPullQuery(stmt, this.catalog, pullSettings(this.options.pullQueries, props), props);
      this.plans.set(cacheKey, { kind: 'pull', planned });
      return this.preparePull(planned);
    }
    const plan = planSelect(stmt, this.catalog, { properties: props });
    this.topicOf(plan.source); // a source whose topic is gone fails here, before the query starts
    const reset = offsetReset(properties, this.options.defaultOffsetReset);
    // Only plans without state are reused: each run of a stateful plan starts its own state.
    if (isShareable(plan)) this.plans.set(cacheKey, { kind: 'push', plan, reset, properties: props });
    return this.preparePush(plan, reset, props);
  }

  /** A pull query: a scan of a stream's topic, or a read of a table's materialized state. */
  private preparePull({ plan, access }: PullQueryPlan): PreparedStream {
    const topic = this.topicOf(plan.source);
    if (plan.source.type !== 'TABLE') return { kind: 'pull', queryId: pullQueryId(), plan, run: (sink) => runStreamPullQuery(plan, topic, sink) };
    const table = this.materialized.get(plan.source.name);
    if (!table) {
      const name = plan.source.name;
      throw new KsqlStatementError(
        `The \`${name}\` table isn't queryable. To derive a queryable table, you can do 'CREATE TABLE QUERYABLE_${name} AS SELECT * FROM ${name}'. See https://cnfl.io/queries for more info.\nAdd EMIT CHANGES if you intended to issue a push query.`,
      );
    }
    return { kind: 'pull', queryId: pullQueryId(), plan, run: (sink) => runTablePullQuery(plan, access ?? { kind: 'scan' }, table, sink) };
  }

  private preparePush(plan: QueryPlan, reset: OffsetReset, properties: ReadonlyMap<string, string>): PreparedStream {
    if (this.queries.pushCount >= this.options.maxPushQueries) {
      throw new KsqlError(ErrorCode.MAX_PUSH_QUERIES_EXCEEDED, 'Maximum number of push queries exceeded', 400);
    }
    const start: StartPosition = { from: reset };
    if (this.isScalable(plan, reset)) {
      return {
        kind: 'push',
        queryId: scalablePushQueryId(),
        plan,
        scalable: true,
        start: (sink) => void startPushQuery(plan, this.topicsOf(plan), start, sink, { requireKey: true }),
      };
    }
    const queryId = transientQueryId(plan.source.name);
    return {
      kind: 'push',
      queryId,
      plan,
      scalable: false,
      start: (sink) => {
        const handle =
          reset === 'latest' && isShareable(plan)
            ? this.shared.subscribe(shareKey(plan, properties), plan, this.topicOf(plan.source), sink)
            : startPushQuery(plan, this.topicsOf(plan), start, sink);
        this.queries.add({
          id: queryId,
          type: 'PUSH',
          statementText: plan.statementText,
          sources: plan.inputs.map((s) => s.name),
          plan,
          properties: Object.fromEntries(properties),
          startedAt: Date.now(),
          close: () => handle.close(),
        });
        void handle.done.finally(() => this.queries.remove(queryId));
      },
    };
  }

  /** ksqlDB runs a push query as scalable when v2 is on, it reads from latest, and its source is a persistent query's output. */
  private isScalable(plan: QueryPlan, reset: OffsetReset): boolean {
    return this.options.scalablePushQueries && reset === 'latest' && this.queries.writersOf(plan.source.name).length > 0;
  }

  private preparePrint(stmt: ast.Print, properties: Properties): PreparedStream {
    const topic = this.store.get(stmt.topic) ?? this.store.list().find((t) => t.name.toLowerCase() === stmt.topic.toLowerCase());
    if (!topic) throw new KsqlError(ErrorCode.BAD_STATEMENT, `Topic does not exist: ${stmt.topic}`, 400);
    const reset = stmt.fromBeginning ? 'earliest' : offsetReset(properties, 'latest');
    return {
      kind: 'print',
      start: (sink) => {
        startPrint(topic, { start: { from: reset }, interval: stmt.interval ?? 1, limit: stmt.limit }, sink);
      },
    };
  }

  private topicsOf(plan: QueryPlan): TopicLog[] {
    return plan.inputs.map((s) => this.topicOf(s));
  }

  topicOf(source: DataSource): TopicLog {
    const topic = this.store.get(source.topic);
    if (!topic) throw new KsqlStatementError(`Kafka topic does not exist: ${source.topic}`);
    return topic;
  }

  /** `/inserts-stream` target resolution (protocol spec §5.2). */
  insertTarget(target: string): DataSource {
    const name = resolveIdentifier(target);
    const source = this.catalog.getSource(name);
    if (!source) {
      throw new KsqlError(ErrorCode.BAD_STATEMENT, unknownTargetMessage(name, this.catalog), 400);
    }
    if (source.windowType) throw new KsqlError(ErrorCode.BAD_STATEMENT, 'Cannot insert values into windowed stream/table', 400);
    if (source.isSource) throw new KsqlError(ErrorCode.BAD_STATEMENT, `Cannot insert values into read-only topic: ${source.topic}`, 400);
    return source;
  }

  /** Aborted when the server starts shutting down: long-running requests finish what they hold. */
  get closing(): AbortSignal {
    return this.shutdown.signal;
  }

  /**
   * Work that must finish before the server goes down (an insert stream acking what it took);
   * close() waits for it, up to a second.
   */
  holdShutdown(work: Promise<unknown>): void {
    this.held.add(work);
    void work.finally(() => this.held.delete(work));
  }

  async close(): Promise<void> {
    this.shutdown.abort();
    const held = Promise.allSettled([...this.held]);
    await Promise.race([held, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    this.queries.closeAll();
    for (const name of [...this.materialized.keys()]) this.dematerialize(name);
  }

}

type CachedPlan =
  | { readonly kind: 'pull'; readonly planned: PullQueryPlan }
  | { readonly kind: 'push'; readonly plan: QueryPlan; readonly reset: OffsetReset; readonly properties: ReadonlyMap<string, string> };

/** Push queries start at `auto.offset.reset` from the request properties, else the server default. */
function offsetReset(properties: Properties, fallback: OffsetReset): OffsetReset {
  const value = properties['auto.offset.reset'] ?? properties['ksql.streams.auto.offset.reset'];
  if (value === undefined || value === null) return fallback;
  const v = String(value).toLowerCase();
  if (v !== 'earliest' && v !== 'latest') {
    throw new KsqlError(ErrorCode.BAD_REQUEST, `Invalid value ${String(value)} for configuration auto.offset.reset: String must be one of: latest, earliest, none`, 400);
  }
  return v;
}

export type { OutputColumn };
