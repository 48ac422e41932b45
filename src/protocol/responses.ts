/**
 * Whole-body responses and ksqlDB's error bodies (protocol spec §0.2, §2.9).
 */
import { ErrorCode, KsqlError, KsqlStatementError } from '../errors.js';
import type { Exchange } from '../transport/exchange.js';

export const INTERNAL_ERROR_MESSAGE =
  'The server encountered an internal error when processing the query. Please consult the server logs for more information.';

export interface ErrorEntity {
  readonly '@type': 'generic_error' | 'statement_error';
  readonly error_code: number;
  readonly message: string;
  readonly statementText?: string;
  readonly entities?: readonly unknown[];
}

/** The error entity for any thrown value; unknown exceptions become 50000 without details. */
export function errorEntity(err: unknown, messageSuffix = ''): { status: number; entity: ErrorEntity } {
  if (err instanceof KsqlStatementError && err.statementText !== undefined) {
    return {
      status: err.status,
      entity: {
        '@type': 'statement_error',
        error_code: err.errorCode,
        message: err.message + messageSuffix,
        statementText: err.statementText,
        entities: [],
      },
    };
  }
  if (err instanceof KsqlError) {
    return { status: err.status, entity: { '@type': 'generic_error', error_code: err.errorCode, message: err.message } };
  }
  return {
    status: 500,
    entity: { '@type': 'generic_error', error_code: ErrorCode.SERVER_ERROR, message: INTERNAL_ERROR_MESSAGE },
  };
}

export function sendBody(exchange: Exchange, status: number, body: string, contentType?: string): void {
  exchange.respond({
    status,
    headers: { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) },
  });
  exchange.end(body);
}

export function sendJson(exchange: Exchange, status: number, value: unknown, contentType = 'application/json'): void {
  sendBody(exchange, status, JSON.stringify(value), contentType);
}

/**
 * Errors from the failure path carry no Content-Type (spec §0.2); endpoints that build their own
 * error bodies (`/ksql`) pass one.
 */
export function sendError(exchange: Exchange, err: unknown, options: { contentType?: string; messageSuffix?: string } = {}): void {
  if (exchange.headersSent) {
    exchange.end();
    return;
  }
  const { status, entity } = errorEntity(err, options.messageSuffix);
  sendBody(exchange, status, JSON.stringify(entity), options.contentType);
}

/**
 * The answer to a request whose body is too large goes out while the client may still be
 * sending it; then the rest of the body is refused instead of read: HTTP/1.1 closes the
 * connection after the response (`Connection: close`), HTTP/2 resets the stream with NO_ERROR
 * once the response is out, as RFC 9113 §8.1 allows a server that has answered early.
 */
export async function sendErrorAndRefuseBody(exchange: Exchange, err: unknown): Promise<void> {
  if (exchange.headersSent) return sendError(exchange, err);
  const { status, entity } = errorEntity(err);
  const body = JSON.stringify(entity);
  const h2 = exchange.httpVersion === '2';
  exchange.respond({ status, headers: { 'content-length': String(Buffer.byteLength(body)), connection: h2 ? undefined : 'close' } });
  await exchange.write(body);
  exchange.end();
  if (h2) exchange.body.destroy();
  else exchange.body.resume();
}

/** The router's catch-all: unknown paths, wrong methods and unmatched Accept headers (§0.3). */
export function sendNotFound(exchange: Exchange): void {
  sendBody(exchange, 404, 'Not Found');
}
