/**
 * One request/response pair, whatever the transport (an HTTP/2 stream or an HTTP/1.1
 * request+response). The protocol layer sees only this interface.
 */
import type { Readable } from 'node:stream';

export type HttpVersion = '1.0' | '1.1' | '2';

export interface ResponseHead {
  readonly status: number;
  /** Header names in lower case. `undefined` values are left out. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

export interface Exchange {
  readonly method: string;
  /** Path without the query string (no endpoint reads one). */
  readonly path: string;
  readonly httpVersion: HttpVersion;
  /** Lower-case header name → value (repeated headers joined with ", "). */
  header(name: string): string | undefined;
  /** The request body, readable as a stream of Buffers; it ends when the client ends it. */
  readonly body: Readable;

  /** Commits the status line and headers. Streaming responses should call flushHeaders too. */
  respond(head: ResponseHead): void;
  /** Sends the committed headers now (HTTP/1.1 would otherwise wait for the first write). */
  flushHeaders(): void;
  readonly headersSent: boolean;
  /**
   * Writes one chunk; resolves when the transport has taken it (on HTTP/2: framed and handed to
   * the socket), so each awaited write leaves as its own DATA frame and memory stays bounded.
   */
  write(chunk: string | Uint8Array): Promise<void>;
  /**
   * The largest write that leaves as one piece: on HTTP/2 the peer's SETTINGS_MAX_FRAME_SIZE
   * (RFC 9113 §6.5.2), so a write of whole lines never splits a line across DATA frames.
   */
  readonly maxChunkBytes: number;
  /** Ends the response, with an optional last chunk. */
  end(chunk?: string | Uint8Array): void;

  /** True once the response ended or the client went away. */
  readonly closed: boolean;
  /** Called once when the exchange is over, normally or because the client went away. */
  onClose(listener: () => void): void;
  /** Identifies the connection this exchange came on (for per-connection bookkeeping). */
  readonly connectionId: number;
  /** The most request-body bytes the protocol layer will read whole; it sets this per request. */
  bodyLimit: number | undefined;
}
