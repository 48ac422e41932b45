/**
 * Routes an exchange to its endpoint (protocol spec §0.3): method and path, then the Accept
 * header against the types the route produces. Unknown paths, wrong methods and unmatched
 * Accept headers all get the catch-all `404 Not Found`. Errors thrown by an endpoint before its
 * response started become ksqlDB error bodies (no Content-Type, spec §0.2).
 */
import type { Engine } from '../engine/engine.js';
import { badRequest } from '../errors.js';
import type { Exchange } from '../transport/exchange.js';
import { admit } from './auth/auth-guard.js';
import type { Authenticator } from './auth/authenticator.js';
import { handleCloseQuery } from './close-query-endpoint.js';
import { handleInsertsStream } from './inserts-stream-endpoint.js';
import { handleKsql } from './ksql/ksql-endpoint.js';
import { MediaType, negotiate } from './negotiate.js';
import type { OutputOptions } from './query-stream/output-queue.js';
import { handleQueryStream } from './query-stream/query-stream-endpoint.js';
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, limitBody } from './request-body.js';
import { sendError, sendErrorAndRefuseBody, sendNotFound } from './responses.js';
import { handleChc, handleHealthcheck, handleInfo, handleRoot } from './server-info.js';
import {
  handleCreateTopic,
  handleDeleteTopic,
  handleListTopics,
  handleProduce,
  handleReadRecords,
} from './topics-endpoint.js';

export interface RouterContext {
  readonly engine: Engine;
  readonly maxInsertLineBytes: number;
  /** The largest request body read whole (`--max-body-bytes`); 10 MiB if unset. */
  readonly maxBodyBytes?: number;
  /** How push and pull query responses are written (coalescing, per-response buffer bound). */
  readonly output?: OutputOptions;
  /** Present when authentication is on; without it `Authorization` headers are ignored. */
  readonly auth?: Authenticator;
  state(): 'READY' | 'TERMINATING';
}

type Handler = (exchange: Exchange, ctx: RouterContext, mediaType: string | null, params: string[]) => Promise<void> | void;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** Types the route produces, in ksqlDB's order; absent: Accept is not checked. */
  readonly produces?: readonly string[];
  readonly handler: Handler;
}

const STREAM_TYPES = [MediaType.DELIMITED, MediaType.JSON, MediaType.KSQL_V1_JSON];
const KSQL_TYPES = [MediaType.JSON, MediaType.KSQL_V1_JSON];
const TOPIC = '([^/]+)';

const routes: readonly Route[] = [
  { method: 'POST', pattern: /^\/query-stream$/, produces: STREAM_TYPES, handler: (ex, c, mt) => handleQueryStream(ex, c.engine, mt, c.output) },
  { method: 'POST', pattern: /^\/inserts-stream$/, produces: STREAM_TYPES, handler: (ex, c, mt) => handleInsertsStream(ex, c.engine, mt, c.maxInsertLineBytes) },
  { method: 'POST', pattern: /^\/close-query$/, handler: (ex, c) => handleCloseQuery(ex, c.engine) },
  { method: 'POST', pattern: /^\/ksql$/, produces: KSQL_TYPES, handler: (ex, c) => handleKsql(ex, c.engine) },
  { method: 'GET', pattern: /^\/info$/, handler: (ex) => handleInfo(ex) },
  { method: 'GET', pattern: /^\/healthcheck$/, handler: (ex, c) => handleHealthcheck(ex, c.state()) },
  { method: 'GET', pattern: /^\/chc\/(?:ready|live)$/, handler: (ex) => handleChc(ex) },
  { method: 'GET', pattern: /^\/$/, handler: (ex) => handleRoot(ex) },
  { method: 'GET', pattern: /^\/topics$/, handler: (ex, c) => handleListTopics(ex, c.engine) },
  { method: 'PUT', pattern: new RegExp(`^/topics/${TOPIC}$`), handler: (ex, c, _m, p) => handleCreateTopic(ex, c.engine, p[0]!) },
  { method: 'POST', pattern: new RegExp(`^/topics/${TOPIC}$`), handler: (ex, c, _m, p) => handleProduce(ex, c.engine, p[0]!) },
  { method: 'DELETE', pattern: new RegExp(`^/topics/${TOPIC}$`), handler: (ex, c, _m, p) => handleDeleteTopic(ex, c.engine, p[0]!) },
  { method: 'GET', pattern: new RegExp(`^/topics/${TOPIC}/records$`), handler: (ex, c, _m, p) => handleReadRecords(ex, c.engine, p[0]!) },
];

/** Never rejects: whatever a request does, the process goes on serving the others. */
export async function route(exchange: Exchange, ctx: RouterContext): Promise<void> {
  limitBody(exchange, ctx.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  try {
    await dispatch(exchange, ctx);
  } catch (err) {
    await answerFailure(exchange, err);
  }
}

async function dispatch(exchange: Exchange, ctx: RouterContext): Promise<void> {
  // As in ksqlDB, authentication comes before routing: an unknown path without credentials is 401.
  if (ctx.auth && !admit(exchange, ctx.auth)) return;
  for (const r of routes) {
    if (r.method !== exchange.method) continue;
    const m = r.pattern.exec(exchange.path);
    if (!m) continue;
    const mediaType = r.produces ? negotiate(exchange.header('accept'), r.produces) : null;
    if (mediaType === undefined) continue;
    await r.handler(exchange, ctx, mediaType, m.slice(1).map(decodePathParam));
    return;
  }
  drainBody(exchange);
  sendNotFound(exchange);
}

function decodePathParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    throw badRequest(`Invalid path: malformed percent-encoding in '${param}'`);
  }
}

async function answerFailure(exchange: Exchange, err: unknown): Promise<void> {
  try {
    if (err instanceof BodyTooLargeError) return await sendErrorAndRefuseBody(exchange, err);
    drainBody(exchange);
    sendError(exchange, err);
  } catch {
    // The exchange broke while answering (a reset stream, a dropped connection): nobody to tell.
  }
}

/** A body nobody will read is drained so HTTP/1.1 keep-alive and HTTP/2 flow control go on. */
function drainBody(exchange: Exchange): void {
  if (!exchange.body.readableEnded) exchange.body.resume();
}
