/** GET /info, GET /healthcheck and the other small endpoints (protocol spec §7). */
import type { Exchange } from '../transport/exchange.js';
import { sendBody, sendJson } from './responses.js';

/** The ksqlDB release whose HTTP API this server speaks. */
export const KSQLDB_VERSION = '7.9.0';
export const KAFKA_CLUSTER_ID = 'streamgate-embedded';
export const KSQL_SERVICE_ID = 'default_';

export function handleInfo(exchange: Exchange): void {
  sendJson(exchange, 200, {
    KsqlServerInfo: {
      version: KSQLDB_VERSION,
      kafkaClusterId: KAFKA_CLUSTER_ID,
      ksqlServiceId: KSQL_SERVICE_ID,
      serverStatus: 'RUNNING',
    },
  });
}

export function handleHealthcheck(exchange: Exchange, state: 'READY' | 'TERMINATING'): void {
  const healthy = { isHealthy: true };
  sendJson(exchange, 200, {
    isHealthy: state === 'READY',
    details: { metastore: healthy, kafka: healthy, commandRunner: healthy },
    serverState: state,
  });
}

export function handleRoot(exchange: Exchange): void {
  exchange.respond({ status: 307, headers: { location: '/info', 'content-length': '0' } });
  exchange.end();
}

export function handleChc(exchange: Exchange): void {
  sendBody(exchange, 200, '{}', 'application/json');
}
