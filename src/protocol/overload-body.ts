/**
 * The body of the 503 that an HTTP/1.1 connection past `--max-connections` gets. The transport
 * writes it before it has parsed any request, so it is made here once, in ksqlDB's error shape,
 * for clients that read `error_code` and `message` from any non-200 answer (protocol spec §9.1).
 */
import { ErrorCode, KsqlError } from '../errors.js';
import { errorEntity } from './responses.js';

export const OVERLOAD_BODY = JSON.stringify(
  errorEntity(new KsqlError(ErrorCode.SERVICE_UNAVAILABLE, 'Too many connections; try again later', 503)).entity,
);
