/** POST /close-query (protocol spec §4): ends a push query; 200 with an empty body. */
import { badRequest } from '../errors.js';
import type { Engine } from '../engine/engine.js';
import type { Exchange } from '../transport/exchange.js';
import { decodeUtf8, parseJsonBody, readBody } from './request-body.js';
import { sendBody } from './responses.js';
import { validateBody } from './schemas.js';

export async function handleCloseQuery(exchange: Exchange, engine: Engine): Promise<void> {
  const args = validateBody('closeQuery', parseJsonBody(decodeUtf8(await readBody(exchange))));
  const query = engine.queries.get(args.queryId);
  if (!query) throw badRequest(`No query with id ${args.queryId}`);
  query.close();
  sendBody(exchange, 200, '');
}
