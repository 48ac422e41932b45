/**
 * POST /inserts-stream (protocol spec §5): an arguments line, then one JSON object per line,
 * each acknowledged with its `seq` once its record is appended. The 200 goes out right after the
 * arguments line (the Java client waits for it before sending rows); a last row without `\n` is
 * accepted; the first bad row gets an error ack and ends the response, and so does a row longer
 * than the line limit (`--max-insert-line-bytes`), which is never buffered whole. Works over HTTP/1.1 too
 * (full-duplex chunked), where ksqlDB answers 40004.
 */
import { JsonFloat, parseJsonFast } from '../codec/json-parse.js';
import { writeJsonValue } from '../codec/json-write.js';
import type { DataSource } from '../catalog/source.js';
import type { Engine } from '../engine/engine.js';
import { rowToRecord } from '../engine/insert-row.js';
import { badRequest, ErrorCode, KsqlError } from '../errors.js';
import type { ProducerRecord, TopicLog } from '../store/topic-log.js';
import type { Exchange } from '../transport/exchange.js';
import { LineSplitter } from './line-splitter.js';
import { MediaType } from './negotiate.js';
import { decodeUtf8, parseJsonBody } from './request-body.js';
import { validateBody } from './schemas.js';

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/** Writes acks as delimited lines or as one JSON array (spec §5.4). */
class AckWriter {
  private count = 0;

  constructor(
    private readonly exchange: Exchange,
    private readonly asArray: boolean,
  ) {}

  private framed(text: string): string {
    const out = this.asArray ? `${this.count === 0 ? '[' : ','}${text}` : `${text}\n`;
    this.count++;
    return out;
  }

  /** One write for the acks of rows `from` up to, not including, `to`. */
  ok(from: number, to: number): Promise<void> {
    let text = '';
    for (let seq = from; seq < to; seq++) text += this.framed(`{"seq":${seq},"status":"ok"}`);
    return this.exchange.write(text);
  }

  async error(seq: number, code: number, message: string): Promise<void> {
    await this.exchange.write(this.framed(writeJsonValue({ '@type': 'InsertError', status: 'error', seq, message, error_code: code })));
    this.end();
  }

  end(): void {
    this.exchange.end(this.asArray ? (this.count === 0 ? '[]' : ']') : undefined);
  }
}

