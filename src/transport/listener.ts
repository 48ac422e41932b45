/**
 * One listener for every transport. Node's cleartext http2 server refuses HTTP/1.1 and its
 * `allowHTTP1` only works with TLS, so a plain net.Server peeks at the first bytes of each
 * connection: the HTTP/2 connection preface (RFC 9113 §3.4) goes to the http2 server, anything
 * else to the http server. With a certificate, TLS picks the protocol by ALPN (RFC 7301) instead.
 */
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import tls from 'node:tls';
import { ConnectionLimit, DEFAULT_MAX_CONNECTIONS } from './connection-limit.js';
import type { Exchange } from './exchange.js';
import { H1Exchange } from './h1-exchange.js';
import { H2Exchange } from './h2-exchange.js';
import { refuseH1, refuseH2 } from './overload-refusal.js';
import { DEFAULT_PING_INTERVAL_MS, DEFAULT_PING_TIMEOUT_MS, keepSessionAlive } from './session-heartbeat.js';
import { closeWhenIdle, DEFAULT_IDLE_TIMEOUT_MS } from './session-idle.js';

export const DEFAULT_MAX_CONCURRENT_STREAMS = 1000;

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export type ExchangeHandler = (exchange: Exchange) => void;

export interface ListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Concurrent streams each HTTP/2 session may open (SETTINGS_MAX_CONCURRENT_STREAMS). */
  readonly maxConcurrentStreams?: number;
  /** Open connections at most (0: no limit); see overload-refusal.ts for what the next one gets. */
  readonly maxConnections?: number;
  /** The body of the 503 a connection past the limit gets over HTTP/1.1. */
  readonly overloadBody?: string;
  /** An HTTP/2 session quiet this long gets a PING (0: never). */
  readonly h2PingIntervalMs?: number;
  /** A PING not acknowledged within this closes its session. */
  readonly h2PingTimeoutMs?: number;
  /**
   * A connection with no open request is closed after this long (0: never): an HTTP/2 session
   * with no open stream, an HTTP/1.1 connection between requests, a socket that sends nothing.
   */
  readonly idleTimeoutMs?: number;
}

/** The listener's settings with every default filled in. */
type Settings = Required<Omit<ListenerOptions, 'tls'>> & Pick<ListenerOptions, 'tls'>;

function withDefaults(options: ListenerOptions): Settings {
  return {
    ...options,
    maxConcurrentStreams: options.maxConcurrentStreams ?? DEFAULT_MAX_CONCURRENT_STREAMS,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    overloadBody: options.overloadBody ?? 'Too many connections',
    h2PingIntervalMs: options.h2PingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
    h2PingTimeoutMs: options.h2PingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
  };
}

export interface Listener {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, asks HTTP/2 clients to go away and closes every connection. */
  close(): Promise<void>;
}

export async function listen(listenerOptions: ListenerOptions, handler: ExchangeHandler): Promise<Listener> {
  const options = withDefaults(listenerOptions);
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  const h2 = createH2Server(options, handler, sessions);
  const h1 = createH1Server(options, handler);
  const limit = new ConnectionLimit(options.maxConnections);
  const front = options.tls ? createTlsFront(options.tls, limit, h1, h2) : createCleartextFront(options, limit, h1, h2);
  front.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port, options.host, () => {
      front.off('error', reject);
      resolve();
    });
  });
  const port = (front.address() as net.AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${scheme}://${hostForUrl}:${port}`,
    port,
    close: () => closeAll(front, h1, sessions, sockets),
  };
}

function createH2Server(
  options: Settings,
  handler: ExchangeHandler,
  sessions: Set<http2.ServerHttp2Session>,
): http2.Http2Server {
  const server = http2.createServer({
    // Session memory counts the output queued on every stream of a connection; a thousand push
    // queries on one connection each hold up to a frame in flight, past node's 10 MB default.
    maxSessionMemory: 128,
    settings: {
      maxConcurrentStreams: options.maxConcurrentStreams,
      // The Java client writes insert rows as raw DATA frames outside its own flow-control
      // accounting (protocol spec §10), so advertise a generous window.
      initialWindowSize: 4 * 1024 * 1024,
    },
  });
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    session.on('error', () => undefined);
    // Raise the connection-level window too; the SETTINGS frame only covers streams.
    session.once('connect', () => trySetLocalWindowSize(session, 16 * 1024 * 1024));
    keepSessionAlive(session, options.h2PingIntervalMs, options.h2PingTimeoutMs);
    closeWhenIdle(session, options.idleTimeoutMs);
  });
  server.on('stream', (stream, headers) => handler(new H2Exchange(stream, headers)));
  server.on('sessionError', () => undefined);
  return server;
}

