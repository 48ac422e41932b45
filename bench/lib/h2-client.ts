/**
 * The harness's HTTP/2 client: cleartext prior-knowledge sessions with big flow-control windows
 * (so the client's window never throttles the server being measured) and streaming POSTs.
 */
import http2, { type ClientHttp2Session, type ClientHttp2Stream } from 'node:http2';
import { drained } from './drained.js';

export const DELIMITED = 'application/vnd.ksqlapi.delimited.v1';
export const JSON_TYPE = 'application/json';

export interface Connection {
  readonly session: ClientHttp2Session;
  close(): void;
}

export async function connect(url: string): Promise<Connection> {
  const session = http2.connect(new URL(url).origin, {
    maxSessionMemory: 256,
    peerMaxConcurrentStreams: 100_000,
    settings: { initialWindowSize: 1 << 24, enablePush: false },
  });
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve());
    session.once('error', reject);
  });
  session.on('error', () => {});
  session.setLocalWindowSize(1 << 26);
  return { session, close: () => session.destroy() };
}

/** n connections, opened 64 at a time so a thousand of them do not flood the listen backlog. */
export async function connectMany(url: string, n: number): Promise<Connection[]> {
  const out: Connection[] = [];
  for (let i = 0; i < n; i += 64) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(64, n - i) }, () => connect(url)))));
  }
  return out;
}

export function closeAll(conns: readonly Connection[]): void {
  for (const c of conns) c.close();
}

/** One POST whose body and response both stream. */
export interface Call {
  readonly stream: ClientHttp2Stream;
  /** The response status; rejects when the stream closes first. */
  readonly status: Promise<number>;
  /** Resolves when the stream is closed, whichever way. */
  readonly done: Promise<void>;
  ended: boolean;
  onData: ((chunk: Buffer) => void) | null;
  onEnd: (() => void) | null;
  write(data: string | Buffer): boolean;
  drain(): Promise<void>;
  end(data?: string | Buffer): void;
  cancel(): void;
}

/** `accept` null sends no Accept header; /ksql and /close-query take none or application/json. */
export function call(conn: Connection, path: string, accept: string | null): Call {
  const headers: http2.OutgoingHttpHeaders = { ':method': 'POST', ':path': path, 'content-type': JSON_TYPE };
  if (accept !== null) headers.accept = accept;
  const stream = conn.session.request(headers, { endStream: false });
  let setStatus!: (s: number) => void;
  let failStatus!: (e: Error) => void;
  let finish!: () => void;
  const status = new Promise<number>((res, rej) => ((setStatus = res), (failStatus = rej)));
  status.catch(() => {});
  const c: Call = {
    stream,
    status,
    done: new Promise<void>((res) => (finish = res)),
    ended: false,
    onData: null,
    onEnd: null,
    write: (data) => stream.write(data),
    drain: () => drained(stream),
    end: (data) => (data === undefined ? stream.end() : stream.end(data)),
    cancel: () => cancel(stream),
  };
  const fin = (): void => {
    if (c.ended) return;
    c.ended = true;
    failStatus(new Error('stream closed before a response'));
    c.onEnd?.();
    finish();
  };
  stream.on('response', (h) => setStatus(Number(h[':status'])));
  stream.on('data', (b: Buffer) => c.onData?.(b));
  stream.on('end', fin);
  stream.on('close', fin);
  stream.on('error', fin);
  return c;
}

function cancel(stream: ClientHttp2Stream): void {
  try {
    if (!stream.destroyed) stream.close(http2.constants.NGHTTP2_CANCEL);
  } catch {
    // already gone
  }
}

export interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A whole request and its whole answer; status 0 when the stream failed. */
export async function postJson(conn: Connection, path: string, body: unknown, accept: string | null = JSON_TYPE): Promise<Answer> {
  const c = call(conn, path, accept);
  const chunks: Buffer[] = [];
  c.onData = (b) => chunks.push(b);
  c.end(JSON.stringify(body));
  await c.done;
  const status = await c.status.catch(() => 0);
  return { status, body: Buffer.concat(chunks).toString() };
}

/** Newlines in a chunk; a plain loop beats indexOf calls for rows of a dozen bytes. */
export function countLines(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 10) n++;
  return n;
}
