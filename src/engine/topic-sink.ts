/**
 * The sink of a persistent query: each output row becomes a record on the sink's topic, with the
 * input record's timestamp and headers (Kafka Streams carries both forward). Appends are awaited,
 * so a slow log holds the query back instead of queueing without bound.
 */
import type { DataSource } from '../catalog/source.js';
import type { OutputColumn } from '../planner/query-plan.js';
import type { TopicLog } from '../store/topic-log.js';
import { encodeRecord } from './record-encoder.js';
import type { EndReason, QuerySink, RowOrigin } from './sink.js';

export class TopicSink implements QuerySink {
  private isClosed = false;
  private listeners: (() => void)[] = [];
  /** The last failure, for SHOW QUERIES and logs. */
  failure: Error | undefined;

  constructor(
    private readonly sink: DataSource,
    private readonly topic: TopicLog,
    private readonly columns: readonly OutputColumn[],
  ) {}

  async row(values: readonly unknown[], tombstone: boolean, origin: RowOrigin): Promise<void> {
    const named = new Map<string, unknown>();
    this.columns.forEach((c, i) => named.set(c.name, values[i]));
    const timestamp = this.timestampOf(named) ?? origin.timestamp;
    const record = encodeRecord(this.sink, named, timestamp);
    await this.topic.append({ ...record, value: tombstone ? null : record.value, headers: origin.headers });
  }

  /** A sink with TIMESTAMP='col' takes each record's time from that column (BIGINT or TIMESTAMP). */
  private timestampOf(named: Map<string, unknown>): number | undefined {
    const column = this.sink.timestampColumn;
    if (column === undefined) return undefined;
    const v = named.get(column);
    return v === null || v === undefined ? undefined : Number(v);
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
