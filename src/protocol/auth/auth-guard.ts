/**
 * The router's gate: a request that fails authentication gets ksqlDB's answer before any endpoint
 * sees it: 401 with `{"@type":"generic_error","error_code":40100,"message":"Unauthorized"}` and a
 * `WWW-Authenticate` challenge (RFC 7235 §3.1), or 403 / 40300 `Forbidden` for a user without an
 * allowed role. Like every failure-path error, the body has no Content-Type (protocol spec §0.2).
 */
import { ErrorCode, KsqlError } from '../../errors.js';
import type { Exchange } from '../../transport/exchange.js';
import { errorEntity } from '../responses.js';
import type { Authenticator } from './authenticator.js';

/** True when the request may go on; otherwise it has been answered. */
export function admit(exchange: Exchange, auth: Authenticator): boolean {
  const outcome = auth.check(exchange.path, exchange.header('authorization'));
  if (outcome === 'allowed') return true;
  const error = outcome === 'forbidden' ? new KsqlError(ErrorCode.FORBIDDEN, 'Forbidden') : new KsqlError(ErrorCode.UNAUTHORIZED, 'Unauthorized');
  const body = JSON.stringify(errorEntity(error).entity);
  const challenge = outcome === 'unauthorized' ? auth.challenge : undefined;
  exchange.respond({ status: error.status, headers: { 'www-authenticate': challenge, 'content-length': String(Buffer.byteLength(body)) } });
  exchange.end(body);
  // Read and drop what the client still sends, so HTTP/1.1 keep-alive and HTTP/2 flow control go on.
  exchange.body.resume();
  return false;
}
