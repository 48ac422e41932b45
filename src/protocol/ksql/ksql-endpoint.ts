/**
 * POST /ksql (protocol spec §6): DDL and admin statements. The response is always
 * application/json, errors included; statement errors carry the failing statement.
 */
import type { Engine } from '../../engine/engine.js';
import type { Exchange } from '../../transport/exchange.js';
import { decodeUtf8, parseJsonBody, readBody } from '../request-body.js';
import { sendError, sendJson } from '../responses.js';
import { validateBody } from '../schemas.js';
import { renderEntity } from './entities.js';

const JSON_TYPE = 'application/json';

export async function handleKsql(exchange: Exchange, engine: Engine): Promise<void> {
  const args = validateBody('ksql', parseJsonBody(decodeUtf8(await readBody(exchange))));
  const sql = args.ksql ?? '';
  if (sql.trim() === '') return sendJson(exchange, 200, []);
  try {
    const executed = await engine.executeKsql(sql, args.sessionVariables, args.streamsProperties);
    const ctx = {
      commandSequence: () => engine.nextCommandSequence(),
      partitionsOf: (topic: string) => engine.store.get(topic)?.partitions ?? 0,
      localHost: localHost(exchange),
    };
    const entities = executed.map((e) => renderEntity(e, ctx)).filter((e) => e !== undefined);
    sendJson(exchange, 200, entities);
  } catch (err) {
    sendError(exchange, err, { contentType: JSON_TYPE });
  }
}

/** The address the request reached this server at, as ksqlDB's `host:port` host info. */
function localHost(exchange: Exchange): string {
  const authority = exchange.header(':authority') ?? exchange.header('host') ?? 'localhost';
  return /:\d+$/.test(authority) ? authority : `${authority}:80`;
}
