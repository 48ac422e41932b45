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
import type { Exchange } from './exchange.js';
import { H1Exchange } from './h1-exchange.js';
import { H2Exchange } from './h2-exchange.js';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export type ExchangeHandler = (exchange: Exchange) => void;

export interface ListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Concurrent streams each HTTP/2 session may open (SETTINGS_MAX_CONCURRENT_STREAMS). */
  readonly maxConcurrentStreams?: number;
}

export interface Listener {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, asks HTTP/2 clients to go away and closes every connection. */
  close(): Promise<void>;
}

export async function listen(options: ListenerOptions, handler: ExchangeHandler): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  const h2 = createH2Server(options, handler, sessions);
  const h1 = createH1Server(handler);
  const front = options.tls ? createTlsFront(options.tls, h1, h2) : createCleartextFront(h1, h2);
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
    close: () => closeAll(front, sessions, sockets),
  };
}

function createH2Server(
  options: ListenerOptions,
  handler: ExchangeHandler,
  sessions: Set<http2.ServerHttp2Session>,
): http2.Http2Server {
  const server = http2.createServer({
    // Session memory counts the output queued on every stream of a connection; a thousand push
    // queries on one connection each hold up to a frame in flight, past node's 10 MB default.
    maxSessionMemory: 128,
    settings: {
      maxConcurrentStreams: options.maxConcurrentStreams ?? 1000,
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

function createH1Server(handler: ExchangeHandler): http.Server {
  const server = http.createServer({ requestTimeout: 0, keepAliveTimeout: 5000 }, (req, res) =>
    handler(new H1Exchange(req, res)),
  );
  // A push query or an insert stream may be quiet for hours: no socket timeout.
  server.timeout = 0;
  server.headersTimeout = 60_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

function createCleartextFront(h1: http.Server, h2: http2.Http2Server): net.Server {
  return net.createServer({ noDelay: true }, (socket) => sniff(socket, h1, h2));
}

/** Reads until the first bytes tell the protocol, then hands the socket over with those bytes. */
function sniff(socket: net.Socket, h1: http.Server, h2: http2.Http2Server): void {
  let seen: Buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, PREFACE.length);
    const isH2Prefix = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
    if (isH2Prefix && seen.length < PREFACE.length) return;
    socket.off('data', onData);
    socket.off('error', onError);
    socket.pause();
    socket.unshift(seen);
    if (isH2Prefix) {
      // The http2 session reads what is buffered on the socket itself (on the next tick).
      h2.emit('connection', socket);
    } else {
      h1.emit('connection', socket);
      socket.resume();
    }
  };
  const onError = (): void => {
    socket.destroy();
  };
  socket.on('data', onData);
  socket.on('error', onError);
}

function createTlsFront(
  creds: NonNullable<ListenerOptions['tls']>,
  h1: http.Server,
  h2: http2.Http2Server,
): tls.Server {
  const server = tls.createServer({ cert: creds.cert, key: creds.key, ALPNProtocols: ['h2', 'http/1.1'] });
  server.on('secureConnection', (socket) => {
    socket.on('error', () => undefined);
    (socket.alpnProtocol === 'h2' ? h2 : h1).emit('connection', socket);
  });
  server.on('tlsClientError', () => undefined);
  return server;
}

/**
 * Node 20's server.close() waits for HTTP/2 sessions forever, so each session gets a GOAWAY and
 * is closed, and the remaining sockets are ended, then destroyed if they linger.
 */
async function closeAll(
  front: net.Server,
  sessions: Set<http2.ServerHttp2Session>,
  sockets: Set<net.Socket>,
): Promise<void> {
  const closed = new Promise<void>((resolve) => front.close(() => resolve()));
  for (const session of sessions) {
    session.close();
    setTimeout(() => session.destroy(), 1000).unref();
  }
  for (const socket of sockets) {
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  }
  await closed;
}
