/**
 * A QuerySink that writes one query's response: headers and the header element at once (the Java
 * client waits for them, spec §10), then each batch of rows encoded in the negotiated format.
 * A batch is encoded once per format and frame size and the bytes are shared by every response
 * that receives the same batch (subscribers of one shared push query). The output queue keeps
 * lines whole within DATA frames and bounds what waits for a slow client.
 */
import { compileRowWriter } from '../../codec/json-write.js';
import { ErrorCode } from '../../errors.js';
import type { EndReason, OutputBatch, OutputRow, QuerySink } from '../../engine/sink.js';
import type { OutputColumn } from '../../planner/query-plan.js';
import type { Exchange } from '../../transport/exchange.js';
import type { OutputFormat, QueryHeader } from './output-format.js';
import { OutputQueue, type EncodedRows, type OutputOptions } from './output-queue.js';

const NEWLINE = Buffer.from('\n');

/** The response gave up on a client that stopped reading. */
class SlowClientError extends Error {}

/** Row writers compiled once per plan's columns (a cached pull plan answers many requests). */
const rowWriters = new WeakMap<readonly OutputColumn[], (row: readonly unknown[]) => string>();

function rowWriterFor(columns: readonly OutputColumn[]): (row: readonly unknown[]) => string {
  let writer = rowWriters.get(columns);
  if (!writer) rowWriters.set(columns, (writer = compileRowWriter(columns.map((c) => c.type))));
  return writer;
}

export class QueryResponse implements QuerySink {
  private readonly writeRow: (row: readonly unknown[]) => string;
  private readonly out: OutputQueue;
  private readonly encoding: string;
  private ended = false;
  /**
   * A pull query's answer so far, while it fits in one frame: usually small and ready at once,
   * it then leaves with the end of the stream in one write. Undefined once it outgrew the frame
   * (or for push queries): the output queue takes over.
   */
  private gatheredText: string | undefined;

  constructor(
    private readonly exchange: Exchange,
    private readonly format: OutputFormat,
    columns: readonly OutputColumn[],
    private readonly options: OutputOptions,
    /** A pull query: its answer is gathered and leaves with the end of the stream when small. */
    private readonly gathered = false,
  ) {
    this.writeRow = rowWriterFor(columns);
    this.out = new OutputQueue(exchange, options);
    this.out.onStall = (queued) => this.giveUp(queued);
    this.encoding = `${format.name}/${exchange.maxChunkBytes}/${options.coalesce ? 'lines' : 'rows'}`;
  }

  start(header: QueryHeader): void {
    this.exchange.respond({ status: 200, headers: { 'content-type': this.format.contentType } });
    this.exchange.flushHeaders();
    const text = this.format.header(header);
    if (this.gathered) this.gatheredText = text;
    else this.out.push({ chunks: [Buffer.from(text)], rows: [0] });
    if (this.options.http1KeepAliveMs > 0 && this.exchange.httpVersion !== '2' && !this.gathered) this.keepAlive(this.options.http1KeepAliveMs);
  }

  /**
   * A newline after every quiet interval: whitespace between elements in the JSON formats and an
   * empty line in the delimited one (ksqlDB's legacy `/query` endpoint keeps its HTTP/1.1
   * responses alive the same way), so proxies do not close a quiet response.
   */
  private keepAlive(interval: number): void {
    let seen = -1;
    const timer = setInterval(() => {
      if (this.closed) return clearInterval(timer);
      if (this.out.written === seen) this.out.push({ chunks: [NEWLINE], rows: [0] });
      seen = this.out.written;
    }, interval);
    timer.unref();
    this.exchange.onClose(() => clearInterval(timer));
  }

  get closed(): boolean {
    return this.ended || this.exchange.closed;
  }

  onClose(listener: () => void): void {
    this.exchange.onClose(listener);
  }

  write(batch: OutputBatch): Promise<void> | undefined {
    if (this.closed) return undefined;
    if (this.gatheredText !== undefined) {
      const text = this.gatheredText + this.rowsText(batch.rows);
      if (Buffer.byteLength(text) <= this.exchange.maxChunkBytes) {
        this.gatheredText = text;
        return undefined;
      }
      this.stopGathering();
    }
    return this.out.push(batch.encoded(this.encoding, (rows) => this.encode(rows)));
  }

  /** The rows' elements joined, as a gathered answer holds them. */
  private rowsText(rows: readonly OutputRow[]): string {
    let text = '';
    for (const row of rows) text += this.format.row(this.writeRow(row.values), row.tombstone) ?? '';
    return text;
  }

  /** The gathered answer goes to the output queue as it is; what follows is queued after it. */
  private stopGathering(): void {
    const text = this.gatheredText!;
    this.gatheredText = undefined;
    this.out.push({ chunks: [Buffer.from(text)], rows: [0] });
  }

  /** Ends the response with `last` after everything written so far. */
  private finish(last: string | undefined): void {
    if (this.gatheredText !== undefined) {
      const text = last === undefined ? this.gatheredText : this.gatheredText + last;
      if (Buffer.byteLength(text) <= this.exchange.maxChunkBytes) {
        this.gatheredText = undefined;
        return this.exchange.end(text);
      }
      this.stopGathering();
    }
    this.out.finish(last);
  }

  /** The rows' text in chunks of whole elements, each within one frame (or one chunk per row). */
  private encode(rows: readonly OutputRow[]): EncodedRows {
    const limit = this.options.coalesce ? this.exchange.maxChunkBytes : 0;
    const chunks: Buffer[] = [];
    const counts: number[] = [];
    let text = '';
    let bytes = 0;
    let count = 0;
    for (const row of rows) {
      const piece = this.format.row(this.writeRow(row.values), row.tombstone);
      if (piece === undefined) continue;
      const size = Buffer.byteLength(piece);
      if (bytes > 0 && bytes + size > limit) {
        chunks.push(Buffer.from(text));
        counts.push(count);
        text = '';
        bytes = 0;
        count = 0;
      }
      text += piece;
      bytes += size;
      count++;
    }
    if (bytes > 0) {
      chunks.push(Buffer.from(text));
      counts.push(count);
    }
    return { chunks, rows: counts };
  }

  /**
   * A client that read nothing while its queue stayed full: what waits is dropped and the
   * response ends with an error element that says why (spec §2.9), so the query stops.
   */
  private giveUp(queued: { rows: number; bytes: number }): void {
    this.gatheredText = undefined;
    this.out.discard();
    this.fail(
      new SlowClientError(
        `Push query ended: the client read nothing for ${this.options.stallTimeoutMs} ms while ${queued.rows} rows (${queued.bytes} bytes) were waiting to be sent`,
      ),
    );
  }

  end(reason: EndReason): void {
    if (this.ended) return;
    this.ended = true;
    this.finish(this.format.end(reason));
  }

  /** A failure after the header: one error element, then the end (spec §2.9). */
  fail(err: Error): void {
    if (this.ended) return;
    this.ended = true;
    const message = err instanceof SlowClientError ? err.message : `${err.name === 'Error' ? 'java.lang.RuntimeException' : err.name}: ${err.message}`;
    this.finish(this.format.error({ '@type': 'generic_error', error_code: ErrorCode.SERVER_ERROR, message }));
  }
}
