/**
 * Puts the layers together: an in-memory topic store, the engine, the router and one listener.
 * `close()` ends every push query, closes every connection (HTTP/2 sessions included) and
 * resolves when the listener is down.
 */
import { Engine, type EngineOptions } from './engine/engine.js';
import { DEFAULT_PULL_SETTINGS } from './planner/pull-settings.js';
import { loadAuthenticator, type AuthFiles } from './protocol/auth/auth-files.js';
import { OVERLOAD_BODY } from './protocol/overload-body.js';
import { DEFAULT_OUTPUT_OPTIONS, type OutputOptions } from './protocol/query-stream/output-queue.js';
import { route } from './protocol/router.js';
import { DEFAULT_MAX_LINE_BYTES } from './protocol/inserts-stream-endpoint.js';
import { DEFAULT_MAX_BODY_BYTES } from './protocol/request-body.js';
import { MemoryTopicStore } from './store/memory/memory-topic-store.js';
import type { RetentionLimits } from './store/topic-log.js';
import { listen, type Listener, type ListenerOptions } from './transport/listener.js';

export interface GatewayOptions extends ListenerOptions {
  readonly engine?: Partial<EngineOptions>;
  /** Per-partition retention of every topic (records and bytes); the store's defaults otherwise. */
  readonly retention?: Partial<RetentionLimits>;
  readonly maxInsertLineBytes?: number;
  /** The largest request body read whole (/ksql, /query-stream, /close-query, /topics). */
  readonly maxBodyBytes?: number;
  /** How query responses are written: coalescing and the per-response buffer bound. */
  readonly output?: OutputOptions;
  /** Credential files for HTTP Basic and Bearer authentication; none: authentication is off. */
  readonly auth?: AuthFiles;
}

export interface Gateway {
  readonly url: string;
  readonly port: number;
  readonly engine: Engine;
  close(): Promise<void>;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  defaultOffsetReset: 'latest',
  maxPushQueries: 50_000,
  scalablePushQueries: false,
  pullQueries: DEFAULT_PULL_SETTINGS,
};

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const store = new MemoryTopicStore({ defaultRetention: options.retention });
  const engine = new Engine(store, { ...DEFAULT_ENGINE_OPTIONS, ...options.engine });
  let state: 'READY' | 'TERMINATING' = 'READY';
  const ctx = {
    engine,
    maxInsertLineBytes: options.maxInsertLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    output: options.output ?? DEFAULT_OUTPUT_OPTIONS,
    auth: options.auth ? loadAuthenticator(options.auth) : undefined,
    state: () => state,
  };
  const listenerOptions = { overloadBody: OVERLOAD_BODY, ...options };
  const listener: Listener = await listen(listenerOptions, (exchange) => void route(exchange, ctx));
  return {
    url: listener.url,
    port: listener.port,
    engine,
    async close() {
      state = 'TERMINATING';
      await engine.close();
      await listener.close();
      await store.close();
    },
  };
}
