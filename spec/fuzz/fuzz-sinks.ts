/**
 * Sinks standing in for a client: rows are encoded as a response would encode them, at most a
 * few hundred are taken, and anything that goes wrong on the way is kept for the verdict.
 */
import { compileRowWriter, type RowWriter } from '../../src/codec/json-write.js';
import { KsqlError } from '../../src/errors.js';
import type { LineSink } from '../../src/engine/print-topic.js';
import type { OutputBatch, QuerySink } from '../../src/engine/sink.js';
import type { SqlType } from '../../src/sql/types.js';
import { describeError } from './verdict.js';

const MAX_ROWS = 200;

class ClosableSink {
  problem: string | undefined;
  private isClosed = false;
  private listeners: (() => void)[] = [];

  get closed(): boolean {
    return this.isClosed;
  }

  onClose(listener: () => void): void {
    if (this.isClosed) queueMicrotask(listener);
    else this.listeners.push(listener);
  }

  /** The client goes away. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const l of this.listeners.splice(0)) l();
  }
}

export class FuzzQuerySink extends ClosableSink implements QuerySink {
  private readonly encode: RowWriter;
  private rows = 0;

  constructor(types: readonly SqlType[]) {
    super();
    this.encode = compileRowWriter(types);
  }

  write(batch: OutputBatch): void {
    try {
      for (const row of batch.rows) this.encode(row.values);
    } catch (err) {
      this.problem ??= `row could not be written: ${describeError(err)}`;
      this.close();
    }
    this.rows += batch.rows.length;
    if (this.rows >= MAX_ROWS) this.close();
  }

  end(): void {
    this.close();
  }

  /** A failure after the header: a runtime crash unless it is one of the catalogued errors. */
  fail(err: Error): void {
    if (!(err instanceof KsqlError)) this.problem ??= `query failed mid-stream: ${describeError(err)}`;
    this.close();
  }
}

export class FuzzLineSink extends ClosableSink implements LineSink {
  line(): Promise<void> {
    return Promise.resolve();
  }

  end(): void {
    this.close();
  }
}
