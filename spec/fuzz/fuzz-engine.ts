/**
 * An engine for a stretch of fuzz inputs, set up with the statements and records of one corpus
 * case, and the way each input reaches it: through the calls the `/ksql` endpoint makes
 * (executeKsql, then every entity rendered and serialized) or those of `/query-stream`
 * (prepareStream, then the query started and closed at once, or run to its end).
 */
import { encodeLogical } from '../../src/catalog/formats/logical-values.js';
import { Engine, type PreparedStream } from '../../src/engine/engine.js';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/gateway.js';
import { renderEntity } from '../../src/protocol/ksql/entities.js';
import { typeToString } from '../../src/sql/types.js';
import { MemoryTopicStore } from '../../src/store/memory/memory-topic-store.js';
import type { ProducerRecord } from '../../src/store/topic-log.js';
import type { CorpusCase, InputRecord } from './corpus.js';
import { FuzzLineSink, FuzzQuerySink } from './fuzz-sinks.js';
import { problemWith } from './verdict.js';

export interface FuzzInput {
  readonly index: number;
  readonly text: string;
  readonly endpoint: 'ksql' | 'query-stream';
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * Every engine also has the stream `S` and the table `T` that the statements of spec/sql name,
 * with columns of every kind and a few rows, and a stream and a table to join them with.
 */
const BASE_SETUP = `
  CREATE STREAM S (ID INT KEY, K STRING, V STRING, A INT, B INT, C BIGINT, D DOUBLE, X STRING, Y BOOLEAN,
    DEC DECIMAL(4, 2), TS TIMESTAMP, DT DATE, TM TIME, BS BYTES, ARR ARRAY<INT>, M MAP<STRING, INT>,
    ST STRUCT<F INT, G STRING>) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=2);
  INSERT INTO S (ID, K, V, A, B, C, D, X, Y, DEC, ARR, M, ST) VALUES (1, 'k1', 'v', 1, 2, 3, 1.5, 'x', true, 1.25,
    ARRAY[1, 2], MAP('a' := 1), STRUCT(F := 1, G := 'g'));
  INSERT INTO S (ID, K, A, D) VALUES (2, 'k2', -7, -0.0);
  INSERT INTO S (ID) VALUES (3);
  CREATE TABLE T AS SELECT K, COUNT(*) AS CNT, SUM(A) AS SA, LATEST_BY_OFFSET(V) AS LV FROM S GROUP BY K;
  CREATE STREAM S2 (ID INT KEY, V STRING, N BIGINT) WITH (KAFKA_TOPIC='s2', VALUE_FORMAT='JSON', PARTITIONS=2);
  CREATE TABLE TT (ID INT PRIMARY KEY, NAME STRING, N BIGINT) WITH (KAFKA_TOPIC='tt', VALUE_FORMAT='JSON', PARTITIONS=2);
  INSERT INTO S2 (ID, V, N) VALUES (1, 'w', 10);
  INSERT INTO TT (ID, NAME, N) VALUES (1, 'one', 1);`;

/** Small retention and few push queries keep one engine's memory bounded whatever the inputs do. */
const RETENTION = { maxRecords: 500, maxBytes: 1024 * 1024 };
const MAX_INPUT_RECORDS = 50;

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FuzzEngine {
  private constructor(
    readonly engine: Engine,
    private readonly store: MemoryTopicStore,
  ) {}

  static async open(context: CorpusCase): Promise<FuzzEngine> {
    const store = new MemoryTopicStore({ defaultRetention: RETENTION });
    const engine = new Engine(store, { ...DEFAULT_ENGINE_OPTIONS, defaultOffsetReset: 'earliest', maxPushQueries: 20 });
    await engine.executeKsql(BASE_SETUP);
    for (const t of context.topics ?? []) await store.create(t.name, { partitions: t.partitions ?? 1 }).catch(() => undefined);
    for (const statement of context.statements) await engine.executeKsql(statement).catch(() => undefined);
    await produce(engine, context.inputs.slice(0, MAX_INPUT_RECORDS));
    await tick();
    return new FuzzEngine(engine, store);
  }

  /** Undefined when the engine answered properly; otherwise what went wrong. */
  async run(input: FuzzInput): Promise<string | undefined> {
    try {
      return input.endpoint === 'ksql' ? await this.ksql(input) : await this.queryStream(input);
    } catch (err) {
      return problemWith(err);
    }
  }

  /**
   * A request that fails must leave nothing behind: no source or topic of its own (queries may
   * end by themselves meanwhile, so they are not compared).
   */
  private async ksql(input: FuzzInput): Promise<string | undefined> {
    const before = this.state();
    let executed;
    try {
      executed = await this.engine.executeKsql(input.text, input.variables, input.properties);
    } catch (err) {
      const after = this.state();
      return problemWith(err) ?? (after === before ? undefined : `half applied: ${before} became ${after}`);
    }
    const ctx = {
      commandSequence: () => this.engine.nextCommandSequence(),
      partitionsOf: (topic: string) => this.store.get(topic)?.partitions ?? 0,
    };
    JSON.stringify(executed.map((e) => renderEntity(e, ctx)).filter((e) => e !== undefined));
    return undefined;
  }

  /** The names of the sources and topics. */
  private state(): string {
    const sources = this.engine.catalog.listSources().map((s) => s.name);
    const topics = this.store.list().map((t) => t.name);
    return JSON.stringify({ sources, topics });
  }

  private async queryStream(input: FuzzInput): Promise<string | undefined> {
    const prepared = this.engine.prepareStream(input.text, input.variables, input.properties);
    if (prepared.kind === 'print') return printAndClose(prepared);
    prepared.plan.columns.forEach((c) => typeToString(c.type));
    const sink = new FuzzQuerySink(prepared.plan.columns.map((c) => c.type));
    if (prepared.kind === 'pull') {
      await prepared.run(sink);
      return sink.problem;
    }
    return this.pushAndClose(prepared, sink);
  }

  /** A push query reads what is there for a moment, then its client goes away. */
  private async pushAndClose(prepared: PreparedStream & { kind: 'push' }, sink: FuzzQuerySink): Promise<string | undefined> {
    prepared.start(sink);
    await tick();
    this.engine.queries.get(prepared.queryId)?.close();
    sink.close();
    await tick();
    return sink.problem;
  }

  async close(): Promise<void> {
    await this.engine.close();
    await this.store.close();
  }
}

async function printAndClose(prepared: PreparedStream & { kind: 'print' }): Promise<undefined> {
  const sink = new FuzzLineSink();
  prepared.start(sink);
  await tick();
  sink.close();
  return undefined;
}

/** The case's input records, encoded in the formats of the sources over their topics. */
async function produce(engine: Engine, inputs: readonly InputRecord[]): Promise<void> {
  for (const input of inputs) {
    const topic = engine.store.get(input.topic);
    const source = engine.catalog.sourcesOnTopic(input.topic)[0];
    if (!topic || !source) continue;
    try {
      const record: ProducerRecord = {
        key: encodeLogical({ format: source.keyFormat, columns: source.schema.key }, input.key),
        value: encodeLogical({ format: source.valueFormat, columns: source.schema.value }, input.value),
        ...(typeof input.timestamp === 'number' ? { timestamp: input.timestamp } : {}),
      };
      await topic.append(record);
    } catch {
      // A record this source cannot encode is left out; the fuzz is about statements.
    }
  }
}
