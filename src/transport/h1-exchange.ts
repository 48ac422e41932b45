/** Exchange over an HTTP/1.x request and its response (chunked when streaming). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Exchange, HttpVersion, ResponseHead } from './exchange.js';
import { connectionIdOf } from './connection-id.js';
import { ExchangeLifecycle, pathOf } from './exchange-lifecycle.js';

export class H1Exchange extends ExchangeLifecycle implements Exchange {
  readonly method: string;
  readonly path: string;
  readonly httpVersion: HttpVersion;
  readonly connectionId: number;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    super();
    this.path = pathOf(req.url ?? '/');
    this.method = req.method ?? 'GET';
    this.httpVersion = req.httpVersion === '1.0' ? '1.0' : '1.1';
    this.connectionId = connectionIdOf(req.socket);
    res.once('close', () => this.finish());
    req.on('error', () => undefined);
    res.on('error', () => undefined);
  }

  header(name: string): string | undefined {
    const v = this.req.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  }

  get body(): Readable {
    return this.req;
  }

  get headersSent(): boolean {
    return this.res.headersSent;
  }


  respond(head: ResponseHead): void {
    if (this.closed || this.res.headersSent) return;
    this.res.statusCode = head.status;
    for (const [k, v] of Object.entries(head.headers ?? {})) if (v !== undefined) this.res.setHeader(k, v);
  }

  flushHeaders(): void {
    if (!this.closed) this.res.flushHeaders();
  }

  /** HTTP/1.1 has no frames; a chunk of this size keeps writes few and memory small. */
  readonly maxChunkBytes = 64 * 1024;

  write(chunk: string | Uint8Array): Promise<void> {
    if (this.closed || this.res.writableEnded) return Promise.resolve();
    return this.writes.track((done) => this.res.write(chunk, done));
  }

  end(chunk?: string | Uint8Array): void {
    if (this.closed || this.res.writableEnded) return;
    if (chunk === undefined) this.res.end();
    else this.res.end(chunk);
  }


}
