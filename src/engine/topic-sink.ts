/**
 * The sink of a persistent query: each output row becomes a record on the sink's topic, with the
 * input record's timestamp and headers (Kafka Streams carries both forward). Appends are awaited,
 * so a slow log holds the query back instead of queueing without bound.
 */
import { encodeWindowedKey } from '../catalog/formats/windowed-key.js';
import type { DataSource } from '../catalog/source.js';
import type { OutputColumn } from '../planner/query-plan.js';
import { partitionForKey } from '../store/partitioner.js';
import type { TopicLog } from '../store/topic-log.js';
import { encodeRecord } from './record-encoder.js';
import { timestampExtractor, type TimestampExtractor } from './timestamp-extractor.js';
import type { EndReason, OutputBatch, QuerySink, RowOrigin } from './sink.js';

export class TopicSink implements QuerySink {
  private isClosed = false;
  private listeners: (() => void)[] = [];
  /** The last failure, for SHOW QUERIES and logs. */
  failure: Error | undefined;
  private readonly extract: TimestampExtractor | undefined;

  constructor(
    private readonly sink: DataSource,
    private readonly topic: TopicLog,
    private readonly columns: readonly OutputColumn[],
    /** The query computes its key (PARTITION BY, GROUP BY): NULL key columns still form a key. */
    private readonly computedKey = false,
  ) {
    this.extract = timestampExtractor(sink);
  }

  async write(batch: OutputBatch): Promise<void> {
    for (const { values, tombstone, origin } of batch.rows) await this.append(values, tombstone, origin);
  }

  private async append(values: readonly unknown[], tombstone: boolean, origin: RowOrigin): Promise<void> {
    const named = new Map<string, unknown>();
    this.columns.forEach((c, i) => named.set(c.name, values[i]));
    const own = this.timestampOf(named);
    // A sink with a TIMESTAMP column drops a row whose column holds no valid time, as ksqlDB does.
    if (this.sink.timestampColumn !== undefined && (own === undefined || own < 0)) return;
    const record = encodeRecord(this.sink, named, own ?? origin.timestamp, this.computedKey);
    const windowType = this.sink.windowType;
    const windowed = origin.window !== undefined && windowType !== undefined;
    const key = windowed ? encodeWindowedKey(record.key, origin.window!, windowType!) : record.key;
    // Kafka Streams' WindowedStreamPartitioner hashes the key without its window.
    const partition = windowed && record.key !== null ? { partition: partitionForKey(record.key, this.topic.partitions) } : {};
    await this.topic.append({ ...record, key, value: tombstone ? null : record.value, headers: origin.headers, ...partition });
  }

  /** A sink with TIMESTAMP='col' takes each record's time from that column, read as sources read it. */
  private timestampOf(named: Map<string, unknown>): number | undefined {
    if (!this.extract) return undefined;
    return this.extract(this.sink.schema.columns.map((c) => named.get(c.name) ?? null));
  }

  end(_reason: EndReason): void {
    this.close();
  }

  fail(err: Error): void {
    this.failure = err;
    this.close();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  onClose(listener: () => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const l of this.listeners.splice(0)) l();
  }
}
