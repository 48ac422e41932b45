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
import type { Exchange } from '../transport/exchange.js';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

const limits = new WeakMap<Exchange, number>();

/** The most bytes a body read with readBody may have on this exchange. */
export function limitBody(exchange: Exchange, maxBytes: number): void {
  limits.set(exchange, maxBytes);
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
export function readBody(exchange: Exchange, maxBytes = limits.get(exchange) ?? DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const body = exchange.body;
  if (body.readableEnded) return Promise.resolve(Buffer.alloc(0));
  if (body.destroyed) return Promise.reject(badRequest('The request body ended early'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (how: () => void): void => {
      body.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      how();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else settle(() => (body.pause(), reject(new BodyTooLargeError(maxBytes))));
    };
    const onEnd = (): void => settle(() => resolve(Buffer.concat(chunks)));
    const onError = (err: Error): void => settle(() => reject(err));
    // The client went away before the end of its body: nobody is left to answer.
    const onClose = (): void => settle(() => reject(badRequest('The request body ended early')));
    body.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
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
