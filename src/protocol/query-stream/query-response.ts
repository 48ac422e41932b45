/**
 * A QuerySink that writes one query's response: headers and the header element at once (the Java
 * client waits for them, spec §10), then each piece as its own write, awaited, so each leaves as
 * its own DATA frame (the npm client parses frame by frame) and a slow client holds its query
 * back instead of growing the server's memory.
 */
import { compileRowWriter } from '../../codec/json-write.js';
import { ErrorCode } from '../../errors.js';
import type { EndReason, QuerySink } from '../../engine/sink.js';
import type { SqlType } from '../../sql/types.js';
import type { Exchange } from '../../transport/exchange.js';
import type { OutputFormat, QueryHeader } from './output-format.js';

export class QueryResponse implements QuerySink {
  private readonly writeRow: (row: readonly unknown[]) => string;
  private ended = false;

  constructor(
    private readonly exchange: Exchange,
    private readonly format: OutputFormat,
    types: readonly SqlType[],
  ) {
    this.writeRow = compileRowWriter(types);
  }

  async start(header: QueryHeader): Promise<void> {
    this.exchange.respond({ status: 200, headers: { 'content-type': this.format.contentType } });
    this.exchange.flushHeaders();
    await this.exchange.write(this.format.header(header));
  }

  get closed(): boolean {
    return this.ended || this.exchange.closed;
  }

  onClose(listener: () => void): void {
    this.exchange.onClose(listener);
  }

  async row(values: readonly unknown[], tombstone: boolean): Promise<void> {
    const text = this.format.row(this.writeRow(values), tombstone);
    if (text !== undefined && !this.closed) await this.exchange.write(text);
  }

  end(reason: EndReason): void {
    if (this.ended) return;
    this.ended = true;
    const last = this.format.end(reason);
    this.exchange.end(last);
  }

  /** A failure after the header: one error element, then the end (spec §2.9). */
  fail(err: Error): void {
    if (this.ended) return;
    this.ended = true;
    const message = `${err.name === 'Error' ? 'java.lang.RuntimeException' : err.name}: ${err.message}`;
    this.exchange.end(this.format.error({ '@type': 'generic_error', error_code: ErrorCode.SERVER_ERROR, message }));
  }
}
