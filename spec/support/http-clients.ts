/**
 * Real HTTP clients for specs: node:http2 (prior knowledge, like the Java and npm clients) and
 * node:http (HTTP/1.1, like curl and axios). Responses keep every received chunk, so specs can
 * check framing as well as bytes.
 */
import http from 'node:http';
import http2 from 'node:http2';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** Each DATA frame (HTTP/2) or chunk (HTTP/1.1) as it arrived. */
  readonly chunks: string[];
}

export interface RequestOptions {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  /** Text is sent as UTF-8; a Buffer as it is (bytes that are not UTF-8, for instance). */
  readonly body?: string | Buffer;
}

export async function h2Request(url: string, opts: RequestOptions): Promise<HttpResponse> {
  const session = http2.connect(url);
  session.on('error', () => undefined);
  try {
    return await h2RequestOn(session, opts);
  } finally {
    session.close();
  }
}

export function h2RequestOn(session: http2.ClientHttp2Session, opts: RequestOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ':method': opts.method ?? 'POST', ':path': opts.path, ...opts.headers });
    const chunks: string[] = [];
    let status = 0;
    let headers: Record<string, string | string[] | undefined> = {};
    req.setEncoding('utf8');
    req.on('response', (h) => {
      status = Number(h[':status']);
      headers = h as Record<string, string | string[] | undefined>;
    });
    req.on('data', (c: string) => chunks.push(c));
    req.on('end', () => resolve({ status, headers, body: chunks.join(''), chunks }));
    req.on('error', reject);
    req.end(opts.body);
  });
}

export function h1Request(url: string, opts: RequestOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(opts.path, url), { method: opts.method ?? 'POST', headers: opts.headers, agent: false }, (res) => {
      const chunks: string[] = [];
      res.setEncoding('utf8');
      res.on('data', (c: string) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string | undefined>, body: chunks.join(''), chunks }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export type Transport = 'h2' | 'h1';
export const TRANSPORTS: readonly Transport[] = ['h2', 'h1'];

export function request(transport: Transport, url: string, opts: RequestOptions): Promise<HttpResponse> {
  return transport === 'h2' ? h2Request(url, opts) : h1Request(url, opts);
}

/**
 * A response read line by line while it streams (a push query, an insert stream's acks).
 * `write`/`end` send more of the request body.
 */
export interface LineStream {
  readonly status: Promise<number>;
  readonly headers: Promise<Record<string, string | string[] | undefined>>;
  nextLine(timeoutMs?: number): Promise<string>;
  readonly chunks: string[];
  write(text: string): void;
  end(text?: string): void;
  /** Resolves with the rest of the body when the response ends. */
  readonly ended: Promise<string>;
  cancel(): void;
}

class LineBuffer {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiters: ((line: string | undefined) => void)[] = [];
  private done = false;
  rest = '';

  push(text: string): void {
    this.buffer += text;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      this.deliver(this.buffer.slice(0, nl));
      this.buffer = this.buffer.slice(nl + 1);
    }
  }

  finish(): void {
    this.done = true;
    this.rest = this.buffer;
    for (const w of this.waiters) w(undefined);
    this.waiters = [];
  }

  private deliver(line: string): void {
    const w = this.waiters.shift();
    if (w) w(line);
    else this.lines.push(line);
  }

  next(timeoutMs: number): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.done) return Promise.reject(new Error(`stream ended; rest: ${JSON.stringify(this.rest)}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push((l) => {
        clearTimeout(timer);
        if (l === undefined) reject(new Error(`stream ended; rest: ${JSON.stringify(this.rest)}`));
        else resolve(l);
      });
    });
  }
}

export function openStream(transport: Transport, url: string, opts: RequestOptions & { keepOpen?: boolean }): LineStream {
  const lines = new LineBuffer();
  const chunks: string[] = [];
  let setStatus!: (s: number) => void;
  let setHeaders!: (h: Record<string, string | string[] | undefined>) => void;
  let setEnded!: (rest: string) => void;
  const status = new Promise<number>((r) => (setStatus = r));
  const headers = new Promise<Record<string, string | string[] | undefined>>((r) => (setHeaders = r));
  const ended = new Promise<string>((r) => (setEnded = r));
  const onData = (c: string): void => {
    chunks.push(c);
    lines.push(c);
  };
  const onEnd = (): void => {
    lines.finish();
    setEnded(lines.rest);
  };
  // What both transports' streams share; each adds how it writes, ends and cancels.
  const reading = { status, headers, chunks, ended, nextLine: (t = 3000) => lines.next(t) };
  if (transport === 'h2') {
    const session = http2.connect(url);
    session.on('error', () => undefined);
    const req = session.request({ ':method': opts.method ?? 'POST', ':path': opts.path, ...opts.headers }, { endStream: false });
    req.setEncoding('utf8');
    req.on('response', (h) => {
      setStatus(Number(h[':status']));
      setHeaders(h as Record<string, string | string[] | undefined>);
    });
    req.on('data', onData);
    req.on('end', () => {
      onEnd();
      session.close();
    });
    req.on('error', () => onEnd());
    req.on('close', () => {
      onEnd();
      session.close();
    });
    if (opts.body !== undefined) req.write(opts.body);
    if (!opts.keepOpen) req.end();
    return {
      ...reading,
      write: (text) => req.write(text),
      end: (text) => req.end(text),
      cancel: () => {
        req.close(http2.constants.NGHTTP2_CANCEL);
        session.close();
      },
    };
  }
  const req = http.request(new URL(opts.path, url), {
    method: opts.method ?? 'POST',
    headers: { ...opts.headers, ...(opts.keepOpen ? { 'transfer-encoding': 'chunked' } : {}) },
    agent: false,
  });
  req.on('response', (res) => {
    setStatus(res.statusCode ?? 0);
    setHeaders(res.headers as Record<string, string | undefined>);
    res.setEncoding('utf8');
    res.on('data', onData);
    res.on('end', onEnd);
    res.on('error', onEnd);
    res.on('close', onEnd);
  });
  req.on('error', onEnd);
  if (opts.body !== undefined) req.write(opts.body);
  if (opts.keepOpen) req.flushHeaders();
  else req.end();
  return {
    ...reading,
    write: (text) => req.write(text),
    end: (text) => req.end(text),
    cancel: () => req.destroy(),
  };
}