class RowError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export async function handleInsertsStream(
  exchange: Exchange,
  engine: Engine,
  mediaType: string | null,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<void> {
  const splitter = new LineSplitter(maxLineBytes);
  const body = exchange.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const { argsLine, rest, ended } = await readArgsLine(body, splitter);
  const args = validateBody('insertsStream', parseJsonBody(decodeUtf8(argsLine)));
  const source = engine.insertTarget(args.target);
  const topic = engine.topicOf(source);
  exchange.respond({ status: 200 });
  exchange.flushHeaders();
  const acks = new AckWriter(exchange, mediaType === MediaType.JSON);
  const inserter = new RowInserter(source, topic, acks);
  const taking = takeRows(exchange, body, splitter, inserter, acks, rest, ended, engine.closing);
  engine.holdShutdown(taking);
  return taking;
}

/** Takes the rows after the arguments line until the body ends, a row fails or the server stops. */
async function takeRows(
  exchange: Exchange,
  body: AsyncIterator<Buffer>,
  splitter: LineSplitter,
  inserter: RowInserter,
  acks: AckWriter,
  rest: readonly Buffer[],
  ended: boolean,
  closing: AbortSignal,
): Promise<void> {
  const shutdown = whenAborted(closing);
  try {
    if (!(await inserter.insertChunk(rest, splitter))) return drain(exchange);
    if (!ended) {
      for (let next = await nextOrStop(body, shutdown.promise); next !== STOP && !next.done; next = await nextOrStop(body, shutdown.promise)) {
        if (!(await inserter.insertChunk(splitter.push(next.value), splitter))) return drain(exchange);
        if (exchange.closed) return;
      }
      // Shutting down: every row taken so far is acked, and the response ends cleanly.
      if (shutdown.aborted()) return acks.end();
    }
    const last = splitter.finish();
    if (last && !(await inserter.insert([last]))) return drain(exchange);
    acks.end();
  } catch {
    // The client reset or dropped the stream: rows acked so far stay, nothing else to answer.
    exchange.end();
  } finally {
    shutdown.dispose();
  }
}

const STOP = Symbol('stop');

function nextOrStop(body: AsyncIterator<Buffer>, stop: Promise<typeof STOP>): Promise<IteratorResult<Buffer> | typeof STOP> {
  return Promise.race([body.next(), stop]);
}

/** A promise that resolves when the signal aborts, and a way to stop listening. */
function whenAborted(signal: AbortSignal): { promise: Promise<typeof STOP>; aborted: () => boolean; dispose: () => void } {
  let onAbort = (): void => undefined;
  const promise = new Promise<typeof STOP>((resolve) => {
    onAbort = () => resolve(STOP);
    if (signal.aborted) resolve(STOP);
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, aborted: () => signal.aborted, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** The first line of the body; an arguments line over the line limit fails as bad JSON would. */
async function readArgsLine(
  body: AsyncIterator<Buffer>,
  splitter: LineSplitter,
): Promise<{ argsLine: Buffer; rest: Buffer[]; ended: boolean }> {
  for (;;) {
    const next = await body.next();
    if (next.done) {
      const argsLine = splitter.finish();
      if (!argsLine) throw badRequest("Invalid JSON in request: Missing required creator property 'target'");
      return { argsLine, rest: [], ended: true };
    }
    const lines = splitter.push(next.value);
    if (lines.length > 0) return { argsLine: lines[0]!, rest: lines.slice(1), ended: false };
    if (splitter.overflow) {
      throw badRequest(`Invalid JSON in request: the arguments line is longer than the limit of ${splitter.overflow.limit} bytes`);
    }
  }
}

/**
 * Parses, converts, appends and acks the rows of each body chunk together: one append of the
 * chunk's records and one write of their acks, in order. A bad row still lets the rows before it
 * in the chunk through (appended and acked), then gets its error ack, which ends the response.
 */
class RowInserter {
  private seq = 0;

  constructor(
    private readonly source: DataSource,
    private readonly topic: TopicLog,
    private readonly acks: AckWriter,
  ) {}

  /**
   * The rows of one chunk, then the line that went over the line limit, if one did: it is refused
   * with an error ack carrying the seq it would have had, which ends the response.
   */
  async insertChunk(lines: readonly Buffer[], splitter: LineSplitter): Promise<boolean> {
    if (!(await this.insert(lines))) return false;
    if (!splitter.overflow) return true;
    await this.acks.error(this.seq, ErrorCode.BAD_REQUEST, `Insert row is longer than the limit of ${splitter.overflow.limit} bytes`);
    return false;
  }

  /** False when a row failed: its error ack has ended the response. */
  async insert(lines: readonly Buffer[]): Promise<boolean> {
    const first = this.seq;
    const records: ProducerRecord[] = [];
    let failure: { seq: number; code: number; message: string } | undefined;
    for (const line of lines) {
      if (isBlank(line)) continue;
      const seq = this.seq++;
      try {
        records.push(rowToRecord(this.source, parseRow(line)));
      } catch (err) {
        failure = { seq, ...errorOf(err) };
        break;
      }
    }
    if (records.length > 0) {
      try {
        await this.topic.appendBatch(records);
      } catch {
        await this.acks.error(first, ErrorCode.SERVER_ERROR, 'Error in processing inserts. Check server logs for details.');
        return false;
      }
      await this.acks.ok(first, first + records.length);
    }
    if (!failure) return true;
    await this.acks.error(failure.seq, failure.code, failure.message);
    return false;
  }
}

function errorOf(err: unknown): { code: number; message: string } {
  const code = err instanceof RowError ? err.code : err instanceof KsqlError ? err.errorCode : ErrorCode.SERVER_ERROR;
  return { code, message: (err as Error).message };
}

function parseRow(line: Buffer): Record<string, unknown> {
  let row: unknown;
  try {
    row = parseJsonFast(decodeUtf8(line));
  } catch {
    row = undefined;
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row) || row instanceof JsonFloat) {
    throw new RowError(ErrorCode.BAD_REQUEST, 'Invalid JSON in inserts stream');
  }
  return row as Record<string, unknown>;
}

function isBlank(line: Buffer): boolean {
  for (const b of line) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** After an error ack the rest of the body is read and dropped, so the client is not stalled. */
function drain(exchange: Exchange): void {
  exchange.body.resume();
}
