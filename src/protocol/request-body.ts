/**
 * Reads a whole request body, bounded, and parses it as JSON. Content-Type is never inspected
 * (protocol spec §0.3).
 *
 * The bound is the gateway's `--max-body-bytes`, set per exchange by the router. ksqlDB itself
 * sets none; past ours the request gets 400 / 40000 as soon as the bound is crossed, and the rest
 * of the body is never buffered (see stopReading). A body that trickles forever is bounded the
 * same way: by its size, not by time.
 */
import { badRequest, ErrorCode, KsqlError } from '../errors.js';
import type { Readable } from 'node:stream';
import type { Exchange } from '../transport/exchange.js';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The most bytes a body read with readBody may have on this exchange. */
export function limitBody(exchange: Exchange, maxBytes: number): void {
  exchange.bodyLimit = maxBytes;
}

/** A body over the limit: answered, then the rest of the request is refused (see router.ts). */
export class BodyTooLargeError extends KsqlError {
  constructor(readonly limit: number) {
    super(ErrorCode.BAD_REQUEST, `Request body is larger than the limit of ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body, once it has ended. Listeners rather than `for await`: leaving an async iterator early
 * destroys the stream, and with it the response the error still has to go out on.
 */
export function readBody(exchange: Exchange, maxBytes = exchange.bodyLimit ?? DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const body = exchange.body;
  if (body.readableEnded) return Promise.resolve(Buffer.alloc(0));
  if (body.destroyed) return Promise.reject(badRequest('The request body ended early'));
  return new Promise((resolve, reject) => new BodyReader(body, maxBytes, resolve, reject));
}

/**
 * Collects one body. Its listeners stay on the request stream after it settles (removing four
 * listeners costs more than the request's whole routing): later events find it settled and do
 * nothing, and the stream is dropped with the request.
 */
class BodyReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private settled = false;

  constructor(
    private readonly body: Readable,
    private readonly maxBytes: number,
    private readonly resolve: (body: Buffer) => void,
    private readonly reject: (err: Error) => void,
  ) {
    body.on('data', (chunk: Buffer) => this.onData(chunk));
    body.on('end', () => this.settle(null));
    body.on('error', (err: Error) => this.settle(err));
    // The client went away before the end of its body: nobody is left to answer.
    body.on('close', () => this.settled || this.settle(badRequest('The request body ended early')));
  }

  private onData(chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size <= this.maxBytes) this.chunks.push(chunk);
    else {
      this.body.pause();
      this.settle(new BodyTooLargeError(this.maxBytes));
    }
  }

  private settle(err: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    const chunks = this.chunks;
    this.chunks = [];
    if (err) this.reject(err);
    else this.resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict UTF-8 decoding. The lenient decoder is much faster on short lines (inserted rows) and
 * only ever differs from the strict one by putting U+FFFD where a sequence is invalid, so the
 * strict one runs only when U+FFFD shows up (an invalid sequence, or a real U+FFFD).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const text = Buffer.isBuffer(bytes) ? bytes.toString('utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // TextDecoder drops a leading byte-order mark; so does this, as Jackson skips one.
  if (!text.includes('\uFFFD')) return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return utf8.decode(bytes);
  } catch {
    throw badRequest('Invalid JSON in request: the body is not valid UTF-8');
  }
}

/** Parses a JSON request body; malformed JSON gets ksqlDB's `Invalid JSON in request: ...`. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`Invalid JSON in request: ${(err as Error).message}`);
  }
}