function trySetLocalWindowSize(session: http2.ServerHttp2Session, size: number): void {
  try {
    session.setLocalWindowSize(size);
  } catch {
    // The session closed before its SETTINGS exchange finished; nothing to widen.
  }
}

function createH1Server(options: Settings, handler: ExchangeHandler): http.Server {
  // Between requests a connection is idle; keepAliveTimeout 0 keeps it forever.
  const server = http.createServer({ requestTimeout: 0, keepAliveTimeout: options.idleTimeoutMs }, (req, res) =>
    handler(new H1Exchange(req, res)),
  );
  // A push query or an insert stream may be quiet for hours: no socket timeout during a request.
  server.timeout = 0;
  server.headersTimeout = 60_000;
  // HTTP/1.1 has no PING: TCP keep-alive probes find a peer that vanished under a quiet request.
  if (options.h2PingIntervalMs > 0) server.on('connection', (socket: net.Socket) => socket.setKeepAlive(true, options.h2PingIntervalMs));
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function createCleartextFront(options: Settings, limit: ConnectionLimit, h1: http.Server, h2: http2.Http2Server): net.Server {
  return net.createServer({ noDelay: true }, (socket) => {
    if (!limit.admit(socket)) {
      sniff(socket, REFUSAL_WAIT_MS, (isH2) => (isH2 ? refuseH2(socket) : refuseH1(socket, options.overloadBody)));
      return;
    }
    sniff(socket, options.idleTimeoutMs, (isH2) => handOver(socket, isH2, h1, h2));
  });
}

/** How long a connection past the limit may take to show its protocol before it is just closed. */
const REFUSAL_WAIT_MS = 2000;

function handOver(socket: net.Socket, isH2: boolean, h1: http.Server, h2: http2.Http2Server): void {
  if (isH2) {
    // The http2 session reads what is buffered on the socket itself (on the next tick).
    h2.emit('connection', socket);
  } else {
    h1.emit('connection', socket);
    socket.resume();
  }
}

/**
 * Reads until the first bytes tell the protocol, puts them back and calls `decide` with the socket
 * paused. A socket that says nothing within `waitMs` (0: no bound) is closed.
 */
function sniff(socket: net.Socket, waitMs: number, decide: (isH2: boolean) => void): void {
  let seen: Buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, PREFACE.length);
    const isH2Prefix = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
    if (isH2Prefix && seen.length < PREFACE.length) return;
    socket.off('data', onData);
    socket.off('error', onError);
    socket.off('timeout', onError);
    socket.setTimeout(0);
    socket.pause();
    socket.unshift(seen);
    decide(isH2Prefix);
  };
  const onError = (): void => {
    socket.destroy();
  };
  socket.on('data', onData);
  socket.on('error', onError);
  if (waitMs > 0) socket.setTimeout(waitMs, onError);
}

/**
 * Over TLS a connection past the limit is closed before its handshake: the handshake is the
 * costly part, and the protocol is only known after it.
 */
function createTlsFront(
  creds: NonNullable<ListenerOptions['tls']>,
  limit: ConnectionLimit,
  h1: http.Server,
  h2: http2.Http2Server,
): tls.Server {
  const server = tls.createServer({ cert: creds.cert, key: creds.key, ALPNProtocols: ['h2', 'http/1.1'] });
  server.on('connection', (socket: net.Socket) => {
    if (!limit.admit(socket)) socket.destroy();
  });
  server.on('secureConnection', (socket) => {
    socket.on('error', () => undefined);
    (socket.alpnProtocol === 'h2' ? h2 : h1).emit('connection', socket);
  });
  server.on('tlsClientError', () => undefined);
  return server;
}

/** How long responses still running at close get to finish before their connections are cut. */
const CLOSE_GRACE_MS = 2000;

/**
 * Node 20's server.close() waits for HTTP/2 sessions forever, so each session gets a GOAWAY
 * (session.close() lets its open streams finish) and HTTP/1.1 connections are closed as soon as
 * they are between requests; whatever still runs after the grace period is destroyed. Sockets
 * are not ended at once: a response finishing at shutdown (an insert stream's last acks, a push
 * query's end) would lose its last bytes.
 */
async function closeAll(
  front: net.Server,
  h1: http.Server,
  sessions: Set<http2.ServerHttp2Session>,
  sockets: Set<net.Socket>,
): Promise<void> {
  const closed = new Promise<void>((resolve) => front.close(() => resolve()));
  for (const session of sessions) {
    session.close();
    setTimeout(() => session.destroy(), CLOSE_GRACE_MS).unref();
  }
  h1.closeIdleConnections();
  const sweep = setInterval(() => h1.closeIdleConnections(), 20);
  sweep.unref();
  for (const socket of sockets) setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  await closed;
  clearInterval(sweep);
}
